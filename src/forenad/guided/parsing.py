"""Turning one typed answer into a value, validated by the agreement model's own validators.

Each parser takes the answer text and returns a value or raises :class:`Invalid` with a Swedish and English
message. Field values go through a pydantic ``TypeAdapter`` built from the model field itself (its type and
constraints), so an answer is accepted exactly when the same value in a file would be.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from forenad.guided.texts import MESSAGES
from forenad.i18n import Text
from forenad.model import Agreement
from forenad.model.messages import translate
from forenad.model.paths import suggest


class Invalid(ValueError):
    """An answer that cannot be accepted; ``text`` says why, in Swedish and English."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


@functools.cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    field = model.model_fields[name]
    annotated: Any = Annotated[field.annotation, field]  # a type built at run time, from the model's field
    return TypeAdapter(annotated)


def field_value(model: type[BaseModel], name: str, value: object) -> Any:
    """``value`` validated as the field ``name`` of ``model``; :class:`Invalid` with the model's message."""
    if isinstance(value, str):
        value = value.strip()  # the models strip whitespace too
    try:
        return _adapter(model, name).validate_python(value)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        raise Invalid(translate(errors[0], Agreement)) from None


def error_text(kind: str, **ctx: object) -> Text:
    """The model's own message for one of its error types (``duplicate_id``, ``end_before_start`` …)."""
    return translate({"type": kind, "ctx": ctx, "loc": ()}, Agreement)


def count(raw: str, maximum: int) -> int:
    text = raw.strip()
    if _small_number(text) and 1 <= int(text) <= maximum:
        return int(text)
    raise Invalid(MESSAGES["count"].format(max=maximum))


_YES = frozenset({"j", "ja", "y", "yes", "true", "1"})
_NO = frozenset({"n", "nej", "no", "false", "0"})


def yes_no(raw: str) -> bool:
    text = raw.strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise Invalid(MESSAGES["yes_no"])


def choice(raw: str, options: Sequence[str]) -> str:
    """The option picked by its 1-based number or written out.

    Case, å/ä/ö and spaces do not matter (``Överläkare`` picks ``overlakare``). Anything else is
    :class:`Invalid`, with a "did you mean" when an option is close.
    """
    text = raw.strip()
    if _small_number(text) and 1 <= int(text) <= len(options):
        return options[int(text) - 1]
    if text in options:
        return text
    wanted = _plain(text)
    for option in options:
        if _plain(option) == wanted:
            return option
    guess = suggest(wanted, options)
    values = ", ".join(options) if len(options) <= 8 else None
    message = MESSAGES["choice" if values else "choice_long"].format(
        input=repr(text[:60]), max=len(options), values=values or ""
    )
    if guess:
        message = Text(sv=f"{message.sv}; menade du {guess!r}?", en=f"{message.en}; did you mean {guess!r}?")
    raise Invalid(message)


def _small_number(text: str) -> bool:
    return text.isascii() and text.isdigit() and len(text) <= 6


def _plain(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text).strip("_")
