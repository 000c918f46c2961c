"""The tool's and the schema's version, importable without pydantic or any reader, so that
``actionplan --version`` answers at once."""

from __future__ import annotations

SCHEMA_VERSION = "1.2"  # 1.1: provenance; 1.2: warnings carry a code (both additive)


def tool_version() -> str:
    """Installed actionplan version plus the schema version: either changing redoes outputs."""
    from importlib import metadata

    try:
        version = metadata.version("actionplan")
    except metadata.PackageNotFoundError:
        version = "0+unknown"
    return f"{version}+schema{SCHEMA_VERSION}"
