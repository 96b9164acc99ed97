"""Zip containers (DOCX, XLSX, OFD and plain zips) checked before a reader opens them.

A decompression bomb declares its sizes honestly (zipfile stops reading a member at
its declared size and checks the CRC), so refusing by declared size and ratio catches
it before a byte is inflated.
"""

from __future__ import annotations

import io
import zipfile

from parsers.attachment_text.result import ExtractionError, Limits


def open_checked(data: bytes, limits: Limits, what: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise ExtractionError(f"{what}: not a readable zip container ({exc})") from exc
    infos = archive.infolist()
    if len(infos) > limits.max_members * 50 and what != "zip":  # an office file has tens of parts
        raise ExtractionError(f"{what}: {len(infos)} parts, not an office document")
    total = sum(i.file_size for i in infos)
    if total > limits.max_unpacked:
        raise ExtractionError(
            f"decompression bomb: {what} unpacks to {total} bytes, over the limit of {limits.max_unpacked}"
        )
    for info in infos:
        if info.file_size > 1_000_000 and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise ExtractionError(
                f"decompression bomb: {what} member {info.filename!r} unpacks "
                f"{info.file_size // max(info.compress_size, 1)}x ({info.file_size} bytes)"
            )
    return archive
