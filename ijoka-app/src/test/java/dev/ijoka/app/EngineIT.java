package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.app.engine.EngineFiles;
import dev.ijoka.app.engine.EngineState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's background engine ({@code ijoka engine}, started by the {@code ./ijoka} launcher), between real
 * processes on a real SQLite file: the launcher, the engine it starts detached, and the commands handed to it. Every
 * other test runs with {@code IJOKA_NO_ENGINE=1} (the parent pom); these turn it on, with a copy of the jar of their
 * own (so that changing its time on disk touches nothing else), and kill whatever engine they leave.
 */
class EngineIT {

    private static final Path LAUNCHER = Path.of("..", "ijoka").toAbsolutePath().normalize();
    private static final Path BUILT = Path.of("target").toAbsolutePath();

    @TempDir
    Path dir;
    private Path home;
    private Path project;
    private Path jar;
    private final List<Long> engines = new ArrayList<>();

    record Run(int exit, String out, String err) {}

    @BeforeEach
    void setUp() throws Exception {
        home = dir.resolve("home");
        project = Files.createDirectories(dir.resolve("shop"));
        Path app = Files.createDirectories(dir.resolve("app"));
        jar = Files.copy(BUILT.resolve("ijoka.jar"), app.resolve("ijoka.jar"));
        Files.createSymbolicLink(app.resolve("lib"), BUILT.resolve("lib"));
        if (Files.exists(BUILT.resolve("ijoka.version"))) {
            Files.copy(BUILT.resolve("ijoka.version"), app.resolve("ijoka.version"));
        }
        Files.writeString(project.resolve("feature_list.json"), """
                [
                  {"category": "functional", "description": "Visitor can browse the catalogue",
                   "steps": ["Open the home page", "See at least one product"], "passes": false},
                  {"category": "functional", "description": "Visitor can add a product to the cart",
                   "steps": ["Click Add"], "passes": false},
                  {"category": "style", "description": "The cart icon bounces", "steps": [], "passes": false}
                ]
                """);
        Run imported = ijoka(Map.of(), "import", "feature_list.json");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(home.resolve(EngineFiles.LOG)).as("import starts no engine").doesNotExist();
    }

    /** Every engine this test saw, and any other that listens in its data directory, killed. */
    @AfterEach
    void killEngines() throws IOException {
        engines.addAll(socketPids());
        for (long pid : engines) {
            ProcessHandle.of(pid).ifPresent(p -> {
                p.destroyForcibly();
                p.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).join();
            });
        }
        Files.deleteIfExists(dir.resolve("app/lib")); // JUnit warns about links out of its temporary directory
    }

    private Run ijoka(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile());
        pb.environment().remove("IJOKA_DB");
        pb.environment().remove("IJOKA_NO_ENGINE");
        pb.environment().remove("IJOKA_NO_HANDOFF");
        pb.environment().put("IJOKA_HOME", home.toString());
        pb.environment().put("IJOKA_JAR", jar.toString());
        pb.environment().put("IJOKA_NO_CDS", "1"); // no start-up cache training behind these runs
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("COLUMNS", "100");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("ijoka " + String.join(" ", args) + " finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The same command with the engine and the hand-off off: the command line as it was before the engine. */
    private Run alone(String... args) throws IOException, InterruptedException {
        return ijoka(Map.of("IJOKA_NO_ENGINE", "1", "IJOKA_NO_HANDOFF", "1"), args);
    }

    private String store() {
        return "jdbc:sqlite:" + home.resolve("ijoka.db");
    }

    /** The pids of the relay sockets in the data directory (their names). */
    private List<Long> socketPids() throws IOException {
        return RelayListing.files(home, ".sock").stream().map(p -> p.getFileName().toString())
                .map(n -> Long.parseLong(n.substring(0, n.length() - ".sock".length()).replaceFirst("-\\d+$", ""))).toList();
    }

    private static void await(String what, Duration limit, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + limit.toSeconds() + " s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Waits for an engine to listen and returns its pid. */
    private long awaitEngine() throws Exception {
        await("an engine listening; engine.log: " + log(), Duration.ofSeconds(90), () -> !unchecked(this::socketPids).isEmpty());
        long pid = socketPids().getFirst();
        engines.add(pid);
        // It writes its state once it listens (its first look, a moment after).
        await("the engine's state", Duration.ofSeconds(30), () -> new EngineFiles(home).running().size() == 1);
        return pid;
    }

    private String log() {
        try {
            return Files.exists(home.resolve(EngineFiles.LOG)) ? Files.readString(home.resolve(EngineFiles.LOG)) : "(none)";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private long requests() {
        return new EngineFiles(home).running().stream().mapToLong(EngineState::requests).sum();
    }

    private interface IoSupplier<T> {
        T get() throws Exception;
    }

    private static <T> T unchecked(IoSupplier<T> s) {
        try {
            return s.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void fiveColdCommandsStartOneEngineAndTheNextCommandsAreHandedToItPrintingWhatTheyWouldAlone() throws Exception {
        List<Process> together = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "next").directory(project.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(dir.resolve("together-" + i + ".txt").toFile());
            pb.environment().remove("IJOKA_DB");
            pb.environment().remove("IJOKA_NO_ENGINE");
            pb.environment().remove("IJOKA_NO_HANDOFF");
            pb.environment().putAll(Map.of("IJOKA_HOME", home.toString(), "IJOKA_JAR", jar.toString(), "IJOKA_NO_CDS", "1",
                    "JAVA_HOME", System.getProperty("java.home")));
            together.add(pb.start());
        }
        for (Process p : together) {
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        long pid = awaitEngine();
        // Whatever started meanwhile has settled: the launcher's lock is gone once the engine listens.
        await("the launcher's lock released", Duration.ofSeconds(30), () -> !Files.exists(home.resolve(EngineFiles.STARTING)));
        assertThat(socketPids()).as("one engine listens").containsExactly(pid);
        assertThat(count(log(), "\\): holds jdbc:sqlite:")).as("one engine started; engine.log: " + log()).isEqualTo(1);
        assertThat(new EngineFiles(home).running()).singleElement().satisfies(s -> {
            assertThat(s.pid()).isEqualTo(pid);
            assertThat(s.store()).isEqualTo(store());
        });
        // The engine's lock and state sit in the relay's own directory of the store, beside its socket.
        assertThat(new EngineFiles(home).storeDirectory(store()).resolve(pid + ".sock")).exists();

        long before = requests();
        List<String[]> lines = List.of(new String[] {"next"}, new String[] {"status", "--json"},
                new String[] {"feature", "show", "#1"},
                new String[] {"feature", "complete", "#2"}, new String[] {"feature", "show", "#99"});
        for (String[] line : lines) {
            Run handed = ijoka(Map.of(), line);
            Run own = alone(line);
            assertThat(handed).as("ijoka " + String.join(" ", line) + " handed over, against its own process").isEqualTo(own);
        }
        assertThat(alone("feature", "complete", "#2").exit()).as("a refused command is among them").isEqualTo(ExitCodes.ILLEGAL_TRANSITION);
        // Each of them was answered by the engine, as its count says.
        await("the engine counting " + lines.size() + " requests more than " + before, Duration.ofSeconds(30),
                () -> requests() == before + lines.size());
        assertThat(socketPids()).as("still the one engine").containsExactly(pid);
    }

    @Test
    void theEngineStopsAfterItsIdleTimeAndWhenItsJarChangesOnDisk() throws Exception {
        assertThat(ijoka(Map.of("IJOKA_ENGINE_IDLE", "3"), "status").exit()).isZero();
        long idle = awaitEngine();
        await("the idle engine gone", Duration.ofSeconds(60), () -> ProcessHandle.of(idle).isEmpty());
        assertThat(socketPids()).as("its socket removed").isEmpty();
        assertThat(new EngineFiles(home).running()).isEmpty();
        assertThat(log()).contains("stopped (no request for 3 s)");

        assertThat(ijoka(Map.of(), "status").exit()).isZero();
        long upgraded = awaitEngine();
        assertThat(upgraded).isNotEqualTo(idle);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000)); // a new build
        await("the engine of the old jar gone", Duration.ofSeconds(60), () -> ProcessHandle.of(upgraded).isEmpty());
        assertThat(socketPids()).isEmpty();
        assertThat(log()).contains("ijoka.jar changed on disk");
        // The next command runs itself and starts the new build's engine.
        assertThat(ijoka(Map.of(), "next")).isEqualTo(alone("next"));
        assertThat(awaitEngine()).isNotEqualTo(upgraded);
    }

    @Test
    void anEngineKilledWithSignalNineLeavesTheNextCommandWorkingAndANewEngineStarts() throws Exception {
        assertThat(ijoka(Map.of(), "next").exit()).isZero();
        long killed = awaitEngine();
        ProcessHandle.of(killed).orElseThrow().destroyForcibly();
        await("the killed engine gone", Duration.ofSeconds(30), () -> ProcessHandle.of(killed).isEmpty());
        assertThat(socketPids()).as("its socket stays behind").containsExactly(killed);
        assertThat(new EngineFiles(home).running()).as("a killed engine's state file is not believed").isEmpty();

        Run next = ijoka(Map.of(), "next");

        assertThat(next).as("the next command, run in its own process").isEqualTo(alone("next"));
        long fresh = awaitEngine();
        assertThat(fresh).isNotEqualTo(killed);
        assertThat(socketPids()).as("the dead socket removed").containsExactly(fresh);
    }

    @Test
    void aSecondEngineOnTheSameStoreStopsAtOnceAndStopStopsTheFirstCleanly() throws Exception {
        ProcessBuilder engine = new ProcessBuilder(LAUNCHER.toString(), "engine").directory(home.toFile())
                .redirectOutput(dir.resolve("first.out").toFile()).redirectError(dir.resolve("first.err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        engine.environment().remove("IJOKA_DB");
        engine.environment().putAll(Map.of("IJOKA_HOME", home.toString(), "IJOKA_JAR", jar.toString(), "IJOKA_NO_CDS", "1",
                "JAVA_HOME", System.getProperty("java.home")));
        Process first = engine.start();
        long pid = awaitEngine();
        assertThat(pid).isEqualTo(first.pid());

        Run second = ijoka(Map.of(), "engine");

        assertThat(second.exit()).isZero();
        assertThat(second.out()).as("an engine prints nothing on stdout").isEmpty();
        assertThat(second.err()).contains("another engine holds " + store() + " (pid " + pid + "): this one stops");
        assertThat(socketPids()).containsExactly(pid);
        Run doctor = ijoka(Map.of(), "doctor");
        assertThat(doctor.out()).contains("[ok  ] engine: a background engine runs: pid " + pid + " on " + store()
                + " (this store), started ");

        Run stop = ijoka(Map.of(), "engine", "--stop");

        assertThat(stop.exit()).as(stop.err()).isZero();
        assertThat(stop.out()).isEqualTo("Stopped the background engine (pid " + pid + ") on " + store() + ".\n");
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(dir.resolve("first.out"))).isEmpty();
        assertThat(Files.readString(dir.resolve("first.err"))).contains("stopped (asked to stop)");
        assertThat(socketPids()).as("the socket removed").isEmpty();
        assertThat(Files.exists(new EngineFiles(home).state(store()))).as("the state removed").isFalse();
        assertThat(ijoka(Map.of("IJOKA_NO_ENGINE", "1"), "doctor").out())
                .contains("[ok  ] engine: no background engine runs (turned off by IJOKA_NO_ENGINE)");
        assertThat(ijoka(Map.of("IJOKA_NO_ENGINE", "1"), "engine", "--stop").out()).isEqualTo("No background engine runs.\n");
    }

    @Test
    void noEngineStartsWhenTurnedOffOrForACommandThatIsNeverHandedOver() throws Exception {
        assertThat(ijoka(Map.of("IJOKA_NO_ENGINE", "1"), "next").exit()).isZero();
        assertThat(ijoka(Map.of("IJOKA_NO_HANDOFF", "1"), "status").exit()).isZero();
        Files.writeString(home.resolve(EngineFiles.OFF_FILE), "");
        assertThat(ijoka(Map.of(), "next").exit()).isZero();
        Files.delete(home.resolve(EngineFiles.OFF_FILE));
        for (String[] line : List.of(new String[] {"doctor"}, new String[] {"export"}, new String[] {"status", "--help"},
                new String[] {"--version"}, new String[] {"next", "--db", "jdbc:sqlite:relative.db"})) {
            ijoka(Map.of(), line);
        }
        Thread.sleep(2_000); // an engine started in the background would have said so in its log by now
        assertThat(home.resolve(EngineFiles.LOG)).as("no engine started").doesNotExist();
        assertThat(socketPids()).isEmpty();
    }
}
