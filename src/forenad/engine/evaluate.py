"""Running the rule catalogue over one agreement at one date.

A rule is *not made* for a scope (the agreement, or one part) when its condition came out unknown because a
fact it read needs a dated value that is not in force on the date. Each missing parameter becomes one
``dates.parameter_not_in_force`` finding naming the rules it kept from being made (``not_made``); a check
that could not make an error-level rule is incomplete, and says so (see :attr:`forenad.report.FileResult`).
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from forenad.engine.conditions import Scope
from forenad.engine.facts import REGISTRY, FactContext, MissingParameter
from forenad.engine.rules import RuleSet, default_rules
from forenad.i18n import Text
from forenad.model import Agreement
from forenad.refs import Reference
from forenad.report import Finding, NotMade, UsedValue

if TYPE_CHECKING:
    from forenad.params import ParameterSet

PARAMETER_NOT_IN_FORCE = "dates.parameter_not_in_force"


def evaluate(
    agreement: Agreement,
    on: dt.date,
    rules: RuleSet | None = None,
    params: ParameterSet | None = None,
    facts: bool = True,
) -> tuple[list[Finding], dict[str, Any]]:
    """Findings and facts for a valid agreement on a date.

    With ``facts=False`` only the facts the rules need are computed and the returned facts are empty
    (what ``forenad check`` does for text output).
    """
    if rules is None:
        rules = default_rules()
    if params is None:
        from forenad.params import default_parameters

        params = default_parameters()
    ctx = FactContext(agreement, on, params)
    whole = Scope(ctx)
    per_part = [Scope(ctx, i) for i in range(len(agreement.parts))]
    findings: list[Finding] = []
    not_made: dict[str, list[NotMade]] = {}  # parameter name → the rules it kept from being made
    for rule, test, each_part in rules.plan(agreement.model.value, on):
        for scope in per_part if each_part else (whole,):
            ctx.reads = []
            result = test(scope)
            reads, ctx.reads = ctx.reads, None
            if result is True:
                findings.append(rule.finding(scope))
            elif result is None:
                for missing in ctx.missing_behind(reads):
                    not_made.setdefault(missing.name, []).append(NotMade(rule.id, rule.severity, scope.part))
    # Only parameters the rules needed are reported missing: the JSON-only fact pass below must not change
    # the findings (a förenad-only parameter means nothing for a kombinationsanställning).
    missing_for_rules = sorted(ctx.missing.values(), key=lambda m: m.name)
    if facts:
        # Every fact, so that the JSON 'facts' always has the same keys (unknown ones are null).
        for name, spec in REGISTRY.items():
            for part in range(len(agreement.parts)) if spec.scope == "part" else (None,):
                ctx.get(name, part)
    findings.extend(_not_in_force(m, tuple(not_made.get(m.name, ()))) for m in missing_for_rules)
    exported = export_facts(ctx) if facts else {}
    ctx.memo.clear()  # the economics' lookup held there holds the context: break the cycle now, not at gc
    return findings, exported


def _not_in_force(missing: MissingParameter, not_made: tuple[NotMade, ...]) -> Finding:
    ids = list(dict.fromkeys(n.rule for n in not_made))
    if ids:
        listed = ", ".join(ids)
        tail = Text(
            sv=f" Prövningar som inte kunde göras: {listed}.",
            en=f" Checks that could not be made: {listed}.",
        )
    else:
        tail = Text(sv=" Värden som bygger på den visas som okända.", en=" Figures that need it are unknown.")
    return Finding(
        rule=PARAMETER_NOT_IN_FORCE,
        topic="dates",
        severity="warning",
        text=Text(sv=missing.text.sv + tail.sv, en=missing.text.en + tail.en),
        paths=(),
        refs=(Reference(kind="other", id="forenad", title=f"parameter {missing.name}"),),
        not_made=not_made,
        parameter=missing.name,
    )


def export_facts(ctx: FactContext) -> dict[str, Any]:
    """Every computed fact, JSON-ready: agreement facts by name, part facts under ``parts``."""
    out: dict[str, Any] = {}
    parts: list[dict[str, Any]] = [{} for _ in ctx.agreement.parts]
    for (name, part), value in sorted(ctx.computed().items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)):
        spec = REGISTRY[name]
        shown = money_json(value) if spec.money else jsonable(value)
        if spec.scope == "part" and part is not None:
            parts[part][name] = shown
        else:
            out[name] = shown
    if any(parts):
        out["parts"] = parts
    return out


def money_json(value: Any) -> Any:
    """A money fact JSON-ready: every amount as an exact decimal string with two decimals."""
    from forenad.economics.money import json_amount

    if isinstance(value, Decimal):
        return json_amount(value)
    if isinstance(value, dict):
        return {str(k): money_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [money_json(v) for v in value]
    return jsonable(value)


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
