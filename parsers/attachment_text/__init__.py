"""Text out of attachments (PDF, DOCX, DOC/WPS, XLS/XLSX, OFD, zip), as pure functions of bytes.

    extract(data, name=None, converter=None) -> AttachmentText

The format is sniffed from the bytes (sniff.py), never taken from the name or the
server's Content-Type. No I/O happens here; the one external program (a DOC/WPS
converter) is passed in by the caller. Hostile input is bounded by `Limits` with a
clear reason; the caller runs this in a child process with memory and time limits
(flows/attachment_sandbox.py) for what a library might still do wrong.

The readers (pdfium, python-docx, calamine: ~40 MB) are imported on first use, so a
crawl that only hands bytes to the sandbox never loads them itself.
"""

from __future__ import annotations

from parsers.attachment_text.result import AttachmentText, Converter, ExtractionError, Limits
from parsers.attachment_text.sniff import sniff

# bumped when a reader changes what it produces (stored with each row)
EXTRACTOR_VERSION = "1"

__all__ = [
    "EXTRACTOR_VERSION", "AttachmentText", "Converter", "ExtractionError", "Limits",
    "extract", "ocr", "sniff",
]  # fmt: skip


def extract(
    data: bytes,
    name: str | None = None,
    *,
    converter: Converter | None = None,
    limits: Limits | None = None,
) -> AttachmentText:
    """The text of one attachment; never raises for bad input (the reason is in warnings)."""
    from parsers.attachment_text.dispatch import extract as dispatch

    return dispatch(data, name, converter=converter, limits=limits)


def ocr(data: bytes, recognize, engine: str, limits: Limits | None = None) -> AttachmentText:  # noqa: ANN001
    """OCR of a scan (PDF pages or an image) with `recognize(png_bytes) -> text` (ocr.py)."""
    from parsers.attachment_text.ocr import ocr as run

    return run(data, recognize, engine, limits or Limits())
