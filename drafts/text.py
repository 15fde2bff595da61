"""Canonical text: the form in which clause text is hashed and compared.

Two sources that differ only in ways a reader cannot see once rendered
(re-wrapped paragraphs, trailing spaces, CRLF, NBSP instead of a space,
decomposed accents) normalise to the same string, so they hash the same and a
redline shows nothing for them. Block structure, which a reader does see, is
kept: paragraphs stay apart and every list item, quote line, heading, table row
or rule stays on its own line. Fenced code is kept verbatim.

The rules are line based on purpose, rather than a full CommonMark parse: the
result must be idempotent and stable across markdown-it releases, and hashes of
published texts must never change under readers' feet. The price is that any
``12.`` or ``-`` a re-wrap brings to the start of a line counts as a list item,
as CommonMark mostly agrees.

There are three formulas, and a published revision records the one its hashes
use. Formula 1 drops indentation: a nested list item is a line like any other,
an indented code block reads as a paragraph. Formula 2 keeps
the indentation that is structure, in a canonical amount: a nested list item is
indented to its parent item's content, a paragraph inside an item likewise, an
indented code block and the lines of fenced code keep their indentation relative
to the block they are in; trailing blanks go everywhere, fenced code included.
Formula 3 (the current one) is formula 2 reading a line indented less than its list
item's content as CommonMark does: four columns past the container it falls in, it goes
on the paragraph before it (formula 2 took it for code, and was not idempotent there).
Formulas 1 and 2 stay here so that a hash published under them can still be checked.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drafts.normalisers import ContainerNormaliser, NestingNormaliser, Normaliser
from drafts.syntax import MAYBE_BLOCK, MAYBE_STRUCTURE

if TYPE_CHECKING:
    from drafts.model import Clause

_BLANK_LINES = re.compile(r"\n(?:[^\S\n]*\n)+")

FIRST_FORMULA = 1
SECOND_FORMULA = 2
CURRENT_FORMULA = 3
FORMULAS = (FIRST_FORMULA, SECOND_FORMULA, CURRENT_FORMULA)


def normalise(text: str, formula: int = CURRENT_FORMULA) -> str:
    """Return the canonical form of Markdown ``text`` used for hashing and diffing.

    NFC; CRLF/CR become LF; whitespace runs (any Unicode space) become one
    space; a line break inside a paragraph or list item is just a space; blocks
    are separated by exactly one blank line; a line that opens a block (list
    item, ``>``, ``#`` heading, ``|`` table row, rule, setext underline, fence)
    keeps its line break. Formula 1 keeps fenced code verbatim and drops all
    indentation; formulas 2 and 3 keep structural indentation (see the module) and
    drops trailing blanks from code too. Idempotent.
    """
    text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    closely = MAYBE_BLOCK if formula == FIRST_FORMULA else MAYBE_STRUCTURE
    if closely.search("\n" + text) is None:
        return _normalise_prose(text)
    return _normalise_lines(text, formula)


def _normalise_prose(text: str) -> str:
    """:func:`normalise` for text without block markers: paragraphs of collapsed words."""
    paragraphs = (" ".join(part.split()) for part in _BLANK_LINES.split(text))
    return "\n\n".join(filter(None, paragraphs))


_NORMALISERS: dict[int, type[Normaliser]] = {
    FIRST_FORMULA: Normaliser,
    SECOND_FORMULA: NestingNormaliser,
    CURRENT_FORMULA: ContainerNormaliser,
}


def _normalise_lines(text: str, formula: int = CURRENT_FORMULA) -> str:
    """:func:`normalise` by its rules, line by line (NFC and LF line ends already applied)."""
    normaliser = _NORMALISERS[formula]()
    for raw in text.split("\n"):
        normaliser.feed(raw)
    return normaliser.result()


def clause_hash_of_normalised(heading: str, body: str) -> str:
    """:func:`clause_hash` of a heading and body that are already normalised."""
    return _sha256_hex(heading + "\n\n" + body)


def _sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def clause_hash(heading: str, body: str, formula: int = CURRENT_FORMULA) -> str:
    """Return ``sha256(normalise(heading) + "\\n\\n" + normalise(body))`` as hex (UTF-8),
    both normalised by ``formula``."""
    return clause_hash_of_normalised(normalise(heading, formula), normalise(body, formula))


def content_hash(
    title: str | None, clauses: Sequence[Clause], formula: int = CURRENT_FORMULA
) -> str:
    """Return the hash that identifies a published text; readers can recompute it.

    Formula (UTF-8, lowercase hex)::

        sha256("\\n".join([normalise(title or "")]
                          + [f"{c.level}:{clause_hash(c.heading, c.body)}" for c in clauses]))

    where ``clause_hash(h, b) = sha256_hex(normalise(h) + "\\n\\n" + normalise(b))``,
    ``normalise`` by ``formula``. Each clause's ``hash`` is taken as it is, so it must
    be by the same formula (see :func:`recomputed_content_hash`). Keys and outline
    numbers are not part of it: only what a reader sees.
    """
    parts = [normalise(title or "", formula)] + [f"{c.level}:{c.hash}" for c in clauses]
    return _sha256_hex("\n".join(parts))


def recomputed_content_hash(title: str | None, clauses: Sequence[Clause], formula: int) -> str:
    """:func:`content_hash` with every clause hashed afresh from its text by ``formula``:
    how a hash published under an earlier formula is checked against the text."""
    hashed = [_Hashed(c.level, clause_hash(c.heading, c.body, formula)) for c in clauses]
    return content_hash(title, hashed, formula)  # type: ignore[arg-type]


@dataclass(frozen=True)
class _Hashed:
    level: int
    hash: str


def chain_hash(previous: str | None, content_hash: str) -> str:
    """Return the hash that links a published revision to every one before it.

    Formula: ``sha256_hex((previous or "") + content_hash)``, where ``previous`` is
    the chain hash of the policy's previous published revision (none for the first).
    Both parts are 64 hex digits (or nothing), so the concatenation is unambiguous.
    """
    return _sha256_hex((previous or "") + content_hash)
