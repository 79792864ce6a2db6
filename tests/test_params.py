"""The dated-parameter layer: values in force at dates, the shipped files, strict loading, a property."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forenad.errors import DataFileError, ForenadError
from forenad.params import (
    DatedValue,
    Parameter,
    ParameterNotInForce,
    ParameterSet,
    UnknownParameter,
    _load_file,
    _load_tree,
    default_parameters,
    load_parameters,
)

D = dt.date
PARAMS_DIR = Path(__file__).resolve().parents[1] / "rules" / "parameters"

# The names the rule engine and the economics module read; renaming a file breaks them.
EXPECTED_NAMES = {
    "inkomstbasbelopp",
    "prisbasbelopp",
    "arbetsgivaravgift_full",
    "arbetsgivaravgift_aldre",
    "arbetsgivaravgift_fodda_fore_1938",
    "arbetsgivaravgift_ungdom",
    "pension_pa16_avd1",
    "pension_pa16_avd2",
    "pension_akap_kr",
    "pension_kap_kl",
    "pension_itp1",
    "semester_lagstadgad",
    "semester_villkorsavtal",
    "semester_ab",
    "arbetstid_atl",
    "arbetstid_larare_stat",
    "uppsagningstid_las",
    "uppsagningstid_stat",
    "uppsagningstid_ab",
    "las_sarskild_visstid",
    "las_15_besked",
    "sjuklon",
    "rehabilitering_plan",
    "las_6c_items",
    "forenade_titlar",
    "forenad_annan_anstallning",
    "forskarutbildning_antagning",
    "po_palagg_skr",
    "lkp_stat_default",
}


@pytest.fixture(scope="module")
def params() -> ParameterSet:
    return load_parameters()


# --------------------------------------------------------------------------------------------------------
# Values in force


def test_ibb_changes_on_new_year(params: ParameterSet) -> None:
    assert params.at("inkomstbasbelopp", D(2025, 12, 31)).value == 80600
    new_year = params.at("inkomstbasbelopp", D(2026, 1, 1))
    assert new_year.value == 83400
    assert new_year.start == D(2026, 1, 1)
    assert new_year.end == D(2027, 1, 1)
    assert new_year.unit == "kr/år"
    assert new_year.confidence == "verified"
    assert params.at("inkomstbasbelopp", D(2023, 6, 30)).value == 74300


def test_yearly_amount_is_not_reused_for_an_unreviewed_year(params: ParameterSet) -> None:
    with pytest.raises(ParameterNotInForce) as info:
        params.at("inkomstbasbelopp", D(2027, 1, 1))
    assert "2027-01-01" in str(info.value)
    assert "2026-12-31" in str(info.value)  # the covered period, last day inclusive


def test_youth_reduction_ends_after_september_2027(params: ParameterSet) -> None:
    last_day = params.at("arbetsgivaravgift_ungdom", D(2027, 9, 30))
    assert last_day.value["rate"] == 20.81
    assert last_day.value["cap_monthly"] == 25000
    assert (last_day.value["born_from"], last_day.value["born_to"]) == (2004, 2008)
    assert params.at("arbetsgivaravgift_ungdom", D(2026, 4, 1)).value["born_to"] == 2007
    assert any(r.kind == "sfs" and r.id == "2026:100" for r in last_day.refs)

    with pytest.raises(ParameterNotInForce) as info:
        params.at("arbetsgivaravgift_ungdom", D(2027, 10, 1))
    err = info.value
    assert isinstance(err, ForenadError)
    assert err.name == "arbetsgivaravgift_ungdom"
    assert err.on == D(2027, 10, 1)
    assert err.periods == ((D(2026, 4, 1), D(2027, 10, 1)),)
    for lang in ("sv", "en"):
        text = err.message(lang)
        assert "arbetsgivaravgift_ungdom" in text
        assert "2027-10-01" in text
        assert "2026-04-01" in text and "2027-09-30" in text


def test_before_the_first_start_raises(params: ParameterSet) -> None:
    with pytest.raises(ParameterNotInForce) as info:
        params.at("arbetsgivaravgift_ungdom", D(2026, 3, 31))
    assert "2026-03-31" in info.value.text.sv
    assert "2026-04-01" in info.value.text.en
    with pytest.raises(ParameterNotInForce):
        params.at("inkomstbasbelopp", D(1999, 1, 1))


def test_gap_between_values_raises(params: ParameterSet) -> None:
    po = params.get("po_palagg_skr")
    assert po.at(D(2021, 5, 1)).value["region"]["total"] == 46.15
    with pytest.raises(ParameterNotInForce) as info:
        po.at(D(2022, 5, 1))
    assert "2022-01-01" in str(info.value)
    v2023 = po.at(D(2023, 12, 31)).value
    for part in ("kommun", "region"):
        comp = v2023[part]
        assert round(comp["legal_fees"] + comp["insurances"] + comp["pension"], 2) == comp["total"]
    assert (v2023["kommun"]["total"], v2023["region"]["total"]) == (44.53, 52.28)
    with pytest.raises(ParameterNotInForce):
        po.at(D(2025, 1, 1))
    assert po.coverage() == (D(2021, 1, 1), D(2024, 1, 1))
    assert po.periods() == ((D(2021, 1, 1), D(2022, 1, 1)), (D(2023, 1, 1), D(2024, 1, 1)))


def test_older_worker_birth_years_move(params: ParameterSet) -> None:
    assert params.at("arbetsgivaravgift_aldre", D(2024, 7, 1)).value == {
        "rate": 10.21,
        "born_from": 1938,
        "born_to": 1957,
    }
    assert params.at("arbetsgivaravgift_aldre", D(2026, 7, 1)).value["born_to"] == 1958
    assert params.at("arbetsgivaravgift_full", D(2026, 7, 1)).value == 31.42
    assert params.at("arbetsgivaravgift_fodda_fore_1938", D(2025, 1, 1)).value == {"rate": 0, "born_to": 1937}


def test_pension_structures(params: ParameterSet) -> None:
    on = D(2026, 1, 1)
    akap = params.at("pension_akap_kr", on).value
    assert (akap["rate_below_break"], akap["rate_above_break"]) == (6.0, 31.5)
    assert (akap["break_point_ibb"], akap["upper_limit_ibb"]) == (7.5, 30)
    assert akap["coverage"]["conditional"]["max_fixed_monthly_pay"] == 44375
    assert akap["coverage"]["always_born_from"] == 1986
    avd1 = params.at("pension_pa16_avd1", on).value
    assert (avd1["rate_below_break"], avd1["rate_above_break"], avd1["defined_benefit"]) == (4.5, 30.0, False)
    assert avd1["flex"][0]["rate"] == 1.5
    for name in ("pension_pa16_avd2", "pension_kap_kl"):
        value = params.at(name, on)
        assert value.value["defined_benefit"] is True
        assert value.note is not None and "premium" in value.note.en and "premie" in value.note.sv
    assert params.at("pension_pa16_avd2", D(2023, 1, 1)).value["flex"] is None
    assert params.at("pension_pa16_avd2", on).confidence == "unverified"
    for name in (
        "pension_pa16_avd1",
        "pension_pa16_avd2",
        "pension_akap_kr",
        "pension_kap_kl",
        "pension_itp1",
    ):
        value = params.at(name, on).value
        for key in ("rate_below_break", "rate_above_break", "break_point_ibb", "upper_limit_ibb", "flex"):
            assert key in value, (name, key)


def test_titles_and_sector_follow_sfs_2025_667(params: ParameterSet) -> None:
    # HF 4 kap. 2 §: professor and lektor with a clinical post until 2025-07-14; from 2025-07-15 every teacher
    # post, with an employment outside the university in any sector.
    before = params.at("forenade_titlar", D(2025, 7, 14))
    assert before.value == ("professor", "lektor")
    assert before.confidence == "verified"
    assert params.at("forenad_annan_anstallning", D(2025, 7, 14)).value == "klinisk"
    after = params.at("forenade_titlar", D(2025, 7, 15))
    assert {"professor", "lektor", "bitradande_lektor", "adjunkt"} <= set(after.value)
    assert "doktorand" not in after.value and "postdoktor" not in after.value
    assert after.confidence == "verified"
    assert any(r.id == "2025:667" for r in after.refs)
    assert params.at("forenad_annan_anstallning", D(2025, 7, 15)).value == "valfri_sektor"


def test_ab_notice_ends_where_ab_24_starts(params: ParameterSet) -> None:
    ab = params.at("uppsagningstid_ab", D(2023, 1, 1))
    assert (ab.value["employer_months"], ab.value["employee_months"]) == (6, 3)
    assert ab.confidence == "unverified"
    with pytest.raises(ParameterNotInForce):
        params.at("uppsagningstid_ab", D(2024, 4, 1))


def test_las_6c_items(params: ParameterSet) -> None:
    items = params.at("las_6c_items", D(2026, 1, 1)).value
    assert [i["number"] for i in items] == list(range(1, 14))
    assert len({i["key"] for i in items}) == 13
    assert items[0]["key"] == "parter_arbetsplats_startdatum"
    assert {i["deadline"] for i in items} == {"seven_days", "when_known", "one_month"}
    assert {i["by_reference"] for i in items} <= {"full", "partial", "none"}
    assert all(i["label"]["sv"] and i["label"]["en"] for i in items)
    with pytest.raises(ParameterNotInForce):
        params.at("las_6c_items", D(2022, 6, 28))


def test_vacation_and_working_time(params: ParameterSet) -> None:
    on = D(2026, 1, 1)
    assert params.at("semester_lagstadgad", on).value == ({"from_age_year": 0, "days": 25},)
    state = params.at("semester_villkorsavtal", on).value
    assert [(r["from_age_year"], r["days"]) for r in state] == [(0, 28), (30, 31), (40, 35)]
    assert params.at("semester_ab", on).confidence == "unverified"
    atl = params.at("arbetstid_atl", on)
    sections = {r.section for r in atl.refs if r.kind == "sfs"}
    assert {"5 §", "8 §", "8 a §", "10 b §", "13 §", "14 §", "15 §", "2 §"} <= sections
    for key in atl.value:
        assert any(r.title and key in r.title for r in atl.refs), f"{key} has no cited section"
    teachers = params.at("arbetstid_larare_stat", on).value
    assert {r["vacation_days"]: r["annual_hours"] for r in teachers} == {35: 1700, 31: 1732, 28: 1756}


def test_values_are_frozen_but_json_friendly(params: ParameterSet) -> None:
    value = params.at("pension_akap_kr", D(2026, 1, 1)).value
    with pytest.raises(TypeError):
        value["rate_below_break"] = 99  # type: ignore[index]
    with pytest.raises(TypeError):
        value.update(rate_below_break=99)
    assert isinstance(value, dict)
    assert json.loads(json.dumps(value))["rate_below_break"] == 6.0
    assert json.loads(json.dumps(params.at("las_6c_items", D(2026, 1, 1)).value))[0]["number"] == 1


def test_datetime_is_accepted_as_a_date(params: ParameterSet) -> None:
    assert params.at("inkomstbasbelopp", dt.datetime(2026, 1, 1, 0, 30)).value == 83400


def test_unknown_parameter_suggests_a_name(params: ParameterSet) -> None:
    with pytest.raises(UnknownParameter) as info:
        params.get("inkomstbasbelop")
    assert isinstance(info.value, KeyError) and isinstance(info.value, ForenadError)
    assert info.value.suggestion == "inkomstbasbelopp"
    assert "inkomstbasbelopp" in str(info.value) and "inkomstbasbelopp" in info.value.message("sv")
    with pytest.raises(KeyError):
        params["nothing_like_it"]
    assert "inkomstbasbelop" not in params
    assert "inkomstbasbelopp" in params


# --------------------------------------------------------------------------------------------------------
# The shipped files


def test_every_shipped_file_loads_with_sources(params: ParameterSet) -> None:
    assert set(params.names()) == EXPECTED_NAMES
    assert len(params) == len(EXPECTED_NAMES) == len(list(PARAMS_DIR.glob("*.yaml")))
    for name in params:
        p = params.get(name)
        assert isinstance(p, Parameter)
        assert p.description.sv and p.description.en
        assert p.notes is not None, name
        assert p.last_reviewed <= dt.date.today()
        assert p.entries, name
        assert p.source.endswith(f"{name}.yaml")
        for entry in p.entries:
            assert isinstance(entry, DatedValue)
            assert entry.value is not None
            assert len(entry.refs) >= 1, (name, entry.start)
            assert entry.name == name and entry.unit == p.unit


def test_fast_and_strict_parsing_agree() -> None:
    for path in sorted(PARAMS_DIR.glob("*.yaml")):
        raw = path.read_bytes()
        assert _load_file(str(path), path.stem, raw) == _load_file(str(path), path.stem, raw, strict=True)


def test_default_parameters_are_cached_and_versioned() -> None:
    first = default_parameters()
    assert first is default_parameters()
    assert len(first.version) == 12 and int(first.version, 16) >= 0
    assert first.version == load_parameters(PARAMS_DIR).version


def test_version_changes_with_the_files(tmp_path: Path) -> None:
    copy = tmp_path / "parameters"
    shutil.copytree(PARAMS_DIR, copy)
    before = load_parameters(copy).version
    target = copy / "prisbasbelopp.yaml"
    target.write_text(target.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert load_parameters(copy).version != before


def test_loads_from_a_zip_resource(tmp_path: Path) -> None:
    # An installed package may be a zip (or another importlib.resources Traversable), not a directory.
    archive = tmp_path / "forenad.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in PARAMS_DIR.glob("*.yaml"):
            zf.write(path, f"forenad/rules/parameters/{path.name}")
    loaded = _load_tree(zipfile.Path(archive, "forenad/rules/parameters/"))
    assert set(loaded.names()) == EXPECTED_NAMES
    assert loaded.version == load_parameters(PARAMS_DIR).version
    assert loaded.get("inkomstbasbelopp").source.endswith("parameters/inkomstbasbelopp.yaml")


def test_missing_or_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(DataFileError):
        load_parameters(tmp_path / "nope")
    with pytest.raises(DataFileError):
        load_parameters(tmp_path)
    (tmp_path / "x.yml").write_text("a: 1\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_parameters(tmp_path)
    assert info.value.suggestion == "x.yaml"


# --------------------------------------------------------------------------------------------------------
# Bad files: each error names the file, the 1-based line and the dotted key

GOOD = """\
description: {sv: "Testvärde", en: "Test value"}
unit: kr/år
confidence: verified
last_reviewed: 2026-11-22
values:
  2024-01-01:
    value: 100
    refs:
      - {kind: other, id: Test}
  2025-01-01:
    value: 200
    refs:
      - {kind: sfs, id: "1982:80", section: "11 §"}
    confidence: secondary
  2026-01-01:
    value: null
"""


def _write(tmp_path: Path, text: str, name: str = "testvarde") -> Path:
    directory = tmp_path / "parameters"
    directory.mkdir(exist_ok=True)
    path = directory / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if fragment in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{fragment!r} not in text")


def test_the_good_file_loads(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD)
    p = load_parameters(path.parent).get("testvarde")
    assert p.at(D(2024, 6, 1)).value == 100
    assert p.at(D(2025, 6, 1)).confidence == "secondary"
    assert p.at(D(2024, 6, 1)).confidence == "verified"
    assert p.coverage() == (D(2024, 1, 1), D(2026, 1, 1))
    with pytest.raises(ParameterNotInForce):
        p.at(D(2026, 1, 1))


BAD_CASES = {
    # id: (old, new, line fragment, occurrence, key, suggestion)
    "duplicate value key": (
        "    value: 100\n",
        "    value: 100\n    value: 101\n",
        "value: 101",
        1,
        "value",
        None,
    ),
    "duplicate date key": ("  2025-01-01:", "  2024-01-01:", "2024-01-01:", 2, "2024-01-01", None),
    "unknown top-level key": (
        "description:",
        "descripton:",
        "descripton:",
        1,
        "descripton",
        "description",
    ),
    "unknown entry key": (
        "    refs:\n      - {kind: other",
        "    ref:\n      - {kind: other",
        "ref:",
        1,
        None,
        "refs",
    ),
    "date key not YYYY-MM-DD": (
        "  2025-01-01:",
        "  2025-1-1:",
        "2025-1-1:",
        1,
        "values.2025-1-1",
        "2025-01-01",
    ),
    "impossible date key": ("  2025-01-01:", "  2025-13-01:", "2025-13-01:", 1, "values.2025-13-01", None),
    "bad file confidence": (
        "confidence: verified",
        "confidence: verifed",
        "confidence: verifed",
        1,
        "confidence",
        "verified",
    ),
    "bad value confidence": (
        "    confidence: secondary",
        "    confidence: secundary",
        "confidence: secundary",
        1,
        "values.2025-01-01.confidence",
        "secondary",
    ),
    "missing refs": (
        "    value: 100\n    refs:\n      - {kind: other, id: Test}\n",
        "    value: 100\n",
        "2024-01-01:",
        1,
        "values.2024-01-01.refs",
        None,
    ),
    "empty refs": (
        "    refs:\n      - {kind: other, id: Test}\n",
        "    refs: []\n",
        "refs: []",
        1,
        "values.2024-01-01.refs",
        None,
    ),
    "bad reference kind": (
        "{kind: other, id: Test}",
        "{kind: law, id: Test}",
        "kind: law",
        1,
        "values.2024-01-01.refs.0",
        None,
    ),
    "first value null": (
        "    value: 100\n",
        "    value: null\n",
        "value: null",
        1,
        "values.2024-01-01.value",
        None,
    ),
    "missing unit": ("unit: kr/år\n", "", "description:", 1, "unit", None),
}


@pytest.mark.parametrize("case", list(BAD_CASES), ids=list(BAD_CASES))
def test_bad_files_name_file_line_and_key(tmp_path: Path, case: str) -> None:
    old, new, fragment, occurrence, key, suggestion = BAD_CASES[case]
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    path = _write(tmp_path, text)
    with pytest.raises(DataFileError) as info:
        load_parameters(path.parent)
    err = info.value
    assert err.file == str(path)
    assert err.line == _line_of(text, fragment, occurrence), str(err)
    expected_key = key if key is not None else f"values.2024-01-01.{fragment.rstrip(':')}"
    assert err.key == expected_key, str(err)
    assert err.suggestion == suggestion
    assert f"{path}:{err.line}" in str(err)


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ("last_reviewed: 2026-11-22", "last_reviewed: 2026-02-30", 4),
        ("unit: kr/år", "unit: !!float femtio", 2),
        ("unit: kr/år", "unit: !!bool kanske", 2),
        ("unit: kr/år", "unit: !!binary aGVq", None),
        ("", "&a [*a]\n", 1),
    ],
    ids=["impossible-date-value", "bad-float-tag", "bad-bool-tag", "binary", "self-referencing-alias"],
)
def test_yaml_oddities_are_data_file_errors(tmp_path: Path, old: str, new: str, line: int | None) -> None:
    # ruamel.yaml raises bare ValueError/KeyError/RecursionError on these; the loader must not crash.
    path = _write(tmp_path, GOOD.replace(old, new, 1) if old else new)
    with pytest.raises(DataFileError) as info:
        load_parameters(path.parent)
    assert info.value.file == str(path)
    assert info.value.line == line


def test_bad_file_name(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD, name="Bad-Name")
    with pytest.raises(DataFileError) as info:
        load_parameters(path.parent)
    assert info.value.file == str(path)


# --------------------------------------------------------------------------------------------------------
# Property: the value found for a date covers that date

_NAMES = sorted(EXPECTED_NAMES)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_value_at_a_covered_date_covers_it(data: st.DataObject) -> None:
    params = default_parameters()
    p = params.get(data.draw(st.sampled_from(_NAMES), label="name"))
    start, end = data.draw(st.sampled_from(p.periods()), label="period")
    last = (end - dt.timedelta(days=1)) if end is not None else start + dt.timedelta(days=365 * 30)
    day = data.draw(st.dates(min_value=start, max_value=last), label="day")
    found = p.at(day)
    assert found.start <= day
    if found.end is not None:
        assert day < found.end
    assert found is params.at(p.name, day)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_dates_outside_the_periods_raise(data: st.DataObject) -> None:
    p = default_parameters().get(data.draw(st.sampled_from(_NAMES), label="name"))
    day = data.draw(st.dates(min_value=D(1990, 1, 1), max_value=D(2060, 12, 31)), label="day")
    covered = any(s <= day and (e is None or day < e) for s, e in p.periods())
    if covered:
        assert p.at(day).covers(day)
    else:
        with pytest.raises(ParameterNotInForce):
            p.at(day)
