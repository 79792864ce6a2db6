"""Who is involved and in what shape: employers, positions, extents, dates, collective agreements."""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import ROUND_CEILING, Decimal

from forenad.engine.facts import (
    FactContext,
    fact,
)
from forenad.model import CollectiveAgreement, EmployerKind, Part, Position

HEALTH_CARE_KINDS = {EmployerKind.region, EmployerKind.kommun, EmployerKind.privat_vardgivare}
LAROSATE_KINDS = {EmployerKind.statligt_larosate, EmployerKind.enskilt_larosate}


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the last day of the month when that day does not exist)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


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
    "extent_by_employer",
    sv="Delarnas sammanlagda omfattning per anställande arbetsgivare (namn: procent)",
    en="The parts' combined extent per employing employer (name: percent)",
)
def extent_by_employer(ctx: FactContext) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for p in ctx.agreement.parts:
        name = ctx.agreement.employer(p.employer).name
        out[name] = out.get(name, Decimal(0)) + p.extent_percent
    return out


@fact(
    "max_extent_one_employer",
    sv="Den största sammanlagda omfattningen hos en och samma arbetsgivare",
    en="The largest combined extent with one employer",
)
def max_extent_one_employer(ctx: FactContext) -> Decimal:
    by_employer: dict[str, Decimal] = ctx.get("extent_by_employer")
    return max(by_employer.values())


@fact(
    "employer_above_full_time",
    sv="Arbetsgivare vars delar tillsammans överstiger heltid",
    en="Employers whose parts together exceed full time",
)
def employer_above_full_time(ctx: FactContext) -> list[str]:
    return [name for name, extent in ctx.get("extent_by_employer").items() if extent > 100]


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


@fact(
    "has_outside_party",
    sv="En part som inte är ett lärosäte (en arbetsgivare utanför högskolan)",
    en="A party that is not a lärosäte (an employer outside the university)",
)
def has_outside_party(ctx: FactContext) -> bool:
    return any(e.kind not in LAROSATE_KINDS for e in ctx.agreement.employers)


@fact(
    "enskilda_larosaten",
    sv="Enskilda lärosäten som är parter (högskolelagen och högskoleförordningen gäller inte dem)",
    en="Independent (non-state) universities that are parties (the Higher Education Act does not apply)",
)
def enskilda_larosaten(ctx: FactContext) -> list[str]:
    return [e.name for e in ctx.agreement.employers if e.kind == EmployerKind.enskilt_larosate]


@fact(
    "outside_part_count",
    sv="Delar som utförs hos en arbetsgivare utanför högskolan (anställd eller värd)",
    en="Parts done with an employer outside the university (employer or host)",
)
def outside_part_count(ctx: FactContext) -> int:
    return sum(1 for i in range(ctx.part_count()) if ctx.get("is_outside_university", i))


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


@fact(
    "is_outside_university",
    scope="part",
    sv="Delen utförs hos en arbetsgivare utanför högskolan (anställande arbetsgivare eller värd)",
    en="The part is done with an employer outside the university (employer or host)",
)
def is_outside_university(ctx: FactContext, part: int) -> bool:
    p = part_of(ctx, part)
    where = ctx.agreement.employer(p.host or p.employer)
    return where.kind not in LAROSATE_KINDS or ctx.agreement.employer(p.employer).kind not in LAROSATE_KINDS


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
    if employer.kind == EmployerKind.statligt_larosate:
        return CollectiveAgreement.villkorsavtal.value
    if employer.kind in (EmployerKind.region, EmployerKind.kommun):
        return CollectiveAgreement.ab.value
    return None


@fact("start", scope="part", sv="Delens startdatum", en="The part's start date")
def start(ctx: FactContext, part: int) -> dt.date:
    return part_of(ctx, part).start_date or ctx.agreement.start_date


@fact("end", scope="part", sv="Delens slutdatum", en="The part's end date")
def end(ctx: FactContext, part: int) -> dt.date | None:
    return part_of(ctx, part).end_date or ctx.agreement.end_date


@fact(
    "tenure_months",
    scope="part",
    sv="Anställningstid hos arbetsgivaren i hela månader",
    en="Months of employment with the employer",
)
def tenure_months(ctx: FactContext, part: int) -> int:
    p = part_of(ctx, part)
    since: dt.date = p.employed_since or ctx.get("start", part)
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
    "forenad_other_employment",
    sv="Vilken anställning utanför högskolan som får förenas (klinisk eller valfri_sektor)",
    en="Which outside employment may be förenad (klinisk or valfri_sektor)",
)
def forenad_other_employment(ctx: FactContext) -> str:
    return str(ctx.param("forenad_annan_anstallning"))


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


# -- doctoral studies (kombinationsdoktorand) -------------------------------------------------------------


@fact(
    "doctoral_study_share",
    sv="Studietakt i procent av heltid (doktorandelarnas omfattning)",
    en="Study share in percent of full time (the doctoral parts' extent)",
)
def doctoral_study_share(ctx: FactContext) -> Decimal | None:
    shares = [p.extent_percent for p in ctx.agreement.parts if p.position == Position.doktorand]
    return sum(shares, Decimal(0)) if shares else None


@fact(
    "doctoral_years_needed",
    sv="År som utbildningen tar vid studietakten (heltidsår × 100 / studietakt)",
    en="Years the education takes at the study share (full-time years × 100 / share)",
)
def doctoral_years_needed(ctx: FactContext) -> Decimal | None:
    studies = ctx.agreement.doctoral_studies
    share: Decimal | None = ctx.get("doctoral_study_share")
    if share is None or share <= 0:
        return None
    degree = studies.degree.value if studies is not None else "doktorsexamen"
    full_time = Decimal(str(ctx.param("forskarutbildning_antagning")[degree]["full_time_years"]))
    return (full_time * 100 / share).quantize(Decimal("0.01"))


@fact(
    "doctoral_max_years",
    sv="Den längsta studietid högskoleförordningen 7 kap. 36 § medger för examen",
    en="The longest study time the Higher Education Ordinance 7 kap. 36 § allows for the degree",
)
def doctoral_max_years(ctx: FactContext) -> int:
    studies = ctx.agreement.doctoral_studies
    degree = studies.degree.value if studies is not None else "doktorsexamen"
    return int(ctx.param("forskarutbildning_antagning")[degree]["max_years"])


@fact(
    "doctoral_start",
    sv="Forskarutbildningens start (antagning, annars doktoranddelens start)",
    en="The doctoral education's start (admission, else the doctoral part's start)",
)
def doctoral_start(ctx: FactContext) -> dt.date | None:
    studies = ctx.agreement.doctoral_studies
    if studies is not None and studies.admitted_on is not None:
        return studies.admitted_on
    for i, p in enumerate(ctx.agreement.parts):
        if p.position == Position.doktorand:
            part_start: dt.date = ctx.get("start", i)
            return part_start
    return None


@fact(
    "doctoral_financing_needed_until",
    sv="Dag då utbildningen är klar vid studietakten (finansieringen behövs till dess)",
    en="The day the education ends at the study share (financing is needed until then)",
)
def doctoral_financing_needed_until(ctx: FactContext) -> dt.date | None:
    start: dt.date | None = ctx.get("doctoral_start")
    years: Decimal | None = ctx.get("doctoral_years_needed")
    if start is None or years is None:
        return None
    months = int((years * 12).to_integral_value(rounding=ROUND_CEILING))
    return add_months(start, months) - dt.timedelta(days=1)


@fact(
    "doctoral_financing_short",
    sv="Den angivna finansieringen slutar före utbildningens beräknade slut",
    en="The stated financing ends before the education's computed end",
)
def doctoral_financing_short(ctx: FactContext) -> bool | None:
    studies = ctx.agreement.doctoral_studies
    needed: dt.date | None = ctx.get("doctoral_financing_needed_until")
    if studies is None or studies.financing_until is None or needed is None:
        return None
    return studies.financing_until < needed


@fact(
    "doctoral_larosate_is_larosate",
    sv="Det antagande lärosätet är ett lärosäte",
    en="The admitting lärosäte is a university",
)
def doctoral_larosate_is_larosate(ctx: FactContext) -> bool | None:
    studies = ctx.agreement.doctoral_studies
    if studies is None:
        return None
    return ctx.agreement.employer(studies.larosate).kind in LAROSATE_KINDS


@fact(
    "period_months",
    scope="part",
    sv="Delens längd i hela månader (start till slut), om den har ett slutdatum",
    en="The part's length in whole months (start to end), when it has an end date",
)
def period_months(ctx: FactContext, part: int) -> int | None:
    start: dt.date = ctx.get("start", part)
    end: dt.date | None = ctx.get("end", part)
    if end is None:
        return None
    after = end + dt.timedelta(days=1)  # the end date is the last day of the part
    months = (after.year - start.year) * 12 + (after.month - start.month)
    return months - (after.day < start.day)


@fact("doctoral_supervisor_count", sv="Antal handledare", en="Number of supervisors")
def doctoral_supervisor_count(ctx: FactContext) -> int | None:
    studies = ctx.agreement.doctoral_studies
    return None if studies is None else len(studies.supervisors)
