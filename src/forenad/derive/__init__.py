"""Named facts derived from an agreement and the dated parameters (registered on import)."""

from forenad.derive import basics, economics, pension, terms, working_time  # noqa: F401
