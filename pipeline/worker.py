"""A pool of worker processes, each converting one file at a time under time and memory limits.

Hand-rolled instead of ``concurrent.futures``: a hung or runaway worker has to be killed
and replaced without losing the rest of the pool, which ProcessPoolExecutor cannot do.
The per-file function is named by reference ("module:function"). Every worker is forked
cold, at once: it imports the function itself while this process does its own start-up, so
on free cores the workers' imports run beside each other and beside this process's, and this
process never imports the readers (nor spaCy, which an owner cell loads in its worker if it
needs it).
A replacement worker is forked cold too. Where the platform cannot fork, workers are spawned.
This module itself imports nothing heavy.

A task may carry a ``target`` (an object with ``write(plan)``): the worker then writes the
file's outputs itself, atomically, so that writing (and its fsyncs) runs in parallel and the
batch process only records what each worker reports.
"""

from __future__ import annotations

import contextlib
import dataclasses
import faulthandler
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
from enum import StrEnum
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Protocol

from pipeline import collector, stop
from pipeline.errors import ErrorKind
from pipeline.stop import STOP_SIGNALS, signals_held

MB = 1 << 20
_PR_SET_PDEATHSIG = 1  # prctl option (linux/prctl.h)
_RSS_POLL_S = 0.1  # how often a busy worker's resident memory is compared with the limit
_ADDRESS_SPACE_FACTOR = 4
_ADDRESS_SPACE_EXTRA_MB = 4096
_STARTUP_TIMEOUT_S = 120  # importing the readers once per worker; generous on a busy machine


class TaskStatus(StrEnum):
    """How a worker answered one task."""

    OK = "ok"  # payload is the plan's JSON (and its outputs are written when it had a target)
    UNCHANGED = "unchanged"  # the bytes hash to the digest the output folder already holds
    ERROR = "error"  # payload is the one-line reason, kind its kind


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one task."""

    index: int
    status: TaskStatus
    payload: str = ""
    kind: str = ""
    seconds: float = 0.0
    peak_rss_mb: float | None = None  # the worker's own peak resident memory so far
    sha256: str = ""  # of the input's bytes, hashed in the worker under its limits


class OutputTarget(Protocol):
    """Where a worker writes one file's outputs (the batch's; picklable)."""

    def write(self, plan: object) -> str | None:
        """Write the outputs; return the plan's JSON if it wrote it (the batch process gets
        that text), else None."""
        ...


@dataclass(frozen=True, slots=True)
class Task:
    """One file to convert: its place in the batch, its path, the SHA-256 the output folder
    already holds a plan for (None: extract whatever the bytes), and where to write the
    outputs."""

    index: int
    path: str
    known_sha256: str | None = None
    target: OutputTarget | None = None


def resolve(ref: str) -> Callable[..., object]:
    """Import 'package.module:function' and return the function."""
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _quieten() -> None:
    # Library warnings would tear the parent's progress line; failures travel as Outcomes,
    # a crash too (so no fault handler's dump, should PYTHONFAULTHANDLER have enabled one).
    faulthandler.disable()
    logging.getLogger().addHandler(logging.NullHandler())
    logging.getLogger().setLevel(logging.ERROR)
    warnings.simplefilter("ignore")


def _worker_main(conn: Connection, ref: str, max_memory_mb: int,
                 call_kwargs: dict[str, object] | None = None) -> None:
    stop.forget_in_child()  # the parent's stop pipe and flag are not this process's
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    # The parent's handlers (recording a stop) came with the fork: a worker
    # the parent terminates must die quietly, never print a traceback on the user's screen.
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)  # held over the fork
    _die_with_parent()
    _quieten()
    collector.collect_less_often()  # this process is the tool's own, whoever started the pool
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


_READY = "ready"


def _serve(conn: Connection, func: Callable[..., object] | None, load_error: str,
           call_kwargs: dict[str, object] | None) -> None:
    from pipeline.errors import ActionPlanError

    conn.send(_READY)
    while True:
        task: Task | None = conn.recv()
        if task is None:
            return
        start = time.perf_counter()
        out_of_memory = False
        try:
            if func is None:
                outcome = Outcome(task.index, TaskStatus.ERROR, load_error, ErrorKind.INTERNAL)
            else:
                outcome = _run_task(func, task, call_kwargs or {})
        except MemoryError:
            out_of_memory = True
        except ActionPlanError as exc:
            outcome = Outcome(task.index, TaskStatus.ERROR, " ".join(exc.reason.split()),
                              exc.kind)
        except Exception as exc:
            detail = " ".join(str(exc).split())
            outcome = Outcome(task.index, TaskStatus.ERROR,
                              f"internal error: {type(exc).__name__}: {detail}", ErrorKind.INTERNAL)
        if out_of_memory:
            # The frames that held the memory are gone now; report, then retire this process
            # because a library may have been left half-initialised by the failed allocation.
            outcome = Outcome(task.index, TaskStatus.ERROR, "memory", ErrorKind.MEMORY)
        seconds = time.perf_counter() - start
        conn.send(dataclasses.replace(outcome, seconds=seconds, peak_rss_mb=_peak_rss_mb()))
        if out_of_memory:
            return


def _run_task(func: Callable[..., object], task: Task, call_kwargs: dict[str, object]) -> Outcome:
    """Hash the input (every byte is read here, under the limits), extract unless known, and
    write the outputs when the task says where."""
    from pipeline.hashing import file_sha256

    try:
        sha = file_sha256(Path(task.path))
    except OSError as exc:
        return Outcome(task.index, TaskStatus.ERROR, f"cannot be read: {exc.strerror or exc}",
                       ErrorKind.UNREADABLE)
    if task.known_sha256 is not None and sha == task.known_sha256:
        return Outcome(task.index, TaskStatus.UNCHANGED, sha256=sha)
    plan = func(Path(task.path), **call_kwargs)
    written = None
    if task.target is not None:
        try:
            written = task.target.write(plan)
        except OSError as exc:
            return Outcome(task.index, TaskStatus.ERROR,
                           f"could not write output: {exc.strerror or exc}", ErrorKind.OUTPUT,
                           sha256=sha)
    # The JSON the target wrote (indented) is what the batch process parses too, so a plan is
    # dumped once, not once for its file and again, compact, for the parent.
    payload = written if written is not None else plan.model_dump_json()  # type: ignore[attr-defined]
    return Outcome(task.index, TaskStatus.OK, payload, sha256=sha)


@dataclass
class _Worker:
    process: mp.process.BaseProcess
    conn: Connection
    ready: bool = False
    task: Task | None = None
    started: float = 0.0
    peak_rss_mb: float = 0.0


class WorkerPool:
    """Runs tasks on ``jobs`` workers; yields an ``Outcome`` per task as each finishes."""

    def __init__(self, jobs: int, ref: str, *, timeout_s: float, max_memory_mb: int,
                 call_kwargs: dict[str, object] | None = None):
        self.jobs = max(1, jobs)
        self.ref = ref
        self.timeout_s = timeout_s
        self.max_memory_mb = max_memory_mb
        self.call_kwargs = call_kwargs  # keyword arguments of every call (e.g. the limits)
        self._ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        self._workers: list[_Worker] = []
        self.worker_peaks_mb: list[float] = []  # peak RSS of every process that has ended

    def start(self, tasks: int) -> None:
        """Start the workers ``tasks`` tasks need (at most ``jobs``), so that they import the
        function while this process prepares the tasks; ``run`` calls it too."""
        for _ in range(min(self.jobs, tasks) - len(self._workers)):
            self._start()

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=_worker_main,
            args=(child, self.ref, self.max_memory_mb, self.call_kwargs),
            daemon=True,
        )
        with signals_held():
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

    def run(self, tasks: list[Task]) -> Iterator[Outcome]:
        """Yield one Outcome per task; replace hung or dead workers."""
        pending = deque(tasks)
        try:
            self.start(len(pending))
            while pending or any(w.task for w in self._workers):
                self._dispatch(pending)
                yield from self._wait_once(pending)
        finally:
            self.close()

    def _dispatch(self, pending: deque[Task]) -> None:
        """Hand the next tasks to idle workers."""
        for worker in self._workers:
            if worker.ready and worker.task is None and pending:
                self._hand(worker, pending.popleft())

    def _hand(self, worker: _Worker, task: Task) -> None:
        worker.task = task
        worker.started = time.monotonic()
        worker.conn.send(task)

    def _deadline(self, worker: _Worker) -> float:
        limit = self.timeout_s if worker.ready else _STARTUP_TIMEOUT_S
        return worker.started + limit

    def _wait_once(self, pending: deque[Task]) -> Iterator[Outcome]:
        if not self._workers:
            self._start()
        workers = list(self._workers)
        now = time.monotonic()
        timeout = max(0.0, min((self._deadline(w) for w in workers), default=now) - now)
        if self.max_memory_mb > 0 and any(w.task for w in workers):
            timeout = min(timeout, _RSS_POLL_S)
        waitables: list[object] = [w.conn for w in workers]
        waitables += [w.process.sentinel for w in workers]
        woken = stop.checked_wakeup_fd()  # raises Stopped: a stop signal stops the run here
        if woken is not None:
            waitables.append(woken)
        ready = set(wait(waitables, timeout=timeout))
        for worker in workers:
            if worker.conn in ready or worker.process.sentinel in ready:
                yield from self._collect(worker, pending)
            elif time.monotonic() >= self._deadline(worker):
                yield from self._expire(worker, pending)
            elif worker.task is not None and self._over_memory(worker):
                task = worker.task
                self._replace(worker, pending, kill=True)
                yield self._memory_outcome(Outcome(
                    task.index, TaskStatus.ERROR, kind=ErrorKind.MEMORY,
                    seconds=time.monotonic() - worker.started, peak_rss_mb=worker.peak_rss_mb))

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
        if message == _READY:
            worker.ready = True
            if worker.task is not None:  # handed out before it was ready: its time starts now
                worker.started = time.monotonic()
            return
        if isinstance(message, Outcome):
            worker.peak_rss_mb = max(worker.peak_rss_mb, message.peak_rss_mb or 0.0)
            worker.task = None
            if message.kind == ErrorKind.MEMORY:
                message = self._memory_outcome(message)
                self._replace(worker, pending)
            # The worker gets its next file before the caller records this one, so recording
            # (the manifest's save and fsync) never keeps a worker waiting.
            self._dispatch(pending)
            yield message
            return
        # The process ended without answering: it crashed or the kernel killed it.
        task = worker.task
        worker.process.join(timeout=5)
        code = worker.process.exitcode
        self._replace(worker, pending)
        if task is not None:
            yield Outcome(task.index, TaskStatus.ERROR, _crash_reason(code, self.max_memory_mb),
                          "crashed", time.monotonic() - worker.started)
        else:
            yield from self._fail_all(pending, f"a worker failed to start (exit code {code})")

    def _fail_all(self, pending: deque[Task], why: str) -> Iterator[Outcome]:
        # Without workers nothing can run; every remaining file is reported, none lost.
        while pending:
            yield Outcome(pending.popleft().index, TaskStatus.ERROR, f"internal error: {why}",
                          ErrorKind.INTERNAL)

    def _memory_outcome(self, outcome: Outcome) -> Outcome:
        reason = f"exceeded the {self.max_memory_mb} MB memory limit (raise --max-memory)"
        return Outcome(outcome.index, TaskStatus.ERROR, reason, "resource_limit",
                       outcome.seconds, outcome.peak_rss_mb)

    def _expire(self, worker: _Worker, pending: deque[Task]) -> Iterator[Outcome]:
        task = worker.task
        self._replace(worker, pending, kill=True)
        if task is None:
            yield from self._fail_all(pending, "a worker did not start in time")
            return
        reason = f"took longer than {self.timeout_s:g} s; skipped (raise --timeout)"
        yield Outcome(task.index, TaskStatus.ERROR, reason, ErrorKind.TIMEOUT, self.timeout_s)

    def _replace(self, worker: _Worker, pending: deque[Task], *,
                 kill: bool = False) -> None:
        self._retire(worker, kill=kill)
        if pending and len(self._workers) < self.jobs:
            self._start()

    def close(self) -> None:
        """Ask idle workers to stop; kill any that do not."""
        asked: set[int] = set()
        for worker in self._workers:  # all asked first, so that they end side by side
            with contextlib.suppress(OSError, BrokenPipeError):
                if worker.task is None and worker.ready:
                    worker.conn.send(None)
                    asked.add(id(worker))
        for worker in list(self._workers):
            # One still importing is not waited for.
            worker.process.join(timeout=2 if id(worker) in asked else 0)
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
