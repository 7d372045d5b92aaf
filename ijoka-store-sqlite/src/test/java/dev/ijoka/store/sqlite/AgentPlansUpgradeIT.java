package dev.ijoka.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.AgentPlan;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.TodoChange;
import dev.ijoka.domain.TodoStatus;
import dev.ijoka.store.contract.ReplayAssertions;
import dev.ijoka.store.jooq.Migrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 4 keeps each agent session's own todo list ({@code agent_plans}). A database of version
 * 3, made by the version 3 program ({@code upgrade/v3/ijoka.db}), upgrades to it with no list at all (its
 * log has no todo event to rebuild one from), and its sessions then keep lists that a reopened store
 * reads back.
 */
class AgentPlansUpgradeIT {

    @TempDir
    Path dir;

    @Test
    void aVersion3DatabaseUpgradesWithNoListsAndThenKeepsTheListsItsSessionsWrite() throws Exception {
        Path db = dir.resolve("v3.db");
        Files.copy(Path.of(getClass().getResource("/upgrade/v3/ijoka.db").toURI()), db);
        assertThat(userVersion(db)).isEqualTo(3);

        AgentPlan written;
        try (Ijoka ijoka = Ijoka.builder().store("jdbc:sqlite:" + db).build()) {
            assertThat(userVersion(db)).isEqualTo(Migrations.SQLITE_LATEST);
            for (Project p : ijoka.projects().list()) {
                assertThat(ijoka.sessions().todoLists(p.id())).as("lists of %s", p.name()).isEmpty();
            }
            ReplayAssertions.assertStoredStateEqualsReplay(ijoka);

            // A session of the old database that holds a feature writes its list against it.
            Session holder = ijoka.projects().list().stream()
                    .flatMap(p -> ijoka.features().list(p.id()).stream())
                    .filter(f -> f.status() == Status.IN_PROGRESS && f.claim() != null)
                    .map(f -> ijoka.sessions().get(f.claim().session()))
                    .filter(s -> s.endedAt() == null && s.currentFeature() != null)
                    .findFirst().orElseThrow();
            written = ijoka.sessions().changeTodos(holder.id(), new TodoChange.Replace(List.of(
                    new TodoChange.Item("Upgrade the schema", "Upgrading the schema", TodoStatus.IN_PROGRESS))));
            assertThat(written.feature()).isEqualTo(holder.currentFeature());
            ReplayAssertions.assertStoredStateEqualsReplay(ijoka);
        }
        try (Ijoka reopened = Ijoka.builder().store("jdbc:sqlite:" + db).build()) {
            Feature f = reopened.features().get(written.feature());
            assertThat(reopened.sessions().featureTodos(f.id())).contains(written);
            assertThat(reopened.sessions().featureTodos(f.project()).get(f.id()).line())
                    .isEqualTo("0/1 · now: Upgrading the schema");
        }
    }

    private static int userVersion(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.getInt(1);
        }
    }
}
