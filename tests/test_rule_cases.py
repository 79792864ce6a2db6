"""Every YAML rule case beside the rules passes, and every rule has a firing and a non-firing case."""

from __future__ import annotations

import pytest

from forenad.engine import default_rules
from forenad.engine.evaluate import PARAMETER_NOT_IN_FORCE
from forenad.engine.ruletests import load_cases, run_case

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
    ids = set(default_rules().ids()) | {PARAMETER_NOT_IN_FORCE}
    named = {rule for case in CASES for rule in (*case.findings, *case.absent)}
    assert sorted(named - ids) == []
