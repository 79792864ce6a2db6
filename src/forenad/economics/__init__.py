"""Economics: pension contributions, employer fees and costs, computed from the dated parameters."""

from forenad.economics.pension import PensionRates, contribution, rates_for

__all__ = ["PensionRates", "contribution", "rates_for"]
