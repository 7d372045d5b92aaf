package dev.ijoka.web.internal.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Finds a port to listen on: the first free one of a range (4000 to 4100 by default, DESIGN.md §6),
 * or exactly the one asked for. Port 0 asks the system for any free port (tests).
 */
public final class PortPicker {

    private PortPicker() {}

    /** @throws IllegalStateException naming the range when every port in it is taken */
    public static int firstFree(InetAddress host, int from, int to) {
        for (int port = from; port <= to; port++) {
            int free = tryPort(host, port);
            if (free > 0) {
                return free;
            }
        }
        throw new IllegalStateException("every port from " + from + " to " + to + " on " + host.getHostAddress()
                + " is taken: stop another Ijoka server, or pick a port with --port N");
    }

    /** The port if it can be bound now (the one the system picked for 0), else -1. */
    public static int tryPort(InetAddress host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(host, port));
            return socket.getLocalPort();
        } catch (IOException e) {
            return -1;
        }
    }
}
