"""The engine's findings and facts on a fixed generated set stay what they were (issue 18): rules,
parameters and agreements frozen in ``tests/golden/``, only the engine's code can change an outcome."""

from __future__ import annotations

import json

from golden.outcomes import DIGESTS, outcomes


def test_the_engine_gives_the_same_findings_and_facts_on_the_golden_set() -> None:
    expected = json.loads(DIGESTS.read_text(encoding="utf-8"))
    found = outcomes()
    assert len(expected) >= 250  # the set is real-sized: every base, two dozen variants each
    changed = sorted(name for name in expected if found.get(name) != expected[name])
    added = sorted(set(found) - set(expected))
    assert not changed and not added, (
        f"{len(changed)} case(s) changed, {len(added)} new: {(changed + added)[:10]}; if deliberate, run "
        "`python tests/golden/outcomes.py --write` and say why in the commit"
    )
