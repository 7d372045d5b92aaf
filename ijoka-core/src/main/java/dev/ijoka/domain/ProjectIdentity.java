package dev.ijoka.domain;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What names a project on every machine: the normalized URL of its checkout's {@code origin} remote
 * ({@link RemoteUrls}: {@code github.com/acme/shop}) when it has one, else the absolute path of its
 * root, which names it on one machine only. Two checkouts of one repository at different paths, on
 * one machine or on two sharing a store, have one identity and so open one project.
 *
 * <p>A remote's identity never starts with a path separator or a drive letter, so the stored text
 * says which kind it is.
 */
public record ProjectIdentity(String value) {

    public ProjectIdentity {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a project identity must not be blank");
        }
    }

    /** The identity of a checkout whose {@code origin} has this URL; empty when the URL names no shared repository. */
    public static Optional<ProjectIdentity> ofRemote(String remoteUrl) {
        return RemoteUrls.normalize(remoteUrl).map(ProjectIdentity::new);
    }

    /** The identity of a code base with no shared remote: its absolute root. */
    public static ProjectIdentity ofRoot(Path root) {
        return new ProjectIdentity(root.toAbsolutePath().normalize().toString());
    }

    /** Whether this is a remote's identity, which holds across machines (else a path of one machine). */
    public boolean isRemote() {
        return !(value.startsWith("/") || value.startsWith("\\") || value.matches("[A-Za-z]:[\\\\/].*"));
    }

    @Override
    public String toString() {
        return value;
    }
}
