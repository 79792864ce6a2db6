"""``forenad rules list|show`` and ``forenad params show|list``: the catalogue, readable by a negotiator.

``forenad params add|status`` (the yearly update into an overlay folder) are in :mod:`.params_cmds`.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table

from forenad.cli.common import (
    LangArg,
    OutputFormat,
    ParamsOverlayArg,
    RulesArg,
    default_lang,
    lang_of,
    parameters_or_exit,
    parse_date,
    rules_or_exit,
)
from forenad.i18n import Lang
from forenad.terminal import console as safe_console
from forenad.terminal import write_json, write_text

if TYPE_CHECKING:
    from forenad.engine.rules import Rule, RuleSet

rules_app = typer.Typer(
    help="Regelkatalogen med källor. / The rule catalogue with references.", no_args_is_help=True
)
params_app = typer.Typer(
    help="Daterade parametrar och deras källor. / Dated parameters.", no_args_is_help=True
)

_SEVERITY = {
    "sv": {"error": "fel", "warning": "varning", "info": "info"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}


def _console() -> Console:
    """The terminal as it is: its width (``COLUMNS`` or 80 when the output is not a terminal); tables fold
    their cells to fit."""
    return safe_console(highlight=False)


def topic_of(name: str) -> str | None:
    """A topic given as its id (``legal_basis``) or by the name ``check`` prints, in Swedish or English
    (``Rättslig grund``, ``legal basis``), any case; ``None`` when there is no such topic."""
    from forenad.cli.render_check import TOPIC_LABELS
    from forenad.report import TOPICS

    wanted = " ".join(name.replace("_", " ").split()).casefold()
    for topic in TOPICS:
        names = {topic.replace("_", " "), *(TOPIC_LABELS[lang][topic] for lang in ("sv", "en"))}
        if wanted in {n.casefold() for n in names}:
            return topic
    return None


@rules_app.command("list")
def rules_list(
    topic: Annotated[str | None, typer.Option("--topic", help="Bara ett ämne. / Only one topic.")] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format")] = OutputFormat.text,
    lang: LangArg = default_lang(),  # noqa: B008
    rules_dir: RulesArg = None,
) -> None:
    """Lista reglerna. / List the rules."""
    language = lang_of(lang)
    wanted = None if topic is None else topic_of(topic)
    if topic is not None and wanted is None:
        from forenad.report import TOPICS

        sys.stderr.write(
            f"okänt ämne / unknown topic: {topic} ({', '.join(TOPICS)}, eller namnen som check skriver)\n"
        )
        raise typer.Exit(2)
    catalogue = rules_or_exit(rules_dir)
    own = _own_ids(catalogue)
    rules = [r for r in catalogue.rules if wanted is None or r.topic == wanted]
    if output_format == OutputFormat.json:
        write_json([_rule_json(r, r.id in own, language) for r in rules], indent=2)
        return
    heads = ["id", "ämne / topic", "nivå / severity", "rubrik / title"]
    rows = [[r.id, r.topic, _SEVERITY[language][r.severity], r.title(language)] for r in rules]
    if rules_dir is not None:
        heads.append("egen / own")
        for row, rule in zip(rows, rules, strict=True):
            row.append(_OWN[language] if rule.id in own else "")
    print_rows(_console(), heads, rows)
    if rules_dir is not None:
        _console().print(f"{_OWN_RULES[language]}: {escape(str(rules_dir))}")


def _own_ids(catalogue: RuleSet) -> set[str]:
    """The ids of an organisation's own rules in ``catalogue``: those the shipped catalogue does not have."""
    from forenad.engine import default_rules

    return set(catalogue.ids()) - set(default_rules().ids())


def _rule_json(rule: Rule, own: bool, language: Lang) -> dict[str, Any]:
    """A rule as ``rules list --format json`` gives it; ``origin`` is ``shipped`` or ``own`` (from
    ``--rules DIR``, with its file as ``origin_file``)."""
    data: dict[str, Any] = {
        "id": rule.id,
        "topic": rule.topic,
        "severity": rule.severity,
        "title": rule.title(language),
        "origin": "own" if own else "shipped",
    }
    if own:
        data["origin_file"] = rule.source
    return data


@rules_app.command("show")
def rules_show(
    rule_id: Annotated[str, typer.Argument(help="Regelns id. / The rule's id.")],
    lang: LangArg = default_lang(),  # noqa: B008
    rules_dir: RulesArg = None,
) -> None:
    """Visa en regel med villkor och källor. / Show one rule with its condition and references."""
    from forenad.model.paths import suggest

    language = lang_of(lang)
    catalogue = rules_or_exit(rules_dir)
    try:
        rule = catalogue.get(rule_id)
    except KeyError:
        hint = suggest(rule_id, catalogue.ids())
        write_text(
            f"okänd regel / unknown rule: {rule_id}"
            + (f" (menade du / did you mean {hint}?)" if hint else "")
            + "\n",
            sys.stderr,
        )
        raise typer.Exit(2) from None
    c = _console()
    c.print(f"[bold]{rule.id}[/] — {escape(rule.title(language))}")
    c.print(f"  ämne/topic: {rule.topic} · nivå/severity: {_SEVERITY[language][rule.severity]}")
    models = ", ".join(sorted(rule.applies_to)) if rule.applies_to else "alla / all"
    c.print(f"  gäller/applies to: {models}" + (" · per del / per part" if rule.each else ""))
    if rule.valid_from or rule.valid_to:
        c.print(f"  giltig/valid: {rule.valid_from or '…'} – {rule.valid_to or '…'}")
    c.print(f"  villkor/condition: {escape(json.dumps(rule.when, ensure_ascii=False, default=str))}")
    c.print(f"  meddelande/message: {escape(rule.message(language))}")
    if rule.paths:
        c.print(f"  fält/paths: {', '.join(rule.paths)}")
    for ref in rule.refs:
        c.print(f"  → {escape(ref.short())}" + (f" {ref.url}" if ref.url else ""))
    own = rule_id in _own_ids(catalogue) if rules_dir is not None else False
    c.print(f"  [dim]{escape(rule.source)}:{rule.line}[/]" + (" (egen regel / own rule)" if own else ""))


@rules_app.command("test")
def rules_test(
    folder: Annotated[
        Path,
        typer.Argument(
            help="Mapp med egna regler (*.yaml) och deras testfall (tests/*.yaml, tests/bases/). "
            "/ Folder of own rules and their cases."
        ),
    ],
    lang: LangArg = default_lang(),  # noqa: B008
) -> None:
    """Pröva en organisations egna regler mot deras testfall. / Run an organisation's rule cases."""
    from forenad.engine import default_rules, with_local_rules
    from forenad.engine.ruletests import load_cases, run_case
    from forenad.errors import DataFileError

    language = lang_of(lang)
    if not folder.is_dir():
        sys.stderr.write(f"{folder}: ingen mapp / not a folder\n")
        raise typer.Exit(2)
    cases_dir = folder / "tests"
    if not cases_dir.is_dir():
        _no_cases_folder(folder)
    try:
        rules = with_local_rules(default_rules(), folder) if any(folder.glob("*.yaml")) else default_rules()
        cases = load_cases(cases_dir)
    except DataFileError as exc:
        sys.stderr.write(f"forenad: fel i datafil / error in data file: {exc}\n")
        raise typer.Exit(2) from None
    if not cases:
        sys.stderr.write(f"{cases_dir}: inga testfall / no rule cases (*.yaml with 'cases:')\n")
        raise typer.Exit(2)
    console = _console()
    failed = 0
    for case in cases:
        try:
            problems = run_case(case, cases_dir, rules=rules, lang=language)
        except DataFileError as exc:  # an own base that cannot be read
            sys.stderr.write(f"forenad: fel i datafil / error in data file: {exc}\n")
            raise typer.Exit(2) from None
        failed += bool(problems)
        mark = "[red]✗[/]" if problems else "[green]✓[/]"
        console.print(f"{mark} {escape(case.label)}")
        for problem in problems:
            console.print(f"    {escape(problem)}")
    done = {"sv": "{n} fall, {f} misslyckades", "en": "{n} cases, {f} failed"}[language]
    console.print(done.format(n=len(cases), f=failed))
    raise typer.Exit(1 if failed else 0)


def _no_cases_folder(folder: Path) -> NoReturn:
    """``DIR/tests`` is missing: say where the cases and the rules belong (a folder of cases given in place
    of the rules folder is named as the likely mistake), exit 2."""
    cases = folder / "tests"
    write_text(
        f"forenad: {cases} finns inte / does not exist: testfallen hör hemma i {cases}/*.yaml och reglerna i "
        f"{folder}/*.yaml / the cases belong in {cases}/*.yaml and the rules in {folder}/*.yaml\n",
        sys.stderr,
    )
    if folder.name == "tests":
        write_text(f"  (menade du / did you mean: forenad rules test {folder.parent}?)\n", sys.stderr)
    raise typer.Exit(2)


@params_app.command("show")
def params_show(
    name: Annotated[
        str, typer.Argument(help="Parameterns namn, t.ex. inkomstbasbelopp. / The parameter's name.")
    ],
    on: Annotated[
        str | None, typer.Option("--on", help="Datum ÅÅÅÅ-MM-DD (standard: i dag). / Date.")
    ] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format")] = OutputFormat.text,
    lang: LangArg = default_lang(),  # noqa: B008
    params_overlay: ParamsOverlayArg = None,
) -> None:
    """Visa en parameters värde på ett datum och dess källa. / Show a parameter's value on a date."""
    from forenad.params import ParameterNotInForce, UnknownParameter

    language = lang_of(lang)
    date = parse_date(on) or dt.date.today()
    params = parameters_or_exit(params_overlay)
    try:
        parameter = params.get(name)
    except UnknownParameter as exc:
        write_text(exc.message(language) + "\n", sys.stderr)
        raise typer.Exit(2) from None
    try:
        value = parameter.at(date)
    except ParameterNotInForce as exc:
        write_text(exc.message(language) + "\n", sys.stderr)
        raise typer.Exit(2) from None
    if output_format == OutputFormat.json:
        data: dict[str, Any] = {
            "name": name,
            "on": date.isoformat(),
            "value": value.value,
            "unit": value.unit,
            "start": value.start.isoformat(),
            "end": value.end.isoformat() if value.end else None,
            "confidence": value.confidence,
            "refs": [r.model_dump(exclude_none=True) for r in value.refs],
            "last_reviewed": parameter.last_reviewed.isoformat(),
            "origin": value.origin,
        }
        if value.origin_file is not None:
            data["origin_file"] = value.origin_file
        write_json(data, indent=2, default=str)
        return
    c = _console()
    c.print(f"[bold]{name}[/] — {escape(parameter.description(language))}")
    if _is_table(value.value):  # a scale or a record: a table, its keys as in the file
        c.print(f"  {date.isoformat()} ({escape(value.unit)}):")
        c.print(Padding(value_table(value.value, language), (0, 0, 0, 2)))
    else:
        shown = cell(value.value, language)
        c.print(f"  {date.isoformat()}: [bold]{escape(shown)}[/] {escape(value.unit)}")
    until = value.end.isoformat() if value.end else "…"
    c.print(f"  gäller/in force: {value.start.isoformat()} – {until}")
    mark = " [magenta](overifierat / unverified)[/]" if value.confidence == "unverified" else ""
    c.print(f"  säkerhet/confidence: {value.confidence}{mark} · granskad/reviewed: {parameter.last_reviewed}")
    if value.origin == "overlay":
        c.print(f"  [cyan]{_OVERLAY[language]}[/]: {escape(value.origin_file or '')}")
    if value.note:
        c.print(f"  {escape(value.note(language))}")
    for ref in value.refs:
        c.print(f"  → {escape(ref.short())}" + (f" {ref.url}" if ref.url else ""))


ROOM_PER_COLUMN = 12
"""Below this many columns for each column after the first (an id or a name, never cut), a list is printed
stacked: the id on a line of its own, the other cells under it."""


def print_rows(console: Console, heads: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """A list whose first column is an id a person types: a table when the terminal has room, else
    stacked, one entry per block. The id is never cut."""
    widest = max((len(row[0]) for row in rows), default=len(heads[0]))
    if console.width < widest + 3 + ROOM_PER_COLUMN * (len(heads) - 1) * 2:
        for row in rows:
            console.print(f"[bold]{escape(row[0])}[/]")
            rest = " · ".join(escape(value) for value in row[1:] if value)
            console.print(Padding(rest, (0, 0, 0, 2)))
        return
    table = Table(show_lines=False)
    table.add_column(heads[0], no_wrap=True, min_width=widest)
    for head in heads[1:]:
        table.add_column(head)
    for row in rows:
        table.add_row(*(escape(value) for value in row))
    console.print(table)


def cell(value: Any, lang: Lang) -> str:
    """One value as a person reads it: numbers in the language's format (four digits, such as a year,
    without grouping), yes/no, a list joined."""
    from forenad.presentation import format_number

    if isinstance(value, bool):
        return ("ja" if value else "nej") if lang == "sv" else ("yes" if value else "no")
    if isinstance(value, int | float | Decimal):
        written = str(value)  # as the file has it: 31.42 keeps two places, 25 none
        places = len(written.partition(".")[2]) if "e" not in written.lower() else 6
        return format_number(value, lang, places, grouping=abs(Decimal(written)) >= 10_000)
    if value is None:
        return "–"
    if _is_list(value):
        return ", ".join(cell(item, lang) for item in value)
    return str(value)


def _is_list(value: Any) -> bool:
    return isinstance(value, list | tuple)


def _is_table(value: Any) -> bool:
    return isinstance(value, dict) or (_is_list(value) and any(isinstance(i, dict) for i in value))


def value_table(value: Any, lang: Lang) -> Table:
    """A scale (a list of records) as a table with a column per key, a record as key and value rows, and
    so on inside them. Keys are shown as the parameter file spells them (what ``params add`` takes)."""
    if isinstance(value, dict):
        table = Table(show_header=False, box=None, pad_edge=False)
        table.add_column(style="dim", no_wrap=True)
        table.add_column(overflow="fold")
        for key, item in _flat(value):
            table.add_row(key, value_table(item, lang) if _is_table(item) else escape(cell(item, lang)))
        return table
    records = [item if isinstance(item, dict) else {"": item} for item in value]
    keys = list(dict.fromkeys(key for record in records for key in record))
    table = Table(pad_edge=False)
    for key in keys:
        table.add_column(key, justify="right" if _numeric(records, key) else "left", overflow="fold")
    for record in records:
        row = [record.get(key) for key in keys]
        table.add_row(*(value_table(v, lang) if _is_table(v) else escape(cell(v, lang)) for v in row))
    return table


def _flat(record: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """A record's values with a nested record's keys joined by dots (``coverage.conditional.born_from``)."""
    for key, item in record.items():
        if isinstance(item, dict):
            yield from _flat(item, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", item


def _numeric(records: list[dict[str, Any]], key: str) -> bool:
    values = [r.get(key) for r in records]
    return all(isinstance(v, int | float | Decimal | None) and not isinstance(v, bool) for v in values)


@params_app.command("list")
def params_list(
    lang: LangArg = default_lang(),  # noqa: B008
    params_overlay: ParamsOverlayArg = None,
) -> None:
    """Lista parametrarna. / List the parameters."""
    language = lang_of(lang)
    params = parameters_or_exit(params_overlay)
    heads = ["namn / name", "beskrivning / description", "enhet / unit", "säkerhet / confidence"]
    if params.overlay is not None:
        heads.append("tillägg / overlay")
    rows = []
    for name in params.names():
        p = params.get(name)
        row = [name, p.description(language), p.unit, p.confidence]
        if params.overlay is not None:
            row.append("✓" if name in params.overlay.parameters else "")
        rows.append(row)
    print_rows(_console(), heads, rows)
    if params.overlay is not None:
        _console().print(f"{_FOLDER[language]}: {escape(params.overlay.directory)}")


_OVERLAY = {"sv": "från tilläggsmappen", "en": "from the overlay folder"}
_OWN = {"sv": "egen", "en": "own"}
_OWN_RULES = {"sv": "egna regler", "en": "own rules"}
_FOLDER = {"sv": "tilläggsmapp", "en": "overlay folder"}

from forenad.cli.params_cmds import register as _register_params_cmds  # noqa: E402

_register_params_cmds(params_app)
