package dev.ijoka.internal.engine;

import dev.ijoka.api.Events;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.spi.Notifier;

/**
 * Turns events into desktop notifications. It listens on the bus, so it hears of features completed
 * or blocked by any process on the store, not only this one.
 */
final class Notifications {

    private Notifications() {}

    static Events.Subscription bridge(Engine engine, Notifier notifier) {
        return engine.bus.subscribe(e -> e.feature() != null, e -> notification(engine, e)
                .ifPresent(notifier::notify));
    }

    private static java.util.Optional<Notifier.Notification> notification(Engine engine, Event e) {
        String title = switch (e.payload()) {
            case EventPayload.FeatureCompleted c -> "Feature complete";
            case EventPayload.FeatureBlocked b -> "Feature blocked";
            default -> null;
        };
        if (title == null || e.feature() == null) {
            return java.util.Optional.empty();
        }
        String link = "ijoka://feature/" + e.feature().value();
        return engine.read(r -> r.feature(e.feature())).map(f -> new Notifier.Notification(title,
                f.ref() + " " + f.description() + (e.payload() instanceof EventPayload.FeatureBlocked b ? ": " + b.reason() : ""),
                link));
    }
}
