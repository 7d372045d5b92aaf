package dev.ijoka.app.update;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release's version: numbers separated by dots ({@code 0.2.0}, a leading {@code v} allowed), and optionally a
 * pre-release label after a hyphen ({@code 0.2.0-SNAPSHOT}, {@code 1.0.0-rc.1}), which comes before the release of
 * the same numbers. Missing numbers count as zero ({@code 1.2} equals {@code 1.2.0}).
 */
public record ReleaseVersion(List<Integer> numbers, String label) implements Comparable<ReleaseVersion> {

    private static final Pattern FORM = Pattern.compile("v?(\\d{1,9}(?:\\.\\d{1,9}){0,3})(?:-([0-9A-Za-z.-]{1,40}))?");

    public ReleaseVersion {
        numbers = List.copyOf(numbers);
        Objects.requireNonNull(label, "label");
    }

    /** Parses {@code text}, or throws {@link IllegalArgumentException} saying what a version looks like. */
    public static ReleaseVersion parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a version: expected numbers with dots, like 0.2.0 "
                    + "or 1.0.0-rc.1");
        }
        List<Integer> numbers = new ArrayList<>();
        for (String part : m.group(1).split("\\.")) {
            numbers.add(Integer.parseInt(part));
        }
        return new ReleaseVersion(numbers, m.group(2) == null ? "" : m.group(2));
    }

    public boolean isNewerThan(ReleaseVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(ReleaseVersion other) {
        for (int i = 0; i < Math.max(numbers.size(), other.numbers.size()); i++) {
            int c = Integer.compare(at(i), other.at(i));
            if (c != 0) {
                return c;
            }
        }
        if (label.isEmpty() || other.label.isEmpty()) {
            return Boolean.compare(label.isEmpty(), other.label.isEmpty()); // a release after its pre-releases
        }
        return label.compareTo(other.label);
    }

    private int at(int i) {
        return i < numbers.size() ? numbers.get(i) : 0;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int n : numbers) {
            s.append(s.isEmpty() ? "" : ".").append(n);
        }
        return label.isEmpty() ? s.toString() : s + "-" + label;
    }
}
