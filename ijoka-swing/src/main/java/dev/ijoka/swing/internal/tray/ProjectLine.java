package dev.ijoka.swing.internal.tray;

import dev.ijoka.domain.Feature;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Progress;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One project as the tray shows it: its progress and the features in progress (the first few; {@code progress}
 * has the whole count).
 */
record ProjectLine(ProjectId id, String name, Progress progress, List<Feature> inProgress) {

    /** How many in-progress features a line names. */
    static final int NAMED = 3;
    private static final int TITLE = 40;

    ProjectLine {
        inProgress = List.copyOf(inProgress);
    }

    /** "shop: 3 of 10 complete (30%)", the menu's line. */
    String progressText() {
        return name + ": " + progress.complete() + " of " + progress.total() + " complete (" + progress.percentComplete() + "%)";
    }

    /** "2 in progress: #4 Checkout, #7 Search", or "nothing in progress". */
    String inProgressText() {
        if (progress.inProgress() == 0) {
            return "nothing in progress";
        }
        String named = inProgress.stream().limit(NAMED).map(f -> f.ref() + " " + shorten(f.description()))
                .collect(Collectors.joining(", "));
        int more = progress.inProgress() - Math.min(NAMED, inProgress.size());
        return progress.inProgress() + " in progress: " + named + (more > 0 ? " and " + more + " more" : "");
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= TITLE ? oneLine : oneLine.substring(0, TITLE - 1) + "…";
    }
}
