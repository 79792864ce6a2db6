"""The agreement model: one person, the employers, the parts of the post and the terms between them.

Every model forbids unknown fields. Cross-references (a part's employer, the main employer, the payer of a
cost share) are checked after the fields, with errors located at the referring field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    ValidationError,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from forenad.model.enums import (
    CollectiveAgreement,
    Degree,
    EmployerKind,
    EmploymentForm,
    EmploymentModel,
    IntellectualPropertyOwner,
    InvoicingBasis,
    InvoicingPeriod,
    PensionScheme,
    Position,
    SickPayHandling,
    WorkingTimeForm,
)
from forenad.model.privacy import masked_error
from forenad.model.types import Hours, Kronor, Organisationsnummer, Percent, Personnummer, Surcharge

EmployerId = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$",
        description="Kort id som delarna hänvisar till, t.ex. 'uu' eller 'region-uppsala'.",
    ),
]
Name = Annotated[str, Field(min_length=1, max_length=200)]
FreeText = Annotated[str, Field(min_length=1, max_length=20_000)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_default=False)


class Person(_Model):
    """The person who holds the post."""

    name: Name = Field(description="Namn.")
    personnummer: Personnummer | None = Field(
        default=None, description="Personnummer ÅÅÅÅMMDD-NNNN; kontrollsiffran prövas. Maskeras i utskrifter."
    )
    birth_year: int | None = Field(
        default=None,
        ge=1900,
        le=2100,
        description="Födelseår, om personnummer saknas (styr pension, semester och avgifter).",
    )
    profession: Name | None = Field(default=None, description="Yrke, t.ex. 'läkare' eller 'sjuksköterska'.")
    licensed: bool | None = Field(default=None, description="Legitimation i yrket.")
    specialist: Name | None = Field(default=None, description="Specialitet, t.ex. 'kardiologi'.")
    doctorate: bool | None = Field(default=None, description="Doktorsexamen.")
    address: Name | None = Field(
        default=None,
        description="Postadress (anställningsbeviset); kan lämnas till den slutliga versionen.",
    )

    @model_validator(mode="wrap")
    @classmethod
    def _no_number_in_errors(cls, data: Any, handler: ModelWrapValidatorHandler[Person]) -> Person:
        try:
            return handler(data)
        except ValidationError as exc:
            raise masked_error(exc) from None

    @model_validator(mode="after")
    def _birth_year_matches(self) -> Person:
        if self.personnummer is not None and self.birth_year is not None:
            derived = self.personnummer.birth_date.year
            if derived != self.birth_year:
                raise _located(
                    "Person",
                    [
                        (
                            "birth_year",
                            "birth_year_mismatch",
                            "birth year {given} does not match the personnummer",
                            {"given": self.birth_year},
                            self.birth_year,
                        )
                    ],
                )
        return self

    @property
    def effective_birth_year(self) -> int | None:
        if self.personnummer is not None:
            return int(self.personnummer.birth_date.year)
        return self.birth_year


class Employer(_Model):
    """An organisation that employs the person, hosts the work or buys time."""

    id: EmployerId
    name: Name = Field(description="Organisationens namn.")
    organisationsnummer: Organisationsnummer | None = Field(default=None, description="NNNNNN-NNNN.")
    kind: EmployerKind = Field(description="Slag av arbetsgivare.")
    address: Name | None = Field(default=None, description="Postadress (anställningsbeviset).")
    collective_agreement: CollectiveAgreement | None = Field(
        default=None, description="Kollektivavtal; utelämnat: följer av arbetsgivarens slag."
    )
    collective_agreement_name: Name | None = Field(
        default=None,
        description="Kollektivavtalets namn och parter när kollektivavtalet är 'annat' "
        "(anställningsbeviset anger dem).",
    )
    pension_scheme: PensionScheme | None = Field(
        default=None, description="Tjänstepension; utelämnad: följer av slag och födelseår."
    )
    overhead_percent: Surcharge | None = Field(
        default=None, description="PO-pålägg/lönekostnadspålägg i procent; ersätter standardvärdet."
    )


class WorkingTime(_Model):
    """How working time is measured for a part, and the full-time measure under that employer."""

    form: WorkingTimeForm = Field(description="weekly_hours (timmar/vecka) eller annual_hours (timmar/år).")
    full_time_hours: Hours = Field(description="Heltidsmåttet: timmar per vecka eller per år vid 100 %.")


class NoticeTerms(_Model):
    """Notice periods agreed for a part, when they differ from what law and agreement give."""

    employer_months: int | None = Field(
        default=None, ge=0, le=24, description="Arbetsgivarens uppsägningstid."
    )
    employee_months: int | None = Field(
        default=None, ge=0, le=24, description="Arbetstagarens uppsägningstid."
    )


class Part(_Model):
    """One part of the post: one role, with one employer."""

    employer: EmployerId = Field(
        description="Id för arbetsgivaren som anställer (och betalar lön) för delen."
    )
    host: EmployerId | None = Field(
        default=None, description="Id för organisationen där arbetet utförs och leds, om den är en annan."
    )
    position: Position = Field(description="Befattning.")
    title: Name | None = Field(default=None, description="Befattningens benämning i klartext.")
    subject: Name | None = Field(default=None, description="Ämne eller verksamhetsområde.")
    duties: FreeText | None = Field(default=None, description="Huvudsakliga arbetsuppgifter.")
    extent_percent: Percent = Field(description="Omfattning i procent av heltid, över 0 och högst 100.")
    monthly_salary: Kronor = Field(description="Månadslön i kronor för delen, vid dess omfattning.")
    working_time: WorkingTime | None = None
    workplace: Name | None = Field(default=None, description="Arbetsplats.")
    manager: Name | None = Field(default=None, description="Närmaste chef.")
    employment_form: EmploymentForm = Field(
        default=EmploymentForm.tillsvidare, description="Anställningsform."
    )
    start_date: dt.date | None = Field(default=None, description="Startdatum; utelämnat: avtalets.")
    end_date: dt.date | None = Field(default=None, description="Slutdatum för tidsbegränsad del.")
    employed_since: dt.date | None = Field(
        default=None, description="Anställd hos arbetsgivaren sedan (för uppsägningstid enligt LAS)."
    )
    notice: NoticeTerms | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> Part:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise _located(
                "Part",
                [
                    (
                        "end_date",
                        "end_before_start",
                        "the end date {end} is before the start date {start}",
                        {"end": self.end_date.isoformat(), "start": self.start_date.isoformat()},
                        self.end_date,
                    )
                ],
            )
        return self


class CostShare(_Model):
    """Who pays how much of a part's salary cost."""

    part: int = Field(
        ge=0,
        description="Delens plats i listan 'parts', räknat från 0: Del 1 är 0, Del 2 är 1 och så vidare.",
    )
    payer: EmployerId = Field(description="Id för arbetsgivaren som bär kostnaden.")
    share_percent: Percent = Field(description="Andel av delens lönekostnad i procent.")


class Invoicing(_Model):
    """Invoicing between the employers (tjänsteköp or reimbursement)."""

    seller: EmployerId = Field(description="Id för den som fakturerar (arbetsgivaren).")
    buyer: EmployerId = Field(description="Id för den som köper tid och betalar fakturan.")
    basis: InvoicingBasis = Field(description="Prisgrund.")
    share_percent: Percent | None = Field(default=None, description="Andel av heltid som köps.")
    overhead_percent: Surcharge | None = Field(default=None, description="Pålägg på lönen i procent.")
    price: Kronor | None = Field(default=None, description="Fast pris per period, eller timpris.")
    period: InvoicingPeriod = Field(description="Faktureringsperiod.")
    payment_terms_days: int = Field(ge=0, le=365, description="Betalningsvillkor i dagar.")


class CostSettlement(_Model):
    shares: list[CostShare] = Field(
        default_factory=list, description="Vem som bär vilken del av lönekostnaden."
    )
    invoicing: Invoicing | None = None
    notes: FreeText | None = None


class WorkEnvironmentDuty(_Model):
    """Who has the work-environment responsibility at a workplace (AML 3 kap. 2 § and 12 §)."""

    workplace: Name
    responsible: EmployerId
    note: FreeText | None = None


class Rehabilitation(_Model):
    lead: EmployerId = Field(description="Id för arbetsgivaren som leder rehabiliteringen.")
    cooperation: FreeText | None = Field(default=None, description="Hur den andra arbetsgivaren medverkar.")


class SickPay(_Model):
    handling: SickPayHandling
    note: FreeText | None = None


class LinkedTermination(_Model):
    """What happens to one part when the other ends."""

    linked: bool = Field(description="Upphör delarna tillsammans?")
    description: FreeText | None = Field(default=None, description="Hur, och med vilken varsel.")


class Procedure(_Model):
    """When it does not work: disputes and how to leave the arrangement."""

    dispute: FreeText | None = Field(default=None, description="Hur tvister löses.")
    exit: FreeText | None = Field(default=None, description="Hur arrangemanget avslutas.")


class Vacation(_Model):
    """How vacation is coordinated between the employments."""

    coordination: FreeText | None = Field(
        default=None, description="Hur semesterns förläggning samordnas mellan arbetsgivarna."
    )


class SecondaryEmployment(_Model):
    """Bisyssla: whether each employer has been told of the other employment (LOA 7 §, AB § 8)."""

    reported_to: list[EmployerId] = Field(default_factory=list)
    note: FreeText | None = None


class DoctoralStudies(_Model):
    """Doctoral studies inside an employment (kombinationsdoktorand): what the lärosäte needs to admit the
    person with other financing than a doctoral post (högskoleförordningen 7 kap. 36 §)."""

    larosate: EmployerId = Field(description="Id för lärosätet som antar personen till forskarutbildning.")
    degree: Degree = Field(default=Degree.doktorsexamen, description="Examen som utbildningen leder till.")
    admitted_on: dt.date | None = Field(
        default=None, description="Datum för antagning; utelämnat: antagningen är ett villkor för avtalet."
    )
    financing_until: dt.date | None = Field(
        default=None, description="Finansieringen är säkrad till och med detta datum."
    )
    supervisors: list[Name] = Field(default_factory=list, description="Handledare, huvudhandledaren först.")
    individual_study_plan: bool | None = Field(
        default=None, description="En individuell studieplan är upprättad (eller upprättas vid antagningen)."
    )


class IntellectualProperty(_Model):
    """Who holds the rights to results of the work, and what use the other parties may make of them."""

    owner: IntellectualPropertyOwner = Field(
        description="Vem som har rätten till resultat: enligt_lag (lärarundantaget för lärare vid "
        "lärosätet, annars arbetsgivarens rätt enligt lag och kollektivavtal), arbetstagaren, arbetsgivaren "
        "(den part i vars verksamhet resultatet uppstår) eller sarskilt_avtal."
    )
    right_of_use: bool | None = Field(
        default=None,
        description="De andra parterna får en kostnadsfri, icke-exklusiv rätt att använda resultaten i sin "
        "egen verksamhet (utbildning, forskning, vård).",
    )
    note: FreeText | None = Field(
        default=None, description="Till exempel vilket särskilt avtal som gäller, eller undantag."
    )


class Signatory(_Model):
    name: Name
    role: Name | None = None
    party: EmployerId = Field(description="Arbetsgivarens id, eller 'person' för arbetstagaren.")


class Clause(_Model):
    heading: Name
    text: FreeText


class Agreement(_Model):
    """A joint-employment agreement: the file a negotiator writes and forenad checks and drafts."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        title="forenad agreement",
        json_schema_extra={"$comment": "forenad: avtal om förenad anställning eller kombinationstjänst"},
    )

    id: Name = Field(description="Avtalets id, t.ex. diarienummer.")
    title: Name = Field(description="Avtalets rubrik.")
    model: EmploymentModel = Field(description="Anställningsmodell.")
    person: Person
    employers: list[Employer] = Field(min_length=1, description="Arbetsgivare och andra parter.")
    parts: list[Part] = Field(
        min_length=1,
        description="Tjänstens delar, en per roll och arbetsgivare; i meddelanden och dokument heter de "
        "Del 1, Del 2 … i den här ordningen (i sökvägar parts.0, parts.1 …).",
    )
    main_employer: EmployerId | None = Field(default=None, description="Huvudarbetsgivare, där det finns en.")
    total_extent_percent: Percent | None = Field(
        default=None, description="Total omfattning i procent; delarna ska summera till den."
    )
    start_date: dt.date = Field(description="Avtalets startdatum.")
    end_date: dt.date | None = Field(default=None, description="Avtalets slutdatum, om det är tidsbegränsat.")
    review_date: dt.date | None = Field(default=None, description="Datum för uppföljning.")
    cost_settlement: CostSettlement | None = None
    work_environment: list[WorkEnvironmentDuty] = Field(default_factory=list)
    rehabilitation: Rehabilitation | None = None
    sick_pay: SickPay | None = None
    vacation: Vacation | None = None
    secondary_employment: SecondaryEmployment | None = None
    linked_termination: LinkedTermination | None = None
    procedure: Procedure | None = None
    doctoral_studies: DoctoralStudies | None = Field(
        default=None, description="Forskarutbildningen (modellen kombinationsdoktorand)."
    )
    intellectual_property: IntellectualProperty | None = Field(
        default=None, description="Immateriella rättigheter: vem som har rätten till resultat."
    )
    signatories: list[Signatory] = Field(default_factory=list)
    clauses: list[Clause] = Field(default_factory=list)

    @model_validator(mode="wrap")
    @classmethod
    def _no_number_in_errors(cls, data: Any, handler: ModelWrapValidatorHandler[Agreement]) -> Agreement:
        """Errors whose input holds a personnummer show it masked (:mod:`forenad.model.privacy`)."""
        try:
            return handler(data)
        except ValidationError as exc:
            raise masked_error(exc) from None

    @model_validator(mode="after")
    def _references_and_dates(self) -> Agreement:
        ids = [e.id for e in self.employers]
        known = set(ids)
        problems = _duplicate_ids(ids)
        for loc, value in self._references():
            if isinstance(value, int):
                if value >= len(self.parts):
                    problems.append(_unknown_part(loc, value, len(self.parts)))
            elif value is not None and value not in known:
                problems.append(_unknown_employer(loc, value, ids))
        if self.end_date and self.end_date < self.start_date:
            problems.append(
                (
                    ("end_date",),
                    "end_before_start",
                    "the end date {end} is before the start date {start}",
                    {"end": self.end_date.isoformat(), "start": self.start_date.isoformat()},
                    self.end_date,
                )
            )
        if problems:
            raise _located_many("Agreement", problems)
        return self

    def _references(self) -> Iterator[tuple[_Loc, str | int | None]]:
        """Every field that names another entry of the agreement, in the file's order: an employer by its
        id (text, or ``None`` when not given), a part by its number."""
        yield ("main_employer",), self.main_employer
        for i, part in enumerate(self.parts):
            yield ("parts", i, "employer"), part.employer
            yield ("parts", i, "host"), part.host
        if self.cost_settlement:
            yield from _cost_references(self.cost_settlement)
        for i, duty in enumerate(self.work_environment):
            yield ("work_environment", i, "responsible"), duty.responsible
        if self.rehabilitation:
            yield ("rehabilitation", "lead"), self.rehabilitation.lead
        if self.doctoral_studies:
            yield ("doctoral_studies", "larosate"), self.doctoral_studies.larosate
        if self.secondary_employment:
            for i, employer_id in enumerate(self.secondary_employment.reported_to):
                yield ("secondary_employment", "reported_to", i), employer_id
        for i, signatory in enumerate(self.signatories):
            if signatory.party != "person":
                yield ("signatories", i, "party"), signatory.party

    def employer(self, employer_id: str) -> Employer:
        for employer in self.employers:
            if employer.id == employer_id:
                return employer
        raise KeyError(employer_id)

    @property
    def total_extent(self) -> Decimal:
        return sum((p.extent_percent for p in self.parts), Decimal(0))


_Loc = tuple[str | int, ...]
_Problem = tuple[_Loc, str, str, dict[str, object], object]
"""Where, the error type, its message template, the template's values, and the value found."""


def _cost_references(settlement: CostSettlement) -> Iterator[tuple[_Loc, str | int | None]]:
    """The payer and the part of each cost share, then the invoice's seller and buyer."""
    for i, share in enumerate(settlement.shares):
        yield ("cost_settlement", "shares", i, "payer"), share.payer
        yield ("cost_settlement", "shares", i, "part"), share.part
    if inv := settlement.invoicing:
        yield ("cost_settlement", "invoicing", "seller"), inv.seller
        yield ("cost_settlement", "invoicing", "buyer"), inv.buyer


def _duplicate_ids(ids: list[str]) -> list[_Problem]:
    seen: set[str] = set()
    problems: list[_Problem] = []
    for i, employer_id in enumerate(ids):
        if employer_id in seen:
            problems.append(
                (
                    ("employers", i, "id"),
                    "duplicate_id",
                    "the id {ref} is used twice",
                    {"ref": employer_id},
                    employer_id,
                )
            )
        seen.add(employer_id)
    return problems


def _unknown_employer(loc: _Loc, value: str, ids: list[str]) -> _Problem:
    return (
        loc,
        "unknown_employer",
        "no employer has the id {ref} (known: {known})",
        {"ref": value, "known": ", ".join(ids)},
        value,
    )


def _unknown_part(loc: _Loc, value: int, count: int) -> _Problem:
    return (
        loc,
        "unknown_part",
        "there is no part number {ref} (parts are numbered 0 to {last})",
        {"ref": value, "last": count - 1},
        value,
    )


def _located(title: str, items: list[tuple[str, str, str, dict[str, object], object]]) -> ValidationError:
    return _located_many(title, [((field,), kind, msg, ctx, value) for field, kind, msg, ctx, value in items])


def _located_many(title: str, items: list[_Problem]) -> ValidationError:
    details = [
        InitErrorDetails(type=PydanticCustomError(kind, msg, ctx), loc=loc, input=value)
        for loc, kind, msg, ctx, value in items
    ]
    return ValidationError.from_exception_data(title, details)
