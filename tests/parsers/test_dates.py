"""parsers.dates: every form these sites print, nothing invented."""

from __future__ import annotations

import datetime as dt

import pytest

from parsers.dates import find_datetime, has_time, parse_date, parse_datetime


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-06-20", dt.datetime(2023, 6, 20)),
        ("2023-06-20 08:25", dt.datetime(2023, 6, 20, 8, 25)),
        ("2023-06-20 08:25:22", dt.datetime(2023, 6, 20, 8, 25, 22)),
        ("2023年06月20日", dt.datetime(2023, 6, 20)),
        ("2023年6月20日 8时25分", dt.datetime(2023, 6, 20, 8, 25)),
        ("2023/6/20", dt.datetime(2023, 6, 20)),
        ("2023.06.20", dt.datetime(2023, 6, 20)),
        ("２０２３－０６－２０　０８：２５", dt.datetime(2023, 6, 20, 8, 25)),
        ("20230620", dt.datetime(2023, 6, 20)),
        ("发表时间:2023-06-20 08:25 编辑:宿州信息公开009", dt.datetime(2023, 6, 20, 8, 25)),
    ],
)
def test_forms(text: str, expected: dt.datetime) -> None:
    assert parse_datetime(text) == expected


@pytest.mark.parametrize("text", ["", None, "暂无", "-", "2023-13-40", "24-12-23", "第0321号"])
def test_non_dates_are_none(text: str | None) -> None:
    assert parse_datetime(text) is None


def test_date_and_time_helpers() -> None:
    assert parse_date("2023年06月20日") == dt.date(2023, 6, 20)
    assert has_time("2023-06-20 08:25") and not has_time("2023-06-20")
    assert find_datetime("浏览量: 12 2021-03-01 10:56:22 来源:华兴时报") == dt.datetime(2021, 3, 1, 10, 56, 22)
