"""Words as the redline sees them: tokens, word counts and token boundaries.

A token is a word, one character of a script written without spaces
(:mod:`drafts.scripts`: Chinese, Japanese, Thai, Lao, Myanmar, Khmer), a run of
spaces, a run of line breaks or one mark; Markdown emphasis, strike-through and
code markers stay glued to the word they wrap.
"""

from __future__ import annotations

import re

from drafts.scripts import CHARACTER, UNSPACED

# Letters plus the combining marks and joiners of scripts that write words with
# them (Latin accents when decomposed, Hebrew points, Arabic harakat, Indic
# vowel signs), so none of them splits a word.
_WORD_CHARS = (
    r"\w\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    r"\u06d6-\u06ed\u0900-\u0dff\u200c\u200d"
)
# Emphasis, strike-through and code markers stay glued to the word they wrap,
# so "*friendly*" → "*kind*" is one word replaced, not two bare asterisks kept;
# a link's "](" is one token, so no change ends between a link's text and its destination.
# The first two alternatives are the common cases (a plain word, a space),
# matched without backtracking; the rest are the general rules.
TOKEN = re.compile(
    f"[^\\W{UNSPACED}]++(?![*~`{_WORD_CHARS}])|[^\\S\\n]+"
    f"|{CHARACTER}"
    f"|[*~`]*(?:(?![{UNSPACED}])[{_WORD_CHARS}])+[*~`]*"
    r"|\n+|\]\(|[^\w\s]",
)
# Characters no token runs across (see TOKEN): a token boundary lies on both
# sides of each. Newlines are left out: two of them make one token.
BREAKS = " .,;:!?"
BREAK = re.compile("[ .,;:!?]")
# Shortest run of shared words the word diff splits two texts at (see drafts.redline._word_ops).
ANCHOR_LENGTH = 48
# A text that is a single plain word, one token.
ONE_WORD = re.compile(f"[^\\W{UNSPACED}]+")


def tokens(text: str) -> list[str]:
    """Split ``text`` into words, single characters of unspaced scripts, spaces and marks.

    ``"".join(tokens(text)) == text`` for every text.
    """
    return TOKEN.findall(text)


def is_word(token: str) -> bool:
    """True for a token a reader counts as a word (or a character of an unspaced script)."""
    if token.isalnum():
        return True
    return not token.isspace() and any(character.isalnum() for character in token)


def count_words(text: str) -> int:
    """Number of words in ``text``, each character of an unspaced script counting as one."""
    return sum(1 for token in tokens(text) if is_word(token))


def at_boundary(text: str, at: int) -> bool:
    """True when no token of ``text`` runs across position ``at`` (judged by its neighbours)."""
    if at == 0 or at == len(text):
        return True
    before, after = text[at - 1], text[at]
    # A run of blanks is one token (a space next to a tab or a no-break space is in the
    # same run): no boundary inside it.
    return (before in BREAKS or after in BREAKS) and not (_is_blank(before) and _is_blank(after))


def _is_blank(character: str) -> bool:
    """True for white space other than a line break (TOKEN's ``[^\\S\\n]``)."""
    return character.isspace() and character != "\n"


def first_token(text: str) -> str:
    """The token ``text`` starts with; none ("") when it is a line break, which ends a block."""
    found = TOKEN.match(text)
    token = found.group(0) if found else text[:1]
    return "" if "\n" in token else token


def last_token(text: str) -> str:
    """The token ``text`` ends with; none ("") when it is a line break, which ends a block."""
    found = tokens(text[-200:])
    token = found[-1] if found else ""
    return "" if "\n" in token else token


def common_prefix_length(old: str, new: str) -> int:
    """Length of the longest common prefix, by slices compared in C.

    Galloping first (8, 16, 32 … characters), then bisection within the last
    step, so a short prefix costs a few comparisons and a long one a few more.
    """
    limit = min(len(old), len(new))
    low, step = 0, 8
    while low + step <= limit and old[low : low + step] == new[low : low + step]:
        low, step = low + step, step * 2
    high = min(low + step, limit)
    while low < high:
        middle = (low + high + 1) // 2
        if old[low:middle] == new[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def shared_ends(old: str, new: str) -> tuple[int, int]:
    """How much of the start and the end both texts share, cut back to a token boundary."""
    start = common_prefix_length(old, new)
    if not (at_boundary(old, start) and at_boundary(new, start)):
        start = max(old.rfind(character, 0, start) for character in BREAKS) + 1
    while not (at_boundary(old, start) and at_boundary(new, start)):
        start -= 1  # inside a run of spaces (a hard break's): back to its start
    limit = min(len(old), len(new)) - start
    end = common_prefix_length(old[::-1][:limit], new[::-1][:limit])
    if end and not (at_boundary(old, len(old) - end) and at_boundary(new, len(new) - end)):
        found = BREAK.search(old, len(old) - end)
        end = len(old) - found.start() if found else 0
    while not (at_boundary(old, len(old) - end) and at_boundary(new, len(new) - end)):
        end -= 1
    return start, end


def anchor(old: str, new: str) -> tuple[int, int, int] | None:
    """Where ``old`` and ``new`` share a run of whole words found once in each: (old at, new at, length).

    The run is looked for near the middle of ``old``, then near its quarters, so
    that splitting there leaves two halves of about the same size.
    """
    if len(old) < 2 * ANCHOR_LENGTH or len(new) < 2 * ANCHOR_LENGTH:
        return None
    for fraction in (2, 4, 4 / 3):
        start = old.find(" ", int(len(old) / fraction) - ANCHOR_LENGTH // 2)
        stop = old.find(" ", start + ANCHOR_LENGTH) if start >= 0 else -1
        if stop < 0:
            continue
        # Spaces on both sides: the run starts and ends on a word boundary in both texts.
        probe = old[start : stop + 1]
        at = new.find(probe)
        if (
            at >= 0
            and at_boundary(old, start + 1)
            and at_boundary(old, stop)
            and new.find(probe, at + 1) < 0
            and old.find(probe) == start
            and old.find(probe, start + 1) < 0
        ):
            return start + 1, at + 1, stop - start - 1
    return None
