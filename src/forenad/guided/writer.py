"""The agreement file that ``forenad new`` writes: YAML with a schema line and a Swedish comment per section.

The body is dumped like :func:`forenad.io.dump_yaml` (only fields that differ from their defaults), but with
dates unquoted, list items indented and long texts kept on one line, as a person would write the file.
Comments are only added as whole lines above top-level keys, so they cannot change what the file means; the
tests load every written file back and compare it with the agreement.
"""

from __future__ import annotations

import datetime as dt
import os
import textwrap
from decimal import Decimal
from io import StringIO
from pathlib import Path
from typing import Any

from forenad.guided.texts import MODELS
from forenad.model import Agreement

SCHEMA_FILE = Path("schema") / "agreement.schema.json"

SECTIONS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("id", "title", "model"), "Avtalet: id, rubrik och anställningsmodell."),
    (("person",), "Personen som har tjänsten. Ett personnummer maskeras i all utskrift från forenad."),
    (
        ("employers",),
        "Arbetsgivare och andra parter, var och en med ett kort id som resten av filen använder.",
    ),
    (
        ("parts",),
        "Tjänstens delar, en per roll och arbetsgivare: omfattning i procent av heltid, månadslön i kronor\n"
        "vid delens omfattning, arbetstid med arbetsgivarens heltidsmått.",
    ),
    (
        ("main_employer", "total_extent_percent"),
        "Huvudarbetsgivare och total omfattning (delarna ska summera till den).",
    ),
    (("start_date", "end_date", "review_date"), "Datum: start, eventuellt slut och uppföljning."),
    (
        ("cost_settlement",),
        "Kostnadsfördelning: vem som bär lönekostnaden för varje del (delarna räknas från 0) och, vid\n"
        "fakturering, vem som fakturerar vem, på vilken prisgrund och med vilka betalningsvillkor.",
    ),
    (("work_environment",), "Arbetsmiljöansvar per arbetsplats (AML 3 kap. 2 § och 12 §)."),
    (
        ("rehabilitation",),
        "Rehabilitering: vilken arbetsgivare som leder och hur den andra medverkar (SFB 30 kap.).",
    ),
    (("sick_pay",), "Sjuklön: hur sjuklönen hanteras (sjuklönelagen gäller för varje arbetsgivare)."),
    (("vacation",), "Semester: hur förläggningen samordnas mellan arbetsgivarna."),
    (("secondary_employment",), "Bisyssla: arbetsgivare som har fått veta om den andra anställningen."),
    (("linked_termination",), "Upphörande: vad som händer med den ena delen när den andra upphör."),
    (("procedure",), "När det inte fungerar: hur tvister löses och hur arrangemanget avslutas."),
    (
        ("doctoral_studies",),
        "Forskarutbildningen: lärosätet som antar, examen, finansiering, handledare och individuell\n"
        "studieplan (högskoleförordningen 7 kap. 36 §).",
    ),
    (("signatories",), "Undertecknare."),
    (("clauses",), "Övriga villkor."),
)


def schema_reference(output: Path) -> str:
    """The shipped schema relative to the file when a ``schema/agreement.schema.json`` is found in the
    file's directory or above it; else the published schema id."""
    from forenad.schema import SCHEMA_ID

    directory = output.resolve().parent
    for candidate in (directory, *directory.parents):
        schema = candidate / SCHEMA_FILE
        if schema.is_file():
            return Path(os.path.relpath(schema, directory)).as_posix()
    return SCHEMA_ID


def render(agreement: Agreement, output: Path, today: dt.date) -> str:
    """The file's text: the schema line, a header, and the agreement with a comment above each section."""
    about = [
        f"Anställningsmodell: {MODELS[agreement.model].sv}.",
        f"Skriven med forenad new {today.isoformat()}. Pröva med: forenad check {_printable(output.name)}",
    ]
    header = [f"# yaml-language-server: $schema={_printable(schema_reference(output))}", "#"]
    header.extend(f"# {row}" for text in about for row in textwrap.wrap(text, 100))
    comments = {keys[0]: text for keys, text in SECTIONS}
    section_of = {key: keys for keys, _ in SECTIONS for key in keys}
    started: set[tuple[str, ...]] = set()
    body: list[str] = []
    for line in dump(agreement).splitlines():
        key = line.split(":", 1)[0] if line[:1].isalpha() and ":" in line else None
        keys = section_of.get(key) if key else None
        if keys is not None and keys not in started:
            started.add(keys)
            body.append("")
            body.extend(f"# {row}" for row in comments[keys[0]].splitlines())
        body.append(line)
    return "\n".join(header + body) + "\n"


def _printable(text: str) -> str:
    """Text safe inside a comment line: no line breaks (U+0085, U+2028 …) or control characters."""
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def dump(agreement: Agreement) -> str:
    """The agreement as YAML: the fields that differ from their defaults, in the model's order."""
    from ruamel.yaml import YAML

    data = _plain(agreement.model_dump(mode="python", exclude_none=True, exclude_defaults=True))
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.sort_base_mapping_type_on_output = False  # keep the model's order
    yaml.representer.add_representer(str, _represent_text)
    out = StringIO()
    yaml.dump(data, out)
    return out.getvalue()


_LINE_BREAKS = frozenset("\x85\u2028\u2029")


def _represent_text(representer: Any, text: str) -> Any:
    """Text with a Unicode line break (NEL, LS, PS) double-quoted, where YAML escapes it; written raw in
    another style, the loader would read it back as a plain line break."""
    style = '"' if _LINE_BREAKS.intersection(text) else None
    return representer.represent_scalar("tag:yaml.org,2002:str", text, style=style)


def _plain(value: Any) -> Any:
    """Model values as plain YAML data: numbers as in JSON, enums and identity numbers as text."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, str):
        return str(value)
    return value
