package dev.ijoka.store.jooq;

import dev.ijoka.domain.Step;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Checklists and tags, the JSON columns every feature and insight row carries, read and written with
 * Jackson's streaming parser rather than its data binding. Same format as {@link PayloadCodec} would
 * write ({@code [{"text":"…","done":false}]}, {@code ["a","b"]}); the point is cost: listing features is
 * what a one-shot command does, and building an {@code ObjectMapper} for it would load some six hundred
 * classes before the first row (see docs/benchmarks.md, command line).
 *
 * <p>Thread-safe.
 */
final class ListCodec {

    private final JsonFactory factory = new JsonFactory();

    String encodeSteps(List<Step> steps) {
        StringWriter out = new StringWriter(16 + steps.size() * 48);
        try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartArray();
            for (Step s : steps) {
                g.writeStartObject();
                g.writeStringProperty("text", s.text());
                g.writeBooleanProperty("done", s.done());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException if the JSON is not a list of steps */
    List<Step> decodeSteps(String json) {
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), json)) {
            expect(p.nextToken(), JsonToken.START_ARRAY, json);
            List<Step> steps = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                expect(t, JsonToken.START_OBJECT, json);
                String text = null;
                boolean done = false;
                for (String name = p.nextName(); name != null; name = p.nextName()) {
                    JsonToken value = p.nextToken();
                    switch (name) {
                        case "text" -> text = p.getValueAsString();
                        case "done" -> done = value == JsonToken.VALUE_TRUE;
                        default -> p.skipChildren(); // a field a newer version added
                    }
                }
                if (text == null) {
                    throw new IllegalArgumentException("unreadable steps " + PayloadCodec.abbreviate(json) + ": a step has no text");
                }
                steps.add(new Step(text, done));
            }
            return steps;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("unreadable steps " + PayloadCodec.abbreviate(json) + ": " + e.getMessage(), e);
        }
    }

    String encodeStrings(List<String> values) {
        StringWriter out = new StringWriter(16 + values.size() * 16);
        try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartArray();
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException if the JSON is not a list of strings */
    List<String> decodeStrings(String json) {
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), json)) {
            expect(p.nextToken(), JsonToken.START_ARRAY, json);
            List<String> values = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                expect(t, JsonToken.VALUE_STRING, json);
                values.add(p.getString());
            }
            return values;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("unreadable JSON " + PayloadCodec.abbreviate(json) + ": " + e.getMessage(), e);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, String json) {
        if (actual != expected) {
            throw new IllegalArgumentException("unreadable JSON " + PayloadCodec.abbreviate(json) + ": expected "
                    + expected.asString() + " but found " + (actual == null ? "the end" : actual.asString()));
        }
    }
}
