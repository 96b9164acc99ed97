"""Word documents: DOCX with python-docx (paragraphs and tables, in body order), legacy
DOC and WPS through a converter the caller supplies (antiword or LibreOffice; see
result.Converter for why it is passed in)."""

from __future__ import annotations

import io

import docx
from docx.table import Table

from parsers.attachment_text.clean import broken_warning, clean_text
from parsers.attachment_text.result import AttachmentText, Converter, ExtractionError, Limits
from parsers.attachment_text.sniff import media_type
from parsers.attachment_text.zipcheck import open_checked

DOCX_EXTRACTOR = "python-docx"


def _table_lines(table: Table) -> list[str]:
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:  # a merged cell comes back once per grid column it spans
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
        if any(cells):
            lines.append("\t".join(cells))
    return lines


def extract_docx(data: bytes, limits: Limits) -> AttachmentText:
    mt = media_type("docx")
    try:
        open_checked(data, limits, "docx")
        document = docx.Document(io.BytesIO(data))
    except ExtractionError as exc:
        return AttachmentText.failed(mt, DOCX_EXTRACTOR, str(exc))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors ...
        return AttachmentText.failed(mt, DOCX_EXTRACTOR, f"docx: cannot be read ({type(exc).__name__}: {exc})")
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_lines(block))
        else:
            lines.append(block.text)
    text = clean_text("\n".join(lines))[: limits.max_chars]
    if not text:
        return AttachmentText.failed(mt, DOCX_EXTRACTOR, "docx: the document holds no text")
    result = AttachmentText(mt, DOCX_EXTRACTOR, text)
    broken = broken_warning(text)
    if broken:
        result.warnings.append(broken)
    return result


def extract_legacy(data: bytes, kind: str, converter: Converter | None, limits: Limits) -> AttachmentText:
    """DOC or WPS (both OLE compound files) via `converter`, which names itself."""
    mt = media_type(kind)
    if converter is None:
        return AttachmentText.failed(
            mt, "none", f"{kind}: no converter for legacy Word/WPS files (install antiword or LibreOffice)"
        )
    try:
        text = clean_text(converter(data, kind))[: limits.max_chars]
    except ExtractionError as exc:
        return AttachmentText.failed(mt, _name(converter), str(exc))
    name = _name(converter)  # a converter trying several programs names the one that worked
    if not text:
        return AttachmentText.failed(mt, name, f"{kind}: the document holds no text")
    result = AttachmentText(mt, name, text)
    broken = broken_warning(text)
    if broken:
        result.warnings.append(broken)
    return result


def _name(converter: Converter) -> str:
    return str(getattr(converter, "name", getattr(converter, "__name__", "converter")))
