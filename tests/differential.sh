#!/usr/bin/env bash
# Plays more random dialogs through the differential test than `swift test` does (125 by default there):
#   tests/differential.sh [DIALOGS] [SEED]
# Each dialog gets 16 random patients; the session's path, outcome and fired rules must equal the path explorer's
# prediction for every one. Failing cases are written to differential-report.txt with their dialogs.
set -euo pipefail
cd "$(dirname "$0")/.."
export CONSULT_DIFFERENTIAL_DIALOGS=${1:-2000}
export CONSULT_DIFFERENTIAL_SEED=${2:-20261202}
export CONSULT_DIFFERENTIAL_REPORT=$PWD/differential-report.txt
swift test --filter DifferentialTests
