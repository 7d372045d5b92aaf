package dev.ijoka.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The entry point's arguments: mistakes exit 2 with the usage, on stderr, and never touch the protocol stream. */
class McpMainTest {

    private final ByteArrayOutputStream protocol = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

    private int run(String... args) {
        return McpMain.run(args, Map.of(), protocol, new PrintStream(errors, true, StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownArgumentExitsWithTheUsage() {
        assertThat(run("--verbose")).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("unknown argument '--verbose'").contains("usage: ijoka mcp");
        assertThat(protocol.size()).isZero();
    }

    @Test
    void aFlagWithoutItsValueExitsWithTheUsage() {
        assertThat(run("--db")).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("--db needs a value");
        assertThat(run("--project", "--db", "memory:")).isEqualTo(2);
        assertThat(protocol.size()).isZero();
    }

    @Test
    void helpGoesToStandardError() {
        assertThat(run("--help")).isZero();
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("--db URL").contains("CLAUDE_PROJECT_DIR");
        assertThat(protocol.size()).isZero();
    }
}
