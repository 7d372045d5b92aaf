package dev.ijoka.store.contract;

import dev.ijoka.domain.AgentTodo;
import dev.ijoka.domain.TodoStatus;
import static dev.ijoka.store.contract.TestData.AWKWARD;
import static dev.ijoka.store.contract.TestData.at;

import dev.ijoka.domain.Category;
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
import dev.ijoka.domain.Step;
import dev.ijoka.domain.WipScope;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventType;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Sample payloads for every {@link EventType}: each nullable field both null and set, every
 * variant of the values payloads embed (rule specs, feature fields), and awkward text. The switch is
 * exhaustive, so a new event type does not compile until it has samples here.
 */
public final class PayloadSamples {

    private final Project project;
    private final FeatureId feature;
    private final FeatureId other;
    private final SessionId session;

    /** @param feature and {@code other} are two features of the project; {@code session} a session of it */
    public PayloadSamples(Project project, FeatureId feature, FeatureId other, SessionId session) {
        this.project = project;
        this.feature = feature;
        this.other = other;
        this.session = session;
    }

    /** At least one sample of the type; every sample's {@code type()} is {@code type}. */
    public List<EventPayload> of(EventType type) {
        ProjectId p = project.id();
        RuleId rule = new RuleId(TestData.newId());
        return switch (type) {
            case PROJECT_REGISTERED -> List.of(new EventPayload.ProjectRegistered(project));
            case FEATURE_CREATED -> List.of(
                    new EventPayload.FeatureCreated(TestData.feature(p, 7).id(feature).build()),
                    new EventPayload.FeatureCreated(fullFeature()));
            case FEATURE_UPDATED -> List.of(
                    new EventPayload.FeatureUpdated(FeatureUpdate.none().priority(-3)),
                    new EventPayload.FeatureUpdated(FeatureUpdate.none().description("New " + AWKWARD).details(AWKWARD)
                            .category(Category.SECURITY).kind(Kind.BUG).priority(Integer.MAX_VALUE)
                            .steps(List.of(Step.todo("one"), new Step("two " + AWKWARD, true))).parent(other)));
            case FEATURE_STARTED -> List.of(new EventPayload.FeatureStarted());
            case FEATURE_COMPLETED -> List.of(new EventPayload.FeatureCompleted());
            case FEATURE_BLOCKED -> List.of(
                    new EventPayload.FeatureBlocked("waiting: " + AWKWARD, null),
                    new EventPayload.FeatureBlocked("needs the schema", other));
            case FEATURE_UNBLOCKED -> List.of(new EventPayload.FeatureUnblocked());
            case FEATURE_REOPENED -> List.of(new EventPayload.FeatureReopened("regressed: " + AWKWARD));
            case STEP_CHECKED -> List.of(
                    new EventPayload.StepChecked(0, "Open /login", true),
                    new EventPayload.StepChecked(199, AWKWARD, false));
            case DEPENDENCY_ADDED -> List.of(
                    new EventPayload.DependencyAdded(feature, other, DependencyKind.BLOCKS),
                    new EventPayload.DependencyAdded(other, feature, DependencyKind.RELATED));
            case DEPENDENCY_REMOVED -> List.of(new EventPayload.DependencyRemoved(feature, other));
            case CLAIM_TAKEN -> List.of(new EventPayload.ClaimTaken(TestData.claim(session, at(1800))));
            case CLAIM_RENEWED -> List.of(new EventPayload.ClaimRenewed(session, at(3600).plus(1, ChronoUnit.MICROS)));
            case CLAIM_EXPIRED -> List.of(new EventPayload.ClaimExpired(session, at(1800)));
            case CLAIM_TAKEN_OVER -> List.of(new EventPayload.ClaimTakenOver(session,
                    TestData.claim(SessionId.of("other-session"), at(5400))));
            case CLAIM_RELEASED -> List.of(new EventPayload.ClaimReleased(session, "session ended"));
            case INSIGHT_RECORDED -> List.of(
                    new EventPayload.InsightRecorded(TestData.insight(p, AWKWARD, at(5))),
                    new EventPayload.InsightRecorded(new Insight(TestData.newId(), p, "Use WAL", InsightKind.TOOL_USAGE,
                            List.of(), feature, session, at(6))));
            case RULE_ADDED -> rules().stream().map(r -> (EventPayload) new EventPayload.RuleAdded(r)).toList();
            case RULE_TOGGLED -> List.of(new EventPayload.RuleToggled(rule, false), new EventPayload.RuleToggled(rule, true));
            case RULE_TRIGGERED -> List.of(new EventPayload.RuleTriggered(rule, "reminder", "tool_use:Bash", AWKWARD));
            case RULE_VIOLATED -> List.of(new EventPayload.RuleViolated(rule, "wip_limit", "start", "WIP limit: 2 features"));
            case SESSION_STARTED -> List.of(new EventPayload.SessionStarted("claude-code " + AWKWARD));
            case SESSION_ENDED -> List.of(new EventPayload.SessionEnded("user exited"));
            case PROMPT_SUBMITTED -> List.of(new EventPayload.PromptSubmitted(AWKWARD), new EventPayload.PromptSubmitted(""));
            case TOOL_USED -> List.of(
                    new EventPayload.ToolUsed("Edit", List.of("src/Main.java", "docs/" + AWKWARD), true),
                    new EventPayload.ToolUsed("Bash", List.of(), false),
                    new EventPayload.ToolUsed("mcp__x__y", List.of(), dev.ijoka.event.ToolOutcome.UNKNOWN));
            case COMMIT_MADE -> List.of(new EventPayload.CommitMade("0123456789abcdef0123456789abcdef01234567", AWKWARD),
                    new EventPayload.CommitMade("89abcdef0123456789abcdef0123456789abcdef", "Add it", "Ann <ann@example.com>"));
            case HEAD_REWRITTEN -> List.of(new EventPayload.HeadRewritten("0123456789abcdef0123456789abcdef01234567",
                    "89abcdef0123456789abcdef0123456789abcdef", AWKWARD));
            case AGENT_STOPPED -> List.of(new EventPayload.AgentStopped("subagent_stop"));
            case TODO_ADDED -> List.of(
                    new EventPayload.TodoAdded(new AgentTodo("todo-1", AWKWARD, null, TodoStatus.PENDING), 0),
                    new EventPayload.TodoAdded(new AgentTodo("3", "Run the migration tests", "Running " + AWKWARD,
                            TodoStatus.IN_PROGRESS), 4));
            case TODO_CHANGED -> List.of(
                    new EventPayload.TodoChanged(new AgentTodo("todo-2", "Write it", "Writing it", TodoStatus.COMPLETED)),
                    new EventPayload.TodoChanged(new AgentTodo("7", AWKWARD, null, TodoStatus.PENDING)));
            case TODO_REMOVED -> List.of(new EventPayload.TodoRemoved("todo-3", AWKWARD));
        };
    }

    /** One of each rule spec, with the reminder's optional parts both missing and given. */
    public static List<RuleSpec> ruleSpecs() {
        return List.of(
                new RuleSpec.WipLimit(1, WipScope.PROJECT),
                new RuleSpec.WipLimit(3, WipScope.SESSION),
                new RuleSpec.StepsDoneBeforeComplete(),
                new RuleSpec.Context(AWKWARD),
                new RuleSpec.Reminder("Bash", null, "run the tests"),
                new RuleSpec.Reminder(null, "**/*.sql", "migrations are append-only"),
                new RuleSpec.Reminder("Edit", "src/**", "keep it small"));
    }

    private Feature fullFeature() {
        return TestData.feature(project.id(), 8)
                .id(other)
                .description(AWKWARD)
                .details("# Details\n\n" + AWKWARD)
                .category(Category.INFRASTRUCTURE)
                .kind(Kind.EPIC)
                .priority(-12)
                .steps(Step.todo("first"), new Step("second " + AWKWARD, true))
                .parent(feature)
                .inProgress(TestData.claim(session, at(1800)))
                .version(5)
                .updated(at(60))
                .build();
    }

    /** A rule of every spec, project and global, denying and warning, enabled and not, with counts. */
    public List<Rule> rules() {
        List<RuleSpec> specs = ruleSpecs();
        return IntStream.range(0, specs.size())
                .mapToObj(i -> new Rule(new RuleId(TestData.newId()), i % 2 == 0 ? project.id() : null, specs.get(i),
                        i % 2 == 0 ? Enforcement.DENY : Enforcement.WARN, i % 3 != 0, i, 2L * i, at(7 + i)))
                .toList();
    }
}
