/**
 * Updates: the release feed (a small JSON document at a configurable URL), the comparison of its version with this
 * one, a check at most once a day whose outcome is kept in the data directory, and the download of a newer
 * package, checked against the feed's SHA-256 before anything is offered to the system's installer. See
 * docs/installer.md, "Updates".
 */
@NullMarked
package dev.ijoka.app.update;

import org.jspecify.annotations.NullMarked;
