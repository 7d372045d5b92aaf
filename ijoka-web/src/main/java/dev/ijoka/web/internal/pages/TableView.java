package dev.ijoka.web.internal.pages;

import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.Status;
import dev.ijoka.web.internal.api.FeatureQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The Table page's model: one page of the matching features, and the links that sort, page and
 * export, each carrying the whole state of the table in its query string. Building the links here
 * (rather than concatenating in the template) is what keeps a {@code q} with spaces, {@code &} or
 * {@code #} intact, and lets the page work without any script.
 */
public final class TableView {

    /** The sortable columns in display order, with their headings. */
    static final Map<String, String> COLUMNS = columns();

    private final String base;
    private final String csvBase;
    private final FeatureQuery query;
    private final List<Card> rows;
    private final int total;
    private final int pages;

    TableView(String base, String csvBase, FeatureQuery requested, List<Feature> matches, Map<String, String> agents) {
        this.base = base;
        this.csvBase = csvBase;
        this.total = matches.size();
        this.pages = Math.max(1, (total + requested.size() - 1) / requested.size());
        // A page past the end (the matches shrank while the page was open, or a hand-written URL) shows the last page.
        this.query = requested.page() <= pages ? requested
                : new FeatureQuery(requested.statuses(), requested.categories(), requested.kinds(), requested.text(),
                        requested.sort(), requested.descending(), pages, requested.size());
        this.rows = FeatureQuery.page(matches, query.page(), query.size()).stream().map(f -> new Card(f, agents)).toList();
    }

    /** The Table for a query {@link FeatureQuery#byNumberOnly by number only}: the page the engine read, and its count. */
    TableView(String base, String csvBase, FeatureQuery query, dev.ijoka.api.FeaturePage page, Map<String, String> agents) {
        this.base = base;
        this.csvBase = csvBase;
        this.total = page.total();
        this.pages = Math.max(1, (total + query.size() - 1) / query.size());
        this.query = query;
        this.rows = page.features().stream().map(f -> new Card(f, agents)).toList();
    }

    private static Map<String, String> columns() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("number", "#");
        m.put("description", "Description");
        m.put("category", "Category");
        m.put("kind", "Kind");
        m.put("status", "Status");
        m.put("priority", "Priority");
        m.put("steps", "Steps");
        m.put("claim", "Claimed by");
        m.put("updated", "Updated");
        return m;
    }

    public List<Card> getRows() {
        return rows;
    }

    public int getTotal() {
        return total;
    }

    public int getPage() {
        return query.page();
    }

    public int getPages() {
        return pages;
    }

    public int getSize() {
        return query.size();
    }

    public int getFirstRow() {
        return total == 0 ? 0 : (query.page() - 1) * query.size() + 1;
    }

    public int getLastRow() {
        return Math.min(total, query.page() * query.size());
    }

    public String getSort() {
        return query.sort();
    }

    public String getDir() {
        return query.descending() ? "desc" : "asc";
    }

    public String getText() {
        return query.text() == null ? "" : query.text();
    }

    public Map<String, String> getColumns() {
        return COLUMNS;
    }

    public List<Option> getStatusOptions() {
        return options(Arrays.stream(Status.values()).map(Status::wireName).toList(), wire(query.statuses(), Status::wireName));
    }

    public List<Option> getCategoryOptions() {
        return options(Arrays.stream(Category.values()).map(Category::wireName).toList(), wire(query.categories(), Category::wireName));
    }

    public List<Option> getKindOptions() {
        return options(Arrays.stream(Kind.values()).map(Kind::wireName).toList(), wire(query.kinds(), Kind::wireName));
    }

    public List<Integer> getSizes() {
        return List.of(25, 50, 100, 200, 500);
    }

    /** The header link: ascending first, descending when the column is already sorted ascending. */
    public String sortLink(String column) {
        boolean flip = query.sort().equals(column) && !query.descending();
        return base + "?" + queryString(column, flip, 1, query.size());
    }

    /** {@code ascending}, {@code descending} or {@code none}, for the column header's aria-sort. */
    public String ariaSort(String column) {
        return !query.sort().equals(column) ? "none" : query.descending() ? "descending" : "ascending";
    }

    public String pageLink(int page) {
        return base + "?" + queryString(query.sort(), query.descending(), page, query.size());
    }

    /** The CSV of every match of the current filters and sort (no paging). */
    public String getCsvLink() {
        String q = queryString(query.sort(), query.descending(), 1, FeatureQuery.DEFAULT_SIZE);
        return csvBase + (q.isEmpty() ? "" : "?" + q);
    }

    /** The filters, sort and page as a query string; defaults are left out so that URLs stay short. */
    String queryString(String sort, boolean descending, int page, int size) {
        List<String> parts = new ArrayList<>();
        add(parts, "status", wire(query.statuses(), Status::wireName));
        add(parts, "category", wire(query.categories(), Category::wireName));
        add(parts, "kind", wire(query.kinds(), Kind::wireName));
        add(parts, "q", query.text() == null ? "" : query.text().strip());
        if (!sort.equals("number")) {
            add(parts, "sort", sort);
        }
        if (descending) {
            add(parts, "dir", "desc");
        }
        if (page != 1) {
            add(parts, "page", Integer.toString(page));
        }
        if (size != FeatureQuery.DEFAULT_SIZE) {
            add(parts, "size", Integer.toString(size));
        }
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (!value.isEmpty()) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    /** Wire names in the enum's order, comma-separated (the API's filter syntax). */
    private static <E extends Enum<E>> String wire(Collection<E> values, Function<E, String> name) {
        return values.stream().sorted().map(name).collect(Collectors.joining(","));
    }

    /**
     * "Any", each value, and, when the URL asked for several values at once ({@code status=pending,blocked},
     * which the API allows), that combination as one more option so that the select shows the truth.
     */
    private static List<Option> options(List<String> values, String selected) {
        List<Option> out = new ArrayList<>();
        out.add(new Option("", "any", selected.isEmpty()));
        for (String v : values) {
            out.add(new Option(v, v.replace('_', ' '), v.equals(selected)));
        }
        if (selected.contains(",")) {
            out.add(new Option(selected, selected.replace('_', ' ').replace(",", ", "), true));
        }
        return out;
    }

    /** One option of a filter's select. */
    public record Option(String value, String label, boolean selected) {
        public String getValue() {
            return value;
        }

        public String getLabel() {
            return label;
        }

        public boolean isSelected() {
            return selected;
        }
    }
}
