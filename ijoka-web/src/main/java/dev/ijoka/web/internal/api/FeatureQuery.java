package dev.ijoka.web.internal.api;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.Status;
import dev.ijoka.web.internal.http.HttpError;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Filters, sorting and paging of a project's features, shared by {@code GET .../features}, its CSV
 * twin and the Table page. Filters take comma-separated wire names ({@code status=pending,blocked});
 * {@code q} matches description words (case-insensitive) or a number ({@code #12}).
 *
 * @param page 1-based
 */
public record FeatureQuery(Set<Status> statuses, Set<Category> categories, Set<Kind> kinds, @Nullable String text,
        String sort, boolean descending, int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    public static final List<String> SORTS = List.of("number", "description", "category", "kind", "status", "priority",
            "steps", "claim", "created", "updated");

    public FeatureQuery {
        statuses = Set.copyOf(statuses);
        categories = Set.copyOf(categories);
        kinds = Set.copyOf(kinds);
    }

    /** Reads the query parameters (any may be absent) with errors that list what is allowed. */
    public static FeatureQuery parse(Function<String, @Nullable String> param) {
        String sort = param.apply("sort") == null ? "number" : param.apply("sort").toLowerCase(Locale.ROOT);
        if (!SORTS.contains(sort)) {
            throw HttpError.badRequest("cannot sort by '" + sort + "': sort by one of " + String.join(", ", SORTS));
        }
        String dir = param.apply("dir");
        if (dir != null && !dir.equalsIgnoreCase("asc") && !dir.equalsIgnoreCase("desc")) {
            throw HttpError.badRequest("dir must be asc or desc, got '" + dir + "'");
        }
        return new FeatureQuery(
                parseAll(param.apply("status"), Status::fromWire, Status.class),
                parseAll(param.apply("category"), Category::fromWire, Category.class),
                parseAll(param.apply("kind"), Kind::fromWire, Kind.class),
                param.apply("q"),
                sort,
                dir != null && dir.equalsIgnoreCase("desc"),
                number(param.apply("page"), "page", 1, 1, Integer.MAX_VALUE),
                number(param.apply("size"), "size", DEFAULT_SIZE, 1, MAX_SIZE));
    }

    private static <E extends Enum<E>> Set<E> parseAll(@Nullable String list, Function<String, E> parse, Class<E> type) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        Set<E> out = EnumSet.noneOf(type);
        for (String part : list.split(",")) {
            if (!part.isBlank()) {
                out.add(parse.apply(part.strip())); // IllegalArgumentException lists the allowed names: a 400
            }
        }
        return out;
    }

    private static int number(@Nullable String v, String name, int defaultValue, int min, int max) {
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw HttpError.badRequest(name + " must be between " + min + " and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw HttpError.badRequest(name + " must be a whole number, got '" + v + "'");
        }
    }

    /**
     * Whether the query lists by number, ascending, filtered by status at most: then a page of it is a page of
     * {@code Features.page}, and the engine need not read the plan to show it.
     */
    public boolean byNumberOnly() {
        return sort.equals("number") && !descending && categories.isEmpty() && kinds.isEmpty()
                && (text == null || text.isBlank());
    }

    /** The features that match, sorted (all of them, unpaged). */
    public List<Feature> apply(List<Feature> all, java.util.Map<String, String> agents) {
        String[] words = text == null ? new String[0] : text.toLowerCase(Locale.ROOT).split("\\s+");
        Integer number = text != null && text.strip().matches("#?\\d{1,9}") ? Integer.valueOf(text.strip().replace("#", "")) : null;
        Comparator<Feature> order = comparator(sort, agents);
        if (descending) {
            order = order.reversed();
        }
        return all.stream()
                .filter(f -> statuses.isEmpty() || statuses.contains(f.status()))
                .filter(f -> categories.isEmpty() || categories.contains(f.category()))
                .filter(f -> kinds.isEmpty() || kinds.contains(f.kind()))
                .filter(f -> number != null ? f.number() == number : matches(f, words))
                .sorted(order.thenComparingInt(Feature::number))
                .toList();
    }

    private static boolean matches(Feature f, String[] words) {
        String d = f.description().toLowerCase(Locale.ROOT);
        return Arrays.stream(words).allMatch(d::contains);
    }

    private static Comparator<Feature> comparator(String sort, java.util.Map<String, String> agents) {
        return switch (sort) {
            case "description" -> Comparator.comparing(f -> f.description().toLowerCase(Locale.ROOT));
            case "category" -> Comparator.comparing(f -> f.category().wireName());
            case "kind" -> Comparator.comparing(f -> f.kind().wireName());
            case "status" -> Comparator.comparing(Feature::status); // workflow order: pending, in progress, blocked, complete
            case "priority" -> Comparator.comparingInt(Feature::priority).reversed(); // highest first when ascending
            case "steps" -> Comparator.comparingDouble(f -> f.steps().isEmpty() ? -1 : (double) f.stepsDone() / f.steps().size());
            case "claim" -> Comparator.comparing(f -> f.claim() == null ? "" : agents.getOrDefault(f.claim().session().value(), ""));
            case "created" -> Comparator.comparing(Feature::createdAt);
            case "updated" -> Comparator.comparing(Feature::updatedAt);
            default -> Comparator.comparingInt(Feature::number);
        };
    }

    /** One page of the sorted matches. */
    public static <T> List<T> page(List<T> sorted, int page, int size) {
        long from = (long) (page - 1) * size;
        if (from >= sorted.size()) {
            return List.of();
        }
        return sorted.subList((int) from, (int) Math.min(sorted.size(), from + size));
    }
}
