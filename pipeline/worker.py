"""A pool of worker processes, each converting one file at a time under time and memory limits.

Hand-rolled instead of ``concurrent.futures``: a hung or runaway worker has to be killed
and replaced without losing the rest of the pool, which ProcessPoolExecutor cannot do.
The per-file function is named by reference ("module:function"). Its module may offer
``warm_up()`` (what finishing a file needs: spaCy) and ``warm_up_read()`` (the readers). A
pool of one worker (a single input, ``--jobs 1``) forks it at once and lets it import the
function and warm up itself, so the worker warms up while this process does its own start-up,
and this process never imports the readers. A pool of several imports and warms up the
function once here (in a thread, see below) and then forks every worker from that (each is
ready in milliseconds, spaCy loaded once); so does a one-worker pool that must replace its
worker. Where the platform cannot fork, workers are spawned and import it themselves. This
module itself imports nothing heavy.

Read-ahead (``read_ahead=True``, fork only): loading spaCy takes about a second and reading a
file does not need it, so while the workers warm up, one more process, forked cold, runs the
module's ``read_file`` (the read stage alone) on the first files and hands what it read
(pickled) to the workers, whose function takes it as ``read=``. It reads only while some
worker is still warming up, is under the same time and memory limits (a file's time counts
from when the read-ahead began it), and is never replaced: a crash, hang or runaway read
there fails that one file as it would in a worker. A one-worker pool then warms up only
``warm_up`` (the worker imports the readers on its own first read).

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
import pickle
import resource
import signal
import threading
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Protocol

from pipeline import stop
from pipeline.errors import ErrorKind
from pipeline.stop import STOP_SIGNALS, signals_held

MB = 1 << 20
_PR_SET_PDEATHSIG = 1  # prctl option (linux/prctl.h)
_RSS_POLL_S = 0.1  # how often a busy worker's resident memory is compared with the limit
_ADDRESS_SPACE_FACTOR = 4
_ADDRESS_SPACE_EXTRA_MB = 4096
_STARTUP_TIMEOUT_S = 120  # importing the readers once per worker; generous on a busy machine
_PRELOAD_TIMEOUT_S = _STARTUP_TIMEOUT_S  # the same warm-up, in this process's thread


class TaskStatus(StrEnum):
    """How a worker answered one task."""

    OK = "ok"  # payload is the plan's JSON (and its outputs are written when it had a target)
    READ = "read"  # read ahead: ``read`` holds what the read stage made of the file (pickled)
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
    read: bytes = b""  # TaskStatus.READ: the read stage's result, pickled


class OutputTarget(Protocol):
    """Where a worker writes one file's outputs (the batch's; picklable)."""

    def write(self, plan: object) -> None: ...


@dataclass(frozen=True, slots=True)
class Task:
    """One file to convert: its place in the batch, its path, the SHA-256 the output folder
    already holds a plan for (None: extract whatever the bytes), where to write the outputs,
    and what the read-ahead process read of it (pickled; empty: the worker reads it)."""

    index: int
    path: str
    known_sha256: str | None = None
    target: OutputTarget | None = None
    read: bytes = b""


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


# The warm-up functions a per-file function's module may offer, by what they load.
WARM_FINISH = ("warm_up",)  # what a worker needs to finish a file someone else read
WARM_ALL = ("warm_up", "warm_up_read")  # and the readers
WARM_READ = ("warm_up_read",)  # the read-ahead process: the readers only
READ_STAGE = "read_file"  # the read stage's function, in the per-file function's module


def _load(ref: str, stages: tuple[str, ...] = WARM_ALL) -> Callable[..., object]:
    """Import the per-file function and run its module's warm-up ``stages`` (once each)."""
    func = resolve(ref)
    module = importlib.import_module(func.__module__)
    for name in stages:
        warm = getattr(module, name, None)
        if callable(warm):
            warm()
    return func


def read_stage_ref(ref: str) -> str:
    """The read stage beside a per-file function: ``module:read_file``."""
    return f"{ref.partition(':')[0]}:{READ_STAGE}"


def _worker_main(conn: Connection, ref: str, max_memory_mb: int,
                 call_kwargs: dict[str, object] | None = None,
                 stages: tuple[str, ...] = WARM_ALL, reads_ahead: bool = False) -> None:
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
    try:
        func: Callable[..., object] | None = _load(ref, stages)  # instant when forked warm
        load_error = ""
    except Exception as exc:  # reported per task, so every file names the cause
        func, load_error = None, f"internal error: {type(exc).__name__}: {exc}"
    if reads_ahead and func is None:
        with contextlib.suppress(EOFError, OSError):
            conn.send(_NO_READ_AHEAD)  # no read stage: the workers read every file
        return
    if max_memory_mb > 0:
        # The limit itself is on resident memory, watched by the parent. Address space is
        # capped only far above it, against one allocation too large and fast to watch:
        # capping it at the limit failed imports ("failed to map segment") long before
        # the memory was really used.
        limit = (max_memory_mb * _ADDRESS_SPACE_FACTOR + _ADDRESS_SPACE_EXTRA_MB) * MB
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        _serve(conn, func, load_error, call_kwargs, reads_ahead)
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
_NO_READ_AHEAD = "no read stage"


def _serve(conn: Connection, func: Callable[..., object] | None, load_error: str,
           call_kwargs: dict[str, object] | None, reads_ahead: bool = False) -> None:
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
                outcome = _run_task(func, task, call_kwargs or {}, reads_ahead)
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


def _run_task(func: Callable[..., object], task: Task, call_kwargs: dict[str, object],
              reads_ahead: bool = False) -> Outcome:
    """Hash the input (every byte is read here, under the limits), extract unless known, and
    write the outputs when the task says where; read ahead: only read, and hand it back."""
    from pipeline.hashing import file_sha256

    try:
        sha = file_sha256(Path(task.path))
    except OSError as exc:
        return Outcome(task.index, TaskStatus.ERROR, f"cannot be read: {exc.strerror or exc}",
                       ErrorKind.UNREADABLE)
    if task.known_sha256 is not None and sha == task.known_sha256:
        return Outcome(task.index, TaskStatus.UNCHANGED, sha256=sha)
    if reads_ahead:
        read = pickle.dumps(func(Path(task.path), **call_kwargs), pickle.HIGHEST_PROTOCOL)
        return Outcome(task.index, TaskStatus.READ, sha256=sha, read=read)
    if task.read:
        call_kwargs = {**call_kwargs, "read": pickle.loads(task.read)}
    plan = func(Path(task.path), **call_kwargs)
    if task.target is not None:
        try:
            task.target.write(plan)
        except OSError as exc:
            return Outcome(task.index, TaskStatus.ERROR,
                           f"could not write output: {exc.strerror or exc}", ErrorKind.OUTPUT,
                           sha256=sha)
    return Outcome(task.index, TaskStatus.OK, plan.model_dump_json(),  # type: ignore[attr-defined]
                   sha256=sha)


@dataclass
class _Worker:
    process: mp.process.BaseProcess
    conn: Connection
    ready: bool = False
    task: Task | None = None
    started: float = 0.0
    peak_rss_mb: float = 0.0
    reads_ahead: bool = False  # the read-ahead process, not a worker


_PRELOAD_POLL_S = 0.05  # how often the pool looks whether the warm-up thread is done


class WorkerPool:
    """Runs tasks on ``jobs`` workers; yields an ``Outcome`` per task as each finishes."""

    def __init__(self, jobs: int, ref: str, *, timeout_s: float, max_memory_mb: int,
                 call_kwargs: dict[str, object] | None = None, read_ahead: bool = False):
        self.jobs = max(1, jobs)
        self.ref = ref
        self.timeout_s = timeout_s
        self.max_memory_mb = max_memory_mb
        self.call_kwargs = call_kwargs  # keyword arguments of every call (e.g. the limits)
        self._ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        self._fork = self._ctx.get_start_method() == "fork"
        self.read_ahead = read_ahead and self._fork
        self._workers: list[_Worker] = []
        self._reader: _Worker | None = None  # the read-ahead process while it reads
        self._reader_used = False  # one read-ahead process per pool, never replaced
        self._read: deque[Task] = deque()  # tasks read ahead: finished before any other
        self._began: dict[int, float] = {}  # when each task was first handed out
        self._preloader: threading.Thread | None = None
        self._wanted = 0  # tasks the pool was started for
        self._forks = 0  # workers started so far
        self._preloaded = False
        self._preload_began = 0.0
        self._stuck = False  # the warm-up thread never finished: no worker can be forked
        self.worker_peaks_mb: list[float] = []  # peak RSS of every process that has ended

    def start(self, tasks: int) -> None:
        """Start what ``tasks`` tasks need now (at most ``jobs`` workers, and the read-ahead),
        so that they warm up while this process prepares the tasks; ``run`` calls it too."""
        self._wanted = max(self._wanted, tasks)
        if tasks and self.read_ahead and not self._reader_used:
            self._start_reader()  # forked first, cold: it needs nothing the warm-up loads
        if self.jobs > 1 and self._reader is not None and not self._preloaded:
            # Warm up in a thread, so that this process keeps the read-ahead busy meanwhile;
            # the workers are forked once it has finished (never while a thread runs).
            if self._preloader is None:
                self._preloader = threading.Thread(target=self._preload, daemon=True)
                self._preload_began = time.monotonic()
                self._preloader.start()
            return
        for _ in range(min(self.jobs, tasks) - len(self._workers)):
            self._start()

    def _start(self) -> _Worker:
        several = self.jobs > 1 or self._forks > 0
        if several:
            self._preload()  # several workers, or a replacement: fork them warmed up
        # A lone worker forked cold beside a read-ahead warms up spaCy first and imports the
        # readers only when it reads a file itself.
        stages = WARM_FINISH if self._reader_used and not several else WARM_ALL
        self._forks += 1
        worker = self._fork_process(self.ref, stages, reads_ahead=False)
        self._workers.append(worker)
        return worker

    def _start_reader(self) -> None:
        self._reader_used = True
        self._reader = self._fork_process(read_stage_ref(self.ref), WARM_READ, reads_ahead=True)

    def _fork_process(self, ref: str, stages: tuple[str, ...], *, reads_ahead: bool) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=_worker_main,
            args=(child, ref, self.max_memory_mb, self.call_kwargs, stages, reads_ahead),
            daemon=True,
        )
        with signals_held():
            process.start()
        child.close()
        return _Worker(process, parent, started=time.monotonic(), reads_ahead=reads_ahead)

    def _processes(self) -> list[_Worker]:
        return self._workers + ([self._reader] if self._reader is not None else [])

    def _retire(self, worker: _Worker, *, kill: bool) -> None:
        if kill and worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()
        if worker is self._reader:
            self._reader = None
        else:
            self._workers.remove(worker)
        self.worker_peaks_mb.append(worker.peak_rss_mb)

    def _preload(self) -> None:
        """Import the per-file function (and warm up all of it) before forking."""
        if self._preloaded or not self._fork:
            return
        with contextlib.suppress(Exception):  # the worker imports it again, reports per task
            _load(self.ref, WARM_ALL)
        self._preloaded = True

    def _fork_when_warm(self, pending: deque[Task]) -> Iterator[Outcome]:
        """Once the warm-up thread is done, fork the workers the remaining tasks need; if it
        is not done in time (it waits on a lock it will never get), fail what is left: the
        thread is never waited for without a bound, and no worker is forked beside it."""
        if self._preloader is None:
            return
        if self._preloader.is_alive():
            if time.monotonic() >= self._preload_began + _PRELOAD_TIMEOUT_S:
                self._stuck = True
                self._preloader = None  # a daemon thread: left behind, never joined
                yield from self._give_up(pending, "the workers did not start in time")
            return
        self._preloader.join()
        self._preloader = None
        reading = 1 if self._reader is not None and self._reader.task is not None else 0
        for _ in range(min(self.jobs, len(pending) + len(self._read) + reading)
                       - len(self._workers)):
            self._start()

    def run(self, tasks: list[Task]) -> Iterator[Outcome]:
        """Yield one Outcome per task; replace hung or dead workers."""
        pending = deque(tasks)
        try:
            self.start(len(pending))
            while pending or self._read or any(w.task for w in self._processes()):
                self._dispatch(pending)
                yield from self._wait_once(pending)
        finally:
            self.close()

    def _dispatch(self, pending: deque[Task]) -> None:
        """Hand the next tasks to idle workers (what was read ahead first), and the next file
        to the read-ahead while some worker is still warming up; retire it after that."""
        for worker in self._workers:
            if worker.ready and worker.task is None and (self._read or pending):
                self._hand(worker, self._read.popleft() if self._read else pending.popleft())
        reader = self._reader
        if reader is not None and reader.ready and reader.task is None:
            warming = self._preloader is not None or not all(w.ready for w in self._workers)
            if pending and warming:
                self._hand(reader, pending.popleft())
            else:
                with contextlib.suppress(OSError):
                    reader.conn.send(None)
                self._retire(reader, kill=False)

    def _hand(self, worker: _Worker, task: Task) -> None:
        worker.task = task
        # A file's time limit counts from when it was first handed out (to the read-ahead).
        worker.started = self._began.setdefault(task.index, time.monotonic())
        worker.conn.send(task)

    def _deadline(self, worker: _Worker) -> float:
        limit = self.timeout_s if worker.ready else _STARTUP_TIMEOUT_S
        return worker.started + limit

    def _wait_once(self, pending: deque[Task]) -> Iterator[Outcome]:
        yield from self._fork_when_warm(pending)
        if self._stuck:
            return
        if not self._workers and self._preloader is None:
            self._start()
        processes = self._processes()
        now = time.monotonic()
        timeout = max(0.0, min((self._deadline(w) for w in processes), default=now) - now)
        if self.max_memory_mb > 0 and any(w.task for w in processes):
            timeout = min(timeout, _RSS_POLL_S)
        if self._preloader is not None:
            timeout = min(timeout, _PRELOAD_POLL_S)
        waitables: list[object] = [w.conn for w in processes]
        waitables += [w.process.sentinel for w in processes]
        woken = stop.checked_wakeup_fd()  # raises Stopped: a stop signal stops the run here
        if woken is not None:
            waitables.append(woken)
        ready = set(wait(waitables, timeout=timeout)) if waitables else set()
        if not waitables:
            time.sleep(timeout)
        for worker in processes:
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
                worker.started = self._began[worker.task.index] = time.monotonic()
            return
        if message == _NO_READ_AHEAD:
            self._retire(worker, kill=False)
            return
        if isinstance(message, Outcome):
            worker.peak_rss_mb = max(worker.peak_rss_mb, message.peak_rss_mb or 0.0)
            task, worker.task = worker.task, None
            if message.status == TaskStatus.READ and task is not None:
                self._read.append(dataclasses.replace(task, read=message.read))
                self._dispatch(pending)
                return
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
        elif not worker.reads_ahead:
            yield from self._fail_all(pending, f"a worker failed to start (exit code {code})")

    def _give_up(self, pending: deque[Task], why: str) -> Iterator[Outcome]:
        """No worker can start: end every process and fail every file left, none lost."""
        for worker in self._processes():
            task = worker.task
            self._retire(worker, kill=True)
            if task is not None:
                yield Outcome(task.index, TaskStatus.ERROR, f"internal error: {why}",
                              ErrorKind.INTERNAL)
        yield from self._fail_all(pending, why)

    def _fail_all(self, pending: deque[Task], why: str) -> Iterator[Outcome]:
        # Without workers nothing can run; every remaining file is reported, none lost.
        for queue in (self._read, pending):
            while queue:
                yield Outcome(queue.popleft().index, TaskStatus.ERROR, f"internal error: {why}",
                              ErrorKind.INTERNAL)

    def _memory_outcome(self, outcome: Outcome) -> Outcome:
        reason = f"exceeded the {self.max_memory_mb} MB memory limit (raise --max-memory)"
        return Outcome(outcome.index, TaskStatus.ERROR, reason, "resource_limit",
                       outcome.seconds, outcome.peak_rss_mb)

    def _expire(self, worker: _Worker, pending: deque[Task]) -> Iterator[Outcome]:
        task = worker.task
        self._replace(worker, pending, kill=True)
        if task is None:
            if not worker.reads_ahead:
                yield from self._fail_all(pending, "a worker did not start in time")
            return
        reason = f"took longer than {self.timeout_s:g} s; skipped (raise --timeout)"
        yield Outcome(task.index, TaskStatus.ERROR, reason, ErrorKind.TIMEOUT, self.timeout_s)

    def _replace(self, worker: _Worker, pending: deque[Task], *,
                 kill: bool = False) -> None:
        self._retire(worker, kill=kill)
        if worker.reads_ahead:
            return  # the read-ahead is never replaced: the workers read what is left
        if (pending or self._read) and len(self._workers) < self.jobs:
            self._start()

    def close(self) -> None:
        """Ask idle workers to stop; kill any that do not."""
        for worker in self._processes():
            asked = False
            with contextlib.suppress(OSError, BrokenPipeError):
                if worker.task is None and worker.ready:
                    worker.conn.send(None)
                    asked = True
            # One still warming up (the read-ahead did every file) is not waited for.
            worker.process.join(timeout=2 if asked else 0)
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
