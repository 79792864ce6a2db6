"""A generated portfolio for the survey tests: a few hundred agreements across several organisations, made
from the shipped examples with deterministic variation, and what each agreement is expected to count as.

Every person gets a name of their own, about a third a personnummer, and every part a salary of its own,
so that the privacy tests can search every output for each of them. The organisations are swapped for
those of five sites in five counties (names only: their organisation numbers are dropped, so the county
comes from the names), plus a region the county table does not know (two agreements) and one agreement
across two counties. Exactly two agreements are adjungeringar, so that cell must be hidden.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stdnum import luhn

from forenad import yamlio

ROOT = Path(__file__).resolve().parents[1]
ON = dt.date(2026, 6, 1)

SITES: dict[str, dict[str, str]] = {
    "03": {
        "region": "Region Uppsala",
        "statligt_larosate": "Uppsala universitet",
        "kommun": "Uppsala kommun",
    },
    "18": {
        "region": "Region Örebro län",
        "statligt_larosate": "Örebro universitet",
        "kommun": "Örebro kommun",
    },
    "20": {"region": "Region Dalarna", "statligt_larosate": "Högskolan Dalarna", "kommun": "Falu kommun"},
    "17": {
        "region": "Region Värmland",
        "statligt_larosate": "Karlstads universitet",
        "kommun": "Karlstads kommun",
    },
    "12": {"region": "Region Skåne", "statligt_larosate": "Lunds universitet", "kommun": "Malmö stad"},
}
UNKNOWN_SITE = {
    "region": "Region Testland",
    "statligt_larosate": "Testlands högskola",
    "kommun": "Testby kommun",
}
FIRST = [
    "Alva",
    "Bror",
    "Cecilia",
    "Dragan",
    "Elsa",
    "Fredrik",
    "Greta",
    "Hampus",
    "Ingrid",
    "Jussi",
    "Kajsa",
]
LAST = ["Aronsson", "Björkqvist", "Carlgren", "Dufva", "Edqvist", "Frändén", "Grahn", "Hultqvist", "Isaksson"]
PROFESSIONS = ["läkare", "sjuksköterska", "fysioterapeut", "sjuksköterska", "läkare"]


@dataclass
class Expected:
    """What a generated agreement is: the id, model, county, profession and the personal data it holds."""

    id: str
    model: str
    county: str
    profession: str
    end_date: dt.date | None
    review_date: dt.date | None
    names: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    salaries: list[int] = field(default_factory=list)


def _personnummer(rng: random.Random, year: int) -> str:
    month, day, serial = rng.randint(1, 12), rng.randint(1, 28), rng.randint(100, 999)
    digits = f"{year % 100:02d}{month:02d}{day:02d}{serial:03d}"
    return f"{year}{month:02d}{day:02d}-{serial:03d}{luhn.calc_check_digit(digits)}"


def _bases() -> dict[str, dict[str, Any]]:
    return {p.stem: yamlio.load(p).data for p in sorted((ROOT / "examples").glob("*.yaml"))}


def generate(n: int = 300, seed: int = 22) -> list[tuple[dict[str, Any], Expected]]:  # noqa: C901 (one recipe)
    """``n`` agreements (as data) and what each is expected to count as."""
    rng = random.Random(seed)
    bases = _bases()
    adjungering = "dalarna-adjungerad-lektor"
    others = [k for k in bases if k != adjungering]
    names: set[str] = set()
    out: list[tuple[dict[str, Any], Expected]] = []
    for i in range(n):
        key = adjungering if i in (5, 150) else others[i % len(others)]
        data = copy.deepcopy(bases[key])
        county = list(SITES)[i % len(SITES)]
        site = SITES[county]
        if i in (7, 8):  # the region the county table does not know: okänt län
            site, county = UNKNOWN_SITE, "okant"
        cross = i == 17 and any(e["kind"] == "kommun" for e in data["employers"])
        for employer in data["employers"]:
            employer.pop("organisationsnummer", None)
            employer["name"] = site[employer["kind"]]
            if cross and employer["kind"] == "kommun":
                employer["name"] = SITES["18" if county != "18" else "03"]["kommun"]
        if cross:
            county = "flera"
        data["id"] = f"{data['id']}-G{i:04d}"
        person = data["person"]
        while True:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}-{rng.choice(FIRST)}"
            if name not in names:
                names.add(name)
                break
        person["name"] = name
        year = rng.randint(1960, 1998)
        numbers: list[str] = []
        if i % 3 == 0:
            person.pop("birth_year", None)
            person["personnummer"] = _personnummer(rng, year)
            numbers.append(person["personnummer"])
        else:
            person.pop("personnummer", None)
            person["birth_year"] = year
        profession = PROFESSIONS[i % len(PROFESSIONS)]
        if i in (11, 12):
            profession = "barnmorska"  # two agreements: pooled under Övriga
        if i == 13:
            profession = f"kurator hos {name}"  # free text with the person's name: must never show
        person["profession"] = profession
        first = rng.choice([20, 30, 40, 50, 60, 70, 80])
        extents = [first, 100 - first] if len(data["parts"]) == 2 else [100]
        salaries: list[int] = []
        for part, extent in zip(data["parts"], extents, strict=False):
            part["extent_percent"] = extent
            salary = round(rng.randint(30_000, 110_000) * extent / 100) + rng.choice([7, 13, 29, 41])
            part["monthly_salary"] = salary
            salaries.append(salary)
            if "manager" in part:
                part["manager"] = f"Chef {name}"
        data["start_date"] = "2025-01-01"
        for part in data["parts"]:
            part.pop("start_date", None)
            part.pop("end_date", None)
        end = dt.date(2026, 6, 1) + dt.timedelta(days=rng.randint(-60, 900)) if i % 4 == 0 else None
        review = dt.date(2026, 6, 1) + dt.timedelta(days=rng.randint(-30, 400)) if i % 2 == 0 else None
        data["end_date"] = end.isoformat() if end else None
        data["review_date"] = review.isoformat() if review else None
        if end is None:
            data.pop("end_date")
        if review is None:
            data.pop("review_date")
        signatories = data.get("signatories") or []
        people = [name]
        for k, signatory in enumerate(signatories):
            if signatory.get("party") == "person":
                signatory["name"] = name
            else:
                signatory["name"] = f"{rng.choice(FIRST)} Undertecknare{i}x{k}"
                people.append(signatory["name"])
        if data.get("doctoral_studies"):
            supervisors = [f"Handledare {name}", f"Biträdande {name}"]
            data["doctoral_studies"]["supervisors"] = supervisors
            people.extend(supervisors)
        if any("manager" in p for p in data["parts"]):
            people.append(f"Chef {name}")
        data.setdefault("vacation", None)
        if data["vacation"] is None:
            data.pop("vacation")
        out.append(
            (
                data,
                Expected(
                    id=data["id"],
                    model=data["model"],
                    county=county,
                    profession=profession,
                    end_date=end,
                    review_date=review,
                    names=people,
                    numbers=numbers,
                    salaries=salaries,
                ),
            )
        )
    return out


def write(folder: Path, agreements: list[tuple[dict[str, Any], Expected]], organisations: int = 3) -> None:
    """The agreements as files under ``folder``: one sub-folder per "organisation" (round robin), half as
    YAML-compatible JSON with a ``.yaml`` ending and half as ``.json``."""
    for i, (data, _) in enumerate(agreements):
        sub = folder / f"org{i % organisations}"
        sub.mkdir(parents=True, exist_ok=True)
        suffix = ".json" if i % 2 else ".yaml"
        (sub / f"avtal{i:04d}{suffix}").write_text(json.dumps(data, ensure_ascii=False, default=str), "utf-8")
