package dev.ijoka.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the command line in process, as a person would in a project directory: each {@link #run} is a
 * new engine on one SQLite file in a temporary directory, so multi-command scenarios see what earlier
 * commands did. Captures stdout, stderr and the exit code.
 */
final class CliHarness implements AutoCloseable {

    /** What one run printed and returned. */
    record Result(int exit, String out, String err) {
        JsonNode json() {
            return JsonMapper.builder().build().readTree(out);
        }

        JsonNode errorJson() {
            return JsonMapper.builder().build().readTree(err).get("error");
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    final Path root;
    final Path project;
    final Map<String, String> env = new HashMap<>();

    CliHarness() {
        try {
            root = Files.createTempDirectory("ijoka-cli-");
            project = Files.createDirectories(root.resolve("shop"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("IJOKA_HOME", root.resolve("home").toString());
        env.put("IJOKA_DB", "jdbc:sqlite:" + root.resolve("ijoka.db"));
        env.put("COLUMNS", "100");
    }

    Result run(String... args) {
        return runIn(project, args);
    }

    Result runIn(Path directory, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Environment environment = new Environment(env, directory, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        int exit = Cli.run(environment, EngineFactory.DEFAULT, args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs and insists on exit 0. */
    Result ok(String... args) {
        Result r = run(args);
        if (r.exit() != 0) {
            throw new AssertionError("expected exit 0 from " + String.join(" ", args) + " but got " + r);
        }
        return r;
    }

    /** Copies a sample file of ijoka-interchange's tests into the project directory. */
    Path sample(String name) {
        try {
            Path source = Path.of(CliHarness.class.getResource("/samples/" + name).toURI());
            return Files.copy(source, project.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    Path file(String name, String content) {
        try {
            return Files.writeString(project.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
