package dev.ijoka.store.sqlite;

import dev.ijoka.Ijoka;
import dev.ijoka.store.contract.CommandSequenceContract;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

class SqliteCommandSequenceTest extends CommandSequenceContract {

    @TempDir
    Path dbDir;

    private final AtomicInteger examples = new AtomicInteger();

    @Override
    protected Ijoka newEngine(InstantSource clock) {
        Path db = dbDir.resolve("example-" + examples.incrementAndGet() + ".db");
        return Ijoka.builder().store(TemplateDatabase.copyTo(db)).clock(clock).build();
    }
}
