package dev.ijoka.swing.internal.window;

import static dev.ijoka.swing.DesktopFixture.edt;
import static dev.ijoka.swing.DesktopFixture.edtRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.Progress;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.swing.DesktopFixture;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.time.Instant;
import java.util.List;
import javax.swing.JList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The project list's progress bar reads on a plain row and on the selected one, light and dark. */
class ProjectListPanelTest {

    @AfterEach
    void lightAgain() {
        edtRun(() -> Themes.install(false));
    }

    @Test
    void theProgressBarStandsOutFromItsRowAndItsDonePartFromItsTrack() {
        List<ProjectRow> rows = List.of(
                new ProjectRow(new Project(new ProjectId("p1"), "shop", "/home/me/code/shop", Instant.EPOCH), new Progress(6, 1, 1, 2)),
                new ProjectRow(new Project(new ProjectId("p2"), "docs", "/home/me/code/docs", Instant.EPOCH), new Progress(0, 0, 0, 10)));
        for (boolean dark : List.of(false, true)) {
            ProjectListPanel panel = edt(() -> {
                Themes.install(dark);
                ProjectListPanel p = new ProjectListPanel(() -> { }, () -> { }, id -> { });
                p.setRows(rows);
                p.projects().setSelectedIndex(0);
                p.setSize(new Dimension(260, 300));
                p.doLayout();
                return p;
            });
            for (boolean selected : List.of(true, false)) {
                String what = (dark ? "dark" : "light") + (selected ? ", selected row" : ", plain row");
                ProgressStrip bar = edt(() -> {
                    JList<ProjectRow> list = panel.projects();
                    Component row = list.getCellRenderer().getListCellRendererComponent(list, rows.getFirst(), 0, selected, false);
                    return ProjectListPanel.barOf(row);
                });
                Color rowBackground = edt(() -> selected ? panel.projects().getSelectionBackground() : panel.projects().getBackground());
                assertThat(ProgressStrip.contrast(bar.outline(), rowBackground)).as(what + ": the bar's outline on its row")
                        .isGreaterThanOrEqualTo(3.0);
                assertThat(ProgressStrip.contrast(bar.done(), bar.track())).as(what + ": the done part on the track")
                        .isGreaterThanOrEqualTo(3.0);
                assertThat(bar.percent()).isEqualTo(20);
            }
            javax.swing.JFrame frame = edt(() -> {
                javax.swing.JFrame f = new javax.swing.JFrame("projects");
                f.add(panel);
                f.setSize(new Dimension(260, 300));
                f.setVisible(true);
                return f;
            });
            DesktopFixture.screenshot(panel, "projects-" + (dark ? "dark" : "light"));
            edtRun(frame::dispose);
        }
    }
}
