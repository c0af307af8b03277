"""Run a Lark LALR parser's own tables in one tight loop: contextual lexing and parsing.

The header grammar needs Lark's contextual lexer (only the terminals the parser can accept
at a point are tried, so a routing indicator, a precedence letter and the words of an
address can share characters), and a routing header is ~60 tokens.  Lark spends about
three function calls and a line-counter update per token in its lexer, and a method call,
a dictionary lookup keyed by rule objects and several attribute reads per token in its
parser loop: together more than the work itself.

:class:`TableParser` does the same thing with the same data: for each parser state it
matches the very scanner Lark compiled for that state (same terminals in the same
order, same retyping callbacks for string terminals), and it shifts and reduces with
Lark's parse table and rule callbacks.  Only the loop is ours; grammar, LALR tables,
tokens, results and error classes are Lark's (``tests/test_lalr.py`` checks that both
give the same results and the same errors on every corpus header and on generated
ones).

Token lines count from ``first_line``, so a header cut out of a longer document reports
the document's own line numbers.

:meth:`TableParser.tokens` serves the preamble fields, whose rules are flat (each sub-rule
wraps one terminal), so their tree holds nothing the token sequence does not: it only
says whether the tables accept the text and hands back the (terminal, text) pairs a tree
would keep.  A line is five or six tokens and a flat rule has a handful of stacks, so the
reductions and the shift each (stack, terminal) sets off are worked out once and
remembered, and a token costs one scanner match and one lookup.  When no terminal tells
one digit from another (as in the preamble grammar), texts that differ only in their
digits are lexed and parsed alike, so the token spans are remembered by the text's shape
(E.O. lines differ mostly in their dates).

:meth:`TableParser.token_spans` gives the same tokens as offsets into the text.  The
routing header is read from them: its rules are flat too (a format line is a run of
terminals), so a header costs its scanner matches and one lookup per token, and no rule
callback, tree or Token.  :meth:`TableParser.parse` serves what needs Lark's tree or its
error: a header line the whole-header parse rejected, the error strict mode raises.

The attributes read from Lark are not all public API.  When the installed Lark keeps
them differently, :func:`parse_from` runs Lark's own parser and shifts the line numbers
itself, and :func:`token_reader` and :func:`span_reader` read the tokens off Lark's tree:
slower, never wrong.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Final

from .memo import remember

if TYPE_CHECKING:
    from lark import Lark, Token, Tree

__all__ = [
    "TableParser",
    "TokenSpans",
    "parse_from",
    "shape",
    "span_reader",
    "token_reader",
    "tree_spans",
]

# What a (state, symbol) pair does: shift to a state, or reduce by (size, rule name,
# callback) and then take the goto of the rule name.
_Action = tuple[bool, Any]

# A parser stack as :meth:`TableParser.tokens` keeps it; the empty one stands for a token
# the tables refuse, and _ACCEPT for the end of an accepted text.
_Stack = tuple[int, ...]
_REJECT: _Stack = ()
_ACCEPT: _Stack = (-1,)
# A stack as token_spans walks it: the stack, its top state's scanner (a bound match
# method) and the stacks each terminal leads to from it, filled in as they are met (None
# where the tables refuse the terminal).  Following a link is one lookup by the
# terminal's name: no key tuple to build and hash per token.
_Node = tuple[_Stack, Callable[..., Any], dict[str, Any]]

#: The tokens of a text as (terminal, begin, end) offsets.
TokenSpans = tuple[tuple[str, int, int], ...]


class _Scanner:
    __slots__ = ("allowed", "callbacks", "pattern")

    def __init__(
        self, pattern: re.Pattern[str], allowed: frozenset[str], callbacks: dict[str, Any]
    ) -> None:
        self.pattern = pattern
        self.allowed = allowed
        self.callbacks = callbacks


class TableParser:
    """The LALR tables and contextual scanners of a Lark parser (``lexer="contextual"``)."""

    def __init__(self, parser: Lark) -> None:
        from lark.parsers.lalr_analysis import Shift

        frontend = parser.parser
        contextual = frontend.lexer
        table = frontend.parser._parse_table
        rule_callbacks = frontend.parser.parser.callbacks
        if any(isinstance(name, str) for name in rule_callbacks):
            # A transformer with terminal callbacks: Lark's own loop runs those.
            raise _Unsupported
        self._table_states: dict[int, dict[str, Any]] = table.states
        self._start_states: dict[str, int] = table.start_states
        self._end_states: dict[str, int] = table.end_states
        reductions: dict[int, tuple[int, str, Callable[[list[Any]], Any]]] = {}
        self._actions: dict[int, dict[str, _Action]] = {}
        for state, row in table.states.items():
            actions: dict[str, _Action] = {}
            for symbol, (action, argument) in row.items():
                if action is Shift:
                    actions[symbol] = (True, argument)
                    continue
                reduction = reductions.get(id(argument))
                if reduction is None:
                    callback = rule_callbacks[argument] if rule_callbacks else _children
                    reduction = (len(argument.expansion), argument.origin.name, callback)
                    reductions[id(argument)] = reduction
                actions[symbol] = (False, reduction)
            self._actions[state] = actions
        shared: dict[int, _Scanner] = {}
        self._scanners: dict[int, _Scanner] = {}
        ignore: set[str] = set()
        newline: set[str] = set()
        for state, basic in contextual.lexers.items():
            scanner = shared.get(id(basic))
            if scanner is None:
                scanner = shared[id(basic)] = _compile(basic)
                ignore |= basic.ignore_types
                newline |= basic.newline_types
            self._scanners[state] = scanner
        self._ignore = frozenset(ignore)
        self._newline = frozenset(newline)
        self._root = _patterns(contextual.root_lexer.scanner)
        self._terminals_by_name = parser._terminals_dict
        # What the loop needs of a state, in one lookup: its scanner's bound match
        # method, the scanner's retyping callbacks (None when there are none, as almost
        # always) and its actions.
        self._rows: dict[int, tuple[Callable[..., Any], dict[str, Any] | None, Any]] = {
            state: (
                self._scanners[state].pattern.match,
                self._scanners[state].callbacks or None,
                self._actions[state],
            )
            for state in self._actions
            if state in self._scanners
        }
        # The terminals tokens() does not hand back, in one lookup: True for ignored text,
        # False for those a tree leaves out (``_NAME`` and anonymous strings).
        self._unkept: dict[str | None, bool] = {
            symbol.name: False
            for rule in parser.rules
            for symbol in rule.expansion
            if symbol.is_term and getattr(symbol, "filter_out", False)
        }
        self._unkept.update(dict.fromkeys(self._ignore, True))
        # The terminals every rule callback drops (line ends, keywords, anonymous
        # strings): parse() stacks one shared stand-in for them rather than a Token.  None
        # of them where a rule keeps all its tokens (``!rule`` or ``keep_all_tokens``).
        keeps_all = getattr(parser.options, "keep_all_tokens", False) or any(
            getattr(rule.options, "keep_all_tokens", False) for rule in parser.rules
        )
        self._dropped: frozenset[str | None] = frozenset(
            name for name, ignored in self._unkept.items() if ignored is False and not keeps_all
        )
        # For tokens(): each state's bound match method.
        self._matchers = {state: row[0] for state, row in self._rows.items()}
        #: Whether tokens() may be used: no scanner retypes a token (the header's do).
        self.reads_tokens = not any(row[1] for row in self._rows.values())
        # The tokens of a text as spans, by the text's shape (every digit written 9), when
        # no terminal tells one digit from another: the scanners then match such texts
        # alike, so the spans are the same.  Preamble lines differ mostly in their
        # numbers (``E.O. 12958: DECL: 03/22/2017``): 51 shapes for 1,290 corpus E.O.
        # lines.
        self._shapes: dict[tuple[str, str], tuple[tuple[str, int, int], ...] | None] | None = (
            {} if all(_digit_blind(t.pattern.to_regexp()) for t in parser.terminals) else None
        )
        self._steps: dict[str, dict[tuple[_Stack, str], _Stack]] = {
            start: {} for start in self._start_states
        }
        self._nodes: dict[str, dict[_Stack, _Node]] = {start: {} for start in self._start_states}
        from lark import Token
        from lark.exceptions import UnexpectedCharacters, UnexpectedToken

        # Taken here, not in parse() or the error paths: an import statement costs even
        # when the module is loaded (a header of damaged lines raises on each).  What
        # Token() calls once it has checked its keywords; Token itself where a Lark has
        # no such method (the positional arguments are the same).
        self._token_class = Token
        self._unexpected_token = UnexpectedToken
        self._unexpected_characters = UnexpectedCharacters
        self._new_token: Callable[..., Token] = getattr(Token, "_future_new", Token)

    def parse(self, text: str, start: str, first_line: int = 1) -> Any:
        """``parser.parse(text, start=start)``, token lines counted from ``first_line``."""
        Token = self._token_class
        new_token = self._new_token
        rows = self._rows
        actions = self._actions
        ignore = self._ignore
        newline = self._newline
        end_state = self._end_states[start]
        states = [self._start_states[start]]
        values: list[Any] = []
        position = 0
        end = len(text)
        line = first_line
        line_start = 0
        dropped = self._dropped
        last: tuple[int, int, int] | None = None  # start, line and column of the last token
        while True:
            match_at, retype, row = rows[states[-1]]
            # Ignored text (white space) is matched and skipped here, without a turn of
            # the outer loop: the parser state cannot change in between.
            kind = None
            while position < end:
                match = match_at(text, position)
                if match is None:
                    raise self._lex_error(
                        text, position, line, position - line_start + 1, states[-1]
                    )
                kind = match.lastgroup
                if kind in ignore and kind not in newline:  # blanks: nothing to count
                    position = match.end()
                    kind = None
                    continue
                value = match.group()
                token_start = position
                token_line = line
                column = position - line_start + 1
                if kind in newline:
                    breaks = value.count("\n")
                    if breaks:
                        line += breaks
                        line_start = position + value.rindex("\n") + 1
                position = match.end()
                if kind not in ignore:
                    break
                kind = None
            if kind is not None:
                if retype is not None and kind in retype:
                    token = retype[kind](new_token(kind, value, token_start, token_line, column))
                    kind = token.type
                elif kind in dropped:
                    token = _DROPPED  # a line end or keyword: the rule callbacks drop it
                else:
                    token = new_token(kind, value, token_start, token_line, column)
                last = (token_start, token_line, column)
            else:
                # The end borrows the position of the last token, as in Lark.
                token = Token("$END", "", *last) if last is not None else Token("$END", "", 0, 1, 1)
                kind = "$END"
            while True:
                try:
                    shift, argument = row[kind]
                except KeyError:
                    if token is _DROPPED:
                        token = new_token(kind, value, token_start, token_line, column)
                    raise self._token_error(token, states[-1]) from None
                if shift:
                    states.append(argument)
                    values.append(token)
                    break
                size, origin, callback = argument
                if size:
                    children = values[-size:]
                    del states[-size:]
                    del values[-size:]
                else:
                    children = []
                values.append(callback(children))
                goto = actions[states[-1]][origin][1]
                states.append(goto)
                if kind == "$END" and goto == end_state:
                    return values[-1]
                row = actions[goto]

    def tokens(self, text: str, start: str) -> list[tuple[str, str]] | None:
        """The (terminal, text) tokens a tree of ``text`` parsed from ``start`` holds, in
        order (ignored and filtered-out terminals left out); None where :meth:`parse`
        raises.  Meant for flat rules: no callbacks run, no tree or Token is made.  Only
        for parsers whose scanners retype nothing (``reads_tokens``)."""
        spans = self.shaped_spans(text, start)
        if spans is None:
            return None
        return [(kind, text[begin:end]) for kind, begin, end in spans]

    def shaped_spans(self, text: str, start: str) -> TokenSpans | None:
        """:meth:`token_spans`, remembered by the text's shape for a short text where no
        terminal tells one digit from another."""
        form = self.shape(text)
        if form is None:
            return self.token_spans(text, start)
        shapes = self._shapes
        assert shapes is not None  # a shape is only given where they are remembered
        key = (start, form)
        try:
            return shapes[key]
        except KeyError:
            return remember(shapes, key, self.token_spans(text, start))

    def shape(self, text: str) -> str | None:
        """``text`` with every digit written 9, where texts of one shape parse alike (the
        same tokens at the same places, the same error at the same column): a short text,
        and a grammar whose terminals treat all ten digits alike.  None otherwise."""
        if self._shapes is None or len(text) > _SHAPE_WIDTH:
            return None
        return text.translate(_ONE_DIGIT)

    def token_spans(self, text: str, start: str) -> TokenSpans | None:
        """:meth:`tokens` as (terminal, begin, end) spans of ``text``, for any text: the
        header is read this way, its rules being flat too (one format line, one run of
        terminals)."""
        unkept = self._unkept
        node = self._node(start, (self._start_states[start],))
        spans: list[tuple[str, int, int]] = []
        position = 0
        end = len(text)
        while position < end:
            stack, match, links = node
            found = match(text, position)
            if found is None:
                return None
            kind = found.lastgroup
            skipped = unkept.get(kind)
            if not skipped:  # ignored text is never seen by the parser
                try:
                    following = links[kind]
                except KeyError:
                    after = self._step(start, stack, kind)
                    following = links[kind] = self._node(start, after) if after else None
                if following is None:
                    return None
                node = following
                if skipped is None:
                    spans.append((kind, position, found.end()))
            position = found.end()
        return tuple(spans) if self._step(start, node[0], "$END") is _ACCEPT else None

    def _node(self, start: str, stack: _Stack) -> _Node:
        """The node of ``stack`` (see _Node), made once."""
        nodes = self._nodes[start]
        node = nodes.get(stack)
        if node is None:
            node = remember(nodes, stack, (stack, self._matchers[stack[-1]], {}))
        return node

    def _step(self, start: str, stack: _Stack, kind: str) -> _Stack:
        """The stack after ``kind`` (its reductions, then its shift), _REJECT or _ACCEPT."""
        steps = self._steps[start]
        key = (stack, kind)
        known = steps.get(key)
        if known is not None:
            return known
        actions = self._actions
        end_state = self._end_states[start]
        states = list(stack)
        result = _REJECT
        while True:
            action = actions[states[-1]].get(kind)
            if action is None:
                break
            shift, argument = action
            if shift:
                states.append(argument)
                result = tuple(states)
                break
            size, origin, _ = argument
            if size:
                del states[-size:]
            states.append(actions[states[-1]][origin][1])
            if kind == "$END" and states[-1] == end_state:
                result = _ACCEPT
                break
        return remember(steps, key, result)

    def _token_error(self, token: Token, state: int) -> Exception:
        expected = {symbol for symbol in self._table_states[state] if symbol.isupper()}
        return self._unexpected_token(  # type: ignore[no-untyped-call]
            token, expected, terminals_by_name=self._terminals_by_name
        )

    def _lex_error(self, text: str, position: int, line: int, column: int, state: int) -> Exception:
        allowed = set(self._scanners[state].allowed - self._ignore) or {"<END-OF-FILE>"}
        # As Lark's contextual lexer does: a terminal of the grammar that this state does
        # not accept is an unexpected token (named in the message), anything else is
        # unexpected text.
        found = None
        for pattern in self._root:
            found = pattern.match(text, position)
            if found is not None:
                break
        if found is not None and found.lastgroup not in self._ignore:
            token = self._new_token(str(found.lastgroup), found.group(), position, line, column)
            return self._unexpected_token(  # type: ignore[no-untyped-call]
                token, allowed, terminals_by_name=self._terminals_by_name
            )
        return self._unexpected_characters(  # type: ignore[no-untyped-call]
            text, position, line, column, allowed=allowed, terminals_by_name=self._terminals_by_name
        )


# What a pattern may hold that treats all ten digits alike: \d, the range 0-9 and
# counted repeats ({2,4}).  Any other digit (a literal, a back-reference, an escape) might
# tell digits apart.
_DIGIT_CLASSES: Final = re.compile(r"\\d|0-9|(?<!\\)\{\d*(?:,\d*)?\}")


def _digit_blind(regexp: str) -> bool:
    return not any(c in "0123456789" for c in _DIGIT_CLASSES.sub("", regexp))


_ONE_DIGIT: Final = str.maketrans("0123456789", "9" * 10)
# What parse() stacks for a token that every rule callback drops.
_DROPPED: Any = object()
# Texts of at most this length are remembered by shape (in a bounded memo).
_SHAPE_WIDTH: Final = 200


def _children(children: list[Any]) -> list[Any]:
    return children


def _compile(basic: Any) -> _Scanner:
    # Reading ``scanner`` makes Lark build it: the terminals sorted its way, string
    # terminals that a regex terminal also matches folded into retyping callbacks.
    scanner = basic.scanner
    patterns = _patterns(scanner)
    if len(patterns) != 1:  # Lark splits huge alternations; the header's are small
        raise _Unsupported
    callbacks = {name: basic.callback[name] for name in basic.callback}
    return _Scanner(patterns[0], frozenset(scanner.allowed_types), callbacks)


def _patterns(scanner: Any) -> list[re.Pattern[str]]:
    # Lark 1.1 keeps (pattern, group names) pairs, Lark 1.2+ the patterns alone.
    patterns = [item[0] if isinstance(item, tuple) else item for item in scanner._mres]
    if not all(isinstance(p, re.Pattern) for p in patterns):  # the ``regex`` module
        raise _Unsupported
    return patterns


class _Unsupported(Exception):
    """The installed Lark keeps its tables or scanners in another shape."""


@functools.cache
def _table_parser(parser: Lark) -> TableParser | None:
    try:
        return TableParser(parser)
    except (_Unsupported, AttributeError, TypeError, KeyError, IndexError, ImportError):
        return None


def parse_from(parser: Lark, text: str, start: str, first_line: int = 1) -> Any:
    """Parse ``text`` from the rule ``start``; token and error lines count from ``first_line``.

    Raises Lark's ``UnexpectedInput`` subclasses.
    """
    fast = _table_parser(parser)
    if fast is not None:
        return fast.parse(text, start, first_line)
    return _parse_shifted(parser, text, start, first_line - 1)


@functools.cache
def token_reader(parser: Lark) -> Callable[[str, str], list[tuple[str, str]] | None]:
    """A callable ``(text, start)`` → the tokens a tree of ``text`` parsed from ``start``
    holds (:meth:`TableParser.tokens`), or None when the grammar rejects the text; made
    once per parser, for callers that read many short texts with it."""
    fast = _table_parser(parser)
    if fast is not None and fast.reads_tokens:
        return fast.tokens
    return functools.partial(_tokens_by_lark, parser)


@functools.cache
def span_reader(parser: Lark, by_shape: bool = False) -> Callable[[str, str], TokenSpans | None]:
    """A callable ``(text, start)`` → the (terminal, begin, end) spans of the tokens a tree
    of ``text`` parsed from ``start`` holds (:meth:`TableParser.token_spans`), or None
    when the grammar rejects the text.  ``by_shape``: remembered by shape
    (:meth:`TableParser.shaped_spans`), for callers that read many short lines."""
    fast = _table_parser(parser)
    if fast is not None and fast.reads_tokens:
        return fast.shaped_spans if by_shape else fast.token_spans
    return functools.partial(_spans_by_lark, parser)


def shape(parser: Lark, text: str) -> str | None:
    """:meth:`TableParser.shape` of ``parser``'s table runner; None where there is none."""
    fast = _table_parser(parser)
    return fast.shape(text) if fast is not None else None


def _tokens_by_lark(parser: Lark, text: str, start: str) -> list[tuple[str, str]] | None:
    spans = _spans_by_lark(parser, text, start)
    return None if spans is None else [(kind, text[begin:end]) for kind, begin, end in spans]


def _spans_by_lark(parser: Lark, text: str, start: str) -> TokenSpans | None:
    from lark.exceptions import LarkError

    try:
        tree = parser.parse(text, start=start)
    except LarkError:
        return None
    return tree_spans(tree)


def tree_spans(tree: Tree[Token]) -> TokenSpans:
    """The (terminal, begin, end) spans of the tokens of a parse tree, in order."""
    from lark import Token

    spans = []
    for token in tree.scan_values(lambda v: isinstance(v, Token)):
        # A token is the text it matched: it ends its length after its start (the
        # tokens TableParser.parse makes carry no end offset).
        begin = token.start_pos or 0
        spans.append((token.type, begin, begin + len(token)))
    return tuple(spans)


def _parse_shifted(parser: Lark, text: str, start: str, offset: int) -> Any:
    from lark.exceptions import UnexpectedInput

    shifted_ids: set[int] = set()

    def shifted(tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            if token.line is not None:
                token.line += offset
            shifted_ids.add(id(token))
            yield token

    frontend = parser.parser
    thread: Any = frontend._make_lexer_thread(text)
    lex: Callable[[Any], Iterator[Token]] = thread.lex
    try:
        return frontend.parser.parse(_Wrapped(lambda state: shifted(lex(state))), start)
    except UnexpectedInput as error:
        token = getattr(error, "token", None)
        # A token passed on above (or the end token, which borrows the last one's
        # position) already counts from first_line; lexer errors do not.
        already = token is not None and (id(token) in shifted_ids or token.type == "$END")
        if error.line is not None and error.line > 0 and not already:
            error.line += offset
        raise


class _Wrapped:
    """What Lark's parser loop asks of a lexer thread: ``lex(parser_state)``."""

    __slots__ = ("lex",)

    def __init__(self, lex: Callable[[Any], Iterator[Token]]) -> None:
        self.lex = lex
