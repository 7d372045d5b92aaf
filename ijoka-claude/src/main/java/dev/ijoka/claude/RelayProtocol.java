package dev.ijoka.claude;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The relay's wire format: one request per connection, a version byte, the kind of request, then
 * length-prefixed fields. Both ends are the same build, so a version mismatch is simply refused, and
 * the client falls back to doing the work itself.
 *
 * <p>A hook ({@link #HOOK}) gets one answer. A command line ({@link #COMMAND}) is a short conversation, so that
 * a command runs exactly once, here or there: the server says whether it takes the command ({@link #TAKEN}) or
 * not ({@link #DECLINED}, with the reason); the client, if it still wants it run there, says {@link #GO} (a
 * client that gave up waiting closes instead, and runs the command itself); only then does the server run it,
 * streaming its output as frames ({@link #STDOUT}, {@link #STDERR}) and ending with its exit code
 * ({@link #EXIT}).
 *
 * <p>Only JDK classes here: the client side runs in {@code ijoka hook} before anything heavy loads.
 */
final class RelayProtocol {

    /** Bumped on any change of the frames below, or of what they mean. */
    static final byte VERSION = 4;

    /** The kinds of request. */
    static final byte HOOK = 0;
    static final byte COMMAND = 1;

    /**
     * What {@link HookHandler} reads of the hook's environment, sent with each request: its variables and
     * the hook process's ancestors ({@link HookEnvironment}).
     */
    static final List<String> ENVIRONMENT = HookEnvironment.NAMES;

    /**
     * The answer's status: handled (with the hook's stdout, maybe empty), refused as bad input, failed, or not for
     * this server ({@link #OTHER_STORE}: it holds another store, nothing was done, and the hook tries the next server).
     */
    static final byte ANSWERED = 0;
    static final byte REJECTED = 1;
    static final byte FAILED = 2;
    static final byte OTHER_STORE = 3;

    /** The server's first answer to a command, and the client's go-ahead. */
    static final byte TAKEN = 0;
    static final byte DECLINED = 1;
    static final byte GO = 7;
    /** The frames of a command's run. */
    static final byte STDOUT = 1;
    static final byte STDERR = 2;
    static final byte EXIT = 3;

    private static final int MAX_TEXT = 64 * 1024;
    private static final int MAX_ARGS = 4096;
    private static final int MAX_VARIABLES = 4096;
    private static final int MAX_FRAME = 1 << 20;
    private static final int MAX_ANSWER = 4 << 20;

    private RelayProtocol() {}

    /**
     * What a hook process sends: its stdin, its working directory, the store it would open itself (its URL as chosen,
     * not yet located: the server, which has the stores' providers loaded, decides whether that is its own store, so
     * that the hook never loads them) and the variables in {@link #ENVIRONMENT}.
     */
    record Request(byte[] stdin, Path workingDirectory, String storeUrl, Map<String, String> env) {}

    /** What the server answers: a status, and the stdout text ({@link #ANSWERED}) or an error message. */
    record Answer(byte status, @Nullable String text) {
        static Answer answered(@Nullable String stdout) {
            return new Answer(ANSWERED, stdout);
        }
    }

    static void writeRequest(DataOutput out, Request request) throws IOException {
        out.writeByte(VERSION);
        out.writeByte(HOOK);
        writeText(out, request.storeUrl());
        writeText(out, request.workingDirectory().toString());
        out.writeInt(request.env().size());
        for (Map.Entry<String, String> e : request.env().entrySet()) {
            writeText(out, e.getKey());
            writeText(out, e.getValue());
        }
        out.writeInt(request.stdin().length);
        out.write(request.stdin());
    }

    /** Reads a request of either kind, refusing another version and anything past its bounds. */
    static Object readAny(DataInput in) throws IOException {
        checkVersion(in.readByte());
        byte kind = in.readByte();
        return switch (kind) {
            case HOOK -> readHook(in);
            case COMMAND -> readCommand(in);
            default -> throw new IOException("an unknown relay request kind " + kind);
        };
    }

    /** Reads a hook's request, refusing another version and anything past the hook's own bounds. */
    static Request readRequest(DataInput in) throws IOException {
        checkVersion(in.readByte());
        byte kind = in.readByte();
        if (kind != HOOK) {
            throw new IOException("a relay request of kind " + kind + " where a hook's was expected");
        }
        return readHook(in);
    }

    private static Request readHook(DataInput in) throws IOException {
        String storeUrl = readText(in, MAX_TEXT);
        Path workingDirectory = Path.of(readText(in, MAX_TEXT)).toAbsolutePath();
        int count = in.readInt();
        if (count < 0 || count > ENVIRONMENT.size()) {
            throw new IOException("a relay request with " + count + " environment variables");
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = readText(in, MAX_TEXT);
            String value = readText(in, MAX_TEXT);
            if (ENVIRONMENT.contains(name)) {
                env.put(name, value);
            }
        }
        return new Request(readBytes(in, HookMain.MAX_INPUT), workingDirectory, storeUrl, env);
    }

    static void writeCommand(DataOutput out, RelayedCommand command) throws IOException {
        out.writeByte(VERSION);
        out.writeByte(COMMAND);
        writeText(out, command.storeUrl());
        writeText(out, command.workingDirectory().toString());
        writeText(out, command.encoding().name());
        out.writeBoolean(command.terminal());
        out.writeInt(command.args().size());
        for (String a : command.args()) {
            writeText(out, a);
        }
        out.writeInt(command.env().size());
        for (Map.Entry<String, String> e : command.env().entrySet()) {
            writeText(out, e.getKey());
            writeText(out, e.getValue());
        }
    }

    private static RelayedCommand readCommand(DataInput in) throws IOException {
        String storeUrl = readText(in, MAX_TEXT);
        Path workingDirectory = Path.of(readText(in, MAX_TEXT)).toAbsolutePath();
        String encoding = readText(in, 256);
        boolean terminal = in.readBoolean();
        int argc = in.readInt();
        if (argc < 0 || argc > MAX_ARGS) {
            throw new IOException("a relayed command of " + argc + " arguments");
        }
        List<String> args = new java.util.ArrayList<>(argc);
        for (int i = 0; i < argc; i++) {
            args.add(readText(in, MAX_TEXT));
        }
        int count = in.readInt();
        if (count < 0 || count > MAX_VARIABLES) {
            throw new IOException("a relayed command with " + count + " environment variables");
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            env.put(readText(in, MAX_TEXT), readText(in, MAX_TEXT));
        }
        java.nio.charset.Charset charset;
        try {
            charset = java.nio.charset.Charset.forName(encoding);
        } catch (RuntimeException e) {
            throw new IOException("a relayed command in an unknown encoding " + encoding);
        }
        return new RelayedCommand(args, workingDirectory, env, storeUrl, charset, terminal);
    }

    /** The server's first answer to a command: {@link #TAKEN}, or {@link #DECLINED} with the reason. */
    static void writeVerdict(DataOutput out, @Nullable String declined) throws IOException {
        out.writeByte(VERSION);
        out.writeByte(declined == null ? TAKEN : DECLINED);
        if (declined != null) {
            writeText(out, declined);
        }
    }

    /** Null if the server took the command, else why it declined. */
    static @Nullable String readVerdict(DataInput in) throws IOException {
        checkVersion(in.readByte());
        byte verdict = in.readByte();
        return switch (verdict) {
            case TAKEN -> null;
            case DECLINED -> readText(in, MAX_TEXT);
            default -> throw new IOException("an unknown relay verdict " + verdict);
        };
    }

    /** One frame of a command's output. */
    static void writeFrame(DataOutput out, byte stream, byte[] bytes, int offset, int length) throws IOException {
        out.writeByte(stream);
        out.writeInt(length);
        out.write(bytes, offset, length);
    }

    static void writeExit(DataOutput out, int code) throws IOException {
        out.writeByte(EXIT);
        out.writeInt(code);
    }

    /** A frame as read: {@link #STDOUT} or {@link #STDERR} with bytes, or {@link #EXIT} with the code. */
    record Frame(byte kind, byte[] bytes, int exitCode) {}

    static Frame readFrame(DataInput in) throws IOException {
        byte kind = in.readByte();
        return switch (kind) {
            case STDOUT, STDERR -> new Frame(kind, readBytes(in, MAX_FRAME), 0);
            case EXIT -> new Frame(kind, new byte[0], in.readInt());
            default -> throw new IOException("an unknown relay frame " + kind);
        };
    }

    static void writeAnswer(DataOutput out, Answer answer) throws IOException {
        out.writeByte(VERSION);
        out.writeByte(answer.status());
        out.writeBoolean(answer.text() != null);
        if (answer.text() != null) {
            writeText(out, answer.text());
        }
    }

    static Answer readAnswer(DataInput in) throws IOException {
        checkVersion(in.readByte());
        byte status = in.readByte();
        if (status != ANSWERED && status != REJECTED && status != FAILED && status != OTHER_STORE) {
            throw new IOException("an unknown relay status " + status);
        }
        String text = in.readBoolean() ? readText(in, MAX_ANSWER) : null;
        return new Answer(status, text);
    }

    private static void checkVersion(byte version) throws IOException {
        if (version != VERSION) {
            throw new IOException("relay protocol version " + version + ", expected " + VERSION);
        }
    }

    /** UTF-8 behind an int length: {@code writeUTF} stops at 64 KiB, and a SessionStart answer may not. */
    private static void writeText(DataOutput out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInput in, int max) throws IOException {
        return new String(readBytes(in, max), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(DataInput in, int max) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > max) {
            throw new IOException("a relay field of " + length + " bytes (at most " + max + ")");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
