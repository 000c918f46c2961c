"""Convert many files: find inputs, run them on the worker pool, write outputs, summarise.

Decisions a user can rely on:
- Folders are walked recursively for the accepted extensions; other files there are listed
  as skipped. A file named explicitly is always tried and judged by its bytes.
- The output folder is the dataset. Its manifest lists every plan converted into it; each run
  rebuilds the combined tables from all of them, not only from this run's inputs. A plan whose
  input has gone stays until a run with ``prune``.
- An output name is the input's file name ("plan.pdf" → "plan.pdf.json"). An input keeps its
  name for as long as the manifest lists it; a name another input already holds (compared
  case-insensitively), or that two new inputs want at once, gets "-<8 hex of SHA-1 of the
  resolved path>" appended.
- A rerun skips an input whose bytes, tool version and formats match the manifest and whose
  outputs exist (``force`` redoes it). The per-plan JSON is always written: it is the record
  from which the tables are rebuilt.
- A failed input leaves no output under its name: a stale JSON/CSV from an earlier success
  is removed, since it no longer describes the file.
- Workers write each plan's own outputs (atomically) as they finish it; this process only
  records each file in the manifest, reports it, and writes the combined tables at the end.
"""

from __future__ import annotations

import contextlib
import gc
import glob
import hashlib
import os
import signal
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from extractors import READERS
from extractors.sniff import CONVERTIBLE
from pipeline import stop
from pipeline.errors import ErrorKind, NoPlanFound
from pipeline.export import (
    WORKBOOK_NAME,
    remove_combined,
    synced_together,
    write_combined,
    write_csv,
    write_json,
    write_workbook,
)
from pipeline.input_files import special_file_reason
from pipeline.limits import DEFAULT_LIMITS, Limits
from pipeline.manifest import Entry, Manifest
from pipeline.models import ActionPlan
from pipeline.names import fit_name, printable, quoted
from pipeline.progress import Progress
from pipeline.stop import STOP_SIGNALS, signals_held
from pipeline.tables import TABLES, FailedFile, StoredPlan
from pipeline.version import tool_version
from pipeline.worker import MB, Outcome, Task, TaskStatus, WorkerPool, default_jobs

if TYPE_CHECKING:
    from pipeline.api import Result

ACCEPTED_SUFFIXES = tuple(f".{fmt}" for fmt in (*READERS, *CONVERTIBLE))
FORMATS = ("json", "csv", "xlsx", "sqlite")
PER_PLAN_FORMATS = ("json", "csv")  # written per input; xlsx and sqlite are combined only
# Stems the combined outputs use; an input with one of these names gets a suffix.
# "audit" is the stem of the audit's combined outputs (audit.csv, audit.html).
RESERVED_NAMES = frozenset(TABLES) | {"audit"}
NO_PLAN_REASON = "no action-plan table found"
EXTRACT_REF = "pipeline.extract:extract_file"  # the per-file function workers run


class FileStatus(StrEnum):
    """How one input ended; the values are the ones reports and tests use."""

    OK = "ok"  # converted: a plan with recommendations
    UNCHANGED = "unchanged"  # the folder's plan was made from these bytes by this version
    FAILED = "failed"
    NO_PLAN = "no_plan"  # read, but no action-plan table in it


GAVE_PLAN = frozenset({FileStatus.OK, FileStatus.UNCHANGED})
GAVE_NO_PLAN = frozenset({FileStatus.FAILED, FileStatus.NO_PLAN})


@dataclass(frozen=True, slots=True)
class BatchOptions:
    out_dir: Path
    formats: tuple[str, ...] = FORMATS
    jobs: int = field(default_factory=default_jobs)
    force: bool = False
    limits: Limits = DEFAULT_LIMITS  # the same object the library API takes
    extract_ref: str = EXTRACT_REF  # per-file function, run in workers
    prune: bool = False  # drop plans whose input no longer exists
    verbosity: int = 0  # -1 failures and summary only; 1 also every skipped and converted file

    @property
    def timeout_s(self) -> float:
        return self.limits.timeout_s

    @property
    def max_memory_mb(self) -> int:
        return self.limits.max_memory_mb

    @property
    def max_size_mb(self) -> float:
        return self.limits.max_size_mb


@dataclass(frozen=True, slots=True)
class Found:
    path: Path
    relative: str  # relative to the folder it was found in; the name of a file named directly


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    shown: str  # the path as the user will recognise it, used in messages
    name: str  # output stem in DIR
    relative: str = ""  # path relative to the folder it was found in


@dataclass(frozen=True, slots=True)
class Skipped:
    shown: str
    reason: str
    kind: ErrorKind = ErrorKind.MISSING  # for paths that failed: missing or unreadable


@dataclass
class FileResult:
    input: InputFile
    status: FileStatus
    plan: ActionPlan | None = None
    kind: str = ""
    reason: str = ""
    seconds: float = 0.0
    pages: int | None = None


@dataclass
class BatchReport:
    results: list[FileResult]
    skipped: list[Skipped]
    seconds: float
    worker_peaks_mb: list[float]
    dataset: int = 0  # plans the output folder holds after the run
    pruned: int = 0

    def count(self, status: FileStatus) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def plans(self) -> list[ActionPlan]:
        return [r.plan for r in self.results if r.plan is not None]

    @property
    def ok(self) -> bool:
        """True when every input gave a plan."""
        return all(r.status in GAVE_PLAN for r in self.results)

    def summary(self) -> str:
        """Final lines: files by outcome, then what the plans hold."""
        plans = self.plans
        recs = sum(len(p.recommendations) for p in plans)
        actions = sum(len(r.actions) for p in plans for r in p.recommendations)
        warnings = sum(len(p.warnings) for p in plans)
        converted = [r for r in self.results if r.status == FileStatus.OK]
        pages = sum(r.pages or 0 for r in converted)
        rate = f", {pages / self.seconds:.1f} pages/s" if self.seconds > 0 and pages else ""
        return (
            f"files: {self.count(FileStatus.OK)} ok, {self.count(FileStatus.FAILED)} failed, "
            f"{self.count(FileStatus.NO_PLAN)} no plan found, {len(self.skipped)} skipped, "
            f"{self.count(FileStatus.UNCHANGED)} unchanged\n"
            f"plans: {_count(recs, 'recommendation')}, {_count(actions, 'action')}, "
            f"{_count(warnings, 'warning')}\n"
            f"time: {self.seconds:.1f} s for {_count(pages, 'page')} converted{rate}\n"
            f"dataset: {_count(self.dataset, 'plan')} in the output folder"
            + (f" ({self.pruned} pruned)" if self.pruned else "")
        )


def collect_inputs(paths: Iterable[Path]) -> tuple[list[Found], list[Skipped], list[Skipped]]:
    """Expand folders; return (files to convert, skipped files, paths that failed).

    Nothing is passed over in silence: a folder that cannot be listed fails with its reason,
    and every entry that is not taken (other extensions, links to folders) is listed.
    """
    files: list[Found] = []
    skipped: list[Skipped] = []
    failed: list[Skipped] = []
    accepted = "/".join(ACCEPTED_SUFFIXES)
    for path in paths:
        if path.is_dir():
            for found, why in _walk(path):
                if why is not None:
                    failed.append(Skipped(quoted(str(found)), why, ErrorKind.UNREADABLE))
                elif found.name.startswith("~$"):
                    skipped.append(Skipped(quoted(str(found)), "Word lock file"))
                elif found.suffix.lower() in ACCEPTED_SUFFIXES:
                    files.append(Found(found, found.relative_to(path).as_posix()))
                elif found.is_dir():
                    skipped.append(Skipped(quoted(str(found)), "a link to a folder; not followed"))
                else:
                    skipped.append(Skipped(quoted(str(found)), f"not a {accepted} file"))
        elif path.exists() or path.is_symlink():
            files.append(Found(path, path.name))  # judged (and refused if special) later
        else:
            failed.append(Skipped(quoted(str(path)), "no such file or folder"))
    # The same file reached twice (overlapping arguments) is converted or listed once.
    unique_skipped = list({s.shown: s for s in skipped}.values())
    unique_files = list({f.path: f for f in reversed(files)}.values())[::-1]
    return unique_files, unique_skipped, failed


def _walk(folder: Path) -> list[tuple[Path, str | None]]:
    """Every non-folder entry under ``folder`` (links not followed), sorted, plus each
    folder that could not be listed with the reason."""
    found: list[tuple[Path, str | None]] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else folder
        found.append((where, f"folder cannot be read: {exc.strerror or exc}"))

    for top, dirs, names in os.walk(folder, onerror=unreadable):
        base = Path(top)
        linked = [d for d in dirs if (base / d).is_symlink()]
        found += [(base / name, None) for name in [*names, *linked]]
    return sorted(found, key=lambda pair: str(pair[0]))


def _resolved(path: Path) -> str:
    return str(path.resolve())


def _hashed(name: str, source: str) -> str:
    return f"{name}-{hashlib.sha1(source.encode('utf-8', 'surrogateescape')).hexdigest()[:8]}"


def _plain_name(found: Found) -> str:
    # Room for "-<8 hex>" should the name clash; a long name is shortened with a hash.
    return fit_name(found.path.name, suffix_bytes=len("-12345678"))


def assign_names(files: list[Found], manifest: Manifest | None = None) -> list[InputFile]:
    """Give each file a distinct output stem that stays the same from run to run."""
    held = {} if manifest is None else {n.casefold(): e.source for n, e in manifest.entries.items()}
    wanted: dict[str, set[str]] = {}
    for found in files:
        wanted.setdefault(_plain_name(found).casefold(), set()).add(_resolved(found.path))
    named = []
    for found in files:
        source = _resolved(found.path)
        name = manifest.name_of(source) if manifest is not None else None
        if name is None:
            name = _plain_name(found)
            key = name.casefold()
            clash = (key in held and held[key] != source) or len(wanted[key]) > 1
            if clash or key in RESERVED_NAMES or name.startswith("."):
                name = _hashed(name, source)
        named.append(InputFile(found.path, quoted(str(found.path)), name,
                               printable(found.relative)))
    return named


def output_paths(out_dir: Path, name: str, formats: Iterable[str]) -> list[Path]:
    """Per-input output files, in format order (only the per-plan formats have one)."""
    return [out_dir / f"{name}.{fmt}" for fmt in formats if fmt in PER_PLAN_FORMATS]


@dataclass(frozen=True, slots=True)
class PlanOutputs:
    """Where one input's own outputs go; a worker writes them (``write``) as it finishes."""

    out_dir: Path
    name: str
    relative: str
    formats: tuple[str, ...]  # per-plan formats asked for (the JSON record always)

    def write(self, plan: ActionPlan, *, only_missing: bool = False) -> str | None:
        """Write a plan's JSON and CSV atomically and drop formats not asked for; a plan
        without recommendations (no plan) gets none. On OSError nothing is left half-done.
        Returns the JSON written (None if this call wrote none)."""
        every = output_paths(self.out_dir, self.name, PER_PLAN_FORMATS)
        if not gives_plan(plan):
            self.remove()
            return None
        wanted = output_paths(self.out_dir, self.name, self.formats)
        written: str | None = None
        try:
            with synced_together():  # renamed only once all are synced; folder synced once
                for path in wanted:
                    if only_missing and path.is_file():
                        continue
                    if path.suffix == ".json":
                        written = write_json(plan, path)
                    else:
                        write_csv(StoredPlan(plan, self.relative, self.name), path)
        except OSError:
            self.remove()
            raise
        for leftover in set(every) - set(wanted):
            leftover.unlink(missing_ok=True)
        return written

    def remove(self) -> None:
        """Remove this input's outputs, and temp files a killed worker may have left."""
        for path in output_paths(self.out_dir, self.name, PER_PLAN_FORMATS):
            path.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                for tmp in self.out_dir.glob(f".{glob.escape(path.name)}.*.tmp"):
                    tmp.unlink(missing_ok=True)


def gives_plan(plan: ActionPlan) -> bool:
    """The batch's rule: a document read without recommendations holds no plan."""
    return bool(plan.recommendations)


def run_batch(paths: list[Path], options: BatchOptions, stream: TextIO | None = None,
              *, tty: bool | None = None) -> BatchReport:
    """Convert every input under ``paths`` into ``options.out_dir``; never raises per file."""
    started = time.monotonic()
    files, skipped, missing = collect_inputs(paths)
    # Forked as soon as the files are known: the workers import the pipeline while this process
    # opens the folder, names the files and reads the held plans back. Files that ``stat``
    # alone rules out (counted here, reported by the precheck below) need no worker.
    runnable = sum(1 for f in files if _precheck(InputFile(f.path, "", ""), options) is None)
    pool = WorkerPool(min(options.jobs, max(runnable, 1)), options.extract_ref,
                      timeout_s=options.timeout_s, max_memory_mb=options.max_memory_mb,
                      call_kwargs={"limits": options.limits})
    pool.start(runnable)
    try:
        batch = _Batch.open(files, options, stream if stream is not None else sys.stderr, tty,
                            total=len(files) + len(missing))
        if options.verbosity > 0:
            for skip in skipped:
                batch.progress.note(f"skipped {skip.shown}: {skip.reason}")
        batch.progress.start()
        ready = batch.precheck()
        tasks = []
        for index in ready:  # reads each held plan back: long for a large folder
            stop.check()
            tasks.append(batch.task(index))
        _import_table_writers(options.formats)
    except BaseException:
        pool.close()  # the output folder is unusable, or a stop: no worker is left behind
        raise
    for outcome in pool.run(tasks):  # a stop signal stops it while it waits (pipeline.stop)
        batch.record(outcome)
    stop.check()
    ordered = batch.ordered(missing)
    held, pruned = batch.close_dataset()
    report = BatchReport(ordered, skipped, time.monotonic() - started, pool.worker_peaks_mb,
                         dataset=len(held.plans), pruned=len(pruned))
    failures = [FailedFile(r.input.shown, r.kind, r.reason) for r in ordered
                if r.status in GAVE_NO_PLAN]
    stop.check()
    _write_tables(held.plans, failures, options.out_dir, options.formats)
    remove_combined(options.out_dir, set(FORMATS) - set(options.formats))
    batch.manifest.fold()
    return report


def _write_tables(plans: list[StoredPlan], failures: list[FailedFile], out_dir: Path,
                  formats: tuple[str, ...]) -> None:
    """The dataset's combined tables. The workbook, the slowest of them (xlsxwriter builds
    every cell in Python: 1.6 s of 2.5 s for 35 plans), is written meanwhile by a forked
    child; should the child fail, it is written here again, so its error is raised as ever."""
    others = tuple(f for f in formats if f != "xlsx")
    if "xlsx" not in formats or not others or not hasattr(os, "fork"):
        write_combined(plans, failures, out_dir, formats)
        return
    with signals_held():
        child = os.fork()
    if child == 0:  # the child: write the workbook, then leave without running any cleanup
        code = 1
        try:
            # It lives for one workbook: the cyclic collector, which would scan every plan
            # the fork copied, has nothing to do there (0.33 -> 0.30 s CPU for the bench set).
            gc.disable()
            stop.forget_in_child()
            signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
            write_workbook(plans, failures, out_dir / WORKBOOK_NAME)
            code = 0
        finally:
            os._exit(code)
    try:
        write_combined(plans, failures, out_dir, others)
    finally:
        _, status = os.waitpid(child, 0)
    stop.check()  # stopped meanwhile: the workbook is not written a second time
    if os.waitstatus_to_exitcode(status) != 0:
        write_workbook(plans, failures, out_dir / WORKBOOK_NAME)


def _import_table_writers(formats: tuple[str, ...]) -> None:
    """Import the combined tables' writers now, while the workers warm up and convert, rather
    than after the last file (0.1-0.3 s of the batch's end on a small batch)."""
    if "xlsx" in formats:
        import xlsxwriter  # noqa: F401
    if "sqlite" in formats:
        import pipeline.audit  # noqa: F401  (the database's findings table)
        import pipeline.database  # noqa: F401


@dataclass
class _Batch:
    """One run's state in this process: the inputs, the manifest, what each file became."""

    options: BatchOptions
    inputs: list[InputFile]
    manifest: Manifest
    progress: Progress
    version: str = field(default_factory=tool_version)
    results: dict[int, FileResult] = field(default_factory=dict)
    known: dict[int, ActionPlan] = field(default_factory=dict)  # held plans, if unchanged

    @classmethod
    def open(cls, files: list[Found], options: BatchOptions, stream: TextIO,
             tty: bool | None, *, total: int) -> _Batch:
        options.out_dir.mkdir(parents=True, exist_ok=True)
        manifest = Manifest.load(options.out_dir)
        progress = Progress(total, stream, tty=tty, verbosity=options.verbosity)
        return cls(options, assign_names(files, manifest), manifest, progress)

    def precheck(self) -> list[int]:
        """Fail inputs that ``stat`` alone rules out; the indexes of the rest."""
        ready = []
        for index, item in enumerate(self.inputs):
            stop.check()
            early = _precheck(item, self.options)
            if early is None:
                ready.append(index)
            else:
                self._done(index, early, None)
        return ready

    def task(self, index: int) -> Task:
        """The worker's task for one input: its held plan's digest, where to write."""
        item = self.inputs[index]
        held = None
        if not self.options.force:
            held = _held_plan(item, self.manifest, self.version, self.options.out_dir)
        if held is not None:
            self.known[index] = held
        return Task(index, str(item.path), held.source.sha256 if held else None,
                    self.outputs(item))

    def outputs(self, item: InputFile) -> PlanOutputs:
        # The JSON is the plan's record in the dataset, so it is always written.
        formats = tuple(f for f in PER_PLAN_FORMATS if f == "json" or f in self.options.formats)
        return PlanOutputs(self.options.out_dir, item.name,
                           item.relative or printable(item.path.name), formats)

    def record(self, outcome: Outcome) -> None:
        """Take in a worker's answer (its outputs are written already) and save it."""
        item = self.inputs[outcome.index]
        if outcome.status == TaskStatus.UNCHANGED:
            plan = self.known[outcome.index]
            result = _rewrite_missing(FileResult(item, FileStatus.UNCHANGED, plan,
                                                 pages=plan.source.pages), self.outputs(item))
        else:
            result = _finish(item, outcome.status, outcome.payload, outcome.kind,
                             outcome.seconds)
            if result.plan is None:
                self.outputs(item).remove()  # a stale success no longer describes the file
        entry = Entry(item.shown, outcome.sha256, self.version, ("json",), _resolved(item.path),
                      item.relative or printable(item.path.name)) if outcome.sha256 else None
        self._done(outcome.index, result, entry)

    def _done(self, index: int, result: FileResult, entry: Entry | None) -> None:
        self.results[index] = result
        _update_manifest(self.manifest, result, entry)
        _report(self.progress, result)

    def ordered(self, missing: list[Skipped]) -> list[FileResult]:
        """Every result in input order, then the paths that were not there (reported now)."""
        gone = [FileResult(InputFile(Path(), m.shown, ""), FileStatus.FAILED, kind=m.kind,
                           reason=m.reason) for m in missing]
        for result in gone:
            _report(self.progress, result)
        return [self.results[i] for i in range(len(self.inputs))] + gone

    def close_dataset(self) -> tuple[DatasetPlans, list[str]]:
        """Prune if asked, save the manifest, and gather every plan the folder holds."""
        out_dir, progress = self.options.out_dir, self.progress
        pruned = _prune(self.manifest, out_dir) if self.options.prune else []
        for name in pruned:
            progress.note(f"pruned {name}: its input is gone")
        self.manifest.fold()  # also takes in what another batch into this folder has finished
        fresh = {r.input.name: r.plan for r in self.results.values() if r.plan}
        held = dataset_plans(self.manifest, out_dir, fresh)
        for name in held.unreadable:
            record = quoted(str(out_dir / f"{name}.json"))
            progress.note(f"{record}: unreadable; left out of the tables "
                          "(rerun its input to redo it)")
        if self.options.verbosity >= 0:
            for copy, first in held.copies:
                progress.note(f"{copy}: the same bytes as {first}; one plan in the tables")
        progress.finish()
        return held, pruned


@dataclass
class DatasetPlans:
    plans: list[StoredPlan]
    unreadable: list[str]
    copies: list[tuple[str, str]] = field(default_factory=list)  # (input, input kept): same bytes


def dataset_plans(manifest: Manifest, out_dir: Path,
                  fresh: dict[str, ActionPlan]) -> DatasetPlans:
    """Every plan the folder holds, by relative path; the same bytes twice count once."""
    plans: list[StoredPlan] = []
    unreadable: list[str] = []
    for name, entry in manifest.entries.items():
        plan = fresh.get(name)
        if plan is None:
            stop.check()
            try:
                plan = ActionPlan.model_validate_json((out_dir / f"{name}.json").read_bytes())
            except (OSError, ValueError):
                unreadable.append(name)
                continue
        plans.append(StoredPlan(plan, entry.path or plan.source.file, name))
    shown = {n: e.input for n, e in manifest.entries.items()}
    plans.sort(key=lambda s: (s.path.casefold(), shown[s.name], s.name))
    kept: dict[str, StoredPlan] = {}
    copies: list[tuple[str, str]] = []
    for stored in plans:
        first = kept.setdefault(stored.plan_id, stored)
        if first is not stored:
            copies.append((shown[stored.name], shown[first.name]))
    return DatasetPlans(list(kept.values()), unreadable, copies)


def _prune(manifest: Manifest, out_dir: Path) -> list[str]:
    """Forget plans whose input no longer exists, and remove their outputs."""
    gone = [name for name, entry in manifest.entries.items()
            if not entry.source or not Path(entry.source).is_file()]
    for name in gone:
        for path in output_paths(out_dir, name, PER_PLAN_FORMATS):
            path.unlink(missing_ok=True)
        manifest.forget(name)
    return sorted(gone)


def _precheck(item: InputFile, options: BatchOptions) -> FileResult | None:
    """Decide from ``stat`` alone, reading no byte: special file, too large or unreadable."""
    try:
        info = item.path.stat()
        special = special_file_reason(item.path, info)
    except OSError as exc:
        return _failure(item, ErrorKind.UNREADABLE, f"cannot be read: {exc.strerror or exc}")
    if special is not None:
        return _failure(item, "not_a_file", special)
    if info.st_size > options.max_size_mb * MB:
        reason = (f"too large: {info.st_size / MB:.0f} MB (limit {options.max_size_mb:g} MB; "
                  "raise --max-size)")
        return _failure(item, "too_large", reason)
    return None


def _held_plan(item: InputFile, manifest: Manifest, version: str,
               out_dir: Path) -> ActionPlan | None:
    """The plan the folder holds for this input, if made by this version; the worker then
    hashes the input and skips extraction when the bytes are the ones it was made from."""
    entry = manifest.entries.get(item.name)
    record = out_dir / f"{item.name}.json"
    if entry is None or entry.version != version or entry.formats != ("json",):
        return None
    try:
        plan = ActionPlan.model_validate_json(record.read_bytes())
    except (OSError, ValueError):
        return None  # an output we cannot read back is redone, not trusted
    return plan if plan.source.sha256 == entry.sha256 else None


def _failure(item: InputFile, kind: str, reason: str) -> FileResult:
    return FileResult(item, FileStatus.FAILED, kind=kind, reason=reason)


def run_files(paths: list[Path], limits: Limits, *, jobs: int | None = None,
              extract_ref: str | None = None) -> Iterator[Result]:
    """The library's batch: a ``Result`` per input, in input order; nothing is written."""
    from pipeline.api import Result

    files, _, missing = collect_inputs(paths)
    for gone in missing:
        yield Result(Path(gone.shown), error=gone.reason, kind=ErrorKind.MISSING)
    ready: dict[int, Result] = {}
    tasks: list[Task] = []
    for index, found in enumerate(files):
        item = InputFile(found.path, str(found.path), "", found.relative)
        early = _precheck(item, BatchOptions(Path(), limits=limits))
        if early is not None:
            ready[index] = Result(found.path, error=early.reason, kind=early.kind)
            continue
        tasks.append(Task(index, str(found.path)))
    pool = WorkerPool(min(jobs or default_jobs(), max(len(tasks), 1)), extract_ref or EXTRACT_REF,
                      timeout_s=limits.timeout_s, max_memory_mb=limits.max_memory_mb,
                      call_kwargs={"limits": limits})
    following = 0  # results are handed out in input order, each as soon as it can be
    for outcome in pool.run(tasks):
        found = files[outcome.index]
        item = InputFile(found.path, str(found.path), "", found.relative)
        result = _finish(item, outcome.status, outcome.payload, outcome.kind, outcome.seconds)
        ready[outcome.index] = (Result(found.path, result.plan) if result.plan is not None
                                else Result(found.path, error=result.reason, kind=result.kind))
        while following in ready:
            yield ready.pop(following)
            following += 1
    while following < len(files):
        yield ready.pop(following)
        following += 1


def _finish(item: InputFile, status: TaskStatus, payload: str, kind: str,
            seconds: float) -> FileResult:
    """Turn a worker's answer into a result; a plan without recommendations is no plan."""
    if status != TaskStatus.OK:
        reason = payload or "failed"
        bucket = FileStatus.NO_PLAN if kind == NoPlanFound.kind else FileStatus.FAILED
        return FileResult(item, bucket, kind=kind, reason=reason, seconds=seconds)
    try:
        plan = ActionPlan.model_validate_json(payload)
    except ValueError as exc:
        return FileResult(item, FileStatus.FAILED, kind=ErrorKind.INTERNAL, seconds=seconds,
                          reason=f"internal error: invalid plan: {str(exc).splitlines()[0]}")
    if not gives_plan(plan):
        return FileResult(item, FileStatus.NO_PLAN, kind=NoPlanFound.kind,
                          reason=NO_PLAN_REASON, seconds=seconds, pages=plan.source.pages)
    return FileResult(item, FileStatus.OK, plan, seconds=seconds, pages=plan.source.pages)


def _rewrite_missing(result: FileResult, outputs: PlanOutputs) -> FileResult:
    """An unchanged input: write back any of its outputs that went missing."""
    assert result.plan is not None  # unchanged results carry the folder's plan
    try:
        outputs.write(result.plan, only_missing=True)
    except OSError as exc:
        return FileResult(result.input, FileStatus.FAILED, kind=ErrorKind.OUTPUT,
                          reason=f"could not write output: {exc.strerror or exc}")
    return result


def _update_manifest(manifest: Manifest, result: FileResult, entry: Entry | None) -> None:
    """Record the file's outcome and save it at once (in the manifest's journal): an
    interrupted run loses no finished file."""
    if result.status in GAVE_PLAN and entry is not None:
        manifest.record(result.input.name, entry)  # unchanged: the input may have moved
    else:
        manifest.forget(result.input.name)
    manifest.save()


def _report(progress: Progress, result: FileResult) -> None:
    if result.status in GAVE_PLAN:
        plan = result.plan
        assert plan is not None  # ok results always carry their plan
        recs = len(plan.recommendations)
        actions = sum(len(r.actions) for r in plan.recommendations)
        detail = (f"{_count(recs, 'recommendation')}, {_count(actions, 'action')}"
                  + (f", {_count(result.pages, 'page')}" if result.pages else "")
                  + (f", {result.seconds:.1f} s" if result.status == FileStatus.OK
                     else ", unchanged"))
        progress.succeeded(result.input.shown, detail, result.pages)
    else:
        progress.failed(result.input.shown, result.reason,
                        no_plan=result.status == FileStatus.NO_PLAN)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
