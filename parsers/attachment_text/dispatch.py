"""The dispatcher: a sniffed kind of file to its reader (see the package's docstring)."""

from __future__ import annotations

from parsers.attachment_text.archive import extract_zip
from parsers.attachment_text.ofd import extract_ofd
from parsers.attachment_text.pdf import extract_pdf
from parsers.attachment_text.result import AttachmentText, Converter, Limits
from parsers.attachment_text.sheet import extract_sheet
from parsers.attachment_text.sniff import IMAGES, media_type, sniff
from parsers.attachment_text.word import extract_docx, extract_legacy


def extract(
    data: bytes,
    name: str | None = None,
    *,
    converter: Converter | None = None,
    limits: Limits | None = None,
    depth: int = 1,
) -> AttachmentText:
    """The text of one attachment; never raises for bad input (the reason is in warnings)."""
    limits = limits or Limits()
    kind = sniff(data, name)
    try:
        return _dispatch(data, kind, name, converter, limits, depth)
    except MemoryError:
        raise  # the sandbox reports it (and restarts its process)
    except RecursionError:
        return AttachmentText.failed(media_type(kind), kind, f"{kind}: nested too deeply to read")
    except Exception as exc:  # a reader bug on odd input is a warning, not a crash
        return AttachmentText.failed(media_type(kind), kind, f"{kind}: reader failed ({type(exc).__name__}: {exc})")


def _dispatch(
    data: bytes, kind: str, name: str | None, converter: Converter | None, limits: Limits, depth: int
) -> AttachmentText:
    if kind == "pdf":
        return extract_pdf(data, limits)
    if kind == "docx":
        return extract_docx(data, limits)
    if kind in ("xlsx", "xls"):
        return extract_sheet(data, kind, limits)
    if kind == "ofd":
        return extract_ofd(data, limits)
    if kind in ("doc", "wps"):
        return extract_legacy(data, kind, converter, limits)
    if kind == "zip":

        def read(member: bytes, member_name: str, member_depth: int) -> AttachmentText:
            return extract(member, member_name, converter=converter, limits=limits, depth=member_depth)

        return extract_zip(data, limits, depth, read)
    mt = media_type(kind)
    if kind in IMAGES:
        return AttachmentText(mt, "none", None, pages=1, needs_ocr=True,
                              warnings=["no text layer: an image (a scan); `govarchive reparse --ocr` reads it"])  # fmt: skip
    if kind == "html":
        claimed = f" (named {name!r})" if name else ""
        return AttachmentText.failed(mt, "none", f"not a document: the file holds an HTML page{claimed}")
    if kind == "empty":
        return AttachmentText.failed(mt, "none", "empty: the file has no content")
    return AttachmentText.failed(mt, "none", f"unsupported: {kind} files are not read")
