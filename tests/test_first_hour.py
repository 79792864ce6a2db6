"""A negotiator's first hour (issue 19): what a new user meets, kept fixed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

import forenad
from forenad.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
UPPSALA = ROOT / "examples" / "uppsala-professor-overlakare.yaml"
runner = CliRunner()


def next_year(tmp_path: Path) -> Path:
    start = dt.date.today().replace(month=1, day=1) + dt.timedelta(days=400)
    text = UPPSALA.read_text(encoding="utf-8").replace("start_date: 2026-01-01", f"start_date: {start}")
    path = tmp_path / "nasta-ar.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_agreement_that_starts_later_is_checked_on_its_start(tmp_path: Path) -> None:
    path = next_year(tmp_path)
    start = forenad.load(path).start_date
    run = forenad.check([path, UPPSALA])
    assert [r.evaluated_on for r in run.results] == [start, max(dt.date.today(), dt.date(2026, 1, 1))]
    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert json.loads(result.stdout)["results"][0]["evaluated_on"] == start.isoformat()
    text = runner.invoke(app, ["check", str(path)]).stdout
    assert f"prövat per {start.isoformat()}, avtalets startdatum" in text
    # A date given is the date used.
    given = forenad.check(path, on=dt.date(2026, 6, 1))
    assert given.results[0].evaluated_on == dt.date(2026, 6, 1)


def test_counts_follow_the_language_plural_rules() -> None:
    from forenad.presentation import count, seconds

    assert count(1, "fil", "filer", "sv") == "1 fil"
    assert count(4, "fil", "filer", "sv") == "4 filer"
    assert count(0, "fil", "filer", "sv") == "0 filer"
    assert count(1, "error", "errors", "en") == "1 error"
    assert count(12000, "fil", "filer", "sv") == "12\u00a0000 filer"
    assert seconds(17.25, "sv") == "17,3 s" and seconds(17.25, "en") == "17.3 s"
    out = runner.invoke(app, ["check", str(UPPSALA), "--on", "2026-06-01"]).stdout
    assert out.splitlines()[-1].startswith("1 fil: 0 ogiltiga, 0 fel, 0 varningar, 2 info")
    out = runner.invoke(app, ["check", str(UPPSALA), "--on", "2026-06-01", "--lang", "en"]).stdout
    assert out.splitlines()[-1].startswith("1 file: 0 invalid, 0 errors, 0 warnings, 2 info")


def test_lists_and_comparisons_fit_a_narrow_terminal() -> None:
    examples = sorted((ROOT / "examples").glob("*.yaml"))[:3]
    compare = ["compare", *map(str, examples), "--on", "2026-06-01"]
    for args in (["rules", "list"], ["params", "list"], compare):
        out = runner.invoke(app, args, env={"COLUMNS": "60"}).stdout
        assert out and max(len(line) for line in out.splitlines()) <= 60, args
    stacked = runner.invoke(app, compare, env={"COLUMNS": "60"})
    assert "Anställningsmodell:" in stacked.stdout  # one agreement after the other, a line per term
    wide = runner.invoke(app, compare, env={"COLUMNS": "200"})
    assert "Anställningsmodell:" not in wide.stdout


def test_rules_list_takes_the_topic_names_check_prints() -> None:
    by_id = runner.invoke(app, ["rules", "list", "--topic", "legal_basis", "--format", "json"]).stdout
    for name in ("Rättslig grund", "rättslig grund", "Legal basis"):
        assert runner.invoke(app, ["rules", "list", "--topic", name, "--format", "json"]).stdout == by_id
    unknown = runner.invoke(app, ["rules", "list", "--topic", "Lönen"])
    assert unknown.exit_code == 2 and "legal_basis" in unknown.stderr
