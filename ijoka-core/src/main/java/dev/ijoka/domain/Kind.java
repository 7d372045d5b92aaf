package dev.ijoka.domain;

/** What sort of work item a feature is. */
public enum Kind {
    FEATURE,
    BUG,
    CHORE,
    SPIKE,
    EPIC;

    public String wireName() {
        return WireNames.wire(this);
    }

    public static Kind fromWire(String text) {
        return WireNames.parse(Kind.class, "kind", text);
    }
}
