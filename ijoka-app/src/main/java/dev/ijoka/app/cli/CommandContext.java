package dev.ijoka.app.cli;

import dev.ijoka.DataDirectory;
import dev.ijoka.Ijoka;
import dev.ijoka.StoreLocation;
import dev.ijoka.api.InvalidInputException;
import dev.ijoka.api.NotFoundException;
import dev.ijoka.app.EngineFactory;
import dev.ijoka.app.Environment;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.interchange.JsonViews;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the commands of one run share: the global options, the engine (opened on first use, closed
 * when the run ends), the project, and the output streams. People act without a session: the
 * command line takes no claims and may steer features that agents hold.
 */
@Singleton
public final class CommandContext implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommandContext.class);

    private final GlobalOptions options;
    private final Environment env;
    private final EngineFactory engines;
    private @Nullable Ijoka engine;
    private @Nullable ObjectWriter json;

    @Inject
    CommandContext(GlobalOptions options, Environment env, EngineFactory engines) {
        this.options = options;
        this.env = env;
        this.engines = engines;
    }

    public Environment env() {
        return env;
    }

    public PrintStream out() {
        return env.out();
    }

    public PrintStream err() {
        return env.err();
    }

    public boolean json() {
        return options.json();
    }

    /**
     * The store: {@code --db}, else {@code IJOKA_DB}, else the SQLite file in the data directory, located as
     * its kind of store reads the URL ({@code ~/} and relative paths resolved against this run's directory).
     *
     * @throws dev.ijoka.api.StoreException if no store handles the URL, or it is not usable
     */
    public StoreLocation store() {
        return StoreLocation.choose(options.db(), env.variables(), env.workingDirectory());
    }

    /** The store's URL as given or chosen by the rule, before it is located (for messages about a URL that fails). */
    public String storeUrlAsGiven() {
        return StoreLocation.chosenUrl(options.db(), env.variables());
    }

    /** Where the store's URL came from, for messages: {@code " (from --db)"}, {@code " (from IJOKA_DB)"} or nothing. */
    public String storeSource() {
        if (options.db() != null && !options.db().isBlank()) {
            return " (from --db)";
        }
        return env.variable(StoreLocation.VARIABLE) != null ? " (from IJOKA_DB)" : "";
    }

    /** The data directory of this run's environment (IJOKA_HOME, XDG_DATA_HOME...). */
    public Path dataDirectory() {
        return DataDirectory.resolve(env.variables(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    /** The engine, opened on the first call. */
    public Ijoka engine() {
        if (engine == null) {
            String url = store().url();
            long started = System.nanoTime();
            engine = engines.open(url);
            log.debug("opened {} in {} ms", engine.storeDescription(), (System.nanoTime() - started) / 1_000_000);
        }
        return engine;
    }

    /**
     * The project this run works on: {@code --project} (a directory, an id or a name), else the
     * working directory's. With {@code register}, a directory without a project becomes one.
     *
     * @throws NotFoundException saying how to get a project
     */
    public Project project(boolean register) {
        Ijoka ijoka = engine();
        String given = options.project();
        if (given != null && !given.isBlank()) {
            Path dir = env.workingDirectory().resolve(given.strip());
            if (Files.isDirectory(dir)) {
                return inDirectory(ijoka, dir, register);
            }
            return projectNamed(given, "give a directory, or an id or name that 'ijoka projects' lists",
                    "give its id or directory instead");
        }
        return inDirectory(ijoka, env.workingDirectory(), register);
    }

    /** A project by its id or its name (case-insensitive), as {@code ijoka projects} lists them. */
    public Project projectByIdOrName(String given) {
        return projectNamed(given, "give an id or name that 'ijoka projects' lists", "give its id instead");
    }

    private Project projectNamed(String given, String whatToGive, String whenAmbiguous) {
        List<Project> all = engine().projects().list();
        Optional<Project> byId = all.stream().filter(p -> p.id().value().equals(given.strip())).findFirst();
        if (byId.isPresent()) {
            return byId.get();
        }
        List<Project> byName = all.stream().filter(p -> p.name().equalsIgnoreCase(given.strip())).toList();
        if (byName.size() == 1) {
            return byName.getFirst();
        }
        throw new NotFoundException(byName.isEmpty()
                ? "there is no project '" + given + "': " + whatToGive
                : byName.size() + " projects are called '" + given + "': " + whenAmbiguous);
    }

    /** Whether {@link #project(boolean) project(false)} would find a project (nothing is registered). */
    public boolean projectExists() {
        try {
            project(false);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static Project inDirectory(Ijoka ijoka, Path dir, boolean register) {
        if (register) {
            return ijoka.projects().open(dir);
        }
        return ijoka.projects().find(dir).orElseThrow(() -> new NotFoundException("there is no project at "
                + ijoka.projects().canonicalRoot(dir) + " yet: import a plan (ijoka import feature_list.json) or add a feature "
                + "(ijoka feature add \"...\") there first, or name one with --project (ijoka projects lists them)"));
    }

    /** Reads {@code #12}, {@code 12} or a feature id, in this run's project. */
    public FeatureRef ref(String text) {
        String t = text.strip();
        String digits = t.startsWith("#") ? t.substring(1) : t;
        try {
            if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
                return FeatureRef.parse(project(false).id(), t);
            }
            return FeatureRef.parse(new ProjectId("-"), t);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    /** A feature as JSON, in its one view (docs/api.md). */
    public Map<String, Object> featureJson(Feature f) {
        return JsonViews.feature(f, JsonViews.Context.of(engine()));
    }

    /** Prints a value as pretty JSON on stdout. */
    public void printJson(@Nullable Object value) {
        if (json == null) {
            json = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build().writer()
                    .with(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                            .withObjectNameValueSpacing(Separators.Spacing.AFTER))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n")));
        }
        // Written through to the stream rather than built as one String first: a list of 10,000 features is some
        // megabytes of text that a one-shot command would otherwise hold twice at its peak (docs/benchmarks.md).
        // The stream's own charset, as println would use, and left open: more may follow.
        PrintStream out = out();
        Writer text = new OutputStreamWriter(out, out.charset());
        json.writeValue(text, value);
        try {
            text.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    /** One JSON line (for errors on stderr). */
    public String compactJson(Object value) {
        return JsonMapper.builder().build().writeValueAsString(value);
    }

    /** How wide lines may be: {@code COLUMNS}, else 100. */
    public int width() {
        String columns = env.variable("COLUMNS");
        try {
            return columns == null ? 100 : Math.max(40, Integer.parseInt(columns.strip()));
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    /** A warning for a person, on stderr (never in --json output). */
    public void warn(String message) {
        err().println("warning: " + message);
    }

    /** A lower-case word for an enum value, as people read it: {@code in progress}. */
    public static String words(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
