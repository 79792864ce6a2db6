"""``templates check``: is an organisation's template safe, and does it fit the agreement model?

Reports, for every part forenad renders (body, headers, footers, footnotes, the core properties):

- tags split across Word runs (a warning: forenad mends them, but Word's formatting inside is lost) and
  curly quotes inside tags (an error: Word's AutoFormat replaced straight quotes);
- Jinja syntax errors, and every construct outside the allow-list (:mod:`forenad.render.analysis`),
  unsafe ones refused;
- two-way coverage against the model: fields used that the model does not have (with "did you mean"),
  sidecar fields the model does not have, sidecar fields the template does not use, fields used but not
  declared, and the model fields no tag reads (for information);
- tags in parts forenad does not render (comments, endnotes): they would stay in the document;
- Word content that reaches outside the document (external relationships, ``altChunk``, DDE and INCLUDE
  fields: :mod:`forenad.render.wordsafety`), refused and named, never stripped;
- a sandboxed dry run on each shipped sample agreement the template serves, with the checks after rendering
  and the sandbox's limits (:mod:`forenad.render.sandbox`); a template stopped by one is unsafe, and the
  report says which limit.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from forenad.data import data_dir
from forenad.errors import ForenadError
from forenad.i18n import Lang, Text, t
from forenad.render.analysis import UNSAFE_CODES, Analyzer, Issue, check_path, minimal_fields, model_leaves
from forenad.render.catalogue import Template, resolve_template
from forenad.render.errors import TemplateError, TemplateRefused

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_OPEN = re.compile(r"\{\{|\{%|\{#")
_CURLY = "“”‘’„‚"
SAMPLES_DIR = data_dir("rules", "tests", "bases")
RENDERED_PART = re.compile(r"^word/(document|header\d*|footer\d*|footnotes)\.xml$")


@dataclass(frozen=True, slots=True)
class Source:
    part: str
    raw: str


@dataclass
class CheckReport:
    source: str
    template: Template | None = None
    issues: list[Issue] = field(default_factory=list)
    fields_used: list[str] = field(default_factory=list)
    facts_used: list[str] = field(default_factory=list)
    unused_model_fields: list[str] = field(default_factory=list)
    dry_runs: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def unsafe(self) -> bool:
        return any(i.code in UNSAFE_CODES for i in self.errors)

    @property
    def exit_code(self) -> int:
        return 2 if self.errors else 0

    def add(self, severity: str, code: str, text: Text) -> None:
        issue = Issue(severity, code, text)  # type: ignore[arg-type]
        if issue not in self.issues:
            self.issues.append(issue)

    def as_json(self, lang: Lang = "sv") -> dict[str, Any]:
        spec = self.template.spec if self.template else None
        return {
            "template": self.source,
            "id": spec.id if spec else None,
            "version": spec.version if spec else None,
            "sha256": self.template.sha256 if self.template else None,
            "ok": not self.errors,
            "unsafe": self.unsafe,
            "problems": [
                {"severity": i.severity, "code": i.code, "message": i.text(lang)} for i in self.issues
            ],
            "fields_used": self.fields_used,
            "facts_used": self.facts_used,
            "unused_model_fields": self.unused_model_fields,
            "dry_runs": self.dry_runs,
        }


def template_sources(data: bytes) -> tuple[list[Source], list[str]]:
    """The XML (and core-property text) forenad renders, and the other parts that contain tag openers."""
    rendered: list[Source] = []
    other: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if not name.endswith(".xml"):
                continue
            text = archive.read(name).decode("utf-8", errors="replace")
            if RENDERED_PART.match(name) or name == "docProps/core.xml":
                rendered.append(Source(name, text))
            elif _OPEN.search(_text_of(text)):
                other.append(name)
    return rendered, other


def _text_of(xml: str) -> str:
    return re.sub(r"<[^>]+>", "", xml)


def _paragraph_texts(source: Source) -> list[list[tuple[str, int]]]:
    """Per paragraph, its text pieces (one per ``w:t``) with the index of the run holding each."""
    from lxml import etree

    try:
        root = etree.fromstring(source.raw.encode(), parser=etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError:
        return []
    if source.part == "docProps/core.xml":
        return [[(node.text or "", i)] for i, node in enumerate(root) if node.text]
    out = []
    for paragraph in root.iter(f"{_W}p"):
        pieces = []
        for run_index, run in enumerate(paragraph.iter(f"{_W}r")):
            for text in run.iter(f"{_W}t"):
                pieces.append((text.text or "", run_index))
        out.append(pieces)
    return out


def scan_runs(report: CheckReport, source: Source) -> None:
    """Split tags, curly quotes and rich-text tags, paragraph by paragraph."""
    for pieces in _paragraph_texts(source):
        text = "".join(p for p, _ in pieces)
        if "{" not in text:
            continue
        owners: list[int] = []
        for piece, run in pieces:
            owners.extend([run] * len(piece))
        for match in _TAG.finditer(text):
            tag = match.group(0)
            if len(set(owners[match.start() : match.end()])) > 1:
                report.add(
                    "warning",
                    "split_tag",
                    t(
                        f"{source.part}: koden {tag!r} är delad på flera Word-körningar (formatering inuti "
                        "går förlorad; skriv om koden i ett svep)",
                        f"{source.part}: the tag {tag!r} is split across Word runs (formatting inside it is "
                        "lost; retype the tag in one go)",
                    ),
                )
            if any(q in tag for q in _CURLY):
                report.add(
                    "error",
                    "curly_quote",
                    t(
                        f"{source.part}: typografiska citattecken i koden {tag!r}; använd raka \" eller '",
                        f"{source.part}: curly quotes inside the tag {tag!r}; use straight \" or '",
                    ),
                )
            if re.match(r"\{[{%]r\s", tag):
                report.add(
                    "error",
                    "rich_text",
                    t(
                        f"{source.part}: docxtpl-koden {tag!r} ({{{{r …}}}}) stöds inte av forenad",
                        f"{source.part}: the docxtpl tag {tag!r} ({{{{r …}}}}) is not supported by forenad",
                    ),
                )


def jinja_source(source: Source) -> str:
    """The Jinja code docxtpl would run for a part (after mending split tags)."""
    from docxtpl import DocxTemplate

    if source.part == "docProps/core.xml":
        return "\n".join(p for pieces in _paragraph_texts(source) for p, _ in pieces)
    patcher = DocxTemplate.__new__(DocxTemplate)
    patched = DocxTemplate.patch_xml(patcher, source.raw)
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)


def analyse(report: CheckReport, template: Template) -> Analyzer:
    from jinja2.exceptions import TemplateSyntaxError

    from forenad.render.environment import environment

    analyzer = Analyzer(per_employer=template.spec.per == "employer")
    try:
        rendered, other = template_sources(template.data)
    except zipfile.BadZipFile:
        report.add("error", "not_docx", t("mallen är ingen .docx-fil", "the template is not a .docx file"))
        return analyzer
    from forenad.render.wordsafety import hostile_content

    for hostile in hostile_content(template.data):
        report.add("error", hostile.code, hostile.text)
    for name in other:
        report.add(
            "error",
            "unrendered_part",
            t(
                f"{name} innehåller mallkoder men återges inte av forenad (kommentarer, slutnoter …)",
                f"{name} contains template tags but forenad does not render it (comments, endnotes …)",
            ),
        )
    env = environment(template.spec.language)
    for source in rendered:
        scan_runs(report, source)
        code = jinja_source(source)
        try:
            ast = env.parse(code)
        except TemplateSyntaxError as exc:
            lines = code.splitlines()
            near = (
                _text_of(lines[exc.lineno - 1]).strip()[:100] if 0 < (exc.lineno or 0) <= len(lines) else ""
            )
            report.add(
                "error",
                "syntax",
                t(
                    f"{source.part}: syntaxfel i mallkoden: {exc.message} (vid {near!r})",
                    f"{source.part}: syntax error in a tag: {exc.message} (near {near!r})",
                ),
            )
            continue
        analyzer.run(ast)
    for issue in analyzer.issues:
        report.add(issue.severity, issue.code, issue.text)
    return analyzer


def coverage(report: CheckReport, template: Template, analyzer: Analyzer) -> None:
    declared = list(template.spec.fields)
    for path in declared:
        problem = check_path(path)
        if problem is not None:
            hint = f" ({problem.suggestion}?)" if problem.suggestion else ""
            report.add(
                "error",
                "sidecar_unknown_field",
                t(
                    f"sidofilen anger fältet {path}, som inte finns i avtalsmodellen{hint}",
                    f"the sidecar lists the field {path}, which the agreement model does not have{hint}",
                ),
            )
    used = analyzer.used
    for path in declared:
        if check_path(path) is None and not any(u == path or u.startswith(path + ".") for u in used):
            report.add(
                "warning",
                "sidecar_unused_field",
                t(
                    f"sidofilen anger fältet {path}, men mallen använder det inte",
                    f"the sidecar lists the field {path}, but the template does not use it",
                ),
            )
    for path in minimal_fields(used):
        covered = any(path == d or path.startswith(d + ".") or d.startswith(path + ".") for d in declared)
        if not covered:
            report.add(
                "warning",
                "undeclared_field",
                t(
                    f"mallen använder {path}, som inte står i sidofilens fields",
                    f"the template uses {path}, which the sidecar's fields do not list",
                ),
            )
    report.fields_used = minimal_fields(used)
    report.facts_used = sorted(analyzer.facts)
    report.unused_model_fields = [leaf for leaf in model_leaves() if leaf not in used]
    if report.unused_model_fields:
        report.add(
            "info",
            "unused_model_fields",
            t(
                f"{len(report.unused_model_fields)} fält i avtalsmodellen används inte av mallen",
                f"{len(report.unused_model_fields)} fields of the agreement model are not used "
                "by the template",
            ),
        )


@cache
def sample_agreements() -> tuple[tuple[str, Any], ...]:
    """The shipped sample agreements (the rule cases' bases), one per employment model."""
    from forenad.io import read_agreement

    out = []
    for path in sorted(SAMPLES_DIR.glob("*.yaml")):
        loaded = read_agreement(path)
        if loaded.agreement is not None:
            out.append((path.name, loaded.agreement))
    return tuple(out)


def dry_run(report: CheckReport, template: Template) -> None:
    from forenad.render.api import render_document

    for name, agreement in sample_agreements():
        if not template.serves(agreement.model):
            continue
        employers = list(dict.fromkeys(p.employer for p in agreement.parts))
        issuers: list[str | None] = list(employers) if template.spec.per == "employer" else [None]
        for issuer in issuers:
            try:
                render_document(agreement, template, on=agreement.start_date, issuer=issuer)
            except ForenadError as exc:
                text = getattr(exc, "text", None) or t(str(exc), str(exc))
                code = "unsafe_render" if isinstance(exc, TemplateRefused) else "dry_run"
                report.add(
                    "error", code, t(f"provkörning med {name}: {text.sv}", f"dry run with {name}: {text.en}")
                )
                return
        report.dry_runs.append(name)


def check_template(ref: str | Path | Template, *, run: bool = True) -> CheckReport:
    """Check a template (an id, a path or a loaded :class:`Template`); ``run=False`` skips the dry run."""
    if isinstance(ref, Template):
        template = ref
    else:
        try:
            template = resolve_template(ref)
        except ForenadError as exc:
            report = CheckReport(str(ref))
            text = getattr(exc, "text", None) or t(str(exc), str(exc))
            report.add("error", "unreadable", text)
            return report
    report = CheckReport(template.label, template)
    analyzer = analyse(report, template)
    coverage(report, template, analyzer)
    if run and not report.errors:
        dry_run(report, template)
    return report


_SAFE: set[tuple[str, str]] = set()


def assert_safe(template: Template) -> None:
    """Refuse an organisation's template before it is rendered: any error of the static check stops it."""
    key = (str(template.docx_path), template.sha256)
    if key in _SAFE:
        return
    report = check_template(template, run=False)
    if report.errors:
        unsafe = [i for i in report.errors if i.code in UNSAFE_CODES]
        first = (unsafe or report.errors)[0]
        more = len(report.errors) - 1
        extra_sv, extra_en = (
            (
                f" (och {more} till; kör forenad templates check)",
                f" (and {more} more; run forenad templates check)",
            )
            if more
            else ("", "")
        )
        error = TemplateRefused if report.unsafe else TemplateError
        raise error(template.label, t(first.text.sv + extra_sv, first.text.en + extra_en))
    _SAFE.add(key)
