package dev.ijoka.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionState;
import dev.ijoka.mcp.internal.SessionActor;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each connection is one agent session, served by its session actor: started on the first call and
 * named after the client, kept alive by activity, seen going idle and stale, restarted from the store
 * after a failure, and ended, with its claims released, when the connection goes.
 */
class SessionLifecycleTest {

    @TempDir
    Path project;

    @Test
    void aConnectionIsASessionNamedAfterTheClientStartedOnItsFirstCall() {
        try (Ijoka ijoka = Ijoka.inMemory();
             Harness h = Harness.start(ijoka, Harness.options(project), "claude-code", project)) {
            assertThat(ijoka.projects().list()).isEmpty();
            h.agent.ok("ijoka_status");
            Project p = ijoka.projects().open(project);
            assertThat(ijoka.sessions().list(p.id())).singleElement().satisfies(s -> {
                assertThat(s.id().value()).startsWith("mcp-");
                assertThat(s.agent()).isEqualTo("claude-code");
                assertThat(s.endedAt()).isNull();
            });
        }
    }

    @Test
    void aGivenSessionIdIsTheFirstConnectionsSessionAndTheClientsProcessIsLinkedToIt() {
        try (Ijoka ijoka = Ijoka.inMemory()) {
            McpOptions options = Harness.options(project).withSessionId("claude-abc");
            Project p = ijoka.projects().open(project);
            // Claude Code's SessionStart hook often comes first: the server joins that session and its project.
            ijoka.sessions().start(p.id(), dev.ijoka.domain.SessionId.of("claude-abc"), "claude-code");
            try (Harness first = Harness.start(ijoka, options, "claude-code", project.resolve("elsewhere"))) {
                first.agent.ok("ijoka_add_feature", "description", "Schema");
                first.agent.ok("ijoka_start_feature", "feature", "#1");

                assertThat(ijoka.features().list(p.id()).getFirst().claim().session().value()).isEqualTo("claude-abc");
                assertThat(ijoka.sessions().list(p.id())).extracting(s -> s.id().value()).containsExactly("claude-abc");
                dev.ijoka.domain.SessionId parent = dev.ijoka.domain.SessionId.ofProcess(ProcessHandle.current().parent().orElseThrow())
                        .orElseThrow();
                assertThat(ijoka.sessions().resolve(parent).value()).isEqualTo("claude-abc");
            }
        }
    }

    @Test
    void disconnectingEndsTheSessionAndReleasesItsClaims() throws Exception {
        try (Ijoka ijoka = Ijoka.inMemory()) {
            Harness first = Harness.start(ijoka, Harness.options(project), "claude-code", project);
            first.agent.ok("ijoka_add_feature", "description", "Schema");
            first.agent.ok("ijoka_start_feature");
            first.disconnect();
            Project p = ijoka.projects().open(project);
            Session ended = ijoka.sessions().list(p.id()).getFirst();
            assertThat(ended.endedAt()).isNotNull();
            Feature f = ijoka.features().get(FeatureRef.parse(p.id(), "#1"));
            assertThat(f.claim()).as("the claim is released").isNull();
            try (Harness second = Harness.start(ijoka, Harness.options(project), "other-agent", project)) {
                Map<String, Object> taken = Agent.map(second.agent.ok("ijoka_start_feature", "feature", "#1").get("feature"));
                assertThat(Agent.map(taken.get("claim"))).containsEntry("yours", true);
            }
            first.close();
        }
    }

    @Test
    void closingTheServerEndsItsSessions() {
        try (Ijoka ijoka = Ijoka.inMemory()) {
            Harness h = Harness.start(ijoka, Harness.options(project), "claude-code", project);
            h.agent.ok("ijoka_status");
            h.close();
            Session s = ijoka.sessions().list(ijoka.projects().open(project).id()).getFirst();
            assertThat(s.endedAt()).isNotNull();
        }
    }

    @Test
    void aFailedActorIsRestartedFromTheStoreAndTheServerKeepsAnswering() throws Exception {
        // The actor's clock fails the way a bug would (an Error no tool call catches): a real failure of
        // the actor's thread, with no test-only entry point in the actor.
        FaultyClock clock = new FaultyClock();
        try (Ijoka ijoka = Ijoka.inMemory();
             Harness h = Harness.start(ijoka, Harness.options(project).withClock(clock), "claude-code", project)) {
            h.agent.ok("ijoka_add_feature", "description", "Schema");
            h.agent.ok("ijoka_start_feature");
            SessionActor actor = h.server.tools().registry().actors().getFirst();

            clock.failNext();
            callThatMayFail(h.agent);
            assertThat(Agent.map(h.agent.ok("ijoka_status").get("workingOn"))).containsEntry("ref", "#1");
            assertThat(actor.restarts()).isEqualTo(1);

            // Someone ends the session behind the actor's back; after the next failure it resumes it.
            ijoka.sessions().end(actor.id(), "ended elsewhere");
            clock.failNext();
            callThatMayFail(h.agent);
            h.agent.ok("ijoka_status");
            assertThat(actor.restarts()).isEqualTo(2);
            assertThat(ijoka.sessions().get(actor.id()).endedAt()).isNull();
            h.agent.ok("ijoka_start_feature", "feature", "#1");
        }
    }

    @Test
    void aQuietSessionIsSeenIdleThenStaleAndItsLeaseLapses() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
        try (Ijoka ijoka = Ijoka.builder().store("memory:").clock(clock).build();
             Harness h = Harness.start(ijoka, Harness.options(project).withClock(clock), "claude-code", project)) {
            h.agent.ok("ijoka_add_feature", "description", "Schema");
            h.agent.ok("ijoka_start_feature");
            SessionActor actor = h.server.tools().registry().actors().getFirst();
            assertThat(actor.housekeepNow()).isEqualTo(SessionState.ACTIVE);

            clock.advance(Duration.ofMinutes(6));
            assertThat(actor.housekeepNow()).isEqualTo(SessionState.IDLE);
            clock.advance(Duration.ofMinutes(25));
            assertThat(actor.housekeepNow()).isEqualTo(SessionState.STALE);
            Project p = ijoka.projects().open(project);
            assertThat(ijoka.features().get(FeatureRef.parse(p.id(), "#1")).claim()).as("lease lapsed").isNull();

            h.agent.ok("ijoka_status");
            assertThat(actor.observedState()).isEqualTo(SessionState.ACTIVE);
            assertThat(actor.housekeepNow()).isEqualTo(SessionState.ACTIVE);
        }
    }

    @Test
    void activityRenewsTheLeaseOnceHalfOfItIsSpent() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
        try (Ijoka ijoka = Ijoka.builder().store("memory:").clock(clock).build();
             Harness h = Harness.start(ijoka, Harness.options(project).withClock(clock), "claude-code", project)) {
            h.agent.ok("ijoka_add_feature", "description", "Schema");
            h.agent.ok("ijoka_start_feature");
            Project p = ijoka.projects().open(project);
            Instant first = ijoka.features().get(FeatureRef.parse(p.id(), "#1")).claim().leaseUntil();

            clock.advance(Duration.ofMinutes(20));
            h.agent.ok("ijoka_list_features");
            Instant renewed = ijoka.features().get(FeatureRef.parse(p.id(), "#1")).claim().leaseUntil();
            assertThat(renewed).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)).truncatedTo(java.time.temporal.ChronoUnit.MICROS))
                    .isAfter(first);
        }
    }

    @Test
    void twoConnectionsRacingForTheSameFeaturesNeverBothWin() throws Exception {
        try (Ijoka ijoka = Ijoka.inMemory();
             Harness a = Harness.start(ijoka, Harness.options(project), "agent-a", project);
             Harness b = Harness.start(ijoka, Harness.options(project), "agent-b", project);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            int features = 12;
            for (int i = 1; i <= features; i++) {
                a.agent.ok("ijoka_add_feature", "description", "Feature " + i);
            }
            // Head to head on one feature at a time.
            for (int i = 1; i <= features / 2; i++) {
                String ref = "#" + i;
                CyclicBarrier barrier = new CyclicBarrier(2);
                Future<McpSchema.CallToolResult> ra = pool.submit(() -> {
                    barrier.await();
                    return a.agent.call("ijoka_start_feature", "feature", ref);
                });
                Future<McpSchema.CallToolResult> rb = pool.submit(() -> {
                    barrier.await();
                    return b.agent.call("ijoka_start_feature", "feature", ref);
                });
                List<McpSchema.CallToolResult> both = List.of(ra.get(), rb.get());
                assertThat(both).filteredOn(r -> !r.isError()).as("winners of " + ref).hasSize(1);
                assertThat(both).filteredOn(McpSchema.CallToolResult::isError).singleElement()
                        .satisfies(r -> assertThat(Agent.text(r)).startsWith("claim_conflict: "));
                (ra.get().isError() ? b : a).agent.ok("ijoka_complete_feature", "feature", ref);
            }
            // Both taking "the next one" until nothing is left: every feature goes to exactly one of them.
            List<Future<List<String>>> takers = new ArrayList<>();
            for (Harness h : List.of(a, b)) {
                takers.add(pool.submit(() -> {
                    List<String> won = new ArrayList<>();
                    while (true) {
                        McpSchema.CallToolResult r = h.agent.call("ijoka_start_feature", Map.of());
                        if (r.isError()) {
                            assertThat(Agent.text(r)).startsWith("nothing_ready: ");
                            return won;
                        }
                        String ref = (String) Agent.map(Agent.map(r.structuredContent()).get("feature")).get("ref");
                        won.add(ref);
                        // Holding one, a start without a feature answers the held one: complete it to move on.
                        h.agent.ok("ijoka_complete_feature", "feature", ref);
                    }
                }));
            }
            Set<String> all = new HashSet<>();
            int total = 0;
            for (Future<List<String>> t : takers) {
                List<String> won = t.get();
                total += won.size();
                all.addAll(won);
            }
            assertThat(total).as("no feature taken twice").isEqualTo(all.size()).isEqualTo(features / 2);
        }
    }

    @Test
    void theProjectComesFromRootsElseClaudeProjectDirElseTheWorkingDirectory() throws Exception {
        Path fromRoots = Files.createDirectory(project.resolve("roots"));
        Path fromEnv = Files.createDirectory(project.resolve("env"));
        Path cwd = Files.createDirectory(project.resolve("cwd"));
        McpOptions options = Harness.options(cwd).withEnvironment(Map.of(McpOptions.CLAUDE_PROJECT_DIR, fromEnv.toString()));
        try (Ijoka ijoka = Ijoka.inMemory()) {
            assertThat(rootOf(ijoka, options, fromRoots)).isEqualTo(fromRoots.toString());
            assertThat(rootOf(ijoka, options, null)).isEqualTo(fromEnv.toString());
            assertThat(rootOf(ijoka, Harness.options(cwd), null)).isEqualTo(cwd.toString());
            assertThat(rootOf(ijoka, options.withProjectDirectory(cwd), fromRoots)).as("an explicit project wins")
                    .isEqualTo(cwd.toString());
        }
    }

    private static String rootOf(Ijoka ijoka, McpOptions options, Path root) {
        try (Harness h = Harness.start(ijoka, options, "claude-code", root)) {
            return (String) Agent.map(h.agent.ok("ijoka_status").get("project")).get("root");
        }
    }

    /** A call made while the actor fails: its answer is an error of some kind, which is not what these tests check. */
    private static void callThatMayFail(Agent agent) {
        try {
            agent.call("ijoka_status");
        } catch (RuntimeException expected) {
            // the async transport answers a failed actor with a JSON-RPC error
        }
    }

    /** The system clock, except that it fails once, with an {@link Error}, after {@link #failNext()}. */
    static final class FaultyClock implements InstantSource {
        private final java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();

        void failNext() {
            armed.set(true);
        }

        @Override
        public Instant instant() {
            if (armed.compareAndSet(true, false)) {
                throw new LinkageError("the clock failed (a fault the test injected)");
            }
            return Instant.now();
        }
    }

    /** A clock the test moves by hand, shared by the engine and the session actors. */
    static final class MutableClock implements InstantSource {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
