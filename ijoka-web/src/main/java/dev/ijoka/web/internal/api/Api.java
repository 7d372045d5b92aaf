package dev.ijoka.web.internal.api;

import dev.ijoka.Ijoka;
import java.util.Map;

/** Every endpoint of the JSON API, registered on one router (docs/api.md documents them). */
public final class Api {

    private final Lookup lookup;
    private final ProjectApi projects;
    private final FeatureApi features;

    public Api(Ijoka ijoka) {
        this.lookup = new Lookup(ijoka);
        this.projects = new ProjectApi(lookup);
        this.features = new FeatureApi(lookup);
    }

    public void register(ApiRouter api, String version, Runnable shutdown, Burnup burnup) {
        new HealthApi(lookup.ijoka(), version, shutdown).register(api);
        projects.register(api);
        features.register(api);
        new CommandApi(lookup).register(api);
        new DependencyApi(lookup).register(api);
        new GraphApi(lookup).register(api);
        new EventApi(lookup, burnup).register(api);
        new RuleApi(lookup).register(api);
    }

    public Lookup lookup() {
        return lookup;
    }

    /** The status answer, for the pages' header. */
    public Map<String, Object> status(dev.ijoka.domain.Project p) {
        return projects.status(p);
    }

    /** The detail of one feature, for the detail panel. */
    public Map<String, Object> detail(dev.ijoka.domain.Project p, dev.ijoka.domain.Feature f) {
        return features.detail(p, f);
    }
}
