"""Issue #13, twelfth round (session 17): SPEC cues whose attribution no statement found.
Sentences written fresh for these tests."""

from __future__ import annotations

import pytest

from .conftest import check_offsets_rules_and_model, checked_segment


# A spaced hyphen (" - ") or a doubled one ("--") written for a dash: an apposition between two of
# them, after the subject and before its saying verb, is skipped as one between em dashes is, and
# the mention runs over it ("Tom Berg - a teacher from Lund").
@pytest.mark.parametrize("text, actor, mention", [
    ("The pier closed in May. Tom Berg - a teacher from Lund - says that the toll could return.\n",
     "Tom Berg", "Tom Berg - a teacher from Lund"),
    ("The pier closed in May. Tom Berg -- a teacher from Lund -- says that the toll could return.\n",
     "Tom Berg", "Tom Berg -- a teacher from Lund"),
    ("The pier closed in May. Tom Berg — a teacher from Lund — says that the toll could return.\n",
     "Tom Berg", "Tom Berg — a teacher from Lund"),
    ("The pier closed in May. Several dock engineers - including a pair of council advisers - "
     "warn that the pier could sink.\n",
     "engineers", "engineers - including a pair of council advisers"),
    ("The pier closed in May. Oda Marr - who ran the ferry office for years - said that the toll was a mistake.\n",
     "Oda Marr", "Oda Marr - who ran the ferry office for years"),
    # no apposition: the hyphens are inside words, or the pair is in the content after the verb
    ("The pier closed in May. Tom Berg said the harbour-side toll was a port-wide mistake.\n", "Tom Berg", "Tom Berg"),
    ("The pier closed in May. Tom Berg said the toll - a burden on the poor - could return.\n", "Tom Berg", "Tom Berg"),
], ids=["spaced-hyphen", "double-hyphen", "em-dash", "group-including", "who-clause", "word-hyphens", "in-content"])
def test_an_apposition_between_spaced_hyphens(text, actor, mention):
    got = checked_segment(text, "rules")
    assert [s.actor for s in got] == [None, actor]
    assert got[1].actor_mention == mention


@pytest.mark.parametrize("text", [
    # a lone spaced hyphen, a range and a pair that holds no apposition leave the sentence unread
    "The pier closed in May. The ferry - late again - left the dock at noon.\n",
    "The pier closed in May. Between 1990 - 2000 the toll rose twice.\n",
    "The pier closed in May. The dockers - and their union - walked off the pier.\n",
])
def test_spaced_hyphens_name_no_one_by_themselves(text):
    assert [s.actor for s in checked_segment(text, "rules")] == [None, None]


def test_spaced_hyphens_on_pathological_input():
    for text in ("Tom Berg" + " - a teacher" * 30_000 + " - says that it was so.\n",
                 "Tom Berg -" + " -" * 50_000 + " said that it was so.\n",
                 "Tom Berg --" + "--" * 50_000 + " said that it was so.\n"):
        check_offsets_rules_and_model(text, "default")


# A quotation that opens the paragraph right after a statement reporting someone's words without
# quoting them ("Ana Ruiz argued in a letter that ...") and names no speaker of its own is that
# speaker's, every sentence of it (SPEC 4: a quotation over several sentences is its speaker's);
# as in the same paragraph before. Not after narration, a paragraph between, or a header line.
@pytest.mark.parametrize("text, actors", [
    ('The board met on Monday. Ana Ruiz argued in a letter that the toll was unfair.\n\n'
     '"The toll hurts the poor. It must go before the winter."\n', [None, "Ana Ruiz", "Ana Ruiz", "Ana Ruiz"]),
    ("Ana Ruiz argued in a letter that the toll was unfair.\n\n\u201cThe toll hurts the poor.\u201d\n",
     ["Ana Ruiz", "Ana Ruiz"]),
    ("Ana Ruiz argued in a letter that the toll was unfair.\n\n\u00abThe toll hurts the poor.\u00bb\n",
     ["Ana Ruiz", "Ana Ruiz"]),
    ('Ana Ruiz argued in a letter that the toll was unfair.\n\n"The toll hurts the poor," Tom Berg said.\n',
     ["Ana Ruiz", "Tom Berg"]),
    ('The board met on Monday. The pier closed in May.\n\n"The toll hurts the poor."\n', [None, None, None]),
    ('Ana Ruiz argued in a letter that the toll was unfair.\n\nThe pier closed in May.\n\n"The toll hurts the poor."\n',
     ["Ana Ruiz", None, None]),
    ('Ana Ruiz argued in a letter that the toll was unfair.\n\nTOLL DEBATE\n\n"The toll hurts the poor."\n',
     ["Ana Ruiz", None]),
], ids=["straight", "curly", "guillemets", "own-tag", "after-narration", "paragraph-between", "header-between"])
def test_a_quotation_opening_the_next_paragraph_is_the_last_speakers(text, actors):
    assert [s.actor for s in checked_segment(text, "rules")] == actors


def test_quotation_after_a_paragraph_on_pathological_input():
    for text in ('Ana Ruiz argued that it was so.\n\n' + '"It is so."\n\n' * 5_000,
                 ('Ana Ruiz argued that it was so.\n\n"' + "It is so. " * 5_000 + '"\n') * 2):
        check_offsets_rules_and_model(text, "default")


# Adverbs of frequency between a subject and its saying verb ("sometimes", "always", "usually") are
# skipped as "often" and "repeatedly" are; one in "-s" is no plural head of the mention either.
@pytest.mark.parametrize("text, actor, mention", [
    ("The toll rose over the summer, as Tom Berg has sometimes acknowledged.\n", "Tom Berg", "Tom Berg"),
    ("The toll rose over the summer, as Tom Berg has always said.\n", "Tom Berg", "Tom Berg"),
    ("The toll rose over the summer, as Tom Berg usually notes.\n", "Tom Berg", "Tom Berg"),
    ("Tom Berg sometimes says that the toll could return.\n", "Tom Berg", "Tom Berg"),
    ("The ferries always sail at noon.\n", None, None),
    ("The ferries sometimes sail late, the clerk said.\n", "clerk", "the clerk"),
], ids=["as-sometimes", "as-always", "as-usually", "mention-sometimes", "no-saying", "closing-tag"])
def test_an_adverb_of_frequency_before_a_saying_verb(text, actor, mention):
    got = checked_segment(text, "rules")
    assert (got[0].actor, got[0].actor_mention) == (actor, mention)


# A saying verb coordinated after another verb of its subject: after "but" too ("Harborline keeps its
# books closed but says ..."; a name or a pronoun, not a passive, a negated verb or "spoken"); and after
# a description that opens the sentence ("The port union met on Monday and said ..."), as a saying
# participle after a comma already shared it. A thing stays narration.
@pytest.mark.parametrize("text, actor", [
    ("The pier closed in May. Harborline keeps its own books closed but says its trade has doubled.\n", "Harborline"),
    ("The pier closed in May. The port union met on Monday and said the toll was unfair.\n", "port union"),
    ("The pier closed in May. The harbour lawyer filed a motion and insisted the toll was unfair.\n", "lawyer"),
    ("The pier closed in May. The port union met on Monday but said the toll was unfair.\n", "port union"),
    ("The pier closed in May. Ana Ruiz is often at the pier but has spoken on few occasions.\n", None),
    ("The pier closed in May. Ana Ruiz is moving to Lund but is expected to keep her seat.\n", None),
    ("The pier closed in May. The port union met on Monday but did not say what it wants.\n", None),
    ("The pier closed in May. The storm closed the port and said nothing.\n", None),
], ids=["but-name", "and-described-group", "and-described-person", "but-described", "but-spoken", "but-passive",
        "but-negated", "thing"])
def test_a_coordinated_saying_verb_shares_its_subject(text, actor):
    assert [s.actor for s in checked_segment(text, "rules")] == [None, actor]


def test_coordinated_saying_verb_on_pathological_input():
    for text in ("The port union met" + " and met" * 30_000 + " and said that it was so.\n",
                 "Harborline keeps it" + " but keeps it" * 30_000 + " but says it is so.\n"):
        check_offsets_rules_and_model(text, "default")
