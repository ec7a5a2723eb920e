#!/bin/sh
# Per turn: the time of one turn of a consultation (reading the patient's line, stepping the state machine,
# rendering what it shows) over whole consultations, release build (benchmarks/TurnBenchmark): the scripted
# patients of tests/transcripts on the bundled dialogs, and a patient answering every question plainly on
# generated dialogs of about 1,000 and 10,000 nodes. The table goes to benchmarks/results/per-turn.md.
#
#   benchmarks/per-turn.sh
#   ROUNDS=5 benchmarks/per-turn.sh
set -eu
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-20}
swift build -c release --product turn-benchmark >/dev/null
bench="$(swift build -c release --show-bin-path)/turn-benchmark"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 benchmarks/generate-dialog.py 1000 "$work/dialog-1000" >/dev/null
python3 benchmarks/generate-dialog.py 10000 "$work/dialog-10000" >/dev/null
mkdir -p benchmarks/results
{
    echo "ROUNDS=$ROUNDS, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
    echo
    "$bench" dialogs tests/transcripts "$ROUNDS"
    "$bench" "$work/dialog-1000" - "$ROUNDS" | tail -n 1
    "$bench" "$work/dialog-10000" - "$ROUNDS" | tail -n 1
} | sed "s|$work/||" | tee benchmarks/results/per-turn.md
