"""Suggested answers: ids from names, dates, and full-time measures from the dated parameters.

A suggestion is only offered, never silently used: the negotiator sees it in brackets and may answer
otherwise. The full-time measure names its source, and says so when the parameter is not verified.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from forenad.i18n import Text, t
from forenad.model import EmployerKind, EmploymentForm, EmploymentModel, Position, WorkingTimeForm
from forenad.params import DatedValue, ParameterSet
from forenad.refs import Reference

ONE_EMPLOYING_EMPLOYER = frozenset(
    {
        EmploymentModel.forenad_en_arbetsgivare,
        EmploymentModel.tjanstekop,
        EmploymentModel.kombinationsdoktorand,
    }
)
"""Models where one employer employs every part (the others host the work or buy time)."""

LINKED_BY_DEFAULT = frozenset(
    {
        EmploymentModel.forenad_en_arbetsgivare,
        EmploymentModel.forenad_tva_anstallningar,
        EmploymentModel.tjanstekop,
        EmploymentModel.adjungering,
        EmploymentModel.kombinationsdoktorand,
    }
)

LINKED_TEXT = "Upphör den ena delen upphör även den andra; parterna samråder innan."
INDEPENDENT_TEXT = "Delarna är självständiga; upphör den ena består den andra."
DISPUTE_TEXT = "Tvister löses i första hand genom samråd mellan parternas närmaste chefer."
VACATION_TEXT = "Semesterns förläggning stäms av mellan arbetsgivarna vid den årliga semesterplaneringen."


def slug(name: str, fallback: str) -> str:
    """A short employer id from a name: ``Region Örebro län`` → ``region-orebro-lan``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")[:40].strip("-")
    return text or fallback


def unique(base: str, taken: Iterable[str]) -> str:
    taken = set(taken)
    if base not in taken:
        return base
    n = 2
    while f"{base[:36]}-{n}" in taken:
        n += 1
    return f"{base[:36]}-{n}"


def guess_kind(name: str) -> EmployerKind | None:
    lower = name.lower()
    if "universitet" in lower or "högskola" in lower or "högskolan" in lower:
        return EmployerKind.statligt_larosate
    if lower.startswith("region") or "regionen" in lower:
        return EmployerKind.region
    if "kommun" in lower or lower.endswith(" stad"):
        return EmployerKind.kommun
    return None


def main_employer(model: EmploymentModel, employers: list[dict[str, Any]]) -> str | None:
    """The usual main employer of a model: the lärosäte in a förenad anställning with one employer, the
    home employer in adjungering or a combined doctorate, the employer in a service purchase."""
    if not employers:
        return None
    larosate: list[str] = [e["id"] for e in employers if EmployerKind(e["kind"]).is_larosate]
    others: list[str] = [e["id"] for e in employers if not EmployerKind(e["kind"]).is_larosate]
    if model == EmploymentModel.forenad_en_arbetsgivare:
        return (larosate or others)[0]
    if model in (EmploymentModel.adjungering, EmploymentModel.kombinationsdoktorand):
        return (others or larosate)[0]
    if model == EmploymentModel.tjanstekop:
        return str(employers[0]["id"])
    return None


def host(
    model: EmploymentModel,
    number: int,
    employer: dict[str, Any],
    position: Position,
    employers: list[dict[str, Any]],
) -> str | None:
    """Where a part is usually done when not at its employer: a clinical part of a lärosäte in health
    care, an academic part of a region or kommun at a lärosäte, the bought part of a service purchase."""
    kind = EmployerKind(employer["kind"])
    others = [e for e in employers if e["id"] != employer["id"]]
    if position.is_clinical and kind.is_larosate:
        fitting = [e for e in others if EmployerKind(e["kind"]).is_health_care_principal]
    elif position.is_academic and not kind.is_larosate:
        fitting = [e for e in others if EmployerKind(e["kind"]).is_larosate]
    elif model == EmploymentModel.tjanstekop and number > 1:
        fitting = others
    else:
        fitting = []
    return str(fitting[0]["id"]) if fitting else None


def employment_form(model: EmploymentModel, position: Position) -> EmploymentForm:
    if position in (Position.adjungerad_professor, Position.adjungerad_lektor, Position.adjungerad_adjunkt):
        return EmploymentForm.adjungering
    if position in (Position.doktorand, Position.postdoktor, Position.bitradande_lektor) and (
        model != EmploymentModel.kombinationsdoktorand
    ):
        return EmploymentForm.tidsbegransad_hf
    return EmploymentForm.tillsvidare


def first_of_next_month(today: dt.date) -> dt.date:
    return dt.date(today.year + today.month // 12, today.month % 12 + 1, 1)


def one_year_later(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def extent(number: int, count: int, total_so_far: Decimal) -> Decimal | None:
    """An even split of 100 %, the last part taking what is left."""
    if number == count:
        rest = Decimal(100) - total_so_far
        return rest if rest > 0 else None
    return (Decimal(100) / count).quantize(Decimal("0.001")).normalize()


@dataclass(frozen=True, slots=True)
class FullTime:
    hours: Decimal
    source: Text


def working_time_form(kind: EmployerKind, position: Position) -> WorkingTimeForm:
    if kind == EmployerKind.statligt_larosate and position.is_academic:
        return WorkingTimeForm.annual_hours
    return WorkingTimeForm.weekly_hours


def full_time(
    params: ParameterSet,
    on: dt.date,
    form: WorkingTimeForm,
    kind: EmployerKind,
    position: Position,
    birth_year: int | None,
) -> FullTime | None:
    """The full-time measure at ``on``: 40 h/week from arbetstidslagen, or a state teacher's annual hours
    for the person's vacation days (Villkorsavtal). ``None`` when the parameters give no answer."""
    from forenad.params import ParameterNotInForce

    try:
        if form == WorkingTimeForm.weekly_hours:
            limits = params.at("arbetstid_atl", on)
            hours = Decimal(str(limits.value["ordinary_hours_per_week"]))
            return FullTime(hours, _source(limits, t("ordinarie arbetstid", "ordinary working time")))
        if kind != EmployerKind.statligt_larosate or not position.is_academic or birth_year is None:
            return None
        days = _state_vacation_days(params.at("semester_villkorsavtal", on).value, on.year - birth_year)
        table = params.at("arbetstid_larare_stat", on)
    except ParameterNotInForce:
        return None
    for row in table.value:
        if row["vacation_days"] == days:
            what = t(f"statlig lärare med {days} semesterdagar", f"state teacher with {days} vacation days")
            return FullTime(Decimal(str(row["annual_hours"])), _source(table, what))
    return None


def _state_vacation_days(scale: Any, age: int) -> int | None:
    days = None
    for step in sorted(scale, key=lambda s: s["from_age_year"]):
        if age >= step["from_age_year"]:
            days = int(step["days"])
    return days


def _source(value: DatedValue, what: Text) -> Text:
    ref: Reference = value.refs[0]
    head = " ".join(p for p in (f"SFS {ref.id}" if ref.kind == "sfs" else ref.id, ref.section) if p)
    note = {"verified": ("", ""), "secondary": (", sekundär källa", ", secondary source")}.get(
        value.confidence, (", overifierat värde", ", unverified value")
    )
    return t(f"{what.sv}: {head}{note[0]}", f"{what.en}: {head}{note[1]}")
