package dev.ijoka.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.FeatureId;
import dev.ijoka.domain.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every query against a brute-force definition on random small graphs. */
class DependencyGraphPropertiesTest {

    @Test
    void readyIsThePendingFeaturesWithEveryBlockingDependencyCompleteInRankOrder() {
        qt().withExamples(300).forAll(RandomGraph.anyGraphs(0, 40)).checkAssert(r -> {
            boolean[][] blocks = r.blocks();
            List<Integer> expected = IntStream.range(0, r.n())
                    .filter(i -> r.statuses()[i] == Status.PENDING)
                    .filter(i -> IntStream.range(0, r.n()).noneMatch(j -> blocks[i][j] && !r.complete(j)))
                    .boxed()
                    .sorted(r.byRank())
                    .toList();

            assertThat(r.graph().ready()).containsExactlyElementsOf(r.toIds(expected));
        });
    }

    @Test
    void nextIsTheFirstReadyFeatureTheFilterAccepts() {
        qt().withExamples(200).forAll(RandomGraph.dags(0, 40)).checkAssert(r -> {
            DependencyGraph graph = r.graph();
            List<FeatureId> ready = graph.ready();
            // A filter that refuses about half, deterministically.
            Set<FeatureId> asked = new HashSet<>();
            Optional<FeatureId> next = graph.next(id -> {
                asked.add(id);
                return id.value().hashCode() % 2 == 0;
            });

            assertThat(next).isEqualTo(ready.stream().filter(id -> id.value().hashCode() % 2 == 0).findFirst());
            assertThat(ready).containsAll(asked);
            assertThat(graph.next(id -> true)).isEqualTo(ready.stream().findFirst());
        });
    }

    @Test
    void wavesAreATopologicalLayeringOfTheIncompleteFeatures() {
        qt().withExamples(300).forAll(RandomGraph.dags(0, 40)).checkAssert(r -> {
            List<List<FeatureId>> waves = r.graph().waves();
            Map<Integer, Integer> waveOf = new HashMap<>();
            for (int k = 0; k < waves.size(); k++) {
                assertThat(waves.get(k)).as("wave %d", k).isNotEmpty();
                for (FeatureId id : waves.get(k)) {
                    assertThat(waveOf.put(r.indexOf(id), k)).as("%s listed twice", id).isNull();
                }
                List<Integer> wave = waves.get(k).stream().map(r::indexOf).toList();
                assertThat(wave).as("wave %d in rank order", k).isSortedAccordingTo(r.byRank());
            }
            Set<Integer> incomplete = new HashSet<>();
            IntStream.range(0, r.n()).filter(i -> !r.complete(i)).forEach(incomplete::add);
            assertThat(waveOf.keySet()).isEqualTo(incomplete);

            boolean[][] edges = r.incompleteBlocks();
            for (int i : incomplete) {
                boolean hasDependencyInPreviousWave = false;
                for (int j : incomplete) {
                    if (edges[i][j]) {
                        assertThat(waveOf.get(i)).as("%s depends on %s", r.ids()[i], r.ids()[j])
                                .isGreaterThan(waveOf.get(j));
                        hasDependencyInPreviousWave |= waveOf.get(j) == waveOf.get(i) - 1;
                    }
                }
                assertThat(waveOf.get(i) == 0 || hasDependencyInPreviousWave)
                        .as("%s in wave %d has a dependency in the wave before", r.ids()[i], waveOf.get(i))
                        .isTrue();
            }
        });
    }

    @Test
    void criticalPathIsTheFirstOfTheLongestChainsOfIncompleteFeatures() {
        qt().withExamples(300).forAll(RandomGraph.dags(0, 14)).checkAssert(r -> {
            boolean[][] edges = r.incompleteBlocks();
            // Every chain, enumerated: dependency first, each next feature depending on the previous one.
            List<List<Integer>> longest = new ArrayList<>();
            for (int start = 0; start < r.n(); start++) {
                if (!r.complete(start)) {
                    List<Integer> chain = new ArrayList<>();
                    chain.add(start);
                    extend(chain, edges, longest);
                }
            }
            DependencyGraph graph = r.graph();
            List<FeatureId> path = graph.criticalPath();

            if (longest.isEmpty()) {
                assertThat(path).isEmpty();
                return;
            }
            // The chosen one is the smallest in rank order, position by position.
            List<Integer> best = longest.stream().min((x, y) -> {
                for (int k = 0; k < x.size(); k++) {
                    int c = r.byRank().compare(x.get(k), y.get(k));
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            }).orElseThrow();
            assertThat(path).containsExactlyElementsOf(r.toIds(best));
            for (int k = 0; k + 1 < path.size(); k++) {
                assertThat(edges[r.indexOf(path.get(k + 1))][r.indexOf(path.get(k))]).isTrue();
            }
            assertThat(path).hasSize(graph.waves().size());
        });
    }

    /** Collects into {@code longest} every chain of maximal length seen so far. */
    private static void extend(List<Integer> chain, boolean[][] edges, List<List<Integer>> longest) {
        if (longest.isEmpty() || chain.size() > longest.get(0).size()) {
            longest.clear();
        }
        if (longest.isEmpty() || chain.size() == longest.get(0).size()) {
            longest.add(List.copyOf(chain));
        }
        int last = chain.get(chain.size() - 1);
        for (int next = 0; next < edges.length; next++) {
            if (edges[next][last]) {
                chain.add(next);
                extend(chain, edges, longest);
                chain.remove(chain.size() - 1);
            }
        }
    }

    @Test
    void cycleIfAddedFindsACycleExactlyWhenTheDependencyReachesTheDependent() {
        qt().withExamples(400).forAll(RandomGraph.dags(1, 40)).checkAssert(r -> {
            checkCycleIfAdded(r, r.a(), r.b());
            // In a DAG built from high to low indices, a random pair is mostly safe; the reverse of an
            // existing path is the interesting case, so try it too.
            checkCycleIfAdded(r, r.b(), r.a());
        });
    }

    @Test
    void cycleIfAddedHoldsOnGraphsThatAlreadyHaveCycles() {
        qt().withExamples(300).forAll(RandomGraph.anyGraphs(1, 30)).checkAssert(r -> {
            checkCycleIfAdded(r, r.a(), r.b());
            checkCycleIfAdded(r, r.b(), r.a());
        });
    }

    private static void checkCycleIfAdded(RandomGraph r, int a, int b) {
        boolean[][] blocks = r.blocks();
        boolean reachable = a == b || RandomGraph.closure(blocks)[b][a];
        Optional<List<FeatureId>> cycle = r.graph().cycleIfAdded(r.ids()[a], r.ids()[b]);

        assertThat(cycle.isPresent()).as("cycle present").isEqualTo(reachable);
        if (cycle.isEmpty()) {
            return;
        }
        List<FeatureId> path = cycle.get();
        if (a == b) {
            assertThat(path).containsExactly(r.ids()[a], r.ids()[a]);
            return;
        }
        assertThat(path.get(0)).isEqualTo(r.ids()[a]);
        assertThat(path.get(1)).isEqualTo(r.ids()[b]);
        assertThat(path.get(path.size() - 1)).isEqualTo(r.ids()[a]);
        for (int k = 1; k + 1 < path.size(); k++) {
            assertThat(blocks[r.indexOf(path.get(k))][r.indexOf(path.get(k + 1))])
                    .as("%s depends on %s", path.get(k), path.get(k + 1))
                    .isTrue();
        }
        assertThat(Set.copyOf(path.subList(1, path.size()))).as("a simple cycle").hasSize(path.size() - 1);
    }

    @Test
    void blockedByDependentsAndUnlockedByMatchTheirDefinitions() {
        qt().withExamples(200).forAll(RandomGraph.anyGraphs(1, 30)).checkAssert(r -> {
            DependencyGraph graph = r.graph();
            boolean[][] blocks = r.blocks();
            boolean[][] reach = RandomGraph.closure(blocks);
            int x = r.a();
            FeatureId id = r.ids()[x];

            Set<FeatureId> blockedBy = new HashSet<>();
            Set<FeatureId> dependents = new HashSet<>();
            List<Integer> unlocked = new ArrayList<>();
            for (int j = 0; j < r.n(); j++) {
                if (j != x && reach[x][j] && !r.complete(j)) {
                    blockedBy.add(r.ids()[j]);
                }
                if (j != x && reach[j][x]) {
                    dependents.add(r.ids()[j]);
                }
                int u = j;
                if (u != x && !r.complete(x) && blocks[u][x] && r.statuses()[u] == Status.PENDING
                        && IntStream.range(0, r.n()).allMatch(w -> !blocks[u][w] || w == x || r.complete(w))) {
                    unlocked.add(u);
                }
            }
            unlocked.sort(r.byRank());

            assertThat(graph.blockedBy(id)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(blockedBy);
            assertThat(graph.dependents(id)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(dependents);
            assertThat(graph.unlockedBy(id)).containsExactlyElementsOf(r.toIds(unlocked));
        });
    }

    @Test
    void blockedByAndDependentsListDependenciesFirstInADag() {
        qt().withExamples(200).forAll(RandomGraph.dags(1, 40)).checkAssert(r -> {
            DependencyGraph graph = r.graph();
            boolean[][] reach = RandomGraph.closure(r.blocks());
            FeatureId id = r.ids()[r.a()];
            for (List<FeatureId> list : List.of(graph.blockedBy(id), graph.dependents(id))) {
                for (int p = 0; p < list.size(); p++) {
                    for (int q = p + 1; q < list.size(); q++) {
                        assertThat(reach[r.indexOf(list.get(p))][r.indexOf(list.get(q))])
                                .as("%s comes before its dependency %s", list.get(p), list.get(q))
                                .isFalse();
                    }
                }
            }
        });
    }

    @Test
    void directEdgesAreTheDistinctEdgesOfEachKind() {
        qt().withExamples(200).forAll(RandomGraph.anyGraphs(0, 30)).checkAssert(r -> {
            DependencyGraph graph = r.graph();
            Set<List<Integer>> distinct = new HashSet<>();
            for (int[] e : r.edges()) {
                distinct.add(List.of(e[0], e[1], e[2]));
            }
            assertThat(graph.edgeCount()).isEqualTo(distinct.size());
            assertThat(graph.size()).isEqualTo(r.n());
            for (int i = 0; i < r.n(); i++) {
                for (DependencyKind kind : DependencyKind.values()) {
                    int k = kind == DependencyKind.RELATED ? RandomGraph.RELATED : 0;
                    int node = i;
                    List<Integer> dependencies = IntStream.range(0, r.n())
                            .filter(j -> distinct.contains(List.of(node, j, k))).boxed().sorted(r.byRank()).toList();
                    List<Integer> dependents = IntStream.range(0, r.n())
                            .filter(j -> distinct.contains(List.of(j, node, k))).boxed().sorted(r.byRank()).toList();
                    assertThat(graph.dependenciesOf(r.ids()[i], kind)).containsExactlyElementsOf(r.toIds(dependencies));
                    assertThat(graph.dependentsOf(r.ids()[i], kind)).containsExactlyElementsOf(r.toIds(dependents));
                }
                assertThat(graph.status(r.ids()[i])).isEqualTo(r.statuses()[i]);
            }
        });
    }

    @Test
    void validateReportsEveryCycleOnceAndEverythingWavesLeaveOut() {
        qt().withExamples(300).forAll(RandomGraph.anyGraphs(0, 30)).checkAssert(r -> {
            DependencyGraph graph = r.graph();
            ValidationReport report = graph.validate();
            boolean[][] blocks = r.blocks();
            boolean[][] reach = RandomGraph.closure(blocks);

            // Cycles: the members of the non-trivial strongly connected components, each component once.
            Set<Integer> onCycle = new HashSet<>();
            for (int i = 0; i < r.n(); i++) {
                for (int j = 0; j < r.n(); j++) {
                    if (i != j && reach[i][j] && reach[j][i]) {
                        onCycle.add(i);
                    }
                }
            }
            List<Integer> reportedMembers = new ArrayList<>();
            for (ValidationReport.Cycle c : report.cycles()) {
                List<Integer> members = c.members().stream().map(r::indexOf).toList();
                reportedMembers.addAll(members);
                assertThat(members).hasSizeGreaterThan(1).isSortedAccordingTo(r.byRank());
                for (int p : members) {
                    for (int q : members) {
                        assertThat(p == q || reach[p][q]).as("one component").isTrue();
                    }
                }
                List<FeatureId> path = c.path();
                assertThat(path.get(0)).isEqualTo(c.members().get(0)).isEqualTo(path.get(path.size() - 1));
                assertThat(c.members()).containsAll(path);
                for (int k = 0; k + 1 < path.size(); k++) {
                    assertThat(blocks[r.indexOf(path.get(k))][r.indexOf(path.get(k + 1))]).isTrue();
                }
            }
            assertThat(reportedMembers).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(onCycle);

            // Self edges.
            Set<List<Object>> selfEdges = new HashSet<>();
            for (int[] e : r.edges()) {
                if (e[0] == e[1]) {
                    selfEdges.add(List.of(r.ids()[e[0]], e[2] == RandomGraph.RELATED ? DependencyKind.RELATED : DependencyKind.BLOCKS));
                }
            }
            assertThat(report.selfEdges()).map(e -> List.<Object>of(e.dependent(), e.kind()))
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(selfEdges);

            // Duplicates, with their counts.
            Map<List<Integer>, Integer> counts = new HashMap<>();
            for (int[] e : r.edges()) {
                counts.merge(List.of(e[0], e[1], e[2]), 1, Integer::sum);
            }
            Set<List<Object>> duplicates = new HashSet<>();
            counts.forEach((e, count) -> {
                if (count > 1) {
                    duplicates.add(List.of(r.ids()[e.get(0)], r.ids()[e.get(1)], e.get(2), count));
                }
            });
            assertThat(report.duplicateEdges())
                    .map(d -> List.<Object>of(d.edge().dependent(), d.edge().dependency(),
                            d.edge().kind() == DependencyKind.RELATED ? RandomGraph.RELATED : 0, d.count()))
                    .containsExactlyInAnyOrderElementsOf(duplicates);

            // Left out of the waves: incomplete features on or behind a cycle of incomplete features.
            boolean[][] reachIncomplete = RandomGraph.closure(r.incompleteBlocks());
            Set<Integer> leftOut = new HashSet<>();
            for (int x = 0; x < r.n(); x++) {
                for (int c = 0; c < r.n(); c++) {
                    if (!r.complete(x) && reachIncomplete[c][c] && (x == c || reachIncomplete[x][c])) {
                        leftOut.add(x);
                    }
                }
            }
            Set<Integer> inWaves = new HashSet<>();
            graph.waves().forEach(w -> w.forEach(id -> inWaves.add(r.indexOf(id))));
            Set<Integer> expectedInWaves = new HashSet<>();
            IntStream.range(0, r.n()).filter(i -> !r.complete(i) && !leftOut.contains(i)).forEach(expectedInWaves::add);
            assertThat(inWaves).isEqualTo(expectedInWaves);

            Set<Integer> stuck = new HashSet<>(leftOut);
            stuck.removeAll(onCycle);
            stuck.removeIf(i -> blocks[i][i]);
            assertThat(report.stuckBehindCycles()).map(r::indexOf).containsExactlyInAnyOrderElementsOf(stuck);

            assertThat(report.isValid()).isEqualTo(report.problems().isEmpty());
            assertThat(report.problems()).hasSize(report.cycles().size() + report.selfEdges().size()
                    + report.duplicateEdges().size() + report.stuckBehindCycles().size());
        });
    }
}
