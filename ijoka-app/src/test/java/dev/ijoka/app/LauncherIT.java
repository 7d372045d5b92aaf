package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real thing: the repository's {@code ./ijoka} launcher running the built {@code ijoka.jar} in
 * separate processes, as a new user would after the README's build. Runs after {@code package}.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("..", "ijoka").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        JsonNode json() {
            return JsonMapper.builder().build().readTree(out);
        }
    }

    private Run ijoka(Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.resolve("shop").toFile());
        pb.environment().remove("IJOKA_DB");
        pb.environment().put("IJOKA_HOME", dir.resolve("home").toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("COLUMNS", "100");
        pb.environment().putAll(extraEnv);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("ijoka " + String.join(" ", args) + " finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private Run ijoka(String... args) throws IOException, InterruptedException {
        return ijoka(Map.of(), args);
    }

    private Run ok(String... args) throws IOException, InterruptedException {
        Run r = ijoka(args);
        assertThat(r.exit()).as("exit of ijoka " + String.join(" ", args) + "; stderr: " + r.err()).isZero();
        assertThat(r.err()).as("stderr of ijoka " + String.join(" ", args)).isEmpty();
        return r;
    }

    @Test
    void aNewUserImportsAPlanAndWorksTheFirstFeatureThrough() throws Exception {
        Files.createDirectories(dir.resolve("shop"));
        Files.writeString(dir.resolve("shop/feature_list.json"), """
                [
                  {"category": "functional", "description": "Visitor can browse the catalogue",
                   "steps": ["Open the home page", "See at least one product"], "passes": false},
                  {"category": "functional", "description": "Visitor can add a product to the cart",
                   "steps": ["Click Add", "The cart shows 1"], "passes": false},
                  {"category": "style", "description": "The cart icon bounces when a product is added", "steps": [], "passes": false}
                ]
                """);

        assertThat(ok("import", "feature_list.json").out()).startsWith("Imported feature_list.json (feature-list) into shop: "
                + "3 features created");
        assertThat(ok("next").out()).startsWith("Next: #1  Visitor can browse the catalogue\n");
        assertThat(ok("feature", "start", "#1").out()).contains("Started #1", "(in_progress)");
        assertThat(ok("step", "check", "#1", "1", "2").out()).contains("2/2 steps done");
        assertThat(ok("feature", "complete", "#1").out()).contains("Completed #1", "(complete)");

        JsonNode status = ok("status", "--json").json();
        assertThat(status.get("progress").get("complete").asInt()).isEqualTo(1);
        assertThat(status.get("progress").get("total").asInt()).isEqualTo(3);
        assertThat(status.get("progress").get("percentComplete").asInt()).isEqualTo(33);
        assertThat(status.get("next").get(0).get("ref").asString()).isEqualTo("#2");

        Run refused = ijoka("feature", "complete", "#2");
        assertThat(refused.exit()).isEqualTo(ExitCodes.ILLEGAL_TRANSITION);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).isEqualTo("ijoka: cannot complete #2: it is pending. From pending you can start or block.\n");

        assertThat(dir.resolve("home/ijoka.db")).exists();
        // The start-up cache of the command line: on JDK 25+ an AOT cache that a training run makes in the
        // background after the first command; before, the archive the first command wrote at exit.
        int major = Runtime.version().feature();
        Path cds = dir.resolve("home/cds");
        String cache = major >= 25 ? "ijoka-.*-java" + major + "-cli\\.aot" : "ijoka-.*-java" + major + "-cli\\.jsa";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (cacheFiles(cds).noneMatch(name -> name.matches(cache)) || cacheFiles(cds).anyMatch(name -> name.endsWith(".lock"))) {
            assertThat(System.nanoTime()).as("the start-up cache %s in %s after 180 s; files: %s", cache, cds,
                    cacheFiles(cds).toList()).isLessThan(deadline);
            Thread.sleep(200);
        }
        assertThat(cacheFiles(cds).filter(name -> name.endsWith(".aot") || name.endsWith(".jsa")))
                .as("one cache, for the command line").singleElement().asString().matches(cache);
        // A run with the cache says the same and nothing on stderr (a cache the JVM refused would warn there).
        assertThat(ok("next").out()).startsWith("Next: #2  Visitor can add a product to the cart\n");
    }

    @Test
    void theStartUpCacheIsTrainedFromTheDataDirectoryWhenTheWorkingDirectoryIsGone() throws Exception {
        // An agent removes a temporary worktree right after a command there: the training that command started in
        // the background must not depend on it. Here the directory is gone before the launcher even starts (the
        // command itself then cannot run: a JVM cannot start in a deleted directory), so the race is lost for sure.
        Path gone = Files.createDirectories(dir.resolve("gone"));
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "cd \"$1\" && rmdir \"$1\" && exec \"$2\" status", "test",
                gone.toString(), LAUNCHER.toString());
        pb.environment().remove("IJOKA_DB");
        pb.environment().remove("IJOKA_NO_CDS");
        pb.environment().put("IJOKA_HOME", dir.resolve("home").toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("gone.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(gone).doesNotExist();

        int major = Runtime.version().feature();
        Path cds = dir.resolve("home/cds");
        String cache = major >= 25 ? "ijoka-.*-java" + major + "-cli\\.aot" : "ijoka-.*-java" + major + "-cli\\.jsa";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!Files.isDirectory(cds) || cacheFiles(cds).anyMatch(name -> name.endsWith(".lock"))
                || cacheFiles(cds).noneMatch(name -> name.matches(cache))) {
            if (System.nanoTime() > deadline || (Files.isDirectory(cds) && cacheFiles(cds).noneMatch(n -> n.endsWith(".lock"))
                    && cacheFiles(cds).noneMatch(name -> name.matches(cache)))) {
                String log = Files.isRegularFile(cds.resolve("training-cli.log")) ? Files.readString(cds.resolve("training-cli.log")) : "";
                throw new AssertionError("no start-up cache " + cache + " in " + cds + "; the training said:\n" + log);
            }
            Thread.sleep(200);
        }
        assertThat(Files.readString(cds.resolve("training-cli.log"))).doesNotContain("Could not determine current working directory");
    }

    private static Stream<String> cacheFiles(Path cds) throws IOException {
        try (Stream<Path> files = Files.list(cds)) {
            return files.map(p -> p.getFileName().toString()).toList().stream();
        }
    }

    @Test
    void theVersionAloneRunsWithoutTheStartUpCacheAndTrainsNone() throws Exception {
        assumeTrue(Files.isExecutable(LAUNCHER));
        Files.createDirectories(dir.resolve("shop"));
        Map<String, String> env = new java.util.HashMap<>();
        env.put("IJOKA_JAVA_OPTS", "-XX:+PrintCommandLineFlags");
        env.put("IJOKA_NO_CDS", "");

        Run version = ijoka(env, "--version");

        assertThat(version.exit()).isZero();
        assertThat(version.out()).contains("ijoka ").doesNotContain("AOTCache", "SharedArchiveFile");
        Path cds = dir.resolve("home/cds");
        assertThat(Files.isDirectory(cds) ? cacheFiles(cds).toList() : List.<String>of()).as("no training started").isEmpty();
    }

    @Test
    void theLauncherSkipsAnOldJavaAndExplainsAMissingJar() throws Exception {
        Files.createDirectories(dir.resolve("shop"));
        Path java17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        if (Files.isDirectory(java17)) {
            Run r = ijoka(Map.of("JAVA_HOME", java17.toString(), "IJOKA_NO_CDS", "1"), "--version");
            assertThat(r.exit()).isZero();
            assertThat(r.out()).startsWith("ijoka ").doesNotContain("Java 17");
        }

        Run missing = ijoka(Map.of("IJOKA_JAR", dir.resolve("nope.jar").toString(), "IJOKA_NO_CDS", "1"), "status");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.jar is missing. Build it first");
    }

    @Test
    void aCommandRunsWithASmallFixedYoungGenerationAndTheMcpServerWithout() throws Exception {
        assumeTrue(Files.isExecutable(LAUNCHER));
        Files.createDirectories(dir.resolve("shop"));
        // The JVM prints the flags it was given (and those it chose) on stdout before main runs.
        Map<String, String> env = Map.of("IJOKA_NO_CDS", "1", "IJOKA_JAVA_OPTS", "-XX:+PrintCommandLineFlags");

        Run command = ijoka(env, "--version");
        Run mcp = ijoka(env, "mcp", "--help");

        assertThat(command.out()).as("the command line's flags").contains("-XX:MaxNewSize=16777216", "-XX:+UseSerialGC");
        assertThat(mcp.out()).as("the MCP server's flags").contains("-XX:+UseSerialGC").doesNotContain("-XX:MaxNewSize=16777216");
        // C1 held back for the MCP server's start only (and a direct hook's), not for a command
        assertThat(mcp.out()).as("the MCP server's flags").contains("-XX:CompileThresholdScaling=4");
        assertThat(command.out()).as("the command line's flags").doesNotContain("CompileThresholdScaling");
    }

    @Test
    void theLauncherWorksThroughASymlinkOnThePath() throws Exception {
        assumeTrue(Files.isExecutable(LAUNCHER));
        Files.createDirectories(dir.resolve("shop"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("ijoka"), LAUNCHER);
        ProcessBuilder pb = new ProcessBuilder(bin.resolve("ijoka").toString(), "--version").directory(dir.toFile());
        pb.environment().put("IJOKA_HOME", dir.resolve("home").toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("IJOKA_NO_CDS", "1"); // no start-up cache training behind this short test
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(out).startsWith("ijoka ");
        Files.delete(bin.resolve("ijoka")); // JUnit warns about links out of its temporary directory
    }
}
