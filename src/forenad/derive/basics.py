"""Who is involved and in what shape: employers, positions, extents, dates, collective agreements."""

from __future__ import annotations

from decimal import Decimal

from forenad.engine.facts import (
    FactContext,
    fact,
)
from forenad.model import CollectiveAgreement, EmployerKind, Part, Position

HEALTH_CARE_KINDS = {EmployerKind.region, EmployerKind.kommun, EmployerKind.privat_vardgivare}
LAROSATE_KINDS = {EmployerKind.statligt_larosate, EmployerKind.enskilt_larosate}


def part_of(ctx: FactContext, part: int) -> Part:
    return ctx.agreement.parts[part]


@fact(
    "total_extent",
    sv="Delarnas sammanlagda omfattning i procent",
    en="The parts' combined extent in percent",
)
def total_extent(ctx: FactContext) -> Decimal:
    return ctx.agreement.total_extent


@fact(
    "extent_target",
    sv="Den omfattning delarna ska summera till (angiven total, annars 100 %)",
    en="The extent the parts must add up to (the stated total, else 100 %)",
)
def extent_target(ctx: FactContext) -> Decimal:
    return ctx.agreement.total_extent_percent or Decimal(100)


@fact("employer_kinds", sv="Arbetsgivarnas slag", en="The employers' kinds")
def employer_kinds(ctx: FactContext) -> list[str]:
    return sorted({e.kind.value for e in ctx.agreement.employers})


@fact("has_larosate", sv="Ett lärosäte är part", en="A lärosäte is a party")
def has_larosate(ctx: FactContext) -> bool:
    return any(e.kind in LAROSATE_KINDS for e in ctx.agreement.employers)


@fact(
    "has_health_care_principal",
    sv="En vårdgivare (region, kommun, privat) är part",
    en="A health-care principal (region, kommun, private) is a party",
)
def has_health_care_principal(ctx: FactContext) -> bool:
    return any(e.kind in HEALTH_CARE_KINDS for e in ctx.agreement.employers)


@fact("has_region", sv="En region är part", en="A region is a party")
def has_region(ctx: FactContext) -> bool:
    return any(e.kind == EmployerKind.region for e in ctx.agreement.employers)


@fact("has_kommun", sv="En kommun är part", en="A kommun is a party")
def has_kommun(ctx: FactContext) -> bool:
    return any(e.kind == EmployerKind.kommun for e in ctx.agreement.employers)


@fact("academic_positions", sv="Akademiska befattningar", en="Academic positions")
def academic_positions(ctx: FactContext) -> list[str]:
    return [p.position.value for p in ctx.agreement.parts if p.position.is_academic]


@fact("clinical_positions", sv="Kliniska befattningar", en="Clinical positions")
def clinical_positions(ctx: FactContext) -> list[str]:
    return [p.position.value for p in ctx.agreement.parts if p.position.is_clinical]


@fact(
    "employing_employers",
    sv="Arbetsgivare som anställer i någon del",
    en="Employers that employ in a part",
)
def employing_employers(ctx: FactContext) -> list[str]:
    return sorted({p.employer for p in ctx.agreement.parts})


@fact(
    "employment_count",
    sv="Antal anställningar (arbetsgivare som anställer)",
    en="Number of employments (employers that employ)",
)
def employment_count(ctx: FactContext) -> int:
    return len({p.employer for p in ctx.agreement.parts})


@fact(
    "birth_year",
    sv="Födelseår (ur personnummer eller angivet)",
    en="Birth year (from personnummer or stated)",
)
def birth_year(ctx: FactContext) -> int | None:
    return ctx.agreement.person.effective_birth_year


@fact(
    "birth_year_known",
    sv="Födelseåret är känt (ur personnummer eller angivet)",
    en="The birth year is known (from personnummer or stated)",
)
def birth_year_known(ctx: FactContext) -> bool:
    # Shared by birth-year class (an unknown year is a class of its own), unlike the year itself.
    return ctx.get("birth_year") is not None


@fact(
    "age_this_year",
    sv="Ålder som personen fyller under prövningsåret",
    en="Age the person turns in the year",
)
def age_this_year(ctx: FactContext) -> int | None:
    year = ctx.get("birth_year")
    return None if year is None else ctx.on.year - year


@fact("state_employer_ids", sv="Statliga arbetsgivare", en="State employers")
def state_employer_ids(ctx: FactContext) -> list[str]:
    return [e.id for e in ctx.agreement.employers if e.kind == EmployerKind.statligt_larosate]


@fact(
    "unreported_employers",
    sv="Anställande arbetsgivare som inte underrättats om den andra anställningen",
    en="Employing employers not told of the other employment",
)
def unreported_employers(ctx: FactContext) -> list[str]:
    reported = (
        set(ctx.agreement.secondary_employment.reported_to) if ctx.agreement.secondary_employment else set()
    )
    return [e for e in ctx.get("employing_employers") if e not in reported]


# -- part facts ---------------------------------------------------------------------------------------


@fact("employer_kind", scope="part", sv="Arbetsgivarens slag", en="The employer's kind")
def employer_kind(ctx: FactContext, part: int) -> str:
    return ctx.agreement.employer(part_of(ctx, part).employer).kind.value


@fact("is_academic", scope="part", sv="Akademisk befattning", en="Academic position")
def is_academic(ctx: FactContext, part: int) -> bool:
    return part_of(ctx, part).position.is_academic


@fact(
    "is_clinical",
    scope="part",
    sv="Klinisk befattning (hälso- och sjukvård)",
    en="Clinical (health-care) position",
)
def is_clinical(ctx: FactContext, part: int) -> bool:
    return part_of(ctx, part).position.is_clinical


@fact("is_adjunct", scope="part", sv="Adjungerad befattning", en="Adjunct position")
def is_adjunct(ctx: FactContext, part: int) -> bool:
    return part_of(ctx, part).position in (
        Position.adjungerad_professor,
        Position.adjungerad_lektor,
        Position.adjungerad_adjunkt,
    )


@fact(
    "collective_agreement",
    scope="part",
    sv="Kollektivavtal för delen (angivet, annars efter arbetsgivarens slag)",
    en="Collective agreement of the part (stated, else by the employer's kind)",
)
def collective_agreement(ctx: FactContext, part: int) -> str | None:
    employer = ctx.agreement.employer(part_of(ctx, part).employer)
    if employer.collective_agreement is not None:
        return employer.collective_agreement.value
    if employer.kind in LAROSATE_KINDS:
        return CollectiveAgreement.villkorsavtal.value
    if employer.kind in (EmployerKind.region, EmployerKind.kommun):
        return CollectiveAgreement.ab.value
    return None


@fact("start", scope="part", sv="Delens startdatum", en="The part's start date")
def start(ctx: FactContext, part: int) -> object:
    return part_of(ctx, part).start_date or ctx.agreement.start_date


@fact("end", scope="part", sv="Delens slutdatum", en="The part's end date")
def end(ctx: FactContext, part: int) -> object:
    return part_of(ctx, part).end_date or ctx.agreement.end_date


@fact(
    "tenure_months",
    scope="part",
    sv="Anställningstid hos arbetsgivaren i hela månader",
    en="Months of employment with the employer",
)
def tenure_months(ctx: FactContext, part: int) -> int:
    p = part_of(ctx, part)
    since = p.employed_since or ctx.get("start", part)
    months = (ctx.on.year - since.year) * 12 + (ctx.on.month - since.month)
    if ctx.on.day < since.day:
        months -= 1
    return max(months, 0)


@fact(
    "has_work_environment_duty",
    scope="part",
    sv="Delens arbetsplats har en ansvarig för arbetsmiljön",
    en="The part's workplace has a responsible party",
)
def has_work_environment_duty(ctx: FactContext, part: int) -> bool | None:
    p = part_of(ctx, part)
    duties = ctx.agreement.work_environment
    if p.workplace is None:
        # Without a named workplace: enough that the employer or host is named responsible somewhere.
        return any(d.responsible in (p.employer, p.host) for d in duties)
    return any(_same_place(d.workplace, p.workplace) for d in duties)


def _same_place(a: str, b: str) -> bool:
    a, b = a.casefold().strip(), b.casefold().strip()
    return a == b or a in b or b in a


@fact(
    "permitted_forenad_titles",
    sv="Titlar som får förenas med klinisk anställning",
    en="Titles that may be combined with a clinical post",
)
def permitted_forenad_titles(ctx: FactContext) -> list[str]:
    return list(ctx.param("forenade_titlar"))


@fact(
    "title_permitted_in_forenad",
    scope="part",
    sv="Befattningen får ingå i en förenad anställning",
    en="The position may be part of a förenad anställning",
)
def title_permitted_in_forenad(ctx: FactContext, part: int) -> bool | None:
    titles = ctx.get("permitted_forenad_titles")
    return None if titles is None else part_of(ctx, part).position.value in titles


@fact("adjunct_positions", sv="Adjungerade befattningar", en="Adjunct positions")
def adjunct_positions(ctx: FactContext) -> list[str]:
    return [p.position.value for p in ctx.agreement.parts if p.position.value.startswith("adjungerad_")]


@fact(
    "unreported_state_employers",
    sv="Statliga arbetsgivare som inte underrättats om den andra anställningen",
    en="State employers not told of the other employment",
)
def unreported_state_employers(ctx: FactContext) -> list[str]:
    state = set(ctx.get("state_employer_ids"))
    return [e for e in ctx.get("unreported_employers") if e in state]


@fact(
    "unreported_other_employers",
    sv="Icke-statliga arbetsgivare som inte underrättats om den andra anställningen",
    en="Non-state employers not told of the other employment",
)
def unreported_other_employers(ctx: FactContext) -> list[str]:
    state = set(ctx.get("state_employer_ids"))
    return [e for e in ctx.get("unreported_employers") if e not in state]
