"""Consult's domain library: drafts as documents of clauses, and what is done with them.

Pure Python on frozen values: no web framework, no database, no translations.
Errors carry machine codes (:mod:`drafts.errors`); the application words them.
"""

from drafts.align import (
    MAX_KEY_LENGTH,
    AlignError,
    AlignErrorCode,
    Alignment,
    Match,
    MatchReason,
    align,
    make_key,
)
from drafts.compare import (
    ClauseChange,
    ClauseComparison,
    ClauseKind,
    CompareError,
    CompareErrorCode,
    Comparison,
    ComparisonSummary,
    compare,
)
from drafts.document import number_clauses, parse_document, render_document
from drafts.errors import DocumentError, DocumentErrorCode, DraftsError
from drafts.model import Clause, Document
from drafts.numbering import (
    HeadingNumber,
    Numbering,
    NumberingStyle,
    ShownHeading,
    detect_numbering,
    heading_number,
    shown_headings,
    without_number,
)
from drafts.ops import Op, OpKind
from drafts.pairs import is_balanced
from drafts.redline import TextDiff, diff_normalised, diff_text, mirrored
from drafts.render import (
    CLAUSE_PROFILE,
    COMMENT_PROFILE,
    RENDERER_VERSION,
    SAFE_SCHEMES,
    RenderProfile,
    forget_renderings,
    is_safe_url,
    render_inline,
    render_markdown,
    render_text,
    rendering_key,
)
from drafts.staleness import (
    Outline,
    Pin,
    Progress,
    StructureError,
    StructureErrorCode,
    TranslationState,
    match_structure,
    next_needing_work,
    progress,
    translation_state,
)
from drafts.text import chain_hash, clause_hash, content_hash, normalise
from drafts.words import count_words, tokens

__all__ = [
    "CLAUSE_PROFILE",
    "COMMENT_PROFILE",
    "MAX_KEY_LENGTH",
    "SAFE_SCHEMES",
    "AlignError",
    "AlignErrorCode",
    "Alignment",
    "Clause",
    "ClauseChange",
    "ClauseComparison",
    "ClauseKind",
    "CompareError",
    "CompareErrorCode",
    "Comparison",
    "ComparisonSummary",
    "Document",
    "DocumentError",
    "DocumentErrorCode",
    "DraftsError",
    "HeadingNumber",
    "Match",
    "MatchReason",
    "Numbering",
    "NumberingStyle",
    "Op",
    "OpKind",
    "Outline",
    "Pin",
    "Progress",
    "RenderProfile",
    "ShownHeading",
    "StructureError",
    "StructureErrorCode",
    "TextDiff",
    "TranslationState",
    "align",
    "chain_hash",
    "clause_hash",
    "compare",
    "content_hash",
    "count_words",
    "detect_numbering",
    "diff_normalised",
    "diff_text",
    "forget_renderings",
    "RENDERER_VERSION",
    "render_text",
    "rendering_key",
    "heading_number",
    "is_balanced",
    "is_safe_url",
    "make_key",
    "match_structure",
    "mirrored",
    "next_needing_work",
    "normalise",
    "number_clauses",
    "parse_document",
    "progress",
    "render_document",
    "render_inline",
    "render_markdown",
    "shown_headings",
    "tokens",
    "translation_state",
    "without_number",
]
