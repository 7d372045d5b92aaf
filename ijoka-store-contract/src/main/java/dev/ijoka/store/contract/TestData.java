package dev.ijoka.store.contract;

import dev.ijoka.domain.Claim;
import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.InsightKind;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.RuleId;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Values to put in a store, with sensible defaults: tests say only what matters to them. Text is
 * deliberately awkward (quotes, backslashes, line breaks, non-Latin letters, emoji) so that stores
 * which serialise or escape it are caught when they get it wrong.
 */
public final class TestData {

    /** Every instant the samples use is a whole number of microseconds past this one: the precision of the engine and every store. */
    public static final Instant T0 = MutableClock.START;

    /** Text that breaks naive JSON, SQL or CSV handling. */
    public static final String AWKWARD = "quote \" apostrophe ' back\\slash\nnew line\ttab — ünïcödé 日本語 🚀 {\"json\":null}";

    private TestData() {}

    public static Instant at(long secondsAfterT0) {
        return T0.plus(Duration.ofSeconds(secondsAfterT0));
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static Project project(String name) {
        return new Project(ProjectId.of(newId()), name, "/home/dev/code/" + name + " (copy)", T0);
    }

    public static FeatureBuilder feature(ProjectId project, int number) {
        return new FeatureBuilder(project, number);
    }

    public static FeatureId featureId() {
        return FeatureId.of(newId());
    }

    public static Session session(ProjectId project, String id) {
        return new Session(SessionId.of(id), project, "claude-code", T0, T0, null, null, 1);
    }

    public static Claim claim(SessionId session, Instant leaseUntil) {
        return new Claim(session, T0, leaseUntil);
    }

    public static Insight insight(ProjectId project, String text, Instant createdAt) {
        return new Insight(newId(), project, text, InsightKind.SOLUTION, List.of("sql", "ci"), null, null, createdAt);
    }

    /** An enabled rule with no counts yet; {@code project == null} makes it global. */
    public static Rule rule(@Nullable ProjectId project, RuleSpec spec, Instant createdAt) {
        return new Rule(new RuleId(newId()), project, spec, Enforcement.DENY, true, 0, 0, createdAt);
    }

    /** An event as the engine hands it to {@code append}: sequence 0, a fresh id. */
    public static Event event(@Nullable ProjectId project, @Nullable FeatureId feature, @Nullable SessionId session,
            Instant at, EventPayload payload) {
        return new Event(0, newId(), project, feature, session, at, payload);
    }
}
