/** The PostgreSQL store for a team: {@link dev.ijoka.store.postgres.PostgresStore} and its {@code jdbc:postgresql:} provider. */
@NullMarked
package dev.ijoka.store.postgres;

import org.jspecify.annotations.NullMarked;
