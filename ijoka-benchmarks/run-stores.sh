#!/usr/bin/env bash
# The store figures of docs/benchmarks.md ("PostgreSQL beside SQLite"), on both stores, RUNS times
# (default 3), one store after the other inside each run so both see the same load:
#   CliBenchmark --quick (ijoka next / status, whole processes), McpBenchmark (warm tool calls of a real
#   ijoka mcp process, every read tool and the main writes),
#   AppendBenchmark (batched, single, engineRecord), SqliteAppendCpuProbe (the same appends in CPU time,
#   the PostgreSQL server's included), CrossProcessLatency (commit to another process's bus).
# ONLY=append,latency (a comma-separated subset of cli, mcp, append, cpu, latency) runs some of them.
# PostgreSQL is an embedded server each benchmark JVM starts from the test kit (ijoka-test-postgres).
# Needs ./ijoka and the jars: mvn -q -B -DskipTests package (or SKIP_BUILD=1 if they are built).
# Output: ijoka-benchmarks/target/stores/, one file per benchmark and run; the load average every
# 10 s in load.txt. Summarise with: python3 ijoka-benchmarks/summarize_stores.py
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jar=ijoka-benchmarks/target/benchmarks.jar
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    mvn -q -B -DskipTests package
fi
out=ijoka-benchmarks/target/stores
mkdir -p "$out"
: > "$out/load.txt"
(while true; do echo "$(date -u +%H:%M:%S) $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/load.txt"; sleep 10; done) &
sampler=$!
trap 'kill $sampler 2>/dev/null || true' EXIT
cp=(-cp "$jar" --enable-native-access=ALL-UNNAMED)
only=",${ONLY:-cli,mcp,append,cpu,latency},"
want() { [[ $only == *",$1,"* ]]; }
for ((i = 1; i <= runs; i++)); do
    echo "== run $i of $runs, $(date -u +%H:%M:%S) UTC"
    want cli && for store in sqlite postgres; do
        "$java" "${cp[@]}" dev.ijoka.bench.CliBenchmark --quick --runs "${CLI_RUNS:-15}" --store $store \
            > "$out/cli-$store-$i.txt" 2>&1
        grep -E '^Ijoka|ms ' "$out/cli-$store-$i.txt" | grep -v '^WARNING' || true
    done
    # McpBenchmark runs without a fork (what it times is the ijoka mcp process it starts), so one JVM loads
    # each store's plan once for all its tools.
    want mcp && "$java" --enable-native-access=ALL-UNNAMED -jar "$jar" McpBenchmark -rf json -rff "$out/mcp-$i.json" \
        > "$out/mcp-$i.txt" 2>&1
    want mcp && { grep -E 'p0.50|p0.99 ' "$out/mcp-$i.txt" || true; }
    want append && "$java" -jar "$jar" AppendBenchmark -f 1 -rf json -rff "$out/append-$i.json" > "$out/append-$i.txt" 2>&1
    want append && { grep -E '^AppendBenchmark[.]' "$out/append-$i.txt" || true; }
    want cpu && for store in sqlite postgres; do
        "$java" "${cp[@]}" dev.ijoka.bench.SqliteAppendCpuProbe "${CPU_ROUNDS:-6}" --store $store > "$out/cpu-$store-$i.txt" 2>&1
        grep '^median' "$out/cpu-$store-$i.txt" || true
    done
    want latency && for store in sqlite postgres; do
        "$java" "${cp[@]}" dev.ijoka.bench.CrossProcessLatency 300 50 --store $store > "$out/latency-$store-$i.txt" 2>&1
        grep '^cross-process' "$out/latency-$store-$i.txt" || true
    done
done
