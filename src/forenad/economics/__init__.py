"""Economics: employer's fees, pension contributions, overheads and costs, computed from the dated
parameters.

    from forenad.economics import compute
    econ = compute(agreement, datetime.date(2026, 6, 1))
    econ.employer("uu").net_cost_year, econ.person.split_loss_month

See :mod:`forenad.economics.calculate` for the cost model and :mod:`forenad.economics.result` for the
result types.
"""

from forenad.economics.calculate import compute
from forenad.economics.fees import FeeRule
from forenad.economics.pension import PensionRates, contribution, rates_for
from forenad.economics.result import (
    CostBasis,
    Economics,
    EmployerEconomics,
    Invoice,
    Note,
    PartEconomics,
    PersonEconomics,
    SchemePension,
    Totals,
)

__all__ = [
    "CostBasis",
    "Economics",
    "EmployerEconomics",
    "FeeRule",
    "Invoice",
    "Note",
    "PartEconomics",
    "PensionRates",
    "PersonEconomics",
    "SchemePension",
    "Totals",
    "compute",
    "contribution",
    "rates_for",
]
