package dev.ijoka.swing.internal.window;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import javax.swing.JComponent;

/**
 * A project's share of complete features as a bar that reads on any row: its track and outline are mixed from
 * the row's own text and background colours (so they stand out on a selected row as on a plain one, light or
 * dark), and the done part is green, or the row's text colour on a selected row. A look's progress bar is drawn
 * for a plain background and all but vanished on the list's selection.
 */
final class ProgressStrip extends JComponent {

    /** The done part on a light row, and on a dark one: both at least 3:1 against their track. */
    static final Color DONE_ON_LIGHT = new Color(0x237A3E);
    static final Color DONE_ON_DARK = new Color(0x5BD483);

    private int percent;
    private Color row = Color.WHITE;
    private Color text = Color.BLACK;
    private boolean selected;

    ProgressStrip() {
        setOpaque(false);
    }

    void show(int percentComplete, Color rowBackground, Color rowText, boolean onSelection) {
        percent = Math.clamp(percentComplete, 0, 100);
        row = rowBackground;
        text = rowText;
        selected = onSelection;
    }

    int percent() {
        return percent;
    }

    /** The empty part: a fifth of the way from the row's background to its text. */
    Color track() {
        return mix(row, text, 0.2);
    }

    /** The line around the bar: most of the way to the text colour, so the bar's extent is always seen. */
    Color outline() {
        return mix(row, text, 0.6);
    }

    Color done() {
        if (selected) {
            return text;
        }
        return luminance(row) > 0.4 ? DONE_ON_LIGHT : DONE_ON_DARK;
    }

    @Override
    public Dimension getPreferredSize() {
        return new Dimension(60, 10);
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int h = Math.min(getHeight(), 10);
            double y = (getHeight() - h) / 2.0;
            double w = getWidth() - 1;
            RoundRectangle2D.Double bar = new RoundRectangle2D.Double(0.5, y + 0.5, w, h - 1, h, h);
            g2.setColor(track());
            g2.fill(bar);
            g2.setColor(done());
            g2.clip(bar);
            g2.fill(new java.awt.geom.Rectangle2D.Double(0, y, w * percent / 100.0 + 0.5, h));
            g2.setClip(null);
            g2.setColor(outline());
            g2.draw(bar);
        } finally {
            g2.dispose();
        }
    }

    static Color mix(Color from, Color to, double share) {
        return new Color((int) Math.round(from.getRed() + (to.getRed() - from.getRed()) * share),
                (int) Math.round(from.getGreen() + (to.getGreen() - from.getGreen()) * share),
                (int) Math.round(from.getBlue() + (to.getBlue() - from.getBlue()) * share));
    }

    /** WCAG relative luminance, 0 (black) to 1 (white). */
    static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    /** WCAG contrast ratio, 1 to 21. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
