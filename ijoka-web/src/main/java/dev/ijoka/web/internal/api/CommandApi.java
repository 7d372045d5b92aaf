package dev.ijoka.web.internal.api;

import dev.ijoka.interchange.JsonViews;
import dev.ijoka.Ijoka;
import dev.ijoka.api.FeatureCommand;
import dev.ijoka.api.Transition;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.Project;
import dev.ijoka.web.internal.http.Args;
import dev.ijoka.web.internal.http.HttpError;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state machine and the checklist. The dashboard acts for a person: no session, so it takes no
 * claims and may steer features that agents hold (as the command line does).
 */
final class CommandApi {

    private final Lookup lookup;
    private final Ijoka ijoka;

    CommandApi(Lookup lookup) {
        this.lookup = lookup;
        this.ijoka = lookup.ijoka();
    }

    void register(ApiRouter api) {
        api.post("/api/projects/{p}/features/{f}/commands", call -> {
            Project p = lookup.project(call.path("p"));
            Args body = call.body();
            Feature f = lookup.feature(p, call.path("f"));
            Transition t = ijoka.features().apply(command(body, p, f));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("feature", JsonViews.feature(t.feature(), lookup.context(p)));
            m.put("warnings", t.warnings());
            return m;
        });
        api.post("/api/projects/{p}/features/{f}/steps/{n}", call -> {
            Project p = lookup.project(call.path("p"));
            boolean done = call.body().bool("done");
            Feature f = lookup.feature(p, call.path("f"));
            int index = stepIndex(call.path("n"), f);
            Feature updated = ijoka.features().checkStep(f.id(), index, done, null);
            return JsonViews.feature(updated, lookup.context(p));
        });
    }

    private FeatureCommand command(Args body, Project p, Feature f) {
        String verb = body.string("command");
        Long expected = body.optionalLong("expectedVersion");
        String reason = body.optionalString("reason");
        return switch (verb) {
            case "start" -> new FeatureCommand.Start(f.id(), null, expected);
            case "complete" -> new FeatureCommand.Complete(f.id(), null, expected);
            case "block" -> {
                String blockedBy = body.optionalRef("blockedBy");
                FeatureRef by = blockedBy == null ? null : lookup.ref(p, blockedBy);
                yield new FeatureCommand.Block(f.id(), null, reason == null ? "" : reason, by, expected);
            }
            case "unblock" -> new FeatureCommand.Unblock(f.id(), null, expected);
            case "reopen" -> new FeatureCommand.Reopen(f.id(), null, reason == null ? "" : reason, expected);
            default -> throw HttpError.badRequest("unknown command '" + verb
                    + "': use start, complete, block (with a reason), unblock or reopen (with a reason)");
        };
    }

    private static int stepIndex(String text, Feature f) {
        try {
            int index = Integer.parseInt(text);
            if (index < 0 || index >= f.steps().size()) {
                throw HttpError.notFound(f.ref() + " has " + f.steps().size() + " step" + (f.steps().size() == 1 ? "" : "s")
                        + (f.steps().isEmpty() ? "" : ", numbered from 0 to " + (f.steps().size() - 1)) + "; there is no step " + index);
            }
            return index;
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("the step is named by its index, a whole number from 0, not '" + text + "'");
        }
    }
}
