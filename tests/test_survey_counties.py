"""The county table: 21 counties and 290 kommuner by SCB code, regions and lärosäten by name, organisation
numbers from the domain reference; an agreement is placed without guessing."""

from __future__ import annotations

from collections import Counter

import pytest

from forenad import yamlio
from forenad.io import load
from forenad.kartlaggning.counties import (
    DATA,
    MANY,
    UNKNOWN,
    counties,
    county_of,
    normalise,
    organisation_county,
)
from forenad.kartlaggning.labels import TOPIC


def test_the_data_file_is_complete_and_consistent() -> None:
    data = yamlio.load(DATA).data
    assert len(data["counties"]) == 21 and len(data["kommuner"]) == 290
    assert all(code[:2] in data["counties"] for code in data["kommuner"])
    per_county = Counter(code[:2] for code in data["kommuner"])
    assert per_county["01"] == 26 and per_county["14"] == 49 and per_county["09"] == 1
    assert set(data["regions"].values()) == set(data["counties"])
    assert len({normalise(n) for n in data["kommuner"].values()}) == 290


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Region Västmanland", "19"),
        ("Västra Götalandsregionen", "14"),
        ("Uppsala universitet", "03"),
        ("Lunds kommun", "12"),
        ("Uppsala kommun", "03"),
        ("Västerås stad", "19"),
        ("Göteborgs Stad", "14"),
        ("Falu kommun", "20"),
        ("Region Gotland", "09"),
        ("borås  STAD", "14"),
        ("Malung-Sälens kommun", "20"),
        ("Malung–Sälens kommun", "20"),
    ],
)
def test_organisations_found_by_name(name: str, code: str) -> None:
    assert organisation_county(name) == code


def test_unknown_names_are_not_guessed() -> None:
    assert organisation_county("Mälardalens universitet") is None  # two counties, no confirmed seat
    assert organisation_county("Region Uppsala län") is None
    assert organisation_county("Uppsala") is None
    assert organisation_county("Okänd AB", "202100-2924") == "18"  # the number decides


def test_examples_are_placed(example_path) -> None:  # type: ignore[no-untyped-def]
    placement = county_of(load(example_path))
    assert placement.code in counties() or placement.code in (MANY, UNKNOWN)
    if "sormland" in example_path.name:
        assert placement.code == "04" and placement.unplaced == ("Mälardalens universitet",)
    if "uppsala" in example_path.name:
        assert placement.code == "03" and placement.unplaced == ()


def test_topic_words_are_those_of_check() -> None:
    from forenad.cli.render_check import TOPIC_LABELS

    assert {k: v.sv for k, v in TOPIC.items()} == TOPIC_LABELS["sv"]
    assert {k: v.en for k, v in TOPIC.items()} == TOPIC_LABELS["en"]
