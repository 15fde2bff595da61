"""Compare and history pages show a numbered heading with one number, as the reading page does."""

import re

import pytest

from consult.extensions import db
from consult.policies.services import set_heading_numbers
from consult.redline.render import Labels, redline_html
from drafts import diff_normalised
from tests.policies.test_heading_numbers import NUMBERED, shown_heading

# A clause inserted before the warning: the document numbers it anew, as does Consult.
INSERTED = NUMBERED.replace(
    "### 2. Warning\n\nA warning with consequences.",
    "### 2. Reminder\n\nA friendly reminder first.\n\n### 3. Warning\n\nA warning with consequences.",
)


@pytest.fixture
def relabelled(create_policy, create_revision):
    policy = create_policy()
    create_revision(policy, NUMBERED)
    create_revision(policy, INSERTED, summary="A reminder first")
    return policy


def title(page: str, key: str) -> str:
    found = re.search(
        rf'<h3 id="title-{re.escape(key)}" class="compared-title">(.*?)</h3>', page, re.S
    )
    assert found, key
    return found.group(1)


def unannounced(html: str) -> str:
    return re.sub(r'<span class="visually-hidden"[^>]*>[^<]*</span>', "", html)


def test_a_headings_own_number_changed_is_marked_not_taken_for_a_list_marker() -> None:
    # A heading is inline text: "2. " starts no list, so the change to it keeps its marks.
    ops = diff_normalised("2. Warning", "3. Warning").ops
    html = redline_html(ops, Labels("", "", ""), inline=True)
    assert unannounced(str(html)) == "<del>2</del><ins>3</ins>. Warning"


def summary_count(page: str, what: str) -> int:
    found = re.search(rf"<strong>(\d+)</strong> clauses? {what}</li>", page)
    assert found, what
    return int(found.group(1))


def test_the_compare_page_shows_the_documents_numbers_once(client, relabelled):
    page = client.get("/policies/guidelines/compare/1/2").get_data(as_text=True)
    warning = title(page, "2-warning")
    assert 'class="num"' not in warning
    assert re.search(r"<del>2</del><ins>3</ins>\. Warning", unannounced(warning))
    assert shown_heading(page, "2-reminder", "title") == ("", "2. Reminder")
    # Consult's numbers are not shown, so neither is their change.
    assert "was 2.2, now 2.3" not in page


def test_a_headings_own_number_changed_is_a_renumbering_not_a_rename(client, relabelled):
    page = client.get("/policies/guidelines/compare/1/2").get_data(as_text=True)
    section = page.split('id="change-2-warning"')[1].split("</section>")[0]
    assert "kind-relabelled" in page and "Renamed" not in section
    assert '<li class="change change-relabelled">Renumbered</li>' in section
    jump = re.search(r'<ol class="jump-links">(.*?)</ol>', page, re.S).group(1)
    assert "Renamed" not in jump and "Renumbered" in jump
    assert (summary_count(page, "renamed"), summary_count(page, "renumbered")) == (0, 1)


def test_the_compare_page_shows_consults_numbers_once(client, relabelled, staff):
    set_heading_numbers(staff, relabelled, "consult")
    db.session.commit()
    page = client.get("/policies/guidelines/compare/1/2").get_data(as_text=True)
    # Only the document's own number changed, and it is not shown: the clause is unchanged,
    # renumbered by Consult.
    assert 'id="title-2-warning"' not in page
    warning = page.split('id="change-2-warning"')[1].split("</details>")[0]
    assert "<ins>" not in warning and "<del>" not in warning and "Renamed" not in warning
    assert '<span class="num">2.3</span>' in warning and "was 2.2, now 2.3" in warning
    assert shown_heading(page, "2-reminder", "title") == ("2.2", "Reminder")
    jump = re.search(r'<ol class="jump-links">(.*?)</ol>', page, re.S).group(1)
    assert "2. Reminder" not in jump and "Reminder" in jump and "Warning" not in jump
    assert (summary_count(page, "renamed"), summary_count(page, "renumbered")) == (0, 1)
    assert summary_count(page, "added") == 1


def test_the_history_shows_the_numbers_the_policy_chose(client, relabelled, staff):
    auto = client.get("/policies/guidelines/clauses/2-warning/history").get_data(as_text=True)
    auto_entries = auto.split('class="history-entries"')[1]
    assert 'class="num"' not in auto_entries
    assert "Renumbered" in auto_entries and "Renamed" not in auto_entries
    set_heading_numbers(staff, relabelled, "consult")
    db.session.commit()
    page = client.get("/policies/guidelines/clauses/2-warning/history").get_data(as_text=True)
    entries = page.split('class="history-entries"')[1]
    assert '<span class="num">2.2</span>' in entries and "2. Warning" not in entries
    assert "Unchanged." in entries and "was 2.2, now 2.3" in entries
    assert "Renamed" not in entries and "<del>" not in entries
    assert "History of a clause: <bdi" in page and ">Warning</bdi>" in page


def test_the_api_calls_a_headings_own_number_changed_a_relabelling(client, relabelled):
    data = client.get("/api/v1/policies/guidelines/compare/1/2").json
    [warning] = [item for item in data["clauses"] if item["new"]["key"] == "2-warning"]
    assert warning["kind"] == "relabelled"
    assert set(warning["changes"]) == {"relabelled", "renumbered"}
    assert (data["summary"]["renamed"], data["summary"]["renumbered"]) == (0, 1)
