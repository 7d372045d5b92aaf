package dev.ijoka.interchange.internal;

import dev.ijoka.domain.Category;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Maps the category names other tools use onto Ijoka's eight. Anthropic's harness writes
 * {@code functional} and {@code style}; people write {@code docs}, {@code tests}, {@code infra}...
 * A name that maps nowhere becomes {@code functional}, with a warning.
 */
final class Categories {

    private static final Map<String, Category> SYNONYMS = Map.ofEntries(
            Map.entry("feature", Category.FUNCTIONAL),
            Map.entry("features", Category.FUNCTIONAL),
            Map.entry("functionality", Category.FUNCTIONAL),
            Map.entry("core", Category.FUNCTIONAL),
            Map.entry("api", Category.FUNCTIONAL),
            Map.entry("backend", Category.FUNCTIONAL),
            Map.entry("logic", Category.FUNCTIONAL),
            Map.entry("style", Category.UI),
            Map.entry("styling", Category.UI),
            Map.entry("ux", Category.UI),
            Map.entry("design", Category.UI),
            Map.entry("visual", Category.UI),
            Map.entry("frontend", Category.UI),
            Map.entry("front-end", Category.UI),
            Map.entry("accessibility", Category.UI),
            Map.entry("a11y", Category.UI),
            Map.entry("layout", Category.UI),
            Map.entry("auth", Category.SECURITY),
            Map.entry("authentication", Category.SECURITY),
            Map.entry("authorization", Category.SECURITY),
            Map.entry("privacy", Category.SECURITY),
            Map.entry("perf", Category.PERFORMANCE),
            Map.entry("speed", Category.PERFORMANCE),
            Map.entry("scalability", Category.PERFORMANCE),
            Map.entry("docs", Category.DOCUMENTATION),
            Map.entry("doc", Category.DOCUMENTATION),
            Map.entry("documentation", Category.DOCUMENTATION),
            Map.entry("readme", Category.DOCUMENTATION),
            Map.entry("test", Category.TESTING),
            Map.entry("tests", Category.TESTING),
            Map.entry("qa", Category.TESTING),
            Map.entry("e2e", Category.TESTING),
            Map.entry("quality", Category.TESTING),
            Map.entry("infra", Category.INFRASTRUCTURE),
            Map.entry("devops", Category.INFRASTRUCTURE),
            Map.entry("ci", Category.INFRASTRUCTURE),
            Map.entry("build", Category.INFRASTRUCTURE),
            Map.entry("deployment", Category.INFRASTRUCTURE),
            Map.entry("deploy", Category.INFRASTRUCTURE),
            Map.entry("setup", Category.INFRASTRUCTURE),
            Map.entry("database", Category.INFRASTRUCTURE),
            Map.entry("refactor", Category.REFACTORING),
            Map.entry("cleanup", Category.REFACTORING),
            Map.entry("tech-debt", Category.REFACTORING),
            Map.entry("maintenance", Category.REFACTORING));

    private Categories() {}

    /** The category a name stands for, if it stands for one. */
    static Optional<Category> lookup(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String key = name.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (Category c : Category.values()) {
            if (c.wireName().equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.ofNullable(SYNONYMS.get(key));
    }

    /** The category for a name; {@code functional} (with a warning) for one that maps nowhere. */
    static Category map(@Nullable String name, String where, Report report) {
        if (name == null || name.isBlank()) {
            return Category.FUNCTIONAL;
        }
        return lookup(name).orElseGet(() -> {
            report.warning(where, "unknown category '" + name + "', imported as functional");
            return Category.FUNCTIONAL;
        });
    }
}
