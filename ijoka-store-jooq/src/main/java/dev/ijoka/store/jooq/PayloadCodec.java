package dev.ijoka.store.jooq;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.ijoka.domain.AgentTodo;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.ProjectId;
import dev.ijoka.domain.RuleId;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Step;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventType;
import dev.ijoka.event.ToolOutcome;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.NamedType;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Event payloads, checklists, tags and rule specs as the JSON a SQL store keeps in text columns.
 *
 * <p>The format is part of the schema, so it is written down here: records become objects of
 * their components; ids ({@link FeatureId}, {@link ProjectId}, {@link SessionId}, {@link RuleId})
 * are plain strings; instants are ISO-8601 strings with every digit of the fraction; enums are
 * their lower-case wire names; a {@link RuleSpec} carries its {@link RuleSpec#kind() kind} (e.g.
 * {@code "kind":"wip_limit"}) beside its fields; null fields are left out, so a
 * {@code feature_updated} payload names only what changed; a tool use's {@code success} is
 * {@code true}, {@code false} or {@code "unknown"}. Unknown fields are ignored when
 * reading, so a log written by a newer version that added a field still reads.
 *
 * <p>Thread-safe; create one and share it.
 */
public final class PayloadCodec {

    private final ListCodec lists = new ListCodec();
    /**
     * Built on first use: reading features and insights needs only {@link #lists}, and a one-shot
     * command that never touches an event or a rule should not pay for data binding's start-up.
     */
    private volatile @Nullable JsonMapper mapper;

    public PayloadCodec() {}

    private JsonMapper mapper() {
        JsonMapper m = mapper;
        if (m == null) {
            synchronized (this) {
                m = mapper;
                if (m == null) {
                    m = newMapper();
                    mapper = m;
                }
            }
        }
        return m;
    }

    private static JsonMapper newMapper() {
        SimpleModule ids = new SimpleModule("ijoka-ids");
        asString(ids, FeatureId.class, FeatureId::value, FeatureId::new);
        asString(ids, ProjectId.class, ProjectId::value, ProjectId::new);
        asString(ids, SessionId.class, SessionId::value, SessionId::new);
        asString(ids, RuleId.class, RuleId::value, RuleId::new);
        toolOutcome(ids);
        return JsonMapper.builder()
                .addModule(ids)
                .addMixIn(RuleSpec.class, RuleSpecKind.class)
                .registerSubtypes(ruleSpecKinds())
                // Only record components: never helpers such as Rule.isGlobal().
                .enable(MapperFeature.INFER_RECORD_GETTERS_FROM_COMPONENTS_ONLY)
                .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL)
                        .withContentInclusion(JsonInclude.Include.NON_NULL))
                .build();
    }

    /** The payload as JSON. */
    public String encode(EventPayload payload) {
        return write(payload);
    }

    /**
     * Reads a payload stored for an event of {@code type}.
     *
     * @throws IllegalArgumentException if the JSON does not describe a payload of that type
     */
    public EventPayload decode(EventType type, String json) {
        try {
            return mapper().readValue(json, type.payloadType());
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unreadable " + type.wireName() + " payload " + abbreviate(json)
                    + ": " + e.getMessage(), e);
        }
    }

    String encodeSteps(List<Step> steps) {
        return lists.encodeSteps(steps);
    }

    List<Step> decodeSteps(String json) {
        return lists.decodeSteps(json);
    }

    String encodeTags(List<String> tags) {
        return lists.encodeStrings(tags);
    }

    List<String> decodeTags(String json) {
        return lists.decodeStrings(json);
    }

    /** An agent's todo items: {@code [{"id":"…","content":"…","activeForm":"…","status":"in_progress"}]}. */
    String encodeTodos(List<AgentTodo> items) {
        return mapper().writerFor(TODOS).writeValueAsString(items);
    }

    List<AgentTodo> decodeTodos(String json) {
        try {
            return List.copyOf(mapper().readValue(json, TODOS));
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unreadable todo items " + abbreviate(json) + ": " + e.getMessage(), e);
        }
    }

    private static final TypeReference<List<AgentTodo>> TODOS = new TypeReference<>() {};

    String encodeRuleSpec(RuleSpec spec) {
        return mapper().writerFor(RuleSpec.class).writeValueAsString(spec);
    }

    RuleSpec decodeRuleSpec(String json) {
        try {
            return mapper().readValue(json, RuleSpec.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unreadable rule spec " + abbreviate(json) + ": " + e.getMessage(), e);
        }
    }

    private String write(Object value) {
        return mapper().writeValueAsString(value);
    }

    static String abbreviate(String json) {
        return json.length() <= 200 ? json : json.substring(0, 200) + "…";
    }

    /**
     * The wire names of the rule kinds. RuleSpec is sealed, so {@code RuleSpecKindsTest} checks
     * that every permitted record is listed and that each name equals its {@code kind()}.
     */
    static NamedType[] ruleSpecKinds() {
        return new NamedType[] {
            new NamedType(RuleSpec.WipLimit.class, "wip_limit"),
            new NamedType(RuleSpec.StepsDoneBeforeComplete.class, "steps_done_before_complete"),
            new NamedType(RuleSpec.Context.class, "context"),
            new NamedType(RuleSpec.Reminder.class, "reminder"),
        };
    }

    /** Puts the rule's kind into its JSON as {@code "kind"}; the core stays free of Jackson. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
    private interface RuleSpecKind {}

    /**
     * A tool use's outcome as {@code true}, {@code false} or {@code "unknown"}: the booleans that logs
     * written before the outcome could be unknown hold still read as what they meant.
     */
    private static void toolOutcome(SimpleModule module) {
        module.addSerializer(ToolOutcome.class, new StdSerializer<ToolOutcome>(ToolOutcome.class) {
            @Override
            public void serialize(ToolOutcome value, JsonGenerator gen, SerializationContext ctxt) {
                switch (value) {
                    case SUCCEEDED -> gen.writeBoolean(true);
                    case FAILED -> gen.writeBoolean(false);
                    case UNKNOWN -> gen.writeString(value.wireName());
                }
            }
        });
        module.addDeserializer(ToolOutcome.class, new StdDeserializer<ToolOutcome>(ToolOutcome.class) {
            @Override
            public ToolOutcome deserialize(JsonParser p, DeserializationContext ctxt) {
                if (p.currentToken() == JsonToken.VALUE_TRUE || p.currentToken() == JsonToken.VALUE_FALSE) {
                    return ToolOutcome.of(p.getBooleanValue());
                }
                String text = p.getValueAsString();
                for (ToolOutcome o : ToolOutcome.values()) {
                    if (o.wireName().equals(text)) {
                        return o;
                    }
                }
                return ctxt.reportInputMismatch(ToolOutcome.class, "expected true, false or \"unknown\" for a tool's success");
            }
        });
    }

    private static <T> void asString(SimpleModule module, Class<T> type, Function<T, String> write,
            Function<String, T> read) {
        module.addSerializer(type, new StdSerializer<T>(type) {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(write.apply(value));
            }
        });
        module.addDeserializer(type, new StdDeserializer<T>(type) {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) {
                String text = p.getValueAsString();
                if (text == null) {
                    return ctxt.reportInputMismatch(type, "expected a string for " + type.getSimpleName());
                }
                return read.apply(text);
            }
        });
    }
}
