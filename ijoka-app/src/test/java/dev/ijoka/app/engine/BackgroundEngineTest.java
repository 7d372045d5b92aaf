package dev.ijoka.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.Ijoka;
import dev.ijoka.StoreLocation;
import dev.ijoka.app.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background engine in this process, on a real SQLite file: its settings, its state file, its lock, and a whole run
 * that stops when idle. Between real processes (the launcher, kill -9, SIGTERM): {@code EngineIT}.
 */
class BackgroundEngineTest {

    @TempDir
    Path dir;

    @Test
    void theIdleTimeIsTheOptionElseTheVariableElseFifteenMinutes() {
        assertThat(BackgroundEngine.Settings.of(null, Map.of()).idle()).isEqualTo(Duration.ofMinutes(15));
        assertThat(BackgroundEngine.Settings.of(null, Map.of()).poll()).isEqualTo(Duration.ofSeconds(1));
        BackgroundEngine.Settings short_ = BackgroundEngine.Settings.of(null, Map.of(BackgroundEngine.IDLE_VARIABLE, " 2 "));
        assertThat(short_.idle()).isEqualTo(Duration.ofSeconds(2));
        assertThat(short_.poll()).as("four looks per idle time when that is short").isEqualTo(Duration.ofMillis(500));
        assertThat(BackgroundEngine.Settings.of(60, Map.of(BackgroundEngine.IDLE_VARIABLE, "2")).idle()).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> BackgroundEngine.Settings.of(null, Map.of(BackgroundEngine.IDLE_VARIABLE, "15m")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("IJOKA_ENGINE_IDLE takes a number of seconds, got '15m'");
        assertThatThrownBy(() -> BackgroundEngine.Settings.of(0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the idle time must be at least one second, got 0");
    }

    @Test
    void theStateFileSaysWhatItWasToldAndIsOnlyBelievedWhileTheLockIsHeld() throws Exception {
        EngineFiles files = new EngineFiles(dir);
        String url = "jdbc:sqlite:" + dir.resolve("ijoka.db");
        Files.createDirectories(files.storeDirectory(url));
        EngineState state = new EngineState(4242, url, Instant.parse("2026-12-07T05:00:00Z"),
                Instant.parse("2026-12-07T05:01:02.345Z"), 7, Duration.ofMinutes(15));
        state.write(files.state(url));

        assertThat(EngineState.read(files.state(url))).contains(state);
        assertThat(state.idleSince()).isEqualTo(Instant.parse("2026-12-07T05:01:02.345Z"));
        assertThat(files.running()).as("no lock held: a state left by a killed engine").isEmpty();
        EngineLock lock = EngineLock.take(files.lock(url)).orElseThrow();
        try {
            assertThat(files.running()).containsExactly(state);
            assertThat(EngineLock.take(files.lock(url))).as("a second engine").isEmpty();
        } finally {
            lock.close();
        }
        assertThat(files.running()).isEmpty();
        assertThat(EngineState.read(dir.resolve("nothing"))).isEmpty();
    }

    @Test
    void theLauncherIsKeptFromStartingOneByTheVariablesOrAFile() throws Exception {
        EngineFiles files = new EngineFiles(dir);
        assertThat(files.off(Map.of())).isEmpty();
        assertThat(files.off(Map.of("IJOKA_NO_ENGINE", "1"))).contains("turned off by IJOKA_NO_ENGINE");
        assertThat(files.off(Map.of("IJOKA_NO_HANDOFF", "1"))).hasValueSatisfying(why -> assertThat(why).contains("IJOKA_NO_HANDOFF"));
        Files.writeString(dir.resolve("engine.off"), "");
        assertThat(files.off(Map.of())).contains("turned off by " + dir.resolve("engine.off"));
    }

    @Test
    void anEngineListensBesideItsLockKeepsASecondAwayAndStopsWhenIdle() throws Exception {
        StoreLocation store = StoreLocation.of("jdbc:sqlite:" + dir.resolve("ijoka.db"), dir);
        try (Ijoka created = Ijoka.builder().store(store.url()).build()) {
            created.projects().list(); // the store exists, as the launcher requires before it starts an engine
        }
        EngineFiles files = new EngineFiles(dir);
        Files.createDirectories(files.starting()); // the launcher's lock, which the engine gives back once it listens
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        BackgroundEngine.Settings settings = new BackgroundEngine.Settings(Duration.ofSeconds(2), Duration.ofMillis(100), null);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> BackgroundEngine.run(store, files, settings,
                () -> Ijoka.builder().store(store.url()).build(), new PrintStream(log, true, StandardCharsets.UTF_8)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (files.running().isEmpty()) {
            assertThat(System.nanoTime()).as("listening; log: " + log).isLessThan(deadline);
            Thread.sleep(20);
        }
        long pid = ProcessHandle.current().pid();
        assertThat(files.storeDirectory(store.url()).resolve(pid + ".sock")).as("the relay's socket beside the lock").exists();
        assertThat(files.starting()).doesNotExist();

        ByteArrayOutputStream second = new ByteArrayOutputStream();
        int secondExit = BackgroundEngine.run(store, files, settings, () -> {
            throw new AssertionError("a second engine opened the store");
        }, new PrintStream(second, true, StandardCharsets.UTF_8));

        assertThat(secondExit).isZero();
        assertThat(second.toString(StandardCharsets.UTF_8)).contains("another engine holds " + store.url() + " (pid " + pid
                + "): this one stops");
        assertThat(first.get(60, TimeUnit.SECONDS)).as("stopped by itself").isZero();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("holds " + store.url(), "stopped (no request for 2 s), 0 requests answered");
        assertThat(files.storeDirectory(store.url()).resolve(pid + ".sock")).doesNotExist();
        assertThat(files.state(store.url())).doesNotExist();
    }

    @Test
    void onlyAnExistingSqliteStoreIsHeld() {
        EngineFiles files = new EngineFiles(dir);
        BackgroundEngine.Settings settings = new BackgroundEngine.Settings(Duration.ofSeconds(1), Duration.ofMillis(100), null);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);

        assertThat(BackgroundEngine.run(StoreLocation.of("memory:", dir), files, settings, () -> {
            throw new AssertionError("opened");
        }, out)).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(BackgroundEngine.run(StoreLocation.of("jdbc:sqlite:" + dir.resolve("none.db"), dir), files, settings, () -> {
            throw new AssertionError("opened");
        }, out)).isZero();

        assertThat(log.toString(StandardCharsets.UTF_8)).contains("holds SQLite stores only, and memory: is none",
                "no store at " + dir.resolve("none.db") + " yet: nothing to hold");
        assertThat(dir.resolve("none.db")).doesNotExist();
    }
}
