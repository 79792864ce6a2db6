"""Hardening, round two (issue 21), item 7: identity numbers.

- A samordningsnummer (coordination number: the day of birth plus 60, e.g. ``19121272-1219``) is accepted
  like a personnummer, its birth year is derived, and it is masked like one (``19121272-****``).
  (python-stdnum's ``se.personnummer`` rejects it: forenad reads both itself, with stdnum's Luhn.)
- An impossible date gets its own message (``personnumrets datum 1971-13-32 finns inte``), not "has 12 digits
  (got 12)".
- A :class:`pydantic.ValidationError` from library use never echoes the number: ``str(exc)``,
  ``exc.errors()`` and ``exc.json()`` show it masked, in the personnummer field and in any other field it was
  written into by mistake.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError
from stdnum import luhn
from typer.testing import CliRunner

from forenad import yamlio
from forenad.cli.app import app
from forenad.io import parse_agreement
from forenad.model import Agreement, Person, Personnummer
from forenad.model.identity import mask_numbers

ROOT = Path(__file__).resolve().parents[1]
UPPSALA = ROOT / "examples" / "uppsala-professor-overlakare.yaml"
DATA = yamlio.load(UPPSALA).data
runner = CliRunner()
SAMORDNING = "19121272-1219"  # born 12 December 1912; 72 = 12 + 60


def number(born: dt.date, serial: int, coordination: bool = False) -> str:
    day = born.day + (60 if coordination else 0)
    body = f"{born:%y%m}{day:02d}{serial:03d}"
    return f"{born.year}{body[2:6]}-{serial:03d}{luhn.calc_check_digit(body)}"


def with_number(value: object, where: tuple[str, ...] = ("person", "personnummer")) -> dict[str, Any]:
    data = copy.deepcopy(DATA)
    data["person"].pop("birth_year", None)
    node = data
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    return data


def secret_forms(text: str) -> list[str]:
    """The ways a number could leak: with and without its separator, the last four digits after the date."""
    digits = "".join(ch for ch in text if ch.isdigit())
    return [text, digits, digits[-10:], f"{digits[-10:-4]}-{digits[-4:]}"]


def assert_masked(exc: ValidationError, secret: str) -> None:
    shown = [str(exc), repr(exc.errors()), exc.json(), repr(exc.errors(include_url=False))]
    for text in shown:
        for form in secret_forms(secret):
            assert form not in text, (form, text[:1500])


# --- samordningsnummer --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written", [SAMORDNING, "191212721219", "121272-1219", "1212721219", " 19121272-1219 "]
)
def test_a_samordningsnummer_is_accepted_and_masked(written: str) -> None:
    agreement = Agreement.model_validate(with_number(written))
    value = agreement.person.personnummer
    assert value is not None and str(value).endswith("1272-1219") and value.samordningsnummer
    assert value.birth_date.day == 12 and value.masked().endswith("1272-****")
    assert agreement.person.effective_birth_year == value.birth_date.year


def test_a_samordningsnummer_is_masked_in_every_output(tmp_path: Path) -> None:
    source = tmp_path / "avtal.yaml"
    text = UPPSALA.read_text(encoding="utf-8").replace(
        "  birth_year: 1971", f"  personnummer: {SAMORDNING}", 1
    )
    source.write_text(text, encoding="utf-8")
    for args in (["check", source, "--on", "2026-06-01"], ["check", source, "--format", "json"]):
        result = runner.invoke(app, [str(a) for a in args])
        assert result.exit_code in (0, 1), result.output
        assert SAMORDNING not in result.output and "1219" not in result.output.replace("2019", "")
    out = tmp_path / "ut"
    result = runner.invoke(app, ["draft", str(source), "-o", str(out), "--on", "2026-06-01"])
    assert result.exit_code == 0, result.output
    import docx

    texts = []
    for path in out.glob("*.docx"):
        document = docx.Document(str(path))
        texts += [p.text for p in document.paragraphs]
        texts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    joined = "\n".join(texts)
    assert "19121272-****" in joined and SAMORDNING not in joined
    for path in out.iterdir():
        assert SAMORDNING not in path.read_bytes().decode("utf-8", errors="replace")


def test_a_samordningsnummer_birth_year_is_checked_against_birth_year() -> None:
    data = with_number(SAMORDNING)
    data["person"]["birth_year"] = 1913
    result = parse_agreement(json.dumps(data, default=str))
    assert [e.path for e in result.errors] == ["person.birth_year"]


# --- impossible dates ---------------------------------------------------------------------------------------

IMPOSSIBLE = {
    "month 13": ("19711332-1234", "personnumrets datum 1971-13-32 finns inte"),
    "30 February": ("20010230-1234", "personnumrets datum 2001-02-30 finns inte"),
    "day 00": ("19710100-1234", "personnumrets datum 1971-01-00 finns inte"),
    "month 00": ("19710012-1234", "personnumrets datum 1971-00-12 finns inte"),
    "samordning day 92": ("19121292-1212", "samordningsnumrets datum 1912-12-32 (dagen minus 60) finns inte"),
    "29 February 1900": ("19000229-1234", "personnumrets datum 1900-02-29 finns inte"),
}


@pytest.mark.parametrize("case", sorted(IMPOSSIBLE))
def test_an_impossible_date_gets_its_own_message(case: str) -> None:
    written, message = IMPOSSIBLE[case]
    result = parse_agreement(json.dumps(with_number(written), default=str))
    assert len(result.errors) == 1
    error = result.errors[0]
    assert error.path == "person.personnummer"
    assert error.message("sv") == message
    assert "12 siffror" not in error.message("sv") and "does not exist" in error.message("en")


def test_the_wrong_number_of_digits_still_says_so() -> None:
    result = parse_agreement(json.dumps(with_number("1971-123"), default=str))
    assert "fick 7" in result.errors[0].message("sv")


# --- no number in a ValidationError -------------------------------------------------------------------------

VALID = "19121212-1212"
LEAKS = {
    "wrong check digit": (("person", "personnummer"), "19121212-1213"),
    "impossible date": (("person", "personnummer"), "19121312-1212"),
    "as a number": (("person", "personnummer"), 191212121213),
    "in a list": (("person", "personnummer"), ["19121212-1212"]),
    "in birth_year": (("person", "birth_year"), VALID),
    "in a date": (("start_date",), VALID),
    "misspelt key": (("person", "personnumer"), VALID),
    "in a part's title": (("parts", 0, "extent_percent"), VALID),
}


@pytest.mark.parametrize("case", sorted(LEAKS))
def test_a_validation_error_never_echoes_the_number(case: str) -> None:
    where, value = LEAKS[case]
    data = copy.deepcopy(DATA)
    node: Any = data
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    with pytest.raises(ValidationError) as caught:
        Agreement.model_validate(data)
    secret = "".join(ch for ch in str(value) if ch.isdigit())
    assert_masked(caught.value, f"{secret[:8]}-{secret[8:]}")
    with pytest.raises(ValidationError) as caught:  # the type on its own, as the guided interview uses it
        TypeAdapter(Personnummer).validate_python(value if where[-1] == "personnummer" else "19121212-1213")


def test_person_on_its_own_masks_too() -> None:
    with pytest.raises(ValidationError) as caught:
        Person.model_validate({"name": "x", "personnummer": "19121212-1213", "birth_year": "19121212-1212"})
    assert_masked(caught.value, "19121212-1213")
    assert_masked(caught.value, "19121212-1212")


def test_an_organisationsnummer_in_an_error_is_not_masked() -> None:
    assert mask_numbers("202100-2932") == "202100-2932"  # its "month" is 21: no personnummer
    assert mask_numbers("19121212-1212") == "19121212-****"
    assert mask_numbers({"a": [191212121212]}) == {"a": ["19121212****"]}


_BORN = st.dates(min_value=dt.date(1890, 1, 1), max_value=dt.date(2025, 12, 31))


@settings(max_examples=300, deadline=None)
@given(born=_BORN, serial=st.integers(0, 999), coordination=st.booleans(), dash=st.booleans())
def test_every_valid_number_is_accepted_and_masked(
    born: dt.date, serial: int, coordination: bool, dash: bool
) -> None:
    """The property: any real date and serial with its check digit is a valid personnummer (or, day + 60, a
    samordningsnummer), with or without its dash, and reads back to its birth date."""
    written = number(born, serial, coordination)
    value = TypeAdapter(Personnummer).validate_python(written if dash else written.replace("-", ""))
    assert value == written and value.birth_date == born and value.samordningsnummer == coordination
    assert value.masked() == written[:9] + "****" and repr(value) == f"Personnummer('{written[:9]}****')"


@settings(max_examples=300, deadline=None)
@given(digits=st.text("0123456789", min_size=10, max_size=12), dash=st.booleans())
def test_no_invalid_number_is_ever_echoed(digits: str, dash: bool) -> None:
    """The property: any ten to twelve digits that are no valid number give an error that does not show
    them, whatever the reason (format, date or check digit)."""
    written = f"{digits[:-4]}-{digits[-4:]}" if dash else digits
    try:
        TypeAdapter(Personnummer).validate_python(written)
    except ValidationError as exc:
        for form in (written, digits, digits[-4:] + "'"):
            assert form not in str(exc) and form not in exc.json(), (form, str(exc))
        data = with_number(written)
        try:
            Agreement.model_validate(data)
        except ValidationError as whole:
            assert written not in str(whole) and digits not in whole.json()
