"""Validates sluice.json files against a JSON Schema with Debian's python3-jsonschema.
Usage: validate_config.py SCHEMA FILE... ; prints "ok" or "invalid: ..." per file."""
import json
import sys

from jsonschema import Draft202012Validator

schema = json.load(open(sys.argv[1], encoding="utf-8"))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
for path in sys.argv[2:]:
    errors = list(validator.iter_errors(json.load(open(path, encoding="utf-8"))))
    if errors:
        first = errors[0]
        print(f"{path}\tinvalid: {'/'.join(map(str, first.path))}: {first.message[:200]}")
    else:
        print(f"{path}\tok")
