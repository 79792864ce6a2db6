"""The rule engine: loading rule files strictly, three-valued conditions, findings with dated values."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import forenad
from forenad.cli.app import app
from forenad.engine import default_rules, evaluate, load_rules
from forenad.engine.rules import checks_dir
from forenad.errors import DataFileError
from forenad.report import TOPICS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
ON = dt.date(2026, 6, 1)

GOOD_RULE = """\
rules:
  - id: extent.custom
    topic: extent
    severity: warning
    when: {fact: total_extent, gt: 90}
    message: {sv: "Över 90 % ({total_extent:pct}).", en: "Above 90 % ({total_extent:pct})."}
    paths: [parts.*.extent_percent]
    refs: [{kind: other, id: test}]
"""


def write_rules(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "custom.yaml").write_text(text, encoding="utf-8")
    return folder


def test_catalogue_loads_with_unique_ids_known_topics_and_references() -> None:
    rules = default_rules()
    assert len(rules.rules) >= 40
    assert len(set(rules.ids())) == len(rules.ids())
    for rule in rules.rules:
        assert rule.topic in TOPICS
        assert rule.refs, rule.id
        assert rule.message.sv and rule.message.en


def test_custom_rule_file_loads_and_fires(tmp_path: Path) -> None:
    rules = load_rules(write_rules(tmp_path, GOOD_RULE))
    agreement = forenad.load(EXAMPLES[0])
    findings, _ = evaluate(agreement, ON, rules=rules)
    (finding,) = [f for f in findings if f.rule == "extent.custom"]
    assert finding.text("sv") == "Över 90 % (100 %)."
    assert finding.paths == ("parts.*.extent_percent",)


@pytest.mark.parametrize(
    ("change", "line", "key", "needle"),
    [
        (("severity: warning", "severity: warnig"), 4, "severity", "warning"),
        (("topic: extent", "topic: extant"), 3, "topic", "extent"),
        (("    paths:", "    pahts:"), 7, "pahts", "paths"),
        (("fact: total_extent", "fact: total_extnet"), 5, "when", "total_extent"),
        (("parts.*.extent_percent", "parts.*.extent_percen"), 7, "paths", "extent_percent"),
        (("gt: 90", "gtt: 90"), 5, "when", "gt"),
        (("    refs:", "    valid_from: 2026-13-01\n    refs:"), 8, "valid_from", "YYYY-MM-DD"),
        (("    refs:", "    valid_from: 1. maj\n    refs:"), 8, "valid_from", "date"),
        (('{total_extent:pct}).", en', '{total_extnt:pct}).", en'), 6, "message", "total_extent"),
    ],
)
def test_bad_rule_file_names_file_line_and_key(tmp_path: Path, change, line, key, needle) -> None:
    folder = write_rules(tmp_path, GOOD_RULE.replace(*change))
    with pytest.raises(DataFileError) as info:
        load_rules(folder)
    err = info.value
    assert err.file.endswith("custom.yaml")
    if line is not None:
        assert err.line == line
    assert err.key == key
    assert needle in str(err)


def test_duplicate_key_in_rule_file(tmp_path: Path) -> None:
    folder = write_rules(
        tmp_path, GOOD_RULE.replace("    severity: warning\n", "    severity: warning\n    severity: info\n")
    )
    with pytest.raises(DataFileError) as info:
        load_rules(folder)
    assert info.value.line == 5
    assert "severity" in str(info.value)


def test_duplicate_rule_id_across_files(tmp_path: Path) -> None:
    folder = write_rules(tmp_path, GOOD_RULE)
    (folder / "again.yaml").write_text(GOOD_RULE, encoding="utf-8")
    with pytest.raises(DataFileError, match=r"extent\.custom"):
        load_rules(folder)


def test_enum_literal_in_condition_is_checked(tmp_path: Path) -> None:
    text = GOOD_RULE.replace("when: {fact: total_extent, gt: 90}", "when: {path: model, eq: tjanstekoop}")
    with pytest.raises(DataFileError) as info:
        load_rules(write_rules(tmp_path, text))
    assert "tjanstekop" in str(info.value)


def test_cli_bad_rules_directory_exits_2(tmp_path: Path) -> None:
    folder = write_rules(tmp_path, GOOD_RULE.replace("topic: extent", "topic: extant"))
    result = CliRunner().invoke(app, ["check", str(EXAMPLES[0]), "--rules", str(folder)])
    assert result.exit_code == 2
    assert "custom.yaml:3" in (result.output + str(result.exception or ""))


def test_unknown_value_is_not_a_finding_and_missing_parameter_is_reported() -> None:
    agreement = forenad.load(EXAMPLES[0])
    findings, facts = evaluate(agreement, dt.date(2027, 3, 1))
    rules = {f.rule for f in findings}
    assert "dates.parameter_not_in_force" in rules
    assert facts["break_point_month"] is None
    missing = [f for f in findings if f.rule == "dates.parameter_not_in_force"]
    assert any("inkomstbasbelopp" in f.text("sv") and "2027-03-01" in f.text("sv") for f in missing)


def test_findings_carry_dated_values_and_unverified_mark() -> None:
    agreement = forenad.load(ROOT / "examples" / "orebro-lektor-specialistsjukskoterska.yaml")
    findings, _ = evaluate(agreement, ON)
    (vacation,) = [f for f in findings if f.rule == "vacation.coordination_missing"]
    names = {v.name for v in vacation.values}
    assert {"semester_villkorsavtal", "semester_ab"} <= names
    assert vacation.unverified  # the AB scale is marked unverified in the domain sources
    assert "31, 25" in vacation.text("sv")


def test_check_json_contract_with_findings(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["check", *map(str, EXAMPLES), "--format", "json", "--on", "2026-06-01"])
    data = json.loads(result.stdout)
    assert set(data) == {"forenad", "evaluated_on", "results"}
    for res in data["results"]:
        assert set(res) == {
            "file", "valid", "evaluated_on", "complete", "input_errors", "findings", "not_made", "facts"
        }  # fmt: skip
        for finding in res["findings"]:
            assert {"rule", "topic", "severity", "message", "paths", "refs"} <= set(finding)
            assert finding["topic"] in TOPICS
            for ref in finding["refs"]:
                assert ref["kind"] in ("sfs", "agreement", "report", "other")


def test_error_finding_gives_exit_code_1(tmp_path: Path) -> None:
    text = (ROOT / "examples" / "orebro-lektor-specialistsjukskoterska.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "bitr.yaml"
    bad.write_text(text.replace("position: lektor", "position: bitradande_lektor"), encoding="utf-8")
    # Before SFS 2025:667 (in force 2025-07-15) only professor and lektor could be förenad.
    result = CliRunner().invoke(app, ["check", str(bad), "--on", "2025-06-01"])
    assert result.exit_code == 1
    assert "legal_basis.forenad_title_not_permitted" in result.stdout
    assert "4 kap. 2 §" in result.stdout
    result = CliRunner().invoke(app, ["check", str(bad), "--on", "2026-06-01"])
    assert "legal_basis.forenad_title_not_permitted" not in result.stdout


def test_rules_show_and_params_show() -> None:
    runner = CliRunner()
    wide = {"COLUMNS": "300"}
    shown = runner.invoke(app, ["rules", "show", "pension.split_loss", "--lang", "en"], env=wide)
    assert shown.exit_code == 0 and "break point" in shown.stdout
    unknown = runner.invoke(app, ["rules", "show", "pension.split_los"])
    assert unknown.exit_code == 2
    param = runner.invoke(
        app, ["params", "show", "inkomstbasbelopp", "--on", "2026-03-01", "--format", "json"]
    )
    assert json.loads(param.stdout)["value"] == 83400
    ended = runner.invoke(app, ["params", "show", "inkomstbasbelopp", "--on", "2027-03-01"])
    assert ended.exit_code == 2


def test_packaged_catalogue_is_found_from_any_directory(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    example = tmp_path / "a.yaml"
    shutil.copy(EXAMPLES[0], example)
    result = CliRunner().invoke(app, ["check", "a.yaml", "--format", "json", "--on", "2026-06-01"])
    assert result.exit_code in (0, 1)
    assert checks_dir().is_dir()
    # Inside the installed package (a wheel), or the repository's top-level rules/ (a source checkout).
    package = Path(forenad.__file__).parent
    assert package in checks_dir().parents or checks_dir() == package.parents[1] / "rules" / "checks"


def test_checking_leaves_nothing_for_the_cycle_collector() -> None:
    # A batch check creates a fact context per agreement; none may be kept alive by a reference cycle (the
    # economics' lookup holds the context it reads from), or every agreement stays in memory until the next
    # garbage collection, and collections come several times as often.
    import gc

    from forenad import yamlio

    examples = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.yaml"))
    agreements = [forenad.Agreement.model_validate(yamlio.load(p).data) for p in examples]
    on = dt.date(2026, 6, 1)
    for agreement in agreements:  # imports, caches and shared values made once
        evaluate(agreement, on, facts=False)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        for agreement in agreements:
            for finding in evaluate(agreement, on, facts=False)[0]:
                _ = finding.text("sv"), finding.unverified
        assert gc.collect() == 0
    finally:
        if was_enabled:
            gc.enable()
