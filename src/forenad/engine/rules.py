"""Rules as data: loading, validating and evaluating the rule catalogue.

A rule file (``rules/checks/*.yaml``) holds ``rules:``, a list of rules::

    - id: extent.sum_above_total          # stable id: TOPIC.name
      topic: extent                       # one of report.TOPICS
      severity: error                     # error | warning | info
      applies_to: all                     # or a list of employment models
      valid_from: 2000-01-01              # the rule applies on evaluation dates in [valid_from, valid_to)
      valid_to: null
      each: parts                         # optional: evaluate once per part
      title: {sv: …, en: …}               # short name for 'forenad rules list'
      when: {fact: total_extent, gt: 100} # see forenad.engine.conditions
      message: {sv: "… {total_extent} …", en: "…"}   # placeholders: facts, paths, part.…, index
      paths: [parts.*.extent_percent]     # the fields the finding is about ('*' = the part in 'each')
      refs: [{kind: sfs, id: "1982:80", section: "11 §", title: LAS}]

Everything is checked when the rules load: unknown keys (with a suggestion), duplicate keys and ids, topics,
severities, models, dates, paths against the agreement model, facts, operators and message placeholders.
Each problem raises :class:`~forenad.errors.DataFileError` naming the file, line and key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import string
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from pydantic import ValidationError

from forenad import yamlio
from forenad.engine.conditions import (
    UNKNOWN,
    Compiled,
    ConditionError,
    Scope,
    compile_condition,
    operand,
)
from forenad.engine.facts import REGISTRY
from forenad.errors import DataFileError
from forenad.i18n import Lang, Text
from forenad.model import EmploymentModel
from forenad.model.paths import PathError, resolve, suggest
from forenad.presentation.formatting import format_value
from forenad.refs import Reference
from forenad.report import SEVERITIES, TOPICS, Finding, LazyText, Severity

RULE_KEYS = (
    "id",
    "topic",
    "severity",
    "applies_to",
    "valid_from",
    "valid_to",
    "each",
    "title",
    "when",
    "message",
    "paths",
    "refs",
    "notes",
)
REQUIRED = ("id", "topic", "severity", "when", "message", "refs")


_PARSED: dict[str, tuple[Text, dict[str, tuple[tuple[str, str | None, str], ...]]]] = {}
_SCOPED: dict[tuple[str, int | None], tuple[Any, tuple[str, ...], tuple[tuple[str, int | None], ...]]] = {}


@dataclass(frozen=True, slots=True)
class Placeholder:
    name: str
    spec: str
    get: Callable[[Scope], Any]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    topic: str
    severity: Severity
    applies_to: frozenset[str] | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    each: str | None
    title: Text
    condition: Compiled
    message: Text
    placeholders: tuple[Placeholder, ...]
    paths: tuple[str, ...]
    refs: tuple[Reference, ...]
    notes: Text | None
    source: str
    line: int | None
    when: Any  # the condition as written, for 'forenad rules show'
    facts: frozenset[str] = frozenset()
    """The facts the condition and the message read."""

    @property
    def parsed_message(self) -> dict[str, tuple[tuple[str, str | None, str], ...]]:
        """The message templates split into literal text and placeholders, once per rule."""
        cached = _PARSED.get(self.id)
        if cached is None or cached[0] is not self.message:
            cached = _PARSED[self.id] = (
                self.message,
                {"sv": _parse_template(self.message.sv), "en": _parse_template(self.message.en)},
            )
        return cached[1]

    def _scoped(self, part: int | None) -> tuple[tuple[str, ...], tuple[tuple[str, int | None], ...]]:
        """The finding's paths and the facts (name, part) it rests on, for a part or the whole agreement
        (worked out once per rule and part)."""
        cached = _SCOPED.get((self.id, part))
        if cached is None or cached[0] is not self:
            paths = self.paths if part is None else tuple(p.replace("*", str(part)) for p in self.paths)
            keys = tuple(
                (name, part if REGISTRY[name].scope == "part" else None) for name in sorted(self.facts)
            )
            cached = _SCOPED[(self.id, part)] = (self, paths, keys)
        return cached[1], cached[2]

    def applies(self, model: str, on: dt.date) -> bool:
        if self.applies_to is not None and model not in self.applies_to:
            return False
        if self.valid_from is not None and on < self.valid_from:
            return False
        return not (self.valid_to is not None and on >= self.valid_to)

    def finding(self, scope: Scope) -> Finding:
        """The finding for a scope whose condition holds: its text, paths, references and the dated values
        it rests on (worked out now, so that the finding holds values, not the evaluation)."""
        values = {p.name: _known(p.get(scope)) for p in self.placeholders}
        paths, keys = self._scoped(scope.part)
        parsed = self.parsed_message

        def render(lang: Lang) -> str:
            return _fill(parsed[lang], values, lang)

        return Finding(
            rule=self.id,
            topic=self.topic,
            severity=self.severity,
            text=LazyText(render),
            paths=paths,
            refs=self.refs,
            given_values=scope.ctx.used_values(keys),
        )


def _known(value: Any) -> Any:
    return None if value is UNKNOWN else value


def _fill(parsed: tuple[tuple[str, str | None, str], ...], values: dict[str, Any], lang: Lang) -> str:
    out: list[str] = []
    for literal, name, spec in parsed:
        out.append(literal)
        if name is not None:
            out.append(format_value(values.get(name), spec, lang))
    return "".join(out)


def _parse_template(template: str) -> tuple[tuple[str, str | None, str], ...]:
    return tuple((lit, name, spec or "") for lit, name, spec, _ in string.Formatter().parse(template))


Planned = tuple[Rule, Callable[[Scope], "bool | None"], bool]
"""A rule ready to run: the rule, its compiled test and whether it runs once per part."""


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    version: str

    def plan(self, model: str, on: dt.date) -> tuple[Planned, ...]:
        """The rules in force for a model on a date, in catalogue order, ready to run (kept per model and
        date: a batch checked on one date plans once)."""
        cache: dict[tuple[str, dt.date], tuple[Planned, ...]] = self.__dict__.setdefault("_plans", {})
        key = (model, on)
        found = cache.get(key)
        if found is None:
            found = cache[key] = tuple(
                (r, r.condition.evaluate, r.each == "parts")
                for r in self.for_model(model)
                if r.applies(model, on)
            )
        return found

    @property
    def order(self) -> dict[str, int]:
        """Each rule's position in the catalogue, to list findings in catalogue order."""
        found: dict[str, int] | None = self.__dict__.get("_order")
        if found is None:
            found = {r.id: i for i, r in enumerate(self.rules)}
            self.__dict__["_order"] = found
        return found

    def for_model(self, model: str) -> tuple[Rule, ...]:
        """The rules that can apply to an employment model (dates are checked per evaluation)."""
        cache: dict[str, tuple[Rule, ...]] = self.__dict__.setdefault("_by_model", {})
        if model not in cache:
            cache[model] = tuple(r for r in self.rules if r.applies_to is None or model in r.applies_to)
        return cache[model]

    def get(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def ids(self) -> list[str]:
        return [r.id for r in self.rules]


def checks_dir() -> Path:
    from forenad.data import data_dir

    return data_dir("rules", "checks")


@cache
def default_rules() -> RuleSet:
    import forenad.derive  # noqa: F401  (registers the facts)

    return load_rules(checks_dir())


def load_rules(directory: Path | Iterable[Path]) -> RuleSet:
    import forenad.derive  # noqa: F401  (registers the facts)

    files = sorted(directory.glob("*.yaml")) if isinstance(directory, Path) else sorted(directory)
    digest = hashlib.sha256()
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for file in files:
        raw = file.read_bytes()
        digest.update(file.name.encode() + b"\0" + raw)
        for rule in _load_file(file, raw):
            if rule.id in seen:
                raise DataFileError(
                    str(file), rule.line, "id", f"rule id {rule.id!r} is also used in {seen[rule.id]}"
                )
            seen[rule.id] = str(file)
            rules.append(rule)
    return RuleSet(tuple(rules), digest.hexdigest()[:12])


def with_local_rules(base: RuleSet, directory: Path) -> RuleSet:
    """``base`` (the shipped catalogue) with an organisation's own rule files from ``directory`` added after
    it. Local rules add, they never replace: an id already in ``base`` is refused, and so is a folder with no
    rule files (naming the folder). Raises :class:`~forenad.errors.DataFileError`."""
    files = sorted(Path(directory).glob("*.yaml"))
    if not files:
        raise DataFileError(
            str(directory), None, "", "the folder holds no rule files (*.yaml) to add to the shipped ones"
        )
    local = load_rules(files)
    shipped = {r.id: r for r in base.rules}
    for rule in local.rules:
        if rule.id in shipped:
            raise DataFileError(
                rule.source,
                rule.line,
                "id",
                f"{rule.id!r} is a shipped rule; an organisation's rules add to the catalogue with ids of "
                "their own (give the rule another name)",
            )
    digest = hashlib.sha256(f"{base.version}\0{local.version}".encode()).hexdigest()[:12]
    return RuleSet((*base.rules, *local.rules), digest)


class _Lines(Protocol):
    """Where the keys of a rule file are: a :class:`~forenad.yamlio.LineIndex` or :class:`_RuleLines`."""

    def line_of(self, loc: Sequence[object]) -> int | None: ...


class _RuleLines:
    """Line numbers for the fast path: each rule's ``- id:`` line found by a text scan; other keys unknown
    (an error found on the fast path is reported again from the strict, line-tracking parse)."""

    def __init__(self, text: str) -> None:
        self._starts = [i for i, line in enumerate(text.splitlines(), 1) if _RULE_START.match(line)]

    def line_of(self, loc: Sequence[object]) -> int | None:
        if len(loc) == 2 and loc[0] == "rules" and isinstance(loc[1], int) and loc[1] < len(self._starts):
            return self._starts[loc[1]]
        return None


_RULE_START = re.compile(r"^\s*-\s+id:\s")


def _load_file(file: Path, raw: bytes) -> list[Rule]:
    """Parse with ruamel's C-based safe loader (fast); on any problem parse again strictly with
    :mod:`forenad.yamlio`, which tracks lines, so the error names the line."""
    name = str(file)
    try:
        text = yamlio.decode(raw)
    except yamlio.DocumentError as exc:
        raise DataFileError(name, exc.line, "", exc.text.en) from None
    try:
        fast = _parsed(text)
        if isinstance(fast, dict) and set(fast) == {"rules"} and isinstance(fast["rules"], list):
            lines = _RuleLines(text)
            return [_load_rule(name, lines, i, item) for i, item in enumerate(fast["rules"])]
    except Exception:
        pass
    return _load_file_strict(name, text)


def _parsed(text: str) -> Any:
    """The file's data by the fast parser, from the on-disk cache when this text was parsed before."""
    from forenad import cache

    key = cache.key_of("rulefile", [text.encode()])
    return cache.cached("rulefile", key, lambda: _fast_yaml().load(text))


def _fast_yaml() -> Any:
    from ruamel.yaml import YAML

    y = YAML(typ="safe", pure=False)
    y.allow_duplicate_keys = False
    return y


def _load_file_strict(name: str, text: str) -> list[Rule]:
    try:
        document = yamlio.parse(text)
    except yamlio.DocumentError as exc:
        raise DataFileError(name, exc.line, "", exc.text.en) from None
    data = document.data
    if not isinstance(data, dict) or set(data) != {"rules"} or not isinstance(data["rules"], list):
        extra = sorted(set(data) - {"rules"}) if isinstance(data, dict) else []
        key = extra[0] if extra else "rules"
        raise DataFileError(
            name,
            document.lines.line_of([key]) if extra else 1,
            key,
            "a rule file holds one key, 'rules', with a list of rules",
            suggest(key, ["rules"]) if extra else None,
        )
    return [_load_rule(name, document.lines, i, item) for i, item in enumerate(data["rules"])]


_Fail = Callable[..., DataFileError]
"""Makes the error for a key of the rule being read: ``fail(key, problem, suggestion=None, sub=None)``."""


def _load_rule(file: str, lines: _Lines, index: int, data: Any) -> Rule:
    def fail(
        key: str, problem: str, suggestion: str | None = None, sub: list[Any] | None = None
    ) -> DataFileError:
        loc: list[Any] = ["rules", index]
        if key:
            loc.append(key)
        return DataFileError(file, lines.line_of(loc + (sub or [])), key, problem, suggestion)

    _check_keys(data, fail)
    rule_id, topic, severity = _identity(data, fail)
    models = _applies_to(data.get("applies_to", "all"), fail)
    dates = _validity(data, fail)
    each = data.get("each")
    if each not in (None, "parts"):
        raise fail("each", "'each' can only be 'parts'", "parts")
    per_part = each == "parts"
    try:
        condition = compile_condition(data["when"], per_part)
    except ConditionError as exc:
        raise fail("when", f"{exc.key}: {exc.problem}", exc.suggestion, list(exc.loc)) from None
    message = _text(data["message"], fail, "message")
    title = _text(data["title"], fail, "title") if "title" in data else message
    notes = _text(data["notes"], fail, "notes") if "notes" in data else None
    placeholders = _placeholders(message, per_part, fail)
    paths = _paths(data.get("paths", []), fail)
    refs = _refs(data["refs"], fail)
    read_facts = condition.facts | frozenset(p.name for p in placeholders if p.name in REGISTRY)
    return Rule(
        id=rule_id,
        topic=topic,
        severity=severity,
        applies_to=models,
        valid_from=dates["valid_from"],
        valid_to=dates["valid_to"],
        each=each,
        title=title,
        condition=condition,
        message=message,
        placeholders=placeholders,
        paths=paths,
        refs=refs,
        notes=notes,
        source=file,
        line=lines.line_of(["rules", index]),
        when=data["when"],
        facts=read_facts,
    )


def _check_keys(data: Any, fail: _Fail) -> None:
    """A rule is a mapping of known keys with every required one present."""
    if not isinstance(data, dict):
        raise fail("", "a rule must be a mapping")
    for key in data:
        if key not in RULE_KEYS:
            raise fail(str(key), "unknown key in a rule", suggest(str(key), RULE_KEYS))
    for key in REQUIRED:
        if key not in data:
            raise fail("", f"the rule has no {key!r}")


def _identity(data: dict[str, Any], fail: _Fail) -> tuple[str, str, Severity]:
    """The rule's id (``<topic>.<name>``), topic and severity."""
    rule_id = data["id"]
    topic = data["topic"]
    if topic not in TOPICS:
        raise fail("topic", f"unknown topic {topic!r}", suggest(str(topic), TOPICS))
    if not isinstance(rule_id, str) or not rule_id.startswith(f"{topic}."):
        raise fail("id", f"a rule id is '{topic}.<name>'")
    severity = data["severity"]
    if severity not in SEVERITIES:
        raise fail("severity", f"unknown severity {severity!r}", suggest(str(severity), SEVERITIES))
    return rule_id, topic, severity


def _applies_to(applies_to: Any, fail: _Fail) -> frozenset[str] | None:
    """The employment models the rule applies to; ``None`` for all of them."""
    if applies_to == "all":
        return None
    if not isinstance(applies_to, list) or not applies_to:
        raise fail("applies_to", "'applies_to' is 'all' or a list of employment models")
    allowed = [m.value for m in EmploymentModel]
    for i, model in enumerate(applies_to):
        if model not in allowed:
            raise fail("applies_to", f"unknown employment model {model!r}", suggest(str(model), allowed), [i])
    return frozenset(applies_to)


def _validity(data: dict[str, Any], fail: _Fail) -> dict[str, dt.date | None]:
    """``valid_from`` and ``valid_to``: dates, or ``None`` when not given."""
    dates: dict[str, dt.date | None] = {}
    for key in ("valid_from", "valid_to"):
        value = data.get(key)
        if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
            raise fail(key, "a date YYYY-MM-DD is expected")
        dates[key] = value
    return dates


def _paths(paths: Any, fail: _Fail) -> tuple[str, ...]:
    """The dotted field paths a finding points at, each one a field of the agreement model."""
    if not isinstance(paths, list):
        raise fail("paths", "'paths' is a list of dotted field paths")
    for i, path in enumerate(paths):
        try:
            resolve(_agreement(), str(path))
        except PathError as exc:
            raise fail("paths", f"no field {exc.segment!r} in {path!r}", exc.suggestion, [i]) from None
    return tuple(str(p) for p in paths)


def _refs(refs_raw: Any, fail: _Fail) -> tuple[Reference, ...]:
    """The rule's references (at least one)."""
    if not isinstance(refs_raw, list) or not refs_raw:
        raise fail("refs", "every rule needs at least one reference")
    refs: list[Reference] = []
    for i, ref in enumerate(refs_raw):
        try:
            refs.append(Reference.model_validate(ref))
        except ValidationError as exc:
            err = exc.errors()[0]
            raise fail("refs", f"{'.'.join(map(str, err['loc']))}: {err['msg']}", None, [i]) from None
    return tuple(refs)


def _agreement() -> Any:
    from forenad.model import Agreement

    return Agreement


def _text(value: Any, fail: _Fail, key: str) -> Text:
    if not isinstance(value, dict) or set(value) != {"sv", "en"}:
        raise fail(key, f"'{key}' needs 'sv' and 'en' texts")
    if not all(isinstance(v, str) and v.strip() for v in value.values()):
        raise fail(key, f"'{key}' texts must be non-empty")
    return Text(sv=value["sv"].strip(), en=value["en"].strip())


def _placeholders(message: Text, per_part: bool, fail: _Fail) -> tuple[Placeholder, ...]:
    found: dict[str, Placeholder] = {}
    for lang in ("sv", "en"):
        template = getattr(message, lang)
        try:
            parsed = list(string.Formatter().parse(template))
        except ValueError as exc:
            raise fail("message", f"{lang}: {exc}") from None
        for _literal, name, spec, _conv in parsed:
            if name is None or name in found:
                continue
            if name == "":
                raise fail("message", f"{lang}: empty placeholder {{}}")
            found[name] = Placeholder(name, spec or "", _placeholder_getter(name, per_part, fail))
    names_sv = {n for _, n, _, _ in string.Formatter().parse(message.sv) if n}
    names_en = {n for _, n, _, _ in string.Formatter().parse(message.en) if n}
    if names_sv != names_en:
        raise fail("message", f"sv and en use different placeholders: {sorted(names_sv ^ names_en)}")
    return tuple(found.values())


def _placeholder_getter(name: str, per_part: bool, fail: _Fail) -> Callable[[Scope], Any]:
    if name in ("index", "part_path"):
        if not per_part:
            raise fail("message", f"{{{name}}} needs 'each: parts'")
        if name == "index":
            return lambda s: s.index + 1  # parts are numbered from 1 for people, from 0 in paths
        return lambda s: f"parts.{s.part}"
    try:
        if name in REGISTRY:
            compiled = operand({"fact": name}, per_part, set())
        else:
            compiled = operand({"path": name}, per_part, set())
    except ConditionError as exc:
        hint = exc.suggestion or suggest(name, list(REGISTRY))
        raise fail("message", f"placeholder {{{name}}}: {exc.problem}", hint) from None
    assert compiled is not None
    return compiled[0]
