package dev.ijoka.claude;

import dev.ijoka.Ijoka;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The hook relay's server, run by a process that holds an open engine ({@code ijoka mcp}): handles the
 * events of {@code ijoka hook} processes on the same store, so that a hook costs a JVM start and a
 * socket round trip rather than opening the store and warming the engine each time.
 *
 * <p>Listens on {@code <data dir>/relay/<store key>/<pid>.sock} (see {@link RelayDirectory}), each
 * connection on its own virtual thread, and handles each event through the same code as the direct path.
 * The answer is written after the event has committed. A failing request is logged and answered with an
 * error, which sends the hook down its direct path; nothing here ever throws into the host process.
 */
public final class HookRelayServer implements AutoCloseable {

    /**
     * Runs command lines handed over by {@code ijoka} processes ({@link RelayedCommand}) on the server's engine;
     * the app, which knows the command line, supplies it. Called on a thread of its own per command, concurrently
     * with hooks, other commands and whatever else the host does with the engine.
     */
    @FunctionalInterface
    public interface Commands {
        /**
         * Runs {@code command}, writing what it prints to {@code out} and {@code err}, and returns its exit code.
         * The command is for this server's store: {@code command.storeUrl()} was checked already.
         */
        int run(RelayedCommand command, java.io.OutputStream out, java.io.OutputStream err);

        /**
         * The canonical URL of the store a command line would open, if that line may be handed over at all; null if it
         * runs in its own process (help, {@code -v}, a command that is not handed over, ...). Asked for the launcher's
         * requests ({@link RelayText}), which carry the line as typed: the Java client decides this itself, by the same
         * rule, before it connects.
         */
        default @Nullable String storeOf(java.util.List<String> args, java.util.Map<String, String> env, Path workingDirectory) {
            return null;
        }
    }

    /**
     * Serves whole MCP stdio sessions handed over by launchers ({@code ijoka mcp} with a running engine: the launcher
     * pipes its stdin and stdout through the connection; docs/architecture.md, "MCP sessions handed to the engine").
     * The app, which knows the command line and the MCP server, supplies it; only the background engine does, whose life
     * follows its clients' (it does not stop for idleness while a session is connected).
     */
    public interface McpSessions {
        /**
         * The canonical URL of the store {@code ijoka mcp} would serve with these arguments (as typed: global options
         * included), environment and working directory; null if that line runs in its own process (an option this
         * server does not read, a bad {@code --project}, ...): the launcher then starts the JVM, which says what is wrong.
         */
        @Nullable String storeOf(java.util.List<String> args, java.util.Map<String, String> env, Path workingDirectory);

        /**
         * Serves one session on {@code in} and {@code out} until {@code in} ends (or fails: the connection dropped),
         * then ends the agent session as an {@code ijoka mcp} that exits does. Called on a thread of its own per session.
         *
         * @param client the launcher's process (its parent is the MCP client, Claude Code)
         */
        void serve(java.util.List<String> args, java.util.Map<String, String> env, Path workingDirectory,
                ProcessHandle client, java.io.InputStream in, java.io.OutputStream out);
    }

    /** How long one connection may take, reading included: a hook gives up after a few seconds anyway. */
    static final long CONNECTION_LIMIT_MS = 30_000;
    /** How long {@link #close} waits for requests in flight, so that their events commit before the engine closes. */
    private static final long DRAIN_MS = 5_000;
    private static final AtomicInteger SERVERS_IN_PROCESS = new AtomicInteger();

    private final Ijoka engine;
    private final ServerSocketChannel listener;
    private final Path socket;
    private final PrintStream errors;
    private final Set<Thread> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("ijoka-hook-relay-deadlines").unstarted(r));
    private final Thread acceptor;
    private final String canonicalUrl;
    private final @Nullable Commands commands;
    private final @Nullable McpSessions mcpSessions;
    /** The connections of the MCP sessions being served, closed first when the server closes (their sessions end). */
    private final Set<SocketChannel> mcpConnections = ConcurrentHashMap.newKeySet();
    /** The launcher's transport ({@link TcpRelay}); null until started, or where it cannot run. */
    private volatile @Nullable TcpRelay tcp;
    private volatile boolean closed;

    private HookRelayServer(Ijoka engine, ServerSocketChannel listener, Path socket, PrintStream errors,
            String canonicalUrl, @Nullable Commands commands, @Nullable McpSessions mcpSessions) {
        this.engine = engine;
        this.canonicalUrl = canonicalUrl;
        this.commands = commands;
        this.mcpSessions = mcpSessions;
        this.listener = listener;
        this.socket = socket;
        this.errors = errors;
        this.acceptor = Thread.ofPlatform().daemon().name("ijoka-hook-relay").unstarted(this::acceptLoop);
    }

    /**
     * Starts a relay for the store at {@code storeUrl}, whose engine {@code engine} is.
     *
     * @param dataDirectory the data directory, where hooks look for relays
     * @param errors where problems are reported (the host's stderr)
     * @return the running server, or empty (with the reason on {@code errors}) if it cannot run: the hooks
     *     then take their direct path, as they do when no server runs
     */
    public static Optional<HookRelayServer> start(Ijoka engine, String storeUrl, Path dataDirectory, PrintStream errors) {
        return start(engine, storeUrl, dataDirectory, errors, null);
    }

    /**
     * {@link #start(Ijoka, String, Path, PrintStream)}, also running the command lines handed over by
     * {@code ijoka} processes of the same store with {@code commands} (null: hooks only).
     */
    public static Optional<HookRelayServer> start(Ijoka engine, String storeUrl, Path dataDirectory, PrintStream errors,
            @Nullable Commands commands) {
        return start(engine, storeUrl, dataDirectory, errors, commands, null);
    }

    /**
     * {@link #start(Ijoka, String, Path, PrintStream, Commands)}, also serving the MCP sessions that launchers hand over
     * with {@code mcpSessions} (null: none; a launcher that asks is declined, and starts its own JVM).
     */
    public static Optional<HookRelayServer> start(Ijoka engine, String storeUrl, Path dataDirectory, PrintStream errors,
            @Nullable Commands commands, @Nullable McpSessions mcpSessions) {
        String canonicalUrl;
        try {
            canonicalUrl = dev.ijoka.StoreLocation.of(storeUrl, Path.of("").toAbsolutePath()).url();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Optional<Path> directory = RelayDirectory.of(dataDirectory, storeUrl, Path.of("").toAbsolutePath());
        if (directory.isEmpty()) {
            return Optional.empty(); // an in-memory store: no hook shares it
        }
        int n = SERVERS_IN_PROCESS.getAndIncrement();
        Path socket = directory.get().resolve(ProcessHandle.current().pid() + (n == 0 ? "" : "-" + n) + RelayDirectory.SUFFIX);
        ServerSocketChannel listener = null;
        try {
            RelayDirectory.createPrivate(directory.get());
            removeDeadServers(directory.get());
            Files.deleteIfExists(socket); // left by an earlier process that had this pid
            listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            listener.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException e) {
            errors.println("ijoka: the hook relay is off (hooks open the store themselves): cannot listen on " + socket
                    + ": " + e);
            closeQuietly(listener);
            return Optional.empty();
        }
        HookRelayServer server = new HookRelayServer(engine, listener, socket, errors, canonicalUrl, commands, mcpSessions);
        String name = socket.getFileName().toString();
        server.tcp = TcpRelay.start(socket.resolveSibling(name.substring(0, name.length() - RelayDirectory.SUFFIX.length())
                + TcpRelay.SUFFIX), server::serveText, errors);
        server.acceptor.start();
        return Optional.of(server);
    }

    /** The socket this server listens on. */
    public Path socket() {
        return socket;
    }

    /**
     * The relay directory of the store at {@code storeUrl} ({@code <data dir>/relay/<key>}), where its servers' sockets and
     * token files are, whether or not one runs; empty for a store no other process can share (in memory) or a URL that
     * names no usable store. A relative URL is read in this process's working directory, as {@link #start} reads it.
     */
    public static Optional<Path> directory(Path dataDirectory, String storeUrl) {
        return RelayDirectory.of(dataDirectory, storeUrl, Path.of("").toAbsolutePath());
    }

    /**
     * Creates a relay directory ({@link #directory}) and its {@code relay} parent owner-only, as a server makes them: for
     * a process that keeps files of its own there before any server starts (the background engine's lock).
     */
    public static void createDirectory(Path directory) throws IOException {
        RelayDirectory.createPrivate(directory);
    }

    /** How many requests are being served now, on either transport (a command counts until it has ended). */
    public int inFlight() {
        return inFlight.size();
    }

    /** {@link System#nanoTime} when a request last began or ended, on either transport; when the server started, before any. */
    public long lastActivity() {
        return lastActivity.get();
    }

    /** The file the launcher finds this server's loopback TCP port and token in; empty where that transport is off. */
    public Optional<Path> tcpFile() {
        TcpRelay t = tcp;
        return t == null ? Optional.empty() : Optional.of(t.file());
    }

    /** How many requests this server has answered (handled or refused as bad input) so far. */
    public long answered() {
        return answered.get();
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel connection;
            try {
                connection = listener.accept();
            } catch (AsynchronousCloseException e) {
                return; // closed
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    errors.println("ijoka: the hook relay stopped accepting: " + e);
                }
                return;
            }
            Thread.ofVirtual().name("ijoka-hook-relay-request").start(() -> serve(connection));
        }
    }

    private void serve(SocketChannel connection) {
        Thread self = Thread.currentThread();
        inFlight.add(self);
        lastActivity.set(System.nanoTime());
        ScheduledFuture<?> deadline = deadlines.schedule(() -> closeQuietly(connection), CONNECTION_LIMIT_MS,
                TimeUnit.MILLISECONDS);
        try (connection) {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(connection), 8192));
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(connection), 8192));
            RelayProtocol.Answer answer;
            try {
                Object read = RelayProtocol.readAny(in);
                if (read instanceof RelayedCommand command) {
                    deadline.cancel(false); // a command runs as long as it runs, as it would in its own process
                    runCommand(command, in, out, connection);
                    return;
                }
                RelayProtocol.Request request = (RelayProtocol.Request) read;
                answer = handle(request);
            } catch (IOException e) {
                errors.println("ijoka: the hook relay refused a request: " + e.getMessage());
                answer = new RelayProtocol.Answer(RelayProtocol.FAILED, "a request the relay cannot read: " + e.getMessage());
            }
            // Counted before the answer leaves: a client that has its answer must find it counted.
            if (answer.status() == RelayProtocol.ANSWERED || answer.status() == RelayProtocol.REJECTED) {
                answered.incrementAndGet();
            }
            RelayProtocol.writeAnswer(out, answer);
            out.flush();
        } catch (IOException | RuntimeException e) {
            errors.println("ijoka: the hook relay could not answer a hook (it gave up, or closed): " + e);
        } finally {
            deadline.cancel(false);
            lastActivity.set(System.nanoTime());
            inFlight.remove(self);
        }
    }

    /**
     * A handed-over command line: declined unless this server runs commands for the very store the client
     * would open; else taken, and run once the client says go (it may have given up waiting meanwhile, and then
     * runs the command itself: it must not run here too).
     */
    private void runCommand(RelayedCommand command, DataInputStream in, DataOutputStream out, SocketChannel connection)
            throws IOException {
        String declined = commands == null ? "this process runs no commands"
                : closed ? "this process is closing"
                : !canonicalUrl.equals(command.storeUrl()) ? "this process holds " + canonicalUrl + ", not " + command.storeUrl()
                : null;
        RelayProtocol.writeVerdict(out, declined);
        out.flush();
        if (declined != null) {
            return;
        }
        ScheduledFuture<?> waiting = deadlines.schedule(() -> closeQuietly(connection), CONNECTION_LIMIT_MS,
                TimeUnit.MILLISECONDS);
        int go;
        try {
            go = in.read();
        } finally {
            waiting.cancel(false);
        }
        if (go != RelayProtocol.GO) {
            return; // the client went its own way
        }
        Object lock = new Object();
        int exit;
        try (java.io.OutputStream stdout = new FrameStream(out, (b, o, n) -> RelayProtocol.writeFrame(out, RelayProtocol.STDOUT, b, o, n), lock);
                java.io.OutputStream stderr = new FrameStream(out, (b, o, n) -> RelayProtocol.writeFrame(out, RelayProtocol.STDERR, b, o, n), lock)) {
            exit = runOnPlatformThread(command, stdout, stderr);
        }
        answered.incrementAndGet(); // before the exit code leaves, as for a hook's answer
        synchronized (lock) {
            RelayProtocol.writeExit(out, exit);
            out.flush();
        }
    }

    /**
     * Runs the command on a platform thread of its own, while this virtual thread waits: a command is mostly CPU
     * (building the command line, reading the plan), and on the virtual threads' few carriers (one per core) a few
     * of them would hold back every other connection's first answer, until clients gave up waiting and ran their
     * commands themselves.
     */
    private int runOnPlatformThread(RelayedCommand command, java.io.OutputStream stdout, java.io.OutputStream stderr) {
        int[] exit = {1};
        Thread runner = Thread.ofPlatform().daemon().name("ijoka-relayed-command").start(() -> {
            try {
                exit[0] = commands.run(command, stdout, stderr);
            } catch (RuntimeException | StackOverflowError e) { // whatever the command does, the host stays up
                errors.println("ijoka: a handed-over command failed: " + e);
                byte[] message = ("ijoka: internal error: " + e + ". This is a bug: please report it with the output of "
                        + "the same command run with -vv." + System.lineSeparator()).getBytes(command.encoding());
                try {
                    stderr.write(message);
                } catch (IOException ignored) {
                    // the client is gone: the host's stderr has it
                }
            }
        });
        try {
            runner.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return exit[0];
    }

    /**
     * A command's stdout or stderr, as frames on the connection. A client that went away makes writes fail
     * quietly: the command still runs to its end, as it would have had its own process's stdout been closed.
     */
    private static final class FrameStream extends java.io.OutputStream {
        private final java.io.OutputStream out;
        private final FrameWriter frames;
        private final Object lock;
        private boolean broken;

        FrameStream(java.io.OutputStream out, FrameWriter frames, Object lock) {
            this.out = out;
            this.frames = frames;
            this.lock = lock;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (lock) {
                if (broken || length == 0) {
                    return;
                }
                try {
                    for (int done = 0; done < length; ) {
                        int n = Math.min(length - done, 1 << 16);
                        frames.write(bytes, offset + done, n);
                        done += n;
                    }
                } catch (IOException e) {
                    broken = true;
                }
            }
        }

        @Override
        public void flush() {
            synchronized (lock) {
                try {
                    out.flush();
                } catch (IOException e) {
                    broken = true;
                }
            }
        }
    }

    /** Writes one frame of a command's stdout or stderr, in one of the two wire formats. */
    @FunctionalInterface
    private interface FrameWriter {
        void write(byte[] bytes, int offset, int length) throws IOException;
    }

    /**
     * A connection on the launcher's transport ({@link TcpRelay}, {@link RelayText}): the token first, else it is
     * closed having done nothing; then a hook or a command, handled as on the Unix socket.
     */
    private void serveText(SocketChannel connection) {
        Thread self = Thread.currentThread();
        inFlight.add(self);
        lastActivity.set(System.nanoTime());
        ScheduledFuture<?> deadline = deadlines.schedule(() -> closeQuietly(connection), CONNECTION_LIMIT_MS,
                TimeUnit.MILLISECONDS);
        try (connection) {
            java.io.InputStream in = new BufferedInputStream(Channels.newInputStream(connection), 8192);
            java.io.OutputStream out = new BufferedOutputStream(Channels.newOutputStream(connection), 8192);
            TcpRelay t = tcp;
            byte[] presented;
            try {
                presented = RelayText.field(in, RelayText.MAX_TOKEN);
            } catch (IOException e) {
                errors.println("ijoka: the relay refused a TCP connection that sent no token: " + e.getMessage());
                return;
            }
            if (t == null || !t.admits(presented)) {
                errors.println("ijoka: the relay refused a TCP connection with a wrong token");
                return;
            }
            RelayText.Request request;
            try {
                request = RelayText.readRequest(in);
            } catch (IOException e) {
                if (!(e instanceof RelayText.VersionMismatch)) {
                    errors.println("ijoka: the relay refused a request: " + e.getMessage());
                }
                RelayText.write(out, RelayText.VERSION); // and nothing more: the client goes the Java way
                out.flush();
                return;
            }
            if (request.kind().equals(RelayText.HOOK)) {
                answerHook(request, out);
            } else if (request.kind().equals(RelayText.MCP)) {
                deadline.cancel(false); // a session lasts as long as its client keeps it open
                serveMcpSession(request, in, out, connection);
            } else {
                deadline.cancel(false); // a command runs as long as it runs, as it would in its own process
                runTextCommand(request, in, out, connection);
            }
        } catch (IOException | RuntimeException e) {
            errors.println("ijoka: the relay could not answer a launcher (it gave up, or closed): " + e);
        } finally {
            deadline.cancel(false);
            lastActivity.set(System.nanoTime());
            inFlight.remove(self);
        }
    }

    /**
     * A hook from the launcher: what the Java client would have sent ({@link HookEnvironment}), made here from its
     * environment and its process id (the launcher {@code exec}s the JVM, so that is the id a Java client has), then
     * handled as on the Unix socket; the answer carries the very bytes the Java client would print.
     */
    private void answerHook(RelayText.Request request, java.io.OutputStream out) throws IOException {
        Path workingDirectory = realDirectory(request.workingDirectory());
        String status;
        String stdout = "";
        String stderr = "";
        if (workingDirectory == null) {
            status = RelayText.FALLBACK;
        } else {
            Map<String, String> env = HookEnvironment.of(request.env(), ProcessHandle.of(request.pid()));
            RelayProtocol.Answer answer = handle(new RelayProtocol.Request(request.stdin(), workingDirectory,
                    HookMain.storeUrl(request.env()), env));
            String nl = System.lineSeparator();
            switch (answer.status()) {
                case RelayProtocol.ANSWERED -> {
                    status = RelayText.DONE;
                    stdout = answer.text() == null ? "" : answer.text() + nl;
                }
                case RelayProtocol.REJECTED -> {
                    status = RelayText.DONE;
                    stderr = "ijoka hook: " + answer.text() + nl;
                }
                case RelayProtocol.OTHER_STORE -> status = RelayText.OTHER;
                default -> {
                    status = RelayText.FALLBACK;
                    stderr = "ijoka hook: the relay failed (" + answer.text() + "); handling the event here" + nl;
                }
            }
        }
        if (status.equals(RelayText.DONE)) {
            answered.incrementAndGet(); // before the answer leaves, as on the Unix socket
        }
        RelayText.write(out, RelayText.VERSION);
        RelayText.write(out, status);
        RelayText.write(out, stdout);
        RelayText.write(out, stderr);
        out.flush();
    }

    /** A command from the launcher: the same exactly-once conversation as {@link #runCommand}, in {@link RelayText}. */
    private void runTextCommand(RelayText.Request request, java.io.InputStream in, java.io.OutputStream out,
            SocketChannel connection) throws IOException {
        Path workingDirectory = realDirectory(request.workingDirectory());
        java.nio.charset.Charset encoding = null;
        try {
            encoding = java.nio.charset.Charset.forName(request.encoding());
        } catch (RuntimeException e) {
            // declined below
        }
        String store = commands == null || workingDirectory == null ? null
                : commands.storeOf(request.args(), request.env(), workingDirectory);
        String declined = commands == null ? "this process runs no commands"
                : closed ? "this process is closing"
                : workingDirectory == null ? "the working directory cannot be read"
                : encoding == null ? "an unknown encoding " + request.encoding()
                : store == null ? "this command line runs in its own process"
                : !canonicalUrl.equals(store) ? "this process holds " + canonicalUrl + ", not " + store
                : null;
        if (!verdictThenGo(declined, in, out, connection)) {
            return;
        }
        RelayedCommand command = new RelayedCommand(request.args(), workingDirectory, request.env(), store, encoding,
                request.terminal());
        Object lock = new Object();
        int exit;
        // Buffered, as a JVM's own stdout is: the command line prints line by line, and each frame costs the launcher's
        // bash several reads (10,000 one-line frames took `feature list` 0.8 s of the client's CPU; measured).
        try (java.io.OutputStream stdout = new BufferedOutputStream(new FrameStream(out, (b, o, n) -> {
                    out.write(RelayText.OUT);
                    RelayText.write(out, b, o, n);
                }, lock), 1 << 16);
                java.io.OutputStream stderr = new BufferedOutputStream(new FrameStream(out, (b, o, n) -> {
                    out.write(RelayText.ERR);
                    RelayText.write(out, b, o, n);
                }, lock), 1 << 16)) {
            exit = runOnPlatformThread(command, stdout, stderr);
        }
        answered.incrementAndGet(); // before the exit code leaves, as on the Unix socket
        synchronized (lock) {
            out.write(RelayText.EXIT);
            RelayText.write(out, Integer.toString(exit));
            out.flush();
        }
    }

    /**
     * Tells the TCP client the verdict on its request ({@code declined} is null when taken) and, when taken, waits for
     * its go-ahead, within {@link #CONNECTION_LIMIT_MS}: whether the work may start now.
     */
    private boolean verdictThenGo(@Nullable String declined, java.io.InputStream in, java.io.OutputStream out,
            SocketChannel connection) throws IOException {
        RelayText.write(out, RelayText.VERSION);
        RelayText.write(out, declined == null ? RelayText.TAKEN : RelayText.DECLINED);
        if (declined != null) {
            RelayText.write(out, declined);
        }
        out.flush();
        if (declined != null) {
            return false;
        }
        ScheduledFuture<?> waiting = deadlines.schedule(() -> closeQuietly(connection), CONNECTION_LIMIT_MS,
                TimeUnit.MILLISECONDS);
        try {
            return RelayText.text(in, 16).equals(RelayText.GO);
        } catch (IOException e) {
            return false; // the client went its own way
        } finally {
            waiting.cancel(false);
        }
    }

    /**
     * An MCP session from the launcher: declined (the launcher starts its JVM) unless this server serves MCP sessions for
     * the very store the client's {@code ijoka mcp} would open; else taken, and served once the client says go, the
     * connection then carrying the session's stdin and stdout as they are (no framing) until either end closes it.
     */
    private void serveMcpSession(RelayText.Request request, java.io.InputStream in, java.io.OutputStream out,
            SocketChannel connection) throws IOException {
        Path workingDirectory = realDirectory(request.workingDirectory());
        Optional<ProcessHandle> client = ProcessHandle.of(request.pid());
        McpSessions sessions = mcpSessions;
        String store = sessions == null || workingDirectory == null ? null
                : sessions.storeOf(request.args(), request.env(), workingDirectory);
        String declined = sessions == null ? "this process serves no MCP sessions"
                : closed ? "this process is closing"
                : workingDirectory == null ? "the working directory cannot be read"
                : client.isEmpty() ? "the client's process is gone"
                : store == null ? "this ijoka mcp line runs in its own process"
                : !canonicalUrl.equals(store) ? "this process holds " + canonicalUrl + ", not " + store
                : null;
        if (!verdictThenGo(declined, in, out, connection)) {
            return;
        }
        mcpConnections.add(connection);
        try {
            if (closed) {
                return; // close() may have looked before this connection was added: its client sees it end at once
            }
            answered.incrementAndGet(); // a session taken counts as a request, as a command does
            sessions.serve(request.args(), request.env(), workingDirectory, client.get(), in, out);
        } finally {
            mcpConnections.remove(connection);
        }
    }

    /**
     * The directory a launcher ran in, as its JVM would have read it ({@code user.dir} is the physical path, while the
     * launcher sends bash's {@code $PWD}, which may go through symbolic links); null if it cannot be read.
     */
    private static @Nullable Path realDirectory(String path) {
        try {
            Path p = Path.of(path);
            return p.isAbsolute() ? p.toRealPath() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private RelayProtocol.Answer handle(RelayProtocol.Request request) {
        String theirs = located(request.storeUrl(), request.workingDirectory());
        if (!canonicalUrl.equals(theirs)) {
            return new RelayProtocol.Answer(RelayProtocol.OTHER_STORE, "this process holds " + canonicalUrl + ", not "
                    + request.storeUrl());
        }
        HookRun.Outcome outcome;
        try {
            outcome = HookRun.relayed(engine, request.stdin(), request.env(), request.workingDirectory());
        } catch (RuntimeException | StackOverflowError e) { // whatever the input, the MCP server stays up
            outcome = new HookRun.Outcome.Failed(e.toString());
        }
        return switch (outcome) {
            case HookRun.Outcome.Answered a -> RelayProtocol.Answer.answered(a.stdout().orElse(null));
            case HookRun.Outcome.Rejected r -> new RelayProtocol.Answer(RelayProtocol.REJECTED, r.message());
            case HookRun.Outcome.Failed f -> {
                errors.println("ijoka: a relayed hook failed: " + f.message());
                yield new RelayProtocol.Answer(RelayProtocol.FAILED, f.message());
            }
        };
    }

    /** The canonical URL of the store a hook would open ({@link dev.ijoka.StoreLocation}), or null for none usable. */
    private static @Nullable String located(String storeUrl, Path workingDirectory) {
        try {
            return dev.ijoka.StoreLocation.of(storeUrl, workingDirectory).url();
        } catch (RuntimeException e) {
            return null; // the hook's direct path says what is wrong with it
        }
    }

    /**
     * Stops listening, removes the socket, and waits a little for requests in flight, so that their
     * events commit before the host closes the engine.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(listener);
        // A connected MCP session ends as an ijoka mcp ends on SIGTERM: its input fails, the session ends (its claims are
        // released while the engine is still open, within the drain below), and its launcher exits.
        for (SocketChannel session : Set.copyOf(mcpConnections)) {
            closeQuietly(session);
        }
        TcpRelay launchers = tcp;
        if (launchers != null) {
            launchers.close();
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            errors.println("ijoka: cannot remove the hook relay socket " + socket + ": " + e.getMessage());
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MS);
        for (Thread t : Set.copyOf(inFlight)) {
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0 || !t.join(java.time.Duration.ofNanos(left))) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        deadlines.shutdownNow();
    }

    /** Removes the sockets of servers whose process has ended, so that hooks do not try them first. */
    private static void removeDeadServers(Path directory) {
        for (Path other : RelayDirectory.sockets(directory)) {
            String name = other.getFileName().toString();
            String pid = name.substring(0, name.length() - RelayDirectory.SUFFIX.length()).replaceFirst("-\\d+$", "");
            try {
                if (ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                Files.deleteIfExists(other);
            } catch (NumberFormatException | IOException e) {
                // not a name a server gave, or not ours to remove: hooks skip what does not answer
            }
        }
    }

    private static void closeQuietly(java.nio.channels.@Nullable Channel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing: nothing more to do with it
            }
        }
    }
}
