"""The structure key (``forenad.engine.structure``): agreements share what their structure determines only
when their keys are equal, so the key must tell apart every two agreements whose structure differs, and no
two that differ only in the fields left out (id, title, name, personnummer, birth year, salaries, extents).

The reference is the agreement's JSON without those fields. Every leaf of every shipped example is changed
in turn, and the key of each valid variant is compared with the reference."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from forenad import yamlio
from forenad.engine.facts import _EXCLUDED, FactContext
from forenad.engine.structure import exclusion, keyer
from forenad.model import Agreement
from forenad.params import default_parameters

EXAMPLE_PATHS = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.yaml"))

LEFT_OUT: Any = {
    "id": True,
    "title": True,
    "person": {"name", "personnummer", "birth_year"},
    "parts": {"__all__": {"monthly_salary", "extent_percent"}},
}


def reference(agreement: Agreement) -> str:
    return agreement.model_dump_json(exclude=LEFT_OUT)


def key(agreement: Agreement) -> Any:
    return keyer(type(agreement), _EXCLUDED)(agreement)


def leaves(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    if isinstance(data, dict):
        for k, v in data.items():
            yield from leaves(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from leaves(v, (*path, i))
    else:
        yield path, data


def changed(value: Any) -> list[Any]:
    """Other values of the same kind, some of which the model will accept."""
    if isinstance(value, bool):
        return [not value]
    if isinstance(value, int | float | Decimal):
        return [value + 1, value - 1]
    if isinstance(value, dt.date):
        return [value + dt.timedelta(days=1), value - dt.timedelta(days=1)]
    if isinstance(value, str):
        return [value + " x", "statligt_larosate", "region", "kommun", "tillsvidare", "manad"]
    return []


def variants(data: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], Agreement]]:
    for path, value in leaves(data):
        for new in changed(value):
            copied = copy.deepcopy(data)
            node = copied
            for step in path[:-1]:
                node = node[step]
            node[path[-1]] = new
            try:
                yield path, Agreement.model_validate(copied)
            except ValidationError:
                continue


@pytest.mark.parametrize("path", EXAMPLE_PATHS, ids=lambda p: p.name)
def test_the_key_tells_apart_exactly_what_the_structure_does(path: Any) -> None:
    data = yamlio.load(path).data
    original = Agreement.model_validate(data)
    tried = 0
    for where, variant in variants(data):
        tried += 1
        same_structure = reference(variant) == reference(original)
        assert (key(variant) == key(original)) == same_structure, where
        if same_structure:
            assert hash(key(variant)) == hash(key(original)), where
    assert tried > 20  # the example has many leaves, and most changes are valid


def test_left_out_fields_do_not_change_the_key() -> None:
    data = yamlio.load(EXAMPLE_PATHS[0]).data
    other = copy.deepcopy(data)
    other["id"] = "ANNAT-1"
    other["title"] = "En annan rubrik"
    other["person"]["name"] = "Någon Annan"
    other["person"]["birth_year"] = 1961
    for part in other["parts"]:
        part["monthly_salary"] = 12_345
        part["extent_percent"] = 1
    a, b = Agreement.model_validate(data), Agreement.model_validate(other)
    assert key(a) == key(b)
    on, params = dt.date(2026, 6, 1), default_parameters()
    assert FactContext(a, on, params).structure() == FactContext(b, on, params).structure()


def test_a_subclass_instance_has_a_key_of_its_own() -> None:
    data = yamlio.load(EXAMPLE_PATHS[0]).data

    class LocalAgreement(Agreement):
        pass

    assert key(LocalAgreement.model_validate(data)) != key(Agreement.model_validate(data))


def test_exclusion_tree_from_paths() -> None:
    assert exclusion([("id",), ("person", "name"), ("parts", "*", "extent_percent")]) == {
        "id": None,
        "person": {"name": None},
        "parts": {"extent_percent": None},
    }
