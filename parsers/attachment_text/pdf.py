"""PDF: the text layer, page by page, with pdfium (the PDF engine of Chrome).

Chosen over pdfminer.six and pypdf after measuring (bench/attachment_bench.py): pdfium
is C++ and reads Chinese fonts' ToUnicode maps and CID encodings correctly, many times
faster. Pages are joined with a form feed (as pdftotext does), so page N of the text
is page N of the file.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parsers.attachment_text.clean import broken_warning, clean_text
from parsers.attachment_text.result import AttachmentText, Limits

EXTRACTOR = "pdfium"
MEDIA_TYPE = "application/pdf"
PAGE_BREAK = "\f"


def _has_images(page: pdfium.PdfPage) -> bool:
    return next(iter(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2)), None) is not None


def extract_pdf(data: bytes, limits: Limits) -> AttachmentText:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            return AttachmentText.failed(MEDIA_TYPE, EXTRACTOR, "encrypted: the PDF needs a password to open")
        return AttachmentText.failed(MEDIA_TYPE, EXTRACTOR, f"pdf: cannot be read ({message})")
    try:
        n = len(pdf)
        if n > limits.max_pages:
            return AttachmentText.failed(
                MEDIA_TYPE, EXTRACTOR,
                f"too many pages: the PDF claims {n} pages, over the limit of {limits.max_pages}",
                pages=n,
            )  # fmt: skip
        texts: list[str] = []
        image_only: list[int] = []
        chars = 0
        for i in range(n):
            page = pdf[i]
            try:
                textpage = page.get_textpage()
                try:
                    text = clean_text(textpage.get_text_range())
                finally:
                    textpage.close()
                if not text and _has_images(page):
                    image_only.append(i + 1)
            finally:
                page.close()
            chars += len(text)
            texts.append(text)
            if chars > limits.max_chars:
                return AttachmentText.failed(
                    MEDIA_TYPE, EXTRACTOR,
                    f"too much text: over {limits.max_chars} characters by page {i + 1}", pages=n,
                )  # fmt: skip
    finally:
        pdf.close()
    if not any(texts):
        return AttachmentText(
            MEDIA_TYPE, EXTRACTOR, None, pages=n, needs_ocr=n > 0,
            warnings=[f"no text layer: {n} page(s) of images (a scan); `govarchive reparse --ocr` reads them"
                      if n else "pdf: no pages"],
        )  # fmt: skip
    result = AttachmentText(MEDIA_TYPE, EXTRACTOR, PAGE_BREAK.join(texts), pages=n)
    if image_only:
        shown = ", ".join(map(str, image_only[:20])) + (" ..." if len(image_only) > 20 else "")
        result.warnings.append(f"page(s) {shown} have no text layer (scanned pages)")
    broken = broken_warning(result.text or "")
    if broken:
        result.warnings.append(broken)
    return result
