"""Every YAML rule case beside the rules passes, and every rule has a firing and a non-firing case."""

from __future__ import annotations

import pytest

from forenad.engine import default_rules
from forenad.engine.evaluate import PARAMETER_NOT_IN_FORCE
from forenad.engine.ruletests import load_cases, run_case, unknown_rules

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.label for c in CASES])
def test_rule_case(case) -> None:
    problems = run_case(case)
    assert not problems, "\n".join(problems)


def test_every_rule_has_a_firing_and_a_passing_case() -> None:
    fired = {rule for case in CASES for rule in case.findings}
    absent = {rule for case in CASES for rule in case.absent}
    ids = set(default_rules().ids()) | {PARAMETER_NOT_IN_FORCE}
    assert sorted(ids - fired) == [], "rules without a case where they fire"
    assert sorted(ids - absent) == [], "rules without a case where they do not fire"


def test_cases_name_only_known_rules() -> None:
    """The check ``forenad rules test`` makes of an organisation's cases (a misspelt id fails its case)."""
    problems = [f"{case.label}: {problem}" for case in CASES for problem in unknown_rules(case)]
    assert problems == []


def test_a_dated_rule_has_cases_on_both_sides_of_its_date() -> None:
    """The law changes under the tool: a rule with ``valid_from`` or ``valid_to`` has a case on the day
    before its boundary and one on or after it, so both sides are proved."""
    missing = []
    for rule in default_rules().rules:
        boundary = rule.valid_from or rule.valid_to
        if boundary is None:
            continue
        dates = {case.on for case in CASES if rule.id in (*case.findings, *case.absent)}
        if not any(d < boundary for d in dates) or not any(d >= boundary for d in dates):
            missing.append(f"{rule.id} ({boundary})")
    assert missing == []
