"""``forenad.compare``: values checked by hand, rows that differ, and degrading where a figure is unknown.

Hand checks (2026-06-01, born 1989, Örebro example):
- vacation: Villkorsavtal 31 days from the year one turns 30 (turns 37), AB 25 before 40;
- pension: PA 16 avd. I 4.5 % + flex 1.5 % of 26 500 = 1 590 a month; AKAP-KR 6 % of 25 500 = 1 530; together
  3 120 a month, 37 440 a year; no part above the 7.5 IBB break point (52 125), so no split loss;
- cost: the university's default LKP 54.461 %: 26 500 × 1.54461 = 40 932.17 a month (rounded to öre),
  491 186.04 a year; the region has no PO rate in force, so a lower bound: 25 500 + 31.42 % fees (8 012.10) +
  AKAP-KR 1 530 = 35 042.10 a month, 420 505.20 a year;
- notice at the university (employed since 2023-08-15, more than a year): employee 2, employer 3 months.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

import forenad
from forenad.comparison import Comparison, compare

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
OREBRO = EXAMPLES / "orebro-lektor-specialistsjukskoterska.yaml"
UPPSALA = EXAMPLES / "uppsala-professor-overlakare.yaml"
VARMLAND = EXAMPLES / "varmland-tjanstekop-klinisk-undervisning.yaml"
ON = dt.date(2026, 6, 1)


@pytest.fixture(scope="module")
def pair() -> Comparison:
    return compare([OREBRO, UPPSALA], on=ON)


def test_orebro_values_by_hand(pair: Comparison) -> None:
    assert [c.source for c in pair.columns] == [str(OREBRO), str(UPPSALA)]
    row = pair.row
    assert row("model").values[0] == "forenad_tva_anstallningar"
    assert row("extent_split").values[0] == "50/50"
    assert row("extent_split").texts("sv")[0] == "50 % / 50 %"
    assert row("part.1.extent").values[0] == Decimal(50)
    assert row("part.2.extent").values[0] == Decimal(50)
    assert row("part.1.salary").values[0] == Decimal(26500)
    assert row("part.2.salary").values[0] == Decimal(25500)
    assert row("total_salary").values[0] == Decimal(52000)
    assert row("part.1.vacation_days").values[0] == 31
    assert row("part.2.vacation_days").values[0] == 25
    assert row("part.1.pension_scheme").values[0] == "pa16_avd1"
    assert row("part.2.pension_scheme").values[0] == "akap_kr"
    assert row("part.1.collective_agreement").values[0] == "villkorsavtal"
    assert row("part.2.collective_agreement").values[0] == "ab"
    assert row("part.1.notice_employee").values[0] == 2
    assert row("part.1.notice_employer").values[0] == 3
    assert row("part.2.notice_employer").values[0] is None  # AB § 33 not reviewed: unknown, shown as –
    assert row("part.2.notice_employer").texts("sv")[0] == "–"
    assert row("pension").values[0] == Decimal(37440)
    assert row("pension_split_loss").values[0] == Decimal(0)
    university = row("cost.orgnr:202100-2924").cells[0]
    assert university.value == Decimal("491186.04")
    assert not university.lower_bound
    region = row("cost.orgnr:232100-0164").cells[0]
    assert region.value == Decimal("420505.20")
    assert region.lower_bound
    assert region.text("kronor", "sv") == "≥ 420\u00a0505 kr"  # Babel's Swedish grouping: a no-break space
    assert region.text("kronor", "en") == "≥ 420,505 kr"
    assert row("cost.total").cells[0].lower_bound
    assert row("main_employer").texts("sv")[0] == "ingen"
    assert row("sick_pay").values[0] == "varje_arbetsgivare"
    assert row("rehabilitation_lead").values[0] == "Region Örebro län"


def test_rows_know_whether_they_differ(pair: Comparison) -> None:
    assert pair.row("model").differs
    assert pair.row("part.1.vacation_days").differs  # 31 at Örebro, 35 for a professor born 1971
    assert pair.row("part.2.vacation_days").values == (25, 35)
    assert not pair.row("total_extent").differs
    assert not pair.row("part.1.extent").differs
    # a figure known in one column and unknown in another differs
    assert pair.row("cost.orgnr:202100-2932").values[0] is None
    assert pair.row("cost.orgnr:202100-2932").differs


def test_uppsala_costs_and_invoice_by_hand(pair: Comparison) -> None:
    # Uppsala: one employer, LKP 54.461 % on 92 000 a month; the region bears the clinical half by the invoice
    # of 46 000 × 1.54461 a month (71 052.06), 852 624.72 a year.
    assert pair.row("cost.total").values[1] == Decimal("1705249.44")
    assert pair.row("cost.orgnr:232100-0024").values[1] == Decimal("852624.72")
    assert pair.row("invoice").values[1] == Decimal("852624.72")
    assert pair.row("invoice").values[0] is None


def test_findings_rows_name_the_most_important_first() -> None:
    cmp = compare([VARMLAND, OREBRO], on=ON)
    assert cmp.row("findings.error").values == (0, 0)
    top = cmp.row("findings.top")
    # Värmland: the notice warning fires for both parts; counted once, with ×2
    assert top.texts("sv")[0] == "Uppsägningstiden kan inte bestämmas ×2"
    assert top.texts("en")[1] == "Notice period cannot be determined; Vacation not coordinated"
    assert top.values[1] == "notice.not_determined; vacation.coordination_missing"


def test_json_shape(pair: Comparison) -> None:
    data = pair.as_json("en")
    assert data["evaluated_on"] == "2026-06-01"
    assert set(data) == {
        "forenad",
        "evaluated_on",
        "lang",
        "columns",
        "rows",
        "not_applicable",
        "input_errors",
    }
    column = data["columns"][0]
    assert {"key", "label", "source", "agreement_id", "model", "baseline", "overlay", "findings"} <= set(
        column
    )
    assert column["baseline"] is True and column["overlay"] is None
    assert all("title" in f and "rule" in f for f in column["findings"])
    rows = {r["key"]: r for r in data["rows"]}
    assert rows["part.1.salary"]["values"] == ["26500.00", "46000.00"]
    assert rows["part.1.salary"]["texts"] == ["26,500 kr", "46,000 kr"]
    assert rows["cost.orgnr:232100-0164"]["values"][0] == "420505.20"  # kronor: an exact decimal string
    assert rows["cost.orgnr:232100-0164"]["lower_bound"] == [True, False]
    assert rows["part.1.vacation_days"] == {
        "key": "part.1.vacation_days",
        "section": "part.1",
        "label": "Vacation days a year",
        "kind": "days",
        "differs": True,
        "values": [31, 35],
        "texts": ["31", "35"],
    }


def test_public_api_is_callable_however_imported() -> None:
    import forenad.comparison.result  # imports the package as a module first

    cmp = forenad.compare([OREBRO], on=ON)
    assert isinstance(cmp, Comparison)
    assert "compare" in forenad.__all__


def test_bad_file_is_listed_and_the_others_compared(tmp_path: Path) -> None:
    bad = tmp_path / "trasig.yaml"
    bad.write_text("id: x\nmodel: okand\n", encoding="utf-8")
    cmp = compare([bad, OREBRO, tmp_path / "saknas.yaml"], on=ON)
    assert [c.source for c in cmp.columns] == [str(OREBRO)]
    assert [r.file for r in cmp.input_errors] == [str(bad), str(tmp_path / "saknas.yaml")]
    assert cmp.exit_code == 2


def test_agreements_given_as_objects_and_degraded_economics() -> None:
    agreement = forenad.load(OREBRO)
    cmp = compare([agreement], on=ON)
    assert cmp.columns[0].source == agreement.id
    # without the economics facts the rows fall back on the named facts, then on unknown cells
    from forenad.comparison.result import Column
    from forenad.comparison.rows import build_rows

    column = cmp.columns[0]
    rows = {r.key: r for r in build_rows([column], [{"yearly_cost_by_employer": {"oru": 1000}}])}
    assert rows["cost.orgnr:202100-2924"].values == (Decimal(1000),)
    assert rows["cost.orgnr:232100-0164"].values == (None,)
    assert rows["cost.total"].texts("sv") == ("–",)
    assert rows["part.1.vacation_days"].values == (None,)
    assert rows["part.1.salary"].values == (Decimal(26500),)
    assert isinstance(column, Column)
