package dev.ijoka.app.update;

import java.time.Instant;

/** What one check of the release feed found. */
public sealed interface CheckResult {

    Instant checkedAt();

    /** The feed names a newer release than this one: the user is told. */
    record Newer(Instant checkedAt, ReleaseVersion running, ReleaseFeed feed) implements CheckResult {}

    /** The feed names this version, or an older one (which is logged: a feed should not go back). */
    record UpToDate(Instant checkedAt, ReleaseVersion running, ReleaseVersion latest) implements CheckResult {}

    /** Offline, a timeout, an error status or a malformed feed: a line in the log, nothing shown. */
    record Failed(Instant checkedAt, String reason) implements CheckResult {}
}
