package dev.ijoka.claude;

import dev.ijoka.Ijoka;
import dev.ijoka.domain.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code ijoka init} does in a project: registers it, adds the {@code ijoka} MCP server to
 * {@code .mcp.json} and the {@code ijoka hook} hooks to {@code .claude/settings.json}. Merges with what
 * the files hold and keeps all of it (other servers, other hooks, other settings); a second run changes
 * nothing. A file that is not a JSON object is refused before anything is written.
 */
public final class ClaudeInit {

    /** The hook command and its timeout in seconds. */
    public static final String HOOK_COMMAND = "ijoka hook";
    static final int HOOK_TIMEOUT = 10;
    /**
     * The hook events {@code ijoka hook} handles; those that match on a tool name get matcher {@code *}
     * (which includes the todo tools {@code TodoWrite}, {@code TaskCreate} and {@code TaskUpdate}).
     * {@code TaskCreated} and {@code TaskCompleted} carry the Task tools' items; an existing set-up gains
     * them on the next {@code ijoka init}.
     */
    static final List<String> EVENTS = List.of("SessionStart", "UserPromptSubmit", "PreToolUse", "PostToolUse",
            "PostToolUseFailure", "Stop", "SubagentStop", "PreCompact", "SessionEnd", "TaskCreated", "TaskCompleted");
    private static final List<String> TOOL_EVENTS = List.of("PreToolUse", "PostToolUse", "PostToolUseFailure");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ObjectWriter PRETTY = JSON.writer().with(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private ClaudeInit() {}

    /** One file's change: its content before ({@code null} if it did not exist) and after. */
    public record FileChange(Path path, @Nullable String before, String after) {
        public boolean changed() {
            return !after.equals(before);
        }
    }

    /** What a run did, or (dry run) would do. {@code project} is null on a dry run. */
    public record Result(@Nullable Project project, List<FileChange> changes, boolean dryRun) {
        public Result {
            changes = List.copyOf(changes);
        }
    }

    /** A file that cannot be merged (not JSON, not an object where one is expected). */
    public static final class InitException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InitException(String message) {
            super(message);
        }
    }

    /**
     * Registers the project at {@code directory} and writes the two files, or, on a dry run, only works
     * out what they would hold.
     *
     * @throws InitException if an existing file is malformed (then nothing is written or registered)
     * @throws UncheckedIOException if a file cannot be read or written
     */
    public static Result run(Ijoka engine, Path directory, boolean dryRun) {
        Path dir = directory.toAbsolutePath().normalize();
        List<FileChange> changes = plan(dir);
        if (dryRun) {
            return new Result(null, changes, true);
        }
        Project project = engine.projects().open(dir);
        for (FileChange c : changes) {
            if (c.changed()) {
                write(c);
            }
        }
        return new Result(project, changes, false);
    }

    /** The changes {@link #run} makes to the files under {@code dir}, without making them. */
    public static List<FileChange> plan(Path dir) {
        List<FileChange> changes = new ArrayList<>();
        Path mcp = dir.resolve(".mcp.json");
        String mcpBefore = read(mcp);
        ObjectNode mcpJson = parse(mcp, mcpBefore);
        ObjectNode servers = object(mcpJson, "mcpServers", mcp);
        if (!servers.has("ijoka")) {
            ObjectNode ijoka = servers.putObject("ijoka");
            ijoka.put("command", "ijoka");
            ijoka.putArray("args").add("mcp");
        }
        changes.add(new FileChange(mcp, mcpBefore, render(mcp, mcpBefore, mcpJson)));

        Path settings = dir.resolve(".claude").resolve("settings.json");
        String settingsBefore = read(settings);
        ObjectNode settingsJson = parse(settings, settingsBefore);
        ObjectNode hooks = object(settingsJson, "hooks", settings);
        for (String event : EVENTS) {
            JsonNode existing = hooks.get(event);
            if (existing != null && !existing.isArray()) {
                throw new InitException(settings + ": hooks." + event + " is not an array; fix it by hand and run again");
            }
            ArrayNode entries = existing == null ? hooks.putArray(event) : (ArrayNode) existing;
            if (!hasOurHook(entries)) {
                ObjectNode entry = entries.addObject();
                if (TOOL_EVENTS.contains(event)) {
                    entry.put("matcher", "*");
                }
                ObjectNode hook = entry.putArray("hooks").addObject();
                hook.put("type", "command");
                hook.put("command", HOOK_COMMAND);
                hook.put("timeout", HOOK_TIMEOUT);
            }
        }
        changes.add(new FileChange(settings, settingsBefore, render(settings, settingsBefore, settingsJson)));
        return changes;
    }

    /** A readable account of the changes: each file and, when it changes, its content after. */
    public static String describe(List<FileChange> changes) {
        StringBuilder b = new StringBuilder();
        for (FileChange c : changes) {
            if (!c.changed()) {
                b.append(c.path()).append(": unchanged\n");
            } else {
                b.append(c.path()).append(c.before() == null ? ": new file\n" : ": updated to\n").append(c.after());
            }
        }
        return b.toString();
    }

    private static boolean hasOurHook(ArrayNode entries) {
        for (JsonNode entry : entries) {
            for (JsonNode hook : entry.path("hooks")) {
                JsonNode command = hook.path("command");
                if (command.isString() && command.stringValue().strip().equals(HOOK_COMMAND)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ObjectNode object(ObjectNode parent, String field, Path file) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return parent.putObject(field);
        }
        if (!node.isObject()) {
            throw new InitException(file + ": \"" + field + "\" is not a JSON object; fix it by hand and run again");
        }
        return (ObjectNode) node;
    }

    private static ObjectNode parse(Path file, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return JSON.createObjectNode();
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new InitException(file + " is not valid JSON (" + e.getOriginalMessage() + "); fix it by hand and run again");
        }
        if (node == null || !node.isObject()) {
            throw new InitException(file + " is not a JSON object; fix it by hand and run again");
        }
        return (ObjectNode) node;
    }

    /** The new content, or the old one byte for byte when nothing changed in it. */
    private static String render(Path file, @Nullable String before, ObjectNode json) {
        if (before != null && !before.isBlank() && parse(file, before).equals(json)) {
            return before;
        }
        return PRETTY.writeValueAsString(json) + "\n";
    }

    private static @Nullable String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(FileChange c) {
        try {
            Files.createDirectories(c.path().getParent());
            Path tmp = c.path().resolveSibling(c.path().getFileName() + ".ijoka-tmp");
            Files.writeString(tmp, c.after(), StandardCharsets.UTF_8);
            Files.move(tmp, c.path(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + c.path(), e);
        }
    }
}
