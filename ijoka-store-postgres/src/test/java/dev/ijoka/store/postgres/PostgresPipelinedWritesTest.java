package dev.ijoka.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.Step;
import dev.ijoka.spi.Store;
import dev.ijoka.test.postgres.PostgresTestServer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What a write transaction sends ahead of its next statement ({@link PipelinedConnection}): the write lock,
 * held before that statement runs; the writes held back, with their values as given; and a pooled connection
 * the server closed, replaced before anything was done on it.
 */
class PostgresPipelinedWritesTest {

    private static final Instant AT = Instant.parse("2026-12-06T23:00:00.123456Z");
    private static final String ODD = "it's a \\ back\\\\slash, \"quoted\", $$dollars$$, E'x', ✓ ünïcode,\nnew line; -- not a comment";

    @Test
    void theWriteLockIsHeldWhenTheFirstStatementRuns() {
        try (PostgresConnections connections = PostgresStore.connections(PostgresTestServer.migratedDatabase())) {
            for (int i = 0; i < 3; i++) {
                long held = connections.write(c -> {
                    try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                            + " AND pid = pg_backend_pid() AND granted AND objid = ? AND classid = 0")) {
                        s.setLong(1, PostgresConnections.WRITE_LOCK);
                        try (ResultSet r = s.executeQuery()) {
                            r.next();
                            return r.getLong(1);
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertThat(held).as("the write lock, seen by the transaction's first statement").isEqualTo(1);
            }
        }
    }

    @Test
    void heldBackWritesStoreTheirValuesAsGiven() {
        String url = PostgresTestServer.migratedDatabase();
        ProjectId projectId = ProjectId.of("01J0000000000000000000PIP1");
        Project project = new Project(projectId, "shop " + ODD, "/src/shop", AT);
        Feature feature = new Feature(FeatureId.of("01J0000000000000000000PIF1"), projectId, 1, ODD, ODD + " details",
                Category.FUNCTIONAL, Kind.FEATURE, Status.PENDING, -3, List.of(Step.todo(ODD), new Step("done; really", true)),
                null, null, null, 1, AT, AT, null);
        Session session = new Session(SessionId.of("01J0000000000000000000PIS1"), projectId, "agent " + ODD, AT, AT, null,
                feature.id(), 7);
        try (Store store = PostgresStore.open(url)) {
            store.write(tx -> {
                tx.insertProject(project);
                tx.insertFeature(feature);
                tx.upsertSession(session);
                // Read inside the same transaction: the held-back writes went first.
                assertThat(tx.feature(feature.id())).contains(feature);
                tx.upsertSession(session.seen(AT.plusSeconds(1)));
                return null; // the last upsert is sent before the commit
            });
        }
        try (Store store = PostgresStore.open(url)) {
            Optional<Feature> storedFeature = store.read(r -> r.feature(feature.id()));
            Optional<Session> storedSession = store.read(r -> r.session(session.id()));
            Optional<Project> storedProject = store.read(r -> r.project(projectId));
            assertThat(storedFeature).contains(feature);
            assertThat(storedSession).contains(session.seen(AT.plusSeconds(1)));
            assertThat(storedProject).contains(project);
        }
    }

    @Test
    void aConnectionTheServerClosedIsReplacedAndTheWorkRunsOnceOnIt() {
        String url = PostgresTestServer.migratedDatabase();
        try (Store store = PostgresStore.open(url)) {
            Project project = new Project(ProjectId.of("01J0000000000000000000PIP2"), "shop", "/src/shop", AT);
            store.write(tx -> {
                tx.insertProject(project);
                return null;
            });
            // Every backend of this database but the one asking: the pools' connections and the listener.
            PostgresTestServer.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                    + url.substring(url.lastIndexOf('/') + 1, url.indexOf('?')) + "' AND pid <> pg_backend_pid()");
            AtomicInteger runs = new AtomicInteger();
            Session session = new Session(SessionId.of("01J0000000000000000000PIS2"), project.id(), "agent", AT, AT, null,
                    null, 0);
            store.write(tx -> {
                runs.incrementAndGet();
                tx.upsertSession(session);
                return tx.project(project.id());
            });
            assertThat(runs.get()).as("runs of the work: once, or twice when the dead connection was found at its first statement")
                    .isBetween(1, 2);
        }
        try (Store store = PostgresStore.open(url)) { // the read pool's connections were terminated too
            Optional<Session> stored = store.read(r -> r.session(SessionId.of("01J0000000000000000000PIS2")));
            assertThat(stored).isPresent();
        }
    }
}
