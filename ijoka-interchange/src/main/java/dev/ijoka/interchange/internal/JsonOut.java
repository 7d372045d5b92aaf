package dev.ijoka.interchange.internal;

import java.io.Writer;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** Writes maps and lists as JSON, the way these files usually look: two-space indent, one element per line. */
public final class JsonOut {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final ObjectWriter PRETTY = MAPPER.writer().with(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));
    private static final ObjectWriter COMPACT = MAPPER.writer();

    private JsonOut() {}

    /** Pretty JSON followed by a newline. */
    public static void pretty(Object value, Writer out) throws java.io.IOException {
        PRETTY.writeValue(new NonClosing(out), value);
        out.write('\n');
    }

    /** One line of JSON (no newline). */
    public static void compact(Object value, Writer out) {
        COMPACT.writeValue(new NonClosing(out), value);
    }

    /** A writer that flushes instead of closing: Jackson closes what it was given, but the caller owns it. */
    static Writer nonClosing(Writer out) {
        return new NonClosing(out);
    }

    /** Jackson closes the writer it was given; the caller owns it. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer out) {
            super(out);
        }

        @Override
        public void close() throws java.io.IOException {
            flush();
        }
    }
}
