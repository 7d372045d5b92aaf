/** The server-rendered pages (Thymeleaf), their fragments, and the static files and webjars they load. */
@NullMarked
package dev.ijoka.web.internal.pages;

import org.jspecify.annotations.NullMarked;
