"""The Jinja environment every template is rendered in: sandboxed, autoescaping, strict, allow-listed.

- :class:`jinja2.sandbox.SandboxedEnvironment` with ``autoescape=True`` and ``StrictUndefined``: a name the
  template invents is an error, not blank text; a value from the agreement is escaped for XML.
- No globals at all (not even ``range``, ``cycler``, ``joiner``, ``namespace``, ``lipsum``, ``dict``), and
  only the filters and tests in the allow-lists below; ``*`` on text and ``**`` are refused (memory bombs).
- ``finalize`` prints numbers, dates and enum values the document's way and counts the ``{{``/``{%`` that
  values bring into the text, so the check after rendering can tell them from tags left unrendered.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import OrderedDict
from collections.abc import MutableMapping
from contextvars import ContextVar
from decimal import Decimal
from functools import cache
from typing import Any

from jinja2 import StrictUndefined, Template, Undefined, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from forenad.i18n import Lang
from forenad.presentation.labels import label
from forenad.render.filters import format_date, make_filters

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
    """The sandbox, with sequence repetition and powers refused, and compiled parts kept for reuse.

    docxtpl compiles every XML part of a template on every render; the same template gives the same source,
    so the compiled code is kept (a small LRU keyed by the source) and a batch compiles each part once.
    """

    intercepted_binops = frozenset({"*", "**"})
    compiled_cache_size = 64

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._compiled: OrderedDict[str, Template] = OrderedDict()

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

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            raise SecurityError("the power operator is not allowed in a forenad template")
        if isinstance(left, str | list | tuple) or isinstance(right, str | list | tuple):
            raise SecurityError("repeating text or lists with * is not allowed in a forenad template")
        return super().call_binop(context, operator, left, right)


def _finalize(lang: Lang) -> Any:
    def finalize(value: Any) -> Any:
        if isinstance(value, Undefined):
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
        return text

    return finalize


@cache
def environment(lang: Lang) -> ForenadEnvironment:
    """The environment for documents in ``lang`` (draft and final differ only in the context's values)."""
    env = ForenadEnvironment(autoescape=True, undefined=StrictUndefined, finalize=_finalize(lang))
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
