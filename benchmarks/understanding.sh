#!/bin/sh
# Answer understanding: the corpus figures (right, confirmed, re-asked, wrong; FAQ right, offered, noted, wrong)
# and the time per read, on a release build of the bundled dialogs against tests/corpus.
# docs/understanding.md quotes the result, written to benchmarks/results/understanding.txt.
#
#   benchmarks/understanding.sh                 # figures and timing
#   benchmarks/understanding.sh --show wrong    # extra options go to `consult understanding`
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product consult >/dev/null
mkdir -p benchmarks/results
# The figures fail (exit 1) when any answer is read wrongly; the report is kept either way.
status=0
.build/release/consult understanding dialogs --corpus tests/corpus --timing "$@" \
    > benchmarks/results/understanding.txt || status=$?
cat benchmarks/results/understanding.txt
exit "$status"
