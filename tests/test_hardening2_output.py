"""Hardening, round two (issue 21), items 4 and 8: any output encoding, no injection through the output.

4. With stdout redirected to a file under cp1252 (as on Swedish Windows) or ASCII, every command used to exit
   3, and a batch stopped after its first agreement. Decision: text goes out in the stream's encoding with
   ``?`` for what it cannot carry (å, ä, ö survive in cp1252; ``✓`` and ``Ł`` do not), and JSON is always
   exact (``\\uXXXX`` escapes where the encoding falls short), so a program reading it loses nothing.
8. A name starting with ``=``, ``+``, ``-`` or ``@`` (or a tab, CR or LF) is written into an xlsx cell as
   text with Excel's quote prefix, never as a formula (compare and changes); a control character in a name
   or a file name (an escape sequence that clears the screen or retitles the terminal, a bidirectional
   override) reaches no terminal raw: it is shown, ``\\x1b`` as ``␛``, U+202E as ``<U+202E>``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from forenad.cli.app import app
from forenad.office import FORMULA_STARTS, append_row, office_text
from forenad.terminal import console, json_text, visible

ROOT = Path(__file__).resolve().parents[1]
UPPSALA = ROOT / "examples" / "uppsala-professor-overlakare.yaml"
OREBRO = ROOT / "examples" / "orebro-lektor-specialistsjukskoterska.yaml"
ON = "2026-06-01"
CLI = [sys.executable, "-c", "import sys; from forenad.cli import main; sys.argv[0] = 'forenad'; main()"]
runner = CliRunner()
OUTSIDE_CP1252 = "Łukasz Żółć 😀 ✓ 中"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _agreements(folder: Path) -> list[Path]:
    folder.mkdir()
    first = folder / "åsa-öberg.yaml"
    first.write_text(
        UPPSALA.read_text(encoding="utf-8").replace("Karin Ekholm", "Åsa Öberg"), encoding="utf-8"
    )
    second = folder / "łukasz.yaml"
    text = OREBRO.read_text(encoding="utf-8")
    name = re.search(r"^  name: (.*)$", text, re.MULTILINE)
    assert name
    text = re.sub(r"^id: .*$", f"id: ID {OUTSIDE_CP1252}", text, count=1, flags=re.MULTILINE)
    second.write_text(text.replace(name.group(0), f"  name: {OUTSIDE_CP1252}", 1), encoding="utf-8")
    return [first, second]


COMMANDS = {
    "check": ["check", "{a}", "{b}", "--on", ON],
    "check folder": ["check", "{folder}", "--on", ON],
    "check json": ["check", "{a}", "{b}", "--on", ON, "--format", "json"],
    "check facts en": ["check", "{a}", "{b}", "--on", ON, "--facts", "--lang", "en"],
    "draft": ["draft", "{a}", "{b}", "-o", "{out}", "--on", ON, "--jobs", "1"],
    "compare": ["compare", "{a}", "{b}", "--on", ON],
    "compare md": ["compare", "{a}", "{b}", "--on", ON, "--format", "md"],
    "compare json": ["compare", "{a}", "{b}", "--on", ON, "--format", "json"],
    "changes": ["changes", "{a}", "{b}", "--from", "2026-12-31", "--to", "2027-01-01"],
    "changes json": [
        "changes",
        "{a}",
        "{b}",
        "--from",
        "2026-12-31",
        "--to",
        "2027-01-01",
        "--format",
        "json",
    ],
    "templates": ["templates", "list"],
    "templates check": ["templates", "check", "anstallningsbevis"],
    "rules": ["rules", "list"],
    "params status": ["params", "status", "--on", ON],
}


CASES = [(command, "cp1252") for command in sorted(COMMANDS)] + [
    (command, "ascii") for command in ("check", "check json", "draft", "compare")
]


@pytest.mark.parametrize(("command", "encoding"), CASES)
def test_no_command_fails_on_a_non_utf8_stdout(tmp_path: Path, command: str, encoding: str) -> None:
    a, b = _agreements(tmp_path / "avtal")
    args = [arg.format(a=a, b=b, folder=a.parent, out=tmp_path / "ut") for arg in COMMANDS[command]]
    env = os.environ | {"PYTHONIOENCODING": encoding, "FORENAD_LANG": "sv"}
    env.pop("PYTHONUTF8", None)
    stdout = tmp_path / "stdout.txt"
    with stdout.open("wb") as handle:
        result = subprocess.run([*CLI, *args], stdout=handle, stderr=subprocess.PIPE, env=env, timeout=300)
    err = result.stderr.decode(encoding, errors="strict")  # stderr is in the encoding too
    assert result.returncode in (0, 1, 4), (result.returncode, err)
    assert "internt fel" not in err
    text = stdout.read_bytes().decode(encoding)  # strictly decodable: only what the encoding carries
    if command.endswith("json"):
        dumped = json.dumps(json.loads(text), ensure_ascii=False)
        assert "łukasz.yaml" in dumped or f"ID {OUTSIDE_CP1252}" in dumped, dumped[:500]  # exact, not '?'

    if command == "draft":
        assert "2 avtal: 2 klara" in text, text  # the batch did not stop after the first agreement
        assert len(list((tmp_path / "ut").glob("*.docx"))) >= 4
    if command in ("check", "draft") and encoding == "cp1252":
        assert "åsa-öberg.yaml" in text  # Swedish letters survive in cp1252


def test_json_is_exact_in_cp1252() -> None:
    stream = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
    data = {"namn": f"Åsa {OUTSIDE_CP1252}", "styr": "\x1b\u202e\x9b\x7f"}
    text = json_text(data, stream)
    text.encode("cp1252")  # strictly encodable
    assert json.loads(text) == data
    assert not CONTROL.search(text)


_ANY_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(_ANY_TEXT, st.one_of(_ANY_TEXT, st.lists(_ANY_TEXT, max_size=3)), max_size=4))
def test_json_is_exact_and_inert_in_any_encoding(data: dict[str, object]) -> None:
    """The property: for any data and encoding, the JSON is encodable, parses back equal, sends no control
    character to a terminal."""
    for encoding in ("utf-8", "cp1252", "ascii"):
        stream = io.TextIOWrapper(io.BytesIO(), encoding=encoding)
        text = json_text(data, stream)
        text.encode(encoding)
        assert json.loads(text) == data
        assert not CONTROL.search(text)


@settings(max_examples=200, deadline=None)
@given(_ANY_TEXT)
def test_a_console_prints_any_text_in_any_encoding_with_nothing_raw(text: str) -> None:
    """The property: rich through forenad's console, on a cp1252 stream that replaces what it cannot carry
    (as :func:`forenad.terminal.setup_streams` makes stdout): never an error, never a control character."""
    from rich.markup import escape

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252", errors="replace")
    out = console(file=stream, width=80, highlight=False, soft_wrap=True)
    out.print(f"[bold]✗[/] {escape(text)}")
    stream.flush()
    printed = raw.getvalue().decode("cp1252")
    assert not CONTROL.search(printed.replace("\n", "")), repr(printed)


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT)
def test_visible_shows_every_control_character_and_keeps_the_rest(text: str) -> None:
    shown = visible(text)
    assert not CONTROL.search(shown)
    if not CONTROL.search(text):
        assert shown == text


HOSTILE_NAMES = {
    "clear screen": "Karin\x1b[2J\x1b[HEkholm",
    "terminal title": "Karin\x1b]0;pwned\x07Ekholm",
    "bidi override": "Karin\u202eEkholm",
    "C1 CSI": "Karin\x9b31mEkholm",
    "carriage return": "Karin\rEkholm",
}


def _yaml_escaped(text: str) -> str:
    return json.dumps(text)  # a JSON string is a YAML double-quoted scalar


@pytest.mark.parametrize("case", sorted(HOSTILE_NAMES))
def test_control_characters_never_reach_the_terminal(tmp_path: Path, case: str) -> None:
    name = HOSTILE_NAMES[case]
    text = UPPSALA.read_text(encoding="utf-8")
    text = text.replace("id: UU-RU-2026-014", f"id: {_yaml_escaped('UU-' + name)}", 1)
    text = text.replace(
        "  - id: uu\n    name: Uppsala universitet", f"  - id: uu\n    name: {_yaml_escaped(name)}", 1
    )
    source = tmp_path / f"avtal-{name}.yaml"
    source.write_text(text, encoding="utf-8")
    runs = [
        ["check", source, "--on", ON],
        ["check", source, "--on", ON, "--facts"],
        ["check", tmp_path, "--on", ON],
        ["compare", source, "--on", ON],
        ["compare", source, "--on", ON, "--format", "md"],
        ["changes", source, "--from", "2026-12-31", "--to", "2027-01-01"],
        ["draft", source, "-o", tmp_path / "ut", "--on", ON],
        ["draft", source, "-o", tmp_path / "ut", "--on", ON],  # refused: the files exist (names printed)
        ["survey", source, "--on", ON, "--internal-unsuppressed"],
        ["survey", source, "--on", ON, "--format", "md", "--internal-unsuppressed"],
        ["survey", source, "--on", ON, "--format", "json", "--internal-unsuppressed"],
    ]
    for args in runs:
        result = runner.invoke(app, [str(a) for a in args])
        assert result.exit_code in (0, 1, 2), (args, result.output, result.exception)
        raw = result.output.replace("\n", "")
        assert not CONTROL.search(raw), (args[0], repr(result.output[:2000]))
    shown = runner.invoke(app, ["check", str(source), "--on", ON]).output
    assert visible(source.name) in " ".join(shown.split()) or visible(source.name)[:10] in shown


@pytest.mark.parametrize("name", ["Ekholm :thumbs_up: AB", "[bold]Ekholm[/bold]", "Ekholm :smile:"])
def test_names_are_printed_as_written_never_as_emoji_or_markup(tmp_path: Path, name: str) -> None:
    """rich turns ``:thumbs_up:`` into a thumb and ``[bold]`` into style unless told not to; a name or file
    name a negotiator wrote must come out as written."""
    text = UPPSALA.read_text(encoding="utf-8").replace(
        "  - id: uu\n    name: Uppsala universitet", f"  - id: uu\n    name: {_yaml_escaped(name)}", 1
    )
    source = tmp_path / f"avtal-{name.replace('/', '_')}.yaml"
    source.write_text(text, encoding="utf-8")
    for args in (["check", source, "--on", ON], ["compare", source, "--on", ON]):
        result = runner.invoke(app, [str(a) for a in args])
        assert result.exit_code in (0, 1), (args, result.output)
        flat = " ".join(result.output.split())
        assert "👍" not in flat and "😄" not in flat, flat
    shown = " ".join(runner.invoke(app, ["check", str(source), "--on", ON]).output.split())
    assert source.name in shown
    compared = " ".join(runner.invoke(app, ["compare", str(source), "--on", ON]).output.split())
    assert name in compared, compared


# --- xlsx ---------------------------------------------------------------------------------------------------

FORMULAS = [
    '=HYPERLINK("http://x","klicka")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1",
    "\r=1",
    "=cmd|'/c calc'!A0",
]


@pytest.mark.parametrize("fmt", ["compare", "changes", "survey"])
def test_formula_like_names_are_text_in_every_workbook(tmp_path: Path, fmt: str) -> None:
    sources = []
    for i, value in enumerate(FORMULAS):
        text = UPPSALA.read_text(encoding="utf-8")
        text = text.replace("id: UU-RU-2026-014", f"id: {_yaml_escaped(value)}", 1)
        text = text.replace("  name: Karin Ekholm", f"  name: {_yaml_escaped(value + ' Ekholm')}", 1)
        employer = f"  - id: uu\n    name: {_yaml_escaped(value)}"
        text = text.replace("  - id: uu\n    name: Uppsala universitet", employer, 1)
        source = tmp_path / f"avtal{i}.yaml"
        source.write_text(text, encoding="utf-8")
        sources.append(source)
    target = tmp_path / "ut.xlsx"
    args = (
        ["compare", *sources, "--format", "xlsx", "-o", target, "--on", ON]
        if fmt == "compare"
        else ["survey", *sources, "--format", "xlsx", "-o", target, "--on", ON, "--internal-unsuppressed"]
        if fmt == "survey"
        else [
            "changes",
            *sources,
            "--from",
            "2026-12-31",
            "--to",
            "2027-01-01",
            "--format",
            "xlsx",
            "-o",
            target,
        ]
    )
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code in (0, 1), (result.output, result.exception)
    book = load_workbook(target)
    seen = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                    assert cell.data_type == "s" and cell.quotePrefix, (cell.coordinate, cell.value)
                    seen.add(cell.value)
    assert any(value.startswith("=HYPERLINK") for value in seen), seen


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(_ANY_TEXT, st.sampled_from(FORMULAS), st.integers(), st.none()), min_size=1, max_size=6
    )
)
def test_any_row_goes_into_a_workbook_as_values(values: list[object]) -> None:
    """The property: whatever the texts, a row is stored as values (never a formula, no control character
    lost or refused: shown), and reads back as written (:func:`forenad.office.office_text`)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    append_row(sheet, values)
    out = io.BytesIO()
    book.save(out)
    reread = load_workbook(io.BytesIO(out.getvalue())).active
    assert reread is not None
    cells = next(iter(reread.iter_rows(min_row=1, max_row=1)))
    for value, cell in zip(values, cells, strict=False):
        assert cell.data_type != "f"
        if isinstance(value, str) and value:
            assert cell.value == office_text(value) or (cell.value is None and value == "")


def test_office_text_keeps_layout_and_shows_the_rest() -> None:
    assert office_text("a\tb\nc\rd") == "a\tb\nc\rd"
    assert office_text("a\x1bb\x00c\ufffe") == "a␛b␀c\ufffd"
    assert dt.date.today()  # (keeps the import used)
