"""``templates check``: is a template safe, and does it fit the agreement model?

The template is first normalised as :mod:`forenad.render.normalize` describes (tags split across Word runs
joined, proofing and revision marks removed, entity-encoded and typographic quotes in tags made straight),
so what Word and LibreOffice do to a template is accepted; what cannot be normalised is an error naming the
paragraph. Then, for every part forenad renders (body, headers, footers, footnotes, the core properties):

- Jinja syntax errors, and every construct outside the allow-list (:mod:`forenad.render.analysis`),
  unsafe ones refused;
- the agreement fields the template uses, derived from the template itself (the sidecar does not list
  them); a field the model does not have is an error (with "did you mean");
- for each employment model the template serves: a field an agreement of that model gives (in the shipped
  sample agreement) that neither this template nor the other shipped documents for the model use, a
  warning: the value would reach no document;
- language versions (the same ``document``) that differ in structure (headings, control tags, fields:
  :mod:`forenad.render.structure`), a warning;
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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from forenad.data import data_dir
from forenad.errors import ForenadError
from forenad.i18n import Lang, Text, t
from forenad.render.analysis import UNSAFE_CODES, Analyzer, Issue, minimal_fields
from forenad.render.catalogue import Template, resolve_template
from forenad.render.errors import TemplateError, TemplateRefused
from forenad.render.normalize import Normalised, normalize_docx

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OPEN = re.compile(r"\{\{|\{%|\{#")
_RICH = re.compile(r"\{[{%]r\s")
UNREADABLE = frozenset({"not_docx", "syntax", "unclosed_tag", "tag_not_text"})
"""Errors after which what a template uses is not known."""
SAMPLES_DIR = data_dir("rules", "tests", "bases")
RENDERED_PART = re.compile(r"^word/(document|header\d*|footer\d*|footnotes)\.xml$")
FACT_INPUTS: dict[str, tuple[str, ...]] = {
    "collective_agreement": ("employers.*.collective_agreement", "employers.*.kind"),
    "pension_scheme": ("employers.*.pension_scheme", "person.birth_year"),
    "pension_split_loss_month": ("employers.*.pension_scheme", "person.birth_year"),
    "vacation_days": ("person.birth_year", "employers.*.collective_agreement"),
    "notice_employer_months": ("parts.*.notice.employer_months", "parts.*.employed_since"),
    "notice_employee_months": ("parts.*.notice.employee_months", "parts.*.employed_since"),
    "invoice_amount_per_period": ("employers.*.overhead_percent",),
    "weekly_hours": ("parts.*.working_time.form", "parts.*.working_time.full_time_hours"),
    "total_extent": ("total_extent_percent",),
}
"""The agreement fields a fact reads: a template that prints the fact uses them (the check's inputs reach
the document through it, e.g. the birth year through the vacation days)."""


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
    """Fields the model's sample agreements give that no template of the model uses."""
    dry_runs: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

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
            "language": spec.language if spec else None,
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


def _core_texts(source: Source) -> list[str]:
    from lxml import etree

    try:
        root = etree.fromstring(source.raw.encode(), parser=etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError:
        return []
    return [node.text for node in root if node.text]


def report_normalised(report: CheckReport, normalised: Normalised) -> None:
    """What normalising did (info) and what it could not do (errors, with the paragraph's text)."""
    for item in normalised.unmended:
        if item.reason == "unclosed":
            report.add(
                "error",
                "unclosed_tag",
                t(
                    f"{item.part}: koden som börjar {item.tag!r} avslutas inte i sitt stycke (avsluta den "
                    f"med }}}} eller %}} i samma stycke): «{item.paragraph}»",
                    f"{item.part}: the tag starting {item.tag!r} is not closed in its paragraph (close it "
                    f"with }}}} or %}} in the same paragraph): «{item.paragraph}»",
                ),
            )
        else:
            report.add(
                "error",
                "tag_not_text",
                t(
                    f"{item.part}: koden {item.tag!r} innehåller annat än text (en tabb, en radbrytning, ett "
                    f"fält eller en bild); skriv om den: «{item.paragraph}»",
                    f"{item.part}: the tag {item.tag!r} holds something other than text (a tab, a line "
                    f"break, a field or a picture); retype it: «{item.paragraph}»",
                ),
            )
    done_sv, done_en = [], []
    if normalised.joined:
        n = normalised.joined
        done_sv.append(f"{n} {_word(n, 'kod', 'koder')} som Word delat på flera körningar har fogats ihop")
        done_en.append(
            f"{n} {_word(n, 'tag', 'tags')} split across Word runs {_word(n, 'was', 'were')} joined"
        )
    if normalised.quotes:
        n = normalised.quotes
        done_sv.append(f"typografiska citattecken i {n} {_word(n, 'kod', 'koder')} har gjorts raka")
        done_en.append(f"typographic quotes in {n} {_word(n, 'tag', 'tags')} were made straight")
    if normalised.revisions:
        n = normalised.revisions
        done_sv.append(f"{n} {_word(n, 'spårad ändring', 'spårade ändringar')} har godtagits")
        done_en.append(f"{n} tracked {_word(n, 'change was', 'changes were')} accepted")
    if done_sv:
        report.add("info", "normalised", t("; ".join(done_sv), "; ".join(done_en)))


def _word(n: int, one: str, other: str) -> str:
    return one if n == 1 else other


def scan_tags(report: CheckReport, source: Source) -> None:
    """docxtpl's rich-text tags, which forenad does not support."""
    for tag in re.findall(r"\{\{.*?\}\}|\{%.*?%\}", _text_of(source.raw), re.DOTALL):
        if _RICH.match(tag):
            report.add(
                "error",
                "rich_text",
                t(
                    f"{source.part}: docxtpl-koden {tag!r} ({{{{r …}}}}) stöds inte av forenad",
                    f"{source.part}: the docxtpl tag {tag!r} ({{{{r …}}}}) is not supported by forenad",
                ),
            )


def jinja_source(source: Source) -> str:
    """The Jinja code docxtpl would run for a (normalised) part."""
    from docxtpl import DocxTemplate

    if source.part == "docProps/core.xml":
        return "\n".join(_core_texts(source))
    patcher = DocxTemplate.__new__(DocxTemplate)
    patched = DocxTemplate.patch_xml(patcher, source.raw)
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)


def analyse(report: CheckReport, template: Template) -> Analyzer:
    analyzer = Analyzer(per_employer=template.spec.per == "employer")
    try:
        normalised = normalize_docx(template.data)
        rendered, _ = template_sources(normalised.data)
        _, other = template_sources(template.data)
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
    report_normalised(report, normalised)
    unmended = {item.part for item in normalised.unmended}
    for source in rendered:
        scan_tags(report, source)
        if source.part not in unmended:  # its tags cannot be read as code; the error says where
            _parse(report, analyzer, template.spec.language, source)
    for issue in analyzer.issues:
        report.add(issue.severity, issue.code, issue.text)
    return analyzer


def _parse(report: CheckReport, analyzer: Analyzer, lang: Lang, source: Source) -> None:
    """Parse one part's Jinja code and walk it; a syntax error names the paragraph it is in."""
    from jinja2.exceptions import TemplateSyntaxError

    from forenad.render.environment import environment

    code = jinja_source(source)
    try:
        ast = environment(lang).parse(code)
    except TemplateSyntaxError as exc:
        lines = code.splitlines()
        near = _text_of(lines[exc.lineno - 1]).strip()[:200] if 0 < (exc.lineno or 0) <= len(lines) else ""
        report.add(
            "error",
            "syntax",
            t(
                f"{source.part}: syntaxfel i mallkoden: {exc.message}, i stycket «{near}»",
                f"{source.part}: syntax error in a tag: {exc.message}, in the paragraph «{near}»",
            ),
        )
        return
    analyzer.run(ast)


def used_fields(analyzer: Analyzer) -> set[str]:
    """The fields a template uses: those its tags read, and those the facts it prints read."""
    used = set(analyzer.used)
    for fact in analyzer.facts:
        used.update(FACT_INPUTS.get(fact, ()))
    return used


def coverage(report: CheckReport, template: Template, analyzer: Analyzer) -> None:
    """The fields used (derived from the template), and the fields an agreement of a served model gives
    that no template of the model uses (warnings)."""
    if template.spec.fields:
        report.add(
            "info",
            "sidecar_fields",
            t(
                "sidofilens fields behövs inte: forenad läser fälten ur mallen (raden kan tas bort)",
                "the sidecar's fields are not needed: forenad reads the fields from the template (the line "
                "can go)",
            ),
        )
    report.fields_used = minimal_fields(analyzer.used)
    report.facts_used = sorted(analyzer.facts)
    if any(i.code in UNREADABLE for i in report.errors):
        return  # what the template uses is not known: no coverage to report
    unused: dict[str, list[str]] = {}
    for model in template.spec.models:
        given = fields_given(model.value)
        if not given:
            continue
        used = used_fields(analyzer) | companions_use(template, model.value)
        for path in sorted(given):
            if not _covered(path, used):
                unused.setdefault(path, []).append(model.value)
    report.unused_model_fields = sorted(unused)
    by_models: dict[tuple[str, ...], list[str]] = {}
    for path, served in sorted(unused.items()):
        by_models.setdefault(tuple(served), []).append(path)
    for models, paths in by_models.items():
        listed = ", ".join(paths)
        report.add(
            "warning",
            "unused_model_field",
            t(
                f"avtal av modellen {', '.join(models)} anger {listed}, men ingen mall för modellen använder "
                f"{_word(len(paths), 'det', 'dem')} (värdena kommer inte med i något dokument)",
                f"agreements of the model {', '.join(models)} give {listed}, but no template for the model "
                f"uses {_word(len(paths), 'it', 'them')} (the values reach no document)",
            ),
        )


def _covered(path: str, used: Iterable[str]) -> bool:
    return any(u == path or u.startswith(path + ".") or path.startswith(u + ".") for u in used)


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


@cache
def fields_given(model: str) -> frozenset[str]:
    """The leaf fields the shipped sample agreements of ``model`` give (lists as ``*``)."""
    found: set[str] = set()
    for _name, agreement in sample_agreements():
        if agreement.model.value == model:
            _leaves(agreement.model_dump(exclude_unset=True), "", found)
    return frozenset(found)


def _leaves(value: Any, path: str, out: set[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _leaves(item, f"{path}.{key}" if path else str(key), out)
    elif isinstance(value, list):
        for item in value:
            _leaves(item, f"{path}.*", out)
    elif value is not None:
        out.add(path)


def companions_use(template: Template, model: str) -> set[str]:
    """The fields the shipped documents drafted beside ``template`` use: those for ``model`` in its
    language made per agreement when it is made per employer, and the reverse (an organisation that
    replaces the agreement keeps the shipped anställningsbevis)."""
    from forenad.render.catalogue import shipped_templates

    used: set[str] = set()
    for other in shipped_templates():
        if other.spec.per == template.spec.per or not other.serves(model):
            continue
        if other.spec.language == template.spec.language:
            used |= _shipped_fields(other.id, other.sha256)
    return used


@cache
def _shipped_fields(template_id: str, sha256: str) -> frozenset[str]:
    from forenad.render.catalogue import shipped_template

    template = shipped_template(template_id)
    report = CheckReport(template.label, template)
    return frozenset(used_fields(analyse(report, template)))


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


def compare_languages(reports: Sequence[CheckReport]) -> None:
    """Language versions of one document among ``reports`` (and, for a shipped template, its shipped
    versions) that differ in structure get a warning each."""
    from forenad.render.catalogue import shipped_templates
    from forenad.render.structure import differences, outline

    checked = [r for r in reports if r.template is not None and not r.errors]
    for report in checked:
        template = report.template
        assert template is not None
        mine = outline(template, set(report.fields_used), set(report.facts_used))
        others: list[Template] = [
            r.template for r in checked if r.template is not None and r.template is not template
        ]
        if template.shipped:
            others += [s for s in shipped_templates() if s.id not in {o.id for o in others}]
        for other in others:
            spec = other.spec
            if spec.document != template.spec.document or spec.language == template.spec.language:
                continue
            theirs = _outline_of(other)
            for text in differences((template.label, mine), (other.label, theirs)):
                report.add(
                    "warning",
                    "language_mismatch",
                    t(
                        f"språkversionerna är inte i takt med {other.label}: {text.sv}",
                        f"the language versions are out of step with {other.label}: {text.en}",
                    ),
                )


def _outline_of(template: Template) -> Any:
    from forenad.render.structure import outline

    report = CheckReport(template.label, template)
    analyzer = analyse(report, template)
    return outline(template, set(minimal_fields(analyzer.used)), set(analyzer.facts))


def check_template(
    ref: str | Path | Template, *, run: bool = True, siblings: Sequence[CheckReport] = ()
) -> CheckReport:
    """Check a template (an id, a path or a loaded :class:`Template`); ``run=False`` skips the dry run.
    Language versions among ``siblings`` (reports of the same run), and a shipped template's own, are
    compared with it."""
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
        compare_languages([report, *siblings])
    return report


def check_templates(refs: Sequence[str | Path | Template], *, run: bool = True) -> list[CheckReport]:
    """Check several templates; language versions of one document among them are compared."""
    reports = [check_template(ref, run=run) for ref in refs]
    if run and len(reports) > 1:
        compare_languages(reports)
    return reports


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
