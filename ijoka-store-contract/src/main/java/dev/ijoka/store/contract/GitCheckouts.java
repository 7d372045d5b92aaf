package dev.ijoka.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** Real git checkouts for tests of project identity, made by the git program; a test is skipped without git. */
public final class GitCheckouts {

    private GitCheckouts() {}

    /** A new repository at {@code at} with {@code origin} as its origin remote (none when null); its real path. */
    public static Path checkout(Path at, @Nullable String origin) throws IOException, InterruptedException {
        Files.createDirectories(at);
        git(at, "init", "-q");
        if (origin != null) {
            git(at, "remote", "add", "origin", origin);
        }
        return at.toRealPath();
    }

    /** Runs git in {@code dir}, outside any git environment the build may have set. */
    public static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "init.defaultBranch=main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("GIT_"));
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            assumeTrue(false, "git is not installed: " + e.getMessage());
            return;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("git %s finished", command).isTrue();
        assertThat(process.exitValue()).as("git %s: %s", command, output).isZero();
    }
}
