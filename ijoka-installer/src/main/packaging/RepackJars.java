import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies the app's library jars for the installer, each rewritten with its entries stored instead of deflated, and
 * sqlite-jdbc's native libraries cut down to the one platform the installer is for. Run by build.sh with the
 * JDK's source launcher: {@code java RepackJars.java <from lib dir> <to lib dir> <sqlite native dir to keep>}.
 *
 * <p>Why stored: the package itself is compressed as a whole (xz in a .deb), and xz over plain class files
 * makes the .deb about half the size that xz over already-deflated jars does (docs/installer.md, measured).
 * Class loading from a stored jar is no slower. Entry order, names, times and the manifest stay as they were.
 */
public final class RepackJars {

    private static final String SQLITE_NATIVES = "org/sqlite/native/";

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: java RepackJars.java FROM_DIR TO_DIR SQLITE_NATIVE_DIR (e.g. Linux/x86_64)");
        }
        Path from = Path.of(args[0]);
        Path to = Files.createDirectories(Path.of(args[1]));
        String keepNative = SQLITE_NATIVES + args[2] + "/";
        List<Path> jars;
        try (var files = Files.list(from)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : jars) {
            repack(jar, to.resolve(jar.getFileName()), keepNative);
        }
        System.out.println("repacked " + jars.size() + " jars into " + to + " (stored; sqlite natives: " + args[2] + ")");
    }

    private static void repack(Path jar, Path target, String keepNative) throws IOException {
        boolean kept = false;
        // Some jars name an entry twice (a directory, usually); a zip written by Java may not, and a reader sees one.
        Set<String> seen = new HashSet<>();
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(target);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry : in.stream().toList()) {
                String name = entry.getName();
                if (!seen.add(name)
                        || name.startsWith(SQLITE_NATIVES) && !entry.isDirectory() && !name.startsWith(keepNative)) {
                    continue;
                }
                kept |= name.startsWith(keepNative) && !entry.isDirectory();
                byte[] bytes;
                try (InputStream data = in.getInputStream(entry)) {
                    bytes = data.readAllBytes();
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setMethod(ZipEntry.STORED);
                copy.setTime(entry.getTime());
                copy.setSize(bytes.length);
                copy.setCompressedSize(bytes.length);
                CRC32 crc = new CRC32();
                crc.update(bytes);
                copy.setCrc(crc.getValue());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        if (jar.getFileName().toString().startsWith("sqlite-jdbc") && !kept) {
            throw new IllegalStateException(jar + " has no native library under " + keepNative
                    + ": the installer would not open the SQLite store on this platform");
        }
    }
}
