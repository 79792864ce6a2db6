"""The terms between the parties: work environment, rehabilitation, sick pay, termination and the rest."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from forenad.guided import defaults
from forenad.guided.parsing import choice, field_value, yes_no
from forenad.guided.reading import date_echo, date_value
from forenad.guided.state import State
from forenad.guided.texts import MESSAGES, SICK_PAY
from forenad.model import (
    Agreement,
    EmploymentModel,
    LinkedTermination,
    Procedure,
    Rehabilitation,
    SickPay,
    SickPayHandling,
    Vacation,
)


def ask_terms(state: State) -> None:
    _ask_work_environment(state)
    _ask_rehabilitation_and_sick_pay(state)
    _ask_termination(state)
    section = _text(state, "vacation.coordination", Vacation, defaults.VACATION_TEXT)
    if section:
        state.data["vacation"] = section
    review = state.asker.ask(
        "review_date",
        lambda raw: date_value(Agreement, "review_date", raw),
        default=defaults.one_year_later(state.data["start_date"]).isoformat(),
        optional=True,
        echo=date_echo,
    )
    if review is not None:
        state.data["review_date"] = review


def _ask_work_environment(state: State) -> None:
    """One responsible employer per workplace (AML 3 kap. 2 § and 12 §): where the work is led, by default."""
    ids = state.employer_ids
    workplaces: dict[str, str] = {}
    for part in state.parts:
        if "workplace" in part:
            workplaces.setdefault(part["workplace"], part.get("host", part["employer"]))
    duties = []
    for k, (workplace, led_by) in enumerate(workplaces.items(), start=1):
        responsible = state.asker.ask(
            f"work_environment.{k}.responsible",
            lambda raw: choice(raw, ids),
            pattern="work_environment.N.responsible",
            default=led_by,
            workplace=workplace,
        )
        duties.append({"workplace": workplace, "responsible": responsible})
    if duties:
        state.data["work_environment"] = duties


def _ask_rehabilitation_and_sick_pay(state: State) -> None:
    ask = state.asker
    ids = state.employer_ids
    employing = state.employing_ids
    lead = ask.ask(
        "rehabilitation.lead",
        lambda raw: choice(raw, ids),
        default=str(state.data.get("main_employer") or employing[0]),
    )
    rehabilitation: dict[str, Any] = {"lead": lead}
    rehabilitation.update(_text(state, "rehabilitation.cooperation", Rehabilitation))
    state.data["rehabilitation"] = rehabilitation

    if state.model == EmploymentModel.tjanstekop:
        usual = SickPayHandling.enligt_tjanstekopsavtal
    elif len(employing) == 1:
        usual = SickPayHandling.huvudarbetsgivaren
    else:
        usual = SickPayHandling.varje_arbetsgivare
    ask.options(MESSAGES["options"], [(h.value, SICK_PAY[h]) for h in SickPayHandling])
    handlings = [h.value for h in SickPayHandling]
    handling = ask.ask(
        "sick_pay.handling",
        lambda raw: field_value(SickPay, "handling", choice(raw, handlings)),
        default=usual.value,
    )
    state.data["sick_pay"] = {"handling": handling}

    if len(employing) > 1:
        reported = ask.ask("secondary_employment.reported", yes_no, default=state.yes_no_default(True))
        if reported:
            state.data["secondary_employment"] = {"reported_to": employing}


def _ask_termination(state: State) -> None:
    ask = state.asker
    usual = state.model in defaults.LINKED_BY_DEFAULT
    linked = ask.ask("linked_termination.linked", yes_no, default=state.yes_no_default(usual))
    assert linked is not None
    termination: dict[str, Any] = {"linked": linked}
    text = defaults.LINKED_TEXT if linked else defaults.INDEPENDENT_TEXT
    termination.update(_text(state, "linked_termination.description", LinkedTermination, text))
    state.data["linked_termination"] = termination

    procedure = _text(state, "procedure.exit", Procedure, defaults.EXIT_TEXTS[state.model])
    procedure.update(_text(state, "procedure.dispute", Procedure, defaults.DISPUTE_TEXT))
    if procedure:
        state.data["procedure"] = procedure


def _text(state: State, key: str, model: type[BaseModel], default: str | None = None) -> dict[str, Any]:
    """An optional free-text field as ``{name: text}``, or ``{}`` when left out."""
    name = key.rsplit(".", 1)[1]
    value = state.asker.ask(key, lambda raw: field_value(model, name, raw), default=default, optional=True)
    return {} if value is None else {name: value}
