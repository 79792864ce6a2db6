"""Writing an agreement back into its file keeps the file's comments, layout and unchanged values."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE_PATHS, EXAMPLES_DIR
from hypothesis import given, settings
from hypothesis import strategies as st

import forenad
from forenad.model import Agreement
from forenad.roundtrip import update_text

OREBRO = EXAMPLES_DIR / "orebro-lektor-specialistsjukskoterska.yaml"


def comments(text: str) -> list[str]:
    """Every comment in a text, in order (whole lines and the ends of lines): a ``#`` that starts a line or
    follows white space, as YAML has it (a ``#`` inside a value, ``name: '#1'``, is none)."""
    return [m.group(1).strip() for m in re.finditer(r"(?:^|\s)(#.*)$", text, re.MULTILINE)]


def changed(path: Path, edit: Any) -> tuple[str, Agreement]:
    data = forenad.load(path).model_dump(mode="json", exclude_none=True)
    edit(data)
    return path.read_text("utf-8"), Agreement.model_validate(data)


@pytest.mark.parametrize("path", EXAMPLE_PATHS, ids=lambda p: p.name)
def test_an_unchanged_agreement_writes_the_same_bytes(path: Path) -> None:
    text = path.read_text("utf-8")
    assert update_text(text, forenad.load(path)) == text


@pytest.mark.parametrize("path", EXAMPLE_PATHS, ids=lambda p: p.name)
def test_a_changed_value_keeps_every_comment_and_loads_back(path: Path) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["parts"][0]["monthly_salary"] = 31234
        data["title"] = data["title"] + " (ändrad)"

    text, agreement = changed(path, edit)
    new = update_text(text, agreement)
    assert comments(new) == comments(text)
    assert forenad.parse_agreement(new).agreement == agreement
    assert sum(a != b for a, b in zip(text.splitlines(), new.splitlines(), strict=True)) == 2


def test_only_the_changed_line_changes_and_its_comment_stays() -> None:
    path = EXAMPLES_DIR / "uppsala-professor-overlakare.yaml"

    def edit(data: dict[str, Any]) -> None:
        data["parts"][0]["monthly_salary"] = 47000

    text, agreement = changed(path, edit)
    new = update_text(text, agreement)
    [(old_line, new_line)] = [
        (a, b) for a, b in zip(text.splitlines(), new.splitlines(), strict=True) if a != b
    ]
    assert "46000" in old_line and "# kronor per månad för delen (vid 50 %)" in old_line
    assert "47000" in new_line and "# kronor per månad för delen (vid 50 %)" in new_line


def test_removed_keys_go_and_the_following_section_heading_stays() -> None:
    def edit(data: dict[str, Any]) -> None:
        del data["person"]["doctorate"]  # the last key before a blank line and "employers:"
        del data["review_date"]
        del data["procedure"]["exit"]
        data["signatories"].pop()

    text, agreement = changed(OREBRO, edit)
    new = update_text(text, agreement)
    assert comments(new) == comments(text)
    assert "doctorate" not in new and "review_date" not in new and "sex månaders varsel" not in new
    assert "  specialist: intensivvård\n\nemployers:" in new  # the blank line before the section stays
    assert forenad.parse_agreement(new).agreement == agreement


def test_added_keys_come_in_the_models_order_above_the_next_section() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["end_date"] = "2030-01-31"
        data["vacation"] = {"coordination": "Semestern läggs ut samordnat."}

    text, agreement = changed(OREBRO, edit)
    new = update_text(text, agreement)
    assert "start_date: 2026-02-01\nend_date: 2030-01-31\nreview_date: 2027-02-01\n" in new
    assert "vacation:\n  coordination: Semestern läggs ut samordnat.\n" in new
    assert comments(new) == comments(text)
    assert forenad.parse_agreement(new).agreement == agreement


def test_a_part_removed_from_the_middle_takes_its_own_comment_with_it() -> None:
    path = EXAMPLES_DIR / "uppsala-professor-overlakare.yaml"

    def edit(data: dict[str, Any]) -> None:
        del data["parts"][0]  # the professor part, with "# kronor per månad …"
        data["cost_settlement"]["shares"] = [{"part": 0, "payer": "region-uppsala", "share_percent": 100}]
        data["total_extent_percent"] = 50

    text, agreement = changed(path, edit)
    new = update_text(text, agreement, origins={"parts": [1], "cost_settlement.shares": [1]})
    assert "# kronor per månad för delen" not in new
    assert "host: region-uppsala                # arbetet utförs och leds i regionen" in new
    assert forenad.parse_agreement(new).agreement == agreement


def test_a_part_added_at_the_end_comes_before_the_blank_line_of_the_next_section() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["parts"].append(dict(data["parts"][1], position="sjukskoterska", extent_percent=10))

    text, agreement = changed(OREBRO, edit)
    new = update_text(text, agreement)
    assert "    position: sjukskoterska\n" in new
    assert re.search(r"employed_since: 2014-06-01\n  - employer: rol\n", new)
    assert re.search(r"\n\ncost_settlement:", new)
    assert comments(new) == comments(text)
    assert forenad.parse_agreement(new).agreement == agreement


def test_values_written_in_a_style_keep_it() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["linked_termination"]["description"] = "Anställningarna är förenade. Ny text."
        data["secondary_employment"]["reported_to"] = ["oru"]

    text, agreement = changed(OREBRO, edit)
    new = update_text(text, agreement)
    assert "description: >-\n" in new
    assert "reported_to: [oru]" in new
    assert forenad.parse_agreement(new).agreement == agreement


@settings(max_examples=40, deadline=None)
@given(
    salary=st.integers(min_value=1, max_value=200_000),
    extent=st.integers(min_value=1, max_value=100),
    start=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)),
    name=st.text(alphabet=st.characters(categories=("L", "N", "Zs", "P")), min_size=1, max_size=40).filter(
        lambda s: s.strip() == s and s.strip() != ""
    ),
    drop=st.booleans(),
)
def test_any_edit_loads_back_equal_with_every_comment(
    salary: int, extent: int, start: dt.date, name: str, drop: bool
) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["parts"][1]["monthly_salary"] = salary
        data["parts"][1]["extent_percent"] = extent
        data["start_date"] = start.isoformat()
        data.pop("review_date", None)
        data.pop("end_date", None)
        data["person"]["name"] = name
        if drop:
            del data["rehabilitation"]

    text, agreement = changed(OREBRO, edit)
    new = update_text(text, agreement)
    assert forenad.parse_agreement(new).agreement == agreement
    assert comments(new) == comments(text)
