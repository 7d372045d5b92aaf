package dev.ijoka.web.internal.api;

import dev.ijoka.interchange.JsonViews;
import dev.ijoka.Ijoka;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.Feature;
import dev.ijoka.interchange.FeatureCsv;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.FeatureUpdate;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Step;
import dev.ijoka.event.EventQuery;
import dev.ijoka.web.internal.http.Args;
import dev.ijoka.web.internal.http.HttpError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Listing, exporting, creating, reading and editing features. */
final class FeatureApi {

    /** How many of a feature's events its detail shows, newest first; the events API pages through the rest. */
    static final int DETAIL_EVENTS = 50;

    private final Lookup lookup;
    private final Ijoka ijoka;

    FeatureApi(Lookup lookup) {
        this.lookup = lookup;
        this.ijoka = lookup.ijoka();
    }

    void register(ApiRouter api) {
        api.get("/api/projects/{p}/features", call -> {
            Project p = lookup.project(call.path("p"));
            FeatureQuery q = FeatureQuery.parse(call::query);
            Map<String, String> agents = lookup.agents(p);
            List<Feature> matches = q.apply(ijoka.features().list(p.id()), agents);
            Map<String, Object> m = new LinkedHashMap<>();
            JsonViews.Context context = lookup.context(p);
            m.put("items", FeatureQuery.page(matches, q.page(), q.size()).stream().map(f -> JsonViews.summary(f, context)).toList());
            m.put("total", matches.size());
            m.put("page", q.page());
            m.put("size", q.size());
            return m;
        });
        api.get("/api/projects/{p}/features.csv", call -> {
            Project p = lookup.project(call.path("p"));
            FeatureQuery q = FeatureQuery.parse(call::query);
            Map<String, String> agents = lookup.agents(p);
            List<Feature> all = ijoka.features().list(p.id());
            List<Feature> matches = q.apply(all, agents);
            java.io.StringWriter csv = new java.io.StringWriter();
            FeatureCsv.write(matches, all, ijoka.dependencies().list(p.id()), agents, csv);
            return new Download("text/csv; charset=utf-8", fileName(p) + "-features.csv",
                    csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        api.post("/api/projects/{p}/features", call -> {
            Project p = lookup.project(call.path("p"));
            NewFeature spec = newFeature(call.body(), p);
            Feature f = ijoka.features().create(p.id(), spec);
            return Reply.created(JsonViews.feature(f, lookup.context(p)));
        });
        api.get("/api/projects/{p}/features/{f}", call -> {
            Project p = lookup.project(call.path("p"));
            return detail(p, lookup.feature(p, call.path("f")));
        });
        api.patch("/api/projects/{p}/features/{f}", call -> {
            Project p = lookup.project(call.path("p"));
            Args body = call.body();
            Feature f = lookup.feature(p, call.path("f"));
            FeatureUpdate update = update(body);
            if (update.isEmpty()) {
                throw HttpError.badRequest("nothing to change: give one or more of description, details, category, kind, priority");
            }
            Feature updated = ijoka.features().update(f.id(), update, null, body.optionalLong("expectedVersion"));
            return JsonViews.feature(updated, lookup.context(p));
        });
    }

    /** A file name made of the project's name, safe in a Content-Disposition header. */
    static String fileName(Project p) {
        String name = p.name().replaceAll("[^A-Za-z0-9._-]+", "-");
        return name.isBlank() ? "ijoka" : name;
    }

    private NewFeature newFeature(Args body, Project p) {
        String category = body.optionalString("category");
        NewFeature spec = NewFeature.of(body.string("description"), category == null ? Category.FUNCTIONAL : Category.fromWire(category))
                .withDetails(body.optionalString("details"));
        String kind = body.optionalString("kind");
        if (kind != null) {
            spec = spec.withKind(Kind.fromWire(kind));
        }
        Integer priority = body.optionalInt("priority");
        if (priority != null) {
            spec = spec.withPriority(priority);
        }
        List<String> steps = body.optionalStrings("steps");
        if (steps != null) {
            spec = spec.withStepList(steps.stream().map(Step::todo).toList());
        }
        String parent = body.optionalRef("parent");
        if (parent != null) {
            spec = spec.withParent(lookup.ref(p, parent));
        }
        return spec;
    }

    private static FeatureUpdate update(Args body) {
        FeatureUpdate u = FeatureUpdate.none();
        String description = body.optionalString("description");
        if (description != null) {
            u = u.description(description);
        }
        String details = body.optionalString("details");
        if (details != null) {
            u = u.details(details);
        }
        String category = body.optionalString("category");
        if (category != null) {
            u = u.category(Category.fromWire(category));
        }
        String kind = body.optionalString("kind");
        if (kind != null) {
            u = u.kind(Kind.fromWire(kind));
        }
        Integer priority = body.optionalInt("priority");
        if (priority != null) {
            u = u.priority(priority);
        }
        return u;
    }

    /** Everything the detail panel shows. */
    Map<String, Object> detail(Project p, Feature f) {
        JsonViews.Context context = lookup.context(p);
        Map<String, Object> m = JsonViews.feature(f, context);
        m.put("dependsOn", ijoka.dependencies().of(f.id()).stream().map(d -> edge(d, d.dependency())).toList());
        m.put("dependents", ijoka.dependencies().dependentsOf(f.id()).stream().map(d -> edge(d, d.dependent())).toList());
        m.put("events", ijoka.events().query(EventQuery.latest(p.id(), DETAIL_EVENTS).forFeature(f.id())).stream()
                .map(e -> JsonViews.event(e, context)).toList());
        m.put("agentTodos", ijoka.sessions().featureTodos(f.id()).map(t -> JsonViews.agentTodos(t, context)).orElse(null));
        return m;
    }

    private Map<String, Object> edge(Dependency d, FeatureId other) {
        return JsonViews.edge(ijoka.features().get(other), d.kind());
    }
}
