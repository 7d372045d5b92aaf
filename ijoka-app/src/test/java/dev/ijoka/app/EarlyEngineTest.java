package dev.ijoka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ijoka.Ijoka;
import dev.ijoka.api.StoreException;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EarlyEngineTest {

    @TempDir
    Path dir;

    /** Records which URLs were opened, on which thread; each open is a fresh in-memory engine. */
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final List<Ijoka> engines = new CopyOnWriteArrayList<>();
    private final EngineFactory factory = url -> {
        opened.add(url + " on " + Thread.currentThread().getName());
        Ijoka ijoka = Ijoka.inMemory();
        engines.add(ijoka);
        return ijoka;
    };

    private Environment env(Map<String, String> variables) {
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        return new Environment(variables, dir, new ByteArrayInputStream(new byte[0]), quiet, quiet, false);
    }

    private String existingDatabase() throws Exception {
        return "jdbc:sqlite:" + Files.createFile(dir.resolve("ijoka.db"));
    }

    @Test
    void anExistingDatabaseIsOpenedOnItsOwnThreadAndHandedToTheCommand() throws Exception {
        String url = existingDatabase();
        try (EarlyEngine early = EarlyEngine.start(Invocation.parse("next"), env(Map.of("IJOKA_DB", url)), factory)) {
            Ijoka ijoka = early.open(url);
            assertThat(engines).containsExactly(ijoka);
            assertThat(opened).containsExactly(url + " on ijoka-open-store");
            assertThat(early.open(url)).as("a second open is the command's own").isNotSameAs(ijoka);
        }
        assertThat(opened).hasSize(2);
    }

    @Test
    void dbOptionWinsOverTheEnvironmentAsInTheCommandLine() throws Exception {
        String url = existingDatabase();
        try (EarlyEngine early = EarlyEngine.start(Invocation.parse("status", "--db", url),
                env(Map.of("IJOKA_DB", "jdbc:sqlite:" + dir.resolve("other.db"))), factory)) {
            early.open(url);
        }
        assertThat(opened).containsExactly(url + " on ijoka-open-store");
    }

    @Test
    void nothingIsOpenedEarlyForHelpVersionInitOrADatabaseThatDoesNotExistYet() throws Exception {
        String missing = "jdbc:sqlite:" + dir.resolve("new.db");
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"feature", "-h"}, new String[] {"--version"},
                new String[] {"init"}, new String[] {"next"})) {
            EarlyEngine early = EarlyEngine.start(Invocation.parse(args), env(Map.of("IJOKA_DB", missing)), factory);
            Thread.sleep(20);
            early.close();
            assertThat(opened).as(String.join(" ", args)).isEmpty();
        }
        assertThat(dir.resolve("new.db")).doesNotExist();
    }

    @Test
    void anotherUrlIsOpenedAsAskedAndTheEarlyEngineLeftUnclaimed() throws Exception {
        String url = existingDatabase();
        try (EarlyEngine early = EarlyEngine.start(Invocation.parse("next"), env(Map.of("IJOKA_DB", url)), factory)) {
            early.open("memory:");
        }
        assertThat(opened).contains(url + " on ijoka-open-store").anyMatch(o -> o.startsWith("memory: on "));
    }

    @Test
    void theStoresOwnFailureReachesTheCommand() throws Exception {
        String url = existingDatabase();
        EngineFactory failing = u -> {
            throw new StoreException("cannot open " + u + ": not a database");
        };
        try (EarlyEngine early = EarlyEngine.start(Invocation.parse("next"), env(Map.of("IJOKA_DB", url)), failing)) {
            assertThatThrownBy(() -> early.open(url)).isInstanceOf(StoreException.class).hasMessage("cannot open " + url
                    + ": not a database");
        }
    }

    @Test
    void aRelativeSpellingIsOpenedAsTheOneUrlTheCommandWillAskFor() throws Exception {
        String url = existingDatabase();
        try (EarlyEngine early = EarlyEngine.start(Invocation.parse("--db", "jdbc:sqlite:./sub/../ijoka.db", "next"),
                env(Map.of()), factory)) {
            early.open(url);
        }
        assertThat(opened).containsExactly(url + " on ijoka-open-store");
    }

    @Test
    void aDailyCommandsStoreIsFoundByTheThinParseAsTheCommandLineWillAskForIt() throws Exception {
        String url = existingDatabase();
        Map<String, String> variables = Map.of("IJOKA_DB", "jdbc:sqlite:" + dir.resolve("other.db"));
        for (String[] args : List.of(new String[] {"next", "--db", url}, new String[] {"--json", "--db", url, "feature", "show", "#3"},
                new String[] {"--db=jdbc:sqlite:./sub/../ijoka.db", "status"}, new String[] {"-p", "x", "--db", url, "dep", "add", "1", "2"})) {
            dev.ijoka.StoreLocation thin = Handoff.sureStore(args, variables, dir);
            assertThat(thin).as(String.join(" ", args)).isNotNull();
            assertThat(thin.url()).as(String.join(" ", args)).isEqualTo(url);
            try (EarlyEngine early = EarlyEngine.opening(factory, thin)) {
                early.open(url);
            }
        }
        assertThat(opened).hasSize(4).allMatch(o -> o.equals(url + " on ijoka-open-store"));
    }

    @Test
    void theThinParseLeavesEveryLineItIsNotSureOfToTheCommandLine() throws Exception {
        String url = existingDatabase();
        Map<String, String> variables = Map.of("IJOKA_DB", url);
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"next", "--help"}, new String[] {"feature", "-h"},
                new String[] {"-v", "next"}, new String[] {"next", "-vv"}, new String[] {"--db-password-file", "pw", "next"},
                new String[] {"@args.txt"}, new String[] {"next", "--"}, new String[] {"init"}, new String[] {"import", "x.json"},
                new String[] {"--weird", "next"}, new String[] {"next", "--db"}, new String[] {"projects", "link", "x"},
                new String[] {"serve"}, new String[] {"mcp"}, new String[] {})) {
            assertThat(Handoff.sureStore(args, variables, dir)).as(String.join(" ", args)).isNull();
        }
        assertThat(Handoff.sureStore(new String[] {"next"}, Map.of("IJOKA_DB", url, DbPasswordFile.VARIABLE, "pw"), dir))
                .as("a password file in the environment").isNull();
    }

    @Test
    void aStoreFoundByTheThinParseThatDoesNotExistYetIsNotCreated() throws Exception {
        Map<String, String> variables = Map.of("IJOKA_DB", "jdbc:sqlite:" + dir.resolve("new.db"));
        EarlyEngine early = EarlyEngine.opening(factory, Handoff.sureStore(new String[] {"next"}, variables, dir));
        Thread.sleep(20);
        early.close();
        assertThat(opened).isEmpty();
        assertThat(dir.resolve("new.db")).doesNotExist();
    }
}
