package dev.ijoka.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/**
 * What the dashboard shows about time (leases, "5 min ago", session states) is judged by the engine's
 * clock ({@code Ijoka.clock()}), never by the wall clock, so that tests and replays agree with the
 * engine. The server's own housekeeping (the MCP transport's idle sessions, {@code server.json}'s start
 * time) is about this process, not the plan, and may read the wall clock.
 */
class WallClockRuleTest {

    @Test
    void theApiThePagesAndTheLiveStreamNeverReadTheWallClock() {
        JavaClasses faces = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.ijoka.web.internal.api", "dev.ijoka.web.internal.pages", "dev.ijoka.web.internal.live");
        assertThat(faces).as("the classes were imported").hasSizeGreaterThan(20);

        noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(InstantSource.class, "system")
                .because("time shown about the plan is the engine's: ask Ijoka.clock()")
                .check(faces);
    }
}
