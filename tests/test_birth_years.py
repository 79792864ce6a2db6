"""Birth-year classes: agreements of one structure whose birth years no parameter limit separates share
their birth-year facts and findings (forenad.engine.birth_years).

(a) The limits read off the shipped parameters, worked out by hand for one date.
(b) *Tracking*: every birth-year fact, computed on a copy of an agreement whose birth year is a stand-in
    that records each comparison made with it (also after ``year - birth_year`` and the like), compares it
    only at a known limit, and never puts it into a value or a text. A fact that does otherwise fails here,
    naming itself: sharing it by class would be wrong.
(c) *Equivalence*: every birth year from 1925 to 2012 (and none) of every shipped structure, on dates with
    and without every parameter, gets the same findings and facts with sharing as without.
(d) A parameter key about birth years or ages that is not understood makes every birth year a class alone.
"""

from __future__ import annotations

import copy
import datetime as dt
import operator
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import valid_agreements
from test_sharing import BASE_DATA, DATES, _value, assert_shared_equals_fresh

import forenad.derive  # (registers the facts)
from forenad.engine import default_rules, evaluate
from forenad.engine.birth_years import birth_class, limits
from forenad.engine.facts import _SPECS, FactContext, by_structure_and_birth_year, dated_table
from forenad.model import Agreement
from forenad.params import default_parameters, load_parameters

PARAMS = default_parameters()
PACKAGED = Path(forenad.__file__).parent / "rules" / "parameters"
BIRTH_YEAR_FACTS = sorted(n for n, s in _SPECS.items() if s.key is by_structure_and_birth_year)


# --- (a) the limits ------------------------------------------------------------------------------------


def test_the_limits_of_the_shipped_parameters_on_a_date() -> None:
    assert limits(PARAMS, dt.date(2026, 6, 1)) == (
        1938,  # born 1937 or earlier: no fee (born_to 1937); the older workers' fee from 1938 (born_from)
        1958,  # AKAP-KR conditional coverage born 1958–1985 (born_from)
        1959,  # the older workers' fee for those born up to 1958 (born_to, 2026)
        1966,  # the lärosäte's LKP default and PA 16 avd. II's flex premium from 1966
        1973,  # PA 16 avd. II wholly defined benefit for those born 1972 or earlier
        1977,  # AB: 32 days from the year one turns 50 (2026 − 50 + 1)
        1979,  # ITP 1 from 1979
        1986,  # AKAP-KR always from 1986; conditional up to 1985, KAP-KL's flex band ends
        1987,  # AB 31 and the villkorsavtal 35 days from the year one turns 40 (2026 − 40 + 1)
        1988,  # PA 16 avd. I from 1988
        1997,  # the villkorsavtal's 31 days from the year one turns 30
        2003,  # the youth fee, 2026: not yet 23 on 1 January (born 2003 or later) …
        2004,  # … and for 2027 (its value starts then): 2027 − 23
        2008,  # the youth fee's born_to 2007 (2026), and 18 by 1 January 2026 (2026 − 18)
        2009,  # the same for 2027
        2027,  # the statutory scale's 25 days from age 0: everyone born by the year of the date
    )


def test_years_between_two_limits_are_one_class() -> None:
    bounds = limits(PARAMS, dt.date(2026, 6, 1))
    assert birth_class(bounds, 1967) == birth_class(bounds, 1972)
    assert birth_class(bounds, 1972) != birth_class(bounds, 1973)
    assert birth_class(bounds, 1976) != birth_class(bounds, 1977)
    assert birth_class(bounds, 1989) == birth_class(bounds, 1996)
    assert birth_class(None, 1970) != birth_class(None, 1971)  # limits not known: a class each
    assert birth_class(bounds, None) is None and birth_class(bounds, 1900) == 0
    assert len({birth_class(bounds, y) for y in range(1960, 1999)}) == 9


def test_an_age_reached_in_the_year_moves_with_the_date() -> None:
    on_2027 = limits(PARAMS, dt.date(2027, 6, 1))
    assert on_2027 is not None and 1978 in on_2027 and 1977 not in on_2027  # turns 50 in 2027: born 1977


# --- (b) tracking: birth-year facts compare the year only at a limit -----------------------------------


class Untracked(AssertionError):
    pass


class TrackedYear:
    """Stands in for a birth year ``value``, as ``sign * year + offset``: adding or subtracting a whole number
    keeps it tracked, a comparison with a whole number records where its outcome would change as the year
    does; any other use (as text, a number, in arithmetic with anything else) raises."""

    def __init__(self, value: int, seen: list[int], sign: int = 1, offset: int = 0) -> None:
        self.value, self.seen, self.sign, self.offset = value, seen, sign, offset

    def _at(self, year: int) -> int:
        return self.sign * year + self.offset

    def _moved(self, sign: int, offset: int) -> TrackedYear:
        return TrackedYear(self.value, self.seen, sign, offset)

    def _fail(self, *_: Any, **__: Any) -> Any:
        raise Untracked("the birth year was used other than compared with a whole number")

    def __add__(self, other: object) -> TrackedYear:
        if type(other) is not int:
            self._fail()
        return self._moved(self.sign, self.offset + other)  # type: ignore[operator]

    __radd__ = __add__

    def __sub__(self, other: object) -> TrackedYear:
        if type(other) is not int:
            self._fail()
        return self._moved(self.sign, self.offset - other)  # type: ignore[operator]

    def __rsub__(self, other: object) -> TrackedYear:
        if type(other) is not int:
            self._fail()
        return self._moved(-self.sign, other - self.offset)  # type: ignore[operator]

    def _compare(self, other: object, op: Callable[[int, int], bool]) -> bool:
        if other is None:
            return op is operator.ne
        if type(other) is not int:
            self._fail()
        assert isinstance(other, int)
        centre = self.sign * (other - self.offset)
        for year in range(centre - 2, centre + 3):
            if op(self._at(year), other) != op(self._at(year - 1), other):
                self.seen.append(year)  # years before and from this one compare differently
        return op(self._at(self.value), other)

    def __lt__(self, other: object) -> bool:
        return self._compare(other, operator.lt)

    def __le__(self, other: object) -> bool:
        return self._compare(other, operator.le)

    def __gt__(self, other: object) -> bool:
        return self._compare(other, operator.gt)

    def __ge__(self, other: object) -> bool:
        return self._compare(other, operator.ge)

    def __eq__(self, other: object) -> bool:  # type: ignore[override]
        if isinstance(other, TrackedYear):
            return self is other
        return self._compare(other, operator.eq)

    def __ne__(self, other: object) -> bool:  # type: ignore[override]
        return not self == other

    def __hash__(self) -> int:  # as a key of a cache by exact year: the value, never seen by a fact
        return hash((self.sign, self.offset, self.value))

    __str__ = __repr__ = __format__ = __int__ = __index__ = __float__ = __bool__ = _fail  # type: ignore[assignment]
    __mul__ = __rmul__ = __truediv__ = __rtruediv__ = __neg__ = __abs__ = __round__ = _fail


def _holds_tracked(value: Any) -> bool:
    if isinstance(value, TrackedYear):
        return True
    if isinstance(value, dict):
        return any(_holds_tracked(k) or _holds_tracked(v) for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return any(_holds_tracked(v) for v in value)
    fields = getattr(value, "__dataclass_fields__", None) or getattr(value, "_fields", None)
    if fields is not None:
        return any(_holds_tracked(getattr(value, f)) for f in fields)
    return False


def assert_birth_year_facts_compare_only_at_limits(agreement: Agreement, year: int, on: dt.date) -> None:
    bounds = limits(PARAMS, on)
    assert bounds is not None
    seen: list[int] = []
    person = agreement.person.model_copy(update={"personnummer": None, "birth_year": TrackedYear(year, seen)})
    tracked = FactContext(agreement.model_copy(update={"person": person}), on, PARAMS, share=False)
    real = FactContext(
        agreement.model_copy(
            update={"person": agreement.person.model_copy(update={"personnummer": None, "birth_year": year})}
        ),
        on,
        PARAMS,
        share=False,
    )
    for name in BIRTH_YEAR_FACTS:
        for part in range(len(agreement.parts)) if _SPECS[name].scope == "part" else [None]:
            try:
                value = _value(tracked, name, part)
            except Untracked as exc:
                pytest.fail(f"{name} (part {part}) is shared by birth-year class but {exc}")
            assert not _holds_tracked(value), f"{name} (part {part}) holds the birth year itself"
            assert value == _value(real, name, part), (name, part)
            unknown = sorted(set(seen) - set(bounds))
            assert not unknown, f"{name} (part {part}) compares the birth year at {unknown}, not a limit"


@pytest.mark.parametrize("name", sorted(BASE_DATA))
@pytest.mark.parametrize("on", DATES)
def test_birth_year_facts_of_the_shipped_agreements(name: str, on: dt.date) -> None:
    agreement = Agreement.model_validate(BASE_DATA[name])
    for year in (1940, 1957, 1966, 1975, 1986, 1990, 2005):
        assert_birth_year_facts_compare_only_at_limits(agreement, year, on)


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(valid_agreements(), st.integers(1925, 2012), st.sampled_from(DATES))
def test_birth_year_facts_of_generated_agreements(data: dict[str, Any], year: int, on: dt.date) -> None:
    assert_birth_year_facts_compare_only_at_limits(Agreement.model_validate(data), year, on)


def test_the_tracking_catches_a_fact_that_uses_the_year_otherwise() -> None:
    seen: list[int] = []
    year = TrackedYear(1975, seen)
    assert (year <= 1972, 2026 - year >= 40, year < 1988) == (False, True, True)
    assert seen == [1973, 1987, 1988]
    with pytest.raises(Untracked):
        f"{year}"
    with pytest.raises(Untracked):
        year * 2


# --- (c) equivalence over every birth year --------------------------------------------------------------


@pytest.mark.parametrize(
    "on", [dt.date(2026, 6, 1), dt.date(2027, 3, 1), dt.date(2024, 2, 1), dt.date(2019, 1, 1)]
)
def test_every_birth_year_of_every_shipped_structure_alike_with_and_without_sharing(on: dt.date) -> None:
    params = load_parameters()  # a set of its own: nothing shared from other tests
    years: list[int | None] = sorted(range(1925, 2013), key=lambda y: (y * 53) % 88)
    years.append(None)
    batch = []
    for name, data in BASE_DATA.items():
        for year in years:
            varied = copy.deepcopy(data)
            varied["id"] = f"{name}-{year}"
            varied["person"].pop("personnummer", None)
            varied["person"]["birth_year"] = year
            batch.append(varied)
    assert_shared_equals_fresh(batch, on, params)
    # … and shared they were: one group per structure and class, not per birth year.
    table = dated_table(params, on)
    bounds = limits(params, on)
    assert bounds is not None
    classes = len({birth_class(bounds, y) for y in years})
    assert table.groups and all(len(g.within) <= classes + 2 for g in table.groups.values())
    assert classes < len(years) / 3


# --- (d) limits that cannot be told -----------------------------------------------------------------------


def test_a_parameter_of_unknown_ages_makes_every_birth_year_a_class_alone(tmp_path: Path) -> None:
    shutil.copytree(PACKAGED, tmp_path / "parameters")
    (tmp_path / "parameters" / "pension_alder.yaml").write_text(
        "description: {sv: Pensionsålder, en: Retirement age}\n"
        "unit: år\n"
        "confidence: unverified\n"
        "last_reviewed: 2026-12-02\n"
        "values:\n"
        "  2020-01-01:\n"
        "    value: {retirement_age: 67}\n"
        "    refs:\n"
        "      - {kind: other, id: test, title: test}\n",
        encoding="utf-8",
    )
    params = load_parameters(tmp_path / "parameters")
    on = dt.date(2026, 6, 1)
    assert limits(params, on) is None
    # … and so does a plain value whose name speaks of an age.
    (tmp_path / "parameters" / "pension_alder.yaml").unlink()
    (tmp_path / "parameters" / "las_alder.yaml").write_text(
        "description: {sv: LAS-ålder, en: LAS age}\n"
        "unit: år\n"
        "confidence: unverified\n"
        "last_reviewed: 2026-12-02\n"
        "values:\n"
        "  2020-01-01:\n"
        "    value: 69\n"
        "    refs:\n"
        "      - {kind: other, id: test, title: test}\n",
        encoding="utf-8",
    )
    assert limits(load_parameters(tmp_path / "parameters"), on) is None
    params = load_parameters(tmp_path / "parameters")
    table = dated_table(params, on)
    assert table.birth_class(1970) != table.birth_class(1971)
    # Every birth year then gets its own findings, and still the right ones.
    rules = default_rules()
    data = BASE_DATA["uppsala-professor-overlakare"]
    batch = []
    for year in (1970, 1971, 1970, 1990):
        varied = copy.deepcopy(data)
        varied["person"].pop("personnummer", None)
        varied["person"]["birth_year"] = year
        batch.append(varied)
    assert_shared_equals_fresh(batch, on, params)
    assert evaluate(Agreement.model_validate(batch[0]), on, rules=rules, params=params)[0]
