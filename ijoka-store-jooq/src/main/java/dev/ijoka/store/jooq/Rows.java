package dev.ijoka.store.jooq;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.Claim;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.InsightKind;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.RuleId;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventType;
import dev.ijoka.store.jooq.internal.schema.tables.records.DependenciesRecord;
import dev.ijoka.store.jooq.internal.schema.tables.records.EventsRecord;
import dev.ijoka.store.jooq.internal.schema.tables.records.FeaturesRecord;
import dev.ijoka.store.jooq.internal.schema.tables.records.InsightsRecord;
import dev.ijoka.store.jooq.internal.schema.tables.records.ProjectsRecord;
import dev.ijoka.store.jooq.internal.schema.tables.records.RulesRecord;
import dev.ijoka.store.jooq.internal.schema.tables.records.SessionsRecord;
import dev.ijoka.store.jooq.internal.schema.tables.records.AgentPlansRecord;
import dev.ijoka.domain.AgentPlan;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one place where rows become domain values and back. Enums are stored as their wire names;
 * lists and rule specs as JSON ({@link PayloadCodec}); a claim as three columns.
 */
final class Rows {

    private final PayloadCodec json;

    Rows(PayloadCodec json) {
        this.json = json;
    }

    // --- agents' todo lists ----------------------------------------------------------------------

    /** The feature column's value for a list kept while the session held no feature (see V4__agent_plans.sql). */
    static final String NO_FEATURE = "";

    AgentPlan agentPlan(AgentPlansRecord r) {
        String feature = r.getFeatureId();
        return new AgentPlan(ProjectId.of(r.getProjectId()), SessionId.of(r.getSessionId()),
                feature.isEmpty() ? null : FeatureId.of(feature), json.decodeTodos(r.getItems()),
                required(r.getUpdatedAt(), "agent_plans.updated_at"));
    }

    AgentPlansRecord record(AgentPlan p) {
        AgentPlansRecord r = new AgentPlansRecord();
        r.setSessionId(p.session().value());
        r.setFeatureId(p.feature() == null ? NO_FEATURE : p.feature().value());
        r.setProjectId(p.project().value());
        r.setItems(json.encodeTodos(p.items()));
        r.setUpdatedAt(p.updatedAt());
        return r;
    }

    // --- projects ------------------------------------------------------------------------------

    Project project(ProjectsRecord r) {
        return new Project(ProjectId.of(r.getId()), r.getName(), r.getRoot(), r.getCreatedAt());
    }

    ProjectsRecord record(Project p) {
        ProjectsRecord r = new ProjectsRecord();
        r.setId(p.id().value());
        r.setName(p.name());
        r.setRoot(p.root());
        r.setCreatedAt(p.createdAt());
        return r;
    }

    // --- features ------------------------------------------------------------------------------

    Feature feature(FeaturesRecord r) {
        Claim claim = r.getClaimSession() == null ? null
                : new Claim(SessionId.of(r.getClaimSession()), required(r.getClaimTakenAt(), "claim_taken_at"),
                        required(r.getClaimLeaseUntil(), "claim_lease_until"));
        return new Feature(
                FeatureId.of(r.getId()),
                ProjectId.of(r.getProjectId()),
                r.getNumber(),
                r.getDescription(),
                r.getDetails(),
                Category.fromWire(r.getCategory()),
                Kind.fromWire(r.getKind()),
                Status.fromWire(r.getStatus()),
                r.getPriority(),
                json.decodeSteps(r.getSteps()),
                r.getBlockReason(),
                r.getParentId() == null ? null : FeatureId.of(r.getParentId()),
                claim,
                r.getVersion(),
                r.getCreatedAt(),
                r.getUpdatedAt(),
                r.getCompletedAt());
    }

    FeaturesRecord record(Feature f) {
        FeaturesRecord r = new FeaturesRecord();
        r.setId(f.id().value());
        r.setProjectId(f.project().value());
        r.setNumber(f.number());
        r.setDescription(f.description());
        r.setDetails(f.details());
        r.setCategory(f.category().wireName());
        r.setKind(f.kind().wireName());
        r.setStatus(f.status().wireName());
        r.setPriority(f.priority());
        r.setSteps(json.encodeSteps(f.steps()));
        r.setBlockReason(f.blockReason());
        r.setParentId(f.parent() == null ? null : f.parent().value());
        Claim claim = f.claim();
        r.setClaimSession(claim == null ? null : claim.session().value());
        r.setClaimTakenAt(claim == null ? null : claim.takenAt());
        r.setClaimLeaseUntil(claim == null ? null : claim.leaseUntil());
        r.setVersion(f.version());
        r.setCreatedAt(f.createdAt());
        r.setUpdatedAt(f.updatedAt());
        r.setCompletedAt(f.completedAt());
        return r;
    }

    // --- dependencies --------------------------------------------------------------------------

    Dependency dependency(DependenciesRecord r) {
        return new Dependency(ProjectId.of(r.getProjectId()), FeatureId.of(r.getDependentId()),
                FeatureId.of(r.getDependencyId()), DependencyKind.fromWire(r.getKind()));
    }

    DependenciesRecord record(Dependency d) {
        DependenciesRecord r = new DependenciesRecord();
        r.setDependentId(d.dependent().value());
        r.setDependencyId(d.dependency().value());
        r.setProjectId(d.project().value());
        r.setKind(d.kind().wireName());
        return r;
    }

    // --- sessions ------------------------------------------------------------------------------

    Session session(SessionsRecord r) {
        return new Session(SessionId.of(r.getId()), ProjectId.of(r.getProjectId()), r.getAgent(), r.getStartedAt(),
                r.getLastSeenAt(), r.getEndedAt(),
                r.getCurrentFeature() == null ? null : FeatureId.of(r.getCurrentFeature()), r.getEventCount());
    }

    SessionsRecord record(Session s) {
        SessionsRecord r = new SessionsRecord();
        r.setId(s.id().value());
        r.setProjectId(s.project().value());
        r.setAgent(s.agent());
        r.setStartedAt(s.startedAt());
        r.setLastSeenAt(s.lastSeenAt());
        r.setEndedAt(s.endedAt());
        r.setCurrentFeature(s.currentFeature() == null ? null : s.currentFeature().value());
        r.setEventCount(s.eventCount());
        return r;
    }

    // --- insights ------------------------------------------------------------------------------

    Insight insight(InsightsRecord r) {
        return new Insight(r.getId(), ProjectId.of(r.getProjectId()), r.getText(), InsightKind.fromWire(r.getKind()),
                json.decodeTags(r.getTags()), r.getFeatureId() == null ? null : FeatureId.of(r.getFeatureId()),
                r.getSessionId() == null ? null : SessionId.of(r.getSessionId()), r.getCreatedAt());
    }

    InsightsRecord record(Insight i) {
        InsightsRecord r = new InsightsRecord();
        r.setId(i.id());
        r.setProjectId(i.project().value());
        r.setText(i.text());
        r.setKind(i.kind().wireName());
        r.setTags(json.encodeTags(i.tags()));
        r.setFeatureId(i.feature() == null ? null : i.feature().value());
        r.setSessionId(i.session() == null ? null : i.session().value());
        r.setCreatedAt(i.createdAt());
        return r;
    }

    // --- rules ---------------------------------------------------------------------------------

    Rule rule(RulesRecord r) {
        return new Rule(new RuleId(r.getId()), r.getProjectId() == null ? null : ProjectId.of(r.getProjectId()),
                json.decodeRuleSpec(r.getSpec()), Enforcement.fromWire(r.getEnforcement()), r.getEnabled(),
                r.getTriggered(), r.getViolated(), r.getCreatedAt());
    }

    RulesRecord record(Rule rule) {
        RulesRecord r = new RulesRecord();
        r.setId(rule.id().value());
        r.setProjectId(rule.project() == null ? null : rule.project().value());
        r.setKind(rule.spec().kind());
        r.setSpec(json.encodeRuleSpec(rule.spec()));
        r.setEnforcement(rule.enforcement().wireName());
        r.setEnabled(rule.enabled());
        r.setTriggered(rule.triggered());
        r.setViolated(rule.violated());
        r.setCreatedAt(rule.createdAt());
        return r;
    }

    // --- events --------------------------------------------------------------------------------

    Event event(EventsRecord r) {
        EventType type = EventType.fromWire(r.getType());
        return new Event(r.getSeq(), r.getId(),
                r.getProjectId() == null ? null : ProjectId.of(r.getProjectId()),
                r.getFeatureId() == null ? null : FeatureId.of(r.getFeatureId()),
                r.getSessionId() == null ? null : SessionId.of(r.getSessionId()),
                r.getAt(),
                json.decode(type, r.getPayload()));
    }

    /** The values of an event's row, in the order {@code JooqTransaction.append} inserts them (seq aside). */
    Object[] values(Event e) {
        return new Object[] {
            e.id(),
            e.project() == null ? null : e.project().value(),
            e.feature() == null ? null : e.feature().value(),
            e.session() == null ? null : e.session().value(),
            e.type().wireName(),
            json.encode(e.payload()),
            e.at(),
        };
    }

    private static Instant required(@Nullable Instant value, String column) {
        return Objects.requireNonNull(value, () -> "a claimed feature's " + column + " is null");
    }
}
