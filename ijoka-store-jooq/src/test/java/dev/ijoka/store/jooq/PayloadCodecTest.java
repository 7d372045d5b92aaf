package dev.ijoka.store.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.Claim;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.FeatureUpdate;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.InsightKind;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.RuleId;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.Step;
import dev.ijoka.domain.WipScope;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventType;
import dev.ijoka.event.ToolOutcome;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PayloadCodecTest {

    /** Nanoseconds on purpose: the codec must keep every digit. */
    private static final Instant T = Instant.parse("2025-03-01T10:15:30.123456789Z");
    private static final String AWKWARD = "quote \" back\\slash\nline\ttab ünïcödé 日本語 🚀 {\"json\":null} </script>";

    private final PayloadCodec codec = new PayloadCodec();
    private final ProjectId project = ProjectId.of("0190c0de-0000-7000-8000-000000000001");
    private final FeatureId feature = FeatureId.of("0190c0de-0000-7000-8000-0000000000f1");
    private final FeatureId other = FeatureId.of("0190c0de-0000-7000-8000-0000000000f2");
    private final SessionId session = SessionId.of("session " + AWKWARD);
    private final RuleId rule = new RuleId("rule-1");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyPayloadTypeSurvivesARoundTripExactly(EventType type) {
        for (EventPayload payload : samples(type)) {
            assertThat(payload.type()).isEqualTo(type);
            String json = codec.encode(payload);
            assertThat(codec.decode(type, json)).as(json).isEqualTo(payload);
        }
    }

    @Test
    void aToolUsesOutcomeIsTrueFalseOrUnknownAndLogsWrittenBeforeTheUnknownOutcomeStillRead() {
        assertThat(codec.encode(new EventPayload.ToolUsed("Bash", List.of(), ToolOutcome.UNKNOWN)))
                .isEqualTo("{\"tool\":\"Bash\",\"files\":[],\"success\":\"unknown\"}");
        assertThat(codec.encode(new EventPayload.ToolUsed("Bash", List.of(), true)))
                .isEqualTo("{\"tool\":\"Bash\",\"files\":[],\"success\":true}");
        // As version 1 wrote them: a boolean, and a commit without an author.
        assertThat(codec.decode(EventType.TOOL_USED, "{\"tool\":\"Edit\",\"files\":[\"a\"],\"success\":false}"))
                .isEqualTo(new EventPayload.ToolUsed("Edit", List.of("a"), ToolOutcome.FAILED));
        assertThat(codec.decode(EventType.COMMIT_MADE, "{\"sha\":\"abc\",\"message\":\"fix\"}"))
                .isEqualTo(new EventPayload.CommitMade("abc", "fix", null));
        assertThatThrownBy(() -> codec.decode(EventType.TOOL_USED, "{\"tool\":\"Edit\",\"files\":[],\"success\":\"maybe\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown");
    }

    @Test
    void aTodoItemIsWrittenAsClaudeCodeNamesItsFields() {
        assertThat(codec.encode(new EventPayload.TodoAdded(new dev.ijoka.domain.AgentTodo("1", "Run the tests", "Running the tests",
                dev.ijoka.domain.TodoStatus.IN_PROGRESS), 2)))
                .isEqualTo("{\"item\":{\"id\":\"1\",\"content\":\"Run the tests\",\"activeForm\":\"Running the tests\","
                        + "\"status\":\"in_progress\"},\"position\":2}");
    }

    /** One or more samples per type; the switch is exhaustive, so a new type does not compile without one. */
    private List<EventPayload> samples(EventType type) {
        return switch (type) {
            case PROJECT_REGISTERED -> List.of(new EventPayload.ProjectRegistered(new Project(project, "alpha " + AWKWARD, "/home/dev/a b", T)));
            case FEATURE_CREATED -> List.of(
                    new EventPayload.FeatureCreated(plainFeature()),
                    new EventPayload.FeatureCreated(fullFeature()));
            case FEATURE_UPDATED -> List.of(
                    new EventPayload.FeatureUpdated(FeatureUpdate.none().priority(-3)),
                    new EventPayload.FeatureUpdated(FeatureUpdate.none().description("New " + AWKWARD).details(AWKWARD)
                            .category(Category.SECURITY).kind(Kind.BUG).priority(Integer.MIN_VALUE)
                            .steps(List.of(Step.todo("one"), new Step("two " + AWKWARD, true))).parent(other)));
            case FEATURE_STARTED -> List.of(new EventPayload.FeatureStarted());
            case FEATURE_COMPLETED -> List.of(new EventPayload.FeatureCompleted());
            case FEATURE_BLOCKED -> List.of(
                    new EventPayload.FeatureBlocked(AWKWARD, null),
                    new EventPayload.FeatureBlocked("needs the schema", other));
            case FEATURE_UNBLOCKED -> List.of(new EventPayload.FeatureUnblocked());
            case FEATURE_REOPENED -> List.of(new EventPayload.FeatureReopened("regressed: " + AWKWARD));
            case STEP_CHECKED -> List.of(new EventPayload.StepChecked(0, "Open /login", true),
                    new EventPayload.StepChecked(199, AWKWARD, false));
            case DEPENDENCY_ADDED -> List.of(new EventPayload.DependencyAdded(feature, other, DependencyKind.BLOCKS),
                    new EventPayload.DependencyAdded(other, feature, DependencyKind.RELATED));
            case DEPENDENCY_REMOVED -> List.of(new EventPayload.DependencyRemoved(feature, other));
            case CLAIM_TAKEN -> List.of(new EventPayload.ClaimTaken(new Claim(session, T, T.plusSeconds(1800))));
            case CLAIM_RENEWED -> List.of(new EventPayload.ClaimRenewed(session, T.plusNanos(1)));
            case CLAIM_EXPIRED -> List.of(new EventPayload.ClaimExpired(session, T));
            case CLAIM_TAKEN_OVER -> List.of(new EventPayload.ClaimTakenOver(session,
                    new Claim(SessionId.of("other"), T, Instant.parse("2262-04-11T23:47:16.854775807Z"))));
            case CLAIM_RELEASED -> List.of(new EventPayload.ClaimReleased(session, "session ended"));
            case INSIGHT_RECORDED -> List.of(
                    new EventPayload.InsightRecorded(new Insight("i1", project, AWKWARD, InsightKind.ANTI_PATTERN,
                            List.of("sql", "ünï"), null, null, T)),
                    new EventPayload.InsightRecorded(new Insight("i2", project, "Use WAL", InsightKind.TOOL_USAGE,
                            List.of(), feature, session, T)));
            case RULE_ADDED -> ruleSpecs().stream()
                    .map(spec -> (EventPayload) new EventPayload.RuleAdded(new Rule(rule, spec.kind().length() % 2 == 0 ? project : null,
                            spec, Enforcement.WARN, spec.kind().length() % 3 == 0, 3, Long.MAX_VALUE, T)))
                    .toList();
            case RULE_TOGGLED -> List.of(new EventPayload.RuleToggled(rule, false), new EventPayload.RuleToggled(rule, true));
            case RULE_TRIGGERED -> List.of(new EventPayload.RuleTriggered(rule, "reminder", "tool_use:Bash", AWKWARD));
            case RULE_VIOLATED -> List.of(new EventPayload.RuleViolated(rule, "wip_limit", "start", "WIP limit: 2"));
            case SESSION_STARTED -> List.of(new EventPayload.SessionStarted("claude-code " + AWKWARD));
            case SESSION_ENDED -> List.of(new EventPayload.SessionEnded("user exited"));
            case PROMPT_SUBMITTED -> List.of(new EventPayload.PromptSubmitted(AWKWARD), new EventPayload.PromptSubmitted(""));
            case TOOL_USED -> List.of(new EventPayload.ToolUsed("Edit", List.of("src/Main.java", AWKWARD), true),
                    new EventPayload.ToolUsed("Bash", List.of(), false),
                    new EventPayload.ToolUsed("mcp__x__y", List.of(), dev.ijoka.event.ToolOutcome.UNKNOWN));
            case COMMIT_MADE -> List.of(new EventPayload.CommitMade("0123456789abcdef0123456789abcdef01234567", AWKWARD),
                    new EventPayload.CommitMade("89abcdef0123456789abcdef0123456789abcdef", "Add it", "Ann <ann@example.com>"));
            case HEAD_REWRITTEN -> List.of(new EventPayload.HeadRewritten("0123456789abcdef0123456789abcdef01234567",
                    "89abcdef0123456789abcdef0123456789abcdef", AWKWARD));
            case AGENT_STOPPED -> List.of(new EventPayload.AgentStopped("subagent_stop"));
            case TODO_ADDED -> List.of(
                    new EventPayload.TodoAdded(new dev.ijoka.domain.AgentTodo("todo-1", AWKWARD, null,
                            dev.ijoka.domain.TodoStatus.PENDING), 0),
                    new EventPayload.TodoAdded(new dev.ijoka.domain.AgentTodo("3", "Run the tests", "Running " + AWKWARD,
                            dev.ijoka.domain.TodoStatus.IN_PROGRESS), 99));
            case TODO_CHANGED -> List.of(new EventPayload.TodoChanged(new dev.ijoka.domain.AgentTodo("4", AWKWARD, "Doing it",
                    dev.ijoka.domain.TodoStatus.COMPLETED)));
            case TODO_REMOVED -> List.of(new EventPayload.TodoRemoved("todo-2", AWKWARD));
        };
    }

    private Feature plainFeature() {
        return new Feature(feature, project, 1, "Log in", null, Category.FUNCTIONAL, Kind.FEATURE, Status.PENDING, 0,
                List.of(), null, null, null, 1, T, T, null);
    }

    private Feature fullFeature() {
        return new Feature(other, project, 12, AWKWARD, "# Details\n" + AWKWARD, Category.INFRASTRUCTURE, Kind.EPIC,
                Status.IN_PROGRESS, -12, List.of(Step.todo("first"), new Step("second " + AWKWARD, true)), null, feature,
                new Claim(session, T, T.plusSeconds(60)), 5, T, T.plusNanos(999), T.plusSeconds(9));
    }

    private static List<RuleSpec> ruleSpecs() {
        return List.of(new RuleSpec.WipLimit(1, WipScope.PROJECT), new RuleSpec.WipLimit(3, WipScope.SESSION),
                new RuleSpec.StepsDoneBeforeComplete(), new RuleSpec.Context(AWKWARD),
                new RuleSpec.Reminder("Bash", null, "run the tests"), new RuleSpec.Reminder(null, "**/*.sql", "append-only"),
                new RuleSpec.Reminder("Edit", "src/**", "keep it small"));
    }

    @Test
    void theFormatIsPlainIdsIsoInstantsLowerCaseEnumsAndNoNulls() {
        assertThat(codec.encode(new EventPayload.ClaimTaken(new Claim(SessionId.of("s1"), T, T))))
                .isEqualTo("{\"claim\":{\"session\":\"s1\",\"takenAt\":\"2025-03-01T10:15:30.123456789Z\","
                        + "\"leaseUntil\":\"2025-03-01T10:15:30.123456789Z\"}}");
        assertThat(codec.encode(new EventPayload.FeatureUpdated(FeatureUpdate.none().category(Category.UI).parent(feature))))
                .isEqualTo("{\"changes\":{\"category\":\"ui\",\"parent\":\"" + feature.value() + "\"}}");
        assertThat(codec.encode(new EventPayload.DependencyAdded(feature, other, DependencyKind.RELATED)))
                .isEqualTo("{\"dependent\":\"" + feature + "\",\"dependency\":\"" + other + "\",\"kind\":\"related\"}");
        assertThat(codec.encode(new EventPayload.FeatureStarted())).isEqualTo("{}");
    }

    @Test
    void aRulePayloadHasItsFieldsOnlyAndTheSpecCarriesItsKind() {
        String json = codec.encode(new EventPayload.RuleAdded(new Rule(rule, null, new RuleSpec.WipLimit(2, WipScope.SESSION),
                Enforcement.DENY, true, 0, 0, T)));
        assertThat(json).isEqualTo("{\"rule\":{\"id\":\"rule-1\",\"spec\":{\"kind\":\"wip_limit\",\"max\":2,\"per\":\"session\"},"
                + "\"enforcement\":\"deny\",\"enabled\":true,\"triggered\":0,\"violated\":0,\"createdAt\":\"2025-03-01T10:15:30.123456789Z\"}}");
    }

    @Test
    void everyRuleSpecKindIsRegisteredUnderItsOwnKindName() {
        Set<Class<?>> permitted = Set.of(RuleSpec.class.getPermittedSubclasses());
        Set<Class<?>> registered = Arrays.stream(PayloadCodec.ruleSpecKinds()).map(t -> t.getType()).collect(Collectors.toSet());
        assertThat(registered).isEqualTo(permitted);
        assertThat(ruleSpecs().stream().map(Object::getClass).collect(Collectors.toSet())).isEqualTo(permitted);
        for (RuleSpec spec : ruleSpecs()) {
            String json = codec.encodeRuleSpec(spec);
            assertThat(json).startsWith("{\"kind\":\"" + spec.kind() + "\"");
            assertThat(codec.decodeRuleSpec(json)).isEqualTo(spec);
        }
    }

    @Test
    void readingIgnoresFieldsAddedByANewerVersion() {
        assertThat(codec.decode(EventType.FEATURE_BLOCKED, "{\"reason\":\"r\",\"since\":\"later\"}"))
                .isEqualTo(new EventPayload.FeatureBlocked("r", null));
    }

    @Test
    void unreadableJsonIsRefusedNamingTheType() {
        assertThatThrownBy(() -> codec.decode(EventType.FEATURE_REOPENED, "{\"reason\":"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature_reopened");
        assertThatThrownBy(() -> codec.decode(EventType.FEATURE_REOPENED, "{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature_reopened");
    }

    @Test
    void stepsAndTagsRoundTrip() {
        List<Step> steps = List.of(Step.todo(AWKWARD), new Step("done", true));
        assertThat(codec.decodeSteps(codec.encodeSteps(steps))).isEqualTo(steps);
        assertThat(codec.encodeSteps(List.of())).isEqualTo("[]");
        assertThat(codec.decodeTags(codec.encodeTags(List.of("a", "ünï")))).containsExactly("a", "ünï");
    }

    @Test
    void stepsKeepTheFormatDataBindingWrote() {
        // Rows written before steps were read with the streaming parser: same shape, any field order.
        assertThat(codec.encodeSteps(List.of(new Step("Log in", true)))).isEqualTo("[{\"text\":\"Log in\",\"done\":true}]");
        assertThat(codec.decodeSteps("[{\"done\":true,\"text\":\"Log in\",\"addedLater\":{\"x\":[1]}}]"))
                .containsExactly(new Step("Log in", true));
    }

    @Test
    void unreadableStepsAndTagsSayWhatIsWrong() {
        for (String bad : List.of("", "{}", "[1]", "[{\"done\":true}]", "[{\"text\":\"a\"", "[\"a\"]")) {
            assertThatThrownBy(() -> codec.decodeSteps(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unreadable");
        }
        for (String bad : List.of("", "[1]", "{\"a\":1}", "[\"a\"")) {
            assertThatThrownBy(() -> codec.decodeTags(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unreadable");
        }
    }
}
