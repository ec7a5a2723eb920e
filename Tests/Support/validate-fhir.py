#!/usr/bin/env python3
"""Validates FHIR resources with the fhir.resources models (R4B, the closest to R4 it ships).

Reads one JSON document per line on standard input (a Questionnaire or a QuestionnaireResponse); prints one line per
document: "ok", or "invalid: <messages>". Exits 2 when fhir.resources is missing.
"""
import json
import sys

try:
    from fhir.resources.R4B.questionnaire import Questionnaire
    from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
except ImportError as error:
    print(f"fhir.resources is missing: python3 -m pip install fhir.resources ({error})", file=sys.stderr)
    sys.exit(2)

MODELS = {"Questionnaire": Questionnaire, "QuestionnaireResponse": QuestionnaireResponse}

for line in sys.stdin:
    if not line.strip():
        continue
    document = json.loads(line)
    model = MODELS.get(document.get("resourceType"))
    if model is None:
        print(f"invalid: unexpected resourceType {document.get('resourceType')!r}")
        continue
    try:
        model.model_validate(document) if hasattr(model, "model_validate") else model.parse_obj(document)
        print("ok")
    except Exception as error:  # the models raise pydantic's ValidationError
        print("invalid: " + " ".join(str(error).split()))
