package dev.ijoka.claude;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The relay's second wire format, the one the launcher ({@code ijoka}, a bash script) speaks over loopback TCP with
 * bash's built-ins alone ({@code /dev/tcp}, {@code read -N}, {@code printf}), so that a relayed hook or a handed-over
 * command starts no JVM at all (docs/architecture.md, "The relay's two transports"). {@link RelayProtocol} is the
 * binary one of the Java clients on the Unix socket; both reach the same handlers.
 *
 * <p>Every field is a netstring: its length in bytes in decimal, a colon, the bytes, a comma ({@code 5:hello,}).
 * Bash reads one with {@code read -d :} for the length and {@code read -N} for the bytes (under {@code LC_ALL=C}, so
 * that a character is a byte) and writes one with {@code ${#value}}. Numbers and flags are fields of decimal text.
 *
 * <p>A connection, client first:
 * <ol>
 *   <li>the token of the server's {@code .tcp} file; a wrong one is closed at once, having done nothing;
 *   <li>{@link #VERSION}, the kind ({@code hook}, {@code command} or {@code mcp}), the working directory, the client's process id,
 *     whether stdin and stdout are a terminal ({@code 0}/{@code 1}), the encoding of its stdout, the number of
 *     arguments and each argument, the number of environment variables and each name and value, the stdin (a hook's
 *     event; empty for a command).
 * </ol>
 * The server answers with its {@link #VERSION} first (a client that reads another one goes the Java way) and then:
 * <ul>
 *   <li>a hook: a status ({@link #DONE}, {@link #OTHER} store: try the next server, {@link #FALLBACK}: handle it
 *     another way), then the bytes for the hook's stdout and for its stderr;
 *   <li>a command: {@link #TAKEN}, or {@link #DECLINED} and the reason. After taken, the client sends {@link #GO}
 *     (or closes: then nothing runs), and the server streams frames, each a byte ({@link #OUT}, {@link #ERR},
 *     {@link #EXIT}) and a field: bytes for stdout or stderr, or the exit code, which ends the run;
 *   <li>an MCP session: {@link #TAKEN}, or {@link #DECLINED} and the reason, as for a command. After {@link #GO}, the
 *     connection carries the session's stdin (client to server) and stdout (server to client) as they are, unframed,
 *     until either side closes it: the client's stdin ended, or the server stopped. A server older than this kind
 *     answers its version alone and closes, which a client takes as declined.
 * </ul>
 */
final class RelayText {

    /** Bumped on any change of the fields above, or of what they mean; the launcher sends and expects the same. */
    static final String VERSION = "1";

    static final String HOOK = "hook";
    static final String COMMAND = "command";
    static final String MCP = "mcp";

    static final String DONE = "done";
    static final String OTHER = "other";
    static final String FALLBACK = "fallback";

    static final String TAKEN = "taken";
    static final String DECLINED = "declined";
    static final String GO = "go";

    static final byte OUT = 'o';
    static final byte ERR = 'e';
    static final byte EXIT = 'x';

    /** A token is 64 hex digits; a little room, never more. */
    static final int MAX_TOKEN = 128;
    private static final int MAX_TEXT = 64 * 1024;
    private static final int MAX_ARGS = 4096;
    private static final int MAX_VARIABLES = 4096;
    /** The whole request, whatever its fields: the stdin's bound, and room for an environment. */
    static final int MAX_REQUEST = HookMain.MAX_INPUT + (4 << 20);
    private static final int MAX_LENGTH_DIGITS = 9;

    private RelayText() {}

    /** A request as read after the token. */
    record Request(String kind, String workingDirectory, long pid, boolean terminal, String encoding, List<String> args,
            Map<String, String> env, byte[] stdin) {}

    /** A request of another version: the server answers its own and does nothing. */
    static final class VersionMismatch extends IOException {
        private static final long serialVersionUID = 1L;

        VersionMismatch(String version) {
            super("relay text protocol version " + version + ", expected " + VERSION);
        }
    }

    /** Reads the request that follows the token, refusing another version and anything past its bounds. */
    static Request readRequest(InputStream stream) throws IOException {
        InputStream in = new Bounded(stream, MAX_REQUEST);
        String version = text(in, 16);
        if (!version.equals(VERSION)) {
            throw new VersionMismatch(version);
        }
        String kind = text(in, 16);
        if (!kind.equals(HOOK) && !kind.equals(COMMAND) && !kind.equals(MCP)) {
            throw new IOException("an unknown relay request kind " + kind);
        }
        String workingDirectory = text(in, MAX_TEXT);
        long pid = number(in, Long.MAX_VALUE);
        long terminal = number(in, 1);
        String encoding = text(in, 256);
        int argc = (int) number(in, MAX_ARGS);
        List<String> args = new ArrayList<>(argc);
        for (int i = 0; i < argc; i++) {
            args.add(text(in, MAX_TEXT));
        }
        int count = (int) number(in, MAX_VARIABLES);
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            env.put(text(in, MAX_TEXT), text(in, MAX_TEXT));
        }
        byte[] stdin = field(in, HookMain.MAX_INPUT);
        return new Request(kind, workingDirectory, pid, terminal == 1, encoding, args, env, stdin);
    }

    /** One netstring's bytes, at most {@code max} of them. */
    static byte[] field(InputStream in, int max) throws IOException {
        int length = 0;
        int digits = 0;
        for (int c = read(in); c != ':'; c = read(in)) {
            if (c < '0' || c > '9' || ++digits > MAX_LENGTH_DIGITS) {
                throw new IOException("a relay field whose length is not a number");
            }
            length = length * 10 + (c - '0');
        }
        if (digits == 0 || length > max) {
            throw new IOException("a relay field of " + (digits == 0 ? "no" : length) + " bytes (at most " + max + ")");
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("a relay field cut short");
        }
        if (read(in) != ',') {
            throw new IOException("a relay field not ended by a comma");
        }
        return bytes;
    }

    static String text(InputStream in, int max) throws IOException {
        return new String(field(in, max), StandardCharsets.UTF_8);
    }

    private static long number(InputStream in, long max) throws IOException {
        String text = text(in, 19);
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException("a relay field that is not a number: " + text);
        }
        if (value < 0 || value > max) {
            throw new IOException("a relay number out of bounds: " + value);
        }
        return value;
    }

    private static int read(InputStream in) throws IOException {
        int c = in.read();
        if (c < 0) {
            throw new EOFException("the relay request ended early");
        }
        return c;
    }

    static void write(OutputStream out, byte[] bytes, int offset, int length) throws IOException {
        out.write(Integer.toString(length).getBytes(StandardCharsets.US_ASCII));
        out.write(':');
        out.write(bytes, offset, length);
        out.write(',');
    }

    static void write(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(out, bytes, 0, bytes.length);
    }

    /** A request as the launcher writes it: for tests, and the fuzz test's seeds. */
    static byte[] request(String token, String kind, String workingDirectory, long pid, boolean terminal, String encoding,
            List<String> args, Map<String, String> env, byte[] stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out, token);
            write(out, VERSION);
            write(out, kind);
            write(out, workingDirectory);
            write(out, Long.toString(pid));
            write(out, terminal ? "1" : "0");
            write(out, encoding);
            write(out, Integer.toString(args.size()));
            for (String a : args) {
                write(out, a);
            }
            write(out, Integer.toString(env.size()));
            for (Map.Entry<String, String> e : env.entrySet()) {
                write(out, e.getKey());
                write(out, e.getValue());
            }
            write(out, stdin, 0, stdin.length);
        } catch (IOException e) {
            throw new IllegalStateException("a byte array does not fail", e);
        }
        return out.toByteArray();
    }

    /** Refuses to read past {@code limit} bytes in all: one request's bound, whatever its fields say. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long left;

        Bounded(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                throw new IOException("a relay request larger than " + MAX_REQUEST + " bytes");
            }
            int c = in.read();
            if (c >= 0) {
                left--;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (left <= 0) {
                throw new IOException("a relay request larger than " + MAX_REQUEST + " bytes");
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
