"""Reference links, hard breaks and entities in changed text, on the redline and the publish
preview, show as the reading page shows them."""

from consult.redline.render import INLINE, NEW_SIDE, OLD_SIDE, Labels, redline_html
from drafts import diff_text
from tests.factories import DOCUMENT

LABELS = Labels(inserted="ins:", deleted="del:", end="end")
RULES = "[the rules][r]"


def html(old: str, new: str, shown=INLINE) -> str:
    return str(redline_html(diff_text(old, new).ops, LABELS, shown))


def test_a_reference_link_whose_definition_was_added_is_a_link():
    old = "See the rules now."
    new = f"See {RULES} now.\n\n[r]: https://example.org/rules"
    for shown in (INLINE, NEW_SIDE):
        out = html(old, new, shown)
        assert '<a href="https://example.org/rules"' in out, out
        assert "[r]" not in out and RULES not in out, out


def test_an_added_definition_shows_nothing():
    old = f"See {RULES}.\n\nMore.\n\n[r]: /rules"
    new = f"See {RULES}.\n\nMore.\n\n[q]: /other\n\n[r]: /rules"
    for shown in (INLINE, OLD_SIDE, NEW_SIDE):
        out = html(old, new, shown)
        assert "[q]" not in out and "/other" not in out, out
        assert '<a href="/rules">the rules</a>' in out, out


def test_each_side_links_where_its_own_definition_points():
    old = f"See {RULES}.\n\n[r]: /old\n\nAnd more."
    new = f"See {RULES}.\n\n[r]: /new\n\nAnd more text."
    assert '<a href="/new">' in html(old, new, NEW_SIDE)
    assert '<a href="/old">' in html(old, new, OLD_SIDE)
    assert '<a href="/new">' in html(old, new, INLINE)


def test_a_definition_replaced_by_text_shows_the_text_changed():
    out = html(f"See {RULES}.\n\n[r]: /rules", f"See {RULES}.\n\nA new paragraph.")
    assert '<a href="/rules">' in out and "<ins>" in out and "A new paragraph." in out, out


def test_a_hard_break_at_the_end_of_a_change_stays_a_break():
    for old, new in [
        ("one two  \nthree", "one two four  \nthree"),
        ("one two\\\nthree", "one two four\\\nthree"),
    ]:
        out = html(old, new)
        assert "four" in out and "<br>" in out, out
        assert "\\" not in out, out


def test_entities_in_a_change_render_as_characters():
    out = html("Fish and chips.", "Fish &amp; chips &copy; us.")
    assert "&amp;amp;" not in out and "©" in out, out


REFERENCED = DOCUMENT.replace(
    "Do not harass anyone.", "Do not harass anyone. Read [the rules][r].\n\n[r]: /rules"
)


def test_the_publish_preview_shows_a_reference_link_as_a_link(
    client, auth, create_policy, create_revision
):
    policy = create_policy()
    create_revision(policy)
    create_revision(policy, REFERENCED, publish=False, summary="Second")
    auth.login()
    page = client.get(f"/policies/{policy.slug}/revisions/2/publish").get_data(as_text=True)
    assert '<a href="/rules">' in page and "[r]" not in page, page


def test_the_compare_page_shows_a_reference_link_as_a_link(client, create_policy, create_revision):
    policy = create_policy()
    create_revision(policy)
    create_revision(policy, REFERENCED, summary="Second")
    for mode in ("inline", "side"):
        page = client.get(f"/policies/{policy.slug}/compare/1/2?mode={mode}").get_data(as_text=True)
        assert '<a href="/rules">' in page and "[r]" not in page, page
