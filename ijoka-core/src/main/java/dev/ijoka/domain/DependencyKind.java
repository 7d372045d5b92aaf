package dev.ijoka.domain;

/** How hard a dependency is. */
public enum DependencyKind {
    /** Hard: the dependent cannot start until the dependency is complete. */
    BLOCKS,
    /** Soft: shown beside the feature, never gates anything. */
    RELATED;

    public String wireName() {
        return WireNames.wire(this);
    }

    public static DependencyKind fromWire(String text) {
        return WireNames.parse(DependencyKind.class, "dependency kind", text);
    }
}
