#!/bin/sh
# Times loading (and checking) one dialog of N sequential questions, each size in a process of its own, on a
# release build of the tests (LoaderScalingBenchmark, which uses Tests/ConsultCoreTests/Loading/LongDialog.swift).
# Prints one line per size: seconds to load, and the process's peak resident memory before and after loading.
# Sizes beyond about 20,000 questions pass the loader's file limits, which the benchmark lifts.
#
#   benchmarks/loader-scaling.sh                         # 10000 20000 40000 50000 sequential questions
#   SIZES="1000 2000" SHAPE=earlyExits benchmarks/loader-scaling.sh
#   MEMORY_LIMIT_KB=8000000 benchmarks/loader-scaling.sh # stop a size that needs more (ulimit -v)
set -eu
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"10000 20000 40000 50000"}
SHAPE=${SHAPE:-sequential}
# `swift test` builds with testable imports, which the benchmark needs; without the variable it runs nothing.
swift test -c release --filter LoaderScalingBenchmark >/dev/null
for size in $SIZES; do
    (
        if [ -n "${MEMORY_LIMIT_KB:-}" ]; then ulimit -v "$MEMORY_LIMIT_KB"; fi
        CONSULT_LOADER_BENCHMARK="$size:$SHAPE" swift test -c release --skip-build --filter LoaderScalingBenchmark 2>&1 \
            | grep -E '^loader-benchmark|✘' || echo "loader-benchmark shape=$SHAPE questions=$size failed (out of memory or time?)"
    )
done
