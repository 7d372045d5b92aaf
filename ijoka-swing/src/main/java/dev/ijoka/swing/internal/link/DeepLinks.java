package dev.ijoka.swing.internal.link;

import dev.ijoka.Ijoka;
import dev.ijoka.api.IjokaException;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.swing.internal.DesktopActions;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.swing.SwingUtilities;

/**
 * Opens {@code ijoka://} links: parses them ({@link DeepLink#parse}), resolves them against the engine on the
 * store executor, and asks the window to open what they name, or tells the user why not. Nothing is changed by
 * a link: an unknown project, an unknown feature or a folder outside every registered project is only reported.
 *
 * <pre>{@code
 * DeepLinks links = new DeepLinks(ijoka, actions, storeExecutor);
 * links.open("ijoka://feature/shop/12");   // returns at once; actions.openFeature(...) follows
 * }</pre>
 */
public final class DeepLinks {

    /** What a link comes to. */
    public sealed interface Outcome {
        record OpenProject(ProjectId project) implements Outcome {}

        record OpenFeature(ProjectId project, FeatureId feature) implements Outcome {}

        /** The link names nothing that exists; the message says so in words. */
        record Refused(String message) implements Outcome {}
    }

    private final Ijoka ijoka;
    private final DesktopActions actions;
    private final Executor storeExecutor;

    public DeepLinks(Ijoka ijoka, DesktopActions actions, Executor storeExecutor) {
        this.ijoka = Objects.requireNonNull(ijoka, "ijoka");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.storeExecutor = Objects.requireNonNull(storeExecutor, "storeExecutor");
    }

    /**
     * Opens a link handed over by the desktop or a later launch; from any thread. A malformed link is told at
     * once; a well-formed one is resolved on the store executor. The future completes when the window was asked.
     */
    public CompletableFuture<Outcome> open(String text) {
        DeepLink link;
        try {
            link = DeepLink.parse(text);
        } catch (MalformedLinkException e) {
            Outcome refused = new Outcome.Refused(e.getMessage());
            act(refused);
            return CompletableFuture.completedFuture(refused);
        }
        return CompletableFuture.supplyAsync(() -> resolve(ijoka, link), storeExecutor)
                .exceptionally(e -> new Outcome.Refused("The link could not be opened: " + rootMessage(e)))
                .thenApply(outcome -> {
                    act(outcome);
                    return outcome;
                });
    }

    /**
     * What a link names, read from the store: never call it on the event-dispatch thread.
     *
     * @throws IllegalStateException on the event-dispatch thread
     */
    public static Outcome resolve(Ijoka ijoka, DeepLink link) {
        if (SwingUtilities.isEventDispatchThread()) {
            throw new IllegalStateException("deep links read the store: resolve them off the event-dispatch thread");
        }
        return switch (link) {
            case DeepLink.OpenProject open -> projectOf(ijoka, open.path())
                    .<Outcome>map(p -> new Outcome.OpenProject(p.id()))
                    .orElseGet(() -> new Outcome.Refused("The folder " + open.path()
                            + " is not inside any project Ijoka knows. Add it with \"Add project…\" first."));
            case DeepLink.OpenFeature open -> feature(ijoka, open);
        };
    }

    private void act(Outcome outcome) {
        switch (outcome) {
            case Outcome.OpenProject p -> actions.openProject(p.project());
            case Outcome.OpenFeature f -> actions.openFeature(f.project(), f.feature());
            case Outcome.Refused r -> actions.tell(r.message());
        }
    }

    /** The registered project of the folder: the one git says it belongs to, else the deepest root holding it. */
    private static Optional<Project> projectOf(Ijoka ijoka, Path folder) {
        Optional<Project> exact = ijoka.projects().find(folder);
        if (exact.isPresent()) {
            return exact;
        }
        return ijoka.projects().list().stream()
                .filter(p -> folder.startsWith(Path.of(p.root())))
                .max(Comparator.comparingInt(p -> Path.of(p.root()).getNameCount()));
    }

    private static Outcome feature(Ijoka ijoka, DeepLink.OpenFeature open) {
        List<Project> projects = ijoka.projects().list();
        List<Project> named = projects.stream().filter(p -> p.id().value().equals(open.project())).toList();
        if (named.isEmpty()) {
            named = projects.stream().filter(p -> p.name().equals(open.project())).toList();
        }
        if (named.isEmpty()) {
            return new Outcome.Refused("There is no project '" + open.project() + "'. The link names a project by "
                    + "its id or name; the window's project list shows them.");
        }
        if (named.size() > 1) {
            return new Outcome.Refused("Several projects are named '" + open.project()
                    + "'; use the project's id in the link instead.");
        }
        Project project = named.getFirst();
        FeatureRef ref;
        try {
            ref = FeatureRef.parse(project.id(), open.feature());
        } catch (IllegalArgumentException e) {
            return new Outcome.Refused("'" + open.feature() + "' is not a feature: " + e.getMessage());
        }
        Optional<Feature> found = ijoka.features().find(ref).filter(f -> f.project().equals(project.id()));
        return found.<Outcome>map(f -> new Outcome.OpenFeature(project.id(), f.id()))
                .orElseGet(() -> new Outcome.Refused("Project " + project.name() + " has no feature "
                        + (ref instanceof FeatureRef.Number n ? n.toString() : "'" + open.feature() + "'") + "."));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IjokaException)) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }
}
