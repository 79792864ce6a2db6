"""Drafting: from an agreement to Word documents (and PDF), with provenance, in steps a batch can share.

1. :func:`prepare` loads the agreement and plans its documents (which templates, one per employer where
   the template says so, and the file names);
2. :func:`render_job` evaluates the rules once and renders every planned document in memory;
3. :func:`convert_jobs` makes the PDFs (one LibreOffice run for the whole batch);
4. :func:`write_job` writes the agreement's files as one set, whole or not at all
   (:func:`forenad.fileset.write_set`).

Nothing is written until every document of an agreement has rendered and passed its checks, and an existing
file is replaced only with ``force``. :func:`draft` runs the steps for one agreement and raises on failure;
:func:`draft_files` runs all but the last and returns the files in memory.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from forenad.errors import AgreementFileError, ForenadError
from forenad.files import OutputExists
from forenad.i18n import Lang
from forenad.model import Agreement
from forenad.render.catalogue import Template, resolve_template, select_templates
from forenad.render.provenance import Provenance
from forenad.report import Finding

if TYPE_CHECKING:
    from forenad.engine.rules import RuleSet
    from forenad.params import OverlayInfo, ParameterSet

TemplateRef = str | Path | Template


@dataclass(frozen=True, slots=True)
class PlannedDocument:
    """One document to draft: a template, the employer it is for (per-employer templates) and its name."""

    template: Template
    issuer: str | None
    name: str

    @property
    def docx_name(self) -> str:
        return f"{self.name}.docx"

    @property
    def pdf_name(self) -> str:
        return f"{self.name}.pdf"

    @property
    def provenance_name(self) -> str:
        return f"{self.name}.provenance.json"


@dataclass(slots=True)
class RenderedDocument:
    plan: PlannedDocument
    docx: bytes
    provenance: Provenance
    pdf: bytes | None = None


@dataclass(slots=True)
class Evaluation:
    on: dt.date
    findings: list[Finding]
    facts: dict[str, Any]
    rules_version: str
    parameters_version: str
    parameters_overlay: OverlayInfo | None = None


@dataclass(slots=True)
class DraftJob:
    """One input of a batch and everything that happened to it."""

    source: str
    agreement: Agreement | None = None
    plans: list[PlannedDocument] = field(default_factory=list)
    rendered: list[RenderedDocument] = field(default_factory=list)
    evaluation: Evaluation | None = None
    written: list[Path] = field(default_factory=list)
    error: ForenadError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def slug(text: str) -> str:
    """A file-name-safe slug: ``ORU-RÖL-2026-003`` becomes ``oru-rol-2026-003``."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "avtal"


def safe_stem(stem: str) -> str:
    """``stem`` as one harmless file-name component: path separators, NUL and other control characters
    become ``-``, and a stem that is empty or all dots becomes ``avtal``; no output leaves its directory."""
    cleaned = "".join("-" if ch in "/\\" or unicodedata.category(ch) == "Cc" else ch for ch in stem)
    return "avtal" if not cleaned.strip(". ") else cleaned


_NOT_IN_WORD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""Characters XML 1.0, and so a Word document, cannot hold (the model accepts them in free text)."""


def refuse_unwritable_text(agreement: Agreement) -> None:
    """Raise :class:`~forenad.render.errors.DraftError` naming the first field whose text holds a character
    a Word document cannot hold (e.g. U+001B from a ``"\\e"`` escape): refused, never silently changed."""
    from forenad.i18n import t
    from forenad.render.errors import DraftError

    todo: list[tuple[str, Any]] = [("", agreement.model_dump())]
    while todo:
        path, value = todo.pop()
        if isinstance(value, dict):
            todo.extend((f"{path}.{k}" if path else str(k), v) for k, v in value.items())
        elif isinstance(value, list):
            todo.extend((f"{path}.{i}", v) for i, v in enumerate(value))
        elif isinstance(value, str) and (found := _NOT_IN_WORD.search(value)):
            code = f"U+{ord(found.group()):04X}"
            raise DraftError(
                t(
                    f"{path}: tecknet {code} (ett styrtecken) kan inte stå i ett Word-dokument; ta bort det",
                    f"{path}: the character {code} (a control character) cannot be in a Word document; "
                    "remove it",
                )
            )


def plan_documents(agreement: Agreement, stem: str, templates: Sequence[Template]) -> list[PlannedDocument]:
    stem = safe_stem(stem)
    plans: list[PlannedDocument] = []
    for template in templates:
        if template.spec.per == "employer":
            employing = list(dict.fromkeys(part.employer for part in agreement.parts))
            plans.extend(
                PlannedDocument(template, employer, f"{stem}.{template.id}-{employer}")
                for employer in employing
            )
        else:
            plans.append(PlannedDocument(template, None, f"{stem}.{template.id}"))
    return plans


def _templates(template: TemplateRef | Sequence[TemplateRef] | None) -> list[Template] | None:
    if template is None:
        return None
    refs = [template] if isinstance(template, str | Path | Template) else list(template)
    return [ref if isinstance(ref, Template) else resolve_template(ref) for ref in refs]


def prepare(
    source: Agreement | str | Path,
    templates: Sequence[Template] | None = None,
    lang: Lang = "sv",
    stem: str | None = None,
    *,
    allow_swedish: bool = False,
) -> DraftJob:
    """Load the agreement (a path or an :class:`Agreement`) and plan its documents; errors are kept
    (``allow_swedish``: accept a Swedish document when ``lang`` is English and it has no English version)."""
    from forenad.io import read_agreement

    if isinstance(source, Agreement):
        from forenad.io import revalidate

        checked = revalidate(source)  # changed in Python since it was validated? refused as a file would be
        if checked.agreement is None:
            return DraftJob(source=checked.file, error=AgreementFileError(checked.file, list(checked.errors)))
        agreement, name = checked.agreement, source.id
        stem = stem or slug(agreement.id)
    elif not isinstance(source, str | os.PathLike) or isinstance(source, bytes):
        raise TypeError(
            f"expected an Agreement or the path of an agreement file, got {type(source).__name__}"
        )
    else:
        loaded = read_agreement(source)
        if loaded.agreement is None:
            return DraftJob(source=str(source), error=AgreementFileError(source, list(loaded.errors)))
        agreement, name = loaded.agreement, str(source)
        stem = stem or Path(source).stem
    job = DraftJob(source=name, agreement=agreement)
    try:
        chosen = select_templates(
            agreement.model, lang, list(templates) if templates else None, allow_swedish=allow_swedish
        )
        if templates:
            from forenad.render.lint import assert_safe

            for template in chosen:
                if not template.shipped:
                    assert_safe(template)
    except ForenadError as exc:
        job.error = exc
        return job
    job.plans = plan_documents(agreement, stem, chosen)
    return job


def targets(job: DraftJob, out_dir: Path, pdf: bool) -> list[Path]:
    paths = []
    for plan in job.plans:
        paths.append(out_dir / plan.docx_name)
        if pdf:
            paths.append(out_dir / plan.pdf_name)
        paths.append(out_dir / plan.provenance_name)
    return paths


def evaluate_agreement(
    agreement: Agreement,
    on: dt.date | None = None,
    params: ParameterSet | None = None,
    rules: RuleSet | None = None,
) -> Evaluation:
    """Findings and facts for a draft, with the packaged parameters and rules unless ``params`` (e.g. with
    an overlay, :func:`forenad.params.resolve_parameters`) or ``rules`` (e.g. an organisation's added,
    :func:`forenad.with_local_rules`) are given."""
    from forenad.checking import evaluate_validated
    from forenad.engine import default_rules
    from forenad.params import default_parameters

    date = on or dt.date.today()
    params = params if params is not None else default_parameters()
    rules = rules if rules is not None else default_rules()
    findings, facts = evaluate_validated(agreement, date, params=params, rules=rules, facts=True)
    return Evaluation(date, findings, facts, rules.version, params.version, params.overlay)


def render_document(
    agreement: Agreement,
    template: Template,
    *,
    on: dt.date | None = None,
    final: bool = False,
    issuer: str | None = None,
    evaluation: Evaluation | None = None,
    fast: bool = False,
    params: ParameterSet | None = None,
) -> RenderedDocument:
    """Render one document in memory (nothing is written); ``issuer`` for a per-employer template;
    ``fast`` renders through the compiled template (:mod:`forenad.render.fastdocx`, the same document).
    The agreement is validated again first (an :class:`~forenad.errors.AgreementFileError` for one changed
    in Python since it was validated)."""
    from forenad.io import checked

    return _render_document(
        checked(agreement), template, on=on, final=final, issuer=issuer, evaluation=evaluation, fast=fast,
        params=params,
    )  # fmt: skip


def _render_document(
    agreement: Agreement,
    template: Template,
    *,
    on: dt.date | None = None,
    final: bool = False,
    issuer: str | None = None,
    evaluation: Evaluation | None = None,
    fast: bool = False,
    params: ParameterSet | None = None,
) -> RenderedDocument:
    from forenad._version import __version__
    from forenad.render.context import DocInfo, build_context
    from forenad.render.docx_render import render_docx

    if fast:
        from forenad.render.fastdocx import render_docx_fast as render_docx

    refuse_unwritable_text(agreement)
    evaluation = evaluation or evaluate_agreement(agreement, on, params)
    if final:
        refuse_final(agreement, evaluation)
    lang = template.spec.language
    doc = DocInfo(
        draft=not final,
        lang=lang,
        evaluated_on=evaluation.on,
        forenad_version=__version__,
        template_id=template.id,
        template_version=template.spec.version,
        rules_version=evaluation.rules_version,
        parameters_version=evaluation.parameters_version,
    )
    provenance = Provenance(
        forenad_version=__version__,
        template_id=template.id,
        template_version=template.spec.version,
        template_language=lang,
        template_sha256=template.sha256,
        template_source="forenad" if template.shipped else template.docx_path.name,
        rules_version=evaluation.rules_version,
        parameters_version=evaluation.parameters_version,
        evaluated_on=evaluation.on,
        mode="final" if final else "draft",
        agreement_id=agreement.id,
        employment_model=agreement.model.value,
        issuer=issuer,
        findings=Provenance.findings_of(evaluation.findings),
        created=dt.datetime.now(dt.UTC),
        **Provenance.overlay_of(evaluation.parameters_overlay),
    )
    context = build_context(agreement, evaluation.facts, evaluation.findings, doc, issuer)
    title = (
        agreement.title if template.spec.per == "agreement" else f"{template.spec.title} – {agreement.title}"
    )
    data = render_docx(template, context, lang, provenance.properties(), title=title)
    plan = PlannedDocument(template, issuer, template.id)
    return RenderedDocument(plan, data, provenance)


def refuse_final(agreement: Agreement, evaluation: Evaluation) -> None:
    """Raise :class:`~forenad.render.errors.FinalRefused` when the agreement has rule findings of severity
    error: a final document is only written for an agreement without them."""
    from forenad.checking import part_names
    from forenad.render.errors import FinalRefused

    errors = [f for f in evaluation.findings if f.severity == "error"]
    if errors:
        raise FinalRefused(errors, part_names(agreement))


def render_job(
    job: DraftJob,
    on: dt.date | None = None,
    final: bool = False,
    fast: bool = False,
    params: ParameterSet | None = None,
    rules: RuleSet | None = None,
) -> None:
    """Render every planned document of a job; on any failure the job keeps the error and no document."""
    if job.agreement is None or job.error is not None:
        return
    try:
        job.evaluation = evaluate_agreement(job.agreement, on, params, rules)
        rendered = []
        for plan in job.plans:
            document = _render_document(
                job.agreement,
                plan.template,
                final=final,
                issuer=plan.issuer,
                evaluation=job.evaluation,
                fast=fast,
            )
            document.plan = plan
            rendered.append(document)
        job.rendered = rendered
    except ForenadError as exc:
        job.error = exc
        job.rendered = []


def convert_jobs(jobs: Sequence[DraftJob]) -> None:
    """PDF for every rendered document of the jobs, in one LibreOffice run; a failure fails its jobs."""
    from forenad.render.errors import PdfError
    from forenad.render.pdf import convert_to_pdf

    documents = {d.plan.docx_name: d for job in jobs if job.ok for d in job.rendered}
    if not documents:
        return
    try:
        pdfs = convert_to_pdf({name: d.docx for name, d in documents.items()})
    except PdfError as exc:
        for job in jobs:
            if job.ok and job.rendered:
                job.error = exc
        return
    for name, document in documents.items():
        document.pdf = pdfs[name]


def job_files(job: DraftJob) -> dict[str, bytes]:
    """Every file of a rendered job by name: each document's ``.docx``, its PDF and its provenance."""
    from forenad.i18n import t
    from forenad.render.errors import DraftError

    files: dict[str, bytes] = {}
    for document in job.rendered:
        for name in (document.plan.docx_name, document.plan.pdf_name, document.plan.provenance_name):
            if Path(name).name != name or name in (".", ".."):  # never outside out_dir
                raise DraftError(t(f"osäkert filnamn {name!r}", f"unsafe output file name {name!r}"))
        files[document.plan.docx_name] = document.docx
        if document.pdf is not None:
            files[document.plan.pdf_name] = document.pdf
        record = document.provenance.as_json(
            document=document.plan.docx_name, document_sha256=hashlib.sha256(document.docx).hexdigest()
        )
        files[document.plan.provenance_name] = (
            json.dumps(record, ensure_ascii=False, indent=2) + "\n"
        ).encode()
    return files


def write_job(job: DraftJob, out_dir: Path, force: bool = False) -> list[Path]:
    """Write every rendered file of a job as one set (:func:`forenad.fileset.write_set`): the ``.docx``, the
    PDF and the provenance sidecar of each document appear together or not at all."""
    from forenad.fileset import write_set

    written = write_set(out_dir, job_files(job), force=force)
    job.written = written
    return written


def _prepared(
    agreement_or_path: Agreement | str | Path,
    template: TemplateRef | Sequence[TemplateRef] | None,
    lang: Lang,
    stem: str | None = None,
    *,
    allow_swedish: bool = False,
) -> DraftJob:
    """:func:`prepare` for :func:`draft` and :func:`draft_files`: the job, or its error raised."""
    job = prepare(agreement_or_path, _templates(template), lang, stem, allow_swedish=allow_swedish)
    if job.error is not None:
        raise job.error
    return job


def _rendered(
    job: DraftJob,
    on: dt.date | None,
    final: bool,
    pdf: bool,
    params: ParameterSet | None,
    rules: RuleSet | None = None,
) -> None:
    """Render a prepared job (and its PDFs with ``pdf``) in memory, or raise the error that stopped it."""
    render_job(job, on, final, params=params, rules=rules)
    if job.error is None and pdf:
        convert_jobs([job])
    if job.error is not None:
        raise job.error


def draft(
    agreement_or_path: Agreement | str | Path,
    out_dir: str | Path = ".",
    template: TemplateRef | Sequence[TemplateRef] | None = None,
    on: dt.date | None = None,
    pdf: bool = False,
    force: bool = False,
    *,
    lang: Lang = "sv",
    final: bool = False,
    params: ParameterSet | None = None,
    allow_swedish: bool = False,
    rules: RuleSet | None = None,
) -> list[Path]:
    """Draft the Word documents for one agreement into ``out_dir``; returns the paths written.

    Without ``template``, every shipped template that serves the agreement's employment model is used (in
    ``lang``), including one anställningsbevis per employing employer; with ``lang="en"`` a document without
    an English version is refused (:class:`~forenad.render.errors.TemplateLanguageMissing`, naming it) unless
    ``allow_swedish``. ``template``
    is a shipped id, a path to an organisation's template (checked before use) or a list of them. A draft
    shows missing values as markers and lists the rule findings to resolve in an annex; ``final=True``
    refuses missing values instead (:class:`~forenad.render.errors.MissingValue`), refuses an agreement with
    rule findings of severity error (:class:`~forenad.render.errors.FinalRefused`, naming them) and has no
    annex.
    ``params`` are the parameters to check with (default: the packaged ones; see
    :func:`forenad.params.resolve_parameters` for an overlay, which the provenance then records) and
    ``rules`` the rule catalogue (default: the packaged one; an organisation's rules added with
    :func:`forenad.with_local_rules` reach the annex and the refusal of a final document).

    Raises :class:`~forenad.errors.AgreementFileError` (also for an :class:`~forenad.model.Agreement` changed
    after validation so that it is no longer valid), :class:`~forenad.render.errors.DraftError` (template
    not found, unsafe or not serving the model; PDF failure), :class:`~forenad.files.OutputExists` or
    :class:`~forenad.files.OutputError` (a folder that cannot be written, a full disk); nothing is written
    when any document fails, and the agreement's files appear together or not at all.
    :func:`draft_files` makes the same files in memory.
    """
    from forenad.fileset import recover_stale

    out = Path(out_dir)
    job = _prepared(agreement_or_path, template, lang, allow_swedish=allow_swedish)
    recover_stale(out)  # a killed run's leftovers are rolled back, never counted as existing outputs
    existing = [path for path in targets(job, out, pdf) if os.path.lexists(path)]
    if existing and not force:
        raise OutputExists(existing[0])
    _rendered(job, on, final, pdf, params, rules)
    return write_job(job, out, force)


def draft_files(
    agreement_or_path: Agreement | str | Path,
    template: TemplateRef | Sequence[TemplateRef] | None = None,
    *,
    on: dt.date | None = None,
    lang: Lang = "sv",
    final: bool = False,
    pdf: bool = False,
    params: ParameterSet | None = None,
    stem: str | None = None,
    allow_swedish: bool = False,
    rules: RuleSet | None = None,
) -> dict[str, bytes]:
    """The files :func:`draft` would write, in memory: file name → content, nothing written to disk.

    For each document, in order: its ``.docx``, its ``.pdf`` (with ``pdf=True``; LibreOffice makes it) and
    its provenance record ``.provenance.json`` (UTF-8 JSON: forenad's, the template's, the rules' and the
    parameters' versions, the date, the findings' rule ids; never the personnummer). The names are those
    :func:`draft` uses: ``stem`` (default: the file's name without its suffix, or for an
    :class:`~forenad.model.Agreement` the slug of its id), a dot and the template id (and the employer's id
    for a per-employer template). ``template``, ``on``, ``lang``, ``final``, ``params``, ``rules`` and
    ``allow_swedish`` are as for :func:`draft`.

    Raises what :func:`draft` raises except the output errors: :class:`~forenad.errors.AgreementFileError`
    and :class:`~forenad.render.errors.DraftError` (among them
    :class:`~forenad.render.errors.FinalRefused` and :class:`~forenad.render.errors.MissingValue` with
    ``final=True``, and a PDF failure).
    """
    job = _prepared(agreement_or_path, template, lang, stem, allow_swedish=allow_swedish)
    _rendered(job, on, final, pdf, params, rules)
    return job_files(job)
