"""The interview: the questions in order, each answer validated at once, the whole agreement at the end."""

from __future__ import annotations

import datetime as dt
import re

from pydantic import ValidationError

from forenad.errors import InputError
from forenad.guided import defaults
from forenad.guided.asking import Asker
from forenad.guided.doctoral import ask_doctoral_studies
from forenad.guided.invoicing import ask_invoicing
from forenad.guided.parsing import Invalid, choice, count, error_text, field_value
from forenad.guided.posts import ask_parts
from forenad.guided.reading import date_echo, date_value
from forenad.guided.state import State
from forenad.guided.terms import ask_terms
from forenad.guided.texts import (
    DEFAULT_TITLES,
    KINDS,
    KNOWN_ORGANISATIONS,
    MESSAGES,
    MODELS,
    UNCHECKED_ORGNR,
    KnownOrganisation,
)
from forenad.model import Agreement, Employer, EmployerKind, EmploymentModel, Person
from forenad.model.messages import translate
from forenad.model.paths import dotted
from forenad.model.types import Personnummer
from forenad.params import ParameterSet

MAX_COUNT = 10


class AgreementInvalid(Exception):
    """The answers, each valid, do not make a valid agreement together."""

    def __init__(self, errors: list[InputError]) -> None:
        super().__init__("; ".join(e.message("en") for e in errors))
        self.errors = errors


def interview(asker: Asker, params: ParameterSet, today: dt.date) -> Agreement:
    """Ask every question and return the validated agreement.

    Raises :class:`~forenad.guided.asking.OutOfAnswers` when the input ends, and :class:`AgreementInvalid`
    when the whole agreement does not validate.
    """
    state = State(asker, params, today)
    asker.say(MESSAGES["intro"])
    _ask_model(state)
    _ask_employers(state)
    _ask_person(state)
    _ask_dates(state)
    ask_parts(state)
    ask_invoicing(state)
    ask_doctoral_studies(state)
    ask_terms(state)
    return validate(state.data)


def validate(data: dict[str, object]) -> Agreement:
    try:
        return Agreement.model_validate(data)
    except ValidationError as exc:
        errors = [
            InputError(dotted(err["loc"]), None, translate(err, Agreement), str(err["type"]))
            for err in exc.errors(include_url=False)
        ]
        raise AgreementInvalid(errors) from None


def _ask_model(state: State) -> None:
    ask = state.asker
    values = [m.value for m in EmploymentModel]
    ask.options(MESSAGES["models"], [(m.value, MODELS[m]) for m in EmploymentModel])
    model = ask.ask("model", lambda raw: field_value(Agreement, "model", choice(raw, values)), default="1")
    state.data["model"] = model
    state.data["id"] = ask.ask(
        "id", lambda raw: field_value(Agreement, "id", raw), default=f"AVTAL-{state.today:%Y%m%d}"
    )
    state.data["title"] = ask.ask(
        "title", lambda raw: field_value(Agreement, "title", raw), default=DEFAULT_TITLES[state.model]
    )


def _ask_employers(state: State) -> None:
    ask = state.asker
    how_many = ask.ask("employers.count", lambda raw: count(raw, MAX_COUNT), default="2")
    assert how_many is not None
    ask.options(
        MESSAGES["organisations"],
        [
            (o.name, o.organisationsnummer + ("" if o.verified else f", {MESSAGES['unchecked'](ask.lang)}"))
            for o in KNOWN_ORGANISATIONS
        ],
    )
    for n in range(1, how_many + 1):
        _ask_employer(state, n)
    ids = state.employer_ids
    main = ask.ask(
        "main_employer",
        lambda raw: choice(raw, ids),
        default=defaults.main_employer(state.model, state.employers),
        optional=True,
    )
    if main is not None:
        state.data["main_employer"] = main


def _organisation(raw: str) -> tuple[str, KnownOrganisation | None]:
    text = raw.strip()
    if text.isascii() and text.isdigit():
        names = [o.name for o in KNOWN_ORGANISATIONS]
        picked = choice(text, names)
        return picked, KNOWN_ORGANISATIONS[names.index(picked)]
    for known in KNOWN_ORGANISATIONS:
        if known.name.casefold() == text.casefold():
            return known.name, known
    return str(field_value(Employer, "name", text)), None


def _ask_employer(state: State, n: int) -> None:
    ask = state.asker
    answer = ask.ask(f"employer.{n}.name", _organisation, pattern="employer.N.name", n=n)
    assert answer is not None
    name, known = answer
    if known is not None and not known.verified:
        ask.say(f"  {UNCHECKED_ORGNR(ask.lang)}", style="yellow")
    orgnr = ask.ask(
        f"employer.{n}.organisationsnummer",
        lambda raw: field_value(Employer, "organisationsnummer", raw),
        pattern="employer.N.organisationsnummer",
        default=known.organisationsnummer if known else None,
        optional=True,
        name=name,
    )
    kinds = [k.value for k in EmployerKind]
    ask.options(MESSAGES["options"], [(k.value, KINDS[k]) for k in EmployerKind])
    guessed = known.kind if known else defaults.guess_kind(name)
    kind = ask.ask(
        f"employer.{n}.kind",
        lambda raw: field_value(Employer, "kind", choice(raw, kinds)),
        pattern="employer.N.kind",
        default=guessed.value if guessed else None,
        name=name,
    )
    taken = state.employer_ids
    employer_id = ask.ask(
        f"employer.{n}.id",
        lambda raw: _new_id(raw, taken),
        pattern="employer.N.id",
        default=defaults.unique(known.id if known else defaults.slug(name, f"arbetsgivare-{n}"), taken),
        name=name,
    )
    employer: dict[str, object] = {"id": employer_id, "name": name, "kind": kind}
    if orgnr is not None:
        employer["organisationsnummer"] = orgnr
    state.employers.append(employer)


def _new_id(raw: str, taken: list[str]) -> str:
    employer_id = str(field_value(Employer, "id", raw))
    if employer_id in taken:
        raise Invalid(error_text("duplicate_id", ref=employer_id))
    return employer_id


_YEAR = re.compile(r"[0-9]{4}")


def _birth(raw: str) -> tuple[str, object]:
    text = raw.strip()
    if _YEAR.fullmatch(text):
        return "birth_year", field_value(Person, "birth_year", text)
    return "personnummer", field_value(Person, "personnummer", text)


def _ask_person(state: State) -> None:
    ask = state.asker
    person: dict[str, object] = {"name": ask.ask("person.name", lambda raw: field_value(Person, "name", raw))}
    birth = ask.ask("person.birth", _birth, optional=True, secret=True)
    if birth is not None:
        field_name, value = birth
        person[field_name] = value
        if isinstance(value, Personnummer):
            ask.say(MESSAGES["masked"].format(value=value.masked()))
    profession = ask.ask(
        "person.profession", lambda raw: field_value(Person, "profession", raw), optional=True
    )
    if profession is not None:
        person["profession"] = profession
    state.data["person"] = person


def _ask_dates(state: State) -> None:
    ask = state.asker
    start = ask.ask(
        "start_date",
        lambda raw: date_value(Agreement, "start_date", raw),
        default=defaults.first_of_next_month(state.today).isoformat(),
        echo=date_echo,
    )
    assert isinstance(start, dt.date)
    state.data["start_date"] = start

    def end_date(raw: str) -> dt.date:
        end = date_value(Agreement, "end_date", raw)
        if end < start:
            raise Invalid(error_text("end_before_start", end=end.isoformat(), start=start.isoformat()))
        return end

    suggested = defaults.end_date(state.model, start)
    end = ask.ask(
        "end_date",
        end_date,
        default=suggested.isoformat() if suggested else None,
        optional=True,
        echo=date_echo,
    )
    if end is not None:
        state.data["end_date"] = end
