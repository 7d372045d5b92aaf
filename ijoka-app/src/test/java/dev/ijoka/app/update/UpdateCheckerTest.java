package dev.ijoka.app.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The update check and download against a real HTTP server on the loopback interface. */
class UpdateCheckerTest {

    private static final byte[] PACKAGE = "pretend this is ijoka_0.2.0_amd64.deb".getBytes(StandardCharsets.UTF_8);

    @TempDir Path data;
    private HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicInteger feedRequests = new AtomicInteger();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/feed.json")) {
                feedRequests.incrementAndGet();
            }
            byte[] body = files.get(path);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aNewerVersionIsReportedWithWhatChanged() {
        publish(feed("0.2.0", sha256(PACKAGE)));
        CheckResult result = checker("0.1.0").check();
        assertThat(result).isInstanceOfSatisfying(CheckResult.Newer.class, newer -> {
            assertThat(newer.feed().version()).hasToString("0.2.0");
            assertThat(newer.feed().changes()).isEqualTo("Installer with its own runtime.");
            assertThat(newer.feed().download("deb")).isPresent();
        });
    }

    @Test
    void theSameVersionIsUpToDate() {
        publish(feed("0.2.0", sha256(PACKAGE)));
        assertThat(checker("0.2.0").check()).isInstanceOf(CheckResult.UpToDate.class);
        // a release is newer than its own snapshot
        assertThat(checker("0.2.0-SNAPSHOT").check()).isInstanceOf(CheckResult.Newer.class);
    }

    @Test
    void anOlderVersionInTheFeedIsNotOffered() {
        publish(feed("0.1.9", sha256(PACKAGE)));
        assertThat(checker("0.2.0").check()).isInstanceOfSatisfying(CheckResult.UpToDate.class,
                up -> assertThat(up.latest()).hasToString("0.1.9"));
    }

    @Test
    void aMalformedFeedIsAFailureThatSaysWhy() {
        files.put("/feed.json", "{\"version\": \"soon\", \"url\": \"https://example.org/\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(checker("0.1.0").check()).isInstanceOfSatisfying(CheckResult.Failed.class,
                f -> assertThat(f.reason()).contains("malformed").contains("'soon' is not a version"));
        files.put("/feed.json", "<html>not json</html>".getBytes(StandardCharsets.UTF_8));
        assertThat(checker("0.1.0").check()).isInstanceOfSatisfying(CheckResult.Failed.class,
                f -> assertThat(f.reason()).contains("not JSON"));
        publish(feed("0.2.0", "abc"));
        assertThat(checker("0.1.0").check()).isInstanceOfSatisfying(CheckResult.Failed.class,
                f -> assertThat(f.reason()).contains("SHA-256"));
    }

    @Test
    void anUnreachableServerIsAFailureNotAnException() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        UpdateChecker checker = new UpdateChecker(URI.create("http://127.0.0.1:" + closedPort + "/feed.json"),
                ReleaseVersion.parse("0.1.0"), data, Clock.systemUTC(), Duration.ofSeconds(5));
        assertThat(checker.check()).isInstanceOfSatisfying(CheckResult.Failed.class,
                f -> assertThat(f.reason()).contains("could not be read"));
        // a missing feed (HTTP 404) too
        assertThat(checker("0.1.0").check()).isInstanceOfSatisfying(CheckResult.Failed.class,
                f -> assertThat(f.reason()).contains("HTTP 404"));
    }

    @Test
    void theDownloadIsKeptOnlyWhenItsChecksumMatches() throws Exception {
        publish(feed("0.2.0", sha256(PACKAGE)));
        files.put("/ijoka_0.2.0_amd64.deb", PACKAGE);
        UpdateChecker checker = checker("0.1.0");
        CheckResult.Newer newer = (CheckResult.Newer) checker.check();
        Path file = checker.download(newer.feed().download("deb").orElseThrow());
        assertThat(file).hasBinaryContent(PACKAGE).hasParent(data.resolve("update"));
    }

    @Test
    void aWrongChecksumIsRefusedAndTheFileDeleted() throws Exception {
        publish(feed("0.2.0", sha256("something else".getBytes(StandardCharsets.UTF_8))));
        files.put("/ijoka_0.2.0_amd64.deb", PACKAGE);
        UpdateChecker checker = checker("0.1.0");
        CheckResult.Newer newer = (CheckResult.Newer) checker.check();
        assertThatThrownBy(() -> checker.download(newer.feed().download("deb").orElseThrow()))
                .isInstanceOf(UpdateChecker.ChecksumMismatchException.class)
                .hasMessageContaining("ijoka_0.2.0_amd64.deb does not match the release's SHA-256")
                .hasMessageContaining("deleted and nothing was installed");
        try (var left = Files.list(data.resolve("update"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("last-check.json");
        }
    }

    @Test
    void theFeedIsAskedAtMostOnceADayAndTheOutcomeKeptForDoctor() {
        publish(feed("0.2.0", sha256(PACKAGE)));
        Instant t0 = Instant.parse("2026-12-06T10:00:00Z");
        checkerAt("0.1.0", t0).checkIfDue();
        assertThat(checkerAt("0.1.0", t0.plus(Duration.ofHours(23))).checkIfDue()).isInstanceOf(CheckResult.Newer.class);
        assertThat(feedRequests).hasValue(1);
        checkerAt("0.1.0", t0.plus(Duration.ofHours(25))).checkIfDue();
        assertThat(feedRequests).hasValue(2);
        // what doctor reads, judged against the version that runs now: after an upgrade, up to date
        assertThat(UpdateChecker.readLast(UpdateChecker.lastCheckFile(data), ReleaseVersion.parse("0.1.0")))
                .get().isInstanceOf(CheckResult.Newer.class);
        assertThat(UpdateChecker.readLast(UpdateChecker.lastCheckFile(data), ReleaseVersion.parse("0.2.0")))
                .get().isInstanceOf(CheckResult.UpToDate.class);
    }

    @Test
    void settingsTurnTheCheckOffForManagedMachinesAndNameAnotherFeed() throws IOException {
        assertThat(UpdateSettings.read(Map.of(), data)).isEqualTo(new UpdateSettings(true, UpdateSettings.DEFAULT_FEED, null));
        assertThat(UpdateSettings.read(Map.of("IJOKA_NO_UPDATE_CHECK", "1"), data).enabled()).isFalse();
        Files.writeString(data.resolve("update.properties"), "check=false\nfeed=https://example.org/feed.json\n");
        UpdateSettings fromFile = UpdateSettings.read(Map.of(), data);
        assertThat(fromFile.enabled()).isFalse();
        assertThat(fromFile.feed()).isEqualTo(URI.create("https://example.org/feed.json"));
        assertThat(UpdateSettings.read(Map.of("IJOKA_UPDATE_FEED", "http://127.0.0.1:1/f.json"), data).feed())
                .isEqualTo(URI.create("http://127.0.0.1:1/f.json"));
    }

    @Test
    void versionsCompareByNumberThenPreRelease() {
        assertThat(ReleaseVersion.parse("0.10.0").isNewerThan(ReleaseVersion.parse("0.9.9"))).isTrue();
        assertThat(ReleaseVersion.parse("v1.2").compareTo(ReleaseVersion.parse("1.2.0"))).isZero();
        assertThat(ReleaseVersion.parse("1.0.0").isNewerThan(ReleaseVersion.parse("1.0.0-rc.1"))).isTrue();
        assertThatThrownBy(() -> ReleaseVersion.parse("latest")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected numbers with dots");
    }

    private UpdateChecker checker(String running) {
        return new UpdateChecker(base().resolve("/feed.json"), ReleaseVersion.parse(running), data, Clock.systemUTC(),
                Duration.ofSeconds(5));
    }

    private UpdateChecker checkerAt(String running, Instant now) {
        return new UpdateChecker(base().resolve("/feed.json"), ReleaseVersion.parse(running), data,
                Clock.fixed(now, ZoneOffset.UTC), Duration.ofSeconds(5));
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void publish(String json) {
        files.put("/feed.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private String feed(String version, String sha) {
        return """
                {"version": "%s", "changes": "Installer with its own runtime.",
                 "url": "https://example.org/releases/v%s",
                 "downloads": {"deb": {"url": "%sijoka_0.2.0_amd64.deb", "sha256": "%s"}}}
                """.formatted(version, version, base(), sha);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
