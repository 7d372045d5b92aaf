package dev.ijoka.claude;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A command line handed by an {@code ijoka} process to one that holds the store's engine open: what a local run
 * would have read from its own process, so that the server's run prints what the local one would have.
 *
 * @param args the arguments, exactly as the process got them
 * @param workingDirectory the process's directory: projects, relative paths and {@code --project} are read from it
 * @param env the process's environment variables
 * @param storeUrl the canonical URL of the store the command would open ({@code dev.ijoka.StoreLocation}): a
 *     server of another store declines
 * @param encoding the encoding of the process's stdout and stderr
 * @param terminal whether the process's stdin and stdout are a terminal
 */
public record RelayedCommand(List<String> args, Path workingDirectory, Map<String, String> env, String storeUrl,
        Charset encoding, boolean terminal) {

    public RelayedCommand {
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }
}
