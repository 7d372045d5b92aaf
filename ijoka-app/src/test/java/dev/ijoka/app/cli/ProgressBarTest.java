package dev.ijoka.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.interchange.ImportProgress.Stage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The import progress bar: drawn in place on stderr, throttled, cleared at the end. */
class ProgressBarTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private String drawn() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void drawsTheStageABarAPercentAndCountsInPlace() {
        bar.update(Stage.WRITING, 50, 200);

        assertThat(drawn()).isEqualTo("\rwriting  [########......................]  25%  50/200   ");
    }

    @Test
    void redrawsAtMostTenTimesASecondButAlwaysTheEnd() {
        for (int i = 1; i <= 1_000; i++) {
            bar.update(Stage.WRITING, i, 1_000);
        }

        long draws = drawn().chars().filter(c -> c == '\r').count();
        assertThat(draws).isLessThan(50);
        assertThat(drawn()).endsWith("100%  1000/1000   ");
    }

    @Test
    void finishClearsTheLineAndDoesNothingWhenNothingWasDrawn() {
        bar.finish();
        assertThat(drawn()).isEmpty();

        bar.update(Stage.READING, 0, 10);
        bar.finish();
        assertThat(drawn()).endsWith("\r" + " ".repeat(79) + "\r");
    }

    @Test
    void textHelpersClipAndAlign() {
        assertThat(Text.clip("a  long\ntext here", 8)).isEqualTo("a long…");
        assertThat(Text.bar(1, 3, 6)).isEqualTo("[##....]");
        Text.Table t = new Text.Table("#", "EMPTY", "TEXT").row("#1", "", "one").row("#12", "", "twelve");
        assertThat(t.render(100)).containsExactly("#    TEXT", "#1   one", "#12  twelve");
    }
}
