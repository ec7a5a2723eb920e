#!/usr/bin/env python3
"""Writes link/startup-order.txt: the functions of consult that run before the first question, for the kiosk
build's linker (`-Xlinker --symbol-ordering-file=link/startup-order.txt`), which then places them together.

Scattered over the 19 MB of code, the few thousand functions a start runs made the kernel map about 11 MB of it
(it maps the pages around each fault too); placed together they take a few hundred kilobytes
(docs/performance.md, "Start-up"). The list is taken with valgrind's callgrind, stopped at the first prompt, for
`run` (English and Spanish) and `kiosk` on the bundled dialogs, and is the union of the three. A stale list is
harmless: names the program no longer has are skipped, and new functions are merely placed elsewhere.

    benchmarks/startup-order.py .build-kiosk/release/consult

Needs valgrind (apt-get install -y valgrind), callgrind_control and pexpect. The binary may carry debug
information; a copy without it is what valgrind reads.
"""
import glob
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

import pexpect

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def functions_until_prompt(binary, arguments, work):
    """The names (mangled) of the functions of `binary` run until it shows its first prompt."""
    output = os.path.join(work, "callgrind.out")
    child = pexpect.spawn("valgrind", ["--tool=callgrind", "--demangle=no", f"--callgrind-out-file={output}.%p",
                                       binary] + arguments, dimensions=(24, 80), timeout=180, cwd=ROOT)
    child.expect(b"> ")
    subprocess.run(["callgrind_control", "--dump"], capture_output=True, check=True)
    dumps = []
    for _ in range(100):
        dumps = [path for path in glob.glob(output + ".*") if os.path.getsize(path) > 0]
        if dumps:
            break
        time.sleep(0.1)
    child.kill(signal.SIGKILL)
    child.close()
    if not dumps:
        sys.exit("callgrind wrote no profile")
    return names_in(open(dumps[0]).read(), os.path.basename(binary))


def names_in(profile, program):
    """Function names of `program` in a callgrind profile, in the order they appear (names are compressed:
    `fn=(12) name` defines number 12, a later `fn=(12)` reuses it; `ob=`/`cob=` name the object)."""
    tables = {"ob": {}, "fn": {}}
    current_object = called_object = None
    seen, ordered = set(), []

    def define(kind, line):
        match = re.match(r"^c?" + kind + r"=\((\d+)\)(?: (.*))?$", line)
        if not match:
            return None
        if match.group(2) is not None:
            tables[kind][match.group(1)] = match.group(2)
        return tables[kind].get(match.group(1))

    for line in profile.split("\n"):
        if line.startswith("ob="):
            current_object = define("ob", line)
        elif line.startswith("cob="):
            called_object = define("ob", line)
        elif line.startswith("fn=") or line.startswith("cfn="):
            name = define("fn", line)
            owner = (called_object or current_object) if line.startswith("cfn=") else current_object
            called_object = None
            if owner and owner.endswith(program) and name and " " not in name and not name.startswith("0x") \
                    and name not in seen:
                seen.add(name)
                ordered.append(name)
    return ordered


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as work:
        stripped = os.path.join(work, "consult")
        subprocess.run(["strip", "--strip-debug", "-o", stripped, binary], check=True)
        cache = os.path.join(work, "cache")
        subprocess.run([stripped, "compile", "dialogs", "--cache-dir", cache], check=True, cwd=ROOT,
                       stdout=subprocess.DEVNULL)
        ordered, seen = [], set()
        for arguments in (["run", "dialogs"], ["run", "dialogs", "--lang", "es"], ["kiosk", "dialogs"]):
            out = os.path.join(work, "out-" + arguments[0] + str(len(arguments)))
            for name in functions_until_prompt(stripped, arguments + ["--out", out, "--cache-dir", cache], work):
                if name not in seen:
                    seen.add(name)
                    ordered.append(name)
    target = os.path.join(ROOT, "link", "startup-order.txt")
    with open(target, "w") as file:
        file.write("\n".join(ordered) + "\n")
    print(f"{target}: {len(ordered)} functions")
    # SwiftPM does not see the list as an input of the link.
    print(f"remove {binary} so that the next build links it with this list")


if __name__ == "__main__":
    main()
