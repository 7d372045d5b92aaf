package dev.ijoka.web.internal.api;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Status;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventQuery;
import dev.ijoka.event.EventType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The burn-up chart's series: how many features existed and how many were complete, over time, read
 * from the event log (creations, completions, reopenings). Each project's running totals are kept and
 * brought forward with only the events that are new since the last request, so the header can ask
 * after every change without rereading the log.
 */
public final class Burnup {

    private static final Set<EventType> TYPES = Set.of(EventType.FEATURE_CREATED, EventType.FEATURE_COMPLETED,
            EventType.FEATURE_REOPENED);
    private static final int PAGE = 1_000;
    /** The most points a series has; older buckets are merged so the chart stays light. */
    static final int MAX_POINTS = 400;

    private final Ijoka ijoka;
    private final Map<ProjectId, Totals> totals = new ConcurrentHashMap<>();

    public Burnup(Ijoka ijoka) {
        this.ijoka = ijoka;
    }

    /** One change of the totals at a moment. */
    record Change(Instant at, int total, int complete) {}

    /** Running state of one project: which features are complete, and every change so far. */
    private static final class Totals {
        long seenThrough;
        final Map<FeatureId, Boolean> complete = new HashMap<>();
        final List<Change> changes = new ArrayList<>();
        int done;

        void apply(Event e) {
            FeatureId id = e.feature();
            switch (e.payload()) {
                case EventPayload.FeatureCreated c -> {
                    boolean isComplete = c.feature().status() == Status.COMPLETE; // imported as done
                    complete.put(c.feature().id(), isComplete);
                    done += isComplete ? 1 : 0;
                }
                case EventPayload.FeatureCompleted c -> {
                    if (id != null && !Boolean.TRUE.equals(complete.put(id, true))) {
                        done++;
                    }
                }
                case EventPayload.FeatureReopened r -> {
                    if (id != null && Boolean.TRUE.equals(complete.put(id, false))) {
                        done--;
                    }
                }
                default -> { return; }
            }
            changes.add(new Change(e.at(), complete.size(), done));
            seenThrough = e.sequence();
        }
    }

    public Map<String, Object> series(Project p) {
        Totals t = totals.computeIfAbsent(p.id(), id -> new Totals());
        synchronized (t) {
            catchUp(p.id(), t);
            return render(t.changes);
        }
    }

    /** Reads the project's new events (newest first, page by page, down to what was seen) and applies them oldest first. */
    private void catchUp(ProjectId project, Totals t) {
        List<Event> fresh = new ArrayList<>();
        long before = Long.MAX_VALUE;
        while (true) {
            List<Event> page = ijoka.events().query(EventQuery.latest(project, PAGE).ofTypes(TYPES).before(before));
            boolean reachedSeen = false;
            for (Event e : page) {
                if (e.sequence() <= t.seenThrough) {
                    reachedSeen = true;
                    break;
                }
                fresh.add(e);
            }
            if (reachedSeen || page.size() < PAGE) {
                break;
            }
            before = page.getLast().sequence();
        }
        for (int i = fresh.size() - 1; i >= 0; i--) {
            t.apply(fresh.get(i));
        }
    }

    /** Buckets the changes by day (or by hour for a young project, by minute for a brand-new one). */
    static Map<String, Object> render(List<Change> changes) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (changes.isEmpty()) {
            m.put("bucket", "day");
            m.put("points", List.of());
            return m;
        }
        Duration span = Duration.between(changes.getFirst().at(), changes.getLast().at());
        ChronoUnit unit = span.compareTo(Duration.ofHours(6)) < 0 ? ChronoUnit.MINUTES
                : span.compareTo(Duration.ofDays(3)) < 0 ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        long width = Math.max(1, span.dividedBy(unit.getDuration()) / MAX_POINTS + 1);
        Map<Long, Change> last = new LinkedHashMap<>();
        long origin = changes.getFirst().at().truncatedTo(unit).getEpochSecond();
        long step = unit.getDuration().getSeconds() * width;
        for (Change c : changes) {
            long bucket = origin + (c.at().getEpochSecond() - origin) / step * step;
            last.put(bucket, c); // the totals at the end of each bucket
        }
        List<Map<String, Object>> points = new ArrayList<>();
        for (Map.Entry<Long, Change> e : last.entrySet()) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("at", Instant.ofEpochSecond(e.getKey()).toString());
            point.put("total", e.getValue().total());
            point.put("complete", e.getValue().complete());
            points.add(point);
        }
        String name = switch (unit) {
            case MINUTES -> "minute";
            case HOURS -> "hour";
            default -> "day";
        };
        m.put("bucket", width == 1 ? name : width + " " + name + "s");
        m.put("points", points);
        return m;
    }
}
