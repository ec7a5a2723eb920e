#!/usr/bin/env bash
# Start-up: time from launch to the first question, and peak memory, for consult
# (debug, release, release with a static Swift standard library) against a minimal
# C program that links readline (benchmarks/readline-prompt.c).
#
# Each program reads standard input from /dev/null, so it prints its first question,
# meets end of input at the prompt and exits; consult then writes an incomplete
# summary to a tmpfs folder. Needs: hyperfine, GNU time, cc, libreadline-dev.
#   apt-get install -y hyperfine time gcc libreadline-dev
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d /dev/shm/consult-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

cc -O2 -o "$work/readline-prompt" benchmarks/readline-prompt.c -lreadline
swift build -c debug --product consult >/dev/null
swift build -c release --product consult >/dev/null
swift build -c release --product consult --static-swift-stdlib --scratch-path .build-static >/dev/null

debug=$(swift build -c debug --show-bin-path)/consult
release=$(swift build -c release --show-bin-path)/consult
static=$(swift build -c release --scratch-path .build-static --show-bin-path)/consult

# Debian's hyperfine (1.15) has no --input: each command redirects its own standard input,
# through the same shell for every program, so the comparison stays fair.
hyperfine --warmup 5 --runs 40 --export-markdown "$work/startup.md" \
    -n "C + readline" "$work/readline-prompt < /dev/null" \
    -n "consult (debug)" "$debug run dialogs --out $work/summaries < /dev/null" \
    -n "consult (release)" "$release run dialogs --out $work/summaries < /dev/null" \
    -n "consult (release, static stdlib)" "$static run dialogs --out $work/summaries < /dev/null"
cat "$work/startup.md"

echo
echo "Peak memory (maximum resident set size):"
for program in "C + readline|$work/readline-prompt" \
               "consult (debug)|$debug run dialogs --out $work/summaries" \
               "consult (release)|$release run dialogs --out $work/summaries" \
               "consult (release, static stdlib)|$static run dialogs --out $work/summaries"; do
    name=${program%%|*}
    command=${program#*|}
    /usr/bin/time -o "$work/rss" -f '%M' $command < /dev/null > /dev/null 2>&1
    kib=$(tail -n 1 "$work/rss")
    printf '  %-34s %6.1f MiB\n' "$name" "$(echo "$kib / 1024" | bc -l)"
done
