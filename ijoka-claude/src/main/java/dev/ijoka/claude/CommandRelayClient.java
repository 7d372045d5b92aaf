package dev.ijoka.claude;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The command line's side of the relay: hands a command to a running process that holds the same store's engine
 * open ({@code ijoka mcp}, {@code serve}, {@code desktop}), prints what it prints and returns its exit code.
 *
 * <p>Exactly once: the command runs here only if no server took it (no socket, a stale one, a server of another
 * build or store, or none that answered in time). Once a server has taken it, the answer is waited for however
 * long the command runs; if the connection breaks before the exit code arrives, the command may or may not have
 * been applied, which is said on stderr, with {@link #OUTCOME_UNKNOWN} as the exit code. JDK classes only, and
 * the store providers, so that a handed-over command loads no picocli, Guice, Jackson, jOOQ or engine.
 */
public final class CommandRelayClient {

    /** The exit code of a command whose server stopped before it said how the command ended. */
    public static final int OUTCOME_UNKNOWN = 14;

    /** How long a server may take to say whether it takes a command, before the command runs here. */
    static final long VERDICT_TIMEOUT_MS = 2_000;

    private CommandRelayClient() {}

    /**
     * Tries the servers of {@code command}'s store, the newest first, until one takes the command.
     *
     * @param out the process's stdout, which gets the command's stdout byte for byte
     * @param err the process's stderr, likewise
     * @return the command's exit code, or empty if no server took it and it must run here
     */
    public static OptionalInt run(RelayedCommand command, Path dataDirectory, OutputStream out, PrintStream err) {
        Optional<Path> directory = RelayDirectory.of(dataDirectory, command.storeUrl(), command.workingDirectory());
        if (directory.isEmpty()) {
            return OptionalInt.empty();
        }
        for (Path socket : RelayDirectory.sockets(directory.get())) {
            Optional<SocketChannel> connected = RelayDirectory.connect(socket);
            if (connected.isEmpty()) {
                continue;
            }
            SocketChannel channel = connected.get();
            try (channel) {
                OptionalInt code = converse(channel, socket, command, out, err);
                if (code.isPresent()) {
                    return code;
                }
            } catch (IOException e) {
                // closing a channel that failed: nothing more to do with it
            }
        }
        return OptionalInt.empty();
    }

    /** One server: empty if it did not take the command (the next may, or this process runs it). */
    private static OptionalInt converse(SocketChannel channel, Path socket, RelayedCommand command, OutputStream out,
            PrintStream err) {
        DataInputStream in;
        DataOutputStream to;
        Thread timer = Thread.ofPlatform().daemon().name("ijoka-command-relay-timeout").start(() -> {
            try {
                Thread.sleep(VERDICT_TIMEOUT_MS);
                channel.close();
            } catch (InterruptedException | IOException e) {
                // answered in time, or closed already
            }
        });
        try {
            to = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 8192));
            RelayProtocol.writeCommand(to, command);
            to.flush();
            in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
            if (RelayProtocol.readVerdict(in) != null) {
                return OptionalInt.empty();
            }
            timer.interrupt();
            timer.join();
            if (!channel.isOpen()) {
                return OptionalInt.empty(); // the verdict came as time ran out: the server waits for a go it never gets
            }
            to.writeByte(RelayProtocol.GO);
            to.flush();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty(); // not taken: no go was sent, so the server does not run it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        } finally {
            timer.interrupt();
        }
        // Taken, and told to go: from here on the command is the server's, however this ends.
        try {
            while (true) {
                RelayProtocol.Frame frame = RelayProtocol.readFrame(in);
                switch (frame.kind()) {
                    case RelayProtocol.STDOUT -> out.write(frame.bytes());
                    case RelayProtocol.STDERR -> err.write(frame.bytes());
                    default -> {
                        out.flush();
                        err.flush();
                        return OptionalInt.of(frame.exitCode());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            try {
                out.flush();
            } catch (IOException ignored) {
                // stdout is gone too: stderr still says what happened
            }
            err.println();
            err.println("ijoka: the Ijoka process that ran this command (" + socket.getFileName() + ") stopped before it "
                    + "finished (" + e + "). The command may or may not have been applied: check with 'ijoka status' or "
                    + "'ijoka feature show' before running it again.");
            err.flush();
            return OptionalInt.of(OUTCOME_UNKNOWN);
        }
    }

}
