package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InitCommandTest {

    private final CliHarness cli = new CliHarness();

    @AfterEach
    void close() {
        cli.close();
    }

    @Test
    void dryRunWritesNothingThenInitWritesBothFilesAndKeepsOtherEntries() throws Exception {
        Files.writeString(cli.project.resolve(".mcp.json"), "{\"mcpServers\":{\"other\":{\"command\":\"x\"}}}");
        CliHarness.Result dry = cli.run("init", "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("\"ijoka\"").contains("ijoka hook").contains("dry run");
        assertThat(cli.project.resolve(".claude")).doesNotExist();

        CliHarness.Result init = cli.run("init");
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(Files.readString(cli.project.resolve(".mcp.json"))).contains("\"other\"").contains("\"ijoka\"");
        assertThat(Files.readString(cli.project.resolve(".claude/settings.json"))).contains("ijoka hook");
        assertThat(cli.run("init").out()).contains("unchanged");
    }

    @Test
    void aMalformedFileIsRefusedWithInvalidInput() throws Exception {
        Files.writeString(cli.project.resolve(".mcp.json"), "{oops");
        CliHarness.Result r = cli.run("init");
        assertThat(r.exit()).isEqualTo(ExitCodes.of("invalid_input"));
        assertThat(r.err()).contains("is not valid JSON");
        assertThat(cli.project.resolve(".claude")).doesNotExist();
    }
}
