"""Segmentation and attribution: golden seed article, phenomena tables, invariants, bad input."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import stancekit
from stancekit import segment

from .conftest import check_offsets, checked_segment, made_up_word

# -- the seed article --------------------------------------------------------------------------------

# Statements whose expected actor or kind the rules do not reach yet (index into the golden file).
KNOWN_KIND_MISSES = {27: "a quotation of a document inside an analysts' statement is read as their own words"}


def test_seed_boundaries_match_golden(seed_text, seed_gold):
    got = segment(seed_text, "000_9c81a39b0ce1faa2")
    check_offsets(seed_text, got)
    assert [(s.start, s.end) for s in got] == [(g["start"], g["end"]) for g in seed_gold]


@pytest.mark.parametrize("i", range(35))
def test_seed_actor_and_kind(seed_text, seed_gold, i):
    got = segment(seed_text, "000_9c81a39b0ce1faa2")
    g = seed_gold[i]
    s = got[i]
    assert s.actor == g["actor"]
    if i not in KNOWN_KIND_MISSES:  # those have a strict xfail test of their own below
        assert s.kind == g["kind"]


@pytest.mark.xfail(strict=True, reason=KNOWN_KIND_MISSES[27])
def test_seed_quoted_document_inside_reported_speech_is_indirect(seed_text, seed_gold):
    got = segment(seed_text, "000_9c81a39b0ce1faa2")
    assert got[27].kind == seed_gold[27]["kind"]


def test_seed_statement_id_matches_spec_example(seed_text):
    got = segment(seed_text, "000_9c81a39b0ce1faa2")
    s = got[7]
    assert s.statement_id == "000_9c81a39b0ce1faa2:7"
    assert s.actor == "Serzh Sargsyan"
    assert s.actor_mention == "the Armenian President Serzh Sargsyan"
    assert s.kind == "direct"


def test_seed_headline_byline_caption_are_not_statements(seed_text):
    got = segment(seed_text)
    first_body = got[0].start
    header = seed_text[:first_body]
    assert "Publication:" in header and not any("Publication:" in s.text for s in got)


# -- sentence splitting ------------------------------------------------------------------------------

SPLITS = [
    ("The U.S. delegation arrived late. The talks began at noon.", 2),
    ("Gen. Ivanov spoke first. Dr. Berg replied.", 2),
    ("The meeting is on Jan. 14 in Vienna. It will last a day.", 2),
    ("Resolution No. 5 passed. Delegates left.", 2),
    ("They met near St. Stephen's Cathedral. Nobody spoke.", 2),
    ("Kurmanbek S. Bakiyev arrived on Monday. He left on Tuesday.", 2),
    ("Growth reached 3.5 percent in 2009. Inflation fell.", 2),
    ("He said, \"We are ready.\" Then he left.", 2),
    ("She said, “We are ready.” Then she left.", 2),
    ("The plan was welcomed in Minsk (Interfax, March 3). Kyiv was silent.", 2),
    ("The text is at https://example.org/a.b/c.pdf. Read it.", 2),
    ("The draft was... not well received. Critics multiplied.", 2),
    ("He paused… Then he answered.", 2),
    ("Is this the end? Nobody knows. We will see!", 3),
    ("“Why now?” asked the envoy.", 1),
    ("The minister, Mr. Olsen, was blunt.", 1),
    ("They met in the U.S. capital on Monday.", 1),
    # plural titles (session 23, hE; regression: "Sens." and "Reps." ended the sentence)
    ("Several leaders, including Sens. Ana Ruiz (Ohio) and Tom Berg (Iowa), opposed the toll.", 1),
    ("Reps. Ana Ruiz and Tom Berg voted no. Govs. Lund and Haas voted yes.", 2),
]


@pytest.mark.parametrize("text,n", SPLITS)
def test_sentence_splitting(text, n):
    got = segment(text)
    check_offsets(text, got)
    assert len(got) == n, [s.text for s in got]


def test_paragraphs_end_sentences():
    text = "The envoy spoke\n\nThe minister replied at length about the summit."
    got = segment(text)
    assert [s.text for s in got] == ["The minister replied at length about the summit."]


@pytest.mark.parametrize("header", [
    "Envoys Gather in Vienna\n\n",
    "Publication: Weekly Monitor Volume: 3 Issue: 9\n\n",
    "By Anna Pettersen\n\n",
    "Photo: delegates at the table\n\n",
    "Source: Foreign Desk\n\n",
])
def test_headlines_bylines_metadata_are_skipped(header):
    text = header + "The delegates agreed on an agenda."
    got = segment(text)
    assert [s.text for s in got] == ["The delegates agreed on an agenda."]


# A headline over a second header line whose only full stops follow abbreviations ("No.", "Vol.",
# "U.S.", "Dept.", "Nov."): the stops ended no sentence but made the line look like prose, so the
# line (with the next paragraph, when only a newline followed it) was cut as a statement.
ABBREVIATED_HEADER_LINES = [
    "Bulletin No. 48",
    "No. 48",
    "U.S. mission statement, 12 May 2010",
    "Weekly digest No. 7 (Vol. 3)",
    "Vol. 12, Issue 4",
    "Dept. of Harbours release No. 3",
    "BRELLHAVEN, Nov. 12, 2009",
    "By Dr. Oda Kessling | Tidewater Review, Vol. 2, Issue 9 | Jan. 5, 2010",
]


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
@pytest.mark.parametrize("second", ABBREVIATED_HEADER_LINES)
def test_headline_with_abbreviation_on_second_line_is_not_a_statement(second, gap):
    text = ("Harbour levy to rise, mayor says\n" + second + gap
            + "Mayor Tilda Varn said on Tuesday that the harbour levy would rise next year. "
            + "\"We have no other choice,\" she said.\n")
    got = checked_segment(text)
    assert [s.text for s in got] == [
        "Mayor Tilda Varn said on Tuesday that the harbour levy would rise next year.",
        "\"We have no other choice,\" she said.",
    ]
    assert got[0].actor == "Tilda Varn"


# Session 17 (issue #14, end to end on fixtures/train): the document's first block as a title block.
# A headline over a masthead line of fields between bars, over a long byline, or with a question
# mark or a full stop inside was cut as one or two statements (which the stance model then read).
TITLE_BLOCKS = [
    "After the vote: a levy, no new ferry, and a council that got its budget\n"
    "Coastal Affairs Bulletin | No. 12 | May 3, 2010 | by Ada Lund",
    "The pier is safe; the levy is at least an attempt to pay for it\n"
    "By Rui Moreno, a former harbour pilot who writes on shipping and ports | Oporto, 4 June 2009",
    "Harbour levy to rise. Ferry fares to follow\nOpinion | The Tidewater Post | May 3, 2010",
    "Harbour levy to rise? Not this year\nBy Ines Calder",
    "A levy nobody wanted\nBy Ines Calder\nPublication: Harbour Weekly, Issue 4\n"
    "Ines Calder was a harbour pilot for twenty years.",  # an author's note under the byline
    "Levy vote due. Council split\nBy Ines Calder\nBRELLHAVEN, June 4, 2009",
    "Levy vote due. Council split\nBy Ines Calder\nThe author chairs the ferry users' club.",
    "Levy vote due. Council split\nPorto Santo, Madeira, Oct. 5, 2009",
]


@pytest.mark.parametrize("head", TITLE_BLOCKS)
def test_a_title_block_over_the_body_is_no_statement(head):
    text = head + "\n\nMayor Tilda Varn said on Tuesday that the harbour levy would rise next year. " \
        "\"We have no other choice,\" she said.\n"
    got = checked_segment(text)
    assert [s.text for s in got] == [
        "Mayor Tilda Varn said on Tuesday that the harbour levy would rise next year.",
        "\"We have no other choice,\" she said.",
    ]


@pytest.mark.parametrize("text,first", [
    # a dateline over a one-line first paragraph in the same block: the sentence stays
    ("BRELLHAVEN, June 4, 2009\nMayor Tilda Varn said the harbour levy would rise.\n\nThe council agreed.",
     "Mayor Tilda Varn said the harbour levy would rise."),
    # a line under the byline that does not open with the author's name is body text
    ("Harbour levy to rise\nBy Ines Calder\nMayor Tilda Varn said the harbour levy would rise.\n\nThe council agreed.",
     "Mayor Tilda Varn said the harbour levy would rise."),
    # a hard-wrapped first paragraph under a byline (lines of more than thirty words) is body text
    ("Harbour levy to rise\nBy Ines Calder\nMayor Tilda Varn said on Tuesday that the harbour levy would rise "
     "next year and that the ferry fares would follow in the spring, once the council had voted on the budget "
     "for the port,\nand the pilots agreed.\n\nThe council agreed.",
     "Mayor Tilda Varn said on Tuesday that the harbour levy would rise next year"),
    # bars inside a sentence that ends with a full stop: no masthead
    ("Fares rose | a little\nBy Ines Calder said the fares rose.\n\nThe council agreed.", None),
])
def test_a_first_block_that_is_no_title_block_keeps_its_statements(text, first):
    got = checked_segment(text)
    assert got[-1].text == "The council agreed."
    if first is not None:
        assert got[0].text.startswith(first)


def test_title_block_on_pathological_input():
    # long lines and many bars or dates in the first block: each line read a bounded number of times
    for line in ("By " + "Ines | " * 20_000, "May 3, 2010 " * 5_000, "Oporto, " * 10_000 + "May 3, 2010"):
        checked_segment("Harbour levy to rise\n" + line + "\n\nThe mayor said the levy would rise.\n")
        checked_segment("Harbour levy to rise\n" + line.replace(" ", "") + "\nBy Ines Calder\n\nThe levy rose.\n")


@pytest.mark.parametrize("text", [
    "Harbour levy to rise\n\nTalks on the levy resumed with the U.S.",  # a sentence ending at an initialism
    "Harbour levy to rise\n\nDr. Varn met the council. It agreed on No. 4",  # a break inside the line
])
def test_a_line_whose_stop_ends_a_sentence_is_still_a_statement(text):
    assert len(checked_segment(text)) >= 1


def test_abbreviated_header_line_on_pathological_input():
    # a header line of many abbreviation stops: each is read once (linear time), offsets exact
    text = "Harbour levy to rise\n" + "No. 7 " * 20_000 + "\nThe mayor said the levy would rise.\n"
    checked_segment(text)  # (too long for a header: a statement, in linear time)
    text = "Harbour levy to rise\n" + "U.S. " * 20_000 + "\n\nThe mayor said the levy would rise.\n"
    checked_segment(text)


# -- quotations and attribution ------------------------------------------------------------------------

ATTRIBUTION = [
    # (text, index of statement, actor, kind)
    ("Foreign Minister Lena Arvidsson said the proposal deserved a hearing.", 0, "Lena Arvidsson", "indirect"),
    ("\"The proposal deserves a hearing,\" Lena Arvidsson said.", 0, "Lena Arvidsson", "direct"),
    ("“The proposal deserves a hearing,” said Lena Arvidsson.", 0, "Lena Arvidsson", "direct"),
    ("«The proposal deserves a hearing,» said Lena Arvidsson.", 0, "Lena Arvidsson", "direct"),
    ("'The proposal deserves a hearing,' said Lena Arvidsson.", 0, "Lena Arvidsson", "direct"),
    ("“The proposal,” Lena Arvidsson said, “deserves a hearing.”", 0, "Lena Arvidsson", "direct"),
    ("Lena Arvidsson was blunt: “The proposal deserves no hearing.”", 0, "Lena Arvidsson", "direct"),
    ("According to Lena Arvidsson, the proposal deserves a hearing.", 0, "Lena Arvidsson", "indirect"),
    ("Lena Arvidsson spoke on Monday. In her view, the proposal deserves a hearing.", 1, "Lena Arvidsson", "indirect"),
    ("The law was, in the assessment of Lena Arvidsson, largely cosmetic.", 0, "Lena Arvidsson", "indirect"),
    # (session 21, issue #14) "in X's calculation", "in their telling", "in his account," (set off by a
    # comma: not a bank account)
    ("In the Harbour Board's calculation, the toll is fair.", 0, "Harbour Board", "indirect"),
    ("In the calculation of the Harbour Board, the toll is fair.", 0, "Harbour Board", "indirect"),
    ("The dockers said the pier was unsafe. In their telling, the ferry saved the town.", 1, "dockers", "indirect"),
    ("Tom Berg spoke next. The pier, in his account, was never safe.", 1, "Tom Berg", "indirect"),
    ("Tom Berg spoke next. He kept the money in his account for a year.", 1, None, "narrative"),
    # Capitalised words that modify the next word are no subject of a later verb.
    ("The Norland war also put Astana in an awkward spot.", 0, None, "narrative"),
    ("Its central idea can be stated in a sentence.", 0, None, "narrative"),
    ("Article 1 asks the parties to cooperate.", 0, None, "narrative"),
    ("Refusing to read it would tell Moscow much.", 0, None, "narrative"),
    # A body named by capitalised words ending in a place is the body, not a person named after the place.
    ("Rights Monitor Central Asia calls on the states to speak plainly.", 0, "Rights Monitor Central Asia", "indirect"),
    ("NATO officials attending the talks said privately that no treaty was needed.", 0, "NATO officials", "indirect"),
    ("Russian officials now speak of the meeting as a venue for the treaty.", 0, "Russian officials", "indirect"),
    ("In the judgement of Lena Arvidsson, the law is cosmetic.", 0, "Lena Arvidsson", "indirect"),
    ("Lena Arvidsson described the proposal as “worth a hearing.”", 0, "Lena Arvidsson", "direct"),
    ("Concerns were raised by Lena Arvidsson about the proposal.", 0, "Lena Arvidsson", "indirect"),
    ("Concerns were also raised by Lena Arvidsson about the proposal.", 0, "Lena Arvidsson", "indirect"),
    ("It was repeatedly argued by Lena Arvidsson that the proposal was flawed.", 0, "Lena Arvidsson", "indirect"),
    # A title before "of <country> <name>" describes the person: "the President" resolves to her.
    ("President of Finland Ilse Varga sent the draft on Monday. The President stresses that it is open to all.",
     1, "Ilse Varga", "indirect"),
    # Titles, then a name, in apposition to a description: the name is the subject; the office then refers to her.
    ("Addressing the Council, the Chairman-in-Office, State Secretary and Foreign Minister of Finland Ilse Varga, "
     "said the summit was overdue. The Chairman-in-Office stressed that work would go on.", 0, "Ilse Varga", "indirect"),
    ("Addressing the Council, the Chairman-in-Office, State Secretary and Foreign Minister of Finland Ilse Varga, "
     "said the summit was overdue. The Chairman-in-Office stressed that work would go on.", 1, "Ilse Varga", "indirect"),
    # ... but not after a name: "head of U.S. Strategic Command" describes the general.
    ("Gen. Kevin Dorn, head of U.S. Strategic Command, said the limits were enough.", 0, "Kevin Dorn", "indirect"),
    # "It" opening a clause with a speech verb is the body or country last named; a dummy "it" is not.
    ("The Civic Rights Institute said on Monday that the law was flawed. It urges governments to act.", 1,
     "Civic Rights Institute", "indirect"),
    ("The Civic Rights Institute said on Monday that the law was flawed. It is said that governments will act.", 1,
     None, "narrative"),
    ("The Civic Rights Institute said on Monday that the law was flawed. It seems to favour delay.", 1, None, "narrative"),
    ("The Civic Rights Institute said on Monday that the law was flawed. When it was explained to her, she shrugged.", 1,
     None, "narrative"),
    ("Lena Arvidsson arrived on Monday. She said the proposal deserved a hearing.", 1, "Lena Arvidsson", "indirect"),
    ("Swedish Foreign Minister Lena Arvidsson arrived on Monday. The minister said the plan was sound.", 1,
     "Lena Arvidsson", "indirect"),
    ("NATO said the existing framework was enough.", 0, "NATO", "indirect"),
    ("The State Department said the existing framework was enough.", 0, "State Department", "indirect"),
    ("Western diplomats told reporters the plan was premature.", 0, "Western diplomats", "indirect"),
    ("Some analysts argue the plan is premature.", 0, "analysts", "indirect"),
    ("Moscow insists the text is ready.", 0, "Russia", "indirect"),
    ("The Kremlin said the text was ready.", 0, "Russia", "indirect"),
    ("Astana hopes the summit will take place.", 0, "Kazakhstan", "indirect"),
    ("Washington was blunter.", 0, "United States", "indirect"),
    ("The Kazakh government proposed an informal meeting.", 0, "Kazakhstan", "indirect"),
    ("Ilse Brandt, a researcher at the Hanseatic Institute, argued that the plan was vague.", 0, "Ilse Brandt", "indirect"),
    ("Mr Tomas Veld (Estonia, EPP) said the chair must deliver.", 0, "Tomas Veld", "indirect"),
    ("NATO Secretary General Jaap de Hoop Scheffer said the door stays open.", 0, "Jaap de Hoop Scheffer", "indirect"),
    ("Analysts in Warsaw said the plan was premature.", 0, "Analysts in Warsaw", "indirect"),
    ("Critics, including some Nordic diplomats, say the chair acted too slowly.", 0, "Critics", "indirect"),
    ("Replying, the chair of the panel, Mr Tomas Veld, said the chair must deliver.", 0, "Tomas Veld", "indirect"),
    ("In his address, S.V. Orlov presented the proposal. Orlov said it was ready.", 1, "S.V. Orlov", "indirect"),
    ("Moscow brushed the criticism aside.", 0, "Russia", "indirect"),
    ("Andris Kalniņš said the chair was weak.", 0, "Andris Kalniņš", "indirect"),
    ("“It works,” said Mevlüt Çavuşoğlu.", 0, "Mevlüt Çavuşoğlu", "direct"),
    ("“It is late,” said a European diplomat who asked not to be named. The diplomat said no more.", 1,
     "European diplomat", "indirect"),
    ("Dr. Ilse Brandt, of the Hanseatic Institute, said the plan was vague.", 0, "Ilse Brandt", "indirect"),
    ("Several ministers made clear that they saw no need for a treaty.", 0, "ministers", "indirect"),
    ("Pavel Orlov put it bluntly: the draft is dead.", 0, "Pavel Orlov", "indirect"),
    ("Anna Veld spoke next. She asked how the chair could be trusted.", 1, "Anna Veld", "indirect"),
    ("The Baltic Rights Observatory issued a report. The Observatory said the trial was unfair.", 1,
     "Baltic Rights Observatory", "indirect"),
    ("Ilse Brandt, Ruritania's Foreign Minister and the current chair, rejected the idea.", 0, "Ilse Brandt", "indirect"),
    ("Daniel Kessler spoke first. Kessler disagreed.", 1, "Daniel Kessler", "indirect"),
    ("Minister of Foreign Affairs Vygaudas Ušackas said the chair must deliver.", 0, "Vygaudas Ušackas", "indirect"),
    pytest.param("The Ministry of Foreign Affairs of the Republic of Ruritania issued a note. The Ministry said the "
                 "draft was useful.", 1, "Ministry of Foreign Affairs of the Republic of Ruritania", "indirect",
                 marks=pytest.mark.xfail(strict=True, reason=(
                     "session 23: the attribution model rebuilt on 914 articles (91a4bed5) takes 'issued a note' "
                     "as a cue with the source 'Ministry' (a narrated act, and the name cut at 'of'), and the later "
                     "'The Ministry' resolves to that; the rules alone are right "
                     "(test_a_body_named_in_full_then_short_with_the_rules)"))),
    # Regression: a day before a name was taken into it ("Sunday Dmitry Medvedev").
    ("On Sunday Ilse Brandt offered a compromise. Brandt said it was fair.", 1, "Ilse Brandt", "indirect"),
    ("On Sunday Ilse Brandt said the compromise was fair.", 0, "Ilse Brandt", "indirect"),
    ("The chair is Theresa May. May said the compromise was fair.", 1, "Theresa May", "indirect"),
    # Regressions: an apposition before a reaction, and a thousands comma inside a relative clause.
    ("Professor Ilse Brandt, of the Hanseatic Institute, was far more sceptical.", 0, "Ilse Brandt", "indirect"),
    ("Ruritanian President Pavel Orlov, whose country has a border of 1,300 kilometres with Borduria, said the "
     "mission was overdue.", 0, "Pavel Orlov", "indirect"),
    # Colon introductions with any verb, or none, after a name of two words or more; not after a heading.
    ("Rep. Ann Kerr pressed the point: “The chair must deliver.”", 0, "Ann Kerr", "direct"),
    ("Ruritanian President Pavel Orlov: “The draft is dead.”", 0, "Pavel Orlov", "direct"),
    ("The talks ended late. Seminar report: “What can a chair do for the OSCE?”", 1, None, "narrative"),
    # A seat of power opens a clause only before a verb, not as a modifier ("The Vienna meeting").
    ("Washington saw things differently.", 0, "United States", "indirect"),
    ("The Vienna meeting ended without a declaration.", 0, None, "narrative"),
    ("The Kremlin’s line did not change.", 0, None, "narrative"),
    # A second verb, or a participle after a comma, shares the clause's subject.
    ("On the margins, Ilse Brandt held talks with Pavel Orlov and confirmed that the plan was ready.", 0,
     "Ilse Brandt", "indirect"),
    ("Pavel Orlov spoke next. He defended the decision, saying the chair had earned it.", 1, "Pavel Orlov",
     "indirect"),
    ("A Latvian diplomat was more relaxed, saying the chair had earned it.", 0, "Latvian diplomat", "indirect"),
    ("German FM Ilse Brandt was warmer, telling a side event that the plan deserved a hearing.", 0, "Ilse Brandt",
     "indirect"),
    # A parenthetical "according to" reports the subject's words; a body named after it is named in full.
    ("Foreign Minister Pavel Orlov, according to the spokesman, presented the draft.", 0, "Pavel Orlov", "indirect"),
    ("Several allies, according to officials present, cautioned against a treaty.", 0, "allies", "indirect"),
    ("The talks, according to one participant, were tense.", 0, "participant", "indirect"),
    ("Delegates arrived. According to the Ruritanian Foreign Ministry, 38 leaders will attend.", 1,
     "Ruritanian Foreign Ministry", "indirect"),
    # A description keeps the place that tells it apart; a named person does not take one.
    ("A senior Western diplomat in Vienna said the talks were stuck.", 0, "senior Western diplomat in Vienna",
     "indirect"),
    ("In the words of one EU ambassador in Vienna, the talks were stuck.", 0, "EU ambassador in Vienna", "indirect"),
    ("Lena Arvidsson in Vienna said the talks were stuck.", 0, "Lena Arvidsson", "indirect"),
    # "According to" a text: its source is the actor.
    ("The plan is premature, according to a statement from the Ruritanian embassy.", 0, "Ruritanian embassy",
     "indirect"),
    ("At least 19 people were hurt, according to figures released by the Ruritanian Health Ministry.", 0,
     "Ruritanian Health Ministry", "indirect"),
    # "X used his speech to urge ...": the subject of "used" speaks.
    ("Foreign Minister Lena Arvidsson used her address to the council on Friday to urge talks.", 0,
     "Lena Arvidsson", "indirect"),
    ("Separately, President Ivo Tamm used his speech to repeat his pledge.", 0, "Ivo Tamm", "indirect"),
    ("Foreign Minister Ivo Tamm used the opening day of the council to warn against delay.", 0, "Ivo Tamm",
     "indirect"),
    ("The ministry used the money to build roads.", 0, None, "narrative"),
    # A capitalised common word opening a sentence, written in lowercase elsewhere, names nobody.
    ("The mood was similar in Riga. Similar doubts were voiced by Estonian officials.", 1, "Estonian officials",
     "indirect"),
    ("Brown said the plan was fine.", 0, "Brown", "indirect"),
    # Appositions between the subject and its verb: adverbial, prepositional, possessive.
    ("President Ivo Tamm, never one for understatement, called the draft historic.", 0, "Ivo Tamm", "indirect"),
    ("The Ruritanian leader Ivo Tamm, on his first visit to Vienna since May, suggested a summit.", 0, "Ivo Tamm",
     "indirect"),
    ("Ruritania, Belarus's closest ally, backed the position without reservation.", 0, "Ruritania", "indirect"),
    ("Lena Arvidsson, whose ties with Vienna are strained, nonetheless offered her backing.", 0,
     "Lena Arvidsson", "indirect"),
    # A day between subject and verb is when, not who.
    ("Russian President Ivo Tamm on Thursday proposed a new treaty.", 0, "Ivo Tamm", "indirect"),
    ("Lena Arvidsson last Monday said the talks were stuck.", 0, "Lena Arvidsson", "indirect"),
    # Verb phrases that state a position (rule data: stance_phrases.txt).
    ("Foreign Minister Lena Arvidsson struck a warmer tone.", 0, "Lena Arvidsson", "indirect"),
    ("Ms. Arvidsson took a sharply different view of the record.", 0, "Arvidsson", "indirect"),
    ("Western diplomats in Vienna played down the significance of the vote.", 0, "Western diplomats in Vienna",
     "indirect"),
    ("Ivo Tamm brushed the criticism aside.", 0, "Ivo Tamm", "indirect"),
    ("Ivo Tamm took office in May and struck a deal with the unions.", 0, None, "narrative"),
    ("Western leaders gave the proposal a polite but cool reception.", 0, "Western leaders", "indirect"),
    ("Ruritanian officials have cast the summit as a triumph.", 0, "Ruritanian officials", "indirect"),
    ("Lena Arvidsson encouraged the government to free the journalists.", 0, "Lena Arvidsson", "indirect"),
    ("Human rights organisations are not persuaded.", 0, "Human rights organisations", "indirect"),
    # A cleft names its speaker; a relative clause after a plain noun phrase does not.
    ("It was Ivo Tamm who suggested that the idea be taken up.", 0, "Ivo Tamm", "indirect"),
    # (session 22's model 56aca698 took 'dismiss' here with 'who' as its source: a strict xfail then;
    # the model rebuilt in session 23, 91a4bed5, reads it as the author's again)
    ("But the Europeans who dismiss it today will find that they have nothing better.", 0, None, "narrative"),
    # Particles inside a name opening a clause.
    ("Marc Perrin de Brichambaut, the organisation's secretary general, was more generous.", 0,
     "Marc Perrin de Brichambaut", "indirect"),
    # Coordinated nationalities or acronyms before a group noun describe one group.
    ("Polish and Baltic diplomats said the pact was a trap.", 0, "Polish and Baltic diplomats", "indirect"),
    ("Concerns were raised by the Swiss and Norwegian delegations about the cost.", 0,
     "Swiss and Norwegian delegations", "indirect"),
    ("Lavrov and Western diplomats said the talks went well.", 0, "Western diplomats", "indirect"),
    # "agreed to" do something is a decision; "agreed that" is words.
    ("Ruritania agreed to widen the transit of supplies.", 0, None, "narrative"),
    ("Moscow agreed to wait a year longer.", 0, None, "narrative"),
    ("Lena Arvidsson agreed that the plan was premature.", 0, "Lena Arvidsson", "indirect"),
    # A dateline is where the story was filed, not who speaks.
    ("ASTANA, Nov. 27 — Parliament approved the new media law on Thursday.", 0, None, "narrative"),
    ("MOSCOW — The talks resumed.", 0, None, "narrative"),
    ("VIENNA, December 3 - Moscow welcomed the plan.", 0, "Russia", "indirect"),
    ("Washington, however, was more cautious.", 0, "United States", "indirect"),
    ("Lena Arvidsson said the army, which used its tanks, wanted to warn the town.", 0, "Lena Arvidsson",
     "indirect"),
    # A share of a group as the subject of a saying or a position (issue #13): the group speaks.
    # ... after another opening phrase; a poll opening the statement is its source (PolNeAR's; eighth round)
    ("Even so, 33% of voters say the economy is the top issue.", 0, "voters", "indirect"),
    ("In the new poll, 33% of voters say the economy is the top issue.", 0, "new poll", "indirect"),
    ("Four in 10 farmers see the levy as unfair.", 0, "farmers", "indirect"),
    ("A quarter of renters, 26%, say the mayor is honest.", 0, "renters", "indirect"),
    ("Forty-one percent of all Canadians viewed the plan as fair.", 0, "Canadians", "indirect"),
    ("Two-thirds of the delegates backed the motion.", 0, "delegates", "indirect"),
    ("The council met. 43 said the same of Tom Reyes.", 1, "43", "indirect"),  # not "Tom Reyes"
    # ... also in the main clause after a subordinate one
    ("Farmers met. While 86 percent of them like the levy, 43 said the same of Tom Reyes.", 1, "43",
     "indirect"),  # not "Tom Reyes"
    ("Although most voters like Ana Ruiz, 40 percent of farmers support Tom Reyes.", 0, "farmers", "indirect"),
    ("Most of what visitors see was built after 1990.", 0, None, "narrative"),
    ("1990 saw a long strike at the port.", 0, None, "narrative"),
    ("The delegates met in Vienna and signed a communiqué.", 0, None, "narrative"),
    ("Kazakhstan’s bid didn’t surprise anyone at the ministry.", 0, None, "narrative"),
    ("The ministers attended a dinner.", 0, None, "narrative"),
]


def test_relative_clause_saying_is_the_authors_with_the_rules():
    # The rules' reading of the row the rebuilt model now attributes (see its xfail in ATTRIBUTION).
    text = "But the Europeans who dismiss it today will find that they have nothing better."
    got = segment(text, attribution="rules")
    check_offsets(text, got)
    assert [(s.actor, s.kind) for s in got] == [(None, "narrative")]


@pytest.mark.parametrize("text,i,actor,kind", ATTRIBUTION)
def test_attribution(text, i, actor, kind):
    got = segment(text)
    check_offsets(text, got)
    assert got[i].actor == actor, got[i]
    assert got[i].kind == kind


def test_a_body_named_in_full_then_short_with_the_rules():
    text = ("The Ministry of Foreign Affairs of the Republic of Ruritania issued a note. The Ministry said the "
            "draft was useful.")
    got = segment(text, attribution=None)
    check_offsets(text, got)
    assert [(s.actor, s.kind) for s in got] == [
        (None, "narrative"), ("Ministry of Foreign Affairs of the Republic of Ruritania", "indirect")]


def test_multi_sentence_quotation_gets_speaker_for_each_sentence():
    text = ("“We have waited long enough. The draft is on the table. Now others must act,” "
            "Pavel Orlov said.")
    got = segment(text)
    assert len(got) == 3
    assert [s.actor for s in got] == ["Pavel Orlov"] * 3
    assert [s.kind for s in got] == ["direct"] * 3


def test_quotation_running_over_two_paragraphs():
    text = ("Pavel Orlov did not hide his impatience. “We have waited long enough,” he said. "
            "“The draft is ready.\n\n“Now others must act. Nobody can say we did not try.”\n\n"
            "The delegates left the hall.")
    got = segment(text)
    check_offsets(text, got)
    assert [s.actor for s in got[1:5]] == ["Pavel Orlov"] * 4
    assert got[-1].actor is None


@pytest.mark.parametrize("joiner", ["while", "but", "and"])
def test_two_sources_in_one_sentence_are_split(joiner):
    text = f"Lena Arvidsson said the draft was ready, {joiner} Pavel Orlov said the talks had barely begun."
    got = segment(text)
    check_offsets(text, got)
    assert [s.actor for s in got] == ["Lena Arvidsson", "Pavel Orlov"]


def test_an_appended_claim_with_its_own_source_is_split_off():
    text = "Gazprom cut supplies to Ukraine, a charge the Ukrainian company Naftogaz denied."
    got = segment(text)
    check_offsets(text, got)
    assert [(s.actor, s.kind) for s in got] == [(None, "narrative"), ("Naftogaz", "indirect")]
    assert len(segment("The talks ended, a step forward for everyone.")) == 1


def test_one_source_with_a_second_clause_is_not_split():
    text = "Lena Arvidsson said the draft was ready, and that talks would resume."
    assert [s.actor for s in segment(text)] == ["Lena Arvidsson"]


# issue #13, tenth round (session 15): two-source splits. A quotation that ends with its own comma
# before "while" hid the comma from the split (two sources read as one); a second part with no
# subject of its own (", and that ...", ", and whether ...", ", and after ...", ", but noted ...")
# was cut off as if it named a source.
@pytest.mark.parametrize("text, actors, first_end", [
    ('Tomas Brenner called the ferry levy "overdue and fair," while Ines Kalla said it would '
     '"sink the small operators."', ["Tomas Brenner", "Ines Kalla"], '"overdue and fair,"'),
    ("Mayor Odile Farrant said the bridge was “safe for another decade,” whereas engineer Piet Lannoy "
     "said its cables were rusting.", ["Odile Farrant", "Piet Lannoy"], "“safe for another decade,”"),
    ('Rosa Velde said the budget was "tight but honest," but Karel Smet said it hid a deficit.',
     ["Rosa Velde", "Karel Smet"], '"tight but honest,"'),
    # a party to talks named by its country and "side" (org_words.txt) is a source of its own
    ("The Latvian side again proposed a shared toll on the canal, while the Estonian delegation said any such "
     "toll must first be agreed by the river towns.", ["Latvia", "Estonian delegation"], "on the canal,"),
    # a relative clause between the second subject and its verb
    ("The mayor, Lena Ostrova, said the port was safe and that the city would keep its ferries, while dock "
     "workers, several of whom had lost shifts in the spring, said privately that the repairs were late.",
     ["Lena Ostrova", "workers"], "keep its ferries,"),
])
def test_two_sources_split_after_a_quotation_ending_with_a_comma(text, actors, first_end):
    got = segment(text)
    check_offsets(text, got)
    assert [s.actor for s in got] == actors
    assert got[0].text.endswith(first_end)


def test_split_patterns_on_pathological_input():
    from stancekit.attribution._split import _QUOTE_COMMA, _SUBJECT_ASIDE

    for bad in ("while " + "a" * 100_000, "while " + "a " * 50_000 + ", who",
                "while a, " + "b of " * 30_000 + "whom", "while a, who " + "b" * 100_000 + ";"):
        assert _SUBJECT_ASIDE.match(bad) is None  # a backtracking pattern would hang here
    assert _QUOTE_COMMA.search("_" * 100_000 + " " * 100_000 + "whilst") is None


@pytest.mark.parametrize("text", [
    "Hana Prell told the council the dam would hold this winter, and that repairs could wait until May.",
    "The board asked the mayor whether the tram would run on time, and whether, as the unions say, it was safe.",
    "The port closed a day after Ivo Dancik announced that the cranes were unsafe, and after the insurers "
    "had warned the owners twice.",
    "The ministry said in a brief note that it would study the plan, but noted that the harbour had other uses.",
    "Marta Lenz repeated her call for a public inquiry, the first in a decade, and said the hearings could start in June.",
    "Dock workers in Tallin said privately that the issue would be raised in Riga, and that some unions were "
    "already asking whether the new contract had been signed too early.",
    "Tova Mertens, who chairs the port board this year, said twelve shipping lines had confirmed that they would "
    "call, and that the board expected more.",
    # a negated subject names no source, after the conjunction or before it
    "Jonas Wirth, a harbour pilot, said the channel would silt up within a year, and no skipper disagreed.",
    "Eda Kovacs, an engineer at a Ghent firm, countered that the old bridge had lasted because both towns paid "
    "for it, whereas nobody upriver wanted what the new plan offered.",
    "Not one council member has backed the toll, and the port authority has said only that it will study it.",
    'The ferry board, which the union\'s chair, Oskar Lind, called "a closed shop," made no mention of the toll, '
    "and none of its members raised it in public either.",
    # a subject the first part's body owns: its source again
    "Latvia has said it wants to keep the night crossings, and its envoys in Tartu have hinted that they see "
    "merit in a second quay.",
])
def test_a_second_part_without_a_subject_is_not_split_off(text):
    got = segment(text)
    check_offsets(text, got)
    assert len(got) == 1


def test_interview_speaker_labels():
    text = ("Interview with the minister\n\nInterview by Maria Kunz\n\n"
            "Q: Is the chair ready?\n\nOlsen: We are ready. We have prepared for two years.\n\n"
            "Q: And the critics?\n\nOlsen: They will see.")
    got = segment(text)
    check_offsets(text, got)
    actors = [s.actor for s in got]
    assert actors == ["Maria Kunz", "Olsen", "Olsen", "Maria Kunz", "Olsen"]


# issue #13, ninth round (second pass): transcript labels our fixtures use (regressions: an answer on
# the question's line given to the interviewer; a bracketed hearing label read as no label, the turn
# running on from the previous speaker; a title over a dateline read as the first speaker's label)
_LABEL_LAYOUTS = [
    # an answer's label on the question's line, after "?" or "."
    ("Interview by Maria Kunz\n\nQ: Is the pier ready? Olsen: Nearly. The cranes arrive in May.\n\n"
     "Q: The pier is late. Olsen: That is true.\n\nQ: Thank you.",
     ["Maria Kunz", "Olsen", "Olsen", "Maria Kunz", "Olsen", "Maria Kunz"]),
    # bracketed hearing labels, with and without a party after the comma, and a letter outside ASCII
    ("The levy was debated on Monday.\n\n"
     "Question (Mr. Ivo Marten, Green group): The levy is too high. Will it be cut?\n\n"
     "Minister Tove Brekke: It will not.\n\nFollow-up (Mr. Marten): Then the ferries will stop.\n\n"
     "Question (Ms. Žaneta Kovač, Liberal group): What about the pier?",
     [None, "Ivo Marten", "Ivo Marten", "Tove Brekke", "Ivo Marten", "Žaneta Kovač"]),
    # the interviewer named last in a header "Interview with X, ..., by Y" (regression: the publication)
    ("Pier talk\nInterview with Ivo Marten, Tessel's harbour master, by Lena Hofbauer\n"
     "Publication: Tessel Harbour Review | Issue 4\n\nQ: Is the pier ready? Marten: Nearly.\n\n"
     "Q: When? Marten: In May.",
     ["Lena Hofbauer", "Marten", "Lena Hofbauer", "Marten"]),
    # the document's title over its dateline is no speaker's turn (and, over a masthead line, no
    # statement at all since session 17: a title block)
    ("Harbour Hour: a new pier for Tessel?\nProgramme summary | Radio Tessel | 3 May\n\n"
     "The pier was the subject of the hour.\n\nHost: Is it needed?\n\nOlsen: Yes.\n\n"
     "Host: Why?\n\nOlsen: The ferries are full.",
     [None, "Host", "Olsen", "Host", "Olsen"]),
]


# issue #13, ninth round (second pass): "the paper" as a speaker is the publication that spoke last,
# a body or a name read as a person's (regression: the actor "paper")
_PRESS_REVIEW = [
    ("Harbour Gazette, the city's paper of record, welcomed the plan. The paper argued that the pier was old.",
     ["Harbour Gazette", "Harbour Gazette"]),
    ("The Tessel Courier called the levy fair. Dismissing it, the paper added, would be a mistake.",
     ["Tessel Courier", "Tessel Courier"]),
    # with no publication before it, the paper is its own speaker
    ("The paper says the pier is old.", ["paper"]),
]


# issue #13, ninth round (second pass): a description before a name and its comma describes the
# name ("The Minister for Europe, Tom Reyes,"), so "the Minister" later is that person (regression:
# the last person named, a witness)
_DESCRIPTION_BEFORE_NAME = [
    ("The Minister for Europe, Tom Reyes, told the board the pier was safe. Dr Ana Ruiz, of the harbour "
     "institute, disagreed. On fares, the Minister said they were fair.", ["Tom Reyes", "Ana Ruiz", "Tom Reyes"]),
    ("Tessel's ambassador to the council, Ivo Marten, said the talks would go on. Ana Ruiz said the levy was high. "
     "The ambassador said it was fair.", ["Ivo Marten", "Ana Ruiz", "Ivo Marten"]),
    # a clause before the comma describes no one
    ("When the minister left, Ivo Marten spoke. Ana Ruiz said the levy was high. The minister said it was fair.",
     [None, "Ana Ruiz", "Ana Ruiz"]),
]


# issue #13, ninth round (second pass): a description naming a country is not the last speaker when
# that speaker is known to be of another country (regression: "the French ambassador" given to the
# Russian ambassador who spoke before); a speaker of no known country still may be the one described
_COUNTRY_DESCRIPTIONS = [
    ("Russia's ambassador, Ivan Orlov, said the draft was fair. The French ambassador said France was open "
     "to talks. The Spanish ambassador said nothing had been agreed.",
     ["Ivan Orlov", "French ambassador", "Spanish ambassador"]),
    ("President Ivan Orlov said the fair was open. The Russian president said the pier was safe.",
     ["Ivan Orlov", "Ivan Orlov"]),
]


# issue #13, ninth round (second pass): a surname alone opening a sentence, or its possessive, is the
# subject "he" in the next sentence stands for (regression: the last speaker before it); not inside
# a quotation
_SURNAME_SUBJECTS = [
    ("Tom Reyes said the pier was old after a meeting with Ivo Marten.\n\n"
     "Marten also turned to the ferries.\n\nHe said the fares would fall.",
     ["Tom Reyes", None, "Ivo Marten"]),
    ("Tom Reyes said the pier was old after a meeting with Ivo Marten.\n\n"
     "Marten's speech ranged widely.\n\nOn fares, he said they would fall.",
     ["Tom Reyes", None, "Ivo Marten"]),
    # ... also when a person introduced by a description spoke before the last speaker
    ("A senior engineer said the pier was old. Tom Reyes said the cranes were new.\n\n"
     "A task force was set up under Minister Ivo Marten. Marten is a former pilot. He said the fares would fall.",
     ["senior engineer", "Tom Reyes", None, None, "Ivo Marten"]),
    # a name after an opening participle's phrase is the subject too
    ("Tom Reyes said the pier was old.\n\nOpening the debate, Ivo Marten set out three plans. "
     "The ferries, he said, would stay.", ["Tom Reyes", None, "Ivo Marten"]),
    ("Minister Ivo Marten spoke first. Harbour master Tom Reyes said the pier was old. "
     "\"The cranes are new. Marten is wrong,\" he said.",
     [None, "Tom Reyes", "Tom Reyes", "Tom Reyes"]),
]


def _rows(behaviour: str, table):
    return [pytest.param(text, actors, id=f"{behaviour}-{i}") for i, (text, actors) in enumerate(table)]


@pytest.mark.parametrize("text,actors", [
    *_rows("a surname opening a sentence is its subject", _SURNAME_SUBJECTS),
    *_rows("a country description is not a speaker of another country", _COUNTRY_DESCRIPTIONS),
    *_rows("a description before a name describes it", _DESCRIPTION_BEFORE_NAME),
    *_rows("the paper is the publication that spoke last", _PRESS_REVIEW),
    *_rows("transcript label layouts", _LABEL_LAYOUTS),
])
def test_actors_of_each_statement(text, actors):
    got = segment(text)
    check_offsets(text, got)
    assert [s.actor for s in got] == actors


def test_interview_label_with_name_particle():
    text = ("Talking to the Secretary General\n\nInterview by Maria Kunz\n\nQ: Will there be a summit?\n\n"
            "Perrin de Brichambaut: Perhaps. It depends on the capitals.")
    got = segment(text)
    assert [s.actor for s in got] == ["Maria Kunz", "Perrin de Brichambaut", "Perrin de Brichambaut"]


def test_canonical_name_is_the_fullest_name_without_titles():
    text = ("Deputy Minister Irina Lebedeva opened the session. Lebedeva said the text was final.")
    got = segment(text)
    assert got[1].actor == "Irina Lebedeva"
    assert got[1].actor_mention == "Lebedeva"


def test_apostrophes_are_not_quotes():
    text = "The chair’s agenda didn’t change, and Kazakhstan's envoys weren't surprised."
    got = segment(text)
    assert len(got) == 1 and got[0].kind == "narrative"


def test_unbalanced_quotes_do_not_raise():
    text = "He said “the plan is fine. She said \"no. ‘Maybe. It’s over»."
    got = segment(text)
    check_offsets(text, got)


# -- lexicons as data --------------------------------------------------------------------------------

def test_user_lexicon_extends_speech_verbs(tmp_path):
    text = "Lena Arvidsson grumbled that the draft was vague."
    assert segment(text)[0].actor is None
    (tmp_path / "speech_verbs.txt").write_text("grumble\n", encoding="utf-8")
    got = segment(text, lexicon_dirs=[tmp_path])
    assert got[0].actor == "Lena Arvidsson"


def test_user_lexicon_extends_seats_of_power(tmp_path):
    text = "Ruritania hopes for a deal. Strelsau insists the deal is close."
    (tmp_path / "seats_of_power.tsv").write_text("Strelsau\tRuritania\n", encoding="utf-8")
    got = segment(text, lexicon_dirs=[tmp_path])
    assert got[1].actor == "Ruritania"


def test_user_lexicon_extends_irregular_past(tmp_path):
    text = "The Kremlin foresaw trouble with the plan."
    assert segment(text)[0].actor is None
    (tmp_path / "irregular_past.txt").write_text("# a verb after a seat of power\nforesaw\n", encoding="utf-8")
    assert segment(text, lexicon_dirs=[tmp_path])[0].actor == "Russia"


def test_user_irregular_past_ends_an_apposition_too(tmp_path):
    # regression: the apposition rules (attribution/_mention.py) read the shipped
    # irregular_past.txt at import, so a user's lexicon_dirs entry was not seen there
    text = "Tom Berg, the chair, swore his deputy to silence, and said the plan works."
    assert segment(text)[0].actor_mention == "Tom Berg, the chair, swore his deputy to silence"
    (tmp_path / "irregular_past.txt").write_text("swore\n", encoding="utf-8")
    got = segment(text, lexicon_dirs=[tmp_path])[0]
    assert (got.actor, got.actor_mention) == ("Tom Berg", "Tom Berg, the chair")
    shipped = "Tom Berg, the chair, met his deputy in private, and said the plan works."
    assert segment(shipped)[0].actor_mention == "Tom Berg, the chair"


def test_user_lexicon_extends_stance_phrases(tmp_path):
    text = "Ivo Tamm adopted a cautious line."
    assert segment(text)[0].actor is None
    (tmp_path / "stance_phrases.txt").write_text("adopted adopt\tline\n", encoding="utf-8")
    assert segment(text, lexicon_dirs=[tmp_path])[0].actor == "Ivo Tamm"


def test_bad_stance_phrase_line_names_file_and_line(tmp_path):
    (tmp_path / "stance_phrases.txt").write_text("# comment\nsounded note\n", encoding="utf-8")
    with pytest.raises(stancekit.DataError, match=r"stance_phrases.txt:2: expected verb forms, a tab and the words"):
        segment("Text.", lexicon_dirs=[tmp_path])


def test_word_lists_of_the_rules_are_data():
    lex = stancekit.load_lexicon()
    assert {"was", "also", "became"} <= lex.subject_followers
    assert {"saw", "took", "sent"} <= lex.irregular_past


def test_bad_lexicon_line_names_file_and_line(tmp_path):
    (tmp_path / "seats_of_power.tsv").write_text("# comment\nStrelsau Ruritania\n", encoding="utf-8")
    with pytest.raises(stancekit.DataError, match=r"seats_of_power.tsv:2: expected two tab-separated columns"):
        segment("Text.", lexicon_dirs=[tmp_path])


def test_missing_lexicon_dir_is_an_error(tmp_path):
    with pytest.raises(stancekit.DataError, match="lexicon directory does not exist"):
        segment("Text.", lexicon_dirs=[tmp_path / "nope"])


# -- bad input ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("bad,name", [(None, "NoneType"), (b"bytes", "bytes"), (42, "int")])
def test_non_str_input_raises_type_error_naming_the_type(bad, name):
    with pytest.raises(TypeError, match=f"text must be str.*got {name}"):
        segment(bad)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_empty_or_whitespace_gives_no_statements(text):
    assert segment(text) == []


def test_too_long_text_raises_value_error():
    with pytest.raises(ValueError, match=r"over max_length=10"):
        segment("a" * 11, max_length=10)


def test_statement_is_frozen():
    s = segment("Lena Arvidsson said no.")[0]
    with pytest.raises(AttributeError):
        s.actor = "x"  # type: ignore[misc]


# -- pathological input: every rule must stay linear ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "a" * 200_000,
    "." * 100_000,
    "“" * 50_000,
    "\"" * 50_000,
    "' " * 50_000,
    "U.S. " * 20_000,
    "Mr. " * 20_000,
    "A. " * 20_000,
    ("said " * 20_000),
    ("According to " * 10_000),
    ("In his view " * 10_000),
    ("was argued by " * 10_000),
    ("were also " + "reallyly " * 20_000 + "raised by "),
    ("were " + "a" * 100_000 + "ly raised by the " * 3),
    (", while X said Y" * 5_000),
    ('"a," while X said "b," ' * 5_000),  # quotations ending with a comma before a conjunction
    ("\"" + "a," * 20_000 + "\" while " * 2),
    ("Ann Lee said no, while dock workers, " + "several of whom " * 20_000 + ", said yes."),  # a relative clause
    ("Ann Lee said no, while " + "dock workers, who " * 20_000 + "said yes."),
    ("Ann Lee said no, while dock workers, who " + "a" * 100_000 + ", said yes."),
    ("Q: " * 20_000),
    ("Q: Why? " + "Olsen: Why? " * 20_000),  # answer labels on a question's line
    ("Interview with " + "by Ana Lee " * 20_000 + "\n\nQ: Why?"),  # a header naming the interviewer last
    ("Question (Mr. " + "Ivo " * 20_000 + "):"),  # bracketed hearing labels
    ("Follow-up (Ms. Ivo Marten, " + "a" * 100_000 + "): x"),
    ("\n\n" * 50_000 + "x"),
    ("(" * 30_000 + ")" * 30_000),
    ("The The The " * 20_000),
    ("people close to " * 20_000 + "said it."),  # anonymous sources: bounded look-back and look-ahead
    ("\"It is,\" said " + "a source close to " * 20_000 + "the mayor."),
    ("Ann Lee — a pilot " * 20_000 + "says it."),  # dashes around an apposition: bounded look-back
    ("Editor's note " * 20_000 + "He's said it."),  # possessives and contractions
])
def test_pathological_inputs_finish(text):
    got = segment(text)
    check_offsets(text, got)


# -- properties ----------------------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_unicode_input_holds_invariants(text):
    check_offsets(text, segment(text))


_pieces = st.sampled_from([
    "The minister said", " “", "”", "\"", "'", "’", "‘", "«", "»", ".", ". ", "? ", "\n\n", "\n", ", ",
    "Lena Arvidsson", " he ", " according to ", "NATO", " U.S. ", " Dr. ", ":", " while ", "(Interfax, May 3)",
    "treaty", "Q: ", "Astana", "…",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_pieces, max_size=40).map("".join))
def test_news_like_input_holds_invariants(text):
    check_offsets(text, segment(text))


# -- layouts: the same article hard-wrapped, or with single newlines between paragraphs ------------------

def _layouts(text: str) -> dict[str, str]:
    import re
    import textwrap
    wrapped = "\n\n".join(textwrap.fill(p, 72, break_long_words=False, break_on_hyphens=False)
                            for p in text.split("\n\n"))
    return {"single newlines": re.sub(r"\n\n+", "\n", text), "hard-wrapped": wrapped,
            "hard-wrapped, single newlines": re.sub(r"\n\n+", "\n", wrapped)}


@pytest.mark.parametrize("layout", ["single newlines", "hard-wrapped", "hard-wrapped, single newlines"])
def test_regression_layouts_give_the_same_statements(seed_text, layout):
    """Regressions: a hard-wrapped paragraph's first line was taken for a headline, and a caption
    between single newlines was glued to the first sentence."""
    text = _layouts(seed_text)[layout]
    base = segment(seed_text)
    got = segment(text)
    check_offsets(text, got)
    norm = lambda s: " ".join(s.split())  # noqa: E731
    assert [norm(s.text) for s in got] == [norm(s.text) for s in base]
    assert [(s.actor, s.kind) for s in got] == [(s.actor, s.kind) for s in base]


def test_caption_line_inside_a_block_is_not_a_statement():
    text = "Ministers Meet in Vienna\nA delegate at the table\nThe ministers met on Monday. They agreed."
    assert [s.text for s in segment(text)] == ["The ministers met on Monday.", "They agreed."]


def test_regression_he_after_an_unnamed_speaker():
    """A speaker known only by a description ("Latvia's foreign minister") is the "he" that follows."""
    text = ("Latvia's foreign minister told the council that the plan was sound. "
            "\"It is overdue,\" he said.")
    got = segment(text)
    assert [s.actor for s in got] == ["Latvia's foreign minister"] * 2


# -- speed rewrites keep the matches of the plain patterns they replaced ----------------------------------

_OLD_TOKEN = re.compile(
    r"_+|(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sen|Rep|Gov|Prof|St|Adm|Capt|Sgt|Amb|Sr|Jr)\.|[A-Z]\.(?=\s+[A-Z])"
    r"|[^\W_][\w’'.\-]*[^\W_]|[^\W_]|[^\w\s]")
# (with the words of issue 13's canonical names: capitals inside a word, after an apostrophe or not)
_OLD_NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ſ](?:[^\W\d_A-Z]+|[’'](?=[A-Z]))(?:[’']?[A-Z][^\W\d_A-Z]+)*(?:-[^\W\d_]+)*"
_OLD_NAME_SEQ = re.compile(
    rf"(?:{_OLD_NAME_WORD}|(?:[A-Z]\.)+|[A-Z]{{2,6}})"
    rf"(?:\s+(?:(?:de|van|von|der|al|bin|la|le|du|di)\s+)?(?:{_OLD_NAME_WORD}|(?:[A-Z]\.)+))+")
_OLD_ORG_SEQ = re.compile(r"[A-Z][\w’'.\-]*(?:(?:\s+(?:of|for|and|on|in|to)(?:\s+the)?)?\s+[A-Z][\w’'.\-]*)+")
_OLD_CANDIDATE = re.compile(r"(?<![.!?…])([.!?…]++)([\"'”’»)\]]*+)(\s+)")

_token_text = st.lists(st.sampled_from(list("aZé É_’'.-!?… \n\"”»)(2") + ["Mr", "U.S", "Dr", "de ", "A. B", "Ān",
                                                                             " of ", " the ", "Ab", "ABCDEFG", "Mc",
                                                                             "O’", "Ca"]),
                      max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(_token_text)
def test_tokens_from_findall_equal_one_match_per_token(text):
    from stancekit._segment import _tokens

    assert _tokens(text) == [(m.group(0), m.start(), m.end()) for m in _OLD_TOKEN.finditer(text)]
    start, end = len(text) // 3, len(text) // 3 + 20
    assert _tokens(text, start, end) == [(m.group(0), m.start(), m.end())
                                         for m in _OLD_TOKEN.finditer(text, start, min(len(text), end))]


@settings(max_examples=400, deadline=None)
@given(_token_text)
def test_name_runs_scanned_from_capitals_match_as_before(text):
    from stancekit.attribution._coref import _NAME_SEQ

    assert [m.span() for m in _NAME_SEQ.finditer(text)] == [m.span() for m in _OLD_NAME_SEQ.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(_token_text)
def test_body_name_runs_with_possessive_quantifiers_match_as_before(text):
    from stancekit.attribution._coref import _ORG_SEQ

    assert [m.span() for m in _ORG_SEQ.finditer(text)] == [m.span() for m in _OLD_ORG_SEQ.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(_token_text)
def test_sentence_end_candidates_scanned_from_punctuation_match_as_before(text):
    from stancekit._text import _CANDIDATE

    assert [m.groups() + (m.span(),) for m in _CANDIDATE.finditer(text)] == \
        [m.groups() + (m.span(),) for m in _OLD_CANDIDATE.finditer(text)]


@pytest.mark.parametrize("text", ["!?." * 30_000, "Ab Cd " * 20_000, "AB. " * 20_000, "É. " * 20_000,
                                  "said, said: " * 10_000, "a’b’c" * 20_000])
def test_pathological_inputs_for_the_speed_rewrites_finish(text):
    check_offsets(text, segment(text))


# -- linear work on long documents (issue 15): counted, never timed -------------------------------------

def _work(text: str) -> int:
    """Lines of stancekit's Python run while segmenting ``text``: a measure of work that, unlike
    time, is the same on every machine and every run."""
    import os
    import sys

    pkg = os.path.dirname(stancekit.__file__)
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(pkg) else None

    old = sys.gettrace()
    sys.settrace(calls)
    try:
        segment(text, max_length=len(text) + 1)
    finally:
        sys.settrace(old)
    return count


def _unit_text(unit: str, n: int) -> str:
    return unit * n


def _names(fmt: str, n: int) -> str:
    """``n`` sentences, each with made-up words that differ from sentence to sentence."""
    return "".join(fmt.format(w=made_up_word(i), v=made_up_word(i + 7919)) for i in range(n))


# Each builds a document of n units; the work for 4n must stay near four times that for n. The
# rules as they were before issue 15 gave 5.2 (descriptions), 5.7 (descriptions after names), 7.5
# (pronouns between names), 10.4 (title lines) and 7.5 (a quotation left open) at these sizes; the
# quadratic costs that sit in C (a search of the whole text, splitting each lead) have tests of
# their own below.
LINEAR_WORK = {
    "descriptions": lambda n: _unit_text("A diplomat said the treaty was good. The diplomat said it was fine. ", n),
    "descriptions after names": lambda n: _names("Ambassador Ivan {w} met them. The Russian ambassador said no. ", n),
    "pronouns between names": lambda n: _names("Anna {w} met Ivan {v}. He said no. ", n),
    "distinct sentence-opening words": lambda n: _names("{w} said so. ", n),
    "transcript labels": lambda n: _names("{w}: We agree.\nQ: Why?\nA: It is good.\n", n),
    "short title lines in one block": lambda n: _names("{w} {v} Report\n", n) + "Done.",
    "names in one long sentence": lambda n: _names("Anna {w} {v} and ", n) + "Keller said so.",
    "'The' before a name": lambda n: _unit_text("The ", 4 * n) + "Anna Keller said so.",
    "titles repeated": lambda n: _unit_text("Deputy Foreign Minister ", 2 * n) + "Anna Keller said so.",
    "a quotation left open": lambda n: "“" + _unit_text("The plan is good. ", n) + "”",
    "many quotations": lambda n: _unit_text("“We agree,” he said. “It is good.” ", n),
}


@pytest.mark.parametrize("name", list(LINEAR_WORK))
def test_work_grows_linearly_with_the_document(name):
    make = LINEAR_WORK[name]
    small, large = _work(make(60)), _work(make(240))
    assert large < 4.5 * small, f"{name}: {small:,} lines of work for n units, {large:,} for 4n"


def test_distinct_sentence_opening_words_never_search_the_whole_text(monkeypatch):
    """Regression (issue 15): each capitalised word opening a sentence searched the whole text for
    its lowercase form (quadratic: 142 s for 160 kB); the lowercase words are now read once, after
    at most a fixed number of searches per document (a short document asks a few words)."""
    import stancekit.attribution._coref as coref

    searches = []
    real = coref._occurs_alone
    monkeypatch.setattr(coref, "_occurs_alone", lambda text, word: searches.append(word) or real(text, word))
    text = _names("{w} said so. ", 300)
    check_offsets(text, segment(text))
    assert len(searches) <= coref._DIRECT_SEARCHES


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Al", "al", "-", "Qaeda", "qaeda", "’", "'", ".", "_", " ", "\n", "U", "u", "s",
                                 "S", "é", "2009", "x"]), max_size=30).map("".join),
       st.lists(st.sampled_from(["al", "qaeda", "-", "’", ".", "u", "s", "é", "2009", "_"]), min_size=1,
                max_size=5).map("".join))
def test_lowercase_word_sets_answer_as_a_search_of_the_text(text, word):
    from stancekit._lexicon import load_lexicon
    from stancekit.attribution._coref import _Doc

    if not (word[:1].isalnum() and word[-1:].isalnum()) and not word.endswith("."):
        return  # a capitalised token starts with a letter and ends with one, a digit or a period
    expected = re.search(r"(?<![^\W_])" + re.escape(word) + r"(?![^\W_])", text) is not None
    assert _Doc(text, load_lexicon(()))._written_in_lowercase(word) == expected  # searched for
    doc = _Doc(text, load_lexicon(()))
    doc._searches_left = 0  # answered from the sets of the text's words
    assert doc._written_in_lowercase(word) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the", "The", "Russian", "minister", "Anna", " ", ",", "  ", "Pres.", "x",
                                 "\n"]), max_size=14).map("".join), st.data())
def test_lead_words_judged_once_agree_with_splitting_each_lead(text, data):
    from stancekit._lexicon import load_lexicon
    from stancekit.attribution._coref import _DETERMINERS, _Lead

    lex = load_lexicon(())
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    lead = _Lead(text, start, end, lex)
    for pos in sorted(set(data.draw(st.lists(st.integers(start, end), max_size=4)))):
        words = text[start:pos].lower().replace(",", " ").split()
        assert lead.before(pos) == all(w in _DETERMINERS or w in lex.titles or w in lex.country_of
                                       or w.rstrip(".") in lex.titles for w in words)


def test_mentions_look_back_is_bounded():
    from stancekit.attribution._coref import _LOOK_BACK, _Mentions

    m = _Mentions()
    m.add("Anna Keller", "subject", {"diplomat"}, 0)
    for i in range(1, _LOOK_BACK + 1):
        m.add(f"P{i}", "person", {"minister"}, i)
    assert m.last_with({"minister"}, len(m)).name == f"P{_LOOK_BACK}"
    assert m.last_with({"diplomat"}, len(m)) is None  # more than _LOOK_BACK mentions ago
    assert m.last_with({"diplomat"}, len(m) - 1).name == "Anna Keller"
    m.keep_last(3)
    assert [m[k].name for k in range(len(m))] == [f"P{_LOOK_BACK - 2}", f"P{_LOOK_BACK - 1}", f"P{_LOOK_BACK}"]
    assert m.last_with({"minister"}, 2).name == f"P{_LOOK_BACK - 1}"
    assert m.by_word == {"minister": [_LOOK_BACK - 2, _LOOK_BACK - 1, _LOOK_BACK]}


def test_mentions_share_equal_descriptor_sets():
    """Regression (issue #15): one object per mention made the garbage collector's full passes
    grow with the number of names, and segmentation superlinear on name-heavy documents."""
    from stancekit.attribution._coref import _Mentions

    m = _Mentions()
    for i in range(100):
        m.add(f"P{i}", "person", ["russian", "president"], i)
    assert len({id(d) for d in m.descs}) == 1
    assert m[99] == ("P99", "person", frozenset({"russian", "president"}), 99)


def test_description_resolves_to_the_latest_matching_person():
    text = ("Ambassador Lena Arvidsson arrived first. Ambassador Pavel Orlov arrived later. "
            "The ambassador said the plan was sound.")
    assert segment(text)[2].actor == "Pavel Orlov"


# -- long documents in windows of paragraphs ------------------------------------------------------------

def _fixture_documents():
    from .conftest import FIXTURES

    return [p for split in ("dev", "train") for p in sorted((FIXTURES / split).glob("*.txt"))]


def test_windows_of_paragraphs_give_the_statements_of_the_whole(monkeypatch, seed_text):
    """A long document is read in windows of paragraphs (issue 15, flat memory); with windows of a
    single paragraph, every fixture article and the seed segments as it does whole."""
    import stancekit._segment as seg

    texts = [seed_text] + [p.read_text(encoding="utf-8") for p in _fixture_documents()]
    whole = [segment(t, "d") for t in texts]
    monkeypatch.setattr(seg, "_WINDOW_CHARS", 1)
    assert [segment(t, "d") for t in texts] == whole


_paragraph_pieces = st.sampled_from([
    "The minister said the plan was good. ", "“We agree,” he said. ", "“It is late.", "A diplomat said so. ",
    "The diplomat agreed. ", "Lena Arvidsson: Yes. ", "Q: Why? ", "A: Because. ", "She said no. ",
    "Ambassador Pavel Orlov arrived. ", "The ambassador said it was fine. ", "Orlov said so: ", "\n",
    "Critics warned. ", "interview by Ann Kerr. ",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_paragraph_pieces, min_size=1, max_size=5).map("".join), min_size=1, max_size=8))
def test_windows_equal_the_whole_on_news_like_paragraphs(paragraphs):
    text = "\n\n".join(paragraphs)
    assert _in_windows_of_one_paragraph(text) == segment(text, "d")


def _in_windows_of_one_paragraph(text: str) -> list:
    """``segment(text)`` read in windows of one paragraph each (as a long document is read)."""
    import stancekit._segment as seg

    saved = seg._WINDOW_CHARS
    seg._WINDOW_CHARS = 1
    try:
        return segment(text, "d")
    finally:
        seg._WINDOW_CHARS = saved


def test_regression_a_window_is_no_document_so_its_first_label_is_no_title():
    """Found by the property test above (session 15): the title rule of f84ac23 (the document's
    first line over an unpunctuated line is its title, no speaker label) read the first line of
    every window as the document's, so a window that opened with a label dropped its speaker."""
    text = "The minister said the plan was good. \n\nLena Arvidsson: Yes. \nOrlov said so: "
    whole = segment(text, "d")
    assert whole[1].actor == "Lena Arvidsson"
    assert _in_windows_of_one_paragraph(text) == whole


def test_a_window_never_ends_before_a_continued_quotation():
    from stancekit._segment import _window_spans

    text = "“We agree.\n\n“It is good,” she said.\n\nFine.\n\n“Yes.”"
    windows = list(_window_spans(text, 1))
    assert [[text[s:e] for s, e in w] for w in windows] == [
        ["“We agree.", "“It is good,” she said."], ["Fine.", "“Yes.”"]]


# -- every regular expression of the segmenter, on pathological input ------------------------------------

_REGEX_PROBE = r"""
import re, sys
import stancekit._segment as seg, stancekit._text as txt, stancekit._lexicon as lexm
import stancekit.attribution._coref as coref, stancekit.attribution._split as split
import stancekit.attribution._phrases as phrases, stancekit.attribution._saying as saying
import stancekit.attribution._mention as mention
units = ["a", "A", "Ab ", "AB", "A.", "U.S. ", "Mr. ", ".", ". ", "!?", "…", "“", "”", '"', "'", "’", "‘", "«",
         " ", "\n", "\n\n", "\t", "-", "a-", "_", "a_", "(", ")", ",", ", ", ":", ": ", "1", "1,", "é", "Ā",
         "in ", "the ", "The ", "of ", "said ", "was ", "by ", "ly ", "according to ", "in the view of ",
         "In his view ", "Interview by ", "Q: ", "By ", "Publication: ", "de ", "al-", "a’b", "aly "]
# Used only anchored, on one line or a few dozen characters: .match at the start, as the code does.
anchored = {"_SPEAKER_LABEL", "_META", "_BYLINE", "_INITIALISM", "_NEXT_WORD", "_TOKENISH",
            "_QUANTITY", "_LEAD_DIGIT"}  # these two: once or twice per clause, at its first word
# Run over every sentence through the function that bounds their cost (see _capital_runs).
through = {"_NAME_SEQ": coref._capital_runs, "_ORG_SEQ": coref._capital_runs}
pats = sorted({(m.__name__, k): v for m in (seg, coref, split, phrases, saying, mention, txt, lexm)
               for k, v in vars(m).items()
               if isinstance(v, re.Pattern)}.items())
n, shard, shards = map(int, sys.argv[1:4])
texts = [u * (n // len(u)) for u in units] + [(u + v) * (n // (len(u) + len(v)))
                                              for u, v in zip(units, units[1:] + units[:1])]
for (mod, name), pat in pats[shard::shards]:
    for text in texts:
        if name in anchored:
            pat.match(text)
        elif name in through:
            for _ in through[name](pat, text, 0, len(text)):
                pass
        else:
            for _ in pat.finditer(text):
                pass
            pat.search(text[::-1])
print(len(pats[shard::shards]))
"""


def test_every_regex_finishes_on_pathological_input():
    """Each compiled pattern of the segmenter (found by introspection, so a new one is covered
    too) on runs of 20,000 characters of every troublesome kind, in a child process that must end:
    a pattern that backtracks catastrophically would not (the coarse limit is 20 times the usual
    run). The patterns are dealt to two processes that run side by side (pytest itself runs on
    one core)."""
    import subprocess
    import sys

    shards = 2
    procs = [subprocess.Popen([sys.executable, "-c", _REGEX_PROBE, "20000", str(k), str(shards)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for k in range(shards)]
    counts = []
    try:
        for p in procs:
            out, err = p.communicate(timeout=300)
            assert p.returncode == 0, err
            counts.append(int(out))
    finally:
        for p in procs:
            p.kill()
    assert sum(counts) >= 25 and min(counts) > 0


def test_regression_an_unclosed_quotation_over_paragraphs_ends_where_it_last_ran():
    """An unclosed quotation that runs on into the next paragraph (which opens with a quotation
    mark) was closed at the end of its first paragraph when the text ended, but at the end of the
    last paragraph it ran into when a later mark closed it; a window of paragraphs ending there
    then read other quotations than the whole text."""
    from stancekit._text import paragraphs, quote_spans

    text = "“We agree.\n\n“It is good, and the plan is sound."
    assert quote_spans(text, paragraphs(text)) == [(0, len(text))]
    assert quote_spans(text + "\n\nFine. “Yes.”", paragraphs(text + "\n\nFine. “Yes.”"))[0] == (0, len(text))


# -- canonical names (issue 13, item 3): records name one actor one way within a document -------------

CANONICAL = [
    # a title inside the run of capitals: the name after it, and the surname alone resolves to it
    ("Rights Watch Director Lena Marsh said the plan was rushed. Marsh added that the talks would go on.",
     ["Lena Marsh", "Lena Marsh"]),
    # capitals inside a surname, after an apostrophe or not
    ("Senator Kevin McAllister said the treaty was overdue. McAllister added that Vienna agreed.",
     ["Kevin McAllister", "Kevin McAllister"]),
    ("Delegate Aoife O’Brien said the chair had done well. O’Brien also praised Astana.",
     ["Aoife O’Brien", "Aoife O’Brien"]),
    ("Lavrov said so first. Later, Foreign Minister Sergei Lavrov said the text was ready.",
     ["Sergei Lavrov", "Sergei Lavrov"]),
    # two persons of one surname: each full name stays its own (regression: "Tom Reyes" became "Maria Elena
    # Reyes", the longest name of the surname); the surname alone is the fullest name
    ("Maria Elena Reyes said the pier was safe. Tom Reyes said it was not. Reyes added that the vote was close.",
     ["Maria Elena Reyes", "Tom Reyes", "Maria Elena Reyes"]),
    # a party word before the name describes the person (regression: "Republican Tom Reyes" was the fullest
    # name of every "Reyes")
    ("Republican Tom Reyes said the pier was safe. Reyes added that the vote was close.", ["Tom Reyes", "Tom Reyes"]),
    # a group noun capitalised only because it opens the sentence
    ("Critics said the draft was vague. In Vienna, critics said the text was weak.", ["critics", "critics"]),
    ("Analysts doubted the plan. Several analysts said it would fail.", ["analysts", "analysts"]),
    # ... but not a name, a nationality or a region
    ("State Department officials said the chair was fit.", ["State Department officials"]),
    ("Western diplomats said the plan was unclear. Some western states had signed.", ["Western diplomats", None]),
    ("Polish officials said the plan was unclear. Their polish was gone.", ["Polish officials", None]),
    # a conjunction opening the clause is no part of the actor
    ("But other delegates, according to the minutes, said the text was weak.", ["delegates"]),
    ("Yet many officials in Vienna were unimpressed.", ["officials"]),
    # a headline-like run after a title names no one: the fullest name stays the person's own
    ("Why The Senior Senator Endorsed Keller.\n\nAnna Keller said the plan was sound. Keller added that it was late.",
     [None, "Anna Keller", "Anna Keller"]),
]


@pytest.mark.parametrize("text,actors", CANONICAL)
def test_canonical_names(text, actors):
    got = checked_segment(text)
    assert [s.actor for s in got] == actors


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", "b" * 37, "c" * 101, "d" * 199, "e" * 200, " ", "\n", "\u3000", "\x1c", "é"]),
                max_size=30).map("".join))
def test_long_token_test_of_a_document_equals_the_pattern(text):
    """The document's test for a token of 200 characters (whitespace looked for in one stretch of
    101 characters per 100) says what a search of the whole text with the pattern says."""
    from stancekit.attribution._coref import _LONG_TOKEN, _has_long_token

    assert _has_long_token(text) == (_LONG_TOKEN.search(text) is not None)


# -- an interviewer's prompt that reports a third party (annotation guide, rule 8 of the adjudicated cases) --

_INTERVIEW = "Interview by Lena Hartmann\n\n{q}\n\nOrlov: We will see. The talks go on.\n\nQ: Thank you."
THIRD_PARTY_PROMPTS = [
    ("Q: Moscow says a summit should discuss the treaty.", "Russia"),
    ("Q: Warsaw, for its part, has said the Corfu talks are the right place.", "Poland"),
    ("Q: Critics say the chair has done little.", "Critics"),
    ("Interviewer: Finally, Sergei Lavrov said this week that the West was afraid of talks.", "Sergei Lavrov"),
    # stays the interviewer's: a question, a pronoun, a possessive, a name that is only the topic
    ("Q: Moscow says a summit should discuss the treaty, doesn't it?", "Lena Hartmann"),
    ("Q: You said last year that the treaty was dead.", "Lena Hartmann"),
    ("Q: Your government promised reforms in Madrid.", "Lena Hartmann"),
    ("Q: In Vienna this week, diplomats from Warsaw said the talks were slow.", "Lena Hartmann"),
    ("Q: I think the talks are going nowhere.", "Lena Hartmann"),
]


@pytest.mark.parametrize("prompt,actor", THIRD_PARTY_PROMPTS)
def test_interviewer_prompt_reporting_a_third_party(prompt, actor):
    text = _INTERVIEW.format(q=prompt)
    got = segment(text)
    check_offsets(text, got)
    first = next(s for s in got if s.start >= text.index(prompt))
    assert first.actor == actor
    answer = next(s for s in got if s.text.startswith("Orlov:"))
    assert answer.actor == "Orlov"  # the third party is not remembered as the last speaker


# -- "he" and "she" agree in gender with the person they resolve to (issue 13) -------------------------

PRONOUN_GENDER = [
    # the latest person is of the other gender: the latest who fits
    ("Anna Petrova opened the hearing. Then Viktor Lund read the report. She said the figures were wrong.",
     "Anna Petrova"),
    ("Viktor Lund opened the hearing. Then Anna Petrova read the report. He said the figures were wrong.",
     "Viktor Lund"),
    # a title or a surname ending tells the gender
    ("Ms. Kim Keller chaired the session. Then Viktor Tamm read the report. She said it was late.", "Kim Keller"),
    ("Chairwoman Kim Keller opened. Then Viktor Tamm read the report. She said it was late.", "Kim Keller"),
    ("Olga Sedova listened. Then Dmitri Orlov spoke. She said it was late.", "Olga Sedova"),
    ("Marek Nowak listened. Then Zhanar Abenova spoke. He said it was late.", "Marek Nowak"),
    # English short forms of given names (issue #13, eighth round; regression: "he" went to the woman)
    ("Steve Marlow listened. Then Nikki Tamm spoke. He said it was late.", "Steve Marlow"),
    ("Kate Marlow listened. Then Pete Tamm spoke. She said it was late.", "Kate Marlow"),
    # the latest person fits, or nobody known fits, or a gender is not known: the latest person
    ("Anna Petrova opened the hearing. Then Viktor Lund read the report. He said the figures were wrong.",
     "Viktor Lund"),
    ("Viktor Lund opened the hearing. Then Ivo Tamm read the report. She said the figures were wrong.",
     "Ivo Tamm"),
    ("Anna Petrova opened the hearing. Then Kim Lund read the report. She said the figures were wrong.",
     "Kim Lund"),
    # an unresolved description of unknown gender gives way to a woman named in the last sentence
    ("Zhanna Abenova read out the names and asked why the chair had said nothing. "
     "\"It was about the table,\" she said.", "Zhanna Abenova"),
    # but not to one named long before
    ("Zhanna Abenova arrived early. " + "The talks went on for hours without a result. " * 12
     + "Later the chair said the meeting was over. \"We are done,\" she said.", "chair"),
]


@pytest.mark.parametrize("text,actor", PRONOUN_GENDER)
def test_pronoun_agrees_in_gender(text, actor):
    got = segment(text)
    check_offsets(text, got)
    assert got[-1].actor == actor


def test_gender_lexicon_is_data_and_extendable(tmp_path):
    text = "Anna Petrova opened. Then Ilkka Lund spoke. She said it was late."
    assert segment(text)[-1].actor == "Ilkka Lund"  # "Ilkka" is not in the shipped list
    (tmp_path / "gendered_words.tsv").write_text("m\tilkka\n", encoding="utf-8")
    assert segment(text, lexicon_dirs=[tmp_path])[-1].actor == "Anna Petrova"
    (tmp_path / "bad").mkdir()  # (lexicons are cached by directory)
    (tmp_path / "bad" / "gendered_words.tsv").write_text("# names\nx\tilkka\n", encoding="utf-8")
    with pytest.raises(stancekit.DataError, match=r"gendered_words.tsv:2: expected 'f' or 'm', a tab and words"):
        segment(text, lexicon_dirs=[tmp_path / "bad"])


def test_gender_word_listed_under_both_letters_tells_nothing(tmp_path):
    (tmp_path / "gendered_words.tsv").write_text("f\tviktor\n", encoding="utf-8")
    assert "viktor" not in stancekit.load_lexicon([tmp_path]).gender_words
    assert stancekit.load_lexicon().gender_words["viktor"] == "m"


# -- a description resolves to the person a title after the name described (issue 13) -------------------

APPOSITION_DESCRIPTIONS = [
    ("Kanat Saudabayev, Kazakhstan's foreign minister, opened the meeting. The minister said the chair "
     "would push for a summit.", "Kanat Saudabayev"),
    ("Kanat Saudabayev, Kazakhstan's foreign minister, opened the meeting. The Kazakh foreign minister "
     "said the chair would push for a summit.", "Kanat Saudabayev"),
    ("Sergei Lavrov, the Russian foreign minister, met Anna Keller, a Swedish diplomat. The Russian minister "
     "said the treaty was vital.", "Sergei Lavrov"),
    ("Sergei Lavrov, the Russian foreign minister, met Anna Keller, a Swedish diplomat. The diplomat said "
     "the treaty was not needed.", "Anna Keller"),
    # a country word in either form: "Kazakh Foreign Minister X" ... "the Kazakhstan minister"
    ("Kazakh Foreign Minister Kanat Saudabayev arrived. The Kazakhstan minister said it was fine.",
     "Kanat Saudabayev"),
    # the last speaker is an unresolved description: a second description is another person
    ("Hillary Clinton met Ivo Tamm in Geneva. The secretary of state said the talks were useful. "
     "The Russian foreign minister said they were not.", "Russian foreign minister"),
    # no title in the words after the comma: nothing is learnt from them
    ("Ivo Tamm, who spoke first, left early. Anna Keller arrived later. The minister said it was fine.",
     "minister"),
]


@pytest.mark.parametrize("text,actor", APPOSITION_DESCRIPTIONS)
def test_description_resolves_through_an_apposition_after_the_name(text, actor):
    got = segment(text)
    check_offsets(text, got)
    assert got[-1].actor == actor


def test_official_described_by_a_body_is_named_by_the_title_later():
    """A person introduced by a body and a title, named later by the title alone, with other
    persons named before and after (the description was read as a body, and persons introduced
    by a description were passed over when a named person came later in the document)."""
    text = ("Anders Holm said the talks would go on. A State Department official, who briefed journalists, "
            "said Washington would wait. \"We will not trade the acquis,\" the official said. Ivo Tamm agreed.")
    got = segment(text)
    check_offsets(text, got)
    assert [s.actor for s in got[1:3]] == ["State Department official", "State Department official"]


PUBLICATION_HEADERS = [
    ("Interview | Vienna Diplomatic Review | April 19, 2010\n\n", "Vienna Diplomatic Review"),
    ("Publication: Steppe Affairs Weekly, Issue 42 (October 20, 2008)\n\n", "Steppe Affairs Weekly"),
    ("Interview by Lena Hartmann\nInterview | Vienna Diplomatic Review | April 19, 2010\n\n", "Lena Hartmann"),
    ("Interview | 19 April 2010\n\n", "Interviewer"),  # no name anywhere
]


@pytest.mark.parametrize("header,asker", PUBLICATION_HEADERS)
def test_questions_of_an_unnamed_interviewer_are_the_publications(header, asker):
    """Annotation guide (questions): the interviewer's name if the article gives one, otherwise
    the publication's name."""
    text = header + "Q: How was the year?\n\nOrlov: Busy. We worked hard.\n\nQ: Thank you."
    got = segment(text)
    check_offsets(text, got)
    assert [s.actor for s in got if s.text.startswith("Q:")] == [asker, asker]
    assert next(s for s in got if s.text.startswith("Orlov:")).actor == "Orlov"


@pytest.mark.parametrize("text,actor", [
    ("The Washington Post called the treaty a solution in search of a problem.", "Washington Post"),
    ("The Moscow Times reported that the summit would go ahead.", "Moscow Times"),
    ("Moscow's Lavrov said the talks were over.", "Lavrov"),
    ("Russian President Medvedev said the talks were over.", "Medvedev"),
    ("Washington Post reporter Anna Keller said the talks were over.", "Anna Keller"),
])
def test_place_and_noun_is_a_body_not_a_person(text, actor):
    """Regression: "The Washington Post said" gave the actor "Post" (the place read as a
    description of a person)."""
    got = segment(text)
    check_offsets(text, got)
    assert got[0].actor == actor


@pytest.mark.parametrize("text,actors", [
    ('"No one is perfect," a senior presidential adviser said. "It is fine," the adviser added.',
     ["senior presidential adviser", "senior presidential adviser"]),
    ("It was argued by several Western legal advisers that the text was vague.", ["Western legal advisers"]),
    ("Local officials said the summit was costly.", ["Local officials"]),
    ("In the view of several legal scholars, the text is vague.", ["legal scholars"]),
])
def test_modifiers_before_a_source_head_noun_stay_in_the_actor(text, actors):
    """Regression: "a senior presidential adviser said" gave the actor "adviser" and "by several
    Western legal advisers" gave "Western": lowercase modifiers (stancekit/data/np_modifiers.txt)
    stopped the noun phrase."""
    got = segment(text)
    check_offsets(text, got)
    assert [s.actor for s in got] == actors


def test_np_modifier_suffixes_need_five_letters():
    from stancekit.attribution._phrases import _np_modifier

    lex = stancekit.load_lexicon()
    assert _np_modifier("presidential", lex) and _np_modifier("local", lex)
    assert not _np_modifier("deal", lex) and not _np_modifier("Presidential", lex) and not _np_modifier("said", lex)


@pytest.mark.parametrize("text,actor", [
    ("Human Rights Watch was right to say this month that the summit cannot replace reform.", "Human Rights Watch"),
    ("Russian officials have been careful to say they do not object.", "Russian officials"),
    ("It is right to say that the plan is good.", None),  # an empty subject: the author's
])
def test_be_adjective_to_speech_verb_gives_the_subject(text, actor):
    """Regression: "X was right to say ...", "X have been careful to say ..." found no speaker
    (an infinitive speech verb after "to"); stancekit/data/speech_adjectives.txt lists the
    adjectives."""
    got = segment(text)
    check_offsets(text, got)
    assert got[0].actor == actor


@pytest.mark.parametrize("text,actor", [
    ("The Office for Democratic Institutions and Human Rights said the election fell short.",
     "Office for Democratic Institutions and Human Rights"),
    ("The Ministry of Culture and Information said the law was fair.", "Ministry of Culture and Information"),
    ("Anna Keller of the Institute for Peace and Conflict Studies said no.", "Anna Keller"),
    # a coordination of two names that opens its clause is one group (session 19; it was "Baltic states")
    ("Poland and the Baltic states said no.", "Poland and the Baltic states"),
])
def test_and_inside_a_body_name(text, actor):
    """Regression: the 'and' of 'Office for Democratic Institutions and Human Rights' ended the
    subject, and the actor was a person called 'Human Rights'."""
    got = segment(text)
    check_offsets(text, got)
    assert got[0].actor == actor


# Issue #13, third round: wrong speakers on PolNeAR (patterns paraphrased, sentences written
# fresh): (text, index of the statement, actor, actor_mention), the rules alone.
SPEAKER_PATTERNS = [
    # an inverted speaker: title abbreviations, "chief of staff", "campaign manager" before the name
    ("“The plan will fail,” said Rev. Lionel Hart, a pastor in Dayton.", 0, "Lionel Hart",
     "Rev. Lionel Hart, a pastor in Dayton"),
    ("''The rules are clear,'' said chief of staff Dana Ortiz.", 0, "Dana Ortiz", "chief of staff Dana Ortiz"),
    ("\"The numbers are bad,\" said Lee campaign manager Tom Burke in a statement.", 0, "Tom Burke",
     "Lee campaign manager Tom Burke"),
    # a quotation written ''...'' (two apostrophes) before the inverted verb
    ("''We will appeal,'' said Mark T. Olsen, a former Treasury economist.", 0, "Mark T. Olsen",
     "Mark T. Olsen, a former Treasury economist"),
    # appositions between subject and verb: a party tag, "also ...", commas inside the apposition
    ("Sen. Ann Kerr (D-Ohio), also a candidate for governor, called the bill reckless.", 0, "Ann Kerr",
     "Sen. Ann Kerr (D-Ohio), also a candidate for governor"),
    ("Paul Demir, a Tulsa, Okla., lawyer helping to draft the appeal, said the court had erred.", 0,
     "Paul Demir", "Paul Demir, a Tulsa, Okla., lawyer helping to draft the appeal"),
    ("Jane Ruiz, deputy director for housing, transport, and planning, said the budget was small.", 0,
     "Jane Ruiz", "Jane Ruiz, deputy director for housing, transport, and planning"),
    ("Another economist, Ravi Mehta of Boston College, said the survey showed little change.", 0,
     "Ravi Mehta", "Ravi Mehta of Boston College"),
    # "made it possible" is no "made it clear": the speaker is the one who said it
    ("Mary Smith runs the lab. The Internet has made it possible for odd ideas to spread, she said.", 1,
     "Mary Smith", "she"),
    # "according to X," then a clause with a saying verb of its own: its speaker wins ...
    ("Lee Tan, a planner, spoke first. According to the mayor's spokesman, Tom Reyes, the transport chief "
     "said the line would close.", 1, "transport chief", "the transport chief"),
    # ... but not an intention ("intends"): X stays the source
    ("According to a member of the delegation, Moscow intends to present the draft.", 0,
     "member of the delegation", "a member of the delegation"),
    # an introductory phrase is no subject: an adverb or a participle with its object before a comma
    ("Early in her term, Ana Ruiz attacked the budget, calling it a fraud.", 0, "Ana Ruiz", "Ana Ruiz"),
    ("Facing criticism from both parties, Ms. Ruiz released a note, insisting that the budget was sound.", 0,
     "Ruiz", "Ms. Ruiz"),
    # a participle phrase between subject and verb, with a place "City, State" inside it
    ("Ana Ruiz, speaking at a fair in Lindell, North Dakota, said the budget was a fraud.", 0, "Ana Ruiz",
     "Ana Ruiz"),
    # "a statement (on) Wednesday saying ...": the day is not who speaks
    ("The Harbor Council released a statement Wednesday saying the port would stay open.", 0,
     "Harbor Council", "The Harbor Council"),
    # the closing mark of a quotation written ''...'' is no part of the name after it
    ("''We will win,'' Mr. Lee said.", 0, "Lee", "Mr. Lee"),
    # a relative clause with places and dates in it between subject and verb
    ("Nell Ortega, who lost her brother in Tulsa, Oklahoma, in May 2009, said that the senator had been rude.", 0,
     "Nell Ortega", "Nell Ortega, who lost her brother in Tulsa, Oklahoma, in May 2009"),
    # a candidate's campaign speaks (groups and organisation words of PolNeAR's sources)
    ("The Lee campaign said it would look into the recount.", 0, "Lee campaign", "The Lee campaign"),
    ("Political scientists say turnout is higher than in the last contest.", 0, "Political scientists",
     "Political scientists"),
    # a speech verb that is a noun here ("the Democratic contest") is no cue: the speaker is Ed Tan
    ("In this year's Democratic contest, undecided voters may not help either side, Ed Tan said.", 0, "Ed Tan",
     "Ed Tan"),
    # appositions opened by "now" or "long"; a list inside an apposition after an inverted verb
    ("Mr. Lee, now a paid TV commentator, has denied it.", 0, "Lee", "Mr. Lee, now a paid TV commentator"),
    ("\"We will appeal,\" said Ed Lee, head of the fares, timetables and safety unit of Acme.", 0, "Ed Lee",
     "Ed Lee, head of the fares, timetables and safety unit of Acme"),
    # a speech tag between quotations names the speaker whatever its verb
    ("Mary Tan spoke first. “Ann means to play the hard man tonight,” Ed Lee shot back.", 1, "Ed Lee", "Ed Lee"),
    ("Ed Lee took the floor. “Frankly,” he continued, “the vote may be lost.”", 1, "Ed Lee", "he"),
    # a reflexive after the name and an apposition opened by "including" are part of the mention
    ("Ann Lee herself has proposed a tax on trades.", 0, "Ann Lee", "Ann Lee herself"),
    ("Several candidates, including Ann Lee, said the plan would fail.", 0, "candidates",
     "Several candidates, including Ann Lee"),
    # a party and a portfolio before a role: a description, not a name
    ("Asked if she had ever lost a race, the Republican mayoral candidate said no.", 0,
     "Republican mayoral candidate", "the Republican mayoral candidate"),
    ("“This is purely a matter of cost,” a company executive tells employees.", 0, "company executive",
     "a company executive"),
    # a name as a modifier before a title: a person described ("the adviser" names them later)
    ("A Ruiz adviser said the pier was unsafe.", 0, "Ruiz adviser", "A Ruiz adviser"),
    ("A Ruiz adviser, who asked not to be named because the talks were private, said the pier was unsafe. "
     "The adviser added that it was old.", 1, "Ruiz adviser", "The adviser"),
    ("“We will appeal,” a Harbor Lines executive tells the crew.", 0, "Harbor Lines executive",
     "a Harbor Lines executive"),
    # an age in apposition between subject and verb, alone or before a description or a place
    ("Ana Ruiz, 41, said the bridge was needed.", 0, "Ana Ruiz", "Ana Ruiz, 41"),
    ("Ana Ruiz, 41, a nurse raised in Lima, believes the bridge is needed.", 0, "Ana Ruiz",
     "Ana Ruiz, 41, a nurse raised in Lima"),
    ("Ana Ruiz, 41, of Lima, said she wanted a new bridge.", 0, "Ana Ruiz", "Ana Ruiz, 41, of Lima"),
    # a closing speech tag after the last comma wins over the cues of the clause it closes
    # (regression: the first cue with a subject won, "Ortiz advocated", "Republican contest")
    ("Union leaders said the fares were too high. Besides, most of their strongest points, like that "
     "Ortiz advocated for a quick toll, are easily answered, they say.", 1, "Union leaders", "they"),
    ("Dana Smith runs the Republican club. In this spring's Republican contest, first-time voters are "
     "unlikely to favour either side, Smith said.", 1, "Dana Smith", "Smith"),
    ("Dana Smith runs the Republican club. In this spring's Republican contest, first-time voters are "
     "unlikely to favour either side, Smith said in an interview.", 1, "Dana Smith", "Smith"),
    ("Lee welcomed the news that the port would reopen, saying it was \"the right call,\" suggesting he "
     "might visit, the Harbor Gazette reported.", 0, "Harbor Gazette", "the Harbor Gazette"),
    # ... but not a tag inside the sentence, nor a verb closing a relative clause
    ("Ana Ruiz said the fares were fair, Tom Reyes said, and that the port agreed.", 0, "Ana Ruiz", "Ana Ruiz"),
    ("Ana Ruiz said the fares, Tom Reyes argued, were fair.", 0, "Ana Ruiz", "Ana Ruiz"),
    ("Ana Ruiz said the plan, which Tom Reyes opposed, was what the voters wanted.", 0, "Ana Ruiz", "Ana Ruiz"),
    # a subordinate clause first, a cue of the main clause after it: the main clause's subject speaks
    # (regression: the first cue with a subject won, the subordinate clause's); since issue #13's
    # eighth round a "When"/"While" clause with a source of its own is a statement of its own (0)
    ("When the chair pointed out that Reyes had not answered, the candidate said the fares were fair.", 1,
     "candidate", "the candidate"),
    ("After Tom Reyes argued that the fares should rise, Ana Ruiz said only that his sums were wrong.",
     0, "Ana Ruiz", "Ana Ruiz"),
    ("While Ana Ruiz has said the pier is safe, Tom Reyes said it needs repairs.", 1, "Tom Reyes", "Tom Reyes"),
    # ... but not "As X reported,", nor a pronoun subject in either clause (one person, most often)
    ("As the Harbor Gazette reported, Tom Reyes had also been blamed for the delay.", 0, "Harbor Gazette",
     "the Harbor Gazette"),
    ("Tom Reyes spoke. Though he said the fares were fair, Reyes said none were raised.", 1, "Tom Reyes", "he"),
    # (the main clause's pronoun is the mention: PolNeAR's Source of "said"; eighth round, second pass)
    ("While Ana Ruiz praised the plan, she said it was costly.", 0, "Ana Ruiz", "she"),
    # a word that opens a sentence is no part of a name (regression: "Neither Tomas K. Berg" as the
    # fullest name of every "Berg" of the article, "Until Mr. Reyes" as an actor)
    ("Neither Ana Ruiz nor Tom Reyes answered. Ruiz said later that the pier was safe.", 1, "Ana Ruiz", "Ruiz"),
    # ("said so": since the ninth round "Until X spoke," with no content is the article's own voice)
    ("Until Mr. Reyes said so, both Ana Ruiz and her staff had said the pier was safe.", 0, "Reyes", "Mr. Reyes"),
    # a share of a group after a colon ("... on the levy: a majority of farmers say"), and a share named
    # before is no group that a later share stands for (regression: "Two-thirds" got the actor "42%")
    ("Voters split on the levy: a majority of farmers say it is unfair.", 0, "farmers", "a majority of farmers"),
    ("On ferries, 38% say they are regulars. Two-thirds support a lower toll.", 1, "Two-thirds", "Two-thirds"),
    # an anonymous source is the whole description, not the last noun of it (regression: "Two people
    # close to the mayor said" gave the mayor; "said one source with knowledge of the plan" no one)
    ("Two people close to the mayor said the pier would close.", 0, "people close to the mayor",
     "Two people close to the mayor"),
    ("People familiar with the plan said the pier would close.", 0, "people familiar with the plan",
     "People familiar with the plan"),
    ("\"The pier will close,\" said one source with knowledge of the plan.", 0, "source with knowledge of the plan",
     "one source with knowledge of the plan"),
    ("The pier will close in May and June, according to two aides briefed on the talks.", 0,
     "aides briefed on the talks", "two aides briefed on the talks"),
    # ... not a named person described so
    ("Ana Ruiz, who is close to the mayor, said the pier would close.", 0, "Ana Ruiz",
     "Ana Ruiz, who is close to the mayor"),
    # the comma of a number is no end of an introductory phrase (regression: "She greeted 3,500 ..."
    # was read as an opening "She greeted 3," and the clause had no subject)
    ("Ana Ruiz spoke on Monday. She greeted 3,500 fans at a fair in Lima and told them that the pier "
     "would reopen.", 1, "Ana Ruiz", "She"),
    ("The Transport Department has judged about 2,300 of the files secret and says it will not "
     "publish them.", 0, "Transport Department", "The Transport Department"),
    # a span of time opening the sentence ("Minutes later,", "Two days earlier,") is no subject
    # (regression: "Minutes" spoke for the campaign that issued the statement)
    ("Minutes later, the Ruiz campaign issued a note saying the pier would reopen.", 0,
     "Ruiz", "the Ruiz campaign"),
    ("Tom Reyes left the hall. Hours later, he sent an email saying the vote was lost.", 1, "Tom Reyes", "he"),
    ("Two days earlier, Ana Ruiz released a letter insisting that the fares were fair.", 0, "Ana Ruiz",
     "Ana Ruiz"),
    # ... but a name before a comma is still the subject
    ("Reyes, two days later, said the pier was safe.", 0, "Reyes", "Reyes"),
    # a possessive before a speech noun is no subject: "Editor's note:", "X's remarks came ..." are the
    # article's voice (regression: the actors "Editor’s", "Reyes’s") ...
    ("Editor’s note: This story was updated on Friday to correct a date.", 0, None, None),
    ("Reyes’s remarks came during a visit to Lima.", 0, None, None),
    ("Ana Ruiz's comments are part of a wider trend.", 0, None, None),
    # ... a pronoun with a contraction is the pronoun (regression: the actor "He’s")
    ("Tom Reyes spoke first. He’s suggesting that the pier should close.", 1, "Tom Reyes", "He’s"),
    ("Ana Ruiz spoke first. She'll argue that the pier should close.", 1, "Ana Ruiz", "She'll"),
    # a name before an apposition between dashes is the subject (regression: no speaker)
    ("Tom Reyes — a teacher from Mount Hope — says he voted for the levy.", 0, "Tom Reyes",
     "Tom Reyes — a teacher from Mount Hope"),
    ("Ana Ruiz – the harbor chief – said the pier was safe.", 0, "Ana Ruiz", "Ana Ruiz – the harbor chief"),
    # ... not a noun before a parenthesis between dashes
    ("The plan — a costly one — says nothing about the pier.", 0, None, None),
    # "Here" and a preposition opening the sentence are no subject and no part of a name (regression:
    # the actors "Here", "Beyond", "Among Democrats", "Alongside Greenpeace")
    ("Here in Lima, Ruiz stepped up her attacks on the port, saying the fares were too high.", 0, "Ruiz",
     "Ruiz"),
    ("Beyond the port, the council cited new figures and said the fares would rise.", 0, None, None),
    # a name that is the object of a preposition before the comma is no name that "the title" after the
    # comma stands beside (regression: "In a letter sent to The Gazette, the mayor said" gave the Gazette)
    ("In a letter sent to The Harbor Gazette, the mayor said that the pier was safe.", 0, "mayor", "the mayor"),
    ("In a recording released by Port News, a longtime envoy said the pier was unsafe.", 0, "longtime envoy",
     "a longtime envoy"),
    # ... but a name opening the sentence is ("Name, the title, said")
    ("Dmitry Volkov, the head of the harbor board, asserted that the pier was safe.", 0, "Dmitry Volkov",
     "Dmitry Volkov, the head of the harbor board"),
    # an opening "So", "Now", "Perhaps", "Maybe", "What" is no part of a name (regression: the canonical
    # names "So Tomas Berg", "Now Tomas Berg", "Perhaps ...")
    ("Ana Ruiz opened the session. So Ana Ruiz said the fares were fair. Ruiz added that the pier was safe.", 2,
     "Ana Ruiz", "Ruiz"),
    ("Perhaps Tom Reyes will agree. Reyes said the fares were fair.", 1, "Tom Reyes", "Reyes"),
    # what must not change: "of" after a name is no part of an inverted title (session 23: the
    # mention runs on over the body's place, "in Moscow", as over "of Grace Church in Dalby")
    ("\"Security is indivisible,\" said Ivan Petrov of the Diplomatic Academy in Moscow.", 0, "Ivan Petrov",
     "Ivan Petrov of the Diplomatic Academy in Moscow"),
    ("\"It will fail,\" said a senior official of the Secretariat, who asked not to be named.", 0,
     "senior official", "a senior official"),
    # issue #13, eighth round: a headline label before a colon is no speaker ("The Latest:", "EXCLUSIVE:")
    # (regression: the actors "Latest", "EXCLUSIVE") ...
    ("The Latest: Ana Ruiz tells dock workers she is on their side.", 0, "Ana Ruiz", "Ana Ruiz"),
    ("EXCLUSIVE: In a memo to the council, Ruritanian officials insist the pier is safe.", 0, "Ruritanian officials",
     "Ruritanian officials"),
    ("UPDATE: The vote on the levy was moved to Friday.", 0, None, None),
    # ... but a speaker's label still is
    ("RUIZ: The pier is safe.", 0, "RUIZ", "RUIZ"),
    # a group or title noun after a capitalised modifier heads the subject (regression: the actors
    # "Longtime", "Cement", "Former"; no speaker for "The Labour nominee")
    ("Longtime friends said the harbor chief had changed.", 0, "Longtime friends", "Longtime friends"),
    ("Cement makers argue that the levy is unfair.", 0, "Cement makers", "Cement makers"),
    ("Former employees said the pier was unsafe.", 0, "Former employees", "Former employees"),
    ("The Labour nominee told reporters that the pier was safe.", 0, "Labour nominee", "The Labour nominee"),
    # a poll, survey or study opening the statement as the subject of a verb of finding is the source,
    # not a group its finding quotes (regression: the actor "voters") ...
    ("The poll showed that 58 percent of riders said the pier was unsafe.", 0, "poll", "The poll"),
    ("Polls show that nearly all ferry riders believe the levy is too high.", 0, "Polls", "Polls"),
    ("A Harbor Times poll in July showed that most residents said the fares bothered them.", 0,
     "Harbor Times poll", "A Harbor Times poll in July"),
    # ... or as the opening phrase ("In a poll ..., 31% of voters said"), with its tail in the mention
    ("In a statewide Harbor Times poll released Friday, 27% of riders said they were pleased.", 0,
     "statewide Harbor Times poll", "a statewide Harbor Times poll released Friday"),
    ("In Lima, most residents said the levy was fair.", 0, "residents", "most residents"),
    # ... also where the rules had no speaker (regression: the learned model named "Harbor Institute")
    ("A poll from the Harbor Institute released Wednesday found Ruiz leading Reyes by 15 points.", 0, "poll",
     "A poll from the Harbor Institute released Wednesday"),
    ("A new study suggests the levy is too high.", 0, "new study", "A new study"),
    # ... or closing it with "according to"
    ("Her edge among riders who use the ferry daily is wider -- 61% to 30%, according to the poll.", 0, "poll",
     "the poll"),
    ("Some 53 percent of licensed skippers view the levy unfavorably, according to a Harbor Times poll last week.",
     0, "Harbor Times poll", "a Harbor Times poll last week"),
    # "back" after an opening participle is its particle, not a verb of support (regression: the actor "Looking")
    ("Looking back to 2008, Reyes argued that the gap was narrower.", 0, "Reyes", "Reyes"),
    # a noun of a person after "a", "one", "another" names an unnamed speaker (regression: no speaker)
    ("Ana Ruiz spoke on Monday. \"It is great fun,\" one user wrote.", 1, "user", "one user"),
    ("A local resident said the pier was unsafe.", 0, "local resident", "A local resident"),
    # ... not a participle after it ("raised" is no cue of "a retired welder")
    ("Rosa Leon, 58, a retired welder raised in Lima, said she wanted change.", 0, "Rosa Leon",
     "Rosa Leon, 58, a retired welder raised in Lima"),
    # a title with "co-" opens an apposition (regression: no speaker; the mention stopped at the name)
    ("Lena Vogt, co-director of the Harbor Fund, said the pier was safe.", 0, "Lena Vogt",
     "Lena Vogt, co-director of the Harbor Fund"),
    ("\"It is a mess,\" said Ann Vogt, co-director of the Harbor Institute, a small research group.", 0,
     "Ann Vogt", "Ann Vogt, co-director of the Harbor Institute, a small research group"),
    # "City, State," closing an introductory phrase: the state is no subject (regression: the actor "Oregon")
    ("Speaking at a fish market in Salem, Oregon, Reyes turned on Ruiz, calling her a failure.", 0, "Reyes", "Reyes"),
    ("Speaking in Taos, New Mexico, Reyes went after Ruiz, calling her a failure.", 0, "Reyes", "Reyes"),
    # ... not a name in apposition after the place
    ("In Salem, Ruiz, the mayor, said the pier was safe.", 0, "Ruiz", "Ruiz, the mayor"),
    # after an inverted speaker, the apposition runs to the end over a title in ''...'' and a relative
    # clause (PolNeAR's Source; regression: the mention stopped at the name or inside the title)
    ("\"It is a mess,\" said Ada Serra, the author of ''Harbor Lights,'' who studies ports at the Lima Institute.",
     0, "Ada Serra", "Ada Serra, the author of ''Harbor Lights,'' who studies ports at the Lima Institute"),
    ("\"It is a mess,\" said Rosa Quint, 29, a baker from Salem, Oregon, who took part in the survey.", 0,
     "Rosa Quint", "Rosa Quint, 29, a baker from Salem, Oregon, who took part in the survey"),
    # a closing tag with a pronoun after a quotation: the pronoun is the mention, whoever the quotation's
    # speaker is found to be (regression: the mention was the earlier quotation's, "Ruiz")
    ("Tom Reyes met Ana Ruiz on Monday. \"It is fine,\" Ruiz said. \"It is a call to conscience,\" it added.", 2,
     "Ana Ruiz", "it"),
    # a speech word after a party adjective, and after "the next", is a noun (regression: the actor "Republican")
    ("Tom Reyes spoke on Monday. He will do well when the next Republican contest reaches Velden.", 1, None, None),
    ("The Republican contest is in Velden.", 0, None, None),
    # ... and after an inverted verb (regression: no speaker for "another Velden Republican", "one user")
    ("Ana Ruiz spoke. \"It will be close,\" added another Velden Republican.", 1, "Velden Republican",
     "another Velden Republican"),
    ("Ana Ruiz spoke. \"It is fun,\" wrote one Reyes supporter, tweeting a link.", 1, "Reyes supporter",
     "one Reyes supporter"),
    # ... but not a poll that a speaker cites
    ("Ana Ruiz said the poll showed that she was ahead.", 0, "Ana Ruiz", "Ana Ruiz"),
    # a pronoun subject later in the statement is the mention of its later cues, the actor stays the name
    # (issue #13, eighth round, second pass: PolNeAR's Source "he"; regression: the mention was the name)
    ("Reyes says he is tied for second, a result that he called a surprise.", 0, "Reyes", "he"),
    ("Ana Ruiz told reporters the audit was late, but she praised the plan.", 0, "Ana Ruiz", "she"),
    ("Most farmers want lower tariffs, and they don't mind a new levy.", 0, "farmers", "they"),
    # ... "it" only before a speech verb
    ("The Harbor Authority rejected the plan, and it said a new survey was needed.", 0, "Harbor Authority", "it"),
    ("Ana Ruiz praised the plan, but it is likely to fail.", 0, "Ana Ruiz", "Ana Ruiz"),
    # ... not a pronoun in a quotation, nor the subject of a content clause ("tells dock workers she is")
    ("Ana Ruiz said \"he is late\" on Monday.", 0, "Ana Ruiz", "Ana Ruiz"),
    # a description with a capitalised modifier before its title names the person it describes (regression:
    # no speaker for "the Ohio senator", and the next cue's pronoun taken instead) ...
    ("Tom Reyes, a Republican senator from Ohio, spoke on Monday. \"It would be a disaster,\" the Ohio senator "
     "said.", 1, "Tom Reyes", "the Ohio senator"),
    ("Tom Reyes, a senator from Ohio, arrived late. The Ohio senator told reporters he is hopeful about the vote.",
     1, "Tom Reyes", "The Ohio senator"),
    # a title word after a given name is a surname (regression: no speaker for "Walter King, a former ...")
    ("Walter King, a former director of the Harbor Party, said the club would target six towns.", 0,
     "Walter King", "Walter King, a former director of the Harbor Party"),
    ("Ann Bishop said the pier was safe.", 0, "Ann Bishop", "Ann Bishop"),
    # ... not after a title ("Mr. President")
    ("The Queen said the pier was safe.", 0, "Queen", "The Queen"),
    # ... not a possessive before the title (the ministry's spokesman is no one named before)
    ("Ana Ruiz, the harbor minister, spoke first. The Harbor Ministry's spokesman said the pier was safe.", 1,
     "Harbor Ministry's spokesman", "The Harbor Ministry's spokesman"),
]


# Issue #13, eighth round: speaker patterns of single attributions studied and not fixed (strict xfails:
# a fix shows). Each (text, statement index, what the speaker should be).
SPEAKERS_NOT_YET = [
    # a participle's subject across its object: "a note to members stating" (the rules take "members")
    ("Her team quickly sent a note to members stating that the levy was dead.", 0, "Her team"),
    # a possessive before the head noun is read as the subject ("The Harbour Board's")
    ("The Harbour Board's former chief adviser on the dredging plan went further, arguing it was bad.", 0,
     "The Harbour Board's former chief adviser"),
]


@pytest.mark.parametrize("text,i,mention", SPEAKERS_NOT_YET)
@pytest.mark.xfail(strict=True, reason="issue #13: not reached yet (eighth round)")
def test_speaker_patterns_not_yet_reached(text, i, mention):
    got = checked_segment(text)
    assert got[i].actor_mention == mention if mention is None else (got[i].actor_mention or "").startswith(mention)


# Issue #14, session 17 (benchmarks/e2e_gap.py): a narrated clause or the author's verdict beside a
# source in one sentence. fixtures/train splits these (annotation guide rule 4 as the fixtures read
# it: the article's own voice is a source apart), the segmenter keeps them whole: 19 gold statements
# unmatched end to end. Not fixed: the splits the tenth attribution round tried lost PolNeAR folds.
# Each (text, the parts, which part is the author's own).
AUTHOR_BESIDE_A_SOURCE = [
    ('Mayor Ana Ruiz has said the city will judge the port "by its results", a phrase that binds no one.',
     ['Mayor Ana Ruiz has said the city will judge the port "by its results",', "a phrase that binds no one."], 1),
    ("Tom Berg said the pier would be safe by May, and nobody should doubt him.",
     ["Tom Berg said the pier would be safe by May,", "and nobody should doubt him."], 1),
    ("The council has shelved the levy for a year, and harbour pilots argue that the delay will cost the port "
     "its ferries.", ["The council has shelved the levy for a year,",
                      "and harbour pilots argue that the delay will cost the port its ferries."], 0),
    ("The port board met on Tuesday; its critics say the meeting was a formality.",
     ["The port board met on Tuesday;", "its critics say the meeting was a formality."], 0),
]


@pytest.mark.parametrize("text,parts,own", AUTHOR_BESIDE_A_SOURCE)
@pytest.mark.xfail(strict=True, reason="issue #14: the author's clause beside a source is not split (session 17)")
def test_author_clause_beside_a_source_not_split_yet(text, parts, own):
    got = checked_segment(text)
    assert [s.text for s in got] == parts
    assert got[own].actor is None and got[1 - own].actor is not None


@pytest.mark.parametrize("text", ["The poll " + "x " * 50_000 + "showed it.", "Polls" + " x" * 50_000 + " said it.",
                                  "The " + "new " * 50_000 + "poll showed it.", "But " * 50_000 + "polls show it.",
                                  "In " + "a " * 50_000 + "poll, it said.", "In the poll" + " x" * 50_000 + ", it said.",
                                  "Ann said it" + ", according to a" * 20_000 + " poll.",
                                  "\"Yes,\" he" + " said" * 30_000 + ".", ",\" he " * 20_000,
                                  "Ann Lee said" + " he" * 30_000 + " she x."])
def test_finding_subject_on_pathological_input(text):
    from stancekit._segment import _LATER_PRONOUN, _TAG_PRONOUN
    from stancekit.attribution._split import _FINDING_ACCORDING, _FINDING_IN, _FINDING_SUBJECT
    _LATER_PRONOUN.search(text)
    _FINDING_SUBJECT.match(text)
    _FINDING_IN.match(text)
    _FINDING_ACCORDING.search(text)
    _TAG_PRONOUN.search(text)
    checked_segment(text)


@pytest.mark.parametrize("text", ["Ann Lee said, " + "he " * 30_000 + "x.", "Ann Lee said " + "\"he\" " * 20_000 + "x.",
                                  "Ann Lee said" + " x" * 50_000 + ", he did."])
def test_later_pronoun_on_pathological_input(text):
    from stancekit._segment import _later_pronoun
    quotes = [(m.start(), m.end()) for m in re.finditer(r'"[^"]*"', text)]
    assert _later_pronoun(text, 0, len(text), "Ann Lee", "Ann Lee", quotes, frozenset({"said"})) in ("Ann Lee", "he")
    checked_segment(text)


# A later pronoun of the other gender than the actor's known one is someone else: the mention stays the
# name (regression, session 23: "Anna Lund said ..., as he had planned, ..." gave the mention "he").
@pytest.mark.parametrize("text,mention", [
    ("Anna Lund said on Monday, as he had planned, that the ferry would sail.", "Anna Lund"),
    ("Viktor Dal said on Monday, as she had planned, that the ferry would sail.", "Viktor Dal"),
    ("Anna Lund said on Monday, as she had planned, that the ferry would sail.", "she"),
    ("Viktor Dal said on Monday, as he had planned, that the ferry would sail.", "he"),
    ("Kim Oda said on Monday, as he had planned, that the ferry would sail.", "he"),  # gender not known
])
def test_later_pronoun_of_the_other_gender_is_not_the_mention(text, mention):
    (s,) = checked_segment(text)
    assert (s.actor, s.actor_mention) == (text.split(" said")[0], mention)


@pytest.mark.parametrize("text,i,actor,mention", SPEAKER_PATTERNS)
def test_speaker_and_whole_mention(text, i, actor, mention):
    got = checked_segment(text)
    assert (got[i].actor, got[i].actor_mention) == (actor, mention)
