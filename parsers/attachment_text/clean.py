"""Text as readers hand it over, made fit to store and search.

PDF fonts in Chinese government documents often map characters to the Kangxi Radicals
or CJK Compatibility blocks (⽇ U+2F47 for 日 U+65E5): they look right and match nothing.
Those code points are folded to the unified ideographs (NFKC, for those blocks only: NFKC
of the whole text would also turn full-width punctuation ，into ASCII). Control
characters readers emit (NUL, U+FFFE, pdfium's U+0002 hyphen marks) are dropped.
"""

from __future__ import annotations

import re
import unicodedata

_FOLD = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\u3000\xa0]+\n")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = _FOLD.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    text = _SPACES.sub("\n", text)
    return _BLANK_LINES.sub("\n\n", text).strip()


def broken_warning(text: str) -> str | None:
    """A warning when the reader could not map some glyphs to characters (U+FFFD)."""
    n = text.count("\ufffd")
    return f"{n} character(s) could not be decoded (U+FFFD)" if n else None


_HAN_GAP = re.compile(r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]) +(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])")


def join_han(text: str) -> str:
    """Remove the spaces OCR puts between Chinese characters (数 据 → 数据)."""
    return _HAN_GAP.sub("", text)
