package dev.ijoka.swing.internal.chart;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.FeatureId;
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

/**
 * The burn-up's numbers, computed from the event log as the web's burn-up computes them: a feature counts from
 * its {@code feature_created} (as complete if it was imported complete), {@code feature_completed} adds one to
 * the complete count, {@code feature_reopened} takes it back. The running totals of one project are brought
 * forward with only the events newer than those already seen, so asking after every change stays cheap.
 * The web keeps the same computation in its own internals; a third face would be the time to move it to the core.
 * Reads the store: call off the event-dispatch thread. Thread-safe.
 */
final class BurnUpSeries {

    private static final Set<EventType> TYPES = Set.of(EventType.FEATURE_CREATED, EventType.FEATURE_COMPLETED,
            EventType.FEATURE_REOPENED);
    private static final int PAGE = 1_000;
    /** The most points a series has; older buckets are merged so the chart stays light. */
    static final int MAX_POINTS = 400;

    /** The totals at the end of a bucket that starts at {@code at}. */
    record Point(Instant at, int total, int complete) {}

    /** The points and the width of a bucket, in words: {@code minute}, {@code hour}, {@code 3 days}. */
    record Series(List<Point> points, String bucket) {}

    private record Change(Instant at, int total, int complete) {}

    private final Ijoka ijoka;
    private final ProjectId project;
    private long seenThrough;
    private final Map<FeatureId, Boolean> complete = new HashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private int done;

    BurnUpSeries(Ijoka ijoka, ProjectId project) {
        this.ijoka = ijoka;
        this.project = project;
    }

    ProjectId project() {
        return project;
    }

    /** Catches up with the log and returns the bucketed series. */
    synchronized Series series() {
        List<Event> fresh = new ArrayList<>();
        long before = Long.MAX_VALUE;
        while (true) {
            List<Event> page = ijoka.events().query(EventQuery.latest(project, PAGE).ofTypes(TYPES).before(before));
            boolean reachedSeen = false;
            for (Event e : page) {
                if (e.sequence() <= seenThrough) {
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
            apply(fresh.get(i));
        }
        return render(changes);
    }

    private void apply(Event e) {
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
            default -> {
                return;
            }
        }
        changes.add(new Change(e.at(), complete.size(), done));
        seenThrough = e.sequence();
    }

    /** Buckets the changes by day (by hour for a young project, by minute for a brand-new one). */
    private static Series render(List<Change> changes) {
        if (changes.isEmpty()) {
            return new Series(List.of(), "day");
        }
        Duration span = Duration.between(changes.getFirst().at(), changes.getLast().at());
        ChronoUnit unit = span.compareTo(Duration.ofHours(6)) < 0 ? ChronoUnit.MINUTES
                : span.compareTo(Duration.ofDays(3)) < 0 ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        long width = Math.max(1, span.dividedBy(unit.getDuration()) / MAX_POINTS + 1);
        long origin = changes.getFirst().at().truncatedTo(unit).getEpochSecond();
        long step = unit.getDuration().getSeconds() * width;
        Map<Long, Change> last = new LinkedHashMap<>();
        for (Change c : changes) {
            last.put(origin + (c.at().getEpochSecond() - origin) / step * step, c); // the totals at the end of each bucket
        }
        List<Point> points = new ArrayList<>(last.size());
        last.forEach((at, c) -> points.add(new Point(Instant.ofEpochSecond(at), c.total(), c.complete())));
        String name = switch (unit) {
            case MINUTES -> "minute";
            case HOURS -> "hour";
            default -> "day";
        };
        return new Series(List.copyOf(points), width == 1 ? name : width + " " + name + "s");
    }
}
