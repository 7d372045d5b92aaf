package dev.ijoka.claude;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The relay's loopback TCP listener, for the launcher's bash client: bash can open a TCP connection
 * ({@code /dev/tcp/127.0.0.1/PORT}) but not a Unix socket. Listens on {@code 127.0.0.1} alone, on a port the system
 * picks, and writes {@code <relay dir>/<name>.tcp} (owner-only, in the owner-only relay directory) holding the port
 * and a fresh 256-bit token; every connection must present that token first ({@link #admits}), so that only a process
 * that can read the user's file talks to the server. The file is written whole (a temporary file renamed) and removed
 * on close.
 */
final class TcpRelay implements AutoCloseable {

    static final String SUFFIX = ".tcp";

    private final ServerSocketChannel listener;
    private final Path file;
    private final byte[] token;
    private final Thread acceptor;
    private volatile boolean closed;

    private TcpRelay(ServerSocketChannel listener, Path file, byte[] token, Consumer<SocketChannel> serve, PrintStream errors) {
        this.listener = listener;
        this.file = file;
        this.token = token;
        this.acceptor = Thread.ofPlatform().daemon().name("ijoka-relay-tcp").unstarted(() -> acceptLoop(serve, errors));
    }

    /**
     * Listens, writes {@code file} and starts accepting, each connection handed to {@code serve} on a virtual thread of
     * its own; null (the reason on {@code errors}) where it cannot: the launcher then takes the Java client's way.
     */
    static @Nullable TcpRelay start(Path file, Consumer<SocketChannel> serve, PrintStream errors) {
        ServerSocketChannel listener = null;
        try {
            removeStale(file.getParent());
            listener = ServerSocketChannel.open();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String hex = HexFormat.of().formatHex(random);
            write(file, port + " " + hex + "\n");
            TcpRelay relay = new TcpRelay(listener, file, hex.getBytes(StandardCharsets.US_ASCII), serve, errors);
            relay.acceptor.start();
            return relay;
        } catch (IOException | RuntimeException e) {
            errors.println("ijoka: the launcher's relay is off (it uses the Java client): cannot listen on loopback TCP: " + e);
            if (listener != null) {
                try {
                    listener.close();
                } catch (IOException ignored) {
                    // never served
                }
            }
            return null;
        }
    }

    /** The file the launcher reads: where, and with what token, to connect. */
    Path file() {
        return file;
    }

    /** Whether {@code presented} is this server's token, compared in time that does not depend on where they differ. */
    boolean admits(byte[] presented) {
        return MessageDigest.isEqual(token, presented);
    }

    private void acceptLoop(Consumer<SocketChannel> serve, PrintStream errors) {
        while (!closed) {
            SocketChannel connection;
            try {
                connection = listener.accept();
            } catch (AsynchronousCloseException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    errors.println("ijoka: the relay's TCP listener stopped accepting: " + e);
                }
                return;
            }
            Thread.ofVirtual().name("ijoka-relay-tcp-request").start(() -> serve.accept(connection));
        }
    }

    /** Owner-only from its first byte, and whole when it appears under its name. */
    private static void write(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes the {@code .tcp} files of servers whose process has ended, so that the launcher does not try them. */
    static void removeStale(Path directory) {
        try (var entries = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path other : entries) {
                String name = other.getFileName().toString();
                String pid = name.substring(0, name.length() - SUFFIX.length()).replaceFirst("-\\d+$", "");
                try {
                    if (!ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)) {
                        Files.deleteIfExists(other);
                    }
                } catch (NumberFormatException | IOException e) {
                    // not a name a server gave, or not ours to remove
                }
            }
        } catch (IOException | RuntimeException e) {
            // no directory yet: nothing stale
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing: nothing more to do with it
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the launcher finds the port closed and goes the Java way
        }
    }
}
