"""A pool of worker processes, each converting one file at a time under time and memory limits.

Hand-rolled instead of ``concurrent.futures``: a hung or runaway worker has to be killed
and replaced without losing the rest of the pool, which ProcessPoolExecutor cannot do.
The per-file function is named by reference ("module:function"). Where the platform can fork,
the pool imports it once in this process (with the module's ``warm_up``, which loads spaCy) and
forks its workers from there: a worker is ready in milliseconds instead of importing every
reader again (0.5-1 s each). Elsewhere workers are spawned and import it themselves; this
module itself imports nothing heavy either way.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import logging
import multiprocessing as mp
import os
import resource
import signal
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

MB = 1 << 20
_PR_SET_PDEATHSIG = 1  # prctl option (linux/prctl.h)
_RSS_POLL_S = 0.1  # how often a busy worker's resident memory is compared with the limit
_ADDRESS_SPACE_FACTOR = 4
_ADDRESS_SPACE_EXTRA_MB = 4096
_STARTUP_TIMEOUT_S = 120  # importing the readers once per worker; generous on a busy machine


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one task: ``status`` is 'ok' (``payload`` = plan JSON) or 'error'."""

    index: int
    status: str  # 'ok', 'unchanged' (the bytes hash to the known digest) or 'error'
    payload: str = ""
    kind: str = ""
    seconds: float = 0.0
    peak_rss_mb: float | None = None  # the worker's own peak resident memory so far
    sha256: str = ""  # of the input's bytes, hashed in the worker under its limits


# One task: (index, path, SHA-256 the output folder already holds a plan for, or None).
Task = tuple[int, str, str | None]


def resolve(ref: str) -> Callable[..., object]:
    """Import 'package.module:function' and return the function."""
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _quieten() -> None:
    # Library warnings would tear the parent's progress line; failures travel as Outcomes.
    logging.getLogger().addHandler(logging.NullHandler())
    logging.getLogger().setLevel(logging.ERROR)
    warnings.simplefilter("ignore")


def _worker_main(conn: Connection, ref: str, max_memory_mb: int,
                 call_kwargs: dict[str, object] | None = None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    _die_with_parent()
    _quieten()
    try:
        func: Callable[..., object] | None = resolve(ref)
        load_error = ""
    except Exception as exc:  # reported per task, so every file names the cause
        func, load_error = None, f"internal error: {type(exc).__name__}: {exc}"
    if max_memory_mb > 0:
        # The limit itself is on resident memory, watched by the parent. Address space is
        # capped only far above it, against one allocation too large and fast to watch:
        # capping it at the limit failed imports ("failed to map segment") long before
        # the memory was really used.
        limit = (max_memory_mb * _ADDRESS_SPACE_FACTOR + _ADDRESS_SPACE_EXTRA_MB) * MB
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        _serve(conn, func, load_error, call_kwargs)
    except (EOFError, OSError):
        return  # the parent is gone (or closed the pipe): nothing to report to, exit quietly


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the batch process dies, whatever it is doing."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() == 1:  # the parent died before the request took effect
        os._exit(0)


def _serve(conn: Connection, func: Callable[..., object] | None, load_error: str,
           call_kwargs: dict[str, object] | None) -> None:
    from pipeline.errors import ActionPlanError

    conn.send("ready")
    while True:
        task = conn.recv()
        if task is None:
            return
        index, path, known_sha = task
        start = time.perf_counter()
        out_of_memory = False
        try:
            if func is None:
                outcome = Outcome(index, "error", load_error, "internal")
            else:
                outcome = _run_task(func, index, Path(path), known_sha, call_kwargs or {})
        except MemoryError:
            out_of_memory = True
        except ActionPlanError as exc:
            outcome = Outcome(index, "error", " ".join(exc.reason.split()), exc.kind)
        except Exception as exc:
            detail = " ".join(str(exc).split())
            outcome = Outcome(index, "error", f"internal error: {type(exc).__name__}: {detail}",
                              "internal")
        if out_of_memory:
            # The frames that held the memory are gone now; report, then retire this process
            # because a library may have been left half-initialised by the failed allocation.
            outcome = Outcome(index, "error", "memory", "memory")
        seconds = time.perf_counter() - start
        conn.send(dataclasses.replace(outcome, seconds=seconds, peak_rss_mb=_peak_rss_mb()))
        if out_of_memory:
            return


def _run_task(func: Callable[..., object], index: int, path: Path,
              known_sha: str | None, call_kwargs: dict[str, object]) -> Outcome:
    """Hash the input (every byte is read here, under the limits), then extract unless known."""
    from pipeline.hashing import file_sha256

    try:
        sha = file_sha256(path)
    except OSError as exc:
        return Outcome(index, "error", f"cannot be read: {exc.strerror or exc}", "unreadable")
    if known_sha is not None and sha == known_sha:
        return Outcome(index, "unchanged", sha256=sha)
    plan = func(path, **call_kwargs)
    return Outcome(index, "ok", plan.model_dump_json(), sha256=sha)  # type: ignore[attr-defined]


@dataclass
class _Worker:
    process: mp.process.BaseProcess
    conn: Connection
    ready: bool = False
    task: Task | None = None
    started: float = 0.0
    peak_rss_mb: float = 0.0


class WorkerPool:
    """Runs tasks on ``jobs`` spawned workers; yields an ``Outcome`` per task as each finishes."""

    def __init__(self, jobs: int, ref: str, *, timeout_s: float, max_memory_mb: int,
                 call_kwargs: dict[str, object] | None = None):
        self.jobs = max(1, jobs)
        self.ref = ref
        self.timeout_s = timeout_s
        self.max_memory_mb = max_memory_mb
        self.call_kwargs = call_kwargs  # keyword arguments of every call (e.g. the limits)
        self._ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        self._workers: list[_Worker] = []
        self.worker_peaks_mb: list[float] = []  # peak RSS of every worker that has ended

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=_worker_main, args=(child, self.ref, self.max_memory_mb, self.call_kwargs),
            daemon=True
        )
        process.start()
        child.close()
        worker = _Worker(process, parent, started=time.monotonic())
        self._workers.append(worker)
        return worker

    def _retire(self, worker: _Worker, *, kill: bool) -> None:
        if kill and worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()
        self._workers.remove(worker)
        self.worker_peaks_mb.append(worker.peak_rss_mb)

    def _preload(self) -> None:
        """Import the per-file function (and run its module's ``warm_up``) before forking."""
        if self._ctx.get_start_method() != "fork":
            return
        try:
            func = resolve(self.ref)
            warm_up = getattr(importlib.import_module(func.__module__), "warm_up", None)
            if callable(warm_up):
                warm_up()
        except Exception:  # the worker imports it again and reports the failure per task
            pass

    def run(self, tasks: list[Task]) -> Iterator[Outcome]:
        """Yield one Outcome per (index, path, known SHA-256) task; replace hung or dead workers."""
        pending = deque(tasks)
        if pending:
            self._preload()
        try:
            for _ in range(min(self.jobs, len(pending))):
                self._start()
            while pending or any(w.task for w in self._workers):
                for worker in self._workers:
                    if worker.ready and worker.task is None and pending:
                        worker.task = pending.popleft()
                        worker.started = time.monotonic()
                        worker.conn.send(worker.task)
                yield from self._wait_once(pending)
        finally:
            self.close()

    def _deadline(self, worker: _Worker) -> float:
        limit = self.timeout_s if worker.ready else _STARTUP_TIMEOUT_S
        return worker.started + limit

    def _wait_once(self, pending: deque[Task]) -> Iterator[Outcome]:
        if not self._workers:
            self._start()
        now = time.monotonic()
        timeout = max(0.0, min(self._deadline(w) for w in self._workers) - now)
        if self.max_memory_mb > 0 and any(w.task for w in self._workers):
            timeout = min(timeout, _RSS_POLL_S)
        waitables: list[object] = [w.conn for w in self._workers]
        waitables += [w.process.sentinel for w in self._workers]
        ready = set(wait(waitables, timeout=timeout))
        for worker in list(self._workers):
            if worker.conn in ready or worker.process.sentinel in ready:
                yield from self._collect(worker, pending)
            elif time.monotonic() >= self._deadline(worker):
                yield from self._expire(worker, pending)
            elif worker.task is not None and self._over_memory(worker):
                task = worker.task
                self._replace(worker, pending, kill=True)
                yield self._memory_outcome(Outcome(task[0], "error", kind="memory",
                                                   seconds=time.monotonic() - worker.started,
                                                   peak_rss_mb=worker.peak_rss_mb))

    def _over_memory(self, worker: _Worker) -> bool:
        """True when the worker's resident memory is over the limit (it is then retired)."""
        if self.max_memory_mb <= 0:
            return False
        rss = resident_mb(worker.process.pid)
        if rss is None:
            return False
        worker.peak_rss_mb = max(worker.peak_rss_mb, rss)
        return rss > self.max_memory_mb

    def _collect(self, worker: _Worker, pending: deque[Task]) -> Iterator[Outcome]:
        message: object = None
        with contextlib.suppress(EOFError, OSError):
            if worker.conn.poll():
                message = worker.conn.recv()
        if message == "ready":
            worker.ready = True
            return
        if isinstance(message, Outcome):
            worker.peak_rss_mb = max(worker.peak_rss_mb, message.peak_rss_mb or 0.0)
            worker.task = None
            if message.kind == "memory":
                message = self._memory_outcome(message)
                self._replace(worker, pending)
            yield message
            return
        # The process ended without answering: it crashed or the kernel killed it.
        task = worker.task
        worker.process.join(timeout=5)
        code = worker.process.exitcode
        self._replace(worker, pending)
        if task is not None:
            yield Outcome(task[0], "error", _crash_reason(code, self.max_memory_mb), "crashed",
                          time.monotonic() - worker.started)
        else:
            yield from self._fail_all(pending, f"a worker failed to start (exit code {code})")

    def _fail_all(self, pending: deque[Task], why: str) -> Iterator[Outcome]:
        # Without workers nothing can run; every remaining file is reported, none lost.
        while pending:
            yield Outcome(pending.popleft()[0], "error", f"internal error: {why}", "internal")

    def _memory_outcome(self, outcome: Outcome) -> Outcome:
        reason = f"exceeded the {self.max_memory_mb} MB memory limit (raise --max-memory)"
        return Outcome(outcome.index, "error", reason, "resource_limit", outcome.seconds,
                       outcome.peak_rss_mb)

    def _expire(self, worker: _Worker, pending: deque[Task]) -> Iterator[Outcome]:
        task = worker.task
        self._replace(worker, pending, kill=True)
        if task is None:
            yield from self._fail_all(pending, "a worker did not start in time")
            return
        reason = f"took longer than {self.timeout_s:g} s; skipped (raise --timeout)"
        yield Outcome(task[0], "error", reason, "timeout", self.timeout_s)

    def _replace(self, worker: _Worker, pending: deque[Task], *,
                 kill: bool = False) -> None:
        self._retire(worker, kill=kill)
        if pending and len(self._workers) < self.jobs:
            self._start()

    def close(self) -> None:
        """Ask idle workers to stop; kill any that do not."""
        for worker in list(self._workers):
            with contextlib.suppress(OSError, BrokenPipeError):
                if worker.task is None and worker.ready:
                    worker.conn.send(None)
            worker.process.join(timeout=2 if worker.task is None else 0)
            self._retire(worker, kill=True)


def _crash_reason(exitcode: int | None, max_memory_mb: int) -> str:
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name
        if -exitcode == signal.SIGKILL:
            return (f"worker was killed ({name}), probably out of memory "
                    f"(limit {max_memory_mb} MB; raise --max-memory)")
        return f"crashed the reader ({name}); the file may be damaged"
    return f"worker exited unexpectedly (exit code {exitcode})"


def resident_mb(pid: int) -> float | None:
    """Resident memory of process ``pid`` in MB (Linux /proc), or None where unknown."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            resident_pages = int(fh.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return resident_pages * os.sysconf("SC_PAGE_SIZE") / MB


def default_jobs() -> int:
    """Number of CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
