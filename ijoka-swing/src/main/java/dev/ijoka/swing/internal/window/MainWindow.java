package dev.ijoka.swing.internal.window;

import com.formdev.flatlaf.util.SystemFileChooser;
import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventType;
import dev.ijoka.swing.internal.DesktopActions;
import dev.ijoka.swing.internal.ProjectView;
import dev.ijoka.swing.internal.board.BoardView;
import dev.ijoka.swing.internal.chart.BurnUpChart;
import dev.ijoka.swing.internal.detail.DetailPanel;
import dev.ijoka.swing.internal.graph.GraphView;
import dev.ijoka.swing.internal.live.LiveHub;
import dev.ijoka.swing.internal.rules.RulesView;
import dev.ijoka.swing.internal.table.TableView;
import dev.ijoka.swing.internal.timeline.TimelineView;
import dev.ijoka.swing.internal.ui.Background;
import dev.ijoka.swing.internal.ui.PaintTrace;
import dev.ijoka.swing.internal.ui.PlainText;
import dev.ijoka.swing.internal.ui.ReasonPrompt;
import java.awt.BorderLayout;
import java.awt.Desktop;
import java.awt.Dimension;
import java.awt.Frame;
import java.awt.Toolkit;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window: the project list on the left, the selected project's views as tabs in the middle, the selected
 * feature's detail on the right, a message bar below. It is the {@link DesktopActions} the tray, notifications
 * and links talk to. Every store call goes through the store executor; the window only paints.
 */
public final class MainWindow implements DesktopActions {

    private static final Logger log = LoggerFactory.getLogger(MainWindow.class);

    private final Ijoka ijoka;
    private final ExecutorService storeExecutor;
    /** The web dashboard's address: known once the server listens, which {@code ijoka desktop} starts after the first paint. */
    private final CompletionStage<URI> dashboard;
    /** Completed once the window has painted what it opened on: the Board with its cards, or no project at all. */
    private final CompletableFuture<Void> firstShown = new CompletableFuture<>();
    /** The projects and the first project's cards, read while the window is built; see {@link #readOpening()}. */
    private final CompletableFuture<Opening> opening;
    /** Whether a change arrived before the first project was shown: the cards read for it may be stale. */
    private boolean changedWhileOpening;

    /** What the window opens on: the listed projects and, for the first of them, its cards. */
    private record Opening(List<ProjectRow> rows, @Nullable ProjectId first, List<Feature> cards) {}
    private final Runnable quit;
    private final ReasonPrompt prompt;
    private final HiddenProjects hidden;
    private final JFrame frame = new JFrame("Ijoka");
    private final JTabbedPane tabs = new JTabbedPane();
    private final JLabel message = PlainText.label(" ");
    private final JPanel messageBar = new JPanel(new BorderLayout(8, 0));
    private final ProjectListPanel projectList;
    /** The tabs' views, in tab order: the Board built with the window, each other one when its tab is first chosen. */
    private final List<LazyView> views;
    /** The project each view shows (a view not yet shown since the project was chosen has none). */
    private final Map<ProjectView, ProjectId> showing = new java.util.IdentityHashMap<>();
    private final DetailPanel detail;
    private volatile @Nullable LiveHub live;
    private @Nullable ProjectId current;
    private volatile boolean keptInTray;
    private long projectsGeneration;
    /** The project to select once the list is loaded again (one just added or opened by a link). */
    private @Nullable ProjectId selectNext;
    /** A feature to show once its project is shown (a link or notification into another project). */
    private @Nullable FeatureId featureNext;

    /** Builds the window (on the event-dispatch thread); {@link #open()} shows it and starts loading. */
    public MainWindow(Ijoka ijoka, ExecutorService storeExecutor, URI dashboard, Path dataDirectory, Runnable quit,
            ReasonPrompt prompt) {
        this(ijoka, storeExecutor, CompletableFuture.completedFuture(dashboard), dataDirectory, quit, prompt);
    }

    /** The same, with the dashboard's address to come (the web server starts after the window's first paint). */
    public MainWindow(Ijoka ijoka, ExecutorService storeExecutor, CompletionStage<URI> dashboard, Path dataDirectory,
            Runnable quit, ReasonPrompt prompt) {
        this.ijoka = ijoka;
        this.storeExecutor = storeExecutor;
        this.dashboard = dashboard;
        this.quit = quit;
        this.prompt = prompt;
        this.hidden = new HiddenProjects(dataDirectory);
        // What the window opens on is read while it is being built (the store thread is idle meanwhile): the
        // subscription to changes first, so that none is missed, then the projects and the first one's cards.
        this.opening = CompletableFuture.supplyAsync(this::readOpening, storeExecutor);
        this.projectList = new ProjectListPanel(this::chooseFolder, this::removeSelectedProject, this::showProject);
        this.views = views();
        this.detail = new DetailPanel(ijoka, storeExecutor, this, prompt);
        board().firstPainted().thenRun(() -> firstShown.complete(null));
        layOut();
    }

    /**
     * The project's views, in tab order: the one place they are listed. Only the Board is built with the window:
     * the others (the Graph's canvas, the burn-up's JFreeChart, the Rules' forms, ...) are built when their tab is
     * first chosen, so that the window's first paint does not wait for views nobody looks at yet
     * (docs/benchmarks.md, "Desktop app").
     */
    private List<LazyView> views() {
        LazyView board = new LazyView("Board", () -> new BoardView(ijoka, storeExecutor, this, prompt));
        board.get();
        return List.of(board,
                new LazyView("Table", () -> new TableView(ijoka, storeExecutor, this)),
                new LazyView("Timeline", () -> new TimelineView(ijoka, storeExecutor, this)),
                new LazyView("Graph", () -> new GraphView(ijoka, storeExecutor, this)),
                new LazyView("Rules", () -> new RulesView(ijoka, storeExecutor, this)),
                new LazyView("Progress", () -> new BurnUpChart(ijoka, storeExecutor)));
    }

    /** A tab's view, built on the event-dispatch thread the first time it is asked for. */
    private static final class LazyView {
        final String title;
        private final java.util.function.Supplier<ProjectView> make;
        private @Nullable ProjectView built;

        LazyView(String title, java.util.function.Supplier<ProjectView> make) {
            this.title = title;
            this.make = make;
        }

        ProjectView get() {
            if (built == null) {
                built = make.get();
            }
            return built;
        }

        @Nullable ProjectView ifBuilt() {
            return built;
        }
    }

    private BoardView board() {
        return (BoardView) views.getFirst().get();
    }

    /** The view of tab {@code index}, built (and put in its tab) if this is the first time it is needed. */
    private ProjectView view(int index) {
        LazyView lazy = views.get(index);
        boolean fresh = lazy.ifBuilt() == null;
        ProjectView v = lazy.get();
        if (fresh) {
            tabs.setComponentAt(index, v.component());
        }
        return v;
    }

    /**
     * What a tab holds until its view is built: empty, but asking for the room the widest view asks for (the Table's
     * title column of 60 characters beside its short ones), so that the window is laid out as with every view built
     * (the split pane gives the views the width and the detail its least).
     */
    private static JPanel unbuilt() {
        JPanel placeholder = new JPanel();
        placeholder.setPreferredSize(new Dimension(1200, 600));
        return placeholder;
    }

    private void layOut() {
        for (LazyView v : views) {
            ProjectView built = v.ifBuilt();
            tabs.addTab(v.title, built != null ? built.component() : unbuilt());
        }
        tabs.addChangeListener(e -> showSelectedView());
        tabs.getAccessibleContext().setAccessibleName("Views of the project");
        JSplitPane right = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, tabs, detail.component());
        right.setResizeWeight(1.0); // a wider window widens the views; the detail keeps its width
        right.setContinuousLayout(true);
        JSplitPane main = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, projectList, right);
        main.setResizeWeight(0);
        main.setDividerLocation(210); // room for a project's name and bar; the views need the width more
        main.setContinuousLayout(true);

        message.setName("message");
        message.getAccessibleContext().setAccessibleName("Message");
        JButton dismiss = new JButton("Dismiss");
        dismiss.getAccessibleContext().setAccessibleName("Dismiss the message");
        dismiss.addActionListener(e -> messageBar.setVisible(false));
        messageBar.add(message, BorderLayout.CENTER);
        messageBar.add(dismiss, BorderLayout.EAST);
        messageBar.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(1, 0, 0, 0, javax.swing.UIManager.getColor("Component.borderColor")),
                BorderFactory.createEmptyBorder(6, 10, 6, 6)));
        messageBar.setVisible(false);

        frame.setJMenuBar(menus());
        frame.getContentPane().add(main, BorderLayout.CENTER);
        frame.getContentPane().add(messageBar, BorderLayout.SOUTH);
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                closeWindow();
            }
        });
        frame.setIconImages(AppIcon.images());
        frame.setMinimumSize(new Dimension(900, 560));
        frame.setSize(new Dimension(1440, 900));
        frame.setLocationByPlatform(true);
        frame.getAccessibleContext().setAccessibleName("Ijoka");
    }

    private JMenuBar menus() {
        int shortcut = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        JMenu file = new JMenu("File");
        file.setMnemonic('F');
        file.add(item("Add project…", 'A', KeyStroke.getKeyStroke(KeyEvent.VK_O, shortcut), this::chooseFolder));
        file.add(item("Remove from list", 'R', null, this::removeSelectedProject));
        file.addSeparator();
        file.add(item("Open in browser", 'B', KeyStroke.getKeyStroke(KeyEvent.VK_B, shortcut), this::openInBrowser));
        file.addSeparator();
        file.add(item("Close window", 'C', KeyStroke.getKeyStroke(KeyEvent.VK_W, shortcut), this::closeWindow));
        file.add(item("Quit", 'Q', KeyStroke.getKeyStroke(KeyEvent.VK_Q, shortcut), this::quit));
        JMenu view = new JMenu("View");
        view.setMnemonic('V');
        JCheckBoxMenuItem dark = new JCheckBoxMenuItem("Dark theme", Themes.isDark());
        dark.setMnemonic('D');
        dark.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_D, shortcut | InputEvent.SHIFT_DOWN_MASK));
        dark.getAccessibleContext().setAccessibleName("Dark theme");
        dark.addActionListener(e -> Themes.switchTo(dark.isSelected()));
        view.add(dark);
        for (int i = 0; i < views.size(); i++) {
            int tab = i;
            view.add(item(views.get(i).title, (char) 0, KeyStroke.getKeyStroke(KeyEvent.VK_1 + i, shortcut),
                    () -> tabs.setSelectedIndex(tab)));
        }
        JMenuBar bar = new JMenuBar();
        bar.add(file);
        bar.add(view);
        return bar;
    }

    private static JMenuItem item(String text, char mnemonic, @Nullable KeyStroke key, Runnable action) {
        JMenuItem item = new JMenuItem(text);
        if (mnemonic != 0) {
            item.setMnemonic(mnemonic);
        }
        item.setAccelerator(key);
        item.getAccessibleContext().setAccessibleName(text.replace("…", ""));
        item.addActionListener(e -> action.run());
        return item;
    }

    /** Shows the window and starts listening and loading. Call on the event-dispatch thread. */
    public void open() {
        open(true);
    }

    /**
     * Starts listening and loading as {@link #open()} does, with the window made displayable (its native window
     * created) but not shown when {@code show} is false: the launcher's start-up cache is trained this way, painting
     * the window into an image, so that no window flashes on the user's screen.
     */
    public void open(boolean show) {
        if (show) {
            frame.setVisible(true);
        } else {
            frame.addNotify();
            frame.validate();
        }
        long load = ++projectsGeneration;
        opening.whenComplete((o, error) -> SwingUtilities.invokeLater(() -> {
            if (error != null) {
                tell("Could not list the projects: " + Background.message(error));
                firstShown.complete(null);
            } else if (load == projectsGeneration) { // else a project was added or removed meanwhile: its read shows it
                if (o.first() != null && !changedWhileOpening) {
                    board().preload(o.first(), o.cards());
                }
                listed(o.rows());
            }
        }));
    }

    /**
     * On the store thread: subscribes to changes (subscribing reads where the log stands), then reads the listed
     * projects with their progress and the cards of the one the window shows first.
     */
    private Opening readOpening() {
        LiveHub hub = new LiveHub(ijoka);
        hub.listen(this::changed);
        live = hub;
        List<ProjectRow> rows = listedRows();
        ProjectId first = rows.isEmpty() ? null : rows.getFirst().project().id();
        List<Feature> cards = first == null ? List.of() : ijoka.features().list(first);
        PaintTrace.say("opening-read projects=" + rows.size() + " features=" + cards.size());
        return new Opening(rows, first, cards);
    }

    /** Stops listening and disposes the window; the engine stays open (its owner closes it). */
    public void dispose() {
        storeExecutor.execute(() -> {
            LiveHub hub = live;
            if (hub != null) {
                hub.close();
            }
        });
        frame.dispose();
    }

    /** Whether closing the window keeps the app running (in the tray); otherwise closing quits. */
    public void keepInTrayWhenClosed(boolean value) {
        keptInTray = value;
    }

    /**
     * Completes once the window has painted what it opened on: the first project's Board with its cards, or the
     * empty list when there is no project (or the list could not be read). What waits for it (the tray, the web
     * server) would otherwise take the CPU the first paint needs.
     */
    public CompletionStage<Void> firstShown() {
        return firstShown.minimalCompletionStage();
    }

    public JFrame frame() {
        return frame;
    }

    /**
     * The project's views in tab order, each built if its tab was never chosen (a view is built when its tab is
     * first chosen; until then it reads nothing). On the event-dispatch thread, or it is called there.
     */
    public List<ProjectView> projectViews() {
        if (!SwingUtilities.isEventDispatchThread()) {
            List<List<ProjectView>> all = new ArrayList<>();
            try {
                SwingUtilities.invokeAndWait(() -> all.add(projectViews()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the views were being built", e);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new IllegalStateException("a view could not be built: " + e.getCause(), e.getCause());
            }
            return all.getFirst();
        }
        List<ProjectView> all = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            all.add(view(i));
        }
        return List.copyOf(all);
    }

    public DetailPanel detail() {
        return detail;
    }

    /** The project shown, if any. */
    public Optional<ProjectId> currentProject() {
        return Optional.ofNullable(current);
    }

    /** The projects listed, in order. */
    public List<Project> listedProjects() {
        return projectList.rows().stream().map(ProjectRow::project).toList();
    }

    /** The progress line a project shows in the list, e.g. {@code 3/10 done}. */
    public Optional<String> progressOf(ProjectId id) {
        return projectList.rows().stream().filter(r -> r.project().id().equals(id)).findFirst()
                .map(r -> r.progress().complete() + "/" + r.progress().total() + " done");
    }

    /** The message bar's text, or empty when it is hidden. */
    public Optional<String> shownMessage() {
        return messageBar.isVisible() ? Optional.of(message.getText()) : Optional.empty();
    }

    // --- the project list ---------------------------------------------------------------------------------

    /** "Add project…": the native folder dialog (GTK's on Linux), whose choice goes to {@link #addProject}. */
    private void chooseFolder() {
        SystemFileChooser chooser = new SystemFileChooser();
        chooser.setDialogTitle("Add a project: choose its folder");
        chooser.setFileSelectionMode(SystemFileChooser.DIRECTORIES_ONLY);
        if (chooser.showOpenDialog(frame) == SystemFileChooser.APPROVE_OPTION) {
            File chosen = chooser.getSelectedFile();
            if (chosen != null) {
                addProject(chosen.toPath());
            }
        }
    }

    /**
     * Registers a folder as a project and shows it; a folder that is not a code base is refused with a message
     * and nothing is registered. The folder dialog feeds this; it may be called on any thread.
     */
    public CompletableFuture<String> addProject(Path folder) {
        CompletableFuture<String> told = new CompletableFuture<>();
        Background.run(storeExecutor, () -> {
            ProjectRegistration.Outcome outcome = ProjectRegistration.register(ijoka, folder);
            if (outcome instanceof ProjectRegistration.Outcome.Registered r) {
                hidden.show(r.project().id());
            }
            return outcome;
        }, outcome -> {
            switch (outcome) {
                case ProjectRegistration.Outcome.Registered r -> {
                    reloadProjects(r.project().id());
                    told.complete("Added " + r.project().name() + " (" + r.project().root() + ").");
                    tell(told.join());
                }
                case ProjectRegistration.Outcome.Refused refused -> {
                    tell(refused.message());
                    told.complete(refused.message());
                }
            }
        }, error -> {
            String text = "Could not add " + folder + ": " + Background.message(error);
            tell(text);
            told.complete(text);
        });
        return told;
    }

    /** "Remove from list": hides the selected project here; its data stays in the store. */
    public void removeSelectedProject() {
        Optional<ProjectId> selected = projectList.selected();
        if (selected.isEmpty()) {
            tell("Select a project to remove it from the list.");
            return;
        }
        ProjectId id = selected.get();
        String name = projectList.rows().stream().filter(r -> r.project().id().equals(id)).findFirst()
                .map(r -> r.project().name()).orElse(id.value());
        Background.run(storeExecutor, () -> {
            hidden.hide(id);
            return id;
        }, done -> {
            if (id.equals(current)) {
                current = null;
                detail.clear();
            }
            reloadProjects(null);
            tell(name + " is no longer listed here; its plan and history are kept (add its folder again to list it).");
        }, error -> tell("Could not remove " + name + " from the list: " + Background.message(error)));
    }

    private void reloadProjects(@Nullable ProjectId select) {
        if (select != null) {
            selectNext = select;
        }
        long load = ++projectsGeneration;
        Background.run(storeExecutor, this::listedRows, rows -> {
            if (load == projectsGeneration) {
                listed(rows);
            }
        }, error -> {
            tell("Could not list the projects: " + Background.message(error));
            firstShown.complete(null);
        });
    }

    /** On the store thread: the projects the list shows (all but those hidden here), with their progress. */
    private List<ProjectRow> listedRows() {
        Set<ProjectId> hiddenIds = hidden.read();
        List<ProjectRow> rows = new ArrayList<>();
        for (Project p : ijoka.projects().list()) {
            if (!hiddenIds.contains(p.id())) {
                rows.add(new ProjectRow(p, ijoka.plan().progress(p.id())));
            }
        }
        return rows;
    }

    /** Shows a fresh read of the project list, keeping (or making) a selection. On the event-dispatch thread. */
    private void listed(List<ProjectRow> rows) {
        projectList.setRows(rows);
        ProjectId want = selectNext != null ? selectNext : current;
        selectNext = null;
        if (want != null && projectList.select(want)) {
            return;
        }
        if (current == null && !rows.isEmpty()) {
            projectList.select(rows.getFirst().project().id());
        }
        if (rows.isEmpty()) {
            firstShown.complete(null); // nothing to paint but the list
        }
    }

    private void showProject(ProjectId id) {
        if (id.equals(current)) {
            return;
        }
        current = id;
        Project p = projectList.rows().stream().map(ProjectRow::project).filter(r -> r.id().equals(id)).findFirst().orElse(null);
        frame.setTitle(p == null ? "Ijoka" : p.name() + " — Ijoka");
        detail.clear();
        showSelectedView();
        FeatureId feature = featureNext;
        featureNext = null;
        if (feature != null) {
            detail.show(feature);
        }
    }

    /**
     * Shows the current project in the selected tab's view, if that view does not show it yet (or fell behind
     * while hidden). Only the selected view reads the store and follows the changes: a window opening on 10,000
     * features reads and paints the Board, not the Table, Timeline, Graph, Rules and burn-up nobody looks at,
     * and a change from an agent costs the one view on screen a read, not six (the Graph's is the whole graph).
     */
    private void showSelectedView() {
        ProjectId id = current;
        int tab = tabs.getSelectedIndex();
        if (id == null || tab < 0) {
            return;
        }
        ProjectView v = view(tab);
        if (!id.equals(showing.get(v))) {
            showing.put(v, id);
            v.show(id);
        }
    }

    // --- live ---------------------------------------------------------------------------------------------

    private void changed(List<Event> batch) {
        ProjectId shown = current;
        if (shown == null) {
            changedWhileOpening = true; // the cards read for the opening may predate it: the Board reads afresh
        }
        Set<ProjectId> touched = new LinkedHashSet<>();
        boolean projectsChanged = false;
        List<Event> ofShown = new ArrayList<>();
        for (Event e : batch) {
            if (e.type() == EventType.PROJECT_REGISTERED) {
                projectsChanged = true;
            }
            if (e.project() != null) {
                touched.add(e.project());
                if (e.project().equals(shown)) {
                    ofShown.add(e);
                }
            }
        }
        if (!ofShown.isEmpty()) {
            List<Event> events = List.copyOf(ofShown);
            int selected = tabs.getSelectedIndex();
            for (int i = 0; i < views.size(); i++) {
                ProjectView v = views.get(i).ifBuilt();
                if (v == null) {
                    continue; // never shown: it reads the project when its tab is first chosen
                }
                if (i == selected && shown.equals(showing.get(v))) {
                    v.changed(events);
                } else {
                    showing.remove(v); // out of date: it reads the project afresh when its tab is chosen
                }
            }
            detail.changed(events);
        }
        if (projectsChanged) {
            reloadProjects(null);
        } else if (!touched.isEmpty()) {
            refreshProgress(touched);
        }
    }

    private void refreshProgress(Set<ProjectId> projects) {
        List<ProjectRow> listed = projectList.rows();
        Background.run(storeExecutor, () -> {
            List<ProjectRow> fresh = new ArrayList<>();
            for (ProjectRow row : listed) {
                if (projects.contains(row.project().id())) {
                    fresh.add(new ProjectRow(row.project(), ijoka.plan().progress(row.project().id())));
                }
            }
            return fresh;
        }, fresh -> fresh.forEach(projectList::update), error -> log.warn("progress not refreshed", error));
    }

    // --- DesktopActions -----------------------------------------------------------------------------------

    @Override
    public void showWindow() {
        onEdt(() -> {
            frame.setVisible(true);
            frame.setExtendedState(frame.getExtendedState() & ~Frame.ICONIFIED);
            frame.toFront();
            frame.requestFocus();
        });
    }

    @Override
    public void openInBrowser() {
        CompletableFuture<URI> known = dashboard.toCompletableFuture();
        if (!known.isDone()) {
            tell("The web dashboard is still starting: try again in a moment.");
            return;
        }
        if (known.isCompletedExceptionally()) {
            tell("The web dashboard is not running: " + Background.message(known.handle((u, e) -> e).join()));
            return;
        }
        URI dashboard = known.join();
        Thread.ofVirtual().name("ijoka-open-browser").start(() -> {
            try {
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                    Desktop.getDesktop().browse(dashboard);
                } else {
                    new ProcessBuilder("xdg-open", dashboard.toString()).inheritIO().start();
                }
            } catch (Exception e) {
                tell("Could not open a browser (" + Background.message(e) + "): the dashboard is at " + dashboard);
            }
        });
    }

    @Override
    public void openProject(ProjectId project) {
        onEdt(() -> {
            showWindow();
            if (!projectList.select(project)) {
                Background.run(storeExecutor, () -> {
                    hidden.show(project);
                    return project;
                }, id -> reloadProjects(id), error -> tell(Background.message(error)));
            }
        });
    }

    @Override
    public void openFeature(ProjectId project, FeatureId feature) {
        onEdt(() -> {
            if (project.equals(current)) {
                showWindow();
                detail.show(feature);
            } else {
                featureNext = feature; // shown once the project is: showing it clears the detail
                openProject(project);
            }
        });
    }

    @Override
    public void tell(String text) {
        onEdt(() -> {
            message.setText(text.replace('\n', ' '));
            message.setToolTipText(null);
            messageBar.setVisible(true);
            frame.getContentPane().revalidate();
        });
    }

    @Override
    public void quit() {
        // The quit callback stops the web server and the engine: off the event-dispatch thread.
        Thread.ofPlatform().name("ijoka-desktop-quit").start(quit);
    }

    private void closeWindow() {
        if (keptInTray) {
            frame.setVisible(false);
        } else {
            quit();
        }
    }

    private static void onEdt(Runnable r) {
        if (SwingUtilities.isEventDispatchThread()) {
            r.run();
        } else {
            SwingUtilities.invokeLater(r);
        }
    }
}
