"""The survey's tables, built from the records of the agreements (see :mod:`forenad.kartlaggning.records`).

Every cell knows the agreements behind it, so that :mod:`forenad.kartlaggning.suppression` can hide the small
ones. Rows labelled from free text (professions, organisation names, organisation pairs) are shown only for
``min_count`` agreements or more when suppressing; smaller ones are pooled under *övriga*.

Counted in findings: the rule findings of severity error and warning ("what goes wrong"); the topic table
counts info findings as well, in a column of their own.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from forenad.i18n import Text, t
from forenad.kartlaggning.counties import MANY, UNKNOWN, counties, county_label
from forenad.kartlaggning.records import COST_MODELS, Figure, Record
from forenad.kartlaggning.result import Chart
from forenad.kartlaggning.suppression import DraftCell, DraftColumn, DraftTable
from forenad.model import EmploymentModel
from forenad.report import TOPICS

__all__ = ["TOTAL", "Context", "build_tables"]

TOTAL = "total"
OTHERS = "ovriga"
NOT_STATED = "ej_angivet"
MONTHS_AHEAD = 6
PROBLEMS = ("error", "warning")

_TOTAL_LABEL = t("Totalt", "Total")
_OTHERS_LABEL = t("Övriga (färre än {n} avtal var)", "Others (fewer than {n} agreements each)")
_NOT_STATED_LABEL = t("Inte angivet", "Not stated")
UNDETERMINED = "ej_faststallt"
_UNDETERMINED_LABEL = t("Inte fastställt", "Not determined")
_AGREEMENTS = t("Avtal", "Agreements")
_SHARE = t("Andel", "Share")

_MONTHS_SV = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Context:
    """What the tables are built from."""

    records: Sequence[Record]
    on: dt.date
    suppress: bool
    min_count: int
    rule_titles: Callable[[str], Text]
    files: int
    duplicates: int
    unreadable: int
    ended: int

    @property
    def everyone(self) -> list[int]:
        return list(range(len(self.records)))


# --------------------------------------------------------------------------------------------------------
# Cells


def count(base: Iterable[Any], agreements: bool = True) -> DraftCell:
    frozen = frozenset(base)
    return DraftCell("count", len(frozen), frozen, agreements=agreements)


def tally(value: int, base: Iterable[Any]) -> DraftCell:
    """A count of something other than agreements (parts), resting on the agreements in ``base``."""
    return DraftCell("count", value, frozenset(base))


def money(figures: Iterable[tuple[int, Figure]]) -> DraftCell:
    """The sum of yearly amounts, in whole kronor, over the agreements that contribute them."""
    base: set[int] = set()
    known: list[Decimal] = []
    lower = False
    unknown = 0
    for index, (value, is_lower) in figures:
        base.add(index)
        if value is None:
            unknown += 1
            continue
        known.append(value)
        lower = lower or is_lower
    value = sum(known, Decimal(0)).quantize(Decimal(1), rounding=ROUND_HALF_UP) if known else None
    return DraftCell("kronor", int(value) if value is not None else None, frozenset(base), lower, unknown)


def share(part: DraftCell, whole: DraftCell) -> DraftCell:
    if part.value is None or not whole.value:
        return DraftCell("percent", None, part.base)
    ratio = Decimal(part.value) * 100 / Decimal(whole.value)
    return DraftCell("percent", ratio.quantize(Decimal(1), rounding=ROUND_HALF_UP), part.base)


# --------------------------------------------------------------------------------------------------------
# Grouped tables

Measure = Callable[[list[int], str | None], DraftCell]
"""A column's cell for the agreements of a row (the row's key; ``None`` for the total row)."""


@dataclass(frozen=True, slots=True)
class Col:
    column: DraftColumn
    measure: Measure | None = None


def grouped(
    ctx: Context,
    key: str,
    title: Text,
    text: Text,
    rows: list[tuple[str, Text, list[int]]],
    cols: list[Col],
    *,
    total: bool = True,
    free_text: bool = False,
    chart: Chart | None = None,
) -> DraftTable:
    """A table with a row per group of agreements, and a total row over every agreement in a group."""
    if free_text and ctx.suppress:
        rows = _pool(rows, ctx.min_count)
    table = DraftTable(key, title, text, [c.column for c in cols], chart=chart)
    everyone = sorted({i for _, _, indices in rows for i in indices})
    planned = [(k, label, indices, False) for k, label, indices in rows]
    if total:
        planned.append((TOTAL, _TOTAL_LABEL, everyone, True))
    computed: list[list[DraftCell | None]] = []
    for row_key, _, indices, is_total in planned:
        computed.append(
            [c.measure(indices, None if is_total else row_key) if c.measure else None for c in cols]
        )
    whole = computed[-1] if total else None
    for (row_key, label, _, is_total), cells in zip(planned, computed, strict=True):
        finished: list[DraftCell] = []
        for i, col in enumerate(cols):
            cell = cells[i]
            if cell is None:
                source = [c.column.key for c in cols].index(col.column.share_of or "")
                part = cells[source]
                whole_cell = None if whole is None else whole[source]
                assert part is not None and whole_cell is not None
                cell = share(part, whole_cell)
            finished.append(cell)
        table.add(row_key, label, finished, is_total)
    return table


def _pool(rows: list[tuple[str, Text, list[int]]], min_count: int) -> list[tuple[str, Text, list[int]]]:
    kept = [r for r in rows if len(r[2]) >= min_count or r[0] == NOT_STATED]
    pooled = sorted({i for r in rows if r not in kept for i in r[2]})
    if pooled:
        kept.append((OTHERS, _OTHERS_LABEL.format(n=min_count), pooled))
    return kept


def _by(ctx: Context, key: Callable[[Record], str]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for i, record in enumerate(ctx.records):
        out.setdefault(key(record), []).append(i)
    return out


def _by_many(ctx: Context, keys: Callable[[Record], Iterable[str]]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for i, record in enumerate(ctx.records):
        for k in dict.fromkeys(keys(record)):
            out.setdefault(k, []).append(i)
    return out


def _largest_first(groups: dict[str, list[int]]) -> list[str]:
    return sorted(groups, key=lambda k: (k in (OTHERS, NOT_STATED, UNDETERMINED), -len(groups[k]), k))


def _agreements_col(additive: bool = True) -> Col:
    return Col(DraftColumn("agreements", _AGREEMENTS, "count", additive=additive), lambda ix, _: count(ix))


def _share_col() -> Col:
    return Col(DraftColumn("share", _SHARE, "percent", additive=True, share_of="agreements"))


def _label(kind: str, slug: str) -> Text:
    from forenad.kartlaggning.labels import label

    return label(kind, slug)


# --------------------------------------------------------------------------------------------------------
# The tables


def overview(ctx: Context) -> DraftTable:
    records = ctx.records
    everyone = ctx.everyone
    table = DraftTable(
        "overview",
        t("Översikt", "Overview"),
        t(
            "Avtalsfilerna som lästes och avtalen som ingår. Samma avtals-id i flera filer räknas en gång. "
            "Avtal som upphört före dagen ingår inte.",
            "The agreement files read and the agreements included. The same agreement id in several files "
            "counts once. Agreements that ended before the date are left out.",
        ),
        [DraftColumn("value", t("Antal eller belopp", "Number or amount"), "count")],
    )
    files = count((("file", i) for i in range(ctx.files)), agreements=False)
    included = count(everyone)
    included.keep = True
    duplicates = count((("duplicate", i) for i in range(ctx.duplicates)), agreements=False)
    unreadable = count((("unreadable", i) for i in range(ctx.unreadable)), agreements=False)
    ended = count(("ended", i) for i in range(ctx.ended))
    table.add("files", t("Avtalsfiler lästa", "Agreement files read"), [files])
    table.add("agreements", t("Avtal i kartläggningen", "Agreements in the survey"), [included])
    table.add(
        "duplicates",
        t("Dubbletter (samma avtals-id), utelämnade", "Duplicates (same id), left out"),
        [duplicates],
    )
    table.add(
        "unreadable",
        t("Filer som inte kunde läsas, utelämnade", "Files that could not be read, left out"),
        [unreadable],
    )
    table.add(
        "ended",
        t("Avtal som upphört före dagen, utelämnade", "Agreements ended before the date, left out"),
        [ended],
    )
    table.groups.append(([included, duplicates, unreadable, ended], files))
    incomplete = [i for i, r in enumerate(records) if not r.complete]
    table.add(
        "incomplete",
        t(
            "Avtal ofullständigt prövade (ett daterat värde saknas)",
            "Agreements checked incompletely (a dated value is missing)",
        ),
        [count(incomplete)],
    )
    table.add(
        "with_errors",
        t("Avtal med minst ett fel", "Agreements with at least one error"),
        [count(i for i, r in enumerate(records) if any(s == "error" for _, _, s in r.findings))],
    )
    table.add(
        "cost_year",
        t("Total kostnad per år", "Total cost per year"),
        [money((i, r.cost_year) for i, r in enumerate(records))],
    )
    losing = [i for i, r in enumerate(records) if r.split_loss_year]
    table.add(
        "split_loss_agreements",
        t("Avtal där delad lön ger lägre pension", "Agreements where the split salary lowers the pension"),
        [count(losing)],
    )
    table.add(
        "split_loss_year",
        t(
            "Pension som förloras på delad lön, per år (summa)",
            "Pension lost to split salaries, per year (sum)",
        ),
        [money((i, (records[i].split_loss_year, False)) for i in losing)],
    )
    overdue = [i for i, r in enumerate(records) if r.review_date is not None and r.review_date < ctx.on]
    table.add(
        "review_overdue",
        t("Avtal vars uppföljningsdatum har passerat", "Agreements whose review date has passed"),
        [count(overdue)],
    )
    return table


def models(ctx: Context) -> DraftTable:
    groups = _by(ctx, lambda r: r.model)
    rows = [(m.value, _label("model", m.value), groups.get(m.value, [])) for m in EmploymentModel]
    cost = Col(
        DraftColumn("cost_year", t("Kostnad per år", "Cost per year"), "kronor", additive=True),
        lambda ix, _: money((i, ctx.records[i].cost_year) for i in ix),
    )
    return grouped(
        ctx,
        "models",
        t("Anställningsmodeller", "Employment models"),
        t(
            "Hur tjänsterna är organiserade: antal avtal per anställningsmodell, andel av alla avtal och "
            "den sammanlagda kostnaden per år.",
            "How the posts are organised: agreements per employment model, their share of all agreements "
            "and the total cost per year.",
        ),
        rows,
        [_agreements_col(), _share_col(), cost],
        chart=Chart("agreements", t("Avtal per anställningsmodell", "Agreements per employment model")),
    )


def professions(ctx: Context) -> DraftTable:
    groups = _by(ctx, lambda r: r.profession or NOT_STATED)
    rows = [(k, _NOT_STATED_LABEL if k == NOT_STATED else t(k, k), groups[k]) for k in _largest_first(groups)]
    return grouped(
        ctx,
        "professions",
        t("Yrken", "Professions"),
        t(
            "Personens yrke som det står i avtalet. Ett yrke visas med namn först när det finns i minst "
            "{n} avtal; färre slås ihop under Övriga.",
            "The person's profession as the agreement states it. A profession is named only when at least "
            "{n} agreements have it; fewer are pooled under Others.",
        ).format(n=ctx.min_count),
        rows,
        [_agreements_col(), _share_col()],
        free_text=True,
        chart=Chart("agreements", t("Avtal per yrke", "Agreements per profession")),
    )


def positions(ctx: Context) -> DraftTable:
    groups = _by_many(ctx, lambda r: r.positions)
    parts: dict[str, int] = {}
    for record in ctx.records:
        for position in record.positions:
            parts[position] = parts.get(position, 0) + 1
    rows = [(k, _label("position", k), groups[k]) for k in _largest_first(groups)]

    def part_count(ix: list[int], key: str | None) -> DraftCell:
        if key is None:
            return tally(sum(len(ctx.records[i].positions) for i in ix), ix)
        return tally(parts.get(key, 0), ix)

    return grouped(
        ctx,
        "positions",
        t("Befattningar", "Positions"),
        t(
            "Befattningarna i tjänsternas delar. Ett avtal med två befattningar räknas på båda raderna, så "
            "avtalen summerar inte till totalen; delarna gör det.",
            "The positions of the posts' parts. An agreement with two positions counts on both rows, so "
            "the agreements do not add up to the total; the parts do.",
        ),
        rows,
        [
            _agreements_col(additive=False),
            Col(DraftColumn("parts", t("Delar", "Parts"), "count", additive=True), part_count),
        ],
    )


def employer_kinds(ctx: Context) -> DraftTable:
    groups = _by(ctx, lambda r: "+".join(r.kinds))
    rows = [(k, _joined("employer_kind", k.split("+")), groups[k]) for k in _largest_first(groups)]
    return grouped(
        ctx,
        "employer_kinds",
        t("Slag av arbetsgivare som möts", "Kinds of employer that meet"),
        t(
            "Vilka slags organisationer som delar på tjänsterna, till exempel region och statligt lärosäte.",
            "Which kinds of organisation share the posts, for example a region and a state university.",
        ),
        rows,
        [_agreements_col(), _share_col()],
    )


def _joined(kind: str, slugs: Iterable[str]) -> Text:
    labels = [_label(kind, s) for s in slugs]
    return t(" + ".join(x.sv for x in labels), " + ".join(x.en for x in labels))


def _organisation_label(key: str) -> Text:
    kind, _, name = key.partition(":")
    if name:
        return t(name, name)
    label = _label("employer_kind", kind)
    return t(f"{label.sv} (utan namn)", f"{label.en} (not named)")


def organisation_pairs(ctx: Context) -> DraftTable:
    groups = _by(ctx, lambda r: " | ".join(sorted(o.key for o in r.organisations)))

    def label(key: str) -> Text:
        names = [_organisation_label(k) for k in key.split(" | ")]
        return t(" – ".join(n.sv for n in names), " – ".join(n.en for n in names))

    rows = [(k, label(k), groups[k]) for k in _largest_first(groups)]
    return grouped(
        ctx,
        "organisation_pairs",
        t("Organisationer som samarbetar", "Organisations working together"),
        t(
            "De organisationer som är parter i samma avtal. Regioner, kommuner och lärosäten visas med namn, "
            "privata arbetsgivare bara med sitt slag. En kombination visas med namn först när den finns i "
            "minst {n} avtal.",
            "The organisations that are parties to the same agreement. Regions, kommuner and universities "
            "are named, private employers shown by their kind only. A combination is named only when at "
            "least {n} agreements have it.",
        ).format(n=ctx.min_count),
        rows,
        [_agreements_col(), _share_col()],
        free_text=True,
    )


def county_table(ctx: Context) -> DraftTable:
    groups = _by(ctx, lambda r: r.county)
    known = [c for c in counties() if c in groups]
    rows = [(c, county_label(c), groups[c]) for c in [*known, MANY, UNKNOWN] if c in groups]
    return grouped(
        ctx,
        "counties",
        t("Län", "Counties"),
        t(
            "Länet avgörs av avtalets regioner och kommuner (eller, utan sådana, av lärosätets säte) enligt "
            "forenads förteckning över organisationer. Ligger de i olika län räknas avtalet under Flera län; "
            "en organisation som inte finns i förteckningen ger Okänt län. Inget gissas.",
            "The county follows from the agreement's regions and kommuner (or, without them, from the "
            "university's seat) as listed in forenad's table of organisations. Organisations in different "
            "counties count under Several counties; one not in the table gives Unknown county. Nothing is "
            "guessed.",
        ),
        rows,
        [_agreements_col(), _share_col()],
    )


def _per_part(
    ctx: Context,
    key: str,
    kind: str,
    title: Text,
    text: Text,
    values: Callable[[Record], tuple[str | None, ...]],
) -> DraftTable:
    groups = _by_many(ctx, lambda r: [v or UNDETERMINED for v in values(r)])
    parts: dict[str, int] = {}
    for record in ctx.records:
        for value in values(record):
            parts[value or UNDETERMINED] = parts.get(value or UNDETERMINED, 0) + 1
    rows = [
        (k, _UNDETERMINED_LABEL if k == UNDETERMINED else _label(kind, k), groups[k])
        for k in _largest_first(groups)
    ]

    def part_count(ix: list[int], row: str | None) -> DraftCell:
        if row is None:
            return tally(sum(len(values(ctx.records[i])) for i in ix), ix)
        return tally(parts.get(row, 0), ix)

    return grouped(
        ctx,
        key,
        title,
        text,
        rows,
        [
            Col(DraftColumn("parts", t("Delar", "Parts"), "count", additive=True), part_count),
            _agreements_col(additive=False),
        ],
    )


def _combinations(
    ctx: Context,
    key: str,
    kind: str,
    title: Text,
    text: Text,
    values: Callable[[Record], tuple[str | None, ...]],
) -> DraftTable:
    def combo(record: Record) -> str:
        found = {v or UNDETERMINED for v in values(record)}
        return "+".join(sorted(found, key=lambda v: (v == UNDETERMINED, v)))

    groups = _by(ctx, combo)

    def label(k: str) -> Text:
        words = [_UNDETERMINED_LABEL if s == UNDETERMINED else _label(kind, s) for s in k.split("+")]
        return t(" + ".join(w.sv for w in words), " + ".join(w.en for w in words))

    rows = [(k, label(k), groups[k]) for k in _largest_first(groups)]
    return grouped(ctx, key, title, text, rows, [_agreements_col(), _share_col()])


def collective_agreements(ctx: Context) -> DraftTable:
    return _per_part(
        ctx,
        "collective_agreements",
        "collective_agreement",
        t("Kollektivavtal per del", "Collective agreements per part"),
        t(
            "Kollektivavtalet som gäller för varje del av tjänsterna (angivet eller följt av arbetsgivarens "
            "slag).",
            "The collective agreement of each part of the posts (stated, or following from the employer's "
            "kind).",
        ),
        lambda r: r.collective_agreements,
    )


def pension_schemes(ctx: Context) -> DraftTable:
    return _per_part(
        ctx,
        "pension_schemes",
        "pension_scheme",
        t("Tjänstepension per del", "Occupational pension per part"),
        t(
            "Tjänstepensionsplanen för varje del (angiven, eller följd av arbetsgivarens slag, födelseåret "
            "och anställningens början).",
            "The occupational pension scheme of each part (stated, or following from the employer's kind, "
            "the birth year and the start of the employment).",
        ),
        lambda r: r.pension_schemes,
    )


def agreement_combinations(ctx: Context) -> DraftTable:
    return _combinations(
        ctx,
        "agreement_combinations",
        "collective_agreement",
        t("Kollektivavtal som möts i en tjänst", "Collective agreements that meet in one post"),
        t(
            "Kombinationen av kollektivavtal inom samma tjänst: där två avtal möts behöver semester, "
            "uppsägning och arbetstid samordnas.",
            "The combination of collective agreements within one post: where two meet, vacation, notice "
            "and working time need coordinating.",
        ),
        lambda r: r.collective_agreements,
    )


def pension_combinations(ctx: Context) -> DraftTable:
    return _combinations(
        ctx,
        "pension_combinations",
        "pension_scheme",
        t("Pensionsplaner som möts i en tjänst", "Pension schemes that meet in one post"),
        t(
            "Kombinationen av tjänstepensionsplaner inom samma tjänst. Varje plan prövar brytpunkten 7,5 "
            "inkomstbasbelopp på sin egen del, så delad lön kan ge lägre pension.",
            "The combination of occupational pension schemes within one post. Each scheme tests the 7.5 "
            "income base amount break point on its own part, so a split salary can lower the pension.",
        ),
        lambda r: r.pension_schemes,
    )


_EXTENT_BANDS: tuple[tuple[str, Text, Callable[[Decimal], bool]], ...] = (
    ("under_50", t("under 50 %", "under 50%"), lambda x: x < 50),
    ("50_79", t("50–79 %", "50–79%"), lambda x: 50 <= x < 80),
    ("80_99", t("80–99 %", "80–99%"), lambda x: 80 <= x < 100),
    ("100", t("100 % (heltid)", "100% (full time)"), lambda x: x == 100),
    ("over_100", t("över 100 %", "over 100%"), lambda x: x > 100),
)
_SPLIT_BANDS: tuple[tuple[str, Text, Callable[[Decimal], bool]], ...] = (
    ("one_place", t("allt på en arbetsplats", "all at one workplace"), lambda x: x >= 100),
    ("over_75", t("mer än 75/25", "more uneven than 75/25"), lambda x: 75 < x < 100),
    ("up_to_75", t("mellan 60/40 och 75/25", "between 60/40 and 75/25"), lambda x: 60 < x <= 75),
    ("up_to_60", t("mellan 50/50 och 60/40", "between 50/50 and 60/40"), lambda x: 50 < x <= 60),
    ("even", t("jämnt delad (50/50 eller jämnare)", "evenly split (50/50 or more even)"), lambda x: x <= 50),
)


def _banded(
    records: Sequence[Record],
    bands: tuple[tuple[str, Text, Callable[[Decimal], bool]], ...],
    value: Callable[[Record], Decimal],
) -> list[tuple[str, Text, list[int]]]:
    return [(k, label, [i for i, r in enumerate(records) if test(value(r))]) for k, label, test in bands]


def extent(ctx: Context) -> DraftTable:
    return grouped(
        ctx,
        "extent",
        t("Tjänsternas omfattning", "Extent of the posts"),
        t(
            "Hela tjänstens omfattning, alla delar sammanlagda, i procent av heltid.",
            "The whole post's extent, all parts together, as a percentage of full time.",
        ),
        _banded(ctx.records, _EXTENT_BANDS, lambda r: r.total_extent),
        [_agreements_col(), _share_col()],
    )


def split(ctx: Context) -> DraftTable:
    return grouped(
        ctx,
        "split",
        t("Hur tiden delas", "How the time is split"),
        t(
            "Hur tiden fördelas mellan arbetsplatserna (där arbetet utförs och leds): den största "
            "arbetsplatsens andel av tjänsten. 70/30 betyder att 70 % av tiden är på en arbetsplats.",
            "How the time is split between the workplaces (where the work is done and led): the largest "
            "workplace's share of the post. 70/30 means 70% of the time at one workplace.",
        ),
        _banded(ctx.records, _SPLIT_BANDS, lambda r: r.largest_place_share),
        [_agreements_col(), _share_col()],
    )


def cost_models(ctx: Context) -> DraftTable:
    groups = _by(ctx, lambda r: r.cost_model)
    rows = [(k, _label("cost_model", k), groups.get(k, [])) for k in COST_MODELS]
    return grouped(
        ctx,
        "cost_models",
        t("Kostnadsmodeller", "Cost-sharing models"),
        t(
            "Hur kostnaden delas: varje arbetsgivare betalar sin del, kostnadsandelar flyttar en del av "
            "kostnaden till en annan betalare (delad finansiering), eller en part köper tid mot faktura. "
            "Kostnaden per år är lön, arbetsgivaravgifter och pension (eller PO-/LKP-pålägg); ≥ betyder att "
            "en del av kostnaderna bara är kända som en nedre gräns.",
            "How the cost is shared: each employer pays its own part, cost shares move part of the cost to "
            "another payer (shared financing), or a party buys time by invoice. The cost per year is salary, "
            "employer's fees and pension (or the PO/LKP overhead); ≥ means some costs are known only as a "
            "lower bound.",
        ),
        rows,
        [
            _agreements_col(),
            _share_col(),
            Col(
                DraftColumn("cost_year", t("Kostnad per år", "Cost per year"), "kronor", additive=True),
                lambda ix, _: money((i, ctx.records[i].cost_year) for i in ix),
            ),
            Col(
                DraftColumn(
                    "split_loss_year",
                    t("Pension som förloras per år", "Pension lost per year"),
                    "kronor",
                    additive=True,
                ),
                lambda ix, _: money((i, (ctx.records[i].split_loss_year, False)) for i in ix),
            ),
        ],
    )


def payers(ctx: Context) -> DraftTable:
    kinds = _by_many(ctx, lambda r: [p.organisation.kind for p in r.payers if p.net_cost_year[0] != 0])

    def net(ix: list[int], kind: str | None) -> DraftCell:
        return money(
            (i, p.net_cost_year)
            for i in ix
            for p in ctx.records[i].payers
            if kind is None or p.organisation.kind == kind
        )

    rows = [(k, _label("employer_kind", k), kinds[k]) for k in _largest_first(kinds)]
    return grouped(
        ctx,
        "payers",
        t("Vem betalar: kostnad per slag av arbetsgivare", "Who pays: cost per kind of employer"),
        t(
            "Vad varje slag av organisation till sist bär per år, efter kostnadsandelar och fakturor, och "
            "dess andel av den sammanlagda kostnaden.",
            "What each kind of organisation bears in the end per year, after cost shares and invoices, and "
            "its share of the total cost.",
        ),
        rows,
        [
            _agreements_col(additive=False),
            Col(
                DraftColumn("net_cost_year", t("Kostnad per år", "Cost per year"), "kronor", additive=True),
                net,
            ),
            Col(
                DraftColumn(
                    "cost_share",
                    t("Andel av kostnaden", "Share of the cost"),
                    "percent",
                    additive=True,
                    share_of="net_cost_year",
                )
            ),
        ],
        chart=Chart(
            "net_cost_year",
            t("Kostnadsandelar per slag av arbetsgivare", "Cost shares per kind of employer"),
            "pie",
        ),
    )


def organisations(ctx: Context) -> DraftTable:
    groups = _by_many(ctx, lambda r: [o.key for o in r.organisations])

    def net(ix: list[int], key: str | None) -> DraftCell:
        if key == OTHERS:
            pooled = {k for k in groups if len(groups[k]) < ctx.min_count}
            keep: Callable[[str], bool] = lambda k: k in pooled  # noqa: E731
        else:
            keep = lambda k: key is None or k == key  # noqa: E731
        return money(
            (i, p.net_cost_year) for i in ix for p in ctx.records[i].payers if keep(p.organisation.key)
        )

    rows = [(k, _organisation_label(k), groups[k]) for k in _largest_first(groups)]
    return grouped(
        ctx,
        "organisations",
        t("Vem betalar: kostnad per organisation", "Who pays: cost per organisation"),
        t(
            "Varje organisations avtal och vad den till sist bär per år. Ett avtal räknas hos varje part, så "
            "avtalen summerar inte till totalen; kostnaderna gör det. En organisation visas med namn först "
            "när den är part i minst {n} avtal.",
            "Each organisation's agreements and what it bears in the end per year. An agreement counts with "
            "every party, so the agreements do not add up to the total; the costs do. An organisation is "
            "named only when it is a party to at least {n} agreements.",
        ).format(n=ctx.min_count),
        rows,
        [
            _agreements_col(additive=False),
            Col(
                DraftColumn("net_cost_year", t("Kostnad per år", "Cost per year"), "kronor", additive=True),
                net,
            ),
        ],
        free_text=True,
    )


def findings_topics(ctx: Context) -> DraftTable:
    present = [topic for topic in TOPICS if any(tp == topic for r in ctx.records for _, tp, _ in r.findings)]

    def with_severity(severities: tuple[str, ...]) -> Measure:
        def measure(ix: list[int], topic: str | None) -> DraftCell:
            return count(
                i
                for i in ix
                if any(
                    s in severities and (topic is None or tp == topic) for _, tp, s in ctx.records[i].findings
                )
            )

        return measure

    rows = [(topic, _label("topic", topic), ctx.everyone) for topic in present]
    return grouped(
        ctx,
        "findings_topics",
        t("Fynd per ämne", "Findings by topic"),
        t(
            "Hur många avtal som har minst ett fynd i varje ämne, efter allvarlighet. Ett avtal kan ha fynd "
            "i flera ämnen.",
            "How many agreements have at least one finding in each topic, by severity. An agreement can "
            "have findings in several topics.",
        ),
        rows,
        [
            Col(
                DraftColumn(
                    "problems",
                    t("Avtal med fel eller varning", "Agreements with an error or warning"),
                    "count",
                ),
                with_severity(PROBLEMS),
            ),
            Col(DraftColumn("error", t("med fel", "with errors"), "count"), with_severity(("error",))),
            Col(
                DraftColumn("warning", t("med varning", "with warnings"), "count"),
                with_severity(("warning",)),
            ),
            Col(DraftColumn("info", t("med info", "with info"), "count"), with_severity(("info",))),
        ],
        chart=Chart(
            "problems",
            t("Avtal med fel eller varning, per ämne", "Agreements with an error or warning, by topic"),
        ),
    )


def findings_rules(ctx: Context) -> DraftTable:
    groups = _by_many(ctx, lambda r: sorted(rule for rule, _, s in r.findings if s in PROBLEMS))
    severity = {rule: s for r in ctx.records for rule, _, s in r.findings}
    order = sorted(groups, key=lambda k: (-len(groups[k]), severity[k] != "error", k))

    def label(rule: str) -> Text:
        title = ctx.rule_titles(rule)
        word = _label("severity", severity[rule])
        return t(f"{title.sv} ({word.sv})", f"{title.en} ({word.en})")

    rows = [(k, label(k), groups[k]) for k in order]
    return grouped(
        ctx,
        "findings_rules",
        t("Vanligaste fynden", "The most common findings"),
        t(
            "Regler med fynd av nivån fel eller varning, de vanligaste först: det som oftast behöver rättas "
            "eller kompletteras i avtalen.",
            "Rules with findings of severity error or warning, the most common first: what most often needs "
            "correcting or completing in the agreements.",
        ),
        rows,
        [_agreements_col(additive=False)],
        total=False,
    )


def _matrix(
    ctx: Context, key: str, title: Text, text: Text, columns: Sequence[tuple[str, Text, set[int]]]
) -> DraftTable:
    present = [
        t_ for t_ in TOPICS if any(tp == t_ and s in PROBLEMS for r in ctx.records for _, tp, s in r.findings)
    ]
    members = [c[0] for c in columns]
    table = DraftTable(
        key,
        title,
        text,
        [DraftColumn(k, label, "count") for k, label, _ in columns]
        + [DraftColumn(TOTAL, _TOTAL_LABEL, "count")],
        row_total=TOTAL,
        row_members=tuple(members),
    )
    for topic in present:
        hit = {
            i
            for i, r in enumerate(ctx.records)
            if any(tp == topic and s in PROBLEMS for _, tp, s in r.findings)
        }
        cells = [count(sorted(hit & group)) for _, _, group in columns] + [count(sorted(hit))]
        table.add(topic, _label("topic", topic), cells)
    return table


def findings_by_model(ctx: Context) -> DraftTable:
    groups = _by(ctx, lambda r: r.model)
    columns = [
        (m.value, _label("model", m.value), set(groups[m.value]))
        for m in EmploymentModel
        if m.value in groups
    ]
    return _matrix(
        ctx,
        "findings_by_model",
        t("Fynd per ämne och anställningsmodell", "Findings by topic and employment model"),
        t(
            "Antal avtal med minst ett fel eller en varning i ämnet, per anställningsmodell.",
            "Agreements with at least one error or warning in the topic, per employment model.",
        ),
        columns,
    )


def findings_by_profession(ctx: Context) -> DraftTable:
    groups = _by(ctx, lambda r: r.profession or NOT_STATED)
    order = _largest_first(groups)
    columns: list[tuple[str, Text, set[int]]] = []
    pooled: set[int] = set()
    for k in order:
        if ctx.suppress and len(groups[k]) < ctx.min_count and k != NOT_STATED:
            pooled.update(groups[k])
        else:
            columns.append((k, _NOT_STATED_LABEL if k == NOT_STATED else t(k, k), set(groups[k])))
    if pooled:
        columns.append((OTHERS, _OTHERS_LABEL.format(n=ctx.min_count), pooled))
    return _matrix(
        ctx,
        "findings_by_profession",
        t("Fynd per ämne och yrke", "Findings by topic and profession"),
        t(
            "Antal avtal med minst ett fel eller en varning i ämnet, per yrke.",
            "Agreements with at least one error or warning in the topic, per profession.",
        ),
        columns,
    )


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it has no such day)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def upcoming(ctx: Context) -> DraftTable:
    until = add_months(ctx.on, MONTHS_AHEAD)
    months: list[tuple[int, int]] = []
    cursor = dt.date(ctx.on.year, ctx.on.month, 1)
    while cursor <= until:
        months.append((cursor.year, cursor.month))
        cursor = add_months(cursor, 1)

    def within(day: dt.date | None, month: tuple[int, int] | None) -> bool:
        if day is None or not ctx.on <= day <= until:
            return False
        return month is None or (day.year, day.month) == month

    def column(attribute: str) -> Measure:
        def measure(_: list[int], key: str | None) -> DraftCell:
            month = None if key is None else (int(key[:4]), int(key[5:]))
            return count(i for i, r in enumerate(ctx.records) if within(getattr(r, attribute), month))

        return measure

    rows = [
        (f"{y:04d}-{m:02d}", t(f"{_MONTHS_SV[m - 1]} {y}", f"{_MONTHS_EN[m - 1]} {y}"), ctx.everyone)
        for y, m in months
    ]
    return grouped(
        ctx,
        "upcoming",
        t("Avtal som upphör eller ska följas upp", "Agreements ending or due for review"),
        t(
            "Avtal som upphör (slutdatum) eller ska följas upp (uppföljningsdatum) inom sex månader från "
            "{on} till och med {until}, per månad.",
            "Agreements that end (end date) or are due for review (review date) within six months, from "
            "{on} to {until}, by month.",
        ).format(on=ctx.on.isoformat(), until=until.isoformat()),
        rows,
        [
            Col(DraftColumn("ending", t("Upphör", "Ending"), "count", additive=True), column("end_date")),
            Col(
                DraftColumn("review", t("Uppföljning", "Review"), "count", additive=True),
                column("review_date"),
            ),
        ],
    )


BUILDERS: tuple[Callable[[Context], DraftTable], ...] = (
    overview,
    models,
    professions,
    positions,
    employer_kinds,
    organisation_pairs,
    county_table,
    collective_agreements,
    pension_schemes,
    agreement_combinations,
    pension_combinations,
    extent,
    split,
    cost_models,
    payers,
    organisations,
    findings_topics,
    findings_rules,
    findings_by_model,
    findings_by_profession,
    upcoming,
)
"""The tables in report order."""


def build_tables(ctx: Context) -> list[DraftTable]:
    return [build(ctx) for build in BUILDERS]
