package dev.ijoka.swing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.Ijoka;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard every desktop test relies on does catch a store call on the event-dispatch thread. */
class EdtGuardTest {

    @TempDir
    Path dir;

    @Test
    void aStoreCallOnTheEventDispatchThreadFailsAndIsRecorded() {
        EdtGuard.reset();
        try (Ijoka ijoka = EdtGuard.open(dir.resolve("ijoka.db"))) {
            assertThat(ijoka.projects().list()).isEmpty(); // off the event-dispatch thread: fine

            assertThatThrownBy(() -> DesktopFixture.edt(() -> ijoka.projects().list()))
                    .hasRootCauseMessage("the store was called on the event-dispatch thread (read)");
            assertThat(EdtGuard.violations()).hasSize(1);
        } finally {
            EdtGuard.reset();
        }
    }
}
