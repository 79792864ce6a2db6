"""Errors of drafting: templates that cannot be used, values a final document needs, PDF conversion.

Every error carries the offending name (template, field path) and, where there is one, a suggestion.
From the CLI each is exit code 2, except :class:`RenderCheckError` on a shipped template (a bug, exit 3) and
:class:`FinalRefused` (the agreement's rule errors, exit 1).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from forenad.errors import ForenadError
from forenad.i18n import Lang, Text
from forenad.presentation import count

if TYPE_CHECKING:
    from forenad.report import Finding


class DraftError(ForenadError):
    """Base class of drafting errors; ``text`` is bilingual."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text

    def message(self, lang: Lang = "sv") -> str:
        return self.text(lang)


class TemplateNotFound(DraftError):
    """No shipped template has the id, and no template exists at the path."""

    def __init__(self, ref: str, suggestion: str | None = None) -> None:
        hint_sv = f"; menade du {suggestion!r}?" if suggestion else ""
        hint_en = f"; did you mean {suggestion!r}?" if suggestion else ""
        super().__init__(
            Text(
                sv=f"ingen mall {ref!r} (varken ett mall-id eller en sökväg){hint_sv}",
                en=f"no template {ref!r} (neither a template id nor a path){hint_en}",
            )
        )
        self.ref = ref
        self.suggestion = suggestion


class TemplateError(DraftError):
    """A template (or its sidecar) that cannot be used as it is."""

    def __init__(self, template: str | Path, text: Text) -> None:
        super().__init__(Text(sv=f"mallen {template}: {text.sv}", en=f"template {template}: {text.en}"))
        self.template = str(template)
        self.problem = text


class TemplateRefused(TemplateError):
    """A template that tries to do something outside the allow-list or the sandbox (unsafe)."""


class TemplateMismatch(TemplateError):
    """A template asked for explicitly that does not serve the agreement's employment model."""


class TemplateLanguageMissing(DraftError):
    """``--lang en`` and a document without an English version: never a silent fallback to Swedish."""

    def __init__(self, documents: list[str]) -> None:
        names = ", ".join(documents)
        super().__init__(
            Text(
                sv=f"ingen engelsk version av {names}; ange --allow-swedish (allow_swedish=True) för att "
                "skriva den på svenska, eller välj en engelsk mall",
                en=f"no English version of {names}; give --allow-swedish (allow_swedish=True) to write it in "
                "Swedish, or choose an English template",
            )
        )
        self.documents = documents


class MissingValue(DraftError):
    """A final document (not a draft) needs a value the agreement does not give."""

    def __init__(self, path: str, shown: str | None = None) -> None:
        """``path`` as in the JSON (``parts.0.duties``); ``shown`` as a person reads it (``Del 1
        (professor): parts.0.duties``), in the message."""
        shown = shown or path
        super().__init__(
            Text(
                sv=f"värdet {shown} saknas i avtalet; ett slutligt dokument kräver det "
                "(utkast visar en markering)",
                en=f"the value {shown} is missing from the agreement; a final document needs it "
                "(a draft shows a marker)",
            )
        )
        self.path = path


class RenderCheckError(DraftError):
    """A rendered document that fails the checks after rendering (XML, leftover tags, reopening)."""


class PdfError(DraftError):
    """LibreOffice is missing or could not convert a document."""


class FinalRefused(DraftError):
    """A final document (``final=True``, ``draft --final``) for an agreement with rule findings of severity
    error: nothing is written; ``findings`` are the errors that stand in the way (a draft is still
    possible, with the errors listed in its annex)."""

    def __init__(self, findings: Sequence[Finding], part_names: tuple[Text, ...] = ()) -> None:
        from forenad.checking import human_path

        def lines(lang: Lang) -> str:
            head = (
                f"inget slutligt dokument: avtalet har {count(len(findings), 'fel', 'fel', lang)}"
                " (ett utkast går att skriva, med felen i bilagan)"
                if lang == "sv"
                else f"no final document: the agreement has {count(len(findings), 'error', 'errors', lang)}"
                " (a draft can be written, with the errors in its annex)"
            )
            rows = []
            for finding in findings:
                where = ", ".join(human_path(p, part_names, lang) for p in finding.paths)
                rows.append(f"{finding.rule}: {finding.text(lang)}" + (f" [{where}]" if where else ""))
            return "\n".join([head, *rows])

        super().__init__(Text(sv=lines("sv"), en=lines("en")))
        self.findings = tuple(findings)
