package dev.ijoka.interchange.internal;

import dev.ijoka.interchange.Problem;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems (which refuse the import) and warnings (which do not) found while reading a file. */
public final class Report {

    /** Past this many problems reading stops adding: the file is clearly not what it should be. */
    static final int MAX_PROBLEMS = 1_000;

    private final List<Problem> problems = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    public void problem(String where, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(where, message));
        }
    }

    public void warning(String where, String message) {
        if (warnings.size() < MAX_PROBLEMS) {
            warnings.add(new Problem(where, message));
        }
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public List<Problem> warnings() {
        return List.copyOf(warnings);
    }
}
