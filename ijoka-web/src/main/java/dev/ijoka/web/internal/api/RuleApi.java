package dev.ijoka.web.internal.api;

import dev.ijoka.interchange.JsonViews;
import dev.ijoka.Ijoka;
import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.RuleId;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.WipScope;
import dev.ijoka.web.internal.http.Args;
import dev.ijoka.web.internal.http.HttpError;
import java.util.Map;

/** Rules of every kind the core knows, with their counters; adding, enabling and disabling them. */
final class RuleApi {

    private final Lookup lookup;
    private final Ijoka ijoka;

    RuleApi(Lookup lookup) {
        this.lookup = lookup;
        this.ijoka = lookup.ijoka();
    }

    void register(ApiRouter api) {
        api.get("/api/projects/{p}/rules", call -> {
            Project p = lookup.project(call.path("p"));
            var last = RuleActivity.of(ijoka, p.id()).lastByRule();
            return Map.of("items", ijoka.rules().list(p.id()).stream().map(r -> RuleActivity.rule(r, last)).toList());
        });
        api.post("/api/projects/{p}/rules", call -> {
            Project p = lookup.project(call.path("p"));
            Args body = call.body();
            RuleSpec spec = spec(body);
            String enforcement = body.optionalString("enforcement");
            String scope = body.optionalString("scope");
            if (scope != null && !scope.equals("project") && !scope.equals("global")) {
                throw HttpError.badRequest("scope must be project or global, got '" + scope + "'");
            }
            Rule rule = ijoka.rules().add("global".equals(scope) ? null : p.id(), spec,
                    enforcement == null ? Enforcement.DENY : Enforcement.fromWire(enforcement));
            return Reply.created(JsonViews.rule(rule));
        });
        api.post("/api/rules/{id}/enable", call -> JsonViews.rule(ijoka.rules().setEnabled(ruleId(call.path("id")), true)));
        api.post("/api/rules/{id}/disable", call -> JsonViews.rule(ijoka.rules().setEnabled(ruleId(call.path("id")), false)));
    }

    private static RuleId ruleId(String text) {
        return new RuleId(text);
    }

    /** A rule of any kind the core knows, from its wire name and fields (as {@code JsonViews.rule} writes them). */
    static RuleSpec spec(Args body) {
        String kind = body.string("kind");
        return switch (kind) {
            case "wip_limit" -> {
                Integer max = body.optionalInt("max");
                if (max == null) {
                    throw HttpError.badRequest("a wip_limit rule needs 'max', the most features in progress at once");
                }
                String per = body.optionalString("per");
                yield new RuleSpec.WipLimit(max, per == null ? WipScope.PROJECT : WipScope.fromWire(per));
            }
            case "steps_done_before_complete" -> new RuleSpec.StepsDoneBeforeComplete();
            case "context" -> new RuleSpec.Context(body.string("text"));
            case "reminder" -> {
                String tool = body.optionalString("tool");
                String fileGlob = body.optionalString("fileGlob");
                if ((tool == null || tool.isBlank()) && (fileGlob == null || fileGlob.isBlank())) {
                    // Said before a missing text: what the reminder is about is the first thing to fix.
                    throw HttpError.badRequest("a reminder needs a tool name ('tool', e.g. Bash), a file glob ('fileGlob', e.g. **/*.sql), or both");
                }
                yield new RuleSpec.Reminder(tool, fileGlob, body.string("text"));
            }
            default -> throw HttpError.badRequest("unknown rule kind '" + kind
                    + "': use wip_limit, steps_done_before_complete, context or reminder");
        };
    }
}
