package dev.ijoka.swing.internal;

import dev.ijoka.Ijoka;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreProvider;
import java.util.ServiceLoader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.SwingUtilities;

/**
 * An engine whose store refuses to be read or written on the event-dispatch thread: every such call fails, and is
 * kept in {@link #violations()} so that a test can fail on it even where the caller swallowed the error.
 */
public final class OffEdtEngine {

    private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();

    private OffEdtEngine() {}

    /** An engine on the store at {@code url} (e.g. {@code jdbc:sqlite:/tmp/x/ijoka.db}), guarded. */
    public static Ijoka open(String url) {
        Store store = ServiceLoader.load(StoreProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.supports(url)).findFirst().orElseThrow(() -> new IllegalArgumentException("no store for " + url))
                .open(url);
        Store guarded = (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
                (proxy, method, args) -> {
                    if (SwingUtilities.isEventDispatchThread() && (method.getName().equals("read") || method.getName().equals("write"))) {
                        IllegalStateException e = new IllegalStateException("store " + method.getName() + " on the event-dispatch thread");
                        VIOLATIONS.add(e.getMessage() + " at " + List.of(e.getStackTrace()).subList(0, 12));
                        throw e;
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return Ijoka.builder().store(guarded).build();
    }

    /** Every store call made on the event-dispatch thread so far, in this JVM. */
    public static List<String> violations() {
        return List.copyOf(VIOLATIONS);
    }
}
