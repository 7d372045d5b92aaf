package dev.ijoka.swing;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A newer Ijoka, as the update check found it (ijoka-app checks the release feed; the desktop only tells the user):
 * the tray gets an "Update to Ijoka {@code version}…" item and a notification says what changed.
 *
 * @param changes what changed, in the release's words ("" when the feed says nothing)
 * @param download downloads and checks the package when the user picks the tray item; run off the event-dispatch
 *     thread; returns what to tell the user (where the checked file is, or why it was refused)
 */
public record UpdateOffer(String version, String changes, Supplier<String> download) {

    public UpdateOffer {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(download, "download");
    }
}
