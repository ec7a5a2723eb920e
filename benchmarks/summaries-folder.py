#!/usr/bin/env python3
"""Builds a summary folder of N summaries for timing `consult summaries` (docs/performance.md).

Usage: benchmarks/summaries-folder.py SOURCE_FOLDER TARGET_FOLDER N
SOURCE_FOLDER holds at least one real summary (three files) written by `consult run`; each generated summary is
hard links to its files under a new name, and gets its line in the folder's index, as the writer would write it.
"""
import os, random, sys

source, target, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
stems = sorted(n[:-5] for n in os.listdir(source) if n.endswith(".json") and not n.endswith(".fhir.json"))
alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
os.makedirs(target, mode=0o700, exist_ok=False)
rng = random.Random(1)
start = 1_780_000_000
statuses = ["proceed", "review", "review", "defer", "decline", "incomplete"]
lines = ["#consult-summary-index 1\n"]
codes = set()
copies = {}  # a fresh source file every 60,000 links (ext4 allows 65,000 links per file)
for index in range(count):
    finished = start + index * 90
    while True:
        code = "".join(rng.choice(alphabet) for _ in range(6))
        if code not in codes:
            codes.add(code)
            break
    code = code[:3] + "-" + code[3:]
    session = "%08x" % rng.getrandbits(32)
    import time
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime(finished))
    stem = f"{stamp}-{code}-{session}"
    base = stems[index % len(stems)]
    for extension in ("md", "json", "fhir.json"):
        key = (base, extension, index // 60000)
        if key not in copies:
            copy = os.path.join(target, f".src-{index // 60000}-{base}.{extension}")
            with open(os.path.join(source, f"{base}.{extension}"), "rb") as f, open(copy, "wb") as g:
                g.write(f.read())
            copies[key] = copy
        os.link(copies[key], os.path.join(target, f"{stem}.{extension}"))
    status = rng.choice(statuses)
    reasons = "" if status in ("proceed", "incomplete") else "Pregnant or possibly pregnant: yes or not sure (answer: pregnant)."
    questions = "Will it leave marks?" if index % 7 == 0 else ""
    lines.append("\t".join([stem, str(finished), code, session, "patient", status, "0", reasons, questions]) + "\n")
with open(os.path.join(target, ".index.tsv"), "w") as f:
    f.writelines(lines)
