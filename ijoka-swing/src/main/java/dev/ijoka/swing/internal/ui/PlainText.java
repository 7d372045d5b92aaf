package dev.ijoka.swing.internal.ui;

import javax.swing.JComponent;
import javax.swing.JLabel;

/**
 * Text from the store is shown as text. Swing renders any label, button or tooltip whose text starts with
 * {@code <html>} as HTML, so a feature titled {@code <html><b>x</b>} would be drawn bold (and could load
 * images); every component that shows stored text goes through here.
 */
public final class PlainText {

    private PlainText() {}

    /** Turns HTML rendering off for the component and returns it. */
    public static <T extends JComponent> T plain(T component) {
        component.putClientProperty("html.disable", Boolean.TRUE);
        return component;
    }

    /** A label that shows its text as written, whatever it holds. */
    public static JLabel label(String text) {
        return plain(new JLabel(text));
    }

    /** The first line of the text, at most {@code max} characters, with an ellipsis when cut. */
    public static String excerpt(@org.jspecify.annotations.Nullable String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.strip();
        int newline = line.indexOf('\n');
        boolean cut = false;
        if (newline >= 0) {
            line = line.substring(0, newline).strip();
            cut = true;
        }
        if (line.length() > max) {
            line = line.substring(0, Math.max(0, max - 1)).strip();
            cut = true;
        }
        return cut ? line + "…" : line;
    }
}
