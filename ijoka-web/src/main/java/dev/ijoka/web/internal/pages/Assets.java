package dev.ijoka.web.internal.pages;

import org.jspecify.annotations.Nullable;
import org.webjars.WebJarVersionLocator;

/**
 * URLs of the front-end libraries, with their versions in them (so browsers may cache them for a
 * year), and the class path resources behind those URLs. Templates call {@link #webjar}.
 */
public final class Assets {

    private static final String PREFIX = "META-INF/resources/webjars/";
    private final WebJarVersionLocator locator = new WebJarVersionLocator();

    /** {@code /webjars/htmx.org/2.0.10/dist/htmx.min.js} for {@code ("htmx.org", "dist/htmx.min.js")}. */
    public String webjar(String name, String file) {
        String version = locator.version(name);
        if (version == null) {
            throw new IllegalStateException("the webjar " + name + " is not on the class path: add it to ijoka-web's pom");
        }
        return "/webjars/" + name + "/" + version + "/" + file;
    }

    /** The resource for the part of a URL after {@code /webjars/}: {@code name/version/file}. */
    public @Nullable String resource(String rest) {
        int slash = rest.indexOf('/');
        if (slash < 1) {
            return null;
        }
        String name = rest.substring(0, slash);
        String version = locator.version(name);
        if (version == null || !rest.startsWith(name + "/" + version + "/")) {
            return null; // only the version on the class path is served, so a URL always names its bytes
        }
        return PREFIX + rest;
    }
}
