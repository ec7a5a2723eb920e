#!/usr/bin/env python3
"""Checks QuestionnaireResponses against their Questionnaire's conditions, as a form filler would read them.

Reads one JSON document per line on standard input: the Questionnaire first, then QuestionnaireResponses. For each
response prints one line: "ok", or "problem: <messages>". An item is enabled by FHIR R4's enableWhen rules
(implemented here: exists, =, != as "no answer equals", <, <=, >, >=; enableBehavior all/any) or by SDC's
enableWhenExpression (FHIRPath, evaluated by fhirpathpy with %resource the response). The checks:
  - every item the response holds is a question of the Questionnaire, and is enabled by the response's own answers;
  - in a completed response, every enabled required item is answered.
Exits 2 when fhirpathpy is missing.
"""
import json
import sys

try:
    from fhirpathpy import evaluate
    from fhirpathpy.models import models
except ImportError as error:
    print(f"fhirpathpy is missing: python3 -m pip install fhirpathpy ({error})", file=sys.stderr)
    sys.exit(2)

EXPRESSION_URL = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression"


def answer_value(answer):
    """The answer's value[x], as (kind, value); codings compared by system and code."""
    for key, value in answer.items():
        if key.startswith("value"):
            if key == "valueCoding":
                return "coding", (value.get("system"), value.get("code"))
            return key[5:].lower(), value
    return None, None


def expected_value(entry):
    for key, value in entry.items():
        if key.startswith("answer"):
            if key == "answerCoding":
                return "coding", (value.get("system"), value.get("code"))
            return key[6:].lower(), value
    raise ValueError(f"enableWhen without an answer: {entry}")


def comparable(kind, expected_kind):
    numbers = {"integer", "decimal"}
    return kind == expected_kind or (kind in numbers and expected_kind in numbers)


def entry_holds(entry, answers_by_link):
    answers = answers_by_link.get(entry["question"], [])
    operator = entry["operator"]
    if operator == "exists":
        return bool(answers) == entry["answerBoolean"]
    expected_kind, expected = expected_value(entry)
    values = [v for k, v in (answer_value(a) for a in answers) if comparable(k, expected_kind)]
    if operator == "=":
        return any(v == expected for v in values)
    if operator == "!=":
        return not any(v == expected for v in values)
    tests = {"<": lambda v: v < expected, "<=": lambda v: v <= expected,
             ">": lambda v: v > expected, ">=": lambda v: v >= expected}
    return any(tests[operator](v) for v in values)


def enabled(item, response, answers_by_link):
    entries = item.get("enableWhen")
    if entries:
        results = [entry_holds(entry, answers_by_link) for entry in entries]
        behavior = item.get("enableBehavior")
        if len(entries) > 1 and behavior not in ("all", "any"):
            raise ValueError(f"{item['linkId']}: several enableWhen entries without enableBehavior")
        return all(results) if behavior != "any" else any(results)
    for extension in item.get("extension", []):
        if extension["url"] == EXPRESSION_URL:
            expression = extension["valueExpression"]
            if expression.get("language") != "text/fhirpath":
                raise ValueError(f"{item['linkId']}: expression language {expression.get('language')}")
            result = evaluate(response, expression["expression"], {"resource": response}, model=models["r4"])
            return result == [True]
    return True


def check(questionnaire, response):
    problems = []
    items = {item["linkId"]: item for item in questionnaire.get("item", [])}
    answered = {item["linkId"]: item.get("answer", []) for item in response.get("item", [])}
    expected = questionnaire["url"] + ("|" + questionnaire["version"] if questionnaire.get("version") else "")
    if response.get("questionnaire") != expected:
        problems.append(f"answers {response.get('questionnaire')}, not {expected}")
    for link_id in answered:
        if link_id not in items:
            problems.append(f"{link_id} is not a question of the Questionnaire")
        elif not enabled(items[link_id], response, answered):
            problems.append(f"{link_id} is answered but not enabled by the response's answers")
    if response.get("status") == "completed":
        for link_id, item in items.items():
            if item.get("required") and enabled(item, response, answered) and not answered.get(link_id):
                problems.append(f"{link_id} is required and enabled but not answered")
    return problems


lines = [line for line in sys.stdin if line.strip()]
questionnaire = json.loads(lines[0])
for line in lines[1:]:
    try:
        problems = check(questionnaire, json.loads(line))
    except Exception as error:  # a malformed condition is a finding, not a crash
        problems = [f"could not evaluate: {error}"]
    print("ok" if not problems else "problem: " + "; ".join(problems))
