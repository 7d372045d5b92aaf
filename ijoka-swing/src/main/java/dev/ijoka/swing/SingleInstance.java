package dev.ijoka.swing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One desktop app per user. The first {@code ijoka desktop} becomes the running instance and listens on a
 * Unix-domain socket in the data directory ({@code <data>/desktop/instance.sock}, in a directory only its owner
 * may enter); a later launch connects, hands over its link (or asks to be shown) and exits.
 *
 * <pre>{@code
 * Optional<SingleInstance> claimed = SingleInstance.claim(DataDirectory.resolve(), link);
 * if (claimed.isEmpty()) {
 *     return 0;                              // the running app has the link now
 * }
 * try (SingleInstance instance = claimed.get()) {
 *     // open the engine and the window, then:
 *     instance.onHandOff(next -> next.ifPresentOrElse(links::open, actions::showWindow));
 *     ...
 * }
 * }</pre>
 *
 * A socket left behind by a crashed instance refuses connections: it is removed and replaced. Claims are
 * serialized by a file lock beside the socket, so two launches at once never both become the instance.
 * Where the platform has no POSIX permissions or no Unix-domain sockets (old Windows), {@link #claim} fails
 * with a message; the caller may run without the guarantee.
 */
public final class SingleInstance implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);

    /** The directory inside the data directory; owner-only (0700). */
    static final String DIRECTORY = "desktop";
    static final String SOCKET = "instance.sock";
    private static final String LOCK = "instance.lock";
    /** What a launch without a link sends: "bring the window to the front". */
    private static final String SHOW = "show";
    private static final String LINK_PREFIX = "link ";
    /** A message is one line; longer ones are cut (no valid link is this long, the receiver refuses it anyway). */
    private static final int MAX_MESSAGE = 16 * 1024;
    private static final long ANSWER_TIMEOUT_SECONDS = 5;
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path socket;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final Object lock = new Object();
    private final List<Optional<String>> early = new ArrayList<>();
    private @Nullable Consumer<Optional<String>> listener;
    private volatile boolean closed;

    private SingleInstance(Path socket, ServerSocketChannel server) {
        this.socket = socket;
        this.server = server;
        this.acceptor = Thread.ofPlatform().daemon().name("ijoka-single-instance").unstarted(this::acceptLoop);
    }

    /**
     * Becomes the running instance, or hands {@code link} to the one that runs.
     *
     * @param dataDirectory Ijoka's data directory ({@code DataDirectory.resolve()}); created if missing
     * @param link the {@code ijoka://} link this launch was given, or {@code null} to just show the running app
     * @return this process's instance, or empty when another instance runs and took the link
     * @throws IllegalStateException if the socket's directory may be used by others (it says how to fix that), or
     *     a running instance does not answer
     * @throws UncheckedIOException if the socket cannot be made or reached
     */
    public static Optional<SingleInstance> claim(Path dataDirectory, @Nullable String link) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        try {
            Path directory = ownerOnlyDirectory(dataDirectory.toAbsolutePath().resolve(DIRECTORY));
            Path socket = directory.resolve(SOCKET);
            try (FileChannel lockFile = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                FileLock held = lockFile.lock(); // released when the channel closes, claimed or not
                assert held.isValid();
                if (handOff(socket, link == null ? SHOW : LINK_PREFIX + link)) {
                    return Optional.empty();
                }
                Files.deleteIfExists(socket); // stale: left by an instance that died without closing
                ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                try {
                    server.bind(UnixDomainSocketAddress.of(socket));
                    Files.setPosixFilePermissions(socket, OWNER_ONLY_FILE);
                } catch (IOException | RuntimeException e) {
                    server.close();
                    throw e;
                }
                SingleInstance instance = new SingleInstance(socket, server);
                instance.acceptor.start();
                return Optional.of(instance);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not claim the desktop app's socket in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Delivers later launches' requests, each on this instance's listener thread: a link, or empty for "show the
     * window". Requests that arrived before this call are delivered now, in order.
     */
    public void onHandOff(Consumer<Optional<String>> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        List<Optional<String>> backlog;
        synchronized (lock) {
            listener = consumer;
            backlog = List.copyOf(early);
            early.clear();
        }
        backlog.forEach(consumer);
    }

    /** The socket later launches connect to. */
    public Path socket() {
        return socket;
    }

    /** Stops listening and removes the socket, so that the next launch becomes the instance. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.warn("could not remove the desktop app's socket {}: {}", socket, e.toString());
        }
    }

    /** Sends the message to a running instance; false when none runs (no socket, or a stale one). */
    private static boolean handOff(Path socket, String message) throws IOException {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (ConnectException | NoSuchFileException e) {
            LOG.info("replacing the stale socket {} of a desktop app that is gone", socket);
            return false;
        }
        try (channel) {
            byte[] bytes = (message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message)
                    .replace('\n', ' ').concat("\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer out = ByteBuffer.wrap(bytes);
            while (out.hasRemaining()) {
                channel.write(out);
            }
            channel.shutdownOutput();
            // The running instance answers once it has the request, so this launch exits only when it is safe.
            CompletableFuture<Integer> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return channel.read(ByteBuffer.allocate(1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try {
                if (answer.get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS) != 1) {
                    throw new IllegalStateException("the running Ijoka desktop app closed " + socket
                            + " without taking the request; try again");
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("an Ijoka desktop app is running (" + socket + ") but did not answer in "
                        + ANSWER_TIMEOUT_SECONDS + " s; quit it, or end its process, and start again", e);
            } catch (ExecutionException e) {
                throw new IOException("handing the request to the running desktop app failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while handing the request to the running desktop app", e);
            }
            return true;
        }
    }

    /**
     * The socket's directory, made owner-only if new; an existing one must be the user's own and closed to
     * everyone else, because whoever can connect can make the app open things.
     */
    private static Path ownerOnlyDirectory(Path directory) throws IOException {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(directory.getParent());
            try {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // Another launch made it at the same moment: checked below like any existing one.
            }
        }
        PosixFileAttributeView view = Files.getFileAttributeView(directory, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            throw new IllegalStateException("this file system has no owner permissions for " + directory
                    + "; the desktop app's single-instance socket needs them");
        }
        PosixFileAttributes attributes = view.readAttributes();
        if (!attributes.isDirectory()) {
            throw new IllegalStateException(directory + " must be a directory (not a link or a file) for the desktop "
                    + "app's socket; remove it and start again");
        }
        // user.name comes from the password database (getpwuid) on Unix: the user this process runs as.
        String me = System.getProperty("user.name", "");
        if (!attributes.owner().getName().equals(me)) {
            throw new IllegalStateException(directory + " belongs to " + attributes.owner().getName() + ", not to " + me
                    + "; the desktop app's socket must be in a directory of your own: remove it and start again");
        }
        Set<PosixFilePermission> others = attributes.permissions();
        others.removeAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        if (!others.isEmpty()) {
            throw new IllegalStateException(directory + " is open to others (" + PosixFilePermissions.toString(attributes.permissions())
                    + "); the desktop app's socket needs a directory only you may use: run chmod 700 " + directory);
        }
        return directory;
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("the desktop app's socket {} failed: {}", socket, e.toString());
                }
                return;
            }
            // One thread per launch, so that a launch that never finishes its line cannot hold the others up.
            Thread.ofVirtual().name("ijoka-hand-off").start(() -> serve(client));
        }
    }

    private void serve(SocketChannel client) {
        try (client) {
            byte[] bytes = Channels.newInputStream(client).readNBytes(MAX_MESSAGE * 4 + 8);
            String line = new String(bytes, StandardCharsets.UTF_8).strip();
            Optional<String> request;
            if (line.equals(SHOW)) {
                request = Optional.empty();
            } else if (line.startsWith(LINK_PREFIX)) {
                request = Optional.of(line.substring(LINK_PREFIX.length()));
            } else {
                LOG.warn("ignored a request on {} that is neither a link nor 'show'", socket);
                return;
            }
            deliver(request);
            client.write(ByteBuffer.wrap(new byte[] {1}));
        } catch (IOException e) {
            LOG.warn("a hand-off on {} failed: {}", socket, e.toString());
        }
    }

    private void deliver(Optional<String> request) {
        Consumer<Optional<String>> consumer;
        synchronized (lock) {
            consumer = listener;
            if (consumer == null) {
                early.add(request);
                return;
            }
        }
        try {
            consumer.accept(request);
        } catch (RuntimeException e) {
            LOG.warn("the desktop app failed to take a hand-off: {}", e.toString(), e);
        }
    }
}
