package dev.ijoka.swing.internal.live;

import dev.ijoka.Ijoka;
import dev.ijoka.api.Events;
import dev.ijoka.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/**
 * The window's one subscription to {@code ijoka.events()}: events committed by this process or any other are
 * gathered for {@link #BATCH} and handed to the listeners on the event-dispatch thread as one list, in sequence
 * order. One command writes several events (started, claim taken...), and an agent's burst many: batching makes
 * that one repaint instead of dozens, and still well inside the 300 ms a change may take to show.
 */
public final class LiveHub implements AutoCloseable {

    /** How long events gather before they are handed on. */
    public static final Duration BATCH = Duration.ofMillis(60);

    private final ConcurrentLinkedQueue<Event> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final List<Consumer<List<Event>>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ijoka-desktop-live");
        t.setDaemon(true);
        return t;
    });
    private final Events.Subscription subscription;

    public LiveHub(Ijoka ijoka) {
        this.subscription = ijoka.events().subscribe(this::received);
    }

    /** Adds a listener; it is called on the event-dispatch thread with each batch. */
    public void listen(Consumer<List<Event>> listener) {
        listeners.add(listener);
    }

    private void received(Event event) {
        pending.add(event);
        if (flushScheduled.compareAndSet(false, true)) {
            timer.schedule(this::flush, BATCH.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void flush() {
        flushScheduled.set(false);
        List<Event> batch = new ArrayList<>();
        for (Event e; (e = pending.poll()) != null; ) {
            batch.add(e);
        }
        if (batch.isEmpty()) {
            return;
        }
        List<Event> events = List.copyOf(batch);
        SwingUtilities.invokeLater(() -> listeners.forEach(l -> l.accept(events)));
    }

    @Override
    public void close() {
        subscription.close();
        timer.shutdownNow();
    }
}
