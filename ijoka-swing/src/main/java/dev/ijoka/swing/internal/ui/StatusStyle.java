package dev.ijoka.swing.internal.ui;

import dev.ijoka.domain.Status;
import java.awt.Color;

/** How a status is named and coloured everywhere in the window; the colours read on light and dark themes alike. */
public final class StatusStyle {

    private StatusStyle() {}

    /** The column and badge name: "In progress". */
    public static String title(Status status) {
        return switch (status) {
            case PENDING -> "Pending";
            case IN_PROGRESS -> "In progress";
            case BLOCKED -> "Blocked";
            case COMPLETE -> "Complete";
        };
    }

    /** The status's accent: mid-tone colours, readable as a stripe or badge on white and on dark grey. */
    public static Color colour(Status status) {
        return switch (status) {
            case PENDING -> new Color(0x8A8F98);
            case IN_PROGRESS -> new Color(0x2F7FD8);
            case BLOCKED -> new Color(0xD9534F);
            case COMPLETE -> new Color(0x3BA55C);
        };
    }
}
