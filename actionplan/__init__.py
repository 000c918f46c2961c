"""actionplan as a library: ``import actionplan`` (see ``pipeline/api.py`` and the README).

    import actionplan
    plan = actionplan.extract("plans/hmp-leeds.docx")
    for result in actionplan.extract_many(["plans/2020"], actionplan.Limits(timeout_s=60)):
        ...
"""

from pipeline.api import Limits, Result, extract, extract_many

__all__ = ["Limits", "Result", "extract", "extract_many"]
