package dev.ijoka.app.update;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the release feed and downloads a newer package when asked. Every network call runs on the caller's thread
 * (the desktop app calls it from a background thread, never the event-dispatch thread) and is bounded by a timeout.
 * Each check's outcome is kept in {@code <data directory>/update/last-check.json}: {@link #checkIfDue()} asks the
 * feed at most once a day, and {@code ijoka doctor} reports the last outcome without going to the network.
 */
public final class UpdateChecker {

    /** Checks are at least this far apart. */
    public static final Duration INTERVAL = Duration.ofDays(1);

    private static final Logger LOG = LoggerFactory.getLogger(UpdateChecker.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI feed;
    private final ReleaseVersion running;
    private final Path dataDirectory;
    private final Clock clock;
    private final Duration timeout;

    public UpdateChecker(URI feed, ReleaseVersion running, Path dataDirectory, Clock clock, Duration timeout) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.running = Objects.requireNonNull(running, "running");
        this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The checker for this process: the settings' feed, the running version, ten-second timeouts. */
    public static UpdateChecker of(UpdateSettings settings, String runningVersion, Path dataDirectory) {
        return new UpdateChecker(settings.feed(), ReleaseVersion.parse(runningVersion), dataDirectory,
                Clock.systemUTC(), Duration.ofSeconds(10));
    }

    /** The file that keeps the last check's outcome. */
    public static Path lastCheckFile(Path dataDirectory) {
        return dataDirectory.resolve("update").resolve("last-check.json");
    }

    /** Asks the feed now, keeps the outcome and returns it. Failures are one log line, never an exception. */
    public CheckResult check() {
        Instant now = clock.instant();
        CheckResult result;
        String body = null;
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(feed).timeout(timeout)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                result = new CheckResult.Failed(now, "the feed " + feed + " answered HTTP " + response.statusCode());
            } else if (response.body().length > ReleaseFeed.MAX_BYTES) {
                result = new CheckResult.Failed(now, "the feed " + feed + " is " + response.body().length
                        + " bytes, too big for a release feed");
            } else {
                body = new String(response.body(), StandardCharsets.UTF_8);
                result = judge(now, ReleaseFeed.parse(body));
            }
        } catch (HttpTimeoutException e) {
            result = new CheckResult.Failed(now, "the feed " + feed + " did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            result = new CheckResult.Failed(now, "the feed " + feed + " could not be read: " + e);
        } catch (ReleaseFeed.MalformedFeedException e) {
            result = new CheckResult.Failed(now, "the feed " + feed + " is malformed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CheckResult.Failed(now, "interrupted");
        } catch (IllegalArgumentException e) {
            result = new CheckResult.Failed(now, "the feed address " + feed + " cannot be asked: " + e.getMessage());
        }
        switch (result) {
            case CheckResult.Failed f -> LOG.info("update check: {}", f.reason());
            case CheckResult.UpToDate u when u.latest().compareTo(running) < 0 ->
                LOG.info("update check: the feed names {}, older than this {}; nothing to do", u.latest(), running);
            case CheckResult.UpToDate u -> LOG.debug("update check: {} is the latest", running);
            case CheckResult.Newer n -> LOG.info("update check: {} is available (this is {})", n.feed().version(), running);
        }
        keep(result, body);
        return result;
    }

    /** The last check's outcome if it is less than a day old (judged again against this version), else a check now. */
    public CheckResult checkIfDue() {
        Optional<CheckResult> last = last();
        if (last.isPresent() && last.get().checkedAt().isAfter(clock.instant().minus(INTERVAL))) {
            return last.get();
        }
        return check();
    }

    /** The kept outcome of the last check, judged against this version (an upgrade since then is up to date). */
    public Optional<CheckResult> last() {
        return readLast(lastCheckFile(dataDirectory), running);
    }

    /** The kept outcome in {@code file}, judged against {@code running}; empty if there is none or it is unreadable. */
    public static Optional<CheckResult> readLast(Path file, ReleaseVersion running) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode kept = JSON.readTree(Files.readString(file));
            Instant at = Instant.parse(kept.path("checkedAt").asString());
            if (kept.path("feed").isString()) {
                return Optional.of(judge(at, running, ReleaseFeed.parse(kept.path("feed").asString())));
            }
            return Optional.of(new CheckResult.Failed(at, kept.path("reason").asString("unknown")));
        } catch (IOException | RuntimeException | ReleaseFeed.MalformedFeedException e) {
            LOG.info("ignoring the last update check's record {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Downloads {@code download} into {@code <data directory>/update/} and checks its SHA-256. Returns the file once
     * it matches; on a mismatch deletes it and throws, saying so.
     */
    public Path download(ReleaseFeed.Download download) throws IOException, InterruptedException, ChecksumMismatchException {
        Path dir = Files.createDirectories(dataDirectory.resolve("update"));
        String name = Path.of(download.url().getPath()).getFileName().toString();
        if (name.isBlank() || name.startsWith(".")) {
            throw new IOException("the download address " + download.url() + " names no file");
        }
        Path target = dir.resolve(name);
        Path part = dir.resolve(name + ".part");
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(download.url()).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(part)) {
            if (response.statusCode() != 200) {
                throw new IOException(download.url() + " answered HTTP " + response.statusCode());
            }
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (!actual.equalsIgnoreCase(download.sha256())) {
            Files.deleteIfExists(part);
            throw new ChecksumMismatchException(name, download.sha256(), actual);
        }
        try {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** The downloaded package's SHA-256 is not the feed's: the file was deleted, nothing installed. */
    public static final class ChecksumMismatchException extends Exception {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        ChecksumMismatchException(String file, String expected, String actual) {
            super("The download of " + file + " does not match the release's SHA-256 (expected " + expected + ", got "
                    + actual + "), so it was deleted and nothing was installed. Try again later, or download the "
                    + "release by hand and compare its checksum.");
        }
    }

    private CheckResult judge(Instant at, ReleaseFeed feed) {
        return judge(at, running, feed);
    }

    private static CheckResult judge(Instant at, ReleaseVersion running, ReleaseFeed feed) {
        return feed.version().isNewerThan(running) ? new CheckResult.Newer(at, running, feed)
                : new CheckResult.UpToDate(at, running, feed.version());
    }

    private void keep(CheckResult result, @org.jspecify.annotations.Nullable String body) {
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("checkedAt", result.checkedAt().toString());
        kept.put("running", running.toString());
        if (result instanceof CheckResult.Failed f) {
            kept.put("reason", f.reason());
        } else {
            kept.put("feed", body);
        }
        Path file = lastCheckFile(dataDirectory);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("last-check.json.tmp");
            Files.writeString(tmp, JSON.writeValueAsString(kept));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | JacksonException e) {
            LOG.info("could not keep the update check's outcome in {}: {}", file, e.toString());
        }
    }
}
