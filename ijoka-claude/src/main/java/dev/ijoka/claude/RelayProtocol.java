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
 * The hook relay's wire format: one request and one answer per connection, each a version byte then
 * length-prefixed fields. Both ends are the same build, so a version mismatch is simply refused, and
 * the hook falls back to its direct path.
 *
 * <p>Only JDK classes here: the client side runs in {@code ijoka hook} before anything heavy loads.
 */
final class RelayProtocol {

    /** Bumped on any change of the frames below, or of what they mean. */
    static final byte VERSION = 2;

    /**
     * What {@link HookHandler} reads of the hook's environment, sent with each request: its variables and
     * the hook process's ancestors ({@link HookEnvironment}).
     */
    static final List<String> ENVIRONMENT = HookEnvironment.NAMES;

    /** The answer's status: handled (with the hook's stdout, maybe empty), refused as bad input, or failed. */
    static final byte ANSWERED = 0;
    static final byte REJECTED = 1;
    static final byte FAILED = 2;

    private static final int MAX_TEXT = 64 * 1024;
    private static final int MAX_ANSWER = 4 << 20;

    private RelayProtocol() {}

    /** What a hook process sends: its stdin, its working directory and the variables in {@link #ENVIRONMENT}. */
    record Request(byte[] stdin, Path workingDirectory, Map<String, String> env) {}

    /** What the server answers: a status, and the stdout text ({@link #ANSWERED}) or an error message. */
    record Answer(byte status, @Nullable String text) {
        static Answer answered(@Nullable String stdout) {
            return new Answer(ANSWERED, stdout);
        }
    }

    static void writeRequest(DataOutput out, Request request) throws IOException {
        out.writeByte(VERSION);
        writeText(out, request.workingDirectory().toString());
        out.writeInt(request.env().size());
        for (Map.Entry<String, String> e : request.env().entrySet()) {
            writeText(out, e.getKey());
            writeText(out, e.getValue());
        }
        out.writeInt(request.stdin().length);
        out.write(request.stdin());
    }

    /** Reads a request, refusing another version and anything past the hook's own bounds. */
    static Request readRequest(DataInput in) throws IOException {
        checkVersion(in.readByte());
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
        return new Request(readBytes(in, HookMain.MAX_INPUT), workingDirectory, env);
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
        if (status != ANSWERED && status != REJECTED && status != FAILED) {
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
