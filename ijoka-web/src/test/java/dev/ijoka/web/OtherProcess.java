package dev.ijoka.web;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Run as a separate JVM by the tests: commits one feature to the store, as an agent's process would. */
public final class OtherProcess {

    private OtherProcess() {}

    /** Arguments: the store URL, the project directory, the description. */
    public static void main(String[] args) {
        try (Ijoka ijoka = Ijoka.builder().store(args[0]).build()) {
            Project p = ijoka.projects().open(Path.of(args[1]));
            ijoka.features().create(p.id(), NewFeature.of(args[2], Category.FUNCTIONAL));
        }
    }

    /** Runs {@link #main} in a child JVM with this JVM's java and class path, and waits for it. */
    static void run(String storeUrl, Path projectDir, String description) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                OtherProcess.class.getName(), storeUrl, projectDir.toString(), description)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the other process failed: " + out);
        }
    }
}
