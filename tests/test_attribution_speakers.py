"""Issue #13, tenth round (session 15): junk and wrong speakers (docs/history/attribution.md, "Tenth round").

Golden rows of the rules' speaker (``attribution=None``): each kind of wrong speaker fixed, with a
regression note, and strict xfails for kinds studied and not fixed. Every sentence is invented.
"""

from __future__ import annotations

import pytest

from stancekit import segment

from .conftest import check_offsets


def _rules_speakers(text: str) -> list[tuple[str, str | None]]:
    """``(actor, actor_mention)`` of each statement the rules alone attribute; offsets checked."""
    got = segment(text, attribution=None)
    check_offsets(text, got)
    return [(s.actor, s.actor_mention) for s in got if s.actor]


def _check_speaker(text: str, actor: str | None, mention: str | None) -> None:
    """The rules alone give the one actor (and mention) expected, or none; offsets hold."""
    assert _rules_speakers(text) == ([(actor, mention)] if actor else [])


@pytest.mark.parametrize("text, actor, mention", [
    # a capitalised word in "-ly" is a name, no adverb between a subject and its verb (regression:
    # "Ana Kelly speculated" had the actor "Ana", "Kelly" skipped like "repeatedly")
    pytest.param("The only time the toll came up was when Ana Kelly speculated about its cost.", "Ana Kelly",
                 "Ana Kelly", id="ly-surname"),
    pytest.param("Tom Reyes repeatedly said the pier was safe.", "Tom Reyes", "Tom Reyes", id="ly-adverb"),
    # "according to" a phrase of more than 14 words that a comma closes runs to the comma
    # (regression: the mention stopped at its 14th word, "by", short of the source's name)
    pytest.param("According to first tallies of exit surveys conducted for the Harbor Press and two radio stations by "
                 "Delta Research, most riders in all five towns say the fares are too high.", "Delta Research",
                 "first tallies of exit surveys conducted for the Harbor Press and two radio stations "
                 "by Delta Research",
                 id="according-long-phrase"),
    # a dateline or a headline in capitals before a dash opening a sentence is no speaker (regression:
    # "LIMA" and the headline's first words were the actors)
    pytest.param("LIMA, July 25 (HNS) — The Harbor Council released a statement on Monday, offering \u201ca deep "
                 "apology\u201d to the riders.", "Harbor Council", "The Harbor Council", id="dateline-month-agency"),
    pytest.param("LIMA - The toll race has become a contest of patience for Ana Ruiz.", None, None, id="dateline-dash"),
    pytest.param("FERRY RIDERS FAVOR NEW PIER, BUT COST WORRIES THEM - Ana Ruiz: \u201cRiders back the pier.\u201d",
                 "Ana Ruiz", "Ana Ruiz", id="caps-headline-then-label"),
    pytest.param("NATO said the treaty was dead.", "NATO", "NATO", id="acronym-subject"),
    pytest.param("Lima (HNS) \u2013 Mayor Ana Ruiz on Monday hit the campaign trail, accusing Tom Reyes of neglect.",
                 "Ana Ruiz", "Mayor Ana Ruiz", id="dateline-agency"),
    pytest.param("Tom Reyes (Liberal) - the mayor - said the pier is safe.", None, None, id="party-tag-no-dateline"),
    # "Even" opening a sentence is no name that "they" stands for (regression: the actor "Even")
    pytest.param("Even as they all promised to press on, the mood was grim all day.", None, None, id="even-no-name"),
    # a day is no speaker (regression: "Wednesday added one more twist" had the actor "Wednesday")
    pytest.param("Wednesday added one more twist to the race: Tom Reyes named Ana Ruiz as his deputy.", None, None,
                 id="calendar-subject"),
    pytest.param("The chair is Ana May. May said the deal was fair.", "Ana May", "May", id="month-surname"),
    # an opening adverb before a comma is no name (regression: "Likewise, X went after ..." had the
    # actor "Likewise")
    pytest.param("Likewise, Tom Reyes went after Ana Ruiz for her silence and called on her to step aside.", "Tom Reyes",
                 "Tom Reyes", id="opening-adverb"),
    # capitalised modifiers, lowercase words up to a title, then the name: the name is the subject
    # (regression: the mention stopped at the capitalised adjective, "Liberal")
    pytest.param("Presumptive Liberal mayoral nominee Tom Reyes also joined the debate, announcing on Monday he would "
                 "meet the union.", "Tom Reyes", "Presumptive Liberal mayoral nominee Tom Reyes", id="title-after-modifiers"),
    pytest.param("Liberal mayoral hopeful Sen. Tom Reyes was also critical of the plan, telling the Gazette: \u201cIt "
                 "is a mistake.\u201d", "Tom Reyes", "Liberal mayoral hopeful Sen. Tom Reyes", id="abbreviated-title"),
    # a participle's phrase after the source, up to the main verb, belongs to the mention
    # (regression: "Several delegates" stopped short of the name the phrase holds)
    pytest.param("Several delegates backing Ana Ruiz declined to comment on the toll.", "delegates",
                 "Several delegates backing Ana Ruiz", id="participle-phrase"),
    pytest.param("Voters backing the toll said the pier was unsafe.", "Voters", "Voters backing the toll",
                 id="participle-phrase-said"),
    # more head nouns after a name used as a modifier (regression: "The Harbor Party" without "soldiers")
    pytest.param("The Harbor Party soldiers said the pier was safe.", "Harbor Party soldiers", "The Harbor Party soldiers",
                 id="head-noun-soldiers"),
    # the object of a participle between the subject and its verb is no subject (regression: "the
    # Gazette" was the actor), and an apposition "at the <body>" closed by a comma is the mention's
    pytest.param("Ana Ruiz talking with Tom Reyes said the pier was unsafe.", "Ana Ruiz",
                 "Ana Ruiz talking with Tom Reyes", id="participle-object"),
    pytest.param("For now, Berg, at the Royal Harbour Institute, said the port has a truce.", "Berg",
                 "Berg, at the Royal Harbour Institute", id="apposition-at-the-body"),
    pytest.param("Berg, at the time, said the pier was safe.", "Berg", "Berg", id="at-the-time-no-apposition"),
    # a described subject of a saying verb speaks, not a name inside what it says (regression: the
    # actor was "Ana Ruiz", the subject of the reported clause)
    pytest.param("A harbour employee said Ana Ruiz described the plan as a fraud.", "employee", "A harbour employee",
                 id="described-subject"),
    pytest.param("One former harbour employee, speaking on condition his name be withheld, said Ana Ruiz "
                 "described the plan as a fraud.", "employee", "One former harbour employee", id="described-subject-participle"),
    pytest.param("The talks confirmed the readiness of both towns to keep the ferry.", None, None,
                 id="described-no-saying"),
    pytest.param("The same cannot be said of the old pier.", None, None, id="auxiliary-no-noun"),
    # a quotation that a participle after the subject cites is no tag's quotation (regression: the
    # verb after it was read as an inverted tag, "said the mayor")
    pytest.param("Mr. Berg, citing \u201cthe magic of the port,\u201d said the mayor could be in a tight race.", "Berg",
                 "Mr. Berg", id="quote-cited-by-participle"),
    pytest.param("\u201cThe pier is safe,\u201d said the mayor.", "mayor", "the mayor", id="inverted-tag-kept"),
    # a relative clause between double hyphens after a name, or after a title's description (regression:
    # no speaker); the mention runs over it, as over one between em dashes (twelfth round)
    pytest.param("Tom Reyes -- who has been in a row with the mayor -- said the pier was safe.", "Tom Reyes",
                 "Tom Reyes -- who has been in a row with the mayor", id="double-hyphen-relative"),
    pytest.param("The harbour judge \u2014 who has been in a row with the mayor \u2014 said the toll was fair.", "judge",
                 "judge \u2014 who has been in a row with the mayor", id="dash-relative-after-description"),
])
def test_wrong_speakers_tenth_round(text, actor, mention):
    _check_speaker(text, actor, mention)


@pytest.mark.parametrize("text", [
    "According to" + " word" * 50_000 + ", it is late.",
    "According to " + "the clerk of the port " * 5_000 + ", it is late.",
    "Ana Kelly " + "Kelly " * 50_000 + "said it.",
    "LIMA " * 50_000 + "said it.", "LIMA, " * 50_000 + "- said it.", "A " * 50_000 + "x - said it.",
    "LIMA, July 25 (" + "H" * 50_000 + ") — it is late.", "Lima Lima" + " Lima" * 50_000 + " (HNS) - it is late.",
    "Lima (" + "HNS" * 20_000 + ") - it is late.",
    "Liberal " * 20_000 + "mayoral nominee " * 20_000 + "Tom said it.",
    "Voters backing" + " the" * 50_000 + " said it.", "Tom " + "-- who " * 20_000 + "said it.", "Ann, citing " + "\u201cx\u201d " * 20_000 + "said Tom left.", "A clerk, " + "speaking " * 50_000 + ", said Ana Ruiz left.", "Voters " + "backing " * 50_000 + "said it.", "Likewise, " * 20_000 + "Tom said it.", "LIMA" + "-" * 50_000 + " - it is late.",
])
def test_wrong_speakers_tenth_round_on_pathological_input(text):
    got = segment(text, attribution=None)
    check_offsets(text, got)


# Studied in the tenth round and not fixed (docs/history/attribution.md, "Tenth round (session 15): junk and
# wrong speakers", Left): the expected speaker is SPEC's; the rules give another.
@pytest.mark.xfail(strict=True, reason="issue #13, tenth round: studied, not fixed")
@pytest.mark.parametrize("text, actor, mention", [
    # a capitalised adjective opening the sentence is taken for the name
    pytest.param("Local news affiliate KTV 5 is reporting that a couple saw a sign on the pier.", "KTV 5",
                 "Local news affiliate KTV 5", id="capitalised-adjective-opening"),
    # a verb of finding after a noun that is no poll or report: its object is taken
    pytest.param("The film shows Ana Ruiz choosing to remain behind to guard the pier.", "film", "The film",
                 id="film-shows"),
    # a coordination of two names before a colon: the first name only
    pytest.param("Ana Lund and Tom Berg: \u201cRiders back the pier by a wide margin.\u201d", "Ana Lund",
                 "Ana Lund and Tom Berg", id="coordinated-label"),
])
def test_wrong_speakers_not_fixed(text, actor, mention):
    got = segment(text, attribution=None)
    assert [(s.actor, s.actor_mention) for s in got if s.actor] == [(actor, mention)]


# A lowercase head noun's phrase up to the verb runs to eight words (regression: seven and more were
# not read, "Backers of the campaign to block the mayor's budget said" kept "Backers").
@pytest.mark.parametrize("text, mention", [
    pytest.param("Critics of the plan to rebuild the old pier said it was too costly.",
                 "Critics of the plan to rebuild the old pier", id="long-phrase"),
    pytest.param("Critics of the plan said it was too costly.", "Critics of the plan", id="short-phrase"),
    pytest.param("Critics of the plan to rebuild the old pier at the harbour said it was too costly.", "Critics",
                 id="phrase-too-long"),
])
def test_a_head_nouns_phrase_up_to_the_verb(text, mention):
    from stancekit._lexicon import load_lexicon
    from stancekit.attribution._mention import extend_mention, head_nouns

    lex = load_lexicon()
    assert extend_mention(text, 0, len(text), "Critics", lex.titles, lex.speech_verbs, head_nouns(lex)) == mention


def test_a_head_nouns_phrase_on_pathological_input():
    from stancekit._lexicon import load_lexicon
    from stancekit.attribution._mention import extend_mention, head_nouns

    lex = load_lexicon()
    text = "Critics of" + " the" * 50_000 + " said it."
    assert extend_mention(text, 0, len(text), "Critics", lex.titles, lex.speech_verbs, head_nouns(lex)) == "Critics"


# Eleventh round (session 16): wrong speakers (docs/history/attribution.md, "Eleventh round (session 16):
# wrong speakers"). Every sentence is invented.
@pytest.mark.parametrize("text, actor, mention", [
    # a closing tag followed by its own participle names the speaker, not the subject of the content
    # (regression: "Ms. Ruiz intends ..., Mr. Berg said, adding ..." had the actor "Ruiz")
    pytest.param("Ms. Ruiz intends to give a harbour address at the Press Club this month, Mr. Berg said, adding that "
                 "she would also give such talks elsewhere.", "Berg", "Mr. Berg", id="tag-then-participle"),
    pytest.param("The pier will open in May, the harbour chief said Tuesday, noting that Ana Ruiz had agreed.", "chief",
                 "chief", id="tag-calendar-then-participle"),
    pytest.param("Ana Ruiz said the pier would open in May, adding that the toll would stay.", "Ana Ruiz", "Ana Ruiz",
                 id="participle-after-content-kept"),
    # a verb between a subject and a group noun is no modifier of the group (regression: "The mayor
    # met critics of the plan ... and said" had the actor "mayor met critics")
    pytest.param("Mayor Ana Ruiz opened the ferry hall. The mayor met critics of the plan on Tuesday and said the pier "
                 "would be rebuilt.", "Ana Ruiz", "The mayor", id="title-verb-group"),
    pytest.param("Tom Berg praised critics of the plan on Tuesday and said the pier would be rebuilt.", "Tom Berg",
                 "Tom Berg", id="name-verb-group"),
    pytest.param("The armed groups said the pier would be rebuilt.", "groups", "groups", id="group-modifier-kept"),
    # a pronoun subject of a clause before a colon and a quotation speaks (the verb fix above left
    # "She later turned to the dockers once more: ..." without the group phrase it had matched by chance)
    pytest.param("Mayor Ana Ruiz spoke in Lima. She later turned to the dockers once more: \u201cThe toll will go.\u201d",
                 "Ana Ruiz", "She", id="pronoun-before-colon"),
    pytest.param("Mayor Ana Ruiz spoke in Lima. He had one goal: to win.", None, None, id="no-quotation-after-colon"),
    # the occasion of a saying between a name and its verb is where, not who (regression: "Tom Berg in
    # a blog post said he ..." had no subject for "said", and "he" of the content was the speaker)
    pytest.param("Tom Berg in a blog post said he would oppose the toll.", "Tom Berg", "Tom Berg", id="occasion-phrase"),
    pytest.param("Tom Berg on Twitter wrote that he would oppose the toll.", "Tom Berg", "Tom Berg", id="occasion-twitter"),
    # a description whose participle's object comes before the verb speaks (regression: "Another
    # harbour source speaking to Ferry News said" had the actor "Ferry News")
    pytest.param("Another harbour source speaking to Ferry News said the toll was late.", "source",
                 "Another harbour source speaking to Ferry News", id="described-participle-object"),
    pytest.param("A harbour official speaking to the Gazette said the toll was late.", "official",
                 "official speaking to the Gazette", id="titled-participle-object-kept"),
    # "during a <day>" between a name and its verb is when, not who (regression: the actor "Sunday")
    pytest.param("Tom Berg during a Sunday thanked the crew and called the union a partner.", "Tom Berg",
                 "Tom Berg during a Sunday", id="during-a-day"),
])
def test_wrong_speakers_eleventh_round(text, actor, mention):
    _check_speaker(text, actor, mention)


@pytest.mark.parametrize("text", [
    "Ana said it, " * 20_000 + "Tom said, adding it.", "The pier is late, Tom said" + ", adding" * 50_000 + " it.",
    "The mayor " + "met " * 50_000 + "critics said it.", "Tom " + "praised " * 50_000 + "critics and said it.",
    "She " + "then " * 50_000 + "spoke: \u201cno.\u201d", "She" + " she" * 50_000 + ": \u201cno.\u201d",
    "Tom in" + " a post" * 50_000 + " said it.", "Tom" + " in a post" * 50_000 + " said it.",
    "Tom" + " during a Sunday" * 50_000 + " said it.", "Another" + " harbour" * 50_000 + " source speaking to Ana Lee said it.",
    "A source speaking to" + " Ana" * 50_000 + " said it.",
])
def test_wrong_speakers_eleventh_round_on_pathological_input(text):
    check_offsets(text, segment(text, attribution=None))


# Twelfth round (session 17): wrong speakers (docs/history/attribution.md, "Twelfth round (session 17):
# wrong speakers"). Every sentence is invented.
@pytest.mark.parametrize("text, actor, mention", [
    # a party and state tag after a name opens the apposition before the verb (regression: no
    # speaker, or the subject of the content: "Rep. Tom Berg, D-N.Y., says riders ..." had "riders")
    pytest.param("Sen. Ana Ruiz, R-Ore., a long-shot candidate, said the toll failed the dockers.", "Ana Ruiz",
                 "Sen. Ana Ruiz, R-Ore., a long-shot candidate", id="party-tag-then-apposition"),
    pytest.param("Rep. Tom Berg, D-N.Y., says riders outlined a plan for the pier.", "Tom Berg",
                 "Rep. Tom Berg, D-N.Y.", id="party-tag-alone"),
    pytest.param("Sen. Ana Ruiz, R-Ore., appearing on a radio show after the vote, said the toll failed.", "Ana Ruiz",
                 "Sen. Ana Ruiz, R-Ore., appearing on a radio show after the vote", id="party-tag-then-participle"),
    pytest.param("Riders cheered Sen. Ana Ruiz, R-Ore., and the mayor at the pier.", None, None,
                 id="party-tag-object-no-speaker"),
    # a body's noun after the capitalised words of "X of the ..." is part of the mention (regression:
    # "said Tom Berg of the Oslo Port delegation" had the mention cut after "Port")
    pytest.param("\u201cWe will not pay,\u201d said Tom Berg of the Oslo Port delegation.", "Tom Berg",
                 "Tom Berg of the Oslo Port delegation", id="of-name-then-body-noun"),
    pytest.param("Tom Berg of the Oslo Port delegation said the toll was unfair.", "Tom Berg",
                 "Tom Berg of the Oslo Port delegation", id="of-name-subject-kept"),
    # an inverted speaker followed by a phrase or relative clause of its own: the mention runs to the
    # end of the statement (regression: "one owner", "a strategist" alone)
    pytest.param("\u201cWe were misled,\u201d said one owner of a net shop that sells to the fleet.", "owner",
                 "one owner of a net shop that sells to the fleet", id="inverted-of-phrase"),
    pytest.param("\u201cWe were misled,\u201d said a strategist for two of the ferry lines, speaking from the "
                 "harbour office.", "strategist",
                 "a strategist for two of the ferry lines, speaking from the harbour office", id="inverted-for-phrase"),
    pytest.param("\u201cWe were misled,\u201d said Tom Berg on Tuesday.", "Tom Berg", "Tom Berg",
                 id="inverted-time-kept"),
    pytest.param("Ana Ruiz said Tom Berg of Lima had left the port.", "Ana Ruiz", "Ana Ruiz",
                 id="content-subject-not-inverted"),
    # an inverted tag with no quotation, a role in lowercase before the name, a place after it
    # (regression: no speaker)
    pytest.param("The port is safe, says harbour engineer Tom Berg.", "Tom Berg", "harbour engineer Tom Berg",
                 id="unquoted-inverted-role"),
    pytest.param("The port is safe, says harbour engineer Tom Berg in Lima.", "Tom Berg",
                 "harbour engineer Tom Berg in Lima", id="unquoted-inverted-role-place"),
    pytest.param("\u201cThe port is safe,\u201d said Tom Berg in an interview.", "Tom Berg", "Tom Berg",
                 id="inverted-occasion-kept"),
    pytest.param("The mayor said harbour engineer Tom Berg had left.", "mayor", "The mayor",
                 id="content-role-not-inverted"),
])
def test_wrong_speakers_twelfth_round(text, actor, mention):
    _check_speaker(text, actor, mention)


# an answer's turn in an interview: the answerer is the actor; her mention is "I" when she names
# herself, "we" when she speaks as one of a group and says no "I" (in a sentence that does not open
# with the label, which names her), else the label (regression: the label "A" on every sentence
# without "I")
@pytest.mark.parametrize("answer, mention", [
    pytest.param("We believe they will pay.", "We", id="we-subject"),
    pytest.param("We're going to rebuild it.", "We", id="we-contracted"),
    pytest.param("The toll is fair, and we think riders know it.", "we", id="we-inside"),
    pytest.param("I think we will pay.", "I", id="i-before-we"),
    pytest.param("The well is dry.", "A", id="no-pronoun-label"),
    pytest.param("Weather is bad; the wells are dry.", "A", id="we-inside-a-word"),
])
def test_answer_turn_mention(answer, mention):
    text = ("Harbour master Ana Ruiz has run the port for ten years.\n\nQ: Why the toll?\n\nA: Because the pier "
            "is old.\n\nQ: Will riders pay?\n\nA: Yes. " + answer + "\n\nQ: And the ferry?\n\nA: It is late.")
    got = segment(text, attribution=None)
    check_offsets(text, got)
    last = [s for s in got if s.text == answer]
    assert [(s.actor, s.actor_mention) for s in last] == [("Ana Ruiz", mention)]


@pytest.mark.parametrize("text", [
    "Sen. Ana, R-Ore" + ", R-Ore." * 30_000 + ", said it.", "Ana, R-O" + ".," * 50_000 + " said it.",
    "\u201cNo,\u201d said one keeper of" + " a stall that" * 20_000 + " sells.",
    "\u201cNo,\u201d said Tom Berg for" + " x" * 50_000 + ".",
    "He left, " + "his " * 50_000 + "friend said.", "\u201cNo,\u201d" + "\u201d" * 50_000 + " his friend told the Gazette.",
])
def test_wrong_speakers_twelfth_round_on_pathological_input(text):
    check_offsets(text, segment(text, attribution=None))


def test_answer_turn_label_kept_before_we():
    text = ("Harbour master Ana Ruiz has run the port for ten years.\n\nQ: Why the toll?\n\nA: Because the pier "
            "is old.\n\nQ: Will riders pay?\n\nA: We think they will.\n\nQ: And the ferry?\n\nA: It is late.")
    got = segment(text, attribution=None)
    check_offsets(text, got)
    assert [(s.actor, s.actor_mention) for s in got if s.text == "A: We think they will."] == [("Ana Ruiz", "A")]


def test_answer_turn_mention_on_pathological_input():
    from stancekit._segment import _FIRST_PLURAL
    for text in ("we" * 50_000, "We’" * 30_000, ("We " * 30_000) + "X", "-we " * 30_000):
        assert _FIRST_PLURAL.search(text) is None
    turn = "Q: Why?\n\nA: No.\n\nQ: Why?\n\nA: " + "We We We " * 5_000 + "agree."
    check_offsets(turn, segment(turn, attribution=None))


# a single word in "-ing" opening the sentence before a parenthetical "according to X," is a
# gerund, not a speaker: X speaks (regression: "Boarding, according to ..." had the actor "Boarding")
@pytest.mark.parametrize("text, actor, mention", [
    pytest.param("Boarding, according to the mayor, has slowed this week.", "mayor", "the mayor",
                 id="gerund-before-according"),
    pytest.param("Dockers, according to the harbour chief, cautioned that the pier was unsafe.", "Dockers", "Dockers",
                 id="subject-before-according-kept"),
])
def test_gerund_before_according(text, actor, mention):
    _check_speaker(text, actor, mention)


# a headline after a name and a colon is that speaker's, but starts no transcript turn: the turn ends
# with its paragraph even when the article holds other labels further down (regression: every
# statement of the article went to the headline's name)
_HEADLINE_LABELS = (
    "Ana Ruiz: \u2018This Toll Is Not A Burden\u2019 For Riders.\n\n"
    "LIMA \u2014 Mayor Ana Ruiz defended her toll on Monday.\n\n"
    "\u201cIt is not a tax,\u201d she said.\n\n"
    "But her rival, Tom Berg, drew a contrast, saying the toll was unfair.\n\n"
    "\u201cRiders pay enough,\u201d he said.\n\n"
    "Ana Ruiz: The Pier Will Be Rebuilt Before Winter.\n\n"
    "Name: Ivo Lund, a docker of forty years.\n\n"
    "Why he came: \u201cI want my pier back.\u201d\n\n"
    "Name: Eva Moss, a clerk."
)


@pytest.mark.parametrize("sentence, actor, mention", [
    pytest.param("Ana Ruiz: \u2018This Toll Is Not A Burden\u2019 For Riders.", "Ana Ruiz", "Ana Ruiz",
                 id="headline-keeps-its-label"),
    pytest.param("\u201cIt is not a tax,\u201d she said.", "Ana Ruiz", "she", id="tag-after-headline"),
    pytest.param("But her rival, Tom Berg, drew a contrast, saying the toll was unfair.", "Tom Berg", "Tom Berg",
                 id="another-speaker-after-headline"),
    pytest.param("\u201cRiders pay enough,\u201d he said.", "Tom Berg", "he", id="his-tag-after-headline"),
])
def test_headline_label_starts_no_turn(sentence, actor, mention):
    got = segment(_HEADLINE_LABELS, attribution=None)
    check_offsets(_HEADLINE_LABELS, got)
    assert [(s.actor, s.actor_mention) for s in got if s.text == sentence] == [(actor, mention)]


@pytest.mark.parametrize("text, headline", [
    ("The Toll Would Hurt Riders And Dockers.", True),
    ("\u2018It Is Not A Fair Toll\u2019 To Charge Riders For Parking.", True),
    ("The Toll Is Not A Tax\u2019s.", False),  # (fewer than four words of four letters)
    ("I think the toll is fair, and riders know it.", False),
    ("Yes. We Will See.", False),
    ("The Toll" + " Word" * 200 + ".", False),
])
def test_title_case_after(text, headline):
    from stancekit._segment import _title_case_after
    assert _title_case_after(text, 0, len(text)) is headline


# a relative named by a given name alone between commas after a possessive ("Ruiz's husband, Tom,")
# is the subject (regression: no speaker before "said", the possessor "Ruiz" before a participle)
@pytest.mark.parametrize("text, actor, mention", [
    pytest.param("Ruiz's husband, Tom, said the toll was unfair.", "Tom", "Tom", id="kin-given-name-said"),
    pytest.param("Her son, Tom, said the toll was unfair.", "Tom", "Tom", id="kin-after-her"),
    pytest.param("Ruiz's husband, Tom, wrote to the union, accusing it of lying.", "Tom", "Tom",
                 id="kin-given-name-participle"),
    pytest.param("Ruiz's spokesman, Tom Berg, said the toll was unfair.", "Tom Berg", "Tom Berg", id="full-name-kept"),
])
def test_kin_given_name(text, actor, mention):
    _check_speaker(text, actor, mention)


# a closing tag whose speaker is a person described with a possessive ("his old friend said", "her
# colleague told the Gazette") after a comma or a quotation that ends with its own comma: the tag
# speaks, not the subject of the content (regression: "He wanted ..., his old friend said." had "He")
@pytest.mark.parametrize("text, actor, mention", [
    pytest.param("Tom Berg left the port. He wanted to fly, his old friend said.", "friend", "his old friend",
                 id="possessive-tag"),
    pytest.param("Tom Berg left the port. He had \u201cwanted to fly since he was five,\u201d his old friend told "
                 "the Gazette.", "friend", "his old friend", id="possessive-tag-object-after-quote"),
    pytest.param("Ana Ruiz left the port. She was headed to Lima, her colleague said.", "colleague", "her colleague",
                 id="possessive-tag-kin"),
    pytest.param("Ana Ruiz left the port. Though they share no language, their faces said plenty.", None, None,
                 id="possessive-thing-no-speaker"),
    pytest.param("Ana Ruiz left the port. The pier was safe, the mayor told reporters on Tuesday.", "mayor",
                 "the mayor", id="tag-object-kept"),
])
def test_possessive_closing_tag(text, actor, mention):
    _check_speaker(text, actor, mention)


# Session 18 (the thirteenth round): when the learned model's highest-scoring cue has no clear
# source (log-odds under CLEAR_SOURCE), the cue whose cue and source scores add up highest speaks
# (regression: a noun of the opening phrase or of an apposition, "meeting", "seat", was the
# speaker of a cue word nearby while the clause's own subject and verb went unread). Shipped model,
# at its default point and at PolNeAR's broad one; None: no speaker at that point.
_RAILED = ("At a late meeting, the ferry captain railed against the new timetable, arguing it left no room "
           "for repairs.")
_NAMED_BY = ("On Monday, Ana Ruiz \u2014 named by the Gazette as the likely pick for the port board's chair "
             "\u2014 told reporters that \u201cthe offer deserves a careful reading.\u201d")
_TOP_SEAT = ("On Friday, Tom Berg \u2014 described by the Ledger as the front-runner for the council's top "
             "seat \u2014 told the crowd that the pier would be rebuilt.")
_SPOKE_OUT = ("At a late meeting, the ferry captain spoke out against the new timetable, arguing it left no room "
              "for repairs.")
_BRIEF_POST = ("In a brief post, the union's lawyer weighed in on the dispute, insisting the dockers had been "
               "misled.")


@pytest.mark.parametrize("text, point, actor", [
    pytest.param(_RAILED, "default", "captain", id="opening-phrase-noun-default"),
    pytest.param(_RAILED, "broad", "captain", id="opening-phrase-noun-broad"),
    pytest.param(_SPOKE_OUT, "default", "captain", id="opening-phrase-noun-phrasal-default"),
    pytest.param(_SPOKE_OUT, "broad", "captain", id="opening-phrase-noun-phrasal-broad"),
    pytest.param(_NAMED_BY, "default", "Ana Ruiz", id="dash-apposition-default"),
    pytest.param(_NAMED_BY, "broad", "Ana Ruiz", id="dash-apposition-broad"),
    pytest.param(_TOP_SEAT, "default", "Tom Berg", id="dash-apposition-seat-default"),
    pytest.param(_TOP_SEAT, "broad", "Tom Berg", id="dash-apposition-seat-broad"),
    pytest.param(_BRIEF_POST, "broad", "lawyer", id="lone-weak-cue-broad"),
    # at the default point "insisting" is the only cue the model takes, its best source the opening
    # phrase's noun "post" (log-odds -0.5); since session 19 the rules name the participle's shared
    # subject after the opening phrase (_Attributor._described_opener), so the model is not asked
    pytest.param(_BRIEF_POST, "default", "lawyer", id="lone-weak-cue-default"),
    pytest.param("Ana Ruiz said the pier would open in May.", "default", "Ana Ruiz", id="one-cue-kept"),
])
def test_cue_with_the_clearer_source(shipped_attribution, text, point, actor):
    from stancekit.attribution.train import RECALL_THRESHOLDS
    model = shipped_attribution if point == "default" else shipped_attribution.with_thresholds(*RECALL_THRESHOLDS)
    got = segment(text, attribution=model)
    check_offsets(text, got)
    assert [s.actor for s in got if s.actor] == ([actor] if actor else [])


# A fraction after "by" measures a change; it never speaks (regression, session 18: the model rebuilt
# with the h31s articles read 'The so-called "reform" cut rural pensions by a third.' as a quotation
# by "third"). data/attribution_non_sources.txt keeps fractions out of the learned model's source
# candidates; a noun after the fraction ("a third of the dockers") still is one.
@pytest.mark.parametrize("text, cue, excluded, kept", [
    pytest.param('The so-called "levy" cut the ferry budget by a third.', "cut", "third", "budget", id="third"),
    pytest.param("The council raised the harbour toll by a quarter, the Gazette said.", "said", "quarter", "gazette",
                 id="quarter"),
    pytest.param("The toll was criticised by a third of the dockers.", "criticised", "third", "dockers",
                 id="fraction-of-a-group"),
])
def test_fractions_are_no_source_candidates(text, cue, excluded, kept):
    from stancekit.attribution._features import quote_state, source_candidates, tokenize
    toks = tokenize(text)
    low = [t[0].lower() for t in toks]
    got = {low[j] for j in source_candidates(toks, low, low.index(cue), quote_state(toks))}
    assert excluded not in got and kept in got


def test_scare_quotes_and_a_fraction_have_no_speaker(shipped_attribution):
    text = 'The so-called "levy" cut the ferry budget by a third.'
    got = segment(text, attribution=shipped_attribution)
    check_offsets(text, got)
    assert [s.actor for s in got] == [None]


# Session 19 (fourteenth round): a stance phrase whose particle follows the verb ("played up",
# "played the figures down", "spelled out") names its subject; the particle counts within five words
# of the verb and with no "-ing" word before it (regression: "played up" stated nothing; within
# eight words, "played a part in setting up" would have stated a position).
@pytest.mark.parametrize("text, actor, mention", [
    pytest.param("Mayor Ana Ruiz played up the rise in ferry traffic.", "Ana Ruiz", "Mayor Ana Ruiz",
                 id="played-up"),
    pytest.param("Tom Berg played the new toll figures down at every stop.", "Tom Berg", "Tom Berg",
                 id="played-object-down"),
    pytest.param("The mayor spelled out her plan for the old pier.", "mayor", "The mayor", id="spelled-out"),
    pytest.param("Tom Berg played a part in setting up the ferry fund.", None, None, id="gerund-before-particle"),
    pytest.param("Ana Ruiz played a small role in the long fight over the pier before stepping down.", None, None,
                 id="particle-too-far"),
])
def test_stance_phrase_particles(text, actor, mention):
    _check_speaker(text, actor, mention)


# Session 19 (fourteenth round): a coordinated subject "A and B" that opens its clause speaks as one
# group (SPEC section 4; docs/annotation-guide.md: "France and Germany said" gives France and
# Germany): persons by their canonical names, anything else as written (regression: the second
# conjunct alone, "independent journalists", "Germany"). Not a title ("Port Minister and ..."),
# a nationality before a group noun, a phrase with a preposition, a list after a capitalised word, or
# a place before a title (a heading run on): those read as before.
@pytest.mark.parametrize("text, actor, mention", [
    pytest.param("Lawyers and independent journalists said the new toll law was vague.",
                 "Lawyers and independent journalists", "Lawyers and independent journalists", id="common-nouns"),
    pytest.param("France and Spain said the ferry deal was welcome.", "France and Spain", "France and Spain",
                 id="countries"),
    pytest.param("On Monday, Ana Lund and Tom Berg said the pier was safe.", "Ana Lund and Tom Berg",
                 "Ana Lund and Tom Berg", id="after-opening-phrase"),
    pytest.param("Presidents Ana Lund and Tom Berg said the pier was safe.", "Ana Lund and Tom Berg",
                 "Presidents Ana Lund and Tom Berg", id="plural-title"),
    pytest.param("Spain and Portugal, which share the ferry line, have argued that the toll is unfair.",
                 "Spain and Portugal", "Spain and Portugal, which share the ferry line", id="relative-clause-after"),
    pytest.param("US and Spanish officials said the talks went well.", "US and Spanish officials",
                 "US and Spanish officials", id="nationalities-before-group"),
    # (session 20: two capitalised titles joined by "and" before the name are all in the mention)
    pytest.param("Port Minister and Harbour Chief Ana Ruiz said the pier was safe.", "Ana Ruiz",
                 "Port Minister and Harbour Chief Ana Ruiz", id="two-titles"),
    pytest.param("Tom Berg, Ana Ruiz and Ivo Lind said the pier was safe.", "Ivo Lind", "Ivo Lind", id="list"),
    pytest.param("A spokesman for the Roads and Bridges Office said the pier was safe.", "Roads and Bridges Office",
                 "Bridges Office", id="inside-a-phrase"),
])
def test_coordinated_subject(text, actor, mention):
    _check_speaker(text, actor, mention)


# A pronoun after a coordinated subject: "they" is the group, "he"/"she" the last person named (as before).
@pytest.mark.parametrize("text, actors", [
    pytest.param("Tom Berg and Ana Ruiz said the pier was safe. They added that it would open in May.",
                 ["Tom Berg and Ana Ruiz", "Tom Berg and Ana Ruiz"], id="they"),
    pytest.param("Ana Lund and Tom Berg said the pier was safe. He added that it would open in May.",
                 ["Ana Lund and Tom Berg", "Tom Berg"], id="he"),
])
def test_coordinated_subject_pronouns(text, actors):
    got = segment(text, attribution=None)
    check_offsets(text, got)
    assert [s.actor for s in got] == actors


# Session 19 (fourteenth round): a name with a relative clause between commas or dashes, then the
# main predicate; when the learned model's source is "who" and its cue is the predicate's, or a word
# inside the clause with no words of its own after it (a verb with an object), the mention runs from
# the name over the relative clause (regression: the mention "who", which the measure does not count
# as the source's words). A saying with its words inside the clause keeps "who". Shipped model.
@pytest.mark.parametrize("text, point, mention", [
    pytest.param("Councillor Lund, who has praised the ferry crews for years, pulls no punches on the toll.",
                 "default", "Councillor Lund, who has praised the ferry crews for years", id="clause-closed-default"),
    pytest.param("Councillor Lund, who has praised the ferry crews for years, pulls no punches on the toll.",
                 "broad", "Councillor Lund, who has praised the ferry crews for years", id="clause-closed-broad"),
    pytest.param("Ana Ruiz, who said the plan was fair, left early.", "default", "who", id="words-inside-kept"),
    pytest.param("The old pier was praised by Ana Ruiz, who said it was safe.", "broad", "who", id="clause-to-the-end"),
])
def test_relative_clause_mention(shipped_attribution, text, point, mention):
    from stancekit.attribution.train import RECALL_THRESHOLDS
    model = shipped_attribution if point == "default" else shipped_attribution.with_thresholds(*RECALL_THRESHOLDS)
    got = segment(text, attribution=model)
    check_offsets(text, got)
    assert [s.actor_mention for s in got if s.actor] == [mention]


# Session 19 (fourteenth round): a saying participle after a comma shares the subject of the clause
# before it when that subject is a description after an opening phrase ("In a brief post, the
# lawyer weighed in ..., insisting") or with a lowercase possessive ("The union's lawyer weighed in
# ..., insisting"); regression: no speaker from the rules, and the learned model's only cue took the
# opening phrase's noun. A possessive before "said" stays as before (a fixture reads such a line as
# narration).
@pytest.mark.parametrize("text, actor, mention", [
    pytest.param("In a short note, the harbour lawyer weighed in on the row, insisting the crews had been misled.",
                 "lawyer", "the harbour lawyer", id="after-opening-phrase"),
    pytest.param("The union's lawyer weighed in on the row, insisting the crews had been misled.", "lawyer",
                 "The union's lawyer", id="possessive-opener"),
    pytest.param("In May, the mayor's deputy resigned, saying she had been misled.", "deputy", "the mayor's deputy",
                 id="possessive-after-opening-phrase"),
    pytest.param("In a short note, the pier was called unsafe, adding to the row.", None, None, id="no-description"),
])
def test_participle_shares_described_subject(text, actor, mention):
    _check_speaker(text, actor, mention)


# Session 19 (fourteenth round): a saying participle after "before", "after", "while" or "by" shares
# the clause's subject, as one after a comma does (regression: no speaker from the rules, and the
# learned model took the object before the link, "Ruiz").
@pytest.mark.parametrize("text, actor, mention", [
    pytest.param("On Tuesday, Mr. Berg dodged every question about Ms. Ruiz before saying the pier was safe.", "Berg",
                 "Mr. Berg", id="before-saying"),
    pytest.param("Lund had a sober view of the toll plan, while saying that the pier would open.", "Lund", "Lund",
                 id="comma-while-saying"),
    pytest.param("The mayor ended her visit early after telling the crews that the pier was unsafe.", "mayor",
                 "The mayor", id="after-telling"),
    pytest.param("After saying goodbye to the crews, the ferry left the pier.", None, None, id="opening-link"),
])
def test_participle_after_a_link(text, actor, mention):
    _check_speaker(text, actor, mention)


# A chain of "and" before a subject is read one pair at a time (regression: _first_conjunct called
# the backward walk, which called it again, once per "and": a RecursionError on a long chain).
def test_coordinated_subject_chain_is_not_recursive():
    from stancekit._lexicon import load_lexicon
    from stancekit._segment import _tokens
    from stancekit.attribution._phrases import _np_backward

    text = "France and " * 3_000 + "Spain said it."
    tokens = _tokens(text)
    said = [t[0] for t in tokens].index("said")
    assert _np_backward(tokens, said, load_lexicon(())) == (said - 1, said)
    check_offsets(text, segment(text, attribution=None))


# Session 19 (fourteenth round): a plural group noun that opens its clause, then a phrase of place
# or body ("in the harbour council", "from the port office") before the verb: the group speaks, named
# with its phrase (SPEC section 4; the fixtures' "critics in <two capitals>"). Regression: the
# backward walk stopped at the phrase's noun, and the actor was the council or the office.
@pytest.mark.parametrize("text, actor, mention", [
    pytest.param("Critics in the harbour council say the toll is unfair.", "Critics in the harbour council",
                 "Critics in the harbour council", id="critics-in-council"),
    pytest.param("On Monday, observers from the port office said the count was fair.", "observers from the port office",
                 "observers from the port office", id="observers-from-office"),
    pytest.param("Voters in Lima say the toll is unfair.", "Voters in Lima", "Voters in Lima", id="voters-in-place"),
    # two places after the preposition (regression: "Oslo" alone, then "the northern ports")
    pytest.param("Critics in Lima and Oslo say the toll is unfair.", "Critics in Lima and Oslo",
                 "Critics in Lima and Oslo", id="two-places"),
    pytest.param("Diplomats from Spain and the northern states told us the toll was unfair.",
                 "Diplomats from Spain and the northern states", "Diplomats from Spain and the northern states",
                 id="two-places-told"),
    pytest.param("The mayor met critics in the council and said the toll was fair.", "mayor", "The mayor",
                 id="object-not-subject"),
])
def test_group_with_a_phrase_of_place(text, actor, mention):
    _check_speaker(text, actor, mention)


# Session 20 (fifteenth round): a share of a group as the subject, with a phrase of place or poll
# after the group that runs past the group's three words ("in a spring ferry survey", "at the pier
# on Monday", "surveyed in a May poll"): the group speaks, the mention runs over the phrase (SPEC
# section 4; PolNeAR's Source). Regression: no speaker from the rules, and the learned model took the
# phrase's noun ("poll", "harbour") or a pronoun of the content ("said they trust").
@pytest.mark.parametrize("text, actor, mention", [
    pytest.param("About 35 percent of ferry riders in a spring harbour survey call the board honest.", "ferry riders",
                 "About 35 percent of ferry riders in a spring harbour survey", id="share-in-poll"),
    pytest.param("Most dockers at the pier on Monday said the toll was too high.", "dockers",
                 "Most dockers at the pier on Monday", id="most-at-place"),
    pytest.param("Fewer than half of the riders surveyed in a May poll support the new toll.", "riders",
                 "Fewer than half of the riders surveyed in a May poll", id="surveyed-in"),
    pytest.param("The port is divided: about 60 percent of dockers in a union survey said the toll was fair.",
                 "dockers", "about 60 percent of dockers in a union survey", id="after-colon"),
    pytest.param("Tom Berg runs the ferry. Many riders in the old harbour town told him the toll was too high.",
                 "riders", "Many riders in the old harbour town", id="many-told"),
    # a short phrase is read with its group, as before
    pytest.param("Most analysts in Lima doubt the toll will pass.", "analysts in Lima", "Most analysts in Lima",
                 id="short-place-whole"),
    # no verb of saying or position after the phrase, or a relative clause inside it: no speaker
    pytest.param("Most riders in the harbour have jobs on the ferry.", None, None, id="no-saying"),
    pytest.param("Half of the riders in the town that voted for the toll said no.", None, None, id="relative-inside"),
    pytest.param("About 35 percent of ferry riders in a spring harbour survey had a fair view of the board.", None, None,
                 id="had-no-saying"),
])
def test_share_with_a_phrase_of_place(text, actor, mention):
    _check_speaker(text, actor, mention)


@pytest.mark.parametrize("text", [
    "Most riders" + " in the harbour" * 20_000 + " said it.",
    "Most riders in" + " the" * 50_000 + " said it.",
    "Half of riders " + "in a poll " * 20_000 + "said it.",
])
def test_share_with_a_phrase_of_place_on_pathological_input(text):
    check_offsets(text, segment(text, attribution=None))


# Session 20 (fifteenth round): a lowercase noun of office or role between an inverted verb and the
# name (", said party boss Tom Berg", ", said talk-show host Ana Ruiz") heads the description of the
# name after it (data/attribution_head_nouns.txt). Regression: the rules named no one, or the
# capitalised modifier before the noun ("Harbour party").
@pytest.mark.parametrize("text, actor, mention", [
    pytest.param("\u201cThe delay hurts,\u201d said Harbour party boss Tom Berg.", "Tom Berg",
                 "Harbour party boss Tom Berg", id="party-boss"),
    pytest.param("\u201cThe delay hurts,\u201d said front-runner Ana Ruiz.", "Ana Ruiz", "front-runner Ana Ruiz",
                 id="front-runner"),
    pytest.param("\u201cThe delay hurts,\u201d said radio host Ana Ruiz.", "Ana Ruiz", "radio host Ana Ruiz",
                 id="radio-host"),
    pytest.param("\u201cThe delay hurts,\u201d said rival Tom Berg.", "Tom Berg", "rival Tom Berg", id="rival"),
    pytest.param("\u201cThe delay hurts,\u201d said actor Tom Berg.", "Tom Berg", "actor Tom Berg", id="actor"),
])
def test_inverted_tag_role_noun(text, actor, mention):
    _check_speaker(text, actor, mention)


# Session 20: a segment after the mention that opens with a verb in "-ed" and its object is a clause,
# no apposition (regression: "..., who led the talks, thanked her aides for ..." ran the mention on
# over the clause when a comma followed it, since "aides" is a head noun).
@pytest.mark.parametrize("text, mention", [
    pytest.param("Harbour Minister Ana Ruiz, who is leading the delegation, thanked her aides for what she called "
                 "a fine effort, and left.", "Harbour Minister Ana Ruiz, who is leading the delegation", id="verb-object"),
    # a participle with its object is still an apposition
    pytest.param("Ana Ruiz, leading a group of ten towns, said the toll was unfair.",
                 "Ana Ruiz, leading a group of ten towns", id="participle-apposition"),
    # second pass: an irregular past (data/irregular_past.txt) with its object, as a verb in "-ed"
    pytest.param("Ana Ruiz, who led the talks, met her aides for an hour, and said the fee would stay.",
                 "Ana Ruiz, who led the talks", id="irregular-met"),
    pytest.param("Ana Ruiz, who runs the port, sent her deputy to the talks, and said the fee would stay.",
                 "Ana Ruiz, who runs the port", id="irregular-sent"),
])
def test_apposition_is_no_verb_with_object(text, mention):
    _check_speaker(text, "Ana Ruiz", mention)


# Session 20: "attendees" and "women" name groups that speak (data/groups.txt). Regression: ", said
# several women" and ", said two attendees" named no one. ("figures" was tried and left out: it is
# also a document noun, and "the council cited new figures and said" took the object as subject.)
@pytest.mark.parametrize("text, actor, mention", [
    pytest.param("\u201cThe toll hurts us,\u201d said several women at the pier.", "women", "several women",
                 id="said-several-women"),
    pytest.param("\u201cIt ran too long,\u201d said two attendees.", "attendees", "two attendees", id="said-attendees"),
    pytest.param("The council thanked local women and said the fares would rise.", "council", "The council",
                 id="object-not-subject"),
])
def test_group_words_of_the_fifteenth_round(text, actor, mention):
    _check_speaker(text, actor, mention)


# Session 20, second pass: "establishment" before a group or role noun is part of the noun phrase
# (data/np_modifiers.txt), so a capitalised place before it stays in the group ("the Lima
# establishment officials"). Regression: the backward walk stopped at "establishment" and the actor
# was the bare group ("officials").
@pytest.mark.parametrize("text, actor, mention", [
    pytest.param("The Lima establishment officials said the port fee would stay.", "Lima establishment officials",
                 "The Lima establishment officials", id="the-place-establishment"),
    pytest.param("Two Lima establishment officials warned that the ferry would be late.",
                 "Lima establishment officials", "Two Lima establishment officials", id="two-place-establishment"),
    pytest.param("The establishment officials said the port fee would stay.", "establishment officials",
                 "The establishment officials", id="bare-establishment"),
    # "figures" is no group noun (tried in the first pass and left out): the place is taken alone
    pytest.param("\u201cThe fee stays,\u201d said Lima establishment figures.", "Lima establishment figures",
                 "Lima establishment figures", id="establishment-figures",
                 marks=pytest.mark.xfail(strict=True, reason="'figures' is no group noun (session 20)")),
])
def test_place_establishment_group(text, actor, mention):
    _check_speaker(text, actor, mention)


# Session 20, second pass (found while reading f9cf94e's new statements): "she" after a sentence whose
# capitalised plural group ("some Democrats", "Several Liberals") the name index reads as a named
# subject resolves to that group (_coref._latest_person takes the later named subject). Not fixed: a
# one-word capitalised name in "-s" is also a surname ("Jones"); the fix wants the group words read
# before the name index.
@pytest.mark.xfail(strict=True, reason="a capitalised plural group is read as a named subject (session 20)")
@pytest.mark.parametrize("text", [
    pytest.param("Ana Ruiz spoke at the pier on Monday. She also avoided the phrase, which some Democrats want "
                 "the board to use. She said the toll would stay.", id="relative-some-group"),
    pytest.param("Ana Ruiz spoke at the pier on Monday. Several Liberals said the toll should go. She said the "
                 "toll would stay.", id="several-group"),
])
def test_she_is_no_plural_group(text):
    got = segment(text, attribution=None)
    check_offsets(text, got)
    assert got[-1].actor == "Ana Ruiz"


# Session 21 (issue #13, PolNeAR folds 4 and 5): shapes of missed or wrong speakers, each in
# freshly invented text.

# (1) A quotation that opens right after a lone "But" or "And" and names no speaker continues the
# last speaker's words, as one that opens the sentence does (regression: the quotation's
# sentences were the article's own voice). Out of scope: a scare quote after "But" right after
# someone's words is taken as theirs too.
@pytest.mark.parametrize("text, actors", [
    pytest.param("\u201cWe tried every berth,\u201d Mr. Lindqvist said. But \u201cthe tide sets the timetable, not "
                 "the council. Nobody argues with the tide.\u201d", ["Lindqvist"] * 3, id="but-quote-continues"),
    pytest.param("\u201cWe tried every berth,\u201d Mr. Lindqvist said. And \u201cthe tide will not wait.\u201d",
                 ["Lindqvist"] * 2, id="and-quote-continues"),
    pytest.param("Mr. Lindqvist said the berth was full. But \u201cthe tide will not wait. Nobody waits.\u201d",
                 ["Lindqvist"] * 3, id="but-quote-after-indirect-tag"),
    pytest.param("The ferry left at noon. But \u201cthe tide will not wait.\u201d", [None, None],
                 id="but-quote-no-speaker-before"),
    pytest.param("\u201cWe tried every berth,\u201d Mr. Lindqvist said. Butler \u201cwill not wait,\u201d the "
                 "paper wrote.", ["Lindqvist", "paper"], id="but-prefix-of-a-name"),
])
def test_quotation_after_a_leading_conjunction(text, actors):
    got = segment(text, attribution=None)
    check_offsets(text, got)
    assert [s.actor for s in got] == actors


# (2) After an inverted speaker, "to <Name>", "familiar with ...", "close to ...", "involved in ..."
# tell the description apart and belong to the mention, as "of" and "who" do; a relative clause may
# hold "to speak" (regression: the mention stopped at the description's noun). The actor stays the
# description's head.
@pytest.mark.parametrize("text, actor, mention", [
    pytest.param("\u201cThe ferry is always late,\u201d said the chief engineer to the Harbour Board.",
                 "chief engineer", "the chief engineer to the Harbour Board", id="engineer-to-the-body"),
    pytest.param("\u201cThe ferry is always late,\u201d said a deputy to Mayor Ana Ruiz.", "deputy",
                 "a deputy to Mayor Ana Ruiz", id="deputy-to-titled-name"),
    pytest.param("\u201cThe ferry is always late,\u201d said one harbour official familiar with the dredging plans.",
                 "harbour official", "one harbour official familiar with the dredging plans", id="familiar-with"),
    pytest.param("\u201cThe ferry is always late,\u201d said a harbour official who was not cleared to speak about "
                 "the dredging.", "harbour official",
                 "a harbour official who was not cleared to speak about the dredging", id="relative-with-to-speak"),
    pytest.param("\u201cThe ferry is always late,\u201d said a harbour official to the crowd.", "harbour official",
                 "a harbour official", id="to-lowercase-object-not-taken"),
    pytest.param("\u201cThe ferry is always late,\u201d said a harbour official who told the crowd to wait.",
                 "harbour official", "a harbour official", id="relative-with-a-speech-verb-not-taken"),
])
def test_inverted_speaker_phrase_in_mention(text, actor, mention):
    _check_speaker(text, actor, mention)


# (3) A name, then between commas a role noun with no determiner before "of", "at" or "for" and a
# body, or a description opening with "another": an apposition, and the name is the subject
# (regression: no speaker from the rules for "Ana Ruiz, curator of the Salem Maritime Museum,
# said"; the mention left the apposition out).
@pytest.mark.parametrize("text, actor, mention", [
    pytest.param("Ana Ruiz, curator of the Salem Maritime Museum, said the regatta would go ahead.", "Ana Ruiz",
                 "Ana Ruiz, curator of the Salem Maritime Museum", id="role-of-the-body"),
    pytest.param("Jon Lund, coach at the Salem Rowing Club, argued that the fees were too high.", "Jon Lund",
                 "Jon Lund, coach at the Salem Rowing Club", id="role-at-the-body"),
    pytest.param("Jon Lund, another trustee of the Ferry Fund, argued that the fares should fall.", "Jon Lund",
                 "Jon Lund, another trustee of the Ferry Fund", id="another-role"),
    pytest.param("Ana Ruiz, rector of Saint Olaf's, said the bells would ring.", "Ana Ruiz",
                 "Ana Ruiz, rector of Saint Olaf's", id="role-of-a-name"),
    pytest.param("Ana Ruiz, chair of the harbour board, said the port is too slow.", "Ana Ruiz",
                 "Ana Ruiz, chair of the harbour board", id="title-of-lowercase-body-kept"),
])
def test_role_apposition_after_a_name(text, actor, mention):
    _check_speaker(text, actor, mention)


@pytest.mark.parametrize("text", [
    "But " * 5000 + "\u201c" * 3000,
    ", said a deputy to " * 2000 + "A" * 1000,
    "Ana Ruiz, curator of " * 2000 + ", said" * 500,
])
def test_session21_shapes_on_pathological_input(text):
    check_offsets(text, segment(text, attribution=None))


# (4) The subject of a cue inside the content of an earlier speech verb, whose own subject the rules
# did not read, is no speaker (a retired skipper "said she insisted ...": not "she"); a clause mark
# between them ends the content ("Her office, which said nothing new, argued ..."). A pronoun right
# after a speech verb opens its content: no mention of the speaker (regression: the mention "he";
# the actor of a participle's content clause, "the mayor", before the main verb). Plural subjects
# "specialists", "environmentalists", "voices" are groups (data/groups.txt).
@pytest.mark.parametrize("text, actor, mention", [
    pytest.param("The ferry was spotless then -- a retired skipper said she insisted on two inspections a day -- "
                 "and the crews were proud of it.", None, None, id="content-subject-not-the-speaker"),
    pytest.param("The dock union, noting that the mayor wants a new pier, said the plan was too costly.",
                 "dock union", "The dock union", id="participle-content-then-said"),
    pytest.param("Her office, which said nothing new, argued that the pier was safe.", "office",
                 "office, which said nothing new", id="clause-mark-ends-the-content"),
    pytest.param("Tom Berg, speaking in Lima on Monday, said he would vote against the toll.", "Tom Berg", "Tom Berg",
                 id="pronoun-after-said-no-mention"),
    pytest.param("Still, salvage specialists say the hull can be saved.", "specialists", "specialists",
                 id="group-specialists"),
    pytest.param("But dissenting voices insist that the ferry must run.", "voices", "voices", id="group-voices"),
])
def test_content_subject_and_plural_groups(text, actor, mention):
    lead = "Ana Ruiz ran the port for years. "
    got = segment(lead + text, attribution=None)
    check_offsets(lead + text, got)
    assert [(s.actor, s.actor_mention) for s in got if s.actor] == ([(actor, mention)] if actor else [])


def test_after_speech_verb_on_pathological_input():
    text = "Tom Berg said " + "said " * 4000 + "he would go."
    check_offsets(text, segment(text, attribution=None))


# (5) A colon introduction whose speaker stands right before the colon with no verb of its own:
# after "from", or a person's full name as the object of the clause before it; every sentence of
# the quotation is theirs. Not a byline before an excerpt ('"Title," by the Ledger's Ana Ruiz:
# "..."'), not a list of things. And an opening conjunction before a comma is no name an
# apposition follows (regression: "Or, as Tom Berg, a retired ferry captain, once wrote:" had the
# actor "Or").
@pytest.mark.parametrize("text, actors", [
    pytest.param("The pier is closing, and a reply came later from Tom Berg: \u201cWe saw this coming. The piles "
                 "are rotten.\u201d", ["Tom Berg", "Tom Berg"], id="from-name-before-colon"),
    pytest.param("None of this puzzles the ferry historian Ana Ruiz: \u201cEvery pier in the bay went the same "
                 "way.\u201d", ["Ana Ruiz"], id="object-name-before-colon"),
    pytest.param("Weekend reading: \u201cA new pier for the old town,\u201d by the Ledger's Ana Ruiz: \u201cThe pier "
                 "opens on Monday. It is long.\u201d", [None, None], id="byline-before-excerpt"),
    pytest.param("The council voted on three items: \u201cfares,\u201d \u201cpiers\u201d and \u201ctolls.\u201d",
                 [None], id="list-after-colon"),
    pytest.param("Or, as Tom Berg, a retired ferry captain, once wrote: \u201cA harbour is only as good as its worst "
                 "pier.\u201d", ["Tom Berg"], id="or-as-name-wrote"),
])
def test_colon_speaker_before_the_colon(text, actors):
    got = segment(text, attribution=None)
    check_offsets(text, got)
    assert [s.actor for s in got] == actors


# (6) An apposition after a name may hold a relative clause with its own verbs ("Jon Lund, 31, who
# has rowed for the Salem club since May, told"), and a possessive name before a title ("New
# Mexico's longtime governor"); after an inverted speaker, a phrase such as "familiar with the
# dredging plans" runs to the comma before a relative clause with a speech verb (regression: no
# speaker from the rules; mentions without the apposition or the phrase).
@pytest.mark.parametrize("text, actor, mention", [
    pytest.param("Jon Lund, 31, who has rowed for the Salem club since May, told reporters that the fare was too "
                 "high.", "Jon Lund", "Jon Lund, 31, who has rowed for the Salem club since May",
                 id="age-then-relative"),
    pytest.param("Tom Berg, a pilot on the old ferry, who had worked the night shift, said the crossing was rough.",
                 "Tom Berg", "Tom Berg, a pilot on the old ferry, who had worked the night shift",
                 id="description-then-relative"),
    pytest.param("Ana Ruiz, who was born in Lima, said the pier was safe.", "Ana Ruiz", "Ana Ruiz, who was born in Lima",
                 id="relative-alone-kept"),
    pytest.param("\u201cThe ferry is always late,\u201d said one harbour official familiar with the dredging plans, "
                 "who added that the pier was old.", "harbour official",
                 "one harbour official familiar with the dredging plans", id="phrase-to-the-comma"),
    pytest.param("Berg, New Mexico's longtime governor, warned that the pier was old.", "Berg",
                 "Berg, New Mexico's longtime governor", id="possessive-then-title"),
    pytest.param("Ana Ruiz, Friends of the Pier's longtime director, warned that the pier was old.", "Ana Ruiz",
                 "Ana Ruiz, Friends of the Pier's longtime director", id="body-possessive-then-title"),
])
def test_relative_and_possessive_appositions(text, actor, mention):
    _check_speaker(text, actor, mention)


# (7) A newspaper's name is a body (data/org_words.txt: "herald", "post", ...): a later "he" is not the
# paper, and "The Lima Post's Ana Ruiz" is the reporter (regression: "he" resolved to "Lima Herald";
# the actor was "Lima Post's Ana Ruiz").
@pytest.mark.parametrize("text, actors", [
    pytest.param("Tom Berg spoke at the pier on Monday, the Lima Herald reported. \u201cWe will rebuild,\u201d he "
                 "said.", ["Lima Herald", "Tom Berg"], id="he-after-a-paper"),
    pytest.param("The Lima Post's Ana Ruiz argued in a column that the pier is old.", ["Ana Ruiz"],
                 id="paper-possessive-reporter"),
    pytest.param("The Salem Tribune said the pier was old.", ["Salem Tribune"], id="paper-speaks"),
])
def test_newspaper_names_are_bodies(text, actors):
    got = segment(text, attribution=None)
    check_offsets(text, got)
    assert [s.actor for s in got] == actors


# (8) A quotation ends the search for a restrictive relative clause's head ('Riders who ... are
# "...," Lund said': Lund, not the riders); a finding's subject does not take a sentence with an
# inverted tag from its speaker ('Polling shows that "...," said Ana Ruiz': hers, the outer
# source); a name then "of the <Body>" between commas is the subject; a pronoun after a speech
# verb and its object pronoun opens the content ("told her she ...").
@pytest.mark.parametrize("text, actor, mention", [
    pytest.param("Riders who use the night ferry are \u201cvery, very tired,\u201d Lund said.", "Lund", "Lund",
                 id="quotation-ends-relative-search"),
    pytest.param("Residents who attended the meeting said the pier was unsafe.", "Residents",
                 "Residents who attended the meeting", id="restricted-relative-kept"),
    pytest.param("Polling shows that \u201cthe public is not keen on the toll,\u201d said Ana Ruiz, the editor of "
                 "Harbour Weekly.", "Ana Ruiz", "Ana Ruiz, the editor of Harbour Weekly", id="finding-then-inverted-tag"),
    pytest.param("A poll by the Salem Institute showed that most riders want a new pier.", "poll",
                 "A poll by the Salem Institute", id="finding-kept"),
    pytest.param("One pilot backing Mr. Berg, Ana Ruiz of the Salem Rowing Club, said she had called every skipper "
                 "in the bay.", "Ana Ruiz", "Ana Ruiz of the Salem Rowing Club", id="name-of-the-body-in-apposition"),
])
def test_relative_finding_and_named_apposition(text, actor, mention):
    _check_speaker(text, actor, mention)


@pytest.mark.parametrize("text, expected", [
    ("Lund told her she", True), ("Lund told them they", True), ("Lund said she", True),
    ("Lund met her she", False), ("Lund and she", False),
])
def test_after_speech_verb_object_pronoun(text, expected):
    from stancekit._lexicon import load_lexicon
    from stancekit._segment import _after_speech_verb

    pos = text.rfind(" ") + 1
    assert _after_speech_verb(text, 0, pos, load_lexicon().speech_verbs) is expected


def test_inverted_tag_after_on_pathological_input():
    from stancekit._lexicon import load_lexicon
    from stancekit._segment import _inverted_tag_after

    assert not _inverted_tag_after(", " * 20000 + "said", load_lexicon().speech_verbs)
    assert _inverted_tag_after("The poll is out, said Ana Ruiz.", load_lexicon().speech_verbs)


# (9) An inverted tag that closes the sentence after an aside wins over the subject read back across
# the aside (regression: "..., whom he has angered with his rhetoric, said Ana Ruiz, director of
# ..." had the actor "Harbour Board"); a name after the verb that opens the content stays content.
# A restrictive relative clause may open with "who'd" and hold "spoke with" (an interview), and
# its head may be "<adjective> and <adjective> <noun>".
@pytest.mark.parametrize("text, actor, mention", [
    pytest.param("Lund also has few friends among the pilots on the Harbour Board, whom he has annoyed with his "
                 "speeches, said Ana Ruiz, director of the Salem Institute.", "Ana Ruiz",
                 "Ana Ruiz, director of the Salem Institute", id="closing-inverted-tag-after-aside"),
    pytest.param("Tom Berg, the harbour master, said Ana Ruiz, the clerk, was late.", "Tom Berg",
                 "Tom Berg, the harbour master", id="name-opening-the-content-kept"),
    pytest.param("Current and former pilots who spoke with the Salem Ledger said the board is now an empty "
                 "shell.", "Current and former pilots", "Current and former pilots who spoke with the Salem Ledger",
                 id="relative-spoke-with"),
    pytest.param("The pilots who'd worked the night shift said the crossing was rough.", "pilots", "The pilots",
                 id="relative-who-d"),
    pytest.param("Residents who spoke at the meeting said the pier was unsafe.", "Residents",
                 "Residents who spoke at the meeting", id="relative-spoke-at-kept"),
])
def test_closing_tag_and_relative_heads(text, actor, mention):
    _check_speaker(text, actor, mention)


# (10) A sentence that opens with "Asked if/whether ...": the main clause's cue first (regression:
# "believed" in the question, with "she", spoke for the sentence).
@pytest.mark.parametrize("text, actor, mention", [
    pytest.param("Asked if she believed Lund wanted Berg to win the seat, Ruiz said she would rather not guess.",
                 "Ruiz", "Ruiz", id="asked-if-then-main-clause"),
    pytest.param("Pressed about whether the pilots think the fares are fair, Lund argued that they were.", "Lund",
                 "Lund", id="pressed-about-then-main-clause"),
])
def test_asked_opening_then_main_clause(text, actor, mention):
    lead = "Piet Vos spoke on Monday. "
    got = segment(lead + text, attribution=None)
    check_offsets(lead + text, got)
    assert [(s.actor, s.actor_mention) for s in got if s.actor] == [(actor, mention)]


# (11) A quoted title in an apposition may run straight into its relative clause (the title's
# closing comma inside the quotation marks): 'X, a pilot on the old ferry, "The Gull," who ...,
# said' is X's (regression: no speaker).
def test_quoted_title_then_relative_in_apposition():
    _check_speaker("Tom Berg, a pilot on the old ferry, \u201cThe Gull,\u201d who went on to run the port, said the "
                   "crossing was rough.", "Tom Berg", "Tom Berg, a pilot on the old ferry")


# (12) Two persons named together after an inverted verb or before a colon introduction are one
# joint actor, as "A and B said" is (annotation guide, section 5: "France and Germany said" gives
# "France and Germany"; regression: the first or the second name alone).
@pytest.mark.parametrize("text, actor, mention", [
    pytest.param("Tom Berg and Ana Ruiz: \u201cThe piers are failing.\u201d", "Tom Berg and Ana Ruiz",
                 "Tom Berg and Ana Ruiz", id="colon-two-names"),
    pytest.param("\u201cThe piers are failing,\u201d wrote Tom Berg and Ana Ruiz.", "Tom Berg and Ana Ruiz",
                 "Tom Berg and Ana Ruiz", id="inverted-two-names"),
    pytest.param("Tom Berg and Ana Ruiz said the piers are failing.", "Tom Berg and Ana Ruiz",
                 "Tom Berg and Ana Ruiz", id="subject-two-names-kept"),
])
def test_two_names_after_an_inverted_verb_or_before_a_colon(text, actor, mention):
    _check_speaker(text, actor, mention)


# (13) After an inverted speaker, a relative clause whose speech verb takes an object, not a content
# clause, describes the speaker and belongs to the mention ("who backed Mayor Ruiz in May"); one
# with a content clause ("who added that ...") is a saying of its own and stays out.
@pytest.mark.parametrize("text, mention", [
    pytest.param("\u201cThe port is too slow,\u201d said a harbour official who backed Mayor Ruiz in May.",
                 "a harbour official who backed Mayor Ruiz in May", id="relative-speech-verb-with-object"),
    pytest.param("\u201cThe port is too slow,\u201d said a harbour official who added that the pier was old.",
                 "a harbour official", id="relative-speech-verb-with-content"),
])
def test_inverted_speaker_relative_with_a_speech_verb(text, mention):
    _check_speaker(text, "harbour official", mention)


# Session 22 (issue #13, PolNeAR fold 3; docs/history/attribution.md, "Seventeenth round"). Every sentence
# is invented.
# (14) Verbs of exclaiming, opining and confiding are speech verbs (data/speech_verbs.txt), and
# plural nouns of advisers and commentators are groups (data/groups.txt) after a possessive, "and
# his" or "a number of" (regression: no speaker).
@pytest.mark.parametrize("text, actor, mention", [
    pytest.param("\u201cThe pier is sinking,\u201d Ana Ruiz exclaimed from the quay.", "Ana Ruiz", "Ana Ruiz",
                 id="exclaimed-then-phrase"),
    pytest.param("\u201cThe fares must fall,\u201d opined the Harbour Gazette.", "Harbour Gazette", "the Harbour Gazette",
                 id="opined-inverted"),
    pytest.param("Tom Berg confided to a friend that the pier was unsafe.", "Tom Berg", "Tom Berg",
                 id="confided-that"),
    pytest.param("Tom Berg and his attorneys argue that the ferry contract was never signed.", "attorneys", "attorneys",
                 id="and-his-attorneys"),
    pytest.param("His consultants said the toll would pay for the pier.", "consultants", "consultants",
                 id="possessive-consultants"),
    pytest.param("A number of columnists argued the pier was a waste of money.", "columnists", "columnists",
                 id="a-number-of-columnists"),
    pytest.param("Several party operatives argue that the mayor cannot win.", "party operatives",
                 "Several party operatives", id="quantifier-operatives-kept"),
])
def test_exclaiming_verbs_and_adviser_groups(text, actor, mention):
    _check_speaker(text, actor, mention)


# (15) Speakers after an inverted verb and in front of a subject's verb (session 22): a role opened
# by "another" takes the name in apposition after it; an ordinal rank belongs to a titled name; a
# possessive's noun of the speech list ends the phrase of an anonymous source ("familiar with the
# mayor's thinking"); a speech verb after an article, a plain adjective and a party's or country's
# adjective is a noun ("a firm Russian pledge"; regression: "Russian" spoke); two
# straight apostrophes ('') are one double quotation mark, so single marks nest inside (regression:
# the quotation ended at the nested mark and no tag was read).
@pytest.mark.parametrize("text, actor, mention", [
    pytest.param("\u201cThe tide turned early,\u201d said another Lima resident, Ana Ruiz.", "Ana Ruiz",
                 "another Lima resident, Ana Ruiz", id="another-role-then-name"),
    pytest.param("\u201cThe tide turned early,\u201d said one Lima resident, Ana Ruiz.", "Ana Ruiz",
                 "one Lima resident, Ana Ruiz", id="one-role-then-name-kept"),
    pytest.param("\u201cThe crossing was rough,\u201d said Marine 2nd Lt. Ana Ruiz.", "Ana Ruiz",
                 "Marine 2nd Lt. Ana Ruiz", id="ordinal-rank"),
    pytest.param("One aide familiar with the mayor's thinking argued that the levy would stay.",
                 "aide familiar with the mayor's thinking", "One aide familiar with the mayor's thinking",
                 id="familiar-with-possessive-thinking"),
    pytest.param("\u201cThe levy will stay,\u201d a harbour aide familiar with the mayor's thinking told the Gazette.",
                 "aide familiar with the mayor's thinking", "aide familiar with the mayor's thinking",
                 id="closing-familiar-with-possessive"),
    pytest.param("Mayor Ana Ruiz, citing a firm Russian pledge to the port, said the ferry would run.", "Ana Ruiz",
                 "Mayor Ana Ruiz, citing a firm Russian pledge to the port", id="article-adjective-country-noun"),
    pytest.param("The outgoing Republican says the pier must close.", "Republican", "The outgoing Republican",
                 id="party-noun-subject-kept"),
    pytest.param("''The clerk told me 'wait,' and I waited two hours,'' said Tom Berg, a pier surveyor.",
                 "Tom Berg", "Tom Berg, a pier surveyor", id="double-apostrophes-nested-single"),
    pytest.param("''The council says 'no' to us,'' said Tom Berg.", "Tom Berg", "Tom Berg",
                 id="double-apostrophes-nested-word"),
])
def test_inverted_roles_ranks_and_double_apostrophes(text, actor, mention):
    _check_speaker(text, actor, mention)


@pytest.mark.parametrize("text, spans", [
    ("''The pier is old,'' she said.", [(0, 20)]),
    ("''The council says 'no' to us,'' he said.", [(0, 32)]),
    ("The 1990s' boom ended.", []),
    ("He said ''yes.'' Then ''no.''", [(8, 16), (22, 29)]),
])
def test_double_apostrophes_are_one_mark(text, spans):
    from stancekit._text import QuoteIndex, paragraphs, quote_spans

    assert QuoteIndex(text, paragraphs(text)).spans == spans
    # the stance features' reading keeps each apostrophe a single mark
    assert quote_spans(text, paragraphs(text)) == quote_spans(text, paragraphs(text), paired=False)


@pytest.mark.parametrize("text", [
    "''" * 20000 + "'",
    "'' a ' b " * 5000,
    ", said Navy " + "2nd " * 5000 + "Lt. Tom Berg.",
    "A source familiar with " + "Ruiz's thinking " * 3000 + "said so.",
    "a firm Russian pledge " * 3000,
])
def test_session22_shapes_on_pathological_input(text):
    from stancekit._segment import _ORDINAL

    check_offsets(text, segment(text, attribution=None))
    assert _ORDINAL.fullmatch("2" * 50000 + "nd") is None


# (16) After an inverted verb, a role opened by "his", "her" or "their" before a name, or before a
# comma and a name in apposition, gives the name (regression: no speaker). A closing inverted tag
# with no quotation ("said", "says", "added", "argued", "noted", "predicted", "wrote") whose
# speaker ends the sentence, a name or a described person with a phrase or relative clause of its
# own, speaks for the whole sentence: the cues before it are its content (regression: the
# content's subject, "the mayor", spoke). More groups: campaigns, surrogates, trackers, progressives.
@pytest.mark.parametrize("text, actor, mention", [
    pytest.param("\u201cWe will win,\u201d said her spokesman Tom Berg.", "Tom Berg", "her spokesman Tom Berg",
                 id="possessive-role-then-name"),
    pytest.param("\u201cWe will win,\u201d added her press aide Tom Berg, speaking from the quay at dawn.", "Tom Berg",
                 "her press aide Tom Berg", id="possessive-two-word-role"),
    pytest.param("\u201cWe will win,\u201d said her spokesman, Tom Berg.", "Tom Berg", "her spokesman, Tom Berg",
                 id="possessive-role-comma-name"),
    pytest.param("The toll will fall, said her campaign manager Tom Berg.", "Tom Berg",
                 "her campaign manager Tom Berg", id="unquoted-possessive-role"),
    pytest.param("The board is split, and the mayor urged the council to delay the vote, said a port official "
                 "who sat in on the meeting.", "port official", "a port official who sat in on the meeting",
                 id="closing-described-tag-over-content-cue"),
    pytest.param("The council will praise the new pier in its report, predicted Tom Berg, a former harbour master.",
                 "Tom Berg", "Tom Berg, a former harbour master", id="closing-predicted-over-content-cue"),
    pytest.param("The pier is safe, said a port official.", "port official", "a port official",
                 id="closing-described-tag-alone-kept"),
    pytest.param("Tom Berg warned that the pier, said to be the oldest in Lima, was unsafe.", "Tom Berg", "Tom Berg",
                 id="no-closing-tag-kept"),
    pytest.param("Harbour campaigns argue that the toll is unfair.", "Harbour campaigns", "Harbour campaigns",
                 id="group-campaigns"),
    pytest.param("His surrogates said the toll would fall.", "surrogates", "surrogates", id="group-surrogates"),
])
def test_possessive_roles_and_closing_inverted_tags(text, actor, mention):
    lead = "Ana Ruiz runs the port. "
    got = segment(lead + text, attribution=None)
    check_offsets(lead + text, got)
    assert [(s.actor, s.actor_mention) for s in got if s.actor] == [(actor, mention)]


@pytest.mark.parametrize("text, end", [
    ("The pier is safe , said a port official .", 9),
    ("The pier is safe , said a port official who was there .", 9),
    ("The pier is safe , said a longtime port official for the board .", 10),
    ("The pier is safe , said the port official .", 0),  # "the": a description the article resolves
    ("The pier is safe , said a port official was late .", 0),  # a finite verb: the content goes on
    ("The pier is safe , said a pier .", 0),  # no group, title or person noun
])
def test_closing_described_end(text, end):
    from stancekit._lexicon import load_lexicon
    from stancekit._segment import _closing_described_end

    tokens = [(w, 0, 0) for w in text.split()]
    assert _closing_described_end(tokens, tokens.index(("said", 0, 0)), load_lexicon()) == end


@pytest.mark.parametrize("text", [
    "The pier is safe, " + "said a port official, " * 3000 + "who left.",
    "The mayor warned, " * 3000 + "said her spokesman, Tom Berg.",
])
def test_closing_tags_on_pathological_input(text):
    check_offsets(text, segment(text, attribution=None))


# (17) Quotations and their tags (session 22): a described speaker's closing tag may end with the
# object of "told" ('"...," the shipping magnate told the Gazette.'; regression: no speaker); a tag
# sentence of its own after a quotation may run to 200 characters when its verb follows the
# speaker and a preposition follows the verb ('"...?" Ruiz asks while ...'; regression: the quotation
# had no speaker); a sentence right after the speaker's quotation, in the same paragraph, that
# ends with a quotation of four words or more after a lead of four words at most goes on with her
# words ('The vote was "the worst day the harbour has seen."'; regression: the article's voice).
@pytest.mark.parametrize("text, expected", [
    pytest.param("\u201cI still ride the night ferry,\u201d the retired shipping magnate told the Gazette.",
                 [("magnate", "the retired shipping magnate")], id="described-told-object"),
    pytest.param("\u201cI still ride the night ferry,\u201d a retired shipping magnate told reporters.",
                 [("magnate", "a retired shipping magnate")], id="described-told-reporters"),
    pytest.param("\u201cI still ride the night ferry,\u201d the shipping magnate told the crew.", [],
                 id="described-told-lowercase-object-not-read"),
    pytest.param("\u201cWhere did the money go? Ask the board.\u201d Ruiz asks while a clerk hands her a list of the "
                 "repairs that the old pier still needs, and the crowd laughs.",
                 [("Ana Ruiz", "Ruiz")] * 3, id="long-tag-sentence-after-a-question"),
    pytest.param("\u201cThe pier is old,\u201d she says. The vote was \u201cthe worst day the harbour has seen.\u201d",
                 [("Ana Ruiz", "she")] * 2, id="closing-quotation-goes-on"),
    pytest.param("\u201cThe pier is old,\u201d she says. The toll is \u201cunfair.\u201d", [("Ana Ruiz", "she")],
                 id="short-quotation-not-hers"),
    pytest.param("\u201cThe pier is old,\u201d she says.\n\nIt is \u201ca disgrace to the whole town.\u201d",
                 [("Ana Ruiz", "she")], id="closing-quotation-next-paragraph-not-hers"),
])
def test_told_objects_long_tags_and_closing_quotations(text, expected):
    lead = "Ana Ruiz runs the port. "
    got = segment(lead + text, attribution=None)
    check_offsets(lead + text, got)
    assert [(s.actor, s.actor_mention) for s in got if s.actor] == expected


@pytest.mark.parametrize("words, vi, expected", [
    ("the magnate told the Gazette .", 2, True),
    ("the magnate told the Harbour Daily Gazette .", 2, True),
    ("the magnate told reporters .", 2, True),
    ("the magnate told the crew .", 2, False),
    ("the magnate said .", 2, True),
    ("the magnate said the pier is old .", 2, False),
])
def test_tag_ends(words, vi, expected):
    from stancekit.attribution._phrases import _tag_ends

    assert _tag_ends([(w, 0, 0) for w in words.split()], vi) is expected


@pytest.mark.parametrize("text", [
    "\u201cThe pier is old,\u201d she says. " + "It is \u201ca " * 3000 + "town.\u201d",
    "\u201cWho?\u201d Ruiz asks while " + "a clerk walks " * 3000 + "in.",
    "\u201cThe pier is old,\u201d the magnate told " + "the Gazette " * 3000 + ".",
])
def test_quotation_tags_on_pathological_input(text):
    check_offsets(text, segment(text, attribution=None))


# (18) After a quotation, words of the author's may stand between it and a closing inverted tag
# whose name ends the sentence ('"..." except to sell them, says Tom Berg, a ...'; regression: no
# speaker); a mention runs over a parenthesis of up to 100 characters after the name ("Berg (who
# has run the ferry line since 1998) said"; regression: cut at the name, the limit was 30).
@pytest.mark.parametrize("text, expected", [
    pytest.param("\u201cThe old boats leak. We had no option\u201d except to sell them, says Tom Berg, a harbour "
                 "consultant in Salem.",
                 [("Tom Berg", "Tom Berg, a harbour consultant in Salem")] * 2, id="words-between-quotation-and-tag"),
    pytest.param("Berg (who has run the ferry line since 1998) said the fares would stay.",
                 [("Tom Berg", "Berg (who has run the ferry line since 1998)")], id="parenthesis-in-mention"),
    pytest.param("Berg (R-Ohio) said it is possible to win.", [("Tom Berg", "Berg (R-Ohio)")],
                 id="party-tag-in-mention-kept"),
])
def test_tag_after_authors_words_and_long_parenthesis(text, expected):
    lead = "Tom Berg runs the port. "
    got = segment(lead + text, attribution=None)
    check_offsets(lead + text, got)
    assert [(s.actor, s.actor_mention) for s in got if s.actor] == expected


# (19) Subjects on fold 4 (session 22, hB): a base-form speech word right before a finite speech
# verb is the subject's head noun ("The former Olympic champion said"; regression: "champion" was
# read as the verb and the speaker cut to "Olympic Games"); names inside an opening prepositional
# phrase are no apposition of the subject ("In a debate with Lena Ortiz and Paul Brandt, the
# candidate said"; regression: Paul Brandt); "in particular" and "late/early last <day>" stand
# between a subject and its verb (regression: no speaker, or the learned model's "particular");
# "laud" and "commend" are verbs of praise.
@pytest.mark.parametrize("text, expected", [
    pytest.param("The former Olympic Games champion said the levy was unfair.",
                 [("champion", "The former Olympic Games champion")], id="champion-head-noun"),
    pytest.param("The harbour advocate told the board that the levy was unfair.",
                 [("advocate", "The harbour advocate")], id="advocate-head-noun"),
    pytest.param("Those who report said nothing.", [], id="who-report-stays-a-verb"),
    pytest.param("In a debate with radio hosts Lena Ortiz and Paul Brandt, the candidate said the levy was unfair.",
                 [("candidate", "the candidate")], id="names-in-opening-phrase-not-apposition"),
    pytest.param("In an interview with radio host Lena Ortiz, the candidate said the levy was unfair.",
                 [("candidate", "the candidate")], id="one-name-in-opening-phrase"),
    pytest.param("The ferry pilot Tom Berg, the union's oldest member, said the levy was unfair.",
                 [("Tom Berg", "Tom Berg, the union's oldest member")], id="apposition-still-read"),
    pytest.param("Norway and Denmark in particular feared the return of the old tariffs.",
                 [("Norway and Denmark", "Norway and Denmark")], id="in-particular"),
    pytest.param("Port officials early this week said the channel was closed.",
                 [("Port officials", "Port officials")], id="early-this-week"),
    pytest.param("The finance minister also lauded the mayor for the new pier.",
                 [("finance minister", "The finance minister")], id="lauded"),
    pytest.param("The council commended the crew for the rescue.", [("council", "The council")], id="commended"),
])
def test_head_nouns_opening_phrases_and_adverbials(text, expected):
    assert _rules_speakers(text) == expected


@pytest.mark.parametrize("text", [
    "In a debate with " + "Lena Ortiz and " * 3000 + "Paul Brandt, the candidate said it.",
    "The " + "Olympic " * 3000 + "champion said it.",
    "Port officials " + "in particular " * 3000 + "said it.",
])
def test_head_nouns_and_opening_phrases_on_pathological_input(text):
    check_offsets(text, segment(text, attribution=None))


# (20) Appositions and phrases of place on fold 4 (session 22, hB): an apposition that ends with a
# quoted title whose closing comma is inside the quotation ('Lund, the author of "Salt Roads,"
# said'; regression: no speaker) gives the name before it, and the mention runs over the title; a
# noun in "-ly" ("rally", "assembly") is no adverb before a share's verb ("Most porters at the
# rally said"; regression: the group "porters at the").
@pytest.mark.parametrize("text, expected", [
    pytest.param('Lund, the author of "Salt Roads," said the levy was too high.',
                 [("Lund", 'Lund, the author of "Salt Roads,"')], id="quoted-title-in-apposition"),
    pytest.param("Ruiz, the editor of the weekly \u201cHarbour Notes,\u201d wrote that the levy was too high.",
                 [("Ruiz", "Ruiz, the editor of the weekly \u201cHarbour Notes,\u201d")], id="curly-quoted-title"),
    pytest.param('In Salem, the author of "Salt Roads," said the levy was too high.', [],
                 id="place-before-comma-not-a-name"),
    pytest.param('In Salem, the crowd chanted "no levy," said a clerk.', [], id="no-of-no-apposition"),
    pytest.param("Most porters at the rally said the fares were unfair.",
                 [("porters", "Most porters at the rally")], id="share-at-the-rally"),
    pytest.param("Most riders at the assembly said the fare was too high.",
                 [("riders", "Most riders at the assembly")], id="share-at-the-assembly"),
    pytest.param("Many riders quietly said the fare was too high.", [("riders", "Many riders")],
                 id="share-adverb-still-skipped"),
])
def test_quoted_titles_and_ly_nouns(text, expected):
    assert _rules_speakers(text) == expected


@pytest.mark.parametrize("text", [
    'Lund, the author of "' + "Salt Roads " * 3000 + ',", said it.',
    'Lund, the author of "' + "Salt, " * 3000 + '" said it.',
    "Most porters at the " + "rally " * 3000 + "said it.",
])
def test_quoted_titles_on_pathological_input(text):
    check_offsets(text, segment(text, attribution=None))


# (21) A dash aside after a described speaker whose head is a body's word (session 22, hB): "A
# spokesman for the Ruiz campaign - a small office in the old bank - noted" reads the speaker
# before the dashes (regression: no speaker; the head had to be capitalised, a title or a group),
# not when the body's word is the object of "at/in/on/..." after a noun no list names as a
# speaker (regression of that step: "the service" spoke); a name's possessive and one or two lowercase words is an apposition ("Ana
# Ruiz, Tom Berg's daughter, said"; regression: no speaker, then a mention without it).
@pytest.mark.parametrize("text, expected", [
    pytest.param("A spokesman for the Ana Ruiz campaign - a small office in the old bank - noted that the levy had passed.",
                 [("spokesman for the Ana Ruiz campaign",
                   "A spokesman for the Ana Ruiz campaign - a small office in the old bank")], id="dash-after-campaign"),
    pytest.param("A spokesman for the Ana Ruiz campaign noted that the levy had passed.",
                 [("spokesman for the Ana Ruiz campaign", "A spokesman for the Ana Ruiz campaign")], id="no-dash"),
    pytest.param("The old mill - a ruin since 1990 - said nothing to anyone.", [], id="dash-after-plain-noun-not-read"),
    pytest.param("Most guests at the service - including two retired skippers - said the fares were unfair.", [],
                 id="body-word-after-at-is-no-speaker"),
    pytest.param("Two pilots at the agency - including its oldest skipper - said the fares were unfair.",
                 [("pilots at the agency", "Two pilots at the agency - including its oldest skipper")],
                 id="group-at-a-body-still-read"),
    pytest.param("Ana Ruiz, Tom Berg's daughter, said the pier was unsafe.",
                 [("Ana Ruiz", "Ana Ruiz, Tom Berg's daughter")], id="possessive-name-apposition"),
    pytest.param("Ana Ruiz, Berg's longtime aide, said the pier was unsafe.",
                 [("Ana Ruiz", "Ana Ruiz, Berg's longtime aide")], id="possessive-title-apposition"),
    pytest.param("In Salem, Berg's home town, the mayor said the pier was unsafe.", [("mayor", "the mayor")],
                 id="possessive-after-place-not-the-subject"),
])
def test_dash_aside_after_a_body_word(text, expected):
    assert _rules_speakers(text) == expected


# (22) A mention's apposition may hold a parenthesis before its closing comma (session 22, hB):
# "Tom Berg, chairman of Harbour First (a small civic group), said" (regression: the mention
# stopped at the name).
@pytest.mark.parametrize("text, expected", [
    pytest.param("Tom Berg, chairman of Harbour First (a small civic group), said the pier was closed.",
                 [("Tom Berg", "Tom Berg, chairman of Harbour First (a small civic group)")], id="parenthesis-in-apposition"),
    pytest.param("Tom Berg, chairman of Harbour First (a small civic group), tweeted: \"The pier is closed.\"",
                 [("Tom Berg", "Tom Berg, chairman of Harbour First (a small civic group)")], id="parenthesis-before-colon"),
    pytest.param("Tom Berg, chairman of Harbour First (a small civic group) and a former pilot, said the pier was closed.",
                 [("Tom Berg", "Tom Berg")], id="parenthesis-not-before-comma"),
])
def test_parenthesis_inside_apposition(text, expected):
    assert _rules_speakers(text) == expected


@pytest.mark.parametrize("text", [
    "Tom Berg, chairman of Harbour First (" + "a group " * 3000 + "), said it.",
    "Tom Berg, chairman of Harbour First " + "(a group), " * 3000 + "said it.",
])
def test_parenthesis_inside_apposition_on_pathological_input(text):
    check_offsets(text, segment(text, attribution=None))


# (23) A described person with lowercase modifiers before a body's name and a title (session 22,
# hB): '"...," said a senior Harbour Board official.' (regression: no speaker; "a Harbour Board
# official" was read, the lowercase modifier broke it).
@pytest.mark.parametrize("text, expected", [
    pytest.param("\u201cWe will not pay twice,\u201d said a senior Harbour Board official.",
                 [("senior Harbour Board official", "a senior Harbour Board official")], id="inverted-senior-body-title"),
    pytest.param("A senior Harbour Board official said the pier was closed.",
                 [("senior Harbour Board official", "A senior Harbour Board official")], id="subject-senior-body-title"),
    pytest.param("\u201cWe will not pay twice,\u201d said a senior Norwegian official.",
                 [("senior Norwegian official", "a senior Norwegian official")], id="country-adjective-as-before"),
])
def test_lowercase_modifiers_before_a_body_and_title(text, expected):
    assert _rules_speakers(text) == expected


# (24) Fold 1 (session 23, hE). The learned model's mention of a hyphened surname ran back from its
# last piece only ('"...," said master of ceremonies Omar Al-Rashid.' had the actor "Rashid": the
# model's tokens split "Al-Rashid" at the hyphen, the rules' keep it whole); the helpers join the
# pieces again. Shipped model where the rules name no one.
@pytest.mark.parametrize("text, actor, mention", [
    pytest.param("\u201cThe pier is safe,\u201d said master of ceremonies Omar Al-Rashid.", "Omar Al-Rashid",
                 "Omar Al-Rashid", id="model-hyphened-surname"),
    pytest.param("\u201cThe pier is safe,\u201d said harbour master Ana Ruiz-Lund, a retired captain.", "Ana Ruiz-Lund",
                 "Ana Ruiz-Lund, a retired captain", id="model-double-barrelled-surname"),
])
def test_model_mention_keeps_a_hyphened_name(shipped_attribution, text, actor, mention):
    got = segment(text, attribution=shipped_attribution)
    check_offsets(text, got)
    assert [(s.actor, s.actor_mention) for s in got if s.actor] == [(actor, mention)]


@pytest.mark.parametrize("text, start, words", [
    pytest.param("said Omar Al-Rashid", 2, ["Omar", "Al-Rashid"], id="one-hyphen"),
    pytest.param("said Ana Ruiz-Lund-Berg", 2, ["Ana", "Ruiz-Lund-Berg"], id="two-hyphens"),
    pytest.param("said Omar Al - Rashid", 4, ["Omar", "Al", "-", "Rashid"], id="spaced-dash-is-no-hyphen"),
    pytest.param("said Tom de-Vries", 4, ["Tom", "de-Vries"], id="lowercase-piece-out-of-scope"),
])
def test_hyphened_start_and_joined_words(text, start, words):
    """``_hyphened_start`` from the last token; ``_joined_words`` from the first name word."""
    from stancekit.attribution._features import tokenize
    from stancekit.attribution._model import _hyphened_start, _joined_words

    toks = tokenize(text)
    j = len(toks) - 1
    assert _hyphened_start(toks, j) == start
    assert _joined_words(toks, 1, j) == words


def test_hyphened_start_on_pathological_input():
    from stancekit.attribution._features import tokenize
    from stancekit.attribution._model import _hyphened_start, _joined_words

    toks = tokenize("said " + "Ab-" * 5000 + "Cd")
    k = _hyphened_start(toks, len(toks) - 1)
    assert k == 1 and len(_joined_words(toks, k, len(toks) - 1)) == 1
    text = "\u201cNo,\u201d said master of ceremonies " + "Al-" * 3000 + "Rashid."
    check_offsets(text, segment(text))


# (25) Groups after an inverted tag (session 23, hE, fold 1): a group named by examples, ", say
# experts like Ana Ruiz, a Chilean engineer, is ..." (regression: no speaker; the tag's scan
# stopped at "like"), speaks as the group with the examples in its mention; a group with a
# lowercase modifier right after a quotation, '"...," said local officials.' (regression: the
# actor "local"; '"...," said experts.' had none), is read as after a comma.
@pytest.mark.parametrize("text, expected", [
    pytest.param("Part of the trouble with the bay, say experts like Ana Ruiz, a Chilean engineer, is the silt.",
                 [("experts", "experts like Ana Ruiz, a Chilean engineer")], id="mid-tag-experts-like"),
    pytest.param("The silt is the trouble, say engineers such as Ana Ruiz and Tom Berg.",
                 [("engineers", "engineers such as Ana Ruiz and Tom Berg")], id="closing-tag-such-as-two"),
    pytest.param("\u201cThe silt is the trouble,\u201d said local residents including Ana Ruiz.",
                 [("local residents", "local residents including Ana Ruiz")], id="quote-tag-including"),
    pytest.param("\u201cThe silt is the trouble,\u201d said local officials.",
                 [("local officials", "local officials")], id="quote-tag-modifier-group"),
    pytest.param("\u201cThe silt is the trouble,\u201d said experts.", [("experts", "experts")], id="quote-tag-bare-group"),
    pytest.param("\u201cThe silt is the trouble,\u201d said some analysts.", [("analysts", "some analysts")],
                 id="quote-tag-quantifier-as-before"),
    pytest.param("The silt is the trouble, say experts like this one.", [], id="lowercase-example-out-of-scope"),
])
def test_groups_after_an_inverted_tag(text, expected):
    assert _rules_speakers(text) == expected


@pytest.mark.parametrize("text", [
    "The silt is bad, say experts like " + "Ana Ruiz and " * 3000 + "Tom Berg.",
    "The silt is bad, say experts such as " + "Ana " * 5000 + "Ruiz.",
    "\u201cNo,\u201d said " + "local " * 5000 + "officials.",
])
def test_groups_after_an_inverted_tag_on_pathological_input(text):
    check_offsets(text, segment(text, attribution=None))


# (26) A member's party apposition between a name and its verb (session 23, hE, fold 1): "Senator
# Ana Ruiz, Democrat of Ohio, said" (regression: no speaker; the aside opens with a capitalised
# word, so the subject search read it as a name of one word and stopped).
@pytest.mark.parametrize("text, expected", [
    pytest.param("Senator Ana Ruiz, Democrat of Ohio, said the ferry toll must go.",
                 [("Ana Ruiz", "Senator Ana Ruiz, Democrat of Ohio")], id="subject-party-of-state"),
    pytest.param("\u201cThe toll must go,\u201d Ana Ruiz, Republican of Lima, told the Gazette.",
                 [("Ana Ruiz", "Ana Ruiz, Republican of Lima")], id="quote-tag-party-told"),
    pytest.param("Tom Berg, independent of Vermont, argued that the toll must go.",
                 [("Tom Berg", "Tom Berg, independent of Vermont")], id="lowercase-independent"),
    pytest.param("\u201cThe toll must go,\u201d Senator Ana Ruiz, a Democrat from Ohio, said.",
                 [("Ana Ruiz", "Senator Ana Ruiz, a Democrat from Ohio")], id="article-party-as-before"),
])
def test_party_apposition_before_the_verb(text, expected):
    assert _rules_speakers(text) == expected


@pytest.mark.parametrize("text", [
    "Ana Ruiz, " + "Democrat of Ohio, " * 3000 + "said it.",
    "Ana Ruiz, Democrat of " + "Ohio " * 5000 + ", said it.",
])
def test_party_apposition_on_pathological_input(text):
    check_offsets(text, segment(text, attribution=None))


# (27) "pointing out" (session 23, hE, fold 1): the participle of "point out" after a comma shares
# the clause's subject like "saying" and "noting" ("Tom Berg hit back, pointing out that ..." had no
# speaker; with a second report inside its clause the inner speaker was taken). Only "pointing" is
# listed: "points" (a noun most of the time) added nine false attributions for six right.
@pytest.mark.parametrize("text, expected", [
    pytest.param("Tom Berg hit back, pointing out that the ferry had run late all week.",
                 [("Tom Berg", "Tom Berg")], id="pointing-out-shares-subject"),
    pytest.param("Tom Berg turned the story back on the Gazette, pointing out that the paper's Ana Ruiz had "
                 "reported in June that the ferry was failing.", [("Tom Berg", "Tom Berg")], id="pointing-out-outer-speaker"),
    pytest.param("The dockers stood at the gate, pointing at the ships.", [], id="pointing-at-no-subject-speaker"),
])
def test_pointing_out_shares_the_subject(text, expected):
    assert _rules_speakers(text) == expected


# (28) Verbs of estimating, grumbling, pleading and rebuking (session 23, hE): the forms added to
# data/speech_verbs.txt name their subject (regression: no speaker with the rules alone).
@pytest.mark.parametrize("text, expected", [
    pytest.param("Tom Ashby, an economist at Lima Bank, calculates that the toll costs riders $9 a week.",
                 [("Tom Ashby", "Tom Ashby, an economist at Lima Bank")], id="calculates-that"),
    pytest.param("Ana Ruiz vented that the council had ignored the dockers for years.",
                 [("Ana Ruiz", "Ana Ruiz")], id="vented-that"),
    pytest.param("Lena Ortiz demurred, saying the pier was not hers to close.",
                 [("Lena Ortiz", "Lena Ortiz")], id="demurred-saying"),
    pytest.param("Tom Berg rebutted the charge, arguing the ferry had never run late.",
                 [("Tom Berg", "Tom Berg")], id="rebutted-arguing"),
    pytest.param("Ana Ruiz swore that the ferry would run on Sunday.", [("Ana Ruiz", "Ana Ruiz")], id="swore-that"),
    pytest.param("The Ferry Guild disputes that the toll has fallen.", [("Ferry Guild", "The Ferry Guild")],
                 id="disputes-that"),
])
def test_verbs_added_in_session_23(text, expected):
    assert _rules_speakers(text) == expected


# (29) Plural subjects added to data/groups.txt (session 23, hE): "Party loyalists say ..." and
# "investigators said ..." name the group (regression: no speaker with the rules alone).
@pytest.mark.parametrize("text, expected", [
    pytest.param("Party loyalists say the ferry toll must go.", [("Party loyalists", "Party loyalists")],
                 id="loyalists"),
    pytest.param("Harbour investigators said the pier had been unsafe for years.",
                 [("Harbour investigators", "Harbour investigators")], id="investigators"),
    pytest.param("Some hardliners argued that the toll was too low.", [("hardliners", "Some hardliners")],
                 id="hardliners"),
])
def test_groups_added_in_session_23(text, expected):
    assert _rules_speakers(text) == expected


# (30) Titles added to data/titles.txt (session 23, hE): "the attorney" resolves to the attorney
# described before, and "Treasurer" / "Pastor" are dropped from the canonical name.
@pytest.mark.parametrize("text, expected", [
    pytest.param("Ana Ruiz, a Lima attorney, joined the board. The attorney said the toll was unlawful.",
                 [("Ana Ruiz", "The attorney")], id="the-attorney-resolves"),
    pytest.param("Treasurer Tom Berg said the toll was unlawful.", [("Tom Berg", "Treasurer Tom Berg")],
                 id="treasurer-title"),
    pytest.param("\u201cThe toll is unlawful,\u201d said Pastor Ana Ruiz.", [("Ana Ruiz", "Pastor Ana Ruiz")],
                 id="pastor-title"),
])
def test_titles_added_in_session_23(text, expected):
    assert _rules_speakers(text) == expected


# (31) Body words added to data/org_words.txt (session 23, hE): "the station reported" has a
# speaker (regression: none).
@pytest.mark.parametrize("text, expected", [
    pytest.param("Radio Lima aired the debate. The station reported that the toll was unlawful.",
                 [("station", "The station")], id="the-station-speaks"),
])
def test_body_words_added_in_session_23(text, expected):
    assert _rules_speakers(text) == expected


# (32) Inverted speakers and "reports" on fold 5 (session 23, hC): "ranking", "managing",
# "founding" and "presiding" before a title, or "ranking" before a party's member, belong to the
# speaker after an inverted verb (regression: the committee's name, "Finance", spoke); a
# constituent and a confidant are a name's people (regression: the name before them spoke, or no
# one); "reports" is a speech verb only when a capitalised name or publication and "reports" close
# the sentence after a comma, or open it before "that", a determiner, a pronoun or a name
# (regression: no speaker; "reports" stays out of the lists, a noun most of the time).
@pytest.mark.parametrize("text, expected", [
    pytest.param("\u201cThe quay must stay open,\u201d said Harbour Finance ranking member Tom Berg (D-Ore.).",
                 [("Tom Berg", "Harbour Finance ranking member Tom Berg (D-Ore.)")], id="ranking-member"),
    pytest.param("\u201cThe quay must stay open,\u201d said Harbour Finance ranking Democrat Tom Berg.",
                 [("Tom Berg", "Harbour Finance ranking Democrat Tom Berg")], id="ranking-democrat"),
    pytest.param("\u201cThe quay must stay open,\u201d said Nordport Fund managing director Ana Ruiz.",
                 [("Ana Ruiz", "Nordport Fund managing director Ana Ruiz")], id="managing-director"),
    pytest.param("\u201cThe quay must stay open,\u201d said Lund constituent Per Ask.",
                 [("Per Ask", "Lund constituent Per Ask")], id="constituent"),
    pytest.param("\u201cThe quay must stay open,\u201d said one Lund confidant.",
                 [("Lund confidant", "one Lund confidant")], id="confidant"),
    pytest.param("The ferry will run again in May, the Dalby Courier reports.",
                 [("Dalby Courier", "the Dalby Courier")], id="closing-publication-reports"),
    pytest.param("After the vote, the pilots walked out, Tom Berg reports.",
                 [("Tom Berg", "Tom Berg")], id="closing-name-reports"),
    pytest.param("The Dalby Courier reports the two mayors fell out over the toll.",
                 [("Dalby Courier", "The Dalby Courier")], id="opening-publication-reports"),
    pytest.param("Harborline reports that the ferry will run on Monday.",
                 [("Harborline", "Harborline")], id="opening-reports-that"),
    pytest.param("Mayor Ana Ruiz reports to the council on Monday.", [], id="reports-to-narrates"),
    pytest.param("The ferry ran late, police reports.", [], id="lowercase-before-reports"),
    pytest.param("The dockers read the reports.", [], id="reports-a-noun"),
])
def test_inverted_roles_and_reports(text, expected):
    assert _rules_speakers(text) == expected


@pytest.mark.parametrize("text", [
    "The ferry ran late, " + "Tom " * 3000 + "reports.",
    "The ferry ran late, T" + "x" * 5000 + " reports.",
    ", A" * 3000 + " reports.",
    "The " + "Dalby " * 3000 + "reports the toll.",
    "A" + " B" * 3000 + " reportsx",
    "\u201cNo,\u201d said Finance " + "ranking " * 3000 + "Democrat Tom Berg.",
])
def test_inverted_roles_and_reports_on_pathological_input(text):
    check_offsets(text, segment(text, attribution=None))


# (33) Opening subordinate clauses and possessors before a name (session 23, hC, fold 5): "Not
# long after" / "Two days before" open a subordinate clause as "Shortly after" does, so that the
# main clause's cue is read first (regression: the subordinate clause's subject spoke); a
# possessor before a name is no part of the canonical name (regression: "NBC's Tom Berg").
@pytest.mark.parametrize("text, expected", [
    pytest.param("Not long after Ruiz tweeted the quote, Tom Berg asked the mayor about the toll.",
                 [("Tom Berg", "Tom Berg")], id="not-long-after"),
    pytest.param("Two days before Ruiz spoke, Tom Berg said the toll was high.",
                 [("Tom Berg", "Tom Berg")], id="two-days-before"),
    pytest.param("Not long after Ruiz said the toll was high, he resigned.",
                 [("Ruiz", "he")], id="main-clause-narrates"),
    pytest.param("Harbour TV\u2019s Tom Berg asked the mayor about the toll.",
                 [("Tom Berg", "Harbour TV\u2019s Tom Berg")], id="possessor-before-name"),
    pytest.param("\u201cThe toll is high,\u201d said DTV's Tom Berg.",
                 [("Tom Berg", "DTV's Tom Berg")], id="acronym-possessor-inverted"),
])
def test_lead_words_and_possessors_before_names(text, expected):
    assert _rules_speakers(text) == expected


@pytest.mark.parametrize("text", [
    "Not long after " + "Ruiz " * 3000 + "spoke, Tom Berg said it.",
    "DTV's " * 3000 + "Tom Berg said it.",
])
def test_lead_words_and_possessors_on_pathological_input(text):
    check_offsets(text, segment(text, attribution=None))


# (34) Subjects on fold 5 (session 23, hC): a focusing "Even", "Only", "Perhaps" or "Maybe" before
# the subject's determiner (regression: "Even the organizer of the rally said" had no speaker, the
# capitalised adverb read as a name); a described subject with a "who" clause between commas
# (regression: no speaker, only a participle's phrase was skipped); a name in apposition followed
# by "of" a body "in" a place (regression: no speaker, then a mention cut at the body).
@pytest.mark.parametrize("text, expected", [
    pytest.param("Even the organizer of the harbour rally said the rules were unfair.",
                 [("organizer", "the organizer of the harbour rally")], id="even-before-described-subject"),
    pytest.param("Even Tom Berg said the rules were unfair.", [("Tom Berg", "Tom Berg")], id="even-before-name"),
    pytest.param("Even so, the ferry ran late.", [], id="even-so-narrates"),
    pytest.param("Only 12 percent of the dockers said the rules were unfair.",
                 [("dockers", "Only 12 percent of the dockers")], id="only-share-as-before"),
    pytest.param("A harbour employee, who asked not to be named, said the pier was closed.",
                 [("employee", "A harbour employee, who asked not to be named")], id="described-who-clause"),
    pytest.param("A ferry hand, who like the rest of the crew wanted no name printed over the quarrel, "
                 "said the vote was close.",
                 [("hand", "A ferry hand, who like the rest of the crew wanted no name printed over the "
                           "quarrel")], id="described-long-who-clause"),
    pytest.param("One pastor, Tom Berg of Grace Church in Dalby, said he had made many calls.",
                 [("Tom Berg", "Tom Berg of Grace Church in Dalby")], id="apposed-name-body-place"),
    pytest.param("Another pollster, Ola Vinter of the University of Lima, said the poll was wrong.",
                 [("Ola Vinter", "Ola Vinter of the University of Lima")], id="apposed-name-body-of-place"),
    pytest.param("Tom Berg of Grace Church in Dalby said he had made many calls.",
                 [("Tom Berg", "Tom Berg of Grace Church in Dalby")], id="name-body-place-subject"),
])
def test_focusing_openers_who_clauses_and_bodies_in_places(text, expected):
    assert _rules_speakers(text) == expected


@pytest.mark.parametrize("text", [
    "Even " * 3000 + "the mayor said it.",
    "A clerk, who " + "ran " * 3000 + "late, said it.",
    "One pastor, Tom Berg of Grace" + " Church in Dalby" * 2000 + ", said it.",
    "Tom Berg of" + " the Grace in Dalby" * 2000 + " said it.",
])
def test_focusing_openers_and_bodies_on_pathological_input(text):
    check_offsets(text, segment(text, attribution=None))


# (35) "according to" a described person with an anonymous source's phrase or a relative clause
# (session 23, hC, fold 5): "according to a shipping executive familiar with the sale" names the executive
# (regression: no speaker, "a shipping executive familiar" was read as one phrase).
@pytest.mark.parametrize("text, expected", [
    pytest.param("The ferry line sold its oldest boat, according to a shipping executive familiar with the sale.",
                 [("shipping executive", "a shipping executive familiar with the sale")], id="according-familiar"),
    pytest.param("The ferry line sold its oldest boat, according to an executive close to the owners.",
                 [("executive", "an executive close to the owners")], id="according-close-to"),
    pytest.param("The ferry line sold its oldest boat, according to a person familiar with the sale.",
                 [("person familiar with the sale", "a person familiar with the sale")], id="according-anonymous-as-before"),
])
def test_according_to_a_described_person_with_a_phrase(text, expected):
    assert _rules_speakers(text) == expected


def test_according_to_a_described_person_on_pathological_input():
    text = "The press dropped it, according to a " + "senior " * 3000 + "executive familiar with it."
    check_offsets(text, segment(text, attribution=None))


# (36) Tags, sources and signatures on fold 5 (session 23, hC): a tag sentence of its own after a
# question may hold the object of "told" / "asked" before its tail ('"Who knows?" Berg told
# Harbour TV in an interview.'; regression: the question had no speaker); "this source" closes a
# quotation ('"...," this source told the Gazette.'; regression: no speaker); a dash signature
# under a quotation may end with a comma and a place or a phrase ('-Tom Berg, Dalby.';
# regression: only a bare name was read); a boy, a girl, a child or a teenager may speak
# (attribution_person_nouns.txt; regression: "a young boy shouted" had no speaker).
@pytest.mark.parametrize("text, expected", [
    pytest.param('Mayor Ana Ruiz met Tom Berg. "Who knows?" Berg told Harbour TV in an interview.',
                 [("Tom Berg", "Berg"), ("Tom Berg", "Berg")], id="question-then-told-object-tail"),
    pytest.param('Mayor Ana Ruiz met Tom Berg. "Who knows?" Berg told Dalby\u2019s harbour radio station during a call.',
                 [("Tom Berg", "Berg"), ("Tom Berg", "Berg")], id="question-then-told-possessive-object"),
    pytest.param('Mayor Ana Ruiz met Tom Berg. "Who knows?" Berg asked reporters on Monday.',
                 [("Tom Berg", "Berg"), ("Tom Berg", "Berg")], id="question-then-asked-reporters"),
    pytest.param('Mayor Ana Ruiz met Tom Berg. "Who knows?" Berg told Ruiz the fee was high.',
                 [("Tom Berg", "Berg")], id="told-a-clause-is-no-tag"),
    pytest.param('The Gazette spoke to a harbour insider. "The crews do not like him," this source told the Gazette.',
                 [("source", "this source")], id="this-source-told"),
    pytest.param('The crews met. "The crews do not like him," this plan said.', [], id="this-plan-is-no-source"),
    pytest.param('Notes from the pier.\n\n"Great speech. She is ready."\n\n-Mayor Ana Ruiz, writing after the council vote.',
                 [("Ana Ruiz", "Mayor Ana Ruiz")] * 3, id="dash-signature-with-phrase"),
    pytest.param('Notes from the pier.\n\n"The toll must go, and it must go now."\n\n-Tom Berg, Dalby.',
                 [("Tom Berg", "Tom Berg")] * 2, id="dash-signature-with-place"),
    pytest.param('Notes from the pier.\n\nThe toll must go.\n\n-Tom Berg, Dalby.', [], id="dash-signature-needs-a-quotation"),
    pytest.param('The pier was loud when a young boy shouted, "Here they come!"',
                 [("young boy", "a young boy")], id="young-boy-shouted"),
])
def test_tags_sources_and_signatures(text, expected):
    assert _rules_speakers(text) == expected


@pytest.mark.parametrize("text", [
    'Tom Berg spoke. "Who?" Berg told ' + "Harbour " * 3000 + "in it.",
    'Tom Berg spoke. "Who?" Berg told Harbour ' + "radio " * 3000 + "in it.",
    '"It is late."\n\n-Tom Berg, ' + "x" * 5000,
    '"It is late."\n\n-Tom Berg' + ", Dalby" * 3000,
    '"It is late," this ' * 2000 + "source said.",
])
def test_tags_sources_and_signatures_on_pathological_input(text):
    check_offsets(text, segment(text, attribution=None))


# (37) A body's name with an "of" complement, then a past verb and its object (session 23, the lead):
# "The Ministry of Justice issued a statement saying ..." gave the mention "The Ministry of Justice
# issued a statement saying the verdict" (regression: the complement of a head noun ran on to the
# next finite verb in its list, over "issued a statement"). A past form before a determiner ends it.
@pytest.mark.parametrize("text, expected", [
    pytest.param("The Ministry of Justice issued a statement saying the verdict was fair.",
                 [("Ministry of Justice", "The Ministry of Justice")], id="issued-a-statement-saying"),
    pytest.param("The Harbour Board of Dalby released a note calling the fee unfair.",
                 [("Harbour Board", "The Harbour Board of Dalby")], id="released-a-note-calling"),
    pytest.param("The Union of Pilots of Dalby sent the council a letter saying the fee was unfair.",
                 [("Union of Pilots", "The Union of Pilots of Dalby")], id="irregular-past-sent"),
    pytest.param("Supporters of the ferry bill said it would pass.",
                 [("Supporters", "Supporters of the ferry bill")], id="complement-before-said-unchanged"),
])
def test_complement_ends_before_a_past_verb_and_its_object(text, expected):
    assert _rules_speakers(text) == expected


@pytest.mark.parametrize("text", [
    "The Ministry of " + "Justice " * 5000 + "issued a note saying it.",
    "The Ministry of Justice issued" + " the" * 5000 + " note saying it.",
    "The Ministry of" + " issued a" * 3000 + " statement saying it.",
])
def test_complement_ends_before_a_past_verb_on_pathological_input(text):
    check_offsets(text, segment(text, attribution=None))


# (38) A copula and a reaction adjective after a subject that names no side (session 23, the lead):
# "Others were less charitable." is the author's linking line (guide case 35), not a statement of
# "Others" (regression: actor "Others"); a named side keeps its statement. "charitable" joins
# data/reaction_adjectives.txt ("careful" was tried and dropped: "has been careful not to take sides"
# describes conduct, and three fixtures/train statements went wrong).
_PILOTS = ("pilots", "The pilots")  # "praised the plan": the first statement is theirs


@pytest.mark.parametrize("text, expected", [
    pytest.param("The pilots praised the plan. Others were less sure.", [_PILOTS], id="others-unnamed"),
    pytest.param("The pilots praised the plan. Some were more cautious.", [_PILOTS], id="some-unnamed"),
    pytest.param("The pilots praised the plan. Human rights groups were less charitable.",
                 [_PILOTS, ("Human rights groups", "Human rights groups")], id="named-side-charitable"),
    pytest.param("The pilots praised the plan. Dockers were more cautious.",
                 [_PILOTS, ("Dockers", "Dockers")], id="named-side-cautious"),
])
def test_unnamed_side_with_a_reaction_adjective_is_the_authors(text, expected):
    assert _rules_speakers(text) == expected


# (39) "According to" a title of a body, then the name in apposition (session 23, the lead; issue #13's
# "According to X's spokesman, Y, ..." shape): "According to a spokesman for the Harbour Board, Ana
# Ruiz, the pier ..." gave the actor "spokesman for the Harbour Board" (regression: the word before the
# comma had to be lowercase). A lowercase title with "for", "of", "at" or "to" before the body now lets
# the name in apposition speak; a body or place after the comma is no apposed name.
@pytest.mark.parametrize("text, expected", [
    pytest.param("According to a spokesman for the Dalby Harbour Board, Ana Ruiz, the pier will close in May.",
                 [("Ana Ruiz", "a spokesman for the Dalby Harbour Board, Ana Ruiz")], id="spokesman-for-body-name"),
    pytest.param("According to the head of the Harbour Board, Tom Berg, the pier will close in May.",
                 [("Tom Berg", "the head of the Harbour Board, Tom Berg")], id="head-of-body-name"),
    pytest.param("According to a spokesman for the Harbour Board, Dalby Council has agreed to wait.",
                 [("Harbour Board", "a spokesman for the Harbour Board")], id="body-after-the-comma-is-no-name"),
    pytest.param("According to the head of the Harbour Board, the pier will close in May.",
                 [("Harbour Board", "the head of the Harbour Board")], id="no-apposition"),
])
def test_according_to_a_title_of_a_body_then_the_name(text, expected):
    assert _rules_speakers(text) == expected


# (40) Fold 2 (session 24, hF): "yell" and "shout" join data/speech_verbs.txt ("The fee, Ana Ruiz
# yells, is too high." had no speaker: the rules read only "yelled" / "shouted" in tags); "X and
# others" is one subject (regression: "Ana Ruiz and others said" had no speaker: "others" is no
# head noun), also before a restrictive "who" clause, where a wish before an infinitive ("who want
# to close the pier") is no saying of the clause's own (regression: no speaker).
@pytest.mark.parametrize("text, expected", [
    pytest.param("The fee, Ana Ruiz yells, is too high.", [("Ana Ruiz", "Ana Ruiz")], id="yells-inside"),
    pytest.param("Ana Ruiz yells at the board that the fee is too high.", [("Ana Ruiz", "Ana Ruiz")],
                 id="yells-at-that"),
    pytest.param("Tom Berg shouts at the board that the fee is too high.", [("Tom Berg", "Tom Berg")],
                 id="shouts-at-that"),
    pytest.param("Ana Ruiz and others said the vote will be close.",
                 [("Ana Ruiz and others", "Ana Ruiz and others")], id="name-and-others"),
    pytest.param("The pilots and others said the vote will be close.",
                 [("pilots and others", "The pilots and others")], id="group-and-others"),
    pytest.param("Ana Ruiz and others who want to close the pier said the vote will be close.",
                 [("Ana Ruiz and others", "Ana Ruiz and others who want to close the pier")],
                 id="and-others-who-want-to"),
    pytest.param("Residents and others who attended the meeting said the vote will be close.",
                 [("Residents and others", "Residents and others who attended the meeting")],
                 id="residents-and-others-who"),
    pytest.param("The fees and others said nothing.", [], id="fees-and-others-no-speaker"),
    pytest.param("The pilot who told the board the fee was high said nothing else.",
                 [("who", "The pilot who")], id="relative-saying-unchanged"),
])
def test_yell_shout_and_others(text, expected):
    assert _rules_speakers(text) == expected


@pytest.mark.parametrize("text", [
    "Ana Ruiz" + " and others" * 3000 + " said it.",
    "Ana Ruiz and others who want to" + " want to" * 3000 + " close it said so.",
    "Residents and others who" + " want to close" * 3000 + " said so.",
])
def test_yell_shout_and_others_on_pathological_input(text):
    check_offsets(text, segment(text, attribution=None))


# (41) A group before "in each / every" and a title's word (session 24, hF, fold 2): "Almost half
# of voters in each state say ..." spoke as "state" ("state" is a title's word, as in "secretary
# of state", so the walk back from the verb stopped on it); the group before the preposition speaks.
@pytest.mark.parametrize("text, expected", [
    pytest.param("Almost half of voters in each state say both ferry fares are too high.",
                 [("voters", "voters in each state")], id="half-of-voters-in-each-state"),
    pytest.param("The fees in each state say little.", [], id="fees-in-each-state-no-speaker"),
    pytest.param("Most voters in every state say the fare is too high.",
                 [("voters", "Most voters in every state")], id="most-voters-every-state-unchanged"),
    pytest.param("Almost half of voters in each town say both ferry fares are too high.",
                 [("Almost half of voters", "Almost half of voters in each town")], id="each-town-unchanged"),
])
def test_group_before_in_each_title_word(text, expected):
    assert _rules_speakers(text) == expected


@pytest.mark.parametrize("text", [
    "Voters" + " in each state" * 3000 + " say it.",
    "Almost half of voters in each" + " each" * 5000 + " state say it.",
])
def test_group_before_in_each_title_word_on_pathological_input(text):
    check_offsets(text, segment(text, attribution=None))


# (42) Papers' names (session 24, hF, fold 2): a capitalised "Today" after a capitalised word ends a
# paper's name ("Dalby Today reported ..." spoke as "Dalby": "today" was skipped as an adverb between
# the subject and its verb); a closing "reports" tag may open with a nationality and a lowercase
# noun of a news outlet, and a name may hold a particle ('..., Portuguese daily Correio da Tarde
# reports.' had no speaker).
@pytest.mark.parametrize("text, expected", [
    pytest.param("Dalby Today reported last month that the pier had closed.", [("Dalby Today", "Dalby Today")],
                 id="dalby-today"),
    pytest.param("DALBY TODAY reported last month that the pier had closed.", [("DALBY TODAY", "DALBY TODAY")],
                 id="dalby-today-capitals"),
    pytest.param("Ana Ruiz today said the pier had closed.", [("Ana Ruiz", "Ana Ruiz")], id="lowercase-today-unchanged"),
    pytest.param("The ferry had been late, Norwegian newspaper Dalby Posten reports.",
                 [("Dalby Posten", "Norwegian newspaper Dalby Posten")], id="nationality-newspaper-reports"),
    pytest.param("The ferry had been late, Portuguese daily Correio da Tarde reports.",
                 [("Correio da Tarde", "Portuguese daily Correio da Tarde")], id="daily-with-particle-reports"),
    pytest.param("The ferry had been late, the Dalby Courier reports.", [("Dalby Courier", "the Dalby Courier")],
                 id="the-paper-reports-unchanged"),
])
def test_papers_names(text, expected):
    assert _rules_speakers(text) == expected


@pytest.mark.parametrize("text", [
    "Dalby" + " Today" * 5000 + " reported it.",
    "It was late, Norwegian newspaper" + " Dalby" * 3000 + " reports.",
    "It was late, Portuguese daily Correio" + " da Tarde" * 3000 + " reports.",
])
def test_papers_names_on_pathological_input(text):
    check_offsets(text, segment(text, attribution=None))


# (43) Appositions of a named subject (session 24, hF, fold 2): a name in apposition after a
# description that is itself an apposition of the sentence's first name names the description's
# body ("Ana Lund, the editor of the port's paper, L'Ancre Bleue, said" spoke as "L'Ancre Bleue");
# a "like" aside may hold its body's own relative clause ("The Gazette, like the Dalby Courier,
# which was the first paper to do so, declared" spoke as "Dalby Courier").
@pytest.mark.parametrize("text, expected", [
    pytest.param("Ana Lund, the editor of the port's paper, L'Ancre Bleue, said every mayor was political.",
                 [("Ana Lund", "Ana Lund, the editor of the port's paper, L'Ancre Bleue")], id="editor-of-paper-name"),
    pytest.param("In Dalby, the head of the union, Ana Ruiz, said the fee was high.", [("Ana Ruiz", "Ana Ruiz")],
                 id="place-opener-then-name-unchanged"),
    pytest.param("The mayor's aide, Ana Ruiz, said the fee was high.", [("Ana Ruiz", "Ana Ruiz")],
                 id="aide-name-unchanged"),
    pytest.param("The Gazette, like the Dalby Courier, which was the first paper to do so, declared that the pier "
                 "was closed.", [("Gazette", "The Gazette")], id="like-aside-with-which"),
    pytest.param("Tom Berg, the owner of the Gull, which sank in May, said the pier was unsafe.",
                 [("Tom Berg", "Tom Berg, the owner of the Gull, which sank in May")], id="which-in-apposition-unchanged"),
])
def test_appositions_of_a_named_subject(text, expected):
    assert _rules_speakers(text) == expected


@pytest.mark.parametrize("text", [
    "Ana Lund, the editor of the" + " port's" * 3000 + " paper, L'Ancre Bleue, said it.",
    "Ana Lund" + ", the editor of the paper" * 2000 + ", L'Ancre Bleue, said it.",
    "The Gazette, like the Courier" + ", which was first" * 2000 + ", declared it.",
])
def test_appositions_of_a_named_subject_on_pathological_input(text):
    check_offsets(text, segment(text, attribution=None))


# (44) Word lists, each word measured alone on the five fold models (session 24, hF, fold 2):
# groups.txt detractors ("Her detractors say ..." had no speaker); speech_verbs.txt trash ("Ana Ruiz
# trashes the plan" had no speaker); titles.txt founder ("The founder of the rowing club said" had
# no speaker, "Harbour Watch founder Ana Ruiz" gave the mention "Ana Ruiz"). "figures" (fold 2 +2) was dropped: "the council cited new
# figures and said ..." spoke as "council cited new figures" (a golden row of tests/test_segment.py).
@pytest.mark.parametrize("text, expected", [
    pytest.param("Her detractors say the fee is too high.", [("detractors", "detractors")], id="detractors"),
    pytest.param("Ana Ruiz trashes the plan in a new letter.", [("Ana Ruiz", "Ana Ruiz")], id="trashes"),
    pytest.param("Figures released on Sunday show the fee rose.", [], id="figures-as-numbers-unchanged"),
    pytest.param("The founder of the rowing club said the fee was too high.",
                 [("founder", "The founder of the rowing club")], id="founder-of"),
    pytest.param("Harbour Watch founder Ana Ruiz said the fee was too high.",
                 [("Ana Ruiz", "Harbour Watch founder Ana Ruiz")], id="body-founder-name"),
])
def test_session_24_word_lists(text, expected):
    assert _rules_speakers(text) == expected


# (45) A sentence-final "according to" with a long phrase (session 24, hF, fold 2): after a comma,
# or after "That's" / "That is", an "according to" phrase that runs to the sentence's end is the
# source whole, up to 30 words (regression: its first 14 words were read, "... conducted by Harbour
# Research for the Dalby Courier and" named no one, or the mention ended on "by").
@pytest.mark.parametrize("text, expected", [
    pytest.param("The pier will close next year, according to early results of a survey conducted by Harbour Research "
                 "for the Dalby Courier and Harbour Radio.",
                 [("early results of a survey conducted by Harbour Research for the Dalby Courier and Harbour Radio",
                   "early results of a survey conducted by Harbour Research for the Dalby Courier and Harbour Radio")],
                 id="closing-according-long"),
    pytest.param("That is according to early results of surveys conducted for the Dalby Courier and two radio stations "
                 "by Harbour Research.",
                 [("Harbour Research", "early results of surveys conducted for the Dalby Courier and two radio stations "
                   "by Harbour Research")], id="that-is-according-long"),
    pytest.param("According to early results of a survey conducted by Harbour Research for the Dalby Courier and Harbour "
                 "Radio the pier will close next year and the fee will rise.", [], id="opening-according-unchanged"),
])
def test_sentence_final_according_to_a_long_phrase(text, expected):
    assert _rules_speakers(text) == expected


@pytest.mark.parametrize("text", [
    "The pier will close, according to" + " results" * 5000 + ".",
    "That" * 3000 + " is according to the survey by Harbour Research.",
    "That is according to" + " the survey of the port" * 2000 + ".",
])
def test_sentence_final_according_to_on_pathological_input(text):
    check_offsets(text, segment(text, attribution=None))


# (46) A closing "posted on" tag (session 24, hF, fold 2): "..., the church posted on Facebook."
# had no speaker ("posted" is no speech verb in the lists: as a list word it cost false
# attributions and 22 fixtures/train statements); only this shape reads it, a lowercase noun after
# "the" or a possessive naming the speaker when no list knows it. Not a passive, not an opening
# "The club posted on Facebook that ..." (the shape is a closing tag only).
@pytest.mark.parametrize("text, expected", [
    pytest.param("Tom Lund was returning home to Dalby after a month-long stay in Brill, the church posted on Facebook.",
                 [("church", "the church")], id="the-church-posted-on"),
    pytest.param("Tom Lund was returning home to Dalby, his sister posted on Twitter on Friday.",
                 [("sister", "his sister")], id="his-sister-posted-on-a-day"),
    pytest.param("Tom Lund was returning home to Dalby, Ana Ruiz posted to Facebook.", [("Ana Ruiz", "Ana Ruiz")],
                 id="name-posted-to"),
    pytest.param("Tom Lund was home, the video was posted on Harbour TV.", [], id="passive-posted-no-speaker"),
    pytest.param("Tom Lund was home, and a photo of the pier was posted on Facebook.", [], id="long-passive-no-speaker"),
])
def test_closing_posted_on_tag(text, expected):
    assert _rules_speakers(text) == expected


@pytest.mark.parametrize("text", [
    "It was late," + " the church" * 3000 + " posted on Facebook.",
    "It was late, the church posted on" + " Facebook" * 3000 + ".",
    ", the church" * 2000 + " posted on it.",
])
def test_closing_posted_on_tag_on_pathological_input(text):
    check_offsets(text, segment(text, attribution=None))
