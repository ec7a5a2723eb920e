#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer and AddressSanitizer and runs each for a bounded time.
#
#   fuzz/run.sh [TARGET|all] [SECONDS]
#
# TARGET is one of the names in TARGETS below (default: all); SECONDS is the time per target (default 60).
# SECONDS 0 runs no fuzzing: each target reads its seeds and saved findings once, as a regression check.
# FUZZ_FLAGS adds libFuzzer flags (FUZZ_FLAGS='-jobs=2' …); FUZZ_NO_BUILD=1 skips the build.
#
# Per target it reads the committed seeds in fuzz/corpus/TARGET, keeps what it discovers in
# fuzz/.work/TARGET/corpus (not committed), writes inputs that crash, time out or run out of memory to
# fuzz/findings/TARGET (not committed: each one becomes a regression test in swift test), and prints the
# executions, the speed, the corpus size and the findings. Exit status 1 when anything was found.
set -euo pipefail

FUZZ_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# short name → executable target in fuzz/Package.swift, and its libFuzzer dictionary (fuzz/dictionaries).
TARGETS=(loader expression yes-no choice number date text transcript session journal)
declare -A EXECUTABLE=(
    [loader]=FuzzLoader [expression]=FuzzExpression [yes-no]=FuzzYesNo [choice]=FuzzChoice
    [number]=FuzzNumber [date]=FuzzDate [text]=FuzzText [transcript]=FuzzTranscript [session]=FuzzSession [journal]=FuzzJournal
)
declare -A DICTIONARY=(
    [loader]=loader [expression]=expression [yes-no]=answers [choice]=answers [number]=answers
    [date]=answers [text]=answers [transcript]=transcript [session]=answers [journal]=answers
)

usage() {
    echo "usage: fuzz/run.sh [TARGET|all] [SECONDS]" >&2
    echo "targets: ${TARGETS[*]}" >&2
    exit 2
}

selected=${1:-all}
seconds=${2:-60}
[[ $seconds =~ ^[0-9]+$ ]] || usage
if [[ $selected == all ]]; then
    run=("${TARGETS[@]}")
elif [[ -n ${EXECUTABLE[$selected]:-} ]]; then
    run=("$selected")
else
    usage
fi

cd "$FUZZ_DIR"
if [[ ${FUZZ_NO_BUILD:-0} != 1 ]]; then
    echo "building the fuzz targets (release, -sanitize=fuzzer,address)…"
    mkdir -p .work
    # lld: gold fails on the sanitized objects here ("internal error in format_file_lineno").
    if ! swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld >.work/build.log 2>&1; then
        grep -v -e "prohibited flag" -e '^\[' .work/build.log >&2
        echo "the build failed (fuzz/.work/build.log)" >&2
        exit 1
    fi
fi
bin=$(swift build -c release --show-bin-path)

# Swift's tagged enum payloads hide pointers from LeakSanitizer, which then reports the bundled dialogs,
# loaded once, as leaked: leaks are not checked; memory that grows is (-rss_limit_mb).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
# Swift's own crash backtracer reads the stack in a way AddressSanitizer reports as a second error; libFuzzer and
# AddressSanitizer print the stack already.
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}

found=0
printf '\n%-11s %12s %9s %8s %9s\n' target executions "exec/s" corpus findings
summary=()
for target in "${run[@]}"; do
    work="$FUZZ_DIR/.work/$target"
    findings="$FUZZ_DIR/findings/$target"
    mkdir -p "$work/corpus" "$findings"
    before=$(find "$findings" -type f | wc -l)
    log="$work/fuzz.log"
    flags=(-timeout=10 -rss_limit_mb=4096 -print_final_stats=1 "-artifact_prefix=$findings/"
           "-dict=$FUZZ_DIR/dictionaries/${DICTIONARY[$target]}.dict")
    if [[ $seconds == 0 ]]; then
        # shellcheck disable=SC2086
        "$bin/${EXECUTABLE[$target]}" "${flags[@]}" ${FUZZ_FLAGS:-} -runs=0 \
            "$work/corpus" "$FUZZ_DIR/corpus/$target" "$findings" </dev/null >"$log" 2>&1 || true
    else
        # shellcheck disable=SC2086
        "$bin/${EXECUTABLE[$target]}" "${flags[@]}" ${FUZZ_FLAGS:-} "-max_total_time=$seconds" \
            "$work/corpus" "$FUZZ_DIR/corpus/$target" </dev/null >"$log" 2>&1 || true
    fi
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    corpus=$(find "$work/corpus" "$FUZZ_DIR/corpus/$target" -type f | wc -l)
    new=$(( $(find "$findings" -type f | wc -l) - before ))
    failed=$(grep -c -e "^==[0-9]*==ERROR" -e "Fatal error" -e "ERROR: libFuzzer" "$log" || true)
    (( new > 0 || failed > 0 )) && found=1
    printf '%-11s %12s %9s %8s %9s\n' "$target" "${executions:-?}" "${speed:-?}" "$corpus" "$new"
    if (( new > 0 || failed > 0 )); then
        summary+=("$target: $(grep -m1 -e "Fatal error" -e "^==[0-9]*==ERROR" -e "ERROR: libFuzzer" "$log" | cut -c1-300)")
        summary+=("  input: $(grep -m1 -o "Test unit written to .*" "$log" || echo "see $log")")
    fi
done

if (( found )); then
    echo
    echo "findings (logs in fuzz/.work/TARGET/fuzz.log):"
    printf '%s\n' "${summary[@]}"
    exit 1
fi
echo
echo "no findings"
