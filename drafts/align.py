"""Clause identity across versions: which new clause continues which old one.

Comments and translations hang off a clause's ``key``, so a clause must keep
its key when it is moved, renamed or edited, and a new clause must get a key
that was never used before in the policy.
"""

from __future__ import annotations

import bisect
import enum
import re
import unicodedata
from collections import defaultdict, deque
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from drafts.compare import steady_positions
from drafts.errors import DraftsError
from drafts.model import Clause
from drafts.similarity import common_words, dice, informative_tokens, similar_pairs, word_counts
from drafts.text import normalise

MAX_KEY_LENGTH = 48
_SEPARATOR_RUN = re.compile(r"-{2,}")


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
    # Left over between the same two neighbours, at the same level (see align()).
    PLACE = "place"
    # The text or heading of a clause removed earlier: its key comes back (see align()).
    RESTORED = "restored"
    NEW = "new"


@dataclass(frozen=True)
class Match:
    """The old clause (if any) that new clause ``new_index`` continues.

    A restored clause continues no old clause (``old_index`` is None): it takes back the key
    of a removed one.
    """

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
        # New clause -> the key of a removed clause it brings back.
        self.restored: dict[int, str] = {}
        # Informative words of the clauses the similarity pass found unmatched.
        self.old_tokens: dict[int, AbstractSet[str]] = {}
        self.new_tokens: dict[int, AbstractSet[str]] = {}

    def pair(self, new_index: int, old_index: int, reason: MatchReason, score: float) -> None:
        self.matches[new_index] = Match(new_index, old_index, reason, score)
        self.old_taken.add(old_index)

    def restore(self, new_index: int, key: str) -> None:
        self.restored[new_index] = key

    def is_free_new(self, index: int) -> bool:
        return index not in self.matches and index not in self.restored

    def free_new(self) -> list[int]:
        return [index for index in range(len(self.new)) if self.is_free_new(index)]

    def free_old(self) -> list[int]:
        return [index for index in range(len(self.old)) if index not in self.old_taken]


def align(
    old: Sequence[Clause],
    new: Sequence[Clause],
    *,
    taken_keys: Collection[str] = (),
    removed: Sequence[Clause] = (),
    threshold: float = 0.5,
    gap_threshold: float = 0.2,
) -> Alignment:
    """Give each new clause the key of the old clause it continues, or a fresh key.

    Passes, each over what is still unmatched: same key; same heading
    (normalised, casefolded; duplicates in order; preamble to preamble);
    the text of a clause in ``removed``; word similarity
    (:mod:`drafts.similarity`) >= ``threshold``, best pairs first; the heading
    of a clause in ``removed``; then place: between two neighbours matched in
    order, the clauses left over pair at the same level and in order when
    their similarity is >= ``gap_threshold``, best first, or always when they
    are the only two there — a clause whose heading and text were both
    rewritten still sits where it stood. Every earlier pass wins, so a moved
    clause keeps its match.

    ``removed`` holds clauses that earlier versions had and ``old`` has not
    (any version of each, the most recent first): a clause added back with
    the text (normalised body) or the heading of one takes its key back, each key once,
    so its comments, translations and history resume. Unmatched new clauses
    get :func:`make_key` keys never seen in ``taken_keys``, ``old`` or ``removed``.
    """
    _check_old_keys(old)
    matcher = _Matcher(old, new)
    removed = _still_removed(old, removed)
    _match_keys(matcher)
    _match_headings(matcher)
    _restore(matcher, removed, _text_identity)
    _match_similar(matcher, threshold)
    _restore(matcher, removed, _heading_identity)
    _match_in_gaps(matcher, gap_threshold)
    return _keyed_alignment(matcher, taken_keys, removed)


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


def _text_identity(clause: Clause) -> tuple[bool, str] | None:
    # A clause without text (a heading over its sub-clauses) is known by its heading alone.
    return (clause.is_preamble, clause.normalised_body) if clause.normalised_body else None


def _still_removed(old: Sequence[Clause], removed: Sequence[Clause]) -> list[Clause]:
    """The removed clauses whose key ``old`` does not hold (a key kept is not a key to restore)."""
    held = {clause.key for clause in old}
    return [clause for clause in removed if clause.key is not None and clause.key not in held]


def _restore(
    matcher: _Matcher, removed: Sequence[Clause], identity: Callable[[Clause], Hashable | None]
) -> None:
    """Give a new clause the key of the most recent removed clause with its identity."""
    if not removed:
        return
    keys: defaultdict[Hashable, list[str]] = defaultdict(list)
    for clause in removed:
        keys[identity(clause)].append(str(clause.key))
    keys.pop(None, None)
    restored = set(matcher.restored.values())
    for new_index in matcher.free_new():
        candidates = keys.get(identity(matcher.new[new_index]), ())
        key = next((key for key in candidates if key not in restored), None)
        if key is not None:
            matcher.restore(new_index, key)
            restored.add(key)


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
    old_words = {index: word_counts(matcher.old[index]) for index in free_old}
    new_words = {index: word_counts(matcher.new[index]) for index in free_new}
    common = common_words(old_words.values())
    matcher.old_tokens = {i: informative_tokens(counts, common) for i, counts in old_words.items()}
    matcher.new_tokens = {i: informative_tokens(counts, common) for i, counts in new_words.items()}
    for score, new_index, old_index in sorted(
        similar_pairs(matcher.old_tokens, matcher.new_tokens, threshold)
    ):
        if new_index not in matcher.matches and old_index not in matcher.old_taken:
            matcher.pair(new_index, old_index, MatchReason.SIMILARITY, -score)


def _match_in_gaps(matcher: _Matcher, threshold: float) -> None:
    for old_gap, new_gap in list(_gaps(matcher)):
        if len(old_gap) == len(new_gap) == 1:
            _match_only_pair(matcher, old_gap[0], new_gap[0])
        else:
            _match_in_order(matcher, old_gap, new_gap, threshold)


def _gaps(matcher: _Matcher) -> Iterator[tuple[list[int], list[int]]]:
    """The unmatched old and new clauses between each two neighbouring pairs matched in order.

    Only pairs that kept their order stand as neighbours (a moved clause vouches for no
    place), and only between two of them: at either end of the document nothing says that
    what was dropped there and what was written there are one clause.
    """
    pairs = sorted((new, match.old_index) for new, match in matcher.matches.items())
    steady = steady_positions([old for _new, old in pairs])
    anchors = [pair for index, pair in enumerate(pairs) if index in steady]
    for (new_start, old_start), (new_end, old_end) in zip(anchors, anchors[1:]):
        new_gap = [i for i in range(new_start + 1, new_end) if matcher.is_free_new(i)]
        old_gap = [i for i in range(old_start + 1, old_end) if i not in matcher.old_taken]
        if new_gap and old_gap:
            yield old_gap, new_gap


def _match_only_pair(matcher: _Matcher, old_index: int, new_index: int) -> None:
    """One clause dropped and one written in its place, at its level: one clause rewritten."""
    if matcher.old[old_index].level == matcher.new[new_index].level:
        score = dice(matcher.old_tokens[old_index], matcher.new_tokens[new_index])
        matcher.pair(new_index, old_index, MatchReason.PLACE, score)


def _match_in_order(
    matcher: _Matcher, old_gap: list[int], new_gap: list[int], threshold: float
) -> None:
    """Best pairs first, each at one level and in the order of the pairs already taken."""
    old_tokens = {index: matcher.old_tokens[index] for index in old_gap}
    new_tokens = {index: matcher.new_tokens[index] for index in new_gap}
    taken: list[tuple[int, int]] = []
    for score, new_index, old_index in sorted(similar_pairs(old_tokens, new_tokens, threshold)):
        at = bisect.bisect(taken, (new_index, old_index))
        in_order = (not at or taken[at - 1][1] < old_index) and (
            at == len(taken) or taken[at][1] > old_index
        )
        free = new_index not in matcher.matches and old_index not in matcher.old_taken
        if free and in_order and matcher.old[old_index].level == matcher.new[new_index].level:
            taken.insert(at, (new_index, old_index))
            matcher.pair(new_index, old_index, MatchReason.PLACE, -score)


def _keyed_alignment(
    matcher: _Matcher, taken_keys: Collection[str], removed: Sequence[Clause]
) -> Alignment:
    taken = set(taken_keys) | {str(clause.key) for clause in (*matcher.old, *removed)}
    clauses: list[Clause] = []
    matches: list[Match] = []
    for new_index, clause in enumerate(matcher.new):
        match = matcher.matches.get(new_index) or _unmatched(matcher, new_index)
        key = _key_for(matcher, clause, match, taken)
        taken.add(key)
        clauses.append(replace(clause, key=key))
        matches.append(match)
    return Alignment(tuple(clauses), tuple(matches))


def _unmatched(matcher: _Matcher, new_index: int) -> Match:
    if new_index in matcher.restored:
        return Match(new_index, None, MatchReason.RESTORED, 1.0)
    return Match(new_index, None, MatchReason.NEW, 0.0)


def _key_for(matcher: _Matcher, clause: Clause, match: Match, taken: set[str]) -> str:
    if match.old_index is not None:
        return matcher.old[match.old_index].key or ""
    if match.reason is MatchReason.RESTORED:
        return matcher.restored[match.new_index]
    if clause.is_preamble:
        return _unique_key("preamble", taken)
    return make_key(clause.heading, taken)
