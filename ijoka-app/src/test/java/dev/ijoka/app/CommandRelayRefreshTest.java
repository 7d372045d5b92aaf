package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.claude.RelayedCommand;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreProvider;
import dev.ijoka.spi.StoreReader;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server's engine after a handed-over command that changed the plan's structure: the snapshot it held is brought up
 * to the log behind the command's answer, so the next read (a relayed {@code next}, an MCP tool call) finds it current
 * instead of rebuilding it from the store while its client waits. Counted on a real SQLite store behind a proxy.
 */
class CommandRelayRefreshTest {

    @TempDir
    Path dir;
    private final Map<String, Integer> reads = new ConcurrentHashMap<>();
    private final Thread testThread = Thread.currentThread();
    private Ijoka engine;
    private CommandRelay relay;
    private Project project;
    private String url;

    @BeforeEach
    void open() {
        url = "jdbc:sqlite:" + dir.resolve("ijoka.db");
        Store real = ServiceLoader.load(StoreProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.supports(url)).findFirst().orElseThrow().open(url);
        engine = Ijoka.builder().store(counting(real)).build();
        project = engine.projects().open(createDirectories(dir.resolve("shop")));
        for (int i = 1; i <= 20; i++) {
            engine.features().create(project.id(), NewFeature.of("feature " + i, Category.FUNCTIONAL));
        }
        engine.plan().next(project.id(), null);
        engine.plan().next(project.id(), null); // the second question: the engine holds the snapshot from now on
        relay = (CommandRelay) CommandRelay.of(engine, url);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void afterARelayedCommandAddsAnEdgeTheNextReadFindsTheSnapshotCurrent() {
        String out = relayed("dep", "add", "#2", "#1");
        assertThat(out).contains("#2");
        relay.awaitRefresh();

        reads.clear();
        var next = engine.plan().next(project.id(), null);

        assertThat(next).map(f -> f.number()).contains(1);
        assertThat(reads.keySet()).as("store reads of the next read").isSubsetOf(Set.of("lastSequence"));
    }

    @Test
    void aCommandThatOnlyReadsLeavesNothingToRefresh() {
        relayed("status");
        relay.awaitRefresh();

        reads.clear();
        engine.plan().next(project.id(), null);

        assertThat(reads.keySet()).isSubsetOf(Set.of("lastSequence"));
    }

    private String relayed(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RelayedCommand command = new RelayedCommand(List.of(args), dir.resolve("shop"),
                Map.of("IJOKA_DB", url, "IJOKA_HOME", dir.resolve("home").toString(), "COLUMNS", "100"), url,
                StandardCharsets.UTF_8, false);
        int exit = relay.run(command, out, err);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The store, counting what its readers are asked on the test's thread. */
    private Store counting(Store real) {
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class}, (proxy, m, args) -> {
            if (m.getName().equals("read") || m.getName().equals("readOne")) {
                Function<StoreReader, ?> work = cast(args[0]);
                Function<StoreReader, ?> counted = r -> work.apply(countingReader(r));
                return m.getName().equals("read") ? real.read(counted) : real.readOne(counted);
            }
            return invoke(m, real, args);
        });
    }

    private StoreReader countingReader(StoreReader real) {
        return (StoreReader) Proxy.newProxyInstance(StoreReader.class.getClassLoader(), new Class<?>[] {StoreReader.class},
                (proxy, m, args) -> {
                    if (Thread.currentThread() == testThread) {
                        reads.merge(m.getName(), 1, Integer::sum);
                    }
                    return invoke(m, real, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Path createDirectories(Path p) {
        try {
            return java.nio.file.Files.createDirectories(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }
}
