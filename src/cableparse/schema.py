"""A JSON Schema for the documents that ``to_dict`` / ``cableparse parse`` produce.

The schema is generated from the attrs model rather than written by hand, so a field added to
``model.py`` shows up in the schema (and in ``docs/schema.json``) without anyone having to
remember it.  It follows the value forms that ``serialize.py`` writes: enums as their values,
datetimes as ``YYYY-MM-DDTHH:MM:SSZ``, dates as ``YYYY-MM-DD``, tuples as arrays, ``None`` as
``null``, ``Header.from_`` as ``from``, a constant ``kind`` on each document, and the source
spans only in the ``spans=True`` variant.  Every key is required and no other key is allowed:
``to_dict`` always writes every field, so a missing or unknown key is a real contract change.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import inspect
import json
import types
import typing
from typing import Any

import attrs

from .defects import Defect
from .model import Article, Cable, DocumentKind, Header

__all__ = ["SCHEMA_DIALECT", "json_schema", "schema_json"]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

# serialize.py writes UTC with a literal Z and no fraction, and ISO dates; patterns (rather
# than only ``format``) make validators check this, since ``format`` is an annotation by default.
_DATETIME = {
    "type": "string",
    "format": "date-time",
    "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$",
}
_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_PRIMITIVES: dict[type, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
}
# Field names as they appear in JSON when they differ from the attribute (a keyword clash).
_RENAMED: dict[tuple[type, str], str] = {(Header, "from_"): "from"}
# Source-span fields, left out of JSON unless spans are asked for.
_SPAN_FIELDS = frozenset({"span", "spans"})
_DOCUMENTS: tuple[tuple[type, DocumentKind], ...] = (
    (Cable, DocumentKind.CABLE),
    (Article, DocumentKind.ARTICLE),
)


class _Builder:
    """Walks the model's type hints, collecting one ``$defs`` entry per class and enum."""

    def __init__(self, spans: bool) -> None:
        self.spans = spans
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: stops recursion on a cycle
            if issubclass(cls, enum.Enum):
                self.defs[name] = self.enum_schema(cls)
            else:
                self.defs[name] = self.class_schema(cls)
        return {"$ref": f"#/$defs/{name}"}

    def enum_schema(self, cls: type[enum.Enum]) -> dict[str, Any]:
        schema: dict[str, Any] = {"title": cls.__name__}
        description = _doc(cls)
        if description:
            schema["description"] = description
        schema["type"] = "string"
        schema["enum"] = [member.value for member in cls]
        return schema

    def class_schema(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        kind = dict(_DOCUMENTS).get(cls)
        if kind is not None:
            properties["kind"] = {"const": kind.value}
        for field in attrs.fields(cls):
            if field.name in _SPAN_FIELDS and not self.spans:
                continue
            key = _RENAMED.get((cls, field.name), field.name)
            properties[key] = self.type_schema(hints[field.name])
        schema: dict[str, Any] = {"title": cls.__name__}
        description = _doc(cls)
        if description:
            schema["description"] = description
        schema["type"] = "object"
        schema["properties"] = properties
        schema["required"] = list(properties)
        schema["additionalProperties"] = False
        return schema

    def type_schema(self, hint: Any) -> dict[str, Any]:
        origin = typing.get_origin(hint)
        if origin in (typing.Union, types.UnionType):
            return self.union_schema(typing.get_args(hint))
        if origin is tuple:
            args = typing.get_args(hint)
            if len(args) != 2 or args[1] is not Ellipsis:
                raise TypeError(f"only homogeneous tuples are supported, not {hint!r}")
            return {"type": "array", "items": self.type_schema(args[0])}
        if hint in _PRIMITIVES:
            return dict(_PRIMITIVES[hint])
        # datetime is a subclass of date: test it first.
        if hint is dt.datetime:
            return dict(_DATETIME)
        if hint is dt.date:
            return dict(_DATE)
        if isinstance(hint, type) and (issubclass(hint, enum.Enum) or attrs.has(hint)):
            return self.ref(hint)
        raise TypeError(f"no JSON Schema for the type {hint!r}")

    def union_schema(self, args: tuple[Any, ...]) -> dict[str, Any]:
        nullable = type(None) in args
        members = [self.type_schema(arg) for arg in args if arg is not type(None)]
        if nullable and len(members) == 1 and isinstance(members[0].get("type"), str):
            # A plain value or null: one schema with a type list keeps the output readable.
            schema = dict(members[0])
            schema["type"] = [schema["type"], "null"]
            return schema
        if nullable:
            members.append({"type": "null"})
        return members[0] if len(members) == 1 else {"anyOf": members}


def _doc(cls: type) -> str | None:
    # Only the docstring a class declares itself: inherited ones (str, Enum) say nothing useful.
    if "__doc__" not in vars(cls) or not cls.__doc__:
        return None
    # Docstrings use reST literals; JSON Schema readers expect Markdown.
    return " ".join(inspect.cleandoc(cls.__doc__).split()).replace("``", "`")


@functools.lru_cache(maxsize=2)
def _cached(spans: bool) -> str:
    builder = _Builder(spans)
    documents = [builder.ref(cls) for cls, _ in _DOCUMENTS]
    builder.ref(Defect)
    schema: dict[str, Any] = {
        "$schema": SCHEMA_DIALECT,
        "title": "cableparse document" + (" with source spans" if spans else ""),
        "description": (
            "One document as cableparse.to_dict() returns it and `cableparse parse` prints it: "
            "a cable or an article, told apart by `kind`."
        ),
        "oneOf": documents,
        "$defs": dict(sorted(builder.defs.items())),
    }
    return json.dumps(schema, indent=2, ensure_ascii=False)


def json_schema(*, spans: bool = False) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a document; ``spans=True`` for ``to_dict(spans=True)``.

    A fresh dict on each call, so callers may change it.
    """
    result: dict[str, Any] = json.loads(_cached(spans))
    return result


def schema_json(*, spans: bool = False) -> str:
    """The schema as the text that ``cableparse schema`` prints and ``docs/schema.json`` holds."""
    return _cached(spans) + "\n"
