"""The real LibreOffice: a document's links reach nothing, and a stopped conversion leaves nothing.

Needs soffice, so these run in ``make test-libreoffice`` (which .ci/run calls after installing
LibreOffice), not in ``make test``. A machine without soffice fails here, it does not skip.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from hostile_files import linked_odt
from test_conversion_safety import _processes_with, _until

from extractors import convert
from pipeline.batch import BatchOptions, run_batch
from pipeline.errors import ResourceLimit

pytestmark = pytest.mark.libreoffice
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


class Listener:
    """A TCP listener on 127.0.0.1 that records every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.seen: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            conn.settimeout(1)
            try:
                self.seen.append(conn.recv(200) or b"<connected>")
            except OSError:
                self.seen.append(b"<connected>")
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


@pytest.fixture()
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


@pytest.fixture()
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    return scratch


def test_libreoffice_is_installed() -> None:
    assert convert.soffice_path() is not None, "install libreoffice-writer-nogui"


def test_network_namespace_is_available_to_root() -> None:
    if os.geteuid() == 0:
        assert convert.isolation_prefix()[:2] == ("unshare", "--net")


def _text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_linked_odt_converts_and_nothing_is_fetched(tmp_path: Path, listener: Listener,
                                                    private_tmp: Path) -> None:
    source = linked_odt(tmp_path / "linked.odt", listener.url)
    with convert.converted_to_docx(source, "odt") as result:
        text = _text(result)
    assert "our site" in text and "Closing paragraph" in text
    assert listener.seen == []
    assert list(private_tmp.iterdir()) == []


def _no_link_removal(source: Path, target: Path, fmt: str) -> None:
    shutil.copyfile(source, target)


LAYERS = ["link removal", "network namespace", "LibreOffice settings"]


@pytest.mark.parametrize("kept", LAYERS)
def test_each_layer_alone_stops_the_fetch(kept: str, tmp_path: Path, listener: Listener,
                                          monkeypatch: pytest.MonkeyPatch,
                                          private_tmp: Path) -> None:
    _strip_layers(monkeypatch, [layer for layer in LAYERS if layer != kept])
    source = linked_odt(tmp_path / "linked.odt", listener.url)
    with convert.converted_to_docx(source, "odt") as result:
        assert "Closing paragraph" in _text(result)
    assert listener.seen == []


def test_without_any_layer_libreoffice_does_fetch(tmp_path: Path, listener: Listener,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  private_tmp: Path) -> None:
    # The control: proves the document and the listener would catch a fetch.
    _strip_layers(monkeypatch, LAYERS)
    source = linked_odt(tmp_path / "linked.odt", listener.url)
    with convert.converted_to_docx(source, "odt"):
        pass
    _until(lambda: bool(listener.seen), "LibreOffice to fetch the linked image", timeout=10)
    assert any(b"image.png" in request for request in listener.seen)


def _strip_layers(monkeypatch: pytest.MonkeyPatch, layers: list[str]) -> None:
    if "link removal" in layers:
        monkeypatch.setattr(convert, "copy_without_links", _no_link_removal)
    if "network namespace" in layers:
        monkeypatch.setattr(convert, "isolation_prefix", lambda: ())
    if "LibreOffice settings" in layers:
        monkeypatch.setattr(convert, "_PROFILE_SETTINGS", ())


def test_conversion_cut_short_by_its_timeout_leaves_nothing(tmp_path: Path,
                                                            private_tmp: Path) -> None:
    source = linked_odt(tmp_path / "linked.odt", "http://127.0.0.1:9")
    with pytest.raises(ResourceLimit, match="took longer than"), \
            convert.converted_to_docx(source, "odt", timeout=0.3):
        pass
    _until(lambda: not _processes_with(str(private_tmp)), "soffice to end")
    assert list(private_tmp.iterdir()) == []


def test_batch_with_a_linked_odt_fetches_nothing_and_converts_the_rest(
    tmp_path: Path, listener: Listener
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    linked_odt(folder / "linked.odt", listener.url)
    good = next(p for p in sorted(SAMPLES.glob("*.docx")))
    shutil.copy(good, folder / good.name)
    stream = io.StringIO()
    report = run_batch([folder], BatchOptions(out_dir=tmp_path / "out", jobs=2), stream,
                       tty=False)
    by_name = {r.input.path.name: r for r in report.results}
    assert by_name[good.name].status == "ok"
    assert by_name["linked.odt"].status == "no_plan"
    assert listener.seen == []
