package dev.ijoka.store.sqlite;

import dev.ijoka.store.contract.PlanSnapshotContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** A plan brought forward from the log equals a fresh rebuild, on SQLite. */
class SqlitePlanSnapshotTest extends PlanSnapshotContract {

    @TempDir
    Path dbDir;

    @Override
    protected String newStoreUrl() {
        return TemplateDatabase.copyTo(dbDir.resolve("plan.db"));
    }
}
