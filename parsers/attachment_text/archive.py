"""Zip files of attachments: each member read by the dispatcher, within bounds.

Bounded three ways, so a zip cannot make the reader do unbounded work: depth (a zip in
a zip is read, deeper ones are not), member count, and declared unpacked size (see
zipcheck). Member names without the UTF-8 flag are GBK, as Chinese Windows writes them.
"""

from __future__ import annotations

from collections.abc import Callable

from parsers.attachment_text.result import AttachmentText, ExtractionError, Limits
from parsers.attachment_text.sniff import media_type
from parsers.attachment_text.zipcheck import open_checked

EXTRACTOR = "zip"


def member_name(info_name: str, flag_bits: int) -> str:
    if flag_bits & 0x800:
        return info_name
    try:
        return info_name.encode("cp437").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info_name


def extract_zip(
    data: bytes, limits: Limits, depth: int, read: Callable[[bytes, str, int], AttachmentText]
) -> AttachmentText:
    """`read(member_bytes, member_name, depth)` is the dispatcher, passed in to recurse."""
    mt = media_type("zip")
    if depth > limits.max_depth:
        return AttachmentText.failed(
            mt, EXTRACTOR, f"zip within zip: nested deeper than {limits.max_depth} levels, not read"
        )
    try:
        archive = open_checked(data, limits, "zip")
    except ExtractionError as exc:
        return AttachmentText.failed(mt, EXTRACTOR, str(exc))
    members = [i for i in archive.infolist() if not i.is_dir() and not i.filename.startswith("__MACOSX/")]
    warnings: list[str] = []
    if len(members) > limits.max_members:
        warnings.append(f"zip: {len(members)} files, only the first {limits.max_members} read")
        members = members[: limits.max_members]
    parts: list[str] = []
    scans = 0
    for info in members:
        name = member_name(info.filename, info.flag_bits)
        try:
            content = archive.read(info)
        except Exception as exc:  # encrypted member, bad CRC, unsupported compression
            warnings.append(f"{name}: cannot be unpacked ({type(exc).__name__}: {exc})")
            continue
        sub = read(content, name, depth + 1)
        warnings.extend(f"{name}: {w}" for w in sub.warnings)
        scans += sub.needs_ocr
        if sub.text:
            parts.append(f"=== {name} ===\n{sub.text}")
    text = "\n\n".join(parts)[: limits.max_chars] or None
    if text is None and not warnings:
        warnings.append("zip: no readable documents inside")
    return AttachmentText(mt, EXTRACTOR, text, pages=None, needs_ocr=text is None and scans > 0,
                          warnings=warnings)  # fmt: skip
