package dev.ijoka.store.sqlite;

import dev.ijoka.Ijoka;
import dev.ijoka.store.contract.EngineContract;
import java.nio.file.Path;
import java.time.InstantSource;
import org.junit.jupiter.api.io.TempDir;

class SqliteEngineContractTest extends EngineContract {

    @TempDir
    Path dir;

    @Override
    protected Ijoka newEngine(InstantSource clock) {
        return Ijoka.builder().store(TemplateDatabase.copyTo(dir.resolve("engine.db"))).clock(clock).build();
    }
}
