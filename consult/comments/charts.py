"""Horizontal bar charts drawn on the server as SVG: no script, every bar labelled with
its name and number, so neither colour nor hovering is needed to read one.

A chart is rows from top to bottom: a group's heading (no bar) or a bar. The template
(comments/_chart.html) draws it; its table is the text alternative.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from consult.comments.rendered import counts_formatter

WIDTH = 640
ROW = 24
BAR = 16
LABEL = 220  # the labels' column; bars start after it
VALUE = 56  # room after the longest bar for its number
GAP = 8
LABEL_CHARACTERS = 30


@dataclass(frozen=True)
class Row:
    label: str
    value: int | None = None  # None: a group's heading

    @property
    def is_heading(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class DrawnRow:
    label: str
    value: str  # formatted for the reader's locale
    heading: bool
    y: int  # the row's text baseline
    bar_y: int
    bar_width: int
    bar_height: int = BAR


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    description: str
    rows: tuple[DrawnRow, ...]
    width: int = WIDTH
    height: int = 0
    label_end: int = LABEL - GAP
    bar_start: int = LABEL


def shortened(label: str, limit: int = LABEL_CHARACTERS) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def bar_width(value: int, largest: int) -> int:
    room = WIDTH - LABEL - VALUE
    # A bar of 1 is still seen; a bar of 0 is not drawn.
    return 0 if not value else max(2, round(room * value / largest))


def drawn(rows: list[Row]) -> tuple[DrawnRow, ...]:
    largest = max((row.value or 0 for row in rows), default=0) or 1
    format_number = counts_formatter()
    return tuple(
        DrawnRow(
            label=shortened(row.label) if not row.is_heading else shortened(row.label, 70),
            value="" if row.is_heading else format_number(row.value),
            heading=row.is_heading,
            y=at * ROW + ROW - 7,
            bar_y=at * ROW + (ROW - BAR) // 2,
            bar_width=0 if row.is_heading else bar_width(row.value or 0, largest),
        )
        for at, row in enumerate(rows)
    )


def bar_chart(chart_id: str, title: str, description: str, rows: Iterable[Row]) -> BarChart:
    shown = drawn(list(rows))
    return BarChart(chart_id, title, description, shown, height=max(len(shown), 1) * ROW)
