package dev.ijoka.app.engine;

import dev.ijoka.claude.HookRelayServer;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the background engines of one data directory keep their files, and whether they are turned off.
 *
 * <ul>
 *   <li>{@code relay/<key>/engine.lock}: held ({@code FileChannel.tryLock}) by the one engine of that store, taken
 *       before the store is opened; {@code <key>} is the relay's, so it sits beside the engine's socket;</li>
 *   <li>{@code relay/<key>/engine.state}: what {@code ijoka doctor} and {@code ijoka engine --stop} read
 *       ({@link EngineState});</li>
 *   <li>{@code engine.starting}: the launcher's lock directory, so that commands started together start one engine;
 *       the engine removes it once it listens (or gives up);</li>
 *   <li>{@code engine.log}: the engines' stdout and stderr, appended by the launcher;</li>
 *   <li>{@code engine.off}: present, the launcher starts no engine (as {@code IJOKA_NO_ENGINE} does).</li>
 * </ul>
 */
public record EngineFiles(Path dataDirectory) {

    /** Set to anything: the launcher starts no background engine. */
    public static final String OFF_VARIABLE = "IJOKA_NO_ENGINE";
    /** A file in the data directory that does the same as {@link #OFF_VARIABLE}, for good. */
    public static final String OFF_FILE = "engine.off";
    /** The launcher's lock directory while an engine starts. */
    public static final String STARTING = "engine.starting";
    public static final String LOG = "engine.log";
    private static final String LOCK = "engine.lock";
    private static final String STATE = "engine.state";
    /** Beyond this size, an engine that starts empties the log (the launcher only ever appends to it). */
    private static final long LOG_LIMIT = 1 << 20;

    /**
     * The directory of {@code canonicalUrl}'s relay, where its engine keeps its lock and state beside the servers'
     * sockets: the relay's own (HookRelayServer.directory), so that the two can never disagree.
     */
    public Path storeDirectory(String canonicalUrl) {
        return HookRelayServer.directory(dataDirectory, canonicalUrl).orElseThrow(() -> new IllegalArgumentException(
                canonicalUrl + " is not a store other processes can share, so no engine can hold it"));
    }

    public Path lock(String canonicalUrl) {
        return storeDirectory(canonicalUrl).resolve(LOCK);
    }

    public Path state(String canonicalUrl) {
        return storeDirectory(canonicalUrl).resolve(STATE);
    }

    public Path starting() {
        return dataDirectory.resolve(STARTING);
    }

    public Path log() {
        return dataDirectory.resolve(LOG);
    }

    /** The state files of every store's engine in this data directory (running or left by one that was killed). */
    private List<Path> states() {
        List<Path> states = new ArrayList<>();
        try (DirectoryStream<Path> stores = Files.newDirectoryStream(dataDirectory.resolve("relay"))) {
            for (Path store : stores) {
                if (Files.isRegularFile(store.resolve(STATE))) {
                    states.add(store.resolve(STATE));
                }
            }
        } catch (IOException e) {
            return List.of(); // no relay directory: no engine has ever run here
        }
        states.sort(null);
        return states;
    }

    /**
     * The engines that run now, one per store, as their state files say: only those whose lock is held, so a state left
     * by an engine that was killed ({@code kill -9}) is not believed.
     */
    public List<EngineState> running() {
        List<EngineState> running = new ArrayList<>();
        for (Path state : states()) {
            if (EngineState.running(state.resolveSibling(LOCK))) {
                EngineState.read(state).ifPresent(running::add);
            }
        }
        return running;
    }

    /** Why the launcher starts no engine ({@link #OFF_VARIABLE} or {@link #OFF_FILE}), or empty when it does. */
    public Optional<String> off(Map<String, String> env) {
        if (env.get(OFF_VARIABLE) != null) {
            return Optional.of("turned off by " + OFF_VARIABLE);
        }
        if (env.get("IJOKA_NO_HANDOFF") != null) {
            return Optional.of("not started while IJOKA_NO_HANDOFF is set (no command would be handed to it)");
        }
        if (Files.exists(dataDirectory.resolve(OFF_FILE))) {
            return Optional.of("turned off by " + dataDirectory.resolve(OFF_FILE));
        }
        return Optional.empty();
    }

    /** Removes the launcher's lock: the engine listens now, or will not. */
    void clearStarting() {
        try {
            Files.deleteIfExists(starting());
        } catch (IOException e) {
            // not empty or not ours: the launcher takes a lock older than a minute as stale anyway
        }
    }

    /** Empties the log when it has grown past its limit: the launcher appends to it on every start. */
    void trimLog() {
        try {
            if (Files.size(log()) > LOG_LIMIT) {
                Files.write(log(), new byte[0]); // the engine's own stream appends, so it goes on at the new end
            }
        } catch (IOException e) {
            // no log (started by hand) or not writable: nothing to trim
        }
    }
}
