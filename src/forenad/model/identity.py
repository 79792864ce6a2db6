"""Swedish personal identity numbers: personnummer and samordningsnummer, read, checked and masked.

A personnummer is the birth date, a serial number and a check digit: ``ÅÅÅÅMMDD-NNNN`` (or ``ÅÅMMDD-NNNN``,
where ``+`` instead of ``-`` says the person is 100 or older). A samordningsnummer (coordination number,
for a person who is or has been neither registered nor resident in Sweden) is written the same way with
60 added to the day: ``19121272-NNNN`` for someone born on 12 December 1912. Both carry the same Luhn
check digit over the last ten digits. python-stdnum's ``se.personnummer`` rejects samordningsnummer (the
day is not a date), so forenad reads both itself; the check digit is stdnum's Luhn.

Masking: a number is shown with its last four digits hidden (``19121212-****``), wherever it appears in an
error's input (:func:`mask_numbers`), so a :class:`pydantic.ValidationError` never echoes it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_FORM = re.compile(r"^(?P<century>\d{2})?(?P<date>\d{6})(?P<sep>[-+]?)(?P<serial>\d{4})$")
_CANDIDATE = re.compile(r"(?<!\d)(\d{2})?(\d{2})(\d{2})(\d{2})([-+ ]?)(\d{4})(?!\d)")
COORDINATION_OFFSET = 60


class IdentityProblem(Exception):
    """Why a text is no personnummer: ``kind`` is ``format``, ``date`` or ``checksum``; ``count`` the number
    of digits; ``date`` the date it names (``ÅÅÅÅ-MM-DD``, day less 60 for a samordningsnummer)."""

    def __init__(self, kind: str, count: int = 0, date: str = "", coordination: bool = False) -> None:
        super().__init__(kind)
        self.kind = kind
        self.count = count
        self.date = date
        self.coordination = coordination


@dataclass(frozen=True, slots=True)
class IdentityNumber:
    """A valid number: ``text`` normalised to ``ÅÅÅÅMMDD-NNNN`` (the day as written, +60 for a
    samordningsnummer), its birth date and whether it is a samordningsnummer."""

    text: str
    birth_date: dt.date
    coordination: bool


def parse_identity(raw: str, today: dt.date | None = None) -> IdentityNumber:
    """Read a personnummer or samordningsnummer; raises :class:`IdentityProblem`."""
    from stdnum import luhn
    from stdnum.exceptions import ValidationError

    compact = raw.strip().replace(" ", "").replace(":", "")
    match = _FORM.match(compact)
    if match is None:
        raise IdentityProblem("format", count=sum(ch.isdigit() for ch in raw))
    date_digits, serial = match["date"], match["serial"]
    yy, month, day = int(date_digits[:2]), int(date_digits[2:4]), int(date_digits[4:6])
    if match["century"] is not None:
        year = int(match["century"] + date_digits[:2])
    else:
        now = (today or dt.date.today()).year
        century = now // 100 - (1 if yy > now % 100 else 0) - (1 if match["sep"] == "+" else 0)
        year = century * 100 + yy
    coordination = day > COORDINATION_OFFSET
    real_day = day - COORDINATION_OFFSET if coordination else day
    try:
        born = dt.date(year, month, real_day)
    except ValueError:
        raise IdentityProblem(
            "date", date=f"{year:04d}-{month:02d}-{real_day:02d}", coordination=coordination
        ) from None
    try:
        luhn.validate(date_digits + serial)
    except ValidationError:
        raise IdentityProblem("checksum", coordination=coordination) from None
    return IdentityNumber(f"{year:04d}{date_digits[2:]}-{serial}", born, coordination)


def _masked_digits(text: str) -> str:
    """``text`` with its last four digits as ``*``."""
    positions = [i for i, ch in enumerate(text) if ch.isdigit()][-4:]
    chars = list(text)
    for i in positions:
        chars[i] = "*"
    return "".join(chars)


def _is_date(month: str, day: str) -> bool:
    m, d = int(month), int(day)
    d = d - COORDINATION_OFFSET if d > COORDINATION_OFFSET else d
    return 1 <= m <= 12 and 1 <= d <= 31


def mask_numbers(value: object, *, any_date: bool = False) -> object:
    """``value`` (an error's input: text, a number, a list, a mapping) with every personnummer-like number
    in it masked: ten or twelve digits whose month and day are a date (+60 on the day allowed), or, with
    ``any_date`` (the input of a personnummer field, which may name no date and have any length), any ten or
    twelve digits and else the last four digits of the text. An organisationsnummer (its "month" is 20 or
    more) is otherwise left as it is."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        text = str(value)
        masked = mask_numbers(text, any_date=any_date)
        return masked if masked != text else value
    if isinstance(value, str):

        def replace(match: re.Match[str]) -> str:
            whole = match.group(0)
            if any_date or _is_date(match.group(3), match.group(4)):
                return _masked_digits(whole)
            return whole

        masked, found = _CANDIDATE.subn(replace, value)
        return _masked_digits(masked) if any_date and not found else masked
    if isinstance(value, dict):
        return {
            mask_numbers(k, any_date=any_date): mask_numbers(v, any_date=any_date) for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return type(value)(mask_numbers(v, any_date=any_date) for v in value)
    return value
