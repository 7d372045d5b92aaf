package dev.ijoka.spi;

import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.ProjectIdentity;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.Session;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import java.util.List;
import java.util.function.Supplier;

/** The writes a store performs inside {@link Store#write}. */
public interface StoreTransaction extends StoreReader {

    /** Stores a new project, with its root as the first path it has been seen at. */
    void insertProject(Project project);

    /**
     * Sets (or replaces) the project's identity. Identities are unique: the engine first checks that no
     * other project holds it, and a store refuses a duplicate (its unique key fails the transaction).
     */
    void setProjectIdentity(ProjectId project, ProjectIdentity identity);

    /**
     * Records that the project's code is at a path: afterwards {@link #projectByRoot} finds it there. A
     * path another project had is taken from it; a path the project already has changes nothing.
     */
    void recordProjectPath(ProjectId project, String path);

    /** The next free feature number of the project (1 for the first), reserved for this transaction. */
    int nextFeatureNumber(ProjectId project);

    void insertFeature(Feature feature);

    /**
     * Inserts many features, as {@link #insertFeature} one by one would. A store overrides it to send them in one
     * batch (one statement prepared once): an import of 100,000 features would otherwise prepare 100,000.
     */
    default void insertFeatures(java.util.List<Feature> features) {
        features.forEach(this::insertFeature);
    }

    /**
     * Compare-and-set: stores {@code feature} only if the stored version is {@code expectedVersion}.
     *
     * @return false, changing nothing, when the stored version differs (a concurrent write won)
     */
    boolean updateFeature(Feature feature, long expectedVersion);

    /**
     * {@link #updateFeature} for a caller that gives up when the stored version differs: the transaction fails
     * with {@code stale}'s exception and changes nothing. A store may send the update later, with a statement it
     * sends anyway, and fail the transaction there (PostgreSQL: a round trip fewer); by default, at once.
     */
    default void updateFeatureOrFail(Feature feature, long expectedVersion, Supplier<? extends RuntimeException> stale) {
        if (!updateFeature(feature, expectedVersion)) {
            throw stale.get();
        }
    }

    void insertDependency(Dependency dependency);

    /** Inserts many edges, as {@link #insertDependency} one by one would; see {@link #insertFeatures}. */
    default void insertDependencies(java.util.List<Dependency> dependencies) {
        dependencies.forEach(this::insertDependency);
    }

    /** @return whether an edge was removed */
    boolean deleteDependency(FeatureId dependent, FeatureId dependency);

    void upsertSession(Session session);

    /** Sets (or replaces) a note under a session id; see {@link StoreReader#sessionNote}. */
    void putSessionNote(SessionId session, String name, String value);

    /**
     * Stores a session's todo list for its feature (or none), replacing the one it had there; a list
     * with no items removes it.
     */
    void putAgentPlan(dev.ijoka.domain.AgentPlan plan);

    void insertInsight(Insight insight);

    void upsertRule(Rule rule);

    /**
     * Appends events, assigning each the next sequence number in order.
     *
     * @return the events as stored, with their sequences
     */
    List<Event> append(List<Event> events);
}
