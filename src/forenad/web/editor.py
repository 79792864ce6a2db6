"""The agreement page's work: the file's version, the form's nodes, checking what the form holds, and
saving it back into the file with its comments.

Checking goes through the library as a file would: the form's data is validated by
:func:`forenad.io.parse_agreement` (the same messages as ``forenad check``) and checked by
:func:`forenad.check`. Saving writes :func:`forenad.roundtrip.update_text` of the file as it is on disk,
atomically, and only when the file is still the version the form was opened on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as _field
from decimal import Decimal
from pathlib import Path
from typing import Any

from forenad.errors import InputError
from forenad.i18n import Lang, t
from forenad.model import Agreement
from forenad.report import Finding
from forenad.web.forms import (
    NEW,
    ORIG,
    Field,
    data_of,
    fields_of,
    item_indexes,
)
from forenad.web.labels import FIELDS, field_label, item_label, word

EMPLOYER_REFS = frozenset(
    {
        "Agreement.main_employer",
        "Part.employer",
        "Part.host",
        "CostShare.payer",
        "Invoicing.seller",
        "Invoicing.buyer",
        "WorkEnvironmentDuty.responsible",
        "Rehabilitation.lead",
        "DoctoralStudies.larosate",
        "Signatory.party",
    }
)
"""Fields that name an employer by its id: their inputs suggest the ids in the form."""


def dom_id(path: str) -> str:
    return path.replace(".", "-") if path else "general"


# --------------------------------------------------------------------------------------------------------
# The file


@dataclass(frozen=True, slots=True)
class Version:
    """What the form was opened on: the file's SHA-256 and modification time (nanoseconds)."""

    sha256: str
    mtime_ns: int

    @classmethod
    def of(cls, raw: bytes, path: Path) -> Version:
        return cls(hashlib.sha256(raw).hexdigest(), path.stat().st_mtime_ns)


@dataclass(frozen=True, slots=True)
class OnDisk:
    path: Path
    raw: bytes
    version: Version
    text: str | None
    data: Any
    errors: tuple[InputError, ...]

    @property
    def personnummer(self) -> str | None:
        person = self.data.get("person") if isinstance(self.data, dict) else None
        value = person.get("personnummer") if isinstance(person, dict) else None
        return str(value) if value else None


def read(path: Path) -> OnDisk:
    """The file as it is now: its bytes, version, text and data (``None`` with errors when it cannot be
    parsed)."""
    from forenad import yamlio
    from forenad.io import parse_agreement

    raw = path.read_bytes()
    version = Version.of(raw, path)
    try:
        if len(raw) > yamlio.MAX_BYTES:
            raise yamlio.DocumentError(t("filen är för stor", "the file is too large"))
        text = yamlio.decode(raw)
        document = yamlio.parse(text)
    except yamlio.DocumentError as exc:
        return OnDisk(path, raw, version, None, None, (InputError(exc.path, exc.line, exc.text),))
    loaded = parse_agreement(text, path.name)
    return OnDisk(path, raw, version, text, document.data, loaded.errors)


# --------------------------------------------------------------------------------------------------------
# The form as nodes to render


@dataclass
class Node:
    """One field of the form at one path, ready for the template."""

    field: Field
    path: str
    id: str
    label: str
    help: str
    value: str = ""
    choices: list[tuple[str, str]] = _field(default_factory=list)
    children: list[Node] = _field(default_factory=list)
    items: list[Item] = _field(default_factory=list)
    filled: bool = False
    placeholder: str = ""
    suggest_employers: bool = False


@dataclass
class Item:
    index: int
    origin: str
    label: str
    path: str
    id: str
    children: list[Node]


def _choices(field: Field, lang: Lang) -> list[tuple[str, str]]:
    from forenad.presentation.labels import label

    kinds = {
        "Agreement.model": "employment_model",
        "Employer.kind": "employer_kind",
        "Employer.collective_agreement": "collective_agreement",
        "Employer.pension_scheme": "pension_scheme",
        "Part.position": "position",
        "Part.employment_form": "employment_form",
        "WorkingTime.form": "working_time_form",
        "SickPay.handling": "sick_pay_handling",
        "Invoicing.basis": "invoicing_basis",
        "Invoicing.period": "invoicing_period",
    }
    kind = kinds.get(field.key)
    return [(value, label(value, lang, kind) if kind else value) for value in field.choices]


def _help(field: Field, lang: Lang) -> str:
    if lang == "en":
        english = FIELDS.get(field.key, ("", "", ""))[2]
        return english or field.description
    return field.description


def nodes(values: Mapping[str, str], lang: Lang, saved_personnummer: str | None = None) -> list[Node]:
    """The form's nodes for the form values (the file's, or what the user has typed)."""
    return _nodes(fields_of(), "", values, lang, saved_personnummer)


def _nodes(
    fields: tuple[Field, ...], prefix: str, values: Mapping[str, str], lang: Lang, saved: str | None
) -> list[Node]:
    out = []
    for f in fields:
        path = prefix + f.name
        node = Node(
            field=f,
            path=path,
            id=dom_id(path),
            label=field_label(f.key, lang),
            help=_help(f, lang),
            value=values.get(path, ""),
            choices=_choices(f, lang) if f.kind == "enum" else [],
            suggest_employers=f.key in EMPLOYER_REFS,
        )
        if f.kind == "group":
            node.children = _nodes(f.children, path + ".", values, lang, saved)
            node.filled = any(k.startswith(path + ".") and v.strip() for k, v in values.items())
        elif f.kind == "list":
            node.items = list_items(f, path, values, lang, saved)
            node.filled = bool(node.items)
        elif f.kind == "personnummer":
            node.value = ""
            if saved:
                from forenad.web.security import mask_personnummer

                node.placeholder = mask_personnummer(saved)
        out.append(node)
    return out


def rows(found: list[Node]) -> list[tuple[str, Any]]:
    """The top-level nodes with the runs of plain fields put together (laid out side by side)."""
    out: list[tuple[str, Any]] = []
    for node in found:
        if node.field.kind in ("group", "list"):
            out.append(("node", node))
        elif out and out[-1][0] == "fields":
            out[-1][1].append(node)
        else:
            out.append(("fields", [node]))
    return out


def list_items(f: Field, path: str, values: Mapping[str, str], lang: Lang, saved: str | None) -> list[Item]:
    items = []
    for position, i in enumerate(item_indexes(values, path)):
        item_path = f"{path}.{i}"
        items.append(
            Item(
                index=i,
                origin=values.get(f"{item_path}.{ORIG}", NEW),
                label=item_label(f.key, position + 1, lang),
                path=item_path,
                id=dom_id(item_path),
                children=_nodes(f.children, item_path + ".", values, lang, saved),
            )
        )
    return items


def list_node(path: str, values: Mapping[str, str], lang: Lang) -> Node | None:
    """The node of the list at ``path`` alone (to re-render it after an item is added or removed)."""
    from forenad.web.forms import field_at

    f = field_at(path)
    if f is None or f.kind != "list":
        return None
    node = Node(field=f, path=path, id=dom_id(path), label=field_label(f.key, lang), help=_help(f, lang))
    node.items = list_items(f, path, values, lang, None)
    node.filled = bool(node.items)
    return node


def slot_paths(values: Mapping[str, str]) -> list[str]:
    """Every path the form has a message slot for: each field, group, list and list item."""
    out: list[str] = []

    def walk(fields: tuple[Field, ...], prefix: str) -> None:
        for f in fields:
            path = prefix + f.name
            out.append(path)
            if f.kind == "group":
                walk(f.children, path + ".")
            elif f.kind == "list":
                for i in item_indexes(values, path):
                    out.append(f"{path}.{i}")
                    walk(f.children, f"{path}.{i}.")

    walk(fields_of(), "")
    return out


# --------------------------------------------------------------------------------------------------------
# Checking what the form holds


@dataclass
class Message:
    """A message next to a field: an input error, or a finding that names the field."""

    severity: str
    text: str
    rule: str | None = None


@dataclass
class Outcome:
    """The form's data checked: input errors, or findings and facts; each message placed in a slot."""

    on: dt.date
    agreement: Agreement | None
    errors: list[InputError]
    findings: list[Finding]
    facts: dict[str, Any]
    complete: bool
    slots: dict[str, list[Message]]
    general: list[Message]

    @property
    def counts(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            counts[f.severity] += 1
        return counts


def check_values(
    values: Mapping[str, str], on: dt.date, lang: Lang, params: Any, saved_personnummer: str | None
) -> tuple[Outcome, Any]:
    """Validate and check the form's values; returns the outcome and the :class:`FormData`."""
    from forenad.checking import check
    from forenad.io import parse_agreement

    form = data_of(values, saved_personnummer)
    loaded = parse_agreement(json.dumps(form.data, ensure_ascii=False, default=str), "<form>")
    findings: list[Finding] = []
    facts: dict[str, Any] = {}
    complete = True
    if loaded.agreement is not None:
        result = check(loaded.agreement, on=on, params=params).results[0]
        findings, facts, complete = result.findings, result.facts, result.complete
    paths = slot_paths(values)
    known = set(paths)
    slots: dict[str, list[Message]] = {p: [] for p in paths}
    general: list[Message] = []

    def place(path: str, message: Message) -> None:
        target = nearest(path, known)
        (slots[target] if target else general).append(message)

    for error in loaded.errors:
        place(error.path, Message("error", error.message(lang)))
    for finding in findings:
        for path in expand(finding.paths, values):
            place(path, Message(finding.severity, finding.text(lang), finding.rule))
        if not finding.paths:
            general.append(Message(finding.severity, finding.text(lang), finding.rule))
    outcome = Outcome(on, loaded.agreement, list(loaded.errors), findings, facts, complete, slots, general)
    return outcome, form


def nearest(path: str, known: set[str]) -> str | None:
    parts = path.split(".") if path else []
    while parts:
        candidate = ".".join(parts)
        if candidate in known:
            return candidate
        parts.pop()
    return None


def expand(paths: tuple[str, ...], values: Mapping[str, str]) -> list[str]:
    """A finding's paths with ``*`` replaced by each item of the list in the form."""
    out: list[str] = []
    for path in paths:
        if "*" not in path:
            out.append(path)
            continue
        head, _, tail = path.partition(".*")
        for i in item_indexes(values, head):
            out.extend(expand((f"{head}.{i}{tail}",), values))
    return list(dict.fromkeys(out))


def finding_links(finding: Finding, values: Mapping[str, str], lang: Lang) -> list[tuple[str, str]]:
    """``(dom id, words)`` for each field a finding is about, to link to it in the form."""
    from forenad.web.forms import field_at

    known = set(slot_paths(values))
    out = []
    for path in expand(finding.paths, values):
        target = nearest(path, known)
        if target is None:
            out.append(("slot-general", path_words(path, lang)))
            continue
        spec = field_at(target)
        item = target.split(".")[-1].isdigit()
        scalar = spec is not None and spec.kind not in ("group", "list") and not item
        out.append((("f-" if scalar else "slot-") + dom_id(target), path_words(path, lang)))
    return out


def path_words(path: str, lang: Lang) -> str:
    """A dotted path in words: ``parts.1.extent_percent`` is *Del 2 › Omfattning (%)*."""
    fields = fields_of()
    words: list[str] = []
    current: Field | None = None
    for part in path.split("."):
        if part.isdigit() and current is not None and current.kind == "list":
            words[-1] = item_label(current.key, int(part) + 1, lang)
            continue
        current = next((f for f in fields if f.name == part), None)
        if current is None:
            words.append(part)
            break
        words.append(field_label(current.key, lang))
        fields = current.children
    return " › ".join(words)


# --------------------------------------------------------------------------------------------------------
# The economics table


def _money(value: Any, lang: Lang, basis: str | None = None) -> str:
    from forenad.presentation.formatting import format_number

    if value is None:
        return word("unknown", lang)
    text = f"{format_number(Decimal(str(value)), lang, 0)} kr"
    return f"≥ {text}" if basis == "lower_bound" else text


def economics(facts: Mapping[str, Any], agreement: Agreement, lang: Lang) -> dict[str, Any] | None:
    """The economics table's rows from the check's facts (``facts.economics``, as in the JSON output)."""
    from forenad.presentation.formatting import format_number
    from forenad.presentation.labels import label

    econ = facts.get("economics")
    if not isinstance(econ, dict):
        return None
    names = {e.id: e.name for e in agreement.employers}
    parts = []
    for p in econ.get("parts", []):
        parts.append(
            {
                "n": int(p["index"]) + 1,
                "employer": names.get(p["employer"], p["employer"]),
                "position": label(p["position"], lang, "position"),
                "extent": f"{format_number(Decimal(str(p['extent_percent'])), lang)} %",
                "salary": _money(p.get("monthly_salary"), lang),
                "fees": _money(p.get("employer_fees_year"), lang),
                "pension": _money(p.get("pension_year"), lang),
                "cost": _money(p.get("cost_year"), lang, p.get("cost_basis")),
            }
        )
    employers = []
    for e in econ.get("employers", []):
        employers.append(
            {
                "name": e["name"],
                "fees": _money(e.get("employer_fees_year"), lang),
                "pension": _money(e.get("pension_year"), lang),
                "cost": _money(e.get("cost_year"), lang, e.get("cost_basis")),
                "net": _money(e.get("net_cost_year"), lang, e.get("net_cost_basis")),
            }
        )
    total = econ.get("total", {})
    lines = []
    invoice = econ.get("invoice")
    if isinstance(invoice, dict) and invoice.get("amount_per_period") is not None:
        lines.append(
            word(
                "invoice",
                lang,
                seller=names.get(invoice["seller"], invoice["seller"]),
                buyer=names.get(invoice["buyer"], invoice["buyer"]),
                amount=_money(invoice["amount_per_period"], lang),
                year=_money(invoice.get("amount_year"), lang),
            )
        )
    person = econ.get("person", {})
    if person.get("split_loss_month"):
        lines.append(word("split_loss", lang, month=_money(person["split_loss_month"], lang)))
    bases = [p.get("cost_basis") for p in econ.get("parts", [])] + [total.get("cost_basis")]
    return {
        "parts": parts,
        "employers": employers,
        "total": {
            "salary": _money(total.get("monthly_salary"), lang),
            "fees": _money(total.get("employer_fees_year"), lang),
            "pension": _money(total.get("pension_year"), lang),
            "cost": _money(total.get("cost_year"), lang, total.get("cost_basis")),
        },
        "lines": lines,
        "lower_bound": "lower_bound" in bases,
    }


# --------------------------------------------------------------------------------------------------------
# Saving


class Stale(Exception):
    """The file changed on disk since the form was opened."""


_LOCKS: dict[Path, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


def _lock(path: Path) -> threading.Lock:
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(path, threading.Lock())


def new_text(disk: OnDisk, agreement: Agreement, origins: Mapping[str, list[int | None]]) -> str:
    """The file's text with the agreement's values: comments kept (YAML), or the agreement as JSON."""
    from forenad.io import dump_json, dump_yaml
    from forenad.roundtrip import update_text

    if disk.path.suffix.lower() == ".json":
        return dump_json(agreement) + "\n"
    if disk.text is None:
        return dump_yaml(agreement)
    return update_text(disk.text, agreement, origins)


def save(path: Path, base: Version, agreement: Agreement, origins: Mapping[str, list[int | None]]) -> Version:
    """Write the agreement into its file, atomically and keeping its comments; :class:`Stale` when the file
    is no longer the version ``base`` (nothing is written then)."""
    from forenad.files import write_atomic

    with _lock(path):
        disk = read(path)
        if disk.version.sha256 != base.sha256:
            raise Stale(path)
        data = new_text(disk, agreement, origins).encode("utf-8")
        mode = path.stat().st_mode & 0o777
        write_atomic(path, data, force=True)
        os.chmod(path, mode)
        return Version.of(data, path)
