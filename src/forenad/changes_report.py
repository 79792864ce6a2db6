"""What changes for each agreement between two evaluations: findings, figures and the dated values behind.

Each agreement is evaluated twice with the public :func:`forenad.checking.evaluate`: on ``from_date`` with
``params_from`` and on ``to_date`` with ``params_to`` (the packaged parameters when not given). The two
sides may differ by date (the turn of the year), by parameter set (the same date with the shipped values
and with an organisation's own), or both. The report has, per agreement:

- **findings** that appear, disappear or change. A finding is known by its rule id and field paths; a rule
  may give several findings with the same paths (one per missing parameter, say), so within a rule and its
  paths the findings with the same severity and message are paired first, the rest pair in order as
  changed (message or severity), and what is left over appeared or disappeared;
- **figures** that change, picked from the JSON facts by the declared list :data:`FIGURES` (a dotted key
  path, ``*`` for each item of a list or mapping, and a label in Swedish and English), old and new with
  the difference; a figure that cannot be worked out on a side is ``None`` (unknown);
- **parameters**: the dated values that differ between the two sides (name, value, start and confidence
  on each side; ``None`` when no value is in force), as far as the agreement's findings name them (the
  values a finding used, and the parameter a ``dates.parameter_not_in_force`` finding reports). The report
  itself lists every dated value that differs between the sides, whoever uses it.

Files are read with :func:`forenad.io.read_agreement`, folders walked with :mod:`forenad.portfolio`; a file
that cannot be read is an entry with its input errors and does not stop the others. A personnummer never
appears in the report: the agreement's own number, in any of its written forms, is replaced by its masked
form in every text the report holds (file name, agreement id, messages).

Usage::

    from forenad.changes_report import changes
    report = changes(["avtal/"], date(2026, 12, 31), date(2027, 1, 1))
    for entry in report.agreements:
        print(entry.label, [c.rule for c in entry.findings], [f.path for f in entry.figures])
    report.as_json("en")
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from forenad._version import __version__
from forenad.errors import InputError
from forenad.i18n import Lang, Text, t
from forenad.model import Agreement
from forenad.report import TOPICS, Finding, Severity

if TYPE_CHECKING:
    from forenad.engine.rules import RuleSet
    from forenad.params import ParameterSet

__all__ = [
    "FIGURES",
    "AgreementChanges",
    "ChangeReport",
    "Figure",
    "FigureChange",
    "FindingChange",
    "FindingState",
    "ParameterChange",
    "ParameterValue",
    "changes",
    "figure_changes",
    "finding_changes",
    "parameter_changes",
]

FindingKind = Literal["appeared", "disappeared", "changed"]
FINDING_KINDS: tuple[FindingKind, ...] = ("appeared", "disappeared", "changed")
PARAMETER_NOT_IN_FORCE = "dates.parameter_not_in_force"


# --------------------------------------------------------------------------------------------------------
# The figures compared


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure to compare: a dotted key path into the JSON facts (``*`` walks every item of a list or
    mapping), its label and its unit (``kr``, ``%``, ``months``, ``days``)."""

    key: str
    label: Text
    unit: str


FIGURES: tuple[Figure, ...] = (
    Figure(
        "economics.employers.*.employer_fees_month",
        t("Arbetsgivaravgifter per månad", "Employer's fees per month"),
        "kr",
    ),
    Figure(
        "economics.employers.*.pension_month",
        t("Pensionsavgifter per månad", "Pension contributions per month"),
        "kr",
    ),
    Figure(
        "economics.employers.*.cost_year",
        t("Kostnad per år som arbetsgivare", "Cost per year as employer"),
        "kr",
    ),
    Figure(
        "economics.employers.*.net_cost_year",
        t(
            "Kostnad per år till sist (efter fördelning och faktura)",
            "Cost per year in the end (after shares and invoice)",
        ),
        "kr",
    ),
    Figure("economics.total.cost_year", t("Total kostnad per år", "Total cost per year"), "kr"),
    Figure("economics.fee.rate", t("Arbetsgivaravgift", "Employer's fee rate"), "%"),
    Figure("economics.invoice.amount_per_period", t("Faktura per period", "Invoice per period"), "kr"),
    Figure("economics.invoice.amount_year", t("Faktura per år", "Invoice per year"), "kr"),
    Figure(
        "economics.person.pension_month",
        t("Pensionsavgifter för personen per månad", "Pension contributions for the person per month"),
        "kr",
    ),
    Figure(
        "economics.person.split_loss_month",
        t("Pension som förloras på delad lön, per månad", "Pension lost by the split salary, per month"),
        "kr",
    ),
    Figure("break_point_month", t("Brytpunkt 7,5 IBB per månad", "Break point 7.5 IBB per month"), "kr"),
    Figure(
        "parts.*.notice_employer_months",
        t("Uppsägningstid från arbetsgivaren", "Notice given by the employer"),
        "months",
    ),
    Figure(
        "parts.*.notice_employee_months",
        t("Uppsägningstid från arbetstagaren", "Notice given by the employee"),
        "months",
    ),
    Figure("parts.*.vacation_days", t("Semesterdagar", "Vacation days"), "days"),
)
"""The figures ``changes`` compares, in report order. Add a line to compare another figure."""


# --------------------------------------------------------------------------------------------------------
# The report


@dataclass(frozen=True, slots=True)
class FindingState:
    """A finding as it stands on one side."""

    severity: Severity
    message: Text

    def as_json(self, lang: Lang = "sv") -> dict[str, Any]:
        return {"severity": self.severity, "message": self.message(lang)}


@dataclass(frozen=True, slots=True)
class FindingChange:
    """A finding that appeared (``before`` is ``None``), disappeared (``after`` is ``None``) or changed."""

    kind: FindingKind
    rule: str
    topic: str
    paths: tuple[str, ...]
    before: FindingState | None
    after: FindingState | None

    def as_json(self, lang: Lang = "sv") -> dict[str, Any]:
        return {
            "change": self.kind,
            "rule": self.rule,
            "topic": self.topic,
            "paths": list(self.paths),
            "before": None if self.before is None else self.before.as_json(lang),
            "after": None if self.after is None else self.after.as_json(lang),
        }


@dataclass(frozen=True, slots=True)
class FigureChange:
    """One figure that differs: ``path`` is the concrete key (``economics.employers.0.cost_year``),
    ``subject`` what it is about (an employer's id, a part), ``None`` an unknown value."""

    figure: Figure
    path: str
    subject: Text | None
    before: Any
    after: Any

    @property
    def difference(self) -> int | float | Decimal | None:
        """``after − before`` when both are numbers (kronor as Decimals), else ``None``."""
        if not (_is_number(self.before) and _is_number(self.after)):
            return None
        if isinstance(self.before, Decimal) or isinstance(self.after, Decimal):
            return Decimal(str(self.after)) - Decimal(str(self.before))
        if isinstance(self.before, int) and isinstance(self.after, int):
            return self.after - self.before
        return round(float(self.after) - float(self.before), 2)

    def as_json(self, lang: Lang = "sv") -> dict[str, Any]:
        return {
            "figure": self.figure.key,
            "path": self.path,
            "label": self.figure.label(lang),
            "subject": None if self.subject is None else self.subject(lang),
            "unit": self.figure.unit,
            "before": _json_value(self.before),
            "after": _json_value(self.after),
            "difference": _json_value(self.difference),
        }


@dataclass(frozen=True, slots=True)
class ParameterValue:
    """The value of a parameter in force on one side."""

    value: Any
    start: dt.date
    confidence: str

    def as_json(self) -> dict[str, Any]:
        return {"value": self.value, "start": self.start.isoformat(), "confidence": self.confidence}


@dataclass(frozen=True, slots=True)
class ParameterChange:
    """A dated parameter whose value differs between the sides (``None``: no value in force there)."""

    name: str
    description: Text | None
    unit: str
    before: ParameterValue | None
    after: ParameterValue | None

    def as_json(self, lang: Lang = "sv") -> dict[str, Any]:
        return {
            "name": self.name,
            "description": None if self.description is None else self.description(lang),
            "unit": self.unit,
            "before": None if self.before is None else self.before.as_json(),
            "after": None if self.after is None else self.after.as_json(),
        }


@dataclass(frozen=True, slots=True)
class AgreementChanges:
    """What changes for one agreement file (or agreement object: ``file`` is ``None``)."""

    file: str | None
    agreement_id: str | None
    input_errors: tuple[InputError, ...] = ()
    findings: tuple[FindingChange, ...] = ()
    figures: tuple[FigureChange, ...] = ()
    parameters: tuple[ParameterChange, ...] = ()

    @property
    def valid(self) -> bool:
        return not self.input_errors

    @property
    def changed(self) -> bool:
        return bool(self.findings or self.figures or self.parameters)

    @property
    def label(self) -> str:
        return self.file or self.agreement_id or "?"

    def as_json(self, lang: Lang = "sv") -> dict[str, Any]:
        return {
            "file": self.file,
            "agreement_id": self.agreement_id,
            "valid": self.valid,
            "input_errors": [e.as_json(lang) for e in self.input_errors],
            "changed": self.changed,
            "findings": [c.as_json(lang) for c in self.findings],
            "figures": [c.as_json(lang) for c in self.figures],
            "parameters": [c.as_json(lang) for c in self.parameters],
        }


@dataclass(frozen=True, slots=True)
class ChangeReport:
    """Per agreement, what differs between the two sides; ``parameters``: every dated value that differs."""

    from_date: dt.date
    to_date: dt.date
    params_from: str
    params_to: str
    agreements: tuple[AgreementChanges, ...]
    parameters: tuple[ParameterChange, ...]

    @property
    def exit_code(self) -> int:
        """2 when a file could not be read or validated, else 0 (the report is not a check)."""
        return 2 if any(not a.valid for a in self.agreements) else 0

    @property
    def changed(self) -> tuple[AgreementChanges, ...]:
        return tuple(a for a in self.agreements if a.valid and a.changed)

    @property
    def unchanged(self) -> tuple[AgreementChanges, ...]:
        return tuple(a for a in self.agreements if a.valid and not a.changed)

    @property
    def invalid(self) -> tuple[AgreementChanges, ...]:
        return tuple(a for a in self.agreements if not a.valid)

    def as_json(self, lang: Lang = "sv") -> dict[str, Any]:
        return {
            "forenad": __version__,
            "from": self.from_date.isoformat(),
            "to": self.to_date.isoformat(),
            "parameters_from": self.params_from,
            "parameters_to": self.params_to,
            "results": [a.as_json(lang) for a in self.agreements],
            "parameters": [p.as_json(lang) for p in self.parameters],
            "summary": {
                "agreements": len(self.agreements),
                "changed": len(self.changed),
                "unchanged": len(self.unchanged),
                "invalid": len(self.invalid),
            },
        }


# --------------------------------------------------------------------------------------------------------
# Working it out


def changes(
    paths_or_agreements: Iterable[str | Path | Agreement],
    from_date: dt.date,
    to_date: dt.date,
    *,
    params_from: ParameterSet | None = None,
    params_to: ParameterSet | None = None,
    rules: RuleSet | None = None,
    figures: Sequence[Figure] = FIGURES,
) -> ChangeReport:
    """Evaluate every agreement on both sides and report what changes (see the module's docstring).

    ``paths_or_agreements``: agreement files, folders of them (walked as ``forenad check DIR`` does) and
    :class:`~forenad.model.Agreement` objects, in any mix. ``params_from`` and ``params_to`` are the
    parameter sets of the two sides (the packaged parameters when not given); ``rules`` one rule set used
    on both sides.
    """
    from forenad.params import default_parameters

    set_from = params_from if params_from is not None else default_parameters()
    set_to = params_to if params_to is not None else default_parameters()
    differing = parameter_changes(set_from, from_date, set_to, to_date)
    entries: list[AgreementChanges] = []
    for item in paths_or_agreements:
        if isinstance(item, Agreement):
            entries.append(
                _agreement_changes(
                    None, item, from_date, to_date, set_from, set_to, rules, figures, differing
                )
            )
            continue
        entries.extend(
            _file_changes(source, from_date, to_date, set_from, set_to, rules, figures, differing)
            for source in _sources(item)
        )
    return ChangeReport(
        from_date=from_date,
        to_date=to_date,
        params_from=set_from.version,
        params_to=set_to.version,
        agreements=tuple(entries),
        parameters=differing,
    )


def parameter_changes(
    params_from: ParameterSet, from_date: dt.date, params_to: ParameterSet, to_date: dt.date
) -> tuple[ParameterChange, ...]:
    """Every parameter whose value in force (value, start, confidence) differs between the sides, by name."""
    out: list[ParameterChange] = []
    for name in sorted(set(params_from.names()) | set(params_to.names())):
        before = _in_force(params_from, name, from_date)
        after = _in_force(params_to, name, to_date)
        if before == after:
            continue
        known = params_to if name in params_to else params_from
        parameter = known.get(name)
        out.append(ParameterChange(name, parameter.description, parameter.unit, before, after))
    return tuple(out)


def _in_force(params: ParameterSet, name: str, on: dt.date) -> ParameterValue | None:
    from forenad.params import ParameterNotInForce

    if name not in params:
        return None
    try:
        dated = params.at(name, on)
    except ParameterNotInForce:
        return None
    return ParameterValue(dated.value, dated.start, dated.confidence)


def _sources(item: str | Path) -> list[Any]:
    from forenad.portfolio import sources

    return sources([item])


def _file_changes(
    source: Any,
    from_date: dt.date,
    to_date: dt.date,
    params_from: ParameterSet,
    params_to: ParameterSet,
    rules: Any,
    figures: Sequence[Figure],
    differing: tuple[ParameterChange, ...],
) -> AgreementChanges:
    from forenad.io import read_agreement

    if source.error is not None:
        return AgreementChanges(str(source.path), None, (source.error,))
    loaded = read_agreement(source.path)
    if loaded.agreement is None:
        return AgreementChanges(loaded.file, None, tuple(loaded.errors))
    return _agreement_changes(
        loaded.file, loaded.agreement, from_date, to_date, params_from, params_to, rules, figures, differing
    )


def _agreement_changes(
    file: str | None,
    agreement: Agreement,
    from_date: dt.date,
    to_date: dt.date,
    params_from: ParameterSet,
    params_to: ParameterSet,
    rules: Any,
    figures: Sequence[Figure],
    differing: tuple[ParameterChange, ...],
) -> AgreementChanges:
    from forenad.checking import evaluate_validated as evaluate

    scrub = _scrubber(agreement)
    found_before, facts_before = evaluate(agreement, from_date, rules=rules, params=params_from, facts=True)
    found_after, facts_after = evaluate(agreement, to_date, rules=rules, params=params_to, facts=True)
    named = _named_parameters([*found_before, *found_after], {p.name for p in differing})
    return AgreementChanges(
        file=None if file is None else scrub(file),
        agreement_id=scrub(agreement.id) if agreement.id else None,
        findings=finding_changes(found_before, found_after, scrub=scrub),
        figures=figure_changes(
            facts_before, facts_after, figures, positions=[part.position.value for part in agreement.parts]
        ),
        parameters=tuple(p for p in differing if p.name in named),
    )


def finding_changes(
    before: Sequence[Finding], after: Sequence[Finding], *, scrub: Callable[[str], str] | None = None
) -> tuple[FindingChange, ...]:
    """The findings that appear, disappear or change between two lists of one agreement's findings: new ones
    first, then those gone, then those changed, each in topic order. ``scrub`` rewrites every message."""
    scrub = scrub or _same_text
    groups: dict[tuple[str, tuple[str, ...]], tuple[list[Finding], list[Finding]]] = {}
    for finding in before:
        groups.setdefault((finding.rule, finding.paths), ([], []))[0].append(finding)
    for finding in after:
        groups.setdefault((finding.rule, finding.paths), ([], []))[1].append(finding)
    out: list[FindingChange] = []
    for (rule, paths), (old, new) in groups.items():
        states_old = [_state(f, scrub) for f in old]
        states_new = [_state(f, scrub) for f in new]
        left = list(zip(old, states_old, strict=True))
        right = list(zip(new, states_new, strict=True))
        for item in list(left):
            match = next((other for other in right if other[1] == item[1]), None)
            if match is not None:
                left.remove(item)
                right.remove(match)
        for (f_old, s_old), (_, s_new) in zip(left, right, strict=False):
            out.append(FindingChange("changed", rule, f_old.topic, paths, s_old, s_new))
        for f_old, s_old in left[len(right) :]:
            out.append(FindingChange("disappeared", rule, f_old.topic, paths, s_old, None))
        for f_new, s_new in right[len(left) :]:
            out.append(FindingChange("appeared", rule, f_new.topic, paths, None, s_new))
    topics = {topic: i for i, topic in enumerate(TOPICS)}
    out.sort(key=lambda c: (FINDING_KINDS.index(c.kind), topics.get(c.topic, len(topics)), c.rule, c.paths))
    return tuple(out)


def _state(finding: Finding, scrub: Callable[[str], str]) -> FindingState:
    return FindingState(finding.severity, Text(sv=scrub(finding.text("sv")), en=scrub(finding.text("en"))))


def _named_parameters(findings: Iterable[Finding], candidates: set[str]) -> set[str]:
    """The parameters among ``candidates`` that the findings name: the dated values they used, and the
    parameter a finding on a missing value reports (by its name in the reference or the message)."""
    named: set[str] = set()
    for finding in findings:
        named.update(v.name for v in finding.values)
        parameter = getattr(finding, "parameter", None)  # named by the finding, where the engine does
        if isinstance(parameter, str):
            named.add(parameter)
        elif finding.rule == PARAMETER_NOT_IN_FORCE:
            words = " ".join([finding.text("en"), *(r.title or "" for r in finding.refs)])
            named.update(w for w in _WORD.findall(words) if w in candidates)
    return named & candidates


_WORD = re.compile(r"[a-z][a-z0-9_]*")


def figure_changes(
    before: dict[str, Any],
    after: dict[str, Any],
    figures: Sequence[Figure] = FIGURES,
    *,
    positions: Sequence[str] = (),
) -> tuple[FigureChange, ...]:
    """The figures that differ between two sets of JSON facts (a difference under half an öre is none);
    ``positions`` name the parts (``del 1 (professor)``) where the facts do not."""
    out: list[FigureChange] = []
    for figure in figures:
        old = _pick(before, figure.key, positions)
        new = _pick(after, figure.key, positions)
        for path in dict.fromkeys([*old, *new]):
            subject, value_old = old.get(path, (None, None))
            subject_new, value_new = new.get(path, (None, None))
            if _same(value_old, value_new):
                continue
            if figure.unit == "kr":  # amounts: the facts' exact decimal strings, as Decimals
                value_old, value_new = _amount(value_old), _amount(value_new)
            out.append(FigureChange(figure, path, subject or subject_new, value_old, value_new))
    return tuple(out)


def _json_value(value: Any) -> Any:
    """Kronor as exact decimal strings, as the facts write them; other values as they are."""
    from forenad.economics.money import json_amount

    return json_amount(value) if isinstance(value, Decimal) else value


def _amount(value: Any) -> Any:
    return Decimal(str(value)) if _is_number(value) else value


def _pick(facts: dict[str, Any], key: str, positions: Sequence[str]) -> dict[str, tuple[Text | None, Any]]:
    """The scalar values at ``key`` (``*`` for every item), by concrete path, with what each is about."""
    level: list[tuple[tuple[str, ...], tuple[Text, ...], Any]] = [((), (), facts)]
    for segment in key.split("."):
        following: list[tuple[tuple[str, ...], tuple[Text, ...], Any]] = []
        for path, subject, node in level:
            if segment != "*":
                if isinstance(node, dict) and segment in node:
                    following.append(((*path, segment), subject, node[segment]))
            elif isinstance(node, list):
                for i, item in enumerate(node):
                    about = _item_subject(path[-1] if path else "", i, item, positions)
                    following.append(((*path, str(i)), (*subject, about), item))
            elif isinstance(node, dict):
                for name, item in node.items():
                    following.append(((*path, str(name)), (*subject, Text(sv=str(name), en=str(name))), item))
        level = following
    out: dict[str, tuple[Text | None, Any]] = {}
    for path, subject, value in level:
        if value is None or isinstance(value, bool | int | float | str):
            joined = (
                Text(sv=", ".join(s.sv for s in subject), en=", ".join(s.en for s in subject))
                if subject
                else None
            )
            out[".".join(path)] = (joined, value)
    return out


def _item_subject(container: str, index: int, item: Any, positions: Sequence[str]) -> Text:
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        return Text(sv=item["id"], en=item["id"])
    if container == "parts":
        position = item.get("position") if isinstance(item, dict) else None
        if not isinstance(position, str) and index < len(positions):
            position = positions[index]
        extra = f" ({position})" if position else ""
        return Text(sv=f"del {index + 1}{extra}", en=f"part {index + 1}{extra}")
    return Text(sv=str(index), en=str(index))


_AMOUNT = re.compile(r"-?\d+(\.\d+)?")


def _is_number(value: Any) -> bool:
    """A number, or an amount as the facts write it (an exact decimal string)."""
    if isinstance(value, str):
        return bool(_AMOUNT.fullmatch(value))
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _same(a: Any, b: Any) -> bool:
    if _is_number(a) and _is_number(b):
        return abs(Decimal(str(a)) - Decimal(str(b))) < Decimal("0.005")
    return bool(a == b and type(a) is type(b))


# --------------------------------------------------------------------------------------------------------
# Privacy


def _scrubber(agreement: Agreement) -> Callable[[str], str]:
    """Replaces the agreement's own personnummer, in any written form, by its masked form."""
    number = getattr(agreement.person, "personnummer", None)
    if not number:
        return _same_text
    digits = "".join(ch for ch in str(number) if ch.isdigit())  # ÅÅÅÅMMDDNNNN
    masked = number.masked() if hasattr(number, "masked") else f"{digits[:8]}-****"
    forms = {
        f"{digits[:8]}-{digits[8:]}",
        digits,
        f"{digits[2:8]}-{digits[8:]}",
        f"{digits[2:8]}+{digits[8:]}",
        digits[2:],
        f"{digits[4:8]}-{digits[8:]}",
    }
    pattern = re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))

    def scrub(text: str) -> str:
        return pattern.sub(masked, text)

    return scrub


def _same_text(text: str) -> str:
    return text
