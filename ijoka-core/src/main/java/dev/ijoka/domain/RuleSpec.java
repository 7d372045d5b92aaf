package dev.ijoka.domain;

import java.nio.file.FileSystems;
import java.util.Objects;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/** What a rule says. Rules are data; {@code RuleEngine} evaluates them with pure functions. */
public sealed interface RuleSpec {

    /** The wire name of this kind of rule, e.g. {@code wip_limit}. */
    String kind();

    /** One line a person can read. */
    String describe();

    /** Refuse a start beyond {@code max} features in progress, per project or per session. */
    record WipLimit(int max, WipScope per) implements RuleSpec {
        public WipLimit {
            if (max < 1) {
                throw new IllegalArgumentException("a WIP limit must be at least 1, got " + max);
            }
            Objects.requireNonNull(per, "per");
        }

        @Override
        public String kind() {
            return "wip_limit";
        }

        @Override
        public String describe() {
            return "at most " + max + " feature" + (max == 1 ? "" : "s") + " in progress per " + per.wireName();
        }
    }

    /** Refuse to complete a feature while any of its steps is unchecked. */
    record StepsDoneBeforeComplete() implements RuleSpec {
        @Override
        public String kind() {
            return "steps_done_before_complete";
        }

        @Override
        public String describe() {
            return "every step checked before complete";
        }
    }

    /** Text injected into an agent's context when its session starts. */
    record Context(String text) implements RuleSpec {
        public Context {
            text = Limits.requireText("context text", text, Limits.MAX_RULE_TEXT);
        }

        @Override
        public String kind() {
            return "context";
        }

        @Override
        public String describe() {
            return "context: " + text;
        }
    }

    /**
     * Shown to the agent before a matching tool use. At least one of {@code tool} (exact name, e.g.
     * {@code Bash}) and {@code fileGlob} (e.g. {@code **}{@code /*.sql}) must be given.
     */
    record Reminder(@Nullable String tool, @Nullable String fileGlob, String text) implements RuleSpec {
        public Reminder {
            if ((tool == null || tool.isBlank()) && (fileGlob == null || fileGlob.isBlank())) {
                throw new IllegalArgumentException("a reminder needs a tool name, a file glob, or both");
            }
            if (fileGlob != null && !fileGlob.isBlank()) {
                try {
                    FileSystems.getDefault().getPathMatcher("glob:" + fileGlob.strip());
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("'" + fileGlob + "' is not a valid file glob (" + e.getDescription()
                            + "): write e.g. **/*.sql or src/main/**", e);
                }
            }
            text = Limits.requireText("reminder text", text, Limits.MAX_RULE_TEXT);
        }

        @Override
        public String kind() {
            return "reminder";
        }

        @Override
        public String describe() {
            return "before " + (tool != null ? tool : "any tool") + (fileGlob != null ? " on " + fileGlob : "") + ": " + text;
        }
    }
}
