package dev.ijoka.mcp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What this JVM's PostgreSQL driver sends to the server, read from the driver's own trace of its
 * protocol messages ({@code java.util.logging} at FINEST, the messages {@code FE=> Parse}, {@code Bind},
 * {@code Execute}, {@code Sync}): each {@code Sync} is one round trip (the driver then waits for the
 * server's answer), each {@code Execute} one statement. The change feed's listening thread is left out:
 * what it does runs beside the calls, not in them.
 */
final class PgWire implements AutoCloseable {

    private static final Pattern PARSE = Pattern.compile(" FE=> Parse\\(stmt=([^,]*),query=\"(.*)\",oids=.*", Pattern.DOTALL);
    private static final Pattern BIND = Pattern.compile(" FE=> Bind\\(stmt=([^,]*),.*", Pattern.DOTALL);

    /**
     * One round trip: the statements sent before its {@code Sync}, and the time from the {@code Sync} to the
     * server's {@code ReadyForQuery} as this JVM saw it (the server's work and the hand-overs; -1 until it came).
     */
    record RoundTrip(String thread, List<String> statements, long nanos) {}

    private final Logger logger = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
    private final Level levelBefore = logger.getLevel();
    private final Map<String, String> named = new HashMap<>();
    private final List<RoundTrip> trips = new ArrayList<>();
    private final Map<String, List<String>> pending = new HashMap<>();
    private final Map<String, String> bound = new HashMap<>();
    private final Map<String, String> unnamed = new HashMap<>();
    /** Per thread, the index in {@link #trips} of the round trip waiting for its answer, and when it was sent. */
    private final Map<String, long[]> waiting = new HashMap<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String thread = Thread.currentThread().getName();
            if (thread.equals("ijoka-change-feed") || record.getMessage() == null) {
                return;
            }
            seen(thread, record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    PgWire() {
        handler.setLevel(Level.ALL);
        logger.setLevel(Level.FINEST);
        logger.addHandler(handler);
    }

    private synchronized void seen(String thread, String message) {
        Matcher parse = PARSE.matcher(message);
        if (parse.matches()) {
            String sql = parse.group(2).replaceAll("\\s+", " ").trim();
            if (parse.group(1).equals("null")) {
                unnamed.put(thread, sql);
            } else {
                named.put(parse.group(1), sql);
            }
            return;
        }
        Matcher bind = BIND.matcher(message);
        if (bind.matches()) {
            String name = bind.group(1);
            bound.put(thread, name.equals("null") ? unnamed.getOrDefault(thread, "?") : named.getOrDefault(name, "?"));
            return;
        }
        if (message.startsWith(" FE=> Execute")) {
            pending.computeIfAbsent(thread, t -> new ArrayList<>()).add(bound.getOrDefault(thread, "?"));
        } else if (message.startsWith(" FE=> Sync")) {
            waiting.put(thread, new long[] {trips.size(), System.nanoTime()});
            trips.add(new RoundTrip(thread, List.copyOf(pending.getOrDefault(thread, List.of())), -1));
            pending.remove(thread);
        } else if (message.startsWith(" <=BE ReadyForQuery")) {
            long[] sent = waiting.remove(thread);
            if (sent != null && sent[0] < trips.size()) {
                RoundTrip t = trips.get((int) sent[0]);
                trips.set((int) sent[0], new RoundTrip(t.thread(), t.statements(), System.nanoTime() - sent[1]));
            }
        }
    }

    /** Forgets what was sent so far. */
    synchronized void reset() {
        trips.clear();
        pending.clear();
        waiting.clear();
    }

    /** The round trips since the last {@link #reset}. */
    synchronized List<RoundTrip> trips() {
        return List.copyOf(trips);
    }

    synchronized int statements() {
        return trips.stream().mapToInt(t -> t.statements().size()).sum();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(levelBefore);
    }
}
