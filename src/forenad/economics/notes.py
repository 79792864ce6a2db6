"""The bilingual notes that say why an amount is unknown, or what a known amount leaves out.

Notes are built on the hot path of every check, so the ones with arguments are cached (``Text`` is
immutable).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache

from forenad.i18n import Text, t


def _pct(value: Decimal) -> tuple[str, str]:
    """A percentage for a note, without Babel (notes are built on the hot path)."""
    text = f"{value.normalize():f}"
    return text.replace(".", ","), text


def _kr(value: Decimal) -> tuple[str, str]:
    whole = f"{value.quantize(Decimal(1)):,f}"
    return whole.replace(",", "\u00a0"), whole


SCHEME_NAMES = {
    "pa16_avd1": "PA 16 avd. I",
    "pa16_avd2": "PA 16 avd. II",
    "akap_kr": "AKAP-KR",
    "kap_kl": "KAP-KL",
    "itp1": "ITP 1",
    "itp2": "ITP 2",
    "annan": "annan/other",
}


def scheme_name(scheme: str | None) -> str:
    return "?" if scheme is None else SCHEME_NAMES.get(scheme, scheme)


BIRTH_YEAR_UNKNOWN = t(
    "Födelseåret är okänt, så arbetsgivaravgiften kan inte bestämmas: ange person.birth_year eller "
    "personnummer.",
    "The year of birth is unknown, so the employer's fee cannot be set: state person.birth_year or the "
    "personnummer.",
)

SALARY_ONLY_LOWER_BOUND = t(
    "Nedre gräns: lön, lagstadgade arbetsgivaravgifter och premiebestämd tjänstepension; avtalsförsäkringar "
    "och andra personalkostnader ingår inte. Ange arbetsgivarens PO-pålägg eller lönekostnadspålägg under "
    "employers (overhead_percent) för hela kostnaden.",
    "Lower bound: salary, statutory employer's fees and premium-based occupational pension; agreement "
    "insurances and other staff costs are not included. State the employer's PO or payroll overhead under "
    "employers (overhead_percent) for the whole cost.",
)

PENSION_NOT_IN_LOWER_BOUND = t(
    "Tjänstepensionen är okänd och ingår inte i den nedre gränsen.",
    "The occupational pension is unknown and not included in the lower bound.",
)

COST_NEEDS_OVERHEAD_OR_FEES = t(
    "Kostnaden är okänd: varken pålägget (PO/LKP) eller arbetsgivaravgiften är känd (se anteckningarna om "
    "dem).",
    "The cost is unknown: neither the overhead (PO/LKP) nor the employer's fee is known (see their notes).",
)

SHORTFALL_UNKNOWN = t(
    "Säljarens kostnad är bara en nedre gräns, så om fakturan täcker kostnaden som kostnadsandelarna lägger "
    "på köparen är okänt.",
    "The seller's cost is only a lower bound, so whether the invoice covers the cost the cost shares assign "
    "to the buyer is unknown.",
)

OVERHEAD_INCLUDES_FEES = t(
    "Pålägget (PO/LKP) innehåller redan arbetsgivaravgifter, avtalsförsäkringar och tjänstepension; "
    "kostnaden är lön × (1 + pålägg). Avgifter och pension visas bara som upplysning och läggs inte till.",
    "The overhead (PO/LKP) already includes employer's fees, agreement insurances and occupational pension; "
    "the cost is salary × (1 + overhead). Fees and pension are shown for information and not added on top.",
)

REDUCED_FEES_IN_OVERHEAD = t(
    "Personen har nedsatt arbetsgivaravgift, men ett standardpålägg räknar med full avgift: den verkliga "
    "kostnaden kan vara lägre.",
    "The person has a reduced employer's fee, but a standard overhead assumes the full fee: the real cost "
    "may be lower.",
)

DEFINED_BENEFIT = t(
    "Planen har en förmånsbestämd del på lön över 7,5 inkomstbasbelopp. Den är ingen premie och beräknas "
    "inte; bara de premiebestämda delarna visas.",
    "The scheme has a defined-benefit part on pay above 7.5 income base amounts. It is not a premium and is "
    "not computed; only the premium-based parts are shown.",
)

NO_SPLIT_LOSS_WITH_DEFINED_BENEFIT = t(
    "Förlusten av att dela lönen beräknas inte när en plan är förmånsbestämd över brytpunkten: den delen är "
    "ingen premie.",
    "The loss from splitting the salary is not computed when a scheme is defined benefit above the break "
    "point: that part is not a premium.",
)

PRO_RATA_NOT_APPLICABLE = t(
    "Ingen anställning har AKAP-KR, eller lönen ligger under den sänkta brytpunkten: en brytpunkt pro rata "
    "ger ingenting här.",
    "No employment is under AKAP-KR, or the salary is below the lowered break point: a pro-rata break point "
    "gives nothing here.",
)

ONE_EMPLOYMENT = t(
    "En enda anställning: det finns ingen delning att kompensera.",
    "One employment only: there is no split to make up for.",
)

PRO_RATA_UNKNOWN = t(
    "Vinsten av en brytpunkt pro rata kan inte räknas fram när en anställnings pension är okänd.",
    "The gain from a pro-rata break point cannot be computed when an employment's pension is unknown.",
)

SINGLE_UNKNOWN = t(
    "Jämförelsen med en enda anställning kräver den största delens pensionsplan och dess satser, som är "
    "okända här.",
    "The comparison with one employment needs the largest part's pension scheme and its rates, which are "
    "unknown here.",
)

TIMPRIS = t(
    "Timpris: fakturans belopp beror på de timmar som arbetas och räknas inte fram.",
    "Hourly price: the invoice depends on the hours worked and is not computed.",
)

INVOICE_OVERHEAD_MISSING = t(
    "Pålägget för faktureringen saknas: ange cost_settlement.invoicing.overhead_percent.",
    "The invoicing overhead is missing: state cost_settlement.invoicing.overhead_percent.",
)

INVOICE_PRICE_MISSING = t(
    "Priset saknas: ange cost_settlement.invoicing.price.",
    "The price is missing: state cost_settlement.invoicing.price.",
)

INVOICE_SHARE_MISSING = t(
    "Det framgår inte hur stor del av lönen som faktureras: ange cost_settlement.invoicing.share_percent "
    "(andel av heltid) eller ange köparen som värd (host) för delarna.",
    "It is not clear what share of the salary is invoiced: state cost_settlement.invoicing.share_percent "
    "(share of full time) or name the buyer as host of the parts.",
)

SELLER_EMPLOYS_NOTHING = t(
    "Säljaren anställer ingen del, så lönen som faktureras är okänd.",
    "The seller employs no part, so the invoiced salary is unknown.",
)

INVOICE_UNKNOWN = t(
    "Fakturans belopp är okänt, så vad parterna betalar till slut kan inte räknas fram.",
    "The invoice amount is unknown, so what the parties pay in the end cannot be computed.",
)

COST_UNKNOWN = t(
    "Kostnaden för en del är okänd (se delarna), så summan är okänd.",
    "The cost of a part is unknown (see the parts), so the total is unknown.",
)


@cache
def youth_not_yet(start: dt.date) -> Text:
    day = start.isoformat()
    return t(
        f"Nedsättningen för 19–23-åringar gäller lön som betalas ut från {day}; före dess gäller full "
        "avgift.",
        f"The reduction for people aged 19–23 applies to pay given out from {day}; before that the full fee "
        "applies.",
    )


@cache
def youth_unknown(why: Text | None) -> Text:
    base = t(
        "Personen är i den ålder som tillfälligt nedsatta avgifter gällt för, men nedsättningen har inget "
        "värde på det här datumet i parametrarna: om den gäller är okänt.",
        "The person is of an age for which the fees were temporarily reduced, but the reduction has no value "
        "on this date in the parameters: whether it applies is unknown.",
    )
    return base if why is None else t(f"{base.sv} {why.sv}", f"{base.en} {why.en}")


@cache
def scheme_unknown(employer: str) -> Text:
    return t(
        f"Tjänstepensionsplanen för {employer} följer inte av arbetsgivarens slag och födelseåret: ange "
        "den under employers (pension_scheme).",
        f"The pension scheme of {employer} does not follow from the employer's kind and the year of birth: "
        "state it under employers (pension_scheme).",
    )


@cache
def scheme_without_parameters(scheme: str) -> Text:
    scheme = scheme_name(scheme)
    return t(
        f"Planen {scheme} har inga avgiftssatser i parametrarna; avsättningen kan inte räknas fram.",
        f"The scheme {scheme} has no contribution rates in the parameters; the contribution cannot be "
        "computed.",
    )


@cache
def fully_defined_benefit(scheme: str, born_to: int) -> Text:
    scheme = scheme_name(scheme)
    return t(
        f"I {scheme} tjänar den som är född {born_to} eller tidigare in förmånsbestämd pension på hela "
        "lönen, inte bara över brytpunkten (sekundära källor); den delen beräknas inte.",
        f"In {scheme} people born in {born_to} or earlier earn a defined-benefit pension on all pay, not "
        "only above the break point (secondary sources); that part is not computed.",
    )


@cache
def overhead_unknown(employer: str, kind: str, why: Text | None) -> Text:
    base = t(
        f"Pålägget (PO/LKP) för {employer} är okänt: ange det under employers (overhead_percent).",
        f"The overhead (PO/LKP) of {employer} is unknown: state it under employers (overhead_percent).",
    )
    if kind in ("region", "kommun") and why is not None:
        sv, en = ("regioner", "regions") if kind == "region" else ("kommuner", "municipalities")
        return t(
            f"SKR:s PO-pålägg för {sv} finns inte i parametrarna för det här datumet. {base.sv}",
            f"SKR's PO rate for {en} is not in the parameters for this date. {base.en}",
        )
    if kind == "statligt_larosate":
        return t(
            "Standardvärdet för lönekostnadspålägg gäller inte här (se parametern lkp_stat_default). "
            + base.sv,
            "The default payroll overhead does not apply here (see the parameter lkp_stat_default). "
            + base.en,
        )
    return base


@cache
def overhead_default(employer: str, percent: Decimal, parameter: str, unverified: bool) -> Text:
    sv, en = _pct(percent)
    if unverified:
        return t(
            f"Pålägget {sv} % för {employer} är ett overifierat standardvärde ({parameter}: ett lärosätes "
            "sats, inte det egna): ange lärosätets eget lönekostnadspålägg under employers "
            "(overhead_percent).",
            f"The overhead {en} % of {employer} is an unverified default ({parameter}: one institution's "
            "rate, not this one's): state the institution's own payroll overhead under employers "
            "(overhead_percent).",
        )
    return t(
        f"Pålägget {sv} % för {employer} är standardvärdet i {parameter}; ange arbetsgivarens eget under "
        "employers (overhead_percent) om det skiljer sig.",
        f"The overhead {en} % of {employer} is the default in {parameter}; state the employer's own under "
        "employers (overhead_percent) if it differs.",
    )


@cache
def shares_above_full(part: int, total: Decimal) -> Text:
    sv, en = _pct(total)
    return t(
        f"Kostnadsandelarna för del {part} summerar till {sv} %, mer än 100 %: fördelningen kan inte göras.",
        f"The cost shares of part {part} add up to {en} %, more than 100 %: the cost cannot be shared out.",
    )


@cache
def shares_remainder(part: int, rest: Decimal, employer: str) -> Text:
    sv, en = _pct(rest)
    return t(
        f"Kostnadsandelarna för del {part} täcker inte allt: resterande {sv} % bärs här av arbetsgivaren "
        f"{employer}.",
        f"The cost shares of part {part} do not cover everything: the remaining {en} % is borne here by the "
        f"employer {employer}.",
    )


@cache
def invoice_below_lower_bound(shortfall: Decimal) -> Text:
    sv, en = _kr(shortfall)
    return t(
        f"Fakturan täcker minst {sv} kr mindre om året än den kostnad som kostnadsandelarna lägger på "
        "köparen.",
        f"The invoice covers at least {en} kr a year less than the cost the cost shares assign to the buyer.",
    )
