"""The prompt loop: ask, read an answer, validate it at once, and ask again until it is accepted.

Answers come first from the answers file (each key used once), then from standard input: line by line
when it is not a terminal (scripts, tests), through the rich console when it is. The end of the input
ends the loop: from a script (not a terminal) the remaining questions take their suggestion and optional
ones are left out, but a required question without a suggestion, or one whose last answer was rejected,
raises :class:`OutOfAnswers`; at a terminal the end of the input (Ctrl-D) always does. Nothing a user types
can end the loop otherwise.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from rich.console import Console
from rich.text import Text as RichText

from forenad.guided.parsing import Invalid
from forenad.guided.texts import MESSAGES, PROMPTS
from forenad.i18n import Lang, Text

T = TypeVar("T")


class OutOfAnswers(Exception):
    """The input ended before the question ``key`` was answered."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class LiveSource(Protocol):
    suggestions_at_end: bool
    """Whether the end of this input accepts the suggestions of the remaining questions."""

    def read(self, prompt: str, secret: bool) -> str | None:
        """The next answer, or ``None`` at the end of the input."""


@dataclass
class LineSource:
    """Answers from a non-terminal standard input, one per line; each answer is echoed after its prompt."""

    console: Console
    suggestions_at_end: bool = True

    def read(self, prompt: str, secret: bool) -> str | None:
        try:
            line = sys.stdin.readline()
        except (UnicodeDecodeError, ValueError):  # undecodable bytes, or a closed stream
            line = "\x00"  # consumed but never accepted: every parser rejects it
        if line == "":
            self.console.print(RichText(prompt))
            return None
        answer = line.rstrip("\r\n")
        self.console.print(RichText(prompt + (mask(answer) if secret else answer)))
        return answer


@dataclass
class TerminalSource:
    """Answers typed at a terminal."""

    console: Console
    suggestions_at_end: bool = False

    def read(self, prompt: str, secret: bool) -> str | None:
        try:
            return self.console.input(RichText(prompt))
        except EOFError:
            self.console.print()
            return None


def mask(answer: str) -> str:
    """An answer with the last four digits hidden when it looks like a personnummer."""
    digits = [i for i, ch in enumerate(answer) if ch.isdigit()]
    if len(digits) < 10:
        return answer
    hidden = set(digits[-4:])
    return "".join("*" if i in hidden else ch for i, ch in enumerate(answer))


@dataclass
class Asker:
    """Asks the questions of an interview in one language."""

    console: Console
    lang: Lang
    live: LiveSource
    scripted: Mapping[str, str] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    def say(self, text: Text | str, style: str | None = None) -> None:
        message = text if isinstance(text, str) else text(self.lang)
        self.console.print(RichText(message, style=style or ""))

    def options(self, heading: Text, items: list[tuple[str, Text | str]]) -> None:
        self.say(heading, style="bold")
        width = len(str(len(items)))
        for number, (value, label) in enumerate(items, start=1):
            shown = label if isinstance(label, str) else label(self.lang)
            self.say(f"  {number:>{width}}  {value}" + (f" – {shown}" if shown else ""))

    def ask(
        self,
        key: str,
        parse: Callable[[str], T],
        *,
        pattern: str | None = None,
        default: str | None = None,
        optional: bool = False,
        secret: bool = False,
        echo: Callable[[str, T], str | None] | None = None,
        **fmt: object,
    ) -> T | None:
        """Ask question ``key`` until ``parse`` accepts the answer.

        An empty answer takes ``default``; without a default it is ``None`` when ``optional`` and asked again
        otherwise. ``-`` is ``None`` for an optional question. ``pattern`` is the key with numbers as ``N``
        (the prompt's key in :data:`PROMPTS`); ``fmt`` fills the prompt's placeholders. ``echo`` says how an
        accepted answer was read (``1 mars 2027`` → ``2027-03-01``), when it returns a text.
        """
        prompt = PROMPTS[pattern or key].format(**fmt)(self.lang)
        suggested = default not in (None, "")
        shown = f" [{mask(str(default)) if secret else default}]" if suggested else ""
        rejected = False
        while True:
            raw = self._next(key, f"{prompt}{shown}: ", secret)
            if raw is None:
                if rejected or not self.live.suggestions_at_end or not (suggested or optional):
                    raise OutOfAnswers(key)
                raw = ""
            text = raw.strip()
            if text == "" and default not in (None, ""):
                text = str(default)
            if text == "" or (text == "-" and optional):
                if optional:
                    return None
                rejected = True
                self._reject(MESSAGES["required"])
                continue
            try:
                value = parse(text)
            except Invalid as exc:
                rejected = True
                self._reject(exc.text)
                continue
            said = echo(text, value) if echo is not None else None
            if said:
                self.say(f"  → {said}", style="dim")
            return value

    def _next(self, key: str, prompt: str, secret: bool) -> str | None:
        if key in self.scripted and key not in self.used:
            self.used.add(key)
            answer = self.scripted[key]
            self.console.print(RichText(prompt + (mask(answer) if secret else answer)))
            return answer
        return self.live.read(prompt, secret)

    def _reject(self, why: Text) -> None:
        self.say(MESSAGES["invalid"].format(message=why(self.lang)), style="red")
