package dev.ijoka.internal.engine;

import dev.ijoka.api.InvalidInputException;
import dev.ijoka.api.NotFoundException;
import dev.ijoka.api.Projects;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.ProjectIdentity;
import dev.ijoka.event.EventPayload;
import dev.ijoka.spi.StoreReader;
import dev.ijoka.spi.StoreTransaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Projects, found by identity, then by the paths they have been seen at. */
public final class ProjectService implements Projects {

    private final Engine engine;

    public ProjectService(Engine engine) {
        this.engine = engine;
    }

    /** A directory's checkout: its canonical root and the identity read from it. */
    private record Checkout(String root, ProjectIdentity identity) {}

    @Override
    public Project open(Path directory) {
        requireDirectory(directory);
        Checkout checkout = checkout(directory);
        Instant now = engine.now();
        return engine.write(tx -> {
            Optional<Project> found = find(tx, checkout);
            if (found.isPresent()) {
                Project project = found.get();
                tx.recordProjectPath(project.id(), checkout.root());
                Optional<ProjectIdentity> had = tx.projectIdentity(project.id());
                // Unknown (registered before identities) or only a path: the checkout now says more.
                if (had.isEmpty() || (!had.get().isRemote() && checkout.identity().isRemote())) {
                    adopt(tx, project.id(), checkout.identity());
                }
                return project;
            }
            Path rootPath = Path.of(checkout.root());
            String name = rootPath.getFileName() == null ? checkout.root() : rootPath.getFileName().toString();
            Project project = new Project(new ProjectId(engine.ids.newId()), name, checkout.root(), now);
            tx.insertProject(project);
            tx.setProjectIdentity(project.id(), checkout.identity());
            tx.append(List.of(engine.event(project.id(), null, null, now, new EventPayload.ProjectRegistered(project))));
            return project;
        });
    }

    @Override
    public Optional<Project> find(Path directory) {
        Checkout checkout = checkout(directory);
        return engine.read(r -> find(r, checkout));
    }

    /**
     * The one resolution every face goes through: a remote identity first, as it holds across paths and
     * machines; then the path. A path identity is found through the paths, which {@link #link} may have
     * given to another project since.
     */
    private static Optional<Project> find(StoreReader r, Checkout checkout) {
        if (checkout.identity().isRemote()) {
            Optional<Project> known = r.projectByIdentity(checkout.identity());
            if (known.isPresent()) {
                return known;
            }
        }
        return r.projectByRoot(checkout.root());
    }

    @Override
    public Project get(ProjectId id) {
        return engine.read(r -> r.project(id)).orElseThrow(() -> notFound(id));
    }

    @Override
    public List<Project> list() {
        return engine.read(r -> r.projects()).stream()
                .sorted(Comparator.comparing(Project::name).thenComparing(Project::root))
                .toList();
    }

    @Override
    public Path canonicalRoot(Path directory) {
        return ProjectRoots.canonicalRoot(directory);
    }

    @Override
    public Optional<ProjectIdentity> identity(ProjectId id) {
        return engine.read(r -> {
            r.project(id).orElseThrow(() -> notFound(id));
            return r.projectIdentity(id);
        });
    }

    @Override
    public List<String> paths(ProjectId id) {
        return engine.read(r -> {
            r.project(id).orElseThrow(() -> notFound(id));
            return r.projectPaths(id);
        });
    }

    @Override
    public Project link(ProjectId id, Path directory) {
        requireDirectory(directory);
        Path root = canonicalRoot(directory);
        if (!GitOrigin.isCheckout(root)) {
            throw new InvalidInputException(directory + " is not inside a git checkout: link the directory of a clone"
                    + " (a directory without git opens its own project by its path)");
        }
        Checkout checkout = checkout(directory);
        return engine.write(tx -> {
            Project project = tx.project(id).orElseThrow(() -> notFound(id));
            if (checkout.identity().isRemote()) {
                Optional<Project> holder = tx.projectByIdentity(checkout.identity());
                if (holder.isPresent() && !holder.get().id().equals(id)) {
                    Project other = holder.get();
                    throw new InvalidInputException(root + " is a clone of " + checkout.identity() + ", which is project "
                            + other.name() + " (" + other.id() + ") already, and opens that project: there is nothing to link");
                }
                boolean hasRemote = tx.projectIdentity(id).map(ProjectIdentity::isRemote).orElse(false);
                if (!hasRemote) {
                    adopt(tx, id, checkout.identity());
                }
            }
            tx.recordProjectPath(id, checkout.root());
            return project;
        });
    }

    /** Gives the project an identity unless another project holds it (a path identity whose path was linked away). */
    private static void adopt(StoreTransaction tx, ProjectId project, ProjectIdentity identity) {
        if (tx.projectByIdentity(identity).map(p -> p.id().equals(project)).orElse(true)) {
            tx.setProjectIdentity(project, identity);
        }
    }

    private static void requireDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new InvalidInputException(directory + " is not a directory: give the directory of the code base");
        }
    }

    private Checkout checkout(Path directory) {
        Path root = canonicalRoot(directory);
        ProjectIdentity identity = GitOrigin.url(root).flatMap(ProjectIdentity::ofRemote)
                .orElseGet(() -> ProjectIdentity.ofRoot(root));
        return new Checkout(root.toString(), identity);
    }

    private static NotFoundException notFound(ProjectId id) {
        return new NotFoundException("there is no project " + id + ": list the projects to see their ids");
    }
}
