package dev.ijoka.swing.internal.table;

import static dev.ijoka.swing.DesktopFixture.await;
import static dev.ijoka.swing.DesktopFixture.edt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.api.FeatureBatch;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Status;
import dev.ijoka.swing.DesktopFixture;
import dev.ijoka.swing.internal.board.BoardView;
import dev.ijoka.swing.internal.window.MainWindow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Table at 10,000 features: every row, sorted by any column, filtered as you type; the Board holds them too. */
class TableViewTest {

    private static final int FEATURES = 10_000;

    @TempDir
    Path dir;

    private DesktopFixture desktop;

    @BeforeEach
    void open() {
        desktop = new DesktopFixture(dir);
        List<FeatureBatch.Entry> entries = new ArrayList<>();
        Category[] categories = Category.values();
        for (int i = 1; i <= FEATURES; i++) {
            NewFeature f = NewFeature.of("Feature " + i + (i % 1000 == 0 ? " about invoices" : ""), categories[i % categories.length])
                    .withPriority(i % 7);
            entries.add(new FeatureBatch.Entry(f, i % 10 == 0 ? Status.COMPLETE : Status.PENDING, null, null));
        }
        desktop.ijoka.features().createAll(desktop.project.id(), new FeatureBatch(entries, List.of()), FeatureBatch.Progress.NONE);
    }

    @AfterEach
    void close() {
        desktop.close();
    }

    @Test
    void tenThousandFeaturesAreAllThereSortableAndFilterable() {
        MainWindow w = desktop.window();
        TableView table = (TableView) w.projectViews().get(1);
        BoardView board = (BoardView) w.projectViews().get(0);
        DesktopFixture.edtRun(() -> ((javax.swing.JTabbedPane) table.component().getParent()).setSelectedIndex(1)); // loads when chosen
        await("every row is loaded", () -> table.table().getRowCount() == FEATURES);
        await("the board holds them all", () -> board.cards(Status.PENDING).size() == 9_000 && board.cards(Status.COMPLETE).size() == 1_000);

        // Sort by priority, highest first.
        DesktopFixture.edtRun(() -> table.table().getRowSorter().setSortKeys(List.of(new RowSorter.SortKey(5, SortOrder.DESCENDING))));
        assertThat(edt(() -> table.table().getValueAt(0, 5))).isEqualTo(6);
        assertThat(edt(() -> table.table().getValueAt(FEATURES - 1, 5))).isEqualTo(0);
        // Sort by number, descending.
        DesktopFixture.edtRun(() -> table.table().getRowSorter().setSortKeys(List.of(new RowSorter.SortKey(0, SortOrder.DESCENDING))));
        assertThat(edt(() -> table.table().getValueAt(0, 0))).isEqualTo(FEATURES);

        // Filter as you type: ten titles mention invoices.
        DesktopFixture.edtRun(() -> table.filter().setText("INVOICES"));
        assertThat(edt(() -> table.table().getRowCount())).isEqualTo(10);
        DesktopFixture.edtRun(() -> table.filter().setText(""));
        assertThat(edt(() -> table.table().getRowCount())).isEqualTo(FEATURES);

        // Scrolling paints only what is visible: the board's column is one list, not 9,000 components.
        assertThat(edt(() -> board.column(Status.PENDING).getComponentCount())).isLessThanOrEqualTo(1);
        DesktopFixture.edtRun(() -> ((javax.swing.JTabbedPane) table.component().getParent()).setSelectedIndex(0));
        DesktopFixture.screenshot(w.frame().getRootPane(), "window-10000-features");
    }
}
