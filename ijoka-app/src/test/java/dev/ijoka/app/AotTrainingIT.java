package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training runs behind the launcher's start-up caches, as real processes: a cache holds every class its
 * training run loaded and loads them all when the JVM starts, so what a face never loads in daily use must stay out
 * of its training run. Read from the run's own class-load log, which is what the JVM writes the cache from.
 */
class AotTrainingIT {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path tmp;

    private List<String> train(String face) throws IOException, InterruptedException {
        Path classes = tmp.resolve(face + "-classes.txt");
        Path err = tmp.resolve(face + "-err.txt");
        Process p = new ProcessBuilder(JAVA, "--enable-native-access=ALL-UNNAMED", "-Xlog:class+load:file=" + classes,
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "aot-training", face)
                .directory(tmp.toFile()).redirectErrorStream(false).redirectError(err.toFile())
                .redirectOutput(tmp.resolve(face + "-out.txt").toFile()).start();
        p.getOutputStream().close();
        // A backstop, not a timing: on a loaded machine a training run takes minutes.
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).as("the training run ends").isTrue();
        String errors = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(errors).isZero();
        assertThat(errors).doesNotContain("ijoka aot-training:");
        assertThat(tmp.resolve(face + "-out.txt")).as("nothing on stdout").isEmptyFile();
        return Files.readAllLines(classes).stream().map(l -> l.replaceFirst("^\\[[^]]*]\\[[^]]*]\\[[^]]*] ", ""))
                .map(l -> l.split(" ")[0]).toList();
    }

    @Test
    void theRelaysTrainingRelaysHooksAndCommandsToARealServerAndLoadsNoneOfItsClasses() throws Exception {
        List<String> loaded = train("relay");
        assertThat(loaded).as("the hook's relay client, answered by the server")
                .contains("dev.ijoka.claude.HookRelayClient", "dev.ijoka.claude.RelayProtocol$Answer");
        assertThat(loaded).as("a command handed over").contains("dev.ijoka.claude.CommandRelayClient");
        assertThat(loaded).as("the server's side (and the direct path's) stays in the server's process")
                .noneMatch(c -> c.startsWith("tools.jackson.") || c.startsWith("org.jooq.") || c.startsWith("org.flywaydb.")
                        || c.startsWith("org.sqlite.") || c.startsWith("dev.ijoka.mcp.") || c.startsWith("com.google.inject."));
    }

    @Test
    void theMcpServersTrainingRunsOnAStoreAnotherProcessMigrated() throws Exception {
        List<String> loaded = train("mcp");
        assertThat(loaded).as("the server, its tools and the store").contains("dev.ijoka.mcp.IjokaMcpServer",
                "dev.ijoka.mcp.internal.ReadTools", "org.jooq.impl.DSL");
        assertThat(loaded).as("a user's store is current: Flyway is never loaded by ijoka mcp on it")
                .noneMatch(c -> c.startsWith("org.flywaydb."));
        assertThat(loaded).as("the server started as ijoka mcp starts it, its hook relay beside it")
                .contains("dev.ijoka.mcp.McpMain", "dev.ijoka.claude.HookRelayServer");
        assertThat(loaded).as("no class whose lookup opens the class path's jars at every start: picocli's is in no cache")
                .noneMatch(c -> c.startsWith("picocli."));
    }

    @Test
    void theHooksTrainingTakesTheDirectPath() throws Exception {
        List<String> loaded = train("hook");
        assertThat(loaded).as("the store opened in the hook's own process")
                .contains("dev.ijoka.claude.HookHandler", "org.jooq.impl.DSL");
        assertThat(loaded).as("no relay server in this process").doesNotContain("dev.ijoka.claude.HookRelayServer");
        assertThat(loaded).as("the store is current").noneMatch(c -> c.startsWith("org.flywaydb."));
        assertThat(loaded).as("the hook's run as the process runs it, watchdog included").contains("dev.ijoka.claude.HookMain$Watchdog")
                .noneMatch(c -> c.startsWith("picocli."));
    }
}
