package dev.ijoka.store.jooq;

import static dev.ijoka.store.jooq.internal.schema.Tables.AGENT_PLANS;
import static dev.ijoka.store.jooq.internal.schema.Tables.DEPENDENCIES;
import static dev.ijoka.store.jooq.internal.schema.Tables.EVENTS;
import static dev.ijoka.store.jooq.internal.schema.Tables.FEATURES;
import static dev.ijoka.store.jooq.internal.schema.Tables.INSIGHTS;
import static dev.ijoka.store.jooq.internal.schema.Tables.PROJECTS;
import static dev.ijoka.store.jooq.internal.schema.Tables.PROJECT_PATHS;
import static dev.ijoka.store.jooq.internal.schema.Tables.RULES;
import static dev.ijoka.store.jooq.internal.schema.Tables.SESSIONS;
import static dev.ijoka.store.jooq.internal.schema.Tables.SESSION_NOTES;

import dev.ijoka.domain.AgentPlan;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.ProjectIdentity;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.spi.StoreTransaction;
import dev.ijoka.store.jooq.internal.schema.tables.records.RulesRecord;
import dev.ijoka.store.jooq.internal.schema.tables.records.SessionsRecord;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.BatchBindStep;
import org.jooq.CommonTableExpression;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Query;
import org.jooq.Record1;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/** The port's writes in jOOQ, inside the write transaction that {@link StoreConnections#write} holds. */
final class JooqTransaction extends JooqReader implements StoreTransaction {

    private final @Nullable DeferredStatements deferred;
    /** With {@link #deferred}: the log's last sequence in this transaction (as the lock found it, then our appends); -1 unknown. */
    private long last = -1;
    /** The exceptions of the compare-and-sets held back, in order ({@link #updateFeatureOrFail}). */
    private final List<Supplier<? extends RuntimeException>> staleGuards = new ArrayList<>();

    /** @param deferred where writes whose answers nobody reads go to be sent with the next statement; null: run at once */
    JooqTransaction(DSLContext dsl, Rows rows, @Nullable DeferredStatements deferred) {
        super(dsl, rows);
        this.deferred = deferred;
    }

    /**
     * A write whose answer nobody reads: held back to go with the transaction's next statement where the
     * connection can ({@link DeferredStatements}), else run now. Its values are inlined by jOOQ, which
     * renders them as literals of the dialect.
     */
    private void write(Query query) {
        if (deferred != null) {
            deferred.defer(dsl.renderInlined(query));
        } else {
            query.execute();
        }
    }

    @Override
    public void insertProject(Project project) {
        dsl.insertInto(PROJECTS).set(rows.record(project)).execute();
        recordProjectPath(project.id(), project.root());
    }

    @Override
    public void setProjectIdentity(ProjectId project, ProjectIdentity identity) {
        dsl.update(PROJECTS).set(PROJECTS.IDENTITY, identity.value()).where(PROJECTS.ID.eq(project.value())).execute();
    }

    @Override
    public void recordProjectPath(ProjectId project, String path) {
        String holder = dsl.select(PROJECT_PATHS.PROJECT_ID).from(PROJECT_PATHS).where(PROJECT_PATHS.PATH.eq(path))
                .fetchOptional(Record1::value1).orElse(null);
        if (project.value().equals(holder)) {
            return;
        }
        if (holder != null) {
            // Taken from the other project, and seen anew: it goes to the end of this project's paths.
            dsl.deleteFrom(PROJECT_PATHS).where(PROJECT_PATHS.PATH.eq(path)).execute();
        }
        dsl.insertInto(PROJECT_PATHS).set(PROJECT_PATHS.PATH, path).set(PROJECT_PATHS.PROJECT_ID, project.value()).execute();
    }

    @Override
    public int nextFeatureNumber(ProjectId project) {
        Record1<Integer> max = dsl.select(DSL.max(FEATURES.NUMBER))
                .from(FEATURES)
                .where(FEATURES.PROJECT_ID.eq(project.value()))
                .fetchOne();
        Integer value = max == null ? null : max.value1();
        return value == null ? 1 : value + 1;
    }

    @Override
    public void insertFeature(Feature feature) {
        write(dsl.insertInto(FEATURES).set(rows.record(feature)));
    }

    @Override
    public void insertFeatures(List<Feature> features) {
        insertAll(FEATURES, features.stream().map(rows::record).toList());
    }

    @Override
    public void insertDependencies(List<Dependency> dependencies) {
        insertAll(DEPENDENCIES, dependencies.stream().map(rows::record).toList());
    }

    /**
     * One INSERT prepared once and bound once per record (JDBC's batch), instead of a statement rendered and prepared
     * per row: an import's rows. Every record sets the same fields (Rows sets them all).
     */
    private <R extends TableRecord<R>> void insertAll(Table<R> table, List<R> records) {
        if (records.size() <= 1) {
            records.forEach(r -> write(dsl.insertInto(table).set(r)));
            return;
        }
        R first = records.getFirst();
        Field<?>[] fields = Arrays.stream(table.fields()).filter(first::touched).toArray(Field<?>[]::new);
        BatchBindStep batch = dsl.batch(dsl.insertInto(table).columns(fields).values(Collections.nCopies(fields.length, null)));
        for (R r : records) {
            Object[] values = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                values[i] = r.get(fields[i]);
            }
            batch = batch.bind(values);
        }
        batch.execute();
    }

    @Override
    public boolean updateFeature(Feature feature, long expectedVersion) {
        return dsl.update(FEATURES)
                .set(rows.record(feature))
                .where(FEATURES.ID.eq(feature.id().value()), FEATURES.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    /**
     * Where writes are held back (PostgreSQL), the compare-and-set is held back too, as a statement that fails
     * when it updated no row: {@code WITH cas AS (UPDATE … WHERE id = ? AND version = ? RETURNING id) SELECT 1 /
     * count(*) FROM cas}, whose division by zero (a stale version) fails it, and with it the transaction,
     * wherever it is sent (with the next statement, or with the {@code COMMIT}); {@link #staleFailure} then
     * gives back the caller's exception. One round trip fewer than asking for the count.
     */
    @Override
    public void updateFeatureOrFail(Feature feature, long expectedVersion, Supplier<? extends RuntimeException> stale) {
        if (deferred == null) {
            StoreTransaction.super.updateFeatureOrFail(feature, expectedVersion, stale);
            return;
        }
        Name cas = DSL.name("cas");
        CommonTableExpression<?> updated = cas.as(dsl.update(FEATURES)
                .set(rows.record(feature))
                .where(FEATURES.ID.eq(feature.id().value()), FEATURES.VERSION.eq(expectedVersion))
                .returning(FEATURES.ID));
        staleGuards.add(stale);
        write(dsl.with(updated).select(DSL.inline(1).div(DSL.count())).from(DSL.table(cas)));
    }

    /** PostgreSQL's division_by_zero: a held-back compare-and-set that updated no row. */
    private static final String STALE_STATE = "22012";

    /**
     * The exception of the held-back compare-and-set that failed {@code failure}, or null when it was not
     * one of them. A transaction's commands make one each (the first is given when there were several).
     */
    @Nullable RuntimeException staleFailure(Throwable failure) {
        if (staleGuards.isEmpty()) {
            return null;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && STALE_STATE.equals(e.getSQLState())) {
                return staleGuards.getFirst().get();
            }
        }
        return null;
    }

    @Override
    public void insertDependency(Dependency dependency) {
        write(dsl.insertInto(DEPENDENCIES).set(rows.record(dependency)));
    }

    @Override
    public boolean deleteDependency(FeatureId dependent, FeatureId dependency) {
        return dsl.deleteFrom(DEPENDENCIES)
                .where(DEPENDENCIES.DEPENDENT_ID.eq(dependent.value()), DEPENDENCIES.DEPENDENCY_ID.eq(dependency.value()))
                .execute() > 0;
    }

    @Override
    public void upsertSession(Session session) {
        SessionsRecord r = rows.record(session);
        write(dsl.insertInto(SESSIONS).set(r).onConflict(SESSIONS.ID).doUpdate().set(r));
    }

    @Override
    public void putSessionNote(SessionId session, String name, String value) {
        write(dsl.insertInto(SESSION_NOTES)
                .set(SESSION_NOTES.SESSION_ID, session.value())
                .set(SESSION_NOTES.NAME, name)
                .set(SESSION_NOTES.VALUE, value)
                .onConflict(SESSION_NOTES.SESSION_ID, SESSION_NOTES.NAME).doUpdate()
                .set(SESSION_NOTES.VALUE, value));
    }

    @Override
    public void putAgentPlan(AgentPlan plan) {
        String feature = plan.feature() == null ? Rows.NO_FEATURE : plan.feature().value();
        // Deleted and inserted rather than updated: the new row's pos orders lists changed at one instant.
        dsl.deleteFrom(AGENT_PLANS)
                .where(AGENT_PLANS.SESSION_ID.eq(plan.session().value()), AGENT_PLANS.FEATURE_ID.eq(feature))
                .execute();
        if (!plan.items().isEmpty()) {
            dsl.insertInto(AGENT_PLANS).set(rows.record(plan)).execute();
        }
    }

    @Override
    public void insertInsight(Insight insight) {
        write(dsl.insertInto(INSIGHTS).set(rows.record(insight)));
    }

    @Override
    public void upsertRule(Rule rule) {
        RulesRecord r = rows.record(rule);
        write(dsl.insertInto(RULES).set(r).onConflict(RULES.ID).doUpdate().set(r));
    }

    /**
     * Where writes are held back: the last sequence the transaction's lock found, moved on by the events this
     * transaction appended (nobody else appends while it holds the lock), so it costs no round trip of its own.
     */
    @Override
    public long lastSequence() {
        if (deferred == null) {
            return super.lastSequence();
        }
        if (last < 0) {
            try {
                last = deferred.lastSequenceAtLock();
            } catch (SQLException e) {
                throw new DataAccessException("the write lock's round trip failed: " + e.getMessage(), e);
            }
        }
        return last;
    }

    /**
     * Inserts the events in one batch and reads the sequences they were given. Sequences come from
     * the database (SQLite's AUTOINCREMENT, PostgreSQL's identity), and because this transaction
     * holds the write lock, nobody else inserts meanwhile: ours are the newest, one after the
     * other. That same lock is what lets readers tail the log by sequence: a sequence is never
     * committed after a higher one.
     */
    @Override
    public List<Event> append(List<Event> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        long newest;
        if (deferred != null) {
            newest = insertHeldBack(events);
        } else {
            newest = dsl.dialect().family() == SQLDialect.POSTGRES ? insertReturning(events) : insertThenAsk(events);
        }
        long first = newest - events.size() + 1;
        List<Event> stored = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            stored.add(events.get(i).withSequence(first + i));
        }
        return stored;
    }

    /**
     * Where writes are held back (PostgreSQL): the sequences are known before the insert, the ones after the
     * last sequence the lock found (the trigger numbers from that same counter, and only the lock holder
     * appends), so the insert is held back with the others and goes in the {@code COMMIT}'s round trip.
     */
    private long insertHeldBack(List<Event> events) {
        long newest = lastSequence();
        for (int from = 0; from < events.size(); from += ROWS_PER_INSERT) {
            write(insertOf(events.subList(from, Math.min(from + ROWS_PER_INSERT, events.size()))));
        }
        last = newest + events.size();
        return last;
    }

    private org.jooq.InsertValuesStep7<?, String, String, String, String, String, String, Instant> insertOf(List<Event> events) {
        var insert = dsl.insertInto(EVENTS, EVENTS.ID, EVENTS.PROJECT_ID, EVENTS.FEATURE_ID, EVENTS.SESSION_ID,
                EVENTS.TYPE, EVENTS.PAYLOAD, EVENTS.AT);
        for (Event e : events) {
            Object[] v = rows.values(e);
            insert = insert.values((String) v[0], (String) v[1], (String) v[2], (String) v[3], (String) v[4],
                    (String) v[5], (Instant) v[6]);
        }
        return insert;
    }

    /** Events per statement of {@link #insertReturning}: 7 bind values each, far below PostgreSQL's 65,535. */
    private static final int ROWS_PER_INSERT = 1_000;

    /**
     * PostgreSQL: the events inserted with {@code RETURNING seq}, so that the sequences the trigger gave
     * them come back with the insert, in its round trip, rather than in another that asks the log's last.
     */
    private long insertReturning(List<Event> events) {
        long newest = 0;
        for (int from = 0; from < events.size(); from += ROWS_PER_INSERT) {
            var insert = insertOf(events.subList(from, Math.min(from + ROWS_PER_INSERT, events.size())));
            for (Long seq : insert.returningResult(EVENTS.SEQ).fetch(Record1::value1)) {
                newest = Math.max(newest, seq);
            }
        }
        return newest;
    }

    /** SQLite: the events inserted (in one batch when there are several), then the log's last sequence asked. */
    private long insertThenAsk(List<Event> events) {
        var insert = dsl.insertInto(EVENTS, EVENTS.ID, EVENTS.PROJECT_ID, EVENTS.FEATURE_ID, EVENTS.SESSION_ID,
                EVENTS.TYPE, EVENTS.PAYLOAD, EVENTS.AT);
        if (events.size() == 1) {
            Object[] v = rows.values(events.getFirst());
            insert.values((String) v[0], (String) v[1], (String) v[2], (String) v[3], (String) v[4], (String) v[5],
                    (Instant) v[6]).execute();
        } else {
            BatchBindStep batch = dsl.batch(insert.values((String) null, null, null, null, null, null, null));
            for (Event e : events) {
                batch = batch.bind(rows.values(e));
            }
            batch.execute();
        }
        return lastSequence();
    }
}
