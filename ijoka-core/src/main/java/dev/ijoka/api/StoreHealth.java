package dev.ijoka.api;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a store says of itself when asked now: whether it is open, at the schema this program knows,
 * and writable; and, when it is not usable, what is wrong and what to do. Returned by
 * {@link dev.ijoka.Ijoka#health()} for health probes and {@code ijoka doctor}.
 *
 * <pre>{@code
 * StoreHealth h = ijoka.health();
 * if (!h.usable()) System.err.println(h.detail() + "; fix: " + h.fix());
 * }</pre>
 *
 * @param store where the store is, without credentials
 * @param condition the verdict; {@link Condition#OK} alone means usable
 * @param schemaVersion the schema version the store is at; null when it has none (in memory) or it could not be read
 * @param programSchemaVersion the schema version this program migrates to; null when the store has no schema
 * @param writable whether a write could begin just now; null when it was not checked (closed, or busy with another writer)
 * @param detail one sentence on what was found, for people
 * @param fix what to do about it; null exactly when the condition is {@link Condition#OK}
 */
public record StoreHealth(String store, Condition condition, @Nullable Integer schemaVersion,
        @Nullable Integer programSchemaVersion, @Nullable Boolean writable, String detail, @Nullable String fix) {

    /** The verdict of a check, worst first after {@link #OK}. */
    public enum Condition {
        /** Open, at this program's schema, and writable (or busy with another writer, which is not a fault). */
        OK,
        /** Shut down by this process; nothing can be read or written through it any more. */
        CLOSED,
        /** The database this process opened is no longer where it was: deleted, moved or replaced. */
        GONE,
        /** Nothing can be written to it (permissions, a read-only file system). */
        READ_ONLY,
        /** Its schema is newer than this program knows: a newer Ijoka migrated it. */
        NEWER_SCHEMA,
        /** Its schema is older than this program's: it was not migrated. */
        OLDER_SCHEMA,
        /** The check itself failed; the detail carries the store's error. */
        FAILING
    }

    public StoreHealth {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(detail, "detail");
        if ((condition == Condition.OK) != (fix == null)) {
            throw new IllegalArgumentException("a fix is given exactly when the store is not usable: " + condition);
        }
    }

    /** A store that answered every check well. */
    public static StoreHealth ok(String store, @Nullable Integer schemaVersion, @Nullable Integer programSchemaVersion,
            @Nullable Boolean writable, String detail) {
        return new StoreHealth(store, Condition.OK, schemaVersion, programSchemaVersion, writable, detail, null);
    }

    /** A store that cannot be used as it is. */
    public static StoreHealth problem(String store, Condition condition, @Nullable Integer schemaVersion,
            @Nullable Integer programSchemaVersion, @Nullable Boolean writable, String detail, String fix) {
        if (condition == Condition.OK) {
            throw new IllegalArgumentException("a problem needs a condition other than OK");
        }
        return new StoreHealth(store, condition, schemaVersion, programSchemaVersion, writable, detail,
                Objects.requireNonNull(fix, "fix"));
    }

    /** Whether the engine can read and write through the store now. */
    public boolean usable() {
        return condition == Condition.OK;
    }
}
