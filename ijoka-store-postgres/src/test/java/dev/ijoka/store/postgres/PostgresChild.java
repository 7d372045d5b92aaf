package dev.ijoka.store.postgres;

import dev.ijoka.Ijoka;
import dev.ijoka.api.ClaimConflictException;
import dev.ijoka.api.Events;
import dev.ijoka.api.IllegalTransitionException;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Insight;
import dev.ijoka.domain.InsightKind;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.NewInsight;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.Status;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The other process of the multi-process tests on PostgreSQL, started by {@link PostgresChildJvm}: it
 * opens {@code Ijoka.builder().store(url)} as any face does and prints one line per acknowledged
 * change on standard output, flushed at once, after the call that made it has returned (so after its
 * commit), so the test knows exactly what was acknowledged before it killed or cut off the process.
 *
 * <ul>
 *   <li>{@code race <url> <projectDir> <name>}: starts a session, prints {@code READY}, then for each
 *       {@code ROUND <n> <featureId>…} line on standard input tries to start (and so claim) every
 *       feature named, printing {@code WON <n> <id>}, {@code LOST <n> <id> <code>} (the engine's
 *       conflict outcome) or {@code ERROR <n> <id> …} (anything else), completes what it won
 *       ({@code DONE <n> <id>}) and prints {@code END <n>}; {@code EXIT} ends it.</li>
 *   <li>{@code append <url> <projectDir> <seed>}: creates, starts and completes features and records
 *       insights until killed, printing {@code ACK …} after each.</li>
 *   <li>{@code write <url> <projectDir>}: for each {@code CREATE <name>} line creates that feature and
 *       prints {@code ACK <name> <id>}, or {@code FAIL <name> <message>} when the store refuses.</li>
 *   <li>{@code watch <url>}: subscribes to the bus and prints {@code EVENT <sequence> <type>} for each
 *       event delivered, after {@code READY}.</li>
 * </ul>
 */
public final class PostgresChild {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private PostgresChild() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "race" -> race(args[1], Path.of(args[2]), args[3]);
            case "append" -> append(args[1], Path.of(args[2]), Long.parseLong(args[3]));
            case "write" -> write(args[1], Path.of(args[2]));
            case "watch" -> watch(args[1]);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void race(String url, Path projectDir, String name) throws Exception {
        try (Ijoka ijoka = Ijoka.builder().store(url).build()) {
            Project project = ijoka.projects().open(projectDir);
            SessionId session = ijoka.sessions().start(project.id(), SessionId.of(name), "racer").id();
            OUT.println("READY");
            BufferedReader in = stdin();
            for (String line = in.readLine(); line != null && !line.equals("EXIT"); line = in.readLine()) {
                String[] part = line.split(" ");
                String round = part[1];
                List<FeatureId> won = new ArrayList<>();
                for (int i = 2; i < part.length; i++) {
                    FeatureId id = FeatureId.of(part[i]);
                    try {
                        ijoka.features().start(id, session);
                        won.add(id);
                        OUT.println("WON " + round + " " + id);
                    } catch (ClaimConflictException | IllegalTransitionException e) {
                        OUT.println("LOST " + round + " " + id + " " + e.code());
                    } catch (RuntimeException e) {
                        OUT.println("ERROR " + round + " " + id + " " + oneLine(e));
                    }
                }
                for (FeatureId id : won) {
                    try {
                        ijoka.features().complete(id, session);
                        OUT.println("DONE " + round + " " + id);
                    } catch (RuntimeException e) {
                        OUT.println("ERROR " + round + " " + id + " " + oneLine(e));
                    }
                }
                OUT.println("END " + round);
            }
            OUT.println("FINISHED");
        }
    }

    private static void append(String url, Path projectDir, long seed) {
        Random random = new Random(seed);
        try (Ijoka ijoka = Ijoka.builder().store(url).build()) {
            Project project = ijoka.projects().open(projectDir);
            List<FeatureId> pending = new ArrayList<>();
            List<FeatureId> inProgress = new ArrayList<>();
            for (Feature f : ijoka.features().list(project.id())) {
                if (f.status() == Status.PENDING) {
                    pending.add(f.id());
                } else if (f.status() == Status.IN_PROGRESS) {
                    inProgress.add(f.id());
                }
            }
            OUT.println("READY");
            for (long n = 0; ; n++) {
                int roll = random.nextInt(10);
                if (roll < 4 || pending.isEmpty() && inProgress.isEmpty()) {
                    Feature f = ijoka.features().create(project.id(),
                            NewFeature.of("appended " + seed + "/" + n, Category.TESTING).withSteps("one", "two"));
                    pending.add(f.id());
                    OUT.println("ACK created " + f.id() + " " + f.version());
                } else if (roll < 6 && !pending.isEmpty()) {
                    FeatureId id = pending.remove(random.nextInt(pending.size()));
                    Feature f = ijoka.features().start(id, null).feature();
                    inProgress.add(id);
                    OUT.println("ACK status " + id + " " + f.status().wireName() + " " + f.version());
                } else if (roll < 8 && !inProgress.isEmpty()) {
                    FeatureId id = inProgress.remove(random.nextInt(inProgress.size()));
                    Feature f = ijoka.features().complete(id, null).feature();
                    OUT.println("ACK status " + id + " " + f.status().wireName() + " " + f.version());
                } else {
                    Insight i = ijoka.insights().record(project.id(),
                            NewInsight.of("learned " + seed + "/" + n, InsightKind.SOLUTION, "kill -9"), null);
                    OUT.println("ACK insight " + i.id());
                }
            }
        }
    }

    private static void write(String url, Path projectDir) throws Exception {
        try (Ijoka ijoka = Ijoka.builder().store(url).build()) {
            Project project = ijoka.projects().open(projectDir);
            OUT.println("READY");
            BufferedReader in = stdin();
            for (String line = in.readLine(); line != null && !line.equals("EXIT"); line = in.readLine()) {
                String name = line.substring("CREATE ".length());
                try {
                    Feature f = ijoka.features().create(project.id(), NewFeature.of(name, Category.FUNCTIONAL));
                    OUT.println("ACK " + name + " " + f.id());
                } catch (RuntimeException e) {
                    OUT.println("FAIL " + name + " " + oneLine(e));
                }
            }
            OUT.println("FINISHED");
        }
    }

    private static void watch(String url) throws Exception {
        try (Ijoka ijoka = Ijoka.builder().store(url).build()) {
            Events.Subscription subscription = ijoka.events().subscribe(e -> OUT.println("EVENT " + e.sequence() + " " + e.type()));
            try {
                OUT.println("READY");
                // The bus prints from its own thread; this one only waits for EXIT (or the end of input).
                BufferedReader in = stdin();
                String line = in.readLine();
                while (line != null && !line.equals("EXIT")) {
                    line = in.readLine();
                }
            } finally {
                subscription.close();
            }
            OUT.println("FINISHED");
        }
    }

    private static BufferedReader stdin() {
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }

    private static String oneLine(RuntimeException e) {
        return (e.getClass().getSimpleName() + ": " + e.getMessage()).replace('\n', ' ').replace('\r', ' ');
    }
}
