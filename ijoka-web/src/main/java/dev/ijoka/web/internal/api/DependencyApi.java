package dev.ijoka.web.internal.api;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Project;
import dev.ijoka.web.internal.http.Args;
import java.util.LinkedHashMap;
import java.util.Map;

/** Adding and removing the edges of the plan. */
final class DependencyApi {

    private final Lookup lookup;
    private final Ijoka ijoka;

    DependencyApi(Lookup lookup) {
        this.lookup = lookup;
        this.ijoka = lookup.ijoka();
    }

    void register(ApiRouter api) {
        api.post("/api/projects/{p}/dependencies", call -> {
            Project p = lookup.project(call.path("p"));
            Args body = call.body();
            String kind = body.optionalString("kind");
            DependencyKind k = kind == null ? DependencyKind.BLOCKS : DependencyKind.fromWire(kind);
            Feature dependent = lookup.feature(p, body.ref("feature"));
            Feature dependency = lookup.feature(p, body.ref("dependsOn"));
            Dependency d = ijoka.dependencies().add(dependent.id(), dependency.id(), k, null);
            return Reply.created(view(d, dependent, dependency));
        });
        api.delete("/api/projects/{p}/dependencies", call -> {
            Project p = lookup.project(call.path("p"));
            Args body = call.body();
            Feature dependent = lookup.feature(p, body.ref("feature"));
            Feature dependency = lookup.feature(p, body.ref("dependsOn"));
            boolean removed = ijoka.dependencies().remove(dependent.id(), dependency.id(), null);
            return Map.of("removed", removed);
        });
    }

    private static Map<String, Object> view(Dependency d, Feature dependent, Feature dependency) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("feature", dependent.ref());
        m.put("dependsOn", dependency.ref());
        m.put("kind", d.kind().wireName());
        m.put("featureId", dependent.id().value());
        m.put("dependsOnId", dependency.id().value());
        return m;
    }
}
