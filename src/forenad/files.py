"""Writing output files safely: atomically, with the user's umask, never over a user's file without ``force``.

- :func:`write_atomic` writes one file through a private temporary file beside it and a rename.
- :func:`forenad.fileset.write_set` writes a set of files (an agreement's drafts) whole or not at all.
- A file is created readable as the umask allows (``0o666 & ~umask``, as any program does); its temporary
  file is private (``0o600``) until it takes the final name.
- A failure of the environment (a read-only folder, a directory where a file should go, a full disk, …) is
  an :class:`OutputError`: an input error (exit 2) with a message naming the path, never a bug.
- Temporary names carry the host and process that made them (``.<name>.forenad-<host>-<pid>-<random>.part``),
  so a later run can tell the leftovers of a killed one (:func:`forenad.fileset.recover_stale`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import socket
import tempfile
from functools import cache
from pathlib import Path

from forenad.errors import ForenadError
from forenad.i18n import Lang, Text, t


class OutputError(ForenadError, OSError):
    """An output that cannot be written because of the environment; ``text`` names the path and why."""

    def __init__(self, path: str | Path, text: Text, code: int | None = None) -> None:
        OSError.__init__(self, code or 0, text.en, str(path))
        self.path = Path(path)
        self.text = text

    def message(self, lang: Lang = "sv") -> str:
        return self.text(lang)

    def __str__(self) -> str:
        return f"{self.text.sv} / {self.text.en}"


class OutputExists(OutputError, FileExistsError):
    """An output file exists and ``force`` was not given (exit code 2 from the CLI)."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(
            path,
            t(
                f"{path}: filen finns redan; använd --force för att skriva över",
                f"{path}: the file exists; use --force to overwrite",
            ),
            errno.EEXIST,
        )


_REASONS: dict[int, tuple[str, str]] = {
    errno.EACCES: ("behörighet saknas", "permission denied"),
    errno.EPERM: ("behörighet saknas", "permission denied"),
    errno.EROFS: ("filsystemet är skrivskyddat", "the file system is read-only"),
    errno.ENOSPC: ("disken är full", "the disk is full"),
    errno.EDQUOT: ("diskkvoten är slut", "the disk quota is used up"),
    errno.EISDIR: ("det är en katalog, inte en fil", "it is a directory, not a file"),
    errno.ENOTDIR: ("en del av sökvägen är ingen katalog", "a part of the path is not a directory"),
    errno.ENOENT: ("katalogen finns inte", "the directory does not exist"),
    errno.ENAMETOOLONG: ("namnet är för långt", "the name is too long"),
    errno.EMLINK: ("för många länkar", "too many links"),
    errno.EIO: ("in- eller utmatningsfel", "input/output error"),
}
ENVIRONMENT_ERRNOS = frozenset(_REASONS) | {errno.EEXIST, errno.EXDEV, errno.ETXTBSY, errno.EBUSY}
"""OSError numbers that come from the environment (the disk, the folder, permissions), not from a bug."""


def output_error(exc: OSError, path: str | Path) -> OutputError:
    """``exc`` as an :class:`OutputError` naming ``path`` (the file or folder being written)."""
    if isinstance(exc, OutputError):
        return exc
    sv, en = _REASONS.get(exc.errno or 0, (exc.strerror or str(exc), exc.strerror or str(exc)))
    return OutputError(
        path,
        t(f"{path}: kan inte skrivas: {sv}", f"{path}: cannot be written: {en}"),
        exc.errno,
    )


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows (Linux), else set and reset."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def file_mode() -> int:
    """The mode a new file gets, as for any program: ``0o666`` less the umask."""
    return 0o666 & ~current_umask()


@cache
def _host() -> str:
    return re.sub(r"[^A-Za-z0-9]", "", socket.gethostname())[:32] or "host"


def owner_token() -> str:
    """``<host>-<pid>`` for temporary names (the host name with letters and digits only)."""
    return f"{_host()}-{os.getpid()}"


def part_prefix(name: str) -> str:
    """The prefix of a temporary file for ``name`` (:func:`forenad.fileset.recover_stale` reads it)."""
    return f".{name}.forenad-{owner_token()}-"


def write_atomic(path: str | Path, data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same directory and a rename.

    An existing file is replaced only with ``force``; an interrupted write leaves no partial file. The file
    gets the mode the umask allows; the temporary file is private until it is renamed. A failure of the
    environment raises :class:`OutputError` naming the path (:class:`OutputExists` for an existing file).

    A symbolic link at ``path`` counts as an existing file, even when it dangles, and is never written
    through: without ``force`` it is refused, with ``force`` the link itself is replaced by the new file and
    its target is left untouched. (``path.parent`` is followed as given: the directory is the user's choice.)
    """
    path = Path(path)
    if os.path.lexists(path) and not force:
        raise OutputExists(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=part_prefix(path.name), suffix=".part", dir=path.parent)
    except OSError as exc:
        raise output_error(exc, path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, file_mode())
        if not force:
            # Refuse to replace a file that appeared while we were writing.
            if link_or_move(tmp, path):
                os.unlink(tmp)
        else:
            os.replace(tmp, path)
    except FileExistsError:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise OutputExists(path) from None
    except OSError as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise output_error(exc, path) from None
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return path


NO_LINKS = frozenset({errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EXDEV, errno.EMLINK})
"""What ``os.link`` raises where a file system has no hard links."""


def link_or_move(source: str | Path, target: str | Path) -> bool:
    """Give ``source`` the name ``target`` without replacing an existing file (``FileExistsError``): a hard
    link (``True``: ``source`` is still there for the caller to remove), or, where the file system has no
    hard links (FAT, some network shares), a check and a rename (``False``)."""
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in NO_LINKS:
            raise
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "file exists", str(target)) from None
        os.replace(source, target)
        return False
    return True
