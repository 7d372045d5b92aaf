package dev.ijoka.web;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server on a real SQLite file in a temporary directory, new for each test. JUnit runs a
 * subclass's own {@code @BeforeEach} after {@link #startServer} and its {@code @AfterEach} before
 * {@link #stopServer}.
 */
abstract class ServerTestBase {

    @TempDir
    Path dir;
    TestServer t;

    @BeforeEach
    void startServer() throws Exception {
        t = new TestServer(dir);
    }

    @AfterEach
    void stopServer() {
        t.close();
    }
}
