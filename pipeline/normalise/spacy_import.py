"""spaCy imported without its command line, which the tool never runs.

spaCy's package ``__init__`` imports ``spacy.cli.info`` only to offer ``spacy.info()``, and
that pulls in all of spaCy's command line (typer, weasel, httpx and the rest: about 360 of the
1,100 modules ``import spacy`` loads, 0.2-0.3 s of a worker's one-second start). The
tokenizer, vocabulary and matchers never touch it. So ``import_spacy`` lets ``__init__`` find
a stand-in ``spacy.cli.info`` whose ``info`` imports the real one when called, and removes the
stand-ins afterwards, so that a later ``import spacy.cli`` loads the real command line. A
spaCy that needs more of its command line at start is imported whole instead.
"""

from __future__ import annotations

import sys
import types
from typing import Any

_STAND_INS = ("spacy.cli", "spacy.cli.info")


def import_spacy() -> types.ModuleType:
    """``import spacy``, without importing its command line (once per process)."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    package = types.ModuleType("spacy.cli")
    package.__path__ = []  # a package, so that "spacy.cli.info" can be found under it
    info = types.ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    stand_ins = {"spacy.cli": package, "spacy.cli.info": info}
    sys.modules.update(stand_ins)
    try:
        import spacy
    except ImportError:
        _remove(stand_ins)
        import spacy  # this spaCy imports more of its command line at start: the whole
    finally:
        _remove(stand_ins)
    return spacy


def _remove(stand_ins: dict[str, types.ModuleType]) -> None:
    for name, module in stand_ins.items():
        if sys.modules.get(name) is module:
            del sys.modules[name]
    spacy = sys.modules.get("spacy")
    if spacy is not None and getattr(spacy, "cli", None) is stand_ins["spacy.cli"]:
        delattr(spacy, "cli")


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info()``: spaCy's own, its command line imported now."""
    from spacy.cli.info import info

    return info(*args, **kwargs)
