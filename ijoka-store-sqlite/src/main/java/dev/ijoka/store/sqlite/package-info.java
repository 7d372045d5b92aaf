/** The embedded SQLite store: {@link dev.ijoka.store.sqlite.SqliteStore} and its {@code jdbc:sqlite:} provider. */
@NullMarked
package dev.ijoka.store.sqlite;

import org.jspecify.annotations.NullMarked;
