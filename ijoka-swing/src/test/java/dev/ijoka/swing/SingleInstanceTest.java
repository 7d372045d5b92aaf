package dev.ijoka.swing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One instance per user, proven with real processes and a real socket in a temporary data directory. */
class SingleInstanceTest {


    @TempDir
    Path data;

    private final List<SingleInstance> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        Child.started.forEach(Process::destroyForcibly);
        Child.started.clear();
        instances.forEach(SingleInstance::close);
    }

    @Test
    void theFirstClaimListensOnAnOwnerOnlySocketAndCloseRemovesIt() throws IOException {
        SingleInstance instance = claimHere(null);

        Path directory = data.resolve("desktop");
        assertThat(instance.socket()).isEqualTo(directory.resolve("instance.sock"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(instance.socket()))).isEqualTo("rw-------");

        instance.close();
        assertThat(instance.socket()).doesNotExist();
        assertThat(claimHere(null)).as("the next launch becomes the instance").isNotNull();
    }

    @Test
    void aSecondLaunchInAnotherProcessHandsItsLinkToTheFirstAndExits() throws Exception {
        Child first = Child.start(data, "ijoka://feature/shop/1");
        assertThat(first.next()).isEqualTo("claimed");

        Child second = Child.start(data, "ijoka://feature/shop/12");
        assertThat(second.next()).isEqualTo("handed off");
        assertThat(second.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.process.exitValue()).isZero();
        assertThat(first.next()).isEqualTo("hand-off ijoka://feature/shop/12");

        Child third = Child.start(data);
        assertThat(third.next()).isEqualTo("handed off");
        assertThat(first.next()).as("a launch without a link asks to be shown").isEqualTo("hand-off show");

        assertThat(SingleInstance.claim(data, "ijoka://open-project?path=/srv/x")).as("this JVM is a later launch too").isEmpty();
        assertThat(first.next()).isEqualTo("hand-off ijoka://open-project?path=/srv/x");

        first.process.getOutputStream().close();
        assertThat(first.next()).isEqualTo("closed");
        assertThat(data.resolve("desktop/instance.sock")).doesNotExist();
    }

    @Test
    void theSocketOfACrashedInstanceIsReplacedAndLaterLaunchesReachTheNewOne() throws Exception {
        Child crashed = Child.start(data);
        assertThat(crashed.next()).isEqualTo("claimed");
        crashed.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(data.resolve("desktop/instance.sock")).as("a killed process leaves its socket").exists();

        SingleInstance instance = claimHere(null);
        BlockingQueue<Optional<String>> handed = new LinkedBlockingQueue<>();
        instance.onHandOff(handed::add);

        Child later = Child.start(data, "ijoka://feature/shop/3");
        assertThat(later.next()).isEqualTo("handed off");
        assertThat(handed.poll(30, TimeUnit.SECONDS)).contains("ijoka://feature/shop/3");
    }

    @Test
    void aStaleSocketFileIsReplaced() throws IOException {
        Path directory = Files.createDirectory(data.resolve("desktop"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path socket = directory.resolve("instance.sock");
        try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            gone.bind(UnixDomainSocketAddress.of(socket)); // closing leaves the file, like a crash does
        }
        assertThat(socket).exists();

        SingleInstance instance = claimHere("ijoka://feature/shop/1");
        assertThat(instance.socket()).isEqualTo(socket);
        assertThat(SingleInstance.claim(data, null)).as("and it answers now").isEmpty();
    }

    @Test
    void handOffsThatArriveBeforeAListenerAreKeptAndDeliveredInOrder() throws Exception {
        SingleInstance instance = claimHere(null);
        assertThat(SingleInstance.claim(data, "ijoka://feature/a/1")).isEmpty();
        assertThat(SingleInstance.claim(data, null)).isEmpty();

        List<Optional<String>> got = new ArrayList<>();
        instance.onHandOff(got::add);
        assertThat(got).containsExactly(Optional.of("ijoka://feature/a/1"), Optional.empty());
    }

    @Test
    void aSocketDirectoryOthersMayUseIsRefusedWithHowToFixIt() throws IOException {
        Path directory = Files.createDirectory(data.resolve("desktop"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-x---")));

        assertThatThrownBy(() -> SingleInstance.claim(data, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is open to others (rwxr-x---)")
                .hasMessageContaining("chmod 700 " + directory);
        assertThat(directory.resolve("instance.sock")).doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwxr-x---");
    }

    @Test
    void aFileWhereTheSocketDirectoryBelongsIsRefused() throws IOException {
        Files.writeString(data.resolve("desktop"), "not a directory");
        assertThatThrownBy(() -> SingleInstance.claim(data, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be a directory");
    }

    private SingleInstance claimHere(String link) {
        Optional<SingleInstance> claimed = SingleInstance.claim(data, link);
        assertThat(claimed).as("this JVM becomes the instance").isPresent();
        instances.add(claimed.get());
        return claimed.get();
    }

    /** A real second JVM running {@link SingleInstanceChild}; its standard output line by line. */
    private record Child(Process process, BlockingQueue<String> lines) {

        static final List<Process> started = new java.util.concurrent.CopyOnWriteArrayList<>();

        static Child start(Path data, String... link) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    SingleInstanceChild.class.getName(), data.toString()));
            command.addAll(List.of(link));
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            started.add(process);
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    in.lines().forEach(lines::add);
                } catch (IOException e) {
                    lines.add("(output failed: " + e + ")");
                }
            });
            return new Child(process, lines);
        }

        String next() throws InterruptedException {
            String line = lines.poll(60, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("the child JVM printed nothing within a minute");
            }
            return line;
        }
    }
}
