package dev.ijoka.swing.internal.chart;

import static dev.ijoka.swing.internal.views.ViewHarness.await;
import static dev.ijoka.swing.internal.views.ViewHarness.onEdt;
import static dev.ijoka.swing.internal.views.ViewHarness.onEdtGet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.api.BurnUp;
import dev.ijoka.api.FeatureBatch;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Status;
import dev.ijoka.swing.internal.views.ViewHarness;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.axis.DateAxis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BurnUpChartTest {

    @TempDir
    Path dir;

    private ViewHarness h;
    private BurnUpChart chart;

    @BeforeEach
    void setUp() throws Exception {
        h = new ViewHarness(dir);
        chart = onEdtGet(() -> new BurnUpChart(h.ijoka, h.store));
        // As the shell would place it: a strip above the tabs.
        h.show(() -> {
            javax.swing.JPanel strip = new javax.swing.JPanel(new java.awt.BorderLayout());
            chart.component().setPreferredSize(new java.awt.Dimension(900, 220));
            strip.add(chart.component(), java.awt.BorderLayout.NORTH);
            strip.add(new javax.swing.JLabel("(the tabs)", javax.swing.SwingConstants.CENTER), java.awt.BorderLayout.CENTER);
            return strip;
        }, chart::changed);
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    /** The last point drawn; call on the EDT (the await conditions run there). */
    private BurnUp.Point last() {
        return chart.shown() == null || chart.shown().points().isEmpty() ? null : chart.shown().points().getLast();
    }

    @Test
    void anEmptyProjectSaysSo() throws Exception {
        onEdt(() -> chart.show(h.projectId()));
        await("read", () -> chart.shown() != null);
        assertThat(onEdtGet(() -> chart.shown().points())).isEmpty();
        assertThat(onEdtGet(() -> chart.component().getAccessibleContext().getAccessibleDescription())).isEqualTo("No features yet.");
        h.screenshot("burnup-empty-light");
    }

    @Test
    void countsCreatedCompletedReopenedAndImportedCompleteFeaturesAndMovesLive() throws Exception {
        Ijoka ijoka = h.ijoka;
        Feature a = ijoka.features().create(h.projectId(), NewFeature.of("First", Category.FUNCTIONAL));
        Feature b = ijoka.features().create(h.projectId(), NewFeature.of("Second", Category.FUNCTIONAL));
        ijoka.features().create(h.projectId(), NewFeature.of("Third", Category.FUNCTIONAL));
        ijoka.features().createAll(h.projectId(), new FeatureBatch(List.of(
                new FeatureBatch.Entry(NewFeature.of("Imported done", Category.FUNCTIONAL), Status.COMPLETE, null, null)), List.of()),
                FeatureBatch.Progress.NONE);
        for (Feature f : List.of(a, b)) {
            ijoka.features().start(f.id(), null);
            ijoka.features().complete(f.id(), null);
        }
        ijoka.features().reopen(b.id(), null, "the tests fail again");
        onEdt(() -> chart.show(h.projectId()));
        await("4 features, 2 complete", () -> last() != null && last().total() == 4 && last().complete() == 2);
        assertThat(onEdtGet(() -> chart.shown().bucket())).isEqualTo("minute");
        assertThat(onEdtGet(() -> chart.component().getAccessibleContext().getAccessibleDescription()))
                .isEqualTo("2 of 4 features complete; one point per minute.");
        assertThat(onEdtGet(() -> chart.chart().getXYPlot().getDomainAxis())).isInstanceOf(DateAxis.class);
        try (Ijoka other = h.otherWriter()) {
            Feature c = other.features().create(h.projectId(), NewFeature.of("Written elsewhere", Category.FUNCTIONAL));
            other.features().start(c.id(), null);
            other.features().complete(c.id(), null);
        }
        await("5 features, 3 complete", () -> last().total() == 5 && last().complete() == 3);
        h.screenshot("burnup-light");
        Color light = onEdtGet(() -> (Color) chart.chart().getBackgroundPaint());
        h.dark(true);
        Color dark = onEdtGet(() -> (Color) chart.chart().getBackgroundPaint());
        assertThat(brightness(dark)).as("the dark theme's background").isLessThan(brightness(light));
        h.screenshot("burnup-dark");
    }

    private static int brightness(Color c) {
        return c.getRed() + c.getGreen() + c.getBlue();
    }
}
