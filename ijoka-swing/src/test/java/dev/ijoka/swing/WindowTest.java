package dev.ijoka.swing;

import static dev.ijoka.swing.DesktopFixture.await;
import static dev.ijoka.swing.DesktopFixture.edt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Status;
import dev.ijoka.swing.internal.board.BoardView;
import dev.ijoka.swing.internal.table.TableView;
import dev.ijoka.swing.internal.window.MainWindow;
import dev.ijoka.swing.internal.window.Themes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window on a real store: the project list, the views with data, adding and removing projects, live changes. */
class WindowTest {

    @TempDir
    Path dir;

    private DesktopFixture desktop;

    @BeforeEach
    void open() {
        desktop = new DesktopFixture(dir);
    }

    @AfterEach
    void close() {
        desktop.close();
    }

    private BoardView board(MainWindow w) {
        return (BoardView) w.projectViews().get(0);
    }

    /** Chooses the Table's tab and back: a view reads its project when its tab is first chosen, then follows it live. */
    private void visitTable(MainWindow w) {
        DesktopFixture.edtRun(() -> ((javax.swing.JTabbedPane) table(w).component().getParent()).setSelectedIndex(1));
        DesktopFixture.edtRun(() -> ((javax.swing.JTabbedPane) table(w).component().getParent()).setSelectedIndex(0));
    }

    private TableView table(MainWindow w) {
        return (TableView) w.projectViews().get(1);
    }

    @Test
    void theWindowListsTheProjectWithItsProgressAndShowsItsFeaturesOnTheBoardAndInTheTable() {
        Plans plan = Plans.shop(desktop.ijoka, desktop.project.id());
        MainWindow w = desktop.window();
        await("the board is loaded", () -> board(w).cards(Status.PENDING).size() == 3);

        assertThat(edt(() -> w.listedProjects().stream().map(Project::name).toList())).containsExactly("shop");
        assertThat(edt(() -> w.progressOf(desktop.project.id()))).contains("1/6 done");
        assertThat(edt(() -> board(w).cards(Status.PENDING).stream().map(Feature::number).toList()))
                .as("pending, highest priority first").containsExactly(plan.checkout().number(), plan.payment().number(),
                        plan.search().number());
        assertThat(edt(() -> board(w).cards(Status.IN_PROGRESS))).extracting(Feature::id).containsExactly(plan.cart().id());
        assertThat(edt(() -> board(w).cards(Status.BLOCKED))).extracting(Feature::id).containsExactly(plan.docs().id());
        assertThat(edt(() -> board(w).cards(Status.COMPLETE))).extracting(Feature::id).containsExactly(plan.catalogue().id());
        assertThat(edt(() -> table(w).table().getRowCount())).as("the Table reads nothing until its tab is chosen").isZero();
        visitTable(w);
        await("the table is loaded", () -> table(w).table().getRowCount() == 6);
    }

    @Test
    void onlyTheBoardIsBuiltWithTheWindowAndAnotherViewIsBuiltWhenItsTabIsFirstChosen() {
        Plans.shop(desktop.ijoka, desktop.project.id());
        MainWindow w = desktop.window();
        await("the board is painted", () -> w.firstShown().toCompletableFuture().isDone());
        javax.swing.JTabbedPane tabs = edt(() -> tabsOf(w.frame().getContentPane()));
        assertThat(edt(tabs::getTabCount)).isEqualTo(6);
        for (int i = 1; i < 6; i++) {
            int tab = i;
            assertThat(edt(() -> ((java.awt.Container) tabs.getComponentAt(tab)).getComponentCount()))
                    .as(edt(() -> tabs.getTitleAt(tab)) + ": no view built before its tab is chosen").isZero();
        }
        DesktopFixture.edtRun(() -> tabs.setSelectedIndex(4));
        await("the Rules view is built and shown", () -> ((java.awt.Container) tabs.getComponentAt(4)).getComponentCount() > 0);
        assertThat(edt(() -> ((java.awt.Container) tabs.getComponentAt(3)).getComponentCount()))
                .as("the Graph, still not chosen, is still not built").isZero();
        assertThat(edt(() -> tabs.getComponentAt(4))).isSameAs(w.projectViews().get(4).component());
        assertThat(edt(() -> tabs.getComponentAt(3))).as("asking for the views builds them in their tabs")
                .isSameAs(w.projectViews().get(3).component());
    }

    private static javax.swing.JTabbedPane tabsOf(java.awt.Container c) {
        for (java.awt.Component child : c.getComponents()) {
            if (child instanceof javax.swing.JTabbedPane t) {
                return t;
            }
            if (child instanceof java.awt.Container inner) {
                javax.swing.JTabbedPane found = tabsOf(inner);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void screenshotsOfTheWindowBoardTableAndDetailInLightAndDark() {
        Plans plan = Plans.shop(desktop.ijoka, desktop.project.id());
        MainWindow w = desktop.window();
        await("the board is loaded", () -> board(w).cards(Status.COMPLETE).size() == 1);
        w.openFeature(desktop.project.id(), plan.cart().id());
        await("the detail shows the cart", () -> w.detail().feature().map(f -> f.id().equals(plan.cart().id())).orElse(false));
        desktop.settle();
        for (boolean dark : List.of(false, true)) {
            String theme = dark ? "dark" : "light";
            DesktopFixture.edtRun(() -> Themes.switchTo(dark));
            DesktopFixture.edtRun(() -> table(w).table().clearSelection());
            desktop.settle();
            DesktopFixture.screenshot(w.frame().getRootPane(), "window-board-" + theme);
            DesktopFixture.screenshot(board(w).component(), "board-" + theme);
            DesktopFixture.screenshot(w.detail().component(), "detail-" + theme);
            DesktopFixture.edtRun(() -> ((javax.swing.JTabbedPane) table(w).component().getParent()).setSelectedIndex(1));
            desktop.settle();
            DesktopFixture.screenshot(w.frame().getRootPane(), "window-table-" + theme);
            DesktopFixture.screenshot(table(w).component(), "table-" + theme);
            DesktopFixture.edtRun(() -> ((javax.swing.JTabbedPane) table(w).component().getParent()).setSelectedIndex(0));
        }
        DesktopFixture.edtRun(() -> Themes.switchTo(false));
        assertThat(Path.of(System.getProperty("ijoka.screenshots"), "window-board-dark.png")).exists();
    }

    @Test
    void addingAGitCheckoutRegistersItAndShowsIt() {
        MainWindow w = desktop.window();
        Path other = DesktopFixture.gitCheckout(dir.resolve("blog"));

        String told = w.addProject(other).join();

        assertThat(told).startsWith("Added blog");
        java.util.Optional<dev.ijoka.domain.ProjectId> blog = desktop.ijoka.projects().find(other).map(Project::id);
        assertThat(blog).isPresent();
        await("blog is listed and shown", () -> w.listedProjects().stream().anyMatch(p -> p.name().equals("blog"))
                && w.currentProject().equals(blog));
    }

    @Test
    void aPlainFolderIsRefusedWithAMessageAndNothingIsRegistered() throws Exception {
        MainWindow w = desktop.window();
        Path plain = Files.createDirectories(dir.resolve("holiday-photos"));
        int before = desktop.ijoka.projects().list().size();

        String told = w.addProject(plain).join();

        assertThat(told).contains("holiday-photos is not a code base").contains("git init").contains("Nothing was registered");
        assertThat(desktop.ijoka.projects().find(plain)).isEmpty();
        assertThat(desktop.ijoka.projects().list()).hasSize(before);
        await("the message is shown", () -> w.shownMessage().map(m -> m.contains("not a code base")).orElse(false));
    }

    @Test
    void aFileIsRefusedWithTheEnginesMessage() throws Exception {
        MainWindow w = desktop.window();
        Path file = Files.writeString(Path.of(desktop.project.root()).resolve("notes.txt"), "x");

        String told = w.addProject(file).join();

        assertThat(told).contains("is not a directory");
        assertThat(desktop.ijoka.projects().list()).hasSize(1);
    }

    @Test
    void removingAProjectFromTheListKeepsItsDataAndItStaysRemovedNextTime() {
        Plans.shop(desktop.ijoka, desktop.project.id());
        Path blogDir = DesktopFixture.gitCheckout(dir.resolve("blog"));
        Project blog = desktop.ijoka.projects().open(blogDir);
        MainWindow w = desktop.window();
        await("both are listed", () -> w.listedProjects().size() == 2);
        w.openProject(desktop.project.id());
        await("shop is shown", () -> w.currentProject().equals(java.util.Optional.of(desktop.project.id())));

        DesktopFixture.edtRun(w::removeSelectedProject);

        await("shop is no longer listed", () -> w.listedProjects().stream().map(Project::id).toList().equals(List.of(blog.id())));
        assertThat(desktop.ijoka.projects().list()).extracting(Project::id).contains(desktop.project.id());
        assertThat(desktop.ijoka.features().list(desktop.project.id())).hasSize(6);
        assertThat(dir.resolve("home/desktop.properties")).content().contains(desktop.project.id().value());

        // Adding its folder again lists it again.
        w.addProject(Path.of(desktop.project.root())).join();
        await("shop is listed again", () -> w.listedProjects().size() == 2);
    }

    @Test
    void aCommitFromAnotherEngineOnTheSameFileAppearsLive() {
        Plans plan = Plans.shop(desktop.ijoka, desktop.project.id());
        MainWindow w = desktop.window();
        await("the board is loaded", () -> board(w).cards(Status.IN_PROGRESS).size() == 1);

        long started;
        try (Ijoka other = Ijoka.builder().store("jdbc:sqlite:" + desktop.database).build()) {
            started = System.nanoTime();
            other.features().complete(plan.cart().id(), null);
            other.features().create(desktop.project.id(), NewFeature.of("Wish list", Category.FUNCTIONAL));
            await("the board shows the cart complete and the new feature pending", () ->
                    board(w).cards(Status.COMPLETE).stream().anyMatch(f -> f.id().equals(plan.cart().id()))
                            && board(w).cards(Status.PENDING).stream().anyMatch(f -> f.description().equals("Wish list")));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.err.println("another engine's commit shown on the board after " + millis + " ms");
        DesktopFixture.edtRun(() -> ((javax.swing.JTabbedPane) table(w).component().getParent()).setSelectedIndex(1));
        await("the table, chosen after the change, has the new row", () -> table(w).table().getRowCount() == 7);
        try (Ijoka other = Ijoka.builder().store("jdbc:sqlite:" + desktop.database).build()) {
            other.features().create(desktop.project.id(), NewFeature.of("Gift cards", Category.FUNCTIONAL));
        }
        await("the table on screen follows live", () -> table(w).table().getRowCount() == 8);
        DesktopFixture.edtRun(() -> ((javax.swing.JTabbedPane) table(w).component().getParent()).setSelectedIndex(0));
        await("the board, chosen again, has caught up", () -> board(w).cards(Status.PENDING).stream()
                .anyMatch(f -> f.description().equals("Gift cards")));
        await("the list shows the new progress", () -> w.progressOf(desktop.project.id()).equals(java.util.Optional.of("2/8 done")));
    }

    @Test
    void openingAFeatureOfAnotherProjectShowsThatProjectAndTheFeature() {
        Plans.shop(desktop.ijoka, desktop.project.id());
        Project blog = desktop.ijoka.projects().open(DesktopFixture.gitCheckout(dir.resolve("blog")));
        Feature post = desktop.ijoka.features().create(blog.id(), NewFeature.of("Write the first post", Category.DOCUMENTATION));
        MainWindow w = desktop.window();
        await("both are listed", () -> w.listedProjects().size() == 2);
        w.openProject(desktop.project.id());
        await("shop is shown", () -> w.currentProject().equals(java.util.Optional.of(desktop.project.id())));

        w.openFeature(blog.id(), post.id());

        await("blog and its post are shown", () -> w.currentProject().equals(java.util.Optional.of(blog.id()))
                && w.detail().feature().map(f -> f.id().equals(post.id())).orElse(false));
        await("the board shows blog's features", () -> board(w).cards(Status.PENDING).stream().map(Feature::id).toList()
                .equals(List.of(post.id())));
    }
}
