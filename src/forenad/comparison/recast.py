"""Recasting a case under every employment model that can apply to it.

    from forenad.comparison import recast
    result = recast(agreement)              # the baseline's own model is the baseline, not an alternative
    for alt in result.alternatives:
        alt.model, alt.overlay.changes, alt.agreement      # each a validated Agreement
    result.not_applicable                   # models that cannot apply, with bilingual reasons

Which models can apply is decided in :mod:`forenad.comparison.case`; what each model changes in
:mod:`forenad.comparison.models`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import ValidationError

from forenad.comparison.case import make_case, reasons_against
from forenad.comparison.models import build
from forenad.comparison.overlay import Overlay
from forenad.comparison.result import NotApplicable
from forenad.i18n import t
from forenad.model import Agreement, EmploymentModel

if TYPE_CHECKING:
    from forenad.params import ParameterSet


@dataclass(frozen=True)
class Alternative:
    """The baseline under another employment model: the overlay and the validated agreement it gives."""

    overlay: Overlay
    agreement: Agreement

    @property
    def model(self) -> EmploymentModel:
        return self.overlay.model


@dataclass(frozen=True)
class Recast:
    baseline: Agreement
    alternatives: tuple[Alternative, ...]
    not_applicable: tuple[NotApplicable, ...]

    @property
    def applicable(self) -> frozenset[EmploymentModel]:
        """The baseline's model and every model with an alternative."""
        return frozenset({self.baseline.model, *(a.model for a in self.alternatives)})


def recast(
    agreement: Agreement,
    on: dt.date | None = None,
    params: ParameterSet | None = None,
    models: Iterable[EmploymentModel] | None = None,
) -> Recast:
    """The case recast under each model in ``models`` (default: all seven) other than its own."""
    on = on or dt.date.today()
    case = make_case(agreement, on, params)
    alternatives: list[Alternative] = []
    refused: list[NotApplicable] = []
    for model in models or list(EmploymentModel):
        if model == agreement.model:
            continue
        reasons = reasons_against(model, case)
        if reasons:
            refused.append(NotApplicable(agreement.id, model, tuple(reasons)))
            continue
        editor, explanation = build(model, case)
        try:
            recast_agreement = editor.build()
        except ValidationError as exc:  # a bug in an overlay: say so rather than show a broken agreement
            problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            refused.append(
                NotApplicable(
                    agreement.id,
                    model,
                    (
                        t(
                            f"Omräkningen blev inte ett giltigt avtal: {problems}",
                            f"The recast is not a valid agreement: {problems}",
                        ),
                    ),
                )
            )
            continue
        alternatives.append(Alternative(editor.overlay(model, explanation), recast_agreement))
    return Recast(agreement, tuple(alternatives), tuple(refused))
