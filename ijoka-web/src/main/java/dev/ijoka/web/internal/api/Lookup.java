package dev.ijoka.web.internal.api;

import dev.ijoka.interchange.JsonViews;
import dev.ijoka.Ijoka;
import dev.ijoka.api.NotFoundException;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Session;
import dev.ijoka.web.internal.http.HttpError;
import java.util.HashMap;
import java.util.Map;

/** Finds the project and the features a request names, with errors that say how to name them. */
public final class Lookup {

    private final Ijoka ijoka;

    public Lookup(Ijoka ijoka) {
        this.ijoka = ijoka;
    }

    public Ijoka ijoka() {
        return ijoka;
    }

    /** A project by its id (as {@code GET /api/projects} lists them). */
    public Project project(String id) {
        try {
            return ijoka.projects().get(ProjectId.of(id));
        } catch (NotFoundException | IllegalArgumentException e) {
            throw HttpError.notFound("there is no project '" + id + "': GET /api/projects lists the projects and their ids");
        }
    }

    /** A feature of the project, by {@code #12}, {@code 12} or its id. */
    public Feature feature(Project project, String ref) {
        Feature f = ijoka.features().get(ref(project, ref));
        if (!f.project().equals(project.id())) {
            throw HttpError.notFound("feature " + ref + " belongs to another project");
        }
        return f;
    }

    public FeatureRef ref(Project project, String text) {
        try {
            return FeatureRef.parse(project.id(), text);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
    }

    /** What the views of this project's values need: the engine's clock, features to name by ref, agents' names. */
    public JsonViews.Context context(Project project) {
        Map<String, String> agents = agents(project);
        return new JsonViews.Context(ijoka.clock().instant(), id -> ijoka.features().find(id).orElse(null), agents::get);
    }

    /** Session id to agent name, for showing who holds a claim. */
    public Map<String, String> agents(Project project) {
        Map<String, String> agents = new HashMap<>();
        for (Session s : ijoka.sessions().list(project.id())) {
            agents.put(s.id().value(), s.agent());
        }
        return agents;
    }
}
