"""A revision as a reader of one language sees it, and the redline of a translation."""

from dataclasses import dataclass
from functools import cached_property

import drafts
from consult.i18n import language_direction
from consult.languages import best_of, canonical_tag
from consult.policies.models import Clause, Revision
from consult.redline.presenter import ClauseLanguages
from consult.translating.errors import TranslationCode, TranslationError
from consult.translating.services import (
    ClauseStatus,
    is_source_language,
    language_tag,
    languages_of,
    progress_of,
    revision_statuses,
)
from consult.translating.titles import current_title


@dataclass(frozen=True)
class ShownClause:
    """One clause's text as shown, in the language it is really written in."""

    heading: str
    body: str
    lang: str
    dir: str
    state: drafts.TranslationState | None
    translated: bool

    @property
    def outdated(self) -> bool:
        return self.state is drafts.TranslationState.OUTDATED

    @property
    def missing(self) -> bool:
        return self.state is drafts.TranslationState.MISSING


def source_text(clause: Clause, source_language: str, state=None) -> ShownClause:
    return ShownClause(
        clause.heading,
        clause.body,
        source_language,
        language_direction(source_language),
        state,
        False,
    )


def shown(status: ClauseStatus, language: str, source_language: str) -> ShownClause:
    # Outdated translations are still shown (marked): they are nearer the truth than nothing.
    if status.translation is None:
        return source_text(status.clause, source_language, status.state)
    return ShownClause(
        status.translation.heading,
        status.translation.body,
        language,
        language_direction(language),
        status.state,
        True,
    )


@dataclass(frozen=True)
class Reading:
    """`language` None means the source language: every clause as written."""

    revision: Revision
    language: str | None
    available: list[str]
    statuses: list[ClauseStatus]

    @property
    def source_language(self) -> str:
        return self.revision.policy.source_language

    @property
    def progress(self) -> drafts.Progress:
        return progress_of(self.statuses)

    @cached_property
    def title(self) -> ShownClause | None:
        """The revision's title in the reading language, when translated and current."""
        found = current_title(self.revision, self.language) if self.language else None
        if found is None:
            return None
        return ShownClause(
            found.title, "", self.language, language_direction(self.language), None, True
        )

    def text_for(self, clause: Clause) -> ShownClause:
        if self.language is None:
            return source_text(clause, self.source_language)
        status = self._by_id[clause.id]
        return shown(status, self.language, self.source_language)

    @cached_property
    def _by_id(self) -> dict[int, ClauseStatus]:
        return {status.clause.id: status for status in self.statuses}


def requested_language(revision: Revision, asked: str | None, interface: str) -> str | None:
    """What to read `revision` in: `asked` (`?lang=`; empty means the source text) when
    given, else the interface language when the revision has a translation in it (a
    regional one will do: a `pt_BR` interface reads a `pt` translation)."""
    if asked is not None:
        return asked or None
    wanted = canonical_tag(interface)
    return best_of(wanted, languages_of(revision)) if wanted else None


def reading_language(revision: Revision, raw: str | None) -> str | None:
    """The language asked for, or None for the source; an unknown tag is an error."""
    if not raw:
        return None
    language = language_tag(raw)
    return None if is_source_language(revision.policy, language) else language


def reading_of(revision: Revision, raw_language: str | None) -> Reading:
    language = reading_language(revision, raw_language)
    statuses = revision_statuses(revision, language) if language else []
    return Reading(revision, language, languages_of(revision), statuses)


def shown_clauses(reading: Reading) -> list[tuple[drafts.Clause, str]]:
    """The revision as a reader of the reading's language sees it, each clause with the
    language it is written in: translated where a translation exists (current or not), the
    source text where none does."""
    return [
        (drafts.Clause(c.level, text.heading, text.body, c.key, c.number), text.lang)
        for c in reading.revision.clauses
        for text in [reading.text_for(c)]
    ]


def compare_in(
    old: Revision, new: Revision, language: str
) -> tuple[drafts.Comparison, ClauseLanguages]:
    if reading_language(new, language) is None:
        raise TranslationError(TranslationCode.SAME_AS_SOURCE, language=language)
    old_shown, new_shown = (
        shown_clauses(reading_of(old, language)),
        shown_clauses(reading_of(new, language)),
    )
    languages = ClauseLanguages(
        new.policy.source_language,
        old={c.key: tag for c, tag in old_shown},
        new={c.key: tag for c, tag in new_shown},
    )
    return drafts.compare([c for c, _ in old_shown], [c for c, _ in new_shown]), languages
