package dev.ijoka.swing.internal.tray;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/**
 * The tray icon, drawn in vectors at the exact pixel size the tray asks for (so it is sharp at any scale): a
 * board of three columns on a blue tile, ringed by the share of work complete.
 */
final class TrayIconImage {

    private static final Color TILE = new Color(0x2F6FEB);
    private static final Color CARD = Color.WHITE;
    private static final Color RING_TRACK = new Color(0x173A80);
    private static final Color RING_DONE = new Color(0x3FD07F);

    private TrayIconImage() {}

    /** @param complete the share of features complete over every project, 0 to 1 */
    static BufferedImage draw(Dimension size, double complete) {
        int w = Math.max(8, size.width);
        int h = Math.max(8, size.height);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            double s = Math.min(w, h);
            double x0 = (w - s) / 2;
            double y0 = (h - s) / 2;
            double inset = s * 0.04;
            g.setColor(TILE);
            g.fill(new RoundRectangle2D.Double(x0 + inset, y0 + inset, s - 2 * inset, s - 2 * inset, s * 0.28, s * 0.28));

            // Three columns of cards: the board.
            g.setColor(CARD);
            double colW = s * 0.16;
            double gap = s * 0.06;
            double left = x0 + (s - 3 * colW - 2 * gap) / 2;
            double top = y0 + s * 0.26;
            double[] heights = {s * 0.50, s * 0.34, s * 0.16};
            for (int i = 0; i < 3; i++) {
                g.fill(new RoundRectangle2D.Double(left + i * (colW + gap), top, colW, heights[i], colW * 0.5, colW * 0.5));
            }

            // The progress ring in the bottom-right corner, inside the tile, below the shortest column.
            float stroke = (float) Math.max(1.5, s * 0.08);
            double d = s * 0.30;
            double dx = x0 + s - d - inset - stroke * 1.5;
            double dy = y0 + s - d - inset - stroke * 1.5;
            g.setColor(TILE);
            g.fill(new Ellipse2D.Double(dx - stroke, dy - stroke, d + 2 * stroke, d + 2 * stroke));
            g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
            g.setColor(RING_TRACK);
            g.draw(new Ellipse2D.Double(dx, dy, d, d));
            g.setColor(RING_DONE);
            double share = Math.clamp(complete, 0.0, 1.0);
            g.draw(new Arc2D.Double(dx, dy, d, d, 90, -360 * share, Arc2D.OPEN));
        } finally {
            g.dispose();
        }
        return image;
    }
}
