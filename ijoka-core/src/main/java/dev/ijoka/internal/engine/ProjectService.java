package dev.ijoka.internal.engine;

import dev.ijoka.api.InvalidInputException;
import dev.ijoka.api.NotFoundException;
import dev.ijoka.api.Projects;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.event.EventPayload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Projects, registered by canonical root. */
public final class ProjectService implements Projects {

    private final Engine engine;

    public ProjectService(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Project open(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new InvalidInputException(directory + " is not a directory: give the directory of the code base");
        }
        String root = canonicalRoot(directory).toString();
        Instant now = engine.now();
        return engine.write(tx -> tx.projectByRoot(root).orElseGet(() -> {
            Path rootPath = Path.of(root);
            String name = rootPath.getFileName() == null ? root : rootPath.getFileName().toString();
            Project project = new Project(new ProjectId(engine.ids.newId()), name, root, now);
            tx.insertProject(project);
            tx.append(List.of(engine.event(project.id(), null, null, now, new EventPayload.ProjectRegistered(project))));
            return project;
        }));
    }

    @Override
    public Optional<Project> find(Path directory) {
        String root = canonicalRoot(directory).toString();
        return engine.read(r -> r.projectByRoot(root));
    }

    @Override
    public Project get(ProjectId id) {
        return engine.read(r -> r.project(id)).orElseThrow(() ->
                new NotFoundException("there is no project " + id + ": list the projects to see their ids"));
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
}
