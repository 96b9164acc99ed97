"""parsers.decode: the right codec or a refusal, never mojibake."""

from __future__ import annotations

import codecs
import random

import pytest

from parsers.decode import decode, http_charset, meta_charset, normalize_charset, sniff_binary
from parsers.errors import ParseError

TEXT = "关于宿州市政协六届二次会议第0321号提案的答复。尊敬的邵广真委员：您好！感谢您对科技工作的关注与支持。" * 3


def page(body: str, meta: str | None = None) -> str:
    head = f'<meta http-equiv="Content-Type" content="text/html; charset={meta}">' if meta else ""
    return f"<html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"


def test_gb_family_is_widened_to_gb18030() -> None:
    assert normalize_charset("GB2312") == "gb18030"
    assert normalize_charset("gbk") == "gb18030"
    assert normalize_charset("x-gbk") == "gb18030"
    assert normalize_charset("utf8") == "utf-8"
    assert normalize_charset("no-such-codec") is None


def test_declarations_are_read_from_header_and_meta() -> None:
    assert http_charset("text/html; charset=GBK") == "gb18030"
    assert http_charset("text/html") is None
    assert meta_charset(b'<meta charset="utf-8">') == "utf-8"
    assert meta_charset(page("x", "gb2312").encode()) == "gb18030"


def test_utf8_with_matching_declaration() -> None:
    d = decode(page(TEXT, "utf-8").encode(), "text/html; charset=utf-8")
    assert TEXT in d.text and d.encoding == "utf-8" and d.confidence == 1.0


def test_gbk_chars_in_page_declared_gb2312() -> None:
    body = TEXT + "镕喆埇"  # GBK-only characters, outside GB2312
    d = decode(page(body, "gb2312").encode("gbk"), None)
    assert body in d.text and d.encoding == "gb18030"


def test_http_header_lies_meta_tells_the_truth() -> None:
    d = decode(page(TEXT, "gbk").encode("gbk"), "text/html; charset=utf-8")
    assert TEXT in d.text and d.encoding == "gb18030"
    assert d.warnings


def test_no_declaration_gbk_is_detected() -> None:
    d = decode(page(TEXT * 5).encode("gb18030"), "text/html")
    assert TEXT in d.text and d.encoding == "gb18030"
    assert 0.6 <= d.confidence < 1.0


def test_latin1_declaration_on_gbk_bytes_is_not_trusted() -> None:
    d = decode(page(TEXT * 3, "iso-8859-1").encode("gb18030"), "text/html; charset=iso-8859-1")
    assert TEXT in d.text and d.encoding == "gb18030"


def test_utf8_bytes_declared_gbk_are_utf8() -> None:
    d = decode(page(TEXT, "gbk").encode("utf-8"), None)
    assert TEXT in d.text and d.encoding == "utf-8" and d.confidence < 1.0


def test_bom_wins() -> None:
    d = decode(codecs.BOM_UTF8 + page(TEXT).encode(), "text/html; charset=gbk")
    assert TEXT in d.text and not d.text.startswith("\ufeff")


def test_truncated_mid_character_is_tolerated_with_lower_confidence() -> None:
    raw = page(TEXT, "utf-8").encode()
    cut = raw[: raw.index("答复".encode()) + 2]
    d = decode(cut, None)
    assert d.encoding == "utf-8" and d.confidence < 1.0 and d.warnings


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"", "empty"),
        (b" \n\t ", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3", "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        (b"PK\x03\x04\x14\x00", "binary"),
        (random.Random(7).randbytes(5000), "binary"),
    ],
)
def test_refusals(data: bytes, kind: str) -> None:
    with pytest.raises(ParseError) as info:
        decode(data, "text/html")
    assert info.value.kind == kind


def test_undecidable_bytes_are_refused_not_guessed() -> None:
    rng = random.Random(3)
    noise = bytes(rng.choice(range(0x80, 0x100)) for _ in range(3000))
    with pytest.raises(ParseError) as info:
        decode(b"<html><body>" + noise + b"</body></html>", "text/html; charset=utf-8")
    assert info.value.kind in ("decode", "binary")


def test_sniff_binary_leaves_text_alone() -> None:
    assert sniff_binary(page(TEXT).encode()) is None
    assert sniff_binary(b"%PDF-1.4") == "pdf"


def test_xml_declaration_counts_as_the_page_declaration() -> None:
    raw = ('<?xml version="1.0" encoding="gb2312"?><html><body><p>' + TEXT + "</p></body></html>").encode("gbk")
    d = decode(raw, None)
    assert d.encoding == "gb18030" and d.confidence == 1.0 and TEXT in d.text


def test_sniff_binary_counts_control_bytes_only() -> None:
    # More than 1% control bytes (not tab/newline/CR/form feed/ESC) is not text.
    text = "<p>正文</p>\n".encode() * 200
    assert sniff_binary(text + b"\t\r\n\x0c\x1b" * 30) is None
    assert sniff_binary(text[:3000] + b"\x00\x01\x1f\x0e\x1a" * 10) == "binary"
    assert sniff_binary(text[:3000] + b"\x00\x01") is None  # a stray byte or two is damage, not binary
