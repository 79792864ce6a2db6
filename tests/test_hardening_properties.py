"""Hardening (issue 8), generated input: drafts keep every user string; ``check --format json`` its shape.

(a) Any valid agreement — a shipped example with its free-text fields (names, titles, duties, workplaces,
    clauses, procedures …) replaced by random text with ``& < > " '``, ``{{ }}``, ``{% %}``, docxtpl's
    escape sequences (``{_{ }_} {_% %_}``), draft markers (``«SAKNAS: …»``), åäö, emoji and long runs, and
    in the free texts line breaks of every kind (LF, CR LF, CR, U+0085, U+2028, U+2029) and tabs — drafts,
    in memory and through both rendering paths, to documents that python-docx reopens and whose text holds
    every one of those strings verbatim (each line break as one Word line break, issue 21).
(b) Any agreement text, valid or not: ``forenad check --format json`` prints one object with the contract's
    shape (design.md §2) and exits 0, 1 or 2, never 3.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from forenad import yamlio
from forenad.cli.app import app
from forenad.io import dump_yaml
from forenad.model import Agreement
from forenad.render import render_document
from forenad.render.api import evaluate_agreement
from forenad.render.catalogue import select_templates

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = {p.name: yamlio.load(p).data for p in sorted((ROOT / "examples").glob("*.yaml"))}
ON = dt.date(2026, 6, 1)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PROPERTY = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
TOPICS = {
    "legal_basis", "extent", "salary", "working_time", "vacation", "pension", "insurance", "sick_pay",
    "rehabilitation", "work_environment", "notice", "termination", "secondary_employment",
    "cost_settlement", "collective_agreement", "documentation", "identity", "dates",
}  # fmt: skip

# Text a negotiator might type or paste: markup, template syntax, Swedish letters, emoji, quotes, spaces.
_PIECES = st.sampled_from(
    ["&", "<", ">", '"', "'", "{{", "}}", "{%", "%}", "{#", "#}", "{{ 7*7 }}", "{% if x %}", "<w:t>",
     "&amp;", "]]>", "å", "ä", "ö", "Å", "Ä", "Ö", "é", "ü", "😀", "👩‍⚕️", "§", "€", "–", "«", "»", " ", "  ",
     "\u00a0", "\\", "%", "$", "kr", "SAKNAS", "{_{", "}_}", "{_%", "%_}", "{_{ x }_}", "«SAKNAS»",
     "«SAKNAS: parts[0].workplace»", "«MISSING: x»", "«SAKNAS: ", "{{_{", "}_}}"]
)  # fmt: skip
_CHARS = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp", "Co", "Cn"))
_TEXT = st.lists(st.one_of(_PIECES, st.text(_CHARS, min_size=1, max_size=8)), min_size=1, max_size=12).map(
    "".join
)


def _clean(text: str, limit: int) -> str:
    text = " ".join(text.split())[:limit].strip()  # the model strips; keep single spaces, one line
    return text or "x"


NAMES = st.one_of(_TEXT, st.text(_CHARS, min_size=150, max_size=200)).map(lambda s: _clean(s, 200))
_LINE = st.one_of(_TEXT, _TEXT.map(lambda s: s * 40)).map(lambda s: _clean(s, 2_000))
BREAKS = ("\n", "\r\n", "\r", "\x85", "\u2028", "\u2029", "\t", "\n\n", "\t\t")


@st.composite
def _free(draw: st.DrawFn) -> str:
    """One to four lines joined by line breaks of any kind or tabs (the free texts keep them)."""
    lines = draw(st.lists(_LINE, min_size=1, max_size=4))
    text = lines[0]
    for line in lines[1:]:
        text += draw(st.sampled_from(BREAKS)) + line
    return text[:20_000]


FREE = _free()


def as_drafted(text: str) -> str:
    """A string as the document's text shows it: every line break one LF (issue 21's decision)."""
    return re.sub("\r\n?|[\x85\u2028\u2029]", "\n", text)


# kombinationsdoktorand gets only the anställningsbevis, which shows the person and the parts, not the
# agreement-level terms; every other model's agreement document shows all of them.
_PART_FIELDS = ("title", "duties", "workplace", "manager", "subject")
_TERMS = (
    ("procedure", "dispute"),
    ("procedure", "exit"),
    ("linked_termination", "description"),
    ("rehabilitation", "cooperation"),
    ("vacation", "coordination"),
)


@st.composite
def drafted_agreements(draw: st.DrawFn) -> tuple[Agreement, list[str]]:
    """A shipped example with random user strings in every free-text field its documents print."""
    name = draw(st.sampled_from(sorted(EXAMPLES)))
    data: dict[str, Any] = copy.deepcopy(EXAMPLES[name])
    strings: list[str] = []

    def put(obj: dict[str, Any], key: str, strategy: st.SearchStrategy[str]) -> None:
        obj[key] = draw(strategy)
        strings.append(obj[key])

    put(data, "title", NAMES)
    put(data["person"], "name", NAMES)
    for employer in data["employers"]:
        put(employer, "name", NAMES)
    for part in data["parts"]:
        for key in _PART_FIELDS:
            if draw(st.integers(0, 2)):
                put(part, key, FREE if key == "duties" else NAMES)
    if data["model"] != "kombinationsdoktorand":
        for duty in data.get("work_environment", []):
            put(duty, "workplace", NAMES)
            put(duty, "note", FREE)
        for section, key in _TERMS:
            if section in data:
                put(data[section], key, FREE)
        data["clauses"] = [
            {"heading": draw(NAMES), "text": draw(FREE)} for _ in range(draw(st.integers(0, 2)))
        ]
        strings += [part for clause in data["clauses"] for part in (clause["heading"], clause["text"])]
    return Agreement.model_validate(data), strings


def _paragraph_texts(data: bytes) -> str:
    """Every paragraph's text in every part (body, tables, headers, footers), one paragraph per line."""
    import zipfile

    from lxml import etree

    lines = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for part in archive.namelist():
            if part.startswith("word/") and part.endswith(".xml"):
                root = etree.fromstring(archive.read(part))
                for paragraph in root.iter(f"{W}p"):
                    pieces = paragraph.iter(f"{W}t", f"{W}br", f"{W}tab")
                    lines.append("".join(_SHOWN.get(node.tag, node.text or "") for node in pieces))
    return "\n".join(lines)


_SHOWN = {f"{W}br": "\n", f"{W}tab": "\t"}


@PROPERTY
@given(drafted_agreements(), st.booleans())
def test_every_user_string_is_drafted_verbatim(case: tuple[Agreement, list[str]], fast: bool) -> None:
    """Through the plain path or the fast one (drawn: both are covered, each example renders once)."""
    agreement, strings = case
    evaluation = evaluate_agreement(agreement, ON)
    text = []
    for template in select_templates(agreement.model, "sv"):
        issuers = (
            list(dict.fromkeys(p.employer for p in agreement.parts))
            if template.spec.per == "employer"
            else [None]
        )
        for issuer in issuers:
            data = render_document(agreement, template, issuer=issuer, evaluation=evaluation, fast=fast).docx
            docx.Document(io.BytesIO(data))  # reopens
            text.append(_paragraph_texts(data))
    drafted = "\n".join(text)
    missing = [s for s in strings if as_drafted(s) not in drafted]
    assert not missing, missing[:3]


# --- (b) check --format json on arbitrary text ------------------------------------------------------------

runner = CliRunner()


@st.composite
def agreement_texts(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["valid", "mutated", "lines", "any"]))
    if kind == "valid":
        agreement, _ = draw(drafted_agreements())
        return dump_yaml(agreement)
    if kind == "mutated":
        data = copy.deepcopy(EXAMPLES[draw(st.sampled_from(sorted(EXAMPLES)))])
        key = draw(st.sampled_from(sorted(data)))
        data[key] = draw(st.one_of(st.none(), st.integers(), NAMES, st.lists(st.integers(), max_size=2)))
        return json.dumps(data, default=str, ensure_ascii=draw(st.booleans()))
    if kind == "lines":
        return "\n".join(
            draw(st.lists(st.one_of(_TEXT, st.sampled_from(["id: x", "parts:", "- a", "  b: c"]))))
        )
    return draw(st.text(max_size=300))


def _assert_contract(output: str, file: str) -> None:
    data = json.loads(output)
    assert set(data) == {"forenad", "evaluated_on", "results"}
    assert isinstance(data["forenad"], str)
    dt.date.fromisoformat(data["evaluated_on"])
    [result] = data["results"]
    assert {"file", "valid", "input_errors", "findings", "facts"} <= set(result)
    assert result["file"] == file and isinstance(result["valid"], bool)
    assert isinstance(result["facts"], dict)
    assert result["valid"] == (not result["input_errors"])
    for error in result["input_errors"]:
        assert {"path", "line", "message"} <= set(error)
        assert isinstance(error["path"], str) and isinstance(error["message"], str) and error["message"]
        assert error["line"] is None or (isinstance(error["line"], int) and error["line"] >= 1)
    for finding in result["findings"]:
        assert {"rule", "topic", "severity", "message", "paths", "refs"} <= set(finding)
        assert finding["topic"] in TOPICS
        assert finding["severity"] in {"error", "warning", "info"}
        assert isinstance(finding["paths"], list) and all(isinstance(p, str) for p in finding["paths"])
        for ref in finding["refs"]:
            assert ref["kind"] in {"sfs", "agreement", "report", "other"} and isinstance(ref["id"], str)
            # A reference without a section (e.g. a whole collective agreement) leaves "section" out.
            assert all(isinstance(ref[key], str) for key in ("section", "title") if key in ref)


@PROPERTY
@given(agreement_texts())
def test_check_json_always_has_the_contract_shape(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "avtal.yaml"
        path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
        result = runner.invoke(app, ["check", "--format", "json", "--on", ON.isoformat(), str(path)])
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output[-2000:], result.exception)
    _assert_contract(result.stdout, str(path))
    assert re.fullmatch(r"\s*\{.*\}\s*", result.stdout, re.DOTALL)
