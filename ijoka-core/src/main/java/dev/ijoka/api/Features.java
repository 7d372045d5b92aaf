package dev.ijoka.api;

import dev.ijoka.domain.BoardOrder;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.FeatureRef;
import dev.ijoka.domain.FeatureUpdate;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Features and their state machine.
 *
 * <pre>{@code
 * Feature f = ijoka.features().create(project.id(), NewFeature.of("User can log in", Category.FUNCTIONAL));
 * ijoka.features().start(f.id(), session);
 * ijoka.features().complete(f.id(), session);
 * }</pre>
 *
 * Every method that changes something appends its events in the same transaction.
 */
public interface Features {

    /** Creates a pending feature with the project's next number. */
    Feature create(ProjectId project, NewFeature feature);

    /**
     * Creates many features and dependencies in one transaction, numbered in entry order, checking
     * the whole graph for cycles once: for imports. All or nothing: a cycle, a self-edge, an unknown
     * existing feature or two kinds for one edge refuse the whole batch and change nothing.
     *
     * @throws CycleException naming every cycle the batch would close
     * @throws NotFoundException if the project or an existing feature named by the batch does not exist
     * @throws InvalidInputException if a feature named belongs to another project, or one edge is given two kinds
     */
    FeatureBatch.Result createAll(ProjectId project, FeatureBatch batch, FeatureBatch.Progress progress);

    /** @throws NotFoundException if nothing matches */
    Feature get(FeatureRef ref);

    Optional<Feature> find(FeatureRef ref);

    /**
     * The features with these ids that exist, in the order given, read together (one question to the
     * store, or to a server's snapshot, instead of one per feature): e.g. the other ends of a feature's
     * dependencies.
     */
    List<Feature> findAll(Collection<FeatureId> ids);

    /** Every feature of the project, by number. */
    List<Feature> list(ProjectId project);

    /** The project's features in one status, by number. */
    default List<Feature> list(ProjectId project, dev.ijoka.domain.Status status) {
        return list(project, status, Integer.MAX_VALUE);
    }

    /**
     * The first {@code limit} of the project's features in one status, by number: what a summary
     * shows, with the whole count from {@link Plan#progress}.
     */
    List<Feature> list(ProjectId project, dev.ijoka.domain.Status status, int limit);

    /**
     * A page of the project's features by number, only those in {@code statuses} (every status when the set is
     * empty), and how many there are in all: what a paged list shows. The engine answers it for the page's cost,
     * not the plan's (from a server's snapshot, or a store query with a limit).
     *
     * @throws IllegalArgumentException if {@code offset} or {@code limit} is negative
     */
    default FeaturePage page(ProjectId project, Set<Status> statuses, int offset, int limit) {
        checkPage(offset, limit);
        List<Feature> all = list(project).stream().filter(f -> statuses.isEmpty() || statuses.contains(f.status())).toList();
        int from = Math.min(offset, all.size());
        return new FeaturePage(all.subList(from, Math.min(all.size(), from + limit)), all.size());
    }

    /**
     * A page of one Kanban column: the project's features in {@code status} in {@link BoardOrder#of the Board's
     * order}, and how many the column holds. Costs the page, not the plan: the store sorts and limits.
     *
     * @throws IllegalArgumentException if {@code offset} or {@code limit} is negative
     */
    default FeaturePage column(ProjectId project, Status status, int offset, int limit) {
        checkPage(offset, limit);
        List<Feature> all = list(project, status).stream().sorted(BoardOrder.of(status)).toList();
        int from = Math.min(offset, all.size());
        return new FeaturePage(all.subList(from, Math.min(all.size(), from + limit)), all.size());
    }

    /** Refuses a negative offset or limit. */
    static void checkPage(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must be 0 or more, got " + offset + " and " + limit);
        }
    }

    /** Changes fields (not the status). */
    Feature update(FeatureRef ref, FeatureUpdate update, @Nullable SessionId session, @Nullable Long expectedVersion);

    /** Checks or unchecks step {@code index} (0-based). */
    Feature checkStep(FeatureRef ref, int index, boolean done, @Nullable SessionId session);

    /** Runs a state-machine command. */
    Transition apply(FeatureCommand command);

    default Transition start(FeatureRef ref, @Nullable SessionId session) {
        return apply(new FeatureCommand.Start(ref, session, null));
    }

    default Transition complete(FeatureRef ref, @Nullable SessionId session) {
        return apply(new FeatureCommand.Complete(ref, session, null));
    }

    default Transition block(FeatureRef ref, @Nullable SessionId session, String reason, @Nullable FeatureRef blockedBy) {
        return apply(new FeatureCommand.Block(ref, session, reason, blockedBy, null));
    }

    default Transition unblock(FeatureRef ref, @Nullable SessionId session) {
        return apply(new FeatureCommand.Unblock(ref, session, null));
    }

    default Transition reopen(FeatureRef ref, @Nullable SessionId session, String reason) {
        return apply(new FeatureCommand.Reopen(ref, session, reason, null));
    }
}
