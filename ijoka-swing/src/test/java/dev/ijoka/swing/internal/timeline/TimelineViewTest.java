package dev.ijoka.swing.internal.timeline;

import static dev.ijoka.swing.internal.views.ViewHarness.await;
import static dev.ijoka.swing.internal.views.ViewHarness.onEdt;
import static dev.ijoka.swing.internal.views.ViewHarness.onEdtGet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.SessionId;
import dev.ijoka.swing.internal.views.ViewHarness;
import java.awt.Rectangle;
import java.awt.event.InputEvent;
import java.awt.Robot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.plaf.basic.BasicHTML;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineViewTest {

    @TempDir
    Path dir;

    private ViewHarness h;
    private TimelineView view;
    private Feature schema;
    private Feature api;

    @BeforeEach
    void setUp() throws Exception {
        h = new ViewHarness(dir);
        Ijoka ijoka = h.ijoka;
        schema = ijoka.features().create(h.projectId(), NewFeature.of("Database schema", Category.INFRASTRUCTURE));
        api = ijoka.features().create(h.projectId(), NewFeature.of("<html><b>x</b> REST API", Category.FUNCTIONAL));
        ijoka.dependencies().add(api.id(), schema.id(), DependencyKind.BLOCKS, null);
        SessionId session = SessionId.of("session-1");
        ijoka.sessions().start(h.projectId(), session, "claude-code");
        ijoka.features().start(schema.id(), session);
        view = onEdtGet(() -> new TimelineView(h.ijoka, h.store, h.actions));
        h.show(view::component, view::changed);
        onEdt(() -> view.show(h.projectId()));
        await("the events are shown", () -> lines().size() >= 5);
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    private List<TimelineRow.Line> lines() {
        List<TimelineRow.Line> out = new ArrayList<>();
        var model = view.list().getModel();
        for (int i = 0; i < model.getSize(); i++) {
            if (model.getElementAt(i) instanceof TimelineRow.Line l) {
                out.add(l);
            }
        }
        return out;
    }

    private List<TimelineRow> rows() {
        List<TimelineRow> out = new ArrayList<>();
        var model = view.list().getModel();
        for (int i = 0; i < model.getSize(); i++) {
            out.add(model.getElementAt(i));
        }
        return out;
    }

    private static String words(TimelineRow.Line l) {
        return EventWording.label(l.event().type()) + " " + (l.featureRef() == null ? "" : l.featureRef() + " ") + l.summary();
    }

    @Test
    void showsEventsNewestFirstGroupedBySessionInTheDashboardsWords() throws Exception {
        List<String> shown = onEdtGet(() -> lines().stream().map(TimelineViewTest::words).toList());
        assertThat(shown.subList(0, 2)).containsExactly("claim taken #1 by claude-code, lease until "
                + EventWording.time(h.ijoka.features().get(schema.id()).claim().leaseUntil()), "feature started #1 ");
        assertThat(shown).contains("dependency added #2 #2 depends on #1 (blocks)");
        assertThat(shown).noneMatch(s -> s.contains(schema.id().value()));
        List<TimelineRow> rows = onEdtGet(this::rows);
        // Newest first: the session's events under its header, then the events of no session under theirs.
        assertThat(rows.getFirst()).isInstanceOfSatisfying(TimelineRow.Header.class, hd -> assertThat(hd.agent()).isEqualTo("claude-code"));
        assertThat(rows).filteredOn(r -> r instanceof TimelineRow.Header).extracting(r -> ((TimelineRow.Header) r).agent())
                .containsExactly("claude-code", "No session");
        h.screenshot("timeline-light");
        h.dark(true);
        h.screenshot("timeline-dark");
    }

    @Test
    void anEventCommittedByAnotherWriterIsPrependedLive() throws Exception {
        try (Ijoka other = h.otherWriter()) {
            other.features().create(h.projectId(), NewFeature.of("Written elsewhere", Category.FUNCTIONAL));
        }
        await("the other writer's feature on top", () -> !lines().isEmpty()
                && lines().getFirst().summary().startsWith("Written elsewhere"));
        assertThat(onEdtGet(() -> rows().getFirst())).isInstanceOfSatisfying(TimelineRow.Header.class,
                hd -> assertThat(hd.agent()).isEqualTo("No session"));
    }

    @Test
    void theKindFilterShowsOnlyThoseEventsAndLiveEventsOfOtherKindsStayOut() throws Exception {
        onEdt(() -> view.kinds().setSelectedItem(EventFilter.choices().stream()
                .filter(f -> f.label().equals("dependencies")).findFirst().orElseThrow()));
        await("only the dependency event", () -> lines().size() == 1);
        assertThat(onEdtGet(() -> words(lines().getFirst()))).isEqualTo("dependency added #2 #2 depends on #1 (blocks)");
        h.ijoka.features().create(h.projectId(), NewFeature.of("Not a dependency", Category.FUNCTIONAL));
        Feature third = h.ijoka.features().create(h.projectId(), NewFeature.of("Depends", Category.FUNCTIONAL));
        h.ijoka.dependencies().add(third.id(), api.id(), DependencyKind.RELATED, null);
        await("the new dependency on top", () -> lines().size() == 2);
        assertThat(onEdtGet(() -> words(lines().getFirst()))).isEqualTo("dependency added #4 #4 depends on #2 (related)");
    }

    @Test
    void aClickOnAnEventAboutAFeatureOpensIt() throws Exception {
        int index = onEdtGet(() -> {
            List<TimelineRow> rows = rows();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i) instanceof TimelineRow.Line l && l.event().type().wireName().equals("feature_started")) {
                    return i;
                }
            }
            return -1;
        });
        Rectangle cell = onEdtGet(() -> {
            Rectangle r = view.list().getCellBounds(index, index);
            var p = r.getLocation();
            javax.swing.SwingUtilities.convertPointToScreen(p, view.list());
            return new Rectangle(p, r.getSize());
        });
        Robot robot = new Robot();
        robot.mouseMove(cell.x + cell.width / 2, cell.y + cell.height / 2);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        await("the feature opened", () -> !h.actions.openedFeatures.isEmpty());
        assertThat(h.actions.openedFeatures).containsExactly(schema.id());
    }

    @Test
    void markupInATitleIsShownAsText() throws Exception {
        int index = onEdtGet(() -> {
            List<TimelineRow> rows = rows();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i) instanceof TimelineRow.Line l && l.summary().startsWith("<html>")) {
                    return i;
                }
            }
            return -1;
        });
        assertThat(index).isNotNegative();
        // Read in the same turn of the event thread: the renderer is shared, and a repaint would restamp it.
        Object[] textAndView = onEdtGet(() -> {
            var c = view.list().getCellRenderer().getListCellRendererComponent(view.list(), rows().get(index), index, false, false);
            List<JLabel> labels = new ArrayList<>();
            collect((JPanel) c, labels);
            JLabel summary = labels.stream().filter(l -> l.getText().startsWith("<html>")).findFirst().orElseThrow();
            return new Object[] {summary.getText(), summary.getClientProperty(BasicHTML.propertyKey)};
        });
        assertThat(textAndView[0]).isEqualTo("<html><b>x</b> REST API (functional, pending)");
        assertThat(textAndView[1]).as("an HTML view").isNull();
    }

    private static void collect(java.awt.Container c, List<JLabel> out) {
        for (var child : c.getComponents()) {
            if (child instanceof JLabel l) {
                out.add(l);
            } else if (child instanceof java.awt.Container inner) {
                collect(inner, out);
            }
        }
    }

    @Test
    void aLongLogLoadsPageByPageAsItIsScrolled() throws Exception {
        int before = onEdtGet(() -> lines().size());
        for (int i = 0; i < 250; i++) {
            h.ijoka.features().create(h.projectId(), NewFeature.of("Bulk " + i, Category.FUNCTIONAL));
        }
        onEdt(() -> view.show(h.projectId()));
        await("the first page only", () -> lines().size() == TimelineSource.PAGE);
        onEdt(() -> view.list().ensureIndexIsVisible(view.list().getModel().getSize() - 1));
                await("everything at the end", () -> lines().size() == 250 + before);
        assertThat(onEdtGet(() -> lines().getLast().event().type().wireName())).isEqualTo("project_registered");
    }
}
