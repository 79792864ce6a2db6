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
import time
from collections.abc import Callable, Sequence

POSIX = os.name == "posix"
POLL_SECONDS = 0.25


def run_child(
    command: Sequence[str], timeout: float, poll: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` (output captured as text); raises ``OSError`` or ``subprocess.TimeoutExpired``, and
    whatever interrupts the wait, always after the child's whole process group has ended. ``poll`` is
    called about every :data:`POLL_SECONDS` while the child runs (a progress bar looking at its output)."""
    process = subprocess.Popen(
        list(command),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        start_new_session=POSIX,
    )
    try:
        out, err = _communicate(process, timeout, poll)
    except BaseException:
        end_group(process)
        raise
    end_group(process)  # anything the program left running in its group
    return subprocess.CompletedProcess(list(command), process.returncode, out, err)


def _communicate(
    process: subprocess.Popen[str], timeout: float, poll: Callable[[], None] | None
) -> tuple[str, str]:
    if poll is None:
        return process.communicate(timeout=timeout)
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        try:
            # retrying communicate() after its timeout loses no output (the subprocess documentation)
            return process.communicate(timeout=max(0.0, min(POLL_SECONDS, left)))
        except subprocess.TimeoutExpired:
            if left <= POLL_SECONDS:
                raise subprocess.TimeoutExpired(process.args, timeout) from None
            poll()


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
