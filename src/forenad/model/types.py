"""Constrained value types: identity numbers with checksums, money and percentages."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import Field, GetCoreSchemaHandler, GetJsonSchemaHandler, PlainSerializer
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.se import orgnr as _orgnr
from stdnum.se import personnummer as _personnummer


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


_as_json_number = PlainSerializer(_number, return_type=int | float, when_used="json")

Percent = Annotated[Decimal, Field(gt=0, le=100, decimal_places=3), _as_json_number]
"""A share of full time in percent, above 0 and at most 100."""

Surcharge = Annotated[Decimal, Field(ge=0, le=300, decimal_places=3), _as_json_number]
"""A percentage surcharge on salary (PO-pålägg, lönekostnadspålägg, overhead)."""

Kronor = Annotated[Decimal, Field(gt=0, le=100_000_000, decimal_places=2), _as_json_number]
"""An amount in Swedish kronor, above zero."""

Hours = Annotated[Decimal, Field(gt=0, le=8784, decimal_places=2), _as_json_number]


class Personnummer(str):
    """A Swedish personal identity number, checksum-validated and normalised to ``ÅÅÅÅMMDD-NNNN``.

    ``repr()`` and :meth:`masked` hide the last four digits, so a personnummer does not leak into logs
    or tracebacks by accident; ``str()`` is the full number (for the agreement file itself).
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Personnummer({self.masked()!r})"

    def masked(self) -> str:
        return f"{self[:9]}****"

    @property
    def birth_date(self) -> Any:
        return _personnummer.get_birth_date(str(self))

    @classmethod
    def parse(cls, value: object) -> Personnummer:
        if not isinstance(value, str | int):
            raise PydanticCustomError("personnummer_type", "a personnummer must be written as text")
        raw = str(value).strip()
        digits = "".join(ch for ch in raw if ch.isdigit())
        if len(digits) not in (10, 12):
            raise PydanticCustomError(
                "personnummer_format",
                "a personnummer has 12 digits: YYYYMMDD-NNNN (got {count})",
                {"count": len(digits)},
            )
        try:
            _personnummer.validate(raw)
        except StdnumValidationError as exc:
            if "checksum" in str(exc).lower():
                raise PydanticCustomError(
                    "personnummer_checksum", "the personnummer's check digit is wrong"
                ) from None
            raise PydanticCustomError(
                "personnummer_format",
                "a personnummer has 12 digits: YYYYMMDD-NNNN (got {count})",
                {"count": len(digits)},
            ) from None
        if len(digits) == 10:
            # ÅÅMMDD-NNNN: the century follows from the separator ('+' for 100 years or older).
            century = str(_personnummer.get_birth_date(raw).year)[:2]
            digits = century + digits
        return cls(f"{digits[:8]}-{digits[8:]}")

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
            "pattern": r"^(\d{2})?\d{6}[-+]?\d{4}$",
            "description": "Personnummer, helst 12 siffror: ÅÅÅÅMMDD-NNNN (kontrollsiffran prövas).",
            "examples": ["19121212-1212"],
        }


class Organisationsnummer(str):
    """A Swedish organisation number, checksum-validated and normalised to ``NNNNNN-NNNN``."""

    __slots__ = ()

    @classmethod
    def parse(cls, value: object) -> Organisationsnummer:
        if not isinstance(value, str | int):
            raise PydanticCustomError("orgnr_type", "an organisationsnummer must be written as text")
        raw = str(value).strip()
        try:
            _orgnr.validate(raw)
        except StdnumValidationError as exc:
            if "checksum" in str(exc).lower():
                raise PydanticCustomError(
                    "orgnr_checksum", "the organisationsnummer's check digit is wrong"
                ) from None
            raise PydanticCustomError(
                "orgnr_format", "an organisationsnummer has 10 digits: NNNNNN-NNNN"
            ) from None
        return cls(_orgnr.format(raw))

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
