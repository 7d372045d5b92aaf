package dev.ijoka.store.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Status;
import java.nio.file.Path;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * A Kanban column's page is read along an index in the Board's order (schema version 5): SQLite's plan for the
 * very query {@code featuresInBoardOrder} runs searches one index by project and status and sorts nothing, so a
 * page of 50 visits about 50 rows of its status, not all of them (40,000 done features at 100,000).
 */
class BoardOrderQueryPlanTest {

    @TempDir
    Path dir;

    @Test
    void everyColumnIsAPageOfAnIndexInBoardOrderWithNoSortAndNoScan() {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + dir.resolve("plan.db"));
        Migrations.migrate(source, Migrations.SQLITE_LOCATION, "the test database");
        DSLContext dsl = DSL.using(source, SQLDialect.SQLITE);
        ProjectId project = ProjectId.of("p");
        for (Status status : Status.values()) {
            List<String> plan = plan(dsl, JooqReader.boardColumn(dsl, project, status, 100, 50));
            String index = status == Status.COMPLETE ? "features_board_done" : "features_board";
            assertThat(plan).as("plan of the %s column", status)
                    .anySatisfy(step -> assertThat(step).contains("SEARCH features USING INDEX " + index + " (project_id=? AND status=?)"))
                    .noneSatisfy(step -> assertThat(step).contains("TEMP B-TREE"))
                    .noneSatisfy(step -> assertThat(step).startsWith("SCAN"));
        }
    }

    /** SQLite's EXPLAIN QUERY PLAN of the query as jOOQ sends it, bind values and all: one line per step. */
    private static List<String> plan(DSLContext dsl, ResultQuery<?> query) {
        return dsl.resultQuery("EXPLAIN QUERY PLAN " + query.getSQL(), query.getBindValues().toArray())
                .fetch(r -> r.get("detail", String.class));
    }
}
