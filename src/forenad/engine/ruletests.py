"""Rule tests: YAML cases beside the rules (``rules/tests/*.yaml``), run by pytest and ``forenad rules test``.

A case file holds ``cases:``, a list of::

    - name: förenad anställning utan lärosäte     # what the case shows
      base: forenad_tva                           # an agreement in rules/tests/bases/<base>.yaml
      on: 2026-06-01                              # the evaluation date
      set: {employers.0.kind: region}             # dotted path → new value (optional)
      delete: [linked_termination]                # dotted paths to remove (optional)
      expect:
        findings: [legal_basis.forenad_needs_larosate]   # rules that must fire
        absent: [legal_basis.forenad_needs_health_care_principal]  # rules that must not fire
        facts: {has_larosate: false, parts.0.vacation_days: 31}    # exported fact values
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from forenad import yamlio
from forenad.errors import DataFileError
from forenad.i18n import Lang, t
from forenad.model.paths import suggest

if TYPE_CHECKING:
    from forenad.engine.rules import RuleSet

CASE_KEYS = ("name", "base", "on", "set", "delete", "expect")
EXPECT_KEYS = ("findings", "absent", "facts")


@dataclass(frozen=True)
class RuleCase:
    name: str
    file: str
    line: int | None
    base: str
    on: dt.date
    set: dict[str, Any] = field(default_factory=dict)
    delete: tuple[str, ...] = ()
    findings: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{Path(self.file).stem}:{self.line}:{self.name}"


def tests_dir() -> Path:
    from forenad.data import data_dir

    return data_dir("rules", "tests")


def load_cases(directory: Path | None = None) -> list[RuleCase]:
    directory = directory or tests_dir()
    cases: list[RuleCase] = []
    for file in sorted(directory.glob("*.yaml")):
        document = _read(file)
        data = document.data
        if not isinstance(data, dict) or set(data) != {"cases"} or not isinstance(data["cases"], list):
            raise DataFileError(str(file), 1, "cases", "a rule-test file holds one key, 'cases', with a list")
        for i, item in enumerate(data["cases"]):
            cases.append(_case(str(file), document.lines, i, item))
    return cases


def _case(file: str, lines: yamlio.LineIndex, i: int, item: Any) -> RuleCase:
    line = lines.line_of(["cases", i])
    if not isinstance(item, dict):
        raise DataFileError(file, line, "", "a case must be a mapping")
    for key in item:
        if key not in CASE_KEYS:
            raise DataFileError(
                file,
                lines.line_of(["cases", i, key]),
                str(key),
                "unknown key in a case",
                suggest(str(key), CASE_KEYS),
            )
    for key in ("name", "base", "on", "expect"):
        if key not in item:
            raise DataFileError(file, line, key, f"the case has no {key!r}")
    expect = item["expect"]
    if not isinstance(expect, dict):
        raise DataFileError(
            file, lines.line_of(["cases", i, "expect"]), "expect", "'expect' must be a mapping"
        )
    for key in expect:
        if key not in EXPECT_KEYS:
            raise DataFileError(
                file,
                lines.line_of(["cases", i, "expect", key]),
                str(key),
                "unknown key in expect",
                suggest(str(key), EXPECT_KEYS),
            )
    if not isinstance(item["on"], dt.date):
        raise DataFileError(file, lines.line_of(["cases", i, "on"]), "on", "a date YYYY-MM-DD is expected")
    _check_shapes(file, lines, i, item, expect)
    return RuleCase(
        name=str(item["name"]),
        file=file,
        line=line,
        base=str(item["base"]),
        on=item["on"],
        set=dict(item.get("set") or {}),
        delete=tuple(item.get("delete") or ()),
        findings=tuple(expect.get("findings") or ()),
        absent=tuple(expect.get("absent") or ()),
        facts=dict(expect.get("facts") or {}),
    )


_SHAPES: tuple[tuple[tuple[str, ...], type, str], ...] = (
    (("set",), dict, "a mapping of field paths to values is expected: {parts.0.extent_percent: 50}"),
    (("delete",), list, "a list of field paths is expected: [parts.0.notice]"),
    (("expect", "findings"), list, "a list of rule ids is expected: [extent.sum_differs_from_total]"),
    (("expect", "absent"), list, "a list of rule ids is expected: [extent.sum_differs_from_total]"),
    (("expect", "facts"), dict, "a mapping of facts to values is expected: {total_extent: 100}"),
)


def _check_shapes(
    file: str, lines: yamlio.LineIndex, i: int, item: dict[str, Any], expect: dict[str, Any]
) -> None:
    """``set``/``facts`` are mappings, ``delete``/``findings``/``absent`` lists of text: ``absent: x.y`` would
    otherwise be read letter by letter."""
    for where, kind, problem in _SHAPES:
        value = (expect if where[0] == "expect" else item).get(where[-1])
        if value is None:
            continue
        if not isinstance(value, kind) or (
            isinstance(value, list) and not all(isinstance(v, str) for v in value)
        ):
            raise DataFileError(file, lines.line_of(["cases", i, *where]), ".".join(where), problem)


def _read(file: Path) -> yamlio.Document:
    """A case or base file, parsed; what cannot be read or parsed is a :class:`DataFileError` with its line
    (exit 2 in ``forenad rules test``), never an internal error."""
    try:
        return yamlio.load(file)
    except yamlio.DocumentError as exc:
        raise DataFileError(str(file), exc.line, exc.path, exc.text.en) from None


def _base_file(name: str, directory: str) -> Path | None:
    """A base's file: in the cases' own ``bases/`` folder, else the shipped one; ``None`` if neither."""
    for folder in (Path(directory) / "bases", tests_dir() / "bases"):
        if (folder / f"{name}.yaml").is_file():
            return folder / f"{name}.yaml"
    return None


def _no_base(name: str, directory: str, lang: Lang = "en") -> str:
    names = sorted(
        {p.stem for d in (Path(directory) / "bases", tests_dir() / "bases") for p in d.glob("*.yaml")}
    )
    hint = suggest(name, names)
    if hint:
        return t(f"base: ingen bas heter {name!r}", f"base: no base {name!r}")(lang) + _did_you_mean(
            repr(hint), lang
        )
    listed = ", ".join(names)
    return t(
        f"base: ingen bas heter {name!r}; baserna: {listed}", f"base: no base {name!r}; the bases: {listed}"
    )(lang)


@cache
def _base(name: str, directory: str) -> Any:
    """A case's base agreement: from the cases' own ``bases/`` folder, else the shipped one."""
    file = _base_file(name, directory)
    if file is None:
        raise KeyError(name)
    return _read(file).data


def _split(path: str) -> list[str | int]:
    return [int(p) if p.isdigit() else p for p in path.split(".")]


def apply(data: Any, sets: dict[str, Any], deletes: tuple[str, ...]) -> Any:
    data = copy.deepcopy(data)
    for path, value in sets.items():
        keys = _split(path)
        node = data
        for key in keys[:-1]:
            node = node.setdefault(key, {}) if isinstance(node, dict) else node[key]
        node[keys[-1]] = value
    for path in deletes:
        keys = _split(path)
        node = data
        for key in keys[:-1]:
            node = node[key]
        del node[keys[-1]]
    return data


def _walk(facts: dict[str, Any], keys: list[str | int]) -> tuple[Any, int]:
    """How far a dotted fact name leads into the facts: the value reached and the number of keys walked."""
    node: Any = facts
    for walked, key in enumerate(keys):
        in_dict = isinstance(node, dict) and key in node
        in_list = isinstance(node, list) and isinstance(key, int) and key < len(node)
        if not (in_dict or in_list):
            return node, walked
        node = node[key]
    return node, len(keys)


def _fact_value(facts: dict[str, Any], dotted: str) -> Any:
    keys = _split(dotted)
    node, walked = _walk(facts, keys)
    return node if walked == len(keys) else _MISSING


def _closest_fact(facts: dict[str, Any], dotted: str) -> str | None:
    """For a fact name that is not among the computed facts, the closest that is: the first key that is not
    there replaced by the closest at its level (``parts.1.is_clinicl`` → ``parts.1.is_clinical``), or a part
    fact named without its part (``is_clinical`` → ``parts.0.is_clinical``)."""
    keys = _split(dotted)
    node, walked = _walk(facts, keys)
    if walked == len(keys) or not isinstance(node, dict):
        return None
    key = str(keys[walked])
    parts = facts.get("parts")
    if walked == 0 and isinstance(parts, list) and parts and isinstance(parts[0], dict) and key in parts[0]:
        return f"parts.0.{key}"
    hint = suggest(key, [str(k) for k in node])
    return ".".join([*map(str, keys[:walked]), hint]) if hint else None


_MISSING = object()


def _equal(actual: Any, expected: Any) -> bool:
    """Equal, or the same amount: a case writes ``52125`` where the facts write kronor as ``"52125.00"``."""
    if actual == expected:
        return True
    if isinstance(actual, str) and isinstance(expected, int | float) and not isinstance(expected, bool):
        try:
            return Decimal(actual) == Decimal(str(expected))
        except ArithmeticError:
            return False
    if isinstance(actual, dict) and isinstance(expected, dict) and actual.keys() == expected.keys():
        return all(_equal(actual[k], expected[k]) for k in actual)
    if isinstance(actual, list) and isinstance(expected, list) and len(actual) == len(expected):
        return all(_equal(a, e) for a, e in zip(actual, expected, strict=True))
    return False


def _known_ids(rules: RuleSet | None) -> list[str]:
    """The ids a case may name: the rules' (default: the shipped catalogue) and the engine's own
    ``dates.parameter_not_in_force``."""
    from forenad.engine import default_rules
    from forenad.engine.evaluate import PARAMETER_NOT_IN_FORCE

    return [*(rules if rules is not None else default_rules()).ids(), PARAMETER_NOT_IN_FORCE]


def unknown_rules(case: RuleCase, rules: RuleSet | None = None, lang: Lang = "en") -> list[str]:
    """The ids in the case's ``findings`` and ``absent`` that are no rule of ``rules`` (default: the shipped
    catalogue), each as a problem with the closest id: a misspelt id could never fire, so such a case could
    not fail. Empty when every id is known."""
    known = _known_ids(rules)
    problems = []
    for key, named in (("findings", case.findings), ("absent", case.absent)):
        for rule in named:
            if rule not in known:
                hint = suggest(str(rule), known)
                problem = t(f"{key}: ingen regel heter {rule}", f"{key}: unknown rule {rule}")(lang)
                problems.append(problem + (_did_you_mean(hint, lang) if hint else ""))
    return problems


def _did_you_mean(hint: str, lang: Lang) -> str:
    return t(f" (menade du {hint}?)", f" (did you mean {hint}?)")(lang)


def run_case(
    case: RuleCase,
    directory: Path | None = None,
    rules: RuleSet | None = None,
    params: Any = None,
    lang: Lang = "en",
) -> list[str]:
    """The ways the case fails, in ``lang``; empty when it passes. ``rules`` and ``params`` default to the
    shipped ones (an organisation's: :func:`forenad.engine.with_local_rules`). A rule id that ``rules`` does
    not hold is a failure of its own (:func:`unknown_rules`), and a fact that was not computed names the
    closest one that was."""
    from forenad.engine import evaluate
    from forenad.io import validate_document

    directory = directory or tests_dir()
    problems = unknown_rules(case, rules, lang)
    if _base_file(case.base, str(directory)) is None:
        return [*problems, _no_base(case.base, str(directory), lang)]
    data = apply(_base(case.base, str(directory)), case.set, case.delete)
    result = validate_document(case.label, yamlio.Document(data, yamlio.LineIndex(None)))
    if result.agreement is None:
        errors = [(e.path, e.message(lang)) for e in result.errors]
        invalid = t(f"avtalet är inte giltigt: {errors}", f"the agreement does not validate: {errors}")
        return [*problems, invalid(lang)]
    findings, facts = evaluate(result.agreement, case.on, rules=rules, params=params)
    fired = {f.rule for f in findings}
    known = set(_known_ids(rules))
    missing = [rule for rule in case.findings if rule in known and rule not in fired]
    problems += [t(f"väntat fynd saknas: {rule}", f"expected {rule} to fire")(lang) for rule in missing]
    unwanted = [rule for rule in case.absent if rule in fired]
    problems += [t(f"oväntat fynd: {rule}", f"expected {rule} not to fire")(lang) for rule in unwanted]
    return problems + _fact_problems(case, facts, lang)


def _fact_problems(case: RuleCase, facts: dict[str, Any], lang: Lang) -> list[str]:
    problems = []
    for name, expected in case.facts.items():
        actual = _fact_value(facts, name)
        if actual is _MISSING:
            hint = _closest_fact(facts, name)
            problem = t(f"faktumet {name} räknades inte fram", f"fact {name} was not computed")(lang)
            problems.append(problem + (_did_you_mean(hint, lang) if hint else ""))
        elif not _equal(actual, expected):
            wrong = t(
                f"faktumet {name}: väntat {expected!r}, blev {actual!r}",
                f"fact {name}: expected {expected!r}, got {actual!r}",
            )
            problems.append(wrong(lang))
    return problems
