#!/usr/bin/env bash
# Start-up: time from launch to the first question in a real pseudo-terminal, and peak memory at that moment,
# for the kiosk build of consult (scripts/build-kiosk.sh) against a minimal C program that links readline
# (benchmarks/readline-prompt.c), all in one interleaved run (benchmarks/first-question.py):
#   - the bundled dialogs and generated dialogs of about 1,000 and 10,000 nodes (benchmarks/generate-dialog.py);
#   - warm: the compiled form is there and matches (what every start after the first does);
#   - cold: an empty cache folder at each run, so consult loads and checks the files and then writes the
#     compiled form (the first start, or the first after a change);
#   - optionally BASELINE=/path/to/an/older/consult (built the same way) on the bundled dialogs, for "today".
# KIOSK=/path/to/consult measures that program instead of building one. Needs: python3, cc, libreadline-dev.
# The table goes to benchmarks/results/startup.md.
#
#   benchmarks/startup.sh
#   RUNS=40 WARMUP=5 BASELINE=/tmp/consult-before benchmarks/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-30}
WARMUP=${WARMUP:-3}

work=$(mktemp -d /dev/shm/consult-startup.XXXXXX 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT

cc -O2 -o "$work/readline-prompt" benchmarks/readline-prompt.c -lreadline
# The README's kiosk build (scripts/build-kiosk.sh: one static, position-independent executable; the script says
# what each flag does).
consult=${KIOSK:-$(scripts/build-kiosk.sh 2>/dev/null | tail -1)}
[ -x "$consult" ] || { echo "startup.sh: no kiosk build (run scripts/build-kiosk.sh to see why)" >&2; exit 1; }

python3 benchmarks/generate-dialog.py 1000 "$work/dialog-1000" >/dev/null
python3 benchmarks/generate-dialog.py 10000 "$work/dialog-10000" >/dev/null
# A compiled form records a source file's fingerprint only when the file last changed at least 10 s before the
# compile (FileFingerprint.settlingSeconds); files written just now would be read and hashed at every warm start
# until then, as they would on a kiosk only in the first seconds after an edit.
sleep 11
for dialog in dialogs "$work/dialog-1000" "$work/dialog-10000"; do
    "$consult" compile "$dialog" --cache-dir "$work/cache" >/dev/null
done

programs=("C + readline=$work/readline-prompt")
if [ -n "${BASELINE:-}" ]; then
    programs+=("baseline, bundled=$BASELINE run dialogs --out {fresh}")
fi
for size in bundled 1000 10000; do
    dialog=dialogs
    [ "$size" = bundled ] || dialog="$work/dialog-$size"
    programs+=("consult warm, $size=$consult run $dialog --out {fresh} --cache-dir $work/cache")
    programs+=("consult cold, $size=$consult run $dialog --out {fresh} --cache-dir {fresh}")
done

mkdir -p benchmarks/results
{
    echo "RUNS=$RUNS WARMUP=$WARMUP, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
    echo
    python3 benchmarks/first-question.py "$RUNS" "$WARMUP" "${programs[@]}"
} | tee benchmarks/results/startup.md
