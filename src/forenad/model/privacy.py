"""Validation errors that name no personnummer: every error's input is masked (:mod:`forenad.model.identity`).

pydantic's :class:`~pydantic.ValidationError` prints each error's input (``input_value='19121212-1212'``), in
``str(exc)``, ``exc.errors()`` and ``exc.json()``. The personnummer field masks its own input; a number
written into another field (``birth_year``, a date, a misspelt key) would still be echoed, so the person
and the agreement pass their errors through :func:`masked_error`, which rebuilds them with every
personnummer-like number in their inputs masked, keeping type, location, message and context.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError, PydanticKnownError

from forenad.model.identity import mask_numbers


def masked_error(exc: ValidationError) -> ValidationError:
    """``exc`` with every personnummer-like number in its inputs masked (``exc`` itself when none is)."""
    errors = exc.errors(include_url=False)
    masked = [mask_numbers(error.get("input")) for error in errors]
    if all(after == error.get("input") for after, error in zip(masked, errors, strict=True)):
        return exc
    details = [_detail(error, value) for error, value in zip(errors, masked, strict=True)]
    return ValidationError.from_exception_data(exc.title, details)


def _detail(error: Any, value: object) -> InitErrorDetails:
    ctx = error.get("ctx")
    try:
        PydanticKnownError(error["type"], ctx)  # one of pydantic's own types, with its context
    except (KeyError, TypeError, ValueError):
        custom = PydanticCustomError(error["type"], error["msg"], ctx)  # forenad's: the message as rendered
        return InitErrorDetails(type=custom, loc=error["loc"], input=value)
    if ctx:
        return InitErrorDetails(type=error["type"], loc=error["loc"], input=value, ctx=ctx)
    return InitErrorDetails(type=error["type"], loc=error["loc"], input=value)
