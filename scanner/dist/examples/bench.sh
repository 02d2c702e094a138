#!/usr/bin/env bash
# EXAMPLE / measurement script, not part of the product.
#
# Scans the same inputs twice on this machine: once with a local scan, once
# with scan --nats through `xiaoer serve` (embedded NATS JetStream, file
# storage) and two `xiaoer worker` processes, and reports wall time, CPU and
# peak RSS of every process, and whether both outputs hold the same results
# (every input exactly once).
#
#   bash scanner/dist/examples/bench.sh XIAOER OUT_DIR WORKER_THREADS INPUT...
#
# WORKER_THREADS is --workers of each worker process; the local scan runs
# with 2 x WORKER_THREADS workers, so both judge as many inputs at once.
set -euo pipefail
bin=$1 out=$2 threads=$3
shift 3
mkdir -p "$out"
rm -rf "$out/nats"
timed() { /usr/bin/time -f "%e s wall, %U+%S s CPU, %M KB peak RSS" -o "$out/$1.time" "${@:2}"; }
peak() { awk '/VmHWM/ {printf "%s KB peak RSS, ", $2}' "/proc/$1/status"; awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f s CPU\n", ($14 + $15) / hz}' "/proc/$1/stat"; }
waitfor() { for _ in $(seq 600); do grep -q "$2" "$1" 2>/dev/null && return; sleep 0.1; done; echo "no '$2' in $1" >&2; exit 1; }

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
timed local "$bin" scan -f jsonl -o "$out/local.jsonl" --no-progress -j $((2 * threads)) --fail-on never "$@"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url=nats://127.0.0.1:$port
"$bin" serve --addr 127.0.0.1:0 --nats-listen "127.0.0.1:$port" --data-dir "$out/nats" 2> "$out/serve.log" &
serve=$!
waitfor "$out/serve.log" "serving on"
"$bin" worker --nats "$url" -j "$threads" 2> "$out/worker1.log" &
w1=$!
"$bin" worker --nats "$url" -j "$threads" 2> "$out/worker2.log" &
w2=$!
waitfor "$out/worker1.log" "taking tasks"
waitfor "$out/worker2.log" "taking tasks"
# CPU already spent starting up (tokenizer, policies), to tell it from the job's.
echo "before the job: serve $(peak $serve | cut -d, -f2), worker1 $(peak $w1 | cut -d, -f2), worker2 $(peak $w2 | cut -d, -f2)"
timed nats "$bin" scan --nats "$url" -f jsonl -o "$out/nats.jsonl" --no-progress --fail-on never "$@"
echo "serve:   $(peak $serve)"
echo "worker1: $(peak $w1)"
echo "worker2: $(peak $w2)"
kill -TERM $w1 $w2
wait $w1 $w2 || true
kill -TERM $serve
wait $serve || true
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "local scan:  $(cat "$out/local.time")"
echo "nats scan:   $(cat "$out/nats.time")"
tail -n1 "$out/worker1.log" "$out/worker2.log"
# The same results, each exactly once: the sorted outputs are identical.
if cmp -s <(sort "$out/local.jsonl") <(sort "$out/nats.jsonl"); then
	echo "outputs: identical once sorted ($(wc -l < "$out/nats.jsonl") results)"
else
	echo "outputs: DIFFER" && exit 1
fi
python3 - "$out/nats.jsonl" <<'PY'
import json, sys, collections
inputs = collections.Counter(json.loads(l)["input"] for l in open(sys.argv[1], encoding="utf-8"))
print(f"inputs: {len(inputs)} distinct (0..{max(inputs)}); results of input 0 (the title list): {inputs[0]}")
PY
