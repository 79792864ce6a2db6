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

FORENAD_MODELS = frozenset(
    {EmploymentModel.forenad_en_arbetsgivare, EmploymentModel.forenad_tva_anstallningar}
)
"""The förenad anställning of högskoleförordningen 4 kap. 2 §: what may be förenad depends on the date."""

LINKED_TEXT = "Upphör den ena delen upphör även den andra; parterna samråder innan."
INDEPENDENT_TEXT = "Delarna är självständiga; upphör den ena består den andra."
DISPUTE_TEXT = "Tvister löses i första hand genom samråd mellan parternas närmaste chefer."
VACATION_TEXT = "Semesterns förläggning stäms av mellan arbetsgivarna vid den årliga semesterplaneringen."

_SIX_MONTHS = "Vardera parten kan säga upp samverkansavtalet skriftligen med sex månaders varsel"
EXIT_TEXTS: dict[EmploymentModel, str] = {
    EmploymentModel.forenad_en_arbetsgivare: f"{_SIX_MONTHS}; parterna samråder först om tjänstgöringen.",
    EmploymentModel.forenad_tva_anstallningar: f"{_SIX_MONTHS}; parterna samråder först om anställningarna.",
    EmploymentModel.kombinationsanstallning: f"{_SIX_MONTHS}; anställningarna består var för sig.",
    EmploymentModel.tjanstekop: (
        "Vardera parten kan säga upp avtalet om köp av tjänst skriftligen med tre månaders varsel."
    ),
    EmploymentModel.adjungering: (
        "Adjungeringen upphör vid avtalstidens slut; vardera parten kan dessförinnan säga upp avtalet "
        "skriftligen med tre månaders varsel."
    ),
    EmploymentModel.kombinationsdoktorand: (
        "Avtalet upphör när examen har avlagts eller forskarutbildningen avbryts; parterna samråder innan."
    ),
    EmploymentModel.delad_tjanst_region_kommun: f"{_SIX_MONTHS}; anställningarna består var för sig.",
}
"""A suggested exit procedure per model (procedure.exit): a start for the parties, shown and editable."""

ADJUNCT_YEARS = 2
"""The suggested length of an adjungering: an adjunct lektor or adjunkt is appointed for at most two years at
a time, an adjunct professor for at most twelve in all (högskoleförordningen 4 kap. 11 §, as the rules
``legal_basis.adjunct_*`` say)."""

PAYMENT_TERMS_DAYS = 30
"""Suggested payment terms of an invoice between the employers (as in the shipped examples)."""


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
    if "vård" in lower or "klinik" in lower or "läkarhus" in lower:
        return EmployerKind.privat_vardgivare
    if lower.endswith((" ab", " ab (publ)")) or any(
        w in lower for w in ("aktiebolag", "verket", "myndighet")
    ):
        return EmployerKind.annan_arbetsgivare
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
    any_sector: bool = False,
) -> str | None:
    """Where a part is usually done when not at its employer: a clinical part of a lärosäte in health
    care, an academic part of a region or kommun at a lärosäte, the bought part of a service purchase.

    ``any_sector``: a teacher post may be förenad with an employment outside the university in any sector
    (högskoleförordningen 4 kap. 2 §, SFS 2025:667, from 2025-07-15), so in a förenad anställning the part
    of a lärosäte that is not a teacher post is done with the employer outside the university, whatever
    its kind; before that, only a clinical part in health care was."""
    kind = EmployerKind(employer["kind"])
    others = [e for e in employers if e["id"] != employer["id"]]
    outside = [e for e in others if not EmployerKind(e["kind"]).is_larosate]
    if position.is_clinical and kind.is_larosate:
        fitting = [e for e in others if EmployerKind(e["kind"]).is_health_care_principal]
        if any_sector and model in FORENAD_MODELS:
            fitting = fitting or outside
    elif any_sector and model in FORENAD_MODELS and kind.is_larosate and not position.is_academic:
        fitting = outside
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


def title(position: Position) -> str | None:
    """The position's Swedish name as its title (``Överläkare``): LAS 6 c § asks for the title or the
    duties. ``None`` for another position, whose name only the user knows."""
    from forenad.guided.texts import POSITIONS

    if position == Position.annan:
        return None
    name = POSITIONS[position].sv
    return name[:1].upper() + name[1:]


def first_of_next_month(today: dt.date) -> dt.date:
    return dt.date(today.year + today.month // 12, today.month % 12 + 1, 1)


def one_year_later(day: dt.date) -> dt.date:
    return years_later(day, 1)


def years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def end_date(model: EmploymentModel, start: dt.date) -> dt.date | None:
    """An adjungering is time-limited: two years from the start (the last day of the period)."""
    if model == EmploymentModel.adjungering:
        return years_later(start, ADJUNCT_YEARS) - dt.timedelta(days=1)
    return None


def part_end_date(form: EmploymentForm, start: dt.date) -> dt.date | None:
    """A part that is an adjungering ends after two years, like the adjungering model."""
    if form == EmploymentForm.adjungering:
        return years_later(start, ADJUNCT_YEARS) - dt.timedelta(days=1)
    return None


def any_sector(params: ParameterSet, on: dt.date) -> bool:
    """Whether on ``on`` a teacher post may be förenad with an employment outside the university in any
    sector (``valfri_sektor``, SFS 2025:667) rather than only with a clinical one (``klinisk``)."""
    from forenad.params import ParameterNotInForce

    try:
        return bool(params.at("forenad_annan_anstallning", on).value == "valfri_sektor")
    except ParameterNotInForce:
        return False


def forenad_law(params: ParameterSet, on: dt.date) -> Text | None:
    """What may be förenad on ``on`` (the teacher posts, and with what employment), with its source."""
    from forenad.guided.texts import POSITIONS
    from forenad.params import ParameterNotInForce

    try:
        titles = params.at("forenade_titlar", on)
    except ParameterNotInForce:
        return None
    sv = ", ".join(POSITIONS[Position(v)].sv for v in titles.value)
    en = ", ".join(POSITIONS[Position(v)].en for v in titles.value)
    if any_sector(params, on):
        with_what = t(
            "en anställning utanför högskolan i vilken sektor som helst",
            "an employment outside the university in any sector",
        )
    else:
        with_what = t("en klinisk anställning i hälso- och sjukvården", "a clinical post in health care")
    what = t(
        f"Den {on.isoformat()} får en anställning som {sv} förenas med {with_what.sv}",
        f"On {on.isoformat()} a post as {en} may be förenad with {with_what.en}",
    )
    return _source(titles, what)


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
