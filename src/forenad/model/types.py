"""Constrained value types: identity numbers with checksums, money and percentages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, cast

from pydantic import Field, GetCoreSchemaHandler, GetJsonSchemaHandler, PlainSerializer
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from forenad.model.identity import IdentityProblem, mask_numbers, parse_identity


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


# (``int | float`` is a union type, which PlainSerializer takes at run time but its hint does not name)
_as_json_number = PlainSerializer(_number, return_type=cast(Any, int | float), when_used="json")

Percent = Annotated[Decimal, Field(gt=0, le=100, decimal_places=3), _as_json_number]
"""A share of full time in percent, above 0 and at most 100."""

Surcharge = Annotated[Decimal, Field(ge=0, le=300, decimal_places=3), _as_json_number]
"""A percentage surcharge on salary (PO-pålägg, lönekostnadspålägg, overhead)."""

Kronor = Annotated[Decimal, Field(gt=0, le=100_000_000, decimal_places=2), _as_json_number]
"""An amount in Swedish kronor, above zero."""

Hours = Annotated[Decimal, Field(gt=0, le=8784, decimal_places=2), _as_json_number]


class Personnummer(str):
    """A Swedish personal identity number — a personnummer or a samordningsnummer (the day plus 60) —
    checksum-validated and normalised to ``ÅÅÅÅMMDD-NNNN`` (:mod:`forenad.model.identity`).

    ``repr()`` and :meth:`masked` hide the last four digits, so a personnummer does not leak into logs
    or tracebacks by accident; ``str()`` is the full number (for the agreement file itself). A validation
    error shows its input masked too (``input_value='19121212-****'``).
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Personnummer({self.masked()!r})"

    def masked(self) -> str:
        return f"{self[:9]}****"

    @property
    def birth_date(self) -> dt.date:
        day = int(self[6:8])
        return dt.date(int(self[:4]), int(self[4:6]), day - 60 if day > 60 else day)

    @property
    def samordningsnummer(self) -> bool:
        """A samordningsnummer (coordination number): the day of birth plus 60."""
        return int(self[6:8]) > 60

    @classmethod
    def parse(cls, value: object) -> Personnummer:
        if isinstance(value, _Shielded):
            value = value.value
        if not isinstance(value, str | int) or isinstance(value, bool):
            raise PydanticCustomError("personnummer_type", "a personnummer must be written as text")
        try:
            number = parse_identity(str(value))
        except IdentityProblem as problem:
            raise _problem(problem) from None
        return cls(number.text)

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        # The first step wraps the input in its masked form, so an error of the second names no number.
        return core_schema.chain_schema(
            [
                core_schema.no_info_plain_validator_function(_Shielded.of),
                core_schema.no_info_plain_validator_function(cls.parse),
            ],
            serialization=core_schema.plain_serializer_function_ser_schema(str),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "pattern": r"^(\d{2})?\d{6}[-+]?\d{4}$",
            "description": "Personnummer eller samordningsnummer (dag + 60), helst 12 siffror: ÅÅÅÅMMDD-NNNN "
            "(kontrollsiffran prövas).",
            "examples": ["19121212-1212"],
        }


class _Shielded(str):
    """An input on its way to :meth:`Personnummer.parse`: the text is the input masked (what an error
    shows), ``value`` the input itself."""

    value: object

    @classmethod
    def of(cls, value: object) -> _Shielded:
        shown = mask_numbers(value, any_date=True)
        shielded = cls(shown if isinstance(shown, str) else repr(shown))
        shielded.value = value
        return shielded


def _problem(problem: IdentityProblem) -> PydanticCustomError:
    if problem.kind == "date" and problem.coordination:
        return PydanticCustomError(
            "samordningsnummer_date",
            "the samordningsnummer's date {date} (the day less 60) does not exist",
            {"date": problem.date},
        )
    if problem.kind == "date":
        return PydanticCustomError(
            "personnummer_date", "the personnummer's date {date} does not exist", {"date": problem.date}
        )
    if problem.kind == "checksum":
        return PydanticCustomError("personnummer_checksum", "the personnummer's check digit is wrong")
    return PydanticCustomError(
        "personnummer_format",
        "a personnummer has 12 digits: YYYYMMDD-NNNN (got {count})",
        {"count": problem.count},
    )


class Organisationsnummer(str):
    """A Swedish organisation number, checksum-validated and normalised to ``NNNNNN-NNNN``."""

    __slots__ = ()

    @classmethod
    def parse(cls, value: object) -> Organisationsnummer:
        if not isinstance(value, str | int):
            raise PydanticCustomError("orgnr_type", "an organisationsnummer must be written as text")
        from stdnum.exceptions import ValidationError  # python-stdnum: imported when a number is read
        from stdnum.se import orgnr

        raw = str(value).strip()
        try:
            orgnr.validate(raw)
        except ValidationError as exc:
            if "checksum" in str(exc).lower():
                raise PydanticCustomError(
                    "orgnr_checksum", "the organisationsnummer's check digit is wrong"
                ) from None
            raise PydanticCustomError(
                "orgnr_format", "an organisationsnummer has 10 digits: NNNNNN-NNNN"
            ) from None
        return cls(orgnr.format(raw))

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "pattern": r"^\d{6}-?\d{4}$",
            "description": "Organisationsnummer NNNNNN-NNNN (kontrollsiffran prövas).",
            "examples": ["202100-2932"],
        }
