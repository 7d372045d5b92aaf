package dev.ijoka.claude;

import dev.ijoka.Ijoka;
import dev.ijoka.api.IjokaException;
import dev.ijoka.api.StoreException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One hook event on an engine: the code path that the direct run ({@code ijoka hook} opening the store
 * itself) and the relay server (inside {@code ijoka mcp}) share, so that both record the same events and
 * print the same answer. Kept apart from {@link HookMain} so that the relay client never loads Jackson,
 * jOOQ or the engine.
 */
final class HookRun {

    /**
     * The module's one mapper for hook events and answers ({@link HookHandler} writes with it too): each mapper built
     * sets up its modules again, a few milliseconds of a direct hook's interpreted start.
     */
    static final JsonMapper JSON = JsonMapper.builder().build();

    private HookRun() {}

    /** The outcome of one event: the stdout text, if any, or why nothing was done and whether to try again elsewhere. */
    sealed interface Outcome {
        /** Handled and committed; {@code stdout} is what the hook prints. */
        record Answered(Optional<String> stdout) implements Outcome {}

        /** Bad input (or a refusal the engine would repeat): the hook logs it and prints nothing. */
        record Rejected(String message) implements Outcome {}

        /** The store or the engine failed: another engine on the same store may well succeed. */
        record Failed(String message) implements Outcome {}
    }

    /** The direct path: parses {@code stdin}, opens the store, handles the event, prints the answer on {@code out}. */
    static void direct(byte[] stdin, PrintStream out, PrintStream errors, Map<String, String> env, Path workingDirectory) {
        direct(stdin, out, errors, env, workingDirectory, NOTHING);
    }

    /**
     * {@link #direct(byte[], PrintStream, PrintStream, Map, Path)}, with {@code beforeOpening} run before the store is
     * opened. The store is prepared ({@link Ijoka#prepare}: its driver and query library set up, nothing opened) on a
     * thread of its own while the event is parsed: a hook runs on one thread, and the other core is idle meanwhile.
     */
    static void direct(byte[] stdin, PrintStream out, PrintStream errors, Map<String, String> env, Path workingDirectory,
            Runnable beforeOpening) {
        Thread preparing = Thread.ofPlatform().daemon().name("ijoka-prepare-store")
                .start(new PrepareStore(env, beforeOpening));
        JsonNode payload = parse(stdin, errors);
        if (payload == null) {
            return;
        }
        try {
            preparing.join(); // beforeOpening has run, and what the opening shares with the preparing is set up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Ijoka engine = Ijoka.builder().store(HookMain.storeUrl(env)).build()) {
            // instanceof, not a pattern switch: the JDK spins a class per type switch at its first run (SwitchBootstraps,
            // then method-handle classes), ~10 ms of a direct hook that no start-up cache keeps (docs/benchmarks.md,
            // "The direct hook: what runs after main").
            Outcome outcome = handle(engine, payload, HookEnvironment.of(env), workingDirectory);
            if (outcome instanceof Outcome.Answered a) {
                a.stdout().ifPresent(out::println);
            } else if (outcome instanceof Outcome.Rejected r) {
                errors.println("ijoka hook: " + r.message());
            } else if (outcome instanceof Outcome.Failed f) {
                errors.println("ijoka hook: " + f.message());
            }
        } catch (RuntimeException e) { // the store did not open
            errors.println("ijoka hook: " + message(e));
        }
        out.flush();
    }

    /**
     * The relay server's path: the same steps on the server's engine, the outcome returned rather than
     * printed; {@code env} is what the hook sent ({@link HookEnvironment#of}), its ancestors included.
     */
    static Outcome relayed(Ijoka engine, byte[] stdin, Map<String, String> env, Path workingDirectory) {
        StringBuilder problem = new StringBuilder();
        JsonNode payload = parse(stdin, problem);
        return payload == null ? new Outcome.Rejected(problem.toString()) : handle(engine, payload, env, workingDirectory);
    }

    private static Outcome handle(Ijoka engine, JsonNode payload, Map<String, String> env, Path workingDirectory) {
        try {
            return new Outcome.Answered(new HookHandler(engine, env, workingDirectory).handle(payload));
        } catch (StoreException e) {
            return new Outcome.Failed(e.getMessage());
        } catch (IjokaException | IllegalArgumentException e) {
            return new Outcome.Rejected(String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            return new Outcome.Failed(e.toString());
        }
    }

    /** Nothing to do before the store opens. A class, not a lambda, for the reason {@link PrepareStore} gives. */
    private static final class Nothing implements Runnable {
        @Override
        public void run() {}
    }

    private static final Runnable NOTHING = new Nothing();

    /**
     * What runs beside the parse of the event: {@code beforeOpening}, then the store prepared. A class, not a lambda:
     * the JDK spins classes for a lambda's first use at run time (docs/benchmarks.md, "The direct hook: what runs
     * after main").
     */
    private static final class PrepareStore implements Runnable {
        private final Map<String, String> env;
        private final Runnable beforeOpening;

        PrepareStore(Map<String, String> env, Runnable beforeOpening) {
            this.env = env;
            this.beforeOpening = beforeOpening;
        }

        @Override
        public void run() {
            try {
                beforeOpening.run();
                Ijoka.prepare(HookMain.storeUrl(env));
            } catch (RuntimeException e) {
                // the opening, on the hook's own thread, reports what is wrong
            }
        }
    }

    private static String message(RuntimeException e) {
        return e instanceof IjokaException || e instanceof IllegalArgumentException ? String.valueOf(e.getMessage()) : e.toString();
    }

    private static @Nullable JsonNode parse(byte[] stdin, PrintStream errors) {
        StringBuilder problem = new StringBuilder();
        JsonNode payload = parse(stdin, problem);
        if (payload == null) {
            errors.println("ijoka hook: " + problem);
        }
        return payload;
    }

    /** The event as a JSON object, or null with the reason in {@code problem}. */
    private static @Nullable JsonNode parse(byte[] stdin, StringBuilder problem) {
        JsonNode payload;
        try {
            payload = JSON.readTree(stdin);
        } catch (JacksonException e) {
            problem.append("cannot read the hook event: ").append(e.getMessage());
            return null;
        }
        if (payload == null || !payload.isObject()) {
            problem.append("the input is not a JSON object; ignored");
            return null;
        }
        return payload;
    }

}
