"""The README stays true: the agreement file shown validates, and the quick start is what CI runs."""

from __future__ import annotations

import re
from pathlib import Path

import forenad

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


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
