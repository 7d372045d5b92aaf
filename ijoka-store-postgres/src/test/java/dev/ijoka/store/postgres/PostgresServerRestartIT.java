package dev.ijoka.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.test.postgres.PostgresTestServer;
import dev.ijoka.test.postgres.RestartablePostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server stopped and started again (same data, same address) under connected processes: a writer
 * JVM and a reader JVM whose bus prints every event it delivers, and a third party (this JVM). A write
 * during the outage fails with a clear error, without the password, and is not acknowledged; after the
 * restart both JVMs reconnect by themselves; no acknowledged change is lost; the events committed while
 * the reader was still shut out reach its bus once each and in order; the live feed resumes.
 *
 * <p>The reader logs in as a role of its own, kept from logging in from just before the stop until the
 * others have written again: so the test knows that those events were committed while the reader was
 * disconnected, rather than hoping its reconnection is slower than the writes.
 */
class PostgresServerRestartIT {

    /** Given in the writer's URL; the server trusts localhost, so it is never checked, only never to be shown. */
    private static final String PASSWORD = "Restart-Secret-4711";

    private static final String READER = "ijoka_reader";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void processesReconnectByThemselvesLoseNothingAcknowledgedAndTheReaderGetsWhatHappenedMeanwhile() throws Exception {
        try (RestartablePostgres server = PostgresTestServer.restartable(dir.resolve("pgdata"))) {
            String url = server.createDatabase("team");
            server.execute("CREATE ROLE " + READER + " LOGIN SUPERUSER");
            String writerUrl = url + "&password=" + PASSWORD;
            String readerUrl = url.replace("user=" + PostgresTestServer.USER, "user=" + READER);
            Path projectDir = Files.createDirectories(dir.resolve("project"));

            try (Ijoka third = Ijoka.builder().store(url).build()) {
                Project project = third.projects().open(projectDir);
                try (PostgresChildJvm writer = PostgresChildJvm.start(dir, "write", writerUrl, projectDir.toString());
                        PostgresChildJvm reader = PostgresChildJvm.start(dir, "watch", readerUrl)) {
                    assertThat(writer.awaitLine("READY", 60_000)).as("writer ready; stderr:%n%s", writer.stderr()).isTrue();
                    assertThat(reader.awaitLine("READY", 60_000)).as("reader ready; stderr:%n%s", reader.stderr()).isTrue();
                    long before = third.events().lastSequence();

                    for (int i = 1; i <= 3; i++) {
                        create(writer, "live-" + i);
                    }
                    long beforeOutage = third.events().lastSequence();
                    awaitEvent(reader, beforeOutage, "the live feed before the restart");

                    // Sessions already connected keep their login; only new ones are refused.
                    server.execute("ALTER ROLE " + READER + " NOLOGIN");
                    server.stop();
                    writer.send("CREATE outage");
                    assertThat(writer.awaitLine(l -> l.startsWith("FAIL outage ") || l.startsWith("ACK outage "), 40_000))
                            .as("the write during the outage ended; stderr:%n%s", writer.stderr()).isTrue();
                    String failure = writer.lines().stream().filter(l -> l.contains(" outage ")).findFirst().orElseThrow();
                    assertThat(failure).as("a write while the server is down").startsWith("FAIL outage ")
                            .contains("could not connect to the PostgreSQL database team at localhost:" + server.port())
                            .contains("refused")
                            .contains("Check that the server runs")
                            .doesNotContain(PASSWORD);

                    server.start();
                    create(writer, "after-1");
                    third.features().create(project.id(), NewFeature.of("third-1", Category.FUNCTIONAL));
                    create(writer, "after-2");
                    third.features().create(project.id(), NewFeature.of("third-2", Category.FUNCTIONAL));
                    long meanwhile = third.events().lastSequence();
                    Thread.sleep(1_000);
                    assertThat(sequences(reader)).as("the reader, still shut out, has heard nothing new").allMatch(s -> s <= beforeOutage);

                    server.execute("ALTER ROLE " + READER + " LOGIN");
                    // Nothing is committed now until the reader has caught up: only the catch-up can deliver these.
                    awaitEvent(reader, meanwhile, "what was committed while the reader was disconnected");

                    create(writer, "live-again");
                    third.features().create(project.id(), NewFeature.of("third-live", Category.FUNCTIONAL));
                    long last = third.events().lastSequence();
                    awaitEvent(reader, last, "the live feed after the restart");
                    Thread.sleep(300); // anything delivered twice would arrive now

                    List<Long> heard = sequences(reader);
                    assertThat(heard).as("the reader's bus: every event, once, in order")
                            .isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
                    assertThat(heard.stream().filter(s -> s > before).toList()).as("the reader's bus after it was ready")
                            .containsExactlyElementsOf(LongStream.rangeClosed(before + 1, last).boxed().toList());

                    List<String> names = third.features().list(project.id()).stream().map(Feature::description).toList();
                    assertThat(names).as("every acknowledged change, and not the one refused")
                            .containsExactlyInAnyOrder("live-1", "live-2", "live-3", "after-1", "third-1", "after-2", "third-2",
                                    "live-again", "third-live");

                    writer.send("EXIT");
                    reader.send("EXIT");
                    assertThat(writer.await(30)).as("writer exit; stderr:%n%s", writer.stderr()).isZero();
                    assertThat(reader.await(30)).as("reader exit; stderr:%n%s", reader.stderr()).isZero();
                    for (PostgresChildJvm child : List.of(writer, reader)) {
                        assertThat(String.join("\n", child.lines()) + child.stderr()).as("everything a child printed")
                                .doesNotContain(PASSWORD);
                    }
                }
            }
        }
    }

    /** Has the writer create a feature and waits for its acknowledgement; a refusal fails the test. */
    private static void create(PostgresChildJvm writer, String name) throws Exception {
        writer.send("CREATE " + name);
        assertThat(writer.awaitLine(l -> l.startsWith("ACK " + name + " ") || l.startsWith("FAIL " + name + " "), 40_000))
                .as("%s answered; stderr:%n%s", name, writer.stderr()).isTrue();
        assertThat(writer.lines()).as("%s acknowledged", name).anyMatch(l -> l.startsWith("ACK " + name + " "));
    }

    private static void awaitEvent(PostgresChildJvm reader, long sequence, String what) throws InterruptedException {
        assertThat(reader.awaitLine(l -> l.startsWith("EVENT " + sequence + " "), 30_000))
                .as("%s: event %d reached the reader's bus; it heard %s; stderr:%n%s", what, sequence, sequences(reader), reader.stderr())
                .isTrue();
    }

    private static List<Long> sequences(PostgresChildJvm reader) {
        return reader.lines().stream().filter(l -> l.startsWith("EVENT ")).map(l -> Long.parseLong(l.split(" ")[1])).toList();
    }
}
