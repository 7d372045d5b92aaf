package dev.ijoka.claude;

import dev.ijoka.DataDirectory;
import dev.ijoka.Ijoka;
import dev.ijoka.api.IjokaException;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The process entry point of {@code ijoka hook}: reads one Claude Code hook event from stdin, acts on
 * it, prints the protocol answer (if any) on stdout and exits 0 — always, whatever goes wrong (garbage
 * input, an unknown event, a store that cannot be opened): a hook must never break the agent. Problems
 * go to stderr, which Claude Code shows only in its debug output.
 *
 * <p>Lean on purpose, since it runs on every tool call: no dependency injection, no command-line
 * parser, no MCP classes. A watchdog ends the process (status 0) after {@link #TIME_LIMIT_MS}.
 */
public final class HookMain {

    /** The most stdin that is read: hook payloads are small. */
    static final int MAX_INPUT = 1 << 20;
    /** The whole run's bound, well under the 10 s timeout {@code ijoka init} configures. */
    static final long TIME_LIMIT_MS = 5_000;

    private HookMain() {}

    public static void main(String[] args) {
        PrintStream stderr = System.err;
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            stderr.println("usage: ijoka hook < EVENT.json\n  Handles one Claude Code hook event read from stdin "
                    + "('ijoka init' configures the hooks); always exits 0.");
            return;
        }
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(stderr); // stdout carries the protocol only
        Thread watchdog = Thread.ofPlatform().daemon().name("ijoka-hook-watchdog").start(() -> {
            try {
                Thread.sleep(TIME_LIMIT_MS);
                stderr.println("ijoka hook: gave up after " + TIME_LIMIT_MS + " ms");
                Runtime.getRuntime().halt(0);
            } catch (InterruptedException e) {
                // the run ended in time
            }
        });
        try {
            run(System.in, protocol, stderr, System.getenv(), Path.of("").toAbsolutePath());
        } catch (Throwable t) { // never break the agent, whatever happened
            stderr.println("ijoka hook: " + t);
        }
        protocol.flush();
        watchdog.interrupt();
        Runtime.getRuntime().halt(0); // no shutdown work left: skip it, and every non-daemon thread
    }

    /** One run: never throws for bad input or a failing store (it reports them on {@code errors}). */
    public static void run(InputStream in, PrintStream out, PrintStream errors, Map<String, String> env,
            Path workingDirectory) {
        JsonNode payload;
        try {
            byte[] bytes = readBounded(in);
            if (bytes == null) {
                errors.println("ijoka hook: the input is larger than " + MAX_INPUT + " bytes; ignored");
                return;
            }
            payload = JsonMapper.builder().build().readTree(bytes);
        } catch (IOException | JacksonException e) {
            errors.println("ijoka hook: cannot read the hook event: " + e.getMessage());
            return;
        }
        if (payload == null || !payload.isObject()) {
            errors.println("ijoka hook: the input is not a JSON object; ignored");
            return;
        }
        String db = env.get("IJOKA_DB");
        String url = db != null && !db.isBlank() ? db : DataDirectory.defaultStoreUrl();
        try (Ijoka engine = Ijoka.builder().store(url).build()) {
            Optional<String> answer = new HookHandler(engine, env, workingDirectory, HookMain::headCommit).handle(payload);
            answer.ifPresent(out::println);
        } catch (IjokaException | IllegalArgumentException e) {
            errors.println("ijoka hook: " + e.getMessage());
        } catch (RuntimeException e) {
            errors.println("ijoka hook: " + e);
        }
        out.flush();
    }

    /** Reads all of {@code in}, or returns null past {@link #MAX_INPUT} bytes. */
    static byte @org.jspecify.annotations.Nullable [] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
        byte[] chunk = new byte[8192];
        int total = 0;
        for (int n; (n = in.read(chunk)) >= 0; ) {
            total += n;
            if (total > MAX_INPUT) {
                return null;
            }
            buffer.write(chunk, 0, n);
        }
        return buffer.toByteArray();
    }

    /** {@code git rev-parse HEAD} in {@code dir}, given a second at most. */
    static Optional<String> headCommit(Path dir) {
        Process p = null;
        try {
            p = new ProcessBuilder("git", "rev-parse", "HEAD").directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(1, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.empty();
            }
            String sha = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            return sha.matches("[0-9a-f]{7,64}") ? Optional.of(sha) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }
}
