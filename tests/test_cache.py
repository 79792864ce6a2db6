"""The on-disk cache of parsed rules and parameters: the same objects as parsing, used only when the files
are those parsed before, never trusted from a folder others can write, and never an error."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from forenad import cache
from forenad.engine import load_rules
from forenad.engine.rules import checks_dir
from forenad.params import load_parameters

ROOT = Path(__file__).resolve().parents[1]
PARAMETERS = ROOT / "rules" / "parameters"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv("FORENAD_CACHE_DIR", str(where))
    return where


def test_parameters_from_the_cache_equal_those_parsed(folder: Path, tmp_path: Path) -> None:
    copy = tmp_path / "parametrar"
    shutil.copytree(PARAMETERS, copy)
    first = load_parameters(copy)
    assert list(folder.glob("parameters-*.pickle"))
    second = load_parameters(copy)
    assert second is not first
    assert second.version == first.version and second.names() == first.names()
    on = dt.date(2026, 3, 1)
    assert [second.at(n, on) if second.get(n).entries else None for n in ("inkomstbasbelopp",)] == [
        first.at("inkomstbasbelopp", on)
    ]
    with pytest.raises(TypeError):  # still frozen after the round trip
        second.at("pension_akap_kr", on).value["coverage"]["x"] = 1
    # A changed file is parsed again, not read from the cache.
    ibb = copy / "inkomstbasbelopp.yaml"
    ibb.write_text(ibb.read_text(encoding="utf-8").replace("value: 83400", "value: 83401"), encoding="utf-8")
    assert load_parameters(copy).at("inkomstbasbelopp", on).value == 83401


def test_rules_from_the_cache_equal_those_parsed(folder: Path) -> None:
    first = load_rules(checks_dir())
    second = load_rules(checks_dir())
    assert [r.id for r in second.rules] == [r.id for r in first.rules]
    assert [r.when for r in second.rules] == [r.when for r in first.rules]
    assert list(folder.glob("rulefile-*.pickle"))


def test_a_damaged_entry_is_parsed_again(folder: Path, tmp_path: Path) -> None:
    copy = tmp_path / "parametrar"
    shutil.copytree(PARAMETERS, copy)
    load_parameters(copy)
    for entry in folder.glob("parameters-*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert load_parameters(copy).at("inkomstbasbelopp", dt.date(2026, 3, 1)).value == 83400


def test_a_folder_others_can_write_is_not_trusted(folder: Path) -> None:
    folder.mkdir()
    os.chmod(folder, 0o777)
    load_rules(checks_dir())
    assert not list(folder.glob("*.pickle"))


def test_off_and_unwritable_mean_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORENAD_CACHE", "0")
    assert cache.directory() is None
    monkeypatch.delenv("FORENAD_CACHE")
    blocker = tmp_path / "fil"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("FORENAD_CACHE_DIR", str(blocker / "under"))  # cannot be created
    assert load_rules(checks_dir()).rules


def test_many_compiled_template_parts_never_push_the_rules_out(folder: Path) -> None:
    """Pruning is per kind: drafting every template in both languages leaves hundreds of small compiled
    parts, and the parsed rules and parameters stay cached beside them."""
    cache.cached("rulefile", "r" * 32, lambda: "the rules")
    for number in range(200):
        cache.cached("jinja", f"{number:032d}", lambda: b"code")
    for number in range(cache._MAX_ENTRIES + 5):
        cache.cached("other", f"{number:032d}", lambda: 1)
    assert cache.cached("rulefile", "r" * 32, lambda: "parsed again") == "the rules"
    assert len(list(folder.glob("jinja-*.pickle"))) == 200
    assert len(list(folder.glob("other-*.pickle"))) == cache._MAX_ENTRIES
