package dev.ijoka.examples;

import dev.ijoka.Ijoka;
import dev.ijoka.api.DependencyGateException;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.Progress;
import dev.ijoka.domain.SessionId;
import dev.ijoka.event.Event;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Embeds the engine the way another tool would: builds an in-memory engine, plans a small web shop,
 * lets an agent session work two features, and prints what the plan says next: progress, the ready
 * queue, the waves of parallel work and the critical path.
 *
 * <p>Run it with {@code mvn -q -DskipTests package && java -jar examples/plan-report/target/plan-report.jar}.
 */
public final class PlanReport {

    private PlanReport() {}

    public static void main(String[] args) throws IOException {
        run(System.out);
    }

    static void run(PrintStream out) throws IOException {
        Path scratch = Files.createTempDirectory("ijoka-example");
        Path checkout = Files.createDirectory(scratch.resolve("sample-shop"));
        try (Ijoka ijoka = Ijoka.inMemory()) {
            List<Event> heard = new CopyOnWriteArrayList<>();
            ijoka.events().subscribe(heard::add);

            Project shop = ijoka.projects().open(checkout);
            Map<String, Feature> f = plan(ijoka, shop);

            SessionId agent = SessionId.of("example-agent");
            ijoka.sessions().start(shop.id(), agent, "plan-report");
            try {
                ijoka.features().start(f.get("checkout").id(), agent);
            } catch (DependencyGateException refused) {
                out.println("Refused, as it should be: " + refused.getMessage());
            }
            for (String key : List.of("schema", "auth")) {
                ijoka.features().start(f.get(key).id(), agent);
                ijoka.features().complete(f.get(key).id(), agent);
            }

            Progress progress = ijoka.plan().progress(shop.id());
            out.println();
            out.printf("Project %s: %d features, %d%% complete (%d pending, %d in progress, %d blocked, %d complete)%n",
                    shop.name(), progress.total(), progress.percentComplete(), progress.pending(), progress.inProgress(),
                    progress.blocked(), progress.complete());

            out.println();
            out.println("Ready queue (highest priority first):");
            ijoka.plan().ready(shop.id()).forEach(r -> out.println("  " + line(r)));

            out.println();
            out.println("Next for " + agent + ": "
                    + ijoka.plan().next(shop.id(), agent).map(PlanReport::line).orElse("nothing ready"));

            out.println();
            out.println("Waves (features in one wave can be worked in parallel):");
            List<List<Feature>> waves = ijoka.plan().waves(shop.id());
            for (int i = 0; i < waves.size(); i++) {
                out.println("  wave " + (i + 1) + ": " + refs(waves.get(i)));
            }

            out.println();
            out.println("Critical path (the longest chain of unfinished work):");
            out.println("  " + ijoka.plan().criticalPath(shop.id()).stream().map(PlanReport::line)
                    .collect(Collectors.joining("\n  → ")));

            out.println();
            out.println("Completing " + f.get("catalog").ref() + " would unlock: "
                    + refs(ijoka.plan().unlockedBy(f.get("catalog").id())));

            awaitEvents(ijoka, heard);
            out.println();
            out.println("The event log holds " + ijoka.events().lastSequence() + " events; the bus delivered "
                    + heard.size() + " of them to this program, the last: " + heard.getLast().type().wireName());
        } finally {
            Files.deleteIfExists(checkout);
            Files.deleteIfExists(scratch);
        }
    }

    /** A small but realistic plan: a web shop, in file order, with its dependencies. */
    private static Map<String, Feature> plan(Ijoka ijoka, Project shop) {
        record Item(String key, String description, Category category, Kind kind, int priority, List<String> after) {}
        List<Item> items = List.of(
                new Item("schema", "Database schema for products, carts and orders", Category.INFRASTRUCTURE, Kind.CHORE, 5, List.of()),
                new Item("auth", "User can sign up and log in", Category.SECURITY, Kind.FEATURE, 5, List.of()),
                new Item("catalog", "User can browse the product catalog", Category.FUNCTIONAL, Kind.FEATURE, 3, List.of("schema")),
                new Item("search", "User can search products by name", Category.FUNCTIONAL, Kind.FEATURE, 2, List.of("catalog")),
                new Item("cart", "User can add products to a cart", Category.FUNCTIONAL, Kind.FEATURE, 3, List.of("catalog", "auth")),
                new Item("checkout", "User can check out and pay", Category.FUNCTIONAL, Kind.FEATURE, 4, List.of("cart")),
                new Item("emails", "Order confirmation email is sent", Category.FUNCTIONAL, Kind.FEATURE, 1, List.of("checkout")),
                new Item("admin", "Admin can edit products", Category.UI, Kind.FEATURE, 1, List.of("schema", "auth")),
                new Item("perf", "Catalog page renders in under 200 ms", Category.PERFORMANCE, Kind.SPIKE, 0, List.of("catalog")),
                new Item("docs", "Operator guide for deploying the shop", Category.DOCUMENTATION, Kind.CHORE, 0, List.of()));
        Map<String, Feature> byKey = new HashMap<>();
        for (Item item : items) {
            Feature created = ijoka.features().create(shop.id(), NewFeature.of(item.description(), item.category())
                    .withKind(item.kind()).withPriority(item.priority()).withSteps("Implement", "Verify by hand"));
            byKey.put(item.key(), created);
        }
        for (Item item : items) {
            for (String dependency : item.after()) {
                ijoka.dependencies().add(byKey.get(item.key()).id(), byKey.get(dependency).id(), DependencyKind.BLOCKS, null);
            }
        }
        return byKey;
    }

    /** Events reach subscribers on their own threads; give the bus a moment to catch up before reporting. */
    private static void awaitEvents(Ijoka ijoka, List<Event> heard) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (heard.size() < ijoka.events().lastSequence() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private static String line(Feature f) {
        return f.ref() + " [" + f.category().wireName() + ", p" + f.priority() + "] " + f.description();
    }

    private static String refs(List<Feature> features) {
        List<String> refs = new ArrayList<>();
        features.forEach(x -> refs.add(x.ref()));
        return refs.isEmpty() ? "nothing" : String.join(", ", refs);
    }

}
