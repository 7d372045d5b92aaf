package dev.ijoka.web;

import static dev.ijoka.web.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/health} asks the real store: 200 with its figures while it is usable, 503 with what
 * is wrong and what to do once its file is deleted, read-only or migrated by a newer Ijoka, or the
 * engine is closed.
 */
class HealthIT extends ServerTestBase {

    private Path database() {
        return dir.resolve("ijoka.db");
    }

    private JsonNode health(int status) {
        HttpResponse<String> r = t.get("/api/health");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return json(r);
    }

    private static void assertUnavailable(JsonNode h, String condition, String... detailMentions) {
        assertThat(h.get("status").asString()).isEqualTo("unavailable");
        assertThat(h.get("condition").asString()).isEqualTo(condition);
        assertThat(h.get("detail").asString()).contains(detailMentions);
        assertThat(h.get("fix").asString()).isNotBlank();
        assertThat(h.at("/error/code").asString()).isEqualTo("store_unavailable");
        assertThat(h.at("/error/message").asString()).contains(h.get("fix").asString());
    }

    @Test
    void aUsableStoreAnswers200WithItsFigures() {
        JsonNode h = health(200);

        assertThat(h.get("status").asString()).isEqualTo("ok");
        assertThat(h.get("version").asString()).isEqualTo("test");
        assertThat(h.get("store").asString()).contains("ijoka.db");
        assertThat(h.get("condition").asString()).isEqualTo("ok");
        assertThat(h.get("schemaVersion").asInt()).isPositive().isEqualTo(h.get("programSchemaVersion").asInt());
        assertThat(h.get("writable").asBoolean()).isTrue();
        assertThat(h.get("fix").isNull()).isTrue();
        assertThat(h.has("error")).isFalse();
    }

    @Test
    void aDeletedDatabaseAnswers503() throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(database() + suffix));
        }

        assertUnavailable(health(503), "gone", database().toString(), "deleted");
    }

    @Test
    void aDatabaseMadeReadOnlyAnswers503() throws IOException, InterruptedException {
        Files.setPosixFilePermissions(database(), PosixFilePermissions.fromString("r--r--r--"));
        boolean immutable = false;
        try {
            if (Files.isWritable(database())) {
                // root writes whatever the mode bits say; an immutable file refuses even root.
                immutable = chattr("+i");
            }
            assumeTrue(!Files.isWritable(database()), "cannot make the file read-only for this user");

            assertUnavailable(health(503), "read_only", database().toString(), "read-only");
            assertThat(health(503).get("writable").asBoolean()).isFalse();
        } finally {
            if (immutable) {
                chattr("-i");
            }
            Files.setPosixFilePermissions(database(), PosixFilePermissions.fromString("rw-r--r--"));
        }
        health(200);
    }

    @Test
    void aDatabaseMigratedByANewerIjokaAnswers503() throws SQLException {
        int program = health(200).get("programSchemaVersion").asInt();
        try (Connection c = DriverManager.getConnection(t.storeUrl); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (program + 1));
        }

        JsonNode h = health(503);

        assertUnavailable(h, "newer_schema", "schema version " + (program + 1), "newer");
        assertThat(h.get("schemaVersion").asInt()).isEqualTo(program + 1);
        assertThat(h.get("programSchemaVersion").asInt()).isEqualTo(program);
    }

    @Test
    void aClosedEngineAnswers503() {
        t.ijoka.close();

        assertUnavailable(health(503), "closed", "closed");
    }

    private boolean chattr(String flag) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("chattr", flag, database().toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }
}
