"""The redline of a text against itself renders as the reading page renders the text.

The reading page renders a clause's Markdown as written; the redline renders the
normalised text rebuilt from the diff's runs. Every construct a clause may hold
must survive that trip: reference links and their definitions, entities, hard
breaks, autolinks, code, lists, quotes, tables and headings.
"""

import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

import drafts
from consult.markup import clause_html
from consult.redline.render import INLINE, NEW_SIDE, OLD_SIDE, Labels, redline_html

LABELS = Labels(inserted="ins:", deleted="del:", end="end")
BLOCK_TAGS = frozenset(
    "p li ul ol blockquote pre table thead tbody tr th td h1 h2 h3 h4 h5 h6 hr br".split()
)


class Events(HTMLParser):
    """HTML as a list of tags and texts, each text's whitespace runs as one space and
    whitespace between blocks (where a browser shows none) left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, tuple(sorted(attrs))))

    def handle_endtag(self, tag):
        self.events.append(("end", tag))

    def handle_data(self, data):
        if self.events and self.events[-1][0] == "text":
            data = self.events.pop()[1] + data
        self.events.append(("text", data))

    def normalised(self) -> list[tuple]:
        out = []
        for at, event in enumerate(self.events):
            if event[0] != "text":
                out.append(event)
                continue
            text = re.sub(r"\s+", " ", event[1])
            if text == " " and self._next_to_block(at):
                continue
            out.append(("text", text))
        return out

    def _next_to_block(self, at: int) -> bool:
        neighbours = self.events[at - 1 : at] + self.events[at + 1 : at + 2]
        return any(event[1] in BLOCK_TAGS for event in neighbours if event[0] != "text")


def read(html: str) -> list[tuple]:
    parser = Events()
    parser.feed(str(html))
    parser.close()
    return parser.normalised()


WORDS = st.sampled_from("care team report garden tools seeds money kind calm respect".split())
LABEL_NAMES = ("rules", "Guide", "faq")


def phrase(draw, count: int = 3) -> str:
    return " ".join(draw(st.lists(WORDS, min_size=1, max_size=count)))


@st.composite
def inline(draw) -> str:
    word = draw(WORDS)
    return draw(
        st.sampled_from(
            [
                word,
                word,
                f"*{word}*",
                f"**{word} {draw(WORDS)}**",
                f"`{word} {draw(WORDS)}`",
                f"[{word}](https://example.org/{draw(WORDS)})",
                f"[{word}][{draw(st.sampled_from(LABEL_NAMES))}]",
                f"[{draw(st.sampled_from(LABEL_NAMES))}]",
                f"<https://example.org/{word}>",
                draw(
                    st.sampled_from(["&amp;", "&copy;", "&#35;", "&#x41;", "&nbsp;", "&lt;b&gt;"])
                ),
            ]
        )
    )


@st.composite
def line(draw) -> str:
    return " ".join(draw(st.lists(inline(), min_size=1, max_size=6)))


@st.composite
def paragraph(draw) -> str:
    lines = draw(st.lists(line(), min_size=1, max_size=4))
    breaks = draw(st.lists(st.sampled_from(["\n", "  \n", "\\\n", " "]), min_size=len(lines)))
    return "".join(text + end for text, end in zip(lines, breaks)).rstrip("\n\\ ") or "text"


@st.composite
def block(draw) -> str:
    kind = draw(
        st.sampled_from(
            ["paragraph", "paragraph", "heading", "list", "ordered", "quote", "table", "code"]
            + ["nested"]
        )
    )
    if kind == "nested":
        return draw(nested())
    if kind == "paragraph":
        return draw(paragraph())
    if kind == "heading":
        return "#" * draw(st.integers(1, 4)) + " " + draw(line())
    if kind == "list":
        items = draw(st.lists(paragraph(), min_size=1, max_size=3))
        return "\n".join("- " + item.replace("\n", "\n  ") for item in items)
    if kind == "ordered":
        items = draw(st.lists(line(), min_size=1, max_size=3))
        return "\n".join(f"{n}. {item}" for n, item in enumerate(items, start=1))
    if kind == "quote":
        return "> " + draw(paragraph()).replace("\n", "\n> ")
    if kind == "table":
        rows = draw(st.lists(st.tuples(line(), line()), min_size=1, max_size=3))
        cells = "\n".join(f"| {a} | {b} |" for a, b in rows)
        return "| Name | Text |\n| --- | :-: |\n" + cells
    return "```\n" + phrase(draw, 4) + "  \nend\\\n```"


@st.composite
def nested(draw) -> str:
    """A list item holding a nested list, a quote with a list of its own, or code."""
    inside = draw(st.sampled_from(["list", "quote", "code", "ordered"]))
    if inside == "list":
        body = f"  - {draw(line())}\n    - {draw(line())}"
    elif inside == "quote":
        body = f"  > - {draw(line())}\n  >   - {draw(line())}"
    elif inside == "ordered":
        body = f"  1. {draw(line())}\n     - {draw(line())}"
    else:
        body = "      " + phrase(draw, 4)
    return f"- {draw(line())}\n\n{body}"


@st.composite
def definitions(draw) -> str:
    labels = draw(st.lists(st.sampled_from(LABEL_NAMES), unique=True))
    titles = ("", ' "The title"', " (in brackets)")
    return "\n".join(
        f"[{label}]: https://example.org/{label.lower()}{draw(st.sampled_from(titles))}"
        for label in labels
    )


@st.composite
def document(draw) -> str:
    blocks = draw(st.lists(block(), min_size=1, max_size=5))
    at = draw(st.integers(0, len(blocks)))
    blocks.insert(at, draw(definitions()))
    return "\n\n".join(part for part in blocks if part)


def self_redlines(text: str) -> list[str]:
    clause = drafts.Clause(level=1, heading="Clause", body=text, key="k")
    compared = drafts.compare([clause], [clause]).clauses[0].body
    ops = drafts.diff_text(text, text).ops
    return [redline_html(ops, LABELS, shown) for shown in (INLINE, OLD_SIDE, NEW_SIDE)] + [
        redline_html(compared.ops, LABELS)
    ]


@settings(max_examples=400, deadline=None)
@given(document())
def test_a_text_redlined_against_itself_renders_as_the_reading_page(text):
    expected = read(clause_html(text))
    for html in self_redlines(text):
        assert read(html) == expected, (text, html, clause_html(text))


EXAMPLES = {
    "reference links": "See [the rules][r] and [Guide].\n\n[r]: https://example.org/r\n[guide]: /g",
    "hard breaks": "First line  \nsecond line\\\nthird line",
    "entities": "Fish &amp; chips &copy; &#35;1 &nbsp;&lt;b&gt;",
    "hard break in a quote and a list": "> one  \n> two\n\n- three\\\n  four",
}


def test_each_construct_renders_as_the_reading_page():
    for name, text in EXAMPLES.items():
        for html in self_redlines(text):
            assert read(html) == read(clause_html(text)), name
