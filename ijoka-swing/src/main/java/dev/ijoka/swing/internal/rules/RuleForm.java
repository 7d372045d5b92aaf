package dev.ijoka.swing.internal.rules;

import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.WipScope;
import java.awt.CardLayout;
import java.awt.Color;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.KeyEvent;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SpinnerNumberModel;
import javax.swing.UIManager;
import org.jspecify.annotations.Nullable;

/**
 * "Add a rule": one form for the four kinds the core knows, the fields of the chosen kind shown. The values go to
 * the domain's own constructors, so a bad value gets the same message an agent or the web would get; the form
 * shows it and adds nothing.
 */
@SuppressWarnings("serial") // never serialized
final class RuleForm extends JPanel {

    /** A kind the form offers, with the web's heading and hint. */
    enum Kind {
        WIP_LIMIT("WIP limit", "Refuse a start beyond this many features in progress."),
        STEPS_DONE("Steps done before complete", "Refuse (or warn about) completing a feature with unchecked steps."),
        CONTEXT("Context for agents", "Given to every agent session when it starts."),
        REMINDER("Reminder before a tool use", "Shown to the agent before a matching tool use: a tool, a file glob, or both.");

        final String label;
        final String hint;

        Kind(String label, String hint) {
            this.label = label;
            this.hint = hint;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** What the form asks to add. */
    record Request(RuleSpec spec, Enforcement enforcement, boolean global) {}

    final JComboBox<Kind> kind = new JComboBox<>(Kind.values());
    final JSpinner max = new JSpinner(new SpinnerNumberModel(3, 0, 10_000, 1));
    final JComboBox<String> per = new JComboBox<>(new String[] {"project", "session"});
    final JTextArea contextText = area();
    final JTextField tool = new JTextField(14);
    final JTextField fileGlob = new JTextField(14);
    final JTextArea reminderText = area();
    final JComboBox<String> enforcement = new JComboBox<>(new String[] {"deny", "warn"});
    final JComboBox<String> scope = new JComboBox<>(new String[] {"this project", "global"});
    final JButton add = new JButton("Add rule");
    final JTextArea message = note();
    private final JTextArea hint = note();
    private final JLabel enforcementLabel = new JLabel("Enforcement");
    private final CardLayout cards = new CardLayout();
    private final JPanel fields = new JPanel(cards);

    RuleForm(Consumer<Request> submit) {
        super(new GridBagLayout());
        setBorder(BorderFactory.createCompoundBorder(BorderFactory.createTitledBorder("Add a rule"),
                BorderFactory.createEmptyBorder(4, 8, 8, 8)));
        message.getAccessibleContext().setAccessibleName("Form message");
        hint.setForeground(UIManager.getColor("Label.disabledForeground"));
        name(kind, "Kind of rule");
        name(max, "Most features in progress");
        name(per, "Counted per");
        name(contextText, "Context text");
        name(tool, "Tool name, e.g. Bash");
        name(fileGlob, "File glob, e.g. **/*.sql");
        name(reminderText, "Reminder text");
        name(enforcement, "Enforcement");
        name(scope, "Scope");
        add.setMnemonic(KeyEvent.VK_A);
        add.getAccessibleContext().setAccessibleName("Add rule");
        tool.putClientProperty("JTextField.placeholderText", "Bash");
        fileGlob.putClientProperty("JTextField.placeholderText", "**/*.sql");

        fields.add(grid(row("Max", max), row("Per", per)), Kind.WIP_LIMIT.name());
        fields.add(grid(), Kind.STEPS_DONE.name());
        fields.add(grid(row("Text", new JScrollPane(contextText))), Kind.CONTEXT.name());
        fields.add(grid(row("Tool", tool), row("File glob", fileGlob), row("Text", new JScrollPane(reminderText))),
                Kind.REMINDER.name());

        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = 0;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(3, 0, 3, 8);
        JLabel kindLabel = new JLabel("Kind");
        kindLabel.setLabelFor(kind);
        kindLabel.setDisplayedMnemonic(KeyEvent.VK_K);
        add(kindLabel, c);
        c.gridx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        add(kind, c);
        c.gridx = 0;
        c.gridy++;
        c.gridwidth = 2;
        add(hint, c);
        c.gridy++;
        add(fields, c);
        c.gridwidth = 1;
        c.gridy++;
        c.weightx = 0;
        c.fill = GridBagConstraints.NONE;
        enforcementLabel.setLabelFor(enforcement);
        add(enforcementLabel, c);
        c.gridx = 1;
        add(enforcement, c);
        c.gridx = 0;
        c.gridy++;
        JLabel scopeLabel = new JLabel("Scope");
        scopeLabel.setLabelFor(scope);
        add(scopeLabel, c);
        c.gridx = 1;
        add(scope, c);
        c.gridx = 0;
        c.gridy++;
        add(add, c);
        c.gridy++;
        c.gridwidth = 2;
        c.fill = GridBagConstraints.HORIZONTAL;
        add(message, c);

        kind.addActionListener(e -> chosen());
        add.addActionListener(e -> {
            Request r = request();
            if (r != null) {
                submit.accept(r);
            }
        });
        chosen();
    }

    private void chosen() {
        Kind k = (Kind) kind.getSelectedItem();
        if (k == null) {
            return;
        }
        cards.show(fields, k.name());
        hint.setText(k.hint);
        boolean refuses = k == Kind.WIP_LIMIT || k == Kind.STEPS_DONE;
        enforcement.setVisible(refuses);
        enforcementLabel.setVisible(refuses);
        add.setText("Add " + switch (k) {
            case WIP_LIMIT -> "WIP limit";
            case STEPS_DONE -> "steps rule";
            case CONTEXT -> "context";
            case REMINDER -> "reminder";
        });
        add.getAccessibleContext().setAccessibleName(add.getText());
        message.setText(" ");
    }

    /** The rule the fields describe, or null after showing why the fields describe none. */
    @Nullable Request request() {
        Kind k = (Kind) kind.getSelectedItem();
        try {
            RuleSpec spec = switch (java.util.Objects.requireNonNull(k)) {
                case WIP_LIMIT -> new RuleSpec.WipLimit(((Number) max.getValue()).intValue(),
                        WipScope.fromWire((String) java.util.Objects.requireNonNull(per.getSelectedItem())));
                case STEPS_DONE -> new RuleSpec.StepsDoneBeforeComplete();
                case CONTEXT -> new RuleSpec.Context(contextText.getText());
                case REMINDER -> new RuleSpec.Reminder(blankToNull(tool.getText()), blankToNull(fileGlob.getText()),
                        reminderText.getText());
            };
            return new Request(spec, Enforcement.fromWire((String) java.util.Objects.requireNonNull(enforcement.getSelectedItem())),
                    "global".equals(scope.getSelectedItem()));
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
            return null;
        }
    }

    void error(@Nullable String text) {
        message.setForeground(UIManager.getColor("Component.error.focusedBorderColor") != null
                ? UIManager.getColor("Component.error.focusedBorderColor") : Color.RED);
        message.setText(text == null || text.isBlank() ? "The rule could not be added." : text);
    }

    void added(String described) {
        message.setForeground(UIManager.getColor("Label.foreground"));
        message.setText("Added: " + described);
        contextText.setText("");
        reminderText.setText("");
        tool.setText("");
        fileGlob.setText("");
    }

    private static @Nullable String blankToNull(String s) {
        return s.isBlank() ? null : s.strip();
    }

    /** Wrapped, read-only text: a hint or a message that may be longer than the form is wide. */
    private static JTextArea note() {
        JTextArea a = new JTextArea(" ", 2, 26);
        a.setEditable(false);
        a.setFocusable(false);
        a.setLineWrap(true);
        a.setWrapStyleWord(true);
        a.setOpaque(false);
        a.setBorder(null);
        a.setFont(UIManager.getFont("Label.font"));
        return a;
    }

    private static JTextArea area() {
        JTextArea a = new JTextArea(3, 26);
        a.setLineWrap(true);
        a.setWrapStyleWord(true);
        // Tab moves on, as in every other field; the text is one paragraph anyway.
        a.setFocusTraversalKeys(java.awt.KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
        a.setFocusTraversalKeys(java.awt.KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
        return a;
    }

    private static void name(JComponent c, String name) {
        c.getAccessibleContext().setAccessibleName(name);
    }

    private record Field(String label, JComponent field) {}

    private static Field row(String label, JComponent field) {
        return new Field(label, field);
    }

    private static JPanel grid(Field... rows) {
        JPanel p = new JPanel(new GridBagLayout());
        GridBagConstraints c = new GridBagConstraints();
        c.anchor = GridBagConstraints.NORTHWEST;
        c.insets = new Insets(3, 0, 3, 8);
        c.gridy = 0;
        for (Field f : rows) {
            JLabel l = new JLabel(f.label());
            l.setLabelFor(f.field() instanceof JScrollPane s ? s.getViewport().getView() : f.field());
            c.gridx = 0;
            c.weightx = 0;
            c.fill = GridBagConstraints.NONE;
            p.add(l, c);
            c.gridx = 1;
            c.weightx = 1;
            c.fill = GridBagConstraints.HORIZONTAL;
            if (f.field() instanceof JScrollPane sp) {
                sp.setMinimumSize(sp.getPreferredSize()); // never squeezed to a sliver
            }
            p.add(f.field(), c);
            c.gridy++;
        }
        c.gridx = 0;
        c.weighty = 1;
        p.add(new JLabel(), c); // pushes the rows up
        return p;
    }
}
