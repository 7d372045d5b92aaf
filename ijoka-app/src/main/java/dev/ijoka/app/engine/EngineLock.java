package dev.ijoka.app.engine;

import dev.ijoka.claude.HookRelayServer;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The one-engine-per-store lock: {@code FileChannel.tryLock} on {@code relay/<key>/engine.lock}, held for the
 * engine's whole life and given back by the kernel if it dies. Taken before the store is opened, so that two engines
 * never hold one store. The file itself stays: removing it would let a second engine lock a new file while the first
 * still holds the old one.
 */
final class EngineLock implements AutoCloseable {

    /** How long {@link #take} retries: a reader ({@link EngineState#running}) holds a shared lock for an instant. */
    private static final long RETRY_MS = 500;

    private final FileChannel channel;
    private final FileLock lock;

    private EngineLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty if another engine holds it. */
    static Optional<EngineLock> take(Path file) throws IOException {
        HookRelayServer.createDirectory(file.getParent()); // owner-only, as the relay makes it
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + RETRY_MS * 1_000_000;
        try {
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // held by this very process
                }
                if (lock != null) {
                    return Optional.of(new EngineLock(channel, lock));
                }
                if (System.nanoTime() > deadline) {
                    channel.close();
                    return Optional.empty();
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.close();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the channel closes below, which releases it too
        }
        try {
            channel.close();
        } catch (IOException e) {
            // closing: nothing more to do
        }
    }
}
