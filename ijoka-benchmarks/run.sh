#!/usr/bin/env bash
# Runs the JMH benchmarks RUNS times (default 3), one fork each, spread out in time, and prints the
# median and min–max of the run scores (see docs/benchmarks.md). Extra arguments go to JMH, e.g.
#   ijoka-benchmarks/run.sh GraphQueryBenchmark -p size=10000
# Results: ijoka-benchmarks/target/jmh-run-N.json, with the load average sampled every 10 s in
# ijoka-benchmarks/target/jmh-load.txt (other work on the machine shows up there first).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java  # JDK 21 or later
jar=ijoka-benchmarks/target/benchmarks.jar
if [[ ! -f $jar || ${SKIP_BUILD:-0} != 1 ]]; then
    mvn -q -pl ijoka-benchmarks -am package -Dmaven.test.skip=true
fi
out=ijoka-benchmarks/target
: > "$out/jmh-load.txt"
(while true; do echo "$(date -u +%H:%M:%S) $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/jmh-load.txt"; sleep 10; done) &
sampler=$!
trap 'kill $sampler 2>/dev/null || true' EXIT
files=()
for ((i = 1; i <= runs; i++)); do
    echo "== run $i of $runs, $(date -u +%H:%M:%S) UTC"
    "$java" -jar "$jar" -f 1 -rf json -rff "$out/jmh-run-$i.json" "$@" > "$out/jmh-run-$i.txt" 2>&1
    grep -E '^Benchmark  |^[A-Za-z]+Benchmark[.]' "$out/jmh-run-$i.txt" || true
    files+=("$out/jmh-run-$i.json")
done
python3 ijoka-benchmarks/summarize.py "${files[@]}"
