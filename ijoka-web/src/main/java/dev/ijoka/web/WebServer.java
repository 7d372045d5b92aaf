package dev.ijoka.web;

import dev.ijoka.Ijoka;
import dev.ijoka.web.internal.Dashboard;
import dev.ijoka.web.internal.http.Loopback;
import dev.ijoka.web.internal.server.LaunchToken;
import dev.ijoka.web.internal.server.PortPicker;
import dev.ijoka.web.internal.server.ServerFile;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web dashboard on one engine: pages, the JSON API under {@code /api}, live updates at
 * {@code /api/stream}, and the MCP tools at {@code /mcp}, on localhost.
 *
 * <pre>{@code
 * try (Ijoka ijoka = Ijoka.builder().store(url).build();
 *      WebServer server = WebServer.builder(ijoka).version("1.0").dataDirectory(DataDirectory.resolve()).build()) {
 *     server.start();
 *     System.err.println("Ijoka dashboard: " + server.address());
 *     server.awaitShutdown(); // until POST /api/shutdown or close()
 * }
 * }</pre>
 *
 * It listens on 127.0.0.1, on the first free port from 4000 to 4100 unless told otherwise, and
 * writes its URL and per-launch token to {@code server.json} in the data directory (readable by the
 * user alone) so other local processes can find it; the file goes when the server stops. Closing the
 * server does not close the engine.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    /** How long a stop waits for requests in flight. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private final Builder config;
    private final String token = LaunchToken.create();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    private @Nullable Undertow undertow;
    private @Nullable GracefulShutdownHandler graceful;
    private @Nullable Dashboard dashboard;
    private @Nullable ServerFile serverFile;
    private @Nullable URI address;
    private volatile @Nullable Thread warmUp;

    private WebServer(Builder config) {
        this.config = config;
    }

    public static Builder builder(Ijoka ijoka) {
        return new Builder(ijoka);
    }

    /**
     * Binds the port and starts serving.
     *
     * @throws IllegalStateException if the port (or every port of the range) is taken, naming it
     */
    public synchronized WebServer start() {
        if (undertow != null) {
            throw new IllegalStateException("the server is already started at " + address);
        }
        if (closing.get()) {
            throw new IllegalStateException("the server was closed before it started");
        }
        InetAddress host = resolve(config.host);
        int port = config.portFrom == config.portTo ? exactPort(host, config.portFrom)
                : PortPicker.firstFree(host, config.portFrom, config.portTo);
        String urlHost = host.getHostAddress().contains(":") ? "[" + host.getHostAddress() + "]" : host.getHostAddress();
        if (host.isLoopbackAddress() && !urlHost.startsWith("[")) {
            urlHost = "127.0.0.1";
        }
        Dashboard d = new Dashboard(config.ijoka, config.version, urlHost, port, token,
                () -> close(), config.projectDirectory);
        GracefulShutdownHandler g = Handlers.gracefulShutdown(d.handler());
        Undertow u = Undertow.builder()
                .addHttpListener(port, host.getHostAddress())
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, 1L << 20) // bodies are read bounded; this is a backstop
                .setServerOption(UndertowOptions.ENABLE_HTTP2, false)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 60_000)
                .setHandler(g)
                .build();
        try {
            u.start();
        } catch (RuntimeException e) {
            d.close();
            throw new IllegalStateException("cannot listen on " + urlHost + ":" + port + " (" + e.getMessage()
                    + "): pick another port with --port N", e);
        }
        this.undertow = u;
        this.graceful = g;
        this.dashboard = d;
        this.address = URI.create("http://" + urlHost + ":" + port + "/");
        if (config.dataDirectory != null) {
            try {
                serverFile = ServerFile.write(config.dataDirectory, address.toString(), port, token);
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("cannot write " + config.dataDirectory.resolve(ServerFile.NAME)
                        + ": check that the data directory is writable", e);
            }
        }
        LOG.info("dashboard at {}", address);
        if (config.warmUp) {
            warmUp = warmUp(address);
        }
        if (closing.get()) { // closed while it was starting (a desktop app quit before its dashboard was up)
            ServerFile f = serverFile;
            if (f != null) {
                f.remove();
            }
            d.close();
            u.stop();
        }
        return this;
    }

    /**
     * Renders the start page once, in the background, as a browser would ask for it. The first render
     * of a Kanban at 10,000 features costs some 1.5 s (template parsing, cold code, the plan's first
     * snapshot) against 0.3-0.5 s for every later one (docs/benchmarks.md): the person who opens the
     * address the command printed should not pay it: {@code ijoka serve} prints it after
     * {@link #awaitWarmUp}. Off with {@link Builder#warmUp(boolean)}: {@code ijoka desktop} shows a window, and a
     * browser only when asked, so its start-up does not pay for a page nobody may open.
     */
    private static Thread warmUp(URI address) {
        return Thread.ofVirtual().name("ijoka-web-warm-up").start(() -> {
            try {
                HttpURLConnection c = (HttpURLConnection) address.toURL().openConnection();
                c.setConnectTimeout(5_000);
                c.setReadTimeout(60_000);
                try (InputStream in = c.getInputStream()) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                c.disconnect();
            } catch (IOException | RuntimeException e) {
                LOG.debug("warm-up request failed: {}", e.toString());
            }
        });
    }

    /**
     * Waits until the start page has been rendered once after {@link #start} (see {@code warmUp}), at
     * most {@code timeout}; the server answers requests meanwhile. Returns at once when the warm-up is off.
     *
     * @return whether the warm-up has ended
     */
    public boolean awaitWarmUp(Duration timeout) throws InterruptedException {
        Thread t = warmUp;
        return t == null || t.join(timeout);
    }

    private static int exactPort(InetAddress host, int port) {
        int bound = PortPicker.tryPort(host, port);
        if (bound < 0) {
            throw new IllegalStateException("port " + port + " on " + host.getHostAddress() + " is taken: stop what "
                    + "uses it, or pick another with --port N (or leave --port out to take the first free one from 4000)");
        }
        return bound;
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve host '" + host + "': give an address such as 127.0.0.1", e);
        }
    }

    /** Where the dashboard is, e.g. {@code http://127.0.0.1:4000/}. */
    public URI address() {
        URI a = address;
        if (a == null) {
            throw new IllegalStateException("the server is not started: call start() first");
        }
        return a;
    }

    /** This launch's token: state-changing requests send it as {@code X-Ijoka-Token}. */
    public String token() {
        return token;
    }

    /** The server file, if a data directory was given and the server is running. */
    public @Nullable Path serverFile() {
        ServerFile f = serverFile;
        return f == null ? null : f.path();
    }

    /** Blocks until the server has stopped ({@code POST /api/shutdown} or {@link #close()}). */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    /** @return whether the server stopped within the timeout */
    public boolean awaitShutdown(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops gracefully: no new requests, open event streams and MCP sessions ended (their agents'
     * claims released), requests in flight given {@link #GRACE} to finish, the server file removed.
     * Idempotent.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            ServerFile f = serverFile;
            if (f != null) {
                f.remove();
            }
            GracefulShutdownHandler g = graceful;
            if (g != null) {
                g.shutdown(); // new requests get 503 from here on
            }
            Dashboard d = dashboard;
            if (d != null) {
                d.close(); // ends the long-lived requests: event streams and MCP sessions
            }
            if (g != null) {
                try {
                    g.awaitShutdown(GRACE.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Undertow u = undertow;
            if (u != null) {
                u.stop();
            }
            LOG.info("dashboard stopped");
        } finally {
            stopped.countDown();
        }
    }

    /** Configures a server. Mutable, not thread-safe; {@link #build()} makes the server (unstarted). */
    public static final class Builder {

        private final Ijoka ijoka;
        private String host = "127.0.0.1";
        private int portFrom = 4000;
        private int portTo = 4100;
        private @Nullable Path dataDirectory;
        private @Nullable Path projectDirectory;
        private String version = "dev";
        private boolean warmUp = true;

        private Builder(Ijoka ijoka) {
            this.ijoka = Objects.requireNonNull(ijoka, "ijoka");
        }

        /** The address to bind: 127.0.0.1 unless set. Anything but loopback exposes the dashboard to the network. */
        public Builder host(String value) {
            this.host = Objects.requireNonNull(value, "host");
            return this;
        }

        /** Exactly this port (0: any free port); starting fails if it is taken. */
        public Builder port(int value) {
            return ports(value, value);
        }

        /** The first free port of a range: 4000 to 4100 unless set. */
        public Builder ports(int from, int to) {
            if (from < 0 || to > 65535 || from > to) {
                throw new IllegalArgumentException("ports must be a range within 0..65535, got " + from + ".." + to);
            }
            this.portFrom = from;
            this.portTo = to;
            return this;
        }

        /** Where to write {@code server.json}; none is written unless set. */
        public Builder dataDirectory(Path value) {
            this.dataDirectory = Objects.requireNonNull(value, "dataDirectory");
            return this;
        }

        /** The directory whose project {@code /} opens (and the MCP tools serve by default). */
        public Builder projectDirectory(@Nullable Path value) {
            this.projectDirectory = value;
            return this;
        }

        /** What {@code /api/health} and MCP's {@code initialize} report. */
        public Builder version(String value) {
            this.version = Objects.requireNonNull(value, "version");
            return this;
        }

        /**
         * Whether {@link #start()} renders the start page once in the background (on unless set): {@code ijoka serve}
         * wants it, so the first person to open the address gets a warm page; the desktop app turns it off.
         */
        public Builder warmUp(boolean value) {
            this.warmUp = value;
            return this;
        }

        public WebServer build() {
            return new WebServer(this);
        }
    }

    /** Whether a host name or address is loopback (what {@code --host} should be). */
    public static boolean isLoopback(String host) {
        return Loopback.isLoopback(host);
    }
}
