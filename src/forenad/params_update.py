"""The yearly update of the dated parameters, without touching the installed package.

:func:`parameter_status` is the January checklist: the parameters with no value in force on a date, those
whose value in force is ``unverified``, and those whose value ends within 90 days with nothing after it.
:func:`add_to_overlay` writes one validated dated value into an overlay folder's file (see
:mod:`forenad.params_overlay`), keeping the file's comments, and proves that the result loads.
:func:`parse_value` reads a value written as YAML (``86000``, ``31.42``, ``[professor, lektor]``,
``{rate: 6}``; ``null`` ends the parameter).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from forenad import yamlio
from forenad.errors import DataFileError, ForenadError
from forenad.files import write_atomic
from forenad.i18n import Lang, Text, t
from forenad.params import Confidence, DatedValue, Parameter, ParameterSet, default_parameters
from forenad.params_overlay import apply_file, reference_value, shape_problem, show_value, with_overlay

__all__ = [
    "AddedValue",
    "StatusEntry",
    "StatusKind",
    "ValueRefused",
    "add_to_overlay",
    "parameter_status",
    "parse_value",
]

StatusKind = Literal["missing", "unverified", "ending"]
STATUS_KINDS: tuple[StatusKind, ...] = ("missing", "unverified", "ending")
WITHIN_DAYS = 90


class ValueRefused(ForenadError):
    """A value that :func:`add_to_overlay` will not write (wrong shape, a date that has a value, …)."""

    def __init__(self, text: Text) -> None:
        self.text = text
        super().__init__(text.en)

    def message(self, lang: Lang = "sv") -> str:
        return self.text(lang)


# --------------------------------------------------------------------------------------------------------
# The checklist


@dataclass(frozen=True, slots=True)
class StatusEntry:
    """One item of the checklist: a parameter and why it needs attention on ``on``.

    ``missing``: no value in force; ``since`` is where the gap began (``None`` before the first value) and
    ``resumes`` the next start after ``on``, if any. ``unverified`` and ``ending``: ``value`` is the value in
    force; an ending value stops at ``value.end`` with nothing after it.
    """

    kind: StatusKind
    parameter: Parameter
    on: dt.date
    value: DatedValue | None = None
    since: dt.date | None = None
    resumes: dt.date | None = None

    @property
    def name(self) -> str:
        return self.parameter.name

    @property
    def add_from(self) -> dt.date:
        """The start date a new value would need (for the ``forenad params add`` hint)."""
        if self.kind == "missing":
            return self.since or self.on
        if self.kind == "ending" and self.value is not None and self.value.end is not None:
            return self.value.end
        return self.on

    def as_json(self, lang: Lang = "sv") -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "status": self.kind,
            "on": self.on.isoformat(),
            "description": self.parameter.description(lang),
            "unit": self.parameter.unit,
        }
        if self.kind == "missing":
            out["since"] = self.since.isoformat() if self.since else None
            out["resumes"] = self.resumes.isoformat() if self.resumes else None
        if self.value is not None:
            out.update(
                value=self.value.value,
                start=self.value.start.isoformat(),
                end=self.value.end.isoformat() if self.value.end else None,
                confidence=self.value.confidence,
                origin=self.value.origin,
            )
            if self.value.origin_file is not None:
                out["origin_file"] = self.value.origin_file
        if self.kind == "ending" and self.value is not None and self.value.end is not None:
            out["days_left"] = (self.value.end - self.on).days
        return out


def parameter_status(
    params: ParameterSet, on: dt.date, *, within_days: int = WITHIN_DAYS
) -> list[StatusEntry]:
    """What needs attention on ``on``: parameters with no value in force (``missing``), with an unverified
    value in force (``unverified``), and with a value in force that ends within ``within_days`` days with no
    value after it (``ending``). Grouped in that order, by name within a group."""
    groups: dict[StatusKind, list[StatusEntry]] = {kind: [] for kind in STATUS_KINDS}
    horizon = on + dt.timedelta(days=within_days)
    for name in params.names():
        parameter = params.get(name)
        value = next((e for e in parameter.entries if e.covers(on)), None)
        if value is None:
            periods = parameter.periods()
            since = max((end for _, end in periods if end is not None and end <= on), default=None)
            resumes = min((start for start, _ in periods if start > on), default=None)
            groups["missing"].append(StatusEntry("missing", parameter, on, None, since, resumes))
            continue
        if value.confidence == "unverified":
            groups["unverified"].append(StatusEntry("unverified", parameter, on, value))
        end = value.end
        if end is not None and end <= horizon and not any(e.covers(end) for e in parameter.entries):
            groups["ending"].append(StatusEntry("ending", parameter, on, value))
    return [entry for kind in STATUS_KINDS for entry in groups[kind]]


# --------------------------------------------------------------------------------------------------------
# Adding a value


def parse_value(text: str) -> Any:
    """A value written as YAML 1.2 (``86000``, ``31.42``, ``[professor, lektor]``, ``{rate: 6}``, ``null``).

    Raises :class:`ValueRefused` for text that is not YAML, is empty, or holds dates or tags.
    """
    if not text.strip():
        raise ValueRefused(
            t(
                "ange ett värde, t.ex. --value 86000 (null avslutar parametern)",
                "give a value, e.g. --value 86000 (null ends the parameter)",
            )
        )
    try:
        data = yamlio.parse(text).data
    except yamlio.DocumentError as exc:
        raise ValueRefused(
            t(f"--value kan inte läsas som YAML: {exc.text.sv}", f"--value is not valid YAML: {exc.text.en}")
        ) from None
    if _has_date(data):
        raise ValueRefused(
            t(
                "--value får inte innehålla datum; skriv dem inom citattecken om de är text",
                "--value cannot hold dates; quote them if they are text",
            )
        )
    return data


def _has_date(value: Any) -> bool:
    if isinstance(value, dt.date):
        return True
    if isinstance(value, dict):
        return any(_has_date(k) or _has_date(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_date(v) for v in value)
    return False


@dataclass(frozen=True, slots=True)
class AddedValue:
    """What :func:`add_to_overlay` did: the file written, whether it was created, the value it replaced
    (shipped or from the overlay, ``None`` if none), whether the parameter ended on ``start`` before (a
    ``null``, e.g. the shipped end of the last reviewed year), and the merged set, reloaded from the files."""

    path: Path
    name: str
    start: dt.date
    value: Any
    created: bool
    replaced: DatedValue | None
    ended_here: bool
    params: ParameterSet

    @property
    def dated(self) -> DatedValue | None:
        """The value now in force from ``start`` (``None`` when a ``null`` was added)."""
        entries = self.params.get(self.name).entries
        return next((e for e in entries if e.start == self.start), None)


def add_to_overlay(
    directory: str | Path,
    name: str,
    start: dt.date,
    value: Any,
    *,
    source: str,
    url: str | None = None,
    confidence: Confidence = "unverified",
    force: bool = False,
    base: ParameterSet | None = None,
) -> AddedValue:
    """Write one dated value of the parameter ``name`` into ``directory/name.yaml``, atomically.

    The file is created in the overlay's short shape (only ``values``) or, when it exists, changed in place
    with its comments kept. ``value`` (see :func:`parse_value`) must have the shape of the parameter's value
    (:func:`forenad.params_overlay.shape_problem`); ``None`` ends the parameter from ``start``. A value that
    starts on ``start`` already (in the overlay file, or a non-null one in ``base``) is replaced only with
    ``force``. ``base`` is the set the overlay adds to (default: the packaged parameters); the shipped files
    are never written.

    Raises :class:`forenad.params.UnknownParameter` (with a suggestion), :class:`ValueRefused`,
    :class:`forenad.errors.DataFileError` (the overlay folder holds a malformed file: nothing is written) and
    :class:`OSError`.
    """
    base = base if base is not None else default_parameters()
    parameter = base.get(name)
    if not source.strip():
        raise ValueRefused(t("ange källan med --source", "give the source with --source"))
    if value is not None:
        problem = shape_problem(reference_value(parameter, start), value)
        if problem is not None:
            raise ValueRefused(
                t(
                    f"fel form på värdet för {name}: {problem.sv}",
                    f"wrong shape of value for {name}: {problem.en}",
                )
            )
    folder = Path(directory)
    if folder.exists() and not folder.is_dir():
        raise ValueRefused(
            t(f"{folder} är ingen mapp", f"{folder} is not a folder"),
        )
    path = folder / f"{name}.yaml"
    # A malformed overlay stops here, before anything is written.
    current = with_overlay(base, folder).get(name) if folder.is_dir() else parameter
    previous = next((e for e in current.entries if e.start == start), None)
    ended_here = previous is None and any(e.end == start for e in current.entries)
    yaml = _round_trip()
    original = path.read_bytes() if path.is_file() else None
    doc = yaml.load(yamlio.decode(original)) if original is not None else _new_document(parameter)
    values = doc["values"]
    if (previous is not None or start in values) and not force:
        raise ValueRefused(_exists_text(name, start, previous, path))
    entry = _entry(value, source, url, confidence)
    if start in values:
        values[start] = entry
    else:
        values.insert(sum(1 for key in values if key < start), start, entry)
    stream = io.StringIO()
    yaml.dump(doc, stream)
    data = stream.getvalue().encode("utf-8")
    apply_file(parameter, str(path), name, data)  # the new file must load before it is written
    write_atomic(path, data, force=original is not None)
    try:
        merged = with_overlay(base, folder)
    except DataFileError:
        if original is not None:
            write_atomic(path, original, force=True)
        else:
            path.unlink(missing_ok=True)
        raise
    return AddedValue(
        path=path,
        name=name,
        start=start,
        value=value,
        created=original is None,
        replaced=previous,
        ended_here=ended_here,
        params=merged,
    )


def _exists_text(name: str, start: dt.date, previous: DatedValue | None, path: Path) -> Text:
    day = start.isoformat()
    if previous is None:  # a null in the overlay file
        what = t(f"null i tilläggsfilen {path}", f"null in the overlay file {path}")
    elif previous.origin == "overlay":
        shown = show_value(previous.value)
        what = t(f"{shown} i tilläggsfilen {path}", f"{shown} in the overlay file {path}")
    else:
        shown = show_value(previous.value)
        what = t(f"{shown}, medföljande", f"{shown}, shipped")
    return t(
        f"{name} har redan ett värde från {day} ({what.sv}); använd --force för att ersätta det",
        f"{name} already has a value from {day} ({what.en}); use --force to replace it",
    )


def _round_trip() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 110
    yaml.representer.add_representer(
        type(None), lambda dumper, _: dumper.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    return yaml


def _new_document(parameter: Parameter) -> Any:
    from ruamel.yaml.comments import CommentedMap

    doc = CommentedMap()
    doc.yaml_set_start_comment(
        f"Tillägg till forenads parameter {parameter.name} ({parameter.description.sv}),\n"
        "skrivet med forenad params add. Värdena läggs till de medföljande datum för datum:\n"
        "samma startdatum ersätter det medföljande värdet, och value: null avslutar parametern\n"
        "från sitt datum. Varje värde behöver en källa (refs); hämta det ur en primärkälla.\n"
        "Kommentarer i filen behålls."
    )
    doc["values"] = CommentedMap()
    return doc


def _entry(value: Any, source: str, url: str | None, confidence: Confidence) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    ref = CommentedMap(kind="other", id=source.strip())
    if url:
        ref["url"] = url.strip()
    ref.fa.set_flow_style()
    entry = CommentedMap()
    entry["value"] = _styled(value)
    entry["refs"] = CommentedSeq([ref])
    entry["confidence"] = confidence
    return entry


def _styled(value: Any) -> Any:
    """Lists and mappings of plain values in flow style (``[professor, lektor]``), the rest in block style."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        mapping = CommentedMap((k, _styled(v)) for k, v in value.items())
        if not any(isinstance(v, dict | list) for v in value.values()):
            mapping.fa.set_flow_style()
        return mapping
    if isinstance(value, list):
        seq = CommentedSeq(_styled(v) for v in value)
        if not any(isinstance(v, dict | list) for v in value):
            seq.fa.set_flow_style()
        return seq
    return value
