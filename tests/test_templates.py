"""The template catalogue and ``forenad templates check``: shipped templates are clean, in both languages and
in step; an organisation's template is checked for safety and against the model, and what Word does to a
tag (split runs, typographic quotes) is normalised, not refused."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

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


def make_template(
    directory: Path,
    paragraphs: Sequence[str | Sequence[str]],
    fields: Sequence[str] = (),
    models: str = "[forenad_en_arbetsgivare, forenad_tva_anstallningar]",
    extra: str = "",
    language: str = "sv",
) -> Path:
    """A template directory: each paragraph is a text (one run) or a list of runs (a heading when it starts
    with ``# ``)."""
    directory.mkdir(parents=True, exist_ok=True)
    document = docx.Document()
    for paragraph in paragraphs:
        if isinstance(paragraph, str) and paragraph.startswith("# "):
            document.add_heading(paragraph[2:], level=1)
            continue
        p = document.add_paragraph()
        for run_text in [paragraph] if isinstance(paragraph, str) else paragraph:
            p.add_run(run_text)
    document.save(str(directory / "template.docx"))
    listed = f"fields: [{', '.join(fields)}]\n" if fields else ""
    (directory / "template.yaml").write_text(
        f"id: egen-{language}\nversion: '1.0'\nlanguage: {language}\ndocument: egen\ntitle: Egen\n"
        f"models: {models}\n{listed}{extra}",
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
    """No error, no warning: every field a sample agreement of a served model gives reaches a document, and
    the Swedish and English versions are in step."""
    report = check_template(template_id)
    assert not report.errors and not report.warnings, messages(report)
    assert report.dry_runs  # rendered with at least one shipped sample agreement
    template = report.template
    assert template is not None
    assert template.spec.fields == []  # the fields are read from the template, not kept in the sidecar
    assert report.fields_used and report.unused_model_fields == []


def test_every_model_has_an_agreement_and_a_written_statement_in_both_languages() -> None:
    from forenad.model import EmploymentModel

    for model in EmploymentModel:
        for lang in ("sv", "en"):
            served = [t for t in list_templates() if t.serves(model) and t.spec.language == lang]
            assert {t.spec.per for t in served} == {"agreement", "employer"}, (model, lang)
    documents: dict[str, set[str]] = {}
    for template in list_templates():
        documents.setdefault(template.spec.document, set()).add(template.spec.language)
    assert all(languages == {"sv", "en"} for languages in documents.values()), documents


def test_the_generator_is_gone() -> None:
    """The .docx files are the source of the wording: no Python holds clause text."""
    assert not (ROOT / "tools" / "build_templates.py").exists()


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


def test_a_tag_split_across_runs_is_joined(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t", [["Avtal för {{ person.", "name }}."]])
    report = check_template(template)
    assert not report.errors, messages(report)
    assert codes(report, "warning") == {"unused_model_field"}  # a one-line agreement leaves out the rest
    assert "normalised" in codes(report, "info")
    assert "1 tag split across Word runs was joined" in messages(report)
    assert report.fields_used == ["person.name"]


def test_curly_quotes_inside_a_tag_are_made_straight(tmp_path: Path) -> None:
    template = make_template(
        tmp_path / "t", ["{{ person.name }} {{ fact(“total_extent”)|pct }} {{ fact(’total_extent’) }}"]
    )
    report = check_template(template)
    assert not report.errors, messages(report)
    assert "typographic quotes in 2 tags" in messages(report)
    assert run("templates", "check", template)[0] == 0


def test_a_tag_not_closed_in_its_paragraph_names_the_paragraph(tmp_path: Path) -> None:
    template = make_template(tmp_path / "t", ["Avtal för {{ person.name", "}} och mer."])
    report = check_template(template)
    assert "unclosed_tag" in codes(report, "error")
    assert "«Avtal för {{ person.name»" in messages(report)
    assert "syntax" not in codes(report) and not report.warnings  # one error, where it is
    assert run("templates", "check", template)[0] == 2


def test_a_tag_around_a_tab_cannot_be_normalised(tmp_path: Path) -> None:
    directory = make_template(tmp_path / "t", [["Avtal för {{ person.", "name }}."]])
    document = docx.Document(str(directory / "template.docx"))
    document.paragraphs[0].runs[0].add_tab()
    document.save(str(directory / "template.docx"))
    report = check_template(directory)
    assert "tag_not_text" in codes(report, "error"), messages(report)
    assert "«Avtal för {{ person.name }}.»" in messages(report)


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


def test_a_sidecar_field_list_is_not_needed(tmp_path: Path) -> None:
    """An older sidecar's ``fields`` are accepted and not compared: the fields are read from the template."""
    template = make_template(
        tmp_path / "t",
        ["{{ person.name }}, {{ id }}"],
        fields=("person.name", "parts.*.title", "person.nmae"),
    )
    report = check_template(template)
    assert not report.errors and "sidecar_fields" in codes(report, "info"), messages(report)
    assert report.fields_used == ["id", "person.name"]


def test_a_field_the_model_gives_that_no_template_uses_is_a_warning(tmp_path: Path) -> None:
    """An organisation's written statement for a tjänsteköp that leaves out the shipped agreement's fields
    is fine (the shipped agreement prints them); one that is the agreement itself must use them."""
    statement = make_template(
        tmp_path / "bevis",
        ["{{ issuer.name }} {{ person.name }}"],
        models="[tjanstekop]",
        extra="per: employer\n",
    )
    assert not check_template(statement).warnings
    agreement = make_template(tmp_path / "avtal", ["{{ person.name }}"], models="[tjanstekop]")
    report = check_template(agreement)
    assert "unused_model_field" in codes(report, "warning")
    text = messages(report)
    assert "cost_settlement.invoicing.overhead_percent" in text and "reach no document" in text
    assert len(report.warnings) == 1  # one warning for the model, listing the fields
    assert "parts.*.employed_since" not in text  # a fact the shipped statement prints reads it
    assert report.exit_code == 0  # a warning does not stop the template


def test_language_versions_out_of_step_are_a_warning(tmp_path: Path) -> None:
    swedish = make_template(tmp_path / "sv", ["# Parter", "{{ person.name }}", "# Lön", "{{ id }}"])
    english = make_template(tmp_path / "en", ["# Parties", "{{ person.name }}"], language="en")
    code, out = run("templates", "check", swedish, english, "--lang", "en")
    assert code == 0 and "language_mismatch" in out
    assert "has 2 headings" in out and "has 1 headings" in out
    assert "only in" in out and "id" in out  # the field only the Swedish version uses
    english = make_template(
        tmp_path / "en2", ["# Parties", "{{ person.name }}", "# Salary", "{{ id }}"], language="en"
    )
    code, out = run("templates", "check", swedish, english, "--lang", "en")
    assert code == 0 and "language_mismatch" not in out


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


def test_syntax_error_names_the_paragraph(tmp_path: Path) -> None:
    report = check_template(make_template(tmp_path / "t", ["Före.", "Avtal {% if person.name %} utan slut"]))
    assert "syntax" in codes(report, "error")
    assert "«Avtal {% if person.name %} utan slut»" in messages(report)


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
    assert "sidecar_fields" in codes(report, "info")
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
