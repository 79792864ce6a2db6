"""Input that cannot be read or validated: through the library and through ``forenad check``.

Every bad file is a shipped example with one edit, so the line each error must name is known exactly.
Contract (design.md §2): exit code 2, the error names the file, the line and the dotted field path,
Swedish by default and English with ``--lang en``; ``--format json`` has a fixed shape.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import forenad
from forenad import yamlio
from forenad.cli.app import app
from forenad.io import dump_yaml, parse_agreement

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES_DIR = ROOT / "examples"
UPPSALA = EXAMPLES_DIR / "uppsala-professor-overlakare.yaml"
FORENAD = Path(sys.executable).with_name("forenad")

TOPICS = frozenset(
    {
        "legal_basis",
        "extent",
        "salary",
        "working_time",
        "vacation",
        "pension",
        "insurance",
        "sick_pay",
        "rehabilitation",
        "work_environment",
        "notice",
        "termination",
        "secondary_employment",
        "cost_settlement",
        "collective_agreement",
        "documentation",
        "identity",
        "dates",
    }
)
"""The fixed topic vocabulary of design.md §2."""

runner = CliRunner()


def run_cli(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def check_json(*args: str) -> tuple[int, dict[str, Any]]:
    code, out = run_cli("check", "--format", "json", "--on", "2026-06-01", *args)
    return code, json.loads(out)


def run_forenad(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed console script, in a real process."""
    env = {k: v for k, v in os.environ.items() if k not in ("FORENAD_LANG", "FORCE_COLOR")}
    env["NO_COLOR"] = "1"
    return subprocess.run(
        [str(FORENAD), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )


def only_error(result: forenad.LoadResult) -> forenad.InputError:
    assert result.agreement is None
    assert not result.valid
    assert len(result.errors) == 1, [(e.path, e.line, e.message("en")) for e in result.errors]
    return result.errors[0]


def assert_reported(output: str, file: str, line: int | None, path: str, fragment: str) -> None:
    """Some output line names the file (and line), the field path and the message."""
    where = f"{file}:{line}:" if line is not None else f"{file}:"
    candidates = [text for text in output.splitlines() if where in text]
    assert any((not path or f" {path}:" in text) and fragment in text for text in candidates), (
        f"no line with {where!r}, {path!r} and {fragment!r} in:\n{output}"
    )


# --- one edit to the Uppsala example, one error ----------------------------------------------------


@dataclass(frozen=True)
class Case:
    id: str
    edit: Callable[[Any], int]
    """Edits the draft and returns the line the error must name."""
    path: str
    sv: str
    en: str


CASES = [
    Case(
        "malformed-yaml",
        lambda d: d.set("title", "Avtal: förenad anställning som professor"),
        "",
        "ogiltig YAML",
        "invalid YAML",
    ),
    Case(
        "duplicate-key",
        lambda d: d.add("birth_year", "birth_year", "1972"),
        "person.birth_year",
        "nyckeln 'birth_year' förekommer två gånger",
        "the key 'birth_year' appears twice",
    ),
    Case(
        "unknown-field",
        lambda d: d.rename("birth_year", "birth_yaer"),
        "person.birth_yaer",
        "okänt fält 'birth_yaer'; menade du 'birth_year'?",
        "unknown field 'birth_yaer'; did you mean 'birth_year'?",
    ),
    Case(
        "unknown-field-in-part",
        lambda d: d.rename("employed_since", "employed_sinse", 1),
        "parts.1.employed_sinse",
        "okänt fält 'employed_sinse'; menade du 'employed_since'?",
        "unknown field 'employed_sinse'; did you mean 'employed_since'?",
    ),
    Case(
        "misspelt-value",
        lambda d: d.set("position", "profesor"),
        "parts.0.position",
        "menade du 'professor'?",
        "did you mean 'professor'?",
    ),
    Case(
        "text-for-extent",
        lambda d: d.set("extent_percent", "femtio", 1),
        "parts.1.extent_percent",
        "ett tal väntas",
        "a number is expected",
    ),
    Case(
        "zero-salary",
        lambda d: d.set("monthly_salary", "0"),
        "parts.0.monthly_salary",
        "större än 0",
        "greater than 0",
    ),
    Case(
        "negative-salary",
        lambda d: d.set("monthly_salary", "-46000", 1),
        "parts.1.monthly_salary",
        "större än 0",
        "greater than 0",
    ),
    Case(
        "zero-extent",
        lambda d: d.set("extent_percent", "0"),
        "parts.0.extent_percent",
        "större än 0",
        "greater than 0",
    ),
    Case(
        "negative-extent",
        lambda d: d.set("extent_percent", "-1"),
        "parts.0.extent_percent",
        "större än 0",
        "greater than 0",
    ),
    Case(
        "extent-above-100",
        lambda d: d.set("extent_percent", "100.5", 1),
        "parts.1.extent_percent",
        "högst 100",
        "at most 100",
    ),
    Case(
        "agreement-ends-before-it-starts",
        lambda d: d.add("start_date", "end_date", "2025-12-31"),
        "end_date",
        "slutdatumet 2025-12-31 ligger före startdatumet 2026-01-01",
        "the end date 2025-12-31 is before the start date 2026-01-01",
    ),
    Case(
        "part-ends-before-it-starts",
        lambda d: (
            d.add("employed_since", "start_date", "2026-05-01", 1),
            d.add("start_date", "end_date", "2026-04-30", 1),
        )[1],
        "parts.1.end_date",
        "slutdatumet 2026-04-30 ligger före startdatumet 2026-05-01",
        "the end date 2026-04-30 is before the start date 2026-05-01",
    ),
    Case(
        "personnummer-checksum",
        lambda d: d.add("name", "personnummer", "19121212-1213"),
        "person.personnummer",
        "personnumrets kontrollsiffra stämmer inte",
        "the personnummer's check digit is wrong",
    ),
    Case(
        "organisationsnummer-checksum",
        lambda d: d.set("organisationsnummer", "232100-0025", 1),
        "employers.1.organisationsnummer",
        "organisationsnumrets kontrollsiffra stämmer inte",
        "the organisationsnummer's check digit is wrong",
    ),
    Case(
        "no-parts",
        lambda d: d.replace_section("parts", "parts: []"),
        "parts",
        "minst 1",
        "at least 1",
    ),
    Case(
        "unknown-employer",
        lambda d: d.set("employer", "region-upsala", 1),
        "parts.1.employer",
        "ingen arbetsgivare har id region-upsala (kända: uu, region-uppsala)",
        "no employer has the id region-upsala (known: uu, region-uppsala)",
    ),
]


@pytest.fixture(params=CASES, ids=[c.id for c in CASES])
def bad_file(request: pytest.FixtureRequest, draft: Any, tmp_path: Path) -> tuple[Case, Path, int]:
    case: Case = request.param
    text = draft()
    line = case.edit(text)
    return case, text.write(tmp_path / "avtal.yaml"), line


def test_read_agreement_names_path_line_and_problem(bad_file: tuple[Case, Path, int]) -> None:
    case, file, line = bad_file
    result = forenad.read_agreement(file)
    assert result.file == str(file)
    error = only_error(result)
    assert (error.path, error.line) == (case.path, line)
    assert case.sv in error.message("sv")
    assert case.sv in error.message()  # Swedish is the default
    assert case.en in error.message("en")


def test_load_raises_an_error_naming_file_line_and_path(bad_file: tuple[Case, Path, int]) -> None:
    case, file, line = bad_file
    with pytest.raises(forenad.AgreementFileError) as caught:
        forenad.load(file)
    assert str(caught.value).startswith(f"{file}:{line}:" + (f" {case.path}:" if case.path else ""))
    assert case.en in str(caught.value)
    assert isinstance(caught.value, forenad.ForenadError)


def test_check_reports_it_in_swedish_by_default(bad_file: tuple[Case, Path, int]) -> None:
    case, file, line = bad_file
    code, out = run_cli("check", str(file))
    assert code == 2
    assert_reported(out, str(file), line, case.path, case.sv)
    assert case.en not in out


def test_check_reports_it_in_english_with_lang_en(bad_file: tuple[Case, Path, int]) -> None:
    case, file, line = bad_file
    code, out = run_cli("check", "--lang", "en", str(file))
    assert code == 2
    assert_reported(out, str(file), line, case.path, case.en)
    assert case.sv not in out


def test_check_json_reports_it(bad_file: tuple[Case, Path, int]) -> None:
    case, file, line = bad_file
    code, report = check_json("--lang", "en", str(file))
    assert code == 2
    (result,) = report["results"]
    assert result["file"] == str(file)
    assert result["valid"] is False
    assert result["findings"] == []
    (error,) = result["input_errors"]
    assert (error["path"], error["line"]) == (case.path, line)
    assert case.en in error["message"]


# --- files that cannot be read as an agreement at all ----------------------------------------------

EXAMPLE_TEXT = UPPSALA.read_text(encoding="utf-8")
FIRST_NON_ASCII_LINE = next(n for n, text in enumerate(EXAMPLE_TEXT.splitlines(), 1) if not text.isascii())

# name -> (write the file under tmp_path and return it, line, Swedish fragment, English fragment)
UNREADABLE: dict[str, tuple[Callable[[Path], Path], int | None, str, str]] = {
    "missing-file": (lambda d: d / "finns-inte.yaml", None, "filen finns inte", "no such file"),
    "directory": (
        lambda d: (d / "avtal.yaml").mkdir() or d / "avtal.yaml",
        None,
        "är en katalog, inte en fil",
        "is a directory, not a file",
    ),
    "top-level-list": (
        lambda d: _write(d, b"- id: UU-RU-2026-014\n- title: Avtal\n"),
        1,
        "en mappning med avtalets fält (fick: list)",
        "a mapping of the agreement's fields (got: list)",
    ),
    "empty-file": (lambda d: _write(d, b""), 1, "(fick: tom)", "(got: empty)"),
    "only-comments": (lambda d: _write(d, b"# inget avtal \xc3\xa4n\n"), 1, "(fick: tom)", "(got: empty)"),
    "utf-16": (
        lambda d: _write(d, EXAMPLE_TEXT.encode("utf-16")),
        1,
        "kodad som UTF-16; spara den som UTF-8",
        "encoded as UTF-16; save it as UTF-8",
    ),
    "latin-1": (
        lambda d: _write(d, EXAMPLE_TEXT.encode("latin-1")),
        FIRST_NON_ASCII_LINE,
        "inte giltig UTF-8",
        "not valid UTF-8",
    ),
    "nul-bytes": (
        lambda d: _write(d, EXAMPLE_TEXT.encode() + b"\x00" * 64),
        1,
        "binär, inte text",
        "binary, not text",
    ),
}


def _write(directory: Path, data: bytes) -> Path:
    path = directory / "avtal.yaml"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name", list(UNREADABLE))
def test_unreadable_file_is_an_input_error(name: str, tmp_path: Path) -> None:
    make, line, sv, en = UNREADABLE[name]
    file = make(tmp_path)
    error = only_error(forenad.read_agreement(file))
    assert (error.path, error.line) == ("", line)
    assert sv in error.message("sv")
    assert en in error.message("en")

    code, out = run_cli("check", str(file))
    assert code == 2
    assert_reported(out, str(file), line, "", sv)

    code, report = check_json("--lang", "en", str(file))
    assert code == 2
    (result,) = report["results"]
    assert result["valid"] is False
    assert result["input_errors"] == [
        {"path": "", "line": line, "code": error.code, "message": error.message("en")}
    ]
    assert error.code not in ("", "invalid")  # a stable name for the kind of problem


def test_latin1_message_suggests_the_likely_encoding(tmp_path: Path) -> None:
    file = _write(tmp_path, EXAMPLE_TEXT.encode("cp1252"))
    error = only_error(forenad.read_agreement(file))
    assert "Latin-1" in error.message("sv") and "Latin-1" in error.message("en")


def test_utf8_with_byte_order_mark_loads(tmp_path: Path) -> None:
    file = _write(tmp_path, EXAMPLE_TEXT.encode("utf-8-sig"))
    assert forenad.load(file) == forenad.load(UPPSALA)


def test_utf16_without_byte_order_mark_names_the_encoding(tmp_path: Path) -> None:
    file = _write(tmp_path, EXAMPLE_TEXT.encode("utf-16-le"))
    error = only_error(forenad.read_agreement(file))
    assert "UTF-16" in error.message("en")


# --- known defects, documented as the expected behaviour --------------------------------------------


IMPOSSIBLE_DATES = ["2026-02-30", "2026-13-01", "2026-04-31", "0000-01-01"]


@pytest.mark.parametrize("date", IMPOSSIBLE_DATES)
def test_impossible_date_is_an_input_error_on_its_line(date: str, draft: Any, tmp_path: Path) -> None:
    # Regression: ruamel's ValueError for an impossible date used to escape read_agreement (exit code 3).
    text = draft()
    line = text.set("start_date", date)
    error = only_error(forenad.read_agreement(text.write(tmp_path / "avtal.yaml")))
    assert error.line == line
    assert error.message("sv") and error.message("en")


@pytest.mark.parametrize("date", IMPOSSIBLE_DATES)
def test_impossible_date_error_names_the_field_and_the_expected_form(
    date: str, draft: Any, tmp_path: Path
) -> None:
    text = draft()
    line = text.set("start_date", date)
    error = only_error(forenad.read_agreement(text.write(tmp_path / "avtal.yaml")))
    assert (error.path, error.line) == ("start_date", line)
    assert "ÅÅÅÅ-MM-DD" in error.message("sv") and "YYYY-MM-DD" in error.message("en")
    assert "out of range" not in error.message("sv") and "must be in" not in error.message("sv")


def test_check_reports_an_impossible_date_with_exit_code_2_and_still_checks_other_files(
    draft: Any, tmp_path: Path
) -> None:
    text = draft()
    line = text.set("review_date", "2027-06-31")
    bad = text.write(tmp_path / "avtal.yaml")
    proc = run_forenad("check", "--format", "json", str(bad), str(UPPSALA))
    assert proc.returncode == 2, proc.stderr
    results = json.loads(proc.stdout)["results"]
    assert [r["valid"] for r in results] == [False, True]
    assert [e["line"] for e in results[0]["input_errors"]] == [line]


def test_unclosed_quote_names_the_line_where_it_starts(draft: Any, tmp_path: Path) -> None:
    text = draft()
    line = text.replace("title: Samverkansavtal om", 'title: "Samverkansavtal om')
    error = only_error(forenad.read_agreement(text.write(tmp_path / "avtal.yaml")))
    assert error.line == line or str(line) in re.findall(r"\d+", error.message("en"))


def test_duplicate_key_error_names_the_dotted_path(draft: Any, tmp_path: Path) -> None:
    text = draft()
    line = text.add("extent_percent", "extent_percent", "40", 1)
    error = only_error(forenad.read_agreement(text.write(tmp_path / "avtal.yaml")))
    assert (error.path, error.line) == ("parts.1.extent_percent", line)


def test_forbidden_control_character_names_its_line(draft: Any, tmp_path: Path) -> None:
    text = draft()
    line = text.set("name", "Karin\x0bEkholm")
    error = only_error(forenad.read_agreement(text.write(tmp_path / "avtal.yaml")))
    assert error.line == line
    assert "<unicode string>" not in error.message("en")


def test_non_text_key_is_reported_in_swedish(draft: Any, tmp_path: Path) -> None:
    text = draft()
    line = text.add("doctorate", "2024", "disputerad")
    error = only_error(forenad.read_agreement(text.write(tmp_path / "avtal.yaml")))
    assert (error.path, error.line) == ("person.2024", line)
    assert error.message("sv") != error.message("en")


def test_date_key_path_is_written_as_the_date(draft: Any, tmp_path: Path) -> None:
    text = draft()
    line = text.add("doctorate", "2024-01-01", "disputerad")
    error = only_error(forenad.read_agreement(text.write(tmp_path / "avtal.yaml")))
    assert (error.path, error.line) == ("person.2024-01-01", line)


# --- several files ---------------------------------------------------------------------------------


def test_each_of_several_files_is_reported_and_good_ones_still_checked(draft: Any, tmp_path: Path) -> None:
    text = draft()
    line = text.set("extent_percent", "femtio")
    bad = text.write(tmp_path / "trasig.yaml")
    missing = tmp_path / "saknas.yaml"
    code, report = check_json(str(UPPSALA), str(bad), str(missing))
    assert code == 2
    good_result, bad_result, missing_result = report["results"]
    assert (good_result["file"], good_result["valid"], good_result["input_errors"]) == (
        str(UPPSALA),
        True,
        [],
    )
    assert bad_result["file"] == str(bad) and bad_result["valid"] is False
    assert [(e["path"], e["line"]) for e in bad_result["input_errors"]] == [("parts.0.extent_percent", line)]
    assert missing_result["file"] == str(missing) and missing_result["valid"] is False
    assert [(e["path"], e["line"]) for e in missing_result["input_errors"]] == [("", None)]
    assert "filen finns inte" in missing_result["input_errors"][0]["message"]

    code, out = run_cli("check", str(UPPSALA), str(bad), str(missing))
    assert code == 2
    assert any(str(UPPSALA) in text and "giltig" in text for text in out.splitlines())
    assert_reported(out, str(bad), line, "parts.0.extent_percent", "ett tal väntas")
    assert_reported(out, str(missing), None, "", "filen finns inte")
    assert "3 filer: 2 ogiltiga" in out


def test_valid_examples_pass_with_exit_code_0() -> None:
    files = [str(p) for p in sorted(EXAMPLES_DIR.glob("*.yaml"))]
    code, report = check_json(*files)
    assert code == 0
    assert [r["file"] for r in report["results"]] == files
    assert all(r["valid"] and r["input_errors"] == [] for r in report["results"])


# --- output contract -------------------------------------------------------------------------------


def test_json_output_has_exactly_the_contract_keys(draft: Any, tmp_path: Path) -> None:
    text = draft()
    text.set("monthly_salary", "0")
    bad = text.write(tmp_path / "avtal.yaml")
    code, report = check_json(str(UPPSALA), str(bad))
    assert code == 2
    assert set(report) == {"forenad", "evaluated_on", "results"}
    assert report["forenad"] == forenad.__version__
    assert report["evaluated_on"] == "2026-06-01"
    for result in report["results"]:
        assert set(result) == {
            "file",
            "valid",
            "evaluated_on",
            "complete",
            "input_errors",
            "findings",
            "not_made",
            "facts",
        }
        assert isinstance(result["valid"], bool)
        assert isinstance(result["findings"], list) and isinstance(result["facts"], dict)
        for error in result["input_errors"]:
            assert set(error) == {"path", "line", "code", "message"}
            assert isinstance(error["path"], str) and isinstance(error["message"], str) and error["message"]
            assert error["line"] is None or isinstance(error["line"], int)
        for finding in result["findings"]:
            assert {"rule", "topic", "severity", "message", "paths", "refs"} <= set(finding)
            assert finding["severity"] in ("error", "warning", "info")
            assert finding["topic"] in TOPICS
            assert isinstance(finding["message"], str) and finding["message"]
            assert all(isinstance(p, str) for p in finding["paths"])
            for ref in finding["refs"]:
                assert {"kind", "id"} <= set(ref) <= {"kind", "id", "section", "title", "url"}
                assert ref["kind"] in ("sfs", "agreement", "report", "other")
    assert report["results"][1]["input_errors"][0]["path"] == "parts.0.monthly_salary"


@pytest.mark.parametrize("on", ["2026-13-01", "2026-02-30", "i morgon", "01/06/2026"])
def test_invalid_on_date_exits_2(on: str) -> None:
    code, out = run_cli("check", "--on", on, str(UPPSALA))
    assert code == 2
    assert "--on" in out


def test_on_date_is_reported() -> None:
    code, report = check_json(str(UPPSALA))
    assert code == 0 and report["evaluated_on"] == "2026-06-01"


def test_version() -> None:
    code, out = run_cli("--version")
    assert code == 0
    assert out.strip() == f"forenad {forenad.__version__}"


def test_console_script_runs_check_and_version(draft: Any, tmp_path: Path) -> None:
    text = draft()
    line = text.rename("birth_year", "birth_yaer")
    bad = text.write(tmp_path / "avtal.yaml")
    proc = run_forenad("check", "--format", "json", "--lang", "en", str(UPPSALA), str(bad))
    assert proc.returncode == 2, proc.stderr
    report = json.loads(proc.stdout)
    assert [r["valid"] for r in report["results"]] == [True, False]
    (error,) = report["results"][1]["input_errors"]
    assert (error["path"], error["line"]) == ("person.birth_yaer", line)
    assert "did you mean 'birth_year'?" in error["message"]

    proc = run_forenad("check", str(bad))
    assert proc.returncode == 2
    assert_reported(proc.stdout, str(bad), line, "person.birth_yaer", "menade du 'birth_year'?")

    proc = run_forenad("check", "--format", "json", str(UPPSALA))
    (result,) = json.loads(proc.stdout)["results"]
    assert result["valid"] is True
    has_error = any(f["severity"] == "error" for f in result["findings"])
    assert proc.returncode == (1 if has_error else 0), proc.stderr

    proc = run_forenad("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"forenad {forenad.__version__}"


# --- schema ----------------------------------------------------------------------------------------


def test_schema_is_json_describing_the_agreement() -> None:
    code, out = run_cli("schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["type"] == "object"
    assert {"parts", "person", "employers", "start_date", "model"} <= set(schema["properties"])
    assert {"parts", "person", "employers"} <= set(schema["required"])


def test_shipped_schema_file_is_current() -> None:
    code, out = run_cli("schema")
    assert code == 0
    shipped = json.loads((ROOT / "schema" / "agreement.schema.json").read_text(encoding="utf-8"))
    assert shipped == json.loads(out), (
        "schema/agreement.schema.json is stale: run `forenad schema -o … --force`"
    )


# --- JSON agreement files --------------------------------------------------------------------------


def example_as_json(path: Path) -> dict[str, Any]:
    data = yamlio.parse(path.read_text(encoding="utf-8")).data
    return json.loads(json.dumps(data, default=str))


def test_json_agreement_file_loads(example_path: Path, tmp_path: Path) -> None:
    file = tmp_path / f"{example_path.stem}.json"
    file.write_text(json.dumps(example_as_json(example_path), indent=2, ensure_ascii=False), encoding="utf-8")
    assert forenad.load(file) == forenad.load(example_path)
    code, report = check_json(str(file))
    assert code == 0 and report["results"][0]["valid"] is True


def test_json_agreement_file_error_names_the_line(tmp_path: Path) -> None:
    data = example_as_json(UPPSALA)
    data["parts"][1]["extent_percent"] = "femtio"
    data["person"]["birth_yaer"] = data["person"].pop("birth_year")
    text = json.dumps(data, indent=2, ensure_ascii=False)
    file = tmp_path / "avtal.json"
    file.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    extent_line = lines.index('      "extent_percent": "femtio",') + 1
    typo_line = next(n for n, t in enumerate(lines, 1) if t.strip().startswith('"birth_yaer"'))

    result = forenad.read_agreement(file)
    assert [(e.path, e.line) for e in result.errors] == [
        ("person.birth_yaer", typo_line),
        ("parts.1.extent_percent", extent_line),
    ]
    code, out = run_cli("check", str(file))
    assert code == 2
    assert_reported(out, str(file), extent_line, "parts.1.extent_percent", "ett tal väntas")


def test_malformed_json_names_the_line(tmp_path: Path) -> None:
    text = json.dumps(example_as_json(UPPSALA), indent=2)
    lines = text.splitlines()
    n = next(i for i, t in enumerate(lines) if '"monthly_salary"' in t)
    lines[n] = lines[n].rstrip(",")  # a missing comma, the usual JSON mistake
    file = tmp_path / "avtal.json"
    file.write_text("\n".join(lines), encoding="utf-8")
    error = only_error(forenad.read_agreement(file))
    assert error.path == "" and error.line == n + 2  # the parser notices at the next key
    assert "invalid YAML" in error.message("en")


# --- Swedish characters ----------------------------------------------------------------------------


def test_swedish_characters_round_trip_through_dump_yaml(draft: Any, tmp_path: Path) -> None:
    text = draft()
    text.set("name", "Åsa Öhrström-Ängkvist")
    text.set("workplace", "Kärl- och thoraxkirurgi, Akademiska sjukhuset, Ö-huset", 1)
    first = forenad.load(text.write(tmp_path / "avtal.yaml"))
    assert first.person.name == "Åsa Öhrström-Ängkvist"

    dumped = dump_yaml(first)
    assert "Åsa Öhrström-Ängkvist" in dumped and "Överläkare" in dumped  # readable, not \u-escaped
    again = tmp_path / "igen.yaml"
    again.write_text(dumped, encoding="utf-8")
    assert forenad.load(again) == first
    assert parse_agreement(dumped).agreement == first
