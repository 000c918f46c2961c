"""The dataset as a SQLite database, ``plans.sqlite``, for trackers and ad-hoc queries.

stdlib sqlite3: the tables are a few thousand rows written once per run, which needs no
library. The file is built beside its final name and renamed over it, so a reader (DB Browser,
Datasette, a tracker's import) sees the old database or the new one, never half of one.

Extra tables join through ``EXTRA_TABLES``: each names its DDL and a
function giving its rows for the plans, and is created and filled with the rest.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.models import SCHEMA_VERSION
from pipeline.tables import StoredPlan

DATABASE_NAME = "plans.sqlite"
DATABASE_VERSION = "2"  # of the tables below; bumped when a table or column changes

SCHEMA = """
CREATE TABLE schema_version (
    database_version TEXT NOT NULL,  -- of these tables
    plan_schema_version TEXT NOT NULL  -- of the per-plan JSON the rows come from
);
CREATE TABLE plans (
    plan_id TEXT PRIMARY KEY,  -- first 16 hex digits of the input's SHA-256
    path TEXT NOT NULL,  -- relative to the folder the input was found in
    file TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('pdf', 'docx')),
    pages INTEGER,
    title TEXT,
    organisation TEXT,
    inspectorate TEXT,
    report_published TEXT,  -- YYYY-MM or YYYY-MM-DD
    submitted TEXT,  -- ISO date
    sha256 TEXT NOT NULL,
    warnings INTEGER NOT NULL
);
CREATE TABLE recommendations (
    rec_id INTEGER PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans (plan_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,  -- 1-based order in the plan
    number TEXT,
    number_inferred INTEGER NOT NULL CHECK (number_inferred IN (0, 1)),
    text TEXT NOT NULL,
    response TEXT CHECK (response IN ('agreed', 'partly_agreed', 'not_agreed')),
    response_raw TEXT,
    response_reason TEXT,
    reason TEXT,
    section TEXT,
    page INTEGER,
    UNIQUE (plan_id, position)
);
CREATE TABLE actions (
    action_id INTEGER PRIMARY KEY,
    rec_id INTEGER NOT NULL REFERENCES recommendations (rec_id) ON DELETE CASCADE,
    plan_id TEXT NOT NULL REFERENCES plans (plan_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,  -- 1-based order within the recommendation
    number TEXT,
    number_inferred INTEGER NOT NULL CHECK (number_inferred IN (0, 1)),
    text TEXT NOT NULL,
    target_raw TEXT,
    target_start TEXT,  -- ISO date
    target_end TEXT,  -- ISO date
    target_status TEXT CHECK (target_status IN ('planned', 'in_progress', 'ongoing',
                                                'completed')),
    page INTEGER,
    UNIQUE (rec_id, position)
);
CREATE TABLE owners (
    owner_id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions (action_id) ON DELETE CASCADE,
    plan_id TEXT NOT NULL REFERENCES plans (plan_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,  -- 1-based order within the action
    raw TEXT NOT NULL,
    role TEXT,
    person TEXT,
    expansion TEXT,
    key TEXT,
    UNIQUE (action_id, position)
);
CREATE INDEX recommendations_plan ON recommendations (plan_id);
CREATE INDEX recommendations_response ON recommendations (response);
CREATE INDEX actions_rec ON actions (rec_id);
CREATE INDEX actions_plan ON actions (plan_id);
CREATE INDEX actions_target_end ON actions (target_end);
CREATE INDEX actions_status ON actions (target_status);
CREATE INDEX owners_action ON owners (action_id);
CREATE INDEX owners_key ON owners (key);
CREATE INDEX owners_role ON owners (role);
CREATE INDEX plans_organisation ON plans (organisation);
CREATE TABLE findings (  -- the audit's findings (actionplan audit --rules), without a report
    finding_id INTEGER PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans (plan_id),
    rule TEXT NOT NULL,
    severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'advice')),
    recommendation TEXT,  -- number as printed; null for a finding about the whole plan
    action TEXT,  -- number as printed, or position where the plan prints none
    page INTEGER,
    message TEXT NOT NULL
);
CREATE INDEX findings_plan ON findings (plan_id);
CREATE INDEX findings_rule ON findings (rule);
CREATE INDEX findings_severity ON findings (severity);
"""


@dataclass(frozen=True, slots=True)
class ExtraTable:
    """A table another part of the tool adds (e.g. the audit's findings)."""

    ddl: str  # CREATE TABLE / CREATE INDEX statements
    insert: str  # INSERT statement with ? placeholders
    rows: Callable[[Sequence[StoredPlan]], Iterable[tuple[object, ...]]]


EXTRA_TABLES: list[ExtraTable] = []


def write_database(plans: Sequence[StoredPlan], path: Path) -> None:
    """Build ``plans.sqlite`` from the plans and rename it over the old one."""
    from pipeline.export import atomic_path  # the writers' atomic rename, shared

    with atomic_path(path) as tmp:
        tmp.unlink()  # sqlite3 creates its own file; the placeholder only reserved the name
        connection = sqlite3.connect(tmp)
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            # The file is a private temporary that atomic_path fsyncs once and renames into
            # place; a crash leaves only the old database. SQLite's own journal and syncs
            # would add nothing but ~80 fdatasyncs (each CREATE TABLE of executescript is a
            # transaction): 0.3-0.6 s of every batch's end on this machine's disk.
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            with connection:
                fill(connection, plans)
        finally:
            connection.close()


def fill(connection: sqlite3.Connection, plans: Sequence[StoredPlan]) -> None:
    """Create the tables in an empty database and insert the plans' rows."""
    connection.executescript(SCHEMA)
    for extra in EXTRA_TABLES:
        connection.executescript(extra.ddl)
    connection.execute("INSERT INTO schema_version VALUES (?, ?)",
                       (DATABASE_VERSION, SCHEMA_VERSION))
    for stored in plans:
        _insert_plan(connection, stored)
        _insert_findings(connection, stored)
    for extra in EXTRA_TABLES:
        connection.executemany(extra.insert, extra.rows(plans))


def _insert_findings(connection: sqlite3.Connection, stored: StoredPlan) -> None:
    # Imported here: the audit is only needed when a database is written.
    from pipeline.audit import audit_plan

    connection.executemany(
        "INSERT INTO findings (plan_id, rule, severity, recommendation, action, page, message)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(stored.plan_id, f.rule, str(f.severity), f.recommendation, f.action, f.page, f.message)
         for f in audit_plan(stored.plan).findings],
    )


def _iso(value: object) -> str | None:
    return value.isoformat() if value is not None else None  # type: ignore[attr-defined]


def _insert_plan(connection: sqlite3.Connection, stored: StoredPlan) -> None:
    plan, pid = stored.plan, stored.plan_id
    connection.execute(
        "INSERT INTO plans VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (pid, stored.path, plan.source.file, plan.source.format, plan.source.pages,
         plan.plan.title, plan.plan.organisation, plan.plan.inspectorate,
         plan.plan.report_published, _iso(plan.plan.submitted), plan.source.sha256,
         len(plan.warnings)),
    )
    for rec_pos, rec in enumerate(plan.recommendations, start=1):
        rec_id = connection.execute(
            "INSERT INTO recommendations (plan_id, position, number, number_inferred, text, "
            "response, response_raw, response_reason, reason, section, page) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (pid, rec_pos, rec.number, int(rec.number_inferred), rec.text, rec.response,
             rec.response_raw, rec.response_reason, rec.reason, rec.section, rec.page),
        ).lastrowid
        for act_pos, action in enumerate(rec.actions, start=1):
            target = action.target
            action_id = connection.execute(
                "INSERT INTO actions (rec_id, plan_id, position, number, number_inferred, "
                "text, target_raw, target_start, target_end, target_status, page) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (rec_id, pid, act_pos, action.number, int(action.number_inferred), action.text,
                 target.raw, _iso(target.start), _iso(target.end), target.status, action.page),
            ).lastrowid
            connection.executemany(
                "INSERT INTO owners (action_id, plan_id, position, raw, role, person, "
                "expansion, key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(action_id, pid, pos, o.raw, o.role, o.person, o.expansion, o.key)
                 for pos, o in enumerate(action.owners, start=1)],
            )
