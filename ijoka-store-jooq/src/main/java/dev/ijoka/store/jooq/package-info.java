/**
 * The store implementation every SQL store shares: {@link dev.ijoka.store.jooq.JooqStore} over a
 * dialect's {@link dev.ijoka.store.jooq.StoreConnections}, the schema's migrations, and the JSON
 * format of event payloads.
 */
@NullMarked
package dev.ijoka.store.jooq;

import org.jspecify.annotations.NullMarked;
