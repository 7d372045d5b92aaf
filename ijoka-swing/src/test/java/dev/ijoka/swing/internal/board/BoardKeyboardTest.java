package dev.ijoka.swing.internal.board;

import static dev.ijoka.swing.DesktopFixture.await;
import static dev.ijoka.swing.DesktopFixture.edt;
import static dev.ijoka.swing.DesktopFixture.edtRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Status;
import dev.ijoka.swing.DesktopFixture;
import dev.ijoka.swing.Plans;
import dev.ijoka.swing.internal.window.MainWindow;
import dev.ijoka.swing.internal.window.Themes;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.swing.JList;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.KeyStroke;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cards move without a mouse: Ctrl+Right / Ctrl+Left to the next or previous column, and a context menu of the
 * commands the card's status allows; both run the same state-machine commands as a drop.
 */
class BoardKeyboardTest {

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
        await("the board is loaded", () -> board.cards(Status.PENDING).size() == 3);
    }

    @AfterEach
    void close() {
        desktop.close();
    }

    /** Selects the card in its column and presses the key there, as a person with the column focused would. */
    private void press(Status column, Feature f, int key, int modifiers) {
        edtRun(() -> {
            JList<Feature> list = board.column(column);
            list.setSelectedIndex(indexOf(column, f));
            list.dispatchEvent(new KeyEvent(list, KeyEvent.KEY_PRESSED, System.currentTimeMillis(), modifiers, key,
                    KeyEvent.CHAR_UNDEFINED));
        });
    }

    private int indexOf(Status column, Feature f) {
        List<Feature> cards = board.cards(column);
        for (int i = 0; i < cards.size(); i++) {
            if (cards.get(i).id().equals(f.id())) {
                return i;
            }
        }
        throw new AssertionError(f.ref() + " is not in " + column);
    }

    private boolean selectedIn(Status column, Feature f) {
        Feature selected = board.column(column).getSelectedValue();
        return selected != null && selected.id().equals(f.id());
    }

    @Test
    void ctrlRightStartsAReadyCardAndItKeepsTheSelectionInItsNewColumn() {
        press(Status.PENDING, plan.search(), KeyEvent.VK_RIGHT, InputEvent.CTRL_DOWN_MASK);

        desktop.settle();
        assertThat(desktop.ijoka.features().get(plan.search().id()).status()).isEqualTo(Status.IN_PROGRESS);
        await("the card is selected in In progress", () -> selectedIn(Status.IN_PROGRESS, plan.search()));

        desktop.reason.set("needs a decision on the search engine");
        press(Status.IN_PROGRESS, plan.search(), KeyEvent.VK_RIGHT, InputEvent.CTRL_DOWN_MASK);

        desktop.settle();
        Feature stored = desktop.ijoka.features().get(plan.search().id());
        assertThat(stored.status()).as("the next column is Blocked: it asks why").isEqualTo(Status.BLOCKED);
        assertThat(stored.blockReason()).isEqualTo("needs a decision on the search engine");
        await("the card is selected in Blocked", () -> selectedIn(Status.BLOCKED, plan.search()));
    }

    @Test
    void ctrlLeftRunsWhatADropOnThatColumnRunsAndARefusalSnapsBackWithTheEnginesMessage() {
        long before = desktop.ijoka.events().lastSequence();
        // Blocked to In progress, as a drop there: start, which the engine refuses for a blocked feature.
        press(Status.BLOCKED, plan.docs(), KeyEvent.VK_LEFT, InputEvent.CTRL_DOWN_MASK);
        await("the engine's message is shown", () -> window.shownMessage().map(m -> m.startsWith(plan.docs().ref() + ": ")).orElse(false));
        await("the card is back in Blocked", () -> board.cards(Status.BLOCKED).stream().anyMatch(c -> c.id().equals(plan.docs().id()))
                && board.cards(Status.IN_PROGRESS).stream().noneMatch(c -> c.id().equals(plan.docs().id())));
        assertThat(desktop.ijoka.events().lastSequence()).as("nothing was written").isEqualTo(before);

        press(Status.PENDING, plan.checkout(), KeyEvent.VK_RIGHT, InputEvent.CTRL_DOWN_MASK); // waits for #2
        await("the engine's message is shown", () -> window.shownMessage().map(m -> m.startsWith(plan.checkout().ref() + ": ")).orElse(false));
        await("the card is back in Pending", () -> board.cards(Status.PENDING).stream().anyMatch(c -> c.id().equals(plan.checkout().id())));
        assertThat(desktop.ijoka.events().lastSequence()).isEqualTo(before);

        press(Status.PENDING, plan.checkout(), KeyEvent.VK_LEFT, InputEvent.CTRL_DOWN_MASK); // the first column: nowhere to go
        desktop.settle();
        assertThat(desktop.ijoka.events().lastSequence()).isEqualTo(before);
        assertThat(desktop.ijoka.features().get(plan.checkout().id()).status()).isEqualTo(Status.PENDING);
    }

    @Test
    void theKeysAreBoundOnEveryColumnWithNamedActions() {
        for (Status s : Status.values()) {
            JList<Feature> list = board.column(s);
            for (KeyStroke k : List.of(KeyStroke.getKeyStroke(KeyEvent.VK_RIGHT, InputEvent.CTRL_DOWN_MASK),
                    KeyStroke.getKeyStroke(KeyEvent.VK_LEFT, InputEvent.CTRL_DOWN_MASK),
                    KeyStroke.getKeyStroke(KeyEvent.VK_F10, InputEvent.SHIFT_DOWN_MASK),
                    KeyStroke.getKeyStroke(KeyEvent.VK_CONTEXT_MENU, 0))) {
                Object name = edt(() -> list.getInputMap().get(k));
                assertThat(name).as(s + " " + k).isNotNull();
                assertThat(edt(() -> list.getActionMap().get(name).getValue(javax.swing.Action.NAME))).as("a spoken name")
                        .asString().isNotBlank();
            }
        }
    }

    @Test
    void theContextMenuOffersWhatTheStatusAllowsWithAccessibleNamesAndRunsIt() {
        JPopupMenu pending = edt(() -> board.menuFor(board.cards(Status.PENDING).get(indexOf(Status.PENDING, plan.search()))));
        assertThat(items(pending)).containsExactly("card.start", "card.block", "open");
        JPopupMenu blocked = edt(() -> board.menuFor(board.cards(Status.BLOCKED).getFirst()));
        assertThat(items(blocked)).containsExactly("card.unblock", "open");
        JMenuItem unblock = (JMenuItem) blocked.getComponent(0);
        assertThat(unblock.getAccessibleContext().getAccessibleName()).isEqualTo("Unblock " + plan.docs().ref() + ": move it to Pending");

        edtRun(unblock::doClick);

        desktop.settle();
        assertThat(desktop.ijoka.features().get(plan.docs().id()).status()).isEqualTo(Status.PENDING);
        await("the card is in Pending", () -> selectedIn(Status.PENDING, plan.docs()));
    }

    @Test
    void aLongTitleEndsInAnEllipsisOnItsSecondLine() {
        Feature longOne = desktop.ijoka.features().create(desktop.project.id(), NewFeature.of(
                "Shoppers can compare any two products side by side, with prices, stock, delivery times, reviews "
                        + "and the warranty of each, on phones as on wide screens", Category.UI));
        await("the card is shown", () -> board.cards(Status.PENDING).stream().anyMatch(c -> c.id().equals(longOne.id())));
        for (boolean dark : List.of(false, true)) {
            edtRun(() -> Themes.switchTo(dark));
            desktop.settle();
            List<String> lines = edt(() -> {
                JList<Feature> column = board.column(Status.PENDING);
                CardRenderer stamp = (CardRenderer) column.getCellRenderer().getListCellRendererComponent(column,
                        longOne, 0, false, false);
                int width = column.getWidth();
                stamp.setSize(width, column.getFixedCellHeight());
                stamp.doLayout();
                CardRenderer.TitleLines title = find(stamp);
                title.getParent().doLayout();
                return CardRenderer.TitleLines.lines(title.getText(), title.getFontMetrics(title.getFont()),
                        title.getWidth(), 2);
            });
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).startsWith(longOne.ref() + "  Shoppers");
            assertThat(lines.get(1)).endsWith("…");
            DesktopFixture.screenshot(board.component(), "board-long-title-" + (dark ? "dark" : "light"));
        }
        edtRun(() -> Themes.switchTo(false));
    }

    private static CardRenderer.TitleLines find(java.awt.Container c) {
        for (java.awt.Component child : c.getComponents()) {
            if (child instanceof CardRenderer.TitleLines t) {
                return t;
            }
            if (child instanceof java.awt.Container inner) {
                CardRenderer.TitleLines t = findOrNull(inner);
                if (t != null) {
                    return t;
                }
            }
        }
        throw new AssertionError("no title in the card");
    }

    private static CardRenderer.TitleLines findOrNull(java.awt.Container c) {
        try {
            return find(c);
        } catch (AssertionError none) {
            return null;
        }
    }

    private static List<String> items(JPopupMenu menu) {
        return Arrays.stream(menu.getComponents()).filter(JMenuItem.class::isInstance)
                .map(c -> c.getName() == null ? "open" : c.getName()).toList();
    }
}
