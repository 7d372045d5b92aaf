package dev.ijoka.app.cli;

import dev.ijoka.Ijoka;
import dev.ijoka.api.IjokaException;
import dev.ijoka.api.StoreHealth;
import dev.ijoka.app.ExitCodes;
import dev.ijoka.app.engine.EngineFiles;
import dev.ijoka.app.engine.EngineState;
import dev.ijoka.app.update.CheckResult;
import dev.ijoka.app.update.ReleaseVersion;
import dev.ijoka.app.update.UpdateChecker;
import dev.ijoka.app.update.UpdateSettings;
import dev.ijoka.domain.Project;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;

/** {@code ijoka doctor}: is everything in place? */
@Command(name = "doctor",
        description = {"Checks that Ijoka can work here: the Java version, the data directory (exists, writable), the store "
                + "(opens and is migrated to the latest schema), and this directory's project. Says what to fix, and "
                + "whether a newer Ijoka exists (as the desktop app's last daily check found; doctor itself stays offline).",
            "Exit code 0 when all is well, 12 when something needs fixing."},
        footerHeading = "%nExamples:%n",
        footer = {"  ijoka doctor", "  ijoka doctor --db jdbc:sqlite:/tmp/try.db", "  ijoka doctor --json"})
final class DoctorCommand implements Callable<Integer> {

    /** One check's outcome: ok, warn (works, but worth knowing) or fail (must be fixed). */
    record Check(String name, String status, String detail, @Nullable String fix) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("status", status);
            m.put("detail", detail);
            m.put("fix", fix);
            return m;
        }
    }

    private final CommandContext ctx;

    @Inject
    DoctorCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<Check> checks = new ArrayList<>();
        checks.add(java());
        checks.add(dataDirectory());
        Check store = store();
        checks.add(store);
        if (!store.status().equals("fail")) {
            checks.add(project());
        }
        checks.add(update());
        checks.add(engine());
        boolean ok = checks.stream().noneMatch(c -> c.status().equals("fail"));
        if (ctx.json()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", ok);
            out.put("version", VersionProvider.version());
            out.put("checks", checks.stream().map(Check::json).toList());
            ctx.printJson(out);
        } else {
            for (Check c : checks) {
                String mark = switch (c.status()) {
                    case "ok" -> "ok  ";
                    case "warn" -> "warn";
                    default -> "FAIL";
                };
                ctx.out().println("[" + mark + "] " + c.name() + ": " + c.detail());
                if (c.fix() != null) {
                    ctx.out().println("       fix: " + c.fix());
                }
            }
            ctx.out().println(ok ? "All good." : "Fix the problems above, then run ijoka doctor again.");
        }
        return ok ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private static Check java() {
        int feature = Runtime.version().feature();
        String detail = "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ") at "
                + System.getProperty("java.home");
        return feature >= 21 ? new Check("java", "ok", detail, null)
                : new Check("java", "fail", detail + ": Ijoka needs Java 21 or newer",
                        "install a JDK 21+ and set JAVA_HOME to it (the ./ijoka launcher then finds it)");
    }

    private Check dataDirectory() {
        Path dir = ctx.dataDirectory();
        String source = ctx.env().variable("IJOKA_HOME") != null ? " (from IJOKA_HOME)" : "";
        if (!Files.exists(dir)) {
            return new Check("data directory", "warn", dir + source + " does not exist yet; it is created when the default "
                    + "store is first used", "nothing to do, or create it now: mkdir -p '" + dir + "'");
        }
        if (!Files.isDirectory(dir)) {
            return new Check("data directory", "fail", dir + source + " is a file, not a directory",
                    "move the file away, or set IJOKA_HOME to another directory");
        }
        try {
            Path probe = Files.createTempFile(dir, ".doctor-", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            return new Check("data directory", "fail", dir + source + " is not writable (" + e.getMessage() + ")",
                    "chmod u+rwx '" + dir + "', or set IJOKA_HOME to a directory you can write");
        }
        return new Check("data directory", "ok", dir + source + " exists and is writable", null);
    }

    private Check store() {
        String url = ctx.storeUrlAsGiven();
        String source = ctx.storeSource();
        try {
            url = ctx.store().url(); // one spelling per store, the one that is opened
            Ijoka ijoka = ctx.engine();
            // The same check as the dashboard's GET /api/health: open, migrated, writable.
            StoreHealth health = ijoka.health();
            if (!health.usable()) {
                return new Check("store", "fail", health.detail() + source, health.fix());
            }
            int projects = ijoka.projects().list().size();
            return new Check("store", "ok", health.detail() + source + "; " + projects + " project"
                    + (projects == 1 ? "" : "s"), null);
        } catch (IjokaException | IllegalStateException e) {
            return new Check("store", "fail", url + source + " cannot be opened: " + e.getMessage(),
                    "check the URL (--db or IJOKA_DB), that its directory exists and is writable, and that no older Ijoka "
                            + "holds it; to start afresh, move the file away");
        }
    }

    /**
     * What the desktop app's last update check found (kept in the data directory): doctor never goes to the network
     * itself, so it cannot hang on a slow or absent one.
     */
    private Check update() {
        UpdateSettings settings = UpdateSettings.read(ctx.env().variables(), ctx.dataDirectory());
        if (!settings.enabled()) {
            return new Check("updates", "ok", "update checks are " + settings.off(), null);
        }
        Optional<CheckResult> last;
        try {
            last = UpdateChecker.readLast(UpdateChecker.lastCheckFile(ctx.dataDirectory()),
                    ReleaseVersion.parse(VersionProvider.version()));
        } catch (IllegalArgumentException e) {
            return new Check("updates", "ok", "this build's version " + VersionProvider.version() + " is not a release", null);
        }
        if (last.isEmpty()) {
            return new Check("updates", "ok", "not checked yet (the desktop app checks " + settings.feed()
                    + " once a day)", null);
        }
        return switch (last.get()) {
            case CheckResult.Newer n -> new Check("updates", "warn", "Ijoka " + n.feed().version() + " is available (this is "
                    + n.running() + ")" + (n.feed().changes().isEmpty() ? "" : ": " + n.feed().changes()),
                    "download it from " + n.feed().page() + ", or with Update in the desktop app's tray menu");
            case CheckResult.UpToDate u -> new Check("updates", "ok", "up to date (" + u.running() + "; checked "
                    + u.checkedAt() + ")", null);
            case CheckResult.Failed f -> new Check("updates", "ok", "the last check (" + f.checkedAt() + ") failed: "
                    + f.reason(), null);
        };
    }

    /**
     * Whether a background engine runs ({@code ijoka engine}, started by the launcher), as its lock says (a state file
     * left by a killed engine is not believed): its pid, store, and since when it has been idle. Never a failure: the
     * command line works the same without one, only slower.
     */
    private Check engine() {
        EngineFiles files = new EngineFiles(ctx.dataDirectory());
        List<EngineState> running = files.running();
        Optional<String> off = files.off(ctx.env().variables());
        if (running.isEmpty()) {
            return new Check("engine", "ok", "no background engine runs" + off.map(why -> " (" + why + ")")
                    .orElse("; the ijoka launcher starts one when a command finds none (IJOKA_NO_ENGINE=1 turns that off)"),
                    null);
        }
        String mine = storeUrlOrNull();
        Instant now = Instant.now();
        List<String> engines = new ArrayList<>();
        for (EngineState e : running) {
            engines.add("pid " + e.pid() + " on " + e.store() + (e.store().equals(mine) ? " (this store)" : " (another store)")
                    + ", started " + e.started().truncatedTo(ChronoUnit.SECONDS) + ", " + e.requests() + " request"
                    + (e.requests() == 1 ? "" : "s") + " answered, idle since " + e.idleSince().truncatedTo(ChronoUnit.SECONDS)
                    + " (" + Text.relative(e.idleSince(), now) + "; it stops after " + e.idleLimit().toMinutes() + " min idle)");
        }
        return new Check("engine", "ok", (running.size() == 1 ? "a background engine runs: " : running.size()
                + " background engines run: ") + String.join("; ", engines) + off.map(why -> " (" + why
                + ": no new one will start)").orElse("") + ". It takes its store's commands, hooks and ijoka mcp sessions"
                + " (the launcher hands them over, no JVM)", null);
    }

    private @Nullable String storeUrlOrNull() {
        try {
            return ctx.store().url();
        } catch (RuntimeException e) {
            return null; // the store check says what is wrong with it
        }
    }

    private Check project() {
        Ijoka ijoka = ctx.engine();
        Path dir = ctx.env().workingDirectory();
        Optional<Project> here = ijoka.projects().find(dir);
        if (here.isEmpty()) {
            return new Check("project", "ok", "no project at " + ijoka.projects().canonicalRoot(dir) + " yet",
                    "to start one here: ijoka import feature_list.json, or ijoka feature add \"...\"");
        }
        Project p = here.get();
        return new Check("project", "ok", p.name() + " at " + p.root() + ", " + ijoka.plan().progress(p.id()).total()
                + " features", null);
    }
}
