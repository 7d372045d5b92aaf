package dev.ijoka.app;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The background engine's warm-up: once it listens, the commands people hand it most ({@code status}, {@code next},
 * {@code feature list}, {@code feature show}, {@code projects}, plain and as JSON) are run once on its own engine, their
 * output dropped, so that their classes, picocli's model of each and the compiler's first code are ready before the
 * first real command arrives. The first commands handed to a new engine took 100-500 ms against 20-70 ms once it was
 * warm (docs/benchmarks.md, "The background engine warmed up").
 *
 * <p>Reads only: the commands run change nothing and append no event. They run on the project with the most features,
 * named by id, so that the engine's working directory need not be a project; with no project there is nothing to run.
 */
public final class EngineWarmUp {

    private EngineWarmUp() {}

    /** What the warm-up did: how many commands it ran, how many of them exited 0, in how long. */
    public record Result(int commands, int succeeded, long millis) {}

    /**
     * Runs the warm-up on {@code engine} (lent to each command, never closed here), whose store is {@code storeUrl}.
     *
     * @param variables the environment the commands see (the engine's own)
     * @param workingDirectory the directory they run in (the engine's own)
     * @param busy whether a real request runs: the next warm-up command waits (up to a second) until none does, so as
     *     not to take the CPU it needs
     */
    public static Result run(Ijoka engine, String storeUrl, Map<String, String> variables, Path workingDirectory,
            BooleanSupplier busy) {
        long started = System.nanoTime();
        List<List<String>> commands = commands(engine);
        int succeeded = 0;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        Environment env = new Environment(variables, workingDirectory, InputStream.nullInputStream(), nowhere, nowhere,
                false);
        EngineFactory lend = url -> engine.lent();
        for (List<String> command : commands) {
            waitWhile(busy);
            List<String> line = new ArrayList<>(List.of("--db", storeUrl));
            line.addAll(command);
            if (Cli.run(env, lend, line.toArray(String[]::new)) == ExitCodes.OK) {
                succeeded++;
            }
        }
        return new Result(commands.size(), succeeded, (System.nanoTime() - started) / 1_000_000);
    }

    /** Waits while {@code busy}, for at most a second: an MCP session handed to the engine counts for as long as it lasts. */
    private static void waitWhile(BooleanSupplier busy) {
        try {
            for (int i = 0; i < 100 && busy.getAsBoolean(); i++) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The commands, on the project with the most features; none without a project. */
    static List<List<String>> commands(Ijoka engine) {
        Optional<Project> biggest = engine.projects().list().stream()
                .max(Comparator.comparingInt(p -> engine.plan().progress(p.id()).total()));
        if (biggest.isEmpty()) {
            return List.of();
        }
        ProjectId project = biggest.get().id();
        List<List<String>> reads = new ArrayList<>(List.of(List.of("status"), List.of("next"),
                List.of("feature", "list", "--ready", "--limit", "20"), List.of("feature", "list", "--limit", "50")));
        engine.plan().next(project, null).ifPresent(f -> reads.add(List.of("feature", "show", String.valueOf(f.number()))));
        List<List<String>> commands = new ArrayList<>();
        commands.add(List.of("projects"));
        for (boolean json : new boolean[] {false, true}) {
            for (List<String> read : reads) {
                List<String> line = new ArrayList<>(List.of("--project", project.value()));
                line.addAll(read);
                if (json) {
                    line.add("--json");
                }
                commands.add(List.copyOf(line));
            }
        }
        return List.copyOf(commands);
    }
}
