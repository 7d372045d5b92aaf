package dev.ijoka;

import static dev.ijoka.event.EventType.CLAIM_TAKEN_OVER;
import static dev.ijoka.event.EventType.FEATURE_COMPLETED;
import static dev.ijoka.event.EventType.FEATURE_STARTED;
import static dev.ijoka.event.EventType.RULE_TOGGLED;
import static dev.ijoka.event.EventType.RULE_TRIGGERED;
import static dev.ijoka.event.EventType.RULE_VIOLATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.api.RuleViolationException;
import dev.ijoka.api.Transition;
import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.WipScope;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules: WIP limits and the steps rule judge commands; context and reminder rules speak to agents. */
class RulesTest {

    private static final String ONE_IN_PROJECT = "WIP limit: 1 feature is already in progress in this project (limit 1). "
            + "Complete or block one before starting another.";

    private final Fixture fx = new Fixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private Rule rule(RuleSpec spec, Enforcement enforcement) {
        return fx.ijoka.rules().add(fx.project.id(), spec, enforcement);
    }

    private Rule reload(Rule r) {
        return fx.ijoka.rules().get(r.id());
    }

    // --- wip_limit ----------------------------------------------------------------------------------

    @Test
    void aDenyingProjectWipLimitRefusesTheStartButRecordsTheViolation() {
        Rule limit = rule(new RuleSpec.WipLimit(1, WipScope.PROJECT), Enforcement.DENY);
        SessionId s1 = fx.session("s1");
        SessionId s2 = fx.session("s2");
        Feature first = fx.feature("first");
        Feature second = fx.feature("second");
        fx.features().start(first.id(), s1);
        long mark = fx.mark();

        assertThatThrownBy(() -> fx.features().start(second.id(), s2))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage(ONE_IN_PROJECT)
                .extracting(e -> ((RuleViolationException) e).code()).isEqualTo("rule_violation");

        // The refusal is logged and counted ...
        assertThat(fx.typesSince(mark)).containsExactly(RULE_VIOLATED);
        Event violated = fx.eventsSince(mark).getFirst();
        assertThat(violated.payload()).isEqualTo(new EventPayload.RuleViolated(limit.id(), "wip_limit", "start", ONE_IN_PROJECT));
        assertThat(violated.feature()).isEqualTo(second.id());
        assertThat(violated.session()).isEqualTo(s2);
        assertThat(reload(limit).violated()).isEqualTo(1);
        assertThat(reload(limit).triggered()).isZero();
        // ... but nothing else changes.
        assertThat(fx.reload(second)).isEqualTo(second);
        assertThat(fx.sessionState(s2).currentFeature()).isNull();
    }

    @Test
    void aProjectWipLimitCountsWhatPeopleStartedToo() {
        rule(new RuleSpec.WipLimit(2, WipScope.PROJECT), Enforcement.DENY);
        fx.featureIn(Status.IN_PROGRESS);
        fx.featureIn(Status.IN_PROGRESS);
        Feature third = fx.feature("third");

        assertThatThrownBy(() -> fx.features().start(third.id(), null))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageStartingWith("WIP limit: 2 features are already in progress in this project (limit 2).");
    }

    @Test
    void aProjectWipLimitFreesUpWhenAFeatureCompletes() {
        rule(new RuleSpec.WipLimit(1, WipScope.PROJECT), Enforcement.DENY);
        Feature first = fx.featureIn(Status.IN_PROGRESS);
        Feature second = fx.feature("second");
        fx.features().complete(first.id(), null);

        assertThat(fx.features().start(second.id(), null).feature().status()).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void takingOverALapsedClaimDoesNotCountAgainstTheProjectLimit() {
        rule(new RuleSpec.WipLimit(1, WipScope.PROJECT), Enforcement.DENY);
        SessionId s1 = fx.session("s1");
        SessionId s2 = fx.session("s2");
        Feature f = fx.feature("a");
        fx.features().start(f.id(), s1);
        fx.advance(Fixture.LEASE);
        long mark = fx.mark();

        fx.features().start(f.id(), s2);

        assertThat(fx.typesSince(mark)).containsExactly(CLAIM_TAKEN_OVER);
    }

    @Test
    void aSessionWipLimitCountsOnlyTheCallingSessionsClaims() {
        Rule limit = rule(new RuleSpec.WipLimit(1, WipScope.SESSION), Enforcement.DENY);
        SessionId s1 = fx.session("s1");
        SessionId s2 = fx.session("s2");
        Feature a = fx.feature("a");
        Feature b = fx.feature("b");
        Feature c = fx.feature("c");
        fx.features().start(a.id(), s1);

        assertThatThrownBy(() -> fx.features().start(b.id(), s1))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("WIP limit: 1 feature is already in progress held by this session (limit 1). "
                        + "Complete or block one before starting another.");
        assertThat(fx.features().start(b.id(), s2).feature().claim().session()).isEqualTo(s2);
        assertThat(fx.features().start(c.id(), null).feature().status())
                .as("people have no session, so a session limit never applies to them")
                .isEqualTo(Status.IN_PROGRESS);
        assertThat(reload(limit).violated()).isEqualTo(1);
    }

    @Test
    void aWarningWipLimitLetsTheStartThroughAndSaysWhy() {
        Rule limit = rule(new RuleSpec.WipLimit(1, WipScope.PROJECT), Enforcement.WARN);
        fx.featureIn(Status.IN_PROGRESS);
        Feature second = fx.feature("second");
        long mark = fx.mark();

        Transition t = fx.features().start(second.id(), null);

        assertThat(t.feature().status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(t.warnings()).containsExactly(ONE_IN_PROJECT);
        assertThat(fx.typesSince(mark)).containsExactly(RULE_TRIGGERED, FEATURE_STARTED);
        assertThat(fx.eventsSince(mark).getFirst().payload())
                .isEqualTo(new EventPayload.RuleTriggered(limit.id(), "wip_limit", "start", ONE_IN_PROJECT));
        assertThat(reload(limit).triggered()).isEqualTo(1);
        assertThat(reload(limit).violated()).isZero();
    }

    @Test
    void aDisabledRuleIsIgnoredAndTogglingIsLogged() {
        Rule limit = rule(new RuleSpec.WipLimit(1, WipScope.PROJECT), Enforcement.DENY);
        fx.featureIn(Status.IN_PROGRESS);
        Feature second = fx.feature("second");
        long mark = fx.mark();

        assertThat(fx.ijoka.rules().setEnabled(limit.id(), false).enabled()).isFalse();
        assertThat(fx.ijoka.rules().setEnabled(limit.id(), false).enabled()).isFalse();
        Transition t = fx.features().start(second.id(), null);

        assertThat(t.warnings()).isEmpty();
        assertThat(fx.typesSince(mark)).containsExactly(RULE_TOGGLED, FEATURE_STARTED);
        assertThat(reload(limit).violated()).isZero();
    }

    @Test
    void aGlobalRuleAppliesToEveryProject(@TempDir Path other) {
        fx.ijoka.rules().add(null, new RuleSpec.WipLimit(1, WipScope.PROJECT), Enforcement.DENY);
        Project second = fx.ijoka.projects().open(other);
        fx.featureIn(Status.IN_PROGRESS);
        Feature here = fx.feature("here");

        assertThatThrownBy(() -> fx.features().start(here.id(), null)).isInstanceOf(RuleViolationException.class);
        assertThat(fx.ijoka.rules().list(second.id())).hasSize(1);
    }

    @Test
    void aProjectsRuleDoesNotApplyToOtherProjects(@TempDir Path other) {
        rule(new RuleSpec.WipLimit(1, WipScope.PROJECT), Enforcement.DENY);
        Project second = fx.ijoka.projects().open(other);

        assertThat(fx.ijoka.rules().list(second.id())).isEmpty();
    }

    @Test
    void aWipLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new RuleSpec.WipLimit(0, WipScope.PROJECT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a WIP limit must be at least 1, got 0");
    }

    // --- steps_done_before_complete -----------------------------------------------------------------

    @Test
    void completeIsRefusedWhileStepsAreUnchecked() {
        Rule steps = rule(new RuleSpec.StepsDoneBeforeComplete(), Enforcement.DENY);
        SessionId s1 = fx.session("s1");
        Feature f = fx.feature("User can log in", "Open /login", "Submit the form", "See the dashboard");
        fx.features().start(f.id(), s1);
        fx.features().checkStep(f.id(), 0, true, s1);
        Feature before = fx.reload(f);
        long mark = fx.mark();

        assertThatThrownBy(() -> fx.features().complete(f.id(), s1))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("2 of 3 steps of #1 are unchecked: \"Submit the form\", \"See the dashboard\". "
                        + "Verify them and check each step before completing.");

        assertThat(fx.reload(f)).isEqualTo(before);
        assertThat(fx.typesSince(mark)).containsExactly(RULE_VIOLATED);
        assertThat(reload(steps).violated()).isEqualTo(1);

        fx.features().checkStep(f.id(), 1, true, s1);
        fx.features().checkStep(f.id(), 2, true, s1);
        mark = fx.mark();
        assertThat(fx.features().complete(f.id(), s1).feature().status()).isEqualTo(Status.COMPLETE);
        assertThat(fx.typesSince(mark)).doesNotContain(RULE_VIOLATED, RULE_TRIGGERED).contains(FEATURE_COMPLETED);
    }

    @Test
    void aWarningStepsRuleLetsCompleteThroughWithTheMessage() {
        rule(new RuleSpec.StepsDoneBeforeComplete(), Enforcement.WARN);
        Feature f = fx.feature("a", "only step");
        fx.features().start(f.id(), null);

        Transition t = fx.features().complete(f.id(), null);

        assertThat(t.feature().status()).isEqualTo(Status.COMPLETE);
        assertThat(t.warnings()).containsExactly("1 of 1 steps of #1 are unchecked: \"only step\". "
                + "Verify them and check each step before completing.");
    }

    @Test
    void aFeatureWithoutStepsPassesTheStepsRule() {
        rule(new RuleSpec.StepsDoneBeforeComplete(), Enforcement.DENY);
        Feature f = fx.featureIn(Status.IN_PROGRESS);

        assertThat(fx.features().complete(f.id(), null).warnings()).isEmpty();
    }

    // --- context ------------------------------------------------------------------------------------

    @Test
    void contextRulesGiveTheirTextsAndCountEachInjection(@TempDir Path other) {
        Rule tests = rule(new RuleSpec.Context("Run mvn verify before you commit."), Enforcement.WARN);
        Rule global = fx.ijoka.rules().add(null, new RuleSpec.Context("Write in British English."), Enforcement.WARN);
        Rule off = rule(new RuleSpec.Context("Switched off."), Enforcement.WARN);
        fx.ijoka.rules().setEnabled(off.id(), false);
        Project second = fx.ijoka.projects().open(other);
        fx.ijoka.rules().add(second.id(), new RuleSpec.Context("Another project's."), Enforcement.WARN);
        fx.ijoka.rules().add(fx.project.id(), new RuleSpec.WipLimit(3, WipScope.PROJECT), Enforcement.DENY);
        SessionId s1 = fx.session("s1");
        long mark = fx.mark();

        List<String> texts = fx.ijoka.rules().contextFor(fx.project.id(), s1);

        assertThat(texts).containsExactly("Run mvn verify before you commit.", "Write in British English.");
        assertThat(fx.typesSince(mark)).containsExactly(RULE_TRIGGERED, RULE_TRIGGERED);
        assertThat(fx.eventsSince(mark)).allSatisfy(e -> {
            assertThat(e.session()).isEqualTo(s1);
            assertThat(((EventPayload.RuleTriggered) e.payload()).command()).isEqualTo("session_start");
        });
        fx.ijoka.rules().contextFor(fx.project.id(), null);
        assertThat(reload(tests).triggered()).isEqualTo(2);
        assertThat(reload(global).triggered()).isEqualTo(2);
        assertThat(reload(off).triggered()).isZero();
    }

    @Test
    void withoutContextRulesNothingIsInjectedOrLogged() {
        long mark = fx.mark();

        assertThat(fx.ijoka.rules().contextFor(fx.project.id(), null)).isEmpty();
        assertThat(fx.eventsSince(mark)).isEmpty();
    }

    // --- reminders ----------------------------------------------------------------------------------

    @Test
    void aToolReminderMatchesTheToolByNameIgnoringCase() {
        Rule bash = rule(new RuleSpec.Reminder("Bash", null, "No rm -rf."), Enforcement.WARN);

        assertThat(fx.ijoka.rules().remindersFor(fx.project.id(), null, "bash", List.of())).containsExactly("No rm -rf.");
        assertThat(fx.ijoka.rules().remindersFor(fx.project.id(), null, "Edit", List.of("run.sh"))).isEmpty();
        assertThat(reload(bash).triggered()).isEqualTo(1);
    }

    @Test
    void aFileReminderMatchesItsGlobAnywhereInThePath() {
        rule(new RuleSpec.Reminder(null, "**/*.sql", "Migrations are append-only."), Enforcement.WARN);
        rule(new RuleSpec.Reminder(null, "*.md", "Keep docs short."), Enforcement.WARN);
        rule(new RuleSpec.Reminder(null, "src/main/**", "Main code needs a test."), Enforcement.WARN);

        assertThat(reminders("Edit", "db/migrations/V1__init.sql")).containsExactly("Migrations are append-only.");
        assertThat(reminders("Edit", "docs/guide/intro.md")).containsExactly("Keep docs short.");
        assertThat(reminders("Write", "README.md")).containsExactly("Keep docs short.");
        assertThat(reminders("Edit", "src/main/java/A.java")).containsExactly("Main code needs a test.");
        assertThat(reminders("Edit", "src/test/java/ATest.java")).isEmpty();
        assertThat(reminders("Edit", "notes.txt", "db/V2.sql")).containsExactly("Migrations are append-only.");
        assertThat(reminders("Edit")).isEmpty();
    }

    @Test
    void aDoubleStarGlobAlsoMatchesFilesAtTheTop() {
        rule(new RuleSpec.Reminder(null, "**/*.sql", "Migrations are append-only."), Enforcement.WARN);

        assertThat(reminders("Edit", "schema.sql")).containsExactly("Migrations are append-only.");
    }

    @Test
    void aFileReminderMatchesTheAbsolutePathsThatHooksReport() {
        rule(new RuleSpec.Reminder(null, "src/main/**", "Main code needs a test."), Enforcement.WARN);
        String absolute = fx.project.root() + "/src/main/java/A.java";

        assertThat(reminders("Edit", absolute)).containsExactly("Main code needs a test.");
        assertThat(reminders("Edit", fx.project.root() + "/src/test/java/ATest.java")).isEmpty();
    }

    @Test
    void aReminderWithToolAndGlobNeedsBothToMatch() {
        Rule r = rule(new RuleSpec.Reminder("Edit", "*.sql", "Careful with the schema."), Enforcement.WARN);
        long mark = fx.mark();

        assertThat(reminders("Read", "schema.sql")).isEmpty();
        assertThat(reminders("Edit", "schema.java")).isEmpty();
        assertThat(fx.eventsSince(mark)).isEmpty();
        assertThat(reminders("Edit", "schema.sql")).containsExactly("Careful with the schema.");

        assertThat(reload(r).triggered()).isEqualTo(1);
        Event e = fx.eventsSince(mark).getFirst();
        assertThat(e.payload()).isEqualTo(new EventPayload.RuleTriggered(r.id(), "reminder", "tool_use:Edit", "Careful with the schema."));
    }

    @Test
    void aDisabledReminderStaysQuiet() {
        Rule r = rule(new RuleSpec.Reminder("Bash", null, "No rm -rf."), Enforcement.WARN);
        fx.ijoka.rules().setEnabled(r.id(), false);

        assertThat(reminders("Bash")).isEmpty();
        assertThat(reload(r).triggered()).isZero();
    }

    @Test
    void aReminderNeedsAToolOrAGlob() {
        assertThatThrownBy(() -> new RuleSpec.Reminder(null, " ", "text"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a reminder needs a tool name, a file glob, or both");
    }

    @Test
    void aMalformedGlobIsRefusedWhenTheRuleIsMadeNotWhenAToolRuns() {
        assertThatThrownBy(() -> new RuleSpec.Reminder(null, "src/[main", "text"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'src/[main' is not a valid file glob (")
                .hasMessageEndingWith("): write e.g. **/*.sql or src/main/**");
    }

    private List<String> reminders(String tool, String... files) {
        return fx.ijoka.rules().remindersFor(fx.project.id(), null, tool, List.of(files));
    }
}
