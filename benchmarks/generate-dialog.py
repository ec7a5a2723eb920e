#!/usr/bin/env python3
"""Generates a synthetic consultation of about N nodes for benchmarking `consult validate` and `consult paths`.

    benchmarks/generate-dialog.py NODES OUTPUT_FOLDER

The mix follows the bundled micro-needling consultation: an entry dialog calls section dialogs in turn; each
section asks yes/no, yes/no/not sure, choice, number and date questions, branches past follow-up questions,
shows a topic, and declares rules (decline, defer, review, precaution) on its answers; every section also calls
one shared dialog (so returns go to many call sites), and a wrap-up branches on the built-in `outcome`.
The output is deterministic for a given NODES. A properties.yaml with `never`, `reachable`, `can_fire` and
`always_summary` properties is written beside it.
"""
import os
import sys

SECTION_NODES = 22  # nodes in one generated section, see section() below


def section(i):
    s = f"s{i}"
    nodes = f"""dialog: {s}
title: Section {i}

nodes:
  - say: Section {i} questions.
  - ask: Have you had treatment {i}?
    id: {s}_had
    type: yes-no
  - branch:
      - if: {s}_had == no
        goto: {s}_count
  - ask: When was treatment {i}?
    id: {s}_when
    type: date
  - ask: Is treatment {i} still going on?
    id: {s}_ongoing
    type: yes-no-unsure
  - ask: How many times a week do you do activity {i}?
    id: {s}_count
    type: number
    range: [0, 50]
  - ask: Which kind of condition {i} do you have?
    id: {s}_kind
    type: choice
    options:
      - id: {s}_mild
        label: Mild {i}
      - id: {s}_moderate
        label: Moderate {i}
      - id: {s}_severe
        label: Severe {i}
      - id: {s}_none
        label: No condition {i}
  - branch:
      - if: {s}_kind == {s}_severe
        goto: {s}_detail
      - if: {s}_kind == {s}_none
        goto: {s}_shared
  - ask: Does condition {i} bother you daily?
    id: {s}_daily
    type: yes-no
  - say: Thank you.
    next: {s}_shared
  - ask: Please describe condition {i}.
    id: {s}_detail
    type: text
    required: false
  - id: {s}_shared
    call: shared
  - explain: {s}_topic
    title: About part {i}
    text: Some information about part {i}.
  - ask: Any allergy of type {i}?
    id: {s}_allergy
    type: yes-no
  - branch:
      - if: not {s}_allergy
        goto: {s}_done
  - ask: Is allergy {i} severe?
    id: {s}_allergy_severe
    type: yes-no-unsure
  - say: Noted.
  - say: Moving on.
  - say: Almost done with this part.
  - id: {s}_done
    return: true

rules:
  - id: {s}_recent
    when: {s}_had and months_since({s}_when) < 6
    outcome: defer
    reason: Treatment {i} in the last 6 months.
  - id: {s}_ongoing_review
    when: {s}_had and {s}_ongoing != no
    outcome: review
    reason: Treatment {i} ongoing or unsure.
  - id: {s}_too_often
    when: {s}_count > 20
    outcome: review
    reason: Activity {i} more than 20 times a week.
  - id: {s}_severe_decline
    when: {s}_kind == {s}_severe
    outcome: decline
    reason: Severe condition {i}.
  - id: {s}_daily_note
    when: {s}_daily
    outcome: precaution
    reason: Condition {i} is daily.
  - id: {s}_allergy_defer
    when: {s}_allergy_severe == yes
    outcome: defer
    reason: Severe allergy {i}.
"""
    return nodes


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    target = int(sys.argv[1])
    folder = sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    for name in os.listdir(folder):
        if name.endswith(".yaml"):
            os.remove(os.path.join(folder, name))
    # entry: calls + wrap-up ≈ sections + 8 nodes; shared: 2 nodes
    sections = max(1, round((target - 10) / (SECTION_NODES + 1)))
    calls = "\n".join(f"  - call: s{i}" for i in range(sections))
    entry = f"""dialog: bench
version: 1.0.0
title: Generated benchmark consultation ({sections} sections)
entry: true
settings: clinic.yaml

nodes:
  - say: Welcome to {{clinic_name}}.
  - ask: How old are you?
    id: age
    type: number
    range: [0, 120]
  - branch:
      - if: age < minimum_age
        goto: wrap
{calls}
  - id: wrap
    outcome: true
  - branch:
      - if: outcome == decline
        goto: declined
  - end: Thank you, we will be in touch.
  - id: declined
    end: We cannot offer this treatment.

rules:
  - id: under_age
    when: age < minimum_age
    outcome: decline
    reason: Under the minimum age.
"""
    shared = """dialog: shared
title: Shared check

nodes:
  - say: A quick check.
  - return: true
"""
    with open(os.path.join(folder, "bench.yaml"), "w") as f:
        f.write(entry)
    with open(os.path.join(folder, "shared.yaml"), "w") as f:
        f.write(shared)
    with open(os.path.join(folder, "clinic.yaml"), "w") as f:
        f.write("clinic_name: Benchmark Clinic\nminimum_age: 18\n")
    for i in range(sections):
        with open(os.path.join(folder, f"s{i}.yaml"), "w") as f:
            f.write(section(i))
    last = sections - 1
    with open(os.path.join(folder, "properties.yaml"), "w") as f:
        f.write(f"""properties:
  - id: minors_never_proceed
    never: {{outcome: proceed, when: "age < 18"}}
  - id: severe_never_proceeds
    never: {{outcome: [proceed, review], when: "s{last}_kind == s{last}_severe"}}
  - reachable: all_questions
  - can_fire: all_rules
  - always_summary: age
""")
    total = 11 + 2 + sections * (SECTION_NODES + 1)
    print(f"{folder}: {sections} sections, about {total} nodes")


if __name__ == "__main__":
    main()
