package dev.ijoka.domain;

/** Counts of a project's features by status. */
public record Progress(int pending, int inProgress, int blocked, int complete) {

    public int total() {
        return pending + inProgress + blocked + complete;
    }

    /** Whole percent complete, 0 for an empty project. */
    public int percentComplete() {
        return total() == 0 ? 0 : (int) Math.floor(100.0 * complete / total());
    }

    public int count(Status status) {
        return switch (status) {
            case PENDING -> pending;
            case IN_PROGRESS -> inProgress;
            case BLOCKED -> blocked;
            case COMPLETE -> complete;
        };
    }
}
