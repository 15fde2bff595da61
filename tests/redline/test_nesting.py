"""Redlines of nested lists and indented code nest as the reading page does."""

import re

import pytest

from consult.redline.render import INLINE, NEW_SIDE, OLD_SIDE, Labels, redline_html
from drafts import diff_text, render_markdown

LABELS = Labels(inserted="ins:", deleted="del:", end="end")
BLOCK_TAG = re.compile(r"</?(?:ul|ol|li|pre|p|blockquote|h[1-6]|table|tr)>")
MARKED = re.compile(r"<(ins|del)>.*?</\1>", re.DOTALL)

NESTED = """Intro.

- one
  - nested a
  - nested b
    1. deep
- two

Code:

    def f():
        return 1

1. step

   ```py
   if ready:
       go()
   ```
"""


def structure(html: str) -> list[str]:
    """The block tags of a page, in order: how its blocks nest, whatever their words."""
    return BLOCK_TAG.findall(MARKED.sub("", html))


def redline(old: str, new: str, shown=INLINE) -> str:
    return str(redline_html(diff_text(old, new).ops, LABELS, shown))


def test_a_nested_list_against_itself_nests_as_on_the_reading_page():
    html = redline(NESTED, NESTED)
    assert structure(html) == structure(render_markdown(NESTED))
    assert "<li>one\n<ul>\n<li>nested a</li>" in html
    assert "<li>nested b\n<ol>\n<li>deep</li>\n</ol>\n</li>" in html
    assert "<pre><code>def f():\n    return 1\n</code></pre>" in html
    assert "<li>\n<p>step</p>\n<pre><code>if ready:\n    go()\n</code></pre>\n</li>" in html


EDITS = {
    "a word inside a nested item": NESTED.replace("nested b", "nested bee"),
    "a word inside a deeper item": NESTED.replace("deep", "deeper still"),
    "a nested item added": NESTED.replace("  - nested b", "  - nested a2\n  - nested b"),
    "a nested item removed": NESTED.replace("  - nested a\n", ""),
    "a deeper list added": NESTED.replace("- two", "- two\n  - under two"),
    "an item nested": NESTED.replace("- two", "  - two"),
    "an item un-nested": NESTED.replace("  - nested b", "- nested b"),
    "a line of indented code": NESTED.replace("return 1", "x = 1\n        return x"),
    "code indented further": NESTED.replace("        return 1", "            return 1"),
    "a line of fenced code in an item": NESTED.replace("       go()", "       go()\n       stop()"),
}


@pytest.mark.parametrize("name", EDITS)
def test_each_side_of_an_edit_nests_as_its_own_reading_page(name):
    new = EDITS[name]
    assert structure(redline(NESTED, new, OLD_SIDE)) == structure(render_markdown(NESTED))
    assert structure(redline(NESTED, new, NEW_SIDE)) == structure(render_markdown(new))


def test_an_edit_inside_a_nested_item_keeps_the_inline_redline_nested():
    html = redline(NESTED, EDITS["a word inside a nested item"])
    assert structure(html) == structure(render_markdown(NESTED))
    assert re.search(r"<li>one\n<ul>\n<li>nested a</li>\n<li>nested <del>.*</del><ins>.*bee", html)


def test_rewrapping_a_nested_item_is_no_change():
    rewrapped = NESTED.replace("  - nested a", "  - nested\n    a")
    assert not diff_text(NESTED, rewrapped).changed


def test_the_compare_page_nests_a_nested_list(client, create_policy, create_revision):
    policy = create_policy()
    create_revision(policy, f"## Scope\n\n{NESTED}")
    create_revision(policy, f"## Scope\n\n{EDITS['a nested item added']}", summary="Second")
    page = client.get("/policies/guidelines/compare/1/2").get_data(as_text=True)
    assert re.search(r"<li>one\n<ul>\n<li>nested a</li>\n<li>nested <ins>", page)


QUOTED = """Intro.

> - one
>   - nested a
>   - nested b
>     1. deep
> - two
>
> Code:
>
>     def f():
>         return 1
"""


def test_a_list_nested_inside_a_quote_nests_as_on_the_reading_page():
    html = redline(QUOTED, QUOTED)
    assert structure(html) == structure(render_markdown(QUOTED))
    assert "<li>one\n<ul>\n<li>nested a</li>" in html
    assert "<pre><code>def f():\n    return 1\n</code></pre>" in html


QUOTED_EDITS = {
    "a word inside a quoted nested item": QUOTED.replace("nested b", "nested bee"),
    "a quoted item un-nested": QUOTED.replace(">   - nested b", "> - nested b"),
    "a quoted item nested": QUOTED.replace("> - two", ">   - two"),
}


@pytest.mark.parametrize("name", QUOTED_EDITS)
def test_each_side_of_an_edit_inside_a_quote_nests_as_its_own_reading_page(name):
    new = QUOTED_EDITS[name]
    assert structure(redline(QUOTED, new, OLD_SIDE)) == structure(render_markdown(QUOTED))
    assert structure(redline(QUOTED, new, NEW_SIDE)) == structure(render_markdown(new))


def marked(html: str) -> list[tuple[str, str]]:
    """(tag, text) of each marked run, its announcements left out."""
    text = re.sub(r'<span class="visually-hidden"[^>]*>[^<]*</span>', "", html)
    return re.findall(r"<(ins|del)>(.*?)</\1>", text, re.S)


@pytest.mark.parametrize("nested", [NESTED, QUOTED], ids=["list", "quoted list"])
def test_an_item_moved_out_one_level_is_struck_at_its_old_level_and_inserted_at_its_new(nested):
    prefix = ">   " if nested is QUOTED else "  "
    outer = nested.replace(f"{prefix}- nested a", f"{prefix[:-2]}- nested a")
    html = redline(nested, outer)
    assert marked(html) == [("del", "nested a"), ("ins", "nested a")]
    # Struck as the first item of the nested list, inserted as an item of the outer one.
    assert re.search(r"<li>one\n<ul>\n<li><del>", html)
    assert re.search(r"</del>[^\n]*</li>\n</ul>\n</li>\n<li><ins>", html)
    assert marked(redline(nested, outer, OLD_SIDE)) == [("del", "nested a")]
