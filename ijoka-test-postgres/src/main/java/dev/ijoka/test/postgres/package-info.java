/** A real PostgreSQL server for tests: {@link dev.ijoka.test.postgres.PostgresTestServer}. */
@NullMarked
package dev.ijoka.test.postgres;

import org.jspecify.annotations.NullMarked;
