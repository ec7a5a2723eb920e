"""Validates a summary JSON document (standard input) against docs/summary.schema.json (argument 1).

Used by the Swift tests of both test targets. Exit 0 valid, 1 invalid (messages printed), 3 when
jsonschema is missing.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("python3 cannot import jsonschema: run `pip install jsonschema` to check summaries against the schema")
    sys.exit(3)

schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(json.load(sys.stdin))]
print("\n".join(errors))
sys.exit(1 if errors else 0)
