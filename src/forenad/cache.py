"""A small on-disk cache of parsed data files (the rule catalogue's YAML, the parameter sets), keyed by
the files' contents, forenad's version and Python's, so that a command does not parse the same files on
every start.

The cache lives in ``FORENAD_CACHE_DIR``, else ``$XDG_CACHE_HOME/forenad``, else ``~/.cache/forenad``; a
folder forenad cannot create or write, or one another user owns, means no cache (never an error).
``FORENAD_CACHE=0`` turns it off. Entries are written atomically and readable by their owner only; a
damaged entry is parsed again and replaced.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from forenad._version import __version__

T = TypeVar("T")
_MAX_ENTRIES = 64
"""Entries kept of each kind; the compiled template parts are many and small (each part of each template in
each language), so they have a larger allowance and never push the rules or the parameters out."""
_MAX_BY_KIND = {"jinja": 1024, "fastdocx": 128}


def directory() -> Path | None:
    """The cache folder, or ``None`` when caching is off."""
    if os.environ.get("FORENAD_CACHE", "1").strip().lower() in ("0", "no", "false", "off"):
        return None
    explicit = os.environ.get("FORENAD_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "forenad"


def key_of(kind: str, parts: Iterable[bytes]) -> str:
    """A key for ``kind`` over the given contents (each part length-prefixed), forenad's and Python's
    versions."""
    digest = hashlib.sha256(f"{kind}\0{__version__}\0{sys.version}\0".encode())
    for part in parts:
        digest.update(str(len(part)).encode() + b"\0" + part)
    return digest.hexdigest()[:32]


def cached(kind: str, key: str, build: Callable[[], T]) -> T:
    """``build()``, or what an earlier run stored under ``kind`` and ``key``."""
    folder = directory()
    if folder is None:
        return build()
    path = folder / f"{kind}-{key}.pickle"
    try:
        if _trusted(folder):
            with path.open("rb") as handle:
                stored: T = pickle.load(handle)  # what build() returned when it was stored
                return stored
    except Exception:  # missing, damaged or unreadable: parse again
        pass
    value = build()
    _store(folder, path, value)
    return value


def _trusted(folder: Path) -> bool:
    """The folder is ours and no one else may write to it (a pickle is code)."""
    info = folder.stat()
    return (not hasattr(os, "getuid") or info.st_uid == os.getuid()) and not info.st_mode & 0o022


def _store(folder: Path, path: Path, value: Any) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not _trusted(folder):
            return
        _prune(folder, path.name.partition("-")[0])
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except Exception:  # a read-only home, a full disk, a value that cannot be pickled: no cache
        return


def _prune(folder: Path, kind: str) -> None:
    """Keep the newest entries of ``kind`` only (each rules or parameters version leaves one)."""
    limit = _MAX_BY_KIND.get(kind, _MAX_ENTRIES)
    entries = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime)
    for old in entries[: max(0, len(entries) - limit + 1)]:
        old.unlink(missing_ok=True)
