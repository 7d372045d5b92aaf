package dev.ijoka.app.engine;

import dev.ijoka.Ijoka;
import dev.ijoka.StoreLocation;
import dev.ijoka.app.CommandRelay;
import dev.ijoka.app.EngineWarmUp;
import dev.ijoka.app.ExitCodes;
import dev.ijoka.claude.HookRelayServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code ijoka engine}: holds one SQLite store's engine open in the background and runs the relay on it, as
 * {@code ijoka serve} does without the web server, so that the command line's next commands are handed to a warm
 * engine (docs/architecture.md, "The background engine"). The launcher starts it, detached, when a command that would
 * be handed over finds no server; it stops by itself:
 *
 * <ul>
 *   <li>after {@link Settings#idle} without a request (default 15 minutes): it costs memory while it waits;</li>
 *   <li>when its jar changes on disk (an upgrade, a rebuild): the next command starts the new build's engine;</li>
 *   <li>when its store's file is gone or replaced: it must not answer for a store nobody else sees any more;</li>
 *   <li>on SIGTERM ({@code ijoka engine --stop}, {@code kill}): the requests in flight finish, the socket is removed,
 *       the store is closed cleanly.</li>
 * </ul>
 *
 * One per store: the lock ({@link EngineLock}) is taken before the store is opened, and a second engine gives up at
 * once. Nothing on stdout: the launcher sends both streams to {@code engine.log}, where this says what it does.
 */
public final class BackgroundEngine {

    /** The idle time in seconds, for tests and for people who want another (the command's {@code --idle} wins). */
    public static final String IDLE_VARIABLE = "IJOKA_ENGINE_IDLE";
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(15);
    private static final Duration POLL = Duration.ofSeconds(1);

    /**
     * How the engine watches: its idle time, how often it looks, and the jar whose change on disk stops it.
     *
     * @param jar the jar to watch, or null for none (classes from a directory: tests in process)
     */
    public record Settings(Duration idle, Duration poll, @Nullable Path jar) {

        public Settings {
            Objects.requireNonNull(idle, "idle");
            Objects.requireNonNull(poll, "poll");
        }

        /** {@code --idle SECONDS} if given, else {@link #IDLE_VARIABLE}, else 15 minutes; the running jar watched. */
        public static Settings of(@Nullable Integer idleSeconds, java.util.Map<String, String> env) {
            Duration idle = DEFAULT_IDLE;
            if (idleSeconds != null) {
                idle = Duration.ofSeconds(idleSeconds);
            } else if (env.get(IDLE_VARIABLE) != null) {
                try {
                    idle = Duration.ofSeconds(Long.parseLong(env.get(IDLE_VARIABLE).strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(IDLE_VARIABLE + " takes a number of seconds, got '"
                            + env.get(IDLE_VARIABLE) + "'");
                }
            }
            if (idle.isNegative() || idle.isZero()) {
                throw new IllegalArgumentException("the idle time must be at least one second, got " + idle.toSeconds());
            }
            // Looked at every second, or four times per idle time when that is shorter (tests).
            Duration poll = idle.dividedBy(4).compareTo(POLL) < 0 ? idle.dividedBy(4) : POLL;
            return new Settings(idle, poll, runningJar());
        }

        /** The jar this class was loaded from; null when it comes from a directory. */
        private static @Nullable Path runningJar() {
            try {
                Path p = Path.of(BackgroundEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                return Files.isRegularFile(p) ? p : null;
            } catch (java.net.URISyntaxException | RuntimeException e) {
                return null;
            }
        }
    }

    private final StoreLocation store;
    private final EngineFiles files;
    private final Settings settings;
    private final PrintStream log;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    private BackgroundEngine(StoreLocation store, EngineFiles files, Settings settings, PrintStream log) {
        this.store = store;
        this.files = files;
        this.settings = settings;
        this.log = log;
    }

    /**
     * Runs the engine of {@code store} until one of the reasons in the class comment stops it, and returns the exit code:
     * 0 when it ran, or found another engine holding the store, or no store to hold yet (nothing is wrong in either).
     *
     * @param open opens the store's engine, called once the lock is held
     * @param log where it says what it does (the process's stderr: {@code engine.log})
     */
    public static int run(StoreLocation store, EngineFiles files, Settings settings, Supplier<Ijoka> open, PrintStream log) {
        try {
            return new BackgroundEngine(store, files, settings, log).run(open);
        } finally {
            files.clearStarting();
        }
    }

    private int run(Supplier<Ijoka> open) {
        if (!store.url().startsWith("jdbc:sqlite:") || store.file() == null) {
            say("holds SQLite stores only, and " + store.url() + " is none (a PostgreSQL store's password is a process-wide "
                    + "setting that a handed-over command could not change)");
            return ExitCodes.INVALID_INPUT;
        }
        if (!Files.isRegularFile(store.file())) {
            say("no store at " + store.file() + " yet: nothing to hold (a command creates it; the next one starts an engine)");
            return ExitCodes.OK;
        }
        // The file as found here, before the opening: removed or replaced from now on (a test's directory cleaned up
        // while this JVM started, a user's rm), and the engine stops at its first look, though opening it again made
        // a new file at the same path.
        Stamp storeFile = Stamp.of(store.file(), false);
        Optional<EngineLock> taken;
        try {
            taken = EngineLock.take(files.lock(store.url()));
        } catch (IOException e) {
            say("cannot take the lock " + files.lock(store.url()) + ": " + e);
            return ExitCodes.IO_ERROR;
        }
        if (taken.isEmpty()) {
            String holder = EngineState.read(files.state(store.url())).map(s -> " (pid " + s.pid() + ")").orElse("");
            say("another engine holds " + store.url() + holder + ": this one stops");
            return ExitCodes.OK;
        }
        EngineLock lock = taken.get();
        try {
            files.trimLog();
            return hold(open.get(), storeFile);
        } finally {
            lock.close();
        }
    }

    /** With the lock held: opens the relay on the engine, watches, and closes both cleanly whatever stops it. */
    private int hold(Ijoka engine, @Nullable Stamp storeFile) {
        Optional<HookRelayServer> listening = CommandRelay.startWithMcpSessions(engine, store.url(), files.dataDirectory(), log);
        if (listening.isEmpty()) {
            engine.close();
            say("cannot listen for commands (said above): stops");
            return ExitCodes.STORE_FAILURE;
        }
        HookRelayServer relay = listening.get();
        Thread hook = Thread.ofPlatform().name("ijoka-engine-shutdown").unstarted(() -> {
            stop.countDown();
            try {
                closed.await(15, TimeUnit.SECONDS); // the requests in flight finish, the store closes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String reason = "failed";
        try {
            files.clearStarting();
            say("holds " + store.url() + " for the command line, listening on " + relay.socket() + "; stops after "
                    + settings.idle().toSeconds() + " s without a request");
            warmUp(engine, relay);
            reason = watch(relay, started, storeFile);
        } finally {
            relay.close();
            engine.close();
            try {
                Files.deleteIfExists(files.state(store.url()));
            } catch (IOException e) {
                say("cannot remove " + files.state(store.url()) + ": " + e);
            }
            long answered = relay.answered();
            say("stopped (" + reason + "), " + answered + (answered == 1 ? " request" : " requests") + " answered");
            closed.countDown(); // after the last word: on SIGTERM the JVM halts once the hook has seen this
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // stopping because of SIGTERM: the hook is running
        }
        return ExitCodes.OK;
    }

    /**
     * The commands people hand over most, run once on a thread of their own while the engine already listens
     * ({@link EngineWarmUp}): a command that arrives meanwhile is served at once, and the warm-up waits for it.
     */
    private void warmUp(Ijoka engine, HookRelayServer relay) {
        Thread.ofPlatform().daemon().name("ijoka-engine-warm-up").start(() -> {
            try {
                EngineWarmUp.Result done = EngineWarmUp.run(engine, store.url(), System.getenv(), files.dataDirectory(),
                        () -> relay.inFlight() > 0);
                say("warmed up: " + done.succeeded() + " of " + done.commands() + " commands in " + done.millis() + " ms");
            } catch (RuntimeException e) { // the engine stopped under it: nothing is lost, commands run as they come
                say("warm-up ended early: " + e);
            }
        });
    }

    /** Until a reason to stop; returns it. */
    private String watch(HookRelayServer relay, Instant started, @Nullable Stamp storeFile) {
        long seen = relay.answered();
        Instant lastRequest = null;
        Stamp jar = Stamp.of(settings.jar(), true);
        writeState(new EngineState(ProcessHandle.current().pid(), store.url(), started, null, seen, settings.idle()));
        while (true) {
            try {
                if (stop.await(settings.poll().toNanos(), TimeUnit.NANOSECONDS)) {
                    return "asked to stop";
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
            long answered = relay.answered();
            if (answered != seen) {
                seen = answered;
                lastRequest = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                writeState(new EngineState(ProcessHandle.current().pid(), store.url(), started, lastRequest, seen,
                        settings.idle()));
            }
            // Idle counts from the last request's start or end, and never while one runs: a long command in flight
            // at the deadline is not cut short.
            if (relay.inFlight() == 0 && System.nanoTime() - relay.lastActivity() >= settings.idle().toNanos()) {
                return "no request for " + settings.idle().toSeconds() + " s";
            }
            if (!Objects.equals(jar, Stamp.of(settings.jar(), true))) {
                return settings.jar() + " changed on disk (an upgrade or a rebuild: the next command starts its engine)";
            }
            if (!Objects.equals(storeFile, Stamp.of(store.file(), false))) {
                return store.file() + " is gone or replaced";
            }
        }
    }

    private void writeState(EngineState state) {
        try {
            state.write(files.state(store.url()));
        } catch (IOException e) {
            say("cannot write " + files.state(store.url()) + " (doctor will not see this engine): " + e);
        }
    }

    private void say(String what) {
        log.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " ijoka engine (pid " + ProcessHandle.current().pid()
                + "): " + what);
        log.flush();
    }

    /**
     * What tells a file was changed or replaced: its identity (inode), and for a jar its time and size too (a store's
     * change with every write). Null for a missing file.
     */
    private record Stamp(@Nullable Object key, long modified, long size) {
        static @Nullable Stamp of(@Nullable Path file, boolean contents) {
            if (file == null) {
                return null;
            }
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return contents ? new Stamp(a.fileKey(), a.lastModifiedTime().toMillis(), a.size())
                        : new Stamp(a.fileKey(), 0, 0);
            } catch (IOException e) {
                return null; // missing or unreadable: unequal to any file's stamp
            }
        }
    }
}
