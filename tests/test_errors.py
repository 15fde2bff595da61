"""One error base for the app's rules: enum codes, one message registry, a message for each."""

import enum
from datetime import UTC, datetime

import pytest

import drafts
from consult.errors import ConsultError, ErrorCode, has_message, message_of


def every_code_class(base: type = ErrorCode) -> list[type]:
    found = []
    for subclass in base.__subclasses__():
        found += [subclass, *every_code_class(subclass)]
    return found


def test_every_area_has_codes(app) -> None:
    names = {cls.__name__ for cls in every_code_class()}
    assert {"PolicyCode", "CommentCode", "TranslationCode", "DemoCode", "AccountCode"} <= names


def test_every_code_that_reaches_a_person_has_a_message(app) -> None:
    # The drafts library's document and structure codes reach people through imports.
    codes = [code for cls in every_code_class() for code in cls]
    codes += [*drafts.DocumentErrorCode, *drafts.StructureErrorCode]
    assert [code for code in codes if not has_message(code)] == []


def test_a_rule_error_needs_an_enum_code(app) -> None:
    with pytest.raises(TypeError):
        ConsultError("not_found")


def test_codes_with_the_same_value_keep_their_own_messages(app) -> None:
    from consult.comments.errors import CommentCode, CommentError
    from consult.policies.errors import PolicyCode, PolicyError

    comment = message_of(CommentError(CommentCode.LANGUAGE_UNKNOWN, language="xx"))
    policy = message_of(PolicyError(PolicyCode.LANGUAGE_UNKNOWN, language="xx"))
    assert comment != policy and "xx" in comment and "xx" in policy


def test_messages_take_their_details(app) -> None:
    from consult.comments.errors import CommentCode, CommentForbidden
    from consult.policies.errors import DraftExists, ImportRejected

    with app.test_request_context():
        closes = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)
        closed = message_of(CommentForbidden(CommentCode.WINDOW_CLOSED, closes=closes))
        assert "2026" in closed and "closes" not in closed
        assert "(revision 7)" in message_of(DraftExists(revision=7))
        assert "(revision ?)" in message_of(DraftExists())
        yaml = ImportRejected(drafts.DocumentErrorCode.FRONT_MATTER_YAML, line=3)
        assert message_of(yaml) == "The YAML front matter is malformed (line 3)."


def test_an_unregistered_code_still_says_something(app) -> None:
    # A plain enum: an ErrorCode subclass would stay registered for the other tests.
    class Stray(enum.StrEnum):
        ODD = "odd"

    with app.test_request_context():
        assert "odd" in message_of(ConsultError(Stray.ODD))
