"""docs/rules.md stays true: its worked example, followed word for word in an empty folder, prints what the
page shows.

The convention the page states: a YAML block whose first line is a comment naming a file
(``# regler/lokala.yaml``) is that file, comment included; a ``sh`` block is run as written (by ``bash``,
with ``forenad`` and ``python`` the ones under test), and a ``text`` block right after it is its output,
stdout and stderr together as a terminal of 80 columns shows them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RULES_MD = ROOT / "docs" / "rules.md"
WORKED = "## Worked example: a local rule, end to end"

FILE_COMMENT = re.compile(r"# (\S+\.yaml)(?:\s|$)")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.S | re.M)

EXIT = '; echo "exit $?"'
FILES = ["regler/lokala.yaml", "avtal-15.yaml", "regler/tests/lokala.yaml"]
COMMANDS = [  # (the forenad command as the page writes it, its exit code)
    ("forenad check --rules regler --on 2026-06-01 avtal-15.yaml", 0),  # warnings and info only
    ("forenad check --rules trasig avtal-15.yaml", 2),  # a rule that does not load
    ("forenad rules test regler", 0),  # every case passes
    ("forenad rules test regler", 1),  # one case changed so that it fails
]

needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="the page's commands are shell")


def section(title: str) -> str:
    text = RULES_MD.read_text(encoding="utf-8")
    start = text.index(title)
    end = text.find("\n## ", start + len(title))
    return text[start : end if end >= 0 else len(text)]


def blocks(text: str) -> list[tuple[str, str]]:
    """The fenced blocks in order: (language, content)."""
    return [(m.group(1), m.group(2)) for m in FENCE.finditer(text)]


def lines(text: str) -> list[str]:
    """Trailing whitespace and blank lines at the end do not count."""
    out = [line.rstrip() for line in text.splitlines()]
    while out and not out[-1]:
        out.pop()
    return out


def shell(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A working folder and an environment where ``forenad`` and ``python`` are the ones under test."""
    work = tmp_path / "regel-demo"
    work.mkdir()
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    cli = "import sys; from forenad.cli import main; sys.argv[0] = 'forenad'; main()"
    scripts = {
        "python": f'exec "{sys.executable}" "$@"\n',
        "forenad": f'exec "{sys.executable}" -c "{cli}" "$@"\n',
    }
    for name, body in scripts.items():
        script = bin_dir / name
        script.write_text("#!/bin/sh\n" + body, encoding="utf-8")
        script.chmod(0o755)
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"FORENAD_LANG", "FORENAD_PARAMS_OVERLAY", "FORCE_COLOR"}
    }
    env.update(PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}", COLUMNS="80", NO_COLOR="1")
    return work, env


def run(script: str, work: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", script],
        cwd=work,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


@needs_bash
def test_the_worked_example_prints_what_the_page_shows(tmp_path: Path) -> None:
    work, env = shell(tmp_path)
    steps = blocks(section(WORKED))
    written: list[str] = []
    ran: list[tuple[str, int]] = []
    for i, (lang, content) in enumerate(steps):
        first = content.splitlines()[0] if content else ""
        named = FILE_COMMENT.match(first)
        if lang == "yaml":
            assert named, f"a YAML block of the worked example names its file on its first line: {first!r}"
            target = work / named.group(1)
            assert target.parent.is_dir(), f"{named.group(1)}: the page makes its folder before the file"
            target.write_text(content, encoding="utf-8")
            written.append(named.group(1))
        elif lang == "sh":
            result = run(content, work, env)
            shown = steps[i + 1][1] if i + 1 < len(steps) and steps[i + 1][0] == "text" else None
            if shown is None:
                assert result.returncode == 0 and not result.stdout, (content, result.stdout)
            else:
                assert lines(result.stdout) == lines(shown), f"$ {content}\n{result.stdout}"
            commands = [line for line in lines(content) if line.startswith("forenad ")]
            if commands:  # one per block, its last line, with its exit code printed last
                assert commands == lines(content)[-1:] and commands[0].endswith(EXIT), content
                code = lines(result.stdout)[-1]
                assert re.fullmatch(r"exit \d+", code), result.stdout
                ran.append((commands[0].removesuffix(EXIT), int(code.removeprefix("exit "))))
        else:
            assert lang == "text", f"a block of the worked example is yaml, sh or text, not {lang!r}"
            assert steps[i - 1][0] == "sh", "a text block shows the output of the sh block before it"
    assert written == FILES
    assert ran == COMMANDS
    assert not (work / "run_rule_cases.py").exists()


def test_the_worked_example_needs_no_copy_of_forenads_files() -> None:
    """The region's folder holds its own rules only: forenad's catalogue and bases are not copied, and
    nothing reaches into forenad's modules."""
    text = section(WORKED)
    for code in [content for lang, content in blocks(text) if lang == "sh"]:
        assert "cp -r" not in code and "python" not in code, code
    assert "forenad.engine" not in text and "forenad.yamlio" not in text


@needs_bash
def test_the_list_of_facts_runs(tmp_path: Path) -> None:
    """The page prints the facts with a Python one-liner (no command lists them): it still runs and lists
    every fact the catalogue uses, with its scope."""
    work, env = shell(tmp_path)
    text = section("## Facts")
    code = next(content for lang, content in blocks(text) if lang == "sh")
    result = run(code, work, env)
    assert result.returncode == 0, result.stdout
    listed = {line.split()[0]: line.split()[1] for line in result.stdout.splitlines()}
    assert listed["total_extent"] == "agreement" and listed["is_clinical"] == "part"
    named = re.findall(r"`(\w+)`", text[text.index("Some you will often use") :].split("\n\n")[0])
    assert named and set(named) <= set(listed), set(named) - set(listed)
