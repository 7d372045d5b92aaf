/** The jOOQ store's internals: converters and the generated schema. No compatibility promise. */
@NullMarked
package dev.ijoka.store.jooq.internal;

import org.jspecify.annotations.NullMarked;
