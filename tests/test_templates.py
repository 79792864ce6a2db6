"""The template catalogue and ``forenad templates check``: shipped templates are clean and reproducible; an
organisation's template is checked for safety, split tags, curly quotes and coverage against the model."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import docx
import pytest
from typer.testing import CliRunner

from forenad.cli.app import app
from forenad.render import check_template, list_templates
from forenad.render.lint import CheckReport

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def run(*args: str | Path) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_templates", ROOT / "tools" / "build_templates.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


def make_template(
    directory: Path,
    paragraphs: Sequence[str | Sequence[str]],
    fields: Sequence[str] = ("person.name",),
    models: str = "[forenad_en_arbetsgivare, forenad_tva_anstallningar]",
    extra: str = "",
) -> Path:
    """A template directory: each paragraph is a text (one run) or a list of runs."""
    directory.mkdir(parents=True, exist_ok=True)
    document = docx.Document()
    for paragraph in paragraphs:
        p = document.add_paragraph()
        for run_text in [paragraph] if isinstance(paragraph, str) else paragraph:
            p.add_run(run_text)
    document.save(str(directory / "template.docx"))
    (directory / "template.yaml").write_text(
        f"id: egen\nversion: '1.0'\nlanguage: sv\ndocument: egen\ntitle: Egen\nmodels: {models}\n"
        f"fields: [{', '.join(fields)}]\n{extra}",
        encoding="utf-8",
    )
    return directory


def codes(report: CheckReport, severity: str | None = None) -> set[str]:
    return {i.code for i in report.issues if severity is None or i.severity == severity}


def messages(report: CheckReport) -> str:
    return "\n".join(i.text("en") for i in report.issues)


# -- shipped templates ---------------------------------------------------------------------------------


@pytest.mark.parametrize("template_id", sorted(t.id for t in list_templates()))
def test_shipped_template_is_clean(template_id: str) -> None:
    report = check_template(template_id)
    assert codes(report) <= {"unused_model_fields"}, messages(report)
    assert report.dry_runs  # rendered with at least one shipped sample agreement
    template = report.template
    assert template is not None
    assert report.fields_used == sorted(template.spec.fields)


def test_shipped_templates_are_built_reproducibly_from_code(tmp_path: Path) -> None:
    build = builder()
    assert build.main(["--check"]) == 0, "run: python tools/build_templates.py"
    spec = build.SPECS[0]
    assert build.build(spec) == build.build(spec)  # the same code gives the same bytes


def test_templates_list() -> None:
    code, out = run("templates", "list", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert {t["id"] for t in data} >= {"samverkansavtal-forenad", "anstallningsbevis", "tjanstekopsavtal"}
    assert all(len(t["sha256"]) == 64 for t in data)
    code, out = run("templates", "list")
    assert code == 0 and "adjungeringsavtal" in out


def test_templates_check_cli_on_shipped() -> None:
    code, out = run("templates", "check", "samverkansavtal-forenad", "anstallningsbevis")
    assert code == 0, out
    assert "säker och användbar" in out
    code, out = run("templates", "check", "samverkansavtal-forenad", "--format", "json")
    data = json.loads(out)
    assert data[0]["ok"] is True and "person.name" in data[0]["fields_used"]


# -- an organisation's template --------------------------------------------------------------------------


def test_a_clean_template(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t", ["Avtal för {{ person.name }}."])
    report = check_template(template)
    assert not report.errors, messages(report)
    assert report.dry_runs == ["forenad_en.yaml", "forenad_tva.yaml"]
    code, out = run("templates", "check", template)
    assert code == 0, out


def test_tag_split_across_runs_is_reported(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t", [["Avtal för {{ person.", "name }}."]])
    report = check_template(template)
    assert "split_tag" in codes(report, "warning")
    assert not report.errors  # docxtpl mends it, so the template still works


def test_curly_quotes_inside_a_tag(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t", ["{{ person.name }} {{ fact(“total_extent”)|pct }}"])
    report = check_template(template)
    assert "curly_quote" in codes(report, "error")
    assert run("templates", "check", template)[0] == 2


def test_unknown_field_with_did_you_mean(tmp_path: Path) -> None:
    template = make_template(
        tmp_path / "t", ["{{ person.nam }} {{ parts[0].extent_procent }} {{ parts.extent_percent }}"]
    )
    report = check_template(template)
    text = messages(report)
    assert "person.nam" in text and "'name'" in text
    assert "parts.*.extent_procent" in text and "'extent_percent'" in text
    assert "not_a_model" in codes(report, "error")
    code, out = run("templates", "check", template)
    assert code == 2 and "menade du 'name'" in out


def test_sidecar_coverage_both_ways(tmp_path: Path) -> None:
    template = make_template(
        tmp_path / "t",
        ["{{ person.name }}, {{ id }}"],
        fields=("person.name", "parts.*.title", "person.nmae"),
    )
    report = check_template(template)
    text = messages(report)
    assert "sidecar_unused_field" in codes(report, "warning") and "parts.*.title" in text
    assert "undeclared_field" in codes(report, "warning") and "uses id" in text
    assert "sidecar_unknown_field" in codes(report, "error") and "(name?)" in text


@pytest.mark.parametrize(
    ("tag", "code"),
    [
        ("{{ ''.__class__.__mro__ }}", "unsafe_attribute"),
        ("{{ cycler.__init__.__globals__ }}", "unknown_name"),
        ("{{ person.name|attr('x') }}", "unknown_filter"),
        ("{{ person.name.upper() }}", "call"),
        ("{% macro m() %}x{% endmacro %}", "not_allowed"),
        ("{% import 'x' as y %}", "not_allowed"),
        ("{{ 9 ** 9 }}", "not_allowed"),
        ("{{ person.name is callable }}", "unknown_test"),
        ("{{ fact('vacation_days') }}", "fact_part"),
        ("{{ fact('vacaton_days', part) }}", "unknown_fact"),
    ],
)
def test_constructs_outside_the_allow_list(tmp_path: Path, tag: str, code: str) -> None:
    template = make_template(tmp_path / "t", ["{{ person.name }} " + tag])
    report = check_template(template)
    assert code in codes(report, "error"), messages(report)
    assert report.exit_code == 2


def test_unsafe_template_is_called_unsafe(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t", ["{{ ''.__class__.__mro__ }}"])
    report = check_template(template)
    assert report.unsafe
    code, out = run("templates", "check", template)
    assert code == 2 and "osäker" in out


def test_syntax_error(tmp_path: Path) -> None:
    report = check_template(make_template(tmp_path / "t", ["{{ person.name "]))
    assert "syntax" in codes(report, "error")


def test_dry_run_catches_what_static_checks_cannot(tmp_path: Path) -> None:
    report = check_template(make_template(tmp_path / "t", ["{{ person.name - 1 }}"]))
    assert "dry_run" in codes(report, "error"), messages(report)


def test_tags_in_parts_that_are_not_rendered(tmp_path: Path) -> None:
    directory = make_template(tmp_path / "t", ["{{ person.name }}"])
    document = docx.Document(str(directory / "template.docx"))
    run_ = document.paragraphs[0].runs[0]
    document.add_comment(run_, text="{{ person.name }}", author="x")
    document.save(str(directory / "template.docx"))
    report = check_template(directory)
    assert "unrendered_part" in codes(report, "error")


def test_loops_and_the_per_employer_names(tmp_path: Path) -> None:
    template = make_template(
        tmp_path / "t",
        [
            "{%p for part in issued_parts %}",
            "{{ issuer.name }}: {{ part.title }} {{ fact('vacation_days', part) }} {{ loop.index }}",
            "{%p endfor %}",
        ],
        fields=("employers.*.name", "parts.*.title"),
        models="[tjanstekop]",
        extra="per: employer\n",
    )
    report = check_template(template)
    assert not report.errors, messages(report)
    assert report.fields_used == ["employers.*.name", "parts.*.title"]
    assert report.facts_used == ["vacation_days"]
    # Without per: employer, issuer is unknown.
    sidecar = template / "template.yaml"
    sidecar.write_text(sidecar.read_text().replace("per: employer\n", ""), encoding="utf-8")
    assert "unknown_name" in codes(check_template(template), "error")


def test_docx_with_its_own_sidecar_name(tmp_path: Path) -> None:
    directory = make_template(tmp_path / "t", ["{{ person.name }}"])
    (directory / "template.docx").rename(tmp_path / "min-mall.docx")
    (directory / "template.yaml").rename(tmp_path / "min-mall.yaml")
    report = check_template(tmp_path / "min-mall.docx")
    assert not report.errors, messages(report)


def test_bad_sidecar(tmp_path: Path) -> None:
    directory = make_template(tmp_path / "t", ["{{ person.name }}"], extra="modles: [x]\n")
    report = check_template(directory)
    assert "unreadable" in codes(report, "error")
    assert "modles" in messages(report) and "models?" in messages(report)
    (directory / "template.yaml").write_text("id: [\n", encoding="utf-8")
    report = check_template(directory)
    assert "unreadable" in codes(report, "error") and "template.yaml:" in messages(report)
    assert check_template(tmp_path / "finns-inte").exit_code == 2
