package dev.ijoka.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectIdentity;
import dev.ijoka.event.EventType;
import dev.ijoka.store.contract.ReplayAssertions;
import dev.ijoka.store.jooq.Migrations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema version 3 gives projects an identity across machines; a database of version 2, made by the
 * version 2 program ({@code upgrade/v2/ijoka.db}), upgrades to it without losing or splitting a
 * project. Its projects' identities are unknown after the migration (SQL cannot read a checkout, and
 * nothing is guessed), and a checkout opened later attaches to its existing project and fills it in.
 *
 * <p>The fixture's projects were registered under a temporary directory of the machine that made it.
 * To open a real checkout at the path a project was registered at, the test first moves beta's
 * registration (its row and its {@code project_registered} event alike, still at version 2) to a git
 * checkout made here: the database as it would be on the machine where beta's clone lives.
 */
class ProjectIdentityUpgradeIT {

    @TempDir
    Path dir;

    @Test
    void aVersion2DatabaseKeepsEveryProjectAndFeatureWithIdentitiesUnknown() throws Exception {
        Path db = fixtureCopy();
        Map<String, String> projectsBefore = query(db, "SELECT id, name FROM projects ORDER BY pos");
        Map<String, String> featuresBefore = query(db, "SELECT project_id, count(*) FROM features GROUP BY project_id");

        try (Ijoka ijoka = open(db)) {
            assertThat(userVersion(db)).isEqualTo(Migrations.SQLITE_LATEST);
            Map<String, String> projectsAfter = new LinkedHashMap<>();
            for (Project p : ijoka.projects().list()) {
                projectsAfter.put(p.id().value(), p.name());
                assertThat(ijoka.features().list(p.id()).size()).as("features of %s", p.name())
                        .isEqualTo(Integer.parseInt(featuresBefore.getOrDefault(p.id().value(), "0")));
                assertThat(ijoka.projects().identity(p.id())).as("unknown, not guessed").isEmpty();
                assertThat(ijoka.projects().paths(p.id())).containsExactly(p.root());
            }
            assertThat(projectsAfter).isEqualTo(projectsBefore);
            ReplayAssertions.assertStoredStateEqualsReplay(ijoka);
        }
        assertThat(query(db, "SELECT count(*), count(identity) FROM projects")).containsEntry("2", "0");
    }

    @Test
    void aCheckoutOpenedAfterTheUpgradeAttachesToItsProjectAndClonesElsewhereFollow() throws Exception {
        Path db = fixtureCopy();
        Path checkout = repository(dir.resolve("machine-a/src/beta"), "git@github.com:acme/beta.git");
        String betaId = moveRegistration(db, "beta", checkout.toString());

        try (Ijoka ijoka = open(db)) {
            long registrations = registrations(ijoka);

            Project beta = ijoka.projects().open(Files.createDirectories(checkout.resolve("src")));

            assertThat(beta.id().value()).isEqualTo(betaId);
            assertThat(beta.root()).isEqualTo(checkout.toString());
            assertThat(ijoka.projects().identity(beta.id())).contains(new ProjectIdentity("github.com/acme/beta"));
            assertThat(ijoka.features().list(beta.id())).hasSize(40);

            // A second machine's clone, at another path and spelled the https way, lands on the same project.
            Path elsewhere = repository(dir.resolve("machine-b/code/Beta"), "https://ann:token@github.com/acme/beta");
            assertThat(ijoka.projects().open(elsewhere)).isEqualTo(beta);
            assertThat(ijoka.projects().paths(beta.id())).containsExactly(checkout.toString(), elsewhere.toString());

            assertThat(ijoka.projects().list()).hasSize(2);
            assertThat(registrations(ijoka)).as("no project registered anew").isEqualTo(registrations);
            Project alpha = ijoka.projects().list().stream().filter(p -> !p.id().equals(beta.id())).findFirst().orElseThrow();
            assertThat(ijoka.projects().identity(alpha.id())).as("alpha's checkout was not opened").isEmpty();
            ReplayAssertions.assertStoredStateEqualsReplay(ijoka);
        }
    }

    private Path fixtureCopy() throws Exception {
        Path db = dir.resolve("v2.db");
        Files.copy(Path.of(getClass().getResource("/upgrade/v2/ijoka.db").toURI()), db);
        assertThat(userVersion(db)).isEqualTo(2);
        return db;
    }

    private static Ijoka open(Path db) {
        return Ijoka.builder().store("jdbc:sqlite:" + db).build();
    }

    private static long registrations(Ijoka ijoka) {
        return ReplayAssertions.allEvents(ijoka).stream().filter(e -> e.type() == EventType.PROJECT_REGISTERED).count();
    }

    /** Moves a project's registration to another root, in its row and its event alike; returns its id. */
    private static String moveRegistration(Path db, String name, String root) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            String id;
            String old;
            try (PreparedStatement s = c.prepareStatement("SELECT id, root FROM projects WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet rs = s.executeQuery()) {
                    assertThat(rs.next()).as("the fixture has project %s", name).isTrue();
                    id = rs.getString(1);
                    old = rs.getString(2);
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE projects SET root = ? WHERE id = ?")) {
                s.setString(1, root);
                s.setString(2, id);
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE events SET payload = replace(payload, ?, ?) WHERE type = 'project_registered' AND project_id = ?")) {
                s.setString(1, old);
                s.setString(2, root);
                s.setString(3, id);
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
            return id;
        }
    }

    private static Map<String, String> query(Path db, String sql) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private static int userVersion(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** A git repository at {@code at} whose origin is {@code origin}; its real path. ({@link UpgradeFixture} makes them too.) */
    static Path repository(Path at, String origin) throws IOException, InterruptedException {
        Files.createDirectories(at);
        git(at, "init", "-q");
        git(at, "remote", "add", "origin", origin);
        return at.toRealPath();
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "init.defaultBranch=main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("GIT_"));
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            assumeTrue(false, "git is not installed: " + e.getMessage());
            return;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("git %s: %s", command, output).isZero();
    }
}
