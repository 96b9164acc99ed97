"""OFD (GB/T 33190, China's fixed-layout format for official documents): a zip of XML.

Read with the standard library: OFD.xml names the document, Document.xml lists its
pages, each page's Content.xml holds TextObjects placed by coordinates (mm from the
top left). Text is put in reading order from those coordinates: objects are grouped
into lines by their baseline, lines read top to bottom, each line left to right.
easyofd renders OFD to PDF and images (it pulls in reportlab, PIL, fontTools); for
text alone the XML is enough and orders of magnitude lighter.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass

from parsers.attachment_text.clean import clean_text
from parsers.attachment_text.result import AttachmentText, ExtractionError, Limits
from parsers.attachment_text.sniff import media_type
from parsers.attachment_text.zipcheck import open_checked

EXTRACTOR = "ofd-xml"
PAGE_BREAK = "\f"


@dataclass(slots=True)
class _Run:
    x: float
    y: float  # baseline, page coordinates
    size: float
    text: str


def _floats(value: str | None, n: int) -> list[float]:
    parts = (value or "").replace(",", " ").split()
    try:
        out = [float(p) for p in parts[:n]]
    except ValueError:
        out = []
    return out + [0.0] * (n - len(out))


def _read_xml(archive: zipfile.ZipFile, path: str) -> ET.Element:
    name = path.lstrip("/")
    try:
        return ET.fromstring(archive.read(name))
    except KeyError as exc:
        raise ExtractionError(f"ofd: part {name!r} is missing") from exc
    except ET.ParseError as exc:
        raise ExtractionError(f"ofd: part {name!r} is not well-formed XML ({exc})") from exc


def _resolve(base_file: str, loc: str) -> str:
    if loc.startswith("/"):
        return loc.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base_file.lstrip("/")), loc))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _runs(page: ET.Element) -> list[_Run]:
    runs = []
    for obj in page.iter():
        if _local(obj.tag) != "TextObject":
            continue
        bx, by = _floats(obj.get("Boundary"), 2)
        size = _floats(obj.get("Size"), 1)[0] or 3.5
        for code in obj:
            if _local(code.tag) != "TextCode" or not code.text:
                continue
            x, y = _floats(f"{code.get('X', '0')} {code.get('Y', '0')}", 2)
            runs.append(_Run(bx + x, by + y, size, code.text))
    return runs


def reading_order(runs: list[_Run]) -> str:
    """Lines top to bottom (runs whose baselines lie within half a glyph), each left to right."""
    lines: list[list[_Run]] = []
    for run in sorted(runs, key=lambda r: (r.y, r.x)):
        if lines and abs(run.y - lines[-1][0].y) <= max(run.size, lines[-1][0].size) / 2:
            lines[-1].append(run)
        else:
            lines.append([run])
    return "\n".join("".join(r.text for r in sorted(line, key=lambda r: r.x)) for line in lines)


def extract_ofd(data: bytes, limits: Limits) -> AttachmentText:
    mt = media_type("ofd")
    try:
        archive = open_checked(data, limits, "ofd")
        names = {n.lower(): n for n in archive.namelist()}
        root = _read_xml(archive, names.get("ofd.xml", "OFD.xml"))
        doc_roots = [e.text.strip() for e in root.iter() if _local(e.tag) == "DocRoot" and e.text]
        if not doc_roots:
            raise ExtractionError("ofd: OFD.xml names no document (DocRoot)")
        texts: list[str] = []
        for doc_root in doc_roots[:1]:  # a package may hold several documents; the first is the letter
            doc_path = doc_root.lstrip("/")
            document = _read_xml(archive, doc_path)
            pages = [p for p in document.iter() if _local(p.tag) == "Page" and p.get("BaseLoc")]
            if len(pages) > limits.max_pages:
                raise ExtractionError(
                    f"too many pages: the OFD claims {len(pages)} pages, over the limit of {limits.max_pages}"
                )
            for page in pages:
                content = _read_xml(archive, _resolve(doc_path, page.get("BaseLoc", "")))
                texts.append(clean_text(reading_order(_runs(content))))
    except ExtractionError as exc:
        return AttachmentText.failed(mt, EXTRACTOR, str(exc))
    if not any(texts):
        return AttachmentText(
            mt, EXTRACTOR, None, pages=len(texts), needs_ocr=bool(texts),
            warnings=[f"no text layer: {len(texts)} page(s) without text objects (a scan)"],
        )  # fmt: skip
    return AttachmentText(mt, EXTRACTOR, PAGE_BREAK.join(texts)[: limits.max_chars], pages=len(texts))
