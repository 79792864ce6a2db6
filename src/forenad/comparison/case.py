"""A case seen as "the same person and work": where each part's work is done, and which employment models
can apply to it (the reasons when one cannot).

The *site* of a part is the organisation where its work is done and led: its ``host``, else its employer.
Sites, positions, extents and salaries are the work; they never change when a case is recast. forenad never
changes a position either — a lektor is not made a doctoral student, a nurse is not made a teacher — with one
exception: an adjungering turns a professor, lektor or adjunkt into the adjunct form of the same title.

When a model can apply (each failed condition is a bilingual reason):

- every model: work at two organisations at least; an adjunct part (adjungerad professor, lektor, adjunkt)
  only in adjungering, since it *is* that model (another needs a new decision on the post);
- förenad (both shapes): a lärosäte and a health-care principal as parties, a part whose title may be
  förenad on the date (the dated parameter ``forenade_titlar``: professor, lektor) and a clinical part;
- kombinationsanställning: nothing more;
- tjänsteköp: one seller and one buyer (work at exactly two organisations); no doktorand part (study is not
  time another employer buys); teacher posts at one lärosäte only (it must be the employer);
- adjungering: work at a lärosäte; a professor, lektor or adjunkt part (bitr. lektor and postdoktor have no
  adjunct form, a doktorand none either); the work outside the lärosäte at least as large as the teacher
  part (the main job is elsewhere);
- kombinationsdoktorand: a doktorand part, other work at a region or kommun (the employer), a lärosäte as a
  party, and no teacher post (only a lärosäte can hold one);
- delad tjänst region–kommun: work in a region and in a kommun, and nowhere else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any

from forenad.comparison import labels
from forenad.i18n import Lang, Text, t
from forenad.model import Agreement, EmployerKind, EmploymentModel, Position

if TYPE_CHECKING:
    from forenad.params import ParameterSet

ADJUNCT_OF: dict[Position, Position] = {
    Position.professor: Position.adjungerad_professor,
    Position.lektor: Position.adjungerad_lektor,
    Position.adjunkt: Position.adjungerad_adjunkt,
}
ADJUNCT = frozenset(ADJUNCT_OF.values())
TEACHER = frozenset(
    {
        Position.professor,
        Position.lektor,
        Position.bitradande_lektor,
        Position.adjunkt,
        Position.postdoktor,
        *ADJUNCT,
    }
)
"""Posts at a lärosäte: only a lärosäte can employ them."""
CARE_EMPLOYERS = (EmployerKind.region, EmployerKind.kommun)


@dataclass(frozen=True)
class Case:
    agreement: Agreement
    on: dt.date
    permitted_titles: tuple[str, ...] | None
    """Titles that may be förenad on the date (``None``: the parameter is not in force)."""
    other_employment: str | None = None
    """What the teacher post may be förenad with on the date: ``klinisk`` (a clinical post, before
    2025-07-15) or ``valfri_sektor`` (an employment outside the university in any sector); ``None``: not
    known on the date."""

    @cached_property
    def sites(self) -> tuple[str, ...]:
        """The organisation where each part's work is done."""
        return tuple(p.host or p.employer for p in self.agreement.parts)

    @cached_property
    def site_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.sites))

    def kind(self, org: str) -> EmployerKind:
        return self.agreement.employer(org).kind

    def name(self, org: str) -> str:
        return self.agreement.employer(org).name

    def extent_at(self, org: str) -> Decimal:
        return sum(
            (p.extent_percent for p, s in zip(self.agreement.parts, self.sites, strict=True) if s == org),
            Decimal(0),
        )

    def parts_with(self, positions: frozenset[Position] | set[Position]) -> list[int]:
        return [i for i, p in enumerate(self.agreement.parts) if p.position in positions]

    def largest(self, orgs: list[str] | tuple[str, ...]) -> str:
        """The baseline's main employer if it is among ``orgs``, else the one where most of the work is
        done (the first in the file on a tie)."""
        main = self.agreement.main_employer
        if main is not None and main in orgs:
            return main
        return max(orgs, key=lambda o: (self.extent_at(o), -orgs.index(o)))

    def employed_since(self, employer: str) -> str | None:
        """When the baseline's employer of a part employed the person (for a part moving to it)."""
        for p in self.agreement.parts:
            if p.employer == employer:
                return p.employed_since.isoformat() if p.employed_since else None
        return None

    def employs(self, employer: str) -> bool:
        return any(p.employer == employer for p in self.agreement.parts)

    @cached_property
    def larosate_sites(self) -> list[str]:
        return [o for o in self.site_ids if self.kind(o).is_larosate]

    def positions_text(self, indices: list[int] | None = None) -> Text:
        parts = self.agreement.parts
        chosen = [parts[i] for i in (indices if indices is not None else range(len(parts)))]
        if not chosen:
            return t("inga", "none")
        return t(
            ", ".join(labels.position(p.position.value, "sv") for p in chosen),
            ", ".join(labels.position(p.position.value, "en") for p in chosen),
        )


def make_case(agreement: Agreement, on: dt.date, params: ParameterSet | None = None) -> Case:
    titles = _in_force("forenade_titlar", on, params)
    other = _in_force("forenad_annan_anstallning", on, params)
    return Case(
        agreement, on, None if titles is None else tuple(titles), None if other is None else str(other)
    )


def _in_force(name: str, on: dt.date, params: Any) -> Any:
    from forenad.params import ParameterNotInForce, default_parameters

    params = params if params is not None else default_parameters()
    try:
        return params.at(name, on).value
    except (ParameterNotInForce, KeyError):
        return None


def reasons_against(model: EmploymentModel, case: Case) -> list[Text]:
    """Why ``model`` cannot apply to the case; empty when it can."""
    reasons = _common(model, case)
    if reasons:
        return reasons
    return _SPECIFIC[model](case)


def _common(model: EmploymentModel, case: Case) -> list[Text]:
    if len(case.site_ids) < 2:
        name = case.name(case.site_ids[0])
        return [
            t(
                f"Allt arbete utförs hos {name}; modellerna delar arbete mellan minst två organisationer.",
                f"All the work is done at {name}; the models split work between two organisations at least.",
            )
        ]
    if model == EmploymentModel.adjungering:
        return []
    return [
        t(
            f"Del {i + 1} är en adjungerad befattning ({labels.position(pos, 'sv')}), som bara finns i "
            "modellen adjungering; i en annan modell krävs ett nytt beslut om befattningen.",
            f"Part {i + 1} is an adjunct post ({labels.position(pos, 'en')}), which exists only in the "
            "adjungering model; another model needs a new decision on the post.",
        )
        for i in case.parts_with(ADJUNCT)
        for pos in [case.agreement.parts[i].position.value]
    ]


def _forenad(case: Case) -> list[Text]:
    a = case.agreement
    reasons: list[Text] = []
    if not any(e.kind.is_larosate for e in a.employers):
        reasons.append(
            t(
                "En förenad anställning kräver ett lärosäte som part.",
                "A förenad anställning needs a lärosäte as a party.",
            )
        )
    clinical = case.other_employment != "valfri_sektor"  # before 2025-07-15, or not known: clinical
    if clinical and not any(e.kind.is_health_care_principal for e in a.employers):
        reasons.append(
            t(
                "En förenad anställning krävde före den 15 juli 2025 en vårdgivare (region, kommun eller "
                "privat vårdgivare) som part.",
                "Before 15 July 2025 a förenad anställning needed a health-care principal (region, kommun "
                "or private provider) as a party.",
            )
        )
    if not clinical and all(e.kind.is_larosate for e in a.employers):
        reasons.append(
            t(
                "En förenad anställning kräver en arbetsgivare utanför högskolan som part.",
                "A förenad anställning needs an employer outside the university as a party.",
            )
        )
    if case.permitted_titles is None:
        reasons.append(
            t(
                f"Vilka titlar som får förenas är inte känt per {case.on.isoformat()} (parametern "
                "forenade_titlar), så prövningen kan inte göras.",
                f"Which titles may be förenad is not known on {case.on.isoformat()} (the parameter "
                "forenade_titlar), so this cannot be tested.",
            )
        )
    elif not any(p.position.value in case.permitted_titles for p in a.parts):
        titles = " eller ".join(case.permitted_titles)
        titles_en = " or ".join(case.permitted_titles)
        academic = case.positions_text([i for i, p in enumerate(a.parts) if p.position.is_academic])
        reasons.append(
            t(
                f"En förenad anställning kräver en del som {titles} (högskoleförordningen 4 kap. 2 §); "
                f"fallets akademiska befattningar: {academic.sv}. forenad byter inte befattning.",
                f"A förenad anställning needs a {titles_en} part (högskoleförordningen 4 kap. 2 §); the "
                f"case's academic positions: {academic.en}. forenad does not change a position.",
            )
        )
    if clinical and not any(p.position.is_clinical for p in a.parts):
        reasons.append(
            t(
                "En förenad anställning krävde före den 15 juli 2025 en klinisk del i hälso- och sjukvården; "
                "fallet har ingen.",
                "Before 15 July 2025 a förenad anställning needed a clinical part in health care; the case "
                "has none.",
            )
        )
    return reasons


def _kombinationsanstallning(case: Case) -> list[Text]:
    return []


def _tjanstekop(case: Case) -> list[Text]:
    reasons = [
        t(
            f"Del {i + 1} är forskarutbildning (doktorand): studier, inte arbetstid som en annan "
            "arbetsgivare "
            "köper i ett tjänsteköp.",
            f"Part {i + 1} is doctoral study (doktorand): study, not working time another employer buys in a "
            "service purchase.",
        )
        for i in case.parts_with({Position.doktorand})
    ]
    if len(case.site_ids) > 2:
        reasons.append(
            t(
                f"Ett tjänsteköp har en säljare och en köpare, men arbetet utförs hos {len(case.site_ids)} "
                "organisationer.",
                f"A service purchase has one seller and one buyer, but the work is done at "
                f"{len(case.site_ids)} organisations.",
            )
        )
    teacher_sites = {case.sites[i] for i in case.parts_with(TEACHER)}
    if len(teacher_sites) > 1:
        reasons.append(
            t(
                "Lärartjänster vid två lärosäten kan inte ligga hos en och samma arbetsgivare.",
                "Teacher posts at two lärosäten cannot be held by one employer.",
            )
        )
    return reasons


def _adjungering(case: Case) -> list[Text]:
    a = case.agreement
    reasons: list[Text] = []
    if not case.larosate_sites:
        reasons.append(
            t(
                "En adjungering är en anställning vid ett lärosäte, men inget arbete utförs vid ett "
                "lärosäte.",
                "An adjunct post is an employment at a lärosäte, but no work is done at one.",
            )
        )
        return reasons
    for i in case.parts_with({Position.doktorand}):
        reasons.append(
            t(
                f"Del {i + 1} är forskarutbildning (doktorand), som inte ryms i en adjungering.",
                f"Part {i + 1} is doctoral study (doktorand), which has no place in an adjunct post.",
            )
        )
    for i in case.parts_with({Position.bitradande_lektor, Position.postdoktor}):
        pos = a.parts[i].position.value
        reasons.append(
            t(
                f"Del {i + 1} ({labels.position(pos, 'sv')}) har ingen adjungerad form.",
                f"Part {i + 1} ({labels.position(pos, 'en')}) has no adjunct form.",
            )
        )
    teachers = case.parts_with(set(ADJUNCT_OF) | ADJUNCT)
    if not teachers:
        reasons.append(
            t(
                "En adjungering är en lärartjänst (adjungerad professor, lektor eller adjunkt), men "
                "ingen del "
                f"är professor, lektor eller adjunkt (befattningar: {case.positions_text().sv}). forenad gör "
                "inte en annan befattning till lärare.",
                "An adjunct post is a teacher post (adjunct professor, lektor or adjunkt), but no part is a "
                f"professor, lektor or adjunkt (positions: {case.positions_text().en}). forenad "
                "does not make "
                "another position a teacher.",
            )
        )
        return reasons
    academic = sum((a.parts[i].extent_percent for i in teachers), Decimal(0))
    elsewhere = sum(
        (p.extent_percent for p, s in zip(a.parts, case.sites, strict=True) if not case.kind(s).is_larosate),
        Decimal(0),
    )
    if elsewhere < academic:
        reasons.append(
            t(
                "En adjungering är för den som har sin huvudanställning på annat håll, men lärardelen "
                f"({_pct(academic, 'sv')} %) är större än arbetet utanför lärosätet "
                f"({_pct(elsewhere, 'sv')} %).",
                "An adjunct post is for someone whose main job is elsewhere, but the teacher part "
                f"({_pct(academic, 'en')} %) is larger than the work outside the lärosäte "
                f"({_pct(elsewhere, 'en')} %).",
            )
        )
    return reasons


def _kombinationsdoktorand(case: Case) -> list[Text]:
    a = case.agreement
    reasons: list[Text] = []
    if not case.parts_with({Position.doktorand}):
        reasons.append(
            t(
                "En kombinationsdoktorand forskarstuderar inom sin anställning, men ingen del är "
                f"forskarutbildning (befattningar: {case.positions_text().sv}). forenad gör inte en annan "
                "befattning till doktorand.",
                "A kombinationsdoktorand does doctoral studies inside an employment, but no part is doctoral "
                f"study (positions: {case.positions_text().en}). forenad does not make another position a "
                "doctoral student.",
            )
        )
    if not care_sites(case):
        reasons.append(
            t(
                "En kombinationsdoktorand är anställd av en region eller kommun, men inget arbete "
                "utförs där.",
                "A kombinationsdoktorand is employed by a region or kommun, but no work is done at one.",
            )
        )
    if not any(e.kind.is_larosate for e in a.employers):
        reasons.append(
            t(
                "Forskarutbildningen bedrivs vid ett lärosäte, men inget lärosäte är part.",
                "Doctoral studies take place at a lärosäte, but no lärosäte is a party.",
            )
        )
    for i in case.parts_with(TEACHER):
        pos = a.parts[i].position.value
        reasons.append(
            t(
                f"Del {i + 1} ({labels.position(pos, 'sv')}) är en lärartjänst, som bara ett lärosäte kan "
                "anställa; i modellen anställer regionen eller kommunen hela tjänsten.",
                f"Part {i + 1} ({labels.position(pos, 'en')}) is a teacher post, which only a lärosäte can "
                "hold; in this model the region or kommun employs the whole post.",
            )
        )
    return reasons


def _delad(case: Case) -> list[Text]:
    kinds = {case.kind(s) for s in case.site_ids}
    reasons: list[Text] = []
    if EmployerKind.region not in kinds:
        reasons.append(
            t(
                "En delad tjänst delas mellan en region och en kommun; arbete i en region saknas.",
                "A shared post is split between a region and a kommun; there is no work in a region.",
            )
        )
    if EmployerKind.kommun not in kinds:
        reasons.append(
            t(
                "En delad tjänst delas mellan en region och en kommun; arbete i en kommun saknas.",
                "A shared post is split between a region and a kommun; there is no work in a kommun.",
            )
        )
    for org in case.site_ids:
        if case.kind(org) not in CARE_EMPLOYERS:
            reasons.append(
                t(
                    f"Arbetet hos {case.name(org)} ingår inte i en tjänst som delas mellan en region och en "
                    "kommun.",
                    f"The work at {case.name(org)} is not part of a post shared between a region "
                    "and a kommun.",
                )
            )
    return reasons


def care_sites(case: Case) -> list[str]:
    """Sites that are a region or a kommun, where work other than doctoral study is done."""
    found = [
        s
        for p, s in zip(case.agreement.parts, case.sites, strict=True)
        if case.kind(s) in CARE_EMPLOYERS and p.position != Position.doktorand
    ]
    return list(dict.fromkeys(found))


def _pct(value: Decimal, lang: Lang) -> str:
    from forenad.presentation.formatting import format_number

    return format_number(value, lang)


_SPECIFIC = {
    EmploymentModel.forenad_en_arbetsgivare: _forenad,
    EmploymentModel.forenad_tva_anstallningar: _forenad,
    EmploymentModel.kombinationsanstallning: _kombinationsanstallning,
    EmploymentModel.tjanstekop: _tjanstekop,
    EmploymentModel.adjungering: _adjungering,
    EmploymentModel.kombinationsdoktorand: _kombinationsdoktorand,
    EmploymentModel.delad_tjanst_region_kommun: _delad,
}
