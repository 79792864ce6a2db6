"""The Jinja environment every template is rendered in: sandboxed, autoescaping, strict, allow-listed.

- :class:`jinja2.sandbox.SandboxedEnvironment` with ``autoescape=True`` and ``StrictUndefined``: a name the
  template invents is an error, not blank text; a value from the agreement is escaped for XML.
- No globals at all (not even ``range``, ``cycler``, ``joiner``, ``namespace``, ``lipsum``, ``dict``), and
  only the filters and tests in the allow-lists below; ``*`` on text, ``%`` on text and ``**`` are refused,
  and output, loops, texts and whole numbers are bounded at render time (:mod:`forenad.render.sandbox`).
- ``finalize`` prints numbers, dates and enum values the document's way and counts the ``{{``/``{%`` that
  values bring into the text, so the check after rendering can tell them from tags left unrendered.
- Every printed value reaches the document exactly as written (:func:`xml_text`): escaped for XML, with its
  braces as character references so that docxtpl's own escape sequences (``{_{``, ``}_}``, ``{_%``,
  ``%_}``, which docxtpl turns into ``{{``, ``}}``, ``{%``, ``%}`` in the template's text) pass through a
  value untouched, and with every line break (CR LF, CR, LF, U+0085 NEL, U+2028, U+2029) as one LF, which
  docxtpl writes as one Word line break (a tab as a Word tab).
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import marshal
import re
import sys
from collections import OrderedDict
from collections.abc import MutableMapping
from contextvars import ContextVar
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, Template, Undefined, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from forenad.i18n import Lang
from forenad.presentation.labels import label
from forenad.render.filters import format_date, make_filters
from forenad.render.sandbox import (
    MAX_TEXT_CHARS,
    BoundedTemplate,
    bound_tree,
    bounded_loop,
    bounded_text,
    checked_result,
    too_long,
)

SAFE_BUILTIN_FILTERS: frozenset[str] = frozenset(
    {"default", "length", "lower", "upper", "capitalize", "trim", "first", "last", "join", "round", "int"}
)
SAFE_TESTS: frozenset[str] = frozenset(
    {"defined", "undefined", "none", "number", "string", "sameas", "eq", "ne", "in", "true", "false"}
)

BRACE_BUDGET: ContextVar[list[int]] = ContextVar("forenad_brace_budget")
"""Per render: how many ``{{``/``{%`` the printed values themselves contain."""


def brace_count(text: str) -> int:
    count = text.count("{{") + text.count("{%")
    if text.endswith("{"):
        count += 1
    if text.startswith(("{", "%")):
        count += 1
    return count


class ForenadEnvironment(SandboxedEnvironment):
    """The sandbox, with its limits (:mod:`forenad.render.sandbox`), and compiled parts kept for reuse.

    docxtpl compiles every XML part of a template on every render; the same template gives the same source,
    so the compiled code is kept (a small LRU keyed by the source) and a batch compiles each part once.
    """

    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})
    compiled_cache_size = 64
    template_class = BoundedTemplate

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._compiled: OrderedDict[str, Template] = OrderedDict()
        self.forenad_loop = bounded_loop
        self.forenad_text = bounded_text
        self.forenad_lang: Lang = "sv"

    def from_string(
        self,
        source: str | nodes.Template,
        globals: MutableMapping[str, Any] | None = None,
        template_class: type[Template] | None = None,
    ) -> Template:
        if globals or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        found = self._compiled.get(source)
        if found is None:
            found = self._compiled[source] = super().from_string(source)
            if len(self._compiled) > self.compiled_cache_size:
                self._compiled.popitem(last=False)
        else:
            self._compiled.move_to_end(source)
        return found

    def compile(
        self,
        source: str | nodes.Template,
        name: str | None = None,
        filename: str | None = None,
        raw: bool = False,
        defer_init: bool = False,
    ) -> Any:
        """Jinja's compile, with the code kept on disk (:mod:`forenad.cache`) for the next process: a
        one-file ``forenad draft`` then skips parsing and generating the templates' code. The key holds
        the source and everything the generated code depends on (see :meth:`_code_signature`)."""
        if raw:
            return super().compile(source, name, filename, True, defer_init)
        if not isinstance(source, str):
            return super().compile(source, name, filename, False, defer_init)
        from forenad.cache import cached, key_of

        parts = [source.encode(), self._code_signature(), f"{name}\0{filename}\0{defer_init}".encode()]
        code = cached(
            "jinja",
            key_of("jinja", parts),
            lambda: marshal.dumps(
                super(ForenadEnvironment, self).compile(source, name, filename, False, defer_init)
            ),
        )
        return marshal.loads(code)

    def _code_signature(self) -> bytes:
        """What the generated code depends on besides the source: Jinja's version, the code of this module,
        the sandbox's and the filters' (:func:`_module_digest`), the filters and tests known at compile
        time, autoescape, finalize and the language (both fold constants at compile time)."""
        finalize = getattr(self.finalize, "__qualname__", repr(self.finalize))
        settings = f"{self.autoescape!r}\0{finalize}\0{self.forenad_lang}\0{type(self).__qualname__}"
        return b"\0".join(
            [
                _module_digest(),
                ",".join(sorted(self.filters)).encode(),
                ",".join(sorted(self.tests)).encode(),
                settings.encode(),
            ]
        )

    def _generate(
        self, source: nodes.Template, name: str | None, filename: str | None, defer_init: bool = False
    ) -> str:
        return super()._generate(bound_tree(source), name, filename, defer_init)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            raise SecurityError("the power operator is not allowed in a forenad template")
        sequences = (str, list, tuple)
        if operator == "*" and (isinstance(left, sequences) or isinstance(right, sequences)):
            raise SecurityError("repeating text or lists with * is not allowed in a forenad template")
        if operator == "%" and isinstance(left, str):
            raise SecurityError("formatting text with % is not allowed in a forenad template")
        return checked_result(super().call_binop(context, operator, left, right))


@cache
def _module_digest() -> bytes:
    """Jinja's version and the source of the modules that shape the generated code (Jinja folds filters
    and ``finalize`` on constants at compile time, so the filters' code counts too)."""
    import jinja2

    from forenad.presentation import formatting, labels
    from forenad.render import filters, sandbox

    digest = hashlib.sha256(jinja2.__version__.encode())
    for module in (sys.modules[__name__], sandbox, filters, formatting, labels):
        digest.update(Path(str(module.__file__)).read_bytes())
    return digest.digest()


_BREAKS = re.compile("\r\n?|[\x85\u2028\u2029]")


def _has_break(text: str) -> bool:
    return "\r" in text or "\x85" in text or "\u2028" in text or "\u2029" in text


def xml_text(text: str) -> Markup:
    """``text`` as it goes into a ``w:t`` of the template (see the module's description)."""
    if len(text) > MAX_TEXT_CHARS:
        raise too_long(len(text))
    if _has_break(text):
        text = _BREAKS.sub("\n", text)
    escaped = escape(text)
    if "{" in escaped or "}" in escaped:
        return Markup(str(escaped).replace("{", "&#123;").replace("}", "&#125;"))
    return escaped


def _finalize(lang: Lang, markup: bool) -> Any:
    def finalize(value: Any) -> Any:
        if isinstance(value, Markup):
            text: str = value.unescape()  # escaped already (``join`` over escaped items): escaped once below
        elif isinstance(value, Undefined):
            text = str(value)  # a marker, or MissingValue / UndefinedError
        elif value is None:
            text = "«SAKNAS»" if lang == "sv" else "«MISSING»"
        elif isinstance(value, bool | enum.Enum):
            text = label(value, lang)
        elif isinstance(value, int | float | Decimal):
            from forenad.presentation.formatting import format_number

            text = format_number(value, lang)
        elif isinstance(value, dt.date):
            text = format_date(value, lang)
        else:
            text = str(value)
        budget = BRACE_BUDGET.get(None)
        if budget is not None and ("{" in text or "%" in text):
            budget[0] += brace_count(text)
        return xml_text(text) if markup else _plain(text)

    return finalize


def _plain(text: str) -> str:
    """A value for a core property (plain text, not XML), bounded as in the document."""
    if len(text) > MAX_TEXT_CHARS:
        raise too_long(len(text))
    return _BREAKS.sub("\n", text) if _has_break(text) else text


@cache
def environment(lang: Lang, markup: bool = True) -> ForenadEnvironment:
    """The environment for documents in ``lang`` (draft and final differ only in the context's values);
    ``markup=False`` for the core properties (title, subject …), which are plain text, not XML."""
    env = ForenadEnvironment(autoescape=markup, undefined=StrictUndefined, finalize=_finalize(lang, markup))
    env.forenad_lang = lang
    env.globals.clear()
    builtin = {name: env.filters[name] for name in SAFE_BUILTIN_FILTERS}
    env.filters.clear()
    env.filters.update(builtin)
    env.filters.update(make_filters(lang))
    tests = {name: env.tests[name] for name in SAFE_TESTS}
    env.tests.clear()
    env.tests.update(tests)
    return env


def allowed_filters() -> frozenset[str]:
    return frozenset(environment("sv").filters)
