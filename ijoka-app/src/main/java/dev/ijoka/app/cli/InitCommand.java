package dev.ijoka.app.cli;

import dev.ijoka.claude.ClaudeInit;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ijoka init}: sets a project up for Claude Code. */
@Command(name = "init",
        description = {"Sets this project up for Claude Code: registers it, adds the ijoka MCP server to .mcp.json and "
                + "the 'ijoka hook' hooks to .claude/settings.json. Keeps everything the files already hold; running it "
                + "again changes nothing. A malformed file is refused and nothing is written."},
        footerHeading = "%nExamples:%n",
        footer = {"  ijoka init --dry-run   show what would change", "  ijoka init"})
final class InitCommand implements Callable<Integer> {

    private final CommandContext ctx;
    private final GlobalOptions options;

    @Option(names = "--dry-run", description = "Print the files as they would be, and write nothing.")
    boolean dryRun;

    @Inject
    InitCommand(CommandContext ctx, GlobalOptions options) {
        this.ctx = ctx;
        this.options = options;
    }

    @Override
    public Integer call() {
        Path dir = ctx.env().workingDirectory();
        if (options.project != null && Files.isDirectory(dir.resolve(options.project.strip()))) {
            dir = dir.resolve(options.project.strip());
        }
        ClaudeInit.Result result = dryRun ? new ClaudeInit.Result(null, ClaudeInit.plan(dir), true)
                : ClaudeInit.run(ctx.engine(), dir, false);
        if (ctx.json()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("project", result.project() == null ? null : result.project().name());
            out.put("dryRun", result.dryRun());
            List<Map<String, Object>> files = new ArrayList<>();
            for (ClaudeInit.FileChange c : result.changes()) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("path", c.path().toString());
                f.put("changed", c.changed());
                f.put("content", c.after());
                files.add(f);
            }
            out.put("files", files);
            ctx.printJson(out);
        } else if (dryRun) {
            ctx.out().print(ClaudeInit.describe(result.changes()));
            ctx.out().println("(dry run: nothing written)");
        } else {
            if (result.project() != null) {
                ctx.out().println("Project " + result.project().name() + " registered.");
            }
            for (ClaudeInit.FileChange c : result.changes()) {
                ctx.out().println(c.path() + (c.changed() ? (c.before() == null ? ": created" : ": updated") : ": unchanged"));
            }
            ctx.out().println("Start Claude Code here ('claude'): it now has the ijoka tools and hooks.");
        }
        return 0;
    }
}
