"""An organisation's own rules, as their maintainers work with them: ``forenad rules test DIR`` fails a case
that names a rule or a fact that does not exist, says where the cases belong when ``DIR/tests`` is missing,
and ``rules list``/``rules show`` take ``--rules DIR`` so the own rules are seen as users will see them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from forenad.cli.app import app
from forenad.engine import default_rules, load_rules, with_local_rules
from forenad.engine.evaluate import PARAMETER_NOT_IN_FORCE
from forenad.engine.ruletests import RuleCase, load_cases, run_case, unknown_rules
from forenad.errors import DataFileError

runner = CliRunner()
WIDE = {"COLUMNS": "300"}

OWN_RULE = """rules:
  - id: extent.clinical_part_below_local_minimum
    topic: extent
    severity: warning
    applies_to: [forenad_en_arbetsgivare, forenad_tva_anstallningar]
    each: parts
    title: {sv: "Klinisk del under lokalt minimum", en: "Clinical part below the local minimum"}
    when:
      all:
        - {fact: is_clinical, eq: true}
        - {path: part.extent_percent, lt: 20}
    message:
      sv: "Del {index} omfattar {part.extent_percent:pct}; minst 20 % enligt riktlinjen."
      en: "Part {index} is {part.extent_percent:pct}; at least 20 % by the guideline."
    paths: [parts.*.extent_percent]
    refs:
      - {kind: other, id: Region Exempel, title: "Riktlinje för förenade anställningar (lokal)"}
"""
OWN_ID = "extent.clinical_part_below_local_minimum"
CASES = """cases:
  - name: över minimum
    base: forenad_tva
    on: 2026-06-01
    expect:
      absent: [extent.clinical_part_below_local_minimum]
      facts: {parts.1.is_clinical: true}
  - name: under minimum
    base: forenad_tva
    on: 2026-06-01
    set: {parts.0.extent_percent: 85, parts.1.extent_percent: 15}
    expect:
      findings: [extent.clinical_part_below_local_minimum]
      facts: {total_extent: 100}
"""


def own_folder(tmp_path: Path, cases: str | None = CASES) -> Path:
    folder = tmp_path / "regler"
    folder.mkdir()
    (folder / "lokala.yaml").write_text(OWN_RULE, encoding="utf-8")
    if cases is not None:
        (folder / "tests").mkdir()
        (folder / "tests" / "lokala.yaml").write_text(cases, encoding="utf-8")
    return folder


def test_the_own_folder_passes_as_written(tmp_path: Path) -> None:
    result = runner.invoke(app, ["rules", "test", str(own_folder(tmp_path))], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "2 fall, 0 misslyckades" in result.stdout


@pytest.mark.parametrize("key", ["absent", "findings"])
def test_a_misspelt_rule_id_fails_its_case_with_the_closest_id(tmp_path: Path, key: str) -> None:
    """``absent: [a typo]`` could never fail, and ``findings: [a typo]`` failed without saying why: both
    name the id, say it is no rule, and suggest the rule meant."""
    typo = OWN_ID.replace("minimum", "minimun")
    name = "över minimum" if key == "absent" else "under minimum"
    text = CASES.replace(f"{key}: [{OWN_ID}]", f"{key}: [{typo}]")
    assert typo in text
    result = runner.invoke(app, ["rules", "test", str(own_folder(tmp_path, text))], env=WIDE)
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    failed = lines.index(next(line for line in lines if name in line))
    assert lines[failed].startswith("✗")
    assert lines[failed + 1].strip() == f"{key}: ingen regel heter {typo} (menade du {OWN_ID}?)"
    assert f"fynd saknas: {typo}" not in result.stdout  # one problem, not a second one about firing
    english = runner.invoke(app, ["rules", "test", str(tmp_path / "regler"), "--lang", "en"], env=WIDE)
    assert f"{key}: unknown rule {typo} (did you mean {OWN_ID}?)" in english.stdout
    assert "2 cases, 1 failed" in english.stdout
    assert "2 fall, 1 misslyckades" in result.stdout


def test_a_misspelt_shipped_id_is_unknown_too(tmp_path: Path) -> None:
    text = CASES.replace("      facts: {total_extent: 100}", "      absent: [extent.sum_differs_from_totl]")
    result = runner.invoke(app, ["rules", "test", str(own_folder(tmp_path, text))], env=WIDE)
    assert result.exit_code == 1, result.output
    assert (
        "absent: ingen regel heter extent.sum_differs_from_totl (menade du extent.sum_differs_from_total?)"
        in result.stdout
    )


def test_unknown_rules_knows_the_rule_set_it_is_given(tmp_path: Path) -> None:
    """The library check behind ``rules test`` and the packaged cases' test: an own rule is known only with
    the own rules added; the engine's ``dates.parameter_not_in_force`` is always known."""
    case = RuleCase(
        name="x",
        file="x.yaml",
        line=1,
        base="forenad_tva",
        on=dt.date(2026, 6, 1),
        findings=(OWN_ID,),
        absent=(PARAMETER_NOT_IN_FORCE, "notice.not_determined"),
    )
    assert unknown_rules(case) == [f"findings: unknown rule {OWN_ID}"]
    own = with_local_rules(default_rules(), own_folder(tmp_path, cases=None))
    assert unknown_rules(case, own) == []
    misspelt = RuleCase(
        name="y",
        file="y.yaml",
        line=1,
        base="forenad_tva",
        on=dt.date(2026, 6, 1),
        absent=("notice.not_determind",),
    )
    assert unknown_rules(misspelt) == [
        "absent: unknown rule notice.not_determind (did you mean notice.not_determined?)"
    ]
    assert run_case(misspelt)[0] == unknown_rules(misspelt)[0]


def test_a_fact_not_computed_names_the_closest(tmp_path: Path) -> None:
    text = CASES.replace("parts.1.is_clinical: true", "parts.1.is_clinicl: true").replace(
        "facts: {total_extent: 100}",
        "facts: {total_extnt: 100, is_clinical: true, parts.7.is_clinical: true}",
    )
    folder = own_folder(tmp_path, text)
    rules = with_local_rules(default_rules(), folder)
    over, under = load_cases(folder / "tests")
    assert run_case(over, folder / "tests", rules=rules) == [
        "fact parts.1.is_clinicl was not computed (did you mean parts.1.is_clinical?)"
    ]
    assert run_case(under, folder / "tests", rules=rules) == [
        "fact total_extnt was not computed (did you mean total_extent?)",
        "fact is_clinical was not computed (did you mean parts.0.is_clinical?)",  # a part fact needs its part
        "fact parts.7.is_clinical was not computed",  # no such part: nothing to suggest
    ]


def test_a_folder_without_tests_says_where_the_cases_belong(tmp_path: Path) -> None:
    """The rule file used to be read as a case file ("a rule-test file holds one key, 'cases'")."""
    folder = own_folder(tmp_path, cases=None)
    result = runner.invoke(app, ["rules", "test", str(folder)], env=WIDE)
    assert result.exit_code == 2
    assert f"{folder / 'tests'} finns inte / does not exist" in result.stderr
    assert f"the cases belong in {folder / 'tests'}/*.yaml" in result.stderr
    assert "'cases'" not in result.stderr and "did you mean" not in result.stderr


def test_the_cases_folder_given_for_the_rules_folder_is_named(tmp_path: Path) -> None:
    folder = own_folder(tmp_path)
    result = runner.invoke(app, ["rules", "test", str(folder / "tests")], env=WIDE)
    assert result.exit_code == 2
    assert f"did you mean: forenad rules test {folder}?" in result.stderr


def test_a_folder_of_cases_only_tests_the_shipped_rules(tmp_path: Path) -> None:
    """No rule files of its own, only ``tests/``: the cases run against the shipped catalogue."""
    folder = tmp_path / "bara-fall"
    (folder / "tests").mkdir(parents=True)
    shipped = """cases:
  - name: delarna summerar inte
    base: forenad_tva
    on: 2026-06-01
    set: {parts.1.extent_percent: 30}
    expect:
      findings: [extent.sum_differs_from_total]
      absent: [extent.sum_above_full_time]
"""
    (folder / "tests" / "fall.yaml").write_text(shipped, encoding="utf-8")
    result = runner.invoke(app, ["rules", "test", str(folder)], env=WIDE)
    assert result.exit_code == 0, result.output


def test_rules_list_shows_own_rules_marked(tmp_path: Path) -> None:
    folder = own_folder(tmp_path)
    shipped = runner.invoke(app, ["rules", "list", "--topic", "extent"], env=WIDE)
    assert OWN_ID not in shipped.stdout and "egen" not in shipped.stdout
    listed = runner.invoke(app, ["rules", "list", "--topic", "extent", "--rules", str(folder)], env=WIDE)
    assert listed.exit_code == 0, listed.output
    rows = {line.split("│")[1].strip(): line for line in listed.stdout.splitlines() if line.count("│") > 2}
    assert "egen / own" in listed.stdout
    assert rows[OWN_ID].split("│")[-2].strip() == "egen"
    assert rows["extent.sum_differs_from_total"].split("│")[-2].strip() == ""
    assert f"egna regler: {folder}" in listed.stdout
    english = runner.invoke(
        app, ["rules", "list", "--rules", str(folder), "--lang", "en"], env={"COLUMNS": "100"}
    )
    assert f"{OWN_ID}\n" in english.stdout and "Clinical part below the local minimum · own" in english.stdout


def test_rules_list_json_gives_each_rules_origin(tmp_path: Path) -> None:
    folder = own_folder(tmp_path)
    args = ["rules", "list", "--format", "json", "--rules", str(folder)]
    data = {r["id"]: r for r in json.loads(runner.invoke(app, args).stdout)}
    assert data[OWN_ID]["origin"] == "own" and data[OWN_ID]["origin_file"] == str(folder / "lokala.yaml")
    shipped = data["extent.sum_differs_from_total"]
    assert shipped["origin"] == "shipped" and "origin_file" not in shipped
    assert set(data) == set(default_rules().ids()) | {OWN_ID}
    alone = json.loads(runner.invoke(app, ["rules", "list", "--format", "json"]).stdout)
    assert {r["origin"] for r in alone} == {"shipped"}


def test_rules_show_shows_an_own_rule(tmp_path: Path) -> None:
    folder = own_folder(tmp_path)
    shown = runner.invoke(app, ["rules", "show", OWN_ID, "--rules", str(folder)], env=WIDE)
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.startswith(f"{OWN_ID} — Klinisk del under lokalt minimum")
    assert f"{folder / 'lokala.yaml'}:2 (egen regel / own rule)" in shown.stdout
    assert "Riktlinje för förenade anställningar (lokal)" in shown.stdout
    shipped = runner.invoke(app, ["rules", "show", "extent.sum_differs_from_total", "--rules", str(folder)])
    assert shipped.exit_code == 0 and "own rule" not in shipped.stdout
    missing = runner.invoke(app, ["rules", "show", OWN_ID])  # without --rules it is no rule
    assert missing.exit_code == 2
    typo = runner.invoke(app, ["rules", "show", OWN_ID[:-1], "--rules", str(folder)])
    assert typo.exit_code == 2 and f"did you mean {OWN_ID}?" in typo.stderr


@pytest.mark.parametrize("command", [["rules", "list"], ["rules", "show", OWN_ID]])
def test_a_bad_own_folder_stops_list_and_show_as_it_stops_check(tmp_path: Path, command: list[str]) -> None:
    folder = own_folder(tmp_path)
    (folder / "lokala.yaml").write_text(OWN_RULE.replace("is_clinical", "is_clinicl"), encoding="utf-8")
    for args in ([*command, "--rules", str(folder)], ["check", "x.yaml", "--rules", str(folder)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        assert f"{folder / 'lokala.yaml'}:10: when: is_clinicl: unknown fact" in result.stderr, args
    clash = tmp_path / "krock"
    clash.mkdir()
    (clash / "lokala.yaml").write_text(OWN_RULE.replace(OWN_ID, "extent.sum_differs_from_total"), "utf-8")
    refused = runner.invoke(app, [*command, "--rules", str(clash)])
    assert refused.exit_code == 2 and "is a shipped rule" in refused.stderr
    nowhere = runner.invoke(app, [*command, "--rules", str(tmp_path / "finns-inte")])
    assert nowhere.exit_code == 2 and "is not a folder" in nowhere.stderr


def test_a_load_error_in_a_condition_names_the_line_that_holds_it(tmp_path: Path) -> None:
    """Not the line of ``when:``: the line of the misspelt fact, path or operator inside it."""
    cases = [
        ("fact: is_clinical", "fact: is_clinicl", 10, "is_clinicl: unknown fact"),
        ("part.extent_percent, lt", "part.extent_percen, lt", 11, "no field 'extent_percen'"),
        ("lt: 20", "less: 20", 11, "less: unknown operator"),
        ("eq: true}", "eq: {fact: is_clinicl}}", 10, "is_clinicl: unknown fact"),
    ]
    for old, new, line, needle in cases:
        folder = tmp_path / new.replace(" ", "_").replace(":", "").replace("{", "").replace("}", "")
        folder.mkdir()
        (folder / "lokala.yaml").write_text(OWN_RULE.replace(old, new, 1), encoding="utf-8")
        with pytest.raises(DataFileError) as info:
            load_rules(folder)
        assert (info.value.line, info.value.key) == (line, "when"), (new, str(info.value))
        assert needle in str(info.value)
    nested = OWN_RULE.replace(
        "        - {path: part.extent_percent, lt: 20}",
        "        - not:\n            any:\n              - {path: part.extent_percent, ge: 20}\n"
        "              - fact: is_clinicl\n                eq: false",
    )
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "lokala.yaml").write_text(nested, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_rules(tmp_path / "nested")
    assert info.value.line == 14 and "is_clinicl: unknown fact" in str(info.value)


@pytest.mark.parametrize(
    ("written", "key", "problem"),
    [
        ("absent: extent.sum_differs_from_total", "expect.absent", "a list of rule ids"),
        ("absent: {a: 1}", "expect.absent", "a list of rule ids"),
        ("facts: [total_extent]", "expect.facts", "a mapping of facts"),
    ],
)
def test_a_case_of_the_wrong_shape_is_refused_at_its_line(
    tmp_path: Path, written: str, key: str, problem: str
) -> None:
    """``absent: x.y`` (no brackets) was read letter by letter, one 'unknown rule' per letter."""
    text = CASES.replace("      facts: {total_extent: 100}", f"      {written}")
    folder = own_folder(tmp_path, text)
    result = runner.invoke(app, ["rules", "test", str(folder)], env=WIDE)
    assert result.exit_code == 2, result.output
    assert f"lokala.yaml:14: {key}: {problem}" in result.output, result.output


def test_a_case_file_that_is_not_yaml_is_a_data_file_error_not_a_bug(tmp_path: Path) -> None:
    folder = own_folder(
        tmp_path, CASES.replace("    on: 2026-06-01\n", "    on: 2026-06-01\n    on: 2026-06-02\n", 1)
    )
    result = runner.invoke(app, ["rules", "test", str(folder)], env=WIDE)
    assert result.exit_code == 2, (result.output, result.exception)
    assert "tests/lokala.yaml:5: cases.0.on: the key 'on' appears twice" in result.output


def test_an_unknown_base_fails_its_case_with_the_closest_base(tmp_path: Path) -> None:
    folder = own_folder(tmp_path, CASES.replace("base: forenad_tva", "base: forenad_tv", 1))
    result = runner.invoke(app, ["rules", "test", str(folder)], env=WIDE)
    assert result.exit_code == 1, (result.output, result.exception)
    assert "base: ingen bas heter 'forenad_tv' (menade du 'forenad_tva'?)" in result.stdout
    assert "2 fall, 1 misslyckades" in result.stdout


def test_an_own_base_that_is_not_yaml_stops_with_its_file_and_line(tmp_path: Path) -> None:
    folder = own_folder(tmp_path, CASES.replace("base: forenad_tva", "base: egen", 1))
    (folder / "tests" / "bases").mkdir()
    (folder / "tests" / "bases" / "egen.yaml").write_text("id: [\n", encoding="utf-8")
    result = runner.invoke(app, ["rules", "test", str(folder)], env=WIDE)
    assert result.exit_code == 2, (result.output, result.exception)
    assert "bases/egen.yaml:2: invalid YAML" in result.output
