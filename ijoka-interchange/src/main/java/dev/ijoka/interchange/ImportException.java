package dev.ijoka.interchange;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An import was refused: the file is malformed, too large, names unknown features or would close a
 * dependency cycle. {@link #problems()} lists every problem found (not only the first), each with
 * its place in the file; nothing was imported.
 */
public final class ImportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How many problems the message lists before it says "and N more". */
    private static final int LISTED = 50;

    private final String file;
    private final transient List<Problem> problems;

    public ImportException(String file, List<Problem> problems) {
        super(message(file, problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public ImportException(Path file, List<Problem> problems) {
        this(file.toString(), problems);
    }

    /** The file, as the caller named it. */
    public String file() {
        return file;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** A stable, machine-readable name for front ends, like {@code IjokaException.code()}. */
    public String code() {
        return "invalid_import";
    }

    private static String message(String file, List<Problem> problems) {
        String head = "cannot import " + file + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + " found, nothing was imported. Fix the file and import it again.";
        String listed = problems.stream().limit(LISTED).map(p -> "  " + p).collect(Collectors.joining("\n"));
        String more = problems.size() > LISTED ? "\n  ... and " + (problems.size() - LISTED) + " more" : "";
        return head + "\n" + listed + more;
    }
}
