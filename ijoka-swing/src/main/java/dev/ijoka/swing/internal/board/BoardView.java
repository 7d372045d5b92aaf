package dev.ijoka.swing.internal.board;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Status;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.swing.internal.DesktopActions;
import dev.ijoka.swing.internal.ProjectView;
import dev.ijoka.swing.internal.ui.Background;
import dev.ijoka.swing.internal.ui.ChangedFeatures;
import dev.ijoka.swing.internal.ui.FeatureActions;
import dev.ijoka.swing.internal.ui.PaintTrace;
import dev.ijoka.swing.internal.ui.PlainText;
import dev.ijoka.swing.internal.ui.ReasonPrompt;
import dev.ijoka.swing.internal.ui.StatusStyle;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Font;
import java.awt.GridLayout;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.swing.BorderFactory;
import javax.swing.DropMode;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.AbstractAction;
import java.awt.event.ActionEvent;
import org.jspecify.annotations.Nullable;

/**
 * The Board: a column per status, each a {@link JList} of cards drawn by one renderer, so 10,000 features are
 * four components. Dragging a card to another column runs the command the web board runs for that move; the
 * card moves at once and snaps back, with the engine's message, if the engine refuses. Selecting a card (click,
 * or the arrow keys and Enter) opens its detail. The keyboard moves cards too, through the same commands:
 * Ctrl+Right and Ctrl+Left move the selected card to the next or previous column, and the context menu
 * (Shift+F10, the menu key or a right click) lists the commands its status allows ("Start: move to In progress").
 */
public final class BoardView implements ProjectView {

    /** Past this many changed features in one batch the board reloads whole instead of one by one. */
    private static final int RELOAD_ABOVE = 200;

    private final Ijoka ijoka;
    private final Executor storeExecutor;
    private final DesktopActions actions;
    private final FeatureActions commands;
    private final JPanel root = new JPanel(new GridLayout(1, Status.values().length, 8, 0));
    private final Map<Status, CardListModel> models = new EnumMap<>(Status.class);
    private final Map<Status, JList<Feature>> lists = new EnumMap<>(Status.class);
    private final Map<Status, JLabel> headers = new EnumMap<>(Status.class);
    private final Map<FeatureId, Feature> features = new HashMap<>();
    /** One renderer for every column, so that the agents' todo lists are handed over once. */
    private final CardRenderer renderer = new CardRenderer();
    private @Nullable ProjectId project;
    private @Nullable ProjectId preloadedFor;
    private @Nullable List<Feature> preloaded;
    private long generation;
    private boolean restoringSelection;
    /** The card last selected, kept selected (in whichever column it is) across moves and reloads. */
    private @Nullable FeatureId selectedCard;
    private boolean loadedOnce;
    /** Whether a project's cards (perhaps none) have been read and put in the columns. */
    private boolean loaded;
    private boolean firstPaintTraced;
    /** Completed after a column was first painted with the project's cards. */
    private final CompletableFuture<Void> firstPainted = new CompletableFuture<>();
    /** Changes from the store not yet painted, by the column they go to (only with the trace on). */
    private final Map<FeatureId, Status> tracedChanges = new HashMap<>();

    public BoardView(Ijoka ijoka, Executor storeExecutor, DesktopActions actions) {
        this(ijoka, storeExecutor, actions, ReasonPrompt.DIALOG);
    }

    public BoardView(Ijoka ijoka, Executor storeExecutor, DesktopActions actions, ReasonPrompt prompt) {
        this.ijoka = ijoka;
        this.storeExecutor = storeExecutor;
        this.actions = actions;
        this.commands = new FeatureActions(ijoka, storeExecutor, actions::tell, prompt);
        CardTransfer transfer = new CardTransfer(this);
        root.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        for (Status status : Status.values()) {
            CardListModel model = new CardListModel();
            JList<Feature> list = new ColumnList(model, () -> painted(status));
            list.setCellRenderer(renderer);
            list.setPrototypeCellValue(CardRenderer.PROTOTYPE);
            // The prototype fixes the height; a small fixed width lets cells take the column's width (no sideways scrolling).
            list.setFixedCellWidth(120);
            list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
            list.setDragEnabled(true);
            list.setDropMode(DropMode.ON_OR_INSERT);
            list.setTransferHandler(transfer);
            list.setName("board." + status.wireName());
            list.getAccessibleContext().setAccessibleName(StatusStyle.title(status) + " column");
            list.addListSelectionListener(e -> {
                if (!e.getValueIsAdjusting()) {
                    selected(status, list.getSelectedValue());
                }
            });
            list.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "openCard");
            list.getActionMap().put("openCard", new AbstractAction() {
                @Override
                public void actionPerformed(ActionEvent e) {
                    Feature f = list.getSelectedValue();
                    if (f != null && project != null) {
                        actions.openFeature(project, f.id());
                    }
                }
            });
            keyboardMoves(status, list);
            JLabel header = PlainText.label(StatusStyle.title(status));
            header.setFont(header.getFont().deriveFont(Font.BOLD));
            header.setBorder(BorderFactory.createCompoundBorder(
                    BorderFactory.createMatteBorder(0, 0, 3, 0, StatusStyle.colour(status)),
                    BorderFactory.createEmptyBorder(4, 4, 4, 4)));
            header.setLabelFor(list);
            JScrollPane scroll = new JScrollPane(list, JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED,
                    JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
            scroll.getVerticalScrollBar().setUnitIncrement(24);
            JPanel column = new JPanel(new BorderLayout(0, 6));
            column.add(header, BorderLayout.NORTH);
            column.add(scroll, BorderLayout.CENTER);
            root.add(column);
            models.put(status, model);
            lists.put(status, list);
            headers.put(status, header);
        }
        root.setName("board");
    }

    @Override
    public String title() {
        return "Board";
    }

    @Override
    public JComponent component() {
        return root;
    }

    @Override
    public void show(ProjectId shown) {
        if (!shown.equals(project)) {
            selectedCard = null;
        }
        project = shown;
        long load = ++generation;
        features.clear();
        refreshColumns(Set.of(Status.values()));
        List<Feature> ready = preloaded != null && shown.equals(preloadedFor) ? preloaded : null;
        preloaded = null;
        preloadedFor = null;
        Background.run(storeExecutor, () -> ready != null ? ready : ijoka.features().list(shown), all -> {
            if (load == generation) {
                features.clear();
                all.forEach(f -> features.put(f.id(), f));
                refreshColumns(Set.of(Status.values()));
                loadedOnce = !all.isEmpty();
                loaded = true;
            }
        }, error -> actions.tell("Could not load the board: " + Background.message(error)));
        loadTodos(shown, load);
    }

    /** Reads the agents' todo lists of the project off the event-dispatch thread and redraws the cards with them. */
    private void loadTodos(ProjectId shown, long load) {
        Background.run(storeExecutor, () -> ijoka.sessions().featureTodos(shown), byFeature -> {
            if (load == generation) {
                renderer.todos(byFeature);
                lists.values().forEach(JList::repaint);
            }
        }, error -> actions.tell("Could not load the agents' todo lists: " + Background.message(error)));
    }

    @Override
    public void changed(List<Event> events) {
        ProjectId shown = project;
        if (shown == null) {
            return;
        }
        if (events.stream().anyMatch(e -> e.payload() instanceof EventPayload.TodoEvent && shown.equals(e.project()))) {
            loadTodos(shown, generation);
        }
        Set<FeatureId> ids = ChangedFeatures.in(shown, events);
        if (ids.isEmpty()) {
            return;
        }
        if (ids.size() > RELOAD_ABOVE) {
            show(shown);
            return;
        }
        long load = generation;
        Background.run(storeExecutor, () -> ChangedFeatures.read(ijoka, ids), fresh -> {
            if (load == generation) {
                fresh.forEach(this::put);
                if (PaintTrace.on()) {
                    fresh.forEach(f -> tracedChanges.put(f.id(), f.status()));
                }
            }
        }, error -> actions.tell("Could not update the board: " + Background.message(error)));
    }

    /**
     * The cards of {@code project} as the window read them while it was being built: the next {@link #show} of that
     * project takes them instead of reading the store again. On the event-dispatch thread.
     */
    public void preload(ProjectId project, List<Feature> cards) {
        preloadedFor = project;
        preloaded = List.copyOf(cards);
    }

    /** Completes once a column has been painted with the cards of the first project shown (on the event-dispatch thread). */
    public CompletionStage<Void> firstPainted() {
        return firstPainted.minimalCompletionStage();
    }

    /** The cards of one column, as shown. */
    public List<Feature> cards(Status status) {
        return models.get(status).cards();
    }

    /** The list that draws one column (for drag and drop, keyboard focus and tests). */
    public JList<Feature> column(Status status) {
        return lists.get(status);
    }

    /** The column a drop landed on, or null if it was not one. */
    @Nullable Status statusOf(Component target) {
        for (Map.Entry<Status, JList<Feature>> e : lists.entrySet()) {
            if (e.getValue() == target) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * Moves a card: shown in the target column at once, then the command runs off the event-dispatch thread;
     * a refusal (or a cancelled reason) puts the card back where it was and tells the engine's message.
     */
    void move(Feature feature, Status to) {
        Optional<String> verb = FeatureActions.verbFor(feature.status(), to);
        if (verb.isEmpty()) {
            actions.tell("No command moves a feature from " + StatusStyle.title(feature.status()).toLowerCase()
                    + " to " + StatusStyle.title(to).toLowerCase() + ": block it with a reason, or complete it.");
            return;
        }
        Feature before = features.getOrDefault(feature.id(), feature);
        put(before.withStatus(to, before.blockReason(), before.claim(), before.completedAt()));
        // After the drop has finished: asking why (a modal dialog) inside the drop would hold the drag open.
        SwingUtilities.invokeLater(() -> commands.run(root, before, verb.get(), accepted -> {
            if (!accepted) {
                put(before); // snap back
            } else {
                changedFeature(before.id());
            }
        }));
    }

    /** Ctrl+Right / Ctrl+Left and the context menu: the keyboard's way to do what a drag does. */
    private void keyboardMoves(Status status, JList<Feature> list) {
        List<Status> order = List.of(Status.values());
        for (int step : new int[] {1, -1}) {
            String name = step > 0 ? "moveCardRight" : "moveCardLeft";
            list.getInputMap().put(KeyStroke.getKeyStroke(step > 0 ? KeyEvent.VK_RIGHT : KeyEvent.VK_LEFT,
                    InputEvent.CTRL_DOWN_MASK), name);
            list.getActionMap().put(name, new AbstractAction(step > 0 ? "Move to the next column" : "Move to the previous column") {
                @Override
                public void actionPerformed(ActionEvent e) {
                    int to = order.indexOf(status) + step;
                    Feature f = list.getSelectedValue();
                    if (f != null && to >= 0 && to < order.size()) {
                        moveFromKeyboard(f, order.get(to));
                    }
                }
            });
        }
        list.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_F10, InputEvent.SHIFT_DOWN_MASK), "cardMenu");
        list.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_CONTEXT_MENU, 0), "cardMenu");
        list.getActionMap().put("cardMenu", new AbstractAction("Commands of the card") {
            @Override
            public void actionPerformed(ActionEvent e) {
                int index = list.getSelectedIndex();
                if (index >= 0) {
                    java.awt.Rectangle cell = list.getCellBounds(index, index);
                    menuFor(list.getSelectedValue()).show(list, cell.x + 16, cell.y + 16);
                }
            }
        });
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                popup(e);
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                popup(e);
            }

            private void popup(MouseEvent e) {
                int index = list.locationToIndex(e.getPoint());
                if (e.isPopupTrigger() && index >= 0 && list.getCellBounds(index, index).contains(e.getPoint())) {
                    list.setSelectedIndex(index);
                    menuFor(list.getModel().getElementAt(index)).show(list, e.getX(), e.getY());
                }
            }
        });
    }

    /** The commands the card's status allows, each named with the column it leads to. */
    JPopupMenu menuFor(Feature f) {
        JPopupMenu menu = new JPopupMenu();
        menu.getAccessibleContext().setAccessibleName("Commands of " + f.ref());
        for (String verb : FeatureActions.allowed(f.status())) {
            Status to = FeatureActions.target(verb);
            JMenuItem item = new JMenuItem(FeatureActions.label(verb) + "  (move to " + StatusStyle.title(to) + ")");
            item.setName("card." + verb);
            item.getAccessibleContext().setAccessibleName(FeatureActions.label(verb).replace("…", "") + " " + f.ref()
                    + ": move it to " + StatusStyle.title(to));
            item.addActionListener(e -> moveFromKeyboard(f, to));
            menu.add(item);
        }
        JMenuItem open = new JMenuItem("Open details");
        open.getAccessibleContext().setAccessibleName("Open the details of " + f.ref());
        open.addActionListener(e -> {
            if (project != null) {
                actions.openFeature(project, f.id());
            }
        });
        menu.addSeparator();
        menu.add(open);
        return menu;
    }

    /** A move from the keyboard or the menu: as a drop, then the card keeps the focus in its new column. */
    void moveFromKeyboard(Feature shown, Status to) {
        Feature f = features.getOrDefault(shown.id(), shown);
        if (f.status() == to) {
            return;
        }
        move(f, to);
        JList<Feature> target = lists.get(to);
        int index = models.get(to).indexOf(f.id());
        if (index >= 0) { // the command still runs; a refusal snaps the card back and says why
            target.setSelectedIndex(index);
            target.ensureIndexIsVisible(index);
            target.requestFocusInWindow();
        }
    }

    private void changedFeature(FeatureId id) {
        long load = generation;
        Background.run(storeExecutor, () -> ijoka.features().find(id), fresh -> {
            if (load == generation) {
                fresh.ifPresent(this::put);
            }
        }, error -> actions.tell("Could not update the board: " + Background.message(error)));
    }

    private void put(Feature f) {
        if (project == null || !project.equals(f.project())) {
            return;
        }
        Feature old = features.put(f.id(), f);
        Set<Status> touched = old == null ? EnumSet.of(f.status()) : EnumSet.of(old.status(), f.status());
        refreshColumns(touched);
    }

    private void refreshColumns(Set<Status> statuses) {
        Map<Status, List<Feature>> byStatus = new EnumMap<>(Status.class);
        for (Status s : statuses) {
            byStatus.put(s, new ArrayList<>());
        }
        for (Feature f : features.values()) {
            List<Feature> column = byStatus.get(f.status());
            if (column != null) {
                column.add(f);
            }
        }
        for (Map.Entry<Status, List<Feature>> e : byStatus.entrySet()) {
            JList<Feature> list = lists.get(e.getKey());
            models.get(e.getKey()).replace(e.getValue()); // clears the list's selection
            int index = selectedCard == null ? -1 : models.get(e.getKey()).indexOf(selectedCard);
            if (index >= 0) {
                restoringSelection = true;
                try {
                    list.setSelectedIndex(index);
                } finally {
                    restoringSelection = false;
                }
            }
            headers.get(e.getKey()).setText(StatusStyle.title(e.getKey()) + " · " + e.getValue().size());
        }
    }

    /**
     * After a column is painted (with {@code IJOKA_DESKTOP_TRACE} set): the benchmark's marks for the first paint
     * with the project's cards, and for each change from the store once it is painted in its column.
     */
    private void painted(Status status) {
        if (loaded && !firstPainted.isDone()) {
            firstPainted.complete(null);
        }
        if (!PaintTrace.on()) {
            return;
        }
        if (!firstPaintTraced && loadedOnce) {
            firstPaintTraced = true;
            PaintTrace.say("board-painted features=" + features.size());
        }
        tracedChanges.entrySet().removeIf(e -> {
            Feature f = features.get(e.getKey());
            if (f != null && f.status() == status && e.getValue() == status) {
                PaintTrace.say("change-painted number=" + f.number() + " status=" + status.wireName());
                return true;
            }
            return false;
        });
    }

    /** A column: the panel's colour behind the cards, kept across theme switches. */
    private static final class ColumnList extends JList<Feature> {
        private final Runnable afterPaint;

        ColumnList(CardListModel model, Runnable afterPaint) {
            super(model);
            this.afterPaint = afterPaint;
        }

        @Override
        protected void paintComponent(java.awt.Graphics g) {
            super.paintComponent(g);
            afterPaint.run();
        }

        @Override
        public void updateUI() {
            super.updateUI();
            java.awt.Color panel = javax.swing.UIManager.getColor("Panel.background");
            if (panel != null) {
                setBackground(panel);
            }
            Feature prototype = getPrototypeCellValue();
            if (prototype != null && getCellRenderer() != null) {
                // The new theme's fonts give the cells their height.
                setFixedCellHeight(getCellRenderer().getListCellRendererComponent(this, prototype, 0, false, false)
                        .getPreferredSize().height);
                setFixedCellWidth(120);
            }
        }
    }

    private void selected(Status status, @Nullable Feature f) {
        if (f == null || project == null || restoringSelection) {
            return;
        }
        selectedCard = f.id();
        lists.forEach((s, other) -> {
            if (s != status) {
                other.clearSelection();
            }
        });
        actions.openFeature(project, f.id());
    }
}
