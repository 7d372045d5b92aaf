package dev.ijoka.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.ijoka.api.StoreException;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.store.contract.TestData;
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
 * held before that statement runs; the writes held back, with their values as given; the events' insert held
 * back to the commit, with the sequences the trigger gives them known before it; a held-back write that fails
 * at the commit, which commits nothing; and a pooled connection the server closed, replaced before anything was
 * done on it.
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
    void heldBackEventsGetTheSequencesTheTriggerGivesThem() {
        String url = PostgresTestServer.migratedDatabase();
        ProjectId projectId = ProjectId.of("01J0000000000000000000PIP3");
        Project project = new Project(projectId, "shop", "/src/shop", AT);
        try (Store store = PostgresStore.open(url)) {
            // The append as the transaction's first statement: the lock's round trip is made for the counter.
            List<Event> first = store.write(tx -> tx.append(List.of(event(projectId, ODD))));
            List<Event> handed = new java.util.ArrayList<>(first);
            handed.addAll(store.write(tx -> {
                tx.insertProject(project);
                long before = tx.lastSequence();
                List<Event> out = new java.util.ArrayList<>(tx.append(List.of(event(projectId, "a"), event(projectId, "b"))));
                assertThat(tx.lastSequence()).as("the last sequence after this transaction's own appends").isEqualTo(before + 2);
                out.addAll(tx.append(List.of(event(projectId, "c"))));
                // A read after the appends sees them: they were sent ahead of it.
                assertThat(tx.eventsAfter(before, 10)).isEqualTo(out);
                out.addAll(tx.append(List.of(event(projectId, "d"), event(projectId, "e"), event(projectId, "f"))));
                return out;
            }));
            List<Event> stored = store.read(r -> r.eventsAfter(0, 100));
            assertThat(stored).as("the events as stored, with the sequences the trigger gave").isEqualTo(handed);
            assertThat(stored).extracting(Event::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        }
    }

    @Test
    void aHeldBackWriteThatFailsAtTheCommitCommitsNothing() {
        String url = PostgresTestServer.migratedDatabase();
        ProjectId projectId = ProjectId.of("01J0000000000000000000PIP4");
        Project project = new Project(projectId, "shop", "/src/shop", AT);
        Session session = new Session(SessionId.of("01J0000000000000000000PIS4"), projectId, "agent", AT, AT, null, null, 0);
        try (Store store = PostgresStore.open(url)) {
            Event once = store.write(tx -> {
                tx.insertProject(project);
                return tx.append(List.of(event(projectId, "once"))).getFirst();
            });
            // The second event repeats the first one's id: its insert, held back to the commit, fails there.
            assertThatThrownBy(() -> store.write(tx -> {
                tx.upsertSession(session);
                return tx.append(List.of(event(projectId, "lost"), new Event(0, once.id(), projectId, null, null, AT,
                        new EventPayload.SessionStarted("again"))));
            })).isInstanceOf(StoreException.class);
            Optional<Session> upserted = store.read(r -> r.session(session.id()));
            assertThat(upserted).as("the session upserted beside it").isEmpty();
            assertThat(events(store)).containsExactly(once);
            // Nothing of the failed one counted: the next append takes the next number, with no gap.
            List<Event> next = store.write(tx -> tx.append(List.of(event(projectId, "next"))));
            assertThat(next).extracting(Event::sequence).containsExactly(once.sequence() + 1);
            assertThat(events(store)).containsExactly(once, next.getFirst());
        }
    }

    @Test
    void aStaleCompareAndSetHeldBackFailsWithTheCallersExceptionAndChangesNothing() {
        String url = PostgresTestServer.migratedDatabase();
        ProjectId projectId = ProjectId.of("01J0000000000000000000PIP5");
        Project project = new Project(projectId, "shop", "/src/shop", AT);
        Feature feature = new Feature(FeatureId.of("01J0000000000000000000PIF5"), projectId, 1, "Log in", null,
                Category.FUNCTIONAL, Kind.FEATURE, Status.PENDING, 0, List.of(), null, null, null, 3, AT, AT, null);
        Session session = new Session(SessionId.of("01J0000000000000000000PIS5"), projectId, "agent", AT, AT, null, null, 0);
        try (Store store = PostgresStore.open(url)) {
            Event created = store.write(tx -> {
                tx.insertProject(project);
                tx.insertFeature(feature);
                return tx.append(List.of(event(projectId, "created"))).getFirst();
            });
            Feature changed = feature.withStatus(Status.BLOCKED, "waits", null, null).touched(AT.plusSeconds(1));
            // Stale (version 2, the row is at 3), found with the COMMIT, where the update was sent.
            assertThatThrownBy(() -> store.write(tx -> {
                tx.updateFeatureOrFail(changed, 2, () -> new IllegalStateException("stale at the commit"));
                tx.upsertSession(session);
                return tx.append(List.of(event(projectId, "blocked")));
            })).isInstanceOf(IllegalStateException.class).hasMessage("stale at the commit");
            // Stale, found by the transaction's next statement, which the update went ahead of.
            assertThatThrownBy(() -> store.write(tx -> {
                tx.updateFeatureOrFail(changed, 2, () -> new IllegalStateException("stale at the next statement"));
                tx.upsertSession(session);
                return tx.feature(feature.id());
            })).isInstanceOf(IllegalStateException.class).hasMessage("stale at the next statement");
            Optional<Feature> stored = store.read(r -> r.feature(feature.id()));
            Optional<Session> upserted = store.read(r -> r.session(session.id()));
            assertThat(stored).as("the feature, as before").contains(feature);
            assertThat(upserted).as("the session upserted beside it").isEmpty();
            assertThat(events(store)).containsExactly(created);
            // The same update at the stored version is stored, with its event at the next sequence.
            List<Event> blocked = store.write(tx -> {
                tx.updateFeatureOrFail(changed, 3, () -> new IllegalStateException("not stale"));
                return tx.append(List.of(event(projectId, "blocked")));
            });
            Optional<Feature> after = store.read(r -> r.feature(feature.id()));
            assertThat(after).contains(changed);
            assertThat(blocked).extracting(Event::sequence).containsExactly(created.sequence() + 1);
        }
    }

    private static List<Event> events(Store store) {
        return store.read(r -> r.eventsAfter(0, 100));
    }

    private static Event event(ProjectId project, String agent) {
        return TestData.event(project, null, null, AT, new EventPayload.SessionStarted(agent));
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
