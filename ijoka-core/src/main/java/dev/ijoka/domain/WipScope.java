package dev.ijoka.domain;

/** What a WIP limit counts: every feature in progress in the project, or those of one session. */
public enum WipScope {
    PROJECT,
    SESSION;

    public String wireName() {
        return WireNames.wire(this);
    }

    public static WipScope fromWire(String text) {
        return WireNames.parse(WipScope.class, "WIP scope", text);
    }
}
