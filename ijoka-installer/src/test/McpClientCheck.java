import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;

/**
 * The installed {@code ijoka mcp} as Claude Code uses it: the MCP Java SDK's own stdio client starts
 * {@code <ijoka> mcp}, initializes, lists the tools and calls {@code ijoka_status}. Run by check-deb.sh as a
 * single-file program, on the class path of the SDK jars the package itself ships:
 * {@code java -cp '<lib>/*' McpClientCheck.java <ijoka> <project directory>}. Exits non-zero on any failure.
 */
public class McpClientCheck {

    public static void main(String[] args) throws Exception {
        String ijoka = args[0];
        String project = args[1];
        ServerParameters params = ServerParameters.builder(ijoka).args("mcp")
                .addEnvVar("CLAUDE_PROJECT_DIR", project)
                .build();
        McpSyncClient client = McpClient.sync(new StdioClientTransport(params, McpJsonDefaults.getMapper()))
                .clientInfo(McpSchema.Implementation.builder("check-deb", "1.0.0").build())
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(120))
                .build();
        try {
            McpSchema.InitializeResult init = client.initialize();
            List<String> tools = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
            if (!tools.contains("ijoka_status") || !tools.contains("ijoka_next_feature")) {
                throw new IllegalStateException("the tools listed lack ijoka_status or ijoka_next_feature: " + tools);
            }
            McpSchema.CallToolResult status = client.callTool(McpSchema.CallToolRequest.builder("ijoka_status").build());
            if (Boolean.TRUE.equals(status.isError())) {
                throw new IllegalStateException("ijoka_status answered an error: " + status.content());
            }
            System.out.println("server " + init.serverInfo().name() + " " + init.serverInfo().version() + ", "
                    + tools.size() + " tools, ijoka_status answered");
        } finally {
            client.closeGracefully();
        }
    }
}
