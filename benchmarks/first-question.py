#!/usr/bin/env python3
"""Time to the first question in a real pseudo-terminal, and peak memory, for several programs in one run.

Each program is started on a fresh 80x24 pseudo-terminal; the time runs from just before posix_spawn until the
terminal shows the first prompt ("> " after the first question; readline's own bracketed-paste switch
comes before it). Then the program's peak resident memory so far is read (VmHWM in /proc/PID/status), Ctrl-D
is typed (end of input: consult writes an incomplete summary and exits). (wait4's peak is not used: Linux
counts the spawning Python process's memory in it.) Runs of the programs are interleaved, so load from other work on the machine falls on all alike.

    benchmarks/first-question.py RUNS WARMUP NAME=COMMAND...
    benchmarks/first-question.py 40 5 "C + readline=/tmp/readline-prompt" "consult=.build/release/consult run"

In a command, {fresh} stands for a new path in a temporary folder at each run (a summary folder that starts
empty, so runs do not pile summaries up for the next).

Prints a Markdown table: mean, median, minimum and relative to the first program, and peak memory at the
first question. With --json FILE it also writes every timing.
"""
import fcntl
import json
import os
import pty
import select
import shlex
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

PROMPT = b"> "
DEADLINE = 30.0


def one_run(argv):
    """Returns (seconds to the first prompt, KiB of peak resident memory at the first prompt)."""
    master, slave = pty.openpty()
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    slave_path = os.ttyname(slave)
    os.close(slave)
    # posix_spawn (vfork underneath): the child never holds a copy of this Python process, so wait4's peak
    # memory is the program's own. In a new session, opening the terminal makes it the controlling one.
    actions = [(os.POSIX_SPAWN_CLOSE, master)] + [
        (os.POSIX_SPAWN_OPEN, descriptor, slave_path, os.O_RDWR, 0) for descriptor in (0, 1, 2)
    ]
    start = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions, setsid=True)
    output = b""
    first = None
    while time.perf_counter() - start < DEADLINE:
        ready, _, _ = select.select([master], [], [], 1.0)
        if not ready:
            continue
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
        if output.endswith(PROMPT):
            first = time.perf_counter() - start
            break
    hwm = None
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
    except OSError:
        pass
    os.write(master, b"\x04")
    while True:
        try:
            ready, _, _ = select.select([master], [], [], 5.0)
            if not ready or not os.read(master, 65536):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    os.close(master)
    if first is None:
        raise SystemExit(f"{argv[0]}: no prompt within {DEADLINE} s; it printed {output[-300:]!r}")
    return first, hwm


def main():
    args = sys.argv[1:]
    json_path = None
    if args and args[0] == "--json":
        json_path, args = args[1], args[2:]
    runs, warmup = int(args[0]), int(args[1])
    programs = []
    for spec in args[2:]:
        name, _, command = spec.partition("=")
        programs.append((name, shlex.split(command)))
    results = {name: [] for name, _ in programs}
    scratch = tempfile.mkdtemp(prefix="consult-first-question-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    fresh = 0
    for index in range(warmup + runs):
        for name, argv in programs:
            fresh += 1
            sample = one_run([part.replace("{fresh}", f"{scratch}/{fresh}") for part in argv])
            if index >= warmup:
                results[name].append(sample)
    base = statistics.mean(t for t, _ in results[programs[0][0]])
    print("| program | mean | median | min | relative to the first (mean) | peak memory at the first question |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, _ in programs:
        times = [t for t, _ in results[name]]
        hwm = max(h or 0 for _, h in results[name]) / 1024
        mean = statistics.mean(times)
        print(f"| {name} | {mean * 1000:.1f} ms | {statistics.median(times) * 1000:.1f} ms | {min(times) * 1000:.1f} ms "
              f"| {mean / base:.1f}× | {hwm:.1f} MiB |")
    subprocess.run(["rm", "-rf", scratch], check=False)
    if json_path:
        with open(json_path, "w") as file:
            json.dump({name: results[name] for name, _ in programs}, file, indent=1)


if __name__ == "__main__":
    main()
