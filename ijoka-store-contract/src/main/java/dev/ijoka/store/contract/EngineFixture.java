package dev.ijoka.store.contract;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventQuery;
import dev.ijoka.event.EventType;
import java.time.Duration;
import java.time.InstantSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every engine test starts from: an engine on a fresh store, a clock that moves only when told,
 * and one open project. After each test the stored state must equal a replay of the log.
 */
public abstract class EngineFixture {

    /** The builder's default lease, which {@link #newEngine} must keep. */
    protected static final Duration LEASE = Duration.ofMinutes(30);

    @TempDir
    protected Path projectDir;

    protected MutableClock clock;
    protected Ijoka ijoka;
    protected Project project;

    /**
     * A new engine on a fresh, empty store, built with {@code clock} and otherwise the builder's
     * defaults, e.g. {@code Ijoka.builder().store(url).clock(clock).build()}. Called once per test.
     */
    protected abstract Ijoka newEngine(InstantSource clock);

    @BeforeEach
    final void startTheEngine() {
        clock = new MutableClock();
        ijoka = newEngine(clock);
        project = ijoka.projects().open(projectDir);
    }

    @AfterEach
    final void checkTheLogAndClose() {
        try {
            ReplayAssertions.assertStoredStateEqualsReplay(ijoka);
        } finally {
            ijoka.close();
        }
    }

    protected Feature feature(String description) {
        return feature(NewFeature.of(description, Category.FUNCTIONAL));
    }

    protected Feature feature(NewFeature spec) {
        return ijoka.features().create(project.id(), spec);
    }

    /** Starts a session of the project, with agent {@code agent-<id>}. */
    protected SessionId session(String id) {
        return ijoka.sessions().start(project.id(), SessionId.of(id), "agent-" + id).id();
    }

    /** The feature as stored now. */
    protected Feature reload(Feature f) {
        return ijoka.features().get(f.id());
    }

    protected long lastSequence() {
        return ijoka.events().lastSequence();
    }

    /** The events committed after {@code sequence}, oldest first. */
    protected List<Event> eventsAfter(long sequence) {
        return ijoka.events().after(sequence, EventQuery.MAX_LIMIT);
    }

    protected List<EventType> typesAfter(long sequence) {
        return eventsAfter(sequence).stream().map(Event::type).toList();
    }

    /** The feature's events, oldest first. */
    protected List<EventType> typesOf(Feature f) {
        return ijoka.events().query(EventQuery.latest(project.id(), EventQuery.MAX_LIMIT).forFeature(f.id())).reversed()
                .stream().map(Event::type).toList();
    }
}
