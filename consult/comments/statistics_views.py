"""The public statistics page of a policy: tables, and the same figures as SVG charts."""

from collections import Counter
from datetime import date

from flask import abort, render_template
from flask_babel import format_date, format_number, ngettext
from flask_babel import gettext as _

from consult.comments.charts import BarChart, Row, bar_chart
from consult.comments.labels import DISPOSITION_LABELS
from consult.comments.models import Disposition
from consult.comments.rendered import counts_formatter, rendered
from consult.comments.statistics import (
    ClauseRow,
    by_clause_and_language,
    by_day,
    clause_rows,
    dispositions_by_week,
    languages_by_count,
)
from consult.comments.views import bp
from consult.i18n import language_name
from consult.policies.loading import policy_or_404
from consult.policies.models import Policy, Revision
from consult.policies.numbering import HeadingNumbers, heading_numbers_by_revision
from consult.policies.services import latest_revision


def counted(count: int) -> str:
    # Translators: Count of comments in the report and statistics; %(shown)s is a number of comments. Read by everyone: the report and statistics are public.
    return ngettext("%(shown)s comment", "%(shown)s comments", count, shown=format_number(count))


def clause_label(row: ClauseRow, headings: HeadingNumbers) -> str:
    """The clause as the reading page names it (a clause no longer in the text keeps the
    number it last had)."""
    number, heading = headings.shown(row) if row.current else (row.number, row.heading)
    heading = heading or _("Introduction")
    return f"{number} {heading}" if number else heading


def clause_chart(rows, counts: dict[str, Counter], labels: dict[str, str]) -> BarChart:
    chart_rows = []
    for row in rows:
        chart_rows.append(Row(labels[row.key]))
        chart_rows += [Row(language_name(lang), n) for lang, n in counts[row.key].most_common()]
    return bar_chart(
        "chart-clauses",
        # Translators: Chart title and table heading in comment statistics: number of comments for each clause and language. Read by everyone: the report and statistics are public.
        _("Comments per clause and language"),
        # Translators: Text alternative describing the chart of comments per clause and language for screen readers.
        _("For each clause, one bar per language, labelled with its number of comments."),
        chart_rows,
    )


def day_chart(days: dict[date, int]) -> BarChart:
    return bar_chart(
        "chart-days",
        # Translators: Chart title in comment statistics: number of comments per day. Read by everyone: the report and statistics are public.
        _("Comments per day"),
        # Translators: Text alternative describing the chart of comments per day for screen readers; "UTC" is the time standard, keep it.
        _("One bar per day (UTC) on which comments were written, labelled with their number."),
        [Row(format_date(day, "medium"), count) for day, count in days.items()],
    )


def week_chart(weeks: dict[date, Counter]) -> BarChart:
    chart_rows = []
    for monday, decided in weeks.items():
        # Translators: Label of a week in the statistics chart; %(day)s is the date of that week's Monday. Read by everyone: the report and statistics are public.
        chart_rows.append(Row(_("Week of %(day)s", day=format_date(monday, "medium"))))
        chart_rows += [
            Row(str(label), decided[disposition])
            for disposition, label in DISPOSITION_LABELS.items()
            if decided[disposition]
        ]
    return bar_chart(
        "chart-weeks",
        # Translators: Chart title in comment statistics: dispositions decided each week. Read by everyone: the report and statistics are public.
        _("Dispositions per week"),
        # Translators: Text alternative describing the chart of dispositions per week for screen readers.
        _("For each week, one bar per disposition staff decided that week, with its number."),
        chart_rows,
    )


def clause_figures(policy: Policy, latest) -> dict:
    counts = by_clause_and_language(policy)
    rows = clause_rows(policy, set(counts))
    headings = heading_numbers_by_revision(policy, [latest])[latest.id]
    labels = {row.key: clause_label(row, headings) for row in rows}
    commented = [row for row in rows if counts.get(row.key)]
    return {
        "clause_rows": rows,
        "clause_labels": labels,
        "counts": counts,
        "languages": languages_by_count(counts),
        "clause_chart": clause_chart(commented, counts, labels),
    }


def statistics_content(policy: Policy, latest: Revision) -> str:
    days, weeks = by_day(policy), dispositions_by_week(policy)
    return render_template(
        "comments/_statistics_content.html",
        policy=policy,
        latest=latest,
        days=days,
        weeks=weeks,
        day_chart=day_chart(days),
        week_chart=week_chart(weeks),
        dispositions=[d for d in Disposition if d is not Disposition.OPEN],
        disposition_labels=DISPOSITION_LABELS,
        counted=counted,
        format_number=counts_formatter(),
        format_date=format_date,
        **clause_figures(policy, latest),
    )


@bp.get("/policies/<slug>/statistics")
def statistics(slug: str):
    policy = policy_or_404(slug)
    latest = latest_revision(policy)
    if latest is None:
        abort(404)
    content = rendered("statistics", policy, lambda: statistics_content(policy, latest))
    return render_template("comments/statistics.html", policy=policy, content=content)
