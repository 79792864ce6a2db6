"""The January routine end to end: a check on a date whose amounts are not entered is incomplete and says
which checks it could not make (exit 4); entering the amounts in an overlay, one command each, makes the
next check use them and complete. The values entered here are made up for the test (never shipped)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from forenad.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
UPPSALA = ROOT / "examples" / "uppsala-professor-overlakare.yaml"
runner = CliRunner()


def cli(*args: object) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout


def test_a_check_without_the_new_amounts_is_incomplete_and_names_what_it_could_not_make() -> None:
    code, out = cli("check", UPPSALA, "--on", "2027-03-01", "--format", "json")
    assert code == 4
    (result,) = json.loads(out)["results"]
    assert result["valid"] is True and result["complete"] is False
    missing = {f["parameter"]: f for f in result["findings"] if f["rule"] == "dates.parameter_not_in_force"}
    assert {"inkomstbasbelopp", "arbetsgivaravgift_full"} <= set(missing)
    assert "pension.split_loss" in [n["rule"] for n in missing["inkomstbasbelopp"]["not_made"]]
    assert {"rule": "pension.split_loss", "severity": "warning"} in result["not_made"]
    # The advice is something the user can do, with no path into the installed package.
    assert "forenad params add inkomstbasbelopp" in missing["inkomstbasbelopp"]["message"]
    assert "site-packages" not in out and "/rules/parameters/" not in out
    code, text = cli("check", UPPSALA, "--on", "2027-03-01")
    assert code == 4
    assert "ofullständig prövning" in text and "pension.split_loss" in text


def test_a_check_before_the_first_titles_value_is_incomplete_not_clean() -> None:
    code, out = cli("check", UPPSALA, "--on", "2015-06-01", "--format", "json")
    assert code == 4
    (result,) = json.loads(out)["results"]
    not_made = {n["rule"] for n in result["not_made"]}
    assert "legal_basis.forenad_title_not_permitted" in not_made  # an error-level rule could not be made


def test_entering_the_amounts_is_one_command_each_and_changes_the_next_check(tmp_path: Path) -> None:
    overlay = tmp_path / "forenad-parametrar"
    code, out = cli("check", UPPSALA, "--on", "2027-03-01", "--format", "json")
    before = json.loads(out)["results"][0]["facts"]
    assert before["break_point_month"] is None
    code, out = cli(
        "params", "add", "inkomstbasbelopp", "--from", "2027-01-01", "--value", "90000",
        "--source", "Testvärde", "--params-overlay", overlay,
    )  # fmt: skip
    assert code == 0, out
    code, out = cli("check", UPPSALA, "--on", "2027-03-01", "--format", "json", "--params-overlay", overlay)
    result = json.loads(out)["results"][0]
    assert result["facts"]["break_point_month"] == "56250.00"  # 90 000 × 7.5 / 12
    assert "inkomstbasbelopp" not in [f.get("parameter") for f in result["findings"]]
    assert code == 4  # the employer's fees for 2027 are still missing
    for name, value in (
        ("arbetsgivaravgift_full", "31.42"),
        ("arbetsgivaravgift_aldre", "{rate: 10.21, born_from: 1938, born_to: 1959}"),
        ("arbetsgivaravgift_fodda_fore_1938", "{rate: 0, born_to: 1937}"),
    ):
        code, out = cli(
            "params", "add", name, "--from", "2027-01-01", "--value", value, "--source", "Testvärde",
            "--params-overlay", overlay,
        )  # fmt: skip
        assert code == 0, out
    code, out = cli("check", UPPSALA, "--on", "2027-03-01", "--format", "json", "--params-overlay", overlay)
    result = json.loads(out)["results"][0]
    assert code == 0, out
    assert result["complete"] is True and result["not_made"] == []
    assert result["facts"]["economics"]["employers"][0]["employer_fees_month"] is not None
    shutil.rmtree(overlay)
