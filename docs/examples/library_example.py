"""forenad as a library: the runnable version of every snippet in docs/library.md, in the same order.

It uses only the public names (``import forenad``, ``from forenad import …``) and builds every agreement it
needs in code, so it runs from any directory against a checkout or an installed forenad::

    python docs/examples/library_example.py

It writes only into a temporary directory, which it removes at the end. The imports stand in the section
that first needs them, as in the document, hence the file-wide E402 exemption.
"""

# ruff: noqa: E402

# --- 1. Build an agreement in code ----------------------------------------------------------------------

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import forenad
from forenad import Agreement

ON = dt.date(2026, 6, 1)  # every evaluation below is at this date, so the output is reproducible

data: dict[str, Any] = {
    "id": "HR-2026-0042",
    "title": "Avtal om förenad anställning som lektor och specialistsjuksköterska",
    "model": "forenad_tva_anstallningar",
    "person": {"name": "Ada Exempel", "birth_year": 1990, "profession": "sjuksköterska"},
    "employers": [
        {
            "id": "oru",
            "name": "Örebro universitet",
            "organisationsnummer": "202100-2924",
            "kind": "statligt_larosate",
        },
        {"id": "rol", "name": "Region Örebro län", "organisationsnummer": "232100-0164", "kind": "region"},
    ],
    "total_extent_percent": 100,
    "start_date": "2026-02-01",
    "review_date": "2027-02-01",
    "parts": [
        {
            "employer": "oru",
            "position": "lektor",
            "title": "Lektor i omvårdnad",
            "extent_percent": 50,
            "monthly_salary": 34000,
            "working_time": {"form": "annual_hours", "full_time_hours": 1732},
            "workplace": "Institutionen för hälsovetenskaper",
            "employed_since": "2023-08-15",
        },
        {
            "employer": "rol",
            "position": "specialistsjukskoterska",
            "title": "Specialistsjuksköterska",
            "extent_percent": 50,
            "monthly_salary": 34000,
            "working_time": {"form": "weekly_hours", "full_time_hours": 40},
            "workplace": "Intensivvårdsavdelningen",
            "employed_since": "2014-06-01",
        },
    ],
    "cost_settlement": {
        "shares": [
            {"part": 0, "payer": "oru", "share_percent": 100},
            {"part": 1, "payer": "rol", "share_percent": 100},
        ]
    },
    "work_environment": [
        {"workplace": "Institutionen för hälsovetenskaper", "responsible": "oru"},
        {"workplace": "Intensivvårdsavdelningen", "responsible": "rol"},
    ],
    "rehabilitation": {"lead": "rol"},
    "sick_pay": {"handling": "varje_arbetsgivare"},
    "vacation": {"coordination": "Semestern läggs ut efter samråd mellan prefekt och vårdenhetschef."},
    "secondary_employment": {"reported_to": ["oru", "rol"]},
    "linked_termination": {"linked": True, "description": "Upphör den ena anställningen samråder parterna."},
    "procedure": {
        "dispute": "Samråd mellan prefekt och vårdenhetschef.",
        "exit": "Avtalet kan sägas upp med sex månaders varsel.",
    },
    "signatories": [
        {"name": "Lars Nyberg", "role": "Prefekt", "party": "oru"},
        {"name": "Eva Sund", "role": "Områdeschef", "party": "rol"},
    ],
}

agreement: Agreement = Agreement.model_validate(data)  # pydantic.ValidationError if invalid
print(agreement.model.value, agreement.total_extent, [p.position.value for p in agreement.parts])

# --- 2. Validation errors, located and translated -------------------------------------------------------

from pydantic import ValidationError

from forenad import LoadResult

bad = json.loads(json.dumps(data))  # a deep copy
bad["parts"][1]["extent_percen"] = bad["parts"][1].pop("extent_percent")
bad["employers"][1]["organisationsnummer"] = "232100-0165"

loaded: LoadResult = forenad.parse_agreement(json.dumps(bad, indent=2, ensure_ascii=False), "hr-export.json")
assert not loaded.valid and loaded.agreement is None
for error in loaded.errors:  # forenad.InputError: path, line, message(lang)
    print(f"{loaded.file}:{error.line}: {error.path}: {error.message('sv')}")

try:
    Agreement.model_validate(bad)
except ValidationError as exc:
    for problem in exc.errors(include_url=False, include_input=False):  # no input values: no personnummer
        print(".".join(map(str, problem["loc"])), problem["type"])

# --- 3. Evaluate at a date: findings --------------------------------------------------------------------

from forenad import Finding

findings: list[Finding]
facts: dict[str, Any]
findings, facts = forenad.evaluate(agreement, ON)

for f in findings:
    mark = " (unverified value)" if f.unverified else ""
    print(f"{f.severity:7} {f.topic}/{f.rule}{mark}")
    print("   ", f.text("en"))
    print("    fields:", ", ".join(f.paths), "| refs:", "; ".join(r.short() for r in f.refs))
    for used in f.values:  # the dated parameter values the finding rests on
        print(f"    uses {used.name} from {used.start} ({used.confidence})")

errors = [f for f in findings if f.severity == "error"]
print("would exit 1:", bool(errors))

# --- 4. Facts -------------------------------------------------------------------------------------------

print(facts["total_extent"], facts["break_point_month"], facts["pension_split_loss_month"])
for i, part in enumerate(facts["parts"]):
    print(
        i,
        part["collective_agreement"],
        part["pension_scheme"],
        part["vacation_days"],
        part["notice_employee_months"],
        part["notice_undetermined"],
    )
json.dumps(facts)  # JSON-ready: the same dict as "facts" in `forenad check --format json`

# --- 5. Economics ---------------------------------------------------------------------------------------

from decimal import Decimal

from forenad import Economics

econ: Economics = forenad.compute(agreement, ON)
for employer in econ.employers:
    cost: Decimal | None = employer.cost_year
    print(
        employer.id,
        employer.pension_scheme,
        employer.overhead_percent,
        employer.overhead_source,
        cost,
        employer.cost_basis,
    )
    if employer.cost_basis == "lower_bound" or cost is None:
        why = employer.why("overhead_percent")
        print("   ", why("en") if why else "")
print("person:", econ.person.pension_month, econ.person.single_pension_month, econ.person.split_loss_month)
print("total:", econ.total.cost_year, econ.total.cost_basis, "unverified:", econ.unverified)
assert econ.invoice is None  # no cost_settlement.invoicing in this agreement
json.dumps(econ.as_json())  # the same figures as facts["economics"]

# --- 6. Reading files: load() raises, read_agreement() does not -----------------------------------------

import tempfile
from pathlib import Path

from forenad import AgreementFileError

work = Path(tempfile.mkdtemp(prefix="forenad-"))  # every file below is written here

yaml_text: str = forenad.dump_yaml(agreement)
agreement_file = work / "avtal.yaml"
agreement_file.write_text(yaml_text, encoding="utf-8")
assert forenad.load(agreement_file) == agreement  # the YAML loads back to an equal agreement
(work / "avtal.json").write_text(forenad.dump_json(agreement), encoding="utf-8")  # JSON does too

broken = work / "trasigt.yaml"
broken.write_text(yaml_text.replace("extent_percent: 50", "extent_percent: 150", 1), encoding="utf-8")
try:
    forenad.load(broken)
except AgreementFileError as exc:
    print("AgreementFileError:", exc.file, [(e.line, e.path, e.message("en")) for e in exc.errors])

for path in (agreement_file, broken, work / "saknas.yaml"):
    result = forenad.read_agreement(path)  # never raises for bad input (a missing file is an error too)
    print(path.name, result.valid, [e.message("en") for e in result.errors])

run = forenad.check_files([agreement_file, work / "avtal.json", broken], on=ON)
print("exit code:", run.exit_code)  # 2: one file could not be validated
for file_result in run.results:
    print(Path(file_result.file).name, file_result.valid, file_result.has_errors, len(file_result.findings))
report: dict[str, Any] = run.as_json("en")  # the `forenad check --format json` object

# --- 7. Your own rules and parameters -------------------------------------------------------------------

import shutil

from forenad import DataFileError, ParameterNotInForce, ParameterSet, RuleSet

rules_dir = work / "regler"  # the organisation's own rule files only
rules_dir.mkdir()
(rules_dir / "lokala.yaml").write_text(  # a local rule (see docs/rules.md)
    """\
rules:
  - id: extent.clinical_part_below_local_minimum
    topic: extent
    severity: warning
    applies_to: [forenad_en_arbetsgivare, forenad_tva_anstallningar]
    each: parts
    title: {sv: "Klinisk del under lokalt minimum", en: "Clinical part below the local minimum"}
    when:
      all:
        - {fact: is_clinical, eq: true}
        - {path: part.extent_percent, lt: 20}
    message:
      sv: "Del {index} ({employer.name}) omfattar {part.extent_percent:pct}; riktlinjen kräver 20 %."
      en: "Part {index} ({employer.name}) is {part.extent_percent:pct}; the guideline asks for 20 %."
    paths: [parts.*.extent_percent]
    refs:
      - {kind: other, id: Region Exempel, title: "Riktlinje för förenade anställningar (lokal)"}
""",
    encoding="utf-8",
)
params_dir = work / "parametrar"
shutil.copytree(forenad.data_dir("rules", "parameters"), params_dir)  # the packaged parameters

shipped_rules = forenad.default_rules()
own_rules: RuleSet = forenad.with_local_rules(shipped_rules, rules_dir)  # the packaged ones and lokala.yaml
own_params: ParameterSet = forenad.load_parameters(params_dir)  # DataFileError (file, line, key) if malformed
print(len(own_rules.rules) - len(shipped_rules.rules), own_rules.version != shipped_rules.version)

changed = agreement.model_dump(mode="json")  # change a copy, then validate again
changed["parts"][0].update(extent_percent=85, monthly_salary=57800)
changed["parts"][1].update(extent_percent=15, monthly_salary=10200)
uneven = Agreement.model_validate(changed)

own_findings, _ = forenad.evaluate(uneven, ON, rules=own_rules, params=own_params, facts=False)
print([f.text("en") for f in own_findings if f.rule == "extent.clinical_part_below_local_minimum"])
own_run = forenad.check_files([agreement_file], on=ON, rules=own_rules, params=own_params)
own_econ = forenad.compute(uneven, ON, params=own_params)
print(own_run.exit_code, own_econ.total.cost_year)

(rules_dir / "lokala.yaml").write_text(
    (rules_dir / "lokala.yaml").read_text("utf-8").replace("is_clinical", "is_clinicl"), "utf-8"
)
try:
    forenad.with_local_rules(shipped_rules, rules_dir)
except DataFileError as exc:
    print("DataFileError:", exc.file, exc.line, exc.key, exc.problem, exc.suggestion)

ibb = forenad.default_parameters().at("inkomstbasbelopp", ON)  # a DatedValue
print(ibb.value, ibb.start, ibb.end, ibb.confidence, [r.short() for r in ibb.refs])
try:
    forenad.default_parameters().at("inkomstbasbelopp", dt.date(2027, 3, 1))
except ParameterNotInForce as exc:
    print(exc.message("en"))
later, _ = forenad.evaluate(agreement, dt.date(2027, 3, 1), facts=False)
print([f.rule for f in later if f.topic == "dates"])  # ['dates.parameter_not_in_force']

# --- 7. An overlay instead of a copy --------------------------------------------------------------------

overlay_dir = work / "tillagg"  # an overlay folder: only the values you add
overlay_dir.mkdir()
(overlay_dir / "inkomstbasbelopp.yaml").write_text(
    """\
values:
  2027-01-01:
    value: 86000  # made up for this example: enter the amount the Government sets
    refs: [{kind: other, id: Exempel, title: "Påhittat värde för exemplet"}]
""",
    encoding="utf-8",
)
mine = forenad.resolve_parameters(overlay=overlay_dir)  # DataFileError for a malformed file
value = mine.at("inkomstbasbelopp", dt.date(2027, 3, 1))
print(value.value, value.origin, value.confidence, mine.version != forenad.default_parameters().version)
later, _ = forenad.evaluate(agreement, dt.date(2027, 3, 1), params=mine, facts=False)
print([f.rule for f in later if f.topic == "dates"])  # in force now
later_drafts = forenad.draft_files(agreement, on=dt.date(2027, 3, 1), params=mine)  # see section 8
record = json.loads(later_drafts["hr-2026-0042.samverkansavtal-forenad.provenance.json"])
print(record["parameters_overlay"]["folder"], record["parameters_overlay"]["parameters"])  # named

# --- 8. Drafts: in memory or on disk --------------------------------------------------------------------

from forenad import DraftError, FinalRefused, OutputExists

files: dict[str, bytes] = forenad.draft_files(agreement, on=ON)  # nothing is written to disk
document_store: dict[str, bytes] = {}  # stands in for the HR system's document store
for name, content in files.items():
    document_store[f"{agreement.id}/{name}"] = content
print(list(files))
provenance = json.loads(files["hr-2026-0042.samverkansavtal-forenad.provenance.json"])
print(provenance["template"]["id"], provenance["mode"], provenance["evaluated_on"], provenance["agreement"])

written: list[Path] = forenad.draft(agreement, work / "utkast", on=ON)  # the same files, written as a set
print(sorted(p.name for p in written) == sorted(files))
try:
    forenad.draft(agreement, work / "utkast", on=ON)  # again: the files exist (force=True replaces them)
except OutputExists as exc:
    print("OutputExists:", exc.path.name)

short = agreement.model_dump(mode="json")
short["parts"][1]["extent_percent"] = 40  # the parts now add up to 90 %, not total_extent_percent
try:
    forenad.draft_files(Agreement.model_validate(short), on=ON, final=True)
except FinalRefused as exc:  # a DraftError: final=True refuses an agreement with rule errors
    print("FinalRefused:", [f.rule for f in exc.findings])
except DraftError as exc:  # a template that cannot be used, a missing value with final=True, a PDF failure
    print("DraftError:", exc.message("en"))

template_dir = work / "mall"
forenad.export_template("samverkansavtal-forenad", template_dir)  # edit template.docx in Word, then …
template_report = forenad.check_template(template_dir)  # … check it as `forenad templates check` does
print(template_report.exit_code, [issue.text("en") for issue in template_report.errors])
print(list(forenad.draft_files(agreement, template_dir, on=ON)))

# --- 9. Comparisons -------------------------------------------------------------------------------------

from forenad import Comparison

comparison: Comparison = forenad.compare([agreement, uneven], on=ON)  # agreements, LoadResults or paths
total = comparison.row("cost.total")
print(total.values, total.differs, comparison.exit_code)

# --- 10. Privacy: the personnummer ----------------------------------------------------------------------

person = {**data["person"], "personnummer": "19121212-1212"}
del person["birth_year"]
with_pnr = Agreement.model_validate({**data, "person": person})
pnr = with_pnr.person.personnummer
assert pnr is not None
print(repr(pnr), pnr.masked(), repr(with_pnr.person))  # masked: Personnummer('19121212-****')
assert "19121212-1212" not in json.dumps(forenad.evaluate(with_pnr, ON)[1])  # not in the facts
assert with_pnr.model_dump(mode="json")["person"]["personnummer"] == "19121212-1212"  # but in a dump

# --- 12. A portfolio, and what changes at a date --------------------------------------------------------

folder = work / "avtal"
folder.mkdir()
(folder / "lektor.yaml").write_text(forenad.dump_yaml(agreement), encoding="utf-8")
(folder / "ojamn.yaml").write_text(forenad.dump_yaml(uneven), encoding="utf-8")
summary = forenad.summarize(forenad.check(folder, on=ON))  # a Summary, as `forenad check FOLDER` prints it
print(summary.files, summary.valid, summary.with_errors, summary.with_warnings, summary.incomplete)

yearly = forenad.changes([folder], dt.date(2025, 12, 31), dt.date(2026, 1, 1))  # the 2026 amounts
for entry in yearly.changed:  # yearly.unchanged: the agreements nothing changes for
    print(Path(entry.label).name, [(c.kind, c.rule) for c in entry.findings])
    for figure in entry.figures:
        print("  ", figure.path, figure.before, "->", figure.after)
    print("  ", [(p.name, p.before.value, p.after.value) for p in entry.parameters if p.before and p.after])

shutil.rmtree(work)
