package dev.ijoka.swing;

import static dev.ijoka.swing.DesktopFixture.await;
import static dev.ijoka.swing.DesktopFixture.edt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Status;
import dev.ijoka.swing.internal.board.BoardView;
import dev.ijoka.swing.internal.table.TableView;
import dev.ijoka.swing.internal.window.MainWindow;
import java.awt.Component;
import java.awt.Container;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JTable;
import javax.swing.plaf.basic.BasicHTML;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from the store is shown as text: Swing draws any label whose text starts with {@code <html>} as HTML (and
 * keeps the parsed view in the label's {@link BasicHTML#propertyKey} property). A feature titled with markup must
 * show its angle brackets on the card, in the table and in the detail panel, and no component may hold an HTML view.
 */
class MarkupShownAsTextTest {

    private static final String TITLE = "<html><b>bold</b><img src='http://example.invalid/x.png'>";

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

    /** Every label a component paints with, renderers included, and whether any holds an HTML view. */
    private static List<JLabel> labels(Component c) {
        List<JLabel> out = new ArrayList<>();
        if (c instanceof JLabel l) {
            out.add(l);
        }
        if (c instanceof Container parent) {
            for (Component child : parent.getComponents()) {
                out.addAll(labels(child));
            }
        }
        return out;
    }

    @Test
    void aTitleWithMarkupIsShownAsTextOnTheBoardInTheTableAndInTheDetail() {
        Feature f = desktop.ijoka.features().create(desktop.project.id(),
                NewFeature.of(TITLE, Category.UI).withDetails("<html><i>details</i>").withSteps("<html><u>step</u>"));
        MainWindow w = desktop.window();
        BoardView board = (BoardView) w.projectViews().get(0);
        TableView table = (TableView) w.projectViews().get(1);
        DesktopFixture.edtRun(() -> ((javax.swing.JTabbedPane) table.component().getParent()).setSelectedIndex(1)); // loads when chosen
        await("the board is loaded", () -> board.cards(Status.PENDING).size() == 1);
        await("the table is loaded", () -> table.table().getRowCount() == 1);
        w.openFeature(desktop.project.id(), f.id());
        await("the detail is loaded", () -> w.detail().feature().isPresent());
        desktop.settle();

        // The card: render it as the list paints it.
        List<JLabel> card = edt(() -> {
            JList<Feature> column = board.column(Status.PENDING);
            Component stamp = column.getCellRenderer().getListCellRendererComponent(column, f, 0, false, false);
            return labels(stamp);
        });
        assertThat(card).isNotEmpty().allSatisfy(l -> assertThat(edt(() -> l.getClientProperty(BasicHTML.propertyKey))).isNull());
        String cardText = edt(() -> {
            JList<Feature> column = board.column(Status.PENDING);
            Component stamp = column.getCellRenderer().getListCellRendererComponent(column, f, 0, false, false);
            return texts(stamp);
        });
        assertThat(cardText).contains("#1  " + TITLE).contains("<html><i>details</i>");

        // The table's title cell.
        // The renderer is shared by every cell: prepare and read it in one turn of the event thread, or a repaint
        // in between leaves another cell's text in it.
        Object[] textAndView = edt(() -> {
            JTable t = table.table();
            JComponent cell = (JComponent) t.prepareRenderer(t.getCellRenderer(0, 1), 0, 1);
            return new Object[] {((JLabel) cell).getText(), cell.getClientProperty(BasicHTML.propertyKey)};
        });
        assertThat(textAndView[0]).isEqualTo(TITLE);
        assertThat(textAndView[1]).isNull();

        // The detail panel: heading, steps, everything.
        List<JLabel> detail = edt(() -> labels(w.detail().component()));
        assertThat(edt(() -> texts(w.detail().component()))).contains("#1  " + TITLE).contains("<html><i>details</i>");
        assertThat(detail).allSatisfy(l -> assertThat(edt(() -> l.getClientProperty(BasicHTML.propertyKey))).isNull());
        assertThat(edt(() -> w.detail().stepBoxes().getFirst().getClientProperty(BasicHTML.propertyKey))).isNull();
        assertThat(edt(() -> w.detail().stepBoxes().getFirst().getText())).isEqualTo("<html><u>step</u>");

        DesktopFixture.screenshot(w.frame().getRootPane(), "markup-as-text");
    }

    private static String texts(Component c) {
        StringBuilder sb = new StringBuilder();
        if (c instanceof JLabel l) {
            sb.append(l.getText()).append('\n');
        }
        if (c instanceof javax.swing.text.JTextComponent t) {
            sb.append(t.getText()).append('\n');
        } else if (c instanceof JComponent j && !(c instanceof JLabel) && j.getAccessibleContext() != null
                && j.getAccessibleContext().getAccessibleRole() == javax.accessibility.AccessibleRole.LABEL) {
            sb.append(j.getAccessibleContext().getAccessibleName()).append('\n'); // text painted as text (the card's title)
        }
        if (c instanceof Container parent) {
            for (Component child : parent.getComponents()) {
                sb.append(texts(child));
            }
        }
        return sb.toString();
    }
}
