package dev.ijoka.store.sqlite;

import dev.ijoka.Ijoka;
import dev.ijoka.api.ClaimConflictException;
import dev.ijoka.api.IjokaException;
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
import dev.ijoka.event.EventPayload;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The other process of the multi-process tests, started by {@link ChildJvm}. It prints one line per
 * acknowledged change on standard output, flushed at once, so the parent knows exactly what was
 * acknowledged before it killed the process.
 *
 * <ul>
 *   <li>{@code feed <url> <projectDir> <count> <pauseMillis>}: creates {@code count} features, one per
 *       transaction, printing {@code COMMITTED <sequence>} after each.</li>
 *   <li>{@code durability <url> <projectDir> <seed>}: creates, starts and completes features and
 *       records insights until killed, printing {@code ACK …} after each.</li>
 *   <li>{@code race <url> <projectDir> <name> <sharedStepFrom> <sharedStepCount>}: waits for
 *       {@code GO} on standard input, then tries to start every pending feature but the shared one,
 *       completes what it won, checks its share of the shared feature's steps and records activity.</li>
 * </ul>
 */
public final class Child {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private Child() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "feed" -> feed(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]));
            case "durability" -> durability(args[1], Path.of(args[2]), Long.parseLong(args[3]));
            case "race" -> race(args[1], Path.of(args[2]), args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void feed(String url, Path projectDir, int count, long pauseMillis) throws InterruptedException {
        try (Ijoka ijoka = Ijoka.builder().store(url).build()) {
            Project project = ijoka.projects().open(projectDir);
            OUT.println("READY");
            for (int i = 0; i < count; i++) {
                ijoka.features().create(project.id(), NewFeature.of("fed " + i, Category.FUNCTIONAL));
                OUT.println("COMMITTED " + ijoka.events().lastSequence());
                Thread.sleep(pauseMillis);
            }
        }
    }

    private static void durability(String url, Path projectDir, long seed) {
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
                    Feature f = ijoka.features().create(project.id(), NewFeature.of("durable " + seed + "/" + n, Category.TESTING)
                            .withSteps("one", "two"));
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
                            NewInsight.of("learned " + seed + "/" + n, InsightKind.SOLUTION, "durability"), null);
                    OUT.println("ACK insight " + i.id());
                }
            }
        }
    }

    private static void race(String url, Path projectDir, String name, int sharedFrom, int sharedCount) throws Exception {
        try (Ijoka ijoka = Ijoka.builder().store(url).build()) {
            Project project = ijoka.projects().open(projectDir);
            SessionId session = ijoka.sessions().start(project.id(), SessionId.of(name), "racer").id();
            List<Feature> features = ijoka.features().list(project.id());
            Feature shared = features.getFirst();
            OUT.println("READY");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (!"GO".equals(in.readLine())) {
                throw new IllegalStateException("expected GO");
            }
            int step = 0;
            for (Feature f : features.subList(1, features.size())) {
                try {
                    ijoka.features().start(f.id(), session);
                    OUT.println("WON " + f.id());
                    ijoka.sessions().record(session, new EventPayload.ToolUsed("Edit", List.of("src/" + f.number() + ".java"), true));
                    ijoka.features().complete(f.id(), session);
                    OUT.println("DONE " + f.id());
                } catch (ClaimConflictException | IllegalTransitionException e) {
                    OUT.println("LOST " + f.id() + " " + e.code());
                } catch (IjokaException | IllegalStateException e) {
                    OUT.println("ERROR " + f.id() + " " + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                // Interleave the lost-update probe: every racer rewrites the shared feature's steps.
                if (step < sharedCount) {
                    try {
                        ijoka.features().checkStep(shared.id(), sharedFrom + step, true, null);
                        OUT.println("STEP " + (sharedFrom + step));
                        step++;
                    } catch (IjokaException | IllegalStateException e) {
                        OUT.println("ERROR step " + e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }
                ijoka.sessions().record(session, new EventPayload.PromptSubmitted(name + " works on " + f.ref()));
                OUT.println("ACT");
            }
            while (step < sharedCount) {
                ijoka.features().checkStep(shared.id(), sharedFrom + step, true, null);
                OUT.println("STEP " + (sharedFrom + step));
                step++;
            }
            OUT.println("FINISHED");
        }
    }
}
