"""How alike two clauses' texts are: the Dice coefficient of their informative words.

A word is a run of letters and digits; a run of a script written without spaces
(:mod:`drafts.scripts`) holds many words with nothing to mark where one ends, so
it is cut into the characters the word diff sees (:data:`drafts.scripts.CHARACTER`,
a letter with its marks) and compared as overlapping pairs of them: a reworded
Japanese, Chinese or Thai sentence shares most of its character pairs with the
old one, as a reworded English one shares most of its words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from collections.abc import Set as AbstractSet
from itertools import chain, filterfalse

from drafts.model import Clause
from drafts.scripts import CHARACTER, UNSPACED

# A run of an unspaced script, or a word of any other.
_RUN = re.compile(f"[{UNSPACED}]+|[^\\W{UNSPACED}]+")
_CHARACTER = re.compile(CHARACTER)
_UNSPACED_CHAR = re.compile(f"[{UNSPACED}]")
_WORD = re.compile(r"\w+")
# The same tokens as _WORD gives for ASCII text, found faster than by a regex.
_ASCII_SEPARATORS = str.maketrans(
    {chr(code): " " for code in range(128) if not (chr(code).isalnum() or chr(code) == "_")}
)
# Characters of an unspaced script compared together: pairs.
NGRAM = 2
# A word found in more unmatched old clauses than this share (and more than
# _MIN_COMMON_COUNT of them) says nothing about which clause is which; leaving
# such words out also keeps the inverted index's posting lists short.
_COMMON_SHARE = 0.05
_MIN_COMMON_COUNT = 10


def words(text: str) -> list[str]:
    """The words similarity counts: casefolded, NFC, unspaced runs as character n-grams."""
    # NFC + casefold gives the same word tokens as normalise(): the rest of
    # normalisation only touches whitespace, which tokenising drops anyway.
    if text.isascii():
        return text.lower().translate(_ASCII_SEPARATORS).split()
    text = unicodedata.normalize("NFC", text).casefold()
    if not _UNSPACED_CHAR.search(text):
        return _WORD.findall(text)
    found: list[str] = []
    for run in _RUN.findall(text):
        found.extend(ngrams(run) if _UNSPACED_CHAR.match(run) else (run,))
    return found


def ngrams(run: str) -> list[str]:
    """A run of an unspaced script as overlapping n-grams of its characters (itself if shorter)."""
    characters = _CHARACTER.findall(run)
    if len(characters) <= NGRAM:
        return ["".join(characters)]
    return ["".join(characters[i : i + NGRAM]) for i in range(len(characters) - NGRAM + 1)]


def word_counts(clause: Clause) -> Counter[str]:
    return Counter(words(f"{clause.heading}\n{clause.body}"))


def common_words(word_counts: Collection[Counter[str]]) -> frozenset[str]:
    """Words found in so many of these clauses that they tell none of them apart."""
    limit = max(_MIN_COMMON_COUNT, int(len(word_counts) * _COMMON_SHARE))
    spread = Counter(chain.from_iterable(word_counts))
    return frozenset(word for word, count in spread.items() if count > limit)


def informative_tokens(counts: Counter[str], common: frozenset[str]) -> set[str]:
    """Return the multiset of informative words as a set of distinct tokens.

    A word's first occurrence is the word itself, each repeat the word plus a
    control character and its ordinal, so set operations count multiplicity.
    """
    tokens = set(filterfalse(common.__contains__, counts))
    repeated = [word for word in tokens if counts[word] > 1]
    tokens.update([f"{word}\x01{n}" for word in repeated for n in range(1, counts[word])])
    return tokens


def dice(old: AbstractSet[str], new: AbstractSet[str]) -> float:
    """The Dice coefficient of two token sets (0 for two empty ones)."""
    total = len(old) + len(new)
    return 2 * len(old & new) / total if total else 0.0


def similar_pairs(
    old_tokens: dict[int, AbstractSet[str]],
    new_tokens: dict[int, AbstractSet[str]],
    threshold: float,
) -> list[tuple[float, int, int]]:
    """Return (-score, new, old) for pairs scoring at least ``threshold`` (and above 0).

    The score is the Dice coefficient of the informative-word multisets.
    Shared counts come from an inverted index, so unrelated pairs cost nothing.
    """
    if not old_tokens or not new_tokens:
        return []
    postings = _postings(old_tokens)
    indexed = frozenset(postings)
    old_sizes = {index: len(tokens) for index, tokens in old_tokens.items()}
    smallest = min(old_sizes.values())
    pairs: list[tuple[float, int, int]] = []
    for new_index, tokens in new_tokens.items():
        shared = Counter(chain.from_iterable(map(postings.__getitem__, tokens & indexed)))
        # Dice >= t needs an overlap of t * (both sizes) / 2: a cheap floor first.
        floor = threshold * (len(tokens) + smallest) / 2
        candidates = [(old, count) for old, count in shared.items() if count >= floor]
        pairs.extend(_scored(new_index, len(tokens), candidates, old_sizes, threshold))
    return pairs


def _postings(token_sets: dict[int, AbstractSet[str]]) -> dict[str, list[int]]:
    """Return the inverted index: token -> indices of the sets containing it."""
    postings: defaultdict[str, list[int]] = defaultdict(list)
    for index, tokens in token_sets.items():
        for token in tokens:
            postings[token].append(index)
    return postings


def _scored(
    new_index: int,
    new_size: int,
    candidates: list[tuple[int, int]],
    old_sizes: dict[int, int],
    threshold: float,
) -> Iterable[tuple[float, int, int]]:
    for old_index, overlap in candidates:
        score = 2 * overlap / (new_size + old_sizes[old_index])
        if score >= threshold and score > 0:
            yield -score, new_index, old_index
