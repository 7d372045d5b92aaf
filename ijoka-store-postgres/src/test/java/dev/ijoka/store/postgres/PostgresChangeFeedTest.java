package dev.ijoka.store.postgres;

import dev.ijoka.test.postgres.PostgresTestServer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.api.Events;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Project;
import dev.ijoka.event.Event;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commits of one engine reach another engine's bus through LISTEN/NOTIFY only (each has its own pool
 * and listener, as two processes do), and keep arriving, each once and in order, after the listener's
 * connection is killed on the server.
 */
class PostgresChangeFeedTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void eventsOfAnotherEngineArriveOnceInOrderAcrossAKilledListener() throws Exception {
        String url = PostgresTestServer.migratedDatabase();
        List<Event> received = new CopyOnWriteArrayList<>();
        try (Ijoka watcher = Ijoka.builder().store(url).build(); Ijoka writer = Ijoka.builder().store(url).build()) {
            Events.Subscription subscription = watcher.events().subscribe(received::add);
            try {
                Project project = writer.projects().open(dir);
                for (int i = 0; i < 5; i++) {
                    writer.features().create(project.id(), NewFeature.of("before " + i, Category.FUNCTIONAL));
                }
                awaitSequence(received, writer.events().lastSequence());

                PostgresTestServer.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                        + PostgresChangeFeed.APPLICATION_NAME + "' AND datname = '" + database(url) + "'");
                for (int i = 0; i < 5; i++) {
                    writer.features().create(project.id(), NewFeature.of("after " + i, Category.FUNCTIONAL));
                }
                long last = writer.events().lastSequence();
                awaitSequence(received, last);
                Thread.sleep(300); // anything delivered twice would arrive now

                assertThat(received.stream().map(Event::sequence).toList()).as("every event, in order, once")
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
                assertThat(listeners(url)).as("the killed listeners listen again").isEqualTo(2);
            } finally {
                subscription.close();
            }
        }
    }

    private static void awaitSequence(List<Event> received, long sequence) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline && (received.isEmpty() || received.getLast().sequence() < sequence)) {
            Thread.sleep(10);
        }
    }

    private static long listeners(String url) throws Exception {
        try (var c = PostgresTestServer.server().getPostgresDatabase().getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                        + PostgresChangeFeed.APPLICATION_NAME + "' AND datname = '" + database(url) + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String database(String url) {
        String rest = url.substring(url.lastIndexOf('/') + 1);
        int q = rest.indexOf('?');
        return q < 0 ? rest : rest.substring(0, q);
    }
}
