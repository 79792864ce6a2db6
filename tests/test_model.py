"""The agreement model: what a valid agreement is, and where an invalid one is rejected.

Invalid agreements are built from a shipped example's data with one thing changed, and each test asserts
the dotted location pydantic reports (the path ``forenad check`` shows the user) and the error type.
"""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

import forenad
from forenad import yamlio
from forenad.model import Agreement, Employer, Person

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples"
UPPSALA = "uppsala-professor-overlakare.yaml"
OREBRO = "orebro-lektor-specialistsjukskoterska.yaml"


def example_data(name: str = UPPSALA) -> dict[str, Any]:
    """The plain data of a shipped example, as the loader hands it to the model."""
    data = yamlio.parse((EXAMPLES_DIR / name).read_text(encoding="utf-8")).data
    return copy.deepcopy(data)


def rejected(data: dict[str, Any]) -> dict[str, str]:
    """Validate ``data``, which must fail; returns {dotted location: error type}."""
    with pytest.raises(ValidationError) as caught:
        Agreement.model_validate(data)
    return {".".join(str(p) for p in err["loc"]): err["type"] for err in caught.value.errors()}


def person_errors(**fields: Any) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        Person(**fields)
    return {".".join(str(p) for p in err["loc"]): err["type"] for err in caught.value.errors()}


# --- the shipped examples --------------------------------------------------------------------------


def test_each_example_loads(example_path: Path) -> None:
    agreement = forenad.load(example_path)
    assert isinstance(agreement, Agreement)
    assert agreement.parts
    assert {p.employer for p in agreement.parts} <= {e.id for e in agreement.employers}
    assert agreement.total_extent == Decimal(100)


def test_example_data_validates_directly(example_path: Path) -> None:
    assert Agreement.model_validate(example_data(example_path.name)) == forenad.load(example_path)


# --- identity numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize("written", ["19121212-1212", "191212121212", "19121212 1212", 191212121212])
def test_personnummer_is_normalised_and_gives_the_birth_year(written: str | int) -> None:
    person = Person(name="Karin Ekholm", personnummer=written)
    assert str(person.personnummer) == "19121212-1212"
    assert person.effective_birth_year == 1912
    assert person.personnummer is not None
    assert person.personnummer.birth_date == dt.date(1912, 12, 12)


def test_personnummer_is_masked_in_repr() -> None:
    person = Person(name="Karin Ekholm", personnummer="19121212-1212")
    assert "19121212-****" in repr(person)
    assert "19121212-1212" not in repr(person)
    assert "1212-1212" not in repr(person.personnummer)
    assert person.personnummer is not None
    assert person.personnummer.masked() == "19121212-****"


def test_personnummer_is_masked_in_the_agreements_repr() -> None:
    data = example_data()
    data["person"]["personnummer"] = "19121212-1212"
    data["person"]["birth_year"] = 1912
    agreement = Agreement.model_validate(data)
    assert "19121212-****" in repr(agreement)
    assert "19121212-1212" not in repr(agreement)
    assert "19121212-1212" not in str(agreement)


@pytest.mark.parametrize(
    ("written", "full"), [("121212-1212", "20121212-1212"), ("121212+1212", "19121212-1212")]
)
def test_ten_digit_personnummer_is_normalised_and_fully_masked(written: str, full: str) -> None:
    person = Person(name="Karin Ekholm", personnummer=written)
    assert str(person.personnummer) == full
    assert f"{full[:9]}****" in repr(person)
    assert "1212-12" not in repr(person) and "+12" not in repr(person)


def test_personnummer_with_wrong_check_digit_is_rejected() -> None:
    assert person_errors(name="Karin Ekholm", personnummer="19121212-1213") == {
        "personnummer": "personnummer_checksum"
    }


def test_personnummer_with_wrong_length_is_rejected() -> None:
    assert person_errors(name="Karin Ekholm", personnummer="1912121-1212") == {
        "personnummer": "personnummer_format"
    }


def test_birth_year_that_contradicts_the_personnummer_is_rejected() -> None:
    assert person_errors(name="Karin Ekholm", personnummer="19121212-1212", birth_year=1971) == {
        "birth_year": "birth_year_mismatch"
    }
    assert (
        Person(name="Karin Ekholm", personnummer="19121212-1212", birth_year=1912).effective_birth_year
        == 1912
    )


def test_birth_year_mismatch_is_located_inside_the_agreement() -> None:
    data = example_data()
    data["person"]["personnummer"] = "19121212-1212"  # the example's birth_year is 1971
    assert rejected(data) == {"person.birth_year": "birth_year_mismatch"}


def test_organisationsnummer_is_normalised() -> None:
    employer = Employer(
        id="uu", name="Uppsala universitet", organisationsnummer="2021002932", kind="statligt_larosate"
    )
    assert employer.organisationsnummer == "202100-2932"


def test_organisationsnummer_with_wrong_check_digit_is_rejected() -> None:
    data = example_data()
    data["employers"][1]["organisationsnummer"] = "232100-0025"
    assert rejected(data) == {"employers.1.organisationsnummer": "orgnr_checksum"}


# --- extent and salary -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extent", "kind"), [(0, "greater_than"), (-1, "greater_than"), (100.5, "less_than_equal")]
)
def test_extent_outside_zero_to_hundred_is_rejected(extent: float, kind: str) -> None:
    data = example_data()
    data["parts"][0]["extent_percent"] = extent
    assert rejected(data) == {"parts.0.extent_percent": kind}


def test_extent_of_exactly_hundred_is_accepted() -> None:
    data = example_data()
    data["parts"] = data["parts"][:1]
    data["parts"][0]["extent_percent"] = 100
    data["cost_settlement"]["shares"] = data["cost_settlement"]["shares"][:1]
    agreement = Agreement.model_validate(data)
    assert agreement.parts[0].extent_percent == Decimal(100)


@pytest.mark.parametrize("salary", [0, -1, -46000])
def test_zero_or_negative_salary_is_rejected(salary: int) -> None:
    data = example_data()
    data["parts"][1]["monthly_salary"] = salary
    assert rejected(data) == {"parts.1.monthly_salary": "greater_than"}


# --- dates -----------------------------------------------------------------------------------------


def test_agreement_ending_before_it_starts_is_rejected() -> None:
    data = example_data()
    data["end_date"] = data["start_date"] - dt.timedelta(days=1)
    assert rejected(data) == {"end_date": "end_before_start"}


def test_agreement_ending_on_its_start_date_is_accepted() -> None:
    data = example_data()
    data["end_date"] = data["start_date"]
    assert Agreement.model_validate(data).end_date == data["start_date"]


def test_part_ending_before_it_starts_is_rejected() -> None:
    data = example_data()
    data["parts"][1]["start_date"] = dt.date(2026, 5, 1)
    data["parts"][1]["end_date"] = dt.date(2026, 4, 30)
    assert rejected(data) == {"parts.1.end_date": "end_before_start"}


# --- references between employers, parts and terms ------------------------------------------------


@pytest.mark.parametrize(
    ("edit", "path"),
    [
        (lambda d: d["parts"][1].__setitem__("employer", "region-upsala"), "parts.1.employer"),
        (lambda d: d["rehabilitation"].__setitem__("lead", "ki"), "rehabilitation.lead"),
        (
            lambda d: d["cost_settlement"]["shares"][0].__setitem__("payer", "su"),
            "cost_settlement.shares.0.payer",
        ),
        (lambda d: d.__setitem__("main_employer", "region-uppsala-lan"), "main_employer"),
        (lambda d: d["parts"][1].__setitem__("host", "sll"), "parts.1.host"),
        (
            lambda d: d["cost_settlement"]["invoicing"].__setitem__("buyer", "ki"),
            "cost_settlement.invoicing.buyer",
        ),
        (lambda d: d["signatories"][1].__setitem__("party", "region"), "signatories.1.party"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_reference_to_an_unknown_employer_is_rejected_at_the_referring_field(edit: Any, path: str) -> None:
    data = example_data()
    edit(data)
    assert rejected(data) == {path: "unknown_employer"}


def test_unknown_employer_message_names_the_id_and_the_known_ids() -> None:
    data = example_data()
    data["rehabilitation"]["lead"] = "ki"
    with pytest.raises(ValidationError) as caught:
        Agreement.model_validate(data)
    (error,) = caught.value.errors()
    assert "ki" in error["msg"] and "uu" in error["msg"] and "region-uppsala" in error["msg"]


def test_duplicate_employer_id_is_rejected() -> None:
    data = example_data(OREBRO)
    data["employers"].append({**data["employers"][0], "name": "Örebro universitet, igen"})
    assert rejected(data) == {"employers.2.id": "duplicate_id"}


def test_agreement_without_parts_is_rejected() -> None:
    data = example_data()
    data["parts"] = []
    assert rejected(data) == {"parts": "too_short"}


def test_agreement_without_employers_is_rejected() -> None:
    data = example_data()
    data["employers"] = []
    assert rejected(data) == {"employers": "too_short"}


def test_cost_share_for_a_part_that_does_not_exist_is_rejected() -> None:
    data = example_data()
    data["cost_settlement"]["shares"][1]["part"] = 2  # parts are 0 and 1
    assert rejected(data) == {"cost_settlement.shares.1.part": "unknown_part"}


def test_unknown_field_is_rejected_where_it_is() -> None:
    data = example_data()
    data["parts"][0]["salary"] = 46000
    assert rejected(data) == {"parts.0.salary": "extra_forbidden"}
