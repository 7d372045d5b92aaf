package dev.ijoka.swing.internal.table;

import static dev.ijoka.swing.DesktopFixture.await;
import static dev.ijoka.swing.DesktopFixture.edt;
import static dev.ijoka.swing.DesktopFixture.edtRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.Feature;
import dev.ijoka.swing.DesktopFixture;
import dev.ijoka.swing.Plans;
import dev.ijoka.swing.internal.window.MainWindow;
import dev.ijoka.swing.internal.window.Themes;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.nio.file.Path;
import java.util.List;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Table's columns at the window's default 1440 px: the title gets the room, the short columns show their words. */
class TableColumnsTest {

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

    @Test
    void atFourteenFortyPixelsEveryTitleOfThePlanShowsWholeAndTheShortColumnsKeepTheirWords() {
        Plans plan = Plans.shop(desktop.ijoka, desktop.project.id());
        MainWindow w = desktop.window();
        TableView view = (TableView) w.projectViews().get(1);
        edtRun(() -> ((JTabbedPane) view.component().getParent()).setSelectedIndex(1)); // loads when chosen
        await("the table is loaded", () -> view.table().getRowCount() == 6);
        w.openFeature(desktop.project.id(), plan.cart().id()); // the detail panel open beside, as a person has it
        edtRun(() -> {
            w.frame().setSize(new Dimension(1440, 900));
            ((JTabbedPane) view.component().getParent()).setSelectedIndex(1);
        });
        for (boolean dark : List.of(false, true)) {
            edtRun(() -> Themes.switchTo(dark));
            desktop.settle();
            edtRun(() -> w.frame().validate());
            DesktopFixture.screenshot(w.frame().getRootPane(), "window-table-1440-" + (dark ? "dark" : "light"));
            JTable table = view.table();
            int titleWidth = edt(() -> table.getColumnModel().getColumn(FeatureTableModel.TITLE).getWidth());
            for (int c = 0; c < table.getColumnCount(); c++) {
                int column = c;
                if (c != FeatureTableModel.TITLE) {
                    assertThat(edt(() -> table.getColumnModel().getColumn(column).getWidth())).as("column " + c)
                            .isLessThan(titleWidth);
                }
            }
            for (Feature f : plan.all()) {
                for (int c = 0; c < table.getColumnCount(); c++) {
                    int column = c;
                    int row = edt(() -> table.convertRowIndexToView(rowOf(table, f)));
                    // The cell's text fits inside its column, insets included: nothing is cut to "…".
                    int[] needAndHave = edt(() -> {
                        javax.swing.JLabel cell = (javax.swing.JLabel) table.prepareRenderer(table.getCellRenderer(row, column), row, column);
                        FontMetrics fm = cell.getFontMetrics(cell.getFont());
                        java.awt.Insets in = cell.getInsets();
                        return new int[] {fm.stringWidth(cell.getText()) + in.left + in.right,
                                table.getColumnModel().getColumn(column).getWidth()};
                    });
                    assertThat(needAndHave[0]).as(f.ref() + " column " + table.getColumnName(c) + (dark ? " dark" : " light")
                            + ": the text's width in the column's").isLessThanOrEqualTo(needAndHave[1]);
                }
            }
        }
        edtRun(() -> Themes.switchTo(false));
    }

    private static int rowOf(JTable table, Feature f) {
        for (int r = 0; r < table.getModel().getRowCount(); r++) {
            if (f.ref().equals("#" + table.getModel().getValueAt(r, 0))) {
                return r;
            }
        }
        throw new AssertionError(f.ref() + " not in the table");
    }
}
