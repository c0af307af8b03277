"""JSON for documents: ``to_dict`` / ``to_json`` and back with ``from_dict`` / ``from_json``.

The shape is the project's JSON contract (``docs/json.md``).  cattrs does the walking;
the hooks here fix the value forms: enums as their values, datetimes as ISO 8601 UTC
with ``Z``, dates as ``YYYY-MM-DD``, ``Header.from_`` as ``from``, a ``kind`` key on every
document, and source spans only when asked for.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import attrs
import orjson

from .apostrophes import repair_in_dict
from .defects import Defect, DefectCode
from .model import (
    Addressee,
    Article,
    Cable,
    Classification,
    Document,
    DocumentKind,
    Header,
    Paragraph,
    Precedence,
    ReferenceKind,
    TagKind,
    TextBlock,
)

if TYPE_CHECKING:  # cattrs is imported when the first converter is made, not at import
    import cattrs

__all__ = ["from_dict", "from_json", "make_converter", "to_dict", "to_json"]

_SPANNED = (Addressee, Paragraph, TextBlock)
_ENUMS: tuple[type[enum.Enum], ...] = (
    Classification,
    DefectCode,
    DocumentKind,
    Precedence,
    ReferenceKind,
    TagKind,
)


def _enum_value(member: enum.Enum) -> Any:
    # ``_value_`` is a plain attribute; ``.value`` goes through a descriptor (3x slower).
    return member._value_


def _optional_enum_value(member: enum.Enum | None) -> Any:
    return None if member is None else member._value_


def _datetime_out(value: dt.datetime) -> str:
    # isoformat() rather than strftime(), which rewrites its format and goes through
    # time.strftime (several times slower); in UTC the offset it writes is "+00:00".
    return value.astimezone(dt.timezone.utc).isoformat(timespec="seconds")[:-6] + "Z"


def _datetime_in(value: Any, _: type) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed


def make_converter(*, spans: bool = False) -> cattrs.Converter:
    """A converter for the document model; ``spans=True`` keeps source line spans."""
    import cattrs
    from cattrs.fns import identity
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

    converter = cattrs.Converter()
    # Values that JSON holds as they are: cattrs would otherwise call a None check and an
    # identity function for every optional string or number, and a generator per tuple.
    # cattrs inlines its own identity function into the code it generates.
    converter.register_unstructure_hook_factory(_is_plain_optional, lambda _: identity)
    converter.register_unstructure_hook_factory(_is_plain_tuple, lambda _: list)
    # A tuple of model objects (paragraphs, addressees, tags ...): a list comprehension
    # over the element's hook, where cattrs would feed list() a generator.
    converter.register_unstructure_hook_factory(
        _is_attrs_tuple, lambda type_: _list_of(converter.get_unstructure_hook(type_.__args__[0]))
    )
    converter.register_unstructure_hook(dt.datetime, _datetime_out)
    converter.register_structure_hook(dt.datetime, _datetime_in)
    converter.register_unstructure_hook(dt.date, lambda value: value.isoformat())
    converter.register_structure_hook(dt.date, lambda value, _: dt.date.fromisoformat(value))
    for enum_class in _ENUMS:
        converter.register_unstructure_hook(enum_class, _enum_value)
    # An optional member (an addressee's precedence ...) in one call, not two.
    converter.register_unstructure_hook_factory(_is_optional_enum, lambda _: _optional_enum_value)
    converter.register_unstructure_hook(
        Defect, lambda d: {"code": d.code._value_, "message": d.message, "line": d.line}
    )
    converter.register_structure_hook(
        Defect, lambda d, _: Defect(DefectCode(d["code"]), d["message"], d.get("line"))
    )
    omit_spans = not spans
    # Inner classes first: the generated functions of outer classes bind these hooks.
    for cls in _SPANNED:
        converter.register_unstructure_hook(
            cls, make_dict_unstructure_fn(cls, converter, span=override(omit=omit_spans))
        )
    renamed_from = override(rename="from")
    spans_override = override(omit=omit_spans)
    converter.register_unstructure_hook(
        Header,
        make_dict_unstructure_fn(Header, converter, from_=renamed_from, spans=spans_override),
    )
    converter.register_structure_hook(
        Header,
        make_dict_structure_fn(Header, converter, from_=renamed_from, spans=spans_override),
    )
    converter.register_unstructure_hook(
        Cable,
        _with_kind(make_dict_unstructure_fn(Cable, converter, spans=spans_override), "cable"),
    )
    converter.register_structure_hook(
        Cable, make_dict_structure_fn(Cable, converter, spans=spans_override)
    )
    converter.register_unstructure_hook(
        Article, _with_kind(make_dict_unstructure_fn(Article, converter), "article")
    )
    converter.register_structure_hook(Article, make_dict_structure_fn(Article, converter))
    return converter


_PLAIN = (str, int, float, bool)


def _optional_argument(type_: Any) -> Any:
    """X of ``X | None``; None for any other type."""
    arguments = typing.get_args(type_)
    if (
        typing.get_origin(type_) in (typing.Union, types.UnionType)
        and len(arguments) == 2
        and type(None) in arguments
    ):
        return arguments[1] if arguments[0] is type(None) else arguments[0]
    return None


def _element_type(type_: Any) -> Any:
    """X of ``tuple[X, ...]``; None for any other type."""
    arguments = typing.get_args(type_)
    if typing.get_origin(type_) is tuple and len(arguments) == 2 and arguments[1] is Ellipsis:
        return arguments[0]
    return None


def _is_plain_optional(type_: Any) -> bool:
    return _optional_argument(type_) in _PLAIN


def _is_optional_enum(type_: Any) -> bool:
    return _optional_argument(type_) in _ENUMS


def _is_plain_tuple(type_: Any) -> bool:
    return _element_type(type_) in _PLAIN


def _is_attrs_tuple(type_: Any) -> bool:
    element = _element_type(type_)
    return element is not None and attrs.has(element)


def _list_of(hook: Callable[[Any], Any]) -> Callable[[Sequence[Any]], list[Any]]:
    def unstructure(items: Sequence[Any]) -> list[Any]:
        return [hook(item) for item in items]

    return unstructure


def _with_kind(unstructure: Any, kind: str) -> Any:
    def hook(document: Any) -> dict[str, Any]:
        return {"kind": kind, **unstructure(document)}

    return hook


@functools.lru_cache(maxsize=2)
def _converter(spans: bool) -> cattrs.Converter:
    return make_converter(spans=spans)


def to_dict(
    document: Document, *, spans: bool = False, repair_apostrophes: bool = False
) -> dict[str, Any]:
    """The JSON-ready dict of a document (see ``docs/json.md`` for the keys).

    ``spans=True`` adds the input line spans; ``repair_apostrophes=True`` turns the commas
    that stand for lost apostrophes (``Brazil,s``) back into apostrophes in running text.
    """
    if not isinstance(document, (Cable, Article)):
        # cattrs would turn anything into something: a tuple from iter_documents into a
        # list, a dict into itself.
        hint = " (iter_documents yields (name, document) pairs)" if type(document) is tuple else ""
        raise TypeError(
            f"to_dict() takes a Cable or an Article, not {type(document).__name__}{hint}"
        )
    result: dict[str, Any] = _converter(spans).unstructure(document)
    if repair_apostrophes:
        repaired: dict[str, Any] = repair_in_dict(result)
        return repaired
    return result


def to_json(
    document: Document,
    *,
    spans: bool = False,
    indent: bool = False,
    repair_apostrophes: bool = False,
) -> str:
    """The document as a JSON string."""
    option = orjson.OPT_INDENT_2 if indent else 0
    data = to_dict(document, spans=spans, repair_apostrophes=repair_apostrophes)
    return orjson.dumps(data, option=option).decode("utf-8")


def from_dict(data: dict[str, Any]) -> Document:
    """Rebuild a :class:`Cable` or :class:`Article` from :func:`to_dict` output."""
    if not isinstance(data, dict):
        raise TypeError(f"from_dict() takes a dict (to_dict's output), not {type(data).__name__}")
    kind = data.get("kind")
    payload = {key: value for key, value in data.items() if key != "kind"}
    converter = _converter(True)
    if kind == "cable":
        cable: Cable = converter.structure(payload, Cable)
        return cable
    if kind == "article":
        article: Article = converter.structure(payload, Article)
        return article
    raise ValueError(f"unknown document kind {kind!r}; expected 'cable' or 'article'")


def from_json(text: str | bytes) -> Document:
    return from_dict(orjson.loads(text))
