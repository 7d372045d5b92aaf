package dev.ijoka.claude;

import dev.ijoka.event.EventPayload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What git says about a repository's HEAD, each question answered by one {@code git} process given a
 * bounded time. Every answer is optional: git missing, not a repository, an unborn HEAD, a timeout or
 * an unexpected output all come back empty, so that the caller records nothing rather than a guess.
 */
class Git {

    /** The most commits one look records; a HEAD that gained more (a large pull) records the newest ones. */
    static final int MAX_COMMITS = 50;
    static final int MAX_SUBJECT = HookHandler.MAX_MESSAGE;
    private static final String SHA = "[0-9a-f]{40}|[0-9a-f]{64}";
    private static final String UNIT = "\u001f";
    private static final String RECORD = "\u001e";

    private final Duration limit;

    /** @param limit how long one git process may take before it is killed and its answer taken as unknown */
    Git(Duration limit) {
        this.limit = limit;
    }

    /** A repository (its top-level directory) and the commit its HEAD names. */
    record Head(String repository, String sha) {}

    /** The repository that holds {@code dir}, and its HEAD. */
    Optional<Head> head(Path dir) {
        return run(dir, "rev-parse", "--show-toplevel", "HEAD").flatMap(out -> {
            String[] lines = out.strip().split("\n");
            if (lines.length != 2 || lines[0].isBlank() || !lines[1].strip().matches(SHA)) {
                return Optional.empty();
            }
            return Optional.of(new Head(lines[0].strip(), lines[1].strip()));
        });
    }

    /**
     * What moving HEAD from {@code from} to {@code to} meant: the commits gained, oldest first, when
     * {@code to} descends from {@code from}; a {@link EventPayload.HeadRewritten} otherwise (an amend, a
     * rebase, a reset, another branch, or {@code from} no longer in the repository).
     */
    Optional<List<EventPayload.Activity>> moved(String repository, String from, String to) {
        Path dir = Path.of(repository);
        Optional<Integer> ancestor = status(dir, "merge-base", "--is-ancestor", from, to);
        if (ancestor.isEmpty()) {
            return Optional.empty();
        }
        if (ancestor.get() == 0) {
            return run(dir, "log", "--no-color", "-n", String.valueOf(MAX_COMMITS),
                    "--format=%H" + UNIT + "%an <%ae>" + UNIT + "%s" + RECORD, from + ".." + to)
                    .flatMap(Git::commits);
        }
        if (ancestor.get() != 1 && ancestor.get() != 128) { // 128: from is gone (garbage-collected, another clone)
            return Optional.empty();
        }
        return run(dir, "log", "--no-color", "-n", "1", "--format=%s", to).map(subject ->
                List.of(new EventPayload.HeadRewritten(from, to, clip(subject.strip()))));
    }

    private static Optional<List<EventPayload.Activity>> commits(String out) {
        List<EventPayload.Activity> commits = new ArrayList<>();
        for (String record : out.split(RECORD)) {
            String r = record.strip();
            if (r.isEmpty()) {
                continue;
            }
            String[] f = r.split(UNIT, -1);
            if (f.length != 3 || !f[0].matches(SHA)) {
                return Optional.empty();
            }
            commits.add(new EventPayload.CommitMade(f[0], clip(f[2]), clip(f[1])));
        }
        return Optional.of(commits.reversed()); // git lists newest first; the log tells them in order
    }

    private static String clip(String s) {
        return s.length() <= MAX_SUBJECT ? s : s.substring(0, MAX_SUBJECT - 1) + "…";
    }

    private Optional<String> run(Path dir, String... args) {
        return exec(dir, args).filter(r -> r.status() == 0).map(Result::out);
    }

    private Optional<Integer> status(Path dir, String... args) {
        return exec(dir, args).map(Result::status);
    }

    private record Result(int status, String out) {}

    private Optional<Result> exec(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "--no-pager", "-c", "core.quotepath=off"));
        command.addAll(List.of(args));
        Process p = null;
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("GIT_TERMINAL_PROMPT", "0");
            pb.environment().put("GIT_OPTIONAL_LOCKS", "0"); // a look must not take the index lock from the agent's git
            p = pb.start();
            p.getOutputStream().close();
            InputStream stdout = p.getInputStream();
            // Read beside the wait: a long answer must not fill the pipe and stall git until the time is up.
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
                try {
                    return stdout.readAllBytes();
                } catch (IOException e) {
                    return new byte[0];
                }
            }, command1 -> Thread.ofVirtual().start(command1));
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
            byte[] bytes = out.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.of(new Result(p.exitValue(), new String(bytes, StandardCharsets.UTF_8)));
        } catch (IOException | ExecutionException | TimeoutException | RuntimeException e) {
            return Optional.empty(); // no git, no directory, or no answer: unknown
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
