package dev.ijoka.app.cli;

import dev.ijoka.StoreCopy;
import dev.ijoka.StoreLocation;
import dev.ijoka.api.StoreException;
import dev.ijoka.spi.StoreCopier;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ijoka db copy}: the store as a whole. */
@Command(name = "db",
        description = "The store as a whole: move a plan between stores (SQLite on one machine, PostgreSQL for a team).",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {DbCommands.Copy.class},
        footerHeading = "%nExamples:%n",
        footer = {"  ijoka db copy --from jdbc:sqlite:~/.local/share/ijoka/ijoka.db \\",
            "      --to 'jdbc:postgresql://db.example.com/ijoka?user=ana&sslmode=verify-full'"})
final class DbCommands implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a db command: copy (ijoka db --help)");
    }

    @Command(name = "copy",
            description = {"Copies everything a store holds (projects, features, dependencies, sessions, claims, the event "
                    + "log in sequence order, insights, rules and their counters, every table) into another, empty store: "
                    + "SQLite to PostgreSQL, back, or SQLite to SQLite. The source is not changed (but for its schema, brought "
                    + "up to this version as every command does).",
                "The copy is one transaction on the target: interrupted, it leaves the target empty, and can be run again. "
                    + "A target that already holds data is refused (exit 4), as are the same store twice.",
                "Afterwards the target's event log is replayed and compared with its tables; a difference is an error "
                    + "(exit 11) that says what differs. Passwords (in the URL, --db-password-file, PGPASSWORD, ~/.pgpass) "
                    + "are never printed."},
            footerHeading = "%nExamples:%n",
            footer = {"  ijoka db copy --from jdbc:sqlite:~/.local/share/ijoka/ijoka.db \\",
                "      --to 'jdbc:postgresql://db.example.com/ijoka?user=ana&sslmode=verify-full'",
                "  ijoka db copy --from 'jdbc:postgresql://db.example.com/ijoka?user=ana' --to jdbc:sqlite:backup.db"})
    static final class Copy implements Callable<Integer> {

        @Option(names = "--from", required = true, paramLabel = "URL", description = "The store to copy (not changed).")
        String from;

        @Option(names = "--to", required = true, paramLabel = "URL",
                description = "The store to copy into: new, or created empty (a SQLite file is created; a PostgreSQL "
                        + "database must exist, and its tables are created).")
        String to;

        private final CommandContext ctx;

        @Inject
        Copy(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            StoreLocation source = StoreLocation.of(from, ctx.env().workingDirectory());
            StoreLocation target = StoreLocation.of(to, ctx.env().workingDirectory());
            @Nullable ProgressBar bar = ctx.env().terminal() && !ctx.json() ? new ProgressBar(ctx.err()) : null;
            StoreCopy.Result r;
            try {
                r = StoreCopy.run(source, target, progress(bar));
            } finally {
                if (bar != null) {
                    bar.finish();
                }
            }
            if (!r.replayMatches()) {
                throw new StoreException("copied " + r.rows() + " rows to " + r.to() + ", but its tables differ from its "
                        + "replayed event log: " + String.join("; ", r.differences()) + ". "
                        + (r.sourceDiffersAlike()
                                ? "The source " + r.from() + " differs alike: the copy is faithful; its log did not explain "
                                        + "its tables before the copy."
                                : "The source does not: empty the target (a new database or file) and copy again; "
                                        + "if it recurs, report it.")
                        + " The target keeps the copy.");
            }
            if (ctx.json()) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("from", r.from());
                out.put("to", r.to());
                Map<String, Long> tables = new LinkedHashMap<>();
                r.tables().forEach(t -> tables.put(t.table(), t.rows()));
                out.put("tables", tables);
                out.put("rows", r.rows());
                out.put("lastSequence", r.lastSequence());
                out.put("replayMatches", true);
                ctx.printJson(out);
                return 0;
            }
            ctx.out().println("Copied " + r.rows() + " rows in " + r.tables().size() + " tables from " + r.from() + " to "
                    + r.to() + ".");
            ctx.out().println("Checked: the target's event log replays to its tables. Its last event is " + r.lastSequence()
                    + "; the next gets " + (r.lastSequence() + 1) + ".");
            ctx.out().println("Next: use it with --db '" + r.to() + "' or IJOKA_DB, e.g. ijoka --db '" + r.to() + "' status");
            return 0;
        }

        /** A line per table on stderr once it is copied, and the bar while it is, on a terminal. */
        private StoreCopier.Progress progress(@Nullable ProgressBar bar) {
            return (table, done, total) -> {
                if (bar != null) {
                    bar.rows(table, done, total);
                }
                if (done == total) {
                    if (bar != null) {
                        bar.finish();
                    }
                    ctx.err().println(String.format("copied %-14s %d rows", table, total));
                }
            };
        }
    }
}
