"""What text extraction gives back for one attachment, and the limits it works within."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field


@dataclass(slots=True)
class Limits:
    """Bounds on what one attachment may make the extractor do.

    They stop a hostile file early and with a clear reason; the child process's memory
    and time limits (flows/attachment_sandbox.py) are the backstop for what slips past.
    """

    max_pages: int = 2000  # PDF pages (a real reply has 1-50)
    max_members: int = 200  # files in one zip
    max_depth: int = 2  # a zip inside a zip is read; one more level is not
    max_unpacked: int = 256 * 2**20  # declared uncompressed bytes of one zip (all members)
    max_ratio: int = 200  # declared uncompressed / compressed size of a zip member
    max_chars: int = 5_000_000  # text kept per attachment
    max_cells: int = 2_000_000  # spreadsheet cells read


@dataclass(slots=True)
class AttachmentText:
    """The text of one attachment, or why there is none.

    `text` is None when nothing could be read; `warnings` then says why. `needs_ocr`
    marks a document whose pages are images (a scan): it has no text until OCR.
    """

    media_type: str  # as sniffed from the bytes, not as the server or the name claims
    extractor: str  # which reader produced the result, e.g. "pdfium", "python-docx"
    text: str | None = None
    pages: int | None = None  # PDF/OFD pages, spreadsheet sheets; None where meaningless
    needs_ocr: bool = False
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def failed(cls, media_type: str, extractor: str, reason: str, **extra: object) -> AttachmentText:
        return cls(media_type=media_type, extractor=extractor, warnings=[reason], **extra)  # type: ignore[arg-type]


class ExtractionError(Exception):
    """A file the reader cannot read; its message becomes the row's warning."""


# Legacy Word (DOC) and WPS are read by an external program (antiword, LibreOffice),
# which is I/O: the caller passes it in, so the extraction itself stays a pure function
# of bytes. It gets the bytes and the sniffed kind ("doc" | "wps") and returns the text,
# or raises ExtractionError.
Converter = Callable[[bytes, str], str]
