"""The county (län) of an agreement, from its organisations and the data file ``data/counties.yaml``.

An organisation is found by its organisationsnummer, else by its name (compared without regard to case,
spacing and the kind of dash): a region by its name, a kommun by its name followed by ``kommun`` or
``stad`` (with or without the genitive s), a lärosäte by its name (placed at its seat). Nothing else is
tried: a name that is not in the file is not placed, and the survey says which (never a guess).

An agreement is placed by the organisations that are tied to one county by law first, its regions and
kommuner:

- all of them found and in one county: that county;
- found in two or more counties: ``flera län`` (several counties);
- any of them not found: ``okänt län`` (unknown), since the agreement may span counties;
- no region or kommun at all: the same, with the other organisations found in the file (lärosäten by
  their seat), and ``okänt län`` when none of them is found.

Usage::

    from forenad.kartlaggning.counties import county_of
    county_of(agreement)   # Placement(code='03', unplaced=())
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from forenad.i18n import Text, t
from forenad.model import Agreement, EmployerKind

__all__ = ["MANY", "UNKNOWN", "Placement", "counties", "county_label", "county_of", "organisation_county"]

DATA = Path(__file__).resolve().parent / "data" / "counties.yaml"
MANY = "flera"
"""The code of an agreement whose organisations lie in several counties."""
UNKNOWN = "okant"
"""The code of an agreement that cannot be placed."""

_SPECIAL: dict[str, Text] = {
    MANY: t("Flera län", "Several counties"),
    UNKNOWN: t("Okänt län", "Unknown county"),
}
_BOUND = (EmployerKind.region, EmployerKind.kommun)


@dataclass(frozen=True, slots=True)
class Placement:
    """Where an agreement is placed: a länskod, :data:`MANY` or :data:`UNKNOWN`, and the names of its
    public organisations (regions, kommuner, lärosäten) that the data file does not know."""

    code: str
    unplaced: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Table:
    counties: dict[str, str]
    by_number: dict[str, str]
    by_name: dict[str, str]


def normalise(name: str) -> str:
    """A name as it is compared: case folded, one space between words, every dash a hyphen."""
    return re.sub(r"\s+", " ", re.sub(r"[‐‑‒–—]", "-", name)).strip().casefold()


@cache
def _table() -> _Table:
    from forenad import yamlio

    data = yamlio.load(DATA).data
    counties = {str(code): str(name) for code, name in data["counties"].items()}
    by_name: dict[str, str] = {}

    def add(name: str, code: str) -> None:
        key = normalise(name)
        if by_name.get(key, code) != code:  # pragma: no cover - the data file is tested
            raise ValueError(f"{DATA.name}: {name!r} names two counties")
        by_name[key] = code

    for name, code in data["regions"].items():
        add(str(name), str(code))
    for kommunkod, base in data["kommuner"].items():
        base = str(base)
        genitive = base if base[-1] in "sxz" else f"{base}s"
        for form in {base, genitive}:
            for word in ("kommun", "stad"):
                add(f"{form} {word}", str(kommunkod)[:2])
    for name, kommunkod in data["kommun_names"].items():
        add(str(name), str(kommunkod)[:2])
    for name, code in data["larosaten"].items():
        add(str(name), str(code))
    by_number = {str(number): str(entry["county"]) for number, entry in data["organisationsnummer"].items()}
    return _Table(counties, by_number, by_name)


def counties() -> dict[str, str]:
    """Every county: länskod → name, in code order."""
    return dict(_table().counties)


def county_label(code: str) -> Text:
    """The name of a county (or of :data:`MANY`, :data:`UNKNOWN`)."""
    special = _SPECIAL.get(code)
    if special is not None:
        return special
    name = _table().counties.get(code, code)
    return t(name, name)


def organisation_county(name: str, organisationsnummer: str | None = None) -> str | None:
    """The länskod of one organisation, or ``None`` when the data file does not know it."""
    table = _table()
    if organisationsnummer is not None:
        found = table.by_number.get(str(organisationsnummer))
        if found is not None:
            return found
    return table.by_name.get(normalise(name))


def county_of(agreement: Agreement) -> Placement:
    """The county of an agreement (see the module's description)."""
    bound: list[str | None] = []
    other: list[str | None] = []
    unplaced: list[str] = []
    for employer in agreement.employers:
        number = str(employer.organisationsnummer) if employer.organisationsnummer is not None else None
        code = organisation_county(employer.name, number)
        if code is None and (employer.kind in _BOUND or employer.kind.is_larosate):
            unplaced.append(employer.name)
        (bound if employer.kind in _BOUND else other).append(code)
    deciding = bound if bound else [c for c in other if c is not None]
    if not deciding or any(c is None for c in deciding):
        return Placement(UNKNOWN, tuple(unplaced))
    found = {c for c in deciding if c is not None}
    return Placement(found.pop() if len(found) == 1 else MANY, tuple(unplaced))
