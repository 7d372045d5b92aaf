package dev.ijoka.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Session;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link McpMain} as a real process, driven by the MCP SDK's own stdio client, as Claude Code drives
 * {@code ijoka mcp}: a whole agent scenario with every kind of bad input, then two server processes
 * racing for the same features on one SQLite file.
 */
class McpServerIT {

    @TempDir
    Path dir;

    @Test
    void anAgentWorksAProjectThroughTheServerProcess() throws Exception {
        String db = "jdbc:sqlite:" + dir.resolve("ijoka.db");
        Path project = dir.resolve("project");
        java.nio.file.Files.createDirectories(project);
        try (McpSyncClient client = connect(db, project, "claude-code")) {
            Agent agent = new Agent(client);
            assertThat(client.listTools().tools()).hasSize(15);

            agent.ok("ijoka_add_feature", "description", "Schema", "priority", 2, "steps", List.of("tables exist"));
            agent.ok("ijoka_add_feature", "description", "Login", "dependsOn", List.of("#1"));
            agent.ok("ijoka_add_feature", "description", "Docs", "category", "documentation");
            assertThat(Agent.map(agent.ok("ijoka_next_feature").get("feature"))).containsEntry("ref", "#1");
            agent.error("dependencies_incomplete", "ijoka_start_feature", "feature", "#2");
            assertThat(Agent.map(agent.ok("ijoka_start_feature").get("feature"))).containsEntry("ref", "#1");
            agent.ok("ijoka_check_step", "step", 0);
            assertThat(Agent.list(agent.ok("ijoka_complete_feature").get("unlocked")))
                    .extracting(r -> r.get("ref")).containsExactly("#2");
            agent.ok("ijoka_start_feature", "feature", "#2");
            agent.ok("ijoka_block_feature", "reason", "needs the design", "blockedBy", "#3");
            agent.ok("ijoka_record_insight", "text", "Migrations first", "kind", "solution", "tags", List.of("db"));
            assertThat(agent.ok("ijoka_get_insights", "tag", "db")).containsEntry("total", 1);
            assertThat(Agent.map(agent.ok("ijoka_status").get("counts")))
                    .containsEntry("complete", 1).containsEntry("blocked", 1).containsEntry("pending", 1);

            agent.error("unknown_tool", "ijoka_teleport");
            agent.error("not_found", "ijoka_get_feature", "feature", "#42");
            agent.error("invalid_input", "ijoka_block_feature", "feature", "#3");
            agent.error("invalid_input", "ijoka_list_features", "limit", "ten");
            agent.error("illegal_transition", "ijoka_complete_feature", "feature", "#3");
            agent.error("invalid_input", "ijoka_add_feature", "description", "d".repeat(3_000));
            assertThat(agent.ok("ijoka_list_features")).containsEntry("total", 3);
            assertThat(client.closeGracefully()).as("the process stopped").isTrue();
        }
        // The client stopped the process (SIGTERM): the session has ended all the same.
        try (Ijoka ijoka = Ijoka.builder().store(db).build()) {
            Project p = ijoka.projects().open(project);
            assertThat(ijoka.sessions().list(p.id())).singleElement()
                    .satisfies(s -> assertThat(s.endedAt()).as("session ended").isNotNull());
        }
    }

    @Test
    void twoServerProcessesOnOneStoreNeverBothWinAClaim() throws Exception {
        String db = "jdbc:sqlite:" + dir.resolve("shared.db");
        Path project = dir.resolve("project");
        java.nio.file.Files.createDirectories(project);
        int features = 8;
        try (McpSyncClient a = connect(db, project, "agent-a");
             McpSyncClient b = connect(db, project, "agent-b");
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Agent first = new Agent(a);
            Agent second = new Agent(b);
            for (int i = 1; i <= features; i++) {
                first.ok("ijoka_add_feature", "description", "Feature " + i);
            }
            int winsA = 0;
            for (int i = 1; i <= features; i++) {
                String ref = "#" + i;
                CyclicBarrier barrier = new CyclicBarrier(2);
                Future<McpSchema.CallToolResult> ra = pool.submit(() -> {
                    barrier.await();
                    return first.call("ijoka_start_feature", Map.of("feature", ref));
                });
                Future<McpSchema.CallToolResult> rb = pool.submit(() -> {
                    barrier.await();
                    return second.call("ijoka_start_feature", Map.of("feature", ref));
                });
                List<McpSchema.CallToolResult> both = new ArrayList<>(List.of(ra.get(), rb.get()));
                assertThat(both).filteredOn(r -> !r.isError()).as("winners of " + ref).hasSize(1);
                assertThat(both).filteredOn(McpSchema.CallToolResult::isError).singleElement()
                        .satisfies(r -> assertThat(Agent.text(r)).startsWith("claim_conflict: ").contains("agent-"));
                winsA += ra.get().isError() ? 0 : 1;
            }
            System.err.printf("two processes, %d races: agent-a won %d, agent-b won %d%n", features, winsA,
                    features - winsA);
            assertThat(a.closeGracefully()).isTrue();
            assertThat(b.closeGracefully()).isTrue();
        }
        try (Ijoka ijoka = Ijoka.builder().store(db).build()) {
            Project p = ijoka.projects().open(project);
            List<Session> sessions = ijoka.sessions().list(p.id());
            assertThat(sessions).hasSize(2).allSatisfy(s -> assertThat(s.endedAt()).isNotNull());
            for (int i = 1; i <= features; i++) {
                assertThat(ijoka.features().get(FeatureRef.parse(p.id(), "#" + i)).claim())
                        .as("claims released when the sessions ended").isNull();
            }
        }
    }

    /** Starts {@code McpMain} in a new JVM on this test's class path and connects the SDK's stdio client. */
    private McpSyncClient connect(String db, Path project, String clientName) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ServerParameters params = ServerParameters.builder(java)
                .args("--enable-native-access=ALL-UNNAMED", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-cp", classPath, McpMain.class.getName(), "--db", db)
                .addEnvVar("IJOKA_HOME", dir.resolve("home").toString())
                .addEnvVar(McpOptions.CLAUDE_PROJECT_DIR, project.toString())
                .build();
        McpSyncClient client = McpClient.sync(new StdioClientTransport(params, McpJsonDefaults.getMapper()))
                .clientInfo(McpSchema.Implementation.builder(clientName, "1.0.0").build())
                .requestTimeout(Duration.ofSeconds(30))
                .initializationTimeout(Duration.ofSeconds(60))
                .build();
        long started = System.nanoTime();
        client.initialize();
        System.err.printf("%s: process start to initialize answered in %d ms (a test JVM's figure, not a benchmark)%n",
                clientName, (System.nanoTime() - started) / 1_000_000);
        return client;
    }
}
