package dev.ijoka.swing.internal.graph;

import com.formdev.flatlaf.FlatLaf;
import dev.ijoka.domain.Status;
import java.awt.Color;

/** The web graph's colours (ijoka.css), for the light or the dark look. */
final class GraphColours {

    static final Color READY = new Color(0xD99A00);
    static final Color CRITICAL = new Color(0xE8590C);

    private GraphColours() {}

    static Color status(Status s) {
        boolean dark = FlatLaf.isLafDark();
        return switch (s) {
            case PENDING -> dark ? new Color(0xA3ABBB) : new Color(0x8A94A6);
            case IN_PROGRESS -> dark ? new Color(0x7AA5F7) : new Color(0x3A6FD8);
            case BLOCKED -> dark ? new Color(0xF08A72) : new Color(0xD0563B);
            case COMPLETE -> dark ? new Color(0x4CC47F) : new Color(0x2E9D5B);
        };
    }

    /** A node's fill: its status colour faded into the background, so the text on it stays readable. */
    static Color fill(Status s, Color background) {
        Color c = status(s);
        double a = FlatLaf.isLafDark() ? 0.30 : 0.18;
        return new Color(mix(c.getRed(), background.getRed(), a), mix(c.getGreen(), background.getGreen(), a),
                mix(c.getBlue(), background.getBlue(), a));
    }

    private static int mix(int c, int bg, double a) {
        return (int) Math.round(c * a + bg * (1 - a));
    }
}
