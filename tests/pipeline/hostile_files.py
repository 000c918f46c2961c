"""Builders of hostile inputs, each made from scratch in a test folder.

PDFs are written object by object with a correct cross-reference table, so that each
file is hostile in exactly one way.
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

from PIL import Image


def pdf_bytes(objects: list[bytes], *, trailer_extra: bytes = b"") -> bytes:
    """A PDF whose object n (1-based) is ``objects[n-1]``; object 1 must be the catalog."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer_extra + b">>\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def _text_page_objects(lines: list[str]) -> list[bytes]:
    ops = ["BT /F1 12 Tf 72 720 Td 14 TL"]
    ops += [f"({line}) Tj T*" for line in lines]
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]


PROSE = [
    "Annual report of the probation service.",
    "This year the service continued to improve its practice across all areas.",
    "Staff training was delivered and caseloads were reviewed each quarter.",
]


def prose_pdf(path: Path) -> Path:
    """A valid one-page PDF of plain sentences and no table."""
    path.write_bytes(pdf_bytes(_text_page_objects(PROSE)))
    return path


def encrypted_pdf(path: Path) -> Path:
    """A PDF whose Standard security handler needs a user password.

    /U does not match the empty password, so a reader must ask for one; the content need
    not really be encrypted for that check to fire.
    """
    rng = random.Random(4)
    owner, user = rng.randbytes(32).hex().encode(), rng.randbytes(32).hex().encode()
    objects = _text_page_objects(PROSE) + [
        b"<< /Filter /Standard /V 1 /R 2 /O <" + owner + b"> /U <" + user + b"> /P -44 >>"
    ]
    file_id = b"<" + rng.randbytes(16).hex().encode() + b">"
    extra = b"/Encrypt 6 0 R /ID [" + file_id + b" " + file_id + b"] "
    path.write_bytes(pdf_bytes(objects, trailer_extra=extra))
    return path


def truncated_pdf(path: Path, source: Path | None = None) -> Path:
    """The first half of a real PDF (``source``) or of the prose PDF."""
    data = source.read_bytes() if source else pdf_bytes(_text_page_objects(PROSE * 20))
    path.write_bytes(data[: len(data) // 2])
    return path


def html_as_pdf(path: Path) -> Path:
    """A saved web page renamed .pdf."""
    path.write_text(
        "<!DOCTYPE html>\n<html><head><title>Action plan</title></head>"
        "<body><p>Download the action plan (PDF)</p></body></html>\n",
        encoding="utf-8",
    )
    return path


def random_as_docx(path: Path) -> Path:
    """Random bytes renamed .docx."""
    path.write_bytes(random.Random(7).randbytes(50_000))
    return path


def docx_zip_bomb(path: Path, declared_gb: float = 1.0) -> Path:
    """A DOCX-shaped ZIP whose document.xml inflates to ``declared_gb`` GB of zeros."""
    chunk = bytes(16 << 20)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            for _ in range(int(declared_gb * 1024 / 16)):
                fh.write(chunk)
    return path


def docx_lying_bomb(path: Path) -> Path:
    """A DOCX whose document.xml declares 2 KB in the central directory but inflates to 64 MB."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("word/document.xml", bytes(64 << 20))
    data = bytearray(path.read_bytes())
    central = data.rfind(b"PK\x01\x02")
    data[central + 24:central + 28] = (2048).to_bytes(4, "little")  # uncompressed size
    path.write_bytes(bytes(data))
    return path


def image_only_pdf(path: Path) -> Path:
    """A scanned-looking page: one image, no text layer."""
    image = Image.new("RGB", (850, 1100), "white")
    for x in range(100, 750):
        for y in range(200, 204):
            image.putpixel((x, y), (0, 0, 0))
    image.save(path, "PDF", resolution=100.0)
    return path


def empty_file(path: Path) -> Path:
    """Zero bytes."""
    path.write_bytes(b"")
    return path


# name -> (builder, the words its one-line reason must contain)
HOSTILE = {
    "encrypted.pdf": (encrypted_pdf, "encrypted: needs a password"),
    "truncated.pdf": (truncated_pdf, "damaged or truncated"),
    "webpage.pdf": (html_as_pdf, "not a PDF or DOCX"),
    "random.docx": (random_as_docx, "not a PDF or DOCX"),
    "bomb.docx": (docx_zip_bomb, "ZIP bomb"),
    "liar.docx": (docx_lying_bomb, "declares 2048 bytes but inflates to more (ZIP bomb?)"),
    "scanned.pdf": (image_only_pdf, "no text layer"),
    "empty.pdf": (empty_file, "empty file"),
    "prose.pdf": (prose_pdf, "no action-plan table found"),
}


_ODT_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
)


def linked_odt(path: Path, url: str) -> Path:
    """An .odt that links to ``url``: an image, a section, a background image, a hyperlink.

    It also holds one picture stored inside the package, which must survive link removal.
    """
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_ODT_NAMESPACES} '
        'office:version="1.2"><office:body><office:text>'
        f'<text:p>Visit <text:a xlink:type="simple" xlink:href="{url}/link">our site</text:a>'
        "</text:p>"
        '<text:p><draw:frame draw:name="remote" svg:width="2cm" svg:height="2cm" '
        'text:anchor-type="paragraph">'
        f'<draw:image xlink:href="{url}/image.png" xlink:type="simple" xlink:show="embed" '
        'xlink:actuate="onLoad"/></draw:frame></text:p>'
        '<text:p><draw:frame draw:name="inside" svg:width="1cm" svg:height="1cm" '
        'text:anchor-type="paragraph"><draw:image xlink:href="Pictures/dot.png" '
        'xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame></text:p>'
        f'<text:section text:name="S1"><text:section-source xlink:href="{url}/section.odt" '
        'xlink:type="simple"/><text:p>Section text</text:p></text:section>'
        "<text:p>Closing paragraph</text:p>"
        "</office:text></office:body></office:document-content>"
    )
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {_ODT_NAMESPACES} '
        'office:version="1.2"><office:styles><style:style style:name="Bg" style:family="paragraph">'
        '<style:paragraph-properties><style:background-image '
        f'xlink:href="{url}/background.png" xlink:type="simple"/>'
        "</style:paragraph-properties></style:style></office:styles></office:document-styles>"
    )
    settings = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-settings '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"><office:settings>'
        '<config:config-item-set config:name="ooo:configuration-settings">'
        '<config:config-item config:name="LinkUpdateMode" config:type="short">3'
        "</config:config-item></config:config-item-set></office:settings>"
        "</office:document-settings>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest='
        '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="Pictures/dot.png" '
        'manifest:media-type="image/png"/></manifest:manifest>'
    )
    dot = io.BytesIO()
    Image.new("RGB", (4, 4), "black").save(dot, "PNG")
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        for name, body in (("content.xml", content), ("styles.xml", styles),
                           ("settings.xml", settings), ("META-INF/manifest.xml", manifest)):
            zf.writestr(name, body, zipfile.ZIP_DEFLATED)
        zf.writestr("Pictures/dot.png", dot.getvalue(), zipfile.ZIP_DEFLATED)
    return path
