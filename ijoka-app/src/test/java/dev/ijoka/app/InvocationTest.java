package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The global options, read once by picocli wherever they are on the line, and what is left for the command. */
class InvocationTest {

    @Test
    void globalOptionsAreTakenBeforeAndAfterTheCommandAndTheRestKeepsItsOrder() {
        Invocation line = Invocation.parse("--db", "jdbc:sqlite:x.db", "feature", "add", "A", "--json", "-vv", "-p", "shop",
                "--category", "ui");

        assertThat(line.options().db()).isEqualTo("jdbc:sqlite:x.db");
        assertThat(line.options().project()).isEqualTo("shop");
        assertThat(line.options().json()).isTrue();
        assertThat(line.logLevel()).isEqualTo("DEBUG");
        assertThat(line.command()).isEqualTo("feature");
        assertThat(line.rest()).containsExactly("feature", "add", "A", "--category", "ui");
        assertThat(line.error()).isNull();
    }

    @Test
    void theProtocolFacesAreRecognisedWithTheirOptionsOnEitherSide() {
        for (List<String> args : List.of(List.of("-v", "mcp"), List.of("mcp", "-v"), List.of("--db=jdbc:sqlite:x.db", "hook"),
                List.of("hook", "--project", "."))) {
            Invocation line = Invocation.parse(args.toArray(String[]::new));
            assertThat(line.protocolFace()).as(String.valueOf(args)).isTrue();
        }
        assertThat(Invocation.parse("hook", "--help").protocolFace()).as("help goes to the command line").isFalse();
        assertThat(Invocation.parse("-v", "mcp").logLevel()).isEqualTo("INFO");
    }

    @Test
    void whatFollowsTwoDashesIsTheCommandsUntouched() {
        Invocation line = Invocation.parse("feature", "add", "--", "-v is broken", "--json");

        assertThat(line.options().verbosity()).isZero();
        assertThat(line.options().json()).isFalse();
        assertThat(line.rest()).containsExactly("feature", "add", "--", "-v is broken", "--json");
    }

    @Test
    void aMissingValueIsAnErrorThatStillKnowsTheCommand() {
        Invocation line = Invocation.parse("hook", "--db");

        assertThat(line.error()).contains("--db");
        assertThat(line.command()).isEqualTo("hook");
        assertThat(line.protocolFace()).isTrue();
    }

    @Test
    void helpAndVersionAreLeftForTheCommandLine() {
        assertThat(Invocation.parse("--help").rest()).containsExactly("--help");
        assertThat(Invocation.parse("-V").command()).isNull();
    }
}
