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


def test_ids_and_names_are_never_cut_in_lists() -> None:
    """An id or a parameter name is what a person types next (``rules show ID``, ``params show NAME``):
    whole at any width, the other cells under it when the terminal is narrow."""
    from forenad.engine import default_rules
    from forenad.params import default_parameters

    for width in ("60", "80", "200"):
        rules = runner.invoke(app, ["rules", "list"], env={"COLUMNS": width}).stdout
        params = runner.invoke(app, ["params", "list"], env={"COLUMNS": width}).stdout
        words = set(rules.replace("│", " ").split()) | set(params.replace("│", " ").split())
        assert {r.id for r in default_rules().rules} <= words, width
        assert set(default_parameters().names()) <= words, width


def test_params_show_prints_scales_and_records_as_tables() -> None:
    scale = runner.invoke(
        app, ["params", "show", "semester_ab", "--on", "2026-06-01"], env={"COLUMNS": "100"}
    )
    assert scale.exit_code == 0
    assert "from_age_year" in scale.stdout and "days" in scale.stdout  # the file's keys as the heads
    rows = [line.replace("│", " ").split() for line in scale.stdout.splitlines()]
    assert ["0", "25"] in rows and ["40", "31"] in rows and ["50", "32"] in rows
    assert "{" not in scale.stdout and "[" not in scale.stdout  # no raw JSON
    record = runner.invoke(app, ["params", "show", "pension_akap_kr", "--on", "2026-06-01"]).stdout
    lines = [" ".join(line.split()) for line in record.splitlines()]
    assert "coverage.conditional.born_from 1958" in lines  # a year: no grouping
    assert "coverage.conditional.max_fixed_monthly_pay 44 375" in lines  # an amount: grouped (NBSP, split)
    assert "defined_benefit nej" in lines and "rate_above_break 31,5" in lines
    english = runner.invoke(app, ["params", "show", "pension_akap_kr", "--on", "2026-06-01", "--lang", "en"])
    assert "rate_above_break 31.5" in [" ".join(line.split()) for line in english.stdout.splitlines()]


def test_rules_list_takes_the_topic_names_check_prints() -> None:
    by_id = runner.invoke(app, ["rules", "list", "--topic", "legal_basis", "--format", "json"]).stdout
    for name in ("Rättslig grund", "rättslig grund", "Legal basis"):
        assert runner.invoke(app, ["rules", "list", "--topic", name, "--format", "json"]).stdout == by_id
    unknown = runner.invoke(app, ["rules", "list", "--topic", "Lönen"])
    assert unknown.exit_code == 2 and "legal_basis" in unknown.stderr


LOCAL_RULE = """rules:
  - id: extent.region_x_minst_tjugo
    topic: extent
    severity: warning
    each: parts
    title: {sv: "Del under 20 %", en: "Part below 20 %"}
    when: {path: part.extent_percent, lt: 20}
    message:
      sv: "Del {index}: Region X anställer inte under 20 %."
      en: "Part {index}: Region X does not employ below 20 %."
    paths: [parts.*.extent_percent]
    refs:
      - {kind: other, id: Region X, title: "Personalpolicy 2026"}
"""
LOCAL_CASES = """cases:
  - name: tio procent
    base: forenad_tva
    on: 2026-06-01
    set: {parts.0.extent_percent: 10, parts.1.extent_percent: 90}
    expect:
      findings: [extent.region_x_minst_tjugo]
      absent: [legal_basis.forenad_needs_academic_part]
  - name: femtio procent
    base: forenad_tva
    on: 2026-06-01
    expect:
      absent: [extent.region_x_minst_tjugo]
"""


def local_rules(tmp_path: Path) -> Path:
    folder = tmp_path / "egna-regler"
    (folder / "tests").mkdir(parents=True)
    (folder / "region-x.yaml").write_text(LOCAL_RULE, encoding="utf-8")
    (folder / "tests" / "region-x.yaml").write_text(LOCAL_CASES, encoding="utf-8")
    return folder


def test_local_rules_add_to_the_shipped_catalogue(tmp_path: Path) -> None:
    folder = local_rules(tmp_path)
    small = tmp_path / "liten.yaml"
    small.write_text(
        UPPSALA.read_text(encoding="utf-8").replace("extent_percent: 50", "extent_percent: 10", 1),
        encoding="utf-8",
    )
    args = ["check", str(small), "--on", "2026-06-01", "--format", "json", "--rules", str(folder)]
    rules = {f["rule"] for f in json.loads(runner.invoke(app, args).stdout)["results"][0]["findings"]}
    assert "extent.region_x_minst_tjugo" in rules  # the local rule
    assert "extent.sum_differs_from_total" in rules  # and the shipped ones still run
    compare = ["compare", str(small), "--on", "2026-06-01", "--format", "json", "--rules", str(folder)]
    compared = runner.invoke(app, compare)
    assert "extent.region_x_minst_tjugo" in compared.stdout
    empty = tmp_path / "tom"
    empty.mkdir()
    refused = runner.invoke(app, ["check", str(UPPSALA), "--rules", str(empty)])
    assert refused.exit_code == 2 and "no rule files" in refused.stderr
    clash = tmp_path / "krock"
    clash.mkdir()
    clashing = LOCAL_RULE.replace("extent.region_x_minst_tjugo", "extent.sum_above_full_time")
    (clash / "a.yaml").write_text(clashing, encoding="utf-8")
    refused = runner.invoke(app, ["check", str(UPPSALA), "--rules", str(clash)])
    assert refused.exit_code == 2 and "is a shipped rule" in refused.stderr


def test_draft_honours_the_local_rules_and_parameters_check_uses(tmp_path: Path) -> None:
    """Issue 19 item 10: ``draft --rules DIR`` puts the organisation's findings in the annex and the
    provenance, as ``check --rules DIR`` reports them; a bad folder stops the draft as it stops check."""
    folder = local_rules(tmp_path)
    small = tmp_path / "liten.yaml"
    small.write_text(
        UPPSALA.read_text(encoding="utf-8").replace("extent_percent: 50", "extent_percent: 10", 1),
        encoding="utf-8",
    )
    out = tmp_path / "ut"
    args = ["draft", str(small), "-o", str(out), "--on", "2026-06-01", "--rules", str(folder)]
    result = runner.invoke(app, [*args, "--template", "samverkansavtal-forenad"])
    assert result.exit_code == 1, result.output  # the shipped errors (the parts do not add up) still count
    record = json.loads((out / "liten.samverkansavtal-forenad.provenance.json").read_text(encoding="utf-8"))
    assert "extent.region_x_minst_tjugo" in json.dumps(record)
    import docx

    text = "\n".join(
        cell.text for table in docx.Document(str(out / "liten.samverkansavtal-forenad.docx")).tables
        for row in table.rows for cell in row.cells
    )  # fmt: skip
    assert "extent.region_x_minst_tjugo" in text  # in the annex
    empty = tmp_path / "tom"
    empty.mkdir()
    refused = runner.invoke(app, ["draft", str(UPPSALA), "-o", str(tmp_path / "x"), "--rules", str(empty)])
    assert refused.exit_code == 2 and not (tmp_path / "x").exists()
    partial = tmp_path / "params"
    partial.mkdir()
    refused = runner.invoke(app, ["draft", str(UPPSALA), "-o", str(tmp_path / "y"), "--params", str(partial)])
    assert refused.exit_code == 2 and not (tmp_path / "y").exists()


def test_rules_test_runs_an_organisations_cases(tmp_path: Path) -> None:
    folder = local_rules(tmp_path)
    passed = runner.invoke(app, ["rules", "test", str(folder)])
    assert passed.exit_code == 0, passed.stdout
    assert "2 fall, 0 misslyckades" in passed.stdout
    cases = folder / "tests" / "region-x.yaml"
    cases.write_text(LOCAL_CASES.replace("absent: [extent.region_x", "findings: [extent.region_x"), "utf-8")
    failed = runner.invoke(app, ["rules", "test", str(folder)])
    assert failed.exit_code == 1 and "väntat fynd saknas: extent.region_x_minst_tjugo" in failed.stdout


def test_a_partial_parameter_folder_is_refused_not_a_crash(tmp_path: Path) -> None:
    partial = tmp_path / "parametrar"
    partial.mkdir()
    source = ROOT / "rules" / "parameters" / "inkomstbasbelopp.yaml"
    (partial / "inkomstbasbelopp.yaml").write_bytes(source.read_bytes())
    for command in (["check", str(UPPSALA)], ["compare", str(UPPSALA)]):
        refused = runner.invoke(app, [*command, "--params", str(partial)])
        assert refused.exit_code == 2, refused.stdout
        assert "--params-overlay" in refused.stderr and "pension_akap_kr" in refused.stderr


def test_big_runs_have_a_brief_and_a_quiet_mode(tmp_path: Path) -> None:
    folder = ROOT / "examples"
    brief = runner.invoke(app, ["check", str(folder), "--brief", "--on", "2026-06-01"]).stdout
    files = sorted(folder.glob("*.yaml"))
    lines = brief.splitlines()
    assert all(any(line.startswith(("✓ ", "✗ ", "? ")) and str(f) in line for line in lines) for f in files)
    assert "vacation.coordination_missing" not in brief  # no findings, only counts
    assert "0 fel, 1 varning" in brief
    quiet = runner.invoke(app, ["check", str(folder), "-q", "--on", "2026-06-01"])
    assert not any(str(f) in quiet.stdout for f in files)
    assert f"{len(files)} filer:" in quiet.stdout and quiet.exit_code == 0


def test_a_person_sees_parts_numbered_from_one_with_the_position() -> None:
    gavle = ROOT / "examples" / "gavleborg-kommundoktorand.yaml"
    out = runner.invoke(app, ["check", str(gavle), "--on", "2026-09-01"], env={"COLUMNS": "300"}).stdout
    assert "Del 1 (specialistsjuksköterska): parts.0.notice" in out
    assert "Del 2 (doktorand): parts.1.notice" in out
    english = runner.invoke(app, ["check", str(gavle), "--on", "2026-09-01", "--lang", "en"]).stdout
    assert "Part 2 (doctoral student): parts.1.notice" in english
