"""Markdown -> safe HTML for clauses and comments.

Safety is layered: markdown-it never passes raw HTML through and only makes
links of allowed URLs; nh3 then re-cleans the output against an allow-list
matching what markdown-it emits, in case a future markdown-it emits more.

Nothing rendered loads anything by itself: an image becomes a link to it (a
remote image would tell its host who reads the page, and when) — or, in inline
text (a heading, shown inside other links), just its alt text — and a table
column's alignment is a class rather than a style attribute, so pages need no
inline styles under their Content-Security-Policy.
"""

from __future__ import annotations

import hashlib
import re
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import linkify_it
import markdown_it
import nh3
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from drafts.syntax import markdown_parser

# What the HTML of a text depends on besides the text and the profile: these rules (bump the
# number when a change to them changes any output) and the libraries that apply them. A
# stored rendering made under another version is never used.
RENDERER_VERSION = (
    f"consult-render 2; markdown-it-py {markdown_it.__version__}; nh3 {nh3.__version__}; "
    f"linkify-it-py {linkify_it.__version__}"
)

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_NOT_URL_TEXT = re.compile(r"[\x00-\x20\x7f-\x9f\s]+")
_SCHEME_END = re.compile(r"[:/?#]")
_ALLOWED_TAGS = frozenset(
    {"a", "p", "em", "strong", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "hr", "br"}
    | {"table", "thead", "tbody", "tr", "th", "td"}
)
_ALLOWED_ATTRIBUTES: Mapping[str, frozenset[str]] = {
    "a": frozenset({"href", "title", "rel"}),
    "ol": frozenset({"start"}),
    "th": frozenset(),
    "td": frozenset(),
}
_ALIGNMENT_CLASSES = frozenset({"align-left", "align-center", "align-right"})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_IMAGES_AS_TEXT = "images_as_text"
RenderRule = Callable[[RendererHTML, Sequence[Token], int, OptionsDict, EnvType], str]


@dataclass(frozen=True)
class RenderProfile:
    """What a piece of Markdown may produce: clauses get more than comments."""

    link_rel: str = "nofollow noopener"
    allow_headings: bool = True
    # How stored renderings name the profile (rendering_key).
    name: str = "clause"


CLAUSE_PROFILE = RenderProfile()
COMMENT_PROFILE = RenderProfile(
    link_rel="nofollow ugc noopener", allow_headings=False, name="comment"
)


def rendering_key(
    text: str, profile: RenderProfile = CLAUSE_PROFILE, inline: bool = False
) -> tuple[str, str]:
    """What a rendering of ``text`` is stored under, with :data:`RENDERER_VERSION`: the
    SHA-256 of the text (hex) and the profile's name (``-inline`` for :func:`render_inline`)."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return digest, CLAUSE_PROFILE.name + "-inline" if inline else profile.name


def render_text(text: str, profile: RenderProfile = CLAUSE_PROFILE, inline: bool = False) -> str:
    """:func:`render_inline` (with ``inline``, always the clause profile) or
    :func:`render_markdown`: the rendering :func:`rendering_key` names."""
    return render_inline(text) if inline else render_markdown(text, profile)


def is_safe_url(url: str) -> bool:
    """True for http(s), mailto and scheme-less (relative or fragment) URLs.

    Browsers ignore whitespace and control characters inside a scheme and
    markdown-it has already percent-encoded them, so both are removed before
    looking for the scheme: ``jav&#x09;ascript:`` is not let through.
    """
    scheme = _scheme(url)
    return scheme is None or scheme in SAFE_SCHEMES


def _scheme(url: str) -> str | None:
    """Return the URL's scheme as a browser would read it, None when it has none."""
    bare = _NOT_URL_TEXT.sub("", urllib.parse.unquote(url)).lower()
    end = _SCHEME_END.search(bare)
    if end is None or end.group() != ":":
        return None
    return bare[: end.start()]


def _is_external(href: str) -> bool:
    return _scheme(href) in {"http", "https"} or href.strip().startswith("//")


# A page of a long policy renders the same published clause texts on every
# view, and markdown-it spends about half a millisecond on a 250-word clause;
# the HTML depends on the text and the profile only. The bounds cap the cache
# at about 40 MB of Latin text (2,048 texts of up to 8,000 characters, and
# their HTML).
_CACHED_RENDERINGS = 2048
_LONGEST_CACHED_TEXT = 8000


def render_markdown(text: str, profile: RenderProfile = CLAUSE_PROFILE) -> str:
    """Return sanitised HTML for block Markdown ``text`` under ``profile``."""
    return _rendering(text)(text, profile, False)


def render_inline(text: str) -> str:
    """Return sanitised HTML for inline Markdown (e.g. a heading in a table of contents);
    an image shows as its alt text (or URL), since the caller may put it inside a link."""
    return _rendering(text)(text, CLAUSE_PROFILE, True)


def _rendered(text: str, profile: RenderProfile, inline: bool) -> str:
    md = _markdown(profile)
    html = md.renderInline(text, {_IMAGES_AS_TEXT: True}) if inline else md.render(text)
    return _clean(html, profile)


_cached_rendered = lru_cache(maxsize=_CACHED_RENDERINGS)(_rendered)


def forget_renderings() -> None:
    """Empty the cache of rendered texts (for benchmarks of a first page view, and tests)."""
    _cached_rendered.cache_clear()


def _rendering(text: str) -> Callable[[str, RenderProfile, bool], str]:
    return _rendered if len(text) > _LONGEST_CACHED_TEXT else _cached_rendered


@lru_cache(maxsize=32)
def _markdown(profile: RenderProfile) -> MarkdownIt:
    md = markdown_parser()
    # Bare addresses ("see https://example.org/…") become links; every link, linkified or
    # written, still passes is_safe_url (http, https, mailto) and nh3.
    md.options["linkify"] = True
    md.enable("linkify")
    md.validateLink = is_safe_url  # type: ignore[method-assign]
    md.add_render_rule("link_open", _link_renderer(profile.link_rel))
    md.add_render_rule("image", _image_as_link_renderer(profile.link_rel))
    md.add_render_rule("th_open", _aligned_by_class)
    md.add_render_rule("td_open", _aligned_by_class)
    if not profile.allow_headings:
        md.add_render_rule("heading_open", _heading_as_paragraph_open)
        md.add_render_rule("heading_close", _heading_as_paragraph_close)
    return md


def _link_renderer(rel: str) -> RenderRule:
    def render_link_open(
        renderer: RendererHTML,
        tokens: Sequence[Token],
        index: int,
        options: OptionsDict,
        env: EnvType,
    ) -> str:
        token = tokens[index]
        if _is_external(str(token.attrGet("href") or "")):
            token.attrSet("rel", rel)
        return renderer.renderToken(tokens, index, options, env)

    return render_link_open


def _image_as_link_renderer(rel: str) -> RenderRule:
    def render_image(
        renderer: RendererHTML,
        tokens: Sequence[Token],
        index: int,
        options: OptionsDict,
        env: EnvType,
    ) -> str:
        token = tokens[index]
        src = str(token.attrGet("src") or "")
        text = escapeHtml(renderer.renderInlineAsText(token.children or [], options, env) or src)
        if not text or env.get(_IMAGES_AS_TEXT) or _inside_link(tokens, index):
            # A link cannot hold a link: the image inside one ([![badge](src)](href)) is its text.
            return text
        return f"<a{_attributes(src, token.attrGet('title'), rel)}>{text}</a>"

    return render_image


def _inside_link(tokens: Sequence[Token], index: int) -> bool:
    opened = sum(token.type == "link_open" for token in tokens[:index])
    return opened > sum(token.type == "link_close" for token in tokens[:index])


def _attributes(href: str, title: str | int | float | None, rel: str) -> str:
    pairs = [("href", href), ("title", title), ("rel", rel if _is_external(href) else None)]
    return "".join(f' {name}="{escapeHtml(str(value))}"' for name, value in pairs if value)


def _aligned_by_class(
    renderer: RendererHTML, tokens: Sequence[Token], index: int, options: OptionsDict, env: EnvType
) -> str:
    """A table cell's alignment as a class: a style attribute would need 'unsafe-inline'."""
    token = tokens[index]
    style = str(token.attrs.pop("style", ""))
    if style.startswith("text-align:"):
        token.attrSet("class", "align-" + style.removeprefix("text-align:"))
    return renderer.renderToken(tokens, index, options, env)


def _heading_as_paragraph_open(
    renderer: RendererHTML, tokens: Sequence[Token], index: int, options: OptionsDict, env: EnvType
) -> str:
    return "<p><strong>"


def _heading_as_paragraph_close(
    renderer: RendererHTML, tokens: Sequence[Token], index: int, options: OptionsDict, env: EnvType
) -> str:
    return "</strong></p>\n"


def _clean(markup: str, profile: RenderProfile) -> str:
    tags = set(_ALLOWED_TAGS)
    if not profile.allow_headings:
        tags -= _HEADING_TAGS
    return nh3.clean(
        markup,
        tags=tags,
        clean_content_tags={"script", "style"},
        attributes={tag: set(names) for tag, names in _ALLOWED_ATTRIBUTES.items() if tag in tags},
        url_schemes=set(SAFE_SCHEMES),
        allowed_classes={"th": set(_ALIGNMENT_CLASSES), "td": set(_ALIGNMENT_CLASSES)},
        link_rel=None,
        strip_comments=True,
    )
