package dev.ijoka.web.internal.pages;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Progress;
import dev.ijoka.domain.Project;
import dev.ijoka.event.EventType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What every page's layout needs: the project and its switcher, progress, the tab, the token, the assets. */
final class Header {

    /** Every event type's wire name, so live.js can listen to each (an EventSource hears named events only by name). */
    static final String EVENT_TYPES = Arrays.stream(EventType.values()).map(EventType::wireName)
            .collect(Collectors.joining(","));

    private final Ijoka ijoka;
    private final String token;
    private final String version;
    private final Assets assets;
    private final Texts texts;

    Header(Ijoka ijoka, String token, String version, Assets assets) {
        this.ijoka = ijoka;
        this.token = token;
        this.version = version;
        this.assets = assets;
        this.texts = new Texts(ijoka.clock());
    }

    /** The layout's model for a page of {@code project} on {@code tab}; pages add their own entries. */
    Map<String, Object> model(Project project, String tab) {
        Progress progress = ijoka.plan().progress(project.id());
        Map<String, Object> m = common();
        m.put("project", project);
        m.put("projects", ijoka.projects().list());
        m.put("progress", progress);
        m.put("tab", tab);
        m.put("tabs", List.of("kanban", "graph", "timeline", "table", "rules"));
        m.put("base", "/p/" + project.id().value());
        return m;
    }

    /** What pages without a project (the empty state, errors) need. */
    Map<String, Object> common() {
        Map<String, Object> m = new HashMap<>();
        m.put("token", token);
        m.put("version", version);
        m.put("assets", assets);
        m.put("eventTypes", EVENT_TYPES);
        m.put("texts", texts);
        return m;
    }
}
