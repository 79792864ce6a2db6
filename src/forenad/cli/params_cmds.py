"""``forenad params add`` and ``forenad params status``: the yearly update, into an overlay folder.

The library side is :mod:`forenad.params_update`; the overlay rules are in :mod:`forenad.params_overlay`.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from forenad.cli.common import (
    LangArg,
    OutputFormat,
    ParamsOverlayArg,
    default_lang,
    exit_data_file_error,
    lang_of,
    parameters_or_exit,
    parse_date,
)
from forenad.i18n import Lang

if TYPE_CHECKING:
    from rich.console import Console

    from forenad.params import ParameterSet
    from forenad.params_update import AddedValue, StatusEntry


class ConfidenceOption(StrEnum):
    verified = "verified"
    secondary = "secondary"
    unverified = "unverified"


_TEXT = {
    "sv": {
        "no_overlay": "ingen tilläggsmapp: ange den med --params-overlay MAPP (eller miljövariabeln "
        'FORENAD_PARAMS_OVERLAY, eller [params] overlay = "MAPP" i en forenad.toml); de medföljande '
        "parameterfilerna skrivs aldrig",
        "added": "{name} från {start}: {value} {unit}{mark}, tillagt i {path}",
        "ended": "{name} avslutas från {start}, tillagt i {path}",
        "created": "(ny fil)",
        "source": "källa",
        "replaced": "ersatte {value} ({origin})",
        "replaced_end": "ersatte avslutet (null) från {start}",
        "shipped": "medföljande",
        "overlay": "från tilläggsmappen",
        "loads": "Parametrarna med tillägget läses in utan fel (version {version}).",
        "verify": "Kontrollera: {command}",
        "unverified_hint": "Värdet är markerat som overifierat. Ange --confidence verified när du har sett "
        "det i primärkällan (författningen, avtalet eller myndighetens beslut).",
        "unverified": " (overifierat)",
        "then_check": "Kör sedan forenad check på avtalen.",
        "via": "tilläggsmapp: {path} (från {via})",
        "status_head": "Parametrar per {on}: {n} st{overlay}",
        "status_overlay": ", med tilläggsmappen {path}",
        "status_no_overlay": ", ingen tilläggsmapp",
        "missing": "Saknar värde den {on}",
        "unverified_head": "Overifierat värde i kraft",
        "ending": "Upphör inom {days} dagar",
        "since": "inget värde från och med {date}",
        "before": "börjar gälla först {date}",
        "no_values": "har inga värden",
        "resumes": "; nästa värde från {date}",
        "in_force": "{value} {unit}, gäller från {start}",
        "ends": "{value} {unit} upphör {end} (om {days} dagar)",
        "from_overlay": "[tillägg: {file}]",
        "all_clear": "Inget att åtgärda: alla parametrar har ett värde, inget värde i kraft är overifierat "
        "och inget upphör inom {days} dagar.",
        "routine": "Lägg in nya värden ur primärkällan med forenad params add NAMN --from DATUM --value … "
        '--source "…"{overlay} och kör sedan forenad check.',
    },
    "en": {
        "no_overlay": "no overlay folder: name it with --params-overlay DIR (or the environment variable "
        'FORENAD_PARAMS_OVERLAY, or [params] overlay = "DIR" in a forenad.toml); the shipped parameter '
        "files are never written",
        "added": "{name} from {start}: {value} {unit}{mark}, added to {path}",
        "ended": "{name} ends from {start}, added to {path}",
        "created": "(new file)",
        "source": "source",
        "replaced": "replaced {value} ({origin})",
        "replaced_end": "replaced the end (null) from {start}",
        "shipped": "shipped",
        "overlay": "from the overlay folder",
        "loads": "The parameters with the overlay load without errors (version {version}).",
        "verify": "Check: {command}",
        "unverified_hint": "The value is marked unverified. Pass --confidence verified once you have seen it "
        "in the primary source (the statute, the agreement or the authority's decision).",
        "unverified": " (unverified)",
        "then_check": "Then run forenad check on the agreements.",
        "via": "overlay folder: {path} (from {via})",
        "status_head": "Parameters on {on}: {n}{overlay}",
        "status_overlay": ", with the overlay folder {path}",
        "status_no_overlay": ", no overlay folder",
        "missing": "No value in force on {on}",
        "unverified_head": "Unverified value in force",
        "ending": "Ending within {days} days",
        "since": "no value from {date}",
        "before": "starts only on {date}",
        "no_values": "has no values",
        "resumes": "; next value from {date}",
        "in_force": "{value} {unit}, in force from {start}",
        "ends": "{value} {unit} ends {end} (in {days} days)",
        "from_overlay": "[overlay: {file}]",
        "all_clear": "Nothing to do: every parameter has a value, no value in force is unverified and none "
        "ends within {days} days.",
        "routine": "Enter new values from the primary source with forenad params add NAME --from DATE "
        '--value … --source "…"{overlay}, then run forenad check.',
    },
}


def register(params_app: typer.Typer) -> None:
    """Add ``add`` and ``status`` to ``forenad params``."""
    params_app.command("add")(params_add)
    params_app.command("status")(params_status)


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(highlight=False, stderr=stderr)  # the terminal's width (COLUMNS or 80 when piped)


def _fail(message: str) -> typer.Exit:
    sys.stderr.write(f"forenad params: {message}\n")
    return typer.Exit(2)


def params_add(
    name: Annotated[str, typer.Argument(help="Parameterns namn, t.ex. inkomstbasbelopp. / The parameter.")],
    start: Annotated[
        str, typer.Option("--from", help="Startdatum ÅÅÅÅ-MM-DD. / The date the value applies from.")
    ],
    value: Annotated[
        str,
        typer.Option(
            "--value",
            help="Värdet, skrivet som YAML: 86000, 31.42, [professor, lektor], {rate: 6}; null avslutar "
            "parametern. / The value as YAML; null ends the parameter.",
        ),
    ],
    source: Annotated[
        str,
        typer.Option(
            "--source",
            help="Primärkällan, t.ex. 'Skatteverket, Belopp och procent 2027'. / The primary source.",
        ),
    ],
    url: Annotated[str | None, typer.Option("--url", help="Källans adress. / The source's URL.")] = None,
    confidence: Annotated[
        ConfidenceOption,
        typer.Option(
            "--confidence",
            help="verified: sett i primärkällan; secondary: i en andrahandskälla; unverified (standard). "
            "/ verified: seen in the primary source; secondary; unverified (the default).",
        ),
    ] = ConfidenceOption.unverified,
    params_overlay: ParamsOverlayArg = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Ersätt ett värde med samma startdatum. / Replace a value of that date."
        ),
    ] = False,
    lang: LangArg = default_lang(),  # noqa: B008
) -> None:
    """Lägg ett daterat värde i tilläggsmappen. / Add one dated value to the overlay folder."""
    from forenad.errors import DataFileError
    from forenad.params import UnknownParameter
    from forenad.params_overlay import locate_overlay
    from forenad.params_update import ValueRefused, add_to_overlay, parse_value

    language = lang_of(lang)
    text = _TEXT[language]
    date = parse_date(start, "--from")
    assert date is not None
    try:
        location = locate_overlay(params_overlay)
    except DataFileError as exc:
        exit_data_file_error(exc)
    if location is None:
        raise _fail(text["no_overlay"])
    try:
        parsed = parse_value(value)
        added = add_to_overlay(
            location.path,
            name,
            date,
            parsed,
            source=source,
            url=url,
            confidence=confidence.value,
            force=force,
        )
    except (UnknownParameter, ValueRefused) as exc:
        raise _fail(exc.message(language)) from None
    except DataFileError as exc:
        exit_data_file_error(exc)
    except OSError as exc:
        raise _fail(f"{exc.filename or location.path}: {exc.strerror or exc}") from None
    _print_added(added, location.via, params_overlay is not None, language)


def _print_added(added: AddedValue, via: str, explicit: bool, lang: Lang) -> None:
    from rich.markup import escape

    from forenad.params_overlay import show_value

    text = _TEXT[lang]
    out = _console()
    dated = added.dated
    start = added.start.isoformat()
    path = escape(str(added.path))
    if dated is None:
        line = text["ended"].format(name=added.name, start=start, path=path)
    else:
        mark = text["unverified"] if dated.confidence == "unverified" else ""
        line = text["added"].format(
            name=added.name,
            start=start,
            value=escape(show_value(dated.value)),
            unit=escape(dated.unit),
            mark=mark,
            path=path,
        )
    out.print(f"[green]✓[/] {line}" + (f" {text['created']}" if added.created else ""))
    out.print(f"  {text['via'].format(path=escape(str(added.path.parent)), via=escape(via))}")
    if dated is not None:
        for ref in dated.refs:
            out.print(
                f"  {text['source']}: {escape(ref.short())}" + (f" {escape(ref.url)}" if ref.url else "")
            )
    if added.replaced is not None:
        origin = text["shipped"] if added.replaced.origin == "shipped" else text["overlay"]
        out.print(
            f"  {text['replaced'].format(value=escape(show_value(added.replaced.value)), origin=origin)}"
        )
    elif added.ended_here:
        out.print(f"  {text['replaced_end'].format(start=start)}")
    out.print(f"  {text['loads'].format(version=added.params.version)}")
    command = f"forenad params show {added.name} --on {start}"
    if explicit:
        command += f" --params-overlay {added.path.parent}"
    out.print(f"  {text['verify'].format(command=escape(command))}")
    if dated is not None and dated.confidence == "unverified":
        out.print(f"  [magenta]{text['unverified_hint']}[/]")
    out.print(f"  {text['then_check']}")


def params_status(
    on: Annotated[
        str | None, typer.Option("--on", help="Datum ÅÅÅÅ-MM-DD (standard: i dag). / Date (default: today).")
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="text eller json. / Output format.")
    ] = OutputFormat.text,
    lang: LangArg = default_lang(),  # noqa: B008
    params_overlay: ParamsOverlayArg = None,
) -> None:
    """Januarilistan: parametrar utan värde, med overifierat värde eller som upphör inom 90 dagar.
    / The January checklist: parameters with no value, an unverified value, or ending within 90 days."""
    from forenad.params_update import WITHIN_DAYS, parameter_status

    language = lang_of(lang)
    date = parse_date(on) or dt.date.today()
    params = parameters_or_exit(params_overlay)
    entries = parameter_status(params, date, within_days=WITHIN_DAYS)
    if output_format == OutputFormat.json:
        data = [entry.as_json(language) for entry in entries]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    _print_status(params, entries, date, WITHIN_DAYS, language)


def _print_status(
    params: ParameterSet, entries: list[StatusEntry], on: dt.date, days: int, lang: Lang
) -> None:
    from rich.markup import escape

    text = _TEXT[lang]
    out = _console()
    overlay = (
        text["status_overlay"].format(path=escape(params.overlay.directory))
        if params.overlay is not None
        else text["status_no_overlay"]
    )
    out.print(f"[bold]{text['status_head'].format(on=on.isoformat(), n=len(params), overlay=overlay)}[/]")
    if not entries:
        out.print(f"[green]✓[/] {text['all_clear'].format(days=days)}")
        return
    headings = {
        "missing": text["missing"].format(on=on.isoformat()),
        "unverified": text["unverified_head"],
        "ending": text["ending"].format(days=days),
    }
    styles = {"missing": "bold red", "unverified": "magenta", "ending": "yellow"}
    for kind, heading in headings.items():
        group = [entry for entry in entries if entry.kind == kind]
        if not group:
            continue
        out.print()
        out.print(f"[{styles[kind]}]{heading} ({len(group)})[/]")
        for entry in group:
            out.print(f"  [bold]{entry.name}[/] — {escape(entry.parameter.description(lang))}")
            out.print(f"    {escape(_detail(entry, text))}")
            if entry.kind != "unverified":
                start = entry.add_from.isoformat()
                hint = f'forenad params add {entry.name} --from {start} --value … --source "…"'
                out.print(f"    [dim]{escape(hint)}[/]")
    out.print()
    folder = "" if params.overlay is not None else " --params-overlay " + ("MAPP" if lang == "sv" else "DIR")
    out.print(escape(text["routine"].format(overlay=folder)))


def _detail(entry: StatusEntry, text: dict[str, str]) -> str:
    from forenad.params_overlay import show_value

    if entry.kind == "missing":
        if entry.since is not None:
            detail = text["since"].format(date=entry.since.isoformat())
        elif entry.resumes is not None:
            return text["before"].format(date=entry.resumes.isoformat())
        else:
            return text["no_values"]
        if entry.resumes is not None:
            detail += text["resumes"].format(date=entry.resumes.isoformat())
        return detail
    value = entry.value
    assert value is not None
    shown = show_value(value.value)
    if entry.kind == "ending" and value.end is not None:
        detail = text["ends"].format(
            value=shown, unit=value.unit, end=value.end.isoformat(), days=(value.end - entry.on).days
        )
    else:
        detail = text["in_force"].format(value=shown, unit=value.unit, start=value.start.isoformat())
    if value.origin == "overlay":
        detail += " " + text["from_overlay"].format(file=value.origin_file or "")
    return detail
