package dev.ijoka.swing.internal.detail;

import static dev.ijoka.swing.DesktopFixture.await;
import static dev.ijoka.swing.DesktopFixture.edt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.Status;
import dev.ijoka.swing.DesktopFixture;
import dev.ijoka.swing.Plans;
import dev.ijoka.swing.internal.window.MainWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.swing.JList;
import javax.swing.JTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detail panel: what a feature holds, its steps checked off, its commands run from the buttons. */
class DetailPanelTest {

    @TempDir
    Path dir;

    private DesktopFixture desktop;
    private Plans plan;
    private MainWindow window;
    private DetailPanel detail;

    @BeforeEach
    void open() {
        desktop = new DesktopFixture(dir);
        plan = Plans.shop(desktop.ijoka, desktop.project.id());
        window = desktop.window();
        detail = window.detail();
        window.openFeature(desktop.project.id(), plan.cart().id());
        await("the cart is shown", () -> detail.feature().map(f -> f.id().equals(plan.cart().id())).orElse(false));
    }

    @AfterEach
    void close() {
        desktop.close();
    }

    @SuppressWarnings("unchecked")
    private List<String> listed(String accessibleName) {
        return edt(() -> {
            JList<?> list = find(detail.component(), JList.class, accessibleName);
            List<String> out = new java.util.ArrayList<>();
            for (int i = 0; i < list.getModel().getSize(); i++) {
                Object v = list.getModel().getElementAt(i);
                out.add(v instanceof dev.ijoka.domain.Feature f ? f.ref() : v.toString());
            }
            return out;
        });
    }

    private static <T extends java.awt.Component> T find(java.awt.Container root, Class<T> type, String accessibleName) {
        for (java.awt.Component c : root.getComponents()) {
            if (type.isInstance(c) && accessibleName.equals(c.getAccessibleContext().getAccessibleName())) {
                return type.cast(c);
            }
            if (c instanceof java.awt.Container inner) {
                try {
                    return find(inner, type, accessibleName);
                } catch (AssertionError notThere) {
                    // keep looking
                }
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " named " + accessibleName);
    }

    /** The texts of the labels and text areas a person can see in the panel now. */
    private List<String> visibleTexts() {
        return edt(this::visibleTextsOnEdt);
    }

    private List<String> visibleTextsOnEdt() {
        List<String> out = new java.util.ArrayList<>();
        collect(detail.component(), out);
        return out;
    }

    private static void collect(java.awt.Container root, List<String> out) {
        for (java.awt.Component c : root.getComponents()) {
            if (!c.isShowing()) {
                continue;
            }
            if (c instanceof javax.swing.JLabel l && l.getText() != null && !l.getText().isBlank()) {
                out.add(l.getText());
            } else if (c instanceof JTextArea t && !t.getText().isBlank()) {
                out.add(t.getText());
            }
            if (c instanceof java.awt.Container inner) {
                collect(inner, out);
            }
        }
    }

    @Test
    void withNothingSelectedItSaysSoInsteadOfShowingEmptySections() {
        DesktopFixture.edtRun(detail::clear);

        List<String> seen = visibleTexts();
        assertThat(seen).doesNotContain("Details", "Claim", "Steps", "Agent's todo list", "Depends on", "Needed by", "Events");
        assertThat(seen).contains("No feature selected")
                .anyMatch(t -> t.contains("Select a card on the Board or a row in the Table"));
        assertThat(edt(() -> detail.buttons().values().stream().noneMatch(java.awt.Component::isShowing))).isTrue();
        for (String theme : List.of("light", "dark")) {
            DesktopFixture.edtRun(() -> dev.ijoka.swing.internal.window.Themes.switchTo(theme.equals("dark")));
            DesktopFixture.screenshot(detail.component(), "detail-empty-" + theme);
        }
        DesktopFixture.edtRun(() -> dev.ijoka.swing.internal.window.Themes.switchTo(false));

        window.openFeature(desktop.project.id(), plan.cart().id());
        await("the cart is shown again", () -> detail.feature().isPresent());
        await("its sections with it", () -> visibleTextsOnEdt().containsAll(List.of("Steps", "Depends on", "Events")));
        assertThat(visibleTexts()).doesNotContain("No feature selected");
    }

    @Test
    void showsStepsDependenciesBothWaysTheClaimWithItsLeaseAndTheEvents() {
        assertThat(edt(() -> detail.stepBoxes().stream().map(b -> b.getText() + "=" + b.isSelected()).toList()))
                .containsExactly("Click Add=true", "The cart shows 1=false", "Reload: the cart still shows 1=false");
        assertThat(listed("Depends on")).containsExactly(plan.catalogue().ref());
        assertThat(listed("Needed by")).containsExactly(plan.checkout().ref());
        assertThat(listed("Events of the feature")).anyMatch(l -> l.contains("claim taken: by claude-code, lease until"))
                .anyMatch(l -> l.contains("feature created"))
                .anyMatch(l -> l.contains("dependency added: " + plan.cart().ref() + " depends on " + plan.catalogue().ref()));
        String claim = edt(() -> find(detail.component(), JTextArea.class, "Claim and lease").getText());
        assertThat(claim).contains("claude-code").contains("0197c0de-agent-session").containsPattern("Lease ends in 2\\d:\\d\\d");
        assertThat(edt(() -> detail.buttons().get("complete").isEnabled())).isTrue();
        assertThat(edt(() -> detail.buttons().get("unblock").isEnabled())).isFalse();
    }

    /** The verbs of the buttons a person can see and press. */
    private List<String> offered() {
        return edt(() -> detail.buttons().entrySet().stream()
                .filter(e -> e.getValue().isShowing() && e.getValue().isEnabled()).map(java.util.Map.Entry::getKey).toList());
    }

    private void showFeature(dev.ijoka.domain.Feature f) {
        window.openFeature(desktop.project.id(), f.id());
        await(f.ref() + " is shown", () -> detail.feature().map(x -> x.id().equals(f.id())).orElse(false));
    }

    @Test
    void offersOnlyTheCommandsTheStateMachineAllowsFromTheFeaturesStatus() {
        assertThat(offered()).as("in progress: never Start again").containsExactly("complete", "block");
        showFeature(plan.checkout());
        assertThat(offered()).as("pending").containsExactly("start", "block");
        showFeature(plan.docs());
        assertThat(offered()).as("blocked").containsExactly("unblock");
        showFeature(plan.catalogue());
        assertThat(offered()).as("complete").containsExactly("reopen");
    }

    @Test
    void checkingAStepOffWritesItToTheStore() {
        DesktopFixture.edtRun(() -> detail.stepBoxes().get(1).doClick());

        desktop.settle();
        assertThat(desktop.ijoka.features().get(plan.cart().id()).steps().get(1).done()).isTrue();
        await("the panel shows it from the store", () -> detail.feature().map(f -> f.steps().get(1).done()).orElse(false));
    }

    @Test
    void theCompleteButtonRunsTheCommandAndTheBoardFollows() {
        DesktopFixture.edtRun(() -> detail.buttons().get("complete").doClick());

        desktop.settle();
        assertThat(desktop.ijoka.features().get(plan.cart().id()).status()).isEqualTo(Status.COMPLETE);
        await("the panel shows it complete and offers reopen", () -> detail.feature().map(f -> f.status() == Status.COMPLETE).orElse(false)
                && detail.buttons().get("reopen").isEnabled());
    }

    @Test
    void theLeaseIsWordedForPeople() {
        assertThat(DetailPanel.lease(Duration.ofSeconds(29 * 60 + 5))).isEqualTo("lease ends in 29:05");
        assertThat(DetailPanel.lease(Duration.ofSeconds(3 * 3600 + 61))).isEqualTo("lease ends in 3:01:01");
        assertThat(DetailPanel.lease(Duration.ofSeconds(-1))).startsWith("lease lapsed");
    }
}
