package dev.ijoka.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.NewFeature;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** /api/stream: engine events as Server-Sent Events, from this process and from another one on the same store. */
class EventStreamIT extends ServerTestBase {

    /** One SSE event as the client parsed it. */
    record Sse(String id, String event, String data) {}

    /** Reads an event stream on a thread of its own, event by event. */
    final class Stream implements AutoCloseable {
        final BlockingQueue<Sse> events = new LinkedBlockingQueue<>();
        final java.util.concurrent.CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response;

        Stream(String lastEventId) {
            var request = t.request("/api/stream?project=" + t.project.id().value()).timeout(Duration.ofMinutes(2));
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            response = t.http.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
            Thread.ofVirtual().start(() -> {
                try (java.util.stream.Stream<String> lines = response.join().body()) {
                    String id = "";
                    String event = "message";
                    StringBuilder data = new StringBuilder();
                    for (String line : (Iterable<String>) lines::iterator) {
                        if (line.isEmpty()) {
                            if (!data.isEmpty()) {
                                events.add(new Sse(id, event, data.toString()));
                            }
                            id = "";
                            event = "message";
                            data.setLength(0);
                        } else if (line.startsWith("id:")) {
                            id = line.substring(3).strip();
                        } else if (line.startsWith("event:")) {
                            event = line.substring(6).strip();
                        } else if (line.startsWith("data:")) {
                            data.append(line.substring(5).strip());
                        }
                    }
                } catch (RuntimeException e) {
                    // the stream was closed
                }
            });
        }

        Sse next(String event) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                Sse e = events.poll(100, TimeUnit.MILLISECONDS);
                if (e != null && e.event().equals(event)) {
                    return e;
                }
            }
            throw new AssertionError("no '" + event + "' event within 20 s");
        }

        @Override
        public void close() {
            response.cancel(true);
        }
    }

    @Test
    void anEventCommittedByAnotherProcessArrivesWithItsSequenceTypeAndJson() throws Exception {
        try (Stream stream = new Stream(null)) {
            stream.next("ready");
            OtherProcess.run(t.storeUrl, t.dir.resolve("project"), "Made elsewhere");
            Sse created = stream.next("feature_created");
            var json = TestServer.JSON.readTree(created.data());
            assertThat(json.get("type").asString()).isEqualTo("feature_created");
            assertThat(json.at("/payload/feature/description").asString()).isEqualTo("Made elsewhere");
            assertThat(created.id()).isEqualTo(String.valueOf(json.get("sequence").asLong()));
            assertThat(json.get("project").asString()).isEqualTo(t.project.id().value());
        }
    }

    @Test
    void aReconnectingPageGetsWhatItMissedThenLiveEventsOnceEachInOrder() throws Exception {
        long seen = t.ijoka.events().lastSequence();
        t.ijoka.features().create(t.project.id(), NewFeature.of("Missed one", Category.FUNCTIONAL));
        t.ijoka.features().create(t.project.id(), NewFeature.of("Missed two", Category.FUNCTIONAL));
        try (Stream stream = new Stream(String.valueOf(seen))) {
            Sse first = stream.next("feature_created");
            Sse second = stream.next("feature_created");
            stream.next("ready");
            t.ijoka.features().create(t.project.id(), NewFeature.of("Live", Category.FUNCTIONAL));
            Sse live = stream.next("feature_created");
            List<Long> ids = new ArrayList<>(List.of(Long.parseLong(first.id()), Long.parseLong(second.id()), Long.parseLong(live.id())));
            assertThat(ids).isSorted().doesNotHaveDuplicates();
            assertThat(first.data()).contains("Missed one");
            assertThat(live.data()).contains("Live");
        }
    }

    @Test
    void aGlobalRuleReachesEveryProjectsPagesButAnotherProjectsEventsDoNot() throws Exception {
        var other = t.ijoka.projects().open(java.nio.file.Files.createDirectories(t.dir.resolve("other")));
        try (Stream stream = new Stream(null)) {
            stream.next("ready");
            t.ijoka.features().create(other.id(), NewFeature.of("Not on this page", Category.FUNCTIONAL));
            var rule = t.ijoka.rules().add(null, new dev.ijoka.domain.RuleSpec.WipLimit(3, dev.ijoka.domain.WipScope.PROJECT),
                    dev.ijoka.domain.Enforcement.DENY);
            // Everything the page got up to the rule, in order: the other project's feature came before it.
            List<Sse> got = new ArrayList<>();
            while (got.isEmpty() || !got.getLast().event().equals("rule_added")) {
                Sse e = stream.events.poll(20, TimeUnit.SECONDS);
                assertThat(e).as("the global rule's event within 20 s; got " + got).isNotNull();
                got.add(e);
            }
            assertThat(got.getLast().data()).contains(rule.id().value());
            assertThat(got).noneMatch(e -> e.data().contains("Not on this page"));
        }
    }

    @Test
    void anUnknownProjectIsRefusedWithAMessage() {
        HttpResponse<String> r = t.get("/api/stream?project=nope");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(t.get("/api/stream").statusCode()).isEqualTo(400);
    }
}
