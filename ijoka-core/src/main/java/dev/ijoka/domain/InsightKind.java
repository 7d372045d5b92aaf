package dev.ijoka.domain;

/** What sort of learning an insight records. */
public enum InsightKind {
    SOLUTION,
    ANTI_PATTERN,
    BEST_PRACTICE,
    TOOL_USAGE;

    public String wireName() {
        return WireNames.wire(this);
    }

    public static InsightKind fromWire(String text) {
        return WireNames.parse(InsightKind.class, "insight kind", text);
    }
}
