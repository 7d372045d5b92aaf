package dev.ijoka.swing.internal.timeline;

import dev.ijoka.event.EventType;
import java.awt.Dimension;
import javax.swing.Box;
import javax.swing.BoxLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.Font;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.ListCellRenderer;
import javax.swing.UIManager;

/**
 * Paints a Timeline row: a session header, or an event's time, kind, feature and summary. Every label has
 * HTML disabled: the text comes from the store, and a title that starts with {@code <html>} is shown as typed.
 */
final class TimelineRenderer implements ListCellRenderer<TimelineRow> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JPanel header = new JPanel(new FlowLayout(FlowLayout.LEADING, 8, 3));
    private final JLabel agent = label();
    private final JLabel span = label();

    private final JPanel line = new JPanel();
    private final JLabel time = label();
    private final JLabel kind = label();
    private final JLabel feature = label();
    private final JLabel summary = label();
    private final ZoneId zone = ZoneId.systemDefault();

    TimelineRenderer() {
        agent.setFont(agent.getFont().deriveFont(Font.BOLD));
        header.add(agent);
        header.add(span);
        feature.setFont(feature.getFont().deriveFont(Font.BOLD));
        // Fixed widths for time, kind and feature, so that the summaries start in one column.
        fix(time, "00:00:00");
        String longest = "";
        for (EventType t : EventType.values()) {
            String text = EventWording.icon(t) + " " + EventWording.label(t);
            if (kind.getFontMetrics(kind.getFont()).stringWidth(text) > kind.getFontMetrics(kind.getFont()).stringWidth(longest)) {
                longest = text;
            }
        }
        fix(kind, longest);
        fix(feature, "#00000");
        line.setLayout(new BoxLayout(line, BoxLayout.X_AXIS));
        line.setBorder(BorderFactory.createEmptyBorder(0, 24, 0, 8));
        line.add(time);
        line.add(Box.createHorizontalStrut(10));
        line.add(kind);
        line.add(Box.createHorizontalStrut(6));
        line.add(feature);
        line.add(Box.createHorizontalStrut(6));
        line.add(summary);
        line.add(Box.createHorizontalGlue());
    }

    private static void fix(JLabel label, String widest) {
        var fm = label.getFontMetrics(label.getFont());
        Dimension d = new Dimension(fm.stringWidth(widest) + 4, fm.getHeight());
        label.setPreferredSize(d);
        label.setMinimumSize(d);
        label.setMaximumSize(d);
    }

    private static JLabel label() {
        JLabel l = new JLabel();
        l.putClientProperty("html.disable", Boolean.TRUE);
        return l;
    }

    @Override
    public Component getListCellRendererComponent(JList<? extends TimelineRow> list, TimelineRow row, int index,
            boolean selected, boolean focused) {
        Color fg = selected ? list.getSelectionForeground() : list.getForeground();
        Color muted = selected ? fg : colour("Label.disabledForeground", fg);
        return switch (row) {
            case TimelineRow.Header h -> {
                header.setBackground(selected ? list.getSelectionBackground() : colour("Table.alternateRowColor",
                        colour("Panel.background", list.getBackground())));
                agent.setForeground(fg);
                agent.setText(h.agent());
                span.setForeground(muted);
                String when = DAY_TIME.format(h.from().atZone(zone))
                        + (h.from().equals(h.to()) ? "" : " – " + TIME.format(h.to().atZone(zone)));
                span.setText((h.session() == null ? "" : "session " + shortId(h.session()) + " · ") + when);
                header.getAccessibleContext().setAccessibleName(h.agent() + ", " + when);
                yield header;
            }
            case TimelineRow.Line l -> {
                line.setBackground(selected ? list.getSelectionBackground() : list.getBackground());
                time.setForeground(muted);
                time.setText(TIME.format(l.event().at().atZone(zone)));
                time.setToolTipText(EventWording.time(l.event().at()));
                kind.setForeground(selected ? fg : family(l.event().type().wireName(), fg));
                kind.setText(EventWording.icon(l.event().type()) + " " + EventWording.label(l.event().type()));
                feature.setForeground(selected ? fg : colour("Component.linkColor", colour("Label.foreground", fg)));
                feature.setText(l.featureRef() == null ? "" : l.featureRef());
                // Kept in place when empty, so that every summary starts in the same column.
                summary.setForeground(fg);
                String text = l.summary().isEmpty() && l.featureDescription() != null ? l.featureDescription() : l.summary();
                summary.setText(text);
                line.setToolTipText(null);
                line.getAccessibleContext().setAccessibleName(kind.getText() + " " + feature.getText() + " " + text);
                yield line;
            }
        };
    }

    /** The colour of an event's family, as the web Timeline colours its icons. */
    private static Color family(String type, Color fallback) {
        boolean dark = com.formdev.flatlaf.FlatLaf.isLafDark();
        if (type.startsWith("feature_")) {
            return dark ? new Color(0x7AB7FF) : new Color(0x1F5FBF);
        }
        if (type.startsWith("step_")) {
            return dark ? new Color(0x6FD08C) : new Color(0x2E7D32);
        }
        if (type.startsWith("dependency_")) {
            return dark ? new Color(0xC9A0FF) : new Color(0x6A3FB5);
        }
        if (type.startsWith("claim_")) {
            return dark ? new Color(0xF2C14E) : new Color(0x8A5A00);
        }
        if (type.startsWith("rule_")) {
            return dark ? new Color(0xFF8A80) : new Color(0xB3261E);
        }
        return fallback;
    }

    private static Color colour(String key, Color fallback) {
        Color c = UIManager.getColor(key);
        return c == null ? fallback : c;
    }

    private static String shortId(String id) {
        return id.length() <= 12 ? id : id.substring(0, 8) + "…";
    }
}
