"""Every count in the interface goes through the plural rules (`ngettext`, or `{% trans
count=… %}…{% pluralize %}`): a singular message holding a count reads "1 clauses" in
English and is wrong in every language with other plural forms.

The rule, over translations/messages.pot: a singular message (no plural form) may not hold

- a placeholder named as a count: the names in COUNT_NAMES are reserved for numbers of
  things ("%(count)s comments", "%(minutes)s minutes", "+%(added)s words"); or
- an integer placeholder (`%(x)d`) followed by a word, whatever its name ("at most %(max)d
  characters"), unless the name is one of ORDINALS, which number one thing rather than count
  many ("revision %(number)d is published", "heading %(position)s").

A bound such as "from 1 to %(max)d." or "Page %(current)s of %(total)s" counts nothing.
"""

import re
from pathlib import Path

from babel.messages.pofile import read_po
from flask import render_template_string

TEMPLATE = Path(__file__).resolve().parent.parent / "translations" / "messages.pot"

COUNT_NAMES = frozenset(
    {
        "count",
        "num",
        "n",
        "minutes",
        "hours",
        "days",
        "seconds",
        "length",
        "size",
        "limit",
        "minimum",
        "maximum",
        "saved",
        "unchanged",
        "added",
        "removed",
        "found",
        "groups",
        "comments",
        "clauses",
        "words",
    }
)
ORDINALS = frozenset({"number", "position", "first", "current", "latest_number", "line", "code"})
PLACEHOLDER = re.compile(r"%\((?P<name>\w+)\)(?P<type>[a-z])(?P<after>\s+\w)?")


def counts_in(text: str) -> list[str]:
    """The placeholders of `text` that count things, by the rule above."""
    found = []
    for match in PLACEHOLDER.finditer(text):
        name, integer, before_word = match["name"], match["type"] == "d", match["after"]
        if name in COUNT_NAMES or (integer and before_word and name not in ORDINALS):
            found.append(match[0].split()[0])
    return found


def singular_messages_with_counts() -> list[str]:
    with TEMPLATE.open("rb") as f:
        catalog = read_po(f)
    return [
        f"{message.id!r} ({', '.join(counts_in(message.id))})"
        for message in catalog
        if message.id and isinstance(message.id, str) and counts_in(message.id)
    ]


def test_the_rule_finds_counts_and_leaves_ordinals():
    assert counts_in("%(count)s comments") == ["%(count)s"]
    assert counts_in("Use at most %(max)d characters.") == ["%(max)d"]
    assert counts_in("+%(added)s / −%(removed)s words") == ["%(added)s", "%(removed)s"]
    assert counts_in("Revision %(number)d is published.") == []
    assert counts_in("Page numbers are whole numbers from 1 to %(max)d.") == []
    assert counts_in("Page %(current)s of %(total)s") == []


def test_every_count_is_a_plural_message():
    assert singular_messages_with_counts() == []


def test_a_templates_count_is_shown_by_babel(app):
    template = (
        "{% trans count=n %}{{ count }} comment{% pluralize %}{{ count }} comments{% endtrans %}"
    )
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert render_template_string(template, n=1234) == "1,234 comments"
        assert render_template_string(template, n=1) == "1 comment"
