"""The rule engine: facts, conditions, rules and their evaluation."""

from forenad.engine.evaluate import evaluate
from forenad.engine.facts import REGISTRY, FactContext, fact
from forenad.engine.rules import Rule, RuleSet, default_rules, load_rules, with_local_rules

__all__ = [
    "REGISTRY",
    "FactContext",
    "Rule",
    "RuleSet",
    "default_rules",
    "evaluate",
    "fact",
    "load_rules",
    "with_local_rules",
]
