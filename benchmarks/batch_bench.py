"""Batch drafting benchmarks (issue 9), called from run.py: the fast path against a plain docxtpl loop,
where the time goes, throughput on all cores, peak memory of the process tree, PDF in one LibreOffice."""

from __future__ import annotations

import cProfile
import datetime as dt
import io
import os
import pstats
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ON = dt.date(2026, 6, 1)


def _best(repeat: int, func: Callable[[], Any]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


_BUCKETS = (
    ("zip read/deflate/write", ("zipfile", "zlib", "zipwriter", "phys_pkg", "pkgwriter", "pkgreader")),
    ("XML parse", ("fromstring", "parse_xml", "XMLParser", "fix_tables", "oxml/parser")),
    ("XML serialise", ("tostring", "deepcopy")),
    ("docxtpl regex (patch_xml, listing)", ("patch_xml", "resolve_listing", "re/__init__", "Pattern")),
    ("Jinja compile", ("compiler", "lexer", "parser.py", "from_string", "nodes.py", "optimizer")),
    ("Jinja render (+ filters, finalize)", ("jinja2", "filters.py", "environment.py", "formatting", "babel")),
    ("provenance (custom props, hash)", ("provenance", "sha256", "coreprops")),
    ("rules, context", ("context.py", "engine", "checking", "derive", "economics")),
)


def _where(stats: pstats.Stats, total: float) -> str:
    buckets = dict.fromkeys([name for name, _ in _BUCKETS] + ["other"], 0.0)
    for (filename, _line, func), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        key = f"{filename}:{func}"
        for name, needles in _BUCKETS:
            if any(needle in key for needle in needles):
                buckets[name] += tottime
                break
        else:
            buckets["other"] += tottime
    spent = sum(buckets.values()) or 1.0
    return ", ".join(
        f"{name} {value / spent:.0%}" for name, value in buckets.items() if value / spent >= 0.02
    )


def _profile(func: Callable[[], Any]) -> str:
    profile = cProfile.Profile()
    profile.enable()
    func()
    profile.disable()
    stats = pstats.Stats(profile)
    return _where(stats, 0.0)


def bench_fast(repeat: int, documents: int = 20) -> None:
    """Per document, one process: a plain docxtpl loop (open, render sandboxed, save) against forenad's
    plain path and its fast path (both with rules, context, markers, provenance and the checks)."""
    from docxtpl import DocxTemplate
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    import forenad
    from forenad.render.api import evaluate_agreement, render_document
    from forenad.render.catalogue import shipped_template
    from forenad.render.context import DocInfo, build_context
    from forenad.render.filters import make_filters

    agreement = forenad.load(ROOT / "examples" / "uppsala-professor-overlakare.yaml")
    template = shipped_template("samverkansavtal-forenad")
    evaluation = evaluate_agreement(agreement, ON)
    doc = DocInfo(True, "sv", ON, forenad.__version__, template.id, "1", "r", "p")
    context = build_context(agreement, evaluation.facts, evaluation.findings, doc)
    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    env.filters.update(make_filters("sv"))

    def plain_docxtpl() -> None:
        for _ in range(documents):
            document = DocxTemplate(io.BytesIO(template.data))
            document.render(context, jinja_env=env, autoescape=True)
            document.save(io.BytesIO())

    def forenad_plain() -> None:
        for _ in range(documents):
            render_document(agreement, template, on=ON)

    def forenad_fast() -> None:  # the rules are evaluated per document, as a batch does per agreement
        for _ in range(documents):
            render_document(agreement, template, on=ON, fast=True)

    for warm in (plain_docxtpl, forenad_plain, forenad_fast):
        warm()
    base = _best(repeat, plain_docxtpl)
    plain = _best(repeat, forenad_plain)
    fast = _best(repeat, forenad_fast)
    print(f"draft, fast path: {documents} documents ({template.id}), one process, best of {repeat}")
    print(f"  plain docxtpl loop          : {base / documents * 1e3:8.2f} ms each  baseline")
    print(f"  forenad plain path          : {plain / documents * 1e3:8.2f} ms each  {plain / base:5.2f}×")
    print(
        f"  forenad fast path           : {fast / documents * 1e3:8.2f} ms each  {fast / base:5.2f}×  "
        "goal ≤ 0.25×  (+ rules, context, markers, provenance, checks)"
    )
    print(f"  where the time goes, plain docxtpl: {_profile(plain_docxtpl)}")
    print(f"  where the time goes, fast path    : {_profile(forenad_fast)}")


def _inputs(n: int, directory: Path) -> list[Path]:
    """``n`` example-shaped agreement files (YAML) in ``directory``."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from ruamel.yaml import YAML
    from run import example_shaped  # type: ignore[import-not-found]

    yaml = YAML()
    paths = []
    for i, data in enumerate(example_shaped(n)):
        path = directory / f"avtal-{i:05d}.yaml"
        with path.open("w", encoding="utf-8") as handle:
            yaml.dump(data, handle)
        paths.append(path)
    return paths


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (Linux /proc)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as handle:
                    todo += [int(child) for child in handle.read().split()]
        except (OSError, ValueError):
            continue
    return total


_CHILD = """
import sys, time, datetime as dt
from pathlib import Path
from forenad.render.batch import BatchOptions, preflight, run_batch
files = Path(sys.argv[1]).read_text().split()
options = BatchOptions(Path(sys.argv[2]), on=dt.date(2026, 6, 1), force=True)
start = time.perf_counter()
found = preflight(files, options, {jobs})
docs = bad = 0
for outcome in run_batch(files, options, {jobs}, found):
    docs += outcome.documents
    bad += not outcome.ok
print(len(files), docs, bad, time.perf_counter() - start)
"""


def _run_batch(listing: Path, out: Path, jobs: int) -> tuple[int, int, int, float, float, int]:
    """(files, documents, failed, wall seconds, inside seconds, peak tree RSS) of one batch in a fresh
    process, its memory sampled every 50 ms."""
    code = _CHILD.format(jobs=jobs)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(listing), str(out)], stdout=subprocess.PIPE, text=True
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, _ = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    files, docs, bad, inside = stdout.split()
    return int(files), int(docs), int(bad), wall, float(inside), peak


def bench_batch(sizes: list[int], jobs: int | None = None) -> None:
    """Drafting batches on all cores: wall time, documents per second and the peak memory of the whole
    process tree (parent and workers), for growing batch sizes: memory should stay flat."""
    jobs = jobs or os.cpu_count() or 1
    print(f"draft batch: example-shaped agreements, {jobs} worker(s), fast path, .docx + provenance")
    with tempfile.TemporaryDirectory(prefix="forenad-bench-") as tmp:
        root = Path(tmp)
        (root / "gen").mkdir()
        paths = _inputs(max(sizes), root / "gen")
        listing = root / "files.txt"
        listing.write_text("")
        baseline = _run_batch(listing, root / "out-empty", 1)  # the interpreter and imports alone
        for size in sorted(sizes):
            listing.write_text("\n".join(str(path) for path in paths[:size]))
            files, docs, bad, wall, inside, peak = _run_batch(listing, root / f"out-{size}", jobs)
            print(
                f"  {files:6d} agreements → {docs:6d} documents ({bad} failed): {wall:6.1f} s wall "
                f"({inside:6.1f} s in the batch), {docs / inside:6.0f} documents/s, {files / inside:5.0f} "
                f"agreements/s, peak RSS of the process tree {peak / 2**20:6.0f} MB  goal < 300 MB"
            )
            for path in (root / f"out-{size}").iterdir():
                path.unlink()
        print(f"  (a process that only imports and runs an empty batch: peak {baseline[5] / 2**20:.0f} MB)")


def bench_pdf(documents: int = 20) -> None:
    """PDF for ``documents`` drafts: one LibreOffice process for all against one process per file."""
    import forenad
    from forenad.render.api import render_document
    from forenad.render.catalogue import shipped_template
    from forenad.render.pdf import soffice
    from forenad.render.pdf_batch import convert_files

    if soffice() is None:
        print("pdf: skipped (LibreOffice is not installed)")
        return
    agreement = forenad.load(ROOT / "examples" / "uppsala-professor-overlakare.yaml")
    data = render_document(agreement, shipped_template("samverkansavtal-forenad"), on=ON, fast=True).docx
    with tempfile.TemporaryDirectory(prefix="forenad-bench-pdf-") as tmp:
        root = Path(tmp)
        paths = []
        for i in range(documents):
            path = root / f"utkast-{i:02d}.docx"
            path.write_bytes(data)
            paths.append(path)
        start = time.perf_counter()
        for i, path in enumerate(paths):  # the one-per-file way: a process (and a fresh profile) each
            results = convert_files([path], root / f"single-{i}")
            assert results[0].ok, results[0].detail
        single = time.perf_counter() - start
        start = time.perf_counter()
        results = convert_files(paths, root / "batch")
        batch = time.perf_counter() - start
        assert all(r.ok for r in results)
    print(f"pdf: {documents} drafts through LibreOffice")
    print(f"  one soffice per file        : {single:6.1f} s ({single / documents:5.2f} s each)  baseline")
    print(
        f"  one soffice for all         : {batch:6.1f} s ({batch / documents:5.2f} s each)  "
        f"{single / batch:5.1f}× faster  goal ≥ 3×"
    )
