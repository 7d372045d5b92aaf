package dev.ijoka.store.sqlite;

import dev.ijoka.api.StoreException;
import dev.ijoka.api.StoreHealth;
import dev.ijoka.spi.ChangeFeed;
import dev.ijoka.store.jooq.StoreConnections;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jooq.SQLDialect;
import org.sqlite.SQLiteConfig;

/**
 * SQLite's connections: one write connection, guarded by an in-process lock, whose transactions
 * begin with {@code BEGIN IMMEDIATE} (the database's write lock up front, so two writers never
 * both read and then collide on the upgrade); a few read connections, which WAL lets run beside
 * the writer without blocking it or being blocked; and one for the change feed.
 *
 * <p>Every connection is in autocommit mode as far as JDBC knows, and transactions are begun and
 * ended with explicit statements: the xerial driver begins the next transaction right after a
 * commit when autocommit is off, which with {@code IMMEDIATE} would hold the write lock between
 * transactions.
 */
final class SqliteConnections implements StoreConnections {

    /**
     * How long SQLite's own busy handler waits inside one statement before answering SQLITE_BUSY.
     * Short on purpose: a longer wait happens in {@link Busy}'s loop around {@code BEGIN IMMEDIATE},
     * which spreads waiting processes with jitter and gives up only after {@link Busy#PATIENCE}.
     */
    static final int BUSY_TIMEOUT_MILLIS = 2_000;

    /** Read connections kept open; more readers at once wait for one to come back. */
    static final int MAX_READERS = 8;

    /**
     * The logger, asked for only when something is logged (failures), not when the class loads: the JDK's first
     * {@code System.getLogger} looks for a logger finder through {@code ServiceLoader}, which opens every jar of the
     * class path, on the way to a store's opening (docs/benchmarks.md, "Cold start: MCP, direct hooks, commands").
     */
    private static System.Logger log() {
        return System.getLogger(SqliteConnections.class.getName());
    }

    private final SqliteFile file;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Writer writer;
    private final LinkedBlockingDeque<Reader> idleReaders = new LinkedBlockingDeque<>();
    private final List<Reader> allReaders = new ArrayList<>();
    private final SqliteChangeFeed feed;
    private final SqliteHealth health;
    private volatile boolean closed;

    /** Takes over {@code writeConnection}, already open and configured by {@link #open}. */
    SqliteConnections(SqliteFile file, Connection writeConnection) throws SQLException {
        this.file = file;
        this.writer = new Writer(writeConnection);
        this.feed = new SqliteChangeFeed(open(file, false));
        this.health = new SqliteHealth(file);
    }

    /**
     * The driver's set-up before a connection (see {@code StoreProvider.prepare}): its native library loaded (the driver
     * first looks its own version up on the class path, which opens every jar before its own) and the date formats a
     * connection's configuration builds.
     */
    static void prepare() {
        new SQLiteConfig().toProperties();
        try {
            org.sqlite.SQLiteJDBCLoader.initialize();
        } catch (Exception e) {
            // opening the store loads it again, and says what is wrong
        }
    }

    /**
     * A connection to the file with Ijoka's settings: WAL, synchronous NORMAL (in WAL mode a commit
     * survives a crash of the process, which is what {@code kill -9} does; only a power loss may
     * take the last commits), foreign keys, a busy timeout.
     */
    static Connection open(SqliteFile file, boolean foreignKeys) throws SQLException {
        return open(file, foreignKeys, true);
    }

    /** @param wal false only for the first connection, which switches to WAL once it knows the file is Ijoka's */
    static Connection open(SqliteFile file, boolean foreignKeys, boolean wal) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        if (wal) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        }
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(foreignKeys);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return config.createConnection(file.jdbcUrl());
    }

    @Override
    public SQLDialect dialect() {
        return SQLDialect.SQLITE;
    }

    @Override
    public <T> T write(Function<Connection, T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("write transactions do not nest: finish the running one first");
        }
        writeLock.lock();
        try {
            requireOpen();
            writer.begin();
            T result;
            try {
                result = work.apply(writer.connection);
            } catch (RuntimeException | Error e) {
                writer.rollback(e);
                throw e;
            }
            writer.commit();
            return result;
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public <T> T read(Function<Connection, T> work) {
        Reader reader = borrow();
        try {
            long deadline = System.nanoTime() + Busy.PATIENCE.toNanos();
            for (int attempt = 1; ; attempt++) {
                reader.begin();
                try {
                    T result = work.apply(reader.connection);
                    reader.end();
                    return result;
                } catch (RuntimeException | Error e) {
                    reader.endQuietly(e);
                    // Reads have no effects, so a read that met a lock (WAL recovery, a checkpoint
                    // restarting the log) is simply run again.
                    if (!Busy.is(e) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    Busy.pause(attempt);
                }
            }
        } finally {
            giveBack(reader);
        }
    }

    @Override
    public ChangeFeed changeFeed() {
        return feed;
    }

    @Override
    public String describe() {
        return file.describe();
    }

    @Override
    public StoreHealth health() {
        if (closed) {
            return health.closed();
        }
        boolean locked;
        try {
            // A probe must answer promptly: a long write of this process is not waited out.
            locked = writeLock.tryLock(BUSY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return health.busyHere();
        }
        if (!locked) {
            return health.busyHere();
        }
        try {
            return closed ? health.closed() : health.check(writer.connection);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        feed.close();
        boolean locked = false;
        try {
            // Let a running write finish rather than pull its connection away.
            locked = writeLock.tryLock(Busy.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            writer.close();
        } finally {
            if (locked) {
                writeLock.unlock();
            }
        }
        synchronized (allReaders) {
            allReaders.forEach(Reader::close);
            allReaders.clear();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new StoreException(file.describe() + " is closed");
        }
    }

    private Reader borrow() {
        requireOpen();
        Reader idle = idleReaders.pollFirst();
        if (idle != null) {
            return idle;
        }
        synchronized (allReaders) {
            if (allReaders.size() < MAX_READERS) {
                try {
                    Reader fresh = new Reader(open(file, true));
                    allReaders.add(fresh);
                    return fresh;
                } catch (SQLException e) {
                    throw new StoreException("could not open a connection to " + file.describe() + ": " + e.getMessage(), e);
                }
            }
        }
        try {
            Reader waited = idleReaders.pollFirst(Busy.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            if (waited == null) {
                throw new StoreException("every read connection to " + file.describe() + " stayed busy for "
                        + Busy.PATIENCE.toSeconds() + " s");
            }
            return waited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a read connection to " + file.describe(), e);
        }
    }

    private void giveBack(Reader reader) {
        if (closed) {
            reader.close();
        } else {
            // Last in, first out: the warmest connection (statement cache, page cache) goes first.
            idleReaders.offerFirst(reader);
        }
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("could not " + what + " on " + file.describe() + ": " + e.getMessage()
                + ". Run ijoka doctor to check the store.", e);
    }

    /** The write connection and its prepared transaction statements. */
    private final class Writer {

        final Connection connection;
        private final PreparedStatement begin;
        private final PreparedStatement commit;
        private final PreparedStatement rollback;

        Writer(Connection connection) throws SQLException {
            this.connection = connection;
            this.begin = connection.prepareStatement("BEGIN IMMEDIATE");
            this.commit = connection.prepareStatement("COMMIT");
            this.rollback = connection.prepareStatement("ROLLBACK");
        }

        /** BEGIN IMMEDIATE, waiting as long as another connection holds the write lock. */
        void begin() {
            long deadline = System.nanoTime() + Busy.PATIENCE.toNanos();
            for (int attempt = 1; ; attempt++) {
                try {
                    begin.execute();
                    return;
                } catch (SQLException e) {
                    if (!Busy.is(e)) {
                        throw failure("begin a write transaction", e);
                    }
                    if (System.nanoTime() > deadline) {
                        throw new StoreException(file.describe() + " stayed locked by another process for "
                                + Busy.PATIENCE.toSeconds() + " s. Is an Ijoka process hung? Stop it and try again.", e);
                    }
                    Busy.pause(attempt);
                }
            }
        }

        void commit() {
            long deadline = System.nanoTime() + Busy.PATIENCE.toNanos();
            for (int attempt = 1; ; attempt++) {
                try {
                    commit.execute();
                    return;
                } catch (SQLException e) {
                    // A busy COMMIT leaves the transaction open, so it can be tried again.
                    if (Busy.is(e) && System.nanoTime() <= deadline) {
                        Busy.pause(attempt);
                        continue;
                    }
                    StoreException failure = failure("commit", e);
                    rollback(failure);
                    throw failure;
                }
            }
        }

        void rollback(Throwable cause) {
            try {
                rollback.execute();
            } catch (SQLException e) {
                // SQLite rolls a transaction back by itself after some errors (I/O, a full disk);
                // then there is nothing left to roll back, and that is fine.
                if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                    cause.addSuppressed(e);
                }
            }
        }

        void close() {
            try {
                begin.close();
                commit.close();
                rollback.close();
                connection.close();
            } catch (SQLException e) {
                log().log(Level.DEBUG, "closing the write connection failed", e);
            }
        }
    }

    /** A read connection: deferred transactions, and {@code query_only} so that a bug cannot write through it. */
    private final class Reader {

        final Connection connection;
        private final PreparedStatement begin;
        private final PreparedStatement commit;

        Reader(Connection connection) throws SQLException {
            this.connection = connection;
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA query_only = 1");
            }
            this.begin = connection.prepareStatement("BEGIN");
            this.commit = connection.prepareStatement("COMMIT");
        }

        void begin() {
            try {
                begin.execute();
            } catch (SQLException e) {
                throw failure("begin a read transaction", e);
            }
        }

        void end() {
            try {
                commit.execute();
            } catch (SQLException e) {
                throw failure("end a read transaction", e);
            }
        }

        void endQuietly(Throwable cause) {
            try {
                commit.execute();
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }

        void close() {
            try {
                begin.close();
                commit.close();
                connection.close();
            } catch (SQLException e) {
                log().log(Level.DEBUG, "closing a read connection failed", e);
            }
        }
    }
}
