package dev.ijoka.swing.internal.detail;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.AgentPlan;
import dev.ijoka.domain.AgentTodo;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Step;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventQuery;
import dev.ijoka.swing.internal.DesktopActions;
import dev.ijoka.swing.internal.ui.Background;
import dev.ijoka.swing.internal.ui.FeatureActions;
import dev.ijoka.swing.internal.ui.PlainText;
import dev.ijoka.swing.internal.ui.ReasonPrompt;
import dev.ijoka.swing.internal.ui.StatusStyle;
import java.awt.CardLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.Timer;
import org.jspecify.annotations.Nullable;

/**
 * One feature in full: its steps to check off, what it depends on and what depends on it, its claim with the
 * lease counting down, its events, and the state-machine commands as buttons. Loads off the event-dispatch
 * thread; reloads when an event about the feature arrives.
 */
public final class DetailPanel {

    /** What the panel shows, read in one go off the event-dispatch thread. */
    record Loaded(Feature feature, List<Feature> dependsOn, List<Feature> neededBy, List<String> events,
            @Nullable Session claimHolder, @Nullable AgentPlan todos) {}

    private static final int EVENTS_SHOWN = 200;
    private static final String EMPTY = "empty";
    private static final String FEATURE = "feature";

    private final Ijoka ijoka;
    private final Executor storeExecutor;
    private final DesktopActions actions;
    private final FeatureActions commands;
    /** Two cards: the empty state while no feature is selected, the feature's sections once one is. */
    private final CardLayout cards = new CardLayout();
    private final JPanel root = new JPanel(cards);
    private final JTextArea heading = text();
    private final JTextArea facts = text();
    private final Map<String, JButton> buttons = new LinkedHashMap<>();
    private final JTextArea details = text();
    private final JTextArea claim = text();
    private final JPanel steps = new JPanel();
    private final JTextArea todos = text();
    private final JList<Feature> dependsOn = featureList("Depends on");
    private final JList<Feature> neededBy = featureList("Needed by");
    private final JList<String> events = new JList<>();
    private final Timer leaseClock = new Timer(1000, e -> showClaim());
    private @Nullable Loaded shown;
    private @Nullable FeatureId wanted;
    private long generation;

    public DetailPanel(Ijoka ijoka, Executor storeExecutor, DesktopActions actions, ReasonPrompt prompt) {
        this.ijoka = ijoka;
        this.storeExecutor = storeExecutor;
        this.actions = actions;
        this.commands = new FeatureActions(ijoka, storeExecutor, actions::tell, prompt);
        heading.setText("No feature selected");
        heading.setFont(heading.getFont().deriveFont(Font.BOLD, heading.getFont().getSize2D() * 1.25f));
        heading.getAccessibleContext().setAccessibleName("Feature");
        facts.setText("Select a card or a row to see its steps, dependencies and history.");
        facts.getAccessibleContext().setAccessibleName("Status, category, kind and priority");
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEADING, 4, 0));
        for (String verb : FeatureActions.VERBS) {
            JButton b = new JButton(FeatureActions.label(verb));
            b.setName("detail." + verb);
            b.getAccessibleContext().setAccessibleName(FeatureActions.label(verb).replace("…", "") + " the feature");
            b.setEnabled(false);
            b.setVisible(false); // shown once a feature says which commands it allows
            b.addActionListener(e -> run(verb));
            buttons.put(verb, b);
            bar.add(b);
        }
        bar.setAlignmentX(Component.LEFT_ALIGNMENT);

        steps.setLayout(new BoxLayout(steps, BoxLayout.Y_AXIS));
        events.setCellRenderer(PlainText.plain(new DefaultListCellRenderer()));
        events.getAccessibleContext().setAccessibleName("Events of the feature");
        events.setVisibleRowCount(8);
        claim.setName("detail.claim");
        claim.getAccessibleContext().setAccessibleName("Claim and lease");

        Body body = new Body();
        body.setLayout(new BoxLayout(body, BoxLayout.Y_AXIS));
        for (JComponent c : List.of(heading, facts, bar)) {
            c.setAlignmentX(Component.LEFT_ALIGNMENT);
            body.add(c);
            body.add(Box.createVerticalStrut(6));
        }
        section(body, "Details", details);
        section(body, "Claim", claim);
        section(body, "Steps", steps);
        todos.setName("detail.todos");
        todos.getAccessibleContext().setAccessibleName("The agent's own todo list");
        section(body, "Agent's todo list", todos);
        section(body, "Depends on", new JScrollPane(dependsOn));
        section(body, "Needed by", new JScrollPane(neededBy));
        section(body, "Events", new JScrollPane(events));
        body.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        JScrollPane scroll = new JScrollPane(body);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.getVerticalScrollBar().setUnitIncrement(24);
        root.add(emptyState(), EMPTY);
        root.add(scroll, FEATURE);
        cards.show(root, EMPTY);
        root.setName("detail");
        root.getAccessibleContext().setAccessibleName("Feature detail");
        root.setMinimumSize(new Dimension(280, 200));
        root.setPreferredSize(new Dimension(400, 600));
    }

    /**
     * What the panel shows while no feature is selected: a sentence saying so and how to pick one, rather than the
     * feature's section headings over nothing.
     */
    private static JComponent emptyState() {
        JLabel title = PlainText.label("No feature selected");
        title.setName("detail.empty");
        title.setFont(title.getFont().deriveFont(Font.BOLD, title.getFont().getSize2D() * 1.25f));
        title.setAlignmentX(Component.CENTER_ALIGNMENT);
        title.setHorizontalAlignment(SwingConstants.CENTER);
        JTextArea hint = new JTextArea(1, 20) {
            @Override
            public void updateUI() { // greyed in either theme, also after a switch
                super.updateUI();
                setForeground(javax.swing.UIManager.getColor("Label.disabledForeground"));
            }
        };
        hint.setEditable(false);
        hint.setLineWrap(true);
        hint.setWrapStyleWord(true);
        hint.setOpaque(false);
        hint.setBorder(null);
        hint.setText("Select a card on the Board or a row in the Table to see its steps, dependencies, claim and history here.");
        hint.getAccessibleContext().setAccessibleName("How to show a feature");
        hint.setAlignmentX(Component.CENTER_ALIGNMENT);
        hint.setMaximumSize(new Dimension(320, Integer.MAX_VALUE));
        JPanel panel = new JPanel();
        panel.setLayout(new BoxLayout(panel, BoxLayout.Y_AXIS));
        panel.setBorder(BorderFactory.createEmptyBorder(24, 16, 16, 16));
        panel.add(Box.createVerticalGlue());
        panel.add(title);
        panel.add(Box.createVerticalStrut(8));
        panel.add(hint);
        panel.add(Box.createVerticalGlue());
        panel.getAccessibleContext().setAccessibleName("No feature selected");
        return panel;
    }

    public JComponent component() {
        return root;
    }

    /** The feature shown, if loaded. */
    public Optional<Feature> feature() {
        return Optional.ofNullable(shown).map(Loaded::feature);
    }

    /** Shows a feature: called on the event-dispatch thread; loads off it. */
    public void show(FeatureId feature) {
        wanted = feature;
        load();
    }

    /** Shows nothing (another project was chosen). */
    public void clear() {
        wanted = null;
        shown = null;
        generation++;
        leaseClock.stop();
        heading.setText("No feature selected");
        facts.setText("Select a card or a row to see its steps, dependencies and history.");
        buttons.values().forEach(b -> {
            b.setEnabled(false);
            b.setVisible(false);
        });
        details.setText("");
        claim.setText(" ");
        steps.removeAll();
        todos.setText("");
        dependsOn.setListData(new Feature[0]);
        neededBy.setListData(new Feature[0]);
        events.setListData(new String[0]);
        cards.show(root, EMPTY);
        root.revalidate();
        root.repaint();
    }

    /** Events just committed: reloads if one is about the feature shown or one of its neighbours. */
    public void changed(List<Event> batch) {
        Loaded now = shown;
        if (wanted == null || now == null) {
            return;
        }
        for (Event e : batch) {
            FeatureId about = e.feature();
            if (about != null && (about.equals(wanted)
                    || now.dependsOn().stream().anyMatch(f -> f.id().equals(about))
                    || now.neededBy().stream().anyMatch(f -> f.id().equals(about)))) {
                load();
                return;
            }
        }
    }

    /** The buttons by verb, as shown (for tests). */
    public Map<String, JButton> buttons() {
        return buttons;
    }

    /** The step check boxes, as shown (for tests). */
    public List<JCheckBox> stepBoxes() {
        List<JCheckBox> boxes = new ArrayList<>();
        for (Component c : steps.getComponents()) {
            if (c instanceof JCheckBox box) {
                boxes.add(box);
            }
        }
        return boxes;
    }

    private void load() {
        FeatureId id = wanted;
        if (id == null) {
            return;
        }
        long load = ++generation;
        Background.run(storeExecutor, () -> read(id), loaded -> {
            if (load == generation) {
                paint(loaded);
            }
        }, error -> actions.tell("Could not show the feature: " + Background.message(error)));
    }

    private Loaded read(FeatureId id) {
        Feature f = ijoka.features().get(id);
        List<Feature> deps = new ArrayList<>();
        for (Dependency d : ijoka.dependencies().of(id)) {
            ijoka.features().find(d.dependency()).ifPresent(deps::add);
        }
        List<Feature> dependents = new ArrayList<>();
        for (Dependency d : ijoka.dependencies().dependentsOf(id)) {
            ijoka.features().find(d.dependent()).ifPresent(dependents::add);
        }
        List<Event> history = ijoka.events().query(EventQuery.latest(f.project(), EVENTS_SHOWN).forFeature(id));
        Session holder = f.claim() == null ? null : ijoka.sessions().find(f.claim().session()).orElse(null);
        // Worded here, off the event-dispatch thread: the words name other features and agents, read from the store.
        Map<FeatureId, String> refs = new HashMap<>();
        Map<SessionId, String> agents = new HashMap<>();
        List<String> lines = history.stream().map(e -> EventLines.line(e,
                other -> refs.computeIfAbsent(other, o -> ijoka.features().find(o).map(Feature::ref).orElse(o.value())),
                session -> agents.computeIfAbsent(session,
                        s -> ijoka.sessions().find(s).map(Session::agent).orElse(s.value())))).toList();
        return new Loaded(f, deps, dependents, lines, holder, ijoka.sessions().featureTodos(id).orElse(null));
    }

    private void paint(Loaded loaded) {
        shown = loaded;
        cards.show(root, FEATURE);
        Feature f = loaded.feature();
        heading.setText(f.ref() + "  " + f.description());
        facts.setText(StatusStyle.title(f.status()) + " · " + f.category().wireName() + " · " + f.kind().wireName()
                + " · priority " + f.priority()
                + (f.blockReason() == null ? "" : " · blocked: " + PlainText.excerpt(f.blockReason(), 120)));
        // Only what the state machine allows from here: a button that can only be refused is noise.
        buttons.forEach((verb, b) -> {
            boolean offered = FeatureActions.applies(verb, f.status());
            b.setVisible(offered);
            b.setEnabled(offered);
        });
        details.setText(f.details() == null || f.details().isBlank() ? "(no details)" : f.details());
        steps.removeAll();
        if (f.steps().isEmpty()) {
            steps.add(PlainText.label("(no steps)"));
        }
        for (int i = 0; i < f.steps().size(); i++) {
            Step s = f.steps().get(i);
            JCheckBox box = PlainText.plain(new JCheckBox(s.text(), s.done()));
            box.getAccessibleContext().setAccessibleName("Step " + (i + 1) + ": " + s.text());
            int index = i;
            box.addActionListener(e -> checkStep(f, index, box.isSelected()));
            box.setAlignmentX(Component.LEFT_ALIGNMENT);
            steps.add(box);
        }
        todos.setText(todoText(loaded.todos()));
        dependsOn.setListData(loaded.dependsOn().toArray(Feature[]::new));
        neededBy.setListData(loaded.neededBy().toArray(Feature[]::new));
        events.setListData(loaded.events().toArray(String[]::new));
        showClaim();
        if (f.claim() != null) {
            leaseClock.start();
        } else {
            leaseClock.stop();
        }
        root.revalidate();
        root.repaint();
    }

    /**
     * The agent's own list (kept by the hooks, apart from the steps): how far through it, then each item with
     * its status; the item in progress in its activeForm. Plain text in a text area: never HTML.
     */
    static String todoText(@Nullable AgentPlan plan) {
        if (plan == null || plan.items().isEmpty()) {
            return "(none reported)";
        }
        StringBuilder b = new StringBuilder(plan.line());
        for (AgentTodo item : plan.items()) {
            b.append('\n').append(switch (item.status()) {
                case COMPLETED -> "✓ " + item.content();
                case IN_PROGRESS -> "▶ " + item.doing();
                case PENDING -> "○ " + item.content();
            });
        }
        return b.toString();
    }

    /** The agent's todo list as shown (for tests). */
    public String todosText() {
        return todos.getText();
    }

    /** The claim line, with the lease counted down by the engine's clock (not the wall clock). */
    private void showClaim() {
        Loaded loaded = shown;
        if (loaded == null || loaded.feature().claim() == null) {
            claim.setText("Nobody holds it.");
            return;
        }
        var c = loaded.feature().claim();
        String who = loaded.claimHolder() == null ? "session " + c.session().value()
                : loaded.claimHolder().agent() + ", session " + c.session().value();
        Duration left = Duration.between(ijoka.clock().instant(), c.leaseUntil());
        claim.setText("Claimed by " + who + "\n" + capitalized(lease(left)));
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String lease(Duration left) {
        if (left.isNegative() || left.isZero()) {
            return "lease lapsed: another session may take it over";
        }
        long s = left.toSeconds();
        return "lease ends in " + (s >= 3600 ? s / 3600 + ":" + String.format("%02d:%02d", s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60));
    }

    private void checkStep(Feature f, int index, boolean done) {
        Background.run(storeExecutor, () -> ijoka.features().checkStep(f.id(), index, done, null),
                updated -> load(),
                error -> {
                    actions.tell(f.ref() + ": " + Background.message(error));
                    load();
                });
    }

    private void run(String verb) {
        Loaded loaded = shown;
        if (loaded == null) {
            return;
        }
        buttons.values().forEach(b -> b.setEnabled(false));
        commands.run(root, loaded.feature(), verb, accepted -> load());
    }

    private JList<Feature> featureList(String name) {
        JList<Feature> list = new JList<>();
        list.setVisibleRowCount(4);
        list.getAccessibleContext().setAccessibleName(name);
        list.setCellRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> l, Object value, int index, boolean selected, boolean focused) {
                Feature f = (Feature) value;
                super.getListCellRendererComponent(l, f.ref() + "  " + f.description() + "  (" + StatusStyle.title(f.status()) + ")",
                        index, selected, focused);
                return this;
            }
        });
        PlainText.plain((JComponent) list.getCellRenderer());
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    open(list.getSelectedValue());
                }
            }
        });
        list.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "openFeature");
        list.getActionMap().put("openFeature", new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                open(list.getSelectedValue());
            }
        });
        return list;
    }

    private void open(@Nullable Feature f) {
        if (f != null) {
            actions.openFeature(f.project(), f.id());
        }
    }

    private static JTextArea text() {
        JTextArea area = new JTextArea(1, 20);
        area.setEditable(false);
        area.setLineWrap(true);
        area.setWrapStyleWord(true);
        area.setOpaque(false);
        area.setBorder(null);
        area.setMargin(new java.awt.Insets(0, 0, 0, 0));
        area.getAccessibleContext().setAccessibleName("Details of the feature");
        return area;
    }

    private static void section(JPanel body, String title, JComponent content) {
        JLabel label = new JLabel(title);
        label.setFont(label.getFont().deriveFont(Font.BOLD));
        label.setBorder(BorderFactory.createEmptyBorder(10, 0, 4, 0));
        label.setAlignmentX(Component.LEFT_ALIGNMENT);
        label.setLabelFor(content);
        content.setAlignmentX(Component.LEFT_ALIGNMENT);
        body.add(label);
        body.add(content);
    }

    /** The scrolling body: as wide as the viewport, so the details wrap instead of scrolling sideways. */
    private static final class Body extends JPanel implements Scrollable {
        @Override
        public Dimension getPreferredScrollableViewportSize() {
            return getPreferredSize();
        }

        @Override
        public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
            return 24;
        }

        @Override
        public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
            return orientation == SwingConstants.VERTICAL ? visible.height - 24 : visible.width - 24;
        }

        @Override
        public boolean getScrollableTracksViewportWidth() {
            return true;
        }

        @Override
        public boolean getScrollableTracksViewportHeight() {
            return false;
        }
    }
}
