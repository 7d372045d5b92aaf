package dev.ijoka.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventType;
import dev.ijoka.store.contract.ReplayAssertions;
import dev.ijoka.test.postgres.PostgresTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four JVMs, each with its own pool and listener as four machines' processes have, race round after
 * round to start (and so claim) the same new features on one PostgreSQL database. Each round every
 * racer is handed the round's features at the same moment and tries them all (each in another order,
 * so that they collide on every feature at different times). Exactly one racer wins each feature,
 * every other one gets the engine's conflict outcome (never an exception of the store), every winner
 * completes its feature, nothing is lost, and the state read from the store equals the replay of the
 * log.
 */
class PostgresClaimRaceIT {

    private static final int RACERS = 4;
    private static final int ROUNDS = 10;
    private static final int FEATURES_PER_ROUND = 3;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void racingJvmsNeverBothWinAClaimAndTheStoreEqualsTheReplayOfItsLog() throws Exception {
        String url = PostgresTestServer.migratedDatabase();
        Path projectDir = Files.createDirectories(dir.resolve("project"));
        Map<FeatureId, String> winners = new HashMap<>();
        Map<FeatureId, Integer> losses = new HashMap<>();
        List<String> output = new ArrayList<>();

        try (Ijoka planner = Ijoka.builder().store(url).build()) {
            Project project = planner.projects().open(projectDir);
            List<PostgresChildJvm> racers = new ArrayList<>();
            try {
                for (int k = 0; k < RACERS; k++) {
                    racers.add(PostgresChildJvm.start(dir, "race", url, projectDir.toString(), racer(k)));
                }
                long started = System.nanoTime();
                for (PostgresChildJvm racer : racers) {
                    assertThat(racer.awaitLine("READY", 60_000)).as("racer ready; stderr:%n%s", racer.stderr()).isTrue();
                }
                long ready = System.nanoTime();
                for (int round = 1; round <= ROUNDS; round++) {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < FEATURES_PER_ROUND; i++) {
                        ids.add(planner.features().create(project.id(),
                                NewFeature.of("round " + round + " feature " + i, Category.FUNCTIONAL)).id().value());
                    }
                    // Handed out back to back: the racers' first tries meet in the same few milliseconds.
                    for (int k = 0; k < RACERS; k++) {
                        List<String> order = new ArrayList<>(ids);
                        Collections.rotate(order, k);
                        racers.get(k).send("ROUND " + round + " " + String.join(" ", order));
                    }
                    for (PostgresChildJvm racer : racers) {
                        assertThat(racer.awaitLine("END " + round, 30_000)).as("round %d ended; stderr:%n%s", round, racer.stderr())
                                .isTrue();
                    }
                }
                System.err.printf("claim race: %d racers ready in %d ms, %d rounds of %d features in %d ms%n", RACERS,
                        (ready - started) / 1_000_000, ROUNDS, FEATURES_PER_ROUND, (System.nanoTime() - ready) / 1_000_000);
                for (PostgresChildJvm racer : racers) {
                    racer.send("EXIT");
                }
                for (PostgresChildJvm racer : racers) {
                    assertThat(racer.await(30)).as("racer exit code; stderr:%n%s", racer.stderr()).isZero();
                }
            } finally {
                racers.forEach(PostgresChildJvm::close);
            }

            for (int k = 0; k < RACERS; k++) {
                for (String line : racers.get(k).lines()) {
                    output.add(line);
                    String[] part = line.split(" ");
                    switch (part[0]) {
                        case "WON" -> assertThat(winners.put(FeatureId.of(part[2]), racer(k)))
                                .as("a second winner of %s: %s", part[2], racer(k)).isNull();
                        case "LOST" -> losses.merge(FeatureId.of(part[2]), 1, Integer::sum);
                        default -> { }
                    }
                }
            }
            assertThat(output).as("no racer saw anything but a win or the engine's conflict outcome")
                    .noneMatch(l -> l.startsWith("ERROR"));
            assertThat(output.stream().filter(l -> l.startsWith("LOST ")).map(l -> l.split(" ")[3]).distinct())
                    .as("the losers' outcomes").isSubsetOf("claim_conflict", "illegal_transition");

            List<Feature> features = planner.features().list(project.id());
            assertThat(features).hasSize(ROUNDS * FEATURES_PER_ROUND);
            for (Feature f : features) {
                assertThat(winners).as("one winner of %s", f.ref()).containsKey(f.id());
                assertThat(losses.getOrDefault(f.id(), 0)).as("losers of %s", f.ref()).isEqualTo(RACERS - 1);
                assertThat(f.status()).as("%s, completed by its winner", f.ref()).isEqualTo(Status.COMPLETE);
            }
            assertThat(output.stream().filter(l -> l.startsWith("DONE "))).as("completions acknowledged")
                    .hasSize(ROUNDS * FEATURES_PER_ROUND);

            List<Event> log = ReplayAssertions.allEvents(planner);
            assertThat(log).extracting(Event::sequence).as("sequences without gaps")
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, log.size()).boxed().toList());
            Map<FeatureId, List<Event>> starts = log.stream().filter(e -> e.type() == EventType.FEATURE_STARTED)
                    .collect(Collectors.groupingBy(Event::feature));
            Map<FeatureId, Long> claims = log.stream().filter(e -> e.type() == EventType.CLAIM_TAKEN)
                    .collect(Collectors.groupingBy(Event::feature, Collectors.counting()));
            assertThat(starts.keySet()).as("features started").isEqualTo(winners.keySet());
            starts.forEach((id, events) -> {
                assertThat(events).as("starts of %s in the log", id).hasSize(1);
                assertThat(events.getFirst().session()).as("the session that started %s", id).isEqualTo(SessionId.of(winners.get(id)));
            });
            assertThat(claims.keySet()).as("features claimed").isEqualTo(winners.keySet());
            assertThat(claims.values()).as("one claim per feature in the log").allMatch(n -> n == 1);
            ReplayAssertions.assertStoredStateEqualsReplay(planner);
        }
    }

    private static String racer(int k) {
        return "racer-" + k;
    }
}
