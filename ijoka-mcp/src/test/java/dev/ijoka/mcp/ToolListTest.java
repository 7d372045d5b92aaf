package dev.ijoka.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.api.FeatureBatch;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.mcp.internal.LazySchemaValidator;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tool surface: a golden file of {@code tools/list} (so that any change shows as a diff), and the
 * token budgets of DESIGN.md §4, counted at four characters a token.
 *
 * <p>After an intended change, regenerate the golden file and review the diff:
 * {@code mvn -pl ijoka-mcp verify -Dtest=ToolListTest -Dijoka.golden.update=true}.
 */
class ToolListTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden/tools-list.json");
    static final int CHARS_PER_TOKEN = 4;

    @TempDir
    Path project;

    private Ijoka ijoka;
    private Harness harness;
    private final McpJsonMapper json = McpJsonDefaults.getMapper();

    @BeforeEach
    void start() {
        ijoka = Ijoka.inMemory();
        harness = Harness.start(ijoka, Harness.options(project), "claude-code", project);
    }

    @AfterEach
    void stop() {
        harness.close();
        ijoka.close();
    }

    @Test
    void theToolListMatchesTheGoldenFile() throws IOException {
        String actual = pretty(json.writeValueAsString(harness.client().listTools()));
        if (Boolean.getBoolean("ijoka.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(GOLDEN).as("golden file; regenerate with -Dijoka.golden.update=true").exists();
        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void everyToolOfTheDesignIsListedWithInputAndOutputSchemas() {
        List<McpSchema.Tool> tools = harness.client().listTools().tools();
        assertThat(tools).extracting(McpSchema.Tool::name).containsExactly(
                "ijoka_status", "ijoka_next_feature", "ijoka_list_features", "ijoka_get_feature",
                "ijoka_add_feature", "ijoka_update_feature", "ijoka_start_feature", "ijoka_complete_feature",
                "ijoka_block_feature", "ijoka_unblock_feature", "ijoka_add_dependency", "ijoka_remove_dependency",
                "ijoka_check_step", "ijoka_record_insight", "ijoka_get_insights");
        JsonSchemaValidator validator = McpJsonDefaults.getSchemaValidator();
        for (McpSchema.Tool tool : tools) {
            assertThat(tool.description()).as(tool.name()).isNotBlank().hasSizeLessThan(200);
            assertThat(tool.inputSchema()).as(tool.name()).containsEntry("type", "object");
            assertThat(tool.outputSchema()).as(tool.name()).containsEntry("type", "object");
            // The server skips this check at start-up (LazySchemaValidator): it is made here instead.
            assertThat(validator.validateSchema(tool.inputSchema()).valid()).as(tool.name() + " input").isTrue();
            assertThat(validator.validateSchema(tool.outputSchema()).valid()).as(tool.name() + " output").isTrue();
        }
    }

    @Test
    void resultsAreCheckedAgainstTheirSchemasWhereAssertionsAreOnAsInEveryTestSuite() {
        // Every tool call of the tests goes through this check; ijoka mcp, without -ea, skips it.
        assertThat(LazySchemaValidator.class.desiredAssertionStatus()).as("the tests run with -ea").isTrue();
        Map<String, Object> schema = Map.of("type", "object", "required", List.of("counts"));
        assertThat(new LazySchemaValidator().validate(schema, Map.of("counts", 1)).valid()).isTrue();
        assertThat(new LazySchemaValidator().validate(schema, Map.of("count", 1)).valid()).isFalse();
    }

    @Test
    void theWholeToolListCostsUnderFiveThousandTokens() throws IOException {
        int tokens = tokens(json.writeValueAsString(harness.client().listTools()));
        System.err.println("tools/list: about " + tokens + " tokens");
        assertThat(tokens).isLessThan(5_000);
    }

    @Test
    void aDefaultListOfFeaturesCostsUnderTwoThousandTokens() throws IOException {
        Project p = ijoka.projects().open(project);
        List<FeatureBatch.Entry> entries = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            entries.add(FeatureBatch.Entry.pending(NewFeature.of("Feature " + i + ": as a returning user I can filter"
                    + " the order history by date, status and amount, and export what I see to CSV for my accountant",
                    Category.FUNCTIONAL).withPriority(i % 4)));
        }
        ijoka.features().createAll(p.id(), new FeatureBatch(entries, List.of()), FeatureBatch.Progress.NONE);

        McpSchema.CallToolResult result = harness.agent.call("ijoka_list_features", Map.of());
        assertThat(result.isError()).isFalse();
        assertThat(Agent.list(Agent.map(result.structuredContent()).get("features"))).hasSize(20);
        int tokens = tokens(json.writeValueAsString(result));
        System.err.println("default ijoka_list_features result (20 rows): about " + tokens + " tokens");
        assertThat(tokens).isLessThan(2_000);

        McpSchema.CallToolResult widest = harness.agent.call("ijoka_list_features", Map.of("limit", 100));
        assertThat(tokens(json.writeValueAsString(widest))).as("the largest page").isLessThan(10_000);
    }

    static int tokens(String text) {
        return (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    /** Indented, with a final newline: a stable, reviewable form of the JSON the client received. */
    static String pretty(String compact) {
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        JsonNode tree = mapper.readTree(compact);
        return mapper.writeValueAsString(tree) + "\n";
    }
}
