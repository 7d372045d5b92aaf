package dev.ijoka.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Status;
import dev.ijoka.spi.Store;
import dev.ijoka.store.contract.ReplayAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost (DESIGN.md §9): a child process changes the store and prints each
 * change once its call has returned; it is killed with SIGKILL at random moments, again and again
 * (including while it opens the store, and during the very first migration). Afterwards the file
 * passes {@code PRAGMA integrity_check}, holds every acknowledged change, and equals a replay of its log.
 */
class DurabilityIT {

    private static final int KILLS = 20;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void everyAcknowledgedChangeSurvivesKillNineAtRandomMoments() throws Exception {
        Path db = dir.resolve("durable.db");
        String url = "jdbc:sqlite:" + db;
        Path projectDir = Files.createDirectories(dir.resolve("project"));
        long seed = Long.getLong("ijoka.durability.seed", System.nanoTime());
        Random random = new Random(seed);
        List<String> acks = new ArrayList<>();
        int readyRuns = 0;

        for (int run = 0; run < KILLS; run++) {
            try (ChildJvm child = ChildJvm.start(dir, "durability", url, projectDir.toString(), String.valueOf(seed + run))) {
                // Mostly while it works; now and then while it starts (opening, or the first run's migration).
                boolean duringStartup = random.nextInt(6) == 0;
                if (!duringStartup) {
                    assertThat(child.awaitLine("READY", 60_000)).as("run %d started; stderr:%n%s", run, child.stderr()).isTrue();
                    readyRuns++;
                }
                if (duringStartup) {
                    Thread.sleep(random.nextInt(1_500));
                } else {
                    // A random moment of its work counted in acknowledgements, not milliseconds: a loaded
                    // machine writes more slowly, and the guard below then failed for want of work.
                    awaitAcks(child, 1 + random.nextInt(4));
                    Thread.sleep(random.nextInt(150));
                }
                child.kill();
                child.lines().stream().filter(l -> l.startsWith("ACK ")).forEach(acks::add);
            }
        }

        assertThat(readyRuns).as("runs that got to work (seed %d)", seed).isGreaterThanOrEqualTo(KILLS / 2);
        // Not the point of the test, only a guard against passing vacuously.
        assertThat(acks.size()).as("acknowledged changes (seed %d)", seed).isGreaterThanOrEqualTo(readyRuns);
        assertThat(integrityCheck(db)).as("PRAGMA integrity_check").isEqualTo("ok");

        try (Ijoka ijoka = Ijoka.builder().store(url).build()) {
            Project project = ijoka.projects().find(projectDir).orElseThrow();
            Map<FeatureId, Feature> features = ijoka.features().list(project.id()).stream()
                    .collect(Collectors.toMap(Feature::id, Function.identity()));
            // Read through the store: the API's search returns a bounded page (500), and a run can record more.
            Set<String> insights;
            try (Store store = new SqliteStoreProvider().open(url)) {
                insights = store.read(r -> r.insights(project.id())).stream().map(Insight::id).collect(Collectors.toSet());
            }
            for (String ack : acks) {
                String[] part = ack.split(" ");
                switch (part[1]) {
                    case "created" -> assertThat(features).as("(seed %d) %s", seed, ack).containsKey(FeatureId.of(part[2]));
                    case "status" -> {
                        Feature stored = features.get(FeatureId.of(part[2]));
                        assertThat(stored).as("(seed %d) %s", seed, ack).isNotNull();
                        Status acked = Status.fromWire(part[3]);
                        long version = Long.parseLong(part[4]);
                        assertThat(stored.version()).as("(seed %d) %s: version", seed, ack).isGreaterThanOrEqualTo(version);
                        // This child only moves features forward: pending, in progress, complete.
                        assertThat(stored.status().ordinal()).as("(seed %d) %s: status %s", seed, ack, stored.status())
                                .isGreaterThanOrEqualTo(acked.ordinal());
                    }
                    case "insight" -> assertThat(insights).as("(seed %d) %s", seed, ack).contains(part[2]);
                    default -> throw new AssertionError("unexpected line " + ack);
                }
            }
            ReplayAssertions.assertStoredStateEqualsReplay(ijoka);
        }
        System.err.printf("durability: %d kills (%d while working), %d acknowledged changes, all present (seed %d)%n",
                KILLS, readyRuns, acks.size(), seed);
    }

    private static void awaitAcks(ChildJvm child, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (child.lines().stream().filter(l -> l.startsWith("ACK ")).count() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
    }

    private static String integrityCheck(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            List<String> problems = new ArrayList<>();
            while (rs.next()) {
                problems.add(rs.getString(1));
            }
            return String.join("\n", problems);
        }
    }
}
