"""Clause identity across versions: which new clause continues which old one.

Comments and translations hang off a clause's ``key``, so a clause must keep
its key when it is moved, renamed or edited, and a new clause must get a key
that was never used before in the policy.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections import Counter, defaultdict, deque
from collections.abc import Collection, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from itertools import chain, filterfalse

from drafts.errors import DraftsError
from drafts.model import Clause
from drafts.scripts import UNSPACED
from drafts.text import normalise

MAX_KEY_LENGTH = 48
_SEPARATOR_RUN = re.compile(r"-{2,}")
# A run of a script written without spaces is one "word" to \w, so it is compared
# as character bigrams instead.
_TOKEN = re.compile(f"[{UNSPACED}]+|[^\\W{UNSPACED}]+")
_UNSPACED_CHAR = re.compile(f"[{UNSPACED}]")
_WORD = re.compile(r"\w+")
# The same tokens as _WORD gives for ASCII text, found faster than by a regex.
_ASCII_SEPARATORS = str.maketrans(
    {chr(code): " " for code in range(128) if not (chr(code).isalnum() or chr(code) == "_")}
)
# A word found in more unmatched old clauses than this share (and more than
# _MIN_COMMON_COUNT of them) says nothing about which clause is which; leaving
# such words out also keeps the inverted index's posting lists short.
_COMMON_SHARE = 0.05
_MIN_COMMON_COUNT = 10


class AlignErrorCode(enum.StrEnum):
    """Codes carried by :class:`AlignError`."""

    OLD_CLAUSE_WITHOUT_KEY = "old_clause_without_key"


class AlignError(DraftsError):
    """The clauses given to :func:`align` break its preconditions."""


class MatchReason(enum.Enum):
    """Why a new clause was given an old clause's key (or a new one)."""

    KEY = "key"
    HEADING = "heading"
    SIMILARITY = "similarity"
    NEW = "new"


@dataclass(frozen=True)
class Match:
    """The old clause (if any) that new clause ``new_index`` continues."""

    new_index: int
    old_index: int | None
    reason: MatchReason
    score: float


@dataclass(frozen=True)
class Alignment:
    """The new clauses with keys set, and one :class:`Match` per new clause, in order."""

    clauses: tuple[Clause, ...]
    matches: tuple[Match, ...]


def make_key(heading: str, taken: Collection[str]) -> str:
    """Return a readable key for ``heading`` that is not in ``taken``.

    Casefolded, Latin accents dropped, runs of anything but letters/digits
    turned into ``-``, at most 48 characters (cut at a ``-`` if possible);
    ``clause`` for an empty result; ``-2``, ``-3``... appended while taken.
    """
    return _unique_key(_slug(heading) or "clause", taken)


def _unique_key(base: str, taken: Collection[str]) -> str:
    if base not in taken:
        return base
    suffix = 2
    while f"{base}-{suffix}" in taken:
        suffix += 1
    return f"{base}-{suffix}"


def _slug(heading: str) -> str:
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", heading).casefold())
    text = unicodedata.normalize("NFC", "".join(_without_latin_accents(decomposed)))
    dashed = "".join(char if _is_key_char(char) else "-" for char in text)
    return _shorten(_SEPARATOR_RUN.sub("-", dashed).strip("-"))


def _without_latin_accents(decomposed: str) -> Iterable[str]:
    # Only Latin: in other scripts (kana voicing marks, Indic vowel signs)
    # the combining marks are letters' essential parts, not decoration.
    latin_base = False
    for char in decomposed:
        if not unicodedata.combining(char):
            latin_base = unicodedata.name(char, "").startswith("LATIN ")
        elif latin_base:
            continue
        yield char


def _is_key_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LNM"


def _shorten(slug: str) -> str:
    if len(slug) <= MAX_KEY_LENGTH:
        return slug
    cut = slug[:MAX_KEY_LENGTH]
    if slug[MAX_KEY_LENGTH] != "-" and "-" in cut:
        cut = cut.rsplit("-", 1)[0]
    while cut and unicodedata.category(slug[len(cut)]).startswith("M"):
        cut = cut[:-1]
    return cut.strip("-")


class _Matcher:
    """Matching state shared by the passes: which new clause took which old one."""

    def __init__(self, old: Sequence[Clause], new: Sequence[Clause]) -> None:
        self.old = old
        self.new = new
        self.matches: dict[int, Match] = {}
        self.old_taken: set[int] = set()

    def pair(self, new_index: int, old_index: int, reason: MatchReason, score: float) -> None:
        self.matches[new_index] = Match(new_index, old_index, reason, score)
        self.old_taken.add(old_index)

    def free_new(self) -> list[int]:
        return [index for index in range(len(self.new)) if index not in self.matches]

    def free_old(self) -> list[int]:
        return [index for index in range(len(self.old)) if index not in self.old_taken]


def align(
    old: Sequence[Clause],
    new: Sequence[Clause],
    *,
    taken_keys: Collection[str] = (),
    threshold: float = 0.5,
) -> Alignment:
    """Give each new clause the key of the old clause it continues, or a fresh key.

    Passes, each over what is still unmatched: same key; same heading
    (normalised, casefolded; duplicates in order; preamble to preamble);
    word similarity >= ``threshold``, best pairs first. Unmatched new clauses
    get :func:`make_key` keys never seen in ``taken_keys`` or ``old``.
    """
    _check_old_keys(old)
    matcher = _Matcher(old, new)
    _match_keys(matcher)
    _match_headings(matcher)
    _match_similar(matcher, threshold)
    return _keyed_alignment(matcher, taken_keys)


def _check_old_keys(old: Sequence[Clause]) -> None:
    for index, clause in enumerate(old):
        if clause.key is None:
            raise AlignError(AlignErrorCode.OLD_CLAUSE_WITHOUT_KEY, index=index)


def _match_keys(matcher: _Matcher) -> None:
    old_by_key: dict[str | None, int] = {}
    for index, clause in enumerate(matcher.old):
        old_by_key.setdefault(clause.key, index)
    for new_index, clause in enumerate(matcher.new):
        old_index = old_by_key.get(clause.key) if clause.key is not None else None
        if old_index is not None and old_index not in matcher.old_taken:
            matcher.pair(new_index, old_index, MatchReason.KEY, 1.0)


def _heading_identity(clause: Clause) -> tuple[bool, str]:
    return clause.is_preamble, normalise(clause.heading).casefold()


def _match_headings(matcher: _Matcher) -> None:
    waiting: defaultdict[tuple[bool, str], deque[int]] = defaultdict(deque)
    for old_index in matcher.free_old():
        waiting[_heading_identity(matcher.old[old_index])].append(old_index)
    for new_index in matcher.free_new():
        queue = waiting.get(_heading_identity(matcher.new[new_index]))
        if queue:
            matcher.pair(new_index, queue.popleft(), MatchReason.HEADING, 1.0)


def _match_similar(matcher: _Matcher, threshold: float) -> None:
    free_old, free_new = matcher.free_old(), matcher.free_new()
    if not free_old or not free_new:
        return
    old_words = {index: _word_counts(matcher.old[index]) for index in free_old}
    new_words = {index: _word_counts(matcher.new[index]) for index in free_new}
    common = _common_words(old_words.values())
    old_tokens = {index: _informative_tokens(counts, common) for index, counts in old_words.items()}
    new_tokens = {index: _informative_tokens(counts, common) for index, counts in new_words.items()}
    for score, new_index, old_index in sorted(_similar_pairs(old_tokens, new_tokens, threshold)):
        if new_index not in matcher.matches and old_index not in matcher.old_taken:
            matcher.pair(new_index, old_index, MatchReason.SIMILARITY, -score)


def _words(text: str) -> list[str]:
    # NFC + casefold gives the same word tokens as normalise(): the rest of
    # normalisation only touches whitespace, which tokenising drops anyway.
    if text.isascii():
        return text.lower().translate(_ASCII_SEPARATORS).split()
    text = unicodedata.normalize("NFC", text).casefold()
    if not _UNSPACED_CHAR.search(text):
        return _WORD.findall(text)
    words: list[str] = []
    for run in _TOKEN.findall(text):
        if len(run) > 1 and _UNSPACED_CHAR.match(run):
            words.extend(run[i : i + 2] for i in range(len(run) - 1))
        else:
            words.append(run)
    return words


def _word_counts(clause: Clause) -> Counter[str]:
    return Counter(_words(f"{clause.heading}\n{clause.body}"))


def _common_words(word_counts: Collection[Counter[str]]) -> frozenset[str]:
    limit = max(_MIN_COMMON_COUNT, int(len(word_counts) * _COMMON_SHARE))
    spread = Counter(chain.from_iterable(word_counts))
    return frozenset(word for word, count in spread.items() if count > limit)


def _informative_tokens(counts: Counter[str], common: frozenset[str]) -> set[str]:
    """Return the multiset of informative words as a set of distinct tokens.

    A word's first occurrence is the word itself, each repeat the word plus a
    control character and its ordinal, so set operations count multiplicity.
    """
    tokens = set(filterfalse(common.__contains__, counts))
    repeated = [word for word in tokens if counts[word] > 1]
    tokens.update([f"{word}\x01{n}" for word in repeated for n in range(1, counts[word])])
    return tokens


def _similar_pairs(
    old_tokens: dict[int, AbstractSet[str]],
    new_tokens: dict[int, AbstractSet[str]],
    threshold: float,
) -> list[tuple[float, int, int]]:
    """Return (-score, new, old) for pairs scoring at least ``threshold`` (and above 0).

    The score is the Dice coefficient of the informative-word multisets.
    Shared counts come from an inverted index, so unrelated pairs cost nothing.
    """
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


def _keyed_alignment(matcher: _Matcher, taken_keys: Collection[str]) -> Alignment:
    taken = set(taken_keys) | {clause.key for clause in matcher.old if clause.key is not None}
    clauses: list[Clause] = []
    matches: list[Match] = []
    for new_index, clause in enumerate(matcher.new):
        match = matcher.matches.get(new_index) or Match(new_index, None, MatchReason.NEW, 0.0)
        key = _key_for(matcher, clause, match, taken)
        taken.add(key)
        clauses.append(replace(clause, key=key))
        matches.append(match)
    return Alignment(tuple(clauses), tuple(matches))


def _key_for(matcher: _Matcher, clause: Clause, match: Match, taken: set[str]) -> str:
    if match.old_index is not None:
        return matcher.old[match.old_index].key or ""
    if clause.is_preamble:
        return _unique_key("preamble", taken)
    return make_key(clause.heading, taken)
