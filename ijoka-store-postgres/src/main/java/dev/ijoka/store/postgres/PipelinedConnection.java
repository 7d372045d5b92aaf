package dev.ijoka.store.postgres;

import dev.ijoka.store.jooq.DeferredStatements;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A write transaction's connection that sends the statements whose answers nobody reads ahead of the next
 * statement whose answer is read, in its round trip: first the write lock ({@code SELECT
 * pg_advisory_xact_lock}) and the log's last sequence read under it, then the writes held back by
 * {@link DeferredStatements} (a feature inserted, a session upserted, the events appended). What still waits
 * when the work returns goes with the {@code COMMIT}, in its round trip ({@link #commit}). Each round trip to
 * a server backend costs a hand-over and back, and most of a warm write's time was spent in them
 * (docs/benchmarks.md, "MCP on the real stores").
 *
 * <p>Why this keeps docs/postgres.md's guarantees: the driver sends the statements of one string as
 * separate statements, in order, in one transaction, so the lock is held before the next statement runs,
 * and at READ COMMITTED that statement's snapshot is taken when it starts, after the lock was granted: it
 * sees every commit of the writer before, as when the lock took a round trip of its own. (Folding the lock
 * into the statement itself would not: its snapshot would predate the wait.) A held-back write runs before
 * anything the transaction sends after it, so every later read sees it; what is still held back when the
 * work returns is sent with the commit: the statements of one string run in order, and when one fails the
 * server skips the rest up to the end of the string, the {@code COMMIT} with them, so the transaction commits
 * all of them or none.
 *
 * <p>The statements the work prepares are the driver's; only their execution is redirected, when something
 * waits to go first: the statement is prepared again with the waiting ones in front of it, its parameters set
 * again (they are recorded as they are set), executed, and the waiting statements' results skipped, so that
 * the caller (jOOQ) reads its own. A batch, a plain {@link Statement} and the commit send what waits on its
 * own first. Not thread-safe: one transaction's connection, used by its thread.
 */
final class PipelinedConnection implements InvocationHandler {

    private final Connection delegate;
    private final Connection proxy;
    private final List<String> waiting = new ArrayList<>();
    private boolean sent;
    private boolean lostAtFirst;
    /** Where the last sequence's query stands among the waiting statements until it is sent; then -1. */
    private int lastSequenceAt;
    private long lastSequenceAtLock = -1;

    /**
     * @param first the statement the transaction must begin with (the write lock)
     * @param lastSequence the query of the log's last sequence, one row of one number, sent right after it
     */
    PipelinedConnection(Connection delegate, String first, String lastSequence) {
        this.delegate = delegate;
        this.waiting.add(first);
        this.waiting.add(lastSequence);
        this.lastSequenceAt = 1;
        this.proxy = (Connection) Proxy.newProxyInstance(PipelinedConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class, DeferredStatements.class}, this);
    }

    /** The connection to hand the work. */
    Connection connection() {
        return proxy;
    }

    /**
     * Whether the transaction's first round trip failed because the connection was gone (the server closed it
     * since it was last used): nothing was done on it, so the work may run again on another.
     */
    boolean lostAtFirst() {
        return lostAtFirst;
    }

    /** Sends what waits, in one round trip. */
    void flush() throws SQLException {
        if (waiting.isEmpty()) {
            return;
        }
        sendWaiting(null);
    }

    /**
     * Commits: what waits (the writes held back after the work's last statement: the events, a session) goes
     * in the {@code COMMIT}'s round trip, ahead of it; the driver's own commit after it then has nothing to
     * do (it sends one only while the server says a transaction is open). With nothing waiting, the driver's.
     */
    void commit() throws SQLException {
        if (!waiting.isEmpty()) {
            sendWaiting("COMMIT");
        }
        delegate.commit();
    }

    private void sendWaiting(String last) throws SQLException {
        int results = waiting.size();
        String sql = String.join(";\n", waiting) + (last == null ? "" : ";\n" + last);
        waiting.clear();
        try (Statement s = delegate.createStatement()) {
            sending(() -> s.execute(sql));
            skipWaitingResults(s, results);
        }
    }

    /**
     * Steps over the results of the {@code count} statements that waited, the first of those the statement
     * holds, noting the last sequence's answer when it was among them.
     */
    private void skipWaitingResults(Statement s, int count) throws SQLException {
        for (int i = 0; i < count; i++) {
            if (i == lastSequenceAt) {
                try (ResultSet rs = s.getResultSet()) {
                    if (rs == null || !rs.next()) {
                        throw new SQLException("the log's last sequence was not answered");
                    }
                    lastSequenceAtLock = rs.getLong(1);
                }
                lastSequenceAt = -1;
            }
            s.getMoreResults();
        }
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "defer" -> {
                waiting.add((String) args[0]);
                return null;
            }
            case "lastSequenceAtLock" -> {
                if (lastSequenceAt >= 0) {
                    flush();
                }
                return lastSequenceAtLock;
            }
            case "prepareStatement" -> {
                PreparedStatement plain = (PreparedStatement) call(delegate, method, args);
                return Proxy.newProxyInstance(PipelinedConnection.class.getClassLoader(),
                        new Class<?>[] {PreparedStatement.class}, new Pipelined(plain, method, args));
            }
            case "createStatement", "prepareCall", "commit" -> flush();
            case "rollback" -> {
                if (args == null) {
                    waiting.clear();
                }
            }
            default -> { }
        }
        return call(delegate, method, args);
    }

    private interface Sending<T> {
        T send() throws SQLException;
    }

    /** A round trip; a connection found gone on the transaction's first is noted ({@link #lostAtFirst}). */
    private <T> T sending(Sending<T> send) throws SQLException {
        boolean first = !sent;
        sent = true;
        try {
            return send.send();
        } catch (SQLException e) {
            if (first && PostgresConnections.connectionLost(e)) {
                lostAtFirst = true;
            }
            throw e;
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A statement the work prepared: executed as it is, or prepared again behind what waits to go first. */
    private final class Pipelined implements InvocationHandler {
        private final PreparedStatement plain;
        private final Method prepare;
        private final Object[] prepareArgs;
        private final List<Object[]> settings = new ArrayList<>();
        private final List<Method> setters = new ArrayList<>();
        private Statement current;
        private PreparedStatement combined;
        private boolean batching;

        Pipelined(PreparedStatement plain, Method prepare, Object[] prepareArgs) {
            this.plain = plain;
            this.current = plain;
            this.prepare = prepare;
            this.prepareArgs = prepareArgs;
        }

        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (!batching && (name.startsWith("set") || name.equals("clearParameters"))) {
                // Recorded to be set again on a statement prepared behind what waits; a batch never is.
                setters.add(method);
                settings.add(args);
                return call(plain, method, args);
            }
            boolean noArgs = args == null || args.length == 0;
            switch (name) {
                case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate" -> {
                    if (!noArgs) {
                        flush();
                        return call(plain, method, args);
                    }
                    if (waiting.isEmpty()) {
                        current = plain;
                        sent = true;
                        return call(plain, method, args);
                    }
                    return behindWaiting(name);
                }
                case "executeBatch", "executeLargeBatch", "addBatch" -> {
                    batching = true;
                    setters.clear();
                    settings.clear();
                    flush();
                    return call(plain, method, args);
                }
                case "getConnection" -> {
                    return proxy;
                }
                case "getResultSet", "getUpdateCount", "getLargeUpdateCount", "getMoreResults", "getGeneratedKeys",
                        "getWarnings", "clearWarnings" -> {
                    return call(current, method, args);
                }
                case "close" -> {
                    if (combined != null) {
                        combined.close();
                    }
                    return call(plain, method, args);
                }
                default -> {
                    return call(plain, method, args);
                }
            }
        }

        /** Prepared again with what waits in front, its parameters set again, executed; the waiting ones' results skipped. */
        private Object behindWaiting(String execute) throws Throwable {
            int skip = waiting.size();
            Object[] again = prepareArgs.clone();
            again[0] = String.join(";\n", waiting) + ";\n" + prepareArgs[0];
            waiting.clear();
            if (combined != null) {
                combined.close();
            }
            combined = (PreparedStatement) call(delegate, prepare, again);
            for (int i = 0; i < setters.size(); i++) {
                call(combined, setters.get(i), settings.get(i));
            }
            current = combined;
            PreparedStatement s = combined;
            sending(s::execute);
            skipWaitingResults(s, skip);
            return switch (execute) {
                case "execute" -> s.getResultSet() != null;
                case "executeQuery" -> {
                    if (s.getResultSet() == null) {
                        throw new SQLException("no rows were returned by " + prepareArgs[0]);
                    }
                    yield s.getResultSet();
                }
                case "executeUpdate" -> s.getUpdateCount();
                default -> s.getLargeUpdateCount();
            };
        }
    }
}
