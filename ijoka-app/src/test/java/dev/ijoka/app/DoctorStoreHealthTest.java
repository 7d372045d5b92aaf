package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ijoka doctor} runs the store's own health check ({@code Ijoka.health()}, as {@code GET /api/health}
 * does), so a store that opens and reads but cannot be written is a failure with a fix, not "ok".
 */
class DoctorStoreHealthTest {

    private final CliHarness cli = new CliHarness();
    private boolean immutable;

    @AfterEach
    void restore() throws Exception {
        Path db = cli.root.resolve("ijoka.db");
        if (immutable) {
            chattr("-i", db);
        }
        if (Files.exists(db)) {
            Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        }
        cli.close();
    }

    @Test
    void aReadOnlyStoreFailsTheStoreCheckAndSaysHowToFixIt() throws Exception {
        cli.ok("feature", "add", "A");
        Path db = cli.root.resolve("ijoka.db");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        if (Files.isWritable(db)) {
            // root writes whatever the mode bits say; an immutable file refuses even root.
            immutable = chattr("+i", db);
        }
        assumeTrue(!Files.isWritable(db), "cannot make the file read-only for this user");

        CliHarness.Result r = cli.run("doctor");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(r.out()).contains("[FAIL] store: ", db.toString(), "read-only", "fix: make it writable again");
    }

    private static boolean chattr(String flag, Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }
}
