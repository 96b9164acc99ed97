"""Charts as inline SVG computed on the server: no chart library, no script, no CDN.

These functions only do the geometry (numbers); `templates/_charts.html` draws the
shapes and escapes every label, like any other text on the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CLASS_COLOURS = {"A": "#2e7d32", "B": "#f9a825", "C": "#c62828", "-": "#9e9e9e"}


@dataclass(slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str
    tip: str  # shown on hover (SVG <title>)


@dataclass(slots=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str = "middle"


@dataclass(slots=True)
class Chart:
    width: int
    height: int
    title: str
    rects: list[Rect] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)  # (colour, name)


def per_month(rows: list[tuple[str, int, int]], width: int = 860, height: int = 240) -> Chart:
    """Documents per month (grey) with the replies among them (dark) in front."""
    chart = Chart(width, height, "Documents and replies per month",
                  legend=[("#b0bec5", "documents"), ("#37474f", "replies")])  # fmt: skip
    if not rows:
        return chart
    left, bottom, top = 40, 30, 10
    plot_w, plot_h = width - left - 10, height - bottom - top
    peak = max(r[1] for r in rows) or 1
    step = plot_w / len(rows)
    bar = min(max(step * 0.8, 1.0), 36.0)
    for i, (month, docs, replies) in enumerate(rows):
        x = left + i * step
        for value, fill, what in ((docs, "#b0bec5", "documents"), (replies, "#37474f", "replies")):
            h = plot_h * value / peak
            chart.rects.append(
                Rect(round(x, 2), round(top + plot_h - h, 2), round(bar, 2), round(h, 2), fill,
                     f"{month}: {value} {what}")
            )  # fmt: skip
    every = max(1, len(rows) // 8)
    for i, (month, _, _) in enumerate(rows):
        if i % every == 0:
            chart.labels.append(Label(round(left + i * step + bar / 2, 2), height - 10, month))
    chart.labels.append(Label(left - 4, top + 10, str(peak), "end"))
    chart.labels.append(Label(left - 4, top + plot_h, "0", "end"))
    return chart


def reply_classes(rows: list[tuple[str, dict[str, int]]], width: int = 860) -> Chart:
    """One stacked bar per bureau: how many of its replies were rated A, B, C (or none)."""
    row_h, left, top = 24, 240, 10
    height = top + row_h * max(len(rows), 1) + 30
    chart = Chart(width, height, "Reply classes per bureau",
                  legend=[(c, "no class" if k == "-" else k) for k, c in CLASS_COLOURS.items()])  # fmt: skip
    if not rows:
        return chart
    peak = max(sum(c.values()) for _, c in rows) or 1
    plot_w = width - left - 50
    for i, (bureau, counts) in enumerate(rows):
        y = top + i * row_h
        x = float(left)
        for cls in CLASS_COLOURS:
            n = counts.get(cls, 0)
            if not n:
                continue
            w = plot_w * n / peak
            name = "no class" if cls == "-" else f"class {cls}"
            chart.rects.append(
                Rect(round(x, 2), y + 3, round(w, 2), row_h - 6, CLASS_COLOURS[cls],
                     f"{bureau}: {n} {name}")
            )  # fmt: skip
            x += w
        chart.labels.append(Label(left - 6, y + row_h - 8, bureau, "end"))
        chart.labels.append(Label(round(x + 4, 2), y + row_h - 8, str(sum(counts.values())), "start"))
    return chart
