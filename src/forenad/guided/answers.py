"""The answers file of ``forenad new --answers FILE``: a YAML mapping of question keys to answers.

Keys are checked against :data:`QUESTION_KEYS` (``N`` stands for a number from 1), with a "did you mean"
for a misspelt key. Values are scalars: text, numbers, dates, ``true``/``false`` (for yes/no questions) or
``null`` (the same as answering ``-``: leave the value out). A decimal number is taken as written, as if
typed: ``26.500`` is 26 500 kr, not the YAML float 26.5.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path

from forenad import yamlio
from forenad.errors import ForenadError
from forenad.guided.texts import MESSAGES, PROMPTS
from forenad.i18n import Text

QUESTION_KEYS: tuple[str, ...] = tuple(PROMPTS)
"""Every question key, in the order they are asked; ``N`` is a number from 1."""

_KEY_PATTERNS = tuple(re.compile("^" + re.escape(key).replace("N", r"[1-9][0-9]*") + "$") for key in PROMPTS)


class AnswersFileError(ForenadError):
    """The answers file cannot be read or has a key that is not a question."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


def is_question_key(key: str) -> bool:
    return any(p.match(key) for p in _KEY_PATTERNS)


def load_answers(path: Path) -> dict[str, str]:
    """The answers in ``path`` as text, keyed by question key."""
    try:
        document = yamlio.load(path)
    except yamlio.DocumentError as exc:
        where = f":{exc.line}" if exc.line else ""
        raise AnswersFileError(_file_error(f"{path}{where}", exc.text)) from None
    data, root = document.data, document.lines.root
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise AnswersFileError(_file_error(str(path), MESSAGES["answers_not_mapping"]))
    answers: dict[str, str] = {}
    for raw_key, value in data.items():
        key = yamlio.key_text(raw_key)
        if not is_question_key(key):
            raise AnswersFileError(_file_error(str(path), _unknown(key)))
        if isinstance(value, dict | list):
            raise AnswersFileError(_file_error(str(path), MESSAGES["answers_not_mapping"]))
        answers[key] = answer_text(_as_written(root[raw_key], value))
    return answers


_PLAIN_DECIMAL = re.compile(r"[-+]?[0-9]*\.[0-9]+")


def _as_written(node: object, value: object) -> object:
    """A decimal number as the file writes it: YAML reads ``26.500`` as the float 26.5, but a person who
    answers ``part.1.monthly_salary: 26.500`` means 26 500 kr, so the interview reads the text as written
    (:mod:`forenad.guided.reading`). Other values are as YAML reads them."""
    from io import StringIO

    from ruamel.yaml import YAML
    from ruamel.yaml.scalarfloat import ScalarFloat

    if not isinstance(value, float) or not isinstance(node, ScalarFloat):
        return value
    out = StringIO()
    YAML(typ="rt").dump(node, out)
    written = out.getvalue().split("\n", 1)[0].strip()
    return written if _PLAIN_DECIMAL.fullmatch(written) else value


def answer_text(value: object) -> str:
    """A YAML scalar as the text a person would type."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _unknown(key: str) -> Text:
    text = MESSAGES["unknown_key"].format(key=repr(key))
    generic = re.sub(r"\.[0-9]+\.", ".N.", key)
    guess = difflib.get_close_matches(generic, QUESTION_KEYS, n=1, cutoff=0.6)
    if guess:
        number = re.search(r"\.([0-9]+)\.", key)
        suggestion = guess[0].replace(".N.", f".{number.group(1) if number else 1}.")
        return Text(sv=f"{text.sv}; menade du {suggestion!r}?", en=f"{text.en}; did you mean {suggestion!r}?")
    return text


def _file_error(file: str, message: Text) -> Text:
    template = MESSAGES["answers_file"]
    return Text(
        sv=template.sv.format(file=file, message=message.sv),
        en=template.en.format(file=file, message=message.en),
    )
