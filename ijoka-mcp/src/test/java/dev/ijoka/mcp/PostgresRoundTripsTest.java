package dev.ijoka.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.test.postgres.PostgresTestServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trips to a real PostgreSQL server that each warm tool call of a server makes, counted from
 * the driver's protocol trace ({@link PgWire}): on PostgreSQL a call's time is mostly waiting for them
 * (docs/benchmarks.md, "MCP on the real stores"). The calls are those {@code McpBenchmark} times, in the
 * same steady state: the server has answered before (it holds its snapshot), and a write's effect is
 * undone, untimed, before the next one, as the benchmark does. Each bound is what the code needs today;
 * a change that adds a round trip to a call fails here before it shows in the benchmark's figures.
 */
class PostgresRoundTripsTest {

    @TempDir
    Path project;

    private Ijoka ijoka;
    private Harness harness;
    private Agent agent;
    private PgWire wire;

    @BeforeEach
    void start() {
        if ("1".equals(System.getenv("IJOKA_ROUNDTRIPS_FSYNC"))) {
            // To time the round trips as a durable server has them, as the benchmark's does (the test kit's server
            // runs without fsync). The server must start so: run this class alone (-Dtest=PostgresRoundTripsTest).
            System.setProperty(PostgresTestServer.DURABLE_PROPERTY, "true");
            org.junit.jupiter.api.Assertions.assertEquals("on", PostgresTestServer.setting("fsync"),
                    "the test kit's server started before this class asked for fsync: run it alone");
        }
        wire = new PgWire(); // from the start, so that it knows the statements prepared before the calls
        // prepareThreshold=0: no statements prepared by name, whose names each connection gives anew, so that
        // the trace shows every statement's text; a statement's round trip is the same either way.
        ijoka = Ijoka.builder().store(PostgresTestServer.migratedDatabase() + "&prepareThreshold=0").build();
        harness = Harness.start(ijoka, Harness.options(project), "claude-code", project);
        agent = harness.agent;
        agent.ok("ijoka_add_feature", "description", "Schema", "steps", List.of("tables exist"));
        agent.ok("ijoka_add_feature", "description", "Log in", "dependsOn", List.of("#1"), "steps", List.of("it works"));
        agent.ok("ijoka_add_feature", "description", "Reset password", "dependsOn", List.of("#2"));
        agent.ok("ijoka_add_feature", "description", "Log out", "dependsOn", List.of("#2"));
        agent.ok("ijoka_add_feature", "description", "Docs", "steps", List.of("written", "reviewed"));
        agent.ok("ijoka_add_feature", "description", "Blockable", "priority", 1);
        agent.ok("ijoka_add_feature", "description", "Depended on", "priority", 2);
        // The snapshot held, as the benchmark's server holds it when it measures (built in the background otherwise,
        // whose round trips could fall among a call's).
        ijoka.plan().graph(ijoka.projects().open(project).id());
    }

    @AfterEach
    void stop() {
        wire.close();
        harness.close();
        ijoka.close();
    }

    @Test
    void warmToolCallsMakeFewRoundTrips() {
        Map<String, Integer> trips = new LinkedHashMap<>();
        trips.put("status", measured("status", () -> agent.ok("ijoka_status"), null));
        trips.put("next", measured("next", () -> agent.ok("ijoka_next_feature"), null));
        trips.put("list", measured("list", () -> agent.ok("ijoka_list_features"), null));
        trips.put("listReady", measured("listReady", () -> agent.ok("ijoka_list_features", "ready", true), null));
        trips.put("get", measured("get", () -> agent.ok("ijoka_get_feature", "feature", "#2"), null));
        trips.put("insights", measured("insights", () -> agent.ok("ijoka_get_insights"), null));
        trips.put("block", measured("block", () -> agent.ok("ijoka_block_feature", "feature", "#6", "reason", "waits"),
                () -> agent.ok("ijoka_unblock_feature", "feature", "#6")));
        int[] added = {0};
        trips.put("add", measured("add", () -> agent.ok("ijoka_add_feature", "description", "Added " + ++added[0],
                "category", "functional", "dependsOn", List.of("#7")), null));
        trips.put("start", measured("start", () -> agent.ok("ijoka_start_feature", "feature", "#5"), () -> {
            agent.ok("ijoka_block_feature", "feature", "#5", "reason", "reset");
            agent.ok("ijoka_unblock_feature", "feature", "#5");
        }));
        agent.ok("ijoka_start_feature", "feature", "#5");
        boolean[] done = {false};
        trips.put("checkStep", measured("checkStep", () -> agent.ok("ijoka_check_step", "step", 0, "done", done[0] = !done[0]), null));

        System.out.println("[PostgresRoundTripsTest] round trips per warm call: " + trips);
        // Before the changes of docs/benchmarks.md ("Round trips on PostgreSQL"): 9, 16, 3, 3, 18, 3, 11, 29, 24, 19;
        // before "PostgreSQL writes: the lock and the unread writes ride along": block 8, add 20, start 12, checkStep 9;
        // before "PostgreSQL start and add: the plan held under the lock" (a current snapshot answers the feature, its
        // dependencies, the next number and the rules inside the write, and takes the new feature and edges): add 11,
        // start 10; before a tool call's reads looked at the log once (Ijoka.oneLook; the reads after a write answered
        // as of its commit): status 3, next 7, get 6, add 7, start 8; before the events' insert went with the COMMIT, the
        // caller's session was read in the write lock's round trip and the compare-and-set was held back
        // (docs/benchmarks.md, "PostgreSQL writes in three round trips"): block 6, add 3, start 6, checkStep 7.
        Map<String, Integer> bounds = Map.of("status", 2, "next", 4, "list", 1, "listReady", 1, "get", 2, "insights", 1,
                "block", 3, "add", 2, "start", 3, "checkStep", 4);
        trips.forEach((tool, n) -> assertThat(n).as("round trips of a warm %s", tool).isLessThanOrEqualTo(bounds.get(tool)));
    }

    /**
     * The round trips of the third of three calls (the first two bring the server to its steady state),
     * each call's effect undone by {@code reset}, untimed, as the benchmark does; the trips are printed.
     */
    private int measured(String name, Supplier<Map<String, Object>> call, Runnable reset) {
        for (int i = 0; i < 2; i++) {
            call.get();
            if (reset != null) {
                reset.run();
            }
        }
        wire.reset();
        long started = System.nanoTime();
        call.get();
        long took = System.nanoTime() - started;
        List<PgWire.RoundTrip> trips = wire.trips();
        if (reset != null) {
            reset.run();
        }
        StringBuilder out = new StringBuilder(name).append(":\n");
        for (PgWire.RoundTrip t : trips) {
            out.append("  ").append(String.format("%6.3f ms ", t.nanos() / 1e6)).append(t.thread()).append(": ")
                    .append(t.statements()).append('\n');
        }
        System.out.print(out);
        // Timings from one call of a test JVM (the trace itself costs), to see where a call waits, not to judge.
        System.out.printf("  = %d round trips, %.3f ms waiting for them, the call %.3f ms%n", trips.size(),
                trips.stream().mapToLong(PgWire.RoundTrip::nanos).sum() / 1e6, took / 1e6);
        return trips.size();
    }
}
