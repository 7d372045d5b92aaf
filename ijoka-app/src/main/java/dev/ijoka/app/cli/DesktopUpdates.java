package dev.ijoka.app.cli;

import dev.ijoka.app.update.CheckResult;
import dev.ijoka.app.update.DailyCheck;
import dev.ijoka.app.update.ReleaseFeed;
import dev.ijoka.app.update.UpdateChecker;
import dev.ijoka.app.update.UpdateSettings;
import dev.ijoka.swing.DesktopApp;
import dev.ijoka.swing.UpdateOffer;
import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's side of updates: the daily check ({@link DailyCheck}) unless the settings turn it off, a newer
 * version offered in the tray ({@link DesktopApp#offerUpdate}), and the download the user asks for: checked against
 * the feed's SHA-256, then handed to the system's installer (the desktop's handler for a .deb, .dmg or .msi).
 */
final class DesktopUpdates implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopUpdates.class);

    /** No checks (before the first paint, when none has started yet). */
    static final DesktopUpdates NONE = new DesktopUpdates(null);

    private final @Nullable DailyCheck daily;

    private DesktopUpdates(@Nullable DailyCheck daily) {
        this.daily = daily;
    }

    @Override
    public void close() {
        if (daily != null) {
            daily.close();
        }
    }

    /** Starts the check for {@code app}, or does nothing (and logs why) when checks are off. Close to stop it. */
    static DesktopUpdates start(Map<String, String> env, Path dataDirectory, DesktopApp app) {
        UpdateSettings settings = UpdateSettings.read(env, dataDirectory);
        if (!settings.enabled()) {
            LOG.info("update checks are {}", settings.off());
            return new DesktopUpdates(null);
        }
        UpdateChecker checker;
        try {
            checker = UpdateChecker.of(settings, VersionProvider.version(), dataDirectory);
        } catch (IllegalArgumentException e) {
            LOG.info("no update checks: this build's version {} is not a release", VersionProvider.version());
            return new DesktopUpdates(null);
        }
        return new DesktopUpdates(DailyCheck.start(checker, 15, newer -> app.offerUpdate(new UpdateOffer(
                newer.feed().version().toString(), newer.feed().changes(), () -> download(checker, newer)))));
    }

    /** Runs when the user picks the tray's update item, off the event-dispatch thread; returns what to tell them. */
    private static String download(UpdateChecker checker, CheckResult.Newer newer) {
        String kind = packageKind();
        Optional<ReleaseFeed.Download> download = newer.feed().download(kind);
        if (download.isEmpty()) {
            browse(newer.feed().page().toString());
            return "Ijoka " + newer.feed().version() + " has no ." + kind + " package in its feed: its release page, "
                    + newer.feed().page() + ", has what there is.";
        }
        try {
            Path file = checker.download(download.get());
            boolean opened = open(file);
            return "Downloaded " + file + " (its SHA-256 matches the release's). " + (opened
                    ? "Your system's installer opens it now." : "Install it with your system's installer" + (kind.equals("deb")
                            ? ": sudo apt install " + file : "."));
        } catch (UpdateChecker.ChecksumMismatchException e) {
            return e.getMessage();
        } catch (IOException e) {
            return "Downloading Ijoka " + newer.feed().version() + " failed (" + e.getMessage() + "); nothing was installed. "
                    + "Try again later, or get it from " + newer.feed().page();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "The download of Ijoka " + newer.feed().version() + " was interrupted; nothing was installed.";
        }
    }

    /** The package this system installs: .deb on Linux (Debian's dpkg), .dmg on macOS, .msi on Windows. */
    private static String packageKind() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return "dmg";
        }
        if (os.contains("win")) {
            return "msi";
        }
        return Files.isExecutable(Path.of("/usr/bin/dpkg")) ? "deb" : "tar.gz";
    }

    private static boolean open(Path file) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                Desktop.getDesktop().open(file.toFile());
                return true;
            }
        } catch (IOException | RuntimeException e) {
            LOG.info("could not hand {} to the system's installer: {}", file, e.toString());
        }
        return false;
    }

    private static void browse(String page) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(java.net.URI.create(page));
            }
        } catch (IOException | RuntimeException e) {
            LOG.info("could not open {}: {}", page, e.toString());
        }
    }
}
