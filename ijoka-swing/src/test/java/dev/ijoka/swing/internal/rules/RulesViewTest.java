package dev.ijoka.swing.internal.rules;

import static dev.ijoka.swing.internal.views.ViewHarness.await;
import static dev.ijoka.swing.internal.views.ViewHarness.onEdt;
import static dev.ijoka.swing.internal.views.ViewHarness.onEdtGet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.Ijoka;
import dev.ijoka.api.RuleViolationException;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.WipScope;
import dev.ijoka.swing.internal.views.ViewHarness;
import java.nio.file.Path;
import java.util.List;
import javax.swing.JLabel;
import javax.swing.plaf.basic.BasicHTML;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesViewTest {

    @TempDir
    Path dir;

    private ViewHarness h;
    private RulesView view;

    @BeforeEach
    void setUp() throws Exception {
        h = new ViewHarness(dir);
        view = onEdtGet(() -> new RulesView(h.ijoka, h.store, h.actions));
        h.show(view::component, view::changed);
        onEdt(() -> view.show(h.projectId()));
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    /** The rules in the table; call on the EDT (the await conditions run there). */
    private List<Rule> rulesShown() {
        RuleTableModel m = (RuleTableModel) view.table().getModel();
        return java.util.stream.IntStream.range(0, m.getRowCount()).mapToObj(i -> m.row(i).rule()).toList();
    }

    private String cell(int row, int column) throws Exception {
        return onEdtGet(() -> String.valueOf(view.table().getModel().getValueAt(row, column)));
    }

    @Test
    void listsRulesWithCountersAndRecentDecisionsThatMoveLive() throws Exception {
        Ijoka ijoka = h.ijoka;
        ijoka.rules().add(h.projectId(), new RuleSpec.WipLimit(1, WipScope.PROJECT), Enforcement.DENY);
        ijoka.rules().add(h.projectId(), new RuleSpec.Context("Run mvn verify before you complete a feature"), Enforcement.DENY);
        await("two rules", () -> rulesShown().size() == 2);
        assertThat(cell(0, 0)).isEqualTo("at most 1 feature in progress per project");
        assertThat(cell(0, 1)).isEqualTo("WIP limit");
        assertThat(cell(0, 3)).isEqualTo("deny");
        assertThat(cell(1, 3)).isEqualTo("—");
        assertThat(cell(0, 6)).isEqualTo("never");
        Feature a = ijoka.features().create(h.projectId(), NewFeature.of("First", Category.FUNCTIONAL));
        Feature b = ijoka.features().create(h.projectId(), NewFeature.of("Second", Category.FUNCTIONAL));
        ijoka.features().start(a.id(), null);
        assertThatThrownBy(() -> ijoka.features().start(b.id(), null)).isInstanceOf(RuleViolationException.class);
        await("the violation counted", () -> ((Long) view.table().getModel().getValueAt(0, 5)) == 1L);
        assertThat(cell(0, 6)).isEqualTo("violated just now");
        await("the decision listed", () -> view.decisions().getModel().getSize() == 1);
        RulesSource.Decision d = onEdtGet(() -> view.decisions().getModel().getElementAt(0));
        assertThat(d.violated()).isTrue();
        assertThat(d.featureRef()).isEqualTo("#2");
        assertThat(d.rule()).isEqualTo("at most 1 feature in progress per project");
        onEdt(() -> {
            view.decisions().setSelectedIndex(0);
            view.decisions().getActionMap().get("open-feature").actionPerformed(null);
        });
        assertThat(h.actions.openedFeatures).containsExactly(b.id());
        h.screenshot("rules-light");
        h.dark(true);
        h.screenshot("rules-dark");
    }

    @Test
    void aRuleOfEachKindIsAddedThroughTheForm() throws Exception {
        onEdt(() -> {
            RuleForm f = view.form();
            f.kind.setSelectedItem(RuleForm.Kind.WIP_LIMIT);
            f.max.setValue(2);
            f.per.setSelectedItem("session");
            f.enforcement.setSelectedItem("warn");
            f.add.doClick();
        });
        await("the WIP limit", () -> rulesShown().size() == 1);
        onEdt(() -> {
            RuleForm f = view.form();
            f.kind.setSelectedItem(RuleForm.Kind.STEPS_DONE);
            f.scope.setSelectedItem("global");
            f.add.doClick();
        });
        await("the steps rule", () -> rulesShown().size() == 2);
        onEdt(() -> {
            RuleForm f = view.form();
            f.kind.setSelectedItem(RuleForm.Kind.CONTEXT);
            f.scope.setSelectedItem("this project");
            f.contextText.setText("Run mvn verify before you complete a feature");
            f.add.doClick();
        });
        await("the context", () -> rulesShown().size() == 3);
        onEdt(() -> {
            RuleForm f = view.form();
            f.kind.setSelectedItem(RuleForm.Kind.REMINDER);
            f.fileGlob.setText("**/*.sql");
            f.reminderText.setText("Migrations are forever: add a new one");
            f.add.doClick();
        });
        await("the reminder", () -> rulesShown().size() == 4);
        assertThat(onEdtGet(() -> view.form().message.getText()))
                .isEqualTo("Added: before any tool on **/*.sql: Migrations are forever: add a new one");
        List<Rule> stored = h.ijoka.rules().list(h.projectId());
        assertThat(stored).extracting(r -> r.spec().describe()).containsExactlyInAnyOrder(
                "at most 2 features in progress per session", "every step checked before complete",
                "context: Run mvn verify before you complete a feature",
                "before any tool on **/*.sql: Migrations are forever: add a new one");
        assertThat(stored).filteredOn(Rule::isGlobal).singleElement()
                .satisfies(r -> assertThat(r.spec()).isInstanceOf(RuleSpec.StepsDoneBeforeComplete.class));
        assertThat(stored).filteredOn(r -> r.spec() instanceof RuleSpec.WipLimit).singleElement()
                .satisfies(r -> assertThat(r.enforcement()).isEqualTo(Enforcement.WARN));
        h.screenshot("rules-form-light");
    }

    @Test
    void badValuesGetTheDomainsMessageAndAddNothing() throws Exception {
        onEdt(() -> {
            RuleForm f = view.form();
            f.kind.setSelectedItem(RuleForm.Kind.WIP_LIMIT);
            f.max.setValue(0);
            f.add.doClick();
        });
        assertThat(onEdtGet(() -> view.form().message.getText())).isEqualTo("a WIP limit must be at least 1, got 0");
        onEdt(() -> {
            RuleForm f = view.form();
            f.kind.setSelectedItem(RuleForm.Kind.REMINDER);
            f.reminderText.setText("Nothing to match");
            f.add.doClick();
        });
        assertThat(onEdtGet(() -> view.form().message.getText())).isEqualTo("a reminder needs a tool name, a file glob, or both");
        onEdt(() -> {
            RuleForm f = view.form();
            f.fileGlob.setText("src/[main");
            f.add.doClick();
        });
        assertThat(onEdtGet(() -> view.form().message.getText())).startsWith("'src/[main' is not a valid file glob");
        onEdt(() -> {
            RuleForm f = view.form();
            f.kind.setSelectedItem(RuleForm.Kind.CONTEXT);
            f.contextText.setText("   ");
            f.add.doClick();
        });
        assertThat(onEdtGet(() -> view.form().message.getText())).contains("context text");
        h.screenshot("rules-form-error-light");
        Thread.sleep(300);
        assertThat(h.ijoka.rules().list(h.projectId())).isEmpty();
    }

    @Test
    void theEnabledSwitchDisablesAndEnablesTheRuleInTheStore() throws Exception {
        Rule rule = h.ijoka.rules().add(h.projectId(), new RuleSpec.StepsDoneBeforeComplete(), Enforcement.DENY);
        await("the rule", () -> rulesShown().size() == 1);
        onEdt(() -> view.table().setValueAt(false, 0, RuleTableModel.ENABLED));
        await("disabled", () -> !rulesShown().getFirst().enabled());
        assertThat(h.ijoka.rules().get(rule.id()).enabled()).isFalse();
        onEdt(() -> {
            view.table().setRowSelectionInterval(0, 0);
            view.table().getActionMap().get("toggle").actionPerformed(null);
        });
        await("enabled again", () -> rulesShown().getFirst().enabled());
        assertThat(h.ijoka.rules().get(rule.id()).enabled()).isTrue();
    }

    @Test
    void aRuleAddedByAnotherWriterAppearsLive() throws Exception {
        try (Ijoka other = h.otherWriter()) {
            other.rules().add(null, new RuleSpec.WipLimit(5, WipScope.PROJECT), Enforcement.WARN);
        }
        await("the global rule", () -> rulesShown().size() == 1);
        assertThat(cell(0, 2)).isEqualTo("global");
    }

    @Test
    void markupInARuleIsShownAsText() throws Exception {
        h.ijoka.rules().add(h.projectId(), new RuleSpec.Context("<html><b>x</b> bold?"), Enforcement.DENY);
        await("the rule", () -> rulesShown().size() == 1);
        // The renderer is one label shared by every cell, so a repaint between preparing it and reading it would
        // leave another cell's text in it: prepare and read in the same turn of the event thread.
        Object[] textAndView = onEdtGet(() -> {
            JLabel rendered = (JLabel) view.table().prepareRenderer(view.table().getCellRenderer(0, 0), 0, 0);
            return new Object[] {rendered.getText(), rendered.getClientProperty(BasicHTML.propertyKey)};
        });
        assertThat(textAndView[0]).isEqualTo("context: <html><b>x</b> bold?");
        assertThat(textAndView[1]).isNull();
    }
}
