package dev.ijoka.web.internal.api;

import dev.ijoka.Ijoka;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/health} and {@code POST /api/shutdown}. */
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
        api.get("/api/health", call -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", "ok");
            m.put("version", version);
            m.put("store", ijoka.storeDescription());
            return m;
        });
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
}
