package dev.ijoka.swing.internal.board;

import static dev.ijoka.swing.DesktopFixture.await;
import static dev.ijoka.swing.DesktopFixture.edt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.TodoChange;
import dev.ijoka.domain.TodoStatus;
import dev.ijoka.swing.DesktopFixture;
import dev.ijoka.swing.Plans;
import dev.ijoka.swing.internal.detail.DetailPanel;
import dev.ijoka.swing.internal.window.MainWindow;
import java.awt.Component;
import java.awt.Container;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JLabel;
import javax.swing.JList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's own todo list on the desktop Board and detail panel, as the web dashboard shows it: the card
 * says how far the agent is and what it does now, the detail panel lists the items, and both follow a
 * change another engine commits to the same file (as a hook process does).
 */
class AgentTodosOnTheBoardTest {

    @TempDir
    Path dir;

    private DesktopFixture desktop;
    private Plans plan;
    private MainWindow window;
    private BoardView board;

    @BeforeEach
    void open() {
        desktop = new DesktopFixture(dir);
        plan = Plans.shop(desktop.ijoka, desktop.project.id());
        window = desktop.window();
        board = (BoardView) window.projectViews().get(0);
        await("the board is loaded", () -> board.cards(Status.IN_PROGRESS).size() == 1);
    }

    @AfterEach
    void close() {
        desktop.close();
    }

    /** The texts the card of {@code f} is drawn with, as its column's renderer paints it (on the event-dispatch thread). */
    private List<String> cardTexts(Feature f) {
        return inline(() -> {
            JList<Feature> list = board.column(Status.IN_PROGRESS);
            Feature shown = board.cards(Status.IN_PROGRESS).stream().filter(c -> c.id().equals(f.id())).findFirst().orElseThrow();
            Component c = list.getCellRenderer().getListCellRendererComponent(list, shown, 0, false, false);
            List<String> texts = new ArrayList<>();
            collect(c, texts);
            return texts;
        });
    }

    private static <T> T inline(java.util.function.Supplier<T> work) {
        return work.get();
    }

    private static void collect(Component c, List<String> out) {
        if (c instanceof JLabel l) {
            out.add(l.getText());
        }
        if (c instanceof Container inner) {
            for (Component child : inner.getComponents()) {
                collect(child, out);
            }
        }
    }

    @Test
    void theCardAndTheDetailPanelFollowTheAgentsListLive() {
        Feature cart = plan.cart();
        window.openFeature(desktop.project.id(), cart.id());
        DetailPanel detail = window.detail();
        await("the cart is shown", () -> detail.feature().map(f -> f.id().equals(cart.id())).orElse(false));
        assertThat(edt(detail::todosText)).isEqualTo("(none reported)");
        assertThat(edt(() -> cardTexts(cart))).noneMatch(t -> t.contains("now:"));

        SessionId agent = cart.claim() == null ? desktop.ijoka.features().get(cart.id()).claim().session() : cart.claim().session();
        try (Ijoka other = Ijoka.builder().store("jdbc:sqlite:" + desktop.database).build()) {
            other.sessions().changeTodos(agent, new TodoChange.Replace(List.of(
                    new TodoChange.Item("Add the <html><b>button</b>", null, TodoStatus.COMPLETED),
                    new TodoChange.Item("Keep the cart in the session", "Keeping the cart in the session", TodoStatus.IN_PROGRESS),
                    new TodoChange.Item("Test a reload", null, TodoStatus.PENDING))));
        }

        await("the card shows the agent's progress and what it does now",
                () -> cardTexts(cart).contains("1/3 · now: Keeping the cart in the session"));
        await("the detail panel lists the items", () -> detail.todosText().equals("""
                1/3 · now: Keeping the cart in the session
                ✓ Add the <html><b>button</b>
                ▶ Keeping the cart in the session
                ○ Test a reload"""));
        assertThat(edt(() -> detail.stepBoxes().size())).as("the steps stay the feature's").isEqualTo(3);
        DesktopFixture.screenshot(board.column(Status.IN_PROGRESS), "board-agent-todos");
        DesktopFixture.screenshot(detail.component(), "detail-agent-todos");
    }
}
