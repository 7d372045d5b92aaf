package dev.ijoka.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Status;
import dev.ijoka.event.Event;
import dev.ijoka.spi.Store;
import dev.ijoka.store.contract.ReplayAssertions;
import dev.ijoka.test.postgres.PostgresTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost on PostgreSQL either: a child JVM changes the store and prints each
 * change once its call has returned (after the commit); it is killed with SIGKILL at random moments,
 * again and again (now and then while it still opens the store), and started again. After each kill
 * the write lock is free at once (the server ends the dead client's session and its transaction with
 * it: a new writer never waits for a dead one); afterwards every acknowledged change is present, the
 * log has no gap, no advisory lock is left, and the stored state equals the replay of the log.
 */
class PostgresKillNineIT {

    private static final int KILLS = 8;

    /** How long a new writer may wait for the lock a killed one held: the server notices a dead client at once. */
    private static final long LOCK_PATIENCE_MILLIS = 2_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void everyAcknowledgedChangeSurvivesKillNineAndTheWriteLockDiesWithTheWriter() throws Exception {
        String url = PostgresTestServer.migratedDatabase();
        Path projectDir = Files.createDirectories(dir.resolve("project"));
        long seed = Long.getLong("ijoka.killnine.seed", System.nanoTime());
        Random random = new Random(seed);
        List<String> acks = new ArrayList<>();
        int workingKills = 0;
        long slowestLockMillis = 0;

        for (int run = 0; run < KILLS; run++) {
            try (PostgresChildJvm child = PostgresChildJvm.start(dir, "append", url, projectDir.toString(), String.valueOf(seed + run))) {
                // Mostly while it writes; now and then while it opens the store (the pool, the listener).
                boolean duringStartup = run > 0 && random.nextInt(5) == 0;
                if (!duringStartup) {
                    assertThat(child.awaitLine("READY", 60_000)).as("run %d started; stderr:%n%s", run, child.stderr()).isTrue();
                    workingKills++;
                }
                if (duringStartup) {
                    Thread.sleep(random.nextInt(1_500));
                } else {
                    // A random moment of its work, counted in acknowledgements rather than milliseconds,
                    // so that a slow (loaded) machine kills it as often mid-write as a fast one.
                    assertThat(child.awaitLines(l -> l.startsWith("ACK "), 1 + random.nextInt(6), 60_000)).as("run %d wrote; stderr:%n%s", run, child.stderr())
                            .isTrue();
                    Thread.sleep(random.nextInt(150));
                }
                child.kill();
                child.lines().stream().filter(l -> l.startsWith("ACK ")).forEach(acks::add);
            }
            long waited = millisUntilWriteLockIsFree(url);
            assertThat(waited).as("(seed %d) run %d: a new writer waited for the killed one's lock", seed, run)
                    .isLessThan(LOCK_PATIENCE_MILLIS);
            slowestLockMillis = Math.max(slowestLockMillis, waited);
        }

        // Not the point of the test, only a guard against passing vacuously.
        assertThat(acks.size()).as("acknowledged changes (seed %d)", seed).isGreaterThanOrEqualTo(workingKills);
        assertThat(advisoryLocks(url)).as("advisory locks left held").isZero();

        try (Ijoka ijoka = Ijoka.builder().store(url).build()) {
            Project project = ijoka.projects().find(projectDir).orElseThrow();
            Map<FeatureId, Feature> features = ijoka.features().list(project.id()).stream()
                    .collect(Collectors.toMap(Feature::id, Function.identity()));
            Set<String> insights;
            try (Store store = PostgresStore.open(url)) {
                insights = store.read(r -> r.insights(project.id())).stream().map(Insight::id).collect(Collectors.toSet());
            }
            for (String ack : acks) {
                String[] part = ack.split(" ");
                switch (part[1]) {
                    case "created" -> assertThat(features).as("(seed %d) %s", seed, ack).containsKey(FeatureId.of(part[2]));
                    case "status" -> {
                        Feature stored = features.get(FeatureId.of(part[2]));
                        assertThat(stored).as("(seed %d) %s", seed, ack).isNotNull();
                        assertThat(stored.version()).as("(seed %d) %s: version", seed, ack).isGreaterThanOrEqualTo(Long.parseLong(part[4]));
                        // The child only moves features forward: pending, in progress, complete.
                        assertThat(stored.status().ordinal()).as("(seed %d) %s: status %s", seed, ack, stored.status())
                                .isGreaterThanOrEqualTo(Status.fromWire(part[3]).ordinal());
                    }
                    case "insight" -> assertThat(insights).as("(seed %d) %s", seed, ack).contains(part[2]);
                    default -> throw new AssertionError("unexpected line " + ack);
                }
            }
            List<Event> log = ReplayAssertions.allEvents(ijoka);
            assertThat(log).extracting(Event::sequence).as("(seed %d) sequences without gaps", seed)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, log.size()).boxed().toList());
            ReplayAssertions.assertStoredStateEqualsReplay(ijoka);
        }
        System.err.printf("kill -9: %d kills (%d while writing), %d acknowledged changes, all present;"
                + " the write lock free after at most %d ms (seed %d)%n", KILLS, workingKills, acks.size(), slowestLockMillis, seed);
    }

    /** Takes the write lock as the next writer would, and returns how long that took. */
    private static long millisUntilWriteLockIsFree(String url) throws Exception {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(LOCK_PATIENCE_MILLIS * 5);
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                s.setLong(1, PostgresConnections.WRITE_LOCK);
                while (true) {
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        if (rs.getBoolean(1) || System.nanoTime() > deadline) {
                            c.rollback();
                            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                        }
                    }
                    c.rollback();
                    Thread.sleep(5);
                }
            }
        }
    }

    private static long advisoryLocks(String url) throws Exception {
        return PostgresMigrationTest.query(url, "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
                + " WHERE l.locktype = 'advisory' AND d.datname = current_database()");
    }
}
