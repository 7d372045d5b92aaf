package dev.ijoka.swing.internal.board;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.Step;
import dev.ijoka.swing.internal.ui.PlainText;
import dev.ijoka.swing.internal.ui.StatusStyle;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.awt.GridLayout;
import java.time.Instant;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.ListCellRenderer;
import javax.swing.UIManager;
import javax.swing.border.Border;

/**
 * Draws one card: reference and title, an excerpt of the details, then category, priority, steps done and
 * the claim holder. One renderer paints every card of a column (a rubber stamp), so a column of 10,000
 * features is one component; its labels never render HTML.
 */
final class CardRenderer extends JPanel implements ListCellRenderer<Feature> {

    /** The card the column sizes its cells by (every cell has the same height: no measuring of 10,000 cards). */
    static final Feature PROTOTYPE = new Feature(new FeatureId("prototype"), new ProjectId("prototype"), 9999,
            "A feature title long enough to fill a card's first line", "Details of the feature, one line of them",
            Category.FUNCTIONAL, Kind.FEATURE, Status.PENDING, 10, List.of(Step.todo("step")), null, null, null, 1,
            Instant.EPOCH, Instant.EPOCH, null);

    private final JLabel title = PlainText.label("");
    private final JLabel excerpt = PlainText.label("");
    private final JLabel facts = PlainText.label("");
    private final JLabel claim = PlainText.label("");
    private final JPanel stripe = new JPanel();

    CardRenderer() {
        super(new BorderLayout(8, 0));
        JPanel lines = new JPanel(new GridLayout(0, 1, 0, 1));
        lines.setOpaque(false);
        lines.add(title);
        lines.add(excerpt);
        lines.add(facts);
        lines.add(claim);
        stripe.setPreferredSize(new java.awt.Dimension(4, 1));
        add(stripe, BorderLayout.WEST);
        add(lines, BorderLayout.CENTER);
    }

    @Override
    public Component getListCellRendererComponent(JList<? extends Feature> list, Feature f, int index,
            boolean selected, boolean focused) {
        title.setText(f.ref() + "  " + f.description());
        title.setFont(list.getFont().deriveFont(Font.BOLD));
        String details = PlainText.excerpt(f.details(), 90);
        excerpt.setText(details.isEmpty() ? " " : details);
        facts.setText(f.category().wireName() + " · priority " + f.priority()
                + (f.steps().isEmpty() ? "" : " · steps " + f.stepsDone() + "/" + f.steps().size())
                + (f.kind() == Kind.FEATURE ? "" : " · " + f.kind().wireName()));
        claim.setText(claimText(f));
        stripe.setBackground(StatusStyle.colour(f.status()));

        Color fg = selected ? list.getSelectionForeground() : list.getForeground();
        Color muted = selected ? fg : UIManager.getColor("Label.disabledForeground");
        title.setForeground(fg);
        excerpt.setForeground(muted == null ? fg : muted);
        facts.setForeground(fg);
        claim.setForeground(muted == null ? fg : muted);
        for (JLabel l : List.of(excerpt, facts, claim)) {
            l.setFont(list.getFont());
        }
        setBackground(selected ? list.getSelectionBackground() : cardBackground(list));
        setBorder(border(list, focused));
        getAccessibleContext().setAccessibleName(f.ref() + " " + f.description() + ", " + StatusStyle.title(f.status()));
        return this;
    }

    static String claimText(Feature f) {
        if (f.claim() != null) {
            String session = f.claim().session().value();
            return "claimed by session " + (session.length() > 8 ? session.substring(0, 8) : session);
        }
        if (f.status() == Status.BLOCKED && f.blockReason() != null) {
            return "blocked: " + PlainText.excerpt(f.blockReason(), 70);
        }
        return " ";
    }

    private static Color cardBackground(JList<?> list) {
        Color c = UIManager.getColor("Panel.background");
        return c == null ? list.getBackground() : c;
    }

    private static Border border(JList<?> list, boolean focused) {
        Color line = focused ? UIManager.getColor("Component.focusColor") : UIManager.getColor("Component.borderColor");
        Border outer = BorderFactory.createMatteBorder(0, 0, 6, 0, list.getBackground());
        Border frame = BorderFactory.createLineBorder(line == null ? Color.GRAY : line, 1);
        return BorderFactory.createCompoundBorder(outer,
                BorderFactory.createCompoundBorder(frame, BorderFactory.createEmptyBorder(6, 0, 6, 8)));
    }
}
