package dev.ijoka.fuzzing;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON-shaped values (maps, lists, strings, numbers, booleans, null) built from the fuzzer's bytes: they
 * follow a {@link Shape} most of the time, so that the fuzzer gets past the parser into the checks behind
 * it, and stray from it now and then (a wrong type, a missing or unknown key), so that those checks are
 * tried too.
 */
public final class FuzzJson {

    /** What a value should look like. */
    public sealed interface Shape {}

    /** An object: each field may be there or not, and an unknown key may join them. */
    public record Obj(Map<String, Shape> fields) implements Shape {}

    /** An array of up to {@code max} elements. */
    public record Arr(Shape element, int max) implements Shape {}

    /** One of these words (a known enum value, an id the file has), or now and then any text. */
    public record Words(List<String> words) implements Shape {}

    /** Any text. */
    public record Text() implements Shape {}

    /** An integer in [min, max], or now and then any long. */
    public record Int(long min, long max) implements Shape {}

    public record Bool() implements Shape {}

    /** One of these shapes. */
    public record OneOf(List<Shape> shapes) implements Shape {}

    public static Obj obj(Object... namesAndShapes) {
        Map<String, Shape> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndShapes.length; i += 2) {
            fields.put((String) namesAndShapes[i], (Shape) namesAndShapes[i + 1]);
        }
        return new Obj(fields);
    }

    public static Arr arr(Shape element, int max) {
        return new Arr(element, max);
    }

    public static Words words(String... words) {
        return new Words(List.of(words));
    }

    public static OneOf oneOf(Shape... shapes) {
        return new OneOf(List.of(shapes));
    }

    public static final Text TEXT = new Text();
    public static final Bool BOOL = new Bool();

    private final FuzzedDataProvider data;

    public FuzzJson(FuzzedDataProvider data) {
        this.data = data;
    }

    /** A value of this shape, or (one time in sixteen) of any shape. */
    public Object build(Shape shape) {
        if (data.consumeInt(0, 15) == 0) {
            return any(2);
        }
        return switch (shape) {
            case Obj o -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<String, Shape> field : o.fields().entrySet()) {
                    if (data.consumeBoolean()) {
                        map.put(field.getKey(), build(field.getValue()));
                    }
                }
                if (data.consumeInt(0, 7) == 0) {
                    map.put(data.consumeString(12), any(1));
                }
                yield map;
            }
            case Arr a -> {
                int n = data.consumeInt(0, a.max());
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(build(a.element()));
                }
                yield list;
            }
            case Words w -> data.consumeInt(0, 7) == 0 ? data.consumeString(40) : w.words().get(data.consumeInt(0, w.words().size() - 1));
            case Text t -> data.consumeString(data.consumeInt(0, 3) == 0 ? 3000 : 60);
            case Int i -> data.consumeInt(0, 7) == 0 ? data.consumeLong() : data.consumeLong(i.min(), i.max());
            case Bool b -> data.consumeBoolean();
            case OneOf one -> build(one.shapes().get(data.consumeInt(0, one.shapes().size() - 1)));
        };
    }

    /** Any JSON value, nested at most {@code depth} deep. */
    public Object any(int depth) {
        return switch (data.consumeInt(0, depth > 0 ? 7 : 5)) {
            case 0 -> null;
            case 1 -> data.consumeBoolean();
            case 2 -> data.consumeLong();
            case 3 -> data.consumeRegularDouble();
            case 4 -> data.consumeString(20);
            case 5 -> data.consumeInt(-2, 20);
            case 6 -> {
                List<Object> list = new ArrayList<>();
                for (int i = data.consumeInt(0, 3); i > 0; i--) {
                    list.add(any(depth - 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = data.consumeInt(0, 3); i > 0; i--) {
                    map.put(data.consumeString(10), any(depth - 1));
                }
                yield map;
            }
        };
    }
}
