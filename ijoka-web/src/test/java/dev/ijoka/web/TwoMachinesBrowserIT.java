package dev.ijoka.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Status;
import dev.ijoka.test.postgres.PostgresTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.interactions.Actions;

/**
 * Two "machines" on one PostgreSQL database (docs/postgres.md): two dashboards, each a JVM of its own
 * with its own {@code IJOKA_HOME}, both on the same database of the test kit's real server, each open in
 * a headless Chromium of its own. A drag on one board moves the card on the other within seconds,
 * without a reload (the change travels through PostgreSQL's LISTEN/NOTIFY to the other process's bus,
 * then to its page over SSE), and a feature a third process creates appears on both.
 */
class TwoMachinesBrowserIT {

    /**
     * A drag on one board shows on the other within this. It normally takes well under a second (the
     * drag's own request, NOTIFY, the other server's 50 ms poll, SSE, the card's fetch); the margin is for a
     * shared, busy build machine.
     */
    static final Duration LIVE_WITHIN = Duration.ofSeconds(5);

    @TempDir
    static Path dir;

    static String url;
    static Ijoka ijoka;
    static Project project;
    static DashboardProcess.Running machineA;
    static DashboardProcess.Running machineB;
    static BrowserSession boardA;
    static BrowserSession boardB;

    @BeforeAll
    static void startTwoMachines() throws Exception {
        url = PostgresTestServer.migratedDatabase();
        ijoka = Ijoka.builder().store(url).build();
        project = ijoka.projects().open(Files.createDirectories(dir.resolve("shop")));
        machineA = DashboardProcess.start(url, Files.createDirectories(dir.resolve("home-a")));
        machineB = DashboardProcess.start(url, Files.createDirectories(dir.resolve("home-b")));
        boardA = new BrowserSession();
        boardB = new BrowserSession();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {boardA, boardB, machineA, machineB, ijoka}) {
            if (c != null) {
                c.close();
            }
        }
    }

    /** Opens the project's Kanban board and waits for its live stream; marks the page so a reload would show. */
    static void openKanban(BrowserSession board, DashboardProcess.Running machine) {
        board.open(machine.origin() + "/p/" + project.id().value() + "/kanban");
        board.await(d -> "complete".equals(board.script("return document.readyState;")));
        board.await(d -> "live".equals(board.script("return document.body.dataset.live;")));
        board.script("window.ijokaNoReload = 'still the same page';");
    }

    static String columnOf(BrowserSession board, Feature f) {
        return (String) board.script("return document.getElementById(arguments[0])?.closest('ol.cards')?.dataset.status ?? null;",
                "card-" + f.id().value());
    }

    static void drag(BrowserSession board, Feature f, String toStatus) {
        new Actions(board.driver).dragAndDrop(board.find("#card-" + f.id().value()),
                board.find("ol.cards[data-status=" + toStatus + "]")).perform();
    }

    static void assertNotReloaded(BrowserSession board) {
        assertThat(board.script("return window.ijokaNoReload;")).isEqualTo("still the same page");
    }

    @Test
    void theMachinesHaveTheirOwnDataDirectories() {
        // Each dashboard wrote its server.json in its own IJOKA_HOME, with its own port.
        assertThat(machineA.home().resolve("server.json")).exists();
        assertThat(machineB.home().resolve("server.json")).exists();
        assertThat(machineA.origin()).isNotEqualTo(machineB.origin());
    }

    @Test
    void aDragOnOneBoardMovesTheCardOnTheOther() {
        Feature f = ijoka.features().create(project.id(), NewFeature.of("Checkout page", Category.UI));
        openKanban(boardA, machineA);
        openKanban(boardB, machineB);
        assertThat(columnOf(boardA, f)).isEqualTo("pending");
        assertThat(columnOf(boardB, f)).isEqualTo("pending");

        long dropped = System.nanoTime();
        drag(boardA, f, "in_progress");
        boardB.await(d -> "in_progress".equals(columnOf(boardB, f)));
        // Seconds, not the 20 s the wait allows: the feed is pushed, not found by a reload or a slow poll.
        assertThat(Duration.ofNanos(System.nanoTime() - dropped)).isLessThan(LIVE_WITHIN);
        assertThat(ijoka.features().get(f.id()).status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(columnOf(boardA, f)).isEqualTo("in_progress");
        boardB.screenshot("two-machines-b-after-drag-on-a");

        // and back the other way: B's drag reaches A
        dropped = System.nanoTime();
        drag(boardB, f, "complete");
        boardA.await(d -> "complete".equals(columnOf(boardA, f)));
        assertThat(Duration.ofNanos(System.nanoTime() - dropped)).isLessThan(LIVE_WITHIN);
        assertThat(ijoka.features().get(f.id()).status()).isEqualTo(Status.COMPLETE);
        assertNotReloaded(boardA);
        assertNotReloaded(boardB);
        assertThat(boardA.consoleErrors()).isEmpty();
        assertThat(boardB.consoleErrors()).isEmpty();
    }

    @Test
    void aChangeByAThirdProcessAppearsOnBothBoards() throws Exception {
        openKanban(boardA, machineA);
        openKanban(boardB, machineB);

        OtherProcess.run(url, dir.resolve("shop"), "Committed on a third machine");

        for (BrowserSession board : new BrowserSession[] {boardA, boardB}) {
            board.await(d -> board.find("ol.cards[data-status=pending]").getText().contains("Committed on a third machine"));
            assertNotReloaded(board);
        }
        boardA.screenshot("two-machines-a-third-process");
    }
}
