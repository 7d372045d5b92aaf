package dev.ijoka.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.SessionId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard judges time by the engine's clock, not the wall clock: a lease's countdown, "x min
 * ago" and a session's state follow the engine, so tests and replays agree with what the engine
 * decided. The engine's clock here stands years in the past and moves only when the test moves it.
 */
class EngineClockIT {

    private static final Instant START = Instant.parse("2020-03-01T10:00:00Z");

    @TempDir
    Path dir;
    private final AtomicReference<Instant> now = new AtomicReference<>(START);
    private final InstantSource clock = now::get;
    private TestServer t;

    @BeforeEach
    void start() throws Exception {
        t = new TestServer(dir, clock);
    }

    @AfterEach
    void stop() {
        t.close();
    }

    @Test
    void leaseCountdownAndAgoFollowTheEnginesClock() {
        Feature f = t.ijoka.features().create(t.project.id(), NewFeature.of("Login", Category.SECURITY));
        t.ijoka.sessions().start(t.project.id(), SessionId.of("s-1"), "claude-code");
        t.ijoka.features().start(f.id(), SessionId.of("s-1"));
        String panel = "/p/" + t.project.id().value() + "/features/" + f.id().value() + "/panel";

        advance(Duration.ofMinutes(10));
        assertThat(claim().get("live").asBoolean()).as("20 of the 30 minutes are left").isTrue();
        assertThat(t.get(panel).body()).contains("since 10 min ago").contains("ends in 20 min");
        assertThat(sessionState()).isEqualTo("idle");

        advance(Duration.ofMinutes(25));
        assertThat(claim().get("live").asBoolean()).as("the lease ran out 5 minutes ago").isFalse();
        assertThat(t.get(panel).body()).contains("lapsed 5 min ago");
        assertThat(sessionState()).isEqualTo("stale");
    }

    private void advance(Duration by) {
        now.updateAndGet(at -> at.plus(by));
    }

    private JsonNode claim() {
        return TestServer.JSON.readTree(t.get(t.api("/features/%231")).body()).get("claim");
    }

    private String sessionState() {
        return TestServer.JSON.readTree(t.get(t.api("/sessions")).body()).get("items").get(0).get("state").asString();
    }
}
