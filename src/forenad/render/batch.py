"""Drafting many agreement files at speed: a process pool, results streamed, memory flat.

:func:`run_batch` yields one small :class:`Outcome` per input file, in input order, as the files finish:
workers load the rules, the parameters and each template once (the caches of :mod:`forenad.engine`,
:mod:`forenad.params` and :mod:`forenad.render.fastdocx`), render through the compiled template and write
their files themselves, so no document crosses a process boundary nor stays in memory. A failing file never
stops the others. With ``pdf``, workers stage each agreement's files in a private directory; the parent
converts the staged documents in chunks through one LibreOffice process each
(:mod:`forenad.render.pdf_batch`) and then writes an agreement's files only if all its PDFs were made.
Every agreement's files are written as one set, whole or not at all (:func:`forenad.fileset.write_set`);
the private directory goes with the batch, however it ends (the command line turns SIGTERM into an exception
and closes the batch).

:func:`preflight` finds what would stop the batch before anything is written (existing outputs without
``force``, two inputs with the same output file). It only loads the agreements when the file names alone
cannot rule a clash out.
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import ExitStack, closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from forenad.i18n import Lang, t
from forenad.render.catalogue import Template

PDF_CHUNK = 50


@dataclass(frozen=True, slots=True)
class BatchOptions:
    out_dir: Path
    templates: tuple[Template, ...] | None = None
    lang: Lang = "sv"
    on: dt.date | None = None
    final: bool = False
    force: bool = False
    pdf: bool = False
    fast: bool = True
    pdf_chunk: int = PDF_CHUNK
    params_overlay: Path | None = None
    """An overlay folder (already found and checked by the caller); each worker loads it once."""
    params_dir: Path | None = None
    """A complete parameter folder in place of the shipped one (``--params``, already checked)."""
    rules_dir: Path | None = None
    """An organisation's rule files added to the shipped catalogue (``--rules``, already checked)."""
    allow_swedish: bool = False
    """With ``lang="en"``: accept the Swedish version of a document that has no English one."""


@dataclass(slots=True)
class Outcome:
    """What happened to one input: the files written, or the error (already worded in the language)."""

    source: str
    written: list[str] = field(default_factory=list)
    documents: int = 0
    error: str | None = None
    bug: bool = False  # a shipped template failed: exit 3
    error_findings: bool = False  # rule findings of severity error: exit 1
    skipped: list[str] = field(default_factory=list)  # outputs that exist (without force): nothing written
    refused: bool = False  # a final document refused for the agreement's errors: exit 1
    staged: str | None = None  # with pdf: the directory holding the files until their PDFs exist
    names: list[tuple[str, str, str]] = field(default_factory=list)  # (docx, pdf, provenance) names

    @property
    def ok(self) -> bool:
        return self.error is None and not self.skipped

    @property
    def code(self) -> int:
        if self.skipped:
            return 2
        if self.error is not None:
            return 1 if self.refused else 3 if self.bug else 2
        return 1 if self.error_findings else 0


def describe(exc: BaseException, lang: Lang) -> str:
    """An error in the user's language (an agreement file's errors one per line)."""
    from forenad.errors import AgreementFileError

    if isinstance(exc, AgreementFileError):
        lines = []
        for err in exc.errors:
            where = f"{exc.file}:{err.line}" if err.line else exc.file
            path = f" {err.path}:" if err.path else ""
            lines.append(f"{where}:{path} {err.message(lang)}")
        return "\n    ".join(lines) or str(exc)
    message = getattr(exc, "message", None)
    text = str(message(lang)) if callable(message) else str(exc)
    return text.replace("\n", "\n    ")


# --- preflight ---------------------------------------------------------------------------------------


def _stem(source: str | Path) -> str:
    from forenad.render.api import safe_stem

    return safe_stem(Path(source).stem)


def names_may_clash(files: Sequence[str | Path], out_dir: Path, force: bool) -> bool:
    """False when the file names alone show that no output can exist already (without ``force``) and no
    two inputs can share an output: every output is ``<stem>.<template…>``, so two inputs can only clash
    when a stem equals another or another followed by ``.``."""
    stems = sorted(_stem(f) for f in files)
    for i, stem in enumerate(stems):
        if i + 1 < len(stems) and stems[i + 1] == stem:
            return True
        probe = bisect.bisect_left(stems, stem + ".")
        if probe < len(stems) and stems[probe].startswith(stem + "."):
            return True
    if force:
        return False
    try:
        present = os.listdir(out_dir)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError:
        return True  # cannot tell: look at each output
    known = set(stems)
    return any(name[:i] in known for name in present for i, ch in enumerate(name) if ch == ".")


def _targets(source: str) -> list[str] | None:
    from forenad.render import api

    options = _WORKER["options"]
    job = api.prepare(
        source,
        list(options.templates) if options.templates else None,
        options.lang,
        allow_swedish=options.allow_swedish,
    )
    if job.error is not None:
        return None
    return [str(path) for path in api.targets(job, options.out_dir, options.pdf)]


@dataclass(frozen=True, slots=True)
class Preflight:
    """What :func:`preflight` found: per input index, its outputs that exist already (without ``force``;
    the agreement is skipped and reported, the others are written) and the output name it shares with an
    earlier input (it fails with that reason)."""

    existing: dict[int, list[Path]] = field(default_factory=dict)
    clashes: dict[int, str] = field(default_factory=dict)


def preflight(files: Sequence[str | Path], options: BatchOptions, jobs: int = 1) -> Preflight:
    """Find the inputs whose outputs exist already (without ``force``) or clash with another input's.

    A killed run's leftovers in the folder are rolled back first (:func:`forenad.fileset.recover_stale`):
    they never count as existing outputs."""
    from forenad.fileset import recover_stale

    recover_stale(options.out_dir)
    if not names_may_clash(files, options.out_dir, options.force):
        return Preflight()
    seen: set[str] = set()
    existing: dict[int, list[Path]] = {}
    clashes: dict[int, str] = {}
    sources = [str(f) for f in files]
    with closing(_map(_targets, sources, options, jobs)) as results:
        found = list(results)
    for index, targets in enumerate(found):
        for target in targets or []:
            if target in seen:
                clashes[index] = Path(target).name
                break
            seen.add(target)
            if not options.force and os.path.lexists(target):  # a dangling symlink counts too
                existing.setdefault(index, []).append(Path(target))
    return Preflight(existing, clashes)


# --- the batch ------------------------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _init_worker(options: BatchOptions) -> None:
    _WORKER["options"] = options
    _WORKER["stage"] = None
    _WORKER["params"] = None
    _WORKER["rules"] = None


def _params(options: BatchOptions) -> Any:
    """The parameters (``params_dir`` or the shipped ones, with the options' overlay), loaded on first use
    (never in the pool's initializer, where an error would make the pool restart its workers for ever)."""
    if options.params_overlay is None and options.params_dir is None:
        return None
    if _WORKER.get("params") is None:
        from forenad.params import resolve_parameters

        _WORKER["params"] = resolve_parameters(
            options.params_dir, overlay=options.params_overlay, discover=False
        )
    return _WORKER["params"]


def _rules(options: BatchOptions) -> Any:
    """The shipped rules with the organisation's from ``rules_dir``, loaded on first use like the
    parameters."""
    if options.rules_dir is None:
        return None
    if _WORKER.get("rules") is None:
        from forenad.engine import default_rules, with_local_rules

        _WORKER["rules"] = with_local_rules(default_rules(), options.rules_dir)
    return _WORKER["rules"]


def _map(func: Any, items: Sequence[Any], options: BatchOptions, jobs: int) -> Generator[Any, None, None]:
    """``func`` over ``items`` in order: in this process for one job or one item, else in a pool."""
    if jobs <= 1 or len(items) <= 1:
        _init_worker(options)
        yield from map(func, items)
        return
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunksize = max(1, min(8, len(items) // (jobs * 8)))
    with context.Pool(jobs, initializer=_init_worker, initargs=(options,), maxtasksperchild=None) as pool:
        yield from pool.imap(func, items, chunksize)


def _draft_one(item: tuple[str, str | None]) -> Outcome:
    """Draft one file in a worker: prepare, render, then write (or stage for PDF)."""
    from forenad.errors import ForenadError
    from forenad.render import api
    from forenad.render.errors import FinalRefused, RenderCheckError, TemplateError

    source, stage = item
    options: BatchOptions = _WORKER["options"]
    outcome = Outcome(source)
    job = api.prepare(
        source,
        list(options.templates) if options.templates else None,
        options.lang,
        allow_swedish=options.allow_swedish,
    )
    outcome.source = job.source
    if job.error is None:
        try:
            params, rules = _params(options), _rules(options)
        except ForenadError as exc:
            job.error = exc
        else:
            api.render_job(job, options.on, options.final, fast=options.fast, params=params, rules=rules)
    if job.error is None:
        try:
            if stage is not None:
                _stage_files(Path(stage), api.job_files(job))
                outcome.staged = stage
                outcome.names = [
                    (d.plan.docx_name, d.plan.pdf_name, d.plan.provenance_name) for d in job.rendered
                ]
            else:
                outcome.written = [str(path) for path in api.write_job(job, options.out_dir, options.force)]
        except OSError as exc:
            from forenad.files import output_error

            job.error = output_error(exc, stage or options.out_dir)
        except ForenadError as exc:
            job.error = exc
    if job.error is not None:
        outcome.error = describe(job.error, options.lang)
        shipped = bool(job.plans) and all(plan.template.shipped for plan in job.plans)
        outcome.bug = shipped and isinstance(job.error, RenderCheckError | TemplateError)
        outcome.refused = outcome.error_findings = isinstance(job.error, FinalRefused)
        return outcome
    outcome.documents = len(job.rendered)
    findings = job.evaluation.findings if job.evaluation else []
    outcome.error_findings = any(f.severity == "error" for f in findings)
    return outcome


def _stage_files(stage: Path, files: dict[str, bytes]) -> None:
    """An agreement's files in its private stage (in the batch's temporary folder) until its PDFs exist."""
    stage.mkdir(mode=0o700, parents=True)
    for name, data in files.items():
        fd = os.open(stage / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)


def run_batch(
    files: Sequence[str | Path],
    options: BatchOptions,
    jobs: int | None = None,
    found: Preflight | None = None,
    pdf_progress: Callable[[int, int], None] | None = None,
) -> Generator[Outcome, None, None]:
    """Draft every file; yields one :class:`Outcome` per file in input order. Run :func:`preflight` first
    and pass what it ``found``: an input whose outputs exist is skipped (its outcome lists them), one sharing
    an output with another fails with that reason. ``pdf_progress(converted, staged)`` hears, while
    LibreOffice works, how many of the documents staged so far have been through it."""
    jobs = max(1, jobs or os.cpu_count() or 1)
    found = found or Preflight()
    with ExitStack() as stack:
        stage_root = None
        if options.pdf:  # the drafts wait here for their PDFs (private, removed however the batch ends)
            stage_root = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="forenad-batch-")))
        items = []
        for index, source in enumerate(files):
            stage = str(stage_root / str(index)) if stage_root is not None else None
            items.append((str(source), stage))
        todo = [
            item
            for index, item in enumerate(items)
            if index not in found.clashes and index not in found.existing
        ]
        results = _map(_draft_one, todo, options, jobs)
        ordered = _with_preflight(items, found, results, options.lang)
        if stage_root is None:
            yield from ordered
        else:
            yield from _with_pdf(ordered, options, stage_root, pdf_progress)


def _with_preflight(
    items: list[tuple[str, str | None]], found: Preflight, results: Iterator[Outcome], lang: Lang
) -> Iterator[Outcome]:
    for index, (source, _stage) in enumerate(items):
        if index in found.clashes:
            name = found.clashes[index]
            text = t(
                f"två indata ger samma utdatafil {name}; byt namn på en av dem",
                f"two inputs give the same output file {name}; rename one of them",
            )
            yield Outcome(source, error=text(lang))
        elif index in found.existing:
            yield Outcome(source, skipped=[str(path) for path in found.existing[index]])
        else:
            yield next(results)


def _with_pdf(
    outcomes: Iterable[Outcome],
    options: BatchOptions,
    stage_root: Path,
    progress: Callable[[int, int], None] | None,
) -> Iterator[Outcome]:
    """Convert the staged documents chunk by chunk, then write each agreement whose PDFs all exist."""
    pending: list[Outcome] = []
    staged = converted = total = 0
    for outcome in outcomes:
        pending.append(outcome)
        staged += len(outcome.names)
        if staged >= options.pdf_chunk:
            yield from _finish(pending, options, stage_root, _count(progress, converted, total + staged))
            pending, converted, total, staged = [], converted + staged, total + staged, 0
    yield from _finish(pending, options, stage_root, _count(progress, converted, total + staged))


def _count(
    progress: Callable[[int, int], None] | None, before: int, total: int
) -> Callable[[int], None] | None:
    """One chunk's count of PDFs made, as the batch's: (converted before it + in it, staged in all)."""
    if progress is None:
        return None
    return lambda made: progress(before + made, total)


def _finish(
    pending: list[Outcome],
    options: BatchOptions,
    stage_root: Path,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Outcome]:
    from forenad.errors import ForenadError
    from forenad.files import output_error
    from forenad.fileset import write_set
    from forenad.render.pdf_batch import convert_files

    docx = [Path(o.staged) / names[0] for o in pending if o.ok and o.staged for names in o.names]
    pdf_dir = stage_root / "pdf"
    made = convert_files(docx, pdf_dir, chunk=options.pdf_chunk, progress=progress) if docx else []
    results = {r.source: r for r in made}
    for outcome in pending:
        if outcome.ok and outcome.staged:
            stage = Path(outcome.staged)
            failed = [
                results[stage / names[0]] for names in outcome.names if not results[stage / names[0]].ok
            ]
            if failed:
                detail = failed[0].detail
                listed = ", ".join(r.source.name for r in failed)
                outcome.error = t(
                    f"LibreOffice skapade ingen PDF för {listed} ({detail})",
                    f"LibreOffice made no PDF for {listed} ({detail})",
                )(options.lang)
            else:
                try:
                    files: dict[str, bytes] = {}
                    for docx_name, pdf_name, provenance_name in outcome.names:
                        pdf = results[stage / docx_name].pdf
                        assert pdf is not None
                        files[docx_name] = (stage / docx_name).read_bytes()
                        files[pdf_name] = pdf.read_bytes()
                        files[provenance_name] = (stage / provenance_name).read_bytes()
                    written = write_set(options.out_dir, files, force=options.force)
                    outcome.written = [str(path) for path in written]
                except OSError as exc:
                    outcome.error = describe(output_error(exc, options.out_dir), options.lang)
                except ForenadError as exc:
                    outcome.error = describe(exc, options.lang)
            shutil.rmtree(stage, ignore_errors=True)
        yield outcome
    shutil.rmtree(stage_root / "pdf", ignore_errors=True)
