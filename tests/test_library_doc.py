"""docs/library.md stays true (issue 19, item 14).

- Every Python snippet of the page is in ``docs/examples/library_example.py``, verbatim and in order.
- The example runs from another directory and prints the output the page shows for it.
- The example, and the names the page writes as ``forenad.NAME``, use only the public API
  (``forenad.__all__``); mypy --strict checks the example (``[tool.mypy] files``, tests/test_typing.py).
- ``forenad.draft_files`` drafts in memory: Word documents that reopen, provenance without the personnummer,
  nothing written.
"""

from __future__ import annotations

import ast
import datetime as dt
import io
import itertools
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import forenad

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "library.md"
EXAMPLE = ROOT / "docs" / "examples" / "library_example.py"
UPPSALA = ROOT / "examples" / "uppsala-professor-overlakare.yaml"
ON = dt.date(2026, 6, 1)
PNR = "19121212-1212"

FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.S | re.M)


def fenced_blocks(text: str) -> list[tuple[str, str, int, int]]:
    """``(language, body, start, end)`` of every fenced block, in order."""
    return [(m.group(1), m.group(2), m.start(), m.end()) for m in FENCE.finditer(text)]


def python_blocks() -> list[str]:
    return [body for lang, body, _, _ in fenced_blocks(DOC.read_text(encoding="utf-8")) if lang == "python"]


def output_blocks() -> list[str]:
    """The ``text`` blocks that directly follow a ``python`` block: the page's claim of what it prints."""
    text = DOC.read_text(encoding="utf-8")
    blocks = fenced_blocks(text)
    return [
        body
        for (lang, _, _, end), (next_lang, body, start, _) in itertools.pairwise(blocks)
        if lang == "python" and next_lang == "text" and not text[end:start].strip()
    ]


def test_every_snippet_is_in_the_example_in_order() -> None:
    example = EXAMPLE.read_text(encoding="utf-8")
    blocks = python_blocks()
    assert len(blocks) >= 10
    position = 0
    for number, block in enumerate(blocks, 1):
        found = example.find(block, position)
        assert found >= 0, f"snippet {number} of docs/library.md is not next in the example:\n{block[:300]}"
        position = found + len(block)


@pytest.fixture(scope="module")
def example_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    """The example run from an empty directory, with a temporary folder of its own (TMPDIR)."""
    cwd = tmp_path_factory.mktemp("elsewhere")
    temp = tmp_path_factory.mktemp("tmp")
    env = {k: v for k, v in os.environ.items() if k != "FORENAD_PARAMS_OVERLAY"}
    env.update(TMPDIR=str(temp), PYTHONIOENCODING="utf-8")
    proc = subprocess.run(
        [sys.executable, str(EXAMPLE)], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert not list(cwd.iterdir()), "the example wrote into the working directory"
    assert not list(temp.iterdir()), "the example left its temporary folder behind"
    return proc, temp


def test_the_example_runs_from_another_directory(
    example_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    proc, _ = example_run
    assert proc.returncode == 0
    assert "Traceback" not in proc.stderr and "Warning" not in proc.stderr, proc.stderr


def test_the_output_shown_is_what_the_example_prints(
    example_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    """Each line of an output block, split at ``…`` (left out) and with its line breaks (the page wraps long
    lines), is printed, in the page's order."""
    proc, temp = example_run
    printed = proc.stdout.replace(str(temp), "/tmp")
    blocks = output_blocks()
    assert len(blocks) >= 10
    position = 0
    for block in blocks:
        for line in block.splitlines():
            for piece in (p.strip() for p in line.split("…")):
                if not piece:
                    continue
                found = printed.find(piece, position)
                assert found >= 0, (
                    f"docs/library.md shows {piece!r}, which the example does not print (next):\n"
                    f"{printed[position : position + 600]}"
                )
                position = found + len(piece)


def forenad_attributes(tree: ast.AST) -> list[tuple[int, str]]:
    return [
        (node.lineno, node.attr)
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "forenad"
    ]


def test_the_example_uses_only_the_public_api() -> None:
    public = set(forenad.__all__)
    tree = ast.parse(EXAMPLE.read_text(encoding="utf-8"))
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            problems += [
                f"line {node.lineno}: import {alias.name}"
                for alias in node.names
                if alias.name.startswith("forenad") and (alias.name != "forenad" or alias.asname)
            ]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("forenad"):
            if node.module != "forenad" or node.level:
                problems.append(f"line {node.lineno}: from {node.module} import …")
            else:
                problems += [
                    f"line {node.lineno}: from forenad import {alias.name}"
                    for alias in node.names
                    if alias.name not in public
                ]
        elif isinstance(node, ast.Name) and node.id == "forenad" and not isinstance(node.ctx, ast.Load):
            problems.append(f"line {node.lineno}: the name forenad is rebound")
    attributes = forenad_attributes(tree)
    problems += [f"line {line}: forenad.{attr}" for line, attr in attributes if attr not in public]
    assert not problems, problems
    assert len(attributes) > 30  # the scan does see the calls


def test_the_page_names_only_public_names() -> None:
    """``forenad.X`` in the page's prose and tables too (``forenad.web`` is the web extra's module;
    ``forenad.toml`` a file)."""
    allowed = set(forenad.__all__) | {"__all__", "web", "toml", "NAME"}
    text = DOC.read_text(encoding="utf-8")
    named = set(re.findall(r"(?<![\w./-])forenad\.([A-Za-z_]\w*)", text))
    assert named - allowed == set()
    assert {"draft_files", "compute", "data_dir", "load_rules"} <= named
    for stale in ("src/forenad/rules", "src/forenad/templates", "render_document", "write_set"):
        assert stale not in text, stale


def readme_section(title: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index(f"\n## {title}\n")
    end = readme.find("\n## ", start + 1)
    return readme[start : end if end >= 0 else None]


def test_the_readme_library_sections_name_only_public_names() -> None:
    """The README's Python for economics, drafting and the library (its other sections are elsewhere)."""
    text = "".join(readme_section(title) for title in ("Economics", "Drafting", "Library"))
    blocks = [body for lang, body, _, _ in fenced_blocks(text) if lang == "python"]
    assert any("forenad.draft(" in body for body in blocks)
    allowed = set(forenad.__all__)
    for body in blocks:
        tree = ast.parse(body)
        assert {attr for _, attr in forenad_attributes(tree)} <= allowed, body
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith("forenad."), body


def test_mypy_checks_the_example() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    files = config["tool"]["mypy"]["files"]
    assert any(EXAMPLE.is_relative_to(ROOT / f) for f in files), files


# --------------------------------------------------------------------------------------------------------
# Drafting to bytes in memory


def document_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    return "".join(document.element.body.itertext())


def test_draft_files_drafts_in_memory_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import forenad.files
    import forenad.fileset

    def no_writing(*args: object, **kwargs: object) -> None:
        raise AssertionError("draft_files wrote a file")

    monkeypatch.setattr(forenad.fileset, "write_set", no_writing)
    monkeypatch.setattr(forenad.files, "write_atomic", no_writing)
    monkeypatch.chdir(tmp_path)
    data = forenad.load(UPPSALA).model_dump(mode="json")
    data["person"] = {**data["person"], "personnummer": PNR, "birth_year": None}
    agreement = forenad.Agreement.model_validate(data)

    files = forenad.draft_files(agreement, on=ON)

    assert not list(tmp_path.iterdir())
    assert all(isinstance(content, bytes) and content for content in files.values())
    documents = [name for name in files if name.endswith(".docx")]
    assert documents and len(files) == 2 * len(documents)
    for name in documents:
        assert agreement.person.name in document_text(files[name]), name
        assert PNR not in document_text(files[name])  # printed masked, for the employer to complete
        record_bytes = files[name.removesuffix(".docx") + ".provenance.json"]
        assert PNR.encode() not in record_bytes and b"19121212" not in record_bytes
        record = json.loads(record_bytes)
        assert record["document"]["file"] == name
        assert record["agreement"]["id"] == agreement.id
        assert record["evaluated_on"] == ON.isoformat() and record["mode"] == "draft"


def test_draft_files_are_the_files_draft_writes(tmp_path: Path) -> None:
    agreement = forenad.load(UPPSALA)
    files = forenad.draft_files(UPPSALA, "anstallningsbevis", on=ON)
    written = forenad.draft(UPPSALA, tmp_path, "anstallningsbevis", on=ON)
    assert sorted(files) == sorted(p.name for p in written)
    assert all(name.startswith("uppsala-professor-overlakare.") for name in files)  # the file's stem
    in_memory = forenad.draft_files(agreement, "anstallningsbevis", on=ON, stem="hr-4711")
    assert sorted(in_memory) == sorted(n.replace("uppsala-professor-overlakare", "hr-4711") for n in files)


def test_draft_files_raises_what_draft_raises(tmp_path: Path) -> None:
    with pytest.raises(forenad.AgreementFileError):
        forenad.draft_files(tmp_path / "saknas.yaml")
    with pytest.raises(forenad.DraftError):
        forenad.draft_files(UPPSALA, "ingen-sadan-mall", on=ON)
    data = forenad.load(UPPSALA).model_dump(mode="json")
    data["total_extent_percent"] = 90  # the parts add up to 100 %: a rule error
    short = forenad.Agreement.model_validate(data)
    with pytest.raises(forenad.FinalRefused) as refused:
        forenad.draft_files(short, on=ON, final=True)
    assert "extent.sum_differs_from_total" in [f.rule for f in refused.value.findings]
    assert forenad.draft_files(short, on=ON)  # a draft is still made
    assert not list(tmp_path.iterdir())
