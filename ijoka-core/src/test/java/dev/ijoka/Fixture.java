package dev.ijoka;

import dev.ijoka.api.Features;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test data for engine tests: an in-memory engine on a {@link MutableClock}, one project on a fresh
 * temporary directory, and short ways to make features, sessions and read what the log recorded.
 * Close it after each test (it owns the engine's threads and the directory).
 */
public final class Fixture implements AutoCloseable {

    public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    public static final Duration LEASE = Duration.ofMinutes(30);
    public static final String BLOCK_REASON = "waiting for API keys";

    public final MutableClock clock = new MutableClock(T0);
    public final Ijoka ijoka;
    public final Project project;
    private final Path directory;

    public Fixture() {
        try {
            directory = Files.createTempDirectory("ijoka-fixture-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ijoka = Ijoka.builder().store("memory:").clock(clock).leaseDuration(LEASE).build();
        project = ijoka.projects().open(directory);
    }

    public Features features() {
        return ijoka.features();
    }

    /** A pending functional feature with the given description and unchecked steps. */
    public Feature feature(String description, String... steps) {
        return feature(NewFeature.of(description, Category.FUNCTIONAL).withSteps(steps));
    }

    public Feature feature(NewFeature spec) {
        return ijoka.features().create(project.id(), spec);
    }

    /**
     * A new feature driven into {@code status} by a person (no session, so no claim): blocked
     * features carry {@link #BLOCK_REASON}.
     */
    public Feature featureIn(Status status) {
        Feature f = feature("feature in " + status.wireName());
        switch (status) {
            case PENDING -> { }
            case IN_PROGRESS -> features().start(f.id(), null);
            case BLOCKED -> features().block(f.id(), null, BLOCK_REASON, null);
            case COMPLETE -> {
                features().start(f.id(), null);
                features().complete(f.id(), null);
            }
        }
        return reload(f);
    }

    /** Starts an agent session named {@code id} whose agent is {@code agent-<id>}. */
    public SessionId session(String id) {
        SessionId sid = SessionId.of(id);
        ijoka.sessions().start(project.id(), sid, "agent-" + id);
        return sid;
    }

    public Session sessionState(SessionId id) {
        return ijoka.sessions().get(id);
    }

    public Feature reload(Feature f) {
        return ijoka.features().get(f.id());
    }

    public FeatureRef number(int n) {
        return new FeatureRef.Number(project.id(), n);
    }

    /** The log position now; pass it to {@link #eventsSince} to see what a command appended. */
    public long mark() {
        return ijoka.events().lastSequence();
    }

    public List<Event> eventsSince(long mark) {
        List<Event> all = new ArrayList<>();
        long after = mark;
        while (true) {
            List<Event> page = ijoka.events().after(after, 1_000);
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
            after = page.getLast().sequence();
        }
    }

    public List<EventType> typesSince(long mark) {
        return eventsSince(mark).stream().map(Event::type).toList();
    }

    public Instant advance(Duration amount) {
        return clock.advance(amount);
    }

    @Override
    public void close() {
        ijoka.close();
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
