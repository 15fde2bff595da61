"""Scripts written without spaces between words, known in one place.

In Chinese, Japanese, Thai, Lao, Myanmar and Khmer a run of letters holds many
words and nothing marks where one ends, so a run cannot be compared as a word.
Both readers split such a run into the same characters (:data:`CHARACTER`: a
letter with the marks that belong to it): the word diff (:mod:`drafts.words`)
compares them one by one, clause alignment (:mod:`drafts.similarity`) as
character bigrams. Both read the ranges here, so a script is unspaced to both
or to neither, and a Thai vowel is never torn from its consonant by either.
"""

from __future__ import annotations

# Thai and Lao, Myanmar, Khmer, kana, CJK ideographs (extension A, unified,
# compatibility): ranges for a regular-expression character class.
UNSPACED = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
)
# Combining marks that belong to the character before them (Thai and Lao vowels
# and tones, kana voicing marks), so a character token never loses its marks.
TRAILING_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd\u3099\u309a"
# One character of an unspaced script as both readers see it: a letter and its trailing marks
# (a pattern, to be compiled alone or inside another).
CHARACTER = f"[{UNSPACED}][{TRAILING_MARKS}]*"
