package dev.ijoka.interchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ijoka.domain.Claim;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.Rule;
import dev.ijoka.domain.RuleId;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.EventPayload;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Jackson, set up for Ijoka's wire convention (docs/api.md): the one mapping of event payloads to the
 * JSON the command line, the web API and the live stream show.
 *
 * <p>Payloads are records; Jackson writes them component by component, with ids as strings, enums as
 * their lower-case wire names, instants as ISO-8601, absent components left out, and every domain
 * value that has a view in {@link JsonViews} (a feature, a claim, a rule, ...) in that view. A new
 * payload type needs no code here. The store keeps payloads in a form of its own ({@code
 * PayloadCodec} in ijoka-store-jooq): that form is part of the schema and must read back into the
 * same records for ever, while this one is for people and programs reading the API, and follows the
 * views as they grow.
 */
final class WireJson {

    private static final JsonMapper MAPPER = mapper();

    private WireJson() {}

    /** An event's payload as maps and lists, its values in their views as of {@code context}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> payload(EventPayload payload, JsonViews.Context context) {
        String json = MAPPER.writer().withAttribute(JsonViews.Context.class, context).writeValueAsString(payload);
        return MAPPER.readValue(json, LinkedHashMap.class);
    }

    private static JsonMapper mapper() {
        SimpleModule module = new SimpleModule("ijoka-wire");
        plain(module, FeatureId.class, FeatureId::value);
        plain(module, ProjectId.class, ProjectId::value);
        plain(module, SessionId.class, SessionId::value);
        plain(module, RuleId.class, RuleId::value);
        viewed(module, Feature.class, JsonViews::feature);
        viewed(module, Claim.class, JsonViews::claim);
        viewed(module, Insight.class, JsonViews::insight);
        viewed(module, Project.class, (p, c) -> JsonViews.project(p));
        viewed(module, Rule.class, (r, c) -> JsonViews.rule(r));
        viewed(module, RuleSpec.class, (spec, c) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", spec.kind());
            m.putAll(JsonViews.ruleSpecFields(spec));
            return m;
        });
        return JsonMapper.builder()
                .addModule(module)
                // Only record components: never helpers such as Rule.isGlobal().
                .enable(MapperFeature.INFER_RECORD_GETTERS_FROM_COMPONENTS_ONLY)
                .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
    }

    private static <T> void plain(SimpleModule module, Class<T> type, Function<T, String> text) {
        module.addSerializer(type, new StdSerializer<T>(type) {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(text.apply(value));
            }
        });
    }

    /** Writes a value in its view, with the context the caller gave. */
    private static <T> void viewed(SimpleModule module, Class<T> type,
            BiFunction<T, JsonViews.Context, Object> view) {
        module.addSerializer(type, new StdSerializer<T>(type) {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
                if (!(ctxt.getAttribute(JsonViews.Context.class) instanceof JsonViews.Context context)) {
                    throw new IllegalStateException("a " + type.getSimpleName() + " is written through JsonViews, with a context");
                }
                ctxt.writeValue(gen, view.apply(value, context));
            }
        });
    }
}
