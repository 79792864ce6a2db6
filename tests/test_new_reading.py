"""``forenad new`` reads numbers and dates as people write them (:mod:`forenad.guided.reading`).

Examples for each documented form and each documented refusal, then properties: any number Babel writes in
Swedish or English (``format_decimal``, ``format_currency``) and any date it writes (``format_date``) is
read back as the same value; anything else is either read or refused with a message, never a crash.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forenad.guided.parsing import Invalid
from forenad.guided.reading import Unit, date, number, shown
from forenad.i18n import Lang

PROPERTY = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("26 500", "sv", "26500"),
        ("26 500 kr", "sv", "26500"),
        ("26\u00a0500 kr", "sv", "26500"),  # the non-breaking space Babel writes
        ("26\u202f500", "sv", "26500"),  # the narrow no-break space
        ("26500,50", "sv", "26500.50"),
        ("26 500,50 kr", "sv", "26500.50"),
        ("26.500", "sv", "26500"),  # kronor have two decimals: a dot before three digits sets thousands
        ("26,500", "sv", "26500"),
        ("26.5", "sv", "26.5"),
        ("26,50", "sv", "26.50"),
        ("26500.50", "sv", "26500.50"),
        ("1.234.567,89", "sv", "1234567.89"),
        ("26,500.50", "en", "26500.50"),
        ("26 500:-", "sv", "26500"),
        ("SEK 26,500.00", "en", "26500.00"),
        ("26 500 kr/mån", "sv", "26500"),
        ("−5", "sv", "-5"),  # the minus sign; the model refuses it with its own message
    ],
)
def test_amounts(text: str, lang: Lang, value: str) -> None:
    assert number(text, Unit.kronor, lang) == Decimal(value)


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("37,5", "sv", "37.5"),
        ("37.5", "sv", "37.5"),
        ("33,333", "sv", "33.333"),  # not kronor: the comma is the decimal comma
        ("33.333", "en", "33.333"),
        ("50 %", "sv", "50"),
        ("50 procent", "sv", "50"),
    ],
)
def test_percentages(text: str, lang: Lang, value: str) -> None:
    assert number(text, Unit.percent, lang) == Decimal(value)


@pytest.mark.parametrize(("text", "lang", "value"), [("1,732", "sv", "1.732"), ("1,732", "en", "1732")])
def test_a_comma_before_three_digits_follows_the_language(text: str, lang: Lang, value: str) -> None:
    """In English a comma before three digits sets thousands apart; in Swedish it is the decimal comma."""
    assert number(text, Unit.hours, lang) == Decimal(value)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("2 6500", "grupper om tre"),  # an irregular group is refused, never guessed
        ("1,2.3", "grupper om tre"),
        ("26 500,", "ett tal väntas"),
        ("1e5", "ett tal väntas"),
        ("26_500", "ett tal väntas"),
        ("٣", "ett tal väntas"),  # only the digits 0–9
        ("kr", "ett tal väntas"),
        ("tjugo", "ett tal väntas"),
        ("50 %", "ett tal väntas"),  # not a unit of an amount
        ("1,234,5", "grupper om tre"),
    ],
)
def test_numbers_that_are_refused(text: str, why: str) -> None:
    with pytest.raises(Invalid) as caught:
        number(text, Unit.kronor, "sv")
    assert why in caught.value.text.sv


@pytest.mark.parametrize(
    "text",
    [
        "2027-03-01",
        "2027-3-1",
        "1 mars 2027",
        "den 1 mars 2027",
        "1 mar. 2027",
        "1:a mars 2027",
        "måndag 1 mars 2027",
        "Måndag den 1 Mars 2027",
        "1/3 2027",
        "1 March 2027",
        "March 1, 2027",
        "Monday, March 1, 2027",
        "1st Mar 2027",
    ],
)
def test_dates(text: str) -> None:
    assert date(text) == dt.date(2027, 3, 1)


def test_month_names_come_from_babel_in_both_languages() -> None:
    assert [date(f"1 {m} 2027").month for m in ("maj", "May", "okt", "oct", "sept", "Sept.", "juli")] == [
        5,
        5,
        10,
        10,
        9,
        9,
        7,
    ]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("1/3/2027", "dag och månad kan förväxlas"),
        ("03/01/2027", "dag och månad kan förväxlas"),
        ("31 februari 2027", "det datumet finns inte"),
        ("2027-02-30", "det datumet finns inte"),
        ("tisdag 1 mars 2027", "annan veckodag"),
        ("1 ma 2027", "ett datum väntas"),  # too short to say which month
        ("1 mars", "ett datum väntas"),  # the year is needed
        ("1 mars 27", "ett datum väntas"),
        ("nästa måndag", "ett datum väntas"),
    ],
)
def test_dates_that_are_refused(text: str, why: str) -> None:
    with pytest.raises(Invalid) as caught:
        date(text)
    assert why in caught.value.text.sv


# -- properties -----------------------------------------------------------------------------------------

KRONOR = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(100_000_000), places=2)
PERCENT = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(100), places=3)
HOURS = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(8784), places=2)
LOCALES: dict[Lang, list[str]] = {"sv": ["sv_SE", "sv_FI"], "en": ["en_GB", "en_US"]}


@PROPERTY
@given(value=KRONOR, lang=st.sampled_from(["sv", "en"]), data=st.data())
def test_any_amount_babel_writes_is_read_back(value: Decimal, lang: Lang, data: st.DataObject) -> None:
    locale = data.draw(st.sampled_from(LOCALES[lang]))
    written = data.draw(
        st.sampled_from(
            [
                format_decimal(value, locale=locale),
                format_decimal(value, locale=locale, group_separator=False),
                format_currency(value, "SEK", locale=locale),
                str(value),  # as an answers file has it
                shown(value, lang),  # as a suggestion is shown
            ]
        )
    )
    assert number(written, Unit.kronor, lang) == value, written


@PROPERTY
@given(value=st.one_of(PERCENT, HOURS), lang=st.sampled_from(["sv", "en"]), data=st.data())
def test_any_percentage_or_hours_babel_writes_is_read_back(
    value: Decimal, lang: Lang, data: st.DataObject
) -> None:
    locale = data.draw(st.sampled_from(LOCALES[lang]))
    written = data.draw(
        st.sampled_from([format_decimal(value, locale=locale), str(value), shown(value, lang)])
    )
    assert number(written, Unit.hours, lang) == value, written


@PROPERTY
@given(day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)), data=st.data())
def test_any_date_babel_writes_is_read_back(day: dt.date, data: st.DataObject) -> None:
    locale = data.draw(st.sampled_from(["sv_SE", "en_GB", "en_US"]))
    form = data.draw(st.sampled_from(["medium", "long", "full"]))
    written = data.draw(
        st.sampled_from(
            [format_date(day, form, locale=locale), day.isoformat(), f"{day.day}/{day.month} {day.year}"]
        )
    )
    assert date(written) == day, written


GARBAGE = st.one_of(
    st.text(max_size=30),
    st.text(alphabet="0123456789 .,-−+%:/krSEKmarsjanuaridecMay\u00a0\u202f", max_size=20),
)


@PROPERTY
@given(text=GARBAGE, unit=st.sampled_from(list(Unit)), lang=st.sampled_from(["sv", "en"]))
def test_any_text_is_read_as_a_number_or_refused_with_a_message(text: str, unit: Unit, lang: Lang) -> None:
    try:
        value = number(text, unit, lang)
    except Invalid as exc:
        assert exc.text.sv and exc.text.en
        return
    assert value.is_finite()


@PROPERTY
@given(text=GARBAGE)
def test_any_text_is_read_as_a_date_or_refused_with_a_message(text: str) -> None:
    try:
        date(text)
    except Invalid as exc:
        assert exc.text.sv and exc.text.en
