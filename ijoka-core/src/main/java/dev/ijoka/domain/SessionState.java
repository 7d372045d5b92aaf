package dev.ijoka.domain;

/** How alive a session looks, from how long it has been quiet. */
public enum SessionState {
    ACTIVE,
    IDLE,
    STALE,
    ENDED;

    public String wireName() {
        return WireNames.wire(this);
    }
}
