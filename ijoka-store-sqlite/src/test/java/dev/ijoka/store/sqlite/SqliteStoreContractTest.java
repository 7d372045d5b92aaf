package dev.ijoka.store.sqlite;

import dev.ijoka.spi.Store;
import dev.ijoka.store.contract.StoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreContractTest extends StoreContract {

    @TempDir
    Path dir;

    @Override
    protected Store newStore() {
        return new SqliteStoreProvider().open(TemplateDatabase.copyTo(dir.resolve("contract.db")));
    }
}
