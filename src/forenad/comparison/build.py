"""``compare``: agreements side by side, each checked on the same date."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from forenad.comparison import labels
from forenad.comparison.overlay import Overlay
from forenad.comparison.recast import recast
from forenad.comparison.result import Column, Comparison, NotApplicable
from forenad.comparison.rows import build_rows
from forenad.i18n import Lang, Text, t
from forenad.io import LoadResult, read_agreement
from forenad.model import Agreement

if TYPE_CHECKING:
    from forenad.engine.rules import RuleSet
    from forenad.params import ParameterSet

Item = Agreement | LoadResult | str | os.PathLike[str]

_PARAMETER_NOT_IN_FORCE = t("Värde saknas för datumet", "Value not in force on the date")


def compare(
    items: Iterable[Item],
    on: dt.date | None = None,
    lang: Lang = "sv",
    *,
    all_models: bool = False,
    rules: RuleSet | None = None,
    params: ParameterSet | None = None,
) -> Comparison:
    """Compare agreements (objects, or files to read) on one date (today when not given).

    With ``all_models`` each agreement is followed by its alternatives under every other employment model
    that can apply (see :func:`forenad.comparison.recast`); the models that cannot are listed with reasons.
    A file that cannot be read or validated is listed in ``input_errors``; the others are still compared.
    ``lang`` is the default language of the comparison's output (every text is kept in both).
    """
    from forenad.engine import default_rules

    on = on or dt.date.today()
    rules = rules or default_rules()
    sources: list[tuple[str, Agreement]] = []
    failed: list[LoadResult] = []
    for item in items:
        source, agreement, result = _read(item)
        if agreement is None:
            assert result is not None
            failed.append(result)
        else:
            sources.append((source, agreement))
    several = len(sources) > 1
    planned: list[tuple[str, Text, Agreement, bool, Overlay | None]] = []
    refused: list[NotApplicable] = []
    for source, agreement in sources:
        if not all_models:
            name = Path(source).name if source.endswith(_SUFFIXES) else source
            planned.append((source, t(name, name), agreement, True, None))
            continue
        recast_to = recast(agreement, on, params)
        prefix = f"{Path(source).name}: " if several else ""
        own = labels.model(agreement.model)
        planned.append(
            (
                source,
                t(f"{prefix}{own.sv} ({labels.BASELINE.sv})", f"{prefix}{own.en} ({labels.BASELINE.en})"),
                agreement,
                True,
                None,
            )
        )
        for alt in recast_to.alternatives:
            label = labels.model(alt.model)
            planned.append(
                (source, t(prefix + label.sv, prefix + label.en), alt.agreement, False, alt.overlay)
            )
        refused += [dataclasses.replace(n, source=source) for n in recast_to.not_applicable]
    columns: list[Column] = []
    facts: list[dict[str, Any]] = []
    keys: set[str] = set()
    for source, label, agreement, baseline, overlay in planned:
        from forenad.checking import evaluate

        findings, found = evaluate(agreement, on, rules, params, facts=True)
        key = _unique(source if overlay is None else f"{source}#{overlay.model.value}", keys)
        titles = {f.rule: _title(rules, f.rule) for f in findings}
        columns.append(Column(key, label, source, agreement, tuple(findings), baseline, overlay, titles))
        facts.append(found)
    return Comparison(
        on=on,
        lang=lang,
        columns=tuple(columns),
        rows=build_rows(columns, facts),
        not_applicable=tuple(refused),
        input_errors=tuple(failed),
    )


_SUFFIXES = (".yaml", ".yml", ".json")


def _read(item: Item) -> tuple[str, Agreement | None, LoadResult | None]:
    if isinstance(item, Agreement):
        return item.id, item, None
    if isinstance(item, LoadResult):
        return item.file, item.agreement if item.valid else None, item
    result = read_agreement(Path(item))
    return result.file, result.agreement if result.valid else None, result


def _unique(key: str, seen: set[str]) -> str:
    candidate, n = key, 2
    while candidate in seen:
        candidate, n = f"{key}~{n}", n + 1
    seen.add(candidate)
    return candidate


def _title(rules: RuleSet, rule_id: str) -> Text:
    from forenad.engine.evaluate import PARAMETER_NOT_IN_FORCE

    if rule_id == PARAMETER_NOT_IN_FORCE:
        return _PARAMETER_NOT_IN_FORCE
    try:
        return rules.get(rule_id).title
    except KeyError:
        return t(rule_id, rule_id)
