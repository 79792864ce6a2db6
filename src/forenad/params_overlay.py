"""Parameter overlays: an organisation's dated values on top of the shipped parameters, value by value.

An overlay is a folder of ``*.yaml`` files in the shape of :mod:`forenad.params` (one file per parameter,
named after it). Applying it never replaces a whole parameter and never writes a file:

- a dated value is added at its start date; a value with the same start date as one in the set replaces
  it; ``value: null`` ends the parameter from its date (a shipped ``null`` is replaced the same way, which is
  how next year's amount is entered);
- for a parameter the set has, a file needs only ``values``: ``description``, ``notes`` and
  ``last_reviewed`` are taken from the set unless given; ``unit`` may be left out, and if given must be the
  set's; ``confidence`` is the default for the file's own values, and is ``unverified`` when left out;
- every value must have the shape of the set's value (a number where a number is, the same mapping keys);
- a parameter the set does not have needs the full shape of a parameter file;
- the values keep where they came from: ``origin="overlay"`` and ``origin_file`` on each
  :class:`~forenad.params.DatedValue`; the set's ``version`` becomes a hash of both, and its ``overlay``
  names the folder and the hash of its files.

A malformed file raises :class:`~forenad.errors.DataFileError` naming the file, the line and the key.

Where the folder comes from (:func:`locate_overlay`): the ``--params-overlay`` option, else the environment
variable ``FORENAD_PARAMS_OVERLAY``, else ``[params] overlay = "path"`` in the first ``forenad.toml`` found
from the working directory upward (relative to that file's folder)::

    # forenad.toml
    [params]
    overlay = "parametrar"
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from forenad.errors import DataFileError
from forenad.i18n import Text, t
from forenad.params import (
    _FILE_KEYS,
    DatedValue,
    OverlayInfo,
    Parameter,
    ParameterSet,
    _build,
    _chain,
    _check_keys,
    _confidence,
    _dated,
    _File,
    _parse_file,
    _starts,
    _suggest,
    _text,
    default_parameters,
    load_parameters,
)

__all__ = [
    "CONFIG_FILE",
    "OVERLAY_ENV",
    "OverlayLocation",
    "apply_file",
    "locate_overlay",
    "reference_value",
    "resolve_parameters",
    "shape_problem",
    "show_value",
    "with_overlay",
]

OVERLAY_ENV = "FORENAD_PARAMS_OVERLAY"
CONFIG_FILE = "forenad.toml"
_CONFIG_KEYS: dict[str, tuple[str, ...]] = {"params": ("overlay",)}
_CACHE: dict[tuple[str, str, str, str], ParameterSet] = {}
_CACHE_SIZE = 16


# --------------------------------------------------------------------------------------------------------
# Where the overlay is


@dataclass(frozen=True, slots=True)
class OverlayLocation:
    """An overlay folder and what pointed to it (``--params-overlay``, the variable or a ``forenad.toml``)."""

    path: Path
    via: str


def locate_overlay(
    explicit: str | Path | None = None,
    *,
    cwd: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> OverlayLocation | None:
    """The overlay folder to use, or ``None`` (see the module docstring for the order). The folder need not
    exist; relative paths are taken from ``cwd`` (the option and the variable) or from the folder of the
    ``forenad.toml``. Raises :class:`DataFileError` for a malformed ``forenad.toml``."""
    if explicit is not None:
        return OverlayLocation(_absolute(Path(explicit), cwd), "--params-overlay")
    value = (os.environ if environ is None else environ).get(OVERLAY_ENV, "").strip()
    if value:
        return OverlayLocation(_absolute(Path(value).expanduser(), cwd), OVERLAY_ENV)
    config = _find_config(Path.cwd() if cwd is None else cwd)
    if config is None:
        return None
    overlay = _read_config(config)
    if overlay is None:
        return None
    return OverlayLocation(config.parent / Path(overlay).expanduser(), str(config))


def _absolute(path: Path, cwd: Path | None) -> Path:
    return path if path.is_absolute() or cwd is None else cwd / path


def _find_config(start: Path) -> Path | None:
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        config = candidate / CONFIG_FILE
        if config.is_file():
            return config
    return None


def _read_config(config: Path) -> str | None:
    """``[params] overlay`` of a ``forenad.toml`` (``None`` when it has none); strict about its keys."""
    where = str(config)
    try:
        text = config.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        problem = f"not valid UTF-8 (byte {exc.start}); save it as UTF-8"
        raise DataFileError(where, None, "", problem) from None
    except OSError as exc:
        raise DataFileError(where, None, "", f"cannot be read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise DataFileError(
            where, int(match.group(1)) if match else None, "", f"not valid TOML: {exc}"
        ) from None
    for table, value in data.items():
        if table not in _CONFIG_KEYS:
            raise DataFileError(
                where,
                _toml_line(text, table, header=True),
                table,
                f"unknown table; expected one of {', '.join(_CONFIG_KEYS)}",
                _suggest(table, list(_CONFIG_KEYS)),
            )
        if not isinstance(value, dict):
            raise DataFileError(
                where, _toml_line(text, table), table, f"expected a table [{table}] with the keys overlay"
            )
        for key in value:
            if key not in _CONFIG_KEYS[table]:
                raise DataFileError(
                    where,
                    _toml_line(text, key),
                    f"{table}.{key}",
                    f"unknown key; expected one of {', '.join(_CONFIG_KEYS[table])}",
                    _suggest(key, _CONFIG_KEYS[table]),
                )
    overlay = data.get("params", {}).get("overlay")
    if overlay is None:
        return None
    if not isinstance(overlay, str) or not overlay.strip():
        raise DataFileError(
            where,
            _toml_line(text, "overlay"),
            "params.overlay",
            'expected the path of a folder as text, e.g. overlay = "parametrar"',
        )
    return overlay.strip()


def _toml_line(text: str, key: str, *, header: bool = False) -> int | None:
    pattern = rf"^\s*\[\s*{re.escape(key)}\s*\]" if header else rf"^\s*{re.escape(key)}\s*[=.]"
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(pattern, line):
            return number
    return None


def resolve_parameters(
    params_dir: Path | None = None,
    overlay: Path | None = None,
    *,
    cwd: Path | None = None,
    discover: bool = True,
    environ: Mapping[str, str] | None = None,
) -> ParameterSet:
    """See :func:`forenad.params.resolve_parameters`."""
    base = default_parameters() if params_dir is None else load_parameters(params_dir, complete=True)
    if overlay is None and not discover:
        return base
    location = locate_overlay(overlay, cwd=cwd, environ=environ)
    if location is None:
        return base
    if not location.path.is_dir():
        problem = "is not a folder" if location.path.exists() else "does not exist"
        raise DataFileError(
            str(location.path),
            None,
            "",
            f"the parameter overlay folder {problem} (named by {location.via}); create it, or run "
            "forenad params add, which creates it",
        )
    return with_overlay(base, location.path)


# --------------------------------------------------------------------------------------------------------
# Applying an overlay


@dataclass(frozen=True, slots=True)
class _OverlayFile:
    """One overlay file, validated: header fields it gives, and its timeline of dated values."""

    file: _File
    name: str
    description: Text | None
    notes: Text | None
    last_reviewed: dt.date | None
    timeline: tuple[tuple[dt.date, DatedValue | None], ...]
    parameter: Parameter | None  # a parameter the base set does not have, in full


def with_overlay(base: ParameterSet, directory: str | Path) -> ParameterSet:
    """See :func:`forenad.params.with_overlay`."""
    root = Path(directory)
    where = str(root)
    if not root.is_dir():
        problem = "is not a folder" if root.exists() else "does not exist"
        raise DataFileError(where, None, "", f"the parameter overlay folder {problem}")
    files: list[tuple[str, str, bytes]] = []
    digest = hashlib.sha256()
    for entry in sorted((p for p in root.iterdir() if p.is_file()), key=lambda p: p.name):
        if entry.name.startswith("."):
            continue  # hidden files, and the temporary files of a write in progress
        if entry.name.endswith(".yml"):
            raise DataFileError(
                str(entry), None, "", "parameter files must end in .yaml", entry.name[:-4] + ".yaml"
            )
        if not entry.name.endswith(".yaml"):
            continue
        raw = entry.read_bytes()
        digest.update(entry.name.encode("utf-8") + b"\0" + str(len(raw)).encode() + b"\0" + raw)
        files.append((str(entry), entry.name[: -len(".yaml")], raw))
    overlay_version = digest.hexdigest()[:12]
    key = (base.version, base.directory, str(root.resolve()), overlay_version)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    params = {name: base.get(name) for name in base.names()}
    for path, name, raw in files:
        params[name] = apply_file(base.get(name) if name in base else None, path, name, raw)
    version = hashlib.sha256(f"{base.version}+{overlay_version}".encode()).hexdigest()[:12]
    info = OverlayInfo(where, overlay_version, tuple(name for _, name, _ in files))
    result = ParameterSet(params, version, base.directory, overlay=info)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.clear()
    _CACHE[key] = result
    return result


def apply_file(base: Parameter | None, path: str, name: str, raw: bytes) -> Parameter:
    """The parameter ``base`` with the overlay file's values added (or the file's own parameter when the set
    has none by that name). Raises :class:`DataFileError`."""

    def build(f: _File, file_name: str, data: Any) -> _OverlayFile:
        return _build_overlay(f, file_name, data, base)

    overlay = _parse_file(path, name, raw, build)
    if overlay.parameter is not None:
        return overlay.parameter
    assert base is not None
    return _merge(base, overlay)


def _build_overlay(f: _File, name: str, data: Any, base: Parameter | None) -> _OverlayFile:
    if base is None:
        # Not in the set: a whole parameter, in the full shape.
        parameter = _build(f, name, data, origin="overlay")
        return _OverlayFile(f, name, None, None, None, (), parameter)
    if not isinstance(data, dict):
        f.fail([], "expected a mapping with the key values (and optionally " + ", ".join(_FILE_KEYS) + ")")
    _check_keys(f, [], data, _FILE_KEYS, ("values",))
    description = _text(f, ["description"], data["description"]) if data.get("description") else None
    notes = _text(f, ["notes"], data["notes"]) if data.get("notes") is not None else None
    if "unit" in data and data["unit"] != base.unit:
        f.fail(
            ["unit"],
            f"an overlay cannot change the unit: the parameter is in {base.unit!r}; leave unit out",
        )
    confidence = _confidence(f, ["confidence"], data["confidence"]) if "confidence" in data else "unverified"
    last_reviewed = data.get("last_reviewed")
    if last_reviewed is not None and (
        not isinstance(last_reviewed, dt.date) or isinstance(last_reviewed, dt.datetime)
    ):
        f.fail(["last_reviewed"], "expected a date written YYYY-MM-DD")
    starts = _starts(f, data["values"])
    timeline = _dated(f, name, starts, confidence, base.unit, "overlay")
    for start, entry in starts:
        if entry["value"] is None:
            continue
        problem = shape_problem(reference_value(base, start), entry["value"])
        if problem is not None:
            f.fail(["values", start, "value"], problem.en)
    return _OverlayFile(f, name, description, notes, last_reviewed, tuple(timeline), None)


def _merge(base: Parameter, overlay: _OverlayFile) -> Parameter:
    timeline: dict[dt.date, DatedValue | None] = {e.start: e for e in base.entries}
    for e in base.entries:
        if e.end is not None:
            timeline.setdefault(e.end, None)  # the shipped null that ended it
    timeline.update(overlay.timeline)
    entries = _chain(sorted(timeline.items(), key=lambda item: item[0]))
    if not entries:
        overlay.file.fail(
            ["values"],
            "with this overlay the parameter has no value left; "
            "a null can only end a parameter after a value",
        )
    return Parameter(
        name=base.name,
        description=overlay.description or base.description,
        unit=base.unit,
        confidence=base.confidence,
        last_reviewed=overlay.last_reviewed or base.last_reviewed,
        notes=overlay.notes or base.notes,
        entries=entries,
        source=base.source,
    )


# --------------------------------------------------------------------------------------------------------
# The shape of a value


def reference_value(parameter: Parameter, start: dt.date) -> Any:
    """The value a new value starting on ``start`` must look like: the last one starting on or before it,
    else the first."""
    before = [e for e in parameter.entries if e.start <= start]
    return (before[-1] if before else parameter.entries[0]).value


def shape_problem(expected: Any, given: Any, where: str = "") -> Text | None:
    """Why ``given`` cannot stand where ``expected`` stands, or ``None`` when it can: a finite number where a
    number is, text where text is, ``true``/``false`` where they are, a list where a list is (each item like
    one of the items), a mapping with the same keys (each value like the expected one). Inside a list or
    mapping ``null`` stands for an unknown value, as in the shipped files."""
    if expected is None:
        return None
    if isinstance(expected, int | float) and not isinstance(expected, bool):
        return _number_problem(expected, given, where)
    if isinstance(expected, Mapping):
        return _mapping_problem(expected, given, where)
    if isinstance(expected, list | tuple):
        return _list_problem(expected, given, where)
    fits, kind_sv, kind_en = _scalar_fit(expected, given)
    return None if fits else _wrong(expected, given, where, kind_sv, kind_en)


def _scalar_fit(expected: object, given: object) -> tuple[bool, str, str]:
    """Whether ``given`` is of the kind of the single value ``expected``, and that kind in words."""
    if isinstance(expected, bool):
        return isinstance(given, bool), "true eller false", "true or false"
    if isinstance(expected, str):
        return isinstance(given, str), "text", "text"
    if isinstance(expected, dt.date):
        return type(given) is type(expected), "ett datum", "a date"
    name = type(expected).__name__
    return type(given) is type(expected), name, name


def _wrong(
    expected: Any, given: Any, where: str, kind_sv: str, kind_en: str, hint: Text | None = None
) -> Text:
    """What was expected (``kind``) at ``where``, with the shipped value as an example, and what was given."""
    at_sv = f" vid {where}" if where else ""
    at_en = f" at {where}" if where else ""
    shown, example = show_value(given), show_value(expected)
    extra_sv = f" {hint.sv}" if hint else ""
    extra_en = f" {hint.en}" if hint else ""
    return t(
        f"väntade {kind_sv}{at_sv} (som i det medföljande värdet {example}), fick {shown}.{extra_sv}",
        f"expected {kind_en}{at_en} (as in the shipped value {example}), got {shown}.{extra_en}",
    )


def _number_problem(expected: float, given: Any, where: str) -> Text | None:
    """A finite number is expected; text that looks like a Swedish-written number gets a hint."""
    if isinstance(given, int | float) and not isinstance(given, bool) and math.isfinite(given):
        return None
    hint = None
    if isinstance(given, str) and re.fullmatch(r"-?[\d\s ]+(,\d+)?", given.strip()):
        hint = t(
            "Skriv tal utan mellanslag och med decimalpunkt, t.ex. 86000 eller 31.42.",
            "Write numbers without spaces and with a decimal point, e.g. 86000 or 31.42.",
        )
    return _wrong(expected, given, where, "ett tal", "a number", hint)


def _mapping_problem(expected: Mapping[Any, Any], given: Any, where: str) -> Text | None:
    """A mapping with the same keys is expected, each value like the expected one (or ``null``)."""
    keys = ", ".join(str(k) for k in expected)
    if not isinstance(given, Mapping):
        return _wrong(
            expected, given, where, f"en mappning med nycklarna {keys}", f"a mapping with the keys {keys}"
        )
    extra = [k for k in given if k not in expected]
    if extra:
        hint_key = _suggest(str(extra[0]), [str(k) for k in expected])
        hint = t(f"Menade du {hint_key!r}?", f"Did you mean {hint_key!r}?") if hint_key else None
        return _wrong(
            expected,
            given,
            where,
            f"en mappning med nycklarna {keys}; okänd nyckel {extra[0]!r}",
            f"a mapping with the keys {keys}; unknown key {extra[0]!r}",
            hint,
        )
    missing = [k for k in expected if k not in given]
    if missing:
        return _wrong(
            expected,
            given,
            where,
            f"en mappning med nycklarna {keys}; nyckeln {missing[0]!r} saknas",
            f"a mapping with the keys {keys}; the key {missing[0]!r} is missing",
        )
    for k, v in expected.items():
        if given[k] is None:
            continue
        problem = shape_problem(v, given[k], f"{where}.{k}" if where else str(k))
        if problem is not None:
            return problem
    return None


def _list_problem(expected: list[Any] | tuple[Any, ...], given: Any, where: str) -> Text | None:
    """A list is expected, each item (or ``null``) like one of the expected items."""
    if not isinstance(given, list | tuple):
        return _wrong(expected, given, where, "en lista", "a list")
    for i, item in enumerate(given):
        if item is None or not expected:
            continue
        inner = f"{where}[{i}]" if where else f"[{i}]"
        problems = [shape_problem(e, item, inner) for e in expected]
        if all(p is not None for p in problems):
            return problems[0]
    return None


def show_value(value: Any) -> str:
    """A value as it would be written in a file (JSON-like), shortened to 80 characters."""
    import json

    text = repr(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 80 else text[:77] + "…"
