/** The domain's values: projects, features and their parts, sessions, insights and rules. */
@NullMarked
package dev.ijoka.domain;

import org.jspecify.annotations.NullMarked;
