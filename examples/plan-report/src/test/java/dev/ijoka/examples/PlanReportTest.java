package dev.ijoka.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlanReportTest {

    @Test
    void printsTheReadyQueueWavesAndCriticalPathOfTheSampleProject() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PlanReport.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String report = buffer.toString(StandardCharsets.UTF_8);

        assertThat(report)
                .contains("Refused, as it should be: cannot start #6: it waits for #5 (pending)")
                .contains("Project sample-shop: 10 features, 20% complete (8 pending, 0 in progress, 0 blocked, 2 complete)")
                .contains("Ready queue (highest priority first):\n  #3 [functional, p3] User can browse the product catalog")
                .contains("Next for example-agent: #3")
                .contains("wave 1: #3, #8, #10")
                .contains("Critical path (the longest chain of unfinished work):\n  #3")
                .contains("→ #7 [functional, p1] Order confirmation email is sent")
                .contains("Completing #3 would unlock: #5, #4, #9");
    }
}
