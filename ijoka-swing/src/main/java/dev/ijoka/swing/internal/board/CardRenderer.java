package dev.ijoka.swing.internal.board;

import com.formdev.flatlaf.ui.FlatUIUtils;
import dev.ijoka.domain.AgentPlan;
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
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GridLayout;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JComponent;
import javax.swing.ListCellRenderer;
import javax.swing.UIManager;

/**
 * Draws one card: reference and title (on up to two lines), an excerpt of the details, then category,
 * priority, steps done and the claim holder. One renderer paints every card of a column (a rubber stamp), so
 * a column of 10,000 features is one component; none of its parts renders HTML.
 */
final class CardRenderer extends JPanel implements ListCellRenderer<Feature> {

    /** The card the column sizes its cells by (every cell has the same height: no measuring of 10,000 cards). */
    static final Feature PROTOTYPE = new Feature(new FeatureId("prototype"), new ProjectId("prototype"), 9999,
            "A feature title long enough to fill a card's first line", "Details of the feature, one line of them",
            Category.FUNCTIONAL, Kind.FEATURE, Status.PENDING, 10, List.of(Step.todo("step")), null, null, null, 1,
            Instant.EPOCH, Instant.EPOCH, null);

    /** The space between two cards. */
    private static final int GAP = 6;

    private final TitleLines title = new TitleLines();
    private final JLabel excerpt = PlainText.label("");
    private final JLabel facts = PlainText.label("");
    private final JLabel claim = PlainText.label("");
    private final JPanel stripe = new JPanel();
    private Color card = Color.WHITE;
    /** The agents' todo lists by feature, as the board last read them; read on the event-dispatch thread. */
    private Map<FeatureId, AgentPlan> todos = Map.of();

    CardRenderer() {
        super(new BorderLayout(8, 0));
        JPanel lines = new JPanel(new GridLayout(0, 1, 0, 1));
        lines.setOpaque(false);
        lines.add(excerpt);
        lines.add(facts);
        lines.add(claim);
        JPanel text = new JPanel(new BorderLayout(0, 2));
        text.setOpaque(false);
        text.add(title, BorderLayout.NORTH);
        text.add(lines, BorderLayout.CENTER);
        stripe.setPreferredSize(new Dimension(4, 1));
        add(stripe, BorderLayout.WEST);
        add(text, BorderLayout.CENTER);
    }

    @Override
    public Component getListCellRendererComponent(JList<? extends Feature> list, Feature f, int index,
            boolean selected, boolean focused) {
        title.setText(f.ref() + "  " + f.description());
        title.setFont(list.getFont().deriveFont(Font.BOLD));
        AgentPlan plan = todos.get(f.id());
        // What the agent does now tells more than the details' first words: its line takes their place.
        String details = plan != null ? PlainText.excerpt(plan.line(), 90) : PlainText.excerpt(f.details(), 90);
        excerpt.setText(details.isEmpty() ? " " : details);
        // Most telling first: a narrow column cuts the end of the line.
        facts.setText((f.steps().isEmpty() ? "" : "steps " + f.stepsDone() + "/" + f.steps().size() + " · ")
                + "priority " + f.priority() + " · " + f.category().wireName()
                + (f.kind() == Kind.FEATURE ? "" : " · " + f.kind().wireName()));
        claim.setText(claimText(f));
        stripe.setBackground(StatusStyle.colour(f.status()));

        Color fg = selected ? list.getSelectionForeground() : list.getForeground();
        Color disabled = UIManager.getColor("Label.disabledForeground");
        Color muted = selected || disabled == null ? fg : disabled;
        title.setForeground(fg);
        excerpt.setForeground(muted);
        facts.setForeground(fg);
        claim.setForeground(muted);
        for (JLabel l : List.of(excerpt, facts, claim)) {
            l.setFont(list.getFont());
        }
        setBackground(list.getBackground());
        card = selected ? list.getSelectionBackground() : cardColour();
        Color line = focused ? UIManager.getColor("Component.focusColor") : UIManager.getColor("Component.borderColor");
        setBorder(BorderFactory.createCompoundBorder(BorderFactory.createEmptyBorder(0, 0, GAP, 0),
                BorderFactory.createCompoundBorder(BorderFactory.createLineBorder(line == null ? Color.GRAY : line, 1),
                        BorderFactory.createEmptyBorder(6, 0, 6, 8))));
        getAccessibleContext().setAccessibleName(f.ref() + " " + f.description() + ", " + StatusStyle.title(f.status()));
        return this;
    }

    @Override
    protected void paintComponent(Graphics g) {
        super.paintComponent(g); // the column's colour, seen in the gap
        g.setColor(card);
        g.fillRect(0, 0, getWidth(), getHeight() - GAP);
    }

    /** The agents' todo lists to draw, by feature (set on the event-dispatch thread). */
    void todos(Map<FeatureId, AgentPlan> byFeature) {
        todos = Map.copyOf(byFeature);
    }

    static String claimText(Feature f) {
        if (f.claim() != null) {
            String session = f.claim().session().value();
            return "claimed by " + (session.length() > 8 ? session.substring(0, 8) : session);
        }
        if (f.status() == Status.BLOCKED && f.blockReason() != null) {
            return "blocked: " + PlainText.excerpt(f.blockReason(), 70);
        }
        return " ";
    }

    /** Cards stand out from their column: a text field's colour on the panel colour the column has. */
    private static Color cardColour() {
        Color c = UIManager.getColor("TextField.background");
        return c == null ? Color.WHITE : c;
    }

    /**
     * The title on up to two lines, wrapped at words, the second ending in an ellipsis when the title is longer:
     * painted as plain text (never HTML), at whatever width the column gives the card.
     */
    static final class TitleLines extends JComponent {
        static final String ELLIPSIS = "…";
        private String text = "";

        TitleLines() {
            setOpaque(false);
        }

        void setText(String value) {
            text = value;
        }

        String getText() {
            return text;
        }

        /** Read as a label: its whole text, however much of it the card has room to paint. */
        @Override
        public javax.accessibility.AccessibleContext getAccessibleContext() {
            if (accessibleContext == null) {
                accessibleContext = new AccessibleJComponent() {
                    @Override
                    public javax.accessibility.AccessibleRole getAccessibleRole() {
                        return javax.accessibility.AccessibleRole.LABEL;
                    }

                    @Override
                    public String getAccessibleName() {
                        return text;
                    }
                };
            }
            return accessibleContext;
        }

        @Override
        public Dimension getPreferredSize() {
            FontMetrics fm = getFontMetrics(getFont());
            return new Dimension(40, fm.getHeight() * 2);
        }

        @Override
        protected void paintComponent(Graphics g) {
            Graphics2D g2 = (Graphics2D) g.create();
            try {
                g2.setFont(getFont());
                g2.setColor(getForeground());
                FontMetrics fm = g2.getFontMetrics();
                int y = fm.getAscent();
                for (String line : lines(text, fm, getWidth(), 2)) {
                    FlatUIUtils.drawString(this, g2, line, 0, y); // with the look's text antialiasing
                    y += fm.getHeight();
                }
            } finally {
                g2.dispose();
            }
        }

        /**
         * {@code text} wrapped at spaces into at most {@code max} lines of at most {@code width} pixels; a word
         * longer than a line is cut; what does not fit ends the last line with an ellipsis.
         */
        static List<String> lines(String text, FontMetrics fm, int width, int max) {
            List<String> out = new java.util.ArrayList<>(max);
            String rest = text.strip().replaceAll("[\\r\\n\\t]+", " "); // one paragraph; spaces as they are
            while (!rest.isEmpty() && out.size() < max) {
                boolean last = out.size() == max - 1;
                if (fm.stringWidth(rest) <= width) {
                    out.add(rest);
                    rest = "";
                } else if (last) {
                    out.add(ellipsized(rest, fm, width));
                    rest = "";
                } else {
                    int end = fitting(rest, fm, width);
                    int space = rest.lastIndexOf(' ', end);
                    int cut = space > 0 ? space : Math.max(1, end);
                    out.add(rest.substring(0, cut).stripTrailing());
                    rest = rest.substring(cut).stripLeading();
                }
            }
            return out;
        }

        /** How many characters of {@code s} fit in {@code width}. */
        private static int fitting(String s, FontMetrics fm, int width) {
            int n = 0;
            while (n < s.length() && fm.stringWidth(s.substring(0, n + 1)) <= width) {
                n++;
            }
            return n;
        }

        private static String ellipsized(String s, FontMetrics fm, int width) {
            int n = fitting(s, fm, width - fm.stringWidth(ELLIPSIS));
            return s.substring(0, n).stripTrailing() + ELLIPSIS;
        }
    }
}
