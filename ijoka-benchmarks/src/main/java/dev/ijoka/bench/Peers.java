package dev.ijoka.bench;

import dev.ijoka.bench.CliBenchmark.Plan;
import dev.ijoka.bench.CliBenchmark.Row;
import dev.ijoka.bench.CliBenchmark.Task;
import dev.ijoka.bench.CliBenchmark.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The two tools issue 13 compares Ijoka with, measured by {@link CliBenchmark} on the same plan in the same run:
 * Task Master ({@code task-master-ai} on npm, the version below) and Backlog.md ({@code backlog.md}), each on its
 * own default store: Task Master's {@code .taskmaster/tasks/tasks.json}, Backlog.md's one Markdown file per task.
 * Installed with {@code npm install} into a directory of their own under {@code target/} on first use.
 *
 * <p>Each gets the plan as its own import would leave it, written directly (importing 10,000 tasks through
 * either's command line would take hours): Task Master's tagged {@code tasks.json} holding the same tasks as
 * Ijoka's import, and Backlog.md's files with the same titles, statuses, priorities and dependencies
 * ({@code blocked} is a status of its own in its configuration, since Backlog.md has none by default).
 * A row a tool has no command for is left out ("—").
 */
final class Peers {

    static final String TASK_MASTER = "task-master-ai@0.43.1";
    static final String BACKLOG_MD = "backlog.md@1.52.0";

    private final Path bin;

    private Peers(Path bin) {
        this.bin = bin;
    }

    /** Installs both from npm into {@code directory} unless they are there already. */
    static Peers install(Path directory) throws IOException, InterruptedException {
        Path bin = directory.resolve("node_modules/.bin");
        if (!Files.isExecutable(bin.resolve("task-master")) || !Files.isExecutable(bin.resolve("backlog"))) {
            Files.createDirectories(directory);
            System.out.println("installing " + TASK_MASTER + " and " + BACKLOG_MD + " from npm into " + directory);
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error", TASK_MASTER, BACKLOG_MD)
                    .directory(directory.toFile()).inheritIO().start();
            if (npm.waitFor() != 0) {
                throw new IllegalStateException("npm install failed: install Node.js and npm, or run without --peers");
            }
        }
        return new Peers(bin);
    }

    /** Both tools, each in a directory of its own under {@code work} holding the plan. */
    List<Tool> prepare(Path work, Path tasksJson, Plan plan) throws IOException {
        return List.of(taskMaster(Files.createDirectories(work.resolve("task-master")), plan),
                backlog(Files.createDirectories(work.resolve("backlog-md")), plan));
    }

    private Tool taskMaster(Path dir, Plan plan) throws IOException {
        Path tasks = Files.createDirectories(dir.resolve(".taskmaster/tasks")).resolve("tasks.json");
        // Task Master 0.43's tagged layout: the tasks of the tag "master".
        String legacy = CliBenchmark.tasksJson(plan.tasks()).strip();
        String body = legacy.substring(legacy.indexOf('['), legacy.lastIndexOf(']') + 1);
        Files.writeString(tasks, "{\"master\": {\"tasks\": " + body + ", \"metadata\": {\"created\": \"2026-12-06T00:00:00.000Z\", "
                + "\"updated\": \"2026-12-06T00:00:00.000Z\", \"description\": \"Tasks for master context\"}}}\n",
                StandardCharsets.UTF_8);
        int n = plan.size();
        List<Row> rows = List.of(
                new Row("next", k -> List.of("next")),
                new Row("status", null),
                new Row("feature list", k -> List.of("list")),
                new Row("feature list --json", k -> List.of("list", "--json")),
                new Row("feature list --ready --json", k -> List.of("list", "--ready", "--json")),
                new Row("feature show", k -> List.of("show", String.valueOf(n / 2))),
                new Row("feature add, 2 deps", k -> List.of("add-task", "--title=Benchmark feature " + k,
                        "--description=Added by the benchmark", "--dependencies=" + (n - 1 - k) + "," + (n / 2 + k))),
                new Row("dep add", k -> List.of("add-dependency", "--id=" + (n - k), "--depends-on=" + (n / 2 - 1 - k))),
                new Row("status change", k -> List.of("set-status", "--id=" + plan.pending().get(k), "--status=blocked")));
        Map<String, String> env = new HashMap<>();
        env.put("NO_COLOR", "1");
        return new Tool("task-master " + TASK_MASTER.substring(TASK_MASTER.indexOf('@') + 1), List.of(bin.resolve("task-master").toString()),
                dir, env, rows);
    }

    private Tool backlog(Path dir, Plan plan) throws IOException {
        Path root = Files.createDirectories(dir.resolve("backlog"));
        Files.writeString(root.resolve("config.yml"), """
                project_name: "bench"
                default_status: "To Do"
                statuses: ["To Do", "In Progress", "Blocked", "Done"]
                labels: []
                date_format: yyyy-mm-dd
                max_column_width: 20
                auto_open_browser: false
                default_port: 6420
                remote_operations: false
                auto_commit: false
                filesystem_only: true
                bypass_git_hooks: false
                check_active_branches: false
                active_branch_days: 30
                task_prefix: "task"
                """, StandardCharsets.UTF_8);
        Path tasks = Files.createDirectories(root.resolve("tasks"));
        Map<Integer, List<Integer>> deps = new HashMap<>();
        for (Task t : plan.tasks()) {
            deps.put(t.id(), t.dependencies());
            StringBuilder md = new StringBuilder(400);
            md.append("---\nid: TASK-").append(t.id()).append("\ntitle: 'Task ").append(t.id()).append(": a feature of the synthetic plan'\n")
                    .append("status: ").append(switch (t.status()) {
                        case "done" -> "Done";
                        case "in-progress" -> "In Progress";
                        case "blocked" -> "Blocked";
                        default -> "To Do";
                    }).append("\nassignee: []\ncreated_date: '2026-12-06 00:00'\nlabels: []\ndependencies:");
            if (t.dependencies().isEmpty()) {
                md.append(" []\n");
            } else {
                md.append('\n');
                t.dependencies().forEach(d -> md.append("  - TASK-").append(d).append('\n'));
            }
            md.append("priority: ").append(t.priority()).append("\nordinal: ").append(t.id() * 1000).append("\n---\n\n")
                    .append("## Description\n\n<!-- SECTION:DESCRIPTION:BEGIN -->\nGenerated for the command-line benchmark.\n")
                    .append("<!-- SECTION:DESCRIPTION:END -->\n");
            Files.writeString(tasks.resolve("task-" + t.id() + " - Task-" + t.id() + "-a-feature-of-the-synthetic-plan.md"), md,
                    StandardCharsets.UTF_8);
        }
        int n = plan.size();
        List<Row> rows = List.of(
                new Row("next", null),
                new Row("status", null),
                new Row("feature list", k -> List.of("task", "list", "--plain")),
                new Row("feature list --json", k -> List.of("task", "list", "--json")),
                new Row("feature list --ready --json", k -> List.of("task", "list", "--ready", "--json")),
                new Row("feature show", k -> List.of("task", "view", String.valueOf(n / 2), "--plain")),
                new Row("feature add, 2 deps", k -> List.of("task", "create", "Benchmark feature " + k, "--dep",
                        "task-" + (n - 1 - k) + ",task-" + (n / 2 + k), "--plain")),
                // --dep sets the whole list: what the task had, plus the new one.
                new Row("dep add", k -> List.of("task", "edit", String.valueOf(n - k), "--dep",
                        concat(deps.get(n - k), n / 2 - 1 - k), "--plain")),
                new Row("status change", k -> List.of("task", "edit", String.valueOf(plan.pending().get(k)), "-s", "Blocked",
                        "--plain")));
        Map<String, String> env = new HashMap<>();
        env.put("NO_COLOR", "1");
        return new Tool("backlog.md " + BACKLOG_MD.substring(BACKLOG_MD.indexOf('@') + 1), List.of(bin.resolve("backlog").toString()),
                dir, env, rows);
    }

    private static String concat(List<Integer> deps, int more) {
        List<Integer> all = new ArrayList<>(deps);
        all.add(more);
        return all.stream().map(d -> "task-" + d).collect(Collectors.joining(","));
    }
}
