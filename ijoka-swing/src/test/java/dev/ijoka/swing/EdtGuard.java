package dev.ijoka.swing;

import dev.ijoka.Ijoka;
import dev.ijoka.store.sqlite.SqliteStoreProvider;
import dev.ijoka.api.StoreHealth;
import dev.ijoka.spi.ChangeFeed;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreReader;
import dev.ijoka.spi.StoreTransaction;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.swing.SwingUtilities;

/**
 * The rule "never touch the store on the event-dispatch thread", enforced at run time: a {@link Store} that
 * refuses every read and write made on the event-dispatch thread, and remembers it (a throw on the EDT can be
 * swallowed by Swing's exception handler; the record cannot). Every desktop test opens its engine through
 * {@link #open(Path)} and fails if {@link #violations()} is not empty at the end. This runtime guard, not an
 * ArchUnit rule on method names, is what holds the rule: it sees every path to the store, however indirect.
 */
public final class EdtGuard implements Store {

    private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();

    private final Store store;

    private EdtGuard(Store store) {
        this.store = store;
    }

    /** An engine on the SQLite file whose store refuses the event-dispatch thread. */
    public static Ijoka open(Path sqliteFile) {
        String url = "jdbc:sqlite:" + sqliteFile;
        return Ijoka.builder().store(new EdtGuard(new SqliteStoreProvider().open(url))).build();
    }

    /** Every store call made on the event-dispatch thread since the last {@link #reset()}, with where it came from. */
    public static List<String> violations() {
        return List.copyOf(VIOLATIONS);
    }

    public static void reset() {
        VIOLATIONS.clear();
    }

    private void check(String what) {
        if (SwingUtilities.isEventDispatchThread()) {
            IllegalStateException e = new IllegalStateException("the store was called on the event-dispatch thread (" + what + ")");
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            VIOLATIONS.add(trace.toString());
            throw e;
        }
    }

    @Override
    public <T> T write(Function<StoreTransaction, T> work) {
        check("write");
        return store.write(work);
    }

    @Override
    public <T> T read(Function<StoreReader, T> work) {
        check("read");
        return store.read(work);
    }

    @Override
    public ChangeFeed changeFeed() {
        return store.changeFeed();
    }

    @Override
    public String describe() {
        return store.describe();
    }

    @Override
    public StoreHealth health() {
        check("health");
        return store.health();
    }

    @Override
    public void close() {
        store.close();
    }
}
