"""Running the rule catalogue over one agreement at one date."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from forenad.engine.conditions import Scope
from forenad.engine.facts import (
    REGISTRY,
    FactContext,
    MissingParameter,
    Replay,
    by_structure_and_birth_year,
)
from forenad.engine.rules import Rule, RuleSet, Step, default_rules
from forenad.i18n import Text
from forenad.model import Agreement
from forenad.refs import Reference
from forenad.report import Finding, UsedValue

PARAMETER_NOT_IN_FORCE = "dates.parameter_not_in_force"


def evaluate(
    agreement: Agreement,
    on: dt.date,
    rules: RuleSet | None = None,
    params: Any = None,
    facts: bool = True,
    share: bool = True,
) -> tuple[list[Finding], dict[str, Any]]:
    """Findings and facts for a valid agreement on a date.

    With ``facts=False`` only the facts the rules need are computed and the returned facts are empty
    (what ``forenad check`` does for text output). Agreements checked on the same date with the same
    parameters share the facts and rule outcomes that depend only on what they have in common (see
    :mod:`forenad.engine.facts`); ``share=False`` computes everything afresh, with the same result.
    """
    if rules is None:
        rules = default_rules()
    if params is None:
        from forenad.params import default_parameters

        params = default_parameters()
    ctx = FactContext(agreement, on, params, share=share)
    findings: list[Finding] = []
    parts = range(len(agreement.parts))
    scopes: tuple[Scope, list[Scope]] | None = None  # made when a step is run, not for shared outcomes
    for step in rules.plan(agreement.model.value, on):
        sharing = step.sharing
        outcomes = ctx.rule_outcomes(sharing) if sharing is not None and share else None
        if outcomes is None:
            if scopes is None:
                scopes = (Scope(ctx), [Scope(ctx, i) for i in parts])
            whole, per_part = scopes
            for rule, test, each_part in step.rules:
                findings.extend(_run(rule, test, each_part, whole, per_part))
            continue
        # These rules read only what agreements of this structure (and birth year) have in common: their
        # findings were worked out for an earlier one, with the parameters found missing meanwhile.
        outcome = outcomes.get(step.key)
        if outcome is None:
            if scopes is None:
                scopes = (Scope(ctx), [Scope(ctx, i) for i in parts])
            outcome = outcomes[step.key] = _shared_outcome(ctx, step, *scopes)
        else:
            for m in outcome[1]:
                ctx.note_missing(m)
        findings.extend(outcome[0])
    if len(findings) > 1:
        order = rules.order
        findings.sort(key=lambda f: order[f.rule])  # catalogue order (a rule's parts stay in order)
    # Only parameters the rules needed are reported missing: the JSON-only fact pass below must not change
    # the findings (a förenad-only parameter means nothing for a kombinationsanställning).
    missing_for_rules = sorted(ctx.missing.values(), key=lambda m: m.name)  # whatever order found in
    if facts:
        # Every fact, so that the JSON 'facts' always has the same keys (unknown ones are null).
        for name, spec in REGISTRY.items():
            if spec.scope == "part":
                for i in parts:
                    ctx.get(name, i)
            else:
                ctx.get(name)
    for missing in missing_for_rules:
        findings.append(
            Finding(
                rule=PARAMETER_NOT_IN_FORCE,
                topic="dates",
                severity="warning",
                text=Text(
                    sv=f"{missing.text.sv} Prövningar som behöver värdet har inte gjorts.",
                    en=f"{missing.text.en} Checks that need the value were not made.",
                ),
                paths=(),
                refs=(
                    Reference(kind="other", id="forenad", title="rules/parameters/" + missing.name + ".yaml"),
                ),
            )
        )
    exported = export_facts(ctx) if facts else {}
    # The scratch space may hold what holds the context (the economics' lookup): emptied, the context is
    # freed as soon as nothing uses it, not at the next garbage collection.
    ctx.memo.clear()
    return findings, exported


def _shared_outcome(
    ctx: FactContext, step: Step, whole: Scope, scopes: list[Scope]
) -> tuple[tuple[Finding, ...], tuple[MissingParameter, ...]]:
    """A shared step's findings for the first agreement of its structure and birth year, with the parameters
    its facts found missing (found now or when an earlier rule computed them: another agreement of the
    structure may not have computed them before these rules). A rule that reads the birth year first
    replays the reads of the structure's earlier agreements (:class:`~forenad.engine.facts.Replay`)."""
    replays = ctx.replays() if step.sharing is by_structure_and_birth_year else None
    found: list[Finding] = []
    read: list[Any] = []
    ctx.begin_shared()
    try:
        for i, (rule, test, per_part) in enumerate(step.rules):
            tree = None if replays is None else replays.get((step.key, i))
            replayed = None if tree is None else tree.replay(ctx)
            if replayed is not None:
                found.extend(replayed[0])
                read.extend(replayed[1])
                continue
            ctx.reads = []
            try:
                # Each finding's dated values too: worked out while the reads are recorded.
                own = tuple(f.detached() for f in _run(rule, test, per_part, whole, scopes))
            finally:
                reads, ctx.reads = ctx.reads, None
            found.extend(own)
            read.extend(reads)
            if replays is not None:
                first = list(dict.fromkeys(reads))  # each fact once, in the order first read
                path = [(key, ctx.get(key[0], key[1]), ctx._used_dated(key)) for key in first]
                if tree is None:
                    tree = replays[(step.key, i)] = Replay()
                tree.record(path, own)
    finally:
        noted = ctx.end_shared()
    missing = {m.name: m for m in (*noted, *ctx.missing_behind(read))}
    return tuple(found), tuple(missing.values())


def _run(
    rule: Rule,
    test: Callable[[Scope], bool | None],
    per_part: bool,
    whole: Scope,
    scopes: list[Scope],
) -> list[Finding]:
    if per_part:
        return [rule.finding(scope) for scope in scopes if test(scope) is True]
    return [rule.finding(whole)] if test(whole) is True else []


def export_facts(ctx: FactContext) -> dict[str, Any]:
    """Every computed fact, JSON-ready: agreement facts by name, part facts under ``parts``."""
    out: dict[str, Any] = {}
    parts: list[dict[str, Any]] = [{} for _ in ctx.agreement.parts]
    for (name, part), value in sorted(ctx.computed().items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)):
        if REGISTRY[name].scope == "part" and part is not None:
            parts[part][name] = jsonable(value)
        else:
            out[name] = jsonable(value)
    if any(parts):
        out["parts"] = parts
    return out


def jsonable(value: Any) -> Any:
    if isinstance(value, bool) or value is None or isinstance(value, str | int):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(round(value, 4))
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if isinstance(value, UsedValue):
        return value.as_json()
    return str(value)
