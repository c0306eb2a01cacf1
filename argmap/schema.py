"""Validation of plain map data against the JSON Schema in ``resources/``.

The schema is the single description of the format's shape; editors use the
same file (``# yaml-language-server: $schema=...``).  Its raw messages are
turned into short sentences that name the claim or relation concerned.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .diagnostics import ERROR, Diagnostic
from .resources import resource_path
from .yamlread import Document, not_text

#: fields whose value is an id (or a list of ids)
_ID_FIELDS = ("source", "from", "to", "id")

if TYPE_CHECKING:   # jsonschema is imported only to word the problems of a file that has some
    import jsonschema

    from .yamlfast import FastDocument

SCHEMA_FILE = "argmap.schema.json"


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    with open(resource_path(SCHEMA_FILE), encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    import jsonschema

    return jsonschema.Draft202012Validator(schema())


@lru_cache(maxsize=1)
def _fast() -> Any:
    import fastjsonschema

    return fastjsonschema.compile(schema())


def fast_valid(data: Any) -> bool:
    """True when ``data`` fits the schema (compiled check, no messages).  The many
    claims and relations of a big map pass a quicker check first
    (:mod:`argmap.schema_quick`); the compiled validator sees the rest."""
    from fastjsonschema import JsonSchemaException

    from .schema_quick import split_entries

    split = split_entries(data) if isinstance(data, dict) else None
    try:
        _fast()(data if split is None else split[0])
    except JsonSchemaException:
        return False
    return True


def _describe(path: tuple) -> str:
    """('claims', 'foo', 'kind') -> "claim 'foo': kind"."""
    if len(path) >= 2 and path[0] == "claims":
        head, rest = f"claim '{path[1]}'", path[2:]
    elif len(path) >= 2 and path[0] == "sources":
        head, rest = f"source '{path[1]}'", path[2:]
    elif len(path) >= 2 and path[0] == "relations":
        head, rest = f"relation #{int(path[1]) + 1}", path[2:]
    elif path:
        head, rest = str(path[0]), path[1:]
    else:
        return "map"
    if rest:
        head += ": " + ".".join(str(p) for p in rest)
    return head


def _id_not_text(err: jsonschema.ValidationError, path: tuple, what: str,
                 written: dict) -> str | None:
    """For an id YAML reads as a number, true/false or null: how to write it as text."""
    inst = err.instance
    if not (inst is None or isinstance(inst, (bool, int, float))):
        return None
    field = next((p for p in reversed(path) if isinstance(p, str)), "")
    if field not in _ID_FIELDS or len(path) < 3 or path[0] not in ("claims", "relations"):
        return None
    shown = written.get(path)
    if shown is None:
        shown = "null" if inst is None else str(inst).lower() if isinstance(inst, bool) \
            else str(inst)
    return f"{what}: " + not_text(inst, shown, "the id")


def _message(err: jsonschema.ValidationError, written: dict | None = None,
             ) -> tuple[str, tuple, bool]:
    """(message, path to point at, point at the key rather than the value)."""
    path = tuple(err.absolute_path)
    what = _describe(path)
    v = err.validator
    if v in ("type", "oneOf"):
        if v == "oneOf" and isinstance(err.instance, list):
            bad = next((i for i, x in enumerate(err.instance) if not isinstance(x, str)), None)
            if bad is not None:
                from jsonschema import ValidationError

                sub = ValidationError("", instance=err.instance[bad])
                text = _id_not_text(sub, path + (bad,), what, written or {})
                if text:
                    return (text, path + (bad,), False)
        text = _id_not_text(err, path, what, written or {})
        if text:
            return (text, path, False)
    if v == "additionalProperties":
        extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
        if path and path[0] in ("claims", "sources") and len(path) == 1:
            return (f"{what}: invalid entry", path, False)
        allowed = ", ".join(err.schema.get("properties", {}))
        return (f"{what}: unknown field '{extra[0]}' (allowed: {allowed})",
                path + (extra[0],), True)
    if v == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        return (f"{what}: missing required field '{missing}'", path, False)
    if v == "enum":
        allowed = ", ".join(str(x) for x in err.validator_value)
        return (f"{what}: {err.instance!r} is not one of {allowed}", path, False)
    if v == "const":
        return (f"{what}: must be {err.validator_value!r}, not {err.instance!r}", path, False)
    if v == "type":
        return (f"{what}: expected {err.validator_value}, got {type(err.instance).__name__}",
                path, False)
    if v == "pattern":
        if path and path[-1] == "ref":
            return (f"{what}: {err.instance!r} is not of the form FILE.yaml#claim-id", path, False)
        if err.schema.get("description", "").startswith("A short readable id"):
            return ((f"{what}: {err.instance!r} is not a valid id "
                     "(letters, digits, '-', '_', '.'; no spaces)"), path, False)
        return (f"{what}: {err.instance!r} does not match {err.validator_value}", path, False)
    if v == "propertyNames":
        return (f"{what}: {err.instance!r} is not a valid id", path + (err.instance,), True)
    if v == "oneOf" and path and path[-1] == "from":
        return (f"{what}: must be a claim id or a list of claim ids", path, False)
    if v == "minLength":
        return (f"{what}: must not be empty", path, False)
    if v in ("minItems", "maxItems") and path and path[-1] == "pos":
        return (f"{what}: must be [x, y]", path, False)
    return (f"{what}: {err.message}", path, False)


def validate_schema(doc: Document | FastDocument) -> list[Diagnostic]:
    """Schema problems of ``doc``, each at the line and column it concerns."""
    from .schema_quick import split_entries

    out: list[Diagnostic] = []
    # the entries that pass the quick check have no problems to word: left out
    split = split_entries(doc.data) if isinstance(doc.data, dict) else None
    errors: Iterable[jsonschema.ValidationError] = _validator().iter_errors(
        doc.data if split is None else split[0])
    for err in errors:
        if split is not None and len(err.relative_path) > 1 \
                and err.relative_path[0] == "relations":
            err.relative_path[1] = split[1][err.relative_path[1]]   # its place in the file
        if err.validator == "propertyNames":
            # report the offending key itself
            bad = [c for c in (err.context or [])]
            name = bad[0].instance if bad else err.instance
            path = tuple(err.absolute_path) + (name,)
            line, col = doc.where(path, key=True)
            out.append(Diagnostic(ERROR, f"{_describe(tuple(err.absolute_path))}: "
                                  f"{name!r} is not a valid id (letters, digits, '-', '_', '.'; "
                                  "no spaces)", doc.file, line, col, str(name)))
            continue
        message, path, at_key = _message(err, doc.written)
        line, col = doc.where(path, key=at_key)
        subject = str(path[1]) if len(path) >= 2 and path[0] == "claims" else ""
        out.append(Diagnostic(ERROR, message, doc.file, line, col, subject))
    return out
