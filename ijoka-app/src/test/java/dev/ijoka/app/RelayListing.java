package dev.ijoka.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a running relay keeps in {@code <data>/relay/<key>/}, listed while servers come and go.
 *
 * <p>{@code Files.walk} reads each entry's attributes and fails when a file vanishes between the listing and the read,
 * which a live relay does all the time (the engine renames {@code engine.state.<pid>.tmp} into place, a server removes
 * its socket on exit). A glob over each key's directory reads names only, and a directory that goes away is skipped.
 */
final class RelayListing {

    private RelayListing() {
    }

    /** The files whose names end with {@code suffix} (".sock", ".tcp") under {@code home}'s relay directory. */
    static List<Path> files(Path home, String suffix) throws IOException {
        Path relay = home.resolve("relay");
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> keys = Files.newDirectoryStream(relay)) {
            for (Path key : keys) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(key, "*" + suffix)) {
                    files.forEach(found::add);
                } catch (NoSuchFileException | java.nio.file.NotDirectoryException gone) {
                    // a key's directory removed, or a plain file: nothing of a server's there
                }
            }
        } catch (NoSuchFileException noRelayYet) {
            return List.of();
        }
        return found;
    }
}
