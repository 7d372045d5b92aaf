package dev.ijoka.mcp.internal;

import static dev.ijoka.mcp.internal.Schema.array;
import static dev.ijoka.mcp.internal.Schema.bool;
import static dev.ijoka.mcp.internal.Schema.input;
import static dev.ijoka.mcp.internal.Schema.integer;
import static dev.ijoka.mcp.internal.Schema.object;
import static dev.ijoka.mcp.internal.Schema.props;
import static dev.ijoka.mcp.internal.Schema.string;

import dev.ijoka.api.ClaimConflictException;
import dev.ijoka.api.IjokaException;
import dev.ijoka.api.IllegalTransitionException;
import dev.ijoka.api.StaleVersionException;
import dev.ijoka.api.Transition;
import dev.ijoka.domain.Claim;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.Limits;
import dev.ijoka.domain.Status;
import dev.ijoka.domain.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tools that move work along: start, complete, block, unblock, check a step. */
final class WorkTools {

    /** How often a start without a feature tries the next ready one when other sessions take them first. */
    private static final int START_ATTEMPTS = 5;
    private static final int MAX_UNLOCKED = 20;

    private WorkTools() {}

    static List<ToolDef> all() {
        return List.of(start(), complete(), block(), unblock());
    }

    // ---- ijoka_start_feature

    private static ToolDef start() {
        return new ToolDef("ijoka_start_feature",
                "Start a feature and claim it for this session. Without feature: the one you hold, else the next"
                        + " ready one.",
                input(props("feature", string(Shapes.REF))),
                object(props("feature", Shapes.FULL, "warnings", Shapes.WARNINGS), "feature"),
                false, WorkTools::start);
    }

    private static Reply start(Call call) {
        FeatureRef given = call.args.optFeature("feature");
        Transition t;
        boolean renewed;
        if (given != null) {
            Feature before = call.feature(given);
            renewed = holds(before, call);
            t = call.ijoka.features().start(before.id(), call.session);
        } else {
            Outcome o = startNext(call);
            t = o.transition();
            renewed = o.renewed();
        }
        Feature f = t.feature();
        Views.Full full = Views.full(call.ijoka, f, call.session, Views.DETAILS_PREVIEW);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("feature", full.view());
        if (!t.warnings().isEmpty()) {
            out.put("warnings", t.warnings());
        }
        Claim claim = f.claim();
        String until = claim == null ? "" : " until " + claim.leaseUntil();
        StringBuilder text = new StringBuilder()
                .append(renewed ? "You already hold " + f.ref() + "; claim renewed" + until : "Started " + f.ref()
                        + ", claimed by you" + until)
                .append(".\n");
        warnings(text, t.warnings());
        text.append(full.text());
        text.append("Report progress with ijoka_check_step; finish with ijoka_complete_feature, or ijoka_block_feature"
                + " if you are stuck.\n");
        return new Reply(out, text.toString());
    }

    private record Outcome(Transition transition, boolean renewed) {}

    /** The next ready feature, claimed; another session may win a race for it, so try the next one then. */
    private static Outcome startNext(Call call) {
        IjokaException lost = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            Optional<Feature> next = call.ijoka.plan().next(call.project.id(), call.session);
            if (next.isEmpty()) {
                int ready = call.ijoka.plan().readyCount(call.project.id());
                throw new ToolError("nothing_ready", Shapes.nothingReady(call.ijoka.plan().progress(call.project.id()), ready));
            }
            boolean renewed = holds(next.get(), call);
            try {
                return new Outcome(call.ijoka.features().start(next.get().id(), call.session), renewed);
            } catch (ClaimConflictException | IllegalTransitionException | StaleVersionException e) {
                lost = e; // another session took it between next and start: try the new next one
            }
        }
        throw lost;
    }

    private static boolean holds(Feature f, Call call) {
        return f.status() == Status.IN_PROGRESS && f.claim() != null && f.claim().isHeldBy(call.session);
    }

    private static void warnings(StringBuilder text, List<String> warnings) {
        for (String w : warnings) {
            text.append("Warning: ").append(w).append('\n');
        }
    }

    // ---- ijoka_complete_feature

    private static ToolDef complete() {
        return new ToolDef("ijoka_complete_feature",
                "Mark a feature complete (default: the one you hold). Answers what that unlocked and what is next.",
                input(props("feature", string(Shapes.REF + "; default: yours"))),
                object(props("feature", Shapes.ROW, "unlocked", array(Shapes.ROW), "next", Shapes.ROW,
                        "warnings", Shapes.WARNINGS), "feature", "unlocked"),
                false, WorkTools::complete);
    }

    private static Reply complete(Call call) {
        Feature before = call.feature(call.featureOrCurrent("feature", "complete"));
        List<Feature> unlocked = before.status() == Status.IN_PROGRESS
                ? call.ijoka.plan().unlockedBy(before.id()) : List.of();
        Transition t = call.ijoka.features().complete(before.id(), call.session);
        Optional<Feature> next = call.ijoka.plan().next(call.project.id(), call.session);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("feature", Views.row(t.feature()));
        List<Feature> shown = unlocked.subList(0, Math.min(unlocked.size(), MAX_UNLOCKED));
        out.put("unlocked", Views.rows(shown));
        next.ifPresent(f -> out.put("next", Views.row(f)));
        if (!t.warnings().isEmpty()) {
            out.put("warnings", t.warnings());
        }
        StringBuilder text = new StringBuilder("Completed ").append(Views.line(t.feature())).append('\n');
        warnings(text, t.warnings());
        if (!unlocked.isEmpty()) {
            text.append("Now ready: ").append(String.join(", ", shown.stream().map(Feature::ref).toList()))
                    .append(unlocked.size() > shown.size() ? " and " + (unlocked.size() - shown.size()) + " more" : "")
                    .append('\n');
        }
        text.append(next.map(f -> "Next: " + Views.line(f) + " (ijoka_start_feature claims it)\n")
                .orElse("Nothing else is ready to start.\n"));
        return new Reply(out, text.toString());
    }

    // ---- ijoka_block_feature

    private static ToolDef block() {
        return new ToolDef("ijoka_block_feature",
                "Block a feature (default: the one you hold) and release its claim. blockedBy also makes it depend on"
                        + " that feature.",
                input(props(
                        "feature", string(Shapes.REF + "; default: yours"),
                        "reason", string("what it waits for"),
                        "blockedBy", string("the feature in the way, " + Shapes.REF)), "reason"),
                object(props("feature", Shapes.ROW), "feature"),
                false, WorkTools::block);
    }

    private static Reply block(Call call) {
        FeatureRef ref = call.featureOrCurrent("feature", "block");
        String reason = call.args.string("reason");
        FeatureRef by = call.args.optFeature("blockedBy");
        Feature before = call.feature(ref);
        Feature blocker = by == null ? null : call.feature(by);
        Transition t = call.ijoka.features().block(before.id(), call.session, reason, blocker == null ? null : blocker.id());
        StringBuilder text = new StringBuilder("Blocked ").append(Views.line(t.feature())).append('\n');
        if (blocker != null) {
            text.append(t.feature().ref()).append(" now depends on ").append(blocker.ref()).append(".\n");
        }
        text.append("Unblock it with ijoka_unblock_feature once that is resolved.\n");
        return new Reply(Map.of("feature", Views.row(t.feature())), text.toString());
    }

    // ---- ijoka_unblock_feature

    private static ToolDef unblock() {
        return new ToolDef("ijoka_unblock_feature",
                "Return a blocked feature to pending.",
                input(props("feature", string(Shapes.REF)), "feature"),
                object(props("feature", Shapes.ROW, "ready", bool()), "feature"),
                false, WorkTools::unblock);
    }

    private static Reply unblock(Call call) {
        Feature before = call.feature(call.args.feature("feature"));
        Transition t = call.ijoka.features().unblock(before.id(), call.session);
        boolean ready = call.ijoka.plan().ready(call.project.id()).stream().anyMatch(f -> f.id().equals(before.id()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("feature", Views.row(t.feature()));
        out.put("ready", ready);
        return new Reply(out, "Unblocked " + Views.line(t.feature()) + "\n"
                + (ready ? "It is ready to start.\n" : "It waits for its dependencies before it can start.\n"));
    }

    // ---- ijoka_check_step

    static ToolDef checkStep() {
        return new ToolDef("ijoka_check_step",
                "Check (or uncheck) a verification step of a feature (default: the one you hold).",
                input(props(
                        "feature", string(Shapes.REF + "; default: yours"),
                        "step", integer("step number, from 0, as ijoka_get_feature lists them"),
                        "done", bool("default true")), "step"),
                object(props("feature", string(), "step", integer(), "text", string(), "done", bool(),
                        "stepsDone", integer(), "stepsTotal", integer()), "feature", "step", "done"),
                false, WorkTools::checkStep);
    }

    private static Reply checkStep(Call call) {
        FeatureRef ref = call.featureOrCurrent("feature", "check");
        int index = call.args.integer("step", 0, Limits.MAX_STEPS - 1);
        boolean done = call.args.bool("done", true);
        Feature before = call.feature(ref);
        Feature f = call.ijoka.features().checkStep(before.id(), index, done, call.session);
        Step step = f.steps().get(index);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("feature", f.ref());
        out.put("step", index);
        out.put("text", step.text());
        out.put("done", step.done());
        out.put("stepsDone", (int) f.stepsDone());
        out.put("stepsTotal", f.steps().size());
        String text = f.ref() + " step " + index + (done ? " done" : " not done") + " (" + f.stepsDone() + "/"
                + f.steps().size() + "): " + step.text() + "\n"
                + (f.allStepsDone() && f.status() == Status.IN_PROGRESS
                        ? "Every step is done: finish with ijoka_complete_feature.\n" : "");
        return new Reply(out, text);
    }
}
