/** The store contract: abstract JUnit 5 suites that every store extends in a few lines and must pass. */
@NullMarked
package dev.ijoka.store.contract;

import org.jspecify.annotations.NullMarked;
