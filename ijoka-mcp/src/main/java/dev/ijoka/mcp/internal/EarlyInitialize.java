package dev.ijoka.mcp.internal;

import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Answers the client's {@code initialize} the moment it arrives, before the MCP SDK's server exists: the answer is
 * fixed (who the server is, what it offers, which protocol version it speaks), yet through the SDK it waits for the
 * server to be built and for Jackson to introspect a dozen of the SDK's records, about two thirds of a cold {@code
 * ijoka mcp}'s time to that answer (docs/benchmarks.md, "The handshake answered on arrival"). Here it is read and
 * written with Jackson's streaming parser and generator, which need none of that.
 *
 * <p>The request then goes on to the SDK as if nothing had happened, so that its session starts as usual (the client's
 * capabilities and roots); its own answer, which the client must not get twice, is dropped and compared with the one
 * sent: a difference is logged as an error (the tests check there is none for every protocol version the transport
 * speaks). Only a first line that is plainly an {@code initialize} request, with fields of the types the SDK reads,
 * is answered here; anything else (another request first, a notification, a line that is not one JSON object) goes to
 * the SDK untouched, which answers it as before.
 */
public final class EarlyInitialize {

    private static final Logger LOG = LoggerFactory.getLogger(EarlyInitialize.class);
    /** An {@code initialize} request is a few hundred bytes: a first line longer than this is left to the SDK. */
    static final int MAX_FIRST_LINE = 64 * 1024;

    /**
     * What the server tells a client about itself, as it hands it to the SDK's builder.
     *
     * @param capabilities as given to the SDK's server builder (the server announces {@code logging} besides)
     * @param protocolVersions the versions the transport speaks, oldest first: a client's is echoed if listed, else the
     *     newest is offered (what the SDK's server does)
     */
    public record Greeting(McpSchema.Implementation serverInfo, McpSchema.ServerCapabilities capabilities,
            String instructions, List<String> protocolVersions) {

        public Greeting {
            protocolVersions = List.copyOf(protocolVersions);
        }

        /**
         * The answer to {@code initialize} with this id for this protocol version, as the SDK writes it; empty where
         * the greeting holds something this class does not write (prompts, resources, an icon, …): then the SDK answers.
         */
        Optional<byte[]> answer(Object id, @Nullable String requestedVersion) {
            McpSchema.ServerCapabilities c = capabilities;
            McpSchema.Implementation info = serverInfo;
            if (c.completions() != null || c.experimental() != null || c.prompts() != null || c.resources() != null
                    || (c.extensions() != null && !c.extensions().isEmpty()) || info.description() != null
                    || info.icons() != null || info.websiteUrl() != null || protocolVersions.isEmpty()) {
                return Optional.empty();
            }
            String version = protocolVersions.contains(requestedVersion) ? requestedVersion : protocolVersions.getLast();
            c = c.mutate().logging().build(); // as the SDK's server announces them
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
            try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), bytes)) {
                g.writeStartObject();
                g.writeStringProperty("jsonrpc", McpSchema.JSONRPC_VERSION);
                g.writeName("id");
                if (id instanceof Long n) {
                    // As text: the generator's writeNumber(long) first fills NumberOutput's tables (~15 ms, interpreted).
                    g.writeNumber(Long.toString(n));
                } else {
                    g.writeString((String) id);
                }
                g.writeObjectPropertyStart("result");
                g.writeStringProperty("protocolVersion", version);
                g.writeObjectPropertyStart("capabilities");
                if (c.logging() != null) {
                    g.writeObjectPropertyStart("logging");
                    g.writeEndObject();
                }
                if (c.tools() != null) {
                    g.writeObjectPropertyStart("tools");
                    if (c.tools().listChanged() != null) {
                        g.writeBooleanProperty("listChanged", c.tools().listChanged());
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
                g.writeObjectPropertyStart("serverInfo");
                g.writeStringProperty("name", info.name());
                if (info.title() != null) {
                    g.writeStringProperty("title", info.title());
                }
                g.writeStringProperty("version", info.version());
                g.writeEndObject();
                if (instructions != null) {
                    g.writeStringProperty("instructions", instructions);
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            return Optional.of(bytes.toByteArray());
        }
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private final InputStream in;
    private final OutputStream out;
    /** What the first read took from {@code in}: the first line and whatever came with it, replayed to the transport. */
    private final CompletableFuture<Consumed> consumed = new CompletableFuture<>();
    private final AtomicBoolean sdkAnswerDropped = new AtomicBoolean();
    private volatile @Nullable Object answeredId;
    private volatile byte @Nullable [] answer;

    private record Consumed(byte[] bytes, @Nullable IOException failure) {}

    private EarlyInitialize(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /**
     * Starts reading {@code in} at once, on a thread of its own, and answers a first line that is an {@code initialize}
     * request on {@code out} (under {@code out}'s lock, as the transport writes). Everything read from {@code in} is
     * served again by {@link #input()}.
     */
    public static EarlyInitialize start(InputStream in, OutputStream out, Greeting greeting) {
        EarlyInitialize early = new EarlyInitialize(Objects.requireNonNull(in, "in"), Objects.requireNonNull(out, "out"));
        Thread.ofPlatform().daemon().name("ijoka-mcp-initialize").start(() -> early.readFirstLine(greeting));
        return early;
    }

    /** The client's input from its first byte: what the early reader took, then the rest of the stream. */
    public InputStream input() {
        return new Replay();
    }

    /**
     * Whether {@code message} is the SDK's answer to the request answered here already, and so must not be written:
     * true once, for the first response with that id; {@code written} is how the transport would have written it.
     */
    public boolean answeredAlready(McpSchema.JSONRPCMessage message, byte[] written) {
        Object id = answeredId;
        if (id == null || !(message instanceof McpSchema.JSONRPCResponse response) || !sameId(id, response.id())
                || !sdkAnswerDropped.compareAndSet(false, true)) {
            return false;
        }
        if (!Arrays.equals(written, answer)) {
            LOG.error("the MCP SDK answered initialize otherwise than the answer the client was sent at once;"
                    + " sent: {} SDK's: {}", new String(answer, StandardCharsets.UTF_8),
                    new String(written, StandardCharsets.UTF_8));
        }
        return true;
    }

    private static boolean sameId(Object answered, @Nullable Object id) {
        if (answered instanceof Long n) {
            return (id instanceof Integer || id instanceof Long) && ((Number) id).longValue() == n;
        }
        return answered.equals(id);
    }

    private void readFirstLine(Greeting greeting) {
        ByteArrayOutputStream taken = new ByteArrayOutputStream(4096);
        byte[] chunk = new byte[8192];
        IOException failure = null;
        int newline = -1;
        try {
            while (newline < 0 && taken.size() < MAX_FIRST_LINE) {
                int n = in.read(chunk);
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n && newline < 0; i++) {
                    if (chunk[i] == '\n') {
                        newline = taken.size() + i;
                    }
                }
                taken.write(chunk, 0, n);
            }
        } catch (IOException e) {
            failure = e;
        }
        byte[] bytes = taken.toByteArray();
        try {
            if (newline >= 0) {
                answer(bytes, newline, greeting);
            }
        } catch (RuntimeException e) { // never lose the client's input over this shortcut: the SDK answers instead
            LOG.warn("initialize not answered early: {}", e.toString());
        } finally {
            consumed.complete(new Consumed(bytes, failure));
        }
    }

    private void answer(byte[] bytes, int newline, Greeting greeting) {
        Request request = Request.parse(bytes, newline);
        if (request == null) {
            return;
        }
        Optional<byte[]> written = greeting.answer(request.id(), request.protocolVersion());
        if (written.isEmpty()) {
            return;
        }
        answer = written.get();
        answeredId = request.id();
        try {
            synchronized (out) {
                out.write(written.get());
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            LOG.debug("could not write the answer to initialize: {}", e.toString());
        }
    }

    /** The fields of a first line that is an {@code initialize} request the SDK will read without a complaint. */
    private record Request(Object id, String protocolVersion) {

        /** The request on {@code bytes[0, end)}, or null if that is anything else. */
        static @Nullable Request parse(byte[] bytes, int end) {
            try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), bytes, 0, end)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                Object id = null;
                String method = null;
                String jsonrpc = null;
                String version = null;
                Set<String> seen = new HashSet<>();
                for (String name = p.nextName(); name != null; name = p.nextName()) {
                    if (!seen.add(name)) {
                        return null; // which one the SDK's reader keeps is its business
                    }
                    JsonToken value = p.nextToken();
                    switch (name) {
                        case "jsonrpc" -> jsonrpc = value == JsonToken.VALUE_STRING ? p.getString() : null;
                        case "method" -> method = value == JsonToken.VALUE_STRING ? p.getString() : null;
                        case "id" -> id = value == JsonToken.VALUE_STRING ? p.getString()
                                : value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                                        ? (Object) p.getLongValue() : null;
                        case "params" -> {
                            if (value != JsonToken.START_OBJECT) {
                                return null;
                            }
                            version = protocolVersionIn(p);
                            if (version == null) {
                                return null;
                            }
                        }
                        default -> p.skipChildren();
                    }
                }
                boolean initialize = McpSchema.JSONRPC_VERSION.equals(jsonrpc) && McpSchema.METHOD_INITIALIZE.equals(method)
                        && id != null && version != null;
                return initialize && p.nextToken() == null ? new Request(id, version) : null;
            } catch (JacksonException e) {
                return null; // not JSON: the SDK's reader answers with its parse error
            }
        }

        /** The params' protocolVersion, with its capabilities and client info objects if given; else null. */
        private static @Nullable String protocolVersionIn(JsonParser p) {
            String version = null;
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                JsonToken value = p.nextToken();
                switch (name) {
                    case "protocolVersion" -> {
                        if (value != JsonToken.VALUE_STRING || version != null) {
                            return null;
                        }
                        version = p.getString();
                    }
                    case "capabilities", "clientInfo" -> {
                        if (value != JsonToken.START_OBJECT) {
                            return null;
                        }
                        p.skipChildren();
                    }
                    default -> p.skipChildren();
                }
            }
            return version;
        }
    }

    /** {@code in} as the transport reads it: the bytes the early reader took first, then the stream itself. */
    private final class Replay extends InputStream {
        private @Nullable Consumed head;
        private int pos;
        private boolean failureThrown;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Consumed first = head();
            if (pos < first.bytes().length) {
                int n = Math.min(len, first.bytes().length - pos);
                System.arraycopy(first.bytes(), pos, b, off, n);
                pos += n;
                return n;
            }
            if (first.failure() != null && !failureThrown) {
                failureThrown = true;
                throw first.failure();
            }
            return in.read(b, off, len);
        }

        private Consumed head() throws IOException {
            if (head == null) {
                try {
                    head = consumed.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("stopped while waiting for the client's first message");
                } catch (ExecutionException e) {
                    throw new IOException(e.getCause());
                }
            }
            return head;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
