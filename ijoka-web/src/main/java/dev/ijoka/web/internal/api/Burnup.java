package dev.ijoka.web.internal.api;

import dev.ijoka.Ijoka;
import dev.ijoka.api.BurnUp;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The burn-up chart's series as JSON: the core's {@link BurnUp} (the same numbers the desktop app draws), one
 * per project, kept so each request reads only the events new since the last.
 */
public final class Burnup {

    private final Ijoka ijoka;
    private final Map<ProjectId, BurnUp> projects = new ConcurrentHashMap<>();

    public Burnup(Ijoka ijoka) {
        this.ijoka = ijoka;
    }

    public Map<String, Object> series(Project p) {
        BurnUp.Series series = projects.computeIfAbsent(p.id(), id -> new BurnUp(ijoka.events(), id)).series();
        List<Map<String, Object>> points = new ArrayList<>(series.points().size());
        for (BurnUp.Point point : series.points()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", point.at().toString());
            m.put("total", point.total());
            m.put("complete", point.complete());
            points.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bucket", series.bucket());
        m.put("points", points);
        return m;
    }
}
