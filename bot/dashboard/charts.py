"""The dashboard's charts as SVG made on the server.

The dashboard's charts as SVG made on the server: no script, no CDN, no inline CSS (the
staff page's Content-Security-Policy allows neither), colours as SVG attributes.

Each chart is an image with a title for screen readers (`role="img"`, `aria-labelledby`);
its numbers are in the table beside it. A count under 5 is never drawn to scale: a bar is
left out and its label reads "<5"; a point on a line is drawn hollow on the axis.
"""
from __future__ import annotations

from html import escape
from typing import List

from bot.dashboard.figures import SMALL, Panel, cell

WIDTH = 560
ROW = 26
LABEL_W = 200
COLOURS = ("#1f5f99", "#b35900")  # dark blue, dark orange: readable on white, and in grey
DASHES = ("", "6 4")               # the second series dashed: not told apart by colour alone


def _drawn(n: int) -> int:
    return 0 if 0 < n < SMALL else n


def _frame(panel: Panel, height: int, body: List[str]) -> str:
    key = escape(panel.key)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
            f'aria-labelledby="chart-{key}-title" viewBox="0 0 {WIDTH} {height}" '
            f'width="{WIDTH}" height="{height}" font-family="sans-serif" font-size="12">'
            f'<title id="chart-{key}-title">{escape(panel.title)}: chart; the numbers are in '
            f'the table beside it</title>' + "".join(body) + "</svg>")


def _bars(panel: Panel, centred: bool) -> str:
    """One labelled bar per row, as long as its first value; `centred`: a funnel (bars
    centred on one axis, the value at the right) rather than bars from the left."""
    rows = panel.rows or [("(none in this period)", [0])]
    top = max([_drawn(v[0]) for _, v in rows] + [1])
    span = WIDTH - LABEL_W - (60 if centred else 50)
    body = []
    for i, (label, values) in enumerate(rows):
        y = i * ROW + 4
        width = span * _drawn(values[0]) / top
        x = LABEL_W + (span - width) / 2 if centred else LABEL_W
        body.append(f'<text x="{LABEL_W - 6}" y="{y + 15}" text-anchor="end">'
                    f'{escape(label[:32])}</text>')
        if width:
            body.append(f'<rect x="{x:.1f}" y="{y + 2}" width="{width:.1f}" '
                        f'height="{ROW - 8}" fill="{COLOURS[0]}"/>')
        value_x = WIDTH - 54 if centred else LABEL_W + width + 6
        body.append(f'<text x="{value_x:.1f}" y="{y + 15}">{cell(values[0])}</text>')
    return _frame(panel, len(rows) * ROW + 8, body)


def bar_chart(panel: Panel) -> str:
    return _bars(panel, centred=False)


def funnel_chart(panel: Panel) -> str:
    return _bars(panel, centred=True)


def line_chart(panel: Panel) -> str:
    rows = panel.rows
    height, left, bottom, top_pad = 220, 40, 40, 24
    plot_w, plot_h = WIDTH - left - 20, height - bottom - top_pad
    top = max([_drawn(v) for _, values in rows for v in values] + [1])
    n = max(len(rows) - 1, 1)

    def x(i: int) -> float:
        return left + plot_w * i / n

    def y(v: int) -> float:
        return top_pad + plot_h * (1 - _drawn(v) / top)

    body = [f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{left + plot_w}" '
            f'y2="{top_pad + plot_h}" stroke="#555"/>',
            f'<text x="{left - 4}" y="{top_pad + 4}" text-anchor="end">{cell(top)}</text>',
            f'<text x="{left - 4}" y="{top_pad + plot_h + 4}" text-anchor="end">0</text>']
    step = max(1, len(rows) // 6)  # at most about 7 labels under the axis
    for i, (label, _) in enumerate(rows):
        if i % step == 0:
            body.append(f'<text x="{x(i):.1f}" y="{height - 18}" text-anchor="middle">'
                        f'{escape(label)}</text>')
    for s, column in enumerate(panel.columns):
        points = " ".join(f"{x(i):.1f},{y(values[s]):.1f}" for i, (_, values) in enumerate(rows))
        dash = f' stroke-dasharray="{DASHES[s]}"' if DASHES[s] else ""
        body.append(f'<polyline points="{points}" fill="none" stroke="{COLOURS[s]}" '
                    f'stroke-width="2"{dash}/>')
        for i, (_, values) in enumerate(rows):
            hollow = 0 < values[s] < SMALL
            body.append(f'<circle cx="{x(i):.1f}" cy="{y(values[s]):.1f}" r="3" '
                        f'fill="{"#fff" if hollow else COLOURS[s]}" stroke="{COLOURS[s]}"/>')
        lx = left + s * 150
        body.append(f'<line x1="{lx}" y1="10" x2="{lx + 24}" y2="10" stroke="{COLOURS[s]}" '
                    f'stroke-width="2"{dash}/><text x="{lx + 30}" y="14">{escape(column)}</text>')
    body.append(f'<text x="{left + 320}" y="14">hollow point: fewer than 5</text>')
    return _frame(panel, height, body)


def chart(panel: Panel) -> str:
    return {"line": line_chart, "funnel": funnel_chart}.get(panel.chart, bar_chart)(panel)
