"""Near-identical texts: MinHash signatures over word (or character) pairs, and the bands
that find copies without comparing every pair of texts."""

from drafts import likeness

CAMPAIGN = (
    "Please keep the river meadow out of the new road plan. It is home to rare birds, "
    "our children play there every summer, and the flood plain protects the lower village. "
    "Build the bypass along the railway instead."
)
OTHER = (
    "The reporting deadline of three days is too short for a team of volunteers; five "
    "working days would be a promise the Care Team can keep."
)
JAPANESE = "この方針は地域の川の草地を新しい道路計画から外すべきです。珍しい鳥が住んでいて、子どもたちが夏に遊ぶ場所です。"


def test_copies_with_a_signature_changed_are_alike():
    copy = CAMPAIGN + " Regards, Alice Martin"
    other_copy = CAMPAIGN.replace("Please keep", "Kindly keep") + " Bob"
    assert likeness.alike(likeness.signature(copy), likeness.signature(other_copy))


def test_different_texts_are_not_alike():
    assert likeness.likeness(likeness.signature(CAMPAIGN), likeness.signature(OTHER)) < 0.2


def test_a_text_rewritten_in_part_is_not_a_copy():
    half = CAMPAIGN.split(". ")[0] + ". " + OTHER
    assert not likeness.alike(likeness.signature(CAMPAIGN), likeness.signature(half))


def test_case_punctuation_and_width_do_not_matter():
    shouted = CAMPAIGN.upper().replace(",", "").replace(".", "!")
    assert likeness.likeness(likeness.signature(CAMPAIGN), likeness.signature(shouted)) == 1.0


def test_unspaced_scripts_are_read_character_by_character():
    assert likeness.tokens("方針は") == ["方", "針", "は"]
    assert "方 針" in likeness.shingles(JAPANESE)
    copy = JAPANESE + "田中より"
    assert likeness.alike(likeness.signature(JAPANESE), likeness.signature(copy))
    different = "報告の期限は三日では短すぎます。ボランティアのチームには五営業日が現実的です。"
    assert not likeness.alike(likeness.signature(JAPANESE), likeness.signature(different))


def test_thai_vowels_stay_with_their_consonant():
    assert likeness.tokens("กิน") == ["กิ", "น"]


def test_a_few_words_have_no_signature():
    assert likeness.signature("I agree.") is None
    assert likeness.signature("I fully agree with this change") is not None


def test_signatures_and_bands_are_stable():
    signature = likeness.signature(CAMPAIGN)
    assert len(signature) == 4 * likeness.PERMUTATIONS
    assert likeness.signature(CAMPAIGN) == signature
    found = likeness.bands(signature)
    assert len(found) == likeness.BANDS and all(-(2**63) <= value < 2**63 for value in found)


def test_clusters_group_copies_and_leave_the_rest():
    texts = {
        1: CAMPAIGN + " Alice",
        2: OTHER,
        3: CAMPAIGN + " Bob",
        4: JAPANESE,
        5: CAMPAIGN + " Carol",
        6: JAPANESE + "田中",
    }
    signatures = {key: likeness.signature(text) for key, text in texts.items()}
    assert likeness.clusters(signatures) == [[1, 3, 5], [4, 6]]


def test_a_campaign_costs_comparisons_in_proportion_to_its_size(monkeypatch):
    calls = []
    alike = likeness.alike
    monkeypatch.setattr(likeness, "alike", lambda a, b: calls.append(1) or alike(a, b))
    signatures = {i: likeness.signature(f"{CAMPAIGN} Signed {i}") for i in range(1, 1001)}
    signatures.update({i: likeness.signature(f"{OTHER} {i} {i + 1}") for i in range(1001, 1201)})
    groups = likeness.clusters(signatures)
    assert sorted(len(group) for group in groups)[-1] == 1000
    assert len(calls) <= 1200 * likeness.BANDS
