"""Fuzz cases for the agreement reader and the drafter, shared by ``tests/test_fuzz.py`` (a bounded run in the
suite) and ``benchmarks/fuzz.py`` (a longer run that prints the figures).

Each case is made from a seed, so any failure can be replayed:

- :func:`reader_case`: a shipped example's text with random edits (bytes flipped, lines dropped or doubled,
  hostile tokens spliced in: control characters, YAML tags and aliases, huge numbers, ``.nan``, template
  syntax, BOMs, invalid UTF-8), read with :func:`forenad.read_agreement`. It must give an agreement or
  input errors, and never raise.
- :func:`drafter_case`: a shipped example with random values put into random fields (hostile text with
  markers, escape sequences and line breaks, edge numbers, wrong types), then, if it still validates,
  drafted with :func:`forenad.draft` into a fresh folder, sometimes with a failure injected (a full disk
  at the n-th write, Ctrl-C at the n-th rename). Afterwards the folder must hold the whole set or nothing,
  no temporary file may be left there or in the temporary folder, and no file descriptor may stay open.

The outcome is one of ``ok``, ``refused`` (an input error, as documented), ``crash`` (any other exception),
``partial`` (some but not all of an agreement's files) or ``leak`` (a temporary file or descriptor left).
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import errno
import os
import random
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
ON = dt.date(2026, 6, 1)

TOKENS = [
    "\x00", "\x1b[2J", "\x7f", "\x85", "\u2028", "\ufeff", "\r\n", "\r", "\t", "\\e",
    "!!python/object:os.system",
    "!!binary aGVq", "&a [*a, *a]", "*a", "<<: *a", ".nan", ".inf", "1e999", "9" * 400, "-0", "0x1F", "0o17",
    "2026-02-30", "19121212-1213", "{{ 7*7 }}", "{% for %}", "{_{", "«SAKNAS: x»", "'", '"', ": ", "- ", "? ",
    "#", "|", ">", "[", "]", "{", "}", "yes", "~", "null", "\udcff", "é", "😀", "\u202e",
]  # fmt: skip
VALUES: list[Any] = [
    None, True, 0, -1, 1, 100, 101, 0.5, 1e300, float("inf"), float("nan"), 10**30, "", " ", "x", "x" * 250,
    "Undervisning\n«SAKNAS: parts[0].workplace»", "a}_}b{_{c", "rad ett\r\nrad två\u2028tre\x85fyra\tfem",
    "=HYPERLINK(\"http://x\")", "\x1b]0;titel\x07", "19121272-1219", "2026-02-29", "2027-01-01", [], {}, [1],
    {"a": 1},
    "forenad_en_arbetsgivare", "uu", "region-uppsala", "tillsvidare", "annual_hours",
]  # fmt: skip


@dataclass
class Tally:
    """Counts per outcome, why cases were refused, and the first seed of each bad outcome (to replay it)."""

    cases: int = 0
    ok: int = 0
    refused: int = 0
    crash: int = 0
    partial: int = 0
    leak: int = 0
    first: dict[str, tuple[int, str]] = field(default_factory=dict)
    reasons: Counter[str] = field(default_factory=Counter)

    def add(self, seed: int, outcome: str, detail: str = "") -> None:
        self.cases += 1
        setattr(self, outcome, getattr(self, outcome) + 1)
        if outcome == "refused":
            self.reasons[detail.split(":", 1)[0] or "input error"] += 1
        if outcome in ("crash", "partial", "leak"):
            self.first.setdefault(outcome, (seed, detail))


def _example_text(rng: random.Random) -> str:
    return rng.choice(EXAMPLES).read_text(encoding="utf-8")


def mutate_text(text: str, rng: random.Random) -> bytes:
    lines = text.split("\n")
    for _ in range(rng.randint(1, 6)):
        action = rng.randrange(5)
        i = rng.randrange(len(lines))
        if action == 0:
            lines.pop(i) if len(lines) > 1 else None
        elif action == 1:
            lines.insert(i, lines[i])
        elif action == 2:
            at = rng.randint(0, len(lines[i]))
            lines[i] = lines[i][:at] + rng.choice(TOKENS) + lines[i][at:]
        elif action == 3:
            key, sep, _value = lines[i].partition(": ")
            if sep:
                lines[i] = key + sep + rng.choice(TOKENS)
        else:
            lines[i] = " " * rng.randint(0, 6) + lines[i].lstrip()
    data = "\n".join(lines).encode("utf-8", errors="surrogatepass")
    if rng.random() < 0.15:
        at = rng.randrange(len(data))
        data = data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]
    return data


def reader_case(seed: int, workdir: Path) -> tuple[str, str]:
    """(outcome, detail) of reading one mutated example."""
    from forenad.io import read_agreement

    rng = random.Random(seed)
    path = workdir / f"fuzz-{seed}.yaml"
    path.write_bytes(mutate_text(_example_text(rng), rng))
    try:
        result = read_agreement(path)
    except Exception as exc:  # the reader must never raise for bad input
        return "crash", f"{type(exc).__name__}: {exc}"[:300]
    finally:
        path.unlink()
    if result.agreement is None:
        if not result.errors or not all(e.message("sv") and e.message("en") for e in result.errors):
            return "crash", "invalid without a message"
        return "refused", ""
    return "ok", ""


def _fields(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*path, key)
            yield from _fields(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield (*path, index)
            yield from _fields(value, (*path, index))


TEXT_KEYS = frozenset(
    {"name", "title", "duties", "workplace", "manager", "subject", "note", "notes", "description", "dispute",
     "exit", "cooperation", "coordination", "heading", "text", "profession", "specialist", "role"}
)  # fmt: skip
TEXTS = [v for v in VALUES if isinstance(v, str) and v.strip()] + [t for t in TOKENS if t.strip()]


def mutate_data(rng: random.Random) -> dict[str, Any]:
    """A shipped example with random values: mostly hostile texts in its free-text fields (it stays valid
    and is drafted), sometimes anything anywhere (it is usually refused)."""
    from forenad import yamlio

    data: dict[str, Any] = copy.deepcopy(yamlio.load(rng.choice(EXAMPLES)).data)
    fields = list(_fields(data))
    texts = [f for f in fields if isinstance(f[-1], str) and f[-1] in TEXT_KEYS]
    anywhere = rng.random() < 0.3
    for _ in range(rng.randint(1, 6)):
        where = rng.choice(fields if anywhere or not texts else texts)
        node: Any = data
        try:
            for key in where[:-1]:
                node = node[key]
            if anywhere and rng.random() < 0.1 and isinstance(node, dict):
                node.pop(where[-1], None)
            elif anywhere:
                node[where[-1]] = copy.deepcopy(rng.choice(VALUES))
            else:
                node[where[-1]] = "".join(rng.choice(TEXTS) for _ in range(rng.randint(1, 4)))[:190]
        except (KeyError, IndexError, TypeError):
            continue
    return data


@contextlib.contextmanager
def _failure(rng: random.Random) -> Iterator[str]:
    """Sometimes a full disk at the n-th write or Ctrl-C at the n-th rename, for the draft that follows."""
    choice = rng.randrange(6)
    if choice > 2:
        yield "no failure"
        return
    calls = [0]
    nth = rng.randint(1, 8)
    if choice in (1, 2):
        real_fdopen = os.fdopen

        def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
            handle = real_fdopen(fd, *args, **kwargs)
            original = handle.write

            def write(data: Any) -> int:
                calls[0] += 1
                if calls[0] == nth:
                    raise OSError(errno.ENOSPC, "No space left on device")
                return int(original(data))

            handle.write = write
            return handle

        os.fdopen = fdopen  # type: ignore[assignment]
        try:
            yield "disk full"
        finally:
            os.fdopen = real_fdopen
    else:
        real_link = os.link

        def link(*args: Any, **kwargs: Any) -> None:
            calls[0] += 1
            if calls[0] == nth:
                raise KeyboardInterrupt
            real_link(*args, **kwargs)

        os.link = link  # type: ignore[assignment]
        try:
            yield "interrupt"
        finally:
            os.link = real_link


def _open_descriptors() -> int:
    try:
        return len(os.listdir("/proc/self/fd"))
    except OSError:
        return 0


def drafter_case(seed: int, workdir: Path) -> tuple[str, str]:
    """(outcome, detail) of drafting one mutated example (see the module's description)."""
    from pydantic import ValidationError

    import forenad
    from forenad.errors import ForenadError
    from forenad.model import Agreement

    rng = random.Random(seed)
    data = mutate_data(rng)
    try:
        agreement = Agreement.model_validate(data)
    except ValidationError:
        return "refused", "invalid agreement"
    except Exception as exc:
        return "crash", f"validation: {type(exc).__name__}: {exc}"[:300]
    out = workdir / f"ut-{seed}"
    tmp = workdir / f"tmp-{seed}"
    tmp.mkdir()
    descriptors = _open_descriptors()
    previous, tempfile.tempdir = tempfile.tempdir, str(tmp)
    outcome, detail = "ok", ""
    try:
        with _failure(rng) as injected:
            try:
                written = forenad.draft(agreement, out, on=ON, force=rng.random() < 0.2)
            except (ForenadError, KeyboardInterrupt) as exc:
                why = injected if injected != "no failure" else type(exc).__name__
                outcome, detail = "refused", f"{why}: {exc}"
                written = []
            except Exception as exc:
                return "crash", f"{injected}: {type(exc).__name__}: {exc}"[:300]
    finally:
        tempfile.tempdir = previous
    present = sorted(p.name for p in out.iterdir()) if out.exists() else []
    hidden = [name for name in present if name.startswith(".")]
    if hidden or any(tmp.iterdir()):
        return "leak", f"left: {hidden or sorted(p.name for p in tmp.iterdir())}"
    if _open_descriptors() > descriptors:
        return "leak", f"descriptors {descriptors} -> {_open_descriptors()}"
    if outcome == "ok" and sorted(p.name for p in written) != present:
        return "partial", f"written {len(written)}, present {len(present)}"
    if outcome == "refused" and present:
        return "partial", f"refused but left {present}"
    return outcome, detail
