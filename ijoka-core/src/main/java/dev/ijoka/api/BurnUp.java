package dev.ijoka.api;

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
import java.util.Objects;
import java.util.Set;

/**
 * A project's burn-up: how many features existed and how many were complete, over time, read from the event log.
 * A feature counts from its {@code feature_created} (as complete if it was created complete, as an import does),
 * {@code feature_completed} adds one to the complete count and {@code feature_reopened} takes it back. Every face
 * that draws the chart (the web dashboard, the desktop app) asks here, so they agree.
 *
 * <p>One instance follows one project: it keeps the running totals and brings them forward with only the events
 * newer than those already seen, so asking after every change stays cheap. It reads the store: call it off any
 * UI thread. Thread-safe.
 */
public final class BurnUp {

    /** The most points a series has; older buckets are merged so a chart stays light. */
    public static final int MAX_POINTS = 400;

    private static final Set<EventType> TYPES = Set.of(EventType.FEATURE_CREATED, EventType.FEATURE_COMPLETED,
            EventType.FEATURE_REOPENED);
    private static final int PAGE = 1_000;

    /** The totals at a moment: at the end of the bucket that starts at {@code at}, in a {@link Series}. */
    public record Point(Instant at, int total, int complete) {

        public Point {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The points, oldest first, one per bucket that saw a change, and the width of a bucket in words:
     * {@code minute}, {@code hour}, {@code day}, or a multiple such as {@code 3 days}.
     */
    public record Series(List<Point> points, String bucket) {

        public Series {
            points = List.copyOf(points);
            Objects.requireNonNull(bucket, "bucket");
        }
    }

    private final Events events;
    private final ProjectId project;
    private long seenThrough;
    private final Map<FeatureId, Boolean> complete = new HashMap<>();
    private final List<Point> changes = new ArrayList<>();
    private int done;

    /** Follows {@code project} through {@code events} (an engine's {@code events()}). Reads nothing yet. */
    public BurnUp(Events events, ProjectId project) {
        this.events = Objects.requireNonNull(events, "events");
        this.project = Objects.requireNonNull(project, "project");
    }

    public ProjectId project() {
        return project;
    }

    /** Reads the events new since the last call and returns the whole series, bucketed ({@link #bucketed}). */
    public synchronized Series series() {
        List<Event> fresh = new ArrayList<>();
        long before = Long.MAX_VALUE;
        while (true) { // newest first, page by page, down to what was seen
            List<Event> page = events.query(EventQuery.latest(project, PAGE).ofTypes(TYPES).before(before));
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
        return bucketed(changes);
    }

    private void apply(Event e) {
        FeatureId id = e.feature();
        switch (e.payload()) {
            case EventPayload.FeatureCreated c -> {
                boolean isComplete = c.feature().status() == Status.COMPLETE;
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
        changes.add(new Point(e.at(), complete.size(), done));
        seenThrough = e.sequence();
    }

    /**
     * Buckets every change (oldest first) by minute when they span less than 6 hours, by hour when less than 3
     * days, else by day; buckets widen to whole multiples so there are at most {@link #MAX_POINTS}. Each point
     * is the totals at the end of its bucket, dated at the bucket's start.
     */
    public static Series bucketed(List<Point> changes) {
        if (changes.isEmpty()) {
            return new Series(List.of(), "day");
        }
        Duration span = Duration.between(changes.getFirst().at(), changes.getLast().at());
        ChronoUnit unit = span.compareTo(Duration.ofHours(6)) < 0 ? ChronoUnit.MINUTES
                : span.compareTo(Duration.ofDays(3)) < 0 ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        long width = Math.max(1, span.dividedBy(unit.getDuration()) / MAX_POINTS + 1);
        long origin = changes.getFirst().at().truncatedTo(unit).getEpochSecond();
        long step = unit.getDuration().getSeconds() * width;
        Map<Long, Point> last = new LinkedHashMap<>();
        for (Point c : changes) {
            last.put(origin + (c.at().getEpochSecond() - origin) / step * step, c);
        }
        List<Point> points = new ArrayList<>(last.size());
        last.forEach((at, c) -> points.add(new Point(Instant.ofEpochSecond(at), c.total(), c.complete())));
        String name = switch (unit) {
            case MINUTES -> "minute";
            case HOURS -> "hour";
            default -> "day";
        };
        return new Series(points, width == 1 ? name : width + " " + name + "s");
    }
}
