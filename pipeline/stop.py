"""Stop signals (Ctrl-C, SIGTERM, SIGHUP) recorded, never raised where they land.

An exception raised from a signal handler lands in whatever the main thread happens to run.
Inside importlib's lock bookkeeping (the weakref callback of ``_get_module_lock``) it left the
import lock held and was swallowed there, so the run neither stopped nor could import again:
the warm-up thread waited on that lock for ever and the batch with it. So the handler only
records the stop and wakes the main thread (``signal.set_wakeup_fd``); the places where the
batch waits or moves on to its next step call ``check()``, which raises ``Stopped`` (a
KeyboardInterrupt, as Ctrl-C always was) from the batch's own code.

Only the command line records them (``install``; ``recording`` when it is called from Python,
as the tests do): a library caller keeps Python's own Ctrl-C.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator
from types import FrameType

# The signals that stop a run. Also held while a process forks, so that neither the parent
# (inside the fork's bookkeeping) nor the child (before it has its own handlers) takes one
# halfway.
STOP_SIGNALS = {s for s in (getattr(signal, n, None) for n in ("SIGINT", "SIGTERM", "SIGHUP"))
                if s is not None}

_requested = False  # a plain flag: setting it takes no lock the main thread might hold
_wakeup: int | None = None  # read end of the pipe the signal machinery writes to


class Stopped(KeyboardInterrupt):
    """A stop signal arrived; raised by ``check`` at a point where the batch can stop."""


def _record(signum: int, frame: FrameType | None) -> None:
    global _requested
    _requested = True


def install() -> int:
    """Record the stop signals from now on (main thread only), instead of raising them;
    returns the wake-up descriptor that was set before (-1: none)."""
    global _wakeup, _requested
    _requested = False
    previous = -1
    if _wakeup is None:
        read, write = os.pipe()
        os.set_blocking(read, False)
        os.set_blocking(write, False)
        previous = signal.set_wakeup_fd(write, warn_on_full_buffer=False)
        _wakeup = read
    for signum in STOP_SIGNALS:
        signal.signal(signum, _record)
    return previous


@contextlib.contextmanager
def recording() -> Iterator[None]:
    """Record the stop signals for the duration, then give the caller's handlers back."""
    global _wakeup, _requested
    handlers = {signum: signal.getsignal(signum) for signum in STOP_SIGNALS}
    had_pipe = _wakeup is not None
    previous = install()
    try:
        yield
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
        if not had_pipe and _wakeup is not None:
            write = signal.set_wakeup_fd(previous)
            for fd in (_wakeup, write):
                with contextlib.suppress(OSError):
                    os.close(fd)
            _wakeup = None
        _requested = False


def requested() -> bool:
    """True once a stop signal has arrived."""
    return _requested


def check() -> None:
    """Raise ``Stopped`` if a stop signal has arrived."""
    if _requested:
        raise Stopped


def checked_wakeup_fd() -> int | None:
    """Raise ``Stopped`` if a stop signal has arrived; else a descriptor that turns readable
    when one does (to wait on beside the workers' pipes), or None when stop signals are not
    recorded here. Drained before the check, so a signal after it still wakes the wait."""
    if _wakeup is not None:
        with contextlib.suppress(OSError):
            os.read(_wakeup, 512)
    check()
    return _wakeup


def forget_in_child() -> None:
    """In a forked worker: no wake-ups written into the parent's pipe, no stop recorded."""
    global _wakeup, _requested
    with contextlib.suppress(ValueError):
        signal.set_wakeup_fd(-1)
    if _wakeup is not None:
        with contextlib.suppress(OSError):
            os.close(_wakeup)
        _wakeup = None
    _requested = False


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold the stop signals for the duration (delivered when it ends)."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
