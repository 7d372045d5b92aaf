package dev.ijoka.interchange;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Dependency;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Project;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Test fixture: an in-memory engine with one project, the sample files, and short ways to look at the plan. */
final class Plans implements AutoCloseable {

    final Ijoka ijoka = Ijoka.inMemory();
    final Path directory;
    final Project project;

    Plans() {
        try {
            directory = Files.createTempDirectory("ijoka-interchange-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        project = ijoka.projects().open(directory);
    }

    static Path sample(String name) {
        try {
            return Path.of(Plans.class.getResource("/samples/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    ImportResult importSample(String name) {
        return importFile(sample(name), ImportOptions.defaults());
    }

    ImportResult importFile(Path file, ImportOptions options) {
        return new Importer(ijoka).importFile(project.id(), file, options, ImportProgress.NONE);
    }

    /** Writes text to a file in the project directory and returns its path. */
    Path file(String name, String content) {
        try {
            return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String export(Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Exporter(ijoka).export(project.id(), format, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    List<Feature> features() {
        return ijoka.features().list(project.id());
    }

    Feature byDescription(String description) {
        return find(description).orElseThrow(() -> new AssertionError("no feature \"" + description + "\" in " + features()));
    }

    Optional<Feature> find(String description) {
        return features().stream().filter(f -> f.description().equals(description)).findFirst();
    }

    /** Edges as "dependent -> dependency (kind)" with descriptions, sorted. */
    List<String> edges() {
        Map<FeatureId, Feature> byId = features().stream().collect(Collectors.toMap(Feature::id, Function.identity()));
        return ijoka.dependencies().list(project.id()).stream()
                .map(d -> byId.get(d.dependent()).description() + " -> " + byId.get(d.dependency()).description()
                        + (d.kind() == DependencyKind.RELATED ? " (related)" : ""))
                .sorted()
                .toList();
    }

    List<Dependency> dependencies() {
        return ijoka.dependencies().list(project.id());
    }

    long lastSequence() {
        return ijoka.events().lastSequence();
    }

    @Override
    public void close() {
        ijoka.close();
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
