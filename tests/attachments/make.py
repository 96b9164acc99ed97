"""Attachment files made from known text, for the tests and the benchmark.

Every file is generated here from the strings given, so a test's expectation is the
text the file was made from, never what an extractor once printed.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zipfile
import zlib
from pathlib import Path

CJK_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",  # Debian: fonts-wqy-microhei
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",  # fonts-wqy-zenhei
)
INSTALL_HINT = "apt-get install fonts-wqy-microhei"


def cjk_font() -> str | None:
    return next((f for f in CJK_FONTS if Path(f).exists()), None)


def _reportlab_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = cjk_font()
    if font is None:
        raise RuntimeError(f"no CJK font: {INSTALL_HINT}")
    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", font, subfontIndex=0))
    return "WQY"


def pdf(pages: list[list[str]], *, encrypt: str | None = None) -> bytes:
    """A PDF with a text layer: each page a list of lines (Chinese welcome), font embedded."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _reportlab_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt=encrypt, invariant=1)
    width, height = A4
    for lines in pages:
        c.setFont(font, 12)
        y = height - 72
        for line in lines:
            c.drawString(72, y, line)
            y -= 18
        c.showPage()
    c.save()
    return buf.getvalue()


def image(lines: list[str], *, scale: int = 2) -> bytes:
    """Lines rendered to a PNG at about 300 dpi for 12 pt text: what a scanner makes."""
    from PIL import Image, ImageDraw, ImageFont

    font_path = cjk_font()
    if font_path is None:
        raise RuntimeError(f"no CJK font: {INSTALL_HINT}")
    size = 24 * scale
    font = ImageFont.truetype(font_path, size)
    width = size * (max(len(line) for line in lines) + 2)
    img = Image.new("L", (width, int(size * 1.8) * (len(lines) + 2)), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((size, size + int(size * 1.8) * i), line, font=font, fill=0)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def scanned_pdf(lines: list[str]) -> bytes:
    """A PDF whose one page is an image of the lines at 300 dpi (12 pt text): no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    png = image(lines)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    reader = ImageReader(io.BytesIO(png))
    w, h = reader.getSize()
    width, height = A4
    draw_w, draw_h = w * 72 / 300, h * 72 / 300
    c.drawImage(reader, 36, height - 36 - draw_h, width=draw_w, height=draw_h)
    c.showPage()
    c.save()
    return buf.getvalue()


def docx(paragraphs: list[str], table: list[list[str]] | None = None, after: list[str] | None = None) -> bytes:
    import docx as python_docx

    document = python_docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    for p in after or []:
        document.add_paragraph(p)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def xlsx(sheets: dict[str, list[list[object]]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


OFD_NS = "http://www.ofdspec.org/2016"


def ofd(pages: list[list[tuple[float, float, str]]], size: float = 4.0) -> bytes:
    """An OFD package: each page a list of (x, y, text) runs in mm (y = baseline).

    Runs are written in the order given, so a test can put them out of reading order.
    """
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "OFD.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{OFD_NS}" Version="1.1" DocType="OFD">'
            "<ofd:DocBody><ofd:DocInfo><ofd:DocID>govarchive-test</ofd:DocID></ofd:DocInfo>"
            "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        )
        page_refs = "".join(
            f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages))
        )
        z.writestr(
            "Doc_0/Document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{OFD_NS}">'
            '<ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea>'
            "<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData>"
            f"<ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>",
        )
        for i, runs in enumerate(pages):
            objects = "".join(
                f'<ofd:TextObject ID="{100 + j}" Boundary="{x:g} {y - size:g} {len(t) * size:g} {size * 1.4:g}" '
                f'Font="1" Size="{size:g}"><ofd:TextCode X="0" Y="{size:g}" '
                f'DeltaX="g {max(len(t) - 1, 1)} {size:g}">{_xml(t)}</ofd:TextCode></ofd:TextObject>'
                for j, (x, y, t) in enumerate(runs)
            )
            z.writestr(
                f"Doc_0/Pages/Page_{i}/Content.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{OFD_NS}">'
                f'<ofd:Content><ofd:Layer ID="{10 + i}">{objects}</ofd:Layer></ofd:Content></ofd:Page>',
            )
    return buf.getvalue()


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _GbkName(zipfile.ZipInfo):
    """A member name stored as GBK bytes without the UTF-8 flag, as Chinese Windows zips do."""

    def _encodeFilenameFlags(self):  # noqa: N802 - zipfile's own hook
        return self.filename.encode("gb18030"), self.flag_bits & ~0x800


def zipped(members: dict[str, bytes], *, utf8_names: bool = True) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members.items():
            info = zipfile.ZipInfo(name) if utf8_names else _GbkName(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content)
    return buf.getvalue()


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def doc_from_docx(docx_bytes: bytes, timeout: float = 120) -> bytes:
    """A legacy Word 97 DOC converted by LibreOffice from a DOCX (None where it is missing)."""
    office = soffice()
    if office is None:
        raise RuntimeError("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.docx"
        src.write_bytes(docx_bytes)
        subprocess.run(
            [office, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
             "--convert-to", "doc:MS Word 97", "--outdir", tmp, str(src)],
            check=True, capture_output=True, timeout=timeout,
        )  # fmt: skip
        return (Path(tmp) / "in.doc").read_bytes()


# -- hostile files ---------------------------------------------------------------------


def _raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF from its objects (1 0 obj is the catalog), with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (i, obj))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def million_page_pdf() -> bytes:
    """A 1 KB PDF whose page tree claims 1,000,000 pages (1000 x 1000 references to one page)."""
    kids1 = b"[" + b" ".join([b"3 0 R"] * 1000) + b"]"
    kids2 = b"[" + b" ".join([b"4 0 R"] * 1000) + b"]"
    return _raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids " + kids1 + b" /Count 1000000 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids " + kids2 + b" /Count 1000 >>",
        b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] >>",
    ])  # fmt: skip


def _deflate_bomb(unpacked: int, chunk: int = 16 << 20) -> bytes:
    """zlib data of `unpacked` zero digits, ~1000x smaller, made in a second.

    Each chunk is compressed after a full flush, which resets the compressor, so every
    chunk compresses to the same bytes: compressed once, repeated.
    """
    zeros = b"0" * chunk
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = co.compress(zeros) + co.flush(zlib.Z_FULL_FLUSH)
    n = max(unpacked // chunk, 1)
    total, v, mod = n * chunk, ord("0"), 65521  # adler32 of `total` equal bytes, in closed form
    a = (1 + total * v) % mod
    b = (total + v * total * (total + 1) // 2) % mod
    return b"\x78\xda" + block * n + co.flush() + ((b << 16) | a).to_bytes(4, "big")


def pdf_bomb(unpacked: int = 2 << 30) -> bytes:
    """A one-page PDF whose content stream inflates to `unpacked` bytes (2 GiB: ~2 MB file)."""
    stream = _deflate_bomb(unpacked)
    return _raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ])  # fmt: skip


def _zip_by_hand(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip from (name, raw deflate data, crc32, unpacked size): for members too large
    to compress in a test's time."""
    import struct

    out, central = io.BytesIO(), io.BytesIO()
    for name, data, crc, size in members:
        raw = name.encode()
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, 0, 0x21, crc, len(data), size, len(raw), 0))
        out.write(raw + data)
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, 8, 0, 0x21, crc,
                                  len(data), size, len(raw), 0, 0, 0, 0, 0, offset) + raw)  # fmt: skip
    cd = central.getvalue()
    start = out.tell()
    out.write(cd)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(cd), start, 0))
    return out.getvalue()


def zip_bomb(unpacked: int = 512 << 20) -> bytes:
    """A DOCX whose word/document.xml inflates to `unpacked` bytes (512 MiB from ~0.5 MB)."""
    chunk = 16 << 20
    zeros = b"0" * chunk
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = co.compress(zeros) + co.flush(zlib.Z_FULL_FLUSH)
    n = max(unpacked // chunk, 1)
    crc = 0
    for _ in range(n):
        crc = zlib.crc32(zeros, crc)
    types = b"<Types/>"
    co2 = zlib.compressobj(9, zlib.DEFLATED, -15)
    return _zip_by_hand([
        ("[Content_Types].xml", co2.compress(types) + co2.flush(), zlib.crc32(types), len(types)),
        ("word/document.xml", block * n + co.flush(), crc, n * chunk),
    ])  # fmt: skip


def nested_zip(depth: int, inner: bytes, name: str = "答复.pdf") -> bytes:
    """`inner` zipped `depth` times (a zip within a zip within ...)."""
    data, member = inner, name
    for level in range(depth):
        data, member = zipped({member: data}), f"level{depth - level}.zip"
    return data


# The start of an OLE compound file whose directory names a WordDocument stream: enough
# for the sniffer; the bytes go to a converter (which a test fakes).
OLE_WORD_HEADER = (
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le") + b"\x00" * 400
)
