"""Bytes + Content-Type -> text, the encoding used and how sure we are of it.

A page decoded with the wrong charset is silently lost data (mojibake looks like text
to every later layer), so this module would rather refuse than guess: declarations
are checked against the bytes, UTF-8 is only chosen when the bytes prove it, and the
detector's verdict is accepted only above `MIN_CONFIDENCE`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from parsers.errors import ParseError

MIN_CONFIDENCE = 0.6  # below this the detector's guess is refused, not stored
DETECT_SAMPLE = 256 * 1024  # the detector sees at most this many bytes (speed on 20 MB pages)
META_SNIFF = 4096  # meta charset must be declared within this many bytes (HTML spec: 1024)

# Decoding GB2312/GBK as GB18030 loses nothing (superset) and rescues the many pages
# that declare gb2312 but use GBK-only characters.
_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "gb_2312-80": "gb18030",
    "gb_2312": "gb18030",
    "euc-cn": "gb18030",
    "hz-gb-2312": "gb18030",
    "iso-8859-1": "windows-1252",  # WHATWG: latin-1 labels mean windows-1252
    "latin1": "windows-1252",
    "us-ascii": "windows-1252",
    "ascii": "windows-1252",
    "utf8": "utf-8",
    "unicode": "utf-16",
}
# Single-byte charsets never fail to decode, so a declaration of one proves nothing
# about a page with high bytes (a common server default in front of GBK pages).
_SINGLE_BYTE_PREFIXES = ("cp125", "windows-125", "iso8859", "iso-8859", "latin", "koi8", "mac", "ascii")


def _single_byte(encoding: str) -> bool:
    return encoding.startswith(_SINGLE_BYTE_PREFIXES)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"Rar!\x1a\x07", "rar"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\x1f\x8b", "gzip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),  # doc/xls/wps
    (b"BM", "bmp"),
    (b"RIFF", "riff"),
    (b"\x00\x00\x01\x00", "ico"),
    (b"OFD", "ofd"),
    (b"\x7fELF", "elf"),
)
_BINARY_TYPES = re.compile(r"^(image|audio|video|font)/|^application/(pdf|zip|x-rar|octet-stream|msword|vnd\.)")
_HTTP_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([\w.:-]+)", re.I)
# Control bytes no text page holds (0x00-0x08, 0x0e-0x1a, 0x1c-0x1f: tab, newlines, form
# feed and ESC are allowed), as a deletion table: how many a sample holds is the length
# `bytes.translate` takes off it (one C pass, ~10x faster than counting regex matches).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text plus the evidence for it: which codec, how confident, and what was odd.

    `text` is made on first use when the page is valid UTF-8 (`_text` None, `chars` its
    length): the HTML parser takes `utf8` as it is and reads only `head()` and `length`,
    so most pages never need the str.
    """

    _text: str | None
    encoding: str
    confidence: float
    warnings: tuple[str, ...] = ()
    # The page's own bytes when they are exactly `text` in UTF-8 (ASCII, or strictly valid
    # UTF-8 without a BOM): a UTF-8 parser can take them as they are, instead of
    # re-encoding `text` (on a 100 KB Chinese page that costs a sixth of a lexbor parse).
    utf8: bytes | None = None
    chars: int | None = None  # len(text), when `_text` is not made yet

    @property
    def text(self) -> str:
        if self._text is None:
            object.__setattr__(self, "_text", (self.utf8 or b"").decode("utf-8"))
        return self._text  # type: ignore[return-value]  # (set just above)

    @property
    def length(self) -> int:
        """len(text), without making it."""
        return self.chars if self._text is None and self.chars is not None else len(self.text)

    def head(self, n: int) -> str:
        """text[:n], without making the whole text: n characters take at most 4n bytes
        of UTF-8, and a character cut at that end is dropped ("ignore") past the n kept."""
        if self._text is None and self.utf8 is not None:
            return self.utf8[: 4 * n].decode("utf-8", "ignore")[:n]
        return self.text[:n]


def normalize_charset(label: str | None) -> str | None:
    """A charset label as Python knows it, with the GB family widened to GB18030."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _ALIASES.get(name, name).replace("_", "-") if name != "gb18030" else "gb18030"


def http_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    m = _HTTP_CHARSET.search(content_type)
    return normalize_charset(m.group(1)) if m else None


def meta_charset(content: bytes) -> str | None:
    """The charset a page declares for itself: `<meta ... charset>` or an XML declaration."""
    m = _META_CHARSET.search(content[:META_SNIFF]) or _XML_DECL.search(content[:200])
    return normalize_charset(m.group(1).decode("ascii", "ignore")) if m else None


def sniff_binary(content: bytes, content_type: str | None = None) -> str | None:
    """The kind of non-text payload, or None when the bytes may be text."""
    head = content[:16]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            # "BM"/"RIFF"/"OFD" are too short to trust alone: require no tag soon after.
            if kind in ("bmp", "riff", "ofd") and b"<" in content[:64]:
                continue
            return kind
    sample = content[:4096]
    if not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
        if controls > max(2, len(sample) // 100):
            return "binary"
    if content_type and _BINARY_TYPES.search(content_type.lower()) and b"<" not in sample:
        return content_type.split(";")[0].strip()
    return None


def _utf8_chars_by_decoding(content: bytes) -> int:
    text = _strict(content, "utf-8")
    return -1 if text is None else len(text)


# How many characters valid UTF-8 holds (-1: not valid), in C when `parsers._textscan`
# is built (the same answer as decoding, without making the str; see `_textscan.c`).
try:
    from parsers._textscan import utf8_length as utf8_chars
except ImportError:  # no C compiler at install: the str is made, measured and dropped
    utf8_chars = _utf8_chars_by_decoding


def _strict(content: bytes, encoding: str) -> str | None:
    try:
        return content.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


MAX_BAD_SHARE = 0.03  # undecodable sequences per non-ASCII character tolerated as damage


def _tolerant(content: bytes, encoding: str) -> tuple[str, int, float] | None:
    """Decode keeping stray bad bytes as U+FFFD; None when errors are more than damage.

    Real pages carry the odd broken byte (a truncated download cuts a character in
    half; a CMS pastes one GBK character into a UTF-8 page). A few per hundred
    characters is damage to a right codec; more means the codec is wrong. Returns the
    text, the number of bad sequences and a confidence that falls with their share.
    """
    try:
        text = content.decode(encoding, errors="replace")
    except LookupError:
        return None
    bad = text.count("\ufffd") - content.count("\ufffd".encode("utf-8"))
    non_ascii = (len(text) - len(text.encode("ascii", "ignore"))) or 1
    share = bad / non_ascii
    if bad <= 3 or share <= MAX_BAD_SHARE:
        confidence = 0.95 if bad <= 3 else max(MIN_CONFIDENCE, 0.9 - 10 * share)
        return text, bad, round(confidence, 3)
    return None


def _is_ascii(content: bytes) -> bool:
    return content.isascii()


def _cjk_share(text: str) -> float:
    """Share of the non-ASCII characters that are CJK ideographs or CJK punctuation."""
    non_ascii = [ch for ch in text[:20000] if ord(ch) > 127]
    if not non_ascii:
        return 0.0
    cjk = sum(1 for ch in non_ascii if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")
    return cjk / len(non_ascii)


def _detect(content: bytes) -> tuple[str, float] | None:
    sample = content[:DETECT_SAMPLE]
    best = from_bytes(sample, preemptive_behaviour=False).best()
    if best is None:
        return None
    encoding = normalize_charset(best.encoding) or best.encoding
    confidence = max(0.0, 1.0 - float(best.chaos))
    if best.coherence == 0 and not sample.isascii():
        confidence *= 0.8
    return encoding, round(confidence, 3)


def decode(content: bytes, content_type: str | None = None) -> Decoded:
    """Decode page bytes or raise `ParseError` (kind empty / binary / decode).

    Order of evidence: BOM; bytes that are valid UTF-8 with multibyte characters (a
    GBK page is practically never valid UTF-8, so this beats any declaration); the
    HTTP and meta declarations, each verified by a strict decode; then the detector.
    """
    if not content or content.isspace():  # (strip() would copy the whole page to say so)
        raise ParseError("empty response body", kind="empty")
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if content.startswith(bom):
            name = "utf-8" if enc == "utf-8-sig" else enc
            text = _strict(content, enc)
            if text is not None:
                return Decoded(text, name, 1.0)
            text = content.decode(enc, errors="replace")
            bad = text.count("\ufffd")
            return Decoded(text, name, 0.9, (f"{bad} undecodable byte sequence(s) replaced ({name})",))
    kind = sniff_binary(content, content_type)
    if kind:
        raise ParseError(f"not a text page: {kind} content", kind="binary")

    declared = [c for c in (http_charset(content_type), meta_charset(content)) if c]
    warnings: list[str] = []
    if len(set(declared)) > 1:
        warnings.append(f"charset declarations disagree: http={declared[0]} meta={declared[1]}")

    if _is_ascii(content):
        return Decoded(
            content.decode("ascii"), declared[0] if declared else "ascii", 1.0, tuple(warnings), utf8=content
        )

    chars = utf8_chars(content)
    if chars >= 0:
        if declared and "utf-8" not in declared:
            warnings.append(f"declared {declared[0]} but bytes are valid UTF-8")
        confidence = 1.0 if not declared or "utf-8" in declared else 0.95
        return Decoded(None, "utf-8", confidence, tuple(warnings), utf8=content, chars=chars)

    for enc in dict.fromkeys(declared):
        if _single_byte(enc) or enc == "utf-8":
            continue
        text = _strict(content, enc)
        if text is not None:
            return Decoded(text, enc, 1.0 if len(set(declared)) == 1 else 0.9, tuple(warnings))

    # Truncated or damaged pages: UTF-8 first (a GB page read as UTF-8 fails loudly,
    # while UTF-8 read as GB18030 fails quietly), then the declared codec.
    for enc in dict.fromkeys(["utf-8", *[d for d in declared if not _single_byte(d)]]):
        tolerant = _tolerant(content, enc)
        if tolerant is not None:
            text, bad, confidence = tolerant
            warnings.append(f"{bad} undecodable byte sequence(s) replaced ({enc})")
            return Decoded(text, enc, confidence, tuple(warnings))

    detected = _detect(content)
    if declared:
        warnings.append(f"declared charset {declared[0]} does not fit the bytes")
    if detected is None:
        raise ParseError("could not detect the text encoding", kind="decode")
    enc, confidence = detected
    if _single_byte(enc):
        # These sites write Chinese: bytes that decode strictly as GB18030 into CJK text
        # are far likelier GB-encoded than Western text full of accented letters.
        gb = _strict(content, "gb18030")
        if gb is not None and _cjk_share(gb) > 0.8:
            enc, confidence = "gb18030", max(confidence * 0.9, MIN_CONFIDENCE + 0.1)
    if confidence < MIN_CONFIDENCE:
        raise ParseError(
            f"encoding guess {enc} too uncertain ({confidence:.2f} < {MIN_CONFIDENCE})", kind="decode"
        )
    text = _strict(content, enc)
    if text is None:
        tolerant = _tolerant(content, enc)
        if tolerant is None:
            raise ParseError(f"detected encoding {enc} does not decode the page", kind="decode")
        text, _, damaged = tolerant
        confidence = min(confidence, damaged)
    confidence = min(confidence, 0.95)  # a guess, however clean, ranks below a verified declaration
    warnings.append(f"encoding detected as {enc}")
    return Decoded(text, enc, confidence, tuple(warnings))
