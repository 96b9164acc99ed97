"""Text out of attachment bytes (parsers/attachment_text), format by format.

Each fixture is generated here from known strings (tests/attachments/make.py); the
expectations are those strings, not what an extractor once printed.
"""

from __future__ import annotations

import pytest

from parsers.attachment_text import Limits, extract, sniff
from parsers.attachment_text.clean import clean_text
from tests.attachments import make

needs_font = pytest.mark.skipif(make.cjk_font() is None, reason=f"no CJK font: {make.INSTALL_HINT}")

PAGE1 = ["关于市政协六届二次会议第0158号提案的答复", "尊敬的张三委员：", "您提出的《关于加快算力枢纽节点建设的提案》收悉，现答复如下。"]
PAGE2 = ["一、推进数据中心集约化布局。", "二、完善绿色电力保障机制。", "宿州市发展和改革委员会", "2024年5月6日"]


@needs_font
def test_pdf_text_layer_page_by_page_in_reading_order() -> None:
    result = extract(make.pdf([PAGE1, PAGE2]), "答复.pdf")
    assert (result.media_type, result.extractor, result.pages, result.needs_ocr) == (
        "application/pdf", "pdfium", 2, False)  # fmt: skip
    page1, page2 = result.text.split("\f")
    assert page1.splitlines() == PAGE1
    assert page2.splitlines() == PAGE2
    assert "\ufffd" not in result.text and result.warnings == []


@needs_font
def test_scanned_pdf_is_flagged_for_ocr_and_has_no_text() -> None:
    result = extract(make.scanned_pdf(PAGE1))
    assert result.text is None and result.needs_ocr and result.pages == 1
    assert result.warnings[0].startswith("no text layer")


def test_image_attachment_is_a_scan() -> None:
    png = make.image(["扫描"]) if make.cjk_font() else b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    result = extract(png, "scan.png")
    assert result.needs_ocr and result.text is None and result.media_type == "image/png"


def test_docx_paragraphs_and_tables_in_body_order() -> None:
    data = make.docx(
        ["关于第0158号提案的答复", "现将有关情况答复如下："],
        [["项目", "投资（万元）", "完成时间"], ["算力枢纽节点", "3000", "2024年12月"], ["绿色电力", "1200", "2025年6月"]],
        ["感谢您对我市工作的关心。"],
    )
    result = extract(data, "答复.docx")
    assert result.extractor == "python-docx" and result.media_type.endswith("wordprocessingml.document")
    assert result.text.splitlines() == [
        "关于第0158号提案的答复", "现将有关情况答复如下：",
        "项目\t投资（万元）\t完成时间", "算力枢纽节点\t3000\t2024年12月", "绿色电力\t1200\t2025年6月",
        "感谢您对我市工作的关心。",
    ]  # fmt: skip


def test_xlsx_sheets_as_rows() -> None:
    data = make.xlsx({
        "办理情况": [["提案号", "提案人", "办理结果"], ["0158", "张三", "A"], ["0321", "李四", "B"]],
        "经费": [["项目", "金额"], ["数据中心", 3000], ["电力", 12.5]],
    })  # fmt: skip
    result = extract(data, "统计表.xlsx")
    assert (result.extractor, result.pages) == ("calamine", 2)
    assert result.text.splitlines() == [
        "## 办理情况", "提案号\t提案人\t办理结果", "0158\t张三\tA", "0321\t李四\tB",
        "## 经费", "项目\t金额", "数据中心\t3000", "电力\t12.5",
    ]  # fmt: skip


def test_docx_served_as_octet_stream_is_sniffed_by_content() -> None:
    data = make.docx(["附件正文"])
    assert sniff(data, "download.do?id=12") == "docx"
    assert extract(data, "download.do?id=12").text == "附件正文"


def test_ofd_text_objects_in_reading_order() -> None:
    # written out of order: the second line's right half first, then the title
    page = [(60, 50, "提案的答复"), (20, 50, "关于第0158号"), (20, 30, "宿州市发展和改革委员会文件"),
            (20, 70, "尊敬的张三委员：")]  # fmt: skip
    result = extract(make.ofd([page, [(20, 30, "第二页")]]), "答复.ofd")
    assert (result.media_type, result.extractor, result.pages) == ("application/ofd", "ofd-xml", 2)
    assert result.text == "宿州市发展和改革委员会文件\n关于第0158号提案的答复\n尊敬的张三委员：\f第二页"


@needs_font
def test_zip_of_documents_with_gbk_member_names() -> None:
    data = make.zipped(
        {"答复全文.pdf": make.pdf([PAGE1]), "附表.docx": make.docx(["附表内容"])}, utf8_names=False
    )
    result = extract(data, "附件.zip")
    assert result.extractor == "zip" and result.warnings == []
    assert result.text == "=== 答复全文.pdf ===\n" + "\n".join(PAGE1) + "\n\n=== 附表.docx ===\n附表内容"


def test_legacy_doc_goes_through_the_given_converter() -> None:
    calls = []

    def converter(data: bytes, kind: str) -> str:
        calls.append(kind)
        return "旧版文档的正文\r\n第二段\x00"

    converter.name = "fake-antiword"  # type: ignore[attr-defined]
    ole = make.OLE_WORD_HEADER
    result = extract(ole, "答复.doc", converter=converter)
    assert calls == ["doc"] and result.extractor == "fake-antiword"
    assert result.text == "旧版文档的正文\n第二段"
    assert extract(ole, "答复.wps", converter=converter).media_type == "application/kswps"
    missing = extract(ole, "答复.doc")
    assert missing.text is None and "no converter" in missing.warnings[0]


@pytest.mark.skipif(make.soffice() is None, reason="LibreOffice not installed (apt-get install libreoffice-writer-nogui)")
def test_real_doc_made_by_libreoffice_read_by_antiword_or_libreoffice() -> None:
    from flows.attachment_worker import convert_legacy

    doc = make.doc_from_docx(make.docx(["关于第0158号提案的答复", "尊敬的张三委员：您的提案收悉。"]))
    assert sniff(doc, "a.doc") == "doc"
    result = extract(doc, "a.doc", converter=convert_legacy)
    assert result.extractor in ("antiword", "libreoffice")
    assert result.text.splitlines() == ["关于第0158号提案的答复", "尊敬的张三委员：您的提案收悉。"]


def test_html_named_pdf_is_not_a_document() -> None:
    result = extract(b"<!DOCTYPE html><html><body>404 Not Found</body></html>", "答复.pdf")
    assert result.text is None and result.media_type == "text/html"
    assert result.warnings == ["not a document: the file holds an HTML page (named '答复.pdf')"]


def test_kangxi_radicals_and_controls_are_cleaned() -> None:
    # ⽇ (U+2F47 KANGXI RADICAL SUN) and 﨑 compatibility forms come out of some PDF fonts
    assert clean_text("今\u2f47答复\x00，\u2f49\r\n") == "今日答复，月"


# -- hostile input: bounded with a reason (the sandbox test covers memory and time) --


def test_pdf_claiming_a_million_pages_is_refused() -> None:
    result = extract(make.million_page_pdf(), "big.pdf")
    assert result.text is None
    assert result.warnings == ["too many pages: the PDF claims 1000000 pages, over the limit of 2000"]


@needs_font
def test_encrypted_pdf_says_so() -> None:
    result = extract(make.pdf([PAGE1], encrypt="secret"), "secret.pdf")
    assert result.text is None and result.warnings == ["encrypted: the PDF needs a password to open"]


def test_zip_bomb_is_refused_by_its_declared_size() -> None:
    result = extract(make.zip_bomb(), "bomb.docx")
    assert result.text is None
    assert result.warnings[0].startswith("decompression bomb: docx unpacks to 536870920 bytes")


def test_zip_within_zip_is_read_to_a_bounded_depth() -> None:
    inner = make.docx(["深处的文字"])
    two = extract(make.nested_zip(2, inner, "说明.docx"), "a.zip", limits=Limits(max_depth=2))
    assert two.text is not None and two.text.endswith("深处的文字")
    deep = extract(make.nested_zip(6, inner, "说明.docx"), "a.zip", limits=Limits(max_depth=2))
    assert deep.text is None
    assert deep.warnings == ["level2.zip: level3.zip: zip within zip: nested deeper than 2 levels, not read"]


def test_truncated_and_garbage_files_get_a_reason() -> None:
    for data, name in [(make.docx(["x"])[:300], "cut.docx"), (b"%PDF-1.4\n garbage", "bad.pdf"),
                       (b"\x00\x01\x02 random bytes", "x.bin"), (b"", "empty.pdf")]:  # fmt: skip
        result = extract(data, name)
        assert result.text is None and len(result.warnings) == 1, (name, result)
