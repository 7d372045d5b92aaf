package dev.ijoka.app.update;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Whether to check for updates, and where. From, first to last: the environment ({@code IJOKA_NO_UPDATE_CHECK=1}
 * turns checks off, for managed machines; {@code IJOKA_UPDATE_FEED} names another feed), then the file
 * {@code update.properties} in the data directory ({@code check=false}, {@code feed=https://...}), then the
 * default: on, against the project's releases.
 *
 * @param off why checks are off ({@code null} when they are on)
 */
public record UpdateSettings(boolean enabled, URI feed, @Nullable String off) {

    /** The latest release's feed, published with every release by .github/workflows/release.yml. */
    public static final URI DEFAULT_FEED = URI.create("https://github.com/ijoka/ijoka/releases/latest/download/feed.json");
    public static final String FILE = "update.properties";

    public static UpdateSettings read(Map<String, String> env, Path dataDirectory) {
        Properties file = new Properties();
        Path path = dataDirectory.resolve(FILE);
        if (Files.isRegularFile(path)) {
            try (Reader in = Files.newBufferedReader(path)) {
                file.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // An unreadable settings file must not stop the app; the check stays on its defaults.
                org.slf4j.LoggerFactory.getLogger(UpdateSettings.class).info("ignoring {}: {}", path, e.toString());
            }
        }
        String feedText = nonBlank(env.get("IJOKA_UPDATE_FEED"));
        if (feedText == null) {
            feedText = nonBlank(file.getProperty("feed"));
        }
        URI feed = DEFAULT_FEED;
        if (feedText != null) {
            try {
                feed = URI.create(feedText.strip());
            } catch (IllegalArgumentException e) {
                return new UpdateSettings(false, DEFAULT_FEED, "the feed address '" + feedText + "' is not a URL");
            }
        }
        String no = nonBlank(env.get("IJOKA_NO_UPDATE_CHECK"));
        if (no != null && !no.equals("0") && !no.equalsIgnoreCase("false")) {
            return new UpdateSettings(false, feed, "turned off by IJOKA_NO_UPDATE_CHECK");
        }
        if ("false".equalsIgnoreCase(file.getProperty("check", "").strip())) {
            return new UpdateSettings(false, feed, "turned off in " + path + " (check=false)");
        }
        return new UpdateSettings(true, feed, null);
    }

    private static @Nullable String nonBlank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
