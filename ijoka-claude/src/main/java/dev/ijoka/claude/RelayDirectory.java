package dev.ijoka.claude;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the relay sockets of one store live: {@code <data dir>/relay/<key>/<pid>.sock}, the key being
 * the first 16 hex digits of the SHA-256 of the store's URL. A hook finds the servers of exactly the
 * store it would open itself, so a relayed event lands where the direct path would have put it.
 *
 * <p>JDK classes only: the hook's client side uses this before anything heavy loads.
 */
final class RelayDirectory {

    static final String SUFFIX = ".sock";
    private static final String SQLITE = "jdbc:sqlite:";

    private RelayDirectory() {}

    /**
     * The relay directory of {@code storeUrl}, or empty for a store no other process can share (an
     * in-memory one): relaying to it would put the event in another process's throw-away store.
     *
     * @param workingDirectory what a relative SQLite path is relative to, as the store itself reads it
     */
    static Optional<Path> of(Path dataDirectory, String storeUrl, Path workingDirectory) {
        return canonicalUrl(storeUrl, workingDirectory).map(url -> dataDirectory.resolve("relay").resolve(key(url)));
    }

    /**
     * The URL as one string per store: a SQLite file URL becomes its absolute, normalised path the way
     * the SQLite store reads it ({@code file:}, {@code ~/}, relative paths), so that two spellings of one
     * file meet, and two files of one relative spelling (from two directories) never do.
     */
    static Optional<String> canonicalUrl(String storeUrl, Path workingDirectory) {
        String url = storeUrl.strip();
        if (url.startsWith("memory:")) {
            return Optional.empty();
        }
        if (!url.startsWith(SQLITE)) {
            return Optional.of(url);
        }
        String rest = url.substring(SQLITE.length()).strip();
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
            rest = rest.startsWith("//") ? rest.substring(2) : rest;
        }
        String lower = rest.toLowerCase(Locale.ROOT);
        if (rest.isEmpty() || lower.startsWith(":memory:") || lower.contains("mode=memory") || rest.contains("?")) {
            return Optional.empty(); // the store refuses these: the direct path says why
        }
        if (rest.equals("~") || rest.startsWith("~/")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        try {
            return Optional.of(SQLITE + workingDirectory.resolve(rest).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
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
