"""Suppression (issue 22): a cell resting on one or two agreements is never shown, and no hidden cell can be
worked out from a total and the cells shown beside it. Unit cases and a hypothesis property over random
tables, plus a property over whole surveys built from random records (no files, no evaluation)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from forenad.i18n import t
from forenad.kartlaggning.aggregate import Context, build_tables, count, money
from forenad.kartlaggning.records import COST_MODELS, Organisation, Payer, Record
from forenad.kartlaggning.suppression import DraftColumn, DraftTable, finish

MIN = 3


def partition(sizes: list[int], costs: bool = True) -> DraftTable:
    """A table whose rows split ``sum(sizes)`` agreements, with a count and a cost column and a total."""
    table = DraftTable(
        "t",
        t("T", "T"),
        t("", ""),
        [
            DraftColumn("n", t("n", "n"), "count", additive=True),
            DraftColumn("kr", t("kr", "kr"), "kronor", additive=True),
            DraftColumn("share", t("%", "%"), "percent", additive=True, share_of="n"),
        ],
    )
    start = 0
    everyone: list[int] = []
    for k, size in enumerate(sizes):
        base = list(range(start, start + size))
        start += size
        everyone += base
        cost = money((i, (Decimal(500_000 + i), False)) for i in base) if costs else count(base)
        table.add(f"r{k}", t(f"r{k}", f"r{k}"), [count(base), cost, count(base)])
    total = money((i, (Decimal(500_000 + i), False)) for i in everyone)
    table.add("total", t("Totalt", "Total"), [count(everyone), total, count(everyone)], total=True)
    return table


def hidden_in(table_rows: list, column: int) -> list[int]:
    return [k for k, row in enumerate(table_rows) if row.cells[column].suppressed is not None]


def test_two_agreements_are_hidden_and_a_second_cell_with_them() -> None:
    table, cells = finish(partition([10, 2, 7, 30]), suppress=True, min_count=MIN)
    body = [r for r in table.rows if not r.total]
    assert body[1].cells[0].text() == "<\u00a03" and body[1].cells[0].value is None
    assert body[2].cells[0].suppressed == "secondary" and body[2].cells[0].text() == "(dold)"
    assert body[2].cells[2].suppressed == "secondary"  # the share goes with its count
    assert table.row("total").cells[0].value == 49
    assert {(c.row, c.column, c.reason) for c in cells} >= {("r1", "n", "primary"), ("r2", "n", "secondary")}


def test_zero_is_shown() -> None:
    table, _ = finish(partition([0, 12, 9]), suppress=True, min_count=MIN)
    assert table.row("r0").cells[0].value == 0 and table.row("r0").cells[0].suppressed is None


def test_two_small_cells_together_under_three_take_a_third() -> None:
    table, _ = finish(partition([1, 1, 20, 25]), suppress=True, min_count=MIN)
    assert [r.cells[0].suppressed for r in table.rows] == ["primary", "primary", "secondary", None, None]


def test_a_lone_small_cell_hides_the_total() -> None:
    table, _ = finish(partition([2, 0, 0]), suppress=True, min_count=MIN)
    assert table.row("total").cells[0].suppressed is not None
    # Where the total rests on enough agreements but no other cell can be hidden, the total goes.
    draft = partition([2, 0])
    draft.rows[-1].cells[0] = count(range(100, 110))  # a total over other agreements (an overlap)
    table, _ = finish(draft, suppress=True, min_count=MIN)
    assert table.row("total").cells[0].suppressed == "secondary"


def test_without_suppression_every_cell_is_shown() -> None:
    table, cells = finish(partition([1, 2, 7]), suppress=False, min_count=MIN)
    assert cells == [] and [r.cells[0].value for r in table.rows] == [1, 2, 7, 10]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=8), min_size=1, max_size=9))
def test_suppression_never_reveals_a_count_under_three(sizes: list[int]) -> None:
    table, _ = finish(partition(sizes), suppress=True, min_count=MIN)
    body = [r for r in table.rows if not r.total]
    total = table.row("total")
    for column in range(3):
        for row, size in zip(body, sizes, strict=True):
            if 0 < size < MIN:  # never shown, in any column
                assert row.cells[column].suppressed is not None and row.cells[column].value is None
        if total.cells[column].suppressed is None:
            # What the total and the shown cells leave is never one hidden cell, nor hidden cells resting
            # together on fewer than three agreements.
            hidden = [size for row, size in zip(body, sizes, strict=True) if row.cells[column].suppressed]
            assert not hidden or (len(hidden) >= 2 and sum(hidden) >= MIN)


# --------------------------------------------------------------------------------------------------------
# Whole surveys from random records

MODELS = ["forenad_en_arbetsgivare", "tjanstekop", "adjungering", "kombinationsanstallning"]
REGION = Organisation("region", "Region Uppsala")
LAROSATE = Organisation("statligt_larosate", "Uppsala universitet")


@st.composite
def records(draw: st.DrawFn) -> Record:
    model = draw(st.sampled_from(MODELS))
    cost = Decimal(draw(st.integers(min_value=300_000, max_value=2_000_000)))
    share = Decimal(draw(st.integers(min_value=0, max_value=100))) / 100
    topics = draw(st.sets(st.sampled_from(["pension", "notice", "vacation", "legal_basis"]), max_size=3))
    return Record(
        model=model,
        profession=draw(st.sampled_from(["läkare", "sjuksköterska", "barnmorska", None])),
        positions=("professor", "overlakare"),
        kinds=("region", "statligt_larosate"),
        organisations=(REGION, LAROSATE),
        county=draw(st.sampled_from(["03", "18", "okant"])),
        unplaced=(),
        collective_agreements=("villkorsavtal", draw(st.sampled_from(["ab", None]))),
        pension_schemes=(draw(st.sampled_from(["pa16_avd1", "pa16_avd2"])), "akap_kr"),
        total_extent=Decimal(100),
        largest_place_share=Decimal(draw(st.sampled_from([50, 60, 80, 100]))),
        cost_model=draw(st.sampled_from(COST_MODELS)),
        cost_year=(cost, draw(st.booleans())),
        payers=(Payer(REGION, (cost * share, False)), Payer(LAROSATE, (cost - cost * share, False))),
        split_loss_year=Decimal(draw(st.integers(min_value=0, max_value=40_000))),
        findings=frozenset((f"{tp}.rule", tp, draw(st.sampled_from(["error", "warning"]))) for tp in topics),
        complete=True,
        end_date=draw(st.none() | st.dates(dt.date(2026, 6, 1), dt.date(2027, 6, 1))),
        review_date=None,
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(records(), min_size=0, max_size=25))
def test_no_shown_count_of_agreements_is_one_or_two(portfolio: list[Record]) -> None:
    ctx = Context(portfolio, dt.date(2026, 6, 1), True, MIN, lambda r: t(r, r), len(portfolio), 0, 0, 0)
    for draft in build_tables(ctx):
        sizes = {(row.key, k): cell.size for row in draft.rows for k, cell in enumerate(row.cells)}
        agreements = {(row.key, k): cell.agreements for row in draft.rows for k, cell in enumerate(row.cells)}
        table, _ = finish(draft, True, MIN)
        for row in table.rows:
            for k, cell in enumerate(row.cells):
                if agreements[(row.key, k)] and 0 < sizes[(row.key, k)] < MIN:
                    assert cell.suppressed is not None and cell.value is None, (table.key, row.key, k)
                if cell.suppressed is None and cell.kind == "count" and table.key not in ("overview",):
                    # a shown count of agreements rests on none or on three or more
                    assert sizes[(row.key, k)] == 0 or sizes[(row.key, k)] >= MIN, (table.key, row.key, k)


def test_the_number_surveyed_is_never_hidden_for_a_small_neighbour() -> None:
    from forenad.kartlaggning.aggregate import overview

    ctx = Context([], dt.date(2026, 6, 1), True, MIN, lambda r: t(r, r), 1, 0, 0, 1)
    table, _ = finish(overview(ctx), True, MIN)
    assert table.row("ended").cells[0].suppressed == "primary"
    assert table.row("agreements").cells[0].suppressed is None
    assert table.row("files").cells[0].suppressed == "secondary"
