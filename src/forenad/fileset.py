"""A set of output files (an agreement's drafts, PDFs and provenance) written whole or not at all.

:func:`write_set` stages every file in a private directory inside the target folder
(``.forenad-<host>-<pid>-<random>.stage``, mode ``0o700``, files ``0o600``), records the files, their
SHA-256 and whether a file had the name before in a manifest, then gives each its final name (a hard link,
so an existing file is never replaced without ``force``; with ``force`` the file it replaces is kept in the
stage until the set is complete). On
any failure — a full disk, a read-only folder, an existing file, Ctrl-C, a SIGTERM turned into an exception
by the command line — the files already placed are removed and the replaced ones put back, before the error
goes on. While the names are given and while a set is rolled back, SIGINT and SIGTERM wait, so a signal
cannot cut a set in half.

SIGKILL cannot be caught. A killed run leaves its stage (and perhaps some of its files); the next run into
the same folder finds it (:func:`recover_stale`) and rolls it back from its manifest — removing the files
the killed run placed and putting back what they replaced (:func:`_recover_stage`) — so a rerun is never
refused for the leftovers, and a half-written set never counts as an existing output. A stage is stale when
its process is gone (same host) or it is more than a day old (any host: a shared drive); a live run's stage
is left alone. The same holds for the ``.part`` files of :func:`forenad.files.write_atomic`.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

from forenad.files import (
    NO_LINKS,
    OutputExists,
    file_mode,
    link_or_move,
    output_error,
    owner_token,
)

MANIFEST = ".manifest.json"
BACKUPS = ".replaced"
STALE_AFTER_SECONDS = 24 * 3600
_OURS = re.compile(r"\.forenad-(?P<host>[A-Za-z0-9]+)-(?P<pid>\d+)-[A-Za-z0-9_]+\.(?P<kind>stage|part)$")


def write_set(out_dir: str | Path, files: Mapping[str, bytes], *, force: bool = False) -> list[Path]:
    """Write ``files`` (name → bytes) into ``out_dir`` as one set; returns the paths, in the given order.

    Raises :class:`~forenad.files.OutputExists` (without ``force``) or :class:`~forenad.files.OutputError`
    (the environment), and leaves nothing of the set behind.
    """
    out = Path(out_dir)
    for name in files:
        if Path(name).name != name or name in (".", "..") or name == MANIFEST or is_ours(name):
            raise ValueError(f"unsafe output file name {name!r}")
    targets = [out / name for name in files]
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(exc, out) from None
    recover_stale(out)
    if not force:
        for target in targets:
            if os.path.lexists(target):
                raise OutputExists(target)
    try:
        stage = Path(tempfile.mkdtemp(prefix=f".forenad-{owner_token()}-", suffix=".stage", dir=out))
    except OSError as exc:
        raise output_error(exc, out) from None
    placed: list[str] = []
    where = out  # the folder while staging, then the file being placed: what an error names
    try:
        _stage(stage, files)
        with _signals_held():
            for name in files:
                where = out / name
                _place(stage, name, where, force)
                placed.append(name)
    except BaseException as exc:
        with _signals_held():
            _roll_back(stage, out, placed)
        if isinstance(exc, OSError) and not isinstance(exc, OutputExists):
            raise output_error(exc, where) from None
        raise
    shutil.rmtree(stage, ignore_errors=True)
    return targets


def _stage(stage: Path, files: Mapping[str, bytes]) -> None:
    for name, data in files.items():
        fd = os.open(stage / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    out = stage.parent
    manifest = {
        name: {"sha256": hashlib.sha256(data).hexdigest(), "existed": os.path.lexists(out / name)}
        for name, data in files.items()
    }
    fd = os.open(stage / MANIFEST, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(manifest, handle)
        handle.flush()
        os.fsync(handle.fileno())


def _place(stage: Path, name: str, target: Path, force: bool) -> None:
    staged = stage / name
    os.chmod(staged, file_mode())  # the final mode, just before the file takes its name
    if force and os.path.lexists(target):
        if target.is_dir() and not target.is_symlink():
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(target))  # never moved or replaced
        backups = stage / BACKUPS
        backups.mkdir(mode=0o700, exist_ok=True)
        try:
            os.link(target, backups / name, follow_symlinks=False)
        except OSError as exc:
            if exc.errno not in NO_LINKS:
                raise
            os.replace(target, backups / name)  # no hard links here: move it aside
        os.replace(staged, target)
        return
    try:
        if link_or_move(staged, target):
            os.unlink(staged)
    except FileExistsError:
        raise OutputExists(target) from None


def _roll_back(stage: Path, out: Path, placed: list[str]) -> None:
    """Undo the names given so far (``placed``), put back what they replaced, remove the stage."""
    backups = stage / BACKUPS
    for name in placed:
        with contextlib.suppress(OSError):
            os.unlink(out / name)
    _restore(backups, out)
    shutil.rmtree(stage, ignore_errors=True)


def _restore(backups: Path, out: Path) -> None:
    with contextlib.suppress(OSError):
        for backup in backups.iterdir():
            target = out / backup.name
            with contextlib.suppress(OSError):
                if os.path.lexists(target):
                    os.unlink(backup)  # the replaced file is still in place (the replacement failed)
                else:
                    os.replace(backup, target)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block is done (in the main thread, where Python handles them)."""
    import threading

    held = {signal.SIGINT, signal.SIGTERM}
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


# --- leftovers of a killed run ---------------------------------------------------------------------------


def is_ours(name: str) -> bool:
    """A stage or temporary file of forenad's (never an output, whatever its name)."""
    return _OURS.search(name) is not None and name.startswith(".")


def recover_stale(out_dir: str | Path) -> list[Path]:
    """Roll back the stages and remove the temporary files that killed runs left in ``out_dir``; returns
    what was cleaned. Live runs' files are left alone; nothing here ever raises."""
    out = Path(out_dir)
    cleaned: list[Path] = []
    try:
        names = os.listdir(out)
    except OSError:
        return cleaned
    for name in names:
        match = _OURS.search(name)
        if match is None or not name.startswith("."):
            continue
        path = out / name
        if not _stale(path, match.group("host"), int(match.group("pid"))):
            continue
        with _signals_held():
            if match.group("kind") == "stage":
                _recover_stage(path, out)
            else:
                with contextlib.suppress(OSError):
                    os.unlink(path)
        cleaned.append(path)
    return cleaned


def _stale(path: Path, host: str, pid: int) -> bool:
    try:
        age = time.time() - path.lstat().st_mtime
    except OSError:
        return False
    if age > STALE_AFTER_SECONDS:
        return True
    if f"{host}-{pid}" == owner_token() or host != owner_token().rsplit("-", 1)[0]:
        return False  # our own, or another machine's that may still be running
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # alive, another user's
    return False


def _recover_stage(stage: Path, out: Path) -> None:
    """A killed run's stage: remove the files it placed and put back the files they replaced, by its
    manifest (each name's SHA-256, and whether a file had the name before), then remove the stage.

    A name that had no file before holds the killed run's file if the SHA-256 matches. A name that had one
    was replaced only if its backup exists and the SHA-256 matches; without a backup the run never got to
    it, and the file there is left alone."""
    try:
        manifest = json.loads((stage / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    backups = stage / BACKUPS
    for name, entry in manifest.items() if isinstance(manifest, dict) else ():
        if not isinstance(name, str) or Path(name).name != name or name in (".", ".."):
            continue
        if not isinstance(entry, dict):
            continue
        target = out / name
        replaced = os.path.lexists(backups / name)
        with contextlib.suppress(OSError):
            ours = not target.is_symlink() and target.is_file() and _sha256(target) == entry.get("sha256")
            if ours and (replaced or not entry.get("existed", True)):
                os.unlink(target)
    _restore(backups, out)
    shutil.rmtree(stage, ignore_errors=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
