"""Agreement files: reading YAML or JSON into a validated :class:`~forenad.model.Agreement`.

Every problem is reported as an :class:`~forenad.errors.InputError` with the dotted field path and the line,
and all of a file's problems are reported together, not only the first.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from forenad import yamlio
from forenad.errors import AgreementFileError, InputError
from forenad.i18n import t
from forenad.model import Agreement
from forenad.model.messages import translate
from forenad.model.paths import dotted


@dataclass(frozen=True, slots=True)
class LoadResult:
    """The outcome of reading one agreement file: an agreement, or the errors that stopped it."""

    file: str
    agreement: Agreement | None
    errors: tuple[InputError, ...]

    @property
    def valid(self) -> bool:
        return self.agreement is not None and not self.errors


def read_agreement(path: str | Path) -> LoadResult:
    """Read and validate one agreement file; never raises for bad input."""
    path = Path(path)
    try:
        text = yamlio.read_text(path)
    except yamlio.DocumentError as exc:
        return LoadResult(str(path), None, (InputError(exc.path, exc.line, exc.text, exc.code),))
    return parse_agreement(text, str(path))


def parse_agreement(text: str, file: str = "<text>") -> LoadResult:
    """Validate an agreement given as YAML or JSON text.

    A valid file is read with the fast parser (:func:`forenad.yamlio.parse_fast`); anything it does not
    take, and any file that does not validate, is parsed again with the careful one, which knows the line
    of every field, so that each error names its line.
    """
    fast = yamlio.parse_fast(text)
    if isinstance(fast, dict):
        try:
            return LoadResult(file, Agreement.model_validate(fast), ())
        except ValidationError:
            pass  # reported below, with lines
    try:
        document = yamlio.parse(text)
    except yamlio.DocumentError as exc:
        return LoadResult(file, None, (InputError(exc.path, exc.line, exc.text, exc.code),))
    return validate_document(file, document)


def validate_document(file: str, document: yamlio.Document) -> LoadResult:
    data = document.data
    if not isinstance(data, dict):
        what = "tom" if data is None else type(data).__name__
        return LoadResult(
            file,
            None,
            (
                InputError(
                    "",
                    1,
                    t(
                        f"filen ska innehålla en mappning med avtalets fält (fick: {what})",
                        "the file must hold a mapping of the agreement's fields "
                        f"(got: {'empty' if data is None else what})",
                    ),
                    "not_a_mapping",
                ),
            ),
        )
    data = _text_keys(data)
    try:
        agreement = Agreement.model_validate(data)
    except ValidationError as exc:
        errors = tuple(
            sorted(
                (
                    InputError(
                        dotted(err["loc"]),
                        document.lines.line_of(err["loc"]),
                        translate(err, Agreement),
                        str(err["type"]),
                    )
                    for err in exc.errors(include_url=False)
                ),
                key=lambda e: (e.line or 0, e.path),
            )
        )
        return LoadResult(file, None, errors)
    return LoadResult(file, agreement, ())


def _text_keys(node: Any) -> Any:
    """Every mapping key as text (``2024:`` becomes ``'2024'``), so that a stray key is an unknown field."""
    if isinstance(node, dict):
        return {k if isinstance(k, str) else yamlio.key_text(k): _text_keys(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_text_keys(v) for v in node]
    return node


def load(path: str | Path) -> Agreement:
    """Read one agreement file; raises :class:`AgreementFileError` listing every problem."""
    result = read_agreement(path)
    if result.agreement is None:
        raise AgreementFileError(result.file, list(result.errors))
    return result.agreement


_UNSAFE_IN_PLAIN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def _quote_special(node: Any) -> Any:
    """Strings with control characters or Unicode line breaks are written double-quoted (escaped), so
    that they load back exactly (a raw U+0085 in a single-quoted scalar loads back as a space)."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if isinstance(node, dict):
        return {k: _quote_special(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_quote_special(v) for v in node]
    if isinstance(node, str) and _UNSAFE_IN_PLAIN.search(node):
        return DoubleQuotedScalarString(node)
    return node


def dump_yaml(agreement: Agreement) -> str:
    """The agreement as YAML text that loads back to an equal agreement."""
    from io import StringIO

    from ruamel.yaml import YAML

    data = _quote_special(agreement.model_dump(mode="json", exclude_none=True, exclude_defaults=True))
    y = YAML(typ="rt", pure=True)
    y.default_flow_style = False
    y.allow_unicode = True
    y.width = 4096
    out = StringIO()
    y.dump(data, out)
    return out.getvalue()


def dump_json(agreement: Agreement) -> str:
    data: Any = agreement.model_dump(mode="json", exclude_none=True)
    return json.dumps(data, ensure_ascii=False, indent=2)
