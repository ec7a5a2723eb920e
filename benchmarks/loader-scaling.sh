#!/bin/sh
# Times loading (and checking) one dialog of N questions, each size in a process of its own, on a release
# build of the tests (LoaderScalingBenchmark, with the dialog of Tests/ConsultCoreTests/Loading/LongDialog.swift).
# Prints one line per size: seconds to load, and the process's peak resident memory before and after loading.
# Sizes beyond about 20,000 questions pass the loader's file limits (1 MiB, 200,000 values), which the
# benchmark lifts. docs/performance.md quotes the figures.
#
#   benchmarks/loader-scaling.sh                          # 10000 20000 40000 50000 sequential questions
#   SIZES="1000 2000" SHAPE=earlyExits benchmarks/loader-scaling.sh
#   MEMORY_LIMIT_KB=12000000 benchmarks/loader-scaling.sh # stop a size that needs more (ulimit -v)
set -eu
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"10000 20000 40000 50000"}
SHAPE=${SHAPE:-sequential}
# `swift test` builds with testable imports, which the benchmark needs; without the variable it runs nothing.
swift test -c release --filter LoaderScalingBenchmark >/dev/null
# On Linux the test binary runs alone, so the memory figures are not those of `swift test` itself.
TESTS="$(swift build -c release --show-bin-path)/ConsultPackageTests.xctest"
for size in $SIZES; do
    (
        if [ -n "${MEMORY_LIMIT_KB:-}" ]; then ulimit -v "$MEMORY_LIMIT_KB"; fi
        export CONSULT_LOADER_BENCHMARK="$size:$SHAPE"
        if [ -x "$TESTS" ]; then
            "$TESTS" --testing-library swift-testing --filter LoaderScalingBenchmark 2>&1
        else
            swift test -c release --skip-build --filter LoaderScalingBenchmark 2>&1
        fi | grep -E '^loader-benchmark|✘' || echo "loader-benchmark shape=$SHAPE questions=$size failed (out of memory or time?)"
    )
done
