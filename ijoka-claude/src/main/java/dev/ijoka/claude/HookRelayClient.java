package dev.ijoka.claude;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hook's side of the relay: hands the event to a running {@code ijoka mcp} of the same store,
 * whose engine is open and warm, instead of starting one in this process.
 *
 * <p>It answers only "handled" or "not handled": anything unexpected (no server, a stale socket, a
 * server of another build, a timeout, a failure inside the server) is "not handled", and the hook then
 * takes its direct path, so that no event is lost. JDK classes only, so that a relayed hook never loads
 * Jackson, jOOQ or the engine.
 */
final class HookRelayClient {

    private HookRelayClient() {}

    /**
     * Tries the relay sockets under the data directory, the newest first, until the server of this hook's store takes
     * the request; a server of another store says so and changes nothing ({@link RelayProtocol#OTHER_STORE}).
     *
     * @return true if a server handled the event (its answer, if any, is printed on {@code out}; a
     *     rejection of bad input is reported on {@code errors}); false if the hook must handle it itself
     */
    static boolean relay(byte[] stdin, PrintStream out, PrintStream errors, Map<String, String> env, Path workingDirectory,
            Path dataDirectory, long timeoutMillis) {
        List<Path> sockets = RelayDirectory.everySocket(dataDirectory);
        if (sockets.isEmpty()) {
            return false;
        }
        RelayProtocol.Request request = new RelayProtocol.Request(stdin, workingDirectory, HookMain.storeUrl(env),
                HookEnvironment.of(env));
        for (Path socket : sockets) {
            Optional<SocketChannel> connected = RelayDirectory.connect(socket);
            if (connected.isEmpty()) {
                continue;
            }
            SocketChannel channel = connected.get();
            // Connected: from here on a failure falls back rather than trying another server, since this one
            // may have committed the event already (a late duplicate beats a lost event; two would be worse).
            RelayProtocol.Answer answer;
            try (channel) {
                answer = exchange(channel, request, timeoutMillis);
            } catch (IOException | RuntimeException e) {
                errors.println("ijoka hook: the relay at " + socket + " did not answer (" + e + "); handling the event here");
                return false;
            }
            if (answer.status() != RelayProtocol.OTHER_STORE) {
                return answer(answer, out, errors);
            }
        }
        return false;
    }

    private static boolean answer(RelayProtocol.Answer answer, PrintStream out, PrintStream errors) {
        switch (answer.status()) {
            case RelayProtocol.ANSWERED -> {
                if (answer.text() != null) {
                    out.println(answer.text());
                }
                out.flush();
                return true;
            }
            case RelayProtocol.REJECTED -> {
                errors.println("ijoka hook: " + answer.text());
                return true;
            }
            default -> {
                errors.println("ijoka hook: the relay failed (" + answer.text() + "); handling the event here");
                return false;
            }
        }
    }

    /** Sends the request and reads the answer, closing the channel (which ends a blocked read) after {@code timeoutMillis}. */
    private static RelayProtocol.Answer exchange(SocketChannel channel, RelayProtocol.Request request, long timeoutMillis)
            throws IOException {
        Thread timer = new Thread(new Timeout(channel, timeoutMillis), "ijoka-hook-relay-timeout");
        timer.setDaemon(true);
        timer.start();
        try {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 8192));
            RelayProtocol.writeRequest(out, request);
            out.flush();
            return RelayProtocol.readAnswer(new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel))));
        } finally {
            timer.interrupt();
        }
    }

    /** Closes the channel after the time allowed. A class, not a lambda: the first lambda of a process costs it classes spun at run time. */
    private static final class Timeout implements Runnable {
        private final SocketChannel channel;
        private final long millis;

        Timeout(SocketChannel channel, long millis) {
            this.channel = channel;
            this.millis = millis;
        }

        @Override
        public void run() {
            try {
                Thread.sleep(millis);
                channel.close();
            } catch (InterruptedException | IOException e) {
                // answered in time, or closed already
            }
        }
    }

}
