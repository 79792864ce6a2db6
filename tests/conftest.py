"""Shared fixtures: the shipped examples, and a small editor for copies of them.

Bad inputs are built by editing a copy of a shipped example, so each test knows the exact line its edit
landed on and can assert that the error names that line (and the dotted field path).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

# The CLI's default language follows FORENAD_LANG, read when the app is imported; the tests expect the
# documented default (Swedish) unless they ask for --lang en.
os.environ.pop("FORENAD_LANG", None)
# Likewise the tests read the shipped parameters unless they name an overlay folder themselves.
os.environ.pop("FORENAD_PARAMS_OVERLAY", None)
# The on-disk cache of parsed rules and parameters: a folder of the test run's own, so that no developer's
# cache is read or written and every run starts empty (subprocesses inherit it).
os.environ["FORENAD_CACHE_DIR"] = tempfile.mkdtemp(prefix="forenad-test-cache-")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES_DIR = ROOT / "examples"
EXAMPLE_PATHS = sorted(EXAMPLES_DIR.glob("*.yaml"))
UPPSALA = "uppsala-professor-overlakare.yaml"
"""The richest example: one employer, a host, invoicing, main_employer. Most edits start from it."""


def _key_line(key: str) -> re.Pattern[str]:
    # A block-style "key: value" line, possibly the first key of a list item ("  - key: value").
    return re.compile(rf"^(?P<indent>[ ]*(?:- )?){re.escape(key)}:(?:[ ].*)?$", re.MULTILINE)


@dataclass
class Draft:
    """The text of an example being edited. Every edit returns the 1-based line it produced."""

    text: str

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def _find(self, key: str, occurrence: int) -> re.Match[str]:
        matches = list(_key_line(key).finditer(self.text))
        assert len(matches) > occurrence, f"the example has no occurrence {occurrence} of {key!r}"
        return matches[occurrence]

    def _line_at(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    def set(self, key: str, value: str, occurrence: int = 0) -> int:
        """Replace the value (and any comment) of the ``occurrence``-th block line ``key: …``."""
        match = self._find(key, occurrence)
        self.text = self.text[: match.start()] + f"{match['indent']}{key}: {value}" + self.text[match.end() :]
        return self._line_at(match.start())

    def add(self, after: str, key: str, value: str, occurrence: int = 0) -> int:
        """Insert ``key: value`` as a sibling on the line after the ``occurrence``-th line ``after: …``."""
        match = self._find(after, occurrence)
        indent = " " * len(match["indent"])
        self.text = self.text[: match.end()] + f"\n{indent}{key}: {value}" + self.text[match.end() :]
        return self._line_at(match.end()) + 1

    def rename(self, key: str, new_key: str, occurrence: int = 0) -> int:
        """Rename the key of the ``occurrence``-th block line ``key: …``, keeping its value."""
        match = self._find(key, occurrence)
        line = match.group(0)
        renamed = match["indent"] + new_key + line[len(match["indent"]) + len(key) :]
        self.text = self.text[: match.start()] + renamed + self.text[match.end() :]
        return self._line_at(match.start())

    def replace(self, old: str, new: str) -> int:
        """Replace text that occurs exactly once; returns the line where it started."""
        assert self.text.count(old) == 1, f"{old!r} occurs {self.text.count(old)} times in the example"
        start = self.text.index(old)
        self.text = self.text.replace(old, new)
        return self._line_at(start)

    def replace_section(self, key: str, new: str) -> int:
        """Replace a whole top-level section (``key:`` and everything indented under it) with ``new``."""
        match = re.search(rf"^{re.escape(key)}:.*\n(?:(?:[ #].*|)\n)*", self.text, re.MULTILINE)
        assert match, f"no top-level section {key!r}"
        self.text = self.text[: match.start()] + new + "\n\n" + self.text[match.end() :]
        return self._line_at(match.start())

    def line_of(self, needle: str) -> int:
        """The 1-based line of text that occurs exactly once."""
        assert self.text.count(needle) == 1, f"{needle!r} occurs {self.text.count(needle)} times"
        return self._line_at(self.text.index(needle))

    def write(self, path: Path) -> Path:
        path.write_text(self.text, encoding="utf-8")
        return path


@pytest.fixture
def draft() -> Callable[..., Draft]:
    """``draft()`` is an editable copy of the Uppsala example; ``draft(name)`` of another one."""

    def make(name: str = UPPSALA) -> Draft:
        return Draft((EXAMPLES_DIR / name).read_text(encoding="utf-8"))

    return make


@pytest.fixture(params=[p.name for p in EXAMPLE_PATHS])
def example_path(request: pytest.FixtureRequest) -> Path:
    """Each shipped example in turn."""
    return EXAMPLES_DIR / request.param
