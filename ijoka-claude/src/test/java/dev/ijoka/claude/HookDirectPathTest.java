package dev.ijoka.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ijoka.Ijoka;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The work the app does around a direct hook's reading of the event ({@link HookMain.DirectPath}): started before the
 * event is read, waited for before the store opens, and for unreadable input the store is never opened.
 */
class HookDirectPathTest {

    @TempDir
    Path tmp;

    private final List<String> calls = new ArrayList<>();

    private HookMain.DirectPath recording(Path db) {
        return new HookMain.DirectPath() {
            @Override
            public void starting() {
                calls.add("starting");
            }

            @Override
            public void opening() {
                calls.add(Files.exists(db) ? "opening, the store already open" : "opening");
            }
        };
    }

    private String run(String stdin, Path db) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("IJOKA_DB", "jdbc:sqlite:" + db, "IJOKA_HOME", tmp.resolve("home").toString(),
                HookMain.DIRECT_VARIABLE, "1");
        HookMain.run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, tmp, recording(db));
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theWorkStartsBeforeTheEventIsReadAndIsWaitedForBeforeTheStoreOpensWhichThenRecordsTheEvent() throws Exception {
        Path db = tmp.resolve("ijoka.db");
        String err = run("{\"session_id\":\"s-1\",\"cwd\":\"" + tmp + "\",\"hook_event_name\":\"PostToolUse\","
                + "\"tool_name\":\"Edit\",\"tool_input\":{\"file_path\":\"a.txt\"},\"tool_response\":{\"success\":true}}", db);

        assertThat(err).isEmpty();
        assertThat(calls).containsExactly("starting", "opening");
        try (Ijoka engine = Ijoka.builder().store("jdbc:sqlite:" + db).build()) {
            assertThat(engine.events().after(0, 100)).extracting(Event::type).contains(EventType.TOOL_USED);
        }
    }

    @Test
    void unreadableInputIsReportedAndTheStoreIsNeverOpened() {
        Path db = tmp.resolve("ijoka.db");
        String err = run("{\"session_id\": ", db);

        assertThat(err).startsWith("ijoka hook: cannot read the hook event: ");
        assertThat(calls).containsExactly("starting");
        assertThat(db).doesNotExist();
    }
}
