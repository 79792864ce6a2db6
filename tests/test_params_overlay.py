"""Parameter overlays: dated values added to the shipped parameters value by value, where the overlay comes
from (option, FORENAD_PARAMS_OVERLAY, forenad.toml), ``forenad params add`` and ``forenad params status``,
and the commands that read parameters with an overlay.

Every amount here is a fake test value (90000 and friends): never a real 2027 amount.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from forenad.cli.app import app
from forenad.errors import DataFileError
from forenad.params import (
    ParameterNotInForce,
    default_parameters,
    find_overlay,
    resolve_parameters,
    with_overlay,
)
from forenad.params_overlay import OVERLAY_ENV, apply_file, shape_problem
from forenad.params_update import ValueRefused, add_to_overlay, parameter_status, parse_value
from forenad.report import UsedValue

D = dt.date
ROOT = Path(__file__).resolve().parents[1]
UPPSALA = ROOT / "examples" / "uppsala-professor-overlakare.yaml"
SHIPPED = ROOT / "rules" / "parameters"
FAKE = 90000  # a clearly fake income base amount
REF = "refs: [{kind: other, id: Testkälla}]"

runner = CliRunner()


@pytest.fixture(autouse=True)
def _no_ambient_overlay(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No overlay from the environment or a forenad.toml above the test's folder."""
    monkeypatch.delenv(OVERLAY_ENV, raising=False)
    monkeypatch.chdir(tmp_path)


def overlay(tmp_path: Path, files: dict[str, str], name: str = "tillagg") -> Path:
    folder = tmp_path / name
    folder.mkdir(exist_ok=True)
    for stem, text in files.items():
        (folder / f"{stem}.yaml").write_text(text, encoding="utf-8")
    return folder


def ibb_2027(value: object = FAKE) -> str:
    return f"values:\n  2027-01-01:\n    value: {value}\n    {REF}\n"


def cli(*args: object) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "400"})  # no folded lines
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def shipped_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(SHIPPED.glob("*.yaml")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


# --------------------------------------------------------------------------------------------------------
# Merging value by value


def test_an_added_value_keeps_the_shipped_ones(tmp_path: Path) -> None:
    folder = overlay(tmp_path, {"inkomstbasbelopp": ibb_2027()})
    params = with_overlay(default_parameters(), folder)
    ibb = params.get("inkomstbasbelopp")
    assert [e.start.year for e in ibb.entries] == [2023, 2024, 2025, 2026, 2027]
    assert [e.origin for e in ibb.entries] == ["shipped"] * 4 + ["overlay"]
    new = params.at("inkomstbasbelopp", D(2027, 3, 1))
    assert (new.value, new.start, new.end) == (FAKE, D(2027, 1, 1), None)
    assert new.origin_file == str(folder / "inkomstbasbelopp.yaml")
    assert new.confidence == "unverified"  # the overlay's default when the file says nothing
    old = params.at("inkomstbasbelopp", D(2026, 6, 1))
    assert (old.value, old.origin, old.origin_file, old.end) == (83400, "shipped", None, D(2027, 1, 1))
    assert ibb.description == default_parameters().get("inkomstbasbelopp").description
    assert (
        ibb.unit == "kr/år"
        and ibb.last_reviewed == default_parameters().get("inkomstbasbelopp").last_reviewed
    )
    # every other parameter is the shipped one, untouched
    assert params.get("prisbasbelopp") is default_parameters().get("prisbasbelopp")
    with pytest.raises(ParameterNotInForce):
        default_parameters().at("inkomstbasbelopp", D(2027, 3, 1))


def test_a_value_with_a_shipped_start_date_replaces_it(tmp_path: Path) -> None:
    text = f"values:\n  2026-01-01:\n    value: 84000\n    {REF}\n    confidence: verified\n"
    params = with_overlay(default_parameters(), overlay(tmp_path, {"inkomstbasbelopp": text}))
    value = params.at("inkomstbasbelopp", D(2026, 6, 1))
    assert (value.value, value.origin, value.confidence, value.end) == (
        84000,
        "overlay",
        "verified",
        D(2027, 1, 1),
    )
    assert params.at("inkomstbasbelopp", D(2025, 6, 1)).value == 80600
    with pytest.raises(ParameterNotInForce):  # the shipped end stays
        params.at("inkomstbasbelopp", D(2027, 1, 1))


def test_a_value_in_the_middle_shortens_the_shipped_one(tmp_path: Path) -> None:
    text = f"values:\n  2026-07-01:\n    value: 85000\n    {REF}\n"
    params = with_overlay(default_parameters(), overlay(tmp_path, {"inkomstbasbelopp": text}))
    assert params.at("inkomstbasbelopp", D(2026, 6, 30)).end == D(2026, 7, 1)
    assert params.at("inkomstbasbelopp", D(2026, 7, 1)).end == D(2027, 1, 1)


def test_null_ends_the_parameter_from_its_date(tmp_path: Path) -> None:
    text = "values:\n  2026-07-01:\n    value: null\n"
    params = with_overlay(default_parameters(), overlay(tmp_path, {"arbetstid_atl": text}))
    assert params.at("arbetstid_atl", D(2026, 6, 30)).end == D(2026, 7, 1)
    with pytest.raises(ParameterNotInForce) as info:
        params.at("arbetstid_atl", D(2026, 7, 1))
    assert "2026-07-01" in info.value.message("sv")


def test_the_overlay_header_is_optional_but_may_say_more(tmp_path: Path) -> None:
    text = (
        'description: {sv: "Eget IBB", en: "Own IBB"}\nconfidence: verified\nlast_reviewed: 2027-01-10\n'
        + ibb_2027()
    )
    params = with_overlay(default_parameters(), overlay(tmp_path, {"inkomstbasbelopp": text}))
    ibb = params.get("inkomstbasbelopp")
    assert ibb.description.en == "Own IBB" and ibb.last_reviewed == D(2027, 1, 10)
    assert params.at("inkomstbasbelopp", D(2027, 1, 1)).confidence == "verified"
    assert params.at("inkomstbasbelopp", D(2026, 1, 1)).confidence == "verified"  # shipped, its own


def test_a_new_parameter_needs_the_full_shape(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as info:
        with_overlay(default_parameters(), overlay(tmp_path, {"eget_tillagg": ibb_2027()}))
    assert "description" in info.value.problem
    full = (
        'description: {sv: "Eget", en: "Own"}\nunit: kr\nconfidence: secondary\nlast_reviewed: 2027-01-02\n'
        + ibb_2027()
    )
    params = with_overlay(default_parameters(), overlay(tmp_path, {"eget_tillagg": full}, "full"))
    assert params.at("eget_tillagg", D(2027, 2, 1)).origin == "overlay"
    assert len(params) == len(default_parameters()) + 1


def test_version_and_overlay_info(tmp_path: Path) -> None:
    base = default_parameters()
    one = with_overlay(base, overlay(tmp_path, {"inkomstbasbelopp": ibb_2027()}, "one"))
    two = with_overlay(base, overlay(tmp_path, {"inkomstbasbelopp": ibb_2027(FAKE + 1)}, "two"))
    empty = with_overlay(base, overlay(tmp_path, {}, "empty"))
    assert len({base.version, one.version, two.version, empty.version}) == 4
    assert one.overlay is not None and one.overlay.parameters == ("inkomstbasbelopp",)
    assert one.overlay.directory == str(tmp_path / "one") and len(one.overlay.version) == 12
    assert base.overlay is None
    assert with_overlay(base, tmp_path / "one") is one  # the same files: the same set
    assert one.directory == base.directory


def test_the_shipped_files_are_never_written(tmp_path: Path) -> None:
    before = shipped_digest()
    folder = tmp_path / "tillagg"
    add_to_overlay(folder, "inkomstbasbelopp", D(2027, 1, 1), FAKE, source="Testkälla")
    with_overlay(default_parameters(), folder)
    assert shipped_digest() == before
    assert sorted(p.name for p in folder.iterdir()) == ["inkomstbasbelopp.yaml"]


# --------------------------------------------------------------------------------------------------------
# Malformed overlays


@pytest.mark.parametrize(
    ("text", "line", "key", "problem"),
    [
        (f"values:\n  2027-13-01:\n    value: {FAKE}\n    {REF}\n", 2, "values.2027-13-01", "date"),
        (
            f"values:\n  2027-01-01:\n    valeu: {FAKE}\n    {REF}\n",
            3,
            "values.2027-01-01.valeu",
            "unknown key",
        ),
        (
            f"values:\n  2027-01-01:\n    value: {FAKE}\n    {REF}\n  2027-01-01:\n    value: 1\n",
            5,
            "2027-01-01",
            "twice",
        ),
        (f'values:\n  2027-01-01:\n    value: "90 000"\n    {REF}\n', 3, "values.2027-01-01.value", "number"),
        (f"values:\n  2027-01-01:\n    value: {FAKE}\n", 2, "values.2027-01-01.refs", "refs"),
        (f"unit: kr/månad\n{ibb_2027()}", 1, "unit", "unit"),
        (f"values:\n  01/01/2027:\n    value: {FAKE}\n    {REF}\n", 2, "values.01/01/2027", "YYYY-MM-DD"),
        ("valus:\n  2027-01-01: {}\n", 1, "valus", "unknown key"),
    ],
)
def test_a_malformed_overlay_names_file_line_and_key(
    tmp_path: Path, text: str, line: int, key: str, problem: str
) -> None:
    folder = overlay(tmp_path, {"inkomstbasbelopp": text})
    with pytest.raises(DataFileError) as info:
        with_overlay(default_parameters(), folder)
    err = info.value
    assert err.file == str(folder / "inkomstbasbelopp.yaml")
    assert (err.line, err.key) == (line, key)
    assert problem in err.problem


def test_unknown_key_has_a_suggestion(tmp_path: Path) -> None:
    folder = overlay(tmp_path, {"inkomstbasbelopp": f"values:\n  2027-01-01:\n    valeu: 1\n    {REF}\n"})
    with pytest.raises(DataFileError) as info:
        with_overlay(default_parameters(), folder)
    assert info.value.suggestion == "value"


def test_yml_files_and_missing_folders_are_refused(tmp_path: Path) -> None:
    folder = overlay(tmp_path, {})
    (folder / "inkomstbasbelopp.yml").write_text(ibb_2027(), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"\.yaml"):
        with_overlay(default_parameters(), folder)
    with pytest.raises(DataFileError, match="does not exist"):
        with_overlay(default_parameters(), tmp_path / "nowhere")


def test_the_cli_exits_2_on_a_malformed_overlay(tmp_path: Path) -> None:
    folder = overlay(tmp_path, {"inkomstbasbelopp": f"values:\n  2027-01-01:\n    valeu: 1\n    {REF}\n"})
    for command in (
        ["check", UPPSALA, "--on", "2027-03-01"],
        ["params", "show", "inkomstbasbelopp"],
        ["params", "status"],
        ["compare", UPPSALA],
    ):
        code, _, err = cli(*command, "--params-overlay", folder)
        assert code == 2, command
        assert f"{folder / 'inkomstbasbelopp.yaml'}:3" in err and "valeu" in err


# --------------------------------------------------------------------------------------------------------
# Where the overlay comes from


def test_option_then_environment_then_forenad_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "hr"
    (project / "avtal" / "2027").mkdir(parents=True)
    (project / "forenad.toml").write_text('[params]\noverlay = "parametrar"\n', encoding="utf-8")
    monkeypatch.chdir(project / "avtal" / "2027")
    assert find_overlay() == project / "parametrar"  # found upward, relative to the toml's folder
    monkeypatch.setenv(OVERLAY_ENV, str(tmp_path / "fran-miljon"))
    assert find_overlay() == tmp_path / "fran-miljon"
    assert find_overlay(tmp_path / "explicit") == tmp_path / "explicit"
    monkeypatch.delenv(OVERLAY_ENV)
    assert find_overlay(cwd=tmp_path) is None


def test_forenad_toml_is_read_strictly(tmp_path: Path) -> None:
    config = tmp_path / "forenad.toml"
    config.write_text("[params]\n", encoding="utf-8")
    assert find_overlay(cwd=tmp_path) is None
    config.write_text('[params]\noverlai = "x"\n', encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        find_overlay(cwd=tmp_path)
    assert (info.value.line, info.value.key, info.value.suggestion) == (2, "params.overlai", "overlay")
    config.write_text('[params]\noverlay = "x\n', encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        find_overlay(cwd=tmp_path)
    assert info.value.line == 2 and "TOML" in info.value.problem
    config.write_text("[params]\noverlay = 3\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="path"):
        find_overlay(cwd=tmp_path)


def test_commands_find_the_overlay_by_environment_and_toml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = overlay(tmp_path, {"inkomstbasbelopp": ibb_2027()}, "parametrar")
    monkeypatch.setenv(OVERLAY_ENV, str(folder))
    code, out, _ = cli("params", "show", "inkomstbasbelopp", "--on", "2027-03-01", "--format", "json")
    assert code == 0 and json.loads(out)["value"] == FAKE and json.loads(out)["origin"] == "overlay"
    monkeypatch.delenv(OVERLAY_ENV)
    code, _, _ = cli("params", "show", "inkomstbasbelopp", "--on", "2027-03-01")
    assert code == 2  # no overlay: not in force
    (tmp_path / "forenad.toml").write_text('[params]\noverlay = "parametrar"\n', encoding="utf-8")
    sub = tmp_path / "avtal"
    sub.mkdir()
    monkeypatch.chdir(sub)
    assert resolve_parameters().at("inkomstbasbelopp", D(2027, 3, 1)).value == FAKE
    code, out, _ = cli("params", "show", "inkomstbasbelopp", "--on", "2027-03-01", "--format", "json")
    assert code == 0 and json.loads(out)["origin_file"] == str(folder / "inkomstbasbelopp.yaml")


def test_a_missing_overlay_folder_names_what_pointed_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(OVERLAY_ENV, str(tmp_path / "saknas"))
    code, _, err = cli("check", UPPSALA, "--on", "2026-06-01")
    assert code == 2 and OVERLAY_ENV in err and "does not exist" in err


def test_every_command_that_reads_parameters_takes_the_option() -> None:
    for command in (
        ["check"],
        ["draft"],
        ["compare"],
        ["new"],
        ["params", "show"],
        ["params", "list"],
        ["params", "status"],
        ["params", "add"],
    ):
        code, out, _ = cli(*command, "--help")
        assert code == 0 and "--params-overlay" in out, command


# --------------------------------------------------------------------------------------------------------
# forenad params add


def add(folder: Path, *args: object) -> tuple[int, str, str]:
    return cli("params", "add", *args, "--params-overlay", folder)


def test_params_add_creates_the_file_and_keeps_comments_on_the_next_add(tmp_path: Path) -> None:
    folder = tmp_path / "tillagg"
    code, out, _ = add(
        folder, "inkomstbasbelopp", "--from", "2027-01-01", "--value", FAKE, "--source", "Testkälla 2027",
        "--url", "https://example.org/ibb", "--confidence", "verified",
    )  # fmt: skip
    assert code == 0, out
    assert "inkomstbasbelopp från 2027-01-01: 90000 kr/år" in out and "ny fil" in out
    assert "ersatte avslutet (null) från 2027-01-01" in out
    path = folder / "inkomstbasbelopp.yaml"
    assert sorted(p.name for p in folder.iterdir()) == ["inkomstbasbelopp.yaml"]  # no temporary file left
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Tillägg till forenads parameter inkomstbasbelopp")
    assert "description" not in text and "unit" not in text  # the short shape
    params = with_overlay(default_parameters(), folder)
    value = params.at("inkomstbasbelopp", D(2027, 6, 1))
    assert (value.value, value.confidence, value.refs[0].id, value.refs[0].url) == (
        FAKE, "verified", "Testkälla 2027", "https://example.org/ibb",
    )  # fmt: skip

    path.write_text(
        text.replace("values:", "# Granskat av lönekontoret\nvalues:  # per år"), encoding="utf-8"
    )
    code, out, _ = add(
        folder, "inkomstbasbelopp", "--from", "2028-01-01", "--value", "null", "--source", "Slut"
    )
    assert code == 0, out
    assert "avslutas från 2028-01-01" in out
    text = path.read_text(encoding="utf-8")
    assert "# Granskat av lönekontoret" in text and "values:  # per år" in text
    assert text.index("2027-01-01") < text.index("2028-01-01")
    assert "value: null" in text
    params = with_overlay(default_parameters(), folder)
    assert params.at("inkomstbasbelopp", D(2027, 6, 1)).end == D(2028, 1, 1)


def test_params_add_replaces_only_with_force(tmp_path: Path) -> None:
    folder = tmp_path / "tillagg"
    assert add(folder, "inkomstbasbelopp", "--from", "2027-01-01", "--value", FAKE, "--source", "A")[0] == 0
    before = (folder / "inkomstbasbelopp.yaml").read_bytes()
    code, _, err = add(
        folder, "inkomstbasbelopp", "--from", "2027-01-01", "--value", FAKE + 5, "--source", "B"
    )
    assert code == 2 and "--force" in err and "90000" in err
    assert (folder / "inkomstbasbelopp.yaml").read_bytes() == before
    code, _, err = add(folder, "inkomstbasbelopp", "--from", "2026-01-01", "--value", 84000, "--source", "C")
    assert code == 2 and "83400" in err  # a shipped value is not replaced silently either
    code, out, _ = cli(
        "params", "add", "inkomstbasbelopp", "--from", "2027-01-01", "--value", FAKE + 5, "--source", "B",
        "--params-overlay", folder, "--force", "--lang", "en",
    )  # fmt: skip
    assert code == 0 and "replaced 90000 (from the overlay folder)" in out
    assert with_overlay(default_parameters(), folder).at("inkomstbasbelopp", D(2027, 2, 1)).value == FAKE + 5


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("inkomstbasbelopp", "90 000", "decimalpunkt"),
        ("inkomstbasbelopp", "[1, 2]", "ett tal"),
        ("arbetsgivaravgift_full", "{rate: 6}", "ett tal"),
        ("arbetsgivaravgift_aldre", "{rate: 6, born_from: 1938, born_too: 1959}", "born_to"),
        ("arbetsgivaravgift_aldre", "{rate: 6}", "saknas"),
        ("forenade_titlar", "professor", "en lista"),
        ("forenade_titlar", "[professor, 3]", "text"),
        ("inkomstbasbelopp", ".inf", "ett tal"),
        ("inkomstbasbelopp", "2027-01-01", "datum"),
        ("inkomstbasbelopp", "[unclosed", "YAML"),
        ("inkomstbasbelop", "90000", "Menade du 'inkomstbasbelopp'"),
    ],
)
def test_params_add_refuses_a_value_of_the_wrong_shape(
    tmp_path: Path, name: str, value: str, message: str
) -> None:
    folder = tmp_path / "tillagg"
    code, _, err = add(folder, name, "--from", "2027-01-01", "--value", value, "--source", "Test")
    assert code == 2
    assert message in err
    assert not folder.exists()  # nothing written


def test_params_add_accepts_lists_and_mappings(tmp_path: Path) -> None:
    folder = tmp_path / "tillagg"
    for name, value in (
        ("forenade_titlar", "[professor, lektor, adjunkt]"),
        ("arbetsgivaravgift_aldre", "{rate: 9.99, born_from: 1938, born_to: 1960}"),
    ):
        code, out, _ = add(folder, name, "--from", "2028-01-01", "--value", value, "--source", "Test")
        assert code == 0, out
    params = with_overlay(default_parameters(), folder)
    assert params.at("forenade_titlar", D(2028, 1, 1)).value == ("professor", "lektor", "adjunkt")
    assert params.at("arbetsgivaravgift_aldre", D(2028, 1, 1)).value["born_to"] == 1960
    assert "[professor, lektor, adjunkt]" in (folder / "forenade_titlar.yaml").read_text(encoding="utf-8")


def test_params_add_needs_an_overlay_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = cli(
        "params", "add", "inkomstbasbelopp", "--from", "2027-01-01", "--value", FAKE, "--source", "T"
    )
    assert code == 2 and "--params-overlay" in err
    monkeypatch.setenv(OVERLAY_ENV, str(tmp_path / "env-mapp"))
    code, out, _ = cli(
        "params", "add", "inkomstbasbelopp", "--from", "2027-01-01", "--value", FAKE, "--source", "T"
    )
    assert code == 0 and OVERLAY_ENV in out
    assert (tmp_path / "env-mapp" / "inkomstbasbelopp.yaml").is_file()


def test_params_add_refuses_to_add_to_a_malformed_overlay(tmp_path: Path) -> None:
    folder = overlay(tmp_path, {"prisbasbelopp": "values: [\n"})
    code, _, err = add(folder, "inkomstbasbelopp", "--from", "2027-01-01", "--value", FAKE, "--source", "T")
    assert code == 2 and "prisbasbelopp.yaml" in err
    assert not (folder / "inkomstbasbelopp.yaml").exists()


def test_add_to_overlay_as_a_library(tmp_path: Path) -> None:
    added = add_to_overlay(tmp_path / "t", "inkomstbasbelopp", D(2027, 1, 1), FAKE, source="Test")
    assert added.created and added.ended_here and added.replaced is None
    assert added.dated is not None and added.dated.origin == "overlay"
    assert added.params.at("inkomstbasbelopp", D(2027, 1, 1)).value == FAKE
    with pytest.raises(ValueRefused):
        add_to_overlay(tmp_path / "t", "inkomstbasbelopp", D(2027, 1, 1), FAKE, source="Test")
    with pytest.raises(ValueRefused):
        add_to_overlay(tmp_path / "t", "inkomstbasbelopp", D(2029, 1, 1), FAKE, source="  ")


# --------------------------------------------------------------------------------------------------------
# forenad params status


def status(*args: object) -> list[dict[str, object]]:
    code, out, _ = cli("params", "status", "--format", "json", *args)
    assert code == 0
    data = json.loads(out)
    assert isinstance(data, list)
    return data


def by(entries: list[dict[str, object]], status_kind: str) -> dict[object, dict[str, object]]:
    return {e["name"]: e for e in entries if e["status"] == status_kind}


def test_status_before_the_new_year_lists_what_ends() -> None:
    entries = status("--on", "2026-12-15")
    ending = by(entries, "ending")
    assert ending["inkomstbasbelopp"]["end"] == "2027-01-01" and ending["inkomstbasbelopp"]["days_left"] == 17
    assert {"prisbasbelopp", "arbetsgivaravgift_full"} <= set(ending)
    assert "arbetsgivaravgift_ungdom" not in ending  # its 2026 value is followed by a 2027 value
    assert "inkomstbasbelopp" not in by(entries, "missing")
    assert "semester_ab" in by(entries, "unverified")
    assert "inkomstbasbelopp" not in by(status("--on", "2026-06-01"), "ending")  # more than 90 days away


def test_status_after_the_new_year_lists_what_is_missing(tmp_path: Path) -> None:
    missing = by(status("--on", "2027-02-01"), "missing")
    assert missing["inkomstbasbelopp"]["since"] == "2027-01-01"
    assert missing["inkomstbasbelopp"]["resumes"] is None
    folder = overlay(tmp_path, {"inkomstbasbelopp": ibb_2027()})
    entries = status("--on", "2027-02-01", "--params-overlay", folder)
    assert "inkomstbasbelopp" not in by(entries, "missing")
    unverified = by(entries, "unverified")["inkomstbasbelopp"]
    assert (unverified["value"], unverified["origin"]) == (FAKE, "overlay")
    assert unverified["origin_file"] == str(folder / "inkomstbasbelopp.yaml")


def test_status_text_has_headings_in_both_languages(tmp_path: Path) -> None:
    code, out, _ = cli("params", "status", "--on", "2027-02-01")
    assert code == 0
    assert "Saknar värde den 2027-02-01" in out and "Overifierat värde i kraft" in out
    assert 'forenad params add inkomstbasbelopp --from 2027-01-01 --value … --source "…"' in out
    assert "ingen tilläggsmapp" in out
    folder = overlay(tmp_path, {"inkomstbasbelopp": ibb_2027()})
    code, out, _ = cli("params", "status", "--on", "2026-12-15", "--lang", "en", "--params-overlay", folder)
    assert code == 0 and "Ending within 90 days" in out and "Unverified value in force" in out
    assert f"with the overlay folder {folder}" in out
    assert "inkomstbasbelopp" not in out.split("Ending within 90 days")[1]  # the overlay carries it on


def test_parameter_status_as_a_library() -> None:
    entries = parameter_status(default_parameters(), D(2026, 12, 15), within_days=10)
    assert "inkomstbasbelopp" not in {e.name for e in entries if e.kind == "ending"}
    before_start = parameter_status(default_parameters(), D(2026, 1, 15))
    ungdom = next(e for e in before_start if e.name == "arbetsgivaravgift_ungdom")
    assert (ungdom.kind, ungdom.since, ungdom.resumes) == ("missing", None, D(2026, 4, 1))


# --------------------------------------------------------------------------------------------------------
# Checking, comparing and drafting with an overlay


def check_json(*args: object) -> dict[str, object]:
    code, out, _ = cli("check", *args, "--format", "json")
    assert code in (0, 1, 4), out  # 4: incomplete (a value the check needs is not in force)
    result = json.loads(out)["results"][0]
    assert isinstance(result, dict)
    return result


def test_check_uses_the_overlay_income_base_amount(tmp_path: Path) -> None:
    without = check_json(UPPSALA, "--on", "2027-03-01")
    not_in_force = [f["message"] for f in without["findings"] if f["rule"] == "dates.parameter_not_in_force"]
    assert any("inkomstbasbelopp" in m for m in not_in_force)
    folder = overlay(tmp_path, {"inkomstbasbelopp": ibb_2027()})
    result = check_json("--params-overlay", folder, "--on", "2027-03-01", UPPSALA)
    facts = result["facts"]
    assert isinstance(facts, dict)
    assert facts["break_point_month"] == f"{FAKE * 7.5 / 12:.2f}"  # 7.5 IBB a month, from the overlay
    messages = [f["message"] for f in result["findings"] if f["rule"] == "dates.parameter_not_in_force"]
    assert not any("inkomstbasbelopp" in m for m in messages)


def lkp_overlay(tmp_path: Path) -> Path:
    value = "{percent: 55.5, born_from: 1966, year_of_figure: 2027}"
    text = f"values:\n  2027-01-01:\n    value: {value}\n    {REF}\n"
    return overlay(tmp_path, {"lkp_stat_default": text, "inkomstbasbelopp": ibb_2027()})


def test_check_findings_carry_the_overlay_value(tmp_path: Path) -> None:
    result = check_json("--params-overlay", lkp_overlay(tmp_path), "--on", "2027-03-01", UPPSALA)
    used = [v for f in result["findings"] for v in f.get("values", []) if v["name"] == "lkp_stat_default"]
    assert used and all(v["start"] == "2027-01-01" and v["value"]["percent"] == 55.5 for v in used)


def test_check_findings_name_the_overlay_origin(tmp_path: Path) -> None:
    folder = lkp_overlay(tmp_path)
    result = check_json("--params-overlay", folder, "--on", "2027-03-01", UPPSALA)
    used = [v for f in result["findings"] for v in f.get("values", []) if v["name"] == "lkp_stat_default"]
    assert used and all(v.get("origin") == "overlay" for v in used)
    assert all(v["origin_file"] == str(folder / "lkp_stat_default.yaml") for v in used)


def test_used_value_of_keeps_the_origin(tmp_path: Path) -> None:
    params = with_overlay(default_parameters(), overlay(tmp_path, {"inkomstbasbelopp": ibb_2027()}))
    new = UsedValue.of(params.at("inkomstbasbelopp", D(2027, 3, 1))).as_json()
    assert new["origin"] == "overlay" and new["origin_file"].endswith("inkomstbasbelopp.yaml")
    assert (new["value"], new["start"]) == (FAKE, "2027-01-01")
    old = UsedValue.of(params.at("inkomstbasbelopp", D(2026, 3, 1))).as_json()
    assert old == {
        "name": "inkomstbasbelopp",
        "value": 83400,
        "start": "2026-01-01",
        "confidence": "verified",
    }
    assert UsedValue("x", 1, D(2026, 1, 1), "verified").origin == "shipped"


def test_not_in_force_advice_names_params_add_not_a_package_path() -> None:
    with pytest.raises(ParameterNotInForce) as info:
        default_parameters().at("inkomstbasbelopp", D(2027, 3, 1))
    for lang in ("sv", "en"):
        text = info.value.message(lang)
        assert 'forenad params add inkomstbasbelopp --from 2027-01-01 --value … --source "…"' in text
        assert "rules/parameters" not in text and "site-packages" not in text
    assert "primärkälla" in info.value.message("sv") and "primary source" in info.value.message("en")


def test_compare_uses_the_overlay(tmp_path: Path) -> None:
    folder = overlay(tmp_path, {"inkomstbasbelopp": ibb_2027()})
    code, without, _ = cli("compare", UPPSALA, "--on", "2027-03-01", "--format", "json")
    code2, with_overlay_out, _ = cli(
        "compare", UPPSALA, "--on", "2027-03-01", "--format", "json", "--params-overlay", folder
    )
    assert code in (0, 1) and code2 in (0, 1)
    assert "Parametern inkomstbasbelopp gäller inte" in without
    assert "Parametern inkomstbasbelopp gäller inte" not in with_overlay_out


def test_draft_provenance_records_the_overlay_but_no_path(tmp_path: Path) -> None:
    folder = overlay(tmp_path, {"inkomstbasbelopp": ibb_2027()}, "lokala-parametrar")
    out = tmp_path / "utkast"
    code, stdout, _ = cli(
        "draft", UPPSALA, "-o", out, "--on", "2027-03-01", "--params-overlay", folder, "-j", "1",
        "--template", "samverkansavtal-forenad",
    )  # fmt: skip
    assert code in (0, 1), stdout
    sidecar = next(out.glob("*.provenance.json"))
    text = sidecar.read_text(encoding="utf-8")
    record = json.loads(text)
    params = with_overlay(default_parameters(), folder)
    assert params.overlay is not None
    assert record["parameters_version"] == params.version != default_parameters().version
    assert record["parameters_overlay"] == {
        "folder": "lokala-parametrar",
        "version": params.overlay.version,
        "parameters": ["inkomstbasbelopp"],
    }
    assert str(tmp_path) not in text  # the folder's name only, never where it lives
    from forenad.render.provenance import read_custom_properties

    props = read_custom_properties(next(out.glob("*.docx")).read_bytes())
    assert props["forenad.parameters_overlay"] == "lokala-parametrar"
    assert props["forenad.parameters_overlay_version"] == params.overlay.version


def test_draft_without_overlay_records_none(tmp_path: Path) -> None:
    import forenad

    written = forenad.draft(UPPSALA, tmp_path / "u", template="samverkansavtal-forenad", on=D(2026, 6, 1))
    record = json.loads(next(p for p in written if p.name.endswith(".json")).read_text(encoding="utf-8"))
    assert "parameters_overlay" not in record
    assert record["parameters_version"] == default_parameters().version


# --------------------------------------------------------------------------------------------------------
# Properties


scalars = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs")), max_size=12),
    st.booleans(),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True), inner, max_size=4)
    ),
    max_leaves=8,
)


@settings(max_examples=150, deadline=None)
@given(values)
def test_parse_value_reads_what_json_writes(value: object) -> None:
    assert parse_value(json.dumps(value, ensure_ascii=False)) == value


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.integers(min_value=0, max_value=10**9), st.floats(min_value=0, max_value=1e9)))
def test_any_finite_number_fits_a_number_and_text_does_not(number: float) -> None:
    assert shape_problem(83400, number) is None
    assert shape_problem(83400, str(number)) is not None
    assert shape_problem(["professor"], [str(number)]) is None
    assert shape_problem({"rate": 1.5, "born_to": None}, {"rate": number, "born_to": 1960}) is None


dates = st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31))


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(dates, st.one_of(st.none(), st.integers(1, 10**6)), max_size=5),
    st.lists(dates, min_size=1, max_size=6),
)
def test_merge_is_value_by_value(overlay_values: dict[dt.date, int | None], probes: list[dt.date]) -> None:
    """The merged parameter answers every date as the shipped timeline updated with the overlay's entries."""
    base = default_parameters()
    shipped = base.get("inkomstbasbelopp")
    lines = ["values:"]
    for start, value in overlay_values.items():
        lines.append(f"  {start.isoformat()}:\n    value: {'null' if value is None else value}")
        if value is not None:
            lines.append(f"    {REF}")
    timeline: dict[dt.date, int | None] = {e.start: e.value for e in shipped.entries}
    for e in shipped.entries:
        if e.end is not None:
            timeline.setdefault(e.end, None)
    timeline.update(overlay_values)
    if not overlay_values:
        return
    if all(v is None for s, v in sorted(timeline.items())):
        return
    try:
        merged = apply_file(
            shipped, "mem/inkomstbasbelopp.yaml", "inkomstbasbelopp", "\n".join(lines).encode()
        )
    except DataFileError:
        assert all(timeline[s] is None for s in timeline)  # only when nothing would be left
        return
    for probe in probes:
        earlier = [s for s in timeline if s <= probe]
        expected = timeline[max(earlier)] if earlier else None
        try:
            got = merged.at(probe).value
        except ParameterNotInForce:
            got = None
        assert got == expected, (probe, timeline)


NEW_ANSWERS = {
    "model": "forenad_tva_anstallningar",
    "id": "ORU-RÖL-2026-003",
    "employer.1.name": 5,
    "employer.2.name": "Region Örebro län",
    "person.name": "Åsa Öberg",
    "person.birth": 1995,
    "person.profession": "sjuksköterska",
    "start_date": "2026-01-01",
    "part.1.position": "lektor",
    "part.1.monthly_salary": 23500,
    "part.2.position": "specialistsjukskoterska",
    "part.2.monthly_salary": 23500,
    "check": True,
    "draft": True,
}


def test_new_passes_the_overlay_to_its_check_and_draft(tmp_path: Path) -> None:
    folder = overlay(tmp_path, {"inkomstbasbelopp": ibb_2027()}, "lokala")
    answers = tmp_path / "svar.yaml"
    answers.write_text(json.dumps(NEW_ANSWERS, ensure_ascii=False), encoding="utf-8")
    code, out, _ = cli("new", "-o", tmp_path / "avtal.yaml", "--answers", answers, "--params-overlay", folder)
    assert code == 0, out
    records = [json.loads(p.read_text(encoding="utf-8")) for p in tmp_path.glob("avtal.*.provenance.json")]
    assert records and all(r["parameters_overlay"]["folder"] == "lokala" for r in records)
