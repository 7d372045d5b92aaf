package dev.ijoka.store.jooq;

import dev.ijoka.api.StoreException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema's versioned migrations, one classpath folder per dialect, applied by Flyway.
 *
 * <p>A released migration is never edited. A schema change is a new {@code V<n>__<what>.sql} in
 * every dialect's folder; in SQLite's it ends with {@code PRAGMA user_version = <n>;}, and
 * {@link #SQLITE_LATEST} becomes {@code n} ({@code MigrationsTest} checks both).
 */
public final class Migrations {

    /** SQLite's migrations. */
    public static final String SQLITE_LOCATION = "classpath:db/ijoka/sqlite";

    /** The newest schema version among SQLite's migrations. */
    public static final int SQLITE_LATEST = 5;

    /** PostgreSQL's migrations: the same schema, versions numbered alike; the version is read from Flyway's history. */
    public static final String POSTGRES_LOCATION = "classpath:db/ijoka/postgres";

    /** The newest schema version among PostgreSQL's migrations. */
    public static final int POSTGRES_LATEST = 5;

    private Migrations() {}

    /**
     * Applies every pending migration from {@code location}.
     *
     * @return the schema version afterwards
     * @throws StoreException if a migration fails, saying which
     */
    public static String migrate(DataSource dataSource, String location, String describe) {
        try {
            MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(location)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        } catch (FlywayException e) {
            throw new StoreException("could not bring the schema of " + describe + " up to date: " + e.getMessage()
                    + ". Nothing was lost: a failed migration rolls back. Check the file is writable and not damaged"
                    + " (ijoka doctor), or restore a backup.", e);
        }
    }
}
