"""The overlay of each employment model: how a case is recast when another model is chosen.

What stays (the same person and work): the person, the employers as parties, every part's position (but
see adjungering), extent, salary, working time, workplace, manager, start and notice terms, the total
extent, the agreement's dates, the work-environment allocation (the duty per workplace follows who controls
the workplace, AML 3 kap. 2 § and 12 §, which the model does not change), vacation coordination, the
procedure, signatories and clauses, and *who bears which part's cost* (``cost_settlement.shares`` as the
baseline has them, a part without shares borne by its baseline employer), so that the cost rows show what
the legal form itself changes. The exception is tjänsteköp, whose definition is that the buyer pays.

What each model decides (domain README §2), with *site* = where a part's work is done (its host, else its
employer):

============================  ===============================================================================
model                         overlay
============================  ===============================================================================
forenad_en_arbetsgivare       the lärosäte (the site of the professor/lektor part) employs every part; other
                              sites become hosts; main employer the lärosäte; sick pay
                              ``huvudarbetsgivaren``; the lärosäte leads rehabilitation; an invoice of the
                              baseline is kept only if the lärosäte is its seller.
forenad_tva_anstallningar     each site employs its parts (no hosts); no main employer; sick pay
                              ``varje_arbetsgivare``; a stated ``linked_termination`` becomes linked (the
                              model is two *linked* employments); no invoice.
kombinationsanstallning       as forenad_tva, but a stated ``linked_termination`` becomes not linked
                              (independent contracts coordinated by a cooperation agreement). A doktorand part
                              employed by a lärosäte becomes ``tidsbegransad_hf`` (högskoleförordningen) with
                              the part's end date, else the agreement's, else none.
tjanstekop                    one employer employs every part: the lärosäte when a part is a teacher post,
                              else the baseline's main employer, else the site with most of the work; the
                              other site buys its parts: it bears their cost (shares) and pays by invoice
                              ``lon_plus_palagg`` for ``share_percent`` = its extent, with the seller's own
                              ``overhead_percent`` when the case states one (or the baseline invoice's, same
                              seller), else no overhead (the rule ``cost_settlement.overhead_missing`` asks);
                              period and payment terms from the baseline invoice, else ``manad`` / 30 days,
                              marked as placeholders to agree. Main employer the employer; sick pay
                              ``enligt_tjanstekopsavtal``; the employer leads rehabilitation.
adjungering                   each site employs its parts; the professor/lektor/adjunkt part becomes the
                              adjunct form of the same title with ``employment_form: adjungering`` and the end
                              date of the part, else of the agreement, else none (no end is invented: the rule
                              ``legal_basis.adjunct_without_end_date`` warns); main employer the home employer
                              (the baseline's main employer if it is outside the lärosäte, else where most of
                              the other work is done); sick pay ``varje_arbetsgivare``; no invoice.
kombinationsdoktorand         the region or kommun where the other work is done employs every part; the
                              doctoral part is hosted by the lärosäte; main employer that region or kommun;
                              sick pay ``huvudarbetsgivaren``; it leads rehabilitation; an invoice is kept
                              only if it is the seller.
delad_tjanst_region_kommun    each site (a region and a kommun) employs its parts; no main employer; sick pay
                              ``varje_arbetsgivare``; no invoice.
============================  ===============================================================================

With one employer, that employer leads rehabilitation (it alone has the duty, socialförsäkringsbalken 30
kap.). With two employments the lead stays the baseline's when that organisation still employs, else it goes
to the main employer, else to where most of the work is done; a case without a rehabilitation clause keeps
none (the rule asks for it). A part moved to a new employer takes the tenure (``employed_since``) the person
already has there in the baseline, else none (a new employment counts from its start), and a form that
belongs to a lärosäte appointment (``tidsbegransad_hf``, ``adjungering``) becomes the form the person has
with the new employer. ``secondary_employment.reported_to`` is kept: the rules say who still must be told.
Free text that describes a term the overlay changed is removed with that term, never rewritten:
``sick_pay.note``, ``rehabilitation.cooperation``, ``linked_termination.description``,
``cost_settlement.notes`` (when the employers or the invoice change) and ``secondary_employment.note``
(when the employers change). ``id`` and ``title`` name the alternative.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from forenad.comparison import labels
from forenad.comparison.case import ADJUNCT, ADJUNCT_OF, TEACHER, Case, care_sites
from forenad.comparison.overlay import Editor
from forenad.i18n import Text, t
from forenad.model import EmploymentForm, EmploymentModel, Position, SickPayHandling

_SICK_PAY = {
    EmploymentModel.forenad_en_arbetsgivare: SickPayHandling.huvudarbetsgivaren,
    EmploymentModel.kombinationsdoktorand: SickPayHandling.huvudarbetsgivaren,
    EmploymentModel.tjanstekop: SickPayHandling.enligt_tjanstekopsavtal,
}
_PLACEHOLDER_PERIOD = "manad"
_PLACEHOLDER_TERMS_DAYS = 30
_KEPT = t(
    " Lön, omfattning, arbetsplatser och arbetsmiljöansvar är kvar från utgångsläget.",
    " Salary, extent, workplaces and work-environment duty are kept from the baseline.",
)
_COSTS_KEPT = t(
    " Varje dels kostnad bärs som i utgångsläget.", " Each part's cost is borne as in the baseline."
)


def build(model: EmploymentModel, case: Case) -> tuple[Editor, Text]:
    """The baseline recast under ``model`` (the caller has checked that it can apply)."""
    ed = Editor(case.agreement)
    a = case.agreement
    label = labels.model(model)
    ed.set("model", model.value, t(f"Alternativ: {label.sv}.", f"Alternative: {label.en}."))
    ed.set(
        "id",
        f"{a.id} · {model.value}"[:200],
        t(
            "Alternativet får utgångslägets id med modellen.",
            "The alternative gets the baseline's id and the model.",
        ),
    )
    ed.set(
        "title",
        f"{a.title} – alternativ: {label.sv}"[:200],
        t("Rubriken säger att det är ett alternativ.", "The title says it is an alternative."),
    )
    explanation = _BUILDERS[model](ed, case)
    _sick_pay(ed, model)
    _drop_stale_texts(ed, case)
    kept = (
        _KEPT
        if model == EmploymentModel.tjanstekop
        else t(_KEPT.sv + _COSTS_KEPT.sv, _KEPT.en + _COSTS_KEPT.en)
    )
    return ed, t(explanation.sv + kept.sv, explanation.en + kept.en)


# -- the models ------------------------------------------------------------------------------------------


def _forenad_en(ed: Editor, case: Case) -> Text:
    uni = _forenad_larosate(case)
    _one_employer(ed, case, uni)
    _keep_invoice_if_seller(ed, case, uni)
    n = case.name(uni)
    return t(
        f"{n} anställer hela tjänsten; arbetet hos andra är ett uppdrag inom anställningen, lett av "
        f"värdorganisationen. {n} är huvudarbetsgivare, betalar sjuklön och leder rehabiliteringen.",
        f"{n} employs the whole post; the work elsewhere is an assignment within the employment, led by the "
        f"host. {n} is the main employer, pays sick pay and leads rehabilitation.",
    )


def _forenad_tva(ed: Editor, case: Case) -> Text:
    _by_site(ed, case)
    _linked(ed, case, True)
    return t(
        "Två sammankopplade anställningar: varje organisation anställer det arbete som görs där. Ingen "
        "huvudarbetsgivare; varje arbetsgivare betalar sjuklön för sin anställning.",
        "Two linked employments: each organisation employs the work done there. No main employer; each "
        "employer pays sick pay for its own employment.",
    )


def _kombinationsanstallning(ed: Editor, case: Case) -> Text:
    _by_site(ed, case)
    _linked(ed, case, False)
    return t(
        "Två självständiga anställningar som samordnas genom ett samverkansavtal: varje "
        "organisation anställer "
        "det arbete som görs där. Ingen huvudarbetsgivare; varje arbetsgivare betalar sjuklön för sin "
        "anställning.",
        "Two independent employments coordinated by a cooperation agreement: each organisation employs the "
        "work done there. No main employer; each employer pays sick pay for its own employment.",
    )


def _tjanstekop(ed: Editor, case: Case) -> Text:
    seller = tjanstekop_employer(case)
    buyer = next(o for o in case.site_ids if o != seller)
    _one_employer(ed, case, seller, shares=_bought_shares(case, seller, buyer))
    _invoice(ed, case, seller, buyer)
    share = _number(case.extent_at(buyer))
    s, b = case.name(seller), case.name(buyer)
    return t(
        f"{s} anställer hela tjänsten och är huvudarbetsgivare; {b} köper {share} % av tiden, bär kostnaden "
        f"för den och betalar mot faktura (lön plus pålägg). {s} betalar sjuklön och leder rehabiliteringen.",
        f"{s} employs the whole post and is the main employer; {b} buys {share} % of the time, bears its "
        f"cost and pays by invoice (salary plus overhead). {s} pays sick pay and leads rehabilitation.",
    )


def _adjungering(ed: Editor, case: Case) -> Text:
    a = case.agreement
    home = case.largest([o for o in case.site_ids if not case.kind(o).is_larosate])
    _by_site(ed, case, main=home)
    end = a.end_date.isoformat() if a.end_date else None
    for i in case.parts_with(set(ADJUNCT_OF) | ADJUNCT):
        part = a.parts[i]
        adjunct = ADJUNCT_OF.get(part.position, part.position)
        ed.set(
            f"parts.{i}.position",
            adjunct.value,
            t(
                f"Samma titel i adjungerad form: {labels.position(adjunct.value, 'sv')}.",
                f"The same title in its adjunct form: {labels.position(adjunct.value, 'en')}.",
            ),
        )
        ed.set(
            f"parts.{i}.employment_form",
            EmploymentForm.adjungering.value,
            t("En adjungering är tidsbegränsad.", "An adjunct post is time-limited."),
        )
        if part.end_date is None and end is not None:
            ed.set(
                f"parts.{i}.end_date",
                end,
                t("Slutdatum från avtalets slutdatum.", "End date from the agreement's end date."),
            )
    no_end = any(
        a.parts[i].end_date is None and end is None for i in case.parts_with(set(ADJUNCT_OF) | ADJUNCT)
    )
    h = case.name(home)
    return t(
        "Lärardelen blir en tidsbegränsad adjungering vid lärosätet; huvudanställningen är kvar "
        f"hos {h}, som "
        "är huvudarbetsgivare. Varje arbetsgivare betalar sjuklön för sin anställning."
        + (" Fallet anger inget slutdatum, så inget har hittats på: ange det." if no_end else ""),
        "The teacher part becomes a time-limited adjunct post at the lärosäte; the main employment "
        "stays with "
        f"{h}, the main employer. Each employer pays sick pay for its own employment."
        + (" The case states no end date, so none is invented: state it." if no_end else ""),
    )


def _kombinationsdoktorand(ed: Editor, case: Case) -> Text:
    employer = case.largest(care_sites(case))
    _one_employer(ed, case, employer)
    _keep_invoice_if_seller(ed, case, employer)
    n = case.name(employer)
    return t(
        f"{n} anställer hela tjänsten; forskarutbildningen ryms i anställningen och bedrivs vid "
        "lärosätet som "
        f"värd. {n} är huvudarbetsgivare, betalar sjuklön och leder rehabiliteringen.",
        f"{n} employs the whole post; the doctoral studies are part of the employment and take place at the "
        f"lärosäte as host. {n} is the main employer, pays sick pay and leads rehabilitation.",
    )


def _delad(ed: Editor, case: Case) -> Text:
    _by_site(ed, case)
    return t(
        "Två anställningar, i regionen och i kommunen, som samordnas i nära vård. Ingen huvudarbetsgivare; "
        "varje arbetsgivare betalar sjuklön för sin anställning.",
        "Two employments, in the region and in the kommun, coordinated in local health care. No main "
        "employer; each employer pays sick pay for its own employment.",
    )


_BUILDERS: dict[EmploymentModel, Callable[[Editor, Case], Text]] = {
    EmploymentModel.forenad_en_arbetsgivare: _forenad_en,
    EmploymentModel.forenad_tva_anstallningar: _forenad_tva,
    EmploymentModel.kombinationsanstallning: _kombinationsanstallning,
    EmploymentModel.tjanstekop: _tjanstekop,
    EmploymentModel.adjungering: _adjungering,
    EmploymentModel.kombinationsdoktorand: _kombinationsdoktorand,
    EmploymentModel.delad_tjanst_region_kommun: _delad,
}


# -- who employs --------------------------------------------------------------------------------------


def _forenad_larosate(case: Case) -> str:
    titles = case.permitted_titles or ()
    for part, site in zip(case.agreement.parts, case.sites, strict=True):
        if part.position.value in titles and case.kind(site).is_larosate:
            return site
    return next(e.id for e in case.agreement.employers if e.kind.is_larosate)


def tjanstekop_employer(case: Case) -> str:
    """The employer in a tjänsteköp: the lärosäte of a teacher post (only it can hold one), else the
    baseline's main employer, else the site with most of the work."""
    teachers = [case.sites[i] for i in case.parts_with(TEACHER)]
    if teachers:
        return teachers[0]
    return case.largest(case.site_ids)


def _one_employer(ed: Editor, case: Case, employer: str, shares: list[dict[str, Any]] | None = None) -> None:
    n = case.name(employer)
    for i in range(len(case.agreement.parts)):
        _employ(ed, case, i, employer)
    ed.set(
        "main_employer",
        employer,
        t(
            f"{n} är ensam arbetsgivare och därmed huvudarbetsgivare.",
            f"{n} is the only employer, so the main one.",
        ),
    )
    ed.set(
        "rehabilitation.lead",
        employer,
        t(
            f"Den enda arbetsgivaren, {n}, har rehabiliteringsansvaret (socialförsäkringsbalken 30 kap.).",
            f"The only employer, {n}, has the rehabilitation duty (socialförsäkringsbalken 30 kap.).",
        ),
    )
    _shares(ed, shares if shares is not None else _baseline_shares(case))


def _by_site(ed: Editor, case: Case, main: str | None = None) -> None:
    for i, site in enumerate(case.sites):
        _employ(ed, case, i, site)
    if main is None:
        ed.remove(
            "main_employer",
            t(
                "Med två anställningar finns ingen ensam huvudarbetsgivare.",
                "With two employments there is no single main employer.",
            ),
        )
    else:
        n = case.name(main)
        ed.set(
            "main_employer",
            main,
            t(f"{n} har huvudanställningen.", f"{n} holds the main employment."),
        )
    lead = case.agreement.rehabilitation.lead if case.agreement.rehabilitation else None
    if lead is not None and lead not in case.sites:
        new = main or case.largest(case.site_ids)
        ed.set(
            "rehabilitation.lead",
            new,
            t(
                f"{case.name(lead)} anställer inte längre; {case.name(new)} leder rehabiliteringen.",
                f"{case.name(lead)} no longer employs; {case.name(new)} leads rehabilitation.",
            ),
        )
    _shares(ed, _baseline_shares(case))
    ed.remove(
        "cost_settlement.invoicing",
        t(
            "Med två anställningar betalar varje arbetsgivare lön för sin anställning; ingen faktura.",
            "With two employments each employer pays salary for its employment; no invoice.",
        ),
    )


def _employ(ed: Editor, case: Case, i: int, employer: str) -> None:
    a = case.agreement
    part = a.parts[i]
    site = case.sites[i]
    n = case.name(employer)
    if part.employer != employer:
        ed.set(
            f"parts.{i}.employer",
            employer,
            t(f"{n} anställer delen i den här modellen.", f"{n} employs the part in this model."),
        )
        since = case.employed_since(employer)
        ed.set(
            f"parts.{i}.employed_since",
            since,
            t(
                f"Anställningstiden hos {n} enligt utgångsläget.",
                f"The time employed by {n}, from the baseline.",
            )
            if since
            else t(
                f"En ny anställning hos {n}: anställningstiden räknas från start.",
                f"A new employment with {n}: tenure counts from the start.",
            ),
        )
        _employment_form(ed, case, i, employer)
    ed.set(
        f"parts.{i}.host",
        None if site == employer else site,
        t(
            f"Arbetet utförs och leds hos {case.name(site)}.",
            f"The work is done and led at {case.name(site)}.",
        )
        if site != employer
        else t("Arbetsgivaren är också där arbetet görs.", "The employer is also where the work is done."),
    )


def _employment_form(ed: Editor, case: Case, i: int, employer: str) -> None:
    a = case.agreement
    part = a.parts[i]
    if part.position == Position.doktorand and case.kind(employer).is_larosate:
        ed.set(
            f"parts.{i}.employment_form",
            EmploymentForm.tidsbegransad_hf.value,
            t(
                "En doktorand som lärosätet anställer har en tidsbegränsad anställning enligt "
                "högskoleförordningen.",
                "A doctoral student employed by the lärosäte has a fixed-term employment under "
                "högskoleförordningen.",
            ),
        )
        if part.end_date is None and a.end_date is not None:
            ed.set(
                f"parts.{i}.end_date",
                a.end_date.isoformat(),
                t("Slutdatum från avtalets slutdatum.", "End date from the agreement's end date."),
            )
        return
    tied = (EmploymentForm.tidsbegransad_hf, EmploymentForm.adjungering)
    if part.employment_form in tied and not case.kind(employer).is_larosate:
        other = next((p.employment_form for p in a.parts if p.employer == employer), None)
        if other is not None:
            ed.set(
                f"parts.{i}.employment_form",
                other.value,
                t(
                    "Delen ryms i den anställning personen redan har hos arbetsgivaren.",
                    "The part belongs to the employment the person already has with the employer.",
                ),
            )


# -- who pays -----------------------------------------------------------------------------------------


def _baseline_shares(case: Case) -> list[dict[str, Any]]:
    """Who bears each part's cost in the baseline: its shares, the rest by its baseline employer."""
    a = case.agreement
    given = a.cost_settlement.shares if a.cost_settlement else []
    out: list[dict[str, Any]] = []
    for i, part in enumerate(a.parts):
        weights: dict[str, Decimal] = {}
        for s in given:
            if s.part == i:
                weights[s.payer] = weights.get(s.payer, Decimal(0)) + s.share_percent
        rest = Decimal(100) - sum(weights.values(), Decimal(0))
        if rest > 0:
            weights[part.employer] = weights.get(part.employer, Decimal(0)) + rest
        out += [{"part": i, "payer": p, "share_percent": _number(w)} for p, w in weights.items()]
    return out


def _bought_shares(case: Case, seller: str, buyer: str) -> list[dict[str, Any]]:
    return [
        {"part": i, "payer": buyer if site == buyer else seller, "share_percent": 100}
        for i, site in enumerate(case.sites)
    ]


def _shares(ed: Editor, shares: list[dict[str, Any]]) -> None:
    ed.set(
        "cost_settlement.shares",
        shares,
        t(
            "Vem som bär kostnaden för varje del, skrivet för varje del.",
            "Who bears the cost of each part, written out for every part.",
        ),
    )


def _keep_invoice_if_seller(ed: Editor, case: Case, employer: str) -> None:
    inv = case.agreement.cost_settlement.invoicing if case.agreement.cost_settlement else None
    if inv is not None and inv.seller != employer:
        ed.remove(
            "cost_settlement.invoicing",
            t(
                f"Fakturan hade en annan säljare än arbetsgivaren {case.name(employer)}.",
                f"The invoice had another seller than the employer {case.name(employer)}.",
            ),
        )


def _invoice(ed: Editor, case: Case, seller: str, buyer: str) -> None:
    a = case.agreement
    base = a.cost_settlement.invoicing if a.cost_settlement else None
    if base is not None and base.seller == seller and base.buyer == buyer:
        return
    stated = a.employer(seller).overhead_percent
    if stated is None and base is not None and base.seller == seller:
        stated = base.overhead_percent
    invoice: dict[str, Any] = {
        "seller": seller,
        "buyer": buyer,
        "basis": "lon_plus_palagg",
        "share_percent": _number(case.extent_at(buyer)),
        "period": base.period.value if base else _PLACEHOLDER_PERIOD,
        "payment_terms_days": base.payment_terms_days if base else _PLACEHOLDER_TERMS_DAYS,
    }
    if stated is not None:
        invoice["overhead_percent"] = _number(stated)
    s, b = case.name(seller), case.name(buyer)
    share = invoice["share_percent"]
    why_sv = f"{b} köper tid av {s} mot faktura: lön plus pålägg för {share} % av heltid"
    why_en = f"{b} buys time from {s} by invoice: salary plus overhead for {share} % of full time"
    if stated is not None:
        why_sv += f", med säljarens angivna pålägg {_number(stated)} %"
        why_en += f", with the seller's stated overhead {_number(stated)} %"
    else:
        why_sv += "; säljarens pålägg är inte angivet och har inte hittats på"
        why_en += "; the seller's overhead is not stated and has not been invented"
    if base is None:
        why_sv += (
            f". Period ({_PLACEHOLDER_PERIOD}) och betalningsvillkor ({_PLACEHOLDER_TERMS_DAYS} dagar) är "
            "platshållare, inte fallets eller lagens: förhandla dem"
        )
        why_en += (
            f". Period ({_PLACEHOLDER_PERIOD}) and payment terms ({_PLACEHOLDER_TERMS_DAYS} days) are "
            "placeholders, not the case's or the law's: negotiate them"
        )
    ed.set("cost_settlement.invoicing", invoice, t(why_sv + ".", why_en + "."))


# -- terms that follow the model ----------------------------------------------------------------------


def _sick_pay(ed: Editor, model: EmploymentModel) -> None:
    handling = _SICK_PAY.get(model, SickPayHandling.varje_arbetsgivare)
    text = labels.SICK_PAY[handling.value]
    ed.set(
        "sick_pay.handling",
        handling.value,
        t(
            f"Sjuklön i modellen: {text.sv} (sjuklönelagen gäller per anställning).",
            f"Sick pay in the model: {text.en} (the Sick Pay Act applies per employment).",
        ),
    )


def _linked(ed: Editor, case: Case, linked: bool) -> None:
    stated = case.agreement.linked_termination
    if stated is None or stated.linked == linked:
        return  # not stated: the rule asks for it; nothing is invented
    ed.set(
        "linked_termination.linked",
        linked,
        t(
            "Modellen är två sammankopplade anställningar."
            if linked
            else "Modellen är två självständiga anställningar.",
            "The model is two linked employments." if linked else "The model is two independent employments.",
        ),
    )


def _drop_stale_texts(ed: Editor, case: Case) -> None:
    a = case.agreement
    stale = t(
        "Texten beskrev villkoret som ändrats; skriv den på nytt.",
        "The text described the term that changed; write it anew.",
    )
    if a.sick_pay and a.sick_pay.handling.value != ed.get("sick_pay.handling"):
        ed.remove("sick_pay.note", stale)
    if a.rehabilitation and a.rehabilitation.lead != ed.get("rehabilitation.lead"):
        ed.remove("rehabilitation.cooperation", stale)
    if a.linked_termination and a.linked_termination.linked != ed.get("linked_termination.linked"):
        ed.remove("linked_termination.description", stale)
    employers_before = {p.employer for p in a.parts}
    employers_after = {p["employer"] for p in ed.get("parts")}
    invoice_before = (
        a.cost_settlement.invoicing.model_dump(mode="json", exclude_none=True)
        if (a.cost_settlement and a.cost_settlement.invoicing)
        else None
    )
    if employers_before != employers_after or invoice_before != ed.get("cost_settlement.invoicing"):
        ed.remove("cost_settlement.notes", stale)
    if employers_before != employers_after:
        ed.remove("secondary_employment.note", stale)


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)
