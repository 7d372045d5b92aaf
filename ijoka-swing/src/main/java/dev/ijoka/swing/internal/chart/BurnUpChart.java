package dev.ijoka.swing.internal.chart;

import dev.ijoka.Ijoka;
import dev.ijoka.api.BurnUp;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventType;
import dev.ijoka.swing.internal.ProjectView;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's burn-up: how many features exist and how many are complete, over time, with a date axis and a
 * count axis, drawn by JFreeChart and coloured from the current look (light or dark; it follows a switch through
 * {@code updateUI}). The shell places {@link #component()} above the tabs or in the project header and calls
 * {@link #show} and {@link #changed} as it does for its views.
 */
public final class BurnUpChart implements ProjectView {

    private static final Logger LOG = LoggerFactory.getLogger(BurnUpChart.class);
    private static final Set<EventType> MOVES = Set.of(EventType.FEATURE_CREATED, EventType.FEATURE_COMPLETED,
            EventType.FEATURE_REOPENED);
    static final Color TOTAL = new Color(0x8A94A6);
    static final Color COMPLETE = new Color(0x2E9D5B);

    private final Ijoka ijoka;
    private final Executor store;
    private final TimeSeries total = new TimeSeries("total");
    private final TimeSeries complete = new TimeSeries("complete");
    private final JFreeChart chart;
    private final ChartPanel panel;
    private @Nullable BurnUp series;
    private BurnUp.@Nullable Series shown;
    private int generation;

    public BurnUpChart(Ijoka ijoka, Executor store) {
        this.ijoka = Objects.requireNonNull(ijoka, "ijoka");
        this.store = Objects.requireNonNull(store, "store");
        TimeSeriesCollection data = new TimeSeriesCollection();
        data.addSeries(total);
        data.addSeries(complete);
        DateAxis time = new DateAxis(null);
        NumberAxis count = new NumberAxis("features");
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        count.setAutoRangeIncludesZero(true);
        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setDefaultShapesVisible(true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        renderer.setSeriesShape(1, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesStroke(1, new BasicStroke(2.5f));
        renderer.setDefaultToolTipGenerator(new org.jfree.chart.labels.StandardXYToolTipGenerator(
                "{0}: {2} on {1}", new java.text.SimpleDateFormat("yyyy-MM-dd HH:mm"), new java.text.DecimalFormat("0")));
        XYPlot plot = new XYPlot(data, time, count, renderer);
        plot.setNoDataMessage("No features yet: the chart starts with the first one.");
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.getLegend().setPosition(RectangleEdge.RIGHT);
        panel = new ChartPanel(chart, false, false, false, false, true) {
            @Override
            public void updateUI() {
                super.updateUI();
                theme(); // light or dark, whenever the look changes
            }
        };
        panel.setPreferredSize(new Dimension(640, 200));
        panel.setMinimumDrawWidth(200);
        panel.setMinimumDrawHeight(120);
        panel.setMaximumDrawWidth(4000);
        panel.setMaximumDrawHeight(2000);
        panel.setMouseZoomable(false);
        panel.setPopupMenu(null);
        panel.setFocusable(true);
        panel.getAccessibleContext().setAccessibleName("Burn-up chart");
        panel.getAccessibleContext().setAccessibleDescription("No features yet.");
        theme();
    }

    @Override
    public String title() {
        return "Progress";
    }

    @Override
    public JComponent component() {
        return panel;
    }

    @Override
    public void show(ProjectId project) {
        Objects.requireNonNull(project, "project");
        if (series == null || !series.project().equals(project)) {
            series = new BurnUp(ijoka.events(), project);
            total.clear();
            complete.clear();
            shown = null;
        }
        refresh();
    }

    @Override
    public void changed(List<Event> events) {
        BurnUp s = series;
        if (s != null && events.stream().anyMatch(e -> s.project().equals(e.project()) && MOVES.contains(e.type()))) {
            refresh();
        }
    }

    private void refresh() {
        BurnUp s = Objects.requireNonNull(series);
        int gen = ++generation;
        store.execute(() -> {
            try {
                BurnUp.Series read = s.series();
                java.time.Instant now = ijoka.clock().instant();
                SwingUtilities.invokeLater(() -> {
                    if (gen == generation && s == series) {
                        draw(read, now);
                    }
                });
            } catch (RuntimeException e) {
                LOG.warn("could not read the burn-up", e);
            }
        });
    }

    private void draw(BurnUp.Series read, java.time.Instant now) {
        shown = read;
        total.setNotify(false);
        complete.setNotify(false);
        total.clear();
        complete.clear();
        for (BurnUp.Point p : read.points()) {
            FixedMillisecond at = new FixedMillisecond(p.at().toEpochMilli());
            total.add(at, p.total());
            complete.add(at, p.complete());
        }
        BurnUp.Point last = read.points().isEmpty() ? null : read.points().getLast();
        if (last != null) {
            // The totals hold until now: drawn to the present, the lines show even when every change fell in one bucket.
            long end = Math.max(now.toEpochMilli(), last.at().toEpochMilli() + 60_000);
            total.add(new FixedMillisecond(end), last.total());
            complete.add(new FixedMillisecond(end), last.complete());
        }
        total.setNotify(true);
        complete.setNotify(true);
        panel.getAccessibleContext().setAccessibleDescription(last == null ? "No features yet."
                : last.complete() + " of " + last.total() + " features complete; one point per " + read.bucket() + ".");
        panel.setToolTipText(panel.getAccessibleContext().getAccessibleDescription());
    }

    /** What is drawn, for tests. */
    BurnUp.@Nullable Series shown() {
        return shown;
    }

    JFreeChart chart() {
        return chart;
    }

    private void theme() {
        Color background = colour("Panel.background", Color.WHITE);
        Color text = colour("Label.foreground", Color.BLACK);
        Color grid = colour("Component.borderColor", Color.LIGHT_GRAY);
        boolean dark = com.formdev.flatlaf.FlatLaf.isLafDark();
        Font font = UIManager.getFont("Label.font") == null ? new Font(Font.SANS_SERIF, Font.PLAIN, 12) : UIManager.getFont("Label.font");
        chart.setBackgroundPaint(background);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(background);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setNoDataMessagePaint(text);
        plot.setNoDataMessageFont(font);
        for (var axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
            axis.setTickLabelPaint(text);
            axis.setLabelPaint(text);
            axis.setAxisLinePaint(grid);
            axis.setTickMarkPaint(grid);
            axis.setTickLabelFont(font.deriveFont(font.getSize2D() - 1));
            axis.setLabelFont(font);
        }
        XYStepRenderer r = (XYStepRenderer) plot.getRenderer();
        r.setSeriesPaint(0, dark ? new Color(0xA3ABBB) : TOTAL);
        r.setSeriesPaint(1, dark ? new Color(0x4CC47F) : COMPLETE);
        LegendTitle legend = chart.getLegend();
        legend.setBackgroundPaint(background);
        legend.setItemPaint(text);
        legend.setItemFont(font);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
    }

    private static Color colour(String key, Color fallback) {
        Color c = UIManager.getColor(key);
        return c == null ? fallback : c;
    }
}
