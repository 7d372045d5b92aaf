package dev.ijoka.app.engine;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * What a running background engine says of itself in {@code relay/<key>/engine.state}: rewritten when it starts and
 * whenever it has answered new requests, removed when it stops. A process killed with {@code kill -9} leaves it behind,
 * so a reader believes it only while the engine's lock is held ({@link #running}).
 *
 * @param pid the engine's process id
 * @param store the canonical URL of the store it holds
 * @param started when it started listening
 * @param lastRequest when it last saw a request answered (to within its poll), or null for none yet
 * @param requests how many requests (commands and hooks) it has answered
 * @param idleLimit how long it waits without a request before it exits
 */
public record EngineState(long pid, String store, Instant started, @Nullable Instant lastRequest, long requests,
        Duration idleLimit) {

    /** Since when the engine has had nothing to do. */
    public Instant idleSince() {
        return lastRequest == null ? started : lastRequest;
    }

    /** Writes the state to {@code file} in one step (a reader never sees half of it). */
    void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("store", store);
        p.setProperty("started", started.toString());
        if (lastRequest != null) {
            p.setProperty("lastRequest", lastRequest.toString());
        }
        p.setProperty("requests", Long.toString(requests));
        p.setProperty("idleLimit", idleLimit.toString());
        Path tmp = file.resolveSibling(file.getFileName() + "." + pid + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp)) {
            p.store(out, "ijoka engine: the background engine of one store (docs/cli.md)");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The state in {@code file}, or empty if there is none or it cannot be read. */
    public static Optional<EngineState> read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
            String last = p.getProperty("lastRequest");
            return Optional.of(new EngineState(Long.parseLong(p.getProperty("pid", "")), p.getProperty("store", "?"),
                    Instant.parse(p.getProperty("started", "")), last == null ? null : Instant.parse(last),
                    Long.parseLong(p.getProperty("requests", "0")), Duration.parse(p.getProperty("idleLimit", ""))));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether an engine holds the lock at {@code lockFile}: the ground truth, whatever a state file says. Tested with a
     * shared lock, taken and given back at once; an engine that starts in that instant retries for a moment
     * ({@link EngineLock#take}).
     */
    public static boolean running(Path lockFile) {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ)) {
            FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // this very process holds it (an engine run in process, in tests)
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
