#!/bin/sh
# Times `consult validate` and `consult paths --check` on generated dialogs of about 100, 1,000 and 10,000
# nodes with hyperfine (apt-get install -y hyperfine), on a release build. Results go to
# benchmarks/results/ (Markdown tables and hyperfine's JSON); docs/performance.md quotes them.
#
#   benchmarks/run-paths-bench.sh            # all three sizes
#   SIZES="100 1000" benchmarks/run-paths-bench.sh
set -eu
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"100 1000 10000"}
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install -y hyperfine" >&2; exit 2; }
swift build -c release --product consult >/dev/null
CONSULT=.build/release/consult
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p benchmarks/results
for size in $SIZES; do
    python3 benchmarks/generate-dialog.py "$size" "$WORK/dialog-$size"
    "$CONSULT" validate --quiet "$WORK/dialog-$size"
    "$CONSULT" paths "$WORK/dialog-$size" --check --counterexamples "$WORK" | sed -n '2p'
done
for size in $SIZES; do
    hyperfine --warmup 1 --min-runs 5 --style basic \
        --export-markdown "benchmarks/results/paths-$size.md" --export-json "benchmarks/results/paths-$size.json" \
        -n "validate $size" "$CONSULT validate --quiet $WORK/dialog-$size" \
        -n "paths --check $size" "$CONSULT paths $WORK/dialog-$size --check --counterexamples $WORK"
done
hyperfine --warmup 1 --min-runs 10 --style basic --export-markdown benchmarks/results/paths-bundled.md \
    -n "validate dialogs" "$CONSULT validate --quiet dialogs" \
    -n "paths dialogs --check" "$CONSULT paths dialogs --check --counterexamples $WORK"
cat benchmarks/results/paths-*.md
