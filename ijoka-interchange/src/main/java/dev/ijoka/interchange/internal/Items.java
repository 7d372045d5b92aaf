package dev.ijoka.interchange.internal;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.Limits;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Builds the core's values from what a reader found, turning the core's size checks into problems with a place. */
final class Items {

    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+(?:\\[([ xX])]\\s+)?(.+?)\\s*$");

    private Items() {}

    /** The feature, or null after reporting why it cannot be made (too long a text, too many steps...). */
    static @Nullable NewFeature feature(String where, Report report, String description, @Nullable String details,
            Category category, Kind kind, int priority, List<Step> steps) {
        try {
            return new NewFeature(description, details == null || details.isBlank() ? null : details.strip(), category, kind,
                    priority, steps, null);
        } catch (IllegalArgumentException e) {
            report.problem(where, e.getMessage());
            return null;
        }
    }

    /** Steps from texts, all done or all not; a step that is too long is reported and left out. */
    static List<Step> steps(List<String> texts, boolean done, String where, Report report) {
        List<Step> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            try {
                out.add(new Step(texts.get(i).strip(), done));
            } catch (IllegalArgumentException e) {
                report.problem(where, "step " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (out.size() > Limits.MAX_STEPS) {
            report.problem(where, out.size() + " steps; a feature has at most " + Limits.MAX_STEPS + ": merge some");
        }
        return out;
    }

    /** Markdown sections, in order, leaving out the empty ones: {@code text} first, then {@code ## heading} and body. */
    static @Nullable String sections(@Nullable String text, String... headingsAndBodies) {
        StringBuilder out = new StringBuilder();
        if (text != null && !text.isBlank()) {
            out.append(text.strip());
        }
        for (int i = 0; i + 1 < headingsAndBodies.length; i += 2) {
            String body = headingsAndBodies[i + 1];
            if (body != null && !body.isBlank()) {
                if (!out.isEmpty()) {
                    out.append("\n\n");
                }
                out.append("## ").append(headingsAndBodies[i]).append("\n\n").append(body.strip());
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    /**
     * Splits Markdown written by {@link #sections}: the text before the first {@code ## } heading, then each
     * heading's body. The lead text has the key "" (absent when empty).
     */
    static java.util.Map<String, String> splitSections(@Nullable String markdown) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        if (markdown == null) {
            return out;
        }
        String heading = "";
        StringBuilder body = new StringBuilder();
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("## ")) {
                put(out, heading, body);
                heading = line.substring(3).strip();
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        put(out, heading, body);
        return out;
    }

    private static void put(java.util.Map<String, String> out, String heading, StringBuilder body) {
        String text = body.toString().strip();
        if (!text.isEmpty()) {
            out.merge(heading, text, (a, b) -> a + "\n\n" + b);
        }
    }

    /** A Markdown list's items as steps ({@code - [x] done}, {@code - todo}, {@code 1. todo}); other lines are ignored. */
    static List<Step> checklist(@Nullable String markdown, boolean allDone) {
        List<Step> out = new ArrayList<>();
        if (markdown == null) {
            return out;
        }
        for (String line : markdown.split("\n")) {
            Matcher m = BULLET.matcher(line);
            if (m.matches() && m.group(2).length() <= Limits.MAX_STEP) {
                boolean done = allDone || (m.group(1) != null && !m.group(1).isBlank());
                out.add(new Step(m.group(2), done));
            }
        }
        return out;
    }

    /** Whether every non-blank line of the text is a list item, so {@link #checklist} loses nothing. */
    static boolean isChecklist(@Nullable String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return false;
        }
        return markdown.lines().filter(l -> !l.isBlank()).allMatch(l -> BULLET.matcher(l).matches());
    }
}
