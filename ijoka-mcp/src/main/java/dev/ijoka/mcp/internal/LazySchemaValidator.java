package dev.ijoka.mcp.internal;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import java.util.Map;

/**
 * The SDK's JSON Schema validator (which checks every structured result against its tool's output
 * schema), made on first use rather than when the server is built: it loads some 250 classes, and a
 * client waiting for its {@code initialize} answer should not wait for them (DESIGN.md §8).
 *
 * <p>For the same reason it does not check the tools' own schemas when the SDK builds the server: the
 * schemas are constants of this module, checked by {@code ToolListTest} against the real validator.
 */
public final class LazySchemaValidator implements JsonSchemaValidator {

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
        return delegate().validate(schema, structuredContent);
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return ValidationResponse.asValid(null);
    }
}
