package dev.ijoka.internal.engine;

import dev.ijoka.domain.Decision;
import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.Step;
import dev.ijoka.domain.WipScope;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * Evaluates rules with pure functions: the caller supplies the counts, the rules answer with
 * decisions that explain themselves. Only enabled rules are considered.
 */
final class RuleEngine {

    private RuleEngine() {}

    /** A decision and the rule that made it. */
    record Verdict(Rule rule, Decision decision) {}

    /**
     * Before a session takes one more feature.
     *
     * @param newToProject whether the start adds a feature to the project's work in progress (false for a takeover)
     * @param sessionCount features the session holds now, or -1 for a person (no session)
     */
    static List<Verdict> beforeStart(List<Rule> rules, boolean newToProject, int projectCount, int sessionCount) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Rule rule : rules) {
            if (!rule.enabled() || !(rule.spec() instanceof RuleSpec.WipLimit wip)) {
                continue;
            }
            boolean breaks = switch (wip.per()) {
                case PROJECT -> newToProject && projectCount >= wip.max();
                case SESSION -> sessionCount >= 0 && sessionCount >= wip.max();
            };
            if (breaks) {
                int count = wip.per() == WipScope.PROJECT ? projectCount : sessionCount;
                String where = wip.per() == WipScope.PROJECT ? "in this project" : "held by this session";
                String message = "WIP limit: " + count + " feature" + (count == 1 ? " is" : "s are") + " already in progress "
                        + where + " (limit " + wip.max() + "). Complete or block one before starting another.";
                verdicts.add(new Verdict(rule, decide(rule, message)));
            }
        }
        return verdicts;
    }

    /**
     * {@link #beforeStart(List, boolean, int, int)} with the counts asked for only when an enabled
     * work-in-progress limit needs them: each is a query, and most projects have no limit.
     */
    static List<Verdict> beforeStart(List<Rule> rules, boolean newToProject, IntSupplier projectCount,
            IntSupplier sessionCount) {
        if (rules.stream().noneMatch(r -> r.enabled() && r.spec() instanceof RuleSpec.WipLimit)) {
            return List.of();
        }
        return beforeStart(rules, newToProject, projectCount.getAsInt(), sessionCount.getAsInt());
    }

    /** Before a feature completes. */
    static List<Verdict> beforeComplete(List<Rule> rules, Feature feature) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Rule rule : rules) {
            if (!rule.enabled() || !(rule.spec() instanceof RuleSpec.StepsDoneBeforeComplete)) {
                continue;
            }
            List<Step> open = feature.steps().stream().filter(s -> !s.done()).toList();
            if (!open.isEmpty()) {
                String list = open.stream().map(s -> "\"" + s.text() + "\"").collect(Collectors.joining(", "));
                String message = open.size() + " of " + feature.steps().size() + " steps of " + feature.ref()
                        + " are unchecked: " + list + ". Verify them and check each step before completing.";
                verdicts.add(new Verdict(rule, decide(rule, message)));
            }
        }
        return verdicts;
    }

    /** The enabled reminder rules that match a tool use. */
    static List<Rule> reminders(List<Rule> rules, String tool, List<String> files) {
        List<Rule> matching = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.enabled() && rule.spec() instanceof RuleSpec.Reminder r && matches(r, tool, files)) {
                matching.add(rule);
            }
        }
        return matching;
    }

    static boolean matches(RuleSpec.Reminder reminder, String tool, List<String> files) {
        boolean toolMatches = reminder.tool() == null || reminder.tool().isBlank() || reminder.tool().equalsIgnoreCase(tool);
        if (!toolMatches) {
            return false;
        }
        if (reminder.fileGlob() == null || reminder.fileGlob().isBlank()) {
            return true;
        }
        String glob = reminder.fileGlob().strip();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        // As in .gitignore, a leading **/ also matches no directory at all: **/*.sql matches schema.sql.
        PathMatcher atTop = glob.startsWith("**/") ? FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)) : null;
        for (String file : files) {
            try {
                Path path = Path.of(file);
                if (matcher.matches(path)) {
                    return true;
                }
                // Hooks report absolute paths, from the main worktree or a linked one, while globs are
                // written relative (src/main/**, *.sql): try every tail of the path, down to its name.
                for (int i = 0; i < path.getNameCount(); i++) {
                    Path tail = path.subpath(i, path.getNameCount());
                    if (matcher.matches(tail) || (atTop != null && atTop.matches(tail))) {
                        return true;
                    }
                }
            } catch (java.nio.file.InvalidPathException e) {
                // A file name this platform cannot represent matches nothing.
            }
        }
        return false;
    }

    private static Decision decide(Rule rule, String message) {
        return rule.enforcement() == Enforcement.DENY
                ? new Decision.Deny(rule.id(), message)
                : new Decision.Warn(rule.id(), message);
    }
}
