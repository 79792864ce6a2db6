"""The parts of the post: employer, position, extent, salary, working time, workplace and who pays."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from forenad.guided import defaults
from forenad.guided.parsing import Invalid, choice, count, error_text, field_value
from forenad.guided.reading import (
    Unit,
    date_echo,
    date_value,
    decimal_value,
    number_echo,
    shown,
    whole_number,
)
from forenad.guided.state import State
from forenad.guided.texts import EMPLOYMENT_FORMS, MESSAGES, POSITIONS, WORKING_TIME_FORMS
from forenad.model import (
    Agreement,
    EmploymentForm,
    EmploymentModel,
    NoticeTerms,
    Part,
    Position,
    WorkingTime,
    WorkingTimeForm,
)
from forenad.presentation.formatting import format_value

MAX_PARTS = 10
_PAID_BY_HOST = frozenset({EmploymentModel.forenad_en_arbetsgivare, EmploymentModel.tjanstekop})


def ask_parts(state: State) -> None:
    ask = state.asker
    how_many = ask.ask("parts.count", lambda raw: count(raw, MAX_PARTS), default="2")
    assert how_many is not None
    ask.options(MESSAGES["positions"], [(p.value, POSITIONS[p]) for p in Position])
    if state.model in defaults.FORENAD_MODELS:
        law = defaults.forenad_law(state.params, state.data["start_date"])
        if law is not None:
            ask.say(f"  {law(ask.lang)}", style="dim")
    shares: list[dict[str, Any]] = []
    for n in range(1, how_many + 1):
        part, payer = _ask_part(state, n, how_many)
        state.parts.append(part)
        shares.append({"part": n - 1, "payer": payer, "share_percent": Decimal(100)})
    state.data["cost_settlement"] = {"shares": shares}
    total = sum((p["extent_percent"] for p in state.parts), Decimal(0))
    suggested = min(total, Decimal(100))
    state.data["total_extent_percent"] = ask.ask(
        "total_extent_percent",
        lambda raw: decimal_value(Agreement, "total_extent_percent", raw, Unit.percent, ask.lang),
        default=shown(suggested, ask.lang),
        echo=number_echo(ask.lang),
    )
    _ask_notice(state)


def _ask_part(state: State, n: int, how_many: int) -> tuple[dict[str, Any], str]:
    ask = state.asker
    ids = state.employer_ids
    main = state.data.get("main_employer")
    if state.model in defaults.ONE_EMPLOYING_EMPLOYER and main is not None:
        default_employer = str(main)
    else:
        default_employer = ids[min(n, len(ids)) - 1]
    employer_id = ask.ask(
        f"part.{n}.employer",
        lambda raw: choice(raw, ids),
        pattern="part.N.employer",
        default=default_employer,
        n=n,
    )
    assert employer_id is not None
    employer = state.employer(employer_id)
    positions = [p.value for p in Position]
    position = ask.ask(
        f"part.{n}.position",
        lambda raw: field_value(Part, "position", choice(raw, positions)),
        pattern="part.N.position",
        n=n,
    )
    assert isinstance(position, Position)
    part: dict[str, Any] = {"employer": employer_id, "position": position.value}

    others = [i for i in ids if i != employer_id]
    host = None
    if others:
        any_sector = defaults.any_sector(state.params, state.data["start_date"])
        host = ask.ask(
            f"part.{n}.host",
            lambda raw: choice(raw, others),
            pattern="part.N.host",
            default=defaults.host(state.model, n, employer, position, state.employers, any_sector),
            optional=True,
            n=n,
        )
    if host is not None:
        part["host"] = host
    _optional(state, part, n, "title", Part, default=defaults.title(position))
    _ask_employment_form(state, part, n, position)
    so_far = sum((p["extent_percent"] for p in state.parts), Decimal(0))
    suggested = defaults.extent(n, how_many, so_far)
    part["extent_percent"] = ask.ask(
        f"part.{n}.extent_percent",
        lambda raw: decimal_value(Part, "extent_percent", raw, Unit.percent, ask.lang),
        pattern="part.N.extent_percent",
        default=shown(suggested, ask.lang) if suggested is not None else None,
        echo=number_echo(ask.lang),
        n=n,
    )
    part["monthly_salary"] = ask.ask(
        f"part.{n}.monthly_salary",
        lambda raw: decimal_value(Part, "monthly_salary", raw, Unit.kronor, ask.lang),
        pattern="part.N.monthly_salary",
        echo=number_echo(ask.lang),
        n=n,
    )
    _ask_working_time(state, part, n, employer_id, position)
    _optional(state, part, n, "workplace", Part, default=state.employer(host or employer_id)["name"])
    paid_by = host if host is not None and state.model in _PAID_BY_HOST else employer_id
    payer = ask.ask(
        f"part.{n}.payer", lambda raw: choice(raw, ids), pattern="part.N.payer", default=paid_by, n=n
    )
    assert payer is not None
    return part, payer


def _ask_employment_form(state: State, part: dict[str, Any], n: int, position: Position) -> None:
    """The form of employment and, for a fixed-term part of an agreement without an end date, the part's
    end (LAS 6 c § asks for it; an adjungering ends after two years by default)."""
    ask = state.asker
    if n == 1:
        ask.options(MESSAGES["options"], [(f.value, EMPLOYMENT_FORMS[f]) for f in EmploymentForm])
    forms = [f.value for f in EmploymentForm]
    form = ask.ask(
        f"part.{n}.employment_form",
        lambda raw: field_value(Part, "employment_form", choice(raw, forms)),
        pattern="part.N.employment_form",
        default=defaults.employment_form(state.model, position).value,
        n=n,
    )
    assert isinstance(form, EmploymentForm)
    part["employment_form"] = form
    if not form.is_fixed_term or "end_date" in state.data:
        return
    start: dt.date = state.data["start_date"]

    def end_date(raw: str) -> dt.date:
        end = date_value(Part, "end_date", raw)
        if end < start:
            raise Invalid(error_text("end_before_start", end=end.isoformat(), start=start.isoformat()))
        return end

    suggested = defaults.part_end_date(form, start)
    end = ask.ask(
        f"part.{n}.end_date",
        end_date,
        pattern="part.N.end_date",
        default=suggested.isoformat() if suggested else None,
        optional=True,
        echo=date_echo,
        n=n,
    )
    if end is not None:
        part["end_date"] = end


def _ask_notice(state: State) -> None:
    """The notice periods of each open-ended part whose notice the check cannot set from reviewed values on
    the start date (AB 24 § 33 is not reviewed): the negotiator has the collective agreement at hand."""
    ask = state.asker
    said = False
    for i, found in enumerate(state.facts().get("parts", [])):
        if not found.get("notice_undetermined"):
            continue
        n, part = i + 1, state.parts[i]
        if not said:
            agreement = format_value(found.get("collective_agreement"), "", ask.lang)
            ask.say(MESSAGES["notice_unknown"].format(agreement=agreement)(ask.lang), style="dim")
            said = True
        notice: dict[str, int] = {}
        for who in ("employer_months", "employee_months"):

            def months_of(raw: str, who: str = who) -> int:
                value: int = field_value(NoticeTerms, who, whole_number(raw, Unit.months, ask.lang))
                return value

            months = ask.ask(
                f"part.{n}.notice.{who}",
                months_of,
                pattern=f"part.N.notice.{who}",
                optional=True,
                n=n,
                employer=state.employer(part["employer"])["name"],
            )
            if months is not None:
                notice[who] = months
        if notice:
            part["notice"] = notice


def _ask_working_time(
    state: State, part: dict[str, Any], n: int, employer_id: str, position: Position
) -> None:
    ask = state.asker
    kind = state.kind(employer_id)
    if n == 1:
        ask.options(MESSAGES["options"], [(f.value, WORKING_TIME_FORMS[f]) for f in WorkingTimeForm])
    forms = [f.value for f in WorkingTimeForm]
    form = ask.ask(
        f"part.{n}.working_time",
        lambda raw: field_value(WorkingTime, "form", choice(raw, forms)),
        pattern="part.N.working_time",
        default=defaults.working_time_form(kind, position).value,
        optional=True,
        n=n,
    )
    if form is None:
        return
    suggestion = defaults.full_time(
        state.params, state.data["start_date"], form, kind, position, state.birth_year
    )
    if suggestion is not None:
        ask.say(MESSAGES["default_source"].format(source=suggestion.source(ask.lang)), style="dim")
    unit = MESSAGES["hours_week" if form == WorkingTimeForm.weekly_hours else "hours_year"](ask.lang)
    hours = ask.ask(
        f"part.{n}.full_time_hours",
        lambda raw: decimal_value(WorkingTime, "full_time_hours", raw, Unit.hours, ask.lang),
        pattern="part.N.full_time_hours",
        default=shown(suggestion.hours, ask.lang) if suggestion is not None else None,
        echo=number_echo(ask.lang),
        n=n,
        unit=unit,
    )
    part["working_time"] = {"form": form.value, "full_time_hours": hours}


def _optional(
    state: State, part: dict[str, Any], n: int, name: str, model: type[Part], default: str | None = None
) -> None:
    value = state.asker.ask(
        f"part.{n}.{name}",
        lambda raw: field_value(model, name, raw),
        pattern=f"part.N.{name}",
        default=default,
        optional=True,
        n=n,
    )
    if value is not None:
        part[name] = value
