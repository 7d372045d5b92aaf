package dev.ijoka.store.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__\\w+\\.sql");

    @Test
    void theLatestSqliteVersionIsTheNewestMigrationAndEveryMigrationRecordsItsVersion() throws IOException, URISyntaxException {
        Path folder = Path.of(MigrationsTest.class.getResource("/db/ijoka/sqlite").toURI());
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.sorted().toList();
        }
        assertThat(files).isNotEmpty();
        int newest = 0;
        for (Path file : files) {
            Matcher m = VERSIONED.matcher(file.getFileName().toString());
            assertThat(m.matches()).as("%s is named V<n>__<what>.sql", file.getFileName()).isTrue();
            int version = Integer.parseInt(m.group(1));
            newest = Math.max(newest, version);
            String sql = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(sql).as("%s ends by recording its version", file.getFileName())
                    .containsPattern("PRAGMA user_version = " + version + ";\\s*$");
        }
        assertThat(Migrations.SQLITE_LATEST).as("Migrations.SQLITE_LATEST").isEqualTo(newest);
        assertThat(files).as("versions 1..n, none missing").hasSize(newest);
    }
}
