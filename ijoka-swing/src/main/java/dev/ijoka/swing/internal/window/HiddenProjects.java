package dev.ijoka.swing.internal.window;

import dev.ijoka.domain.ProjectId;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Projects the person removed from the window's list. The engine keeps no "hidden" flag on a project (and
 * removing one would delete its plan), so the desktop keeps its own list, in {@code desktop.properties} in the
 * data directory, and the data stays: the command line, the dashboard and the agents still see the project.
 * Read and written off the event-dispatch thread, like the store.
 */
final class HiddenProjects {

    static final String FILE = "desktop.properties";
    private static final String KEY = "hidden.projects";

    private final Path file;

    HiddenProjects(Path dataDirectory) {
        this.file = dataDirectory.resolve(FILE);
    }

    synchronized Set<ProjectId> read() {
        Properties p = load();
        String ids = p.getProperty(KEY, "");
        return Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(ProjectId::new)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    synchronized void hide(ProjectId id) {
        Set<ProjectId> ids = read();
        ids.add(id);
        write(ids);
    }

    synchronized void show(ProjectId id) {
        Set<ProjectId> ids = read();
        if (ids.remove(id)) {
            write(ids);
        }
    }

    private Properties load() {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
            }
        }
        return p;
    }

    private void write(Set<ProjectId> ids) {
        Properties p = load();
        p.setProperty(KEY, ids.stream().map(ProjectId::value).collect(Collectors.joining(",")));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), FILE, ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Ijoka desktop: projects removed from the window's list (their data is kept)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
