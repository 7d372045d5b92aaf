package dev.ijoka.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The top of the command line: {@code ijoka <command>}. Its subcommands are added by {@link #COMMANDS}
 * (all of them, or only the one a run names: see {@code Cli}).
 */
@Command(name = "ijoka",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        // No header here: with scope INHERIT every subcommand would inherit it and the command list
        // would show this line for each of them instead of their own descriptions.
        description = {
            "Keeps the plan of an AI-assisted software project: features, dependencies, progress.",
            "",
            "Agents (Claude Code, MCP clients) and people work the same plan. Features move through pending, "
                + "in_progress, blocked and complete; 'blocks' dependencies decide what is ready; everything that "
                + "happens is logged.",
            "",
            "The project is the one of the working directory (its git repository), unless --project names another. "
                + "Features are named by number: #12 or 12 (quote #12 in a shell).",
        },
        synopsisSubcommandLabel = "COMMAND",
        footerHeading = "%nGet started:%n",
        footer = {
            "  ijoka import feature_list.json   import a plan (or Task Master tasks.json, beads issues.jsonl)",
            "  ijoka status                     where the project stands",
            "  ijoka next                       the feature to work on next",
            "  ijoka feature start '#1'         start it; then: ijoka step check '#1' 1",
            "  ijoka feature complete '#1'      done: the features waiting for it become ready",
            "  ijoka init                       set this project up for Claude Code (MCP server and hooks)",
            "  ijoka serve                      the live web dashboard on http://127.0.0.1:4000/",
            "  ijoka desktop                    the desktop app (and the dashboard), until Quit",
            "  ijoka db copy --from URL --to URL  move the plan to another store (e.g. PostgreSQL for a team)",
            "  ijoka COMMAND --help             help on one command",
            "",
            "Exit codes: 0 ok, 1 internal error, 2 usage, 3 not found, 4 invalid input, 5 illegal",
            "transition, 6 dependencies incomplete, 7 claim conflict, 8 stale version, 9 dependency cycle,",
            "10 rule violation, 11 store failure, 12 doctor found problems, 13 cannot write a file.",
            "Logs go to stderr; stdout carries only the command's output.",
        })
public final class IjokaCommand implements Runnable {

    /** Every command, by name, in the order help lists them. */
    public static final java.util.Map<String, Class<?>> COMMANDS = commands();

    private static java.util.Map<String, Class<?>> commands() {
        java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
        m.put("status", StatusCommand.class);
        m.put("next", NextCommand.class);
        m.put("feature", FeatureCommands.class);
        m.put("dep", DepCommands.class);
        m.put("step", StepCommands.class);
        m.put("insight", InsightCommands.class);
        m.put("rule", RuleCommands.class);
        m.put("import", ImportCommand.class);
        m.put("export", ExportCommand.class);
        m.put("projects", ProjectsCommand.class);
        m.put("db", DbCommands.class);
        m.put("doctor", DoctorCommand.class);
        m.put("init", InitCommand.class);
        m.put("serve", ServeCommand.class);
        m.put("desktop", DesktopCommand.class);
        m.put("mcp", ProtocolCommands.Mcp.class);
        m.put("hook", ProtocolCommands.Hook.class);
        m.put("engine", EngineCommand.class); // hidden: the launcher starts it (docs/cli.md)
        m.put("help", picocli.CommandLine.HelpCommand.class);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The subcommands of the commands that the command line adds itself (all, or the one a run names), by command:
     * the others declare theirs in {@code @Command(subcommands)}.
     */
    public static final java.util.Map<String, java.util.Map<String, Class<?>>> SUBCOMMANDS =
            java.util.Map.of("feature", FeatureCommands.SUBCOMMANDS);

    @Mixin
    @SuppressWarnings("unused") // picocli fills it; the commands read it through Guice's shared instance
    private GlobalOptions options;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command: ijoka status, ijoka next, ijoka feature list, "
                + "... (ijoka --help lists them)");
    }
}
