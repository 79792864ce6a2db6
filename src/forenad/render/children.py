"""Child programs (LibreOffice) that end with the command: their own process group, killed as a whole.

``soffice`` starts ``soffice.bin`` (and sometimes ``oosplash``) under it, so killing ``soffice`` alone can
leave LibreOffice running. Each child is started in a session and process group of its own and, when the run
ends — normally, on a timeout, on Ctrl-C or on a SIGTERM that the command line turns into an exception —
the whole group is killed and waited for.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from collections.abc import Sequence

POSIX = os.name == "posix"


def run_child(command: Sequence[str], timeout: float) -> subprocess.CompletedProcess[str]:
    """Run ``command`` (output captured as text); raises ``OSError`` or ``subprocess.TimeoutExpired``, and
    whatever interrupts the wait, always after the child's whole process group has ended."""
    process = subprocess.Popen(
        list(command),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        start_new_session=POSIX,
    )
    try:
        out, err = process.communicate(timeout=timeout)
    except BaseException:
        end_group(process)
        raise
    end_group(process)  # anything the program left running in its group
    return subprocess.CompletedProcess(list(command), process.returncode, out, err)


def end_group(process: subprocess.Popen[str]) -> None:
    """Kill ``process`` and every process of its group, and reap it."""
    if POSIX:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    else:  # pragma: no cover - no process groups
        with contextlib.suppress(OSError):
            process.kill()
    with contextlib.suppress(Exception):
        process.communicate(timeout=10)
