"""Word documents: DOCX with python-docx (paragraphs and tables, in body order), legacy
DOC and WPS through a converter the caller supplies (antiword or LibreOffice; see
result.Converter for why it is passed in)."""

from __future__ import annotations

import io

import docx

from parsers.attachment_text.clean import broken_warning, clean_text
from parsers.attachment_text.result import AttachmentText, Converter, ExtractionError, Limits
from parsers.attachment_text.sniff import media_type
from parsers.attachment_text.zipcheck import open_checked

DOCX_EXTRACTOR = "python-docx"


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _text(element: object) -> str:
    """The text of a paragraph or cell: its w:t runs, w:tab as a tab, w:br as a newline."""
    parts = []
    for node in element.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"):  # type: ignore[attr-defined]
        tag = node.tag
        if tag == f"{W}t":
            parts.append(node.text or "")
        else:
            parts.append("\t" if tag == f"{W}tab" else "\n")
    return "".join(parts)


def _table_lines(table: object) -> list[str]:
    """Rows as tab-separated cells. Walked as XML: python-docx's row.cells rebuilds the
    grid on every call, which made tables 2/3 of the reading time (measured)."""
    lines = []
    for row in table.iterchildren(f"{W}tr"):  # type: ignore[attr-defined]
        cells = []
        for cell in row.iterchildren(f"{W}tc"):
            paragraphs = [_text(p).strip() for p in cell.iterchildren(f"{W}p")]
            nested = [line for t in cell.iterchildren(f"{W}tbl") for line in _table_lines(t)]
            cells.append(" ".join(x for x in [*paragraphs, *nested] if x))
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
    for block in document.element.body.iterchildren(f"{W}p", f"{W}tbl", f"{W}sdt"):
        if block.tag == f"{W}tbl":
            lines.extend(_table_lines(block))
        elif block.tag == f"{W}sdt":  # a content control (often a cover or a form field)
            lines.extend(_text(p) for p in block.iter(f"{W}p"))
        else:
            lines.append(_text(block))
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
