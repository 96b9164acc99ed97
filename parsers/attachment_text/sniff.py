"""What a file is, told by its bytes: the name and Content-Type of an attachment lie often
(a `.pdf` that is the site's HTML error page, a DOCX served as application/octet-stream).
"""

from __future__ import annotations

import io
import zipfile

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "ofd": "application/ofd",
    "zip": "application/zip",
    "doc": "application/msword",
    "wps": "application/kswps",
    "xls": "application/vnd.ms-excel",
    "ole": "application/x-ole-storage",
    "rar": "application/vnd.rar",
    "7z": "application/x-7z-compressed",
    "rtf": "application/rtf",
    "html": "text/html",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "tiff": "image/tiff",
    "bmp": "image/bmp",
    "empty": "application/x-empty",
    "unknown": "application/octet-stream",
}
IMAGES = ("png", "jpeg", "gif", "tiff", "bmp")


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _zip_kind(data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return "zip"  # a broken zip: the archive reader will say what is wrong
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if "OFD.xml" in names or "ofd.xml" in names:
        return "ofd"
    return "zip"


def _ole_kind(data: bytes, name: str | None) -> str:
    # directory entries hold stream names in UTF-16LE; a byte search finds them without
    # parsing the compound file (the reader parses it properly later)
    if _utf16("WordDocument") in data:
        return "wps" if (name or "").lower().endswith(".wps") else "doc"
    if _utf16("Workbook") in data or _utf16("Book") in data:
        return "xls"
    return "ole"


def sniff(data: bytes, name: str | None = None) -> str:
    """The kind of file: one of MEDIA_TYPES' keys."""
    if not data.strip():
        return "empty"
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if data.startswith(OLE_MAGIC):
        return _ole_kind(data, name)
    if data.startswith(b"Rar!\x1a\x07"):
        return "rar"
    if data.startswith(b"7z\xbc\xaf\x27\x1c"):
        return "7z"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if data.startswith(b"BM"):
        return "bmp"
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml", b"<script")) or (
        b"<html" in lowered
    ):
        return "html"
    return "unknown"


def media_type(kind: str) -> str:
    return MEDIA_TYPES.get(kind, MEDIA_TYPES["unknown"])
