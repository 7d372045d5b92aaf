package dev.ijoka.web.internal.api;

import dev.ijoka.Ijoka;
import dev.ijoka.api.StoreHealth;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/health} and {@code POST /api/shutdown}. Health asks the store now (open, at this
 * program's schema, writable): 200 when it is usable, else 503 with what is wrong and what to do, so
 * that a probe sees a broken store rather than a live web server.
 */
final class HealthApi {

    private final Ijoka ijoka;
    private final String version;
    private final Runnable shutdown;

    HealthApi(Ijoka ijoka, String version, Runnable shutdown) {
        this.ijoka = ijoka;
        this.version = version;
        this.shutdown = shutdown;
    }

    void register(ApiRouter api) {
        api.get("/api/health", call -> health(ijoka.health()));
        // The guards have checked origin and token before this runs. The stop itself happens on another
        // thread once this answer is on its way, so the caller hears that it worked.
        api.post("/api/shutdown", call -> {
            call.exchange().addExchangeCompleteListener((exchange, next) -> {
                next.proceed();
                Thread.ofPlatform().name("ijoka-web-shutdown").start(shutdown);
            });
            return new Reply(202, Map.of("status", "stopping"));
        });
    }

    private Reply health(StoreHealth h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", h.usable() ? "ok" : "unavailable");
        m.put("version", version);
        m.put("store", h.store());
        m.put("condition", h.condition().name().toLowerCase(Locale.ROOT));
        m.put("schemaVersion", h.schemaVersion());
        m.put("programSchemaVersion", h.programSchemaVersion());
        m.put("writable", h.writable());
        m.put("detail", h.detail());
        m.put("fix", h.fix());
        if (h.usable()) {
            return new Reply(200, m);
        }
        // The error every API client already reads, beside the figures a probe wants.
        m.put("error", Map.of("code", "store_unavailable", "message", h.detail() + ". To fix: " + h.fix()));
        return new Reply(503, m);
    }
}
