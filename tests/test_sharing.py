"""Shared facts and rule outcomes give exactly what a fresh computation gives.

Facts registered with ``key=by_structure`` (or ``by_structure_and_birth_year``) are computed once per
agreement structure and date and shared across a batch; rules that read only such facts and structural
paths share their findings the same way (forenad.engine.facts, forenad.engine.evaluate).

(a) *Poison*: every structural fact gives the same value on a copy of the agreement whose left-out fields
    (id, title, the person's name, personnummer and — for ``by_structure`` — birth year, the parts' salaries
    and extents) are replaced by a value that raises on any use. A fact that reads one of them fails here,
    naming itself: its key would be wrong.
(b) *Equivalence*: batches of agreements that share a structure but differ in those fields get the same
    findings (rule, severity, text in both languages, paths, dated values), the same ``dates`` findings and
    the same facts with sharing as without.
(c) Facts with ``inputs`` give equal values, resting on the same dated values, for equal inputs.
(d) The classification of rules follows from what they read.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import valid_agreements

import forenad.derive  # noqa: F401  (registers the facts)
from forenad import yamlio
from forenad.engine import default_rules, evaluate
from forenad.engine.facts import (
    _SPECS,
    FactContext,
    _Unknown,
    by_structure,
    by_structure_and_birth_year,
    by_structure_and_extents,
    in_structure,
    sharing_of,
)
from forenad.model import Agreement
from forenad.params import default_parameters, load_parameters
from forenad.report import Finding

ROOT = Path(__file__).resolve().parents[1]
BASES = [
    *sorted((ROOT / "examples").glob("*.yaml")),
    *sorted((ROOT / "src" / "forenad" / "rules" / "tests" / "bases").glob("*.yaml")),
]
BASE_DATA = {p.stem: yamlio.load(p).data for p in BASES}
DATES = [
    dt.date(2026, 6, 1),
    dt.date(2027, 3, 1),
    dt.date(2024, 2, 1),
    dt.date(2031, 1, 1),
    dt.date(2022, 6, 1),
    dt.date(2019, 1, 1),
]
PARAMS = default_parameters()
SHARED_PARAMS = load_parameters()  # a set of its own, so that what these tests share is theirs alone
GROUPED = (by_structure, by_structure_and_birth_year, by_structure_and_extents)
SHARED_FACTS = sorted(n for n, s in _SPECS.items() if s.key in GROUPED)
PROPERTY = settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])


class PoisonUsed(AssertionError):
    pass


class Poison:
    """Stands in for a field that a structural fact must not read: any use of it raises."""

    def __init__(self, field: str) -> None:
        object.__setattr__(self, "_field", field)

    def _fail(self, *_: Any, **__: Any) -> Any:
        raise PoisonUsed(f"read {object.__getattribute__(self, '_field')}")

    def __getattr__(self, name: str) -> Any:
        self._fail()

    def __repr__(self) -> str:
        return f"Poison({object.__getattribute__(self, '_field')})"

    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = _fail  # type: ignore[assignment]
    __hash__ = __bool__ = __str__ = __format__ = __int__ = __float__ = __index__ = _fail  # type: ignore[assignment]
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _fail
    __truediv__ = __rtruediv__ = __neg__ = __abs__ = __round__ = _fail
    __len__ = __iter__ = __contains__ = __getitem__ = _fail


def poisoned(agreement: Agreement, keep_birth_year: bool, keep_extents: bool = False) -> Agreement:
    person = agreement.person.model_copy(
        update={
            "name": Poison("person.name"),
            "personnummer": None,
            "birth_year": agreement.person.effective_birth_year
            if keep_birth_year
            else Poison("person.birth_year"),
        }
    )
    parts = [
        p.model_copy(
            update={
                "monthly_salary": Poison(f"parts.{i}.monthly_salary"),
                "extent_percent": p.extent_percent if keep_extents else Poison(f"parts.{i}.extent_percent"),
            }
        )
        for i, p in enumerate(agreement.parts)
    ]
    return agreement.model_copy(
        update={"id": Poison("id"), "title": Poison("title"), "person": person, "parts": parts}
    )


def assert_structural_facts_read_only_the_structure(agreement: Agreement, on: dt.date) -> None:
    real = FactContext(agreement, on, PARAMS, share=False)
    without_year = FactContext(poisoned(agreement, keep_birth_year=False), on, PARAMS, share=False)
    with_year = FactContext(poisoned(agreement, keep_birth_year=True), on, PARAMS, share=False)
    with_extents = FactContext(
        poisoned(agreement, keep_birth_year=False, keep_extents=True), on, PARAMS, share=False
    )
    contexts = {by_structure: without_year, by_structure_and_birth_year: with_year}
    for name in SHARED_FACTS:
        spec = _SPECS[name]
        ctx = contexts.get(spec.key, with_extents)
        for part in range(len(agreement.parts)) if spec.scope == "part" else [None]:
            try:
                value = _value(ctx, name, part)
            except PoisonUsed as exc:
                pytest.fail(f"{name} (part {part}) is keyed {spec.key.__name__} but {exc}")  # type: ignore[union-attr]
            assert value == _value(real, name, part), (name, part)


def _value(ctx: FactContext, name: str, part: int | None) -> Any:
    """A fact's value, or "unknown" for an internal fact that is (it raises for the facts that read it)."""
    try:
        return ctx.get(name, part)
    except _Unknown:
        return "unknown"


@pytest.mark.parametrize("name", sorted(BASE_DATA))
@pytest.mark.parametrize("on", DATES)
def test_structural_facts_of_the_shipped_agreements(name: str, on: dt.date) -> None:
    assert_structural_facts_read_only_the_structure(Agreement.model_validate(BASE_DATA[name]), on)


@PROPERTY
@given(valid_agreements(), st.sampled_from(DATES))
def test_structural_facts_of_generated_agreements(data: dict[str, Any], on: dt.date) -> None:
    assert_structural_facts_read_only_the_structure(Agreement.model_validate(data), on)


def test_the_poison_catches_a_fact_that_reads_a_salary() -> None:
    assert len(SHARED_FACTS) > 40
    agreement = Agreement.model_validate(BASE_DATA["uppsala-professor-overlakare"])
    ctx = FactContext(poisoned(agreement, keep_birth_year=True), DATES[0], PARAMS, share=False)
    with pytest.raises(PoisonUsed, match="monthly_salary"):
        ctx.get("total_monthly_salary")
    with pytest.raises(PoisonUsed, match="extent_percent"):
        ctx.get("weekly_hours", 0)


INPUT_FACTS = sorted(n for n, s in _SPECS.items() if s.inputs is not None)


def _inputs_outcomes(agreement: Agreement, on: dt.date, seen: dict[Any, Any], params: Any) -> None:
    """Record, per fact with ``inputs``, what its inputs gave; fail when equal inputs gave another value. With
    sharing (the table of ``seen``'s parameter set), the dated values behind each fact are those of a fresh
    computation, though another agreement may have derived the same inputs from other values."""
    fresh = FactContext(agreement, on, params, share=False)
    shared = FactContext(agreement, on, params)
    for name in INPUT_FACTS:
        spec = _SPECS[name]
        for part in range(len(agreement.parts)) if spec.scope == "part" else [None]:
            inputs = spec.inputs(fresh) if part is None else spec.inputs(fresh, part)  # type: ignore[misc]
            value = fresh.get(name, part)
            assert seen.setdefault((name, on, inputs), value) == value, (name, part, inputs)
            assert shared.get(name, part) == value
            assert shared.used(name, part) == fresh.used(name, part), (name, part, inputs)


def test_equal_inputs_give_equal_values_and_rest_on_the_same_dated_values() -> None:
    corpus = []
    for data in BASE_DATA.values():
        for year in range(1937, 2009, 3):
            varied = copy.deepcopy(data)
            varied["person"].pop("personnummer", None)
            varied["person"]["birth_year"] = year
            corpus.append(Agreement.model_validate(varied))
    seen: dict[Any, Any] = {}
    for order in (corpus, corpus[::-1]):  # who computes a shared value first must not matter
        params = load_parameters()
        for agreement in order:
            for on in DATES:
                _inputs_outcomes(agreement, on, seen, params)
    assert len(INPUT_FACTS) >= 4 and len(seen) > 500


@PROPERTY
@given(valid_agreements(), valid_agreements(), st.sampled_from(DATES))
def test_equal_inputs_agree_across_generated_agreements(
    a: dict[str, Any], b: dict[str, Any], on: dt.date
) -> None:
    seen: dict[Any, Any] = {}
    for data in (a, b, *BASE_DATA.values()):
        _inputs_outcomes(Agreement.model_validate(data), on, seen, SHARED_PARAMS)


# --- (b) equivalence ------------------------------------------------------------------------------------


def _finding(f: Finding) -> tuple[Any, ...]:
    return (f.rule, f.topic, f.severity, f.text("sv"), f.text("en"), f.paths, f.refs, f.values, f.unverified)


def _variant(data: dict[str, Any], draw: st.DrawFn, i: int) -> dict[str, Any]:
    """The same structure with other left-out fields: id, title, names, birth year, salaries, extents."""
    out = copy.deepcopy(data)
    out["id"] = f"{data['id']}-{i}"
    out["title"] = f"{data['title']} {i}"
    person = out["person"]
    person["name"] = draw(st.sampled_from(["Anna", "Bo", "Cecilia Öberg"]))
    person.pop("personnummer", None)
    person["birth_year"] = draw(st.integers(1937, 2008))
    for part in out["parts"]:
        part["extent_percent"] = draw(st.integers(1, 100))
        part["monthly_salary"] = draw(st.integers(1, 160_000))
    return out


@st.composite
def batches(draw: st.DrawFn) -> tuple[list[dict[str, Any]], dt.date]:
    base = draw(st.one_of(st.sampled_from(sorted(BASE_DATA)).map(BASE_DATA.__getitem__), valid_agreements()))
    variants = [_variant(base, draw, i) for i in range(draw(st.integers(3, 6)))]
    return variants, draw(st.sampled_from(DATES))


def assert_shared_equals_fresh(batch: list[dict[str, Any]], on: dt.date, params: Any) -> None:
    rules = default_rules()
    for data in batch:
        agreement = Agreement.model_validate(data)
        shared, shared_facts = evaluate(agreement, on, rules=rules, params=params, facts=False)
        fresh, fresh_facts = evaluate(agreement, on, rules=rules, params=params, share=False)
        assert [_finding(f) for f in shared] == [_finding(f) for f in fresh]
        _, shared_facts = evaluate(agreement, on, rules=rules, params=params, facts=True)
        assert shared_facts == fresh_facts


@PROPERTY
@given(batches())
def test_a_batch_gets_the_same_findings_and_facts_with_sharing(case: tuple[list[Any], dt.date]) -> None:
    batch, on = case
    assert_shared_equals_fresh(batch, on, PARAMS)


@pytest.mark.parametrize("on", DATES)
def test_every_shipped_structure_alike_with_and_without_sharing(on: dt.date) -> None:
    params = load_parameters()  # a set of its own: nothing shared from other tests
    batch = []
    for i, data in enumerate(BASE_DATA.values()):
        batch += [data, {**copy.deepcopy(data), "id": f"x{i}"}, {**copy.deepcopy(data), "id": f"y{i}"}]
    assert_shared_equals_fresh(batch, on, params)


@pytest.mark.parametrize("on", DATES)
@pytest.mark.parametrize("name", ["uppsala-professor-overlakare", "varmland-tjanstekop-klinisk-undervisning"])
def test_birth_years_of_one_structure_share_findings_by_what_their_rules_read(
    name: str, on: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One structure, every birth year from 1937 to 2008, in an order that jumps about: the rules that read
    # the age or the pension scheme replay the reads of earlier birth years (Replay) and must give exactly
    # what a fresh check gives, 'dates' findings included, on dates with and without every parameter.
    from forenad.engine import facts as engine_facts

    replayed: list[bool] = []
    replay = engine_facts.Replay.replay

    def counting(self: Any, ctx: FactContext) -> Any:
        found = replay(self, ctx)
        replayed.append(found is not None)
        return found

    monkeypatch.setattr(engine_facts.Replay, "replay", counting)
    years = sorted(range(1937, 2009), key=lambda y: (y * 37) % 72)
    batch = []
    for i, year in enumerate(years):
        data = copy.deepcopy(BASE_DATA[name])
        data["id"], data["person"]["birth_year"] = f"b{i}", year
        data["person"].pop("personnummer", None)
        batch.append(data)
    assert_shared_equals_fresh(batch, on, load_parameters())
    assert sum(replayed) > len(years)  # the findings of most birth years came from a replay


@pytest.mark.parametrize("on", DATES)
def test_agreements_that_split_the_time_alike_share_the_extent_and_working_time_findings(
    on: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One structure, two ways of splitting the time (one over full time), salaries and birth years all
    # different: the extent and working-time rules are worked out once per split, and every agreement gets
    # what a fresh check gives.
    import importlib

    engine_evaluate = importlib.import_module("forenad.engine.evaluate")
    worked_out: list[Any] = []
    shared_outcome = engine_evaluate._shared_outcome

    def counting(ctx: FactContext, step: Any, *rest: Any) -> Any:
        if step.sharing is by_structure_and_extents:
            worked_out.append(ctx.extents())
        return shared_outcome(ctx, step, *rest)

    monkeypatch.setattr(engine_evaluate, "_shared_outcome", counting)
    batch = []
    for i in range(12):
        data = copy.deepcopy(BASE_DATA["uppsala-professor-overlakare"])
        data["id"], data["person"]["birth_year"] = f"e{i}", 1950 + 3 * i
        data["person"].pop("personnummer", None)
        for part, extent in zip(data["parts"], [(50, 50), (80, 40)][i % 2], strict=True):
            part["extent_percent"] = extent
            part["monthly_salary"] = 20_000 + 1_234 * i + extent
        batch.append(data)
    assert_shared_equals_fresh(batch, on, load_parameters())
    assert sorted(set(worked_out)) == [("50", "50"), ("80", "40")]
    assert len(worked_out) == 2  # once per split, with sharing (the fresh checks do not share)
    fresh = evaluate(Agreement.model_validate(batch[1]), on, params=load_parameters(), share=False)[0]
    assert "extent.sum_above_full_time" in {f.rule for f in fresh}


def test_fact_values_are_the_same_only_when_a_rule_or_message_could_not_tell_them_apart() -> None:
    from decimal import Decimal

    from forenad.engine.facts import signature

    def same(a: Any, b: Any) -> bool:
        return signature(a) is not None and signature(a) == signature(b)

    assert same(Decimal("2.5"), Decimal("2.5"))
    assert not same(Decimal("1.0"), Decimal("1"))  # formatted differently
    assert not same(1, True)
    assert not same(Decimal(1), 1)
    assert same(["a", None], ["a", None])
    assert not same(["a", "b"], ["b", "a"])
    assert not same({"a": 1, "b": 2}, {"b": 2, "a": 1})  # listed in another order
    assert not same(object(), object())
    assert not same([object()], [object()])


def test_missing_parameters_are_reported_for_every_agreement_that_shares_an_outcome() -> None:
    params = load_parameters()
    on = dt.date(2031, 1, 1)  # after the last reviewed income base amount
    data = BASE_DATA["uppsala-professor-overlakare"]
    first, _ = evaluate(Agreement.model_validate(data), on, params=params, facts=False)
    second, _ = evaluate(Agreement.model_validate({**data, "id": "other"}), on, params=params, facts=False)
    missing = [f.text("en") for f in first if f.rule == "dates.parameter_not_in_force"]
    assert missing
    assert missing == [f.text("en") for f in second if f.rule == "dates.parameter_not_in_force"]


# --- (d) classification ---------------------------------------------------------------------------------


def test_paths_outside_the_structure() -> None:
    outside = ("parts.0.monthly_salary", "part.extent_percent", "person", "person.birth_year", "parts", "id")
    inside = ("parts.0.employer", "part.position", "employer.kind", "person.profession", "cost_settlement")
    assert not any(in_structure(path) for path in outside)
    assert all(in_structure(path) for path in inside)
    assert in_structure("part.extent_percent", with_extents=True)
    assert in_structure("parts.1.extent_percent", with_extents=True)
    assert not any(in_structure(p, with_extents=True) for p in ("parts.0", "parts", "part.monthly_salary"))


def test_rules_share_as_their_reads_allow() -> None:
    rules = {r.id: r for r in default_rules().rules}
    assert rules["legal_basis.forenad_needs_larosate"].sharing is by_structure
    assert rules["vacation.coordination_missing"].sharing is by_structure_and_birth_year
    assert rules["extent.sum_above_full_time"].sharing is by_structure_and_extents  # reads the extents
    assert rules["pension.split_loss"].sharing is None  # reads the salaries
    assert sharing_of(["total_extent"], []) is by_structure_and_extents
    assert sharing_of(["has_larosate"], ["part.extent_percent"]) is by_structure_and_extents
    assert sharing_of(["has_larosate"], ["part.monthly_salary"]) is None
    assert sharing_of(["total_extent"], ["parts"]) is None  # the parts hold the salaries
    assert sharing_of(["total_extent", "vacation_days"], []) is None  # extents and the birth year: not shared
    assert sharing_of(["has_larosate", "vacation_days"], []) is by_structure_and_birth_year


RULES_READING_ONE_FACT = """rules:
  - id: working_time.a_first
    topic: working_time
    severity: info
    when:
      all:
        - {path: parts.0.monthly_salary, gt: 50000}
        - {fact: ordinary_week_limit, gt: 0}
    message: {sv: "A", en: "A"}
    refs: [{kind: sfs, id: "1982:673", title: ATL}]
  - id: working_time.b_then
    topic: working_time
    severity: info
    when: {fact: ordinary_week_limit, gt: 100}
    message: {sv: "B", en: "B"}
    refs: [{kind: sfs, id: "1982:673", title: ATL}]
"""


def test_a_shared_rule_reports_the_missing_parameters_of_a_fact_an_earlier_rule_computed(
    tmp_path: Path,
) -> None:
    # Rule A reads the salary, so it is not shared, and reads the ordinary week only for high salaries;
    # rule B reads only the ordinary week, so it is shared. Before 2020 the ordinary week has no value:
    # every agreement must get the 'dates' finding, whether or not rule A computed the week first.
    from forenad.engine import load_rules

    (tmp_path / "rules.yaml").write_text(RULES_READING_ONE_FACT, encoding="utf-8")
    rules = load_rules(tmp_path)
    assert [r.sharing for r in rules.rules] == [None, by_structure]
    params, on = load_parameters(), dt.date(2019, 1, 1)
    base = BASE_DATA["uppsala-professor-overlakare"]
    for i, salary in enumerate([60_000, 60_000, 40_000, 40_000]):
        data = copy.deepcopy(base)
        data["id"] = f"s{i}"
        data["parts"][0]["monthly_salary"] = salary
        agreement = Agreement.model_validate(data)
        shared, _ = evaluate(agreement, on, rules=rules, params=params, facts=False)
        fresh, _ = evaluate(agreement, on, rules=rules, params=params, facts=False, share=False)
        assert [_finding(f) for f in shared] == [_finding(f) for f in fresh], salary
        assert any(
            "arbetstid_atl" in f.text("en") for f in shared if f.rule == "dates.parameter_not_in_force"
        )
