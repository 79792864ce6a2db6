"""Writing output files safely: atomically, and never over a user's file without ``force``."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from forenad.errors import ForenadError
from forenad.i18n import Lang, t


class OutputExists(ForenadError, FileExistsError):
    """An output file exists and ``force`` was not given (exit code 2 from the CLI)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.text = t(
            f"{path}: filen finns redan; använd --force för att skriva över",
            f"{path}: the file exists; use --force to overwrite",
        )
        super().__init__(f"{self.text.sv} / {self.text.en}")

    def message(self, lang: Lang = "sv") -> str:
        return self.text(lang)


def write_atomic(path: str | Path, data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same directory and a rename.

    An existing file is replaced only with ``force``; an interrupted write leaves no partial file.

    A symbolic link at ``path`` counts as an existing file, even when it dangles, and is never written
    through: without ``force`` it is refused, with ``force`` the link itself is replaced by the new file and
    its target is left untouched. (``path.parent`` is followed as given: the directory is the user's choice.)
    """
    path = Path(path)
    if os.path.lexists(path) and not force:
        raise OutputExists(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if not force:
            # Refuse to replace a file that appeared while we were writing.
            os.link(tmp, path)
            os.unlink(tmp)
        else:
            os.replace(tmp, path)
    except FileExistsError:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise OutputExists(path) from None
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return path
