"""Run LibreOffice for one conversion and clean up after it, whatever ends the worker.

Started by ``extractors.convert`` as ``python -I soffice_guard.py TMPDIR -- COMMAND...`` in a
session of its own, so that killing the worker (or the worker's process group) never kills
the guard. The guard starts COMMAND in a further process group, prints COMMAND's exit
status as one line, then waits for its stdin to close: the worker closes it when done with
the converted file, and the kernel closes it when the worker dies. Either way the guard
kills COMMAND's whole process group and removes TMPDIR before it exits.

Standard library only and no imports of actionplan: it runs under ``-I``.
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import signal
import subprocess
import sys

_POLL_S = 0.05


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        print("usage: soffice_guard.py TMPDIR -- COMMAND...", file=sys.stderr)
        return 2
    tmpdir, command = argv[0], argv[2:]
    child: subprocess.Popen[bytes] | None = None

    def stop(*_: object) -> None:
        if child is not None:
            _kill_group(child.pid)
            child.wait()
        shutil.rmtree(tmpdir, ignore_errors=True)
        os._exit(3)

    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGPIPE):
        signal.signal(signum, stop)
    child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, process_group=0)
    stdin_open = True
    while child.poll() is None:
        readable, _, _ = select.select([0], [], [], _POLL_S)
        if readable and not os.read(0, 4096):
            stdin_open = False  # the worker is gone or gave up: stop the conversion now
            break
    _kill_group(child.pid)  # helpers LibreOffice left behind go with it
    code = child.wait()
    if stdin_open:
        with contextlib.suppress(OSError):
            os.write(1, f"{code}\n".encode())
        # Keep the folder until the worker has read the result (or has died).
        while os.read(0, 4096):
            pass
    shutil.rmtree(tmpdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
