"""The engine's outcomes on a fixed, generated set of agreements, for ``tests/test_engine_golden.py``.

Everything the outcomes depend on besides the engine's code is frozen in this folder: the rule files
(``checks/``), the parameters (``parameters/``) and the agreements the set is generated from (``bases/``),
as they were on 2026-12-04, just after the engine lost its cross-agreement sharing (issue 18; before that
change was merged, its findings and facts were compared with the old engine's on 560 agreements generated
the same way, and were identical). So a change to the shipped rules or parameters never touches
this test; a change to the engine, the derived facts or the economics that changes an outcome does.

When such a change is deliberate, write the new digests and say why in the commit::

    python tests/golden/outcomes.py --write
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DIGESTS = HERE / "digests.json"
SEED = 20261204
VARIANTS = 24
POSITIONS = [
    "professor", "lektor", "bitradande_lektor", "adjunkt", "overlakare", "specialistsjukskoterska",
    "adjungerad_lektor", "doktorand", "postdoktor", "annan",
]  # fmt: skip
KINDS = [
    "statligt_larosate", "enskilt_larosate", "region", "kommun", "privat_vardgivare", "annan_arbetsgivare",
]  # fmt: skip
DATES = [
    dt.date(2026, 6, 1), dt.date(2024, 2, 1), dt.date(2025, 7, 14), dt.date(2025, 7, 15),
    dt.date(2022, 6, 1), dt.date(2019, 1, 1), dt.date(2026, 12, 31), dt.date(2027, 3, 1),
]  # fmt: skip
BIRTH_YEARS = [1936, 1950, 1957, 1958, 1960, 1966, 1971, 1979, 1985, 1986, 1988, 1995, 2004, 2006]


def cases() -> Iterator[tuple[str, dict[str, Any], dt.date]]:
    """(name, agreement data, date): each base as it is, then variants of birth year, salary, extent,
    position, start, employer kind and pension scheme, from a fixed seed."""
    from forenad import yamlio

    rng = random.Random(SEED)
    for path in sorted((HERE / "bases").glob("*.yaml")):
        base = yamlio.load(path).data
        for k in range(VARIANTS):
            data = copy.deepcopy(base)
            if k:
                data["person"].pop("personnummer", None)
                data["person"]["birth_year"] = rng.choice(BIRTH_YEARS)
                for part in data["parts"]:
                    if rng.random() < 0.5:
                        part["monthly_salary"] = rng.choice([20000, 26500, 45000, 52125, 70000, 98000])
                    if rng.random() < 0.3:
                        part["extent_percent"] = rng.choice([10, 20, 25, 50, 60, 80, 100])
                    if rng.random() < 0.2:
                        part["position"] = rng.choice(POSITIONS)
                    if rng.random() < 0.15:
                        part["start_date"] = rng.choice(["2020-01-01", "2023-03-01", "2025-09-01"])
                for employer in data["employers"]:
                    if rng.random() < 0.1:
                        employer["kind"] = rng.choice(KINDS)
                    if rng.random() < 0.1:
                        employer["pension_scheme"] = rng.choice(["akap_kr", "kap_kl", "pa16_avd1", "itp1"])
            yield f"{path.stem}#{k}", data, DATES[k % len(DATES)]


def outcomes() -> dict[str, str]:
    """Each valid case's findings and facts (JSON, both languages) as a SHA-256; invalid variants are
    skipped (the same ones every time)."""
    from pydantic import ValidationError

    from forenad.engine import evaluate, load_rules
    from forenad.model import Agreement
    from forenad.params import load_parameters

    rules = load_rules(HERE / "checks")
    params = load_parameters(HERE / "parameters")
    digests: dict[str, str] = {}
    for name, data, on in cases():
        try:
            agreement = Agreement.model_validate(data)
        except ValidationError:
            continue
        findings, facts = evaluate(agreement, on, rules=rules, params=params)
        record = {
            "findings": [
                {**f.as_json("sv"), "message_en": f.text("en"), "not_made": [n.as_json() for n in f.not_made]}
                for f in findings
            ],
            "facts": facts,
        }
        text = json.dumps(record, ensure_ascii=False, sort_keys=True, default=str)
        digests[f"{name}@{on.isoformat()}"] = hashlib.sha256(text.encode()).hexdigest()
    return digests


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python tests/golden/outcomes.py --write")
    found = outcomes()
    DIGESTS.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(found)} cases written to {DIGESTS}")
