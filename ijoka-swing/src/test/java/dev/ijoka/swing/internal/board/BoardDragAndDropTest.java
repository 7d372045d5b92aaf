package dev.ijoka.swing.internal.board;

import static dev.ijoka.swing.DesktopFixture.await;
import static dev.ijoka.swing.DesktopFixture.edt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Status;
import dev.ijoka.swing.DesktopFixture;
import dev.ijoka.swing.Plans;
import dev.ijoka.swing.internal.window.MainWindow;
import java.nio.file.Path;
import java.util.Optional;
import javax.swing.JList;
import javax.swing.TransferHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drag and drop on the Board, driven through the columns' TransferHandler (what a mouse drop calls): a drop runs
 * the state-machine command and changes the store; a refused drop snaps back with the engine's message; a drop on
 * Blocked asks why, and a cancelled answer changes nothing.
 */
class BoardDragAndDropTest {

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

    private boolean drop(Feature shown, Status on) {
        return edt(() -> {
            JList<Feature> target = board.column(on);
            return target.getTransferHandler().importData(new TransferHandler.TransferSupport(target, CardTransfer.of(shown)));
        });
    }

    private Feature shown(Status column, Feature f) {
        return edt(() -> board.cards(column).stream().filter(c -> c.id().equals(f.id())).findFirst().orElseThrow());
    }

    private boolean inColumn(Status column, Feature f) {
        return board.cards(column).stream().anyMatch(c -> c.id().equals(f.id()));
    }

    @Test
    void droppingAReadyCardOnInProgressStartsItInTheStore() {
        // #5 search depends on nothing: ready.
        assertThat(drop(shown(Status.PENDING, plan.search()), Status.IN_PROGRESS)).isTrue();

        desktop.settle();
        assertThat(desktop.ijoka.features().get(plan.search().id()).status()).isEqualTo(Status.IN_PROGRESS);
        await("the card is in the In progress column", () -> inColumn(Status.IN_PROGRESS, plan.search())
                && !inColumn(Status.PENDING, plan.search()));
    }

    @Test
    void aRefusedDropSnapsBackAndShowsTheEnginesMessage() {
        // #3 checkout waits for #2 cart, still in progress: the engine refuses to start it.
        long eventsBefore = desktop.ijoka.events().lastSequence();
        drop(shown(Status.PENDING, plan.checkout()), Status.IN_PROGRESS);

        await("the message is shown", () -> window.shownMessage().isPresent());
        await("the card is back in Pending", () -> inColumn(Status.PENDING, plan.checkout())
                && !inColumn(Status.IN_PROGRESS, plan.checkout()));
        String message = edt(() -> window.shownMessage().orElseThrow());
        assertThat(message).startsWith("#3: ").contains("#2");
        assertThat(desktop.ijoka.features().get(plan.checkout().id()).status()).isEqualTo(Status.PENDING);
        assertThat(desktop.ijoka.events().lastSequence()).as("nothing was written").isEqualTo(eventsBefore);
    }

    @Test
    void aMoveNoCommandMakesIsRefusedWithoutAskingTheEngine() {
        // In progress back to pending: no command does that (block it, or complete it).
        assertThat(drop(shown(Status.IN_PROGRESS, plan.cart()), Status.PENDING)).isTrue();

        await("the message is shown", () -> window.shownMessage().map(m -> m.startsWith("No command moves")).orElse(false));
        assertThat(edt(() -> inColumn(Status.IN_PROGRESS, plan.cart()))).isTrue();
        assertThat(desktop.ijoka.features().get(plan.cart().id()).status()).isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void droppingOnBlockedAsksWhyAndBlocksWithTheReason() {
        desktop.reason.set("the payment provider's sandbox is down");

        drop(shown(Status.PENDING, plan.search()), Status.BLOCKED);

        desktop.settle();
        Feature stored = desktop.ijoka.features().get(plan.search().id());
        assertThat(stored.status()).isEqualTo(Status.BLOCKED);
        assertThat(stored.blockReason()).isEqualTo("the payment provider's sandbox is down");
        await("the card is in Blocked", () -> inColumn(Status.BLOCKED, plan.search()));
    }

    @Test
    void cancellingTheReasonSnapsTheCardBackAndChangesNothing() {
        desktop.reason.set(null);
        long eventsBefore = desktop.ijoka.events().lastSequence();

        drop(shown(Status.PENDING, plan.search()), Status.BLOCKED);

        desktop.settle();
        assertThat(edt(() -> inColumn(Status.PENDING, plan.search()) && !inColumn(Status.BLOCKED, plan.search()))).isTrue();
        assertThat(desktop.ijoka.events().lastSequence()).isEqualTo(eventsBefore);
        assertThat(edt(() -> window.shownMessage())).isEqualTo(Optional.empty());
    }
}
