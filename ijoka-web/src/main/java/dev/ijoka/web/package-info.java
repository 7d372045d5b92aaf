/** The web dashboard's front door: {@link dev.ijoka.web.WebServer}. */
@NullMarked
package dev.ijoka.web;

import org.jspecify.annotations.NullMarked;
