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
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Progress;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.ProjectIdentity;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.RuleId;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventQuery;
import dev.ijoka.event.EventType;
import dev.ijoka.spi.BlocksReach;
import dev.ijoka.spi.StoreReader;
import dev.ijoka.store.jooq.internal.EpochNanos;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/** The port's queries in jOOQ, on the transaction's connection. */
class JooqReader implements StoreReader {

    /** Ids per {@code IN (…)} list: well below every dialect's limit on bind values. */
    private static final int IN_CHUNK = 500;

    final DSLContext dsl;
    final Rows rows;

    JooqReader(DSLContext dsl, Rows rows) {
        this.dsl = dsl;
        this.rows = rows;
    }

    @Override
    public List<Project> projects() {
        return dsl.selectFrom(PROJECTS).orderBy(PROJECTS.POS).fetch(rows::project);
    }

    @Override
    public Optional<Project> project(ProjectId id) {
        return dsl.selectFrom(PROJECTS).where(PROJECTS.ID.eq(id.value())).fetchOptional(rows::project);
    }

    @Override
    public Optional<Project> projectByRoot(String root) {
        return dsl.select(PROJECTS.fields()).from(PROJECTS)
                .join(PROJECT_PATHS).on(PROJECT_PATHS.PROJECT_ID.eq(PROJECTS.ID))
                .where(PROJECT_PATHS.PATH.eq(root))
                .fetchOptional(r -> rows.project(r.into(PROJECTS)));
    }

    @Override
    public Optional<Project> projectByIdentity(ProjectIdentity identity) {
        return dsl.selectFrom(PROJECTS).where(PROJECTS.IDENTITY.eq(identity.value())).fetchOptional(rows::project);
    }

    @Override
    public Optional<ProjectIdentity> projectIdentity(ProjectId project) {
        return dsl.select(PROJECTS.IDENTITY).from(PROJECTS).where(PROJECTS.ID.eq(project.value()))
                .fetchOptional(Record1::value1).map(ProjectIdentity::new);
    }

    @Override
    public List<String> projectPaths(ProjectId project) {
        return dsl.select(PROJECT_PATHS.PATH).from(PROJECT_PATHS)
                .where(PROJECT_PATHS.PROJECT_ID.eq(project.value()))
                .orderBy(PROJECT_PATHS.POS)
                .fetch(Record1::value1);
    }

    @Override
    public Optional<Feature> feature(FeatureId id) {
        return dsl.selectFrom(FEATURES).where(FEATURES.ID.eq(id.value())).fetchOptional(rows::feature);
    }

    @Override
    public Optional<Feature> featureByNumber(ProjectId project, int number) {
        return dsl.selectFrom(FEATURES)
                .where(FEATURES.PROJECT_ID.eq(project.value()), FEATURES.NUMBER.eq(number))
                .fetchOptional(rows::feature);
    }

    @Override
    public List<Feature> features(ProjectId project) {
        return dsl.selectFrom(FEATURES)
                .where(FEATURES.PROJECT_ID.eq(project.value()))
                .orderBy(FEATURES.NUMBER)
                .fetch(rows::feature);
    }

    @Override
    public List<Feature> features(ProjectId project, Status status, int limit) {
        return dsl.selectFrom(FEATURES)
                .where(FEATURES.PROJECT_ID.eq(project.value()))
                .and(FEATURES.STATUS.eq(status.wireName()))
                .orderBy(FEATURES.NUMBER)
                .limit(limit)
                .fetch(rows::feature);
    }

    @Override
    public List<Feature> featuresInBoardOrder(ProjectId project, Status status, int offset, int limit) {
        return boardColumn(dsl, project, status, offset, limit).fetch(rows::feature);
    }

    /**
     * One page of a Kanban column in BoardOrder: done work most recently completed first (none before a completion
     * time), the rest by priority; then lowest number. Read along the index in that order (schema version 5:
     * features_board, features_board_done), so a page visits its own rows and sorts nothing.
     */
    static org.jooq.ResultQuery<dev.ijoka.store.jooq.internal.schema.tables.records.FeaturesRecord> boardColumn(
            DSLContext dsl, ProjectId project, Status status, int offset, int limit) {
        List<org.jooq.SortField<?>> order = status == Status.COMPLETE
                ? List.of(FEATURES.COMPLETED_AT.desc().nullsLast(), FEATURES.NUMBER.asc())
                : List.of(FEATURES.PRIORITY.desc(), FEATURES.NUMBER.asc());
        return dsl.selectFrom(FEATURES)
                .where(FEATURES.PROJECT_ID.eq(project.value()))
                .and(FEATURES.STATUS.eq(status.wireName()))
                .orderBy(order)
                .limit(limit)
                .offset(offset);
    }

    @Override
    public List<Feature> featuresPage(ProjectId project, java.util.Set<Status> statuses, int offset, int limit) {
        Condition in = statuses.isEmpty() ? DSL.noCondition()
                : FEATURES.STATUS.in(statuses.stream().map(Status::wireName).toList());
        return dsl.selectFrom(FEATURES)
                .where(FEATURES.PROJECT_ID.eq(project.value()))
                .and(in)
                .orderBy(FEATURES.NUMBER)
                .limit(limit)
                .offset(offset)
                .fetch(rows::feature);
    }

    @Override
    public int countInProgress(ProjectId project, @Nullable SessionId claimedBy) {
        Condition held = claimedBy == null ? DSL.noCondition() : FEATURES.CLAIM_SESSION.eq(claimedBy.value());
        return dsl.fetchCount(FEATURES, FEATURES.PROJECT_ID.eq(project.value())
                .and(FEATURES.STATUS.eq(Status.IN_PROGRESS.wireName()))
                .and(held));
    }

    @Override
    public List<Feature> ready(ProjectId project, int limit) {
        return dsl.selectFrom(FEATURES)
                .where(ready(project))
                .orderBy(FEATURES.PRIORITY.desc(), FEATURES.NUMBER.asc())
                .limit(limit)
                .fetch(rows::feature);
    }

    @Override
    public int countReady(ProjectId project) {
        return dsl.fetchCount(FEATURES, ready(project));
    }

    /** The project's pending features with no {@code blocks} dependency left incomplete. */
    private static Condition ready(ProjectId project) {
        var dependency = FEATURES.as("dependency");
        return FEATURES.PROJECT_ID.eq(project.value())
                .and(FEATURES.STATUS.eq(Status.PENDING.wireName()))
                .andNotExists(DSL.selectOne()
                        .from(DEPENDENCIES)
                        .join(dependency).on(dependency.ID.eq(DEPENDENCIES.DEPENDENCY_ID))
                        .where(DEPENDENCIES.DEPENDENT_ID.eq(FEATURES.ID))
                        .and(DEPENDENCIES.KIND.eq(DependencyKind.BLOCKS.wireName()))
                        .and(dependency.STATUS.ne(Status.COMPLETE.wireName())));
    }

    @Override
    public Progress progress(ProjectId project) {
        int[] counts = new int[Status.values().length];
        dsl.select(FEATURES.STATUS, DSL.count())
                .from(FEATURES)
                .where(FEATURES.PROJECT_ID.eq(project.value()))
                .groupBy(FEATURES.STATUS)
                .forEach(r -> counts[Status.fromWire(r.value1()).ordinal()] = r.value2());
        return new Progress(counts[Status.PENDING.ordinal()], counts[Status.IN_PROGRESS.ordinal()],
                counts[Status.BLOCKED.ordinal()], counts[Status.COMPLETE.ordinal()]);
    }

    @Override
    public List<Feature> featuresClaimedBy(SessionId session) {
        return dsl.selectFrom(FEATURES)
                .where(FEATURES.CLAIM_SESSION.eq(session.value()))
                .orderBy(FEATURES.NUMBER, FEATURES.ID)
                .fetch(rows::feature);
    }

    @Override
    public List<Feature> featuresWithLeaseBefore(Instant instant) {
        return dsl.selectFrom(FEATURES)
                .where(FEATURES.CLAIM_LEASE_UNTIL.le(EpochNanos.clamp(instant)))
                .orderBy(FEATURES.NUMBER, FEATURES.ID)
                .fetch(rows::feature);
    }

    @Override
    public Map<FeatureId, Status> statuses(Collection<FeatureId> ids) {
        Map<FeatureId, Status> result = new HashMap<>();
        List<String> all = ids.stream().map(FeatureId::value).distinct().toList();
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(from + IN_CHUNK, all.size()));
            dsl.select(FEATURES.ID, FEATURES.STATUS)
                    .from(FEATURES)
                    .where(FEATURES.ID.in(chunk))
                    .forEach(r -> result.put(FeatureId.of(r.value1()), Status.fromWire(r.value2())));
        }
        return result;
    }

    @Override
    public List<Dependency> dependencies(ProjectId project) {
        return dsl.selectFrom(DEPENDENCIES).where(DEPENDENCIES.PROJECT_ID.eq(project.value())).fetch(rows::dependency);
    }

    @Override
    public List<Dependency> dependenciesOf(FeatureId dependent) {
        return dsl.selectFrom(DEPENDENCIES).where(DEPENDENCIES.DEPENDENT_ID.eq(dependent.value())).fetch(rows::dependency);
    }

    @Override
    public List<Dependency> dependentsOf(FeatureId dependency) {
        return dsl.selectFrom(DEPENDENCIES).where(DEPENDENCIES.DEPENDENCY_ID.eq(dependency.value())).fetch(rows::dependency);
    }

    /**
     * Two recursive queries (the features, then the edges) instead of a query per feature walked: "waits for" of a
     * feature half-way down a 10,000-feature plan reaches ~1,300 features, which one-shot commands read this way
     * rather than the whole plan (docs/benchmarks.md, "Cold commands at 10,000 features"). {@code UNION}, not
     * {@code UNION ALL}: a feature is walked once, so a cycle ends the walk.
     */
    @Override
    public BlocksReach blocksReach(FeatureId feature) {
        String blocks = DependencyKind.BLOCKS.wireName();
        CommonTableExpression<Record1<String>> reach = DSL.name("reach").fields("id").as(
                DSL.select(DEPENDENCIES.DEPENDENCY_ID).from(DEPENDENCIES)
                        .where(DEPENDENCIES.DEPENDENT_ID.eq(feature.value()).and(DEPENDENCIES.KIND.eq(blocks)))
                        .union(DSL.select(DEPENDENCIES.DEPENDENCY_ID).from(DEPENDENCIES)
                                .join(DSL.table(DSL.name("reach"))).on(DEPENDENCIES.DEPENDENT_ID.eq(REACH_ID))
                                .where(DEPENDENCIES.KIND.eq(blocks))));
        List<Feature> features = dsl.withRecursive(reach).selectFrom(FEATURES)
                .where(FEATURES.ID.in(DSL.select(REACH_ID).from(reach)).and(FEATURES.ID.ne(feature.value())))
                .fetch(rows::feature);
        List<Dependency> edges = dsl.withRecursive(reach).selectFrom(DEPENDENCIES)
                .where(DEPENDENCIES.KIND.eq(blocks).and(DEPENDENCIES.DEPENDENT_ID.eq(feature.value())
                        .or(DEPENDENCIES.DEPENDENT_ID.in(DSL.select(REACH_ID).from(reach)))))
                .fetch(rows::dependency);
        return new BlocksReach(features, edges);
    }

    /** Nothing but this class's static set-up (see {@link JooqStore#prepare}). */
    static void prepare() {}

    /** The column of {@link #blocksReach}'s recursive table. */
    private static final Field<String> REACH_ID = DSL.field(DSL.name("reach", "id"), String.class);

    @Override
    public Optional<Session> session(SessionId id) {
        return dsl.selectFrom(SESSIONS).where(SESSIONS.ID.eq(id.value())).fetchOptional(rows::session);
    }

    @Override
    public Optional<String> sessionNote(SessionId session, String name) {
        return dsl.select(SESSION_NOTES.VALUE).from(SESSION_NOTES)
                .where(SESSION_NOTES.SESSION_ID.eq(session.value()), SESSION_NOTES.NAME.eq(name))
                .fetchOptional(Record1::value1);
    }

    @Override
    public Optional<AgentPlan> agentPlan(SessionId session, @Nullable FeatureId feature) {
        return dsl.selectFrom(AGENT_PLANS)
                .where(AGENT_PLANS.SESSION_ID.eq(session.value()),
                        AGENT_PLANS.FEATURE_ID.eq(feature == null ? Rows.NO_FEATURE : feature.value()))
                .fetchOptional(rows::agentPlan);
    }

    @Override
    public List<AgentPlan> agentPlans(FeatureId feature) {
        return dsl.selectFrom(AGENT_PLANS)
                .where(AGENT_PLANS.FEATURE_ID.eq(feature.value()))
                .orderBy(AGENT_PLANS.UPDATED_AT.desc(), AGENT_PLANS.POS.desc())
                .fetch(rows::agentPlan);
    }

    @Override
    public List<AgentPlan> agentPlans(ProjectId project) {
        return dsl.selectFrom(AGENT_PLANS)
                .where(AGENT_PLANS.PROJECT_ID.eq(project.value()))
                .orderBy(AGENT_PLANS.UPDATED_AT.desc(), AGENT_PLANS.POS.desc())
                .fetch(rows::agentPlan);
    }

    @Override
    public List<Session> sessions(ProjectId project) {
        return dsl.selectFrom(SESSIONS)
                .where(SESSIONS.PROJECT_ID.eq(project.value()))
                .orderBy(SESSIONS.LAST_SEEN_AT.desc(), SESSIONS.POS)
                .fetch(rows::session);
    }

    @Override
    public List<Insight> insights(ProjectId project) {
        return dsl.selectFrom(INSIGHTS)
                .where(INSIGHTS.PROJECT_ID.eq(project.value()))
                .orderBy(INSIGHTS.POS.desc())
                .fetch(rows::insight);
    }

    @Override
    public Optional<Rule> rule(RuleId id) {
        return dsl.selectFrom(RULES).where(RULES.ID.eq(id.value())).fetchOptional(rows::rule);
    }

    @Override
    public List<Rule> rules(ProjectId project) {
        return dsl.selectFrom(RULES)
                .where(RULES.PROJECT_ID.eq(project.value()).or(RULES.PROJECT_ID.isNull()))
                .orderBy(RULES.POS)
                .fetch(rows::rule);
    }

    /**
     * The SQL of {@link #lastSequence}, rendered once per dialect: a server asks it before every answer
     * it gives from its snapshot, and rendering the query each time cost more than running it
     * (docs/benchmarks.md, "MCP on the real stores").
     */
    private static final Map<SQLDialect, String> LAST_SEQUENCE_SQL = new ConcurrentHashMap<>();

    @Override
    public long lastSequence() {
        String sql = LAST_SEQUENCE_SQL.computeIfAbsent(dsl.dialect(),
                d -> dsl.render(dsl.select(DSL.max(EVENTS.SEQ)).from(EVENTS)));
        Long value = dsl.resultQuery(sql).fetchOne(0, Long.class);
        return value == null ? 0 : value;
    }

    @Override
    public List<Event> eventsAfter(long after, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return dsl.selectFrom(EVENTS)
                .where(EVENTS.SEQ.gt(after))
                .orderBy(EVENTS.SEQ)
                .limit(limit)
                .fetch(rows::event);
    }

    @Override
    public List<Event> events(EventQuery query) {
        List<Condition> where = new ArrayList<>();
        where.add(EVENTS.PROJECT_ID.eq(query.project().value()));
        if (query.before() != Long.MAX_VALUE) {
            where.add(EVENTS.SEQ.lt(query.before()));
        }
        if (query.feature() != null) {
            where.add(EVENTS.FEATURE_ID.eq(query.feature().value()));
        }
        if (query.session() != null) {
            where.add(EVENTS.SESSION_ID.eq(query.session().value()));
        }
        if (!query.types().isEmpty()) {
            where.add(EVENTS.TYPE.in(query.types().stream().map(EventType::wireName).sorted().toList()));
        }
        return dsl.selectFrom(EVENTS)
                .where(where)
                .orderBy(EVENTS.SEQ.desc())
                .limit(query.limit())
                .fetch(rows::event);
    }
}
