package dev.ijoka.domain;

/** What a broken rule does: let the command through with a warning, or refuse it. */
public enum Enforcement {
    WARN,
    DENY;

    public String wireName() {
        return WireNames.wire(this);
    }

    public static Enforcement fromWire(String text) {
        return WireNames.parse(Enforcement.class, "enforcement", text);
    }
}
