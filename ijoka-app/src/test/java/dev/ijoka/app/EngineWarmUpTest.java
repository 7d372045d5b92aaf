package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The background engine's warm-up, on a real SQLite file: every command it runs succeeds, and none changes anything. */
class EngineWarmUpTest {

    private final CliHarness cli = new CliHarness();

    @AfterEach
    void close() {
        cli.close();
    }

    @Test
    void runsTheReadsOfTheBiggestProjectAndChangesNothing() {
        cli.ok("feature", "add", "Log in");
        cli.ok("feature", "add", "Log out", "--depends-on", "#1", "--step", "A button");
        cli.ok("feature", "add", "Dark mode");
        cli.ok("feature", "start", "#1");
        cli.runIn(cli.root, "feature", "add", "A smaller project's feature"); // the temporary directory: another project
        String url = cli.env.get("IJOKA_DB");
        try (Ijoka engine = Ijoka.builder().store(url).build()) {
            long events = engine.events().lastSequence();
            List<Feature> before = features(engine);
            AtomicInteger asked = new AtomicInteger();

            EngineWarmUp.Result done = EngineWarmUp.run(engine, url, cli.env, cli.root, () -> asked.incrementAndGet() < 0);

            assertThat(done.commands()).as("projects, then status, next, two lists and a show, plain and as JSON")
                    .isEqualTo(11);
            assertThat(done.succeeded()).as("every command exits 0").isEqualTo(done.commands());
            assertThat(asked).as("each command first asks whether a real one runs").hasValue(done.commands());
            assertThat(engine.events().lastSequence()).as("no event appended").isEqualTo(events);
            assertThat(features(engine)).as("no feature changed").isEqualTo(before);
            assertThat(EngineWarmUp.commands(engine)).as("the project with the most features, by id")
                    .allSatisfy(c -> assertThat(c.getFirst().equals("projects") || c.contains("--project")).isTrue())
                    .anySatisfy(c -> assertThat(c).containsSequence("feature", "show"));
        }
    }

    @Test
    void aStoreWithoutProjectsHasNothingToRun() {
        try (Ijoka engine = Ijoka.builder().store(cli.env.get("IJOKA_DB")).build()) {
            assertThat(EngineWarmUp.run(engine, cli.env.get("IJOKA_DB"), Map.of(), cli.root, () -> false))
                    .extracting(EngineWarmUp.Result::commands, EngineWarmUp.Result::succeeded).containsExactly(0, 0);
        }
    }

    private static List<Feature> features(Ijoka engine) {
        return engine.projects().list().stream().flatMap(p -> engine.features().list(p.id()).stream()).toList();
    }
}
