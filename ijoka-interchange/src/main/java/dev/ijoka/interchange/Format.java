package dev.ijoka.interchange;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The file formats Ijoka reads and writes. */
public enum Format {

    /** Anthropic's {@code feature_list.json}: an array of {@code {category, description, steps, passes}}. */
    FEATURE_LIST("feature-list", true, "feature_list.json"),
    /** Task Master's {@code tasks.json}, plain or tagged ({@code {"master": {"tasks": [...]}}}). */
    TASK_MASTER("task-master", true, "tasks.json"),
    /** beads' JSONL: one issue per line. */
    BEADS("beads", true, "issues.jsonl"),
    /** Ijoka's own full JSON: features with every field, dependencies, insights and rules. */
    JSON("json", true, "ijoka.json"),
    /** One row per feature, for spreadsheets (export only). */
    CSV("csv", false, "features.csv"),
    /** A readable report with a table and checklists (export only). */
    MARKDOWN("markdown", false, "plan.md");

    private final String cliName;
    private final boolean importable;
    private final String usualFileName;

    Format(String cliName, boolean importable, String usualFileName) {
        this.cliName = cliName;
        this.importable = importable;
        this.usualFileName = usualFileName;
    }

    /** The name people type: {@code feature-list}, {@code task-master}, {@code beads}, {@code json}, {@code csv}, {@code markdown}. */
    public String cliName() {
        return cliName;
    }

    public boolean canImport() {
        return importable;
    }

    /** The file name this format usually has, e.g. {@code tasks.json}. */
    public String usualFileName() {
        return usualFileName;
    }

    /**
     * Reads a format name, also accepting common spellings ({@code feature_list}, {@code taskmaster},
     * {@code tasks}, {@code jsonl}, {@code ijoka}, {@code md}).
     *
     * @throws IllegalArgumentException listing the names allowed
     */
    public static Format fromName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (n) {
            case "feature-list", "featurelist", "feature-list.json", "anthropic" -> FEATURE_LIST;
            case "task-master", "taskmaster", "tasks", "tasks.json" -> TASK_MASTER;
            case "beads", "bd", "jsonl" -> BEADS;
            case "json", "ijoka" -> JSON;
            case "csv" -> CSV;
            case "markdown", "md" -> MARKDOWN;
            default -> throw new IllegalArgumentException("unknown format '" + name + "': use one of "
                    + Arrays.stream(values()).map(Format::cliName).collect(Collectors.joining(", ")));
        };
    }

    @Override
    public String toString() {
        return cliName;
    }
}
