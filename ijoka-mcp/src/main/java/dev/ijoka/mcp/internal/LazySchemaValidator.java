package dev.ijoka.mcp.internal;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import java.util.Map;

/**
 * The SDK's JSON Schema validator, which checks every structured result against its tool's output schema, as a
 * self-check: it runs where assertions are on ({@code -ea}, as every test suite here runs, so each tool call of the
 * tests is checked), and is skipped where they are off, as in {@code ijoka mcp}, which serves results whose shape the
 * tests have checked. Made on first use: it loads some 300 classes (the validator and the Jackson 2 it is built on),
 * and checking was ~40 ms of the CPU of a cold server's first tool call (docs/benchmarks.md, "The handshake answered on
 * arrival").
 *
 * <p>For the same reason it does not check the tools' own schemas when the SDK builds the server: the
 * schemas are constants of this module, checked by {@code ToolListTest} against the real validator.
 */
public final class LazySchemaValidator implements JsonSchemaValidator {

    /** Whether results are checked: as an {@code assert} in this class would be. */
    private static final boolean CHECKING = LazySchemaValidator.class.desiredAssertionStatus();

    private volatile JsonSchemaValidator delegate;

    private JsonSchemaValidator delegate() {
        JsonSchemaValidator d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    // What McpJsonDefaults finds through ServiceLoader (JacksonJsonSchemaValidatorSupplier's), made directly:
                    // that lookup would read every jar of the class path on the first tool call's way.
                    d = new DefaultJsonSchemaValidator();
                    delegate = d;
                }
            }
        }
        return d;
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        return CHECKING ? delegate().validate(schema, structuredContent) : ValidationResponse.asValid(null);
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return ValidationResponse.asValid(null);
    }
}
