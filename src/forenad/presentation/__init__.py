"""Presentation shared by the checks' messages, the documents, the comparison and the command line: numbers,
kronor, percentages and dates in Swedish or English (Babel's CLDR data), and the words for the model's
values (:mod:`forenad.presentation.labels`)."""

from forenad.presentation.formatting import count, format_number, format_value, seconds
from forenad.presentation.labels import label

__all__ = ["count", "format_number", "format_value", "label", "seconds"]
