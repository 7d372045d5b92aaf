package dev.ijoka.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ijoka.Ijoka;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the MCP tools' arguments (docs/fuzzing.md): a real server on a real SQLite file, called by the
 * SDK's client as an agent calls it, with arguments built from each tool's input schema (right and wrong
 * types, known and unknown features, missing and unknown arguments). Every call is answered; every
 * refusal is a tool error whose text starts with its code and says what to do, and writes nothing to the
 * event log; the server goes on answering.
 */
class McpToolsFuzzTest {

    /** Strings an agent might pass: feature references (some unknown), enum values, and the edge cases of each. */
    private static final String[] WORDS = {"#1", "#2", "#3", "#4", "#99", "#0", "#-1", "1", "#x", "", " ",
            "0193aaaa-bbbb-7ccc-8ddd-eeeeffff0000", "functional", "ui", "security", "pending", "in_progress", "blocked",
            "complete", "blocks", "related", "pattern", "gotcha", "solution", "feature", "bug", "epic", "null", "true"};

    private static Path dir;
    private static Ijoka ijoka;
    private static Harness harness;
    private static List<McpSchema.Tool> tools;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("ijoka-mcp-fuzz-");
        Path root = Files.createDirectories(dir.resolve("project"));
        ijoka = Ijoka.builder().store("jdbc:sqlite:" + dir.resolve("ijoka.db")).build();
        Project project = ijoka.projects().open(root);
        Feature schema = ijoka.features().create(project.id(), NewFeature.of("Schema", Category.FUNCTIONAL)
                .withSteps("tables exist", "indexes exist"));
        Feature login = ijoka.features().create(project.id(), NewFeature.of("Login", Category.UI));
        ijoka.features().create(project.id(), NewFeature.of("Audit", Category.SECURITY));
        ijoka.dependencies().add(login.id(), schema.id(), DependencyKind.BLOCKS, null);
        harness = Harness.start(ijoka, Harness.options(root), "fuzzer", root);
        tools = harness.client().listTools().tools();
        harness.agent.ok("ijoka_status"); // the agent session starts with the first call: not part of any fuzzed call
    }

    @AfterAll
    static void stop() throws IOException {
        harness.close();
        ijoka.close();
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One tool call with arguments shaped by the tool's schema, straying from it now and then. */
    @FuzzTest(maxDuration = "5m")
    void toolCall(FuzzedDataProvider data) {
        McpSchema.Tool tool = tools.get(data.consumeInt(0, tools.size() - 1));
        String other = data.consumeInt(0, 31) == 31 ? data.consumeString(20) : ""; // the SDK's client refuses a blank name
        String name = other.isBlank() ? tool.name() : other;
        Map<String, Object> arguments = arguments(data, tool.inputSchema());
        long mark = ijoka.events().lastSequence();

        McpSchema.CallToolResult result = harness.agent.call(name, arguments);

        String text = Agent.text(result);
        assertThat(text).as("%s %s answers in words", name, arguments).isNotBlank();
        if (Boolean.TRUE.equals(result.isError())) {
            assertThat(text).as("a tool error starts with its code").matches("(?s)[a-z_]+: \\S.*");
            assertThat(ijoka.events().lastSequence()).as("%s %s was refused (%s) but wrote", name, arguments, text)
                    .isEqualTo(mark);
        }
        harness.client().ping(); // still answering
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> arguments(FuzzedDataProvider data, Map<String, Object> schema) {
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            if (data.consumeBoolean()) {
                arguments.put(property.getKey(), value(data, (Map<String, Object>) property.getValue(), 1));
            }
        }
        if (data.consumeInt(0, 15) == 0) {
            arguments.put(data.consumeBoolean() ? "feature" : data.consumeString(10), any(data, 1));
        }
        return arguments;
    }

    /** A value for a property of this schema, or (one time in ten) a value of any type. */
    @SuppressWarnings("unchecked")
    private static Object value(FuzzedDataProvider data, Map<String, Object> schema, int depth) {
        if (data.consumeInt(0, 9) == 0) {
            return any(data, depth);
        }
        Object type = schema.get("type");
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty() && data.consumeInt(0, 7) != 0) {
            return values.get(data.consumeInt(0, values.size() - 1));
        }
        return switch (type instanceof String s ? s : "any") {
            case "string" -> string(data);
            case "integer" -> data.consumeInt(0, 3) == 0 ? data.consumeLong() : data.consumeInt(-2, 120);
            case "number" -> data.consumeRegularDouble();
            case "boolean" -> data.consumeBoolean();
            case "array" -> {
                Map<String, Object> items = schema.get("items") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                List<Object> list = new ArrayList<>();
                for (int i = data.consumeInt(0, 4); i > 0; i--) {
                    list.add(value(data, items, depth - 1));
                }
                yield list;
            }
            case "object" -> arguments(data, schema);
            default -> any(data, depth);
        };
    }

    private static String string(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> data.consumeString(data.consumeInt(0, 7) == 0 ? 70_000 : 40);
            default -> data.pickValue(WORDS);
        };
    }

    private static Object any(FuzzedDataProvider data, int depth) {
        return switch (data.consumeInt(0, depth > 0 ? 7 : 5)) {
            case 0 -> "null"; // the SDK drops null-valued arguments; a JSON null comes through the raw stdio test
            case 1 -> data.consumeBoolean();
            case 2 -> data.consumeLong();
            case 3 -> data.consumeRegularDouble();
            case 4 -> string(data);
            case 5 -> data.consumeInt(-2, 20);
            case 6 -> {
                List<Object> list = new ArrayList<>();
                for (int i = data.consumeInt(0, 3); i > 0; i--) {
                    list.add(any(data, depth - 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = data.consumeInt(0, 3); i > 0; i--) {
                    map.put(string(data), any(data, depth - 1));
                }
                yield map;
            }
        };
    }
}
