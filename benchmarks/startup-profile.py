#!/usr/bin/env python3
"""Where a start spends its time before the first question: perf samples of several starts, each stopped (SIGKILL)
the moment the pseudo-terminal shows the first prompt, grouped by the phase they fall in.

    benchmarks/startup-profile.py RUNS COMMAND...
    benchmarks/startup-profile.py 5 .build-kiosk/release/consult run dialogs --out /tmp/s --cache-dir /tmp/c

Needs perf (and permission to record: root, or kernel.perf_event_paranoid <= 1) and pexpect. Prints, for each
phase, its share of the samples taken in the program (kernel work on its behalf included). A sample counts
towards the first phase whose function is on its call stack, in the order of PHASES; samples with no frame of
`main` on their stack are the process's start before main (exec, the dynamic loader, relocation) or frames that
perf could not unwind (readline has no frame pointers).
"""
import collections
import os
import signal
import subprocess
import sys
import tempfile

import pexpect

# (phase, a piece of the mangled name of a function on the call stack), most specific first.
PHASES = [
    ("argument parser", "parseAsRoot"),
    ("compiled form: key (reading and hashing files)", "CompiledConsultationO3key"),
    ("compiled form: decode", "CompiledConsultationO6decode"),
    ("compiled form: header, fingerprints, folder listing", "ConsultationCacheV08compiled"),
    ("loading the dialog files (cold)", "ConsultationLoaderO4load"),
    ("writing the compiled form (cold)", "ConsultationCacheV5store"),
    ("reading language tables", "ReadingLexicon"),
    ("summary folder check and journal recovery", "SummaryFolder"),
    ("reference code", "usedReferences"),
    ("line editor (readline) set-up", "LineReader"),
    ("state machine and first screen", "ConsultationDriver"),
    ("kiosk loop", "KioskLoop"),
    ("rest of main", "consult_main"),
]


def record(command, output):
    child = pexpect.spawn("perf", ["record", "-q", "-F", "20000", "-g", "-o", output] + command, dimensions=(24, 80))
    child.expect(b"> ", timeout=60)
    pids = subprocess.run(["pgrep", "-P", str(child.pid)], capture_output=True, text=True).stdout.split()
    for pid in pids:
        os.kill(int(pid), signal.SIGKILL)
    child.expect(pexpect.EOF, timeout=60)


def phases(script, program):
    counts = collections.Counter()
    for sample in script.split("\n\n"):
        lines = sample.strip().split("\n")
        if len(lines) < 2 or not lines[0].lstrip().startswith(program[:15]):
            continue
        stack = " ".join(lines[1:])
        for name, marker in PHASES:
            if marker in stack:
                counts[name] += 1
                break
        else:
            counts["before main, or not unwound"] += 1
    return counts


def main():
    runs, command = int(sys.argv[1]), sys.argv[2:]
    program = os.path.basename(command[0])
    total = collections.Counter()
    with tempfile.TemporaryDirectory() as folder:
        for run in range(runs):
            data = os.path.join(folder, f"perf.{run}")
            record(command, data)
            script = subprocess.run(["perf", "script", "-i", data, "--comm", program[:15]],
                                    capture_output=True, text=True).stdout
            total += phases(script, program)
    samples = sum(total.values())
    print(f"{runs} starts of {' '.join(command)}: {samples} samples")
    print()
    print("| phase | share of samples |")
    print("|---|---:|")
    for name, count in total.most_common():
        print(f"| {name} | {100 * count / samples:.0f} % |")


if __name__ == "__main__":
    main()
