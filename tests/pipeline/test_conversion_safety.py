""".doc/.odt conversion: outside links removed or refused before LibreOffice sees the file,
and nothing of LibreOffice (processes, temporary folder) outlives the worker that ran it.

These use a stand-in for soffice; tests/libreoffice/ runs the real one (make test-libreoffice).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hostile_files import linked_odt

from extractors.linked_content import copy_without_links, is_outside_reference
from pipeline.errors import UnsupportedFormat

URL = "http://127.0.0.1:9/track"


@pytest.mark.parametrize(("href", "outside"), [
    ("http://example.org/x.png", True),
    ("file:///etc/passwd", True),
    ("FTP://host/x", True),
    ("/etc/passwd", True),
    ("\\\\server\\share\\x.png", True),
    ("../secret.odt", True),
    ("Pictures/../../x", True),
    ("Pictures/dot.png", False),
    ("./Object 1", False),
    ("#bookmark", False),
    ("", False),
])
def test_outside_references(href: str, outside: bool) -> None:
    assert is_outside_reference(href) is outside


def test_odt_copy_keeps_text_and_inside_pictures_but_no_outside_links(tmp_path: Path) -> None:
    source = linked_odt(tmp_path / "linked.odt", URL)
    target = tmp_path / "clean.odt"
    copy_without_links(source, target, "odt")
    with zipfile.ZipFile(target) as zf:
        names = zf.namelist()
        texts = {n: zf.read(n).decode("utf-8") for n in names if n.endswith(".xml")}
        assert zf.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        assert zf.infolist()[0].compress_type == zipfile.ZIP_STORED
    assert names[0] == "mimetype" and "settings.xml" not in names
    assert "Pictures/dot.png" in names
    joined = "".join(texts.values())
    assert "127.0.0.1" not in joined
    content = texts["content.xml"]
    assert "our site" in content and "Section text" in content and "Closing paragraph" in content
    assert 'href="Pictures/dot.png"' in content
    assert "section-source" not in content


def _doc_with(instruction: bytes) -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + instruction + b"\x00" * 500


@pytest.mark.parametrize("instruction", [
    b'\x13 INCLUDEPICTURE "http://x/y.png" \\d \x14\x15',
    b'\x13includetext "/etc/passwd"\x14\x15',
    b'\x13 DDEAUTO c:\\\\windows\\\\cmd.exe "/k calc"\x15',
    '\x13 LINK Excel.Sheet "C:\\\\a.xls"\x15'.encode("utf-16-le"),
])
def test_doc_with_fetching_fields_is_refused(tmp_path: Path, instruction: bytes) -> None:
    source = tmp_path / "old.doc"
    source.write_bytes(_doc_with(instruction))
    with pytest.raises(UnsupportedFormat, match=r"refused: this \.doc pulls in outside content"):
        copy_without_links(source, tmp_path / "copy.doc", "doc")
    assert not (tmp_path / "copy.doc").exists()


def test_doc_with_only_hyperlinks_is_copied(tmp_path: Path) -> None:
    source = tmp_path / "old.doc"
    source.write_bytes(_doc_with(b'\x13 HYPERLINK "http://x/" \x14site\x15 LINKS and text'))
    copy_without_links(source, tmp_path / "copy.doc", "doc")
    assert (tmp_path / "copy.doc").read_bytes() == source.read_bytes()


_CHILD = """
import sys
from pathlib import Path
from extractors import convert
convert.soffice_path = lambda: sys.argv[1]
if sys.argv[3] == "plain":
    convert.isolation_prefix = lambda: ()
with convert.converted_to_docx(Path(sys.argv[2]), "doc", timeout=600):
    pass
"""


def _processes_with(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker in (entry / "cmdline").read_bytes().decode("utf-8", "replace"):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@pytest.mark.parametrize("isolation", ["namespaces", "plain"])
def test_worker_killed_mid_conversion_leaves_no_process_and_no_folder(
    tmp_path: Path, isolation: str
) -> None:
    # The stand-in LibreOffice starts helpers of its own, as soffice.bin does, and never ends.
    marker = f"{os.getpid() % 1000}.{time.monotonic_ns() % 100000}"
    exe = tmp_path / "soffice"
    exe.write_text(f"#!/bin/sh\nsleep 3{marker} &\nsleep 4{marker} &\nwait\n", encoding="utf-8")
    exe.chmod(0o755)
    source = tmp_path / "old.doc"
    source.write_bytes(_doc_with(b"plain text"))
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    worker = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(exe), str(source), isolation],
        env={**os.environ, "TMPDIR": str(scratch)}, cwd=Path(__file__).resolve().parents[2],
    )
    try:
        _until(lambda: len(_processes_with(marker)) >= 2, "the stand-in to start its helpers")
        assert any(scratch.iterdir())  # the conversion's private folder exists meanwhile
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
        _until(lambda: not _processes_with(marker), "LibreOffice's processes to end")
        _until(lambda: not any(scratch.iterdir()), "the temporary folder to go")
    finally:
        worker.kill()
        for pid in _processes_with(marker):
            os.kill(pid, signal.SIGKILL)


def _until(condition, what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)
