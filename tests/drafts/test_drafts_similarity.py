"""The words clause similarity counts, and the one character rule it shares with the word diff."""

from __future__ import annotations

import re
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from drafts import tokens
from drafts.similarity import NGRAM, ngrams, words


@settings(deadline=None)
@given(st.text(alphabet=string.printable))
def test_ascii_words_are_regex_words(text: str) -> None:
    assert words(text) == re.findall(r"\w+", text.casefold())


def test_words_are_nfc_casefolded_and_unspaced_scripts_become_bigrams() -> None:
    assert words("Cafe\u0301 STRASSE Ärger_x 約束する") == [
        "café",
        "strasse",
        "ärger_x",
        "約束",
        "束す",
        "する",
    ]


def test_a_thai_vowel_or_tone_mark_stays_with_its_consonant() -> None:
    # กิน ข้าว: the marks ◌ิ and ◌้ belong to ก and ข, as in the word diff.
    assert words("กินข้าว") == ["กิน", "นข้", "ข้า", "าว"]


# Letters and trailing marks of every unspaced script: Thai, Lao, Myanmar, Khmer, kana, CJK.
UNSPACED_TEXT = st.text(
    alphabet=st.sampled_from(
        "กขคงจนมยรลวสหอะาำเแโไ"
        "\u0e31\u0e34\u0e35\u0e38\u0e48\u0e49\u0e4c"
        "ກຂຄງຈ\u0eb4\u0ec8"
        "ကခဂဃင"
        "កខគឃង"
        "あいうえおかきくけこカタ"
        "約束行動規範社区标准"
    ),
    min_size=1,
)


@settings(deadline=None)
@given(UNSPACED_TEXT)
def test_similarity_reads_the_characters_the_word_diff_reads(text: str) -> None:
    characters = tokens(text)
    expected = (
        ["".join(characters[i : i + NGRAM]) for i in range(len(characters) - NGRAM + 1)]
        if len(characters) > NGRAM
        else [text]
    )
    assert ngrams(text) == expected
