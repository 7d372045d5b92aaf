package dev.ijoka.store.sqlite;

import dev.ijoka.Ijoka;
import dev.ijoka.api.RuleViolationException;
import dev.ijoka.domain.Category;
import dev.ijoka.domain.DependencyKind;
import dev.ijoka.domain.Enforcement;
import dev.ijoka.domain.Feature;
import dev.ijoka.domain.FeatureUpdate;
import dev.ijoka.domain.InsightKind;
import dev.ijoka.domain.Kind;
import dev.ijoka.domain.NewFeature;
import dev.ijoka.domain.NewInsight;
import dev.ijoka.domain.Project;
import dev.ijoka.domain.RuleSpec;
import dev.ijoka.domain.SessionId;
import dev.ijoka.domain.TodoChange;
import dev.ijoka.domain.TodoStatus;
import dev.ijoka.domain.Step;
import dev.ijoka.domain.WipScope;
import dev.ijoka.event.Event;
import dev.ijoka.event.EventPayload;
import dev.ijoka.event.EventType;
import dev.ijoka.store.contract.MutableClock;
import dev.ijoka.store.contract.ReplayAssertions;
import dev.ijoka.store.contract.TestData;
import dev.ijoka.store.jooq.Migrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes the fixture that {@link UpgradeIT} migrates: a database at the current schema version,
 * filled through the engine with every kind of row and every type of event. Run it once for each
 * new schema version, before its migration is written, and commit the file it makes (the commands
 * are in {@code src/test/resources/upgrade/README.md}).
 *
 * It writes {@code v<n>/ijoka.db}, where n is {@link Migrations#SQLITE_LATEST}, and refuses to
 * replace a fixture that exists: a released version's fixture never changes.
 */
public final class UpgradeFixture {

    private UpgradeFixture() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "ijoka-store-sqlite/src/test/resources/upgrade");
        Path target = root.resolve("v" + Migrations.SQLITE_LATEST).resolve("ijoka.db");
        if (Files.exists(target)) {
            throw new IllegalStateException(target + " exists; fixtures of released versions never change");
        }
        Files.createDirectories(target.getParent());
        Path work = Files.createTempDirectory("ijoka-fixture");
        fill(work.resolve("ijoka.db"), work);
        Files.copy(work.resolve("ijoka.db"), target);
        System.out.println("wrote " + target);
    }

    /** Fills a new database at {@code db} through the engine; project directories go under {@code work}. */
    static void fill(Path db, Path work) throws Exception {
        String url = "jdbc:sqlite:" + db;
        MutableClock clock = new MutableClock(TestData.T0);
        try (Ijoka ijoka = Ijoka.builder().store(url).clock(clock).build()) {
            // Since schema version 3: alpha is a clone whose origin gives it a remote identity, seen at a second
            // clone and linked at a third (a remote under another name); beta, a plain directory, is its path.
            Path alphaDir = Files.createDirectories(work.resolve("alpha " + "ünï"));
            ProjectIdentityUpgradeIT.repository(alphaDir, "git@github.com:acme/Alpha.git");
            Project alpha = ijoka.projects().open(alphaDir);
            Project beta = ijoka.projects().open(Files.createDirectories(work.resolve("beta")));
            ijoka.projects().open(ProjectIdentityUpgradeIT.repository(work.resolve("alpha clone"),
                    "https://dev:token@github.com/acme/Alpha/"));
            Path mirror = ProjectIdentityUpgradeIT.repository(work.resolve("alpha mirror"), "git@github.com:someone/alpha.git");
            ijoka.projects().link(alpha.id(), mirror);
            var features = ijoka.features();
            var sessions = ijoka.sessions();

            Feature epic = features.create(alpha.id(), NewFeature.of("Accounts", Category.FUNCTIONAL).withKind(Kind.EPIC).withPriority(5));
            Feature login = features.create(alpha.id(), NewFeature.of("User can log in " + TestData.AWKWARD, Category.SECURITY)
                    .withDetails("Use **OAuth**.\n" + TestData.AWKWARD).withKind(Kind.BUG).withPriority(-2)
                    .withSteps("Open /login", "Submit the form").withParent(epic.id()));
            Feature schema = features.create(alpha.id(), NewFeature.of("Schema", Category.INFRASTRUCTURE).withKind(Kind.CHORE));
            Feature docs = features.create(alpha.id(), NewFeature.of("Document the API", Category.DOCUMENTATION).withKind(Kind.SPIKE));
            Feature perf = features.create(alpha.id(), NewFeature.of("Fast pages", Category.PERFORMANCE));
            Feature ui = features.create(alpha.id(), NewFeature.of("Dark mode", Category.UI));
            Feature tests = features.create(alpha.id(), NewFeature.of("Cover the parser", Category.TESTING));
            Feature refactor = features.create(alpha.id(), NewFeature.of("Split the service", Category.REFACTORING));

            ijoka.dependencies().add(login.id(), schema.id(), DependencyKind.BLOCKS, null);
            ijoka.dependencies().add(docs.id(), login.id(), DependencyKind.RELATED, null);
            ijoka.dependencies().add(perf.id(), docs.id(), DependencyKind.RELATED, null);
            ijoka.dependencies().remove(perf.id(), docs.id(), null);
            features.update(docs.id(), FeatureUpdate.none().details("Every endpoint").priority(3)
                    .steps(List.of(Step.todo("List endpoints"), Step.todo("Write examples"))), null, null);

            ijoka.rules().add(alpha.id(), new RuleSpec.WipLimit(1, WipScope.SESSION), Enforcement.DENY);
            ijoka.rules().add(null, new RuleSpec.StepsDoneBeforeComplete(), Enforcement.WARN);
            ijoka.rules().add(alpha.id(), new RuleSpec.Context("Run mvn verify before you commit. " + TestData.AWKWARD), Enforcement.WARN);
            var reminder = ijoka.rules().add(null, new RuleSpec.Reminder("Bash", "**/*.sql", "migrations are append-only"), Enforcement.WARN);
            ijoka.rules().setEnabled(reminder.id(), false);

            SessionId ann = sessions.start(alpha.id(), SessionId.of("session-ann"), "claude-code").id();
            SessionId bob = sessions.start(alpha.id(), SessionId.of("session-bob"), "codex").id();
            sessions.changeTodos(bob, new TodoChange.Replace(List.of( // a list kept while it holds no feature
                    new TodoChange.Item("Read the issue", "Reading the issue", TodoStatus.IN_PROGRESS))));

            features.start(schema.id(), ann);
            try {
                features.start(ui.id(), ann); // over the WIP limit of one: refused, and logged
            } catch (RuleViolationException expected) {
                // The rule_violated event is what the fixture wants.
            }
            sessions.record(ann, new EventPayload.PromptSubmitted("Create the tables " + TestData.AWKWARD));
            sessions.record(ann, new EventPayload.ToolUsed("Edit", List.of("src/schema.sql", "README.md"), true));
            sessions.record(ann, new EventPayload.CommitMade("0123456789abcdef0123456789abcdef01234567", "Add the schema"));
            // Since schema version 2: outcomes that are unknown, commits with authors, HEAD the session saw, links.
            sessions.record(ann, new EventPayload.ToolUsed("mcp__other__tool", List.of(), dev.ijoka.event.ToolOutcome.UNKNOWN));
            sessions.moveHead(ann, work.resolve("alpha " + "ünï").toString(), null, "0123456789abcdef0123456789abcdef01234567", List.of());
            sessions.moveHead(ann, work.resolve("alpha " + "ünï").toString(), "0123456789abcdef0123456789abcdef01234567",
                    "89abcdef0123456789abcdef0123456789abcdef", List.of(
                            new EventPayload.CommitMade("89abcdef0123456789abcdef0123456789abcdef", "Index the tables",
                                    "Ann " + TestData.AWKWARD + " <ann@example.com>"),
                            new EventPayload.HeadRewritten("89abcdef0123456789abcdef0123456789abcdef",
                                    "fedcba9876543210fedcba9876543210fedcba98", "Index the tables (amended)")));
            sessions.link(SessionId.of("session-ann-after-clear"), ann);
            // Since schema version 4: the agent's own todo list, on the feature it holds (added, changed, removed).
            sessions.changeTodos(ann, new TodoChange.Replace(List.of(
                    new TodoChange.Item("Write the tables", "Writing the tables", TodoStatus.COMPLETED),
                    new TodoChange.Item("Index them " + TestData.AWKWARD, null, TodoStatus.IN_PROGRESS),
                    new TodoChange.Item("Drop the draft", null, TodoStatus.PENDING))));
            sessions.changeTodos(ann, new TodoChange.Remove("todo-3"));
            sessions.changeTodos(ann, new TodoChange.Upsert("todo-2", null, null, TodoStatus.COMPLETED));
            sessions.changeTodos(ann, new TodoChange.Upsert("7", "Run the migration tests", "Running the migration tests",
                    TodoStatus.IN_PROGRESS));
            features.complete(schema.id(), ann);

            features.start(login.id(), ann);
            features.checkStep(login.id(), 0, true, ann);
            features.complete(login.id(), ann); // a step is open: the global rule warns (rule_triggered)
            features.reopen(login.id(), null, "the session expired too soon");
            features.block(login.id(), null, "waiting for the docs", docs.id());
            features.unblock(login.id(), null);

            features.start(perf.id(), bob);
            clock.advance(Duration.ofMinutes(16));
            sessions.touch(bob); // half the lease is spent: renewed
            clock.advance(Duration.ofMinutes(31));
            features.start(perf.id(), ann); // bob's lease lapsed: taken over
            features.start(tests.id(), bob);
            clock.advance(Duration.ofMinutes(31));
            sessions.expireLeases();
            sessions.record(bob, new EventPayload.AgentStopped("stop"));
            features.start(refactor.id(), bob);
            sessions.end(bob, "user exited"); // releases refactor

            ijoka.insights().record(alpha.id(), NewInsight.of("WAL lets readers run beside the writer", InsightKind.TOOL_USAGE,
                    "sqlite", "concurrency").about(schema.id()), ann);
            ijoka.insights().record(alpha.id(), NewInsight.of(TestData.AWKWARD, InsightKind.ANTI_PATTERN), null);
            ijoka.insights().record(beta.id(), NewInsight.of("Keep hooks fast", InsightKind.BEST_PRACTICE, "hooks"), null);
            ijoka.insights().record(beta.id(), NewInsight.of("Retry on busy", InsightKind.SOLUTION), null);

            SessionId cy = sessions.start(beta.id(), SessionId.of("session-cy"), "claude-code").id();
            for (int i = 1; i <= 40; i++) {
                Feature f = features.create(beta.id(), NewFeature.of("Beta feature " + i, Category.FUNCTIONAL).withPriority(i % 7)
                        .withSteps("step a", "step b"));
                if (i % 3 == 0) {
                    features.start(f.id(), i % 2 == 0 ? cy : null);
                }
                sessions.record(cy, new EventPayload.ToolUsed("Bash", List.of(), i % 5 != 0));
                clock.advance(Duration.ofSeconds(1).plusNanos(i));
            }

            List<Event> log = ReplayAssertions.allEvents(ijoka);
            Set<EventType> missing = EnumSet.allOf(EventType.class);
            missing.removeAll(log.stream().map(Event::type).collect(Collectors.toSet()));
            if (!missing.isEmpty()) {
                throw new IllegalStateException("the fixture lacks events of " + missing + ": add commands that make them");
            }
            ReplayAssertions.assertStoredStateEqualsReplay(ijoka);
        }
        // One self-contained file: everything checkpointed into it, and compact.
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            s.execute("VACUUM");
        }
    }
}
