package dev.ijoka.mcp;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How an MCP server finds its project and looks after its sessions. Start from {@link #defaults()}:
 *
 * <pre>{@code
 * McpOptions options = McpOptions.defaults().withProjectDirectory(Path.of("/work/my-app"));
 * }</pre>
 *
 * @param projectDirectory the project to serve whatever the client says; {@code null} to resolve it per
 *     connection: the client's first {@code file://} root, else {@code CLAUDE_PROJECT_DIR}, else
 *     {@code workingDirectory}
 * @param environment where {@code CLAUDE_PROJECT_DIR} is looked up (the process environment by default)
 * @param workingDirectory the last resort for the project
 * @param clock the clock the session actors judge quiet time by; give it the engine's clock
 * @param touchInterval a session's activity is written to the store at most this often (renewing its
 *     leases once they are half spent); commands that change features record activity anyway
 * @param tick how often a session actor looks at its session's state (active, idle, stale)
 * @param leaseCheckInterval how often a session actor expires lapsed leases in the store
 * @param callTimeout how long a tool call may wait for its session actor before it fails
 * @param clientRequestTimeout how long the server waits for the client's answer to its own requests
 *     (the list of roots)
 * @param sessionId the agent session of the server's first connection, {@code null} to make one: {@code ijoka
 *     mcp} gives Claude Code's {@code CLAUDE_CODE_SESSION_ID} here, so that the hooks of the same Claude Code
 *     session record into the session that holds its claims (further connections get ids of their own)
 * @param serverVersion the version {@code initialize} reports ({@code serverInfo.version}): the jar's, or {@code
 *     dev} when run from classes, unless the app gives its own
 * @param client the process its client started: this one, or the launcher that handed its stdio session to a running
 *     engine (docs/architecture.md, "MCP sessions handed to the engine"); its parent (Claude Code) is linked to
 *     {@code sessionId}
 */
public record McpOptions(
        @Nullable Path projectDirectory,
        Map<String, String> environment,
        Path workingDirectory,
        InstantSource clock,
        Duration touchInterval,
        Duration tick,
        Duration leaseCheckInterval,
        Duration callTimeout,
        Duration clientRequestTimeout,
        @Nullable String sessionId,
        String serverVersion,
        ProcessHandle client) {

    /** The environment variable Claude Code sets to the project it runs in. */
    public static final String CLAUDE_PROJECT_DIR = "CLAUDE_PROJECT_DIR";
    /** The environment variable in which Claude Code gives a stdio MCP server its session id. */
    public static final String CLAUDE_CODE_SESSION_ID = "CLAUDE_CODE_SESSION_ID";

    public McpOptions {
        Objects.requireNonNull(environment, "environment");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(clock, "clock");
        positive(touchInterval, "touchInterval");
        positive(tick, "tick");
        positive(leaseCheckInterval, "leaseCheckInterval");
        positive(callTimeout, "callTimeout");
        positive(clientRequestTimeout, "clientRequestTimeout");
        Objects.requireNonNull(serverVersion, "serverVersion");
        Objects.requireNonNull(client, "client");
        if (sessionId != null && sessionId.isBlank()) {
            sessionId = null; // an empty variable names no session
        }
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /**
     * The process environment and working directory, the system clock, activity written at most every
     * 15 s, session state looked at every 30 s, lapsed leases expired every minute, a minute per call.
     */
    public static McpOptions defaults() {
        return new McpOptions(null, System.getenv(), Path.of("").toAbsolutePath(), InstantSource.system(),
                Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(1),
                Duration.ofSeconds(10), null, jarVersion(), ProcessHandle.current());
    }

    public McpOptions withProjectDirectory(@Nullable Path value) {
        return new McpOptions(value, environment, workingDirectory, clock, touchInterval, tick, leaseCheckInterval,
                callTimeout, clientRequestTimeout, sessionId, serverVersion, client);
    }

    public McpOptions withEnvironment(Map<String, String> value) {
        return new McpOptions(projectDirectory, value, workingDirectory, clock, touchInterval, tick, leaseCheckInterval,
                callTimeout, clientRequestTimeout, sessionId, serverVersion, client);
    }

    public McpOptions withWorkingDirectory(Path value) {
        return new McpOptions(projectDirectory, environment, value, clock, touchInterval, tick, leaseCheckInterval,
                callTimeout, clientRequestTimeout, sessionId, serverVersion, client);
    }

    public McpOptions withClock(InstantSource value) {
        return new McpOptions(projectDirectory, environment, workingDirectory, value, touchInterval, tick,
                leaseCheckInterval, callTimeout, clientRequestTimeout, sessionId, serverVersion, client);
    }

    public McpOptions withTouchInterval(Duration value) {
        return new McpOptions(projectDirectory, environment, workingDirectory, clock, value, tick, leaseCheckInterval,
                callTimeout, clientRequestTimeout, sessionId, serverVersion, client);
    }

    public McpOptions withTick(Duration value) {
        return new McpOptions(projectDirectory, environment, workingDirectory, clock, touchInterval, value,
                leaseCheckInterval, callTimeout, clientRequestTimeout, sessionId, serverVersion, client);
    }

    public McpOptions withLeaseCheckInterval(Duration value) {
        return new McpOptions(projectDirectory, environment, workingDirectory, clock, touchInterval, tick, value,
                callTimeout, clientRequestTimeout, sessionId, serverVersion, client);
    }

    public McpOptions withCallTimeout(Duration value) {
        return new McpOptions(projectDirectory, environment, workingDirectory, clock, touchInterval, tick,
                leaseCheckInterval, value, clientRequestTimeout, sessionId, serverVersion, client);
    }

    public McpOptions withClientRequestTimeout(Duration value) {
        return new McpOptions(projectDirectory, environment, workingDirectory, clock, touchInterval, tick,
                leaseCheckInterval, callTimeout, value, sessionId, serverVersion, client);
    }

    public McpOptions withSessionId(@Nullable String value) {
        return new McpOptions(projectDirectory, environment, workingDirectory, clock, touchInterval, tick,
                leaseCheckInterval, callTimeout, clientRequestTimeout, value, serverVersion, client);
    }

    /** The version the server reports in its {@code initialize} answer ({@code serverInfo.version}). */
    public McpOptions withServerVersion(String value) {
        return new McpOptions(projectDirectory, environment, workingDirectory, clock, touchInterval, tick,
                leaseCheckInterval, callTimeout, clientRequestTimeout, sessionId, value, client);
    }

    /** The process the client started, whose parent is linked to the session ({@link #client()}). */
    public McpOptions withClient(ProcessHandle value) {
        return new McpOptions(projectDirectory, environment, workingDirectory, clock, touchInterval, tick,
                leaseCheckInterval, callTimeout, clientRequestTimeout, sessionId, serverVersion, value);
    }

    /**
     * The version in this module's jar manifest, or {@code dev} when run from classes. The app's jar knows its own
     * version better (its manifest is what {@code ijoka --version} reads) and hands it over with
     * {@link #withServerVersion}: a library jar's manifest may carry none.
     */
    static String jarVersion() {
        String v = McpOptions.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
