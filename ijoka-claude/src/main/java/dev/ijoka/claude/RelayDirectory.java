package dev.ijoka.claude;

import dev.ijoka.StoreLocation;
import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Where the relay sockets of one store live: {@code <data dir>/relay/<key>/<pid>.sock}, the key being
 * the first 16 hex digits of the SHA-256 of the store's canonical URL. A handed-over command finds the servers of
 * exactly the store it would open itself; a hook tries every server ({@link #everySocket}), and only the one of the
 * store it would open itself takes its event, so a relayed event lands where the direct path would have put it.
 *
 * <p>JDK classes and the store providers only (the hook's lookup uses no provider): clients use this before anything
 * heavy loads.
 */
final class RelayDirectory {

    static final String SUFFIX = ".sock";

    private RelayDirectory() {}

    /**
     * The relay directory of {@code storeUrl}, or empty for a store no other process can share (an
     * in-memory one: relaying to it would put the event in another process's throw-away store) and for a
     * URL that names no usable store (the direct path says why). Keyed by the store's canonical URL
     * ({@link StoreLocation}), so that two spellings of one store meet, and one relative spelling read in
     * two directories never does.
     *
     * @param workingDirectory what a relative path in the URL is relative to, as the store itself reads it
     */
    static Optional<Path> of(Path dataDirectory, String storeUrl, Path workingDirectory) {
        StoreLocation location;
        try {
            location = StoreLocation.of(storeUrl, workingDirectory);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return location.shared() ? Optional.of(dataDirectory.resolve("relay").resolve(key(location.url()))) : Optional.empty();
    }

    static String key(String canonicalUrl) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonicalUrl.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The sockets in {@code directory}, the newest first: the most recently started server is the likeliest alive. */
    static List<Path> sockets(Path directory) {
        List<Path> sockets = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            entries.forEach(sockets::add);
        } catch (IOException | RuntimeException e) {
            return List.of(); // no directory: no server has ever run for this store
        }
        sockets.sort(Comparator.comparing(RelayDirectory::modified).reversed());
        return sockets;
    }

    /**
     * The sockets of every store's servers under {@code dataDirectory}, the newest first: what a hook tries, each server
     * saying whether it holds the hook's store ({@link RelayProtocol#OTHER_STORE}). The hook so needs no store provider
     * to find its store's directory: a {@code ServiceLoader} lookup opens every jar of the class path, which was a
     * quarter of a relayed hook's run (docs/benchmarks.md, "Cold start", 2026-12-07). No lambda either: the first one
     * of a process spins classes that no class-data archive keeps.
     */
    static List<Path> everySocket(Path dataDirectory) {
        List<Found> found = new ArrayList<>();
        try (DirectoryStream<Path> stores = Files.newDirectoryStream(dataDirectory.resolve("relay"))) {
            for (Path store : stores) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(store)) { // no glob: no regular expression to compile
                    for (Path socket : entries) {
                        if (socket.getFileName().toString().endsWith(SUFFIX)) {
                            found.add(new Found(socket, modified(socket).toMillis()));
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // not a directory of sockets (or gone meanwhile): nothing to try there
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of(); // no relay directory: no server has ever run here
        }
        java.util.Collections.sort(found);
        List<Path> sockets = new ArrayList<>(found.size());
        for (Found f : found) {
            sockets.add(f.socket);
        }
        return sockets;
    }

    /** A socket and when it was made, ordered newest first. A class rather than a record: a record's methods are indy. */
    private static final class Found implements Comparable<Found> {
        final Path socket;
        final long modified;

        Found(Path socket, long modified) {
            this.socket = socket;
            this.modified = modified;
        }

        @Override
        public int compareTo(Found other) {
            return Long.compare(other.modified, modified);
        }
    }

    /**
     * A connection to the server listening on {@code socket}, or empty if there is none to use: a socket
     * nobody listens on any more (its server died without cleaning up: kill -9, a crash) is deleted on the
     * way, one gone meanwhile or not ours to use is skipped.
     */
    static Optional<SocketChannel> connect(Path socket) {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return Optional.of(channel);
        } catch (ConnectException e) {
            close(channel);
            try {
                Files.deleteIfExists(socket);
            } catch (IOException gone) {
                // another process removed it first, or it is not ours to remove: either way it is skipped
            }
        } catch (IOException | RuntimeException e) {
            close(channel);
        }
        return Optional.empty();
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // never connected: nothing to release
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /**
     * Creates {@code directory} and its {@code relay} parent readable by the owner only where the file
     * system has POSIX permissions: a socket in it accepts hook events for the user's store, so nobody
     * else may connect to it, or plant one.
     */
    static void createPrivate(Path directory) throws IOException {
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        for (Path dir : List.of(directory.getParent(), directory)) {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
            }
            if (posix) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }
}
