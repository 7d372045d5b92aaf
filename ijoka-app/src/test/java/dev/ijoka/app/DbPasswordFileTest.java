package dev.ijoka.app;

import static dev.ijoka.app.CopyFixtures.sqliteFixture;
import static dev.ijoka.app.CopyFixtures.sqliteUrl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.test.postgres.PostgresTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --db-password-file} and {@code IJOKA_DB_PASSWORD_FILE} against a real server that checks passwords:
 * the test server trusts local connections, so a role of this test's own gets a password and a
 * {@code scram-sha-256} line at the top of {@code pg_hba.conf} (first match wins; every other role keeps trust).
 * Everything each run prints is searched for the password.
 */
class DbPasswordFileTest {

    private static final String SECRET = "Team-Secret-4b9e";

    private final CliHarness cli = new CliHarness();
    private final List<CliHarness.Result> runs = new ArrayList<>();
    private String role;
    private String url;

    @BeforeEach
    void serverThatChecksPasswords() throws Exception {
        String database = PostgresTestServer.emptyDatabase();
        String name = database.substring(database.lastIndexOf('/') + 1, database.indexOf('?'));
        role = "team_" + name;
        PostgresTestServer.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + SECRET + "'");
        PostgresTestServer.execute("ALTER DATABASE " + name + " OWNER TO " + role);
        try (Connection c = DriverManager.getConnection(PostgresTestServer.url("postgres")); Statement s = c.createStatement()) {
            Path hba;
            try (ResultSet rs = s.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = Path.of(rs.getString(1));
            }
            String lines = "host all " + role + " 127.0.0.1/32 scram-sha-256\nhost all " + role + " ::1/128 scram-sha-256\n";
            Files.writeString(hba, lines + Files.readString(hba));
            s.execute("SELECT pg_reload_conf()");
        }
        url = database.replace("user=" + PostgresTestServer.USER, "user=" + role);
    }

    @AfterEach
    void nothingPrintedThePassword() {
        try {
            for (CliHarness.Result r : runs) {
                assertThat(r.out() + r.err()).as("everything printed").doesNotContain(SECRET).doesNotContain("Secret-4b9e");
            }
        } finally {
            cli.close();
        }
    }

    @Test
    void withoutThePasswordTheServerRefuses() {
        CliHarness.Result r = run("--db", url, "projects");
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.STORE_FAILURE);
    }

    @Test
    void theOptionsFileOpensTheStoreAndCopiesIntoIt() throws Exception {
        Path file = secretFile("pw", "rw-------", SECRET + "\n");
        assertThat(run("--db-password-file", file.toString(), "--db", url, "--json", "projects").exit()).isZero();
        Path original = sqliteFixture(cli.root.resolve("original.db"));
        CliHarness.Result copy = run("db", "copy", "--db-password-file", file.toString(), "--from", sqliteUrl(original), "--to", url);
        assertThat(copy.exit()).as(copy.toString()).isZero();
        assertThat(copy.out()).contains("user=" + role);
        CliHarness.Result doctor = run("--db", url, "--db-password-file", file.toString(), "doctor");
        assertThat(doctor.out()).contains("is open, at schema version");
    }

    @Test
    void theEnvironmentVariableNamesTheFileWhenTheOptionDoesNot() throws Exception {
        Path file = secretFile("pw-env", "r--------", SECRET + "\r\n");
        cli.env.put("IJOKA_DB_PASSWORD_FILE", file.toString());
        CliHarness.Result r = run("--db", url, "projects");
        assertThat(r.exit()).as(r.toString()).isZero();
    }

    @Test
    void aFileOthersMayReadIsRefusedSayingHowToFixIt() throws Exception {
        Path file = secretFile("pw-open", "rw-r--r--", SECRET + "\n");
        CliHarness.Result r = run("--db", url, "--db-password-file", file.toString(), "projects");
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.STORE_FAILURE);
        assertThat(r.err()).contains("may be read or written by others").contains("chmod 600 " + file);
    }

    @Test
    void aWrongPasswordInTheFileIsRefusedByTheServer() throws Exception {
        Path file = secretFile("pw-wrong", "rw-------", "not-" + SECRET + "\n");
        CliHarness.Result r = run("--db", url, "--db-password-file", file.toString(), "projects");
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.STORE_FAILURE);
    }

    private CliHarness.Result run(String... args) {
        CliHarness.Result r = cli.run(args);
        runs.add(r);
        return r;
    }

    private Path secretFile(String name, String permissions, String content) throws Exception {
        Path file = cli.root.resolve(name);
        Files.writeString(file, content, StandardOpenOption.CREATE_NEW);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}
