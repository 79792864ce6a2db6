"""Dated parameters: law and agreement values as data, each value with its start date and its sources.

A parameter is one YAML file in ``rules/parameters/``; its name is the file stem (lower case, digits and
``_``). The shape, in the spirit of openfisca-core's parameter files::

    # rules/parameters/inkomstbasbelopp.yaml
    description: {sv: "Inkomstbasbelopp", en: "Income base amount"}   # required, sv and en
    unit: kr/år               # required, a free-text label: kr/år, kr/månad, procent, dagar, timmar, lista …
    confidence: verified      # required: verified | secondary | unverified (the default for every value)
    last_reviewed: 2026-11-22 # required, YYYY-MM-DD: when a person last checked the values
    notes: {sv: "…", en: "…"}  # optional: reasoning, caveats, how start dates were chosen
    values:                   # required, at least one non-null value
      2024-01-01:             # start date, YYYY-MM-DD; the value applies from this day on
        value: 76200          # a number, string, list or mapping; ``null`` ends the parameter
        refs:                 # required for a non-null value: at least one reference
          - {kind: other, id: Skatteverket, title: "Belopp och procent 2024", url: "https://…"}
        confidence: secondary # optional, overrides the file's confidence for this value
        note: {sv: "…", en: "…"}   # optional
      2027-01-01:
        value: null           # from this day the parameter has no value (refs may be left out)

``refs`` items are :class:`forenad.refs.Reference` mappings: ``kind`` (``sfs``, ``agreement``, ``report``,
``other``), ``id``, and optionally ``section``, ``title`` and ``url``.

How a value is found: the value in force on a date is the one with the latest start on or before that date.
A ``null`` value ends the parameter from its date (a later value may start it again). Asking for a date
before the first start, after an end or inside a gap raises :class:`ParameterNotInForce`, which names the
parameter, the date and the periods that are covered; a value is never silently reused. The first start is
the earliest date the data vouches for, not necessarily the day the rule was enacted (``notes`` say why a
start date was chosen). A yearly amount ends with ``null`` on the first year nobody has reviewed yet.

Loading is strict: duplicate keys (found by :mod:`forenad.yamlio`), unknown keys (with a "did you mean"),
start dates that are not ``YYYY-MM-DD``, a non-null value without ``refs`` and an unknown ``confidence`` each
raise :class:`forenad.errors.DataFileError` naming the file, the 1-based line and the dotted key.

Values are frozen: lists become tuples and mappings become read-only ``dict`` subclasses, so a shared,
cached :class:`ParameterSet` cannot be changed by one of its readers (``json.dumps`` still works on them).

An **overlay** is a folder of files of the same shape whose dated values are added to a set value by value
(same start date: the overlay's value replaces the set's; ``null`` ends the parameter from its date). Its
files may leave out everything but ``values`` for a parameter the set has. Each :class:`DatedValue` says
where it came from (``origin``: ``"shipped"`` or ``"overlay"``, and ``origin_file``). See
:mod:`forenad.params_overlay` for the rules, and :func:`resolve_parameters` for what the CLI does
(``--params-overlay DIR``, else ``FORENAD_PARAMS_OVERLAY``, else ``[params] overlay`` in a ``forenad.toml``
found from the working directory upward).

Usage::

    from forenad.params import default_parameters, resolve_parameters
    params = default_parameters()
    ibb = params.at("inkomstbasbelopp", date(2026, 3, 1))   # DatedValue(value=83400, refs=…, …)
    mine = resolve_parameters(overlay=Path("parametrar"))    # the shipped set plus the folder's values
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
import functools
import hashlib
import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NoReturn, TypeVar, get_args

from pydantic import ValidationError

from forenad import yamlio
from forenad.errors import DataFileError, ForenadError
from forenad.i18n import Lang, Text, t
from forenad.refs import Reference

if TYPE_CHECKING:
    from ruamel.yaml import YAML  # imported where a file is parsed: a cached parameter set needs none

__all__ = [
    "Confidence",
    "DatedValue",
    "Origin",
    "OverlayInfo",
    "Parameter",
    "ParameterNotInForce",
    "ParameterSet",
    "UnknownParameter",
    "default_parameters",
    "find_overlay",
    "load_parameters",
    "resolve_parameters",
    "with_overlay",
]

Confidence = Literal["verified", "secondary", "unverified"]
CONFIDENCES: tuple[str, ...] = get_args(Confidence)
Origin = Literal["shipped", "overlay"]
_T = TypeVar("_T")

_FILE_KEYS = ("description", "unit", "confidence", "last_reviewed", "notes", "values")
_REQUIRED_FILE_KEYS = ("description", "unit", "confidence", "last_reviewed", "values")
_ENTRY_KEYS = ("value", "refs", "confidence", "note")
_NAME = re.compile(r"[a-z][a-z0-9_]*")
_DATE_LIKE = re.compile(r"(?<![\w.-])(\d{4}-\d{2}-\d{2})(?![\w.-])(\s*:)?")
_DUPLICATE = re.compile(r"the key (.+) appears twice")
_ALIAS = re.compile(r"(?<![\w*])\*[^\s,\]}]+")
_TAG = re.compile(r"(?:^|[\s\[{,:])[!*&][^\s,\]}]*")
_MAX_FAST_ALIASES = 16  # more aliases than this go through yamlio, whose node budget stops alias bombs


# --------------------------------------------------------------------------------------------------------
# Public types


@dataclass(frozen=True, slots=True)
class DatedValue:
    """One value of a parameter and the period it applies to (``end`` is exclusive, ``None`` = open)."""

    name: str
    value: Any
    start: dt.date
    end: dt.date | None
    refs: tuple[Reference, ...]
    confidence: Confidence
    note: Text | None
    unit: str
    origin: Origin = "shipped"
    """``"shipped"``: from the parameter set (the packaged one, or ``--params DIR``); ``"overlay"``: from an
    overlay folder, named by ``origin_file``."""
    origin_file: str | None = None

    def covers(self, on: dt.date) -> bool:
        return self.start <= on and (self.end is None or on < self.end)


@dataclass(frozen=True, slots=True)
class Parameter:
    """A named, dated parameter: its values in start order and where they come from."""

    name: str
    description: Text
    unit: str
    confidence: Confidence
    last_reviewed: dt.date
    notes: Text | None
    entries: tuple[DatedValue, ...]
    source: str = ""
    _starts: tuple[dt.date, ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(e.start for e in self.entries))

    def at(self, on: dt.date) -> DatedValue:
        """The value in force on ``on``; raises :class:`ParameterNotInForce` when there is none."""
        on = _as_date(on)
        i = bisect.bisect_right(self._starts, on) - 1
        if i >= 0 and self.entries[i].covers(on):
            return self.entries[i]
        raise ParameterNotInForce(self.name, on, self.periods(), self.source)

    def periods(self) -> tuple[tuple[dt.date, dt.date | None], ...]:
        """The covered periods as ``(start, end_exclusive_or_None)``, adjacent values merged."""
        out: list[tuple[dt.date, dt.date | None]] = []
        for e in self.entries:
            if out and out[-1][1] == e.start:
                out[-1] = (out[-1][0], e.end)
            else:
                out.append((e.start, e.end))
        return tuple(out)

    def coverage(self) -> tuple[dt.date, dt.date | None]:
        """``(first start, last end)``; the end is exclusive and ``None`` when the last value is open.

        There may be gaps inside (a ``null`` followed by a later value): see :meth:`periods`.
        """
        periods = self.periods()
        return periods[0][0], periods[-1][1]


class ParameterNotInForce(ForenadError):
    """A parameter was asked for on a date it has no value for (before its start, after its end, in a gap)."""

    def __init__(
        self,
        name: str,
        on: dt.date,
        periods: Sequence[tuple[dt.date, dt.date | None]],
        source: str = "",
    ) -> None:
        self.name = name
        self.on = on
        self.periods = tuple(periods)
        self.source = source
        self.text = _not_in_force_text(name, on, self.periods, source)
        super().__init__(self.text.en)

    def message(self, lang: Lang = "sv") -> str:
        return self.text(lang)


class UnknownParameter(ForenadError, KeyError):
    """No parameter has this name; ``suggestion`` is the closest known name, if any."""

    def __init__(self, name: str, known: Sequence[str]) -> None:
        self.name = name
        self.suggestion = _suggest(name, known)
        hint_sv = f" Menade du {self.suggestion!r}?" if self.suggestion else ""
        hint_en = f" Did you mean {self.suggestion!r}?" if self.suggestion else ""
        self.text = t(
            f"Det finns ingen parameter som heter {name!r}.{hint_sv}",
            f"There is no parameter named {name!r}.{hint_en}",
        )
        super().__init__(self.text.en)

    def __str__(self) -> str:
        return self.text.en

    def message(self, lang: Lang = "sv") -> str:
        return self.text(lang)


@dataclass(frozen=True, slots=True)
class OverlayInfo:
    """The overlay folder applied to a :class:`ParameterSet`: its path, a hash of its files (the first 12 hex
    digits of a SHA-256 over their names and bytes) and the parameters it has files for."""

    directory: str
    version: str
    parameters: tuple[str, ...]


class ParameterSet:
    """All parameters of one directory, by name, plus a short version hash of the files for provenance."""

    __slots__ = ("_directory", "_names", "_overlay", "_params", "_version")

    def __init__(
        self,
        params: Mapping[str, Parameter],
        version: str,
        directory: str,
        *,
        overlay: OverlayInfo | None = None,
    ) -> None:
        self._params = dict(params)
        self._names = tuple(sorted(self._params))
        self._version = version
        self._directory = directory
        self._overlay = overlay

    @property
    def version(self) -> str:
        """The first 12 hex digits of a SHA-256 over the files' names and bytes (with an overlay: over this
        set's version and the overlay's)."""
        return self._version

    @property
    def directory(self) -> str:
        return self._directory

    @property
    def overlay(self) -> OverlayInfo | None:
        """The overlay folder whose values were added to the set, if any."""
        return self._overlay

    def names(self) -> tuple[str, ...]:
        return self._names

    def get(self, name: str) -> Parameter:
        """The parameter ``name``; raises :class:`UnknownParameter` (a ``KeyError``) with a suggestion."""
        try:
            return self._params[name]
        except KeyError:
            raise UnknownParameter(name, self._names) from None

    def at(self, name: str, on: dt.date) -> DatedValue:
        """Shorthand for ``get(name).at(on)``."""
        return self.get(name).at(on)

    def __getitem__(self, name: str) -> Parameter:
        return self.get(name)

    def __contains__(self, name: object) -> bool:
        return name in self._params

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._params)

    def __repr__(self) -> str:
        extra = f", overlay={self._overlay.directory!r}" if self._overlay else ""
        return (
            f"ParameterSet({len(self)} parameters, version={self._version!r}, "
            f"directory={self._directory!r}{extra})"
        )


def load_parameters(directory: Path | None = None, *, complete: bool = False) -> ParameterSet:
    """Load every ``*.yaml`` file of ``directory`` (default: the packaged ``forenad/rules/parameters``).

    Raises :class:`forenad.errors.DataFileError` for the first malformed file. With ``complete`` a folder
    meant to replace the packaged set must hold every parameter the packaged set has (the rules read them);
    one that does not is refused, naming the missing ones (add values with an overlay instead).
    """
    root: Traversable = _default_directory() if directory is None else Path(directory)
    loaded = _load_tree(root)
    if complete and directory is not None:
        missing = sorted(set(default_parameters().names()) - set(loaded.names()))
        if missing:
            raise DataFileError(
                str(directory),
                None,
                "",
                f"the parameter folder lacks {', '.join(missing)}; a folder given with --params replaces the "
                "shipped parameters and must hold them all (to add or change values, use --params-overlay)",
            )
    return loaded


def _load_tree(root: Traversable) -> ParameterSet:
    """The parameter set of a folder: parsed from its files, or from the on-disk cache when the files are
    those parsed before (:mod:`forenad.cache`)."""
    from forenad import cache

    where = str(root)
    if not root.is_dir():
        raise DataFileError(where, None, "", "the parameter directory does not exist")
    files = sorted((p for p in root.iterdir() if p.is_file()), key=lambda p: p.name)
    contents = [(entry, entry.read_bytes()) for entry in files if entry.name.endswith((".yaml", ".yml"))]
    parts = [where.encode(), *(entry.name.encode() + b"\0" + raw for entry, raw in contents)]
    key = cache.key_of("parameters", parts)
    return cache.cached("parameters", key, lambda: _parse_tree(root, where, files))


def _parse_tree(root: Traversable, where: str, files: list[Traversable]) -> ParameterSet:
    digest = hashlib.sha256()
    params: dict[str, Parameter] = {}
    for entry in files:
        if entry.name.startswith("."):
            continue
        if entry.name.endswith(".yml"):
            raise DataFileError(
                _path_of(root, entry),
                None,
                "",
                "parameter files must end in .yaml",
                entry.name[:-4] + ".yaml",
            )
        if not entry.name.endswith(".yaml"):
            continue
        raw = entry.read_bytes()
        digest.update(entry.name.encode("utf-8") + b"\0" + str(len(raw)).encode() + b"\0" + raw)
        parameter = _load_file(_path_of(root, entry), entry.name[: -len(".yaml")], raw)
        params[parameter.name] = parameter
    if not params:
        raise DataFileError(where, None, "", "the directory holds no parameter files (*.yaml)")
    return ParameterSet(params, digest.hexdigest()[:12], where)


@functools.cache
def default_parameters() -> ParameterSet:
    """The packaged parameters, loaded once per process."""
    return load_parameters()


def with_overlay(base: ParameterSet, directory: str | Path) -> ParameterSet:
    """``base`` with the dated values of the overlay folder ``directory`` added value by value.

    The result has its own ``version`` (a hash of ``base.version`` and the overlay's files) and ``overlay``.
    Raises :class:`forenad.errors.DataFileError` (file, line, key) for a malformed overlay file or a folder
    that does not exist. Nothing is written. See :mod:`forenad.params_overlay`.
    """
    from forenad.params_overlay import with_overlay as apply

    return apply(base, directory)


def find_overlay(
    explicit: str | Path | None = None,
    *,
    cwd: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Path | None:
    """Where the overlay folder is: ``explicit`` (the ``--params-overlay`` option), else the environment
    variable ``FORENAD_PARAMS_OVERLAY``, else ``[params] overlay`` of the first ``forenad.toml`` found from
    ``cwd`` (default: the working directory) upward, relative to that file's folder; ``None`` when none says.

    The folder need not exist. Raises :class:`forenad.errors.DataFileError` for a malformed ``forenad.toml``.
    """
    from forenad.params_overlay import locate_overlay

    found = locate_overlay(explicit, cwd=cwd, environ=environ)
    return found.path if found is not None else None


def resolve_parameters(
    params_dir: Path | None = None,
    overlay: Path | None = None,
    *,
    cwd: Path | None = None,
    discover: bool = True,
    environ: Mapping[str, str] | None = None,
) -> ParameterSet:
    """The parameters a command reads: the packaged set (or ``params_dir``, which replaces it) plus the
    overlay folder ``overlay``, or, when it is ``None`` and ``discover`` is true, the one
    :func:`find_overlay` finds from ``cwd``.

    Without an overlay this is :func:`default_parameters` (the same object) or :func:`load_parameters`.
    Raises :class:`forenad.errors.DataFileError` for a malformed file, a malformed ``forenad.toml`` or an
    overlay folder that does not exist (naming what pointed to it).
    """
    from forenad.params_overlay import resolve_parameters as resolve

    return resolve(params_dir, overlay, cwd=cwd, discover=discover, environ=environ)


# --------------------------------------------------------------------------------------------------------
# Loading one file


def _default_directory() -> Traversable:
    from forenad.data import data_dir

    return data_dir("rules", "parameters")


def _path_of(root: Traversable, entry: Traversable) -> str:
    path = str(entry)
    return path if entry.name in path else f"{str(root).rstrip('/')}/{entry.name}"


@dataclass(frozen=True, slots=True)
class _File:
    path: str
    lines: yamlio.LineIndex | None

    def fail(
        self, loc: Sequence[Any], problem: str, suggestion: str | None = None, key: str | None = None
    ) -> NoReturn:
        line = self.lines.line_of(list(loc)) if self.lines is not None else None
        raise DataFileError(self.path, line, key if key is not None else _dotted(loc), problem, suggestion)


def _load_file(path: str, name: str, raw: bytes, *, strict: bool = False) -> Parameter:
    """Parse and validate one parameter file (see :func:`_parse_file`)."""
    return _parse_file(path, name, raw, _build, strict=strict)


def _parse_file(
    path: str, name: str, raw: bytes, build: Callable[[_File, str, Any], _T], *, strict: bool = False
) -> _T:
    """Parse one file and hand its data to ``build`` (which validates it, failing through ``_File.fail``).

    The fast path parses with ruamel.yaml's C-based safe loader (same YAML 1.2 rules, duplicate keys
    rejected) and validates without line numbers. Anything unusual, and any error at all, sends the file
    through the strict path: :func:`forenad.yamlio.parse`, which keeps line numbers, so the
    :class:`DataFileError` that is raised names the line. ``strict=True`` skips the fast path.
    """
    if not _NAME.fullmatch(name):
        raise DataFileError(
            path,
            None,
            "",
            f"the file name {name!r} is not a valid parameter name (a-z, 0-9 and _, from a letter)",
        )
    try:
        text = yamlio.decode(raw)
    except yamlio.DocumentError as exc:
        raise DataFileError(path, exc.line, "", exc.text.en) from None
    if not strict and len(_ALIAS.findall(text)) <= _MAX_FAST_ALIASES:
        try:
            data = _fast_yaml().load(text)
            if _is_plain(data):
                return build(_File(path, None), name, data)
        except Exception:  # any trouble at all: the strict path below gives the located error
            pass
    try:
        doc = yamlio.parse(text)
    except yamlio.DocumentError as exc:
        match = _DUPLICATE.search(exc.text.en)
        key = match.group(1).strip("'\"") if match else ""
        if not match and exc.text.en.startswith(("invalid value", "an alias")):
            # A bad scalar or a self-referencing alias: name the date key or the tag ourselves.
            line, key = _bad_date(text)
            if line is not None:
                raise DataFileError(
                    path, line, key, f"not a valid date ({exc.text.en}); write dates as YYYY-MM-DD"
                ) from None
            line, key = _first_tag(text)
            raise DataFileError(
                path, line or exc.line, key, f"{exc.text.en}; remove explicit tags and aliases"
            ) from None
        raise DataFileError(path, exc.line, key, exc.text.en) from None
    except (
        ValueError,
        TypeError,
        KeyError,
        AttributeError,
        IndexError,
        OverflowError,
        RecursionError,
    ) as exc:
        # ruamel.yaml fails on 2024-13-01, on bad tagged scalars (!!float x, !!bool x, !!set) and on
        # self-referencing aliases with bare Python errors and no position; locate what we can ourselves.
        line, key = _bad_date(text)
        if line is not None:
            problem = f"not a valid date ({exc}); write dates as YYYY-MM-DD"
        else:
            line, key = _first_tag(text)
            problem = f"invalid YAML value ({type(exc).__name__}: {exc}); remove explicit tags and aliases"
        raise DataFileError(path, line, key, problem) from None
    return build(_File(path, doc.lines), name, doc.data)


def _fast_yaml() -> YAML:
    from ruamel.yaml import YAML

    y = YAML(typ="safe", pure=False)
    y.allow_duplicate_keys = False
    return y


def _is_plain(node: Any) -> bool:
    """True when the fast parser produced only what :mod:`forenad.yamlio` would produce unchanged."""
    if isinstance(node, dict):
        return all(
            isinstance(k, str | int | bool) or (isinstance(k, dt.date) and not isinstance(k, dt.datetime))
            for k in node
        ) and all(_is_plain(v) for v in node.values())
    if isinstance(node, list):
        return all(_is_plain(v) for v in node)
    if isinstance(node, dt.datetime):
        return False  # leave time stamps (and their time zones) to yamlio
    return node is None or isinstance(node, str | int | float | bool | dt.date)


def _build(f: _File, name: str, data: Any, origin: Origin = "shipped") -> Parameter:
    path = f.path
    if not isinstance(data, dict):
        f.fail([], "expected a mapping with the keys " + ", ".join(_REQUIRED_FILE_KEYS), key="")
    _check_keys(f, [], data, _FILE_KEYS, _REQUIRED_FILE_KEYS)

    description = _text(f, ["description"], data["description"])
    unit = data["unit"]
    if not isinstance(unit, str) or not unit.strip():
        f.fail(["unit"], "expected a non-empty unit label such as kr/år, procent or dagar")
    confidence = _confidence(f, ["confidence"], data["confidence"])
    last_reviewed = data["last_reviewed"]
    if not isinstance(last_reviewed, dt.date) or isinstance(last_reviewed, dt.datetime):
        f.fail(["last_reviewed"], "expected a date written YYYY-MM-DD")
    notes = _text(f, ["notes"], data["notes"]) if data.get("notes") is not None else None

    starts = _starts(f, data["values"])
    if starts[0][1]["value"] is None:
        f.fail(["values", starts[0][0], "value"], "the first value cannot be null (null ends a parameter)")
    timeline = _dated(f, name, starts, confidence, unit, origin)
    return Parameter(
        name=name,
        description=description,
        unit=unit,
        confidence=confidence,
        last_reviewed=last_reviewed,
        notes=notes,
        entries=_chain(timeline),
        source=path,
    )


def _starts(f: _File, values: Any) -> list[tuple[dt.date, dict[str, Any]]]:
    """The entries of ``values`` by start date, their keys checked."""
    if not isinstance(values, dict) or not values:
        f.fail(["values"], "expected a mapping of start dates (YYYY-MM-DD) to values")
    starts: list[tuple[dt.date, dict[str, Any]]] = []
    for key, entry in values.items():
        if not isinstance(key, dt.date) or isinstance(key, dt.datetime):
            f.fail(["values", key], "a start date must be written YYYY-MM-DD", _iso_suggestion(key))
        loc = ["values", key]
        if not isinstance(entry, dict):
            f.fail(loc, "expected a mapping with value and refs (and optionally confidence and note)")
        _check_keys(f, loc, entry, _ENTRY_KEYS, ("value",))
        starts.append((key, entry))
    starts.sort(key=lambda item: item[0])
    return starts


def _dated(
    f: _File,
    name: str,
    starts: Sequence[tuple[dt.date, dict[str, Any]]],
    confidence: Confidence,
    unit: str,
    origin: Origin,
) -> list[tuple[dt.date, DatedValue | None]]:
    """Each start date with its value (``None`` for a ``null`` that ends the parameter); ends are left open
    for :func:`_chain` to fill in."""
    out: list[tuple[dt.date, DatedValue | None]] = []
    for start, entry in starts:
        loc = ["values", start]
        refs = _refs(f, loc, entry.get("refs"), required=entry["value"] is not None)
        entry_confidence = (
            _confidence(f, [*loc, "confidence"], entry["confidence"]) if "confidence" in entry else None
        )
        note = _text(f, [*loc, "note"], entry["note"]) if entry.get("note") is not None else None
        if entry["value"] is None:
            out.append((start, None))
            continue
        _finite(f, [*loc, "value"], entry["value"])
        out.append(
            (
                start,
                DatedValue(
                    name=name,
                    value=_freeze(entry["value"]),
                    start=start,
                    end=None,
                    refs=refs,
                    confidence=entry_confidence or confidence,
                    note=note,
                    unit=unit,
                    origin=origin,
                    origin_file=f.path if origin == "overlay" else None,
                ),
            )
        )
    return out


def _finite(f: _File, loc: list[Any], value: Any) -> None:
    """Refuse ``.nan`` and ``.inf`` anywhere in a value (YAML reads them as floats; no amount is either)."""
    if isinstance(value, float) and not math.isfinite(value):
        f.fail(loc, f"{value} is not a number a value can have (.nan and .inf are refused); write the number")
    elif isinstance(value, dict):
        for key, item in value.items():
            _finite(f, [*loc, key], item)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _finite(f, [*loc, index], item)


def _chain(timeline: Sequence[tuple[dt.date, DatedValue | None]]) -> tuple[DatedValue, ...]:
    """The values of a timeline sorted by start, each ending where the next entry (value or null) starts."""
    out: list[DatedValue] = []
    for i, (_start, value) in enumerate(timeline):
        if value is None:
            continue
        end = timeline[i + 1][0] if i + 1 < len(timeline) else None
        out.append(value if value.end == end else replace(value, end=end))
    return tuple(out)


def _check_keys(
    f: _File, loc: list[Any], data: dict[Any, Any], allowed: Sequence[str], required: Sequence[str]
) -> None:
    for key in data:
        if key not in allowed:
            f.fail(
                [*loc, key], f"unknown key; expected one of {', '.join(allowed)}", _suggest(str(key), allowed)
            )
    for key in required:
        if key not in data:
            f.fail(loc, f"the key {key!r} is missing", key=_dotted([*loc, key]))


def _confidence(f: _File, loc: list[Any], value: Any) -> Confidence:
    if value not in CONFIDENCES:
        f.fail(
            loc,
            f"unknown confidence {value!r}; expected one of {', '.join(CONFIDENCES)}",
            _suggest(str(value), CONFIDENCES),
        )
    confidence: Confidence = value
    return confidence


def _text(f: _File, loc: list[Any], value: Any) -> Text:
    if not isinstance(value, dict):
        f.fail(loc, "expected a mapping with the keys sv and en")
    try:
        return Text.model_validate(value)
    except ValidationError as exc:
        f.fail(loc, "expected a mapping with the keys sv and en (text): " + _first_error(exc))


def _refs(f: _File, loc: list[Any], value: Any, *, required: bool) -> tuple[Reference, ...]:
    if value is None:
        if required:
            f.fail(loc, "a value needs refs: a list of at least one reference", key=_dotted([*loc, "refs"]))
        return ()
    if not isinstance(value, list) or (required and not value):
        f.fail([*loc, "refs"], "expected a list of at least one reference ({kind, id, section, title, url})")
    out: list[Reference] = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            f.fail([*loc, "refs", i], "expected a reference mapping {kind, id, section, title, url}")
        try:
            out.append(Reference.model_validate(item))
        except ValidationError as exc:
            f.fail([*loc, "refs", i], "not a valid reference: " + _first_error(exc))
    return tuple(out)


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err.get("loc", ()))
    return f"{where}: {err['msg']}" if where else str(err["msg"])


def _bad_date(text: str) -> tuple[int | None, str]:
    """The line and key of the first date-like token that is not a real date (e.g. ``2024-13-01``)."""
    for match in _DATE_LIKE.finditer(text):
        token = match.group(1)
        try:
            dt.date(*(int(part) for part in token.split("-")))
        except ValueError:
            line_start = text.rfind("\n", 0, match.start(1)) + 1
            line_end = text.find("\n", match.start(1))
            line_text = text[line_start : line_end if line_end >= 0 else len(text)]
            if match.group(2):  # the bad date is a key: start dates only appear under values
                key = f"values.{token}" if line_text[:1].isspace() else token
            else:
                own = re.match(r"\s*-?\s*([^:#\s]+)\s*:", line_text)
                key = own.group(1) if own else token
            return text.count("\n", 0, match.start(1)) + 1, key
    return None, ""


def _first_tag(text: str) -> tuple[int | None, str]:
    """The line and key of the first explicit tag (``!!float``, ``!x``) or alias, if any."""
    for number, line in enumerate(text.splitlines(), start=1):
        code = line.split(" #", 1)[0]
        if _TAG.search(code):
            own = re.match(r"\s*-?\s*([^:#\s]+)\s*:", code)
            return number, own.group(1) if own else ""
    return None, ""


def _iso_suggestion(key: Any) -> str | None:
    m = re.fullmatch(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*", str(key))
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def _suggest(name: str, known: Sequence[str]) -> str | None:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return close[0] if close else None


def _dotted(loc: Sequence[Any]) -> str:
    return ".".join(k.isoformat() if isinstance(k, dt.date) else str(k) for k in loc)


def _as_date(on: dt.date) -> dt.date:
    if isinstance(on, dt.datetime):
        return on.date()
    if not isinstance(on, dt.date):
        raise TypeError(f"expected a date, got {type(on).__name__}")
    return on


class _FrozenDict(dict[str, Any]):
    """A read-only ``dict`` (still a ``dict`` for ``json.dumps`` and ``isinstance``)."""

    __slots__ = ()

    def _readonly(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("parameter values are read-only")

    __setitem__ = __delitem__ = __ior__ = _readonly
    clear = pop = popitem = setdefault = update = _readonly

    def __hash__(self) -> int:  # type: ignore[override]  # dict declares __hash__ = None; this one is frozen
        return hash(tuple(sorted(self.items(), key=lambda kv: str(kv[0]))))

    def __reduce__(self) -> tuple[Any, ...]:  # pickled as a plain dict, frozen again when loaded
        return (_FrozenDict, (dict(self),))


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return _FrozenDict({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


# --------------------------------------------------------------------------------------------------------
# Messages


def _period_text(start: dt.date, end: dt.date | None) -> Text:
    if end is None:
        return t(f"från {start.isoformat()} och framåt", f"from {start.isoformat()} onwards")
    last = (end - dt.timedelta(days=1)).isoformat()
    return t(f"{start.isoformat()} till och med {last}", f"{start.isoformat()} to {last} inclusive")


def _not_in_force_text(
    name: str, on: dt.date, periods: Sequence[tuple[dt.date, dt.date | None]], source: str
) -> Text:
    day = on.isoformat()
    gap: dt.date | None = None  # where the missing period starts, when the parameter ended
    if not periods:
        reason = t("den har inga värden", "it has no values")
    elif on < periods[0][0]:
        first = periods[0][0].isoformat()
        reason = t(f"den börjar gälla först {first}", f"it starts only on {first}")
    else:
        ended = max((e for _, e in periods if e is not None and e <= on), default=None)
        gap = ended
        stop = ended.isoformat() if ended else "?"
        reason = t(f"den saknar värde från och med {stop}", f"it has no value from {stop}")
    covered = [_period_text(s, e) for s, e in periods]
    sv_cov = "; ".join(c.sv for c in covered) or "inga"
    en_cov = "; ".join(c.en for c in covered) or "none"
    command = f'forenad params add {name} --from {(gap or on).isoformat()} --value … --source "…"'
    return t(
        f"Parametern {name} gäller inte den {day}: {reason.sv}. Värden finns för {sv_cov}. "
        "Lägg in det fastställda värdet, hämtat ur en primärkälla "
        "(författningen, avtalet eller myndighetens beslut), i en tilläggsmapp med "
        f"{command} (se forenad params status).",
        f"The parameter {name} is not in force on {day}: {reason.en}. Values cover {en_cov}. "
        "Enter the value as set, taken from a primary source (the "
        f"statute, the agreement or the authority's decision), into an overlay folder with {command} (see "
        "forenad params status).",
    )
