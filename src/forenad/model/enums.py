"""Fixed vocabularies of the agreement model. Values are Swedish slugs, as negotiators write them."""

from __future__ import annotations

from enum import StrEnum


class Vocabulary(StrEnum):
    """A fixed vocabulary: a string enum whose values are the slugs negotiators write."""


class EmploymentModel(Vocabulary):
    """The seven ways a joint post can be set up (domain README §2)."""

    forenad_en_arbetsgivare = "forenad_en_arbetsgivare"
    """Förenad anställning with one employer: the lärosäte employs 100 %, clinical work is an assignment."""
    forenad_tva_anstallningar = "forenad_tva_anstallningar"
    """Förenad anställning as two linked employments, one contract with each employer."""
    kombinationsanstallning = "kombinationsanstallning"
    """Two independent employments coordinated by a cooperation agreement."""
    tjanstekop = "tjanstekop"
    """One employer employs, the other buys a share of the time and pays by invoice."""
    adjungering = "adjungering"
    """A time-limited adjunct teacher post at a lärosäte for someone employed elsewhere."""
    kombinationsdoktorand = "kombinationsdoktorand"
    """Doctoral studies inside an employment at a region or kommun."""
    delad_tjanst_region_kommun = "delad_tjanst_region_kommun"
    """One post shared between a region and a kommun (nära vård)."""


class EmployerKind(Vocabulary):
    statligt_larosate = "statligt_larosate"
    """A state university or university college (högskolelagen and högskoleförordningen apply)."""
    enskilt_larosate = "enskilt_larosate"
    """A university run by a foundation or company (Chalmers, Jönköping University …): no HL/HF."""
    region = "region"
    kommun = "kommun"
    privat_vardgivare = "privat_vardgivare"
    annan_arbetsgivare = "annan_arbetsgivare"
    """An employer outside health care and outside the universities: a company, a state agency, another
    organisation. Its collective agreement and pension scheme are stated in the file (or flagged)."""

    @property
    def is_larosate(self) -> bool:
        return self in (EmployerKind.statligt_larosate, EmployerKind.enskilt_larosate)

    @property
    def is_health_care_principal(self) -> bool:
        return self in (EmployerKind.region, EmployerKind.kommun, EmployerKind.privat_vardgivare)


class CollectiveAgreement(Vocabulary):
    villkorsavtal = "villkorsavtal"
    """Arbetsgivarverket's Villkorsavtal (state employers, and foundations that apply it)."""
    villkorsavtal_t = "villkorsavtal_t"
    ab = "ab"
    """Allmänna bestämmelser (SKR/Sobona): regions and kommuner."""
    annat = "annat"
    inget = "inget"


class PensionScheme(Vocabulary):
    pa16_avd1 = "pa16_avd1"
    pa16_avd2 = "pa16_avd2"
    akap_kr = "akap_kr"
    kap_kl = "kap_kl"
    itp1 = "itp1"
    itp2 = "itp2"
    annan = "annan"


class Position(Vocabulary):
    # Academic titles
    professor = "professor"
    lektor = "lektor"
    bitradande_lektor = "bitradande_lektor"
    adjunkt = "adjunkt"
    adjungerad_professor = "adjungerad_professor"
    adjungerad_lektor = "adjungerad_lektor"
    adjungerad_adjunkt = "adjungerad_adjunkt"
    doktorand = "doktorand"
    postdoktor = "postdoktor"
    # Clinical roles
    specialistlakare = "specialistlakare"
    overlakare = "overlakare"
    specialisttandlakare = "specialisttandlakare"
    sjukskoterska = "sjukskoterska"
    specialistsjukskoterska = "specialistsjukskoterska"
    distriktsskoterska = "distriktsskoterska"
    barnmorska = "barnmorska"
    fysioterapeut = "fysioterapeut"
    arbetsterapeut = "arbetsterapeut"
    biomedicinsk_analytiker = "biomedicinsk_analytiker"
    psykolog = "psykolog"
    sjukhusfysiker = "sjukhusfysiker"
    annan = "annan"

    @property
    def is_academic(self) -> bool:
        return self in ACADEMIC_POSITIONS

    @property
    def is_clinical(self) -> bool:
        return self in CLINICAL_POSITIONS


ACADEMIC_POSITIONS = frozenset(
    {
        Position.professor,
        Position.lektor,
        Position.bitradande_lektor,
        Position.adjunkt,
        Position.adjungerad_professor,
        Position.adjungerad_lektor,
        Position.adjungerad_adjunkt,
        Position.doktorand,
        Position.postdoktor,
    }
)
CLINICAL_POSITIONS = frozenset(
    {
        Position.specialistlakare,
        Position.overlakare,
        Position.specialisttandlakare,
        Position.sjukskoterska,
        Position.specialistsjukskoterska,
        Position.distriktsskoterska,
        Position.barnmorska,
        Position.fysioterapeut,
        Position.arbetsterapeut,
        Position.biomedicinsk_analytiker,
        Position.psykolog,
        Position.sjukhusfysiker,
    }
)


class EmploymentForm(Vocabulary):
    tillsvidare = "tillsvidare"
    provanstallning = "provanstallning"
    """LAS 6 §."""
    sarskild_visstidsanstallning = "sarskild_visstidsanstallning"
    """LAS 5 § 1 (from 2022-10-01)."""
    vikariat = "vikariat"
    sasongsarbete = "sasongsarbete"
    visstid_efter_69 = "visstid_efter_69"
    """LAS 5 § 4: after the employee has turned 69."""
    tidsbegransad_hf = "tidsbegransad_hf"
    """Time-limited under högskoleförordningen (doktorand, biträdande lektor, postdoktor)."""
    adjungering = "adjungering"

    @property
    def is_fixed_term(self) -> bool:
        return self not in (EmploymentForm.tillsvidare, EmploymentForm.provanstallning)


class WorkingTimeForm(Vocabulary):
    weekly_hours = "weekly_hours"
    annual_hours = "annual_hours"


class SickPayHandling(Vocabulary):
    varje_arbetsgivare = "varje_arbetsgivare"
    """Each employer pays sick pay for its own employment (sjuklönelagen applies per employer)."""
    huvudarbetsgivaren = "huvudarbetsgivaren"
    """The only (main) employer pays sick pay for the whole post."""
    enligt_tjanstekopsavtal = "enligt_tjanstekopsavtal"
    """The employer pays; the buyer's share is settled through the service-purchase invoice."""


class InvoicingBasis(Vocabulary):
    lon_plus_palagg = "lon_plus_palagg"
    """Salary share plus an overhead (PO/LKP) surcharge."""
    fast_pris = "fast_pris"
    timpris = "timpris"


class InvoicingPeriod(Vocabulary):
    manad = "manad"
    kvartal = "kvartal"
    halvar = "halvar"
    ar = "ar"


class Degree(Vocabulary):
    """The degree a doctoral education leads to (högskoleförordningen, bilaga 2)."""

    doktorsexamen = "doktorsexamen"
    licentiatexamen = "licentiatexamen"


class IntellectualPropertyOwner(Vocabulary):
    """Who holds the rights to results of the work (the agreement's clause on intellectual property)."""

    enligt_lag = "enligt_lag"
    """As the law gives it: a teacher at a lärosäte holds the rights to inventions (the teachers' exemption,
    lagen (1949:345) om rätten till arbetstagares uppfinningar 1 § andra stycket) and, by custom, to works;
    otherwise the employer's rights under that law and the collective agreement."""
    arbetstagaren = "arbetstagaren"
    """The employee holds the rights to results of every part."""
    arbetsgivaren = "arbetsgivaren"
    """The party in whose operations a result arises holds the rights (as far as the law allows)."""
    sarskilt_avtal = "sarskilt_avtal"
    """The rights are governed by a separate agreement, named in the clause's note."""
