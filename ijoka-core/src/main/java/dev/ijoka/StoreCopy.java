package dev.ijoka;

import dev.ijoka.api.InvalidInputException;
import dev.ijoka.api.NotFoundException;
import dev.ijoka.api.StoreException;
import dev.ijoka.spi.Store;
import dev.ijoka.spi.StoreCopier;
import java.nio.file.Files;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Copies a whole store into another, empty one: SQLite to PostgreSQL, back, or SQLite to SQLite. The
 * stores' own copier ({@link StoreCopier}) copies every table of their schema in one transaction on
 * the target; then the target is checked: its event log, folded to state, must equal its tables.
 *
 * <pre>{@code
 * StoreCopy.Result r = StoreCopy.run(StoreLocation.of(fromUrl, cwd), StoreLocation.of(toUrl, cwd), StoreCopier.Progress.NONE);
 * if (!r.replayMatches()) { ... r.differences() ... }
 * }</pre>
 */
public final class StoreCopy {

    /**
     * What was copied, and what the check found.
     *
     * @param from the source's canonical URL (no password)
     * @param to the target's canonical URL (no password)
     * @param tables each table in the order copied, with its rows
     * @param lastSequence the target's last event sequence after the copy
     * @param differences where the target's tables differ from its replayed log; empty when they agree
     * @param sourceDiffersAlike whether the source's own log and tables differ in the same way (the copy is then
     *     faithful, and the source was already so)
     */
    public record Result(String from, String to, List<StoreCopier.TableCopied> tables, long lastSequence,
            List<String> differences, boolean sourceDiffersAlike) {

        public Result {
            tables = List.copyOf(tables);
            differences = List.copyOf(differences);
        }

        public boolean replayMatches() {
            return differences.isEmpty();
        }

        public long rows() {
            return tables.stream().mapToLong(StoreCopier.TableCopied::rows).sum();
        }
    }

    private StoreCopy() {}

    /**
     * Opens both stores (the target is created and migrated if new), copies, and checks the target.
     *
     * @throws InvalidInputException if both name one store, or the target already holds data (nothing written)
     * @throws NotFoundException if the source is a file that does not exist
     * @throws StoreException if a store cannot be opened, no copier handles the pair, or the copy fails
     */
    public static Result run(StoreLocation from, StoreLocation to, StoreCopier.Progress progress) {
        Objects.requireNonNull(progress, "progress");
        if (from.url().equals(to.url())) {
            throw new InvalidInputException("--from and --to name the same store (" + from.url()
                    + "): copy to another database or file");
        }
        if (!from.shared() || !to.shared()) {
            throw new InvalidInputException("an in-memory store cannot be copied from or to: name a database or a file");
        }
        if (from.file() != null && !Files.isRegularFile(from.file())) {
            throw new NotFoundException("there is no store at " + from.file() + ": check --from");
        }
        try (Store source = StoreProviders.forUrl(from.url()).open(from.url());
                Store target = StoreProviders.forUrl(to.url()).open(to.url())) {
            StoreCopier copier = copier(source, target);
            List<StoreCopier.TableCopied> tables = copier.copy(source, target, progress);
            List<String> differences = ReplayCheck.differences(target);
            boolean alike = !differences.isEmpty() && differences.equals(ReplayCheck.differences(source));
            long last = target.read(r -> r.lastSequence());
            return new Result(from.url(), to.url(), tables, last, differences, alike);
        }
    }

    private static StoreCopier copier(Store from, Store to) {
        for (StoreCopier copier : ServiceLoader.load(StoreCopier.class, StoreCopy.class.getClassLoader())) {
            if (copier.supports(from, to)) {
                return copier;
            }
        }
        throw new StoreException("no copier on the class path copies " + from.describe() + " to " + to.describe()
                + ": both must be SQL stores (dev.ijoka:ijoka-store-jooq)");
    }
}
