#!/usr/bin/env python3
"""Summarises ijoka-benchmarks/run-stores.sh's output (ijoka-benchmarks/target/stores/): per figure and
store, the median of the runs and their min–max, as a Markdown table, SQLite and PostgreSQL side by side.

Usage: python3 ijoka-benchmarks/summarize_stores.py [directory]
"""
import glob
import json
import os
import re
import statistics
import sys


def results(path):
    """A JMH JSON file's results; none while its run is still going (the file is written at the end)."""
    try:
        return json.load(open(path))
    except ValueError:
        return []


def main(directory):
    figures = {}  # (figure, unit) -> {store: [values]}; dicts keep insertion order

    def add(figure, unit, store, value):
        figures.setdefault((figure, unit), {}).setdefault(store, []).append(value)

    for path in sorted(glob.glob(os.path.join(directory, "cli-*-*.txt"))):
        store = os.path.basename(path).split("-")[1]
        for line in open(path):
            m = re.match(r"^\./ijoka .*?\s(next|status)( cpu)?\s+(\d+) ms", line)
            if m:
                add(f"`ijoka {m.group(1)}`, {'CPU' if m.group(2) else 'wall'} median", "ms", store, float(m.group(3)))
    for path in sorted(glob.glob(os.path.join(directory, "mcp-*.json"))):
        for r in results(path):
            tool = r["benchmark"].rsplit(".", 1)[1]
            store = r["params"]["store"]
            pct = r["primaryMetric"]["scorePercentiles"]
            add(f"MCP `{tool}` p50", "ms", store, pct["50.0"] / 1000)
            add(f"MCP `{tool}` p99", "ms", store, pct["99.0"] / 1000)
    for path in sorted(glob.glob(os.path.join(directory, "append-*.json"))):
        for r in results(path):
            name = r["benchmark"].rsplit(".", 1)[1]
            unit = {"batched": "events/s", "single": "tx/s", "engineRecord": "calls/s"}[name]
            add(f"append `{name}`", unit, r["params"]["store"], r["primaryMetric"]["score"])
    for path in sorted(glob.glob(os.path.join(directory, "cpu-*-*.txt"))):
        store = os.path.basename(path).split("-")[1]
        for line in open(path):
            m = re.search(r"single ([\d.]+) us CPU \((\d+) tx/s per free core, wall ([\d.]+) us\); batched ([\d.]+) us CPU per event "
                          r"\((\d+) events/s per free core, wall ([\d.]+) us\)", line)
            if m:
                add("append `single`, CPU per transaction (client + server)", "µs", store, float(m.group(1)))
                add("append `single`, wall per transaction (probe)", "µs", store, float(m.group(3)))
                add("append `batched`, CPU per event (client + server)", "µs", store, float(m.group(4)))
                add("append `batched`, wall per event (probe)", "µs", store, float(m.group(6)))
    for path in sorted(glob.glob(os.path.join(directory, "latency-*-*.txt"))):
        store = os.path.basename(path).split("-")[1]
        for line in open(path):
            m = re.search(r"p50 ([\d.]+) ms, p95 ([\d.]+) ms, p99 ([\d.]+) ms, max ([\d.]+) ms", line)
            if m:
                for name, value in zip(("p50", "p95", "p99", "max"), m.groups()):
                    add(f"cross-process delivery {name}", "ms", store, float(value))

    print("| figure | unit | SQLite median (min–max) | PostgreSQL median (min–max) | runs |")
    print("|---|---|---|---|---|")
    for (figure, unit), by_store in figures.items():
        cells = [cell(by_store.get(s, [])) for s in ("sqlite", "postgres")]
        runs = "/".join(str(len(by_store.get(s, []))) for s in ("sqlite", "postgres"))
        print(f"| {figure} | {unit} | {cells[0]} | {cells[1]} | {runs} |")


def cell(values):
    if not values:
        return "—"
    return f"{fmt(statistics.median(values))} ({fmt(min(values))}–{fmt(max(values))})"


def fmt(x):
    if x >= 1000:
        return f"{x:,.0f}"
    if x >= 10:
        return f"{x:.1f}"
    return f"{x:.2f}"


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "ijoka-benchmarks/target/stores")
