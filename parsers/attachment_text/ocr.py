"""OCR of scans: pages rendered to images here (pure), read by a recognizer the caller
passes in (tesseract, a subprocess: see flows/attachment_ocr.py)."""

from __future__ import annotations

import io
from collections.abc import Callable

import pypdfium2 as pdfium

from parsers.attachment_text.clean import clean_text, join_han
from parsers.attachment_text.result import AttachmentText, ExtractionError, Limits
from parsers.attachment_text.sniff import IMAGES, media_type, sniff

# image (PNG bytes) -> text
Recognizer = Callable[[bytes], str]
DPI = 300  # tesseract reads 10-12 pt Chinese reliably from 300 dpi


def page_images(data: bytes, limits: Limits, dpi: int = DPI) -> list[bytes]:
    """Each page of a PDF as PNG, or the image itself."""
    kind = sniff(data)
    if kind in IMAGES:
        return [data]
    if kind != "pdf":
        raise ExtractionError(f"ocr: {kind} files are not read by OCR")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ExtractionError(f"ocr: the PDF cannot be opened ({exc})") from exc
    try:
        if len(pdf) > limits.max_pages:
            raise ExtractionError(f"too many pages for OCR: {len(pdf)}")
        images = []
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                bitmap = page.render(scale=dpi / 72, grayscale=True)
                buf = io.BytesIO()
                bitmap.to_pil().save(buf, format="PNG")
                images.append(buf.getvalue())
            finally:
                page.close()
        return images
    finally:
        pdf.close()


def ocr(data: bytes, recognize: Recognizer, engine: str, limits: Limits) -> AttachmentText:
    mt = media_type(sniff(data))
    try:
        pages = [join_han(clean_text(recognize(image))) for image in page_images(data, limits)]
    except ExtractionError as exc:
        return AttachmentText.failed(mt, engine, str(exc))
    text = "\f".join(pages)
    if not text.strip():
        return AttachmentText(mt, engine, None, pages=len(pages), needs_ocr=True,
                              warnings=["ocr: no text recognised"])  # fmt: skip
    return AttachmentText(mt, engine, text, pages=len(pages), needs_ocr=True)
