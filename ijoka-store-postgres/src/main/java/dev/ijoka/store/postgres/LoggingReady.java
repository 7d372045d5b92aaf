package dev.ijoka.store.postgres;

import java.time.Duration;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.SubstituteLoggerFactory;

/**
 * Waits, briefly, while another thread is still starting SLF4J. HikariCP logs as it starts its pool;
 * a face that opens its store on a thread of its own while the main thread starts logging (the
 * command line's early open) would otherwise have those lines recorded by SLF4J's stand-in loggers,
 * and SLF4J then prints a warning about replaying them on every command.
 */
final class LoggingReady {

    private static final long PATIENCE_NANOS = Duration.ofSeconds(2).toNanos();

    private LoggingReady() {}

    /** Returns once SLF4J is initialised (starting it here if nobody has), or after two seconds. */
    static void await() {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (LoggerFactory.getILoggerFactory() instanceof SubstituteLoggerFactory && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
