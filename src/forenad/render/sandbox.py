"""Limits on what a template may cost at render time, and Jinja's errors as forenad's.

The static check (:mod:`forenad.render.analysis`) refuses what a template may not do at all; these limits
bound what it may do, whatever data it is given, so that no template can exhaust memory or time:

- one printed value, and one result of ``~`` or ``+``, at most ``MAX_TEXT_CHARS`` characters;
- one rendered part (the body, a header, …) at most ``MAX_OUTPUT_CHARS`` characters of XML;
- all ``{% for %}`` loops of one rendered part together at most ``MAX_LOOP_ITERATIONS`` iterations;
- a whole number from arithmetic at most ``MAX_INT_BITS`` bits; ``**`` is refused, and so are ``*`` on
  text or lists and ``%`` on text (there is no ``range`` either: a template has no globals).

The ceilings are far above what a real agreement needs (a 5,000-part agreement renders its largest part,
the anställningsbevis body, in about 50 million characters and 25,000 loop iterations), and far below what
would take the machine down. A template that reaches one is stopped with :class:`LimitExceeded`, which the
drafting paths report as a refused template naming the limit.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, cast

from jinja2 import Template as JinjaTemplate
from jinja2 import nodes
from jinja2.exceptions import SecurityError

from forenad.i18n import Text, t

MAX_TEXT_CHARS = 4_000_000
MAX_OUTPUT_CHARS = 128_000_000
MAX_LOOP_ITERATIONS = 2_000_000
MAX_INT_BITS = 256


class LimitExceeded(SecurityError):
    """A template reached one of the sandbox's limits; ``text`` says which, in Swedish and English."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


def too_long(chars: int) -> LimitExceeded:
    return LimitExceeded(
        t(
            f"en text i mallen blir {chars} tecken lång (högst {MAX_TEXT_CHARS})",
            f"a text in the template grows to {chars} characters (at most {MAX_TEXT_CHARS})",
        )
    )


def _too_much_output() -> LimitExceeded:
    return LimitExceeded(
        t(
            f"mallen skriver mer än {MAX_OUTPUT_CHARS} tecken i en del av dokumentet",
            f"the template writes more than {MAX_OUTPUT_CHARS} characters into one part of the document",
        )
    )


def _too_many_loops() -> LimitExceeded:
    return LimitExceeded(
        t(
            f"mallens loopar går mer än {MAX_LOOP_ITERATIONS} varv",
            f"the template's loops run more than {MAX_LOOP_ITERATIONS} times",
        )
    )


def too_large_number(bits: int) -> LimitExceeded:
    return LimitExceeded(
        t(
            f"ett heltal i mallen blir {bits} bitar stort (högst {MAX_INT_BITS})",
            f"a whole number in the template grows to {bits} bits (at most {MAX_INT_BITS})",
        )
    )


@dataclass(slots=True)
class _Budget:
    loops: int = 0


_BUDGET: ContextVar[_Budget | None] = ContextVar("forenad_render_budget", default=None)


class BoundedTemplate(JinjaTemplate):
    """A Jinja template whose :meth:`render` counts its output and its loop iterations."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        ctx = self.new_context(dict(*args, **kwargs))
        token = _BUDGET.set(_Budget())
        try:
            pieces: list[str] = []
            size = 0
            for piece in self.root_render_func(ctx):
                size += len(piece)
                if size > MAX_OUTPUT_CHARS:
                    raise _too_much_output()
                pieces.append(piece)
            return self.environment.concat(pieces)
        except Exception:
            self.environment.handle_exception()
        finally:
            _BUDGET.reset(token)


def bounded_loop(iterable: Iterable[Any]) -> list[Any]:
    """The items of a ``{% for %}`` loop, counted against the render's budget."""
    items = list(iterable)
    budget = _BUDGET.get()
    if budget is not None:
        budget.loops += len(items)
        if budget.loops > MAX_LOOP_ITERATIONS:
            raise _too_many_loops()
    elif len(items) > MAX_LOOP_ITERATIONS:
        raise _too_many_loops()
    return items


def bounded_text(value: Any) -> Any:
    """The result of ``~``, refused when it is too long."""
    if len(value) > MAX_TEXT_CHARS:
        raise too_long(len(value))
    return value


def checked_result(result: Any) -> Any:
    """An arithmetic result, refused when it is a too large whole number or a too long text or list."""
    if isinstance(result, int) and result.bit_length() > MAX_INT_BITS:
        raise too_large_number(result.bit_length())
    if isinstance(result, str | list | tuple) and len(result) > MAX_TEXT_CHARS:
        raise too_long(len(result))
    return result


def _call(name: str, node: nodes.Expr) -> nodes.Expr:
    return nodes.Call(nodes.EnvironmentAttribute(name), [node], [], None, None, lineno=node.lineno)


def bound_tree(tree: nodes.Template) -> nodes.Template:
    """``tree`` with every loop's items and every ``~`` routed through the environment's counters
    (``forenad_loop``, ``forenad_text``); only the compiled code changes, never the parsed template that
    the static check reads."""

    def visit(node: nodes.Node) -> None:
        for field in node.fields:
            value = getattr(node, field, None)
            if isinstance(value, list):
                for index, child in enumerate(value):
                    if isinstance(child, nodes.Node):
                        visit(child)
                        if isinstance(child, nodes.Concat):
                            value[index] = _call("forenad_text", cast(nodes.Expr, child))
            elif isinstance(value, nodes.Node):
                visit(value)
                if isinstance(value, nodes.Concat):
                    setattr(node, field, _call("forenad_text", value))
        if isinstance(node, nodes.For):
            node.iter = _call("forenad_loop", cast(nodes.Expr, node.iter))

    visit(tree)
    return tree


@contextmanager
def translated(label: str) -> Iterator[None]:
    """Jinja's and the sandbox's errors as forenad's (the same in both rendering paths)."""
    from jinja2.exceptions import TemplateError as JinjaTemplateError
    from jinja2.exceptions import UndefinedError

    from forenad.render.errors import MissingValue, TemplateError, TemplateRefused

    try:
        yield
    except MissingValue:
        raise
    except LimitExceeded as exc:
        raise TemplateRefused(
            label,
            t(
                f"stoppad av en gräns i sandlådan: {exc.text.sv}",
                f"stopped by a limit of the sandbox: {exc.text.en}",
            ),
        ) from None
    except SecurityError as exc:
        raise TemplateRefused(
            label,
            t(
                f"otillåten åtkomst i mallen, stoppad av sandlådan: {exc}",
                f"unsafe access, stopped by the sandbox: {exc}",
            ),
        ) from None
    except UndefinedError as exc:
        raise TemplateError(
            label,
            t(f"mallen använder ett namn som inte finns: {exc}", f"the template uses an unknown name: {exc}"),
        ) from None
    except JinjaTemplateError as exc:
        raise TemplateError(
            label, t(f"mallen kan inte återges: {exc}", f"the template fails: {exc}")
        ) from None
    except (TypeError, ValueError, KeyError, AttributeError, ArithmeticError, RecursionError) as exc:
        raise TemplateError(
            label, t(f"mallen kan inte återges: {exc!r}", f"the template fails: {exc!r}")
        ) from None
    except MemoryError:
        raise TemplateRefused(
            label,
            t(
                "mallen tar slut på minnet vid återgivningen",
                "the template runs out of memory when rendering",
            ),
        ) from None
