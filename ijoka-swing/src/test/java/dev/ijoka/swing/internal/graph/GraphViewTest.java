package dev.ijoka.swing.internal.graph;

import static dev.ijoka.swing.internal.views.ViewHarness.await;
import static dev.ijoka.swing.internal.views.ViewHarness.onEdt;
import static dev.ijoka.swing.internal.views.ViewHarness.onEdtGet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ijoka.Ijoka;
import dev.ijoka.api.FeatureBatch;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Status;
import dev.ijoka.swing.internal.views.ViewHarness;
import java.awt.Point;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.geom.Point2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.SwingUtilities;
import javax.swing.plaf.basic.BasicHTML;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphViewTest {

    @TempDir
    Path dir;

    private ViewHarness h;
    private GraphView view;
    private final List<Feature> f = new ArrayList<>();

    /** A small plan: #1 done; #2 and #4 need #1; #3 needs #2; #5 is related to #3; #6's title holds markup. */
    @BeforeEach
    void setUp() throws Exception {
        h = new ViewHarness(dir);
        Ijoka ijoka = h.ijoka;
        String[] titles = {"Database schema", "Persistence layer", "REST API", "Login page", "API documentation",
                "<html><b>x</b> markup"};
        for (String t : titles) {
            f.add(ijoka.features().create(h.projectId(), NewFeature.of(t, Category.FUNCTIONAL)));
        }
        dep(2, 1);
        dep(3, 2);
        dep(4, 1);
        ijoka.dependencies().add(f.get(4).id(), f.get(2).id(), DependencyKind.RELATED, null);
        ijoka.features().start(f.getFirst().id(), null);
        ijoka.features().complete(f.getFirst().id(), null);
        view = onEdtGet(() -> new GraphView(h.ijoka, h.store, h.actions));
        h.show(view::component, view::changed);
        onEdt(() -> view.show(h.projectId()));
        await("the graph is drawn", () -> view.layout() != null);
    }

    private void dep(int dependent, int dependency) {
        h.ijoka.dependencies().add(f.get(dependent - 1).id(), f.get(dependency - 1).id(), DependencyKind.BLOCKS, null);
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    private int index(int number) throws Exception {
        return onEdtGet(() -> {
            List<GraphData.Node> nodes = view.data().nodes();
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i).number() == number) {
                    return i;
                }
            }
            return -1;
        });
    }

    @Test
    void drawsTheWavesAsColumnsWithTheCriticalPathAndReadyFeaturesMarked() throws Exception {
        GraphData data = onEdtGet(() -> view.data());
        GraphLayout layout = onEdtGet(() -> view.layout());
        assertThat(data.nodes()).extracting(GraphData.Node::ref).containsExactly("#1", "#2", "#3", "#4", "#5", "#6");
        assertThat(data.nodes()).filteredOn(GraphData.Node::ready).extracting(GraphData.Node::ref)
                .containsExactlyInAnyOrder("#2", "#4", "#5", "#6");
        assertThat(data.criticalPath()).extracting(i -> data.nodes().get(i).ref()).containsExactly("#2", "#3");
        assertThat(data.edges()).filteredOn(GraphData.Edge::critical).singleElement()
                .satisfies(e -> assertThat(data.nodes().get(e.dependent()).ref()).isEqualTo("#3"));
        // #1 (complete) in the first column, wave 0 (#2, #4, #5, #6) in the second, #3 in the third.
        assertThat(layout.layer()).containsExactly(0, 1, 2, 1, 1, 1);
        for (GraphData.Edge e : data.edges()) {
            if (e.kind() == DependencyKind.BLOCKS) {
                assertThat(layout.x()[e.dependency()]).isLessThan(layout.x()[e.dependent()]);
            }
        }
        h.screenshot("graph-light");
        h.dark(true);
        h.screenshot("graph-dark");
    }

    @Test
    void searchOutlinesTheMatchesAndCentresTheFirst() throws Exception {
        onEdt(() -> view.search().setText("#3"));
        int three = index(3);
        assertThat(onEdtGet(() -> view.canvas().current())).isEqualTo(three);
        Point2D centre = onEdtGet(() -> view.canvas().screenCentre(three));
        int width = onEdtGet(() -> view.canvas().getWidth());
        int height = onEdtGet(() -> view.canvas().getHeight());
        assertThat(centre.getX()).isCloseTo(width / 2.0, within(1.0));
        assertThat(centre.getY()).isCloseTo(height / 2.0, within(1.0));
        onEdt(() -> view.search().setText("api"));
        assertThat(onEdtGet(() -> view.searchResult())).isEqualTo("2 matches: Enter for the next");
        assertThat(onEdtGet(() -> view.canvas().current())).isEqualTo(index(3));
        onEdt(() -> view.search().postActionEvent());
        assertThat(onEdtGet(() -> view.canvas().current())).isEqualTo(index(5));
        h.screenshot("graph-search-light");
        onEdt(() -> view.search().setText("nothing like this"));
        assertThat(onEdtGet(() -> view.searchResult())).isEqualTo("No feature matches");
    }

    @Test
    void aClickOnANodeOpensItsFeature() throws Exception {
        onEdt(() -> view.search().setText("#4"));
        Point p = onEdtGet(() -> {
            Point2D c = view.canvas().screenCentre(view.canvas().current());
            Point s = new Point((int) c.getX(), (int) c.getY());
            SwingUtilities.convertPointToScreen(s, view.canvas());
            return s;
        });
        Robot robot = new Robot();
        robot.mouseMove(p.x, p.y);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        await("the feature opened", () -> !h.actions.openedFeatures.isEmpty());
        assertThat(h.actions.openedFeatures).containsExactly(f.get(3).id());
    }

    @Test
    void zoomKeepsThePointUnderTheCursorAndPanMoves() throws Exception {
        int one = index(2);
        Point2D before = onEdtGet(() -> view.canvas().screenCentre(one));
        onEdt(() -> view.canvas().zoomAt(2, before.getX(), before.getY()));
        Point2D after = onEdtGet(() -> view.canvas().screenCentre(one));
        assertThat(after.getX()).isCloseTo(before.getX(), within(0.01));
        onEdt(() -> view.canvas().pan(30, -20));
        Point2D panned = onEdtGet(() -> view.canvas().screenCentre(one));
        assertThat(panned.getX() - after.getX()).isCloseTo(30, within(0.01));
        assertThat(panned.getY() - after.getY()).isCloseTo(-20, within(0.01));
    }

    @Test
    void aDependencyAddedByAnotherWriterAppearsLive() throws Exception {
        try (Ijoka other = h.otherWriter()) {
            Feature seven = other.features().create(h.projectId(), NewFeature.of("Written elsewhere", Category.FUNCTIONAL));
            other.dependencies().add(seven.id(), f.get(2).id(), DependencyKind.BLOCKS, null);
        }
        await("#7 after #3", () -> view.data() != null && view.data().nodes().size() == 7 && view.layout() != null
                && view.layout().layer()[6] == 3);
    }

    @Test
    void markupInATitleIsShownAsText() throws Exception {
        onEdt(() -> view.search().setText("markup"));
        assertThat(onEdtGet(() -> view.searchResult())).isEqualTo("1 match");
        // The lists beside the graph: #6 is ready.
        // Read in the same turn of the event thread: the renderer is shared, and a repaint would restamp it.
        Object[] textAndView = onEdtGet(() -> {
            JList<GraphData.Node> list = new JList<>(new GraphData.Node[] {view.data().nodes().get(5)});
            var ready = findReadyList();
            JLabel rendered = (JLabel) ready.getCellRenderer().getListCellRendererComponent(list, view.data().nodes().get(5), 0, false, false);
            return new Object[] {rendered.getText(), rendered.getClientProperty(BasicHTML.propertyKey)};
        });
        assertThat(textAndView[0]).isEqualTo("#6  <html><b>x</b> markup");
        assertThat(textAndView[1]).isNull();
    }

    @SuppressWarnings("unchecked")
    private JList<GraphData.Node> findReadyList() {
        List<JList<?>> lists = new ArrayList<>();
        collect(view.component(), lists);
        return (JList<GraphData.Node>) lists.stream()
                .filter(l -> l.getAccessibleContext().getAccessibleName().startsWith("Ready")).findFirst().orElseThrow();
    }

    private static void collect(java.awt.Container c, List<JList<?>> out) {
        for (var child : c.getComponents()) {
            if (child instanceof JList<?> l) {
                out.add(l);
            } else if (child instanceof java.awt.Container inner) {
                collect(inner, out);
            }
        }
    }

    @Test
    void aPlanAboveTheLimitIsNotDrawnButSaidAndCanBeDrawnAnyway() throws Exception {
        List<FeatureBatch.Entry> entries = new ArrayList<>();
        for (int i = 0; i < GraphView.DRAW_LIMIT; i++) {
            entries.add(FeatureBatch.Entry.pending(NewFeature.of("Bulk " + i, Category.FUNCTIONAL)));
        }
        h.ijoka.features().createAll(h.projectId(), new FeatureBatch(entries, List.of()), FeatureBatch.Progress.NONE);
        GraphView fresh = onEdtGet(() -> new GraphView(h.ijoka, h.store, h.actions));
        onEdt(() -> {
            h.frame().getContentPane().removeAll();
            h.frame().getContentPane().add(fresh.component());
            h.frame().validate();
            fresh.show(h.projectId());
        });
        await("the notice", () -> fresh.data() != null && !fresh.notice().isEmpty());
        // Over the limit with the complete ones: they are hidden first, and 605 incomplete ones are still too many.
        assertThat(onEdtGet(fresh.showComplete()::isSelected)).isFalse();
        assertThat(onEdtGet(fresh::notice)).startsWith("605 features to draw: drawing more than 600 at once");
        assertThat(onEdtGet(fresh::layout)).isNull();
        h.screenshot("graph-too-large-light");
        onEdt(() -> {
            for (var b : buttons(fresh.component())) {
                if (b.getText().equals("Draw anyway")) {
                    b.doClick();
                }
            }
        });
        await("drawn anyway", () -> fresh.layout() != null && fresh.layout().shownCount() == 605);
        h.screenshot("graph-605-light");
        assertThat(onEdtGet(() -> fresh.data().nodes().stream().filter(n -> n.status() == Status.COMPLETE).count())).isEqualTo(1L);
    }

    private static List<javax.swing.JButton> buttons(java.awt.Container c) {
        List<javax.swing.JButton> out = new ArrayList<>();
        for (var child : c.getComponents()) {
            if (child instanceof javax.swing.JButton b) {
                out.add(b);
            } else if (child instanceof java.awt.Container inner) {
                out.addAll(buttons(inner));
            }
        }
        return out;
    }
}
