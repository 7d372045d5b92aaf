package dev.ijoka.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.Step;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventType;
import dev.ijoka.store.contract.ReplayAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four processes race for the same features on one SQLite file (DESIGN.md §9): each tries to start
 * every feature, completes what it won, rewrites one shared feature's checklist and records
 * activity, all at once. Exactly one wins each feature, no busy error reaches any of them, no
 * update is lost, and the stored state equals a replay of the log.
 */
class ConcurrentProcessesIT {

    private static final int PROCESSES = 4;
    private static final int FEATURES = 30;
    private static final int STEPS_EACH = 8;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void racingProcessesNeverBothWinAClaimNeverSeeBusyAndNeverLoseAnUpdate() throws Exception {
        String url = TemplateDatabase.copyTo(dir.resolve("race.db"));
        Path projectDir = Files.createDirectories(dir.resolve("project"));
        try (Ijoka ijoka = Ijoka.builder().store(url).build()) {
            Project project = ijoka.projects().open(projectDir);
            ijoka.features().create(project.id(), NewFeature.of("shared checklist", Category.TESTING)
                    .withStepList(IntStream.range(0, PROCESSES * STEPS_EACH).mapToObj(i -> Step.todo("step " + i)).toList()));
            for (int i = 0; i < FEATURES; i++) {
                ijoka.features().create(project.id(), NewFeature.of("contested " + i, Category.FUNCTIONAL));
            }
        }

        List<ChildJvm> racers = new ArrayList<>();
        try {
            for (int k = 0; k < PROCESSES; k++) {
                racers.add(ChildJvm.start(dir, "race", url, projectDir.toString(), "racer-" + k,
                        String.valueOf(k * STEPS_EACH), String.valueOf(STEPS_EACH)));
            }
            for (ChildJvm racer : racers) {
                assertThat(racer.awaitLine("READY", 90_000)).as("racer ready; stderr:%n%s", racer.stderr()).isTrue();
            }
            for (ChildJvm racer : racers) {
                racer.send("GO");
            }
            for (ChildJvm racer : racers) {
                assertThat(racer.await(150)).as("racer exit code; stderr:%n%s", racer.stderr()).isZero();
                assertThat(racer.lines()).as("racer output").contains("FINISHED").noneMatch(l -> l.startsWith("ERROR"));
            }
        } finally {
            racers.forEach(ChildJvm::close);
        }

        List<String> output = racers.stream().flatMap(r -> r.lines().stream()).toList();
        Map<String, Long> wins = output.stream().filter(l -> l.startsWith("WON "))
                .collect(Collectors.groupingBy(l -> l.substring(4), Collectors.counting()));
        Map<String, Long> losses = output.stream().filter(l -> l.startsWith("LOST "))
                .collect(Collectors.groupingBy(l -> l.split(" ")[1], Collectors.counting()));

        try (Ijoka ijoka = Ijoka.builder().store(url).build()) {
            Project project = ijoka.projects().find(projectDir).orElseThrow();
            List<Feature> features = ijoka.features().list(project.id());
            Feature shared = features.getFirst();
            List<Feature> contested = features.subList(1, features.size());

            assertThat(contested).hasSize(FEATURES);
            for (Feature f : contested) {
                String id = f.id().value();
                assertThat(wins.getOrDefault(id, 0L)).as("winners of %s", f.ref()).isEqualTo(1);
                assertThat(wins.get(id) + losses.getOrDefault(id, 0L)).as("tries on %s", f.ref()).isEqualTo(PROCESSES);
                assertThat(f.status()).as("%s", f.ref()).isEqualTo(Status.COMPLETE);
            }
            assertThat(shared.steps()).as("every racer's checked steps (a lost update would uncheck one)")
                    .allMatch(Step::done);
            assertThat(output.stream().filter(l -> l.startsWith("STEP "))).hasSize(PROCESSES * STEPS_EACH);

            List<Event> log = ReplayAssertions.allEvents(ijoka);
            assertThat(log).extracting(Event::sequence).as("sequences without gaps")
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, log.size()).boxed().toList());
            Map<FeatureId, Long> starts = log.stream().filter(e -> e.type() == EventType.FEATURE_STARTED)
                    .collect(Collectors.groupingBy(Event::feature, Collectors.counting()));
            Map<FeatureId, Long> claims = log.stream().filter(e -> e.type() == EventType.CLAIM_TAKEN)
                    .collect(Collectors.groupingBy(Event::feature, Collectors.counting()));
            Map<FeatureId, Feature> byId = contested.stream().collect(Collectors.toMap(Feature::id, Function.identity()));
            assertThat(starts.keySet()).isEqualTo(byId.keySet());
            assertThat(starts.values()).as("one start per feature in the log").allMatch(n -> n == 1);
            assertThat(claims.values()).as("one claim per feature in the log").allMatch(n -> n == 1);
            assertThat(log.stream().filter(e -> e.type() == EventType.PROMPT_SUBMITTED)).hasSize(PROCESSES * FEATURES);
            ReplayAssertions.assertStoredStateEqualsReplay(ijoka);
        }
    }
}
