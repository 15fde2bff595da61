"""render_markdown() and render_inline(): safe HTML from untrusted Markdown."""

from __future__ import annotations

import importlib
import re
from html.parser import HTMLParser

import pytest

from drafts import (
    CLAUSE_PROFILE,
    COMMENT_PROFILE,
    RenderProfile,
    forget_renderings,
    is_safe_url,
    render_inline,
    render_markdown,
)

render_module = importlib.import_module("drafts.render")

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "rel"},
    "ol": {"start"},
    "th": {"class"},
    "td": {"class"},
}
ALIGNMENTS = {"align-left", "align-center", "align-right"}
ALLOWED_TAGS = {
    "p",
    "em",
    "strong",
    "del",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "hr",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
}
SAFE_SCHEMES = {"http", "https", "mailto"}

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<a href="javascript:alert(1)">x</a>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<!-- x --><script>alert(1)</script>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<style>@import 'https://evil.example/x.css';</style>",
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](jav&#x09;ascript:alert(1))",
    "[x](jav&#x0A;ascript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;&#x61;vascript&#x3A;alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](%6Aavascript:alert(1))",
    "[x](java%0ascript:alert(1))",
    "[x](java\x00script:alert(1))",
    "[x](\x01javascript:alert(1))",
    "[x]( javascript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x](<java script:alert(1)>)",
    "[x](vbscript:msgbox(1))",
    "[x](VBScript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](file:///etc/passwd)",
    "![x](javascript:alert(1))",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "![x](data:image/png;base64,iVBORw0KGgo=)",
    "[x][r]\n\n[r]: javascript:alert(1)",
    '[r]\n\n[r]: <javascript:alert(1)> "title"',
    "[x]\n\n[x]: data:text/html,<script>alert(1)</script>",
    "<javascript:alert(1)>",
    "<JAVASCRIPT:alert(1)>",
    "<vbscript:msgbox(1)>",
    "<data:text/html,alert(1)>",
    '[x](https://ok.example "a\\" onmouseover=\\"alert(1)")',
    "[x](https://ok.example 'a\" onmouseover=\"alert(1)')",
    '![a" onerror="alert(1)](https://ok.example/i.png)',
    '![x](https://ok.example/i.png "t\\" onerror=\\"alert(1)")',
    '<https://ok.example/"onmouseover="alert(1)>',
    '[x](https://ok.example/"><script>alert(1)</script>)',
    "[<img src=x onerror=alert(1)>](https://ok.example)",
    "**<img src=x onerror=alert(1)>**",
    "~~<script>alert(1)</script>~~",
    "`<script>alert(1)</script>`",
    "```html\n<script>alert(1)</script>\n```",
    "    <script>alert(1)</script>",
    "| a |\n|---|\n| <script>alert(1)</script> |",
    "| a |\n|---|\n| [x](javascript:alert(1)) |",
    "> <iframe srcdoc='<script>alert(1)</script>'>",
    "# <script>alert(1)</script>",
    "- [x](javascript:alert(1))\n- <img src=x onerror=alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<a href=javascript:alert(1)>x",
    "<form action=javascript:alert(1)><input type=submit></form>",
    "<object data=javascript:alert(1)></object><embed src=javascript:alert(1)>",
    "<base href=javascript:alert(1)//>",
    "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
]


class _Elements(HTMLParser):
    """Collects every start tag and its attributes, with entities decoded as a browser would."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def elements(markup: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(markup)
    parser.close()
    return parser.elements


def url_scheme(url: str) -> str | None:
    bare = re.sub(r"[\x00-\x20\x7f-\x9f]", "", url).lower()
    found = re.match(r"([^:/?#]*):", bare)
    return found.group(1) if found else None


def assert_safe(markup: str) -> None:
    assert "<script" not in markup.lower()
    for tag, attributes in elements(markup):
        assert tag in ALLOWED_TAGS, markup
        for name, value in attributes.items():
            assert name in ALLOWED_ATTRIBUTES.get(tag, set()), markup
            assert not name.startswith("on"), markup
            if name in {"href", "src"}:
                assert url_scheme(value or "") in SAFE_SCHEMES | {None}, markup
            if name == "class":
                assert value in ALIGNMENTS, markup


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
@pytest.mark.parametrize("profile", [CLAUSE_PROFILE, COMMENT_PROFILE], ids=["clause", "comment"])
def test_xss_payloads_render_harmless(payload: str, profile: RenderProfile) -> None:
    assert_safe(render_markdown(payload, profile))


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payloads_render_harmless_inline(payload: str) -> None:
    assert_safe(render_inline(payload))


def test_there_are_plenty_of_payloads() -> None:
    assert len(XSS_PAYLOADS) >= 30


@pytest.mark.parametrize(
    "payload",
    ["[x](javascript:alert(1))", "[x](jav&#x09;ascript:alert(1))", "<javascript:alert(1)>"],
)
def test_rejected_links_stay_literal_text(payload: str) -> None:
    markup = render_markdown(payload)
    assert "<a" not in markup
    assert "alert(1)" in markup


def test_raw_html_is_escaped_not_passed_through() -> None:
    assert render_markdown("<b>bold</b>") == "<p>&lt;b&gt;bold&lt;/b&gt;</p>\n"


def test_sanitiser_is_a_second_line_of_defence() -> None:
    hostile = (
        '<a href="javascript:alert(1)" onclick="x()">a</a><img src="x" onerror="y()">'
        '<script>z()</script><p class="x" id="y">p</p>'
        '<table><tr><td style="text-align:left" class="align-left evil">c</td></tr></table>'
    )
    cleaned = render_module._clean(hostile, CLAUSE_PROFILE)
    assert_safe(cleaned)
    assert "z()" not in cleaned and "<img" not in cleaned and "style=" not in cleaned
    assert '<td class="align-left">c</td>' in cleaned


# Links and rel


def link_attributes(markup: str) -> list[dict[str, str | None]]:
    return [attributes for tag, attributes in elements(markup) if tag == "a"]


def test_external_links_carry_the_profile_rel() -> None:
    text = "[a](https://example.org) <http://example.org/x> [b](//example.org/y)"
    for profile in (CLAUSE_PROFILE, COMMENT_PROFILE):
        links = link_attributes(render_markdown(text, profile))
        assert [link["rel"] for link in links] == [profile.link_rel] * 3


def test_comment_rel_marks_user_generated_content() -> None:
    assert COMMENT_PROFILE.link_rel == "nofollow ugc noopener"
    assert CLAUSE_PROFILE.link_rel == "nofollow noopener"


def test_relative_fragment_and_mail_links_are_kept() -> None:
    links = link_attributes(
        render_markdown("[a](/policies/1) [b](#scope) [c](mailto:x@example.org) <x@example.org>")
    )
    assert [link["href"] for link in links] == [
        "/policies/1",
        "#scope",
        "mailto:x@example.org",
        "mailto:x@example.org",
    ]
    assert all("rel" not in link for link in links)


def test_link_title_is_kept_and_escaped() -> None:
    links = link_attributes(render_markdown('[a](https://example.org "Say \\"hi\\"")'))
    assert links == [
        {"href": "https://example.org", "title": 'Say "hi"', "rel": "nofollow noopener"}
    ]


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org", True),
        ("HTTP://example.org", True),
        ("mailto:a@example.org", True),
        ("/relative/path:with:colons", True),
        ("relative?q=a:b", True),
        ("#fragment", True),
        ("", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("jav\tascript:alert(1)", False),
        ("jav%09ascript:alert(1)", False),
        ("java\x00script:alert(1)", False),
        ("vbscript:x", False),
        ("data:text/html,x", False),
        ("data:image/png;base64,AAAA", False),
        ("file:///etc/passwd", False),
        ("ftp://example.org", False),
        ("ｊａｖａｓｃｒｉｐｔ:alert(1)", False),
    ],
)
def test_is_safe_url(url: str, safe: bool) -> None:
    assert is_safe_url(url) is safe


# Profiles


def test_clause_profile_renders_headings() -> None:
    markup = render_markdown("# Title\n\n### Sub")
    assert "<h1>Title</h1>" in markup and "<h3>Sub</h3>" in markup


# Images: a reader's browser never fetches one; each becomes a link to it.

RENDERERS = {
    "clause": lambda text: render_markdown(text, CLAUSE_PROFILE),
    "comment": lambda text: render_markdown(text, COMMENT_PROFILE),
}


@pytest.mark.parametrize("render", RENDERERS.values(), ids=RENDERERS.keys())
def test_a_remote_image_becomes_a_link_named_by_its_alt_text(render) -> None:
    markup = render('See ![A *bar* chart](https://tracker.example/c.png "Chart").')
    assert "<img" not in markup and not any("src" in found for _, found in elements(markup))
    rel = COMMENT_PROFILE.link_rel if render is RENDERERS["comment"] else CLAUSE_PROFILE.link_rel
    assert f'<a href="https://tracker.example/c.png" title="Chart" rel="{rel}">A bar chart</a>' in (
        markup
    )
    assert "!" not in markup


@pytest.mark.parametrize("render", RENDERERS.values(), ids=RENDERERS.keys())
def test_an_image_without_alt_text_is_a_link_named_by_its_url(render) -> None:
    markup = render("![](//tracker.example/pixel.gif?who=me&amp;x=1)")
    assert "<img" not in markup
    assert link_attributes(markup)[0]["href"] == "//tracker.example/pixel.gif?who=me&x=1"
    assert ">//tracker.example/pixel.gif?who=me&amp;x=1</a>" in markup


def test_an_image_in_inline_text_is_only_its_alt_text_or_url() -> None:
    # Headings are shown inside other links (a table of contents): a link there would nest.
    assert render_inline("Scope ![A *chart*](https://tracker.example/c.png)") == "Scope A chart"
    assert render_inline("Scope ![](https://tracker.example/c.png)") == (
        "Scope https://tracker.example/c.png"
    )


def test_a_local_image_becomes_a_link_too() -> None:
    # One rule for every image: no same-origin URL is fetched by merely reading a page either.
    assert render_markdown("![Logo](/static/logo.png)") == (
        '<p><a href="/static/logo.png">Logo</a></p>\n'
    )


def test_an_image_inside_a_link_becomes_the_link_text() -> None:
    markup = render_markdown("[![Build status](https://ci.example/badge.svg)](https://ci.example)")
    assert link_attributes(markup) == [{"href": "https://ci.example", "rel": "nofollow noopener"}]
    assert ">Build status</a>" in markup


def test_an_image_with_neither_alt_text_nor_url_renders_nothing() -> None:
    assert render_markdown("a ![]() b") == "<p>a  b</p>\n"


def test_comment_profile_has_no_headings() -> None:
    text = "# Big\n\nSetext\n======\n\n###### small"
    markup = render_markdown(text, COMMENT_PROFILE)
    assert not re.search(r"<h[1-6]", markup)
    assert "<p><strong>Big</strong></p>" in markup and "<p><strong>Setext</strong></p>" in markup


def test_comment_profile_still_validates_image_urls() -> None:
    markup = render_markdown("![x](javascript:alert(1))", COMMENT_PROFILE)
    assert "<a" not in markup and "<img" not in markup


def test_tables_keep_alignment_as_a_class_not_an_inline_style() -> None:
    markup = render_markdown("| a | b | c | d |\n|:--|--:|---|:-:|\n| 1 | 2 | 3 | 4 |")
    assert '<th class="align-left">a</th>' in markup
    assert '<td class="align-right">2</td>' in markup
    assert '<td class="align-center">4</td>' in markup
    assert "<td>3</td>" in markup and "style=" not in markup


def test_ordered_list_start_is_kept() -> None:
    assert '<ol start="3">' in render_markdown("3. three\n4. four")


def test_inline_formatting_and_strikethrough() -> None:
    assert render_markdown("*em* **strong** ~~gone~~ `code`") == (
        "<p><em>em</em> <strong>strong</strong> <s>gone</s> <code>code</code></p>\n"
    )


def test_code_blocks_are_escaped_and_lose_language_classes() -> None:
    markup = render_markdown("```python\nif a < b:\n    pass\n```")
    assert markup == "<pre><code>if a &lt; b:\n    pass\n</code></pre>\n"


def test_blockquote_rule_and_hard_break() -> None:
    markup = render_markdown("> quoted  \n> line\n\n---")
    assert markup == "<blockquote>\n<p>quoted<br>\nline</p>\n</blockquote>\n<hr>\n"


def test_render_inline_has_no_block_wrapper() -> None:
    assert render_inline("**Scope** & [terms](https://example.org)") == (
        '<strong>Scope</strong> &amp; <a href="https://example.org" rel="nofollow noopener">terms</a>'
    )


def test_renderings_are_cached_per_text_and_profile_up_to_a_length():
    cache = render_module._cached_rendered
    forget_renderings()
    text = "A *clause* with [a link](https://example.org)."
    block, inline = render_markdown(text), render_inline(text)
    comment = render_markdown(text, COMMENT_PROFILE)
    assert cache.cache_info().currsize == 3
    assert (render_markdown(text), render_inline(text), render_markdown(text, COMMENT_PROFILE)) == (
        block,
        inline,
        comment,
    )
    assert cache.cache_info().hits == 3
    assert 'rel="nofollow ugc noopener"' in comment and 'rel="nofollow noopener"' in block


def test_very_long_texts_are_rendered_but_not_kept():
    cache = render_module._cached_rendered
    forget_renderings()
    long_text = "word " * (render_module._LONGEST_CACHED_TEXT // 5 + 1)
    assert render_markdown(long_text).startswith("<p>word word")
    assert cache.cache_info().currsize == 0
