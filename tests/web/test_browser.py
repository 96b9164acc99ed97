"""The archive in a real browser (headless Chromium): search, facets, a document with its
versions, the JSON API, a hostile archived page that must not run, and the replay of a
page re-crawled with --full (its newest capture a 304)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlencode

import duckdb
import pytest

from tests.web.archive import HOSTILE_TITLE, WebArchive

pytestmark = pytest.mark.timeout(180)


def _open(browser, url: str):  # noqa: ANN001, ANN202 - selenium's driver
    browser.get(url)
    return browser


def _by_css(browser, css: str):  # noqa: ANN001, ANN202
    from selenium.webdriver.common.by import By

    return browser.find_elements(By.CSS_SELECTOR, css)


def _no_alert(browser) -> None:  # noqa: ANN001
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert  # noqa: B018 - the property raises when no alert is open


def test_search_form_results_and_highlights(browser, web_url: str, screenshots: Path) -> None:
    from selenium.webdriver.common.keys import Keys

    _open(browser, web_url + "/")
    assert _by_css(browser, "svg.plot rect"), "the front page charts documents per month"
    browser.save_screenshot(str(screenshots / "home.png"))
    chart = _by_css(browser, "figure.chart")[-1]
    browser.execute_script("arguments[0].scrollIntoView()", chart)
    chart.screenshot(str(screenshots / "reply-classes.png"))
    box = _by_css(browser, "main input[name=q]")[0]
    box.send_keys("答复")
    box.send_keys(Keys.ENTER)
    assert "/search?" in browser.current_url
    summary = _by_css(browser, "#summary")[0].text
    assert "答复" in summary and int(summary.split()[0].rstrip("+")) > 10
    hits = _by_css(browser, "li.hit")
    assert len(hits) == 20, "a full first page"
    assert all(m.text == "答复" for m in _by_css(browser, "li.hit mark")), "matches are highlighted"
    assert _by_css(browser, "a[rel=next]"), "more than one page"
    _by_css(browser, "a[rel=next]")[0].click()
    assert "page=2" in browser.current_url and _by_css(browser, "ol.hits[start='21']")
    _by_css(browser, "#sort-date")[0].click()
    dates = [h.text[:10] for h in _by_css(browser, "li.hit .meta")]
    assert dates == sorted(dates, reverse=True), "newest first"


def test_facets_narrow_the_results_when_clicked(browser, web_url: str, screenshots: Path) -> None:
    _open(browser, web_url + "/search?q=" + quote("答复"))
    total = int(_by_css(browser, "#summary")[0].text.split()[0])
    facet = _by_css(browser, "section.facet[data-facet=source] li a")
    names = [a.get_attribute("data-value") for a in facet]
    assert {"ahsz-zxta", "ahsz-kjj"} <= set(names) or len(names) >= 2
    target = next(a for a in facet if a.get_attribute("data-value") == "ahsz-zxta")
    count = int(target.find_element("xpath", "..").text.split()[-1])
    target.click()
    assert "source=ahsz-zxta" in browser.current_url
    narrowed = int(_by_css(browser, "#summary")[0].text.split()[0])
    assert narrowed == count < total
    assert all("ahsz-zxta" in m.text for m in _by_css(browser, "li.hit .meta"))
    # a second facet narrows further; the reply class shows in every hit
    cls = _by_css(browser, "section.facet[data-facet=reply_class] li a")
    assert cls, "replies carry a reply class"
    value = cls[0].get_attribute("data-value")
    cls[0].click()
    assert f"reply_class={value}" in browser.current_url and "source=ahsz-zxta" in browser.current_url
    assert all(f"class {value}" in m.text for m in _by_css(browser, "li.hit .meta"))
    browser.save_screenshot(str(screenshots / "search.png"))
    # clicking the active value again removes that filter
    _by_css(browser, "section.facet[data-facet=reply_class] li.active a")[0].click()
    assert "reply_class" not in browser.current_url
    assert int(_by_css(browser, "#summary")[0].text.split()[0]) == narrowed


def test_document_page_with_header_versions_and_diff(
    browser, web_url: str, web_archive: WebArchive, screenshots: Path
) -> None:
    con = duckdb.connect(str(web_archive.db), read_only=True)
    try:
        title, n_versions = con.execute(
            "SELECT title, (SELECT count(*) FROM document_versions WHERE url = ?) FROM documents WHERE url = ?",
            [web_archive.changed_url, web_archive.changed_url],
        ).fetchone()
    finally:
        con.close()
    assert n_versions == 2
    # reach it the way a reader does: search its title, click the hit
    _open(browser, web_url + "/search?" + urlencode({"q": title}))
    link = next(a for a in _by_css(browser, "li.hit a.title") if a.text == title)
    link.click()
    assert _by_css(browser, "#doc-title")[0].text == title
    header = {r.find_element("css selector", "th").text: r.find_element("css selector", "td").text
              for r in _by_css(browser, "#header-fields tr")}  # fmt: skip
    assert header.get("索引号") and header.get("发布机构"), header
    assert _by_css(browser, "#reply-fields"), "the reply's facts as a table"
    assert len(_by_css(browser, "#body p")) >= 2
    assert len(_by_css(browser, "#versions tr")) == 3  # heading + 2 versions
    diff = _by_css(browser, "details.diff[open]")[0]
    assert diff.find_elements("css selector", ".del") and diff.find_elements("css selector", ".add")
    browser.execute_script("arguments[0].scrollIntoView()", diff)
    diff.screenshot(str(screenshots / "diff.png"))
    assert _by_css(browser, "#captures tr"), "the archived exchanges are listed"
    browser.save_screenshot(str(screenshots / "document.png"))


def test_json_api_gives_the_same_hits(browser, web_url: str, http) -> None:  # noqa: ANN001
    query = {"q": "答复", "source": "ahsz-zxta"}
    api = http.get("/api/search", params=query)
    assert api.status_code == 200 and api.headers["content-type"].startswith("application/json")
    data = api.json()
    _open(browser, web_url + "/search?" + urlencode(query))
    shown = [a.get_attribute("href") for a in _by_css(browser, "li.hit a.title")]
    assert [web_url + "/doc?" + urlencode({"url": h["url"]}) for h in data["hits"]] == shown
    assert data["total"] == int(_by_css(browser, "#summary")[0].text.split()[0])
    assert {f["value"] for f in data["facets"]["source"]} == {"ahsz-zxta"}
    # and in the browser it is plain JSON, whole
    _open(browser, web_url + "/api/search?" + urlencode(query))
    assert '"hits"' in browser.find_element("css selector", "body").text


def test_hostile_archived_page_runs_nothing(
    browser, web_url: str, web_archive: WebArchive, screenshots: Path
) -> None:
    pages = [
        "/doc?" + urlencode({"url": web_archive.hostile_url}),
        "/search?" + urlencode({"q": "数据中心"}),
        "/search?" + urlencode({"q": "' OR 1=1 --"}),
        "/api/search?" + urlencode({"q": "' OR 1=1 --"}),
    ]
    for page in pages:
        _open(browser, web_url + page)
        _no_alert(browser)
        assert browser.execute_script("return window.pwned === undefined") is True, page
        assert not _by_css(browser, "script, [onerror], [onclick], a[href^='javascript']"), page
        assert "Traceback" not in browser.page_source
    _open(browser, web_url + pages[0])
    assert _by_css(browser, "#doc-title")[0].text == HOSTILE_TITLE, "shown as text, exactly"
    body = _by_css(browser, "#body")[0].text
    assert "<script>window.pwned=2</script>" in body and "' OR 1=1 --" in body
    browser.save_screenshot(str(screenshots / "hostile.png"))
    _open(browser, web_url + pages[2])
    summary = _by_css(browser, "#summary")[0].text
    assert summary.startswith("1 result"), "the SQL-looking query is searched for, as words"
    assert browser.execute_script("return window.pwned === undefined") is True


def test_replay_of_a_recrawled_page_shows_the_page(
    browser, web_url: str, web_archive: WebArchive, replay_server: str, screenshots: Path
) -> None:
    url = web_archive.revisited_url
    con = duckdb.connect(str(web_archive.db), read_only=True)
    try:
        title, newest_status = con.execute(
            """SELECT d.title, (SELECT status FROM fetches WHERE url = d.url
                                ORDER BY fetched_at DESC LIMIT 1)
               FROM documents d WHERE d.url = ?""",
            [url],
        ).fetchone()
    finally:
        con.close()
    assert newest_status == 304, "the newest capture of this URL is a 304"
    # from the document page's link to the raw capture
    _open(browser, web_url + "/doc?" + urlencode({"url": url}))
    link = _by_css(browser, "#replay-link")[0].get_attribute("href")
    assert link.startswith(replay_server)
    browser.get(link)
    # (the replica that served the page is gone: what shows comes from the archive; pywb's
    # wombat.js makes the page see its original URL, so the browser reports that one)
    assert browser.current_url == url
    assert title in browser.title
    assert title in browser.find_element("css selector", "body").text
    browser.save_screenshot(str(screenshots / "replay.png"))
    # pywb's own "latest capture" of the URL is the page too
    _open(browser, f"{replay_server}/{url}")
    assert title in browser.title
