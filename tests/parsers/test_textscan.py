"""`parsers._textscan` answers as Python does: `utf8_length` what decoding would (the
character count of strictly valid UTF-8 by CPython's decoder's rules, -1 for anything that
decoder refuses), `words_in` (through `text.words_present`) what `word in text` would."""

from __future__ import annotations

import itertools
import os
import random

import pytest

from parsers import decode as decode_mod
from parsers import text as text_mod
from parsers.pipeline import _PAGE_WORDS

try:
    from parsers._textscan import utf8_length
except ImportError:  # not built: the tests below have nothing to check
    utf8_length = None

NOT_BUILT = "parsers._textscan is not built (no C compiler at install): UTF-8 is checked by decoding"
needs_c = pytest.mark.skipif(utf8_length is None, reason=NOT_BUILT)


def expected(data: bytes) -> int:
    try:
        return len(data.decode("utf-8"))
    except UnicodeDecodeError:
        return -1


def test_the_extension_is_built_where_the_tests_run() -> None:
    if utf8_length is None and not os.environ.get("CI"):
        pytest.skip(NOT_BUILT)
    assert utf8_length is not None, NOT_BUILT
    assert decode_mod.utf8_chars is utf8_length


@needs_c
@pytest.mark.parametrize(
    "data",
    [
        b"", b"a", b"plain ascii, longer than one eight-byte word", "政协提案答复".encode(),
        "abcdefg政".encode(), "𠀀 (U+20000) and U+10FFFF: \U0010ffff".encode(),
        b"\xc0\xaf", b"\xc1\xbf", b"\xe0\x80\xaf", b"\xf0\x80\x80\xaf",  # overlong forms
        b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xed\x9f\xbf",  # surrogates; U+D7FF is fine
        b"\xf4\x90\x80\x80", b"\xf5\x80\x80\x80", b"\xff", b"\xfe",  # past U+10FFFF; never bytes
        b"\x80", b"abcdefgh\xbf", "政".encode()[:2], b"12345678" + "政".encode()[:1],  # cut or stray
        "页".encode("gbk") * 5, b"\xef\xbb\xbfBOM",
    ],
)
def test_answers_as_decoding_does(data: bytes) -> None:
    assert utf8_length(data) == expected(data)


@needs_c
def test_every_sequence_of_up_to_three_bytes_from_the_edges_of_the_ranges() -> None:
    # Every lead and continuation byte where a rule changes, in every position of a
    # sequence, after ASCII of every length up to a word (the eight-byte fast path).
    edges = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
             0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]  # fmt: skip
    for n in (1, 2, 3):
        for seq in itertools.product(edges, repeat=n):
            for pad in (0, 5, 8, 13):
                data = b"x" * pad + bytes(seq) + b"\x80\x80\x80"[: (pad % 3)]
                assert utf8_length(data) == expected(data), data


@needs_c
def test_four_byte_sequences() -> None:
    for lead in (0xF0, 0xF1, 0xF4, 0xF5):
        for second in (0x80, 0x8F, 0x90, 0xBF, 0xC0):
            for tail in (b"\x80\x80", b"\xbf\xbf", b"\x80", b"\x80\x41"):
                data = bytes([lead, second]) + tail
                assert utf8_length(data) == expected(data), data


def test_decoded_text_is_made_only_when_asked_for() -> None:
    page = ("<html><body><p>" + "关于政协提案的答复" * 300 + "</p></body></html>").encode()
    decoded = decode_mod.decode(page, "text/html; charset=utf-8")
    assert decoded.utf8 is page and decoded.encoding == "utf-8"
    assert decoded.length == len(page.decode())
    assert decoded.head(20) == page.decode()[:20]
    assert decoded.head(5000) == page.decode()[:5000]  # a cut character past the end is dropped
    assert decoded.text == page.decode()


@needs_c
def test_words_present_finds_what_in_finds() -> None:
    assert text_mod._words_in is not None  # the C scan is the one in use
    words = (*_PAGE_WORDS, "原文", "原文链接", "文号", "ab", "b", "aab", "𠀀字")  # overlaps; an astral word
    pieces = ["原文", "链接", "文号", "来源", "时间", "发布", "a", "b", "x", " ", "\n", "é", "𠀀", "字", "责任编辑", "附件"]
    rng = random.Random(17)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        for asked in (words, _PAGE_WORDS, ("a", "b")):  # (the astral word starts with 𠀀: not C)
            assert text_mod.words_present(text, asked) == {w for w in asked if w in text}, text
    latin = "plain ascii text with 原文 nowhere"  # one-byte, two-byte and four-byte str kinds
    for text in ("plain ascii", "caf\xe9 ab", latin, "𠀀 来源：x"):
        assert text_mod.words_present(text, ("ab", "来源", "x")) == {w for w in ("ab", "来源", "x") if w in text}
