"""``forenad survey`` and :func:`forenad.survey` (issue 22): counts and sums on a generated portfolio of
three hundred agreements across several organisations equal those computed independently here, duplicates
count once, small cells are hidden, and the command's exit codes."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from survey_portfolio import ON, Expected, generate, write
from typer.testing import CliRunner

import forenad
from forenad.cli.app import app
from forenad.economics import compute
from forenad.kartlaggning import Survey
from forenad.kartlaggning.aggregate import add_months
from forenad.model import Agreement

runner = CliRunner()
N = 300


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[dict, Expected]]]:
    folder = tmp_path_factory.mktemp("survey") / "portfolj"
    agreements = generate(N)
    write(folder, agreements)
    # Three duplicates: the same agreement id in another organisation's folder (one with another title).
    extra = folder / "zz-dubbletter"
    extra.mkdir()
    for k, source in enumerate(sorted((folder / "org0").glob("*"))[:3]):
        text = source.read_text("utf-8")
        if k == 2:
            text = text.replace('"title": "', '"title": "Ändrad: ', 1)
        (extra / f"kopia{k}{source.suffix}").write_text(text, "utf-8")
    return folder, agreements


@pytest.fixture(scope="module")
def result(portfolio: tuple[Path, list]) -> Survey:
    return forenad.survey([portfolio[0]], on=ON)


@pytest.fixture(scope="module")
def internal(portfolio: tuple[Path, list]) -> Survey:
    return forenad.survey([portfolio[0]], on=ON, suppress=False)


def surveyed(agreements: list[tuple[dict, Expected]]) -> list[tuple[Agreement, Expected]]:
    """The agreements the survey covers, worked out here: not ended before the date."""
    out = []
    for data, expected in agreements:
        if expected.end_date is not None and expected.end_date < ON:
            continue
        out.append((Agreement.model_validate(data), expected))
    return out


def kronor(values: list[Decimal | None]) -> int:
    return int(sum((v for v in values if v is not None), Decimal(0)).quantize(Decimal(1), ROUND_HALF_UP))


def test_counts_equal_an_independent_count(internal: Survey, portfolio: tuple[Path, list]) -> None:
    covered = surveyed(portfolio[1])
    ended = len(portfolio[1]) - len(covered)
    overview = internal.table("overview")
    assert internal.agreements == len(covered)
    assert overview.value("files", "value") == N + 3
    assert overview.value("duplicates", "value") == 3
    assert overview.value("ended", "value") == ended
    models = internal.table("models")
    for model, n in Counter(e.model for _, e in covered).items():
        assert models.value(model, "agreements") == n
    assert models.value("total", "agreements") == len(covered)
    counties = internal.table("counties")
    for county, n in Counter(e.county for _, e in covered).items():
        assert counties.value(county, "agreements") == n, county
    professions = internal.table("professions")
    for profession, n in Counter(e.profession for _, e in covered).items():
        assert professions.value(profession.casefold(), "agreements") == n
    upcoming = internal.table("upcoming")
    until = add_months(ON, 6)
    assert upcoming.value("total", "ending") == sum(
        1 for _, e in covered if e.end_date is not None and ON <= e.end_date <= until
    )
    assert upcoming.value("total", "review") == sum(
        1 for _, e in covered if e.review_date is not None and ON <= e.review_date <= until
    )


def test_sums_equal_the_economics_computed_here(internal: Survey, portfolio: tuple[Path, list]) -> None:
    covered = surveyed(portfolio[1])
    economics = [compute(a, ON) for a, _ in covered]
    total = kronor([e.total.cost_year for e in economics])
    assert internal.table("overview").value("cost_year", "value") == total
    assert internal.table("models").value("total", "cost_year") == total
    loss = kronor([e.person.split_loss_year for e in economics])
    assert internal.table("cost_models").value("total", "split_loss_year") == loss
    by_kind: dict[str, list[Decimal | None]] = {}
    for (agreement, _), econ in zip(covered, economics, strict=True):
        for employer in agreement.employers:
            net = econ.employer(employer.id).net_cost_year
            if net != 0:
                by_kind.setdefault(employer.kind.value, []).append(net)
    payers = internal.table("payers")
    for kind, values in by_kind.items():
        assert payers.value(kind, "net_cost_year") == kronor(values), kind
    tjanstekop = [e for (a, _), e in zip(covered, economics, strict=True) if a.model.value == "tjanstekop"]
    assert internal.table("models").value("tjanstekop", "cost_year") == kronor(
        [e.total.cost_year for e in tjanstekop]
    )


def test_findings_equal_those_of_check(internal: Survey, portfolio: tuple[Path, list]) -> None:
    covered = surveyed(portfolio[1])
    topics: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    for agreement, _ in covered:
        findings, _ = forenad.evaluate(agreement, ON, facts=False)
        problems = [f for f in findings if f.severity in ("error", "warning")]
        topics.update({f.topic for f in problems})
        rules.update({f.rule for f in problems})
    table = internal.table("findings_topics")
    for topic, n in topics.items():
        assert table.value(topic, "problems") == n
    assert {r.key for r in internal.table("findings_rules").rows} == set(rules)
    for rule, n in rules.items():
        assert internal.table("findings_rules").value(rule, "agreements") == n


def test_the_same_id_twice_counts_once_and_is_reported(result: Survey, portfolio: tuple[Path, list]) -> None:
    duplicates = result.operator.duplicates
    assert len(duplicates) == 3
    assert all(len(d.files) == 2 and "zz-dubbletter" in d.files[1] for d in duplicates)
    assert sorted(d.same_content for d in duplicates) == [False, True, True]


def test_a_cell_of_two_agreements_is_hidden(result: Survey) -> None:
    models = result.table("models")
    adjungering = models.row("adjungering")
    assert [c.text() for c in adjungering.cells] == ["<\u00a03"] * 3
    assert all(c.value is None and c.suppressed == "primary" for c in adjungering.cells)
    # One hidden count could be worked out from the total: another row is hidden with it.
    column = [r.cell(models, "agreements") for r in models.rows if not r.total]
    assert sum(1 for c in column if c.suppressed) >= 2
    assert models.value("total", "agreements") == result.agreements
    hidden = {(c.table, c.row, c.column, c.reason) for c in result.suppressed_cells}
    assert ("models", "adjungering", "agreements", "primary") in hidden
    assert any(t == "models" and r == "secondary" for t, _, _, r in hidden)
    # Free text under three agreements is pooled: the two midwives and the profession holding a name.
    professions = {r.key for r in result.table("professions").rows}
    assert "barnmorska" not in professions and "ovriga" in professions
    assert result.table("counties").row("okant").cells[0].suppressed == "primary"


def test_internal_report_shows_every_cell_and_says_so(internal: Survey) -> None:
    assert internal.internal and not internal.suppressed_cells
    assert internal.table("models").value("adjungering", "agreements") == 2
    assert internal.table("professions").value("barnmorska", "agreements") == 2
    from forenad.kartlaggning.output import to_markdown, to_text

    assert "INTERN RAPPORT" in to_text(internal)
    assert "INTERNAL REPORT" in to_markdown(internal, "en")


def test_json_shape(result: Survey) -> None:
    data = json.loads(json.dumps(result.as_json("en")))
    assert data["survey"] is True and data["evaluated_on"] == ON.isoformat()
    assert data["suppression"]["applied"] is True and data["suppression"]["min_count"] == 3
    assert {c["reason"] for c in data["suppression"]["cells"]} == {"primary", "secondary"}
    models = next(t for t in data["tables"] if t["key"] == "models")
    cell = next(r for r in models["rows"] if r["key"] == "adjungering")["cells"]["agreements"]
    assert cell == {"value": None, "text": "<\u00a03", "suppressed": "primary"}
    assert models["chart"]["column"] == "agreements"
    assert set(data["operator"]) == {"duplicates", "unreadable", "unplaced_organisations"}
    assert "Region Testland" in data["operator"]["unplaced_organisations"]


def test_agreements_ended_before_the_date_are_left_out(tmp_path: Path) -> None:
    data, _ = generate(3)[0]
    data["end_date"] = "2026-01-31"
    (tmp_path / "a.json").write_text(json.dumps(data, ensure_ascii=False, default=str), "utf-8")
    result = forenad.survey([tmp_path], on=ON, suppress=False)
    assert result.agreements == 0
    assert result.table("overview").value("ended", "value") == 1


def test_add_months_keeps_the_day_or_the_month_end() -> None:
    assert add_months(dt.date(2026, 6, 1), 6) == dt.date(2026, 12, 1)
    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)


# --------------------------------------------------------------------------------------------------------
# The command


def run(*args: object) -> tuple[int, str, str]:
    outcome = runner.invoke(app, ["survey", *(str(a) for a in args)], env={"COLUMNS": "200"})
    if outcome.exception is not None and not isinstance(outcome.exception, SystemExit):
        raise outcome.exception
    return outcome.exit_code, outcome.stdout, outcome.stderr


def test_cli_text_and_json(tmp_path: Path) -> None:
    write(tmp_path / "p", generate(12))
    code, out, _ = run(tmp_path / "p", "--on", "2026-06-01")
    assert code == 0 and "Kartläggning av förenade anställningar" in out
    code, out, _ = run(tmp_path / "p", "--on", "2026-06-01", "--format", "json", "--lang", "en")
    assert code == 0 and json.loads(out)["tables"][1]["title"] == "Employment models"


def test_cli_exit_codes(tmp_path: Path) -> None:
    write(tmp_path / "p", generate(6))
    (tmp_path / "p" / "trasig.yaml").write_text("id: [\n", "utf-8")
    code, _, err = run(tmp_path / "p", "--on", "2026-06-01", "--format", "md", "-o", tmp_path / "k.md")
    assert code == 2 and "trasig.yaml" in err and (tmp_path / "k.md").is_file()
    (tmp_path / "p" / "trasig.yaml").unlink()
    code, _, err = run(tmp_path / "p", "--format", "md", "-o", tmp_path / "k.md")
    assert code == 2 and "finns redan" in err
    code, _, _ = run(
        tmp_path / "p", "--on", "2026-06-01", "--format", "md", "-o", tmp_path / "k.md", "--force"
    )
    assert code == 0
    code, _, err = run(tmp_path / "p", "--format", "xlsx")
    assert code == 2 and "-o" in err
    code, _, _ = run(tmp_path / "saknas")
    assert code == 2
    code, _, _ = run(tmp_path / "p", "--on", "inte-ett-datum")
    assert code == 2


def test_cli_internal_option(tmp_path: Path) -> None:
    write(tmp_path / "p", generate(4))
    code, out, err = run(tmp_path / "p", "--on", "2026-06-01", "--internal-unsuppressed")
    assert code == 0 and "INTERN RAPPORT" in out and "intern rapport" in err


def test_survey_text_and_json_start_without_word_excel_or_charts() -> None:
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from forenad.cli import main\n"
        "sys.argv = ['forenad', 'survey', {path!r}, '--on', '2026-06-01', '--format', {fmt!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('docx', 'docxtpl', 'openpyxl', 'jinja2', 'lxml', 'matplotlib')\n"
        "print('HEAVY', sorted(m for m in sys.modules if m.split('.')[0] in heavy), file=sys.stderr)\n"
    )
    examples = str(Path(__file__).resolve().parents[1] / "examples")
    for fmt in ("text", "json"):
        proc = subprocess.run(
            [sys.executable, "-c", probe.format(path=examples, fmt=fmt)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert "HEAVY []" in proc.stderr, proc.stderr[-500:]


def test_survey_is_the_function_however_the_package_is_imported() -> None:
    import importlib
    import types

    importlib.import_module("forenad.kartlaggning")
    importlib.import_module("forenad.kartlaggning.build")
    assert callable(forenad.survey) and not isinstance(forenad.survey, types.ModuleType)
    assert forenad.survey.__name__ == "survey" and forenad.Survey.__name__ == "Survey"
