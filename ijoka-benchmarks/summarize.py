#!/usr/bin/env python3
"""Summarises JMH JSON results (java -jar benchmarks.jar -rf json -rff run1.json, ...).

For each benchmark and parameter set it takes the mean of each fork's measurement iterations (the
fork's score, as JMH computes it), pools the forks of every file given (several runs, or one run
with -f 3), then prints the median of those scores and their min and max as a Markdown table, in
the order the benchmarks first appear.

Usage: python3 ijoka-benchmarks/summarize.py run1.json [run2.json ...]
"""
import json
import statistics
import sys


def main(paths):
    pooled = {}  # (label, params) -> (unit, [fork scores]); dicts keep insertion order
    for path in paths:
        with open(path) as f:
            for r in json.load(f):
                name = r["benchmark"].rsplit(".", 2)
                label = name[-2] + "." + name[-1]
                params = ", ".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
                metric = r["primaryMetric"]
                forks = [statistics.fmean(iterations) for iterations in metric["rawData"] if iterations]
                unit, scores = pooled.setdefault((label, params), (metric["scoreUnit"], []))
                scores.extend(forks)
    print("| benchmark | params | forks | median | min–max | unit |")
    print("|---|---|---|---|---|---|")
    for (label, params), (unit, scores) in pooled.items():
        print(f"| {label} | {params} | {len(scores)} | {fmt(statistics.median(scores))} "
              f"| {fmt(min(scores))}–{fmt(max(scores))} | {unit} |")


def fmt(x):
    if x >= 1000:
        return f"{x:,.0f}"
    if x >= 10:
        return f"{x:.1f}"
    if x >= 1:
        return f"{x:.2f}"
    return f"{x:.3f}"


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
