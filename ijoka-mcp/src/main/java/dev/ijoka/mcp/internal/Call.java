package dev.ijoka.mcp.internal;

import dev.ijoka.Ijoka;
import dev.ijoka.api.NotFoundException;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.SessionId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One tool call as its handler sees it: the engine, the session's project and id, and the arguments.
 * Made by the session actor, used on its thread only.
 */
public final class Call {

    final Ijoka ijoka;
    final Project project;
    final SessionId session;
    final Args args;
    final Instant now;

    Call(Ijoka ijoka, Project project, SessionId session, Args args, Instant now) {
        this.ijoka = ijoka;
        this.project = project;
        this.session = session;
        this.args = args;
        this.now = now;
    }

    /** A feature of this project. */
    Feature feature(FeatureRef ref) {
        Feature f = ijoka.features().get(ref);
        if (!f.project().equals(project.id())) {
            throw new NotFoundException("there is no feature " + ref + " in this project (" + project.name()
                    + ")");
        }
        return f;
    }

    /** The feature this session holds, if any. */
    @Nullable FeatureId current() {
        return ijoka.sessions().get(session).currentFeature();
    }

    /**
     * The feature named by {@code argument}, else the one this session works on.
     *
     * @throws ToolError if neither is there, saying how to name one
     */
    FeatureRef featureOrCurrent(String argument, String verb) {
        FeatureRef given = args.optFeature(argument);
        if (given != null) {
            return given;
        }
        FeatureId current = current();
        if (current == null) {
            throw new ToolError("no_current_feature", "you are not working on a feature, so there is nothing to "
                    + verb + " by default: pass feature (e.g. \"#12\"), or claim one first with ijoka_start_feature.");
        }
        return current;
    }
}
