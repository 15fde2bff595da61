"""A comparison written as plain data and read back on the same clauses is the same comparison."""

import json

from drafts import Clause, compare, comparison_from_data, comparison_to_data


def clause(key: str, body: str, number: str = "", heading: str = "") -> Clause:
    return Clause(2, heading or key.title(), body, key=key, number=number)


OLD = (
    clause("a", "One two three.", "1"),
    clause("b", "Gone soon.", "2"),
    clause("c", "Stays as it is.", "3"),
    clause("d", "Moves to the top.", "4"),
    clause("e", "Renamed.", "5"),
)
NEW = (
    clause("d", "Moves to the top.", "1"),
    clause("a", "One two four.\n\nAnd a new paragraph.", "2"),
    clause("c", "Stays as it is.", "3"),
    clause("e", "Renamed.", "4", heading="Another name"),
    clause("f", "Brand new.", "5"),
)


def round_trip(old, new):
    data = json.loads(json.dumps(comparison_to_data(compare(old, new))))
    return comparison_from_data(data, old, new)


def test_every_kind_of_change_reads_back_equal():
    expected = compare(OLD, NEW)
    rebuilt = round_trip(OLD, NEW)
    assert rebuilt == expected
    assert rebuilt.summary == expected.summary
    assert [item.body for item in rebuilt.clauses] == [item.body for item in expected.clauses]
    assert [item.heading for item in rebuilt.clauses] == [item.heading for item in expected.clauses]
    assert rebuilt.departed_before == expected.departed_before


def test_only_the_changes_are_written():
    data = comparison_to_data(compare(OLD, NEW))
    written = json.dumps(data)
    assert "Stays as it is." not in written and "Brand new." not in written
    assert "four" in written


def test_the_clauses_come_from_the_revisions_read_back_not_from_the_data():
    rekeyed_old = tuple(Clause(2, c.heading, c.body, key=c.key + "-2") for c in OLD[:1])
    rekeyed_new = tuple(Clause(2, c.heading, c.body, key=c.key + "-2") for c in NEW[1:2])
    rebuilt = round_trip(rekeyed_old, rekeyed_new)
    assert [item.key for item in rebuilt.clauses] == ["a-2"]
