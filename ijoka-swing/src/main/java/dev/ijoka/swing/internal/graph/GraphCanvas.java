package dev.ijoka.swing.internal.graph;

import dev.ijoka.domain.DependencyKind;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.geom.AffineTransform;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Set;
import java.util.function.IntConsumer;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.KeyStroke;
import javax.swing.UIManager;
import org.jspecify.annotations.Nullable;

/**
 * Draws a laid-out graph with Java2D: nodes as rounded boxes with number and title in their status colour,
 * blocking dependencies as arrows (dashed when only related), the critical path and ready features marked,
 * search matches outlined. Zoom with the wheel or + and -, 0 to fit; pan by dragging or with the arrow keys;
 * a click on a node, or Enter on the current one, opens it. Only what is in the clip is painted, so hundreds
 * of nodes stay smooth; below a readable size the titles are left out.
 */
@SuppressWarnings("serial") // never serialized
final class GraphCanvas extends JComponent {

    static final double MIN_SCALE = 0.05;
    static final double MAX_SCALE = 3;
    private static final double PAN_STEP = 60;
    /** Below this scale titles are left out and boxes and arrows drawn plain. */
    static final double OVERVIEW_SCALE = 0.3;

    private transient @Nullable GraphData data;
    private transient @Nullable GraphLayout layout;
    private transient Set<Integer> matches = Set.of();
    private int current = -1;
    private double scale = 1;
    private double tx;
    private double ty;
    private transient IntConsumer open = i -> {};

    GraphCanvas() {
        setFocusable(true);
        setOpaque(true);
        getAccessibleContext().setAccessibleName("Dependency graph");
        getAccessibleContext().setAccessibleDescription(
                "Arrows point from a feature to the one that needs it. Plus and minus zoom, 0 fits, arrow keys pan,"
                        + " Enter opens the highlighted feature.");
        MouseAdapter mouse = new MouseAdapter() {
            private @Nullable Point2D pressed;
            private double startTx;
            private double startTy;
            private boolean dragged;

            @Override
            public void mousePressed(MouseEvent e) {
                requestFocusInWindow();
                pressed = e.getPoint();
                startTx = tx;
                startTy = ty;
                dragged = false;
            }

            @Override
            public void mouseDragged(MouseEvent e) {
                if (pressed != null) {
                    double dx = e.getX() - pressed.getX();
                    double dy = e.getY() - pressed.getY();
                    dragged |= Math.abs(dx) + Math.abs(dy) > 3;
                    tx = startTx + dx;
                    ty = startTy + dy;
                    repaint();
                }
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                if (!dragged && e.getButton() == MouseEvent.BUTTON1) {
                    int node = nodeAt(e.getX(), e.getY());
                    if (node >= 0) {
                        current = node;
                        repaint();
                        open.accept(node);
                    }
                }
                pressed = null;
            }

            @Override
            public void mouseWheelMoved(MouseWheelEvent e) {
                zoomAt(Math.pow(1.15, -e.getPreciseWheelRotation()), e.getX(), e.getY());
            }

            @Override
            public void mouseMoved(MouseEvent e) {
                int node = nodeAt(e.getX(), e.getY());
                GraphData d = data;
                setToolTipText(node < 0 || d == null ? null : tooltip(d.nodes().get(node)));
            }
        };
        addMouseListener(mouse);
        addMouseMotionListener(mouse);
        addMouseWheelListener(mouse);
        key("zoom-in", () -> zoomAt(1.25, getWidth() / 2.0, getHeight() / 2.0), KeyEvent.VK_PLUS, KeyEvent.VK_EQUALS, KeyEvent.VK_ADD);
        key("zoom-out", () -> zoomAt(1 / 1.25, getWidth() / 2.0, getHeight() / 2.0), KeyEvent.VK_MINUS, KeyEvent.VK_SUBTRACT);
        key("fit", this::fit, KeyEvent.VK_0, KeyEvent.VK_NUMPAD0);
        key("pan-left", () -> pan(PAN_STEP, 0), KeyEvent.VK_LEFT);
        key("pan-right", () -> pan(-PAN_STEP, 0), KeyEvent.VK_RIGHT);
        key("pan-up", () -> pan(0, PAN_STEP), KeyEvent.VK_UP);
        key("pan-down", () -> pan(0, -PAN_STEP), KeyEvent.VK_DOWN);
        key("open", () -> {
            if (current >= 0) {
                open.accept(current);
            }
        }, KeyEvent.VK_ENTER);
    }

    private static String tooltip(GraphData.Node n) {
        return n.ref() + " " + n.description() + " (" + n.status().wireName().replace('_', ' ')
                + (n.ready() ? ", ready" : "") + (n.critical() ? ", on the critical path" : "") + ")";
    }

    private void key(String name, Runnable action, int... keys) {
        for (int k : keys) {
            getInputMap(WHEN_FOCUSED).put(KeyStroke.getKeyStroke(k, 0), name);
        }
        getActionMap().put(name, new AbstractAction(name) {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                action.run();
            }
        });
    }

    void onOpen(IntConsumer value) {
        this.open = value;
    }

    /** A new graph; {@code keepView} leaves zoom and pan as they are (a live update), else the graph is fitted. */
    void set(@Nullable GraphData newData, @Nullable GraphLayout newLayout, boolean keepView) {
        this.data = newData;
        this.layout = newLayout;
        if (current >= 0 && (newLayout == null || current >= newLayout.shown().length || !newLayout.shown()[current])) {
            current = -1;
        }
        if (!keepView) {
            fit();
        }
        repaint();
    }

    void highlight(Set<Integer> found, int focus) {
        this.matches = Set.copyOf(found);
        this.current = focus;
        if (focus >= 0) {
            centreOn(focus);
        }
        repaint();
    }

    int current() {
        return current;
    }

    double scale() {
        return scale;
    }

    /** Where a node's centre is on screen, in this component's coordinates. */
    Point2D screenCentre(int node) {
        GraphLayout l = java.util.Objects.requireNonNull(layout);
        return new Point2D.Double((l.x()[node] + GraphLayout.NODE_WIDTH / 2) * scale + tx,
                (l.y()[node] + GraphLayout.NODE_HEIGHT / 2) * scale + ty);
    }

    void centreOn(int node) {
        GraphLayout l = layout;
        if (l == null || node < 0) {
            return;
        }
        if (scale < 0.6) {
            scale = 1; // a search result is worth reading
        }
        tx = getWidth() / 2.0 - (l.x()[node] + GraphLayout.NODE_WIDTH / 2) * scale;
        ty = getHeight() / 2.0 - (l.y()[node] + GraphLayout.NODE_HEIGHT / 2) * scale;
        repaint();
    }

    void fit() {
        GraphLayout l = layout;
        if (l == null || l.width() == 0 || getWidth() == 0) {
            scale = 1;
            tx = 0;
            ty = 0;
        } else {
            scale = Math.clamp(Math.min(getWidth() / l.width(), getHeight() / l.height()), MIN_SCALE, 1);
            tx = (getWidth() - l.width() * scale) / 2;
            ty = (getHeight() - l.height() * scale) / 2;
        }
        repaint();
    }

    void zoomAt(double factor, double sx, double sy) {
        double next = Math.clamp(scale * factor, MIN_SCALE, MAX_SCALE);
        // Keep the graph point under (sx, sy) where it is.
        tx = sx - (sx - tx) * next / scale;
        ty = sy - (sy - ty) * next / scale;
        scale = next;
        repaint();
    }

    void pan(double dx, double dy) {
        tx += dx;
        ty += dy;
        repaint();
    }

    int nodeAt(int sx, int sy) {
        GraphLayout l = layout;
        return l == null ? -1 : l.nodeAt((sx - tx) / scale, (sy - ty) / scale);
    }

    @Override
    public javax.accessibility.AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            // A bare JComponent has none; a screen reader needs one to name the graph.
            accessibleContext = new AccessibleJComponent() {
                @Override
                public javax.accessibility.AccessibleRole getAccessibleRole() {
                    return javax.accessibility.AccessibleRole.CANVAS;
                }
            };
        }
        return accessibleContext;
    }

    @Override
    public Dimension getPreferredSize() {
        return new Dimension(800, 500);
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            Color background = colour("Panel.background", Color.WHITE);
            g.setColor(background);
            g.fillRect(0, 0, getWidth(), getHeight());
            GraphData d = data;
            GraphLayout l = layout;
            if (d == null || l == null) {
                return;
            }
            // Zoomed far out, hundreds of boxes and arrows are a few pixels each: smoothing them costs ten times the
            // drawing and shows nothing, so the overview is drawn plain and straight.
            boolean overview = scale < OVERVIEW_SCALE;
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
                    overview ? RenderingHints.VALUE_ANTIALIAS_OFF : RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            Rectangle clip = g.getClipBounds() == null ? new Rectangle(0, 0, getWidth(), getHeight()) : g.getClipBounds();
            AffineTransform screen = g.getTransform();
            g.translate(tx, ty);
            g.scale(scale, scale);
            Rectangle2D visible = new Rectangle2D.Double((clip.x - tx) / scale, (clip.y - ty) / scale,
                    clip.width / scale, clip.height / scale);
            paintEdges(g, d, l, visible, false);
            paintEdges(g, d, l, visible, true); // the critical path over the rest
            paintNodes(g, d, l, visible, background);
            g.setTransform(screen);
        } finally {
            g.dispose();
        }
    }

    private void paintEdges(Graphics2D g, GraphData d, GraphLayout l, Rectangle2D visible, boolean critical) {
        Color plain = colour("Label.disabledForeground", Color.GRAY);
        boolean overview = scale < OVERVIEW_SCALE;
        // Overview strokes are one screen pixel wide whatever the scale (a hairline is the cheapest line to draw).
        Stroke solid = overview ? new BasicStroke(critical ? (float) (2 / scale) : 0f)
                : new BasicStroke((float) (critical ? 3.5 : 1.4), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        Stroke dashed = new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {6, 5}, 0);
        for (GraphData.Edge e : d.edges()) {
            if (e.critical() != critical || !l.shown()[e.dependency()] || !l.shown()[e.dependent()]) {
                continue;
            }
            double w = GraphLayout.NODE_WIDTH;
            double y1 = l.y()[e.dependency()] + GraphLayout.NODE_HEIGHT / 2;
            double y2 = l.y()[e.dependent()] + GraphLayout.NODE_HEIGHT / 2;
            double x1;
            double x2;
            double out;
            double in;
            if (l.x()[e.dependent()] > l.x()[e.dependency()]) { // the usual way: right side to left side
                x1 = l.x()[e.dependency()] + w;
                x2 = l.x()[e.dependent()];
                out = 1;
                in = -1;
            } else if (l.x()[e.dependent()] < l.x()[e.dependency()]) { // a related feature in an earlier column
                x1 = l.x()[e.dependency()];
                x2 = l.x()[e.dependent()] + w;
                out = -1;
                in = 1;
            } else { // the same column: a loop out to the right
                x1 = l.x()[e.dependency()] + w;
                x2 = l.x()[e.dependent()] + w;
                out = 1;
                in = 1;
            }
            if (!visible.intersects(Math.min(x1, x2) - 80, Math.min(y1, y2) - 60, Math.abs(x2 - x1) + 160, Math.abs(y2 - y1) + 120)) {
                continue;
            }
            double bend = Math.max(40, Math.abs(x2 - x1) / 2);
            g.setColor(critical ? GraphColours.CRITICAL : plain);
            if (overview) {
                g.setStroke(solid);
                g.draw(new java.awt.geom.Line2D.Double(x1, y1, x2, y2));
                continue;
            }
            g.setStroke(e.kind() == DependencyKind.RELATED ? dashed : solid);
            g.draw(new CubicCurve2D.Double(x1, y1, x1 + out * bend, y1, x2 + in * bend, y2, x2 + in * 2, y2));
            if (e.kind() == DependencyKind.BLOCKS) {
                double size = critical ? 11 : 8;
                Path2D head = new Path2D.Double();
                head.moveTo(x2, y2);
                head.lineTo(x2 + in * size, y2 - size / 2);
                head.lineTo(x2 + in * size, y2 + size / 2);
                head.closePath();
                g.fill(head);
            }
        }
    }

    private void paintNodes(Graphics2D g, GraphData d, GraphLayout l, Rectangle2D visible, Color background) {
        Color text = colour("Label.foreground", Color.BLACK);
        Color focus = colour("Component.focusColor", new Color(0x2675BF));
        Color match = colour("Component.accentColor", focus);
        boolean words = scale >= OVERVIEW_SCALE;
        Font base = getFont() != null ? getFont() : new Font(Font.SANS_SERIF, Font.PLAIN, 13); // null outside a window
        Font numberFont = base.deriveFont(Font.BOLD, 13f);
        Font titleFont = base.deriveFont(Font.PLAIN, 12.5f);
        double w = GraphLayout.NODE_WIDTH;
        double h = GraphLayout.NODE_HEIGHT;
        for (int i = 0; i < d.nodes().size(); i++) {
            if (!l.shown()[i] || !visible.intersects(l.x()[i] - 10, l.y()[i] - 10, w + 20, h + 20)) {
                continue;
            }
            GraphData.Node n = d.nodes().get(i);
            double x = l.x()[i];
            double y = l.y()[i];
            if (!words) {
                // The overview: a plain box in the status colour, outlined when ready, critical or found.
                Rectangle2D plain = new Rectangle2D.Double(x, y, w, h);
                g.setColor(GraphColours.fill(n.status(), background));
                g.fill(plain);
                g.setColor(matches.contains(i) || i == current ? focus : n.critical() ? GraphColours.CRITICAL
                        : n.ready() ? GraphColours.READY : GraphColours.status(n.status()));
                g.setStroke(new BasicStroke(matches.contains(i) || i == current ? (float) (3 / scale) : 0f));
                g.draw(plain);
                continue;
            }
            if (n.critical()) {
                g.setColor(new Color(0xE8590C & 0xFFFFFF | 0x99 << 24, true));
                g.fill(new RoundRectangle2D.Double(x - 6, y - 6, w + 12, h + 12, 20, 20));
            }
            RoundRectangle2D box = new RoundRectangle2D.Double(x, y, w, h, 12, 12);
            g.setColor(GraphColours.fill(n.status(), background));
            g.fill(box);
            if (matches.contains(i) || i == current) {
                g.setColor(i == current ? focus : match);
                g.setStroke(new BasicStroke(i == current ? 4.5f : 3f));
            } else if (n.ready()) {
                g.setColor(GraphColours.READY);
                g.setStroke(new BasicStroke(3.5f));
            } else {
                g.setColor(GraphColours.status(n.status()));
                g.setStroke(new BasicStroke(1.6f));
            }
            g.draw(box);
            // A bar in the status colour at the box's left, so the status reads even when zoomed far out.
            g.setColor(GraphColours.status(n.status()));
            g.fill(new RoundRectangle2D.Double(x + 1, y + 1, 7, h - 2, 8, 8));
            if (words) {
                g.setColor(text);
                g.setFont(numberFont);
                FontMetrics nm = g.getFontMetrics();
                float baseline = (float) (y + h / 2 + nm.getAscent() / 2.0 - 2);
                g.drawString(n.ref(), (float) x + 14, baseline);
                int refWidth = nm.stringWidth(n.ref());
                g.setFont(titleFont);
                FontMetrics tm = g.getFontMetrics();
                double room = w - 14 - refWidth - 8 - 8;
                g.drawString(clip(n.description(), tm, room), (float) (x + 14 + refWidth + 8), baseline);
            }
        }
    }

    /** The text cut to fit {@code room} pixels, with an ellipsis. Drawn with drawString, so markup stays text. */
    static String clip(String text, FontMetrics fm, double room) {
        String flat = text.replaceAll("\\s+", " ");
        if (fm.stringWidth(flat) <= room) {
            return flat;
        }
        int lo = 0;
        int hi = flat.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (fm.stringWidth(flat.substring(0, mid) + "…") <= room) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return flat.substring(0, lo) + "…";
    }

    private static Color colour(String key, Color fallback) {
        Color c = UIManager.getColor(key);
        return c == null ? fallback : c;
    }
}
