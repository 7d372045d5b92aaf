package dev.ijoka;

import dev.ijoka.api.Dependencies;
import dev.ijoka.api.Events;
import dev.ijoka.api.Features;
import dev.ijoka.api.Insights;
import dev.ijoka.api.Plan;
import dev.ijoka.api.Projects;
import dev.ijoka.api.Rules;
import dev.ijoka.api.Sessions;
import dev.ijoka.api.StoreException;
import dev.ijoka.api.StoreHealth;
import dev.ijoka.internal.engine.DependencyService;
import dev.ijoka.internal.engine.Engine;
import dev.ijoka.internal.engine.EventService;
import dev.ijoka.internal.engine.FeatureService;
import dev.ijoka.internal.engine.InsightService;
import dev.ijoka.internal.engine.PlanService;
import dev.ijoka.internal.engine.ProjectService;
import dev.ijoka.internal.engine.RuleService;
import dev.ijoka.internal.engine.SessionService;
import dev.ijoka.internal.engine.Uuid7;
import dev.ijoka.internal.memory.InMemoryStoreProvider;
import dev.ijoka.spi.IdSource;
import dev.ijoka.spi.Notifier;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreProvider;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The front door: one engine on one store.
 *
 * <pre>{@code
 * try (Ijoka ijoka = Ijoka.builder().store("jdbc:sqlite:/path/ijoka.db").build()) {
 *     Project p = ijoka.projects().open(Path.of("."));
 *     Feature f = ijoka.features().create(p.id(), NewFeature.of("User can log in", Category.FUNCTIONAL));
 *     ijoka.events().subscribe(e -> System.err.println(e.type()));
 *     ijoka.features().start(f.id(), null);
 * }
 * }</pre>
 *
 * Stores are found by URL through {@link java.util.ServiceLoader} ({@link StoreProvider}); building opens
 * and migrates the store. {@link #inMemory()} needs nothing on the class path. Thread-safe; close it
 * to stop its threads and close the store.
 */
public final class Ijoka implements AutoCloseable {

    private final Engine engine;
    private final Projects projects;
    private final Features features;
    private final Dependencies dependencies;
    private final Plan plan;
    private final Sessions sessions;
    private final Insights insights;
    private final Rules rules;
    private final Events events;
    private final Events.@Nullable Subscription notifications;
    /** Whether {@link #close()} closes the engine: false for a {@link #lent()} view. */
    private final boolean owner;

    private Ijoka(Engine engine, Notifier notifier) {
        this(engine, notifier, true);
    }

    private Ijoka(Engine engine, Notifier notifier, boolean owner) {
        this.engine = engine;
        this.owner = owner;
        this.projects = new ProjectService(engine);
        this.features = new FeatureService(engine);
        this.dependencies = new DependencyService(engine);
        this.plan = new PlanService(engine);
        this.sessions = new SessionService(engine);
        this.insights = new InsightService(engine);
        this.rules = new RuleService(engine);
        this.events = new EventService(engine);
        this.notifications = notifier == Notifier.NONE ? null : engine.notify(notifier);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Has the store that {@code url} names prepared for opening ({@link StoreProvider#prepare}) on the calling thread:
     * its driver and query library loaded and set up, no file or connection touched. For a process that will open the
     * store soon and has other work to do first: call it on a thread of its own. Never throws: a URL no store handles,
     * or a failure, is left to {@link Builder#build} to report.
     */
    public static void prepare(String url) {
        try {
            StoreProviders.forUrl(url).prepare();
        } catch (RuntimeException | LinkageError e) {
            // the opening says what is wrong, where it can be reported
        }
    }

    /** A complete engine on a fresh in-memory store: for tests and throw-away work. */
    public static Ijoka inMemory() {
        return builder().store(InMemoryStoreProvider.URL).build();
    }

    public Projects projects() {
        return projects;
    }

    public Features features() {
        return features;
    }

    public Dependencies dependencies() {
        return dependencies;
    }

    /**
     * Runs {@code work} as one question (a server's tool call, a page): the reads it makes from a snapshot this
     * process holds look at the log's last position once, at the first, and are answered as of it (or later), instead
     * of looking again for each; a write in it looks again, or takes its own commit's position. Outside such a scope
     * every read looks. Each look is a round trip to a PostgreSQL server (docs/postgres.md, "What is guaranteed").
     */
    public <T> T oneLook(Supplier<T> work) {
        return engine.oneLook(work);
    }

    public Plan plan() {
        return plan;
    }

    public Sessions sessions() {
        return sessions;
    }

    public Insights insights() {
        return insights;
    }

    public Rules rules() {
        return rules;
    }

    public Events events() {
        return events;
    }

    /**
     * The engine's clock: what it stamps events with and judges leases and session states by. Front ends
     * that say "2 minutes ago" or "lease ends in 5 minutes" ask this, not the wall clock, so they agree
     * with the engine, in tests with a fixed clock and in replays alike.
     */
    public InstantSource clock() {
        return engine.clock();
    }

    /** Where the data lives, without credentials. */
    public String storeDescription() {
        return engine.store().describe();
    }

    /**
     * The store's state, checked now: open, at the schema this program knows, writable; when it is not
     * usable, what is wrong and what to do. Cheap enough for a health probe; never throws.
     */
    public StoreHealth health() {
        Store store = engine.store();
        try {
            return store.health();
        } catch (RuntimeException e) {
            // The port says health() never throws; a store that does anyway is reported, not propagated.
            return StoreHealth.problem(store.describe(), StoreHealth.Condition.FAILING, null, null, null,
                    "checking " + store.describe() + " failed: " + e, "run ijoka doctor; restart Ijoka if it persists");
        }
    }

    /**
     * This engine, lent to code that closes what it is given when it is done (a command line run handed to
     * a process that keeps the engine open): the same store, state and threads, and a {@link #close()} that
     * does nothing. Only this, the owner, closes the engine.
     */
    public Ijoka lent() {
        return new Ijoka(engine, Notifier.NONE, false);
    }

    @Override
    public void close() {
        if (!owner) {
            return;
        }
        if (notifications != null) {
            notifications.close();
        }
        engine.close();
    }

    /** Configures an engine. Mutable and not thread-safe; {@link #build()} gives the immutable engine. */
    public static final class Builder {

        private @Nullable String url;
        private @Nullable Store store;
        private InstantSource clock = InstantSource.system();
        private @Nullable IdSource ids;
        private Duration lease = Duration.ofMinutes(30);
        private Notifier notifier = Notifier.NONE;

        private Builder() {}

        /** The store's URL, e.g. {@code jdbc:sqlite:/home/me/.local/share/ijoka/ijoka.db} or {@code memory:}. */
        public Builder store(String url) {
            this.url = Objects.requireNonNull(url, "url");
            this.store = null;
            return this;
        }

        /** A store opened by the caller; closing the engine closes it. */
        public Builder store(Store opened) {
            this.store = Objects.requireNonNull(opened, "store");
            this.url = null;
            return this;
        }

        public Builder clock(InstantSource value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder ids(IdSource value) {
            this.ids = Objects.requireNonNull(value, "ids");
            return this;
        }

        /** How long a claim lives without activity; 30 minutes unless set. */
        public Builder leaseDuration(Duration value) {
            Objects.requireNonNull(value, "lease");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("leaseDuration must be positive, got " + value);
            }
            this.lease = value;
            return this;
        }

        public Builder notifier(Notifier value) {
            this.notifier = Objects.requireNonNull(value, "notifier");
            return this;
        }

        /**
         * Opens (and migrates) the store and starts the engine.
         *
         * @throws StoreException if no store is configured, no provider supports the URL, or it cannot be opened
         */
        public Ijoka build() {
            Store opened = store != null ? store : open(url);
            IdSource idSource = ids != null ? ids : new Uuid7(clock);
            return new Ijoka(new Engine(opened, clock, idSource, lease), notifier);
        }

        private static Store open(@Nullable String url) {
            if (url == null) {
                throw new StoreException("no store configured: call store(\"jdbc:sqlite:/path/ijoka.db\") or use Ijoka.inMemory()");
            }
            return StoreProviders.forUrl(url).open(url);
        }
    }
}
