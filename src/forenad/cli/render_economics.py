"""Terminal output of ``forenad check --facts``: the economics of each agreement as tables.

Amounts are whole kronor, Swedish (``52 125 kr``) or English (``52,125 kr``) through Babel; ``≥`` marks a
lower bound (an overhead is missing) and a number in brackets points to a note below the tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from forenad.economics import Economics, Note
from forenad.economics.notes import scheme_name
from forenad.i18n import Lang, Text
from forenad.model import Agreement
from forenad.presentation.formatting import format_number
from forenad.report import CheckRun
from forenad.terminal import console as safe_console

_L: dict[str, dict[str, str]] = {
    "sv": {
        "title": "Ekonomi · {file} · per {date}",
        "fee": "Arbetsgivaravgift",
        "fee_full": "{rate} %",
        "fee_older": "{rate} % (född 1938–1958: bara ålderspensionsavgift)",
        "fee_born_before_1938": "{rate} % (född 1937 eller tidigare)",
        "fee_youth": "{rate} % upp till {cap} i månaden per arbetsgivare, {full} % över",
        "unknown": "okänt",
        "parts": "Per del",
        "part": "Del",
        "employer": "Arbetsgivare",
        "position": "Befattning",
        "extent": "Omfattning",
        "salary_month": "Månadslön",
        "salary_year": "Lön per år",
        "fees_year": "Arbetsgivaravgifter per år",
        "pension_year": "Tjänstepension per år",
        "cost_year": "Kostnad per år",
        "borne_by": "Bärs av (per år)",
        "employers": "Per organisation, per år",
        "overhead": "Pålägg",
        "after_shares": "Efter kostnadsandelar",
        "net": "Betalar till slut",
        "scheme": "Pensionsplan",
        "total": "Summa",
        "invoice": "Faktura {seller} → {buyer}",
        "inv_lon": "lön {salary} × (1 + {overhead} %) i månaden",
        "inv_fast": "fast pris",
        "inv_tim": "timpris {price}",
        "per_period": "{amount} per {period}, {year} per år; betalning inom {days} dagar",
        "shortfall": "Täcker {amount} mindre per år än kostnaden som kostnadsandelarna lägger på köparen.",
        "surplus": "Täcker {amount} mer per år än kostnaden som kostnadsandelarna lägger på köparen.",
        "person": "Personen",
        "person_salary": "Lön {month} i månaden, {year} per år.",
        "person_pension": "Tjänstepension (premiebestämda delar): {items}; totalt {month} i månaden "
        "({year} per år).",
        "person_single": "Samma lön i en anställning ({scheme}): {month} i månaden; delningen kostar "
        "{loss} i månaden ({loss_year} per år).",
        "person_single_no_loss": "Samma lön i en anställning ({scheme}): {month} i månaden i premiebestämda "
        "delar; vad delningen kostar räknas inte fram.",
        "person_pro_rata": "Med brytpunkten i AKAP-KR sänkt pro rata: {month} i månaden (+{gain}, "
        "+{gain_year} per år).",
        "notes": "Anmärkningar",
        "unverified": "Bygger på overifierade värden: {names}.",
        "per_month": "/mån",
        "manad": "månad",
        "kvartal": "kvartal",
        "halvar": "halvår",
        "ar": "år",
        "lower": "≥ = nedre gräns (pålägget saknas)",
    },
    "en": {
        "title": "Economics · {file} · on {date}",
        "fee": "Employer's fee",
        "fee_full": "{rate} %",
        "fee_older": "{rate} % (born 1938–1958: old-age pension fee only)",
        "fee_born_before_1938": "{rate} % (born 1937 or earlier)",
        "fee_youth": "{rate} % up to {cap} a month per employer, {full} % above",
        "unknown": "unknown",
        "parts": "Per part",
        "part": "Part",
        "employer": "Employer",
        "position": "Position",
        "extent": "Extent",
        "salary_month": "Monthly salary",
        "salary_year": "Salary a year",
        "fees_year": "Employer's fees a year",
        "pension_year": "Pension a year",
        "cost_year": "Cost a year",
        "borne_by": "Borne by (a year)",
        "employers": "Per organisation, a year",
        "overhead": "Overhead",
        "after_shares": "After cost shares",
        "net": "Pays in the end",
        "scheme": "Pension scheme",
        "total": "Total",
        "invoice": "Invoice {seller} → {buyer}",
        "inv_lon": "salary {salary} × (1 + {overhead} %) a month",
        "inv_fast": "fixed price",
        "inv_tim": "hourly price {price}",
        "per_period": "{amount} per {period}, {year} a year; payment within {days} days",
        "shortfall": "Covers {amount} a year less than the cost the cost shares assign to the buyer.",
        "surplus": "Covers {amount} a year more than the cost the cost shares assign to the buyer.",
        "person": "The person",
        "person_salary": "Salary {month} a month, {year} a year.",
        "person_pension": "Occupational pension (premium-based parts): {items}; in all {month} a month "
        "({year} a year).",
        "person_single": "The same pay in one employment ({scheme}): {month} a month; the split costs "
        "{loss} a month ({loss_year} a year).",
        "person_single_no_loss": "The same pay in one employment ({scheme}): {month} a month in "
        "premium-based parts; what the split costs is not computed.",
        "person_pro_rata": "With the AKAP-KR break point lowered pro rata: {month} a month (+{gain}, "
        "+{gain_year} a year).",
        "notes": "Notes",
        "unverified": "Rests on unverified values: {names}.",
        "per_month": "/month",
        "manad": "month",
        "kvartal": "quarter",
        "halvar": "half-year",
        "ar": "year",
        "lower": "≥ = lower bound (the overhead is missing)",
    },
}


class _Notes:
    """Numbered notes, each text once; ``ref`` gives the marker for a cell."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.items: list[str] = []

    def ref(self, text: Text | None) -> str:
        if text is None:
            return ""
        body = text(self.lang)
        if body not in self.items:
            self.items.append(body)
        return f" [{self.items.index(body) + 1}]"

    def all(self, notes: Iterable[Note]) -> None:
        for n in notes:
            self.ref(n.text)


def _kr(value: Decimal | None, lang: Lang, *, unit: bool = True) -> str:
    if value is None:
        return _L[lang]["unknown"]
    return format_number(value, lang, 0) + (" kr" if unit else "")


def _pct(value: Decimal, lang: Lang) -> str:
    return format_number(value, lang)


def _cell(value: Decimal | None, basis: str | None, lang: Lang, note: Text | None, notes: _Notes) -> str:
    """An amount in kronor; ``≥`` before a lower bound, a note marker after an unknown or a lower bound."""
    prefix = "≥ " if basis == "lower_bound" and value is not None else ""
    marker = notes.ref(note) if value is None or prefix else ""
    return escape(prefix + _kr(value, lang) + marker)


def _fee_line(econ: Economics, lang: Lang, notes: _Notes) -> str:
    labels = _L[lang]
    fee = econ.fee
    if fee is None:
        note = next((n.text for n in econ.notes if n.field == "fee"), None)
        return f"{labels['fee']}: {labels['unknown']}{notes.ref(note)}"
    text = labels[f"fee_{fee.kind}"].format(
        rate=_pct(fee.rate, lang),
        full=_pct(fee.full_rate, lang),
        cap=_kr(fee.cap_monthly, lang) if fee.cap_monthly is not None else "",
    )
    caveat = next((n.text for n in econ.notes if n.field == "fee"), None)
    return f"{labels['fee']}: {text}{notes.ref(caveat)}"


def _table(title: str, headers: list[str]) -> Table:
    """Quantities down, parts or organisations across: narrow enough for an 80-column terminal."""
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False)
    table.add_column("")
    for header in headers:
        table.add_column(escape(header), justify="right", no_wrap=False)
    return table


def _parts_table(econ: Economics, agreement: Agreement, lang: Lang, notes: _Notes) -> Table:
    labels = _L[lang]
    names = {e.id: e.name for e in econ.employers}
    parts = econ.parts
    headers = [
        f"{labels['part']} {p.index + 1}: {agreement.parts[p.index].title or p.position}" for p in parts
    ]
    table = _table(labels["parts"], headers)
    table.add_row(labels["employer"], *(escape(names.get(p.employer, p.employer)) for p in parts))
    table.add_row(labels["extent"], *(f"{_pct(p.extent_percent, lang)} %" for p in parts))
    table.add_row(labels["salary_month"], *(_kr(p.monthly_salary, lang) for p in parts))
    table.add_row(labels["salary_year"], *(_kr(p.yearly_salary, lang) for p in parts))
    table.add_row(
        labels["fees_year"],
        *(_cell(p.employer_fees_year, None, lang, p.why("employer_fees_month"), notes) for p in parts),
    )
    table.add_row(
        labels["pension_year"],
        *(_cell(p.pension_year, None, lang, p.why("pension_month"), notes) for p in parts),
    )
    table.add_row(
        labels["cost_year"],
        *(_cell(p.cost_year, p.cost_basis, lang, p.why("cost_month"), notes) for p in parts),
    )
    borne = []
    for p in parts:
        if p.borne_by is None:
            borne.append(escape(labels["unknown"] + notes.ref(p.why("borne_by") or p.why("cost_month"))))
        else:
            lines = [f"{names.get(k, k)}\n{_kr(v, lang)}" for k, v in p.borne_by]
            borne.append(escape("\n".join(lines) + notes.ref(p.why("borne_by"))))
    if any(p.borne_by is None or [k for k, _ in p.borne_by] != [p.employer] for p in parts):
        table.add_row(labels["borne_by"], *borne)  # only when a cost moves, or cannot be shared out
    return table


def _employers_table(econ: Economics, lang: Lang, notes: _Notes) -> Table:
    labels = _L[lang]
    emps = econ.employers
    t = econ.total
    table = _table(labels["employers"], [*(e.name for e in emps), labels["total"]])
    dash = "–"

    def row(label: str, cells: list[str], total: str = "") -> None:
        table.add_row(label, *cells, total)

    row(
        labels["salary_year"],
        [_kr(e.yearly_salary, lang) if e.employs else dash for e in emps],
        _kr(t.yearly_salary, lang),
    )
    row(
        labels["fees_year"],
        [
            _cell(e.employer_fees_year, None, lang, e.why("employer_fees_month"), notes)
            if e.employs
            else dash
            for e in emps
        ],
        _cell(t.employer_fees_year, None, lang, None, notes),
    )
    row(
        labels["pension_year"],
        [
            _cell(e.pension_year, None, lang, e.why("pension_month"), notes) if e.employs else dash
            for e in emps
        ],
        _cell(t.pension_year, None, lang, None, notes),
    )
    row(labels["scheme"], [escape(scheme_name(e.pension_scheme)) if e.employs else dash for e in emps])
    row(
        labels["overhead"],
        [
            (f"{_pct(e.overhead_percent, lang)} %" if e.overhead_percent is not None else labels["unknown"])
            + _ref(e.why("overhead_percent"), notes)
            if e.employs
            else dash
            for e in emps
        ],
    )
    row(
        labels["cost_year"],
        [
            _cell(e.cost_year, e.cost_basis, lang, e.why("cost_month"), notes) if e.employs else dash
            for e in emps
        ],
        _cell(t.cost_year, t.cost_basis, lang, t.why("cost_month"), notes),
    )
    if any(e.cost_after_shares_year != e.cost_year for e in emps):
        row(
            labels["after_shares"],
            [_cell(e.cost_after_shares_year, e.cost_after_shares_basis, lang, None, notes) for e in emps],
        )
    row(
        f"[bold]{labels['net']}[/]",
        [
            f"[bold]{_cell(e.net_cost_year, e.net_cost_basis, lang, e.why('net_cost_year'), notes)}[/]"
            for e in emps
        ],
        f"[bold]{_cell(t.cost_year, t.cost_basis, lang, None, notes)}[/]",
    )
    return table


def _ref(text: Text | None, notes: _Notes) -> str:
    return escape(notes.ref(text))


def _invoice_lines(econ: Economics, lang: Lang, notes: _Notes) -> list[str]:
    inv = econ.invoice
    if inv is None:
        return []
    labels = _L[lang]
    names = {e.id: e.name for e in econ.employers}
    head = labels["invoice"].format(
        seller=names.get(inv.seller, inv.seller), buyer=names.get(inv.buyer, inv.buyer)
    )
    if inv.basis == "lon_plus_palagg":
        how = labels["inv_lon"].format(
            salary=_kr(inv.salary_month, lang),
            overhead=_pct(inv.overhead_percent, lang) if inv.overhead_percent is not None else "?",
        )
    elif inv.basis == "fast_pris":
        how = labels["inv_fast"]
    else:
        how = labels["inv_tim"].format(price=_kr(inv.price, lang))
    amounts = labels["per_period"].format(
        amount=_kr(inv.amount_per_period, lang),
        period=labels[inv.period],
        year=_kr(inv.amount_year, lang),
        days=inv.payment_terms_days,
    )
    ref = notes.ref(inv.why("amount_per_period"))
    lines = [f"[bold]{escape(head)}[/]: {escape(f'{how}; {amounts}{ref}')}"]
    if inv.shortfall_year is not None and inv.shortfall_year != 0:
        key = "shortfall" if inv.shortfall_year > 0 else "surplus"
        text = labels[key].format(amount=_kr(abs(inv.shortfall_year), lang))
        lines.append("  " + escape(text + notes.ref(inv.why("shortfall_year"))))
    elif inv.why("shortfall_year") is not None:
        lines[0] += escape(notes.ref(inv.why("shortfall_year")))
    return lines


def _person_lines(econ: Economics, lang: Lang, notes: _Notes) -> list[str]:
    labels = _L[lang]
    p = econ.person
    lines = [
        labels["person_salary"].format(month=_kr(p.monthly_salary, lang), year=_kr(p.yearly_salary, lang))
    ]
    items = ", ".join(
        f"{scheme_name(s.scheme)} {_kr(s.month, lang)}{labels['per_month']}{notes.ref(s.why('month'))}"
        for s in p.pensions
    )
    lines.append(
        labels["person_pension"].format(
            items=items, month=_kr(p.pension_month, lang), year=_kr(p.pension_year, lang)
        )
    )
    if len(p.pensions) > 1:
        key = "person_single" if p.split_loss_month is not None else "person_single_no_loss"
        lines.append(
            labels[key].format(
                scheme=scheme_name(p.single_scheme),
                month=_kr(p.single_pension_month, lang),
                loss=_kr(p.split_loss_month, lang),
                loss_year=_kr(p.split_loss_year, lang),
            )
            + notes.ref(p.why("split_loss_month") or p.why("single_pension_month"))
        )
    if p.pro_rata_pension_month is not None:
        lines.append(
            labels["person_pro_rata"].format(
                month=_kr(p.pro_rata_pension_month, lang),
                gain=_kr(p.pro_rata_gain_month, lang),
                gain_year=_kr(p.pro_rata_gain_year, lang),
            )
        )
    return [escape(line) for line in lines]


def print_economics(econ: Economics, agreement: Agreement, file: str, lang: Lang, console: Console) -> None:
    labels = _L[lang]
    notes = _Notes(lang)
    console.print()
    console.print(f"[bold]{escape(labels['title'].format(file=file, date=econ.on.isoformat()))}[/]")
    console.print(escape(_fee_line(econ, lang, notes)))
    console.print(_parts_table(econ, agreement, lang, notes))
    console.print(_employers_table(econ, lang, notes))
    for line in _invoice_lines(econ, lang, notes):
        console.print(line)
    console.print(f"[bold]{labels['person']}[/]")
    for line in _person_lines(econ, lang, notes):
        console.print("  " + line)
    for scope in (*econ.employers, *econ.parts, econ.person, econ.total, econ):
        notes.all(n for n in scope.notes if not n.unknown)  # caveats on known figures, after the references
    if any(e.cost_basis == "lower_bound" for e in econ.employers):
        console.print(f"[dim]{escape(labels['lower'])}[/]")
    if notes.items:
        console.print(f"[bold]{labels['notes']}[/]")
        for i, text in enumerate(notes.items, start=1):
            console.print(f"  [dim]\\[{i}][/] {escape(text)}")
    if econ.unverified:
        console.print(f"[magenta]{escape(labels['unverified'].format(names=', '.join(econ.unverified)))}[/]")


def print_files(
    files: Iterable[tuple[str, Agreement]],
    on: dt.date,
    params: Any,
    lang: Lang,
    console: Console | None = None,
) -> None:
    """The economics table of each agreement."""
    from forenad.economics import compute

    console = console or safe_console(highlight=False, soft_wrap=False)
    for file, agreement in files:
        print_economics(compute(agreement, on, params), agreement, file, lang, console)


def print_run_economics(run: CheckRun, params: Any, lang: Lang, console: Console | None = None) -> None:
    """The economics table of each valid file of a check run (the files are read again)."""
    from forenad.io import read_agreement

    valid = []
    for result in run.results:
        if result.valid:
            agreement = read_agreement(result.file).agreement
            if agreement is not None:
                valid.append((result.file, agreement))
    print_files(valid, run.evaluated_on, params, lang, console)
