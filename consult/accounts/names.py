"""Canonical usernames, and display names that would pass for a role label.

Both compare text as a reader or a login form sees it, not as it is encoded:
NFKC folds compatibility forms (`ﬀ`, `ſ`, fullwidth `ｓｔａｆｆ`) into plain
letters and casefold ignores case, so every spelling of a name is one name.
"""

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

from confusable_homoglyphs import categories, confusables
from flask import current_app
from flask_babel import force_locale

from consult.accounts.labels import ROLE_LABELS
from consult.accounts.models import GRANTABLE_ROLES, Role

LETTER_RUNS = re.compile(r"[^\W\d_]+")
WORD_RUNS = re.compile(r"[^\W_]+")
# Invisible when drawn: marks (accents), format characters (zero-width
# joiners) and the Arabic tatweel, which only stretches a word.
INVISIBLE_CATEGORIES = {"Mn", "Me", "Cf"}
TATWEEL = "\u0640"

Phrase = tuple[str, ...]


def canonical_username(name: str) -> str:
    """The one spelling of a username that lookups, uniqueness and rate limits use."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    # Casefolding can leave text that NFKC would change again (`ǰ`), so normalise twice.
    return unicodedata.normalize("NFKC", folded).strip()


@lru_cache(maxsize=4096)
def latin_lookalike(char: str) -> str:
    """The Latin letter `char` can be taken for (Cyrillic `ѕ` → `s`, digit `0` → `o`), else `char`."""
    found = confusables.is_confusable(char, preferred_aliases=["latin"])
    for glyph in found[0]["homoglyphs"] if found else ():
        if len(glyph["c"]) == 1 and categories.alias(glyph["c"]) == "LATIN":
            return glyph["c"].casefold()
    return char


def visible(char: str) -> bool:
    return unicodedata.category(char) not in INVISIBLE_CATEGORIES and char != TATWEEL


def folded(text: str, digits_as_letters: bool) -> str:
    """`text` as a reader sees it: no case, accents or invisible characters, and
    letters of other scripts replaced by the Latin letters they look like."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(
        char if char.isdigit() and not digits_as_letters else latin_lookalike(char)
        for char in decomposed
        if visible(char)
    )


def phrases(text: str) -> set[Phrase]:
    """The words of `text`, read twice: digits as the letters they resemble
    (`M0derator`), and digits as separators (`Moderator2`)."""
    return {
        tuple(WORD_RUNS.findall(folded(text, digits_as_letters=True))),
        tuple(LETTER_RUNS.findall(folded(text, digits_as_letters=False))),
    }


def contains(words: Phrase, phrase: Phrase) -> bool:
    width = len(phrase)
    return any(words[start : start + width] == phrase for start in range(len(words) - width + 1))


def role_label_phrases(languages: Iterable[str]) -> dict[Phrase, Role]:
    """Each grantable role's label, as words, in every language given."""
    found: dict[Phrase, Role] = {}
    for language in languages:
        with force_locale(language):
            for role in GRANTABLE_ROLES:
                found.update(dict.fromkeys(phrases(str(ROLE_LABELS[role])) - {()}, role))
    return found


def interface_languages() -> list[str]:
    # English is the language of the labels themselves, whatever the site offers.
    return ["en", *current_app.config["LANGUAGES"]]


def imitated_role(display_name: str, holds: Callable[[Role], bool]) -> Role | None:
    """A role whose label `display_name` contains, in any interface language,
    although its holder (`holds` answers for them) does not have that role."""
    names = phrases(display_name)
    for phrase, role in role_label_phrases(interface_languages()).items():
        if not holds(role) and any(contains(words, phrase) for words in names):
            return role
    return None
