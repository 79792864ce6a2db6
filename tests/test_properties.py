"""Properties of loading and dumping, checked with hypothesis.

(a) Any text: ``parse_agreement`` never raises; it returns an agreement or located, bilingual errors.
(b) Any mutation of a shipped example's data: a LoadResult, never an exception, with every error path
    rooted in a top-level field of the agreement.
(c) Any valid agreement: load → dump_yaml → load is the identity.

Inputs that crashed the loader when these properties were written are kept as explicit regressions in
``FORMER_CRASHERS``.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import string
from decimal import Decimal
from pathlib import Path
from typing import Any, get_args

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from stdnum import luhn

from forenad import LoadResult, parse_agreement, yamlio
from forenad.io import dump_yaml
from forenad.model import (
    Agreement,
    EmploymentForm,
    EmploymentModel,
    Position,
    SickPayHandling,
    WorkingTimeForm,
)

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples"
EXAMPLE_TEXTS = {p.name: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES_DIR.glob("*.yaml"))}
EXAMPLE_DATA: dict[str, Any] = {
    name: json.loads(json.dumps(yamlio.parse(text).data, default=str)) for name, text in EXAMPLE_TEXTS.items()
}
TOP_LEVEL = frozenset(Agreement.model_fields)

PROPERTY = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in get_args(annotation) for model in _models_in(arg)]


def _all_field_names(model: type[BaseModel]) -> set[str]:
    names = set(model.model_fields)
    for field in model.model_fields.values():
        for inner in _models_in(field.annotation):
            names |= _all_field_names(inner)
    return names


FIELD_NAMES = frozenset(_all_field_names(Agreement))


def assert_well_formed(result: LoadResult, text: str) -> None:
    assert isinstance(result, LoadResult)
    assert (result.agreement is None) == bool(result.errors)
    assert result.valid == (result.agreement is not None)
    last_line = len(text.splitlines()) + 1
    for error in result.errors:
        assert isinstance(error.path, str)
        assert error.line is None or (isinstance(error.line, int) and 1 <= error.line <= last_line), error
        assert error.message("sv").strip() and error.message("en").strip(), error
        assert isinstance(error.as_json("en")["message"], str)


# --- (a) arbitrary text ----------------------------------------------------------------------------

_KEYS = st.sampled_from([*sorted(FIELD_NAMES), "namn", "lön", "extent", "x", "- ", "? a"])
_SCALARS = st.one_of(
    st.sampled_from(
        [
            "",
            "~",
            "null",
            "true",
            "no",
            "0",
            "-1",
            "100.5",
            "1e3",
            "2026-01-01",
            "[]",
            "{}",
            "[uu, ki]",
            "{form: weekly_hours, full_time_hours: 40}",
            "'citat'",
            '"dubbel"',
            "|",
            ">-",
            "&a x",
            "*a",
            "Örebro universitet",
            "19121212-1212",
            "202100-2932",
            "# kommentar",
            "a: b",
            "[",
            "{",
            "'",
            '"',
        ]
    ),
    st.integers(-(10**6), 10**6).map(str),
    st.text(alphabet=string.ascii_letters + "åäöÅÄÖ -_.,:#", max_size=15),
)
_LINES = st.builds(
    lambda indent, dash, key, value: f"{' ' * indent}{'- ' if dash else ''}{key}: {value}",
    st.sampled_from([0, 0, 2, 4, 1, 3]),
    st.booleans(),
    _KEYS,
    _SCALARS,
)
YAMLISH = st.lists(st.one_of(_LINES, _SCALARS), max_size=25).map("\n".join)


@st.composite
def edited_examples(draw: st.DrawFn) -> str:
    """A shipped example with lines deleted, duplicated, swapped, re-indented or replaced."""
    lines = EXAMPLE_TEXTS[draw(st.sampled_from(sorted(EXAMPLE_TEXTS)))].split("\n")
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "dedent", "replace"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "indent":
            lines[i] = "  " + lines[i]
        elif op == "dedent":
            lines[i] = lines[i][2:]
        else:
            lines[i] = draw(_LINES)
    return "\n".join(lines)


@PROPERTY
@given(st.one_of(st.text(), YAMLISH, edited_examples()))
def test_parse_agreement_never_raises(text: str) -> None:
    assert_well_formed(parse_agreement(text), text)


# Found by this property; each used to raise out of parse_agreement (ValueError, KeyError, AttributeError,
# RecursionError). Kept as explicit regressions because random text rarely reaches them.
FORMER_CRASHERS = [
    pytest.param("start_date: 2026-02-30\n", id="impossible-date"),
    pytest.param("review_date: 2026-13-01\n", id="month-13"),
    pytest.param("start_date: 0000-01-01\n", id="year-0"),
    pytest.param("!!set\n", id="scalar-tagged-set"),
    pytest.param("!!omap a\n", id="scalar-tagged-omap"),
    pytest.param("extent_percent: !!float femtio\n", id="bad-float-tag"),
    pytest.param("extent_percent: !!int femtio\n", id="bad-int-tag"),
    pytest.param("licensed: !!bool kanske\n", id="bad-bool-tag"),
    pytest.param("&a [*a]\n", id="self-referencing-alias"),
]


@pytest.mark.parametrize("text", FORMER_CRASHERS)
def test_parse_agreement_never_raises_on_former_crashers(text: str) -> None:
    result = parse_agreement(text)
    assert_well_formed(result, text)
    assert result.agreement is None


# --- (b) mutations of a valid example ----------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
UNKNOWN_KEYS = st.text(alphabet=string.ascii_lowercase + "_åäö", min_size=1, max_size=12).filter(
    lambda k: k not in FIELD_NAMES
)


def _walk(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    found = [(path, node)]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _walk(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _walk(value, (*path, index))
    return found


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path[:-1]:
        data = data[key]
    return data


@st.composite
def mutated_examples(draw: st.DrawFn) -> tuple[dict[str, Any], set[str]]:
    data = copy.deepcopy(EXAMPLE_DATA[draw(st.sampled_from(sorted(EXAMPLE_DATA)))])
    added_top_level: set[str] = set()
    for _ in range(draw(st.integers(1, 3))):
        nodes = _walk(data)
        kind = draw(st.sampled_from(["replace", "delete", "add"]))
        if kind == "replace":
            leaves = [(p, v) for p, v in nodes if p and not isinstance(v, dict | list)]
            path, old = draw(st.sampled_from(leaves))
            _parent(data, path)[path[-1]] = draw(
                JSON_VALUES.filter(lambda v, old=old: type(v) is not type(old))
            )
        elif kind == "delete":
            keyed = [(p, k) for p, v in nodes if isinstance(v, dict) for k in v]
            path, key = draw(st.sampled_from(keyed))
            del _parent(data, (*path, key))[key]
        else:
            mappings = [p for p, v in nodes if isinstance(v, dict)]
            path = draw(st.sampled_from(mappings))
            key = draw(UNKNOWN_KEYS)
            _parent(data, (*path, key))[key] = draw(JSON_VALUES)
            if not path:
                added_top_level.add(key)
    return data, added_top_level


@PROPERTY
@given(mutated_examples())
def test_mutated_example_gives_a_load_result_with_rooted_paths(
    mutation: tuple[dict[str, Any], set[str]],
) -> None:
    data, added_top_level = mutation
    text = json.dumps(data, indent=2, ensure_ascii=False)
    result = parse_agreement(text)
    assert_well_formed(result, text)
    if [e.path for e in result.errors] == [""]:
        return  # the text itself was rejected (e.g. a character YAML forbids); nothing to locate
    for error in result.errors:
        segments = error.path.split(".")
        assert all(segments), error.path
        assert segments[0] in TOP_LEVEL | added_top_level, error.path


# --- (c) valid agreements round-trip -----------------------------------------------------------------


def _shipped_employers() -> list[dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for data in EXAMPLE_DATA.values():
        for employer in data["employers"]:
            found[employer["organisationsnummer"]] = {
                "name": employer["name"],
                "organisationsnummer": employer["organisationsnummer"],
                "kind": employer["kind"],
            }
    return sorted(found.values(), key=lambda e: e["organisationsnummer"])


SHIPPED_EMPLOYERS = _shipped_employers()
NAME_CHARS = string.ascii_letters + string.digits + "åäöÅÄÖéüÉÜ -.,:;'\"#&()/!?%*@`|>{}[]"
NAMES = st.text(alphabet=NAME_CHARS, min_size=1, max_size=30).filter(lambda s: s.strip())
FREE_TEXT = st.text(alphabet=NAME_CHARS + "\n\t", min_size=1, max_size=80).filter(lambda s: s.strip())
IDS = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,12}", fullmatch=True)
DATES = st.dates(dt.date(1990, 1, 1), dt.date(2060, 12, 31))


def _money(cents: int) -> int | float:
    value = Decimal(cents) / 100
    return int(value) if value == value.to_integral_value() else float(value)


@st.composite
def personnummer(draw: st.DrawFn) -> tuple[str, int]:
    born = draw(st.dates(dt.date(1930, 1, 1), dt.date(2008, 12, 31)))
    serial = draw(st.integers(0, 999))
    ten = f"{born:%y%m%d}{serial:03d}"
    return f"{born:%Y%m%d}-{serial:03d}{luhn.calc_check_digit(ten)}", born.year


@st.composite
def optional(draw: st.DrawFn, strategy: st.SearchStrategy[Any]) -> Any:
    return draw(strategy) if draw(st.booleans()) else None


@st.composite
def valid_agreements(draw: st.DrawFn) -> dict[str, Any]:
    shipped = draw(
        st.lists(st.sampled_from(SHIPPED_EMPLOYERS), min_size=1, max_size=4, unique_by=lambda e: e["name"])
    )
    ids = draw(st.lists(IDS, min_size=len(shipped), max_size=len(shipped), unique=True))
    employers = [{"id": i, **e} for i, e in zip(ids, shipped, strict=True)]
    if draw(st.booleans()):
        employers[0]["overhead_percent"] = _money(draw(st.integers(0, 30000)))

    start = draw(DATES)
    n_parts = draw(st.integers(1, 4))
    parts = [_draw_part(draw, ids, n_parts, start) for _ in range(n_parts)]
    person = _draw_person(draw)
    data: dict[str, Any] = {
        "id": draw(NAMES),
        "title": draw(NAMES),
        "model": draw(st.sampled_from(list(EmploymentModel))).value,
        "person": person,
        "employers": employers,
        "parts": parts,
        "start_date": start.isoformat(),
    }
    _draw_optional_terms(draw, data, ids, start, n_parts)
    return data


def _draw_part(draw: st.DrawFn, ids: list[str], n_parts: int, start: dt.date) -> dict[str, Any]:
    part: dict[str, Any] = {
        "employer": draw(st.sampled_from(ids)),
        "position": draw(st.sampled_from(list(Position))).value,
        "extent_percent": float(Decimal(draw(st.integers(1, 100_000 // n_parts))) / 1000),
        "monthly_salary": _money(draw(st.integers(100, 20_000_000))),
        "employment_form": draw(st.sampled_from(list(EmploymentForm))).value,
    }
    for key, strategy in (("title", NAMES), ("duties", FREE_TEXT), ("host", st.sampled_from(ids))):
        if (value := draw(optional(strategy))) is not None:
            part[key] = value
    if draw(st.booleans()):
        part["working_time"] = {
            "form": draw(st.sampled_from(list(WorkingTimeForm))).value,
            "full_time_hours": _money(draw(st.integers(1, 200_000))),
        }
    if draw(st.booleans()):
        part_start = start + dt.timedelta(days=draw(st.integers(0, 400)))
        part["start_date"] = part_start.isoformat()
        if draw(st.booleans()):
            part["end_date"] = (part_start + dt.timedelta(days=draw(st.integers(0, 2000)))).isoformat()
    return part


def _draw_person(draw: st.DrawFn) -> dict[str, Any]:
    person: dict[str, Any] = {"name": draw(NAMES)}
    if draw(st.booleans()):
        number, year = draw(personnummer())
        person["personnummer"] = number
        if draw(st.booleans()):
            person["birth_year"] = year
    elif draw(st.booleans()):
        person["birth_year"] = draw(st.integers(1930, 2008))
    return person


def _draw_optional_terms(
    draw: st.DrawFn, data: dict[str, Any], ids: list[str], start: dt.date, n_parts: int
) -> None:
    if draw(st.booleans()):
        data["end_date"] = (start + dt.timedelta(days=draw(st.integers(0, 4000)))).isoformat()
    if draw(st.booleans()):
        data["main_employer"] = draw(st.sampled_from(ids))
    if draw(st.booleans()):
        data["cost_settlement"] = {
            "shares": [
                {"part": i, "payer": draw(st.sampled_from(ids)), "share_percent": 100} for i in range(n_parts)
            ],
            **({"notes": draw(FREE_TEXT)} if draw(st.booleans()) else {}),
        }
    if draw(st.booleans()):
        data["rehabilitation"] = {"lead": draw(st.sampled_from(ids)), "cooperation": draw(FREE_TEXT)}
    if draw(st.booleans()):
        data["sick_pay"] = {"handling": draw(st.sampled_from(list(SickPayHandling))).value}
    if draw(st.booleans()):
        data["signatories"] = [
            {"name": draw(NAMES), "party": draw(st.sampled_from([*ids, "person"]))} for _ in range(2)
        ]
    if draw(st.booleans()):
        data["clauses"] = [{"heading": draw(NAMES), "text": draw(FREE_TEXT)}]


@PROPERTY
@given(valid_agreements())
def test_load_dump_load_is_the_identity(data: dict[str, Any]) -> None:
    loaded = parse_agreement(json.dumps(data, ensure_ascii=False, indent=2))
    assert loaded.errors == (), [(e.path, e.message("en")) for e in loaded.errors]
    agreement = loaded.agreement
    assert agreement is not None

    dumped = dump_yaml(agreement)
    again = parse_agreement(dumped)
    assert again.errors == (), [(e.path, e.message("en")) for e in again.errors]
    assert again.agreement == agreement
    assert dump_yaml(again.agreement) == dumped


@pytest.mark.parametrize("name", sorted(EXAMPLE_TEXTS))
def test_shipped_examples_round_trip(name: str) -> None:
    agreement = parse_agreement(EXAMPLE_TEXTS[name]).agreement
    assert agreement is not None
    assert parse_agreement(dump_yaml(agreement)).agreement == agreement


def test_dump_yaml_round_trips_next_line_character() -> None:
    agreement = parse_agreement(EXAMPLE_TEXTS["uppsala-professor-overlakare.yaml"]).agreement
    assert agreement is not None
    changed = agreement.model_copy(update={"title": "Avtal\x85bilaga"})
    assert parse_agreement(dump_yaml(changed)).agreement == changed
