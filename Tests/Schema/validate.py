#!/usr/bin/env python3
"""Validates JSON documents against Schemas/jixiao.schema.json with an independent validator
(python-jsonschema, Draft 2020-12). Usage: validate.py FILE.json… (or - for stdin, one
document per line). Exits 1 on the first invalid document, naming it and the error."""
import json
import pathlib
import sys

from jsonschema import Draft202012Validator

root = pathlib.Path(__file__).resolve().parents[2]
schema = json.loads((root / "Schemas" / "jixiao.schema.json").read_text(encoding="utf-8"))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def check(name, document):
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        path = "/".join(str(p) for p in error.absolute_path)
        print(f"{name}: invalid at /{path}: {error.message}", file=sys.stderr)
        return False
    return True


ok = True
count = 0
for argument in sys.argv[1:]:
    if argument == "-":
        for number, line in enumerate(sys.stdin, 1):
            if line.strip():
                ok &= check(f"<stdin>:{number}", json.loads(line))
                count += 1
    else:
        ok &= check(argument, json.loads(pathlib.Path(argument).read_text(encoding="utf-8")))
        count += 1
print(f"{count} documents checked against the schema: {'all valid' if ok else 'INVALID'}")
sys.exit(0 if ok else 1)
