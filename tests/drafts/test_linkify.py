"""Bare addresses in what people write become links (issue 15), under the same rules as
written links: only http, https and mailto, and nothing the sanitiser would not let through."""

import pytest

from drafts import COMMENT_PROFILE
from drafts.render import render_text


def test_a_bare_address_becomes_a_link_marked_as_user_content() -> None:
    html = render_text("See https://example.org/a/b?c=1 now.", COMMENT_PROFILE)
    assert (
        '<a href="https://example.org/a/b?c=1" rel="nofollow ugc noopener">'
        "https://example.org/a/b?c=1</a>"
    ) in html


@pytest.mark.parametrize(
    "text",
    [
        "javascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<b>x</b>",
        "ftp://example.org/file",
        "file:///etc/passwd",
    ],
)
def test_other_schemes_stay_text(text: str) -> None:
    assert "<a " not in render_text(f"Try {text} here.", COMMENT_PROFILE)


def test_an_address_without_a_scheme_and_an_email_link_safely() -> None:
    html = render_text("www.example.org or team@example.org", COMMENT_PROFILE)
    assert 'href="http://www.example.org"' in html
    assert 'href="mailto:team@example.org"' in html
