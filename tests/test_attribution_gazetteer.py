"""Descriptions resolved by a gazetteer (issue #13, session 20): "the Russian president" after a
bare "Dmitry Medvedev", "the alliance" for NATO.

``stancekit/data/office_holders.tsv`` lists offices of the shipped targets' period (2008-2010)
and their holders, ``body_descriptions.tsv`` the bodies a one-word description may stand for.
Both are a fallback inside the document: a description resolves to a listed person or body only
when the article names it (and no other listed candidate), and the article's own text (a title
before a name, an apposition, a body named in full) wins. The sayings are invented; the
office-holders are the real ones of the time; lesser people and places are invented. The rules
alone (``attribution=None``); the statement checked is the last one of the snippet.
"""

from __future__ import annotations

import pytest

import stancekit
from stancekit import segment

from .conftest import checked_segment

ROWS = [
    # --- resolved: the article names the holder, never with the title
    pytest.param("Dmitry Medvedev toured a tank factory on Friday. The Russian president said the pact would bind "
                 "every army in Europe.", "Dmitry Medvedev", "The Russian president", id="named-holder"),
    pytest.param("Sergei Lavrov landed in Astana late on Sunday. The Russian foreign minister said the chair had "
                 "been fair.", "Sergei Lavrov", "The Russian foreign minister", id="named-foreign-minister"),
    pytest.param("Kanat Saudabayev flew to Kabul in March. The OSCE Chairman-in-Office said the border police "
                 "needed training.", "Kanat Saudabayev", "The OSCE Chairman-in-Office", id="named-cio-with-body"),
    pytest.param("Dmitry Medvedev and Sergei Lavrov met Finnish diplomats on a ferry. The Russian minister said "
                 "the draft was ready.", "Sergei Lavrov", "The Russian minister", id="one-listed-minister-named"),
    pytest.param("Lavrov's deputy met Dmitry Medvedev at the dacha. The Kremlin leader told aides the paper was "
                 "too long.", "Dmitry Medvedev", "The Kremlin leader", id="kremlin-is-russia"),
    pytest.param("The EU sent three envoys to the talks in Bishkek. The bloc said the vote should be repeated.",
                 "EU", "The bloc", id="bloc-eu-alone"),
    pytest.param("The new draft was sent to the OSCE on Tuesday. The organisation said it would study it.",
                 "OSCE", "The organisation", id="organisation-osce-alone"),
    # --- the article's own text wins
    pytest.param("Russian President Vladimir Putin opened the plant. Dmitry Medvedev stayed in Moscow. The "
                 "Russian president said the plant would double its output.", "Vladimir Putin",
                 "The Russian president", id="own-title-wins"),
    pytest.param("Dmitry Medvedev, the prime minister, met President Vladimir Putin. The Russian president said "
                 "the grain deal was done.", "Russian president", "The Russian president",
                 id="another-holder-titled-in-text"),
    pytest.param("NATO staff met envoys of the North Atlantic Alliance at the port. The alliance said the ships "
                 "would stay.", "North Atlantic Alliance", "The alliance", id="body-named-in-full-wins"),
    # --- limits: an article of another period, a person never named, two candidates named
    pytest.param("Vladimir Putin flew to a summit in Lisbon. The Russian president said the gas would keep "
                 "flowing.", "Russian president", "The Russian president", id="other-period-holder-not-listed"),
    pytest.param("The Russian president said the pact would bind every army in Europe.", "Russian president",
                 "The Russian president", id="holder-never-named"),
    pytest.param("Medvedev toured a tank factory on Friday. The Kremlin leader said the tanks were old.",
                 "Kremlin leader", "The Kremlin leader", id="surname-alone-is-no-name"),
    pytest.param("Marat Tazhin handed the ministry to Kanat Saudabayev. The Kazakh foreign minister said the "
                 "handover was smooth.", "Kazakh foreign minister", "The Kazakh foreign minister",
                 id="two-holders-named"),
    pytest.param("Dmitry Medvedev toured a tank factory on Friday. The president said the tanks were old.",
                 "president", "The president", id="one-word-title-not-listed"),
    pytest.param("Kanat Saudabayev now runs the ministry. Two years ago its foreign minister said the chair was a "
                 "prize.", "foreign minister", "its foreign minister", id="no-country-no-holder"),
    pytest.param("NATO and the EU met in a tent in Brussels. The bloc said the tent leaked.", "bloc", "The bloc",
                 id="bloc-two-candidates"),
    pytest.param("The ferry left the port at dawn. The alliance said the timetable was fair.", "alliance",
                 "The alliance", id="alliance-no-body-named"),
]


@pytest.mark.parametrize("text, actor, mention", ROWS)
def test_gazetteer(text, actor, mention):
    last = checked_segment(text)[-1]
    assert (last.actor, last.actor_mention) == (actor, mention)


def test_gazetteers_are_data_and_extendable(tmp_path):
    text = "Tom Berg walked along the pier. The Velden envoy said the pier was safe."
    assert segment(text, attribution=None)[-1].actor == "Velden envoy"
    (tmp_path / "office_holders.tsv").write_text("# made up\nvelden envoy\tTom Berg\t2009\n", encoding="utf-8")
    (tmp_path / "body_descriptions.tsv").write_text("guild\tLund Guild\tGuild of Lund\n", encoding="utf-8")
    assert segment(text, attribution=None, lexicon_dirs=[tmp_path])[-1].actor == "Tom Berg"
    lex = stancekit.load_lexicon([tmp_path])
    assert ("guild", "Lund Guild", ("Guild of Lund",)) in lex.body_descriptions
    text = "The Guild of Lund met on the pier. The guild said the toll was fair."
    assert segment(text, attribution=None, lexicon_dirs=[tmp_path])[-1].actor == "Lund Guild"
    (tmp_path / "bad").mkdir()  # (lexicons are cached by directory)
    (tmp_path / "bad" / "office_holders.tsv").write_text("velden harbour master\n", encoding="utf-8")
    with pytest.raises(stancekit.DataError, match=r"office_holders.tsv:1: expected 2 to 3 tab-separated columns"):
        segment(text, lexicon_dirs=[tmp_path / "bad"])


def test_shipped_gazetteer_rows_are_well_formed():
    lex = stancekit.load_lexicon()
    assert lex.office_holders and lex.body_descriptions
    for phrase, name, years in lex.office_holders:
        assert phrase == phrase.lower() and len(name.split()) >= 2 and years[:4].isdigit(), (phrase, name)
    for word, name, _ in lex.body_descriptions:
        assert word.isalpha() and word == word.lower() and name, word


def test_many_descriptions_and_bodies():
    # a long document of descriptions: each body name is searched for once per document
    text = "NATO met the EU in Oslo. " + "The alliance said it was late. The bloc said it was early. " * 300
    got = checked_segment(text)
    assert {s.actor for s in got if s.actor} == {"NATO", "bloc"}
