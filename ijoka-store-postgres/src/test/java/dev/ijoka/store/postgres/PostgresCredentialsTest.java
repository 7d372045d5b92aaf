package dev.ijoka.store.postgres;

import dev.ijoka.test.postgres.PostgresTestServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ijoka.Ijoka;
import dev.ijoka.StoreLocation;
import dev.ijoka.api.StoreHealth;
import dev.ijoka.spi.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password written in the URL reaches the server, and nothing else: not the canonical URL, a
 * description, a health report, an error (with its causes and stack trace), nor anything printed
 * on standard output or error while opening, using and failing.
 */
class PostgresCredentialsTest {

    private static final String PASSWORD = "Pw-9f3c1e-never-printed";

    @TempDir
    Path dir;

    @Test
    void thePasswordAppearsInNoOutput() throws Exception {
        String role = "ana_" + ProcessHandle.current().pid();
        PostgresTestServer.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + PASSWORD + "'");
        // The rights docs/postgres.md asks for: the role owns its database (and so its public schema), nothing more.
        String database = PostgresChangeFeedTest.database(PostgresTestServer.emptyDatabase());
        PostgresTestServer.execute("ALTER DATABASE " + database + " OWNER TO " + role);
        int port = PostgresTestServer.server().getPort();
        String url = "jdbc:postgresql://localhost:" + port + "/" + database + "?user=" + role + "&password=" + PASSWORD;

        StringBuilder seen = new StringBuilder();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            StoreLocation location = StoreLocation.of(url, dir);
            seen.append(location).append('\n');
            try (Ijoka ijoka = Ijoka.builder().store(location.url()).build()) {
                ijoka.projects().open(dir);
            }
            try (Store store = new PostgresStoreProvider().open(location.url())) {
                StoreHealth h = store.health();
                assertThat(h.condition()).isEqualTo(StoreHealth.Condition.OK);
                seen.append(store.describe()).append('\n').append(h).append('\n');
            }
            // Failures: a database that does not exist, a server that is not there.
            for (String wrong : new String[] {
                    url.replace("/" + database + "?", "/no_such_db?"),
                    url.replace(":" + port + "/", ":1/")}) {
                Throwable t = catchThrowable(() -> new PostgresStoreProvider().open(wrong));
                assertThat(t).isNotNull();
                StringWriter trace = new StringWriter();
                t.printStackTrace(new PrintWriter(trace));
                seen.append(trace).append('\n');
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        seen.append(printed.toString(StandardCharsets.UTF_8));

        assertThat(seen.toString()).contains(database).doesNotContain(PASSWORD);
    }
}
