package dev.ijoka.domain;

/** What area a feature belongs to, as in Anthropic's {@code feature_list.json}. */
public enum Category {
    FUNCTIONAL,
    UI,
    SECURITY,
    PERFORMANCE,
    DOCUMENTATION,
    TESTING,
    INFRASTRUCTURE,
    REFACTORING;

    public String wireName() {
        return WireNames.wire(this);
    }

    public static Category fromWire(String text) {
        return WireNames.parse(Category.class, "category", text);
    }
}
