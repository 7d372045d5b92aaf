package dev.ijoka.web.internal.pages;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Status;
import dev.ijoka.graph.DependencyGraph;
import dev.ijoka.web.internal.api.Api;
import dev.ijoka.web.internal.api.FeatureQuery;
import dev.ijoka.web.internal.api.Lookup;
import dev.ijoka.web.internal.http.Exchanges;
import dev.ijoka.web.internal.http.HttpError;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The pages: {@code /} (to the working directory's project), {@code /p/{project}/kanban|graph|
 * timeline|table|rules}, and the fragments the pages fetch (more cards, one card, the detail panel).
 * Each page is whole on the server; the scripts add dragging and live updates on top.
 */
public final class Pages {

    private final Ijoka ijoka;
    private final Api api;
    private final Lookup lookup;
    private final Templates templates;
    private final Header header;
    private final KanbanBoard board;
    private final Timeline timeline;
    private final @Nullable Path defaultProject;
    private final Executor executor;

    public Pages(Ijoka ijoka, Api api, Templates templates, Assets assets, String token, String version,
            @Nullable Path defaultProject, Executor executor) {
        this.ijoka = ijoka;
        this.api = api;
        this.lookup = api.lookup();
        this.templates = templates;
        this.header = new Header(ijoka, token, version, assets);
        this.board = new KanbanBoard(ijoka);
        this.timeline = new Timeline(ijoka, lookup);
        this.defaultProject = defaultProject;
        this.executor = executor;
    }

    public HttpHandler handler(HttpHandler fallback) {
        RoutingHandler r = Handlers.routing();
        r.get("/", page(this::home));
        r.get("/p/{project}", page(ex -> {
            Html.redirect(ex, "/p/" + project(ex).id().value() + "/kanban");
            return "";
        }));
        r.get("/p/{project}/kanban", page(this::kanban));
        r.get("/p/{project}/kanban/{status}", page(this::moreCards));
        r.get("/p/{project}/cards/{feature}", page(this::card));
        r.get("/p/{project}/features/{feature}/panel", page(this::panel));
        r.get("/p/{project}/graph", page(this::graph));
        r.get("/p/{project}/timeline", page(this::timeline));
        r.get("/p/{project}/timeline/events", page(this::timelineEvents));
        r.get("/p/{project}/table", page(this::table));
        r.get("/p/{project}/table/results", page(this::tableResults));
        r.get("/p/{project}/rules", page(this::rules));
        r.get("/p/{project}/rules/list", page(this::rulesList));
        r.setFallbackHandler(fallback);
        r.setInvalidMethodHandler(fallback);
        return r;
    }

    private HttpHandler page(Html.Page page) {
        return new Html(executor, templates, page);
    }

    private Project project(HttpServerExchange ex) {
        return lookup.project(Exchanges.pathParam(ex, "project"));
    }

    /** The project of the directory the server was started in, else the first one; else the empty state. */
    private String home(HttpServerExchange ex) {
        Optional<Project> chosen = defaultProject == null ? Optional.empty() : ijoka.projects().find(defaultProject);
        if (chosen.isEmpty()) {
            chosen = ijoka.projects().list().stream().findFirst();
        }
        if (chosen.isPresent()) {
            Html.redirect(ex, "/p/" + chosen.get().id().value() + "/kanban");
            return "";
        }
        Map<String, Object> m = header.common();
        m.put("directory", defaultProject == null ? null : defaultProject.toString());
        return templates.page("empty", m);
    }

    private String kanban(HttpServerExchange ex) {
        Project p = project(ex);
        Map<String, Object> m = header.model(p, "kanban");
        m.put("columns", board.columns(p, lookup.agents(p)));
        return templates.page("kanban", m);
    }

    /** The next cards of a column, with the next "show more" button, for htmx to put in place of the last one. */
    private String moreCards(HttpServerExchange ex) {
        Project p = project(ex);
        Status status = Status.fromWire(Exchanges.pathParam(ex, "status"));
        int offset = intParam(ex, "offset", KanbanBoard.FIRST_PAGE);
        Map<String, Object> m = header.model(p, "kanban");
        m.put("column", board.column(p, status, offset, KanbanBoard.MORE_PAGE, lookup.agents(p)));
        return templates.fragment("kanban", "more", m);
    }

    private String card(HttpServerExchange ex) {
        Project p = project(ex);
        Feature f = lookup.feature(p, Exchanges.pathParam(ex, "feature"));
        Map<String, Object> m = header.model(p, "kanban");
        m.put("c", new Card(f, lookup.agents(p), ijoka.sessions().featureTodos(f.id()).orElse(null)));
        return templates.fragment("kanban", "card", m);
    }

    private String panel(HttpServerExchange ex) {
        Project p = project(ex);
        Feature f = lookup.feature(p, Exchanges.pathParam(ex, "feature"));
        Map<String, Object> m = header.model(p, "kanban");
        m.put("f", api.detail(p, f));
        m.put("actions", PanelActions.of(f.status()));
        m.put("stepsDone", f.stepsDone());
        return templates.fragment("panel", "panel", m);
    }

    /** The critical path's first steps the Graph page lists, as its default drawing shows them (GraphApi.PATH_SHOWN). */
    private static final int PATH_LISTED = 200;

    private String graph(HttpServerExchange ex) {
        Project p = project(ex);
        Map<String, Object> m = header.model(p, "graph");
        // Counts from the engine's snapshot: reading the 200,000 dependencies of a 100,000-feature plan from the store
        // to count them, and rendering a critical path of thousands of steps, took most of the page's 4 s there.
        DependencyGraph graph = ijoka.plan().graph(p.id());
        List<Feature> path = ijoka.plan().criticalPath(p.id());
        m.put("criticalPath", path.stream().limit(PATH_LISTED).map(f -> new Card(f, Map.of())).toList());
        m.put("criticalPathLength", path.size());
        List<Feature> ready = ijoka.plan().ready(p.id());
        m.put("ready", ready.stream().limit(20).map(f -> new Card(f, Map.of())).toList());
        m.put("readyCount", ready.size());
        m.put("statuses", Arrays.stream(Status.values()).map(Status::wireName).toList());
        m.put("waves", graph.waves().size());
        m.put("edges", graph.edgeCount());
        return templates.page("graph", m);
    }

    private String timeline(HttpServerExchange ex) {
        Project p = project(ex);
        Map<String, Object> m = header.model(p, "timeline");
        m.putAll(timelineModel(ex, p));
        return templates.page("timeline", m);
    }

    /** A page of timeline groups alone, for "load older" and live updates: {@code /p/{p}/timeline/events?before=N&...}. */
    private String timelineEvents(HttpServerExchange ex) {
        Project p = project(ex);
        Map<String, Object> m = header.model(p, "timeline");
        m.putAll(timelineModel(ex, p));
        return templates.fragment("timeline", "groups", m);
    }

    private Map<String, Object> timelineModel(HttpServerExchange ex, Project p) {
        Timeline.Filter filter = timeline.filter(p, name -> Exchanges.query(ex, name));
        Map<String, Object> m = timeline.page(p, filter);
        m.put("filterSession", filter.session() == null ? "" : filter.session());
        m.put("filterFeature", filter.feature() == null ? "" : filter.feature());
        m.put("filterFeatureId", filter.featureId() == null ? "" : filter.featureId().value());
        m.put("latest", filter.latest());
        m.put("filtered", !filter.types().isEmpty() || filter.session() != null || filter.feature() != null);
        return m;
    }

    private String table(HttpServerExchange ex) {
        Project p = project(ex);
        Map<String, Object> m = header.model(p, "table");
        m.put("table", tableView(ex, p));
        return templates.page("table", m);
    }

    /** Only the Table's results (count, rows, pager, CSV link): what table.js swaps in as filters change or events arrive. */
    private String tableResults(HttpServerExchange ex) {
        Project p = project(ex);
        Map<String, Object> m = header.model(p, "table");
        m.put("table", tableView(ex, p));
        return templates.fragment("table", "results", m);
    }

    private TableView tableView(HttpServerExchange ex, Project p) {
        FeatureQuery q = FeatureQuery.parse(name -> Exchanges.query(ex, name));
        Map<String, String> agents = lookup.agents(p);
        String base = "/p/" + p.id().value();
        String table = base + "/table";
        String csv = "/api/projects/" + p.id().value() + "/features.csv";
        long from = (long) (q.page() - 1) * q.size();
        if (q.byNumberOnly() && from <= Integer.MAX_VALUE) {
            // The default listing: the engine reads the page alone, not the plan (100,000 features cost as 100).
            var page = ijoka.features().page(p.id(), q.statuses(), (int) from, q.size());
            if (!page.features().isEmpty() || page.total() == 0) {
                return new TableView(table, csv, q, page, agents);
            }
            // a page past the end: the whole list decides which page is the last
        }
        List<Feature> matches = q.apply(ijoka.features().list(p.id()), agents);
        return new TableView(table, csv, q, matches, agents);
    }

    private String rules(HttpServerExchange ex) {
        Project p = project(ex);
        Map<String, Object> m = header.model(p, "rules");
        RulesView.fill(ijoka, p, m);
        return templates.page("rules", m);
    }

    /** Only the rules and their recent decisions: what rules.js swaps in when rules change or fire. */
    private String rulesList(HttpServerExchange ex) {
        Project p = project(ex);
        Map<String, Object> m = header.model(p, "rules");
        RulesView.fill(ijoka, p, m);
        return templates.fragment("rules", "list", m);
    }

    private static int intParam(HttpServerExchange ex, String name, int defaultValue) {
        String v = Exchanges.query(ex, name);
        if (v == null) {
            return defaultValue;
        }
        long n = longParam(v, name);
        if (n > Integer.MAX_VALUE) {
            throw HttpError.badRequest(name + " is too large: " + v);
        }
        return (int) n;
    }

    private static long longParam(String v, String name) {
        try {
            long n = Long.parseLong(v.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw HttpError.badRequest(name + " must be a whole number from 0, got '" + v + "'");
        }
    }
}
