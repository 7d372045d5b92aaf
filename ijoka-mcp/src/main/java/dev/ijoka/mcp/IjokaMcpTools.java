package dev.ijoka.mcp;

import dev.ijoka.Ijoka;
import dev.ijoka.mcp.internal.EngineHandle;
import dev.ijoka.mcp.internal.Results;
import dev.ijoka.mcp.internal.SessionRegistry;
import dev.ijoka.mcp.internal.ToolDef;
import dev.ijoka.mcp.internal.Tools;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Ijoka's MCP tools for any transport: the stdio server ({@link IjokaMcpServer}) uses them, and so can
 * a Streamable HTTP server built with the MCP SDK.
 *
 * <pre>{@code
 * IjokaMcpTools tools = IjokaMcpTools.create(ijoka, McpOptions.defaults());
 * McpSyncServer server = McpServer.sync(httpTransportProvider)
 *         .serverInfo("ijoka", version)
 *         .instructions(IjokaMcpTools.INSTRUCTIONS)
 *         .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
 *         .validateToolInputs(false) // the tools check their arguments with messages an agent can act on
 *         .tools(tools.specifications())
 *         .build();
 * // when a connection ends: tools.endSession(mcpSessionId, "disconnected"); on shutdown: tools.close()
 * }</pre>
 *
 * Each MCP connection (keyed by the SDK's session id) is one agent session in the engine, served by
 * its own session actor; see DESIGN.md §2 and {@code docs/mcp.md}. Thread-safe.
 */
public final class IjokaMcpTools implements AutoCloseable {

    /** What the server tells a client about itself in {@code initialize}. */
    public static final String INSTRUCTIONS = "Ijoka holds this project's plan: features, their dependencies and who"
            + " works on what. Call ijoka_status first, then ijoka_start_feature to claim the next ready feature"
            + " (or the one named). Check its steps with ijoka_check_step as you verify them, finish with"
            + " ijoka_complete_feature, or ijoka_block_feature with a reason when stuck. Record what you learn with"
            + " ijoka_record_insight. Features are named #number.";

    private final Map<String, ToolDef> tools;
    private final SessionRegistry sessions;

    private IjokaMcpTools(EngineHandle engine, McpOptions options) {
        Map<String, ToolDef> byName = new LinkedHashMap<>();
        for (ToolDef def : Tools.all()) {
            byName.put(def.name(), def);
        }
        this.tools = byName;
        this.sessions = new SessionRegistry(engine, options);
    }

    public static IjokaMcpTools create(Ijoka ijoka, McpOptions options) {
        return new IjokaMcpTools(EngineHandle.of(Objects.requireNonNull(ijoka, "ijoka")),
                Objects.requireNonNull(options, "options"));
    }

    /**
     * Tools on an engine that may still be opening: each call waits for it (up to {@link
     * McpOptions#callTimeout()}), or fails with a tool error saying why the store did not open.
     */
    public static IjokaMcpTools create(CompletionStage<Ijoka> ijoka, McpOptions options) {
        return new IjokaMcpTools(new EngineHandle(Objects.requireNonNull(ijoka, "ijoka")),
                Objects.requireNonNull(options, "options"));
    }

    /** The tools with their handlers, for {@code McpServer.sync(...).tools(...)}. */
    public List<McpServerFeatures.SyncToolSpecification> specifications() {
        return tools.values().stream()
                .map(def -> McpServerFeatures.SyncToolSpecification.builder()
                        .tool(def.tool())
                        .callHandler((exchange, request) -> sessions.call(def, exchange, request.arguments()))
                        .build())
                .toList();
    }

    /**
     * The tools with their handlers, for {@code McpServer.async(...).tools(...)}: each call is handed to
     * its session's actor and answered from the actor's thread, with no thread blocked in between.
     */
    public List<McpServerFeatures.AsyncToolSpecification> asyncSpecifications() {
        return tools.values().stream()
                .map(def -> McpServerFeatures.AsyncToolSpecification.builder()
                        .tool(def.tool())
                        .callHandler((exchange, request) -> sessions.submit(def, exchange, request.arguments()))
                        .build())
                .toList();
    }

    /** The tools as {@code tools/list} shows them. */
    public List<McpSchema.Tool> tools() {
        return tools.values().stream().map(ToolDef::tool).toList();
    }

    public List<String> names() {
        return List.copyOf(tools.keySet());
    }

    /**
     * What a transport should answer, instead of passing the call on, for a {@code tools/call} whose
     * params name no tool of this server or carry arguments that are not an object: a tool error that
     * lists the tools, or that has no params object at all. Empty when the call is fine to pass on.
     */
    public Optional<McpSchema.CallToolResult> screen(@Nullable Object params) {
        if (!(params instanceof Map<?, ?> map)) {
            // The SDK's tools/call handler fails on missing params with a NullPointerException (a 500 over HTTP).
            return Optional.of(Results.error("invalid_input", "tools/call needs params with the tool's name and its"
                    + " arguments, e.g. {\"name\": \"ijoka_status\", \"arguments\": {}}. tools/list describes the tools."));
        }
        Object name = map.get("name");
        if (!(name instanceof String s) || !tools.containsKey(s)) {
            String given = name instanceof String s ? "there is no tool '" + s + "'" : "tools/call needs a tool name";
            return Optional.of(Results.error("unknown_tool", given + ": the tools are " + String.join(", ", names())
                    + ". tools/list describes them."));
        }
        Object arguments = map.get("arguments");
        if (arguments != null && !(arguments instanceof Map)) {
            return Optional.of(Results.error("invalid_input", "the arguments of " + s + " must be a JSON object of"
                    + " named arguments, e.g. {\"feature\": \"#12\"}"));
        }
        return Optional.empty();
    }

    /** Ends one connection's agent session, releasing its claims, after the calls it already made. */
    public void endSession(String mcpSessionId, String reason) {
        sessions.end(mcpSessionId, reason);
    }

    /** The live sessions' actors; package-private, so the internal type stays out of the public API (tests reach it). */
    SessionRegistry registry() {
        return sessions;
    }

    /** Ends every agent session ("server stopped") and refuses further calls. */
    @Override
    public void close() {
        sessions.endAll("server stopped");
    }
}
