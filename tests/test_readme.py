"""The README stays true: the agreement file shown validates, and the quick start is what CI runs."""

from __future__ import annotations

import glob
import re
import shlex
from pathlib import Path

import pytest

import forenad

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_agreement_example_validates() -> None:
    block = re.search(r"```yaml\n(.*?)```", README, re.S)
    assert block, "the README shows an agreement file"
    result = forenad.parse_agreement(block.group(1), "README.md")
    assert result.errors == (), [(e.path, e.message("en")) for e in result.errors]


def test_quick_start_drafts_a_shipped_example() -> None:
    command = re.search(
        r"```sh\n(python3 -m venv \.venv && \.venv/bin/python -m pip install \. "
        r"&& \.venv/bin/forenad [^\n]+)\n```",
        README,
    )
    assert command, "the quick start installs and runs forenad on a shipped example"
    example = re.search(r"(examples/\S+\.yaml)", command.group(1))
    assert example and (Path(__file__).resolve().parent.parent / example.group(1)).is_file()


def test_test_command_is_marked_for_ci() -> None:
    assert re.search(
        r"<!-- test-command -->\n```sh\npython3 -m venv \.venv && "
        r"\.venv/bin/python -m pip install '\.\[test\]' && \.venv/bin/python -m pytest\n```",
        README,
    )


def _drafting_commands() -> list[str]:
    """The quick start's forenad command, then the Drafting section's, in the README's order."""
    quick = re.search(r"&& \.venv/bin/(forenad [^\n]+)\n```", README)
    section = README[README.index("## Drafting") :]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert quick and block
    return [quick.group(1), *(line for line in block.group(1).splitlines() if line.startswith("forenad "))]


def test_the_readme_draft_commands_run_in_order_succeed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 19: run in order after the quick start, the README's draft commands must not fail because an
    earlier one wrote the same files."""
    from typer.testing import CliRunner

    from forenad.cli.app import app
    from forenad.render.pdf import soffice

    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    commands = _drafting_commands()
    assert len(commands) >= 3
    for command in commands:
        args = shlex.split(command)[1:]
        if "--pdf" in args and soffice() is None:
            continue
        expanded = [a for arg in args for a in (sorted(glob.glob(arg)) if "*" in arg else [arg])]
        result = CliRunner().invoke(app, expanded)
        assert result.exit_code == 0, (command, result.output)
        assert "0 överhoppade" in result.output or "0 skipped" in result.output


def test_the_readmes_python_runs_as_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every Python block of the README runs, in order, in one namespace (an agreement loaded first, as the
    text around the blocks assumes), in a folder holding the files and folders the blocks name."""
    import shutil

    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    assert len(blocks) >= 5
    for folder in ("avtal", "region", "universitet"):
        shutil.copytree(ROOT / "examples", tmp_path / folder)
    shutil.copy(ROOT / "examples" / "uppsala-professor-overlakare.yaml", tmp_path / "avtal.yaml")
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {
        "agreement": forenad.load(ROOT / "examples" / "uppsala-professor-overlakare.yaml")
    }
    for block in blocks:
        code = block if shutil.which("soffice") else block.replace("pdf=True", "pdf=False")
        exec(compile(code, "README.md", "exec"), namespace)
    assert (tmp_path / "utkast").is_dir() and (tmp_path / "region-x").is_dir()
