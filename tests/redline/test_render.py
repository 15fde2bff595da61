"""Redline HTML: structure kept, tags balanced, nothing raw or unsafe leaks."""

import re
from html import unescape
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consult.redline.render import INLINE, NEW_SIDE, OLD_SIDE, Labels, redline_html
from drafts import diff_text, normalise, render_markdown
from tests.policies.test_xss import PAYLOADS, problems
from tests.redline import markdown_documents

LABELS = Labels(inserted="ins:", deleted="del:", end="end")


class Nesting(HTMLParser):
    VOID = {"br", "hr", "img", "input", "meta", "link"}

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> with open {self.stack}")
        else:
            self.stack.pop()


def balanced(html: str) -> bool:
    parser = Nesting()
    parser.feed(html)
    return not parser.errors and not parser.stack


def html(ops, shown=INLINE, inline=False) -> str:
    return str(redline_html(ops, LABELS, shown, inline))


def test_change_inside_a_paragraph():
    out = html([("equal", "We pledge "), ("insert", "always "), ("equal", "to help.")])
    assert out.startswith("<p>") and "<ins>" in out and "always" in out
    assert balanced(out)


def test_change_spanning_paragraphs_stays_inside_blocks():
    ops = [
        ("equal", "One "),
        ("delete", "two"),
        ("delete", "\n\n"),
        ("delete", "three"),
        ("equal", " four."),
    ]
    out = html(ops)
    assert balanced(out)
    assert out.count("<p>") == 2


def test_list_items_keep_their_markers():
    ops = [("equal", "* a\n"), ("insert", "* b"), ("insert", "\n"), ("equal", "* c")]
    out = html(ops)
    assert out.count("<li>") == 3 and "* b" not in out
    assert balanced(out)


def test_emphasis_inside_an_insertion_is_rendered():
    out = html([("equal", "Be "), ("insert", "**very** "), ("equal", "kind.")])
    assert "<strong><ins>very</ins></strong>" in out and "**" not in out
    assert balanced(out)


def test_sides_show_only_their_own_text():
    ops = [("equal", "a "), ("delete", "old"), ("insert", "new"), ("equal", " b")]
    assert "old" in html(ops, OLD_SIDE) and "new" not in html(ops, OLD_SIDE)
    assert "new" in html(ops, NEW_SIDE) and "old" not in html(ops, NEW_SIDE)


def test_changed_link_target_points_to_the_new_url():
    ops = [
        ("equal", "[site](https://"),
        ("delete", "old"),
        ("insert", "new"),
        ("equal", ".example.org)"),
    ]
    out = html(ops)
    assert 'href="https://new.example.org"' in out
    assert balanced(out)


def test_a_changed_image_is_a_link_on_each_side_and_loads_nothing():
    ops = [
        ("equal", "![A "),
        ("delete", "bar"),
        ("insert", "pie"),
        ("equal", " chart](https://tracker.example/"),
        ("delete", "bar"),
        ("insert", "pie"),
        ("equal", ".png)"),
    ]
    out = html(ops)
    assert "<img" not in out and "src=" not in out and balanced(out)
    assert re.search(
        r'<a href="https://tracker.example/pie.png" rel="nofollow noopener">A <del>.*bar.*</del>'
        r"<ins>.*pie.*</ins> chart</a>",
        out,
    ), out
    assert 'href="https://tracker.example/bar.png"' in html(ops, OLD_SIDE)


def test_heading_rendered_inline():
    out = html(
        [("equal", "Our "), ("delete", "Responsibilities"), ("insert", "Duties")], inline=True
    )
    assert "<p>" not in out and "<del>" in out and "<ins>" in out


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_changes_are_inert(payload):
    for shown in (INLINE, OLD_SIDE, NEW_SIDE):
        out = html(
            [("equal", "safe "), ("insert", payload), ("equal", " text "), ("delete", payload)],
            shown,
        )
        assert problems(out) == [], out
        assert balanced(out)


def test_screen_readers_hear_the_changes():
    out = html([("equal", "a "), ("insert", "b")])
    assert '<span class="visually-hidden">ins: </span>' in out
    assert '<span class="visually-hidden"> end</span></ins>' in out


TABLE = "| Role | Duty |\n| --- | --- |\n| Steward | Keeps the *tools* |\n| Coordinator | Runs meetings |"
STRUCTURES = {
    "a table row added": (TABLE, TABLE + "\n| Treasurer | Keeps the money |"),
    "a table cell edited": (TABLE, TABLE.replace("*tools*", "*seeds* and tools")),
    "a table row removed": (TABLE, TABLE.replace("\n| Coordinator | Runs meetings |", "")),
    "a column added": (
        TABLE,
        "| Role | Duty | Since |\n| --- | --- | --- |\n"
        "| Steward | Keeps the *tools* | 2020 |\n| Coordinator | Runs meetings | 2021 |",
    ),
    "a table added": ("Roles are listed below.", "Roles are listed below.\n\n" + TABLE),
    "a code block added": ("Write to us.", "Write to us.\n\n```\ncontact: care@example.org\n```"),
    "a code block edited": (
        "```\ncontact: team@example.org\nphone: 123\n```",
        "```\ncontact: care@example.org\nphone: 123\n```",
    ),
    "a code block becomes a paragraph": (
        "```\ncontact: team@example.org\n```",
        "Write to care@example.org.",
    ),
    "a rule added": ("One part.\n\nAnother part.", "One part.\n\n---\n\nAnother part."),
    "a list item added under a quote": ("> - one\n> - two", "> - one\n> - two\n> - three"),
}


def visible_text(html_text: str) -> str:
    """What a reader sees: no announcements, no tags, spaces collapsed."""
    text = re.sub(r'<span class="visually-hidden"[^>]*>[^<]*</span>', "", html_text)
    text = re.sub(r"</?(?:ins|del|em|strong|code|a)\b[^>]*>", "", text)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", text)).split())


def inline_after_checking_each_side(old: str, new: str) -> str:
    """The inline redline of ``old`` → ``new``, once each side is shown to nest and to read
    exactly as its own text."""
    ops = diff_text(old, new).ops
    for shown, text in ((NEW_SIDE, new), (OLD_SIDE, old)):
        out = html(ops, shown)
        assert balanced(out), out
        assert visible_text(out) == visible_text(render_markdown(normalise(text))), out
    inline = html(ops)
    assert balanced(inline), inline
    return inline


@pytest.mark.parametrize("name", STRUCTURES)
def test_each_side_of_a_structural_change_reads_exactly_as_its_own_text(name):
    old, new = STRUCTURES[name]
    inline = inline_after_checking_each_side(old, new)
    either = old + new
    shown_inline = visible_text(inline)
    assert all(word in shown_inline for word in re.findall(r"\w+", either)), inline
    assert inline.count("<table>") == ("| ---" in either), inline
    assert inline.count("<pre>") == ("```" in either), inline


@settings(max_examples=300, deadline=None)
@given(st.randoms(use_true_random=False))
def test_any_edit_of_any_structure_renders_each_side_as_its_own_text(rng):
    old_blocks = markdown_documents.document(rng)
    old = "\n\n".join(old_blocks)
    new = "\n\n".join(markdown_documents.edited(rng, old_blocks))
    inline = inline_after_checking_each_side(old, new)
    shown_words = set(re.findall(r"[a-z]+", unescape(re.sub(r"<[^>]+>", " ", inline))))
    # Every word of both sides shows (link destinations and list numbers are not words shown).
    expected = set(re.findall(r"[a-z]+", re.sub(r"\(https://[^)]*\)", "", f"{old}\n{new}")))
    assert expected <= shown_words, (old, new, inline)
