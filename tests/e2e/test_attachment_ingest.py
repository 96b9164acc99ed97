"""Replies that live in attachments, end to end over real HTTP: `govarchive ingest`
archives a page's attachments, reads them in the sandbox, stores `attachment_texts`,
indexes them for `search`, counts them in `documents`; hostile ones cost a row each;
`reparse` recomputes the rows and `reparse --ocr` reads the scans."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb
import pytest

from flows.attachments import reparse_texts
from tests.archive_rows import rows as _query
from tests.attachments import make
from tests.attachments.site import File, reply_page, serve

pytestmark = pytest.mark.skipif(make.cjk_font() is None, reason=f"no CJK font: {make.INSTALL_HINT}")

REPLY = ["关于市政协六届二次会议第0158号提案的答复", "尊敬的张三委员：", "您提出的关于加快算力枢纽节点建设的提案收悉。"]
SCAN = ["关于加强数据中心建设的提案答复", "尊敬的李四委员：您的提案收悉。"]
PDF_TYPE = "application/pdf"


def _site() -> tuple[dict[str, File], list[tuple[str, str]]]:
    files = {
        "/f/reply.pdf": File(make.pdf([REPLY]), PDF_TYPE),
        "/f/table.docx": File(make.docx(["附表"], [["项目", "金额"], ["冷链物流园", "800"]]), "application/octet-stream"),
        "/f/figures.xlsx": File(make.xlsx({"经费": [["乡村振兴示范带", 1500]]}), "application/vnd.ms-excel"),
        "/f/letter.ofd": File(make.ofd([[(20, 30, "县域商业体系建设")]]), "application/ofd"),
        "/f/scan.pdf": File(make.scanned_pdf(SCAN), PDF_TYPE),
        "/f/fake.pdf": File(b"<!DOCTYPE html><html><body>file not found</body></html>", PDF_TYPE),
        "/f/million.pdf": File(make.million_page_pdf(), PDF_TYPE),
        "/f/secret.pdf": File(make.pdf([["机密"]], encrypt="pw"), PDF_TYPE),
        "/f/bomb.zip": File(make.zip_bomb(), "application/zip"),
        "/f/nested.zip": File(make.nested_zip(5, make.docx(["x"])), "application/zip"),
    }
    names = {"/f/reply.pdf": "答复全文.pdf", "/f/table.docx": "附表.docx", "/f/figures.xlsx": "经费表.xlsx",
             "/f/letter.ofd": "答复函.ofd", "/f/scan.pdf": "扫描件.pdf", "/f/fake.pdf": "说明.pdf",
             "/f/million.pdf": "汇编.pdf", "/f/secret.pdf": "加密.pdf", "/f/bomb.zip": "打包.zip",
             "/f/nested.zip": "嵌套.zip"}  # fmt: skip
    return files, list(names.items())


def _rows(db: Path) -> dict[str, tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            r[0].rsplit("/", 1)[-1]: r[1:]
            for r in con.execute(
                "SELECT attachment_url, page_url, name, media_type, bytes, sha256, text, pages, extractor,"
                " needs_ocr, warnings, fetched_at FROM attachment_texts"
            ).fetchall()
        }
    finally:
        con.close()


def test_ingest_reads_attachments_hostile_ones_cost_a_row_each(cli, db_path: Path) -> None:
    files, links = _site()
    files["/p.html"] = File(reply_page("关于第0158号提案的答复", links), "text/html; charset=utf-8")
    with serve(files) as base:
        page = base + "/p.html"
        result = cli("ingest", "--allow-private", page)
        assert result.exit_code == 0, result.output
        assert result.stdout.count("\n") == 1 and "\tnew\t关于第0158号提案的答复" in result.stdout

        rows = _rows(db_path)
        assert len(rows) == 10  # one per archived attachment payload
        for file, row in rows.items():
            assert row[0] == page  # the page that links it
            assert row[3] == len(files[f"/f/{file}"].body)
            assert row[4] == hashlib.sha256(files[f"/f/{file}"].body).hexdigest()
        assert rows["reply.pdf"][1:3] == ("答复全文.pdf", PDF_TYPE)
        assert rows["reply.pdf"][5:9] == ("\n".join(REPLY), 1, "pdfium", False)
        assert "冷链物流园\t800" in rows["table.docx"][5]
        assert rows["figures.xlsx"][5] == "## 经费\n乡村振兴示范带\t1500"
        assert rows["letter.ofd"][5] == "县域商业体系建设"
        assert rows["scan.pdf"][5] is None and rows["scan.pdf"][8] is True
        reasons = {
            "fake.pdf": "not a document: the file holds an HTML page",
            "million.pdf": "too many pages: the PDF claims 1000000 pages",
            "secret.pdf": "encrypted: the PDF needs a password",
            "bomb.zip": "decompression bomb",
            "nested.zip": "level2.zip: level3.zip: zip within zip",
        }
        for file, reason in reasons.items():
            assert rows[file][5] is None and rows[file][9][0].startswith(reason), (file, rows[file])

        # raw bytes archived as served, and the page loaded with its count of readable attachments
        assert _query(db_path, "SELECT count(*) FROM fetches WHERE kind = 'attachment' AND warc_file IS NOT NULL")[0][0] == 10
        assert _query(db_path, "SELECT attachments_with_text, len(attachments) FROM documents") == [(4, 10)]

        # a word only the PDF attachment holds: the hit names the attachment and its page
        found = cli("search", "算力枢纽")
        assert found.exit_code == 0, found.output
        assert page in found.stdout and "in attachment 答复全文.pdf" in found.stdout
        assert base + "/f/reply.pdf" in found.stdout
        assert "冷链物流园" not in found.stdout
        assert "附表.docx" in cli("search", "冷链物流园").stdout

        # reparse recomputes every row (a damaged row comes back)
        con = duckdb.connect(str(db_path))
        con.execute("UPDATE attachment_extractions SET text = NULL, warnings = ['damaged'] WHERE attachment_url LIKE '%reply.pdf'")
        con.close()
        again = cli("reparse")
        assert again.exit_code == 0, again.output
        assert "attachment texts: 10 attachment(s), 4 with text, 1 scan(s) needing OCR, 5 unreadable" in again.stdout
        assert _rows(db_path)["reply.pdf"][5] == "\n".join(REPLY)
        assert "算力枢纽" in cli("search", "算力枢纽").stdout


def test_ingest_no_attachments_skips_them(cli, db_path: Path) -> None:
    files = {"/f/reply.pdf": File(make.pdf([REPLY]), PDF_TYPE)}
    files["/p.html"] = File(reply_page("关于第0159号提案的答复", [("/f/reply.pdf", "答复.pdf")]), "text/html")
    with serve(files) as base:
        result = cli("ingest", "--allow-private", "--no-attachments", base + "/p.html")
        assert result.exit_code == 0, result.output
    assert _query(db_path, "SELECT count(*) FROM fetches WHERE kind = 'attachment'") == [(0,)]
    assert _query(db_path, "SELECT attachments_with_text FROM documents") == [(0,)]


def test_attachment_of_a_type_the_crawl_refuses_is_reported_not_fatal(cli, db_path: Path) -> None:
    files = {"/f/reply.pdf": File(b"<html>login required</html>", "text/html")}
    files["/p.html"] = File(reply_page("关于第0160号提案的答复", [("/f/reply.pdf", "答复.pdf")]), "text/html")
    with serve(files) as base:
        result = cli("ingest", "--allow-private", base + "/p.html")
    assert result.exit_code == 0, result.output
    assert "attachment failed" in result.stderr and "content type text/html is not an attachment type" in result.stderr
    (row,) = _rows(db_path).values()
    assert row[5] is None and row[9][0].startswith("not a document")


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)")
def test_reparse_ocr_fills_scans_and_keeps_them_across_reparses(cli, db_path: Path) -> None:
    files = {"/f/scan.pdf": File(make.scanned_pdf(SCAN), PDF_TYPE)}
    files["/p.html"] = File(reply_page("关于第0161号提案的答复", [("/f/scan.pdf", "扫描件.pdf")]), "text/html")
    with serve(files) as base:
        assert cli("ingest", "--allow-private", base + "/p.html").exit_code == 0
    assert "数据中心" not in cli("search", "数据中心").stdout
    done = cli("reparse", "--ocr")
    assert done.exit_code == 0, done.output
    assert "ocr: 1 scan(s), 1 read, 0 without text" in done.stdout
    (row,) = _rows(db_path).values()
    assert SCAN[0] in row[5]  # the title line, which tesseract reads exactly at 300 dpi
    assert (row[7], row[8]) == ("pdfium+tesseract", True)
    hit = cli("search", "数据中心")
    assert "in attachment 扫描件.pdf" in hit.stdout
    reparse_texts(str(db_path))  # reparse's attachment step: the OCR text, kept by payload, stays
    assert SCAN[0] in next(iter(_rows(db_path).values()))[5]


def test_reparse_ocr_without_tesseract_says_what_to_install(cli, db_path: Path, tmp_path: Path) -> None:
    files = {"/f/a.pdf": File(make.pdf([REPLY]), PDF_TYPE)}
    files["/p.html"] = File(reply_page("关于第0162号提案的答复", [("/f/a.pdf", "a.pdf")]), "text/html")
    with serve(files) as base:
        assert cli("ingest", "--allow-private", base + "/p.html").exit_code == 0
    empty = tmp_path / "bin"
    empty.mkdir()
    result = cli("reparse", "--ocr", env={"PATH": str(empty)})
    assert result.exit_code == 1
    assert "apt-get install tesseract-ocr tesseract-ocr-chi-sim" in result.stderr
