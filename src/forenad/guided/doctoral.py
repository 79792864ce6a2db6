"""The doctoral studies of a kombinationsdoktorand (``doctoral_studies``): what the lärosäte needs to admit
someone financed by an employment rather than a doctoral post (högskoleförordningen 7 kap. 36 §).

Financing must be secured for the whole education and the study share must let it finish within eight
years (four for a licentiate). The suggested ``financing_until`` is the day ``forenad check`` computes for
the study share (the doctoral parts' extent) from the admission, or the start when the admission date is not
given (the fact ``doctoral_financing_needed_until``), so accepting it never makes the check's
``legal_basis.doctoral_financing_short`` error; a study share too low to finish in time is said at once.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from forenad.guided.parsing import Invalid, choice, field_value, yes_no
from forenad.guided.reading import date_echo, date_value, shown
from forenad.guided.state import State
from forenad.guided.texts import DEGREES, MESSAGES
from forenad.model import Degree, DoctoralStudies, EmployerKind, EmploymentModel, Position


def ask_doctoral_studies(state: State) -> None:
    if state.model != EmploymentModel.kombinationsdoktorand:
        return
    ask = state.asker
    larosaten = [str(e["id"]) for e in state.employers if EmployerKind(e["kind"]).is_larosate]
    if not larosaten:
        ask.say(MESSAGES["doctoral_without_larosate"], style="yellow")
        return
    hosts = [p.get("host") for p in state.parts if p["position"] == Position.doktorand.value]
    usual = [h for h in hosts if h in larosaten] + larosaten
    studies: dict[str, Any] = {
        "larosate": ask.ask("doctoral_studies.larosate", lambda raw: choice(raw, larosaten), default=usual[0])
    }
    ask.options(MESSAGES["options"], [(d.value, DEGREES[d]) for d in Degree])
    degrees = [d.value for d in Degree]
    studies["degree"] = ask.ask(
        "doctoral_studies.degree",
        lambda raw: field_value(DoctoralStudies, "degree", choice(raw, degrees)),
        default=Degree.doktorsexamen.value,
    )
    admitted = ask.ask(
        "doctoral_studies.admitted_on",
        lambda raw: date_value(DoctoralStudies, "admitted_on", raw),
        optional=True,
        echo=date_echo,
    )
    if admitted is not None:
        studies["admitted_on"] = admitted
    state.data["doctoral_studies"] = studies
    _ask_financing(state, studies)
    _ask_supervision(state, studies)


def _ask_financing(state: State, studies: dict[str, Any]) -> None:
    ask = state.asker
    facts = state.facts()
    needed = facts.get("doctoral_financing_needed_until")
    years, most = facts.get("doctoral_years_needed"), facts.get("doctoral_max_years")
    if years is not None and most is not None and years > most:
        share = facts.get("doctoral_study_share", 0)
        figures = {k: shown(Decimal(str(v)), ask.lang) for k, v in (("share", share), ("years", years))}
        ask.say(MESSAGES["study_share_too_low"].format(most=most, **figures)(ask.lang), "yellow")
    financing = ask.ask(
        "doctoral_studies.financing_until",
        lambda raw: _financing_until(raw, studies),
        default=str(needed) if needed else None,
        optional=True,
        echo=date_echo,
    )
    if financing is not None:
        studies["financing_until"] = financing


def _financing_until(raw: str, studies: dict[str, Any]) -> dt.date:
    until = date_value(DoctoralStudies, "financing_until", raw)
    admitted: dt.date | None = studies.get("admitted_on")
    if admitted is not None and until < admitted:
        raise Invalid(MESSAGES["financing_before_admission"].format(admitted=admitted.isoformat()))
    return until


def _ask_supervision(state: State, studies: dict[str, Any]) -> None:
    ask = state.asker
    supervisors = ask.ask("doctoral_studies.supervisors", _supervisors, optional=True)
    if supervisors:
        studies["supervisors"] = supervisors
    studies["individual_study_plan"] = ask.ask(
        "doctoral_studies.individual_study_plan", yes_no, default=state.yes_no_default(True)
    )


def _supervisors(raw: str) -> list[str]:
    """Names separated by semicolons, or by commas when there is no semicolon; the main supervisor first."""
    names = [name.strip() for name in raw.split(";" if ";" in raw else ",")]
    if any(not name for name in names):
        raise Invalid(MESSAGES["supervisors"])
    value: list[str] = field_value(DoctoralStudies, "supervisors", names)
    return value
