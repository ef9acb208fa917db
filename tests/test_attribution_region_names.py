"""Issue #13, fifteenth round (session 20): speakers' names in the shipped targets' news.

A golden table of the name shapes of 2009-2010 wire and analysis on the OSCE, Russia, Kazakhstan,
Central Asia and the Caucasus (docs/history/attribution.md, "Fifteenth round (session 20): names in the
targets' news"): long official titles before a name, names in several parts or with particles,
diacritics, later short references, spokesmen, offices and missions, sources in parentheses and
relative clauses, titles in apposition after the name and quotes closed by "said X, the ...".
Real public figures of the time with sayings written fresh for these tests (invented, not
quoted); lesser people are invented. The rules alone (``attribution=None``); the statement
checked is the last one of the snippet. SPEC section 4: the actor is the canonical name (the
fullest the article gives, without titles), ``actor_mention`` the words that name the source.
"""

from __future__ import annotations

import pytest

from .conftest import check_offsets_rules_and_model, checked_segment

Q = "\u201c"
E = "\u201d"

# Strict xfails: shapes found and not fixed this round (docs/history/attribution.md, "Fifteenth round
# (session 20): names in the targets' news", "Left").
_MENTION_BEFORE = pytest.mark.xfail(strict=True, reason="a description before the name and closed by a comma "
                                    "('The head of X, Name, said') is left out of the mention; the actor is right")
# (a title the article never gave the person, "the Russian president" after a bare "Dmitry
# Medvedev", "the alliance" for NATO and "the Chairman-in-Office" for its holder: resolved by the
# gazetteers office_holders.tsv and body_descriptions.tsv, session 20, hN2; their limits are in
# tests/test_attribution_gazetteer.py; "the chair" after a chairmanship only narrated: the
# capitalised words before a lowercase "chairmanship", _Doc.chairmanship_before)

ROWS = [
    # --- long official titles before the name
    pytest.param("Kazakh State Secretary and Foreign Minister Kanat Saudabayev said the chairmanship would put "
                 "Afghanistan high on its agenda.", "Kanat Saudabayev",
                 "Kazakh State Secretary and Foreign Minister Kanat Saudabayev", "indirect", id="title-state-secretary"),
    pytest.param("OSCE Secretary General Marc Perrin de Brichambaut told reporters the organisation needed a "
                 "clearer budget.", "Marc Perrin de Brichambaut", "OSCE Secretary General Marc Perrin de Brichambaut",
                 "indirect", id="title-secretary-general-particle"),
    pytest.param("The head of the OSCE's Office for Democratic Institutions and Human Rights, Janez Lenarcic, said "
                 "the vote count had lacked transparency.", "Janez Lenarcic",
                 "The head of the OSCE's Office for Democratic Institutions and Human Rights, Janez Lenarcic",
                 "indirect", id="title-head-of-office-comma", marks=_MENTION_BEFORE),
    pytest.param("Russian Deputy Foreign Minister Alexander Grushko argued that the existing institutions had "
                 "failed to prevent the August war.", "Alexander Grushko",
                 "Russian Deputy Foreign Minister Alexander Grushko", "indirect", id="title-deputy-fm"),
    pytest.param("Kazakh President Nursultan Nazarbayev said a summit in Astana would crown the year.",
                 "Nursultan Nazarbayev", "Kazakh President Nursultan Nazarbayev", "indirect", id="title-president"),
    pytest.param("US Assistant Secretary of State Robert Blake said Washington welcomed the chairmanship's "
                 "focus on Afghanistan.", "Robert Blake", "US Assistant Secretary of State Robert Blake", "indirect",
                 id="title-assistant-secretary-of-state"),
    pytest.param("EU High Representative for Foreign Affairs Catherine Ashton said the union would study the "
                 "Russian draft.", "Catherine Ashton", "EU High Representative for Foreign Affairs Catherine Ashton",
                 "indirect", id="title-high-representative"),
    pytest.param("NATO Secretary General Anders Fogh Rasmussen said the alliance saw no need for new treaties.",
                 "Anders Fogh Rasmussen", "NATO Secretary General Anders Fogh Rasmussen", "indirect",
                 id="title-nato-three-part-name"),
    pytest.param("The OSCE Representative on Freedom of the Media, Miklos Haraszti, warned that new internet rules "
                 "would chill reporting.", "Miklos Haraszti",
                 "The OSCE Representative on Freedom of the Media, Miklos Haraszti", "indirect",
                 id="title-rfom-comma", marks=_MENTION_BEFORE),
    pytest.param("Kyrgyz interim government leader Roza Otunbayeva said elections would be held in October.",
                 "Roza Otunbayeva", "Kyrgyz interim government leader Roza Otunbayeva", "indirect",
                 id="title-interim-leader"),
    pytest.param("The Chairman of the Kazakh Senate, Kassym-Jomart Tokayev, said the treaty deserved a hearing.",
                 "Kassym-Jomart Tokayev", "The Chairman of the Kazakh Senate, Kassym-Jomart Tokayev", "indirect",
                 id="title-chairman-of-senate-hyphen", marks=_MENTION_BEFORE),
    pytest.param("Former Finnish President Martti Ahtisaari said the Caucasus needed patient mediation.",
                 "Martti Ahtisaari", "Former Finnish President Martti Ahtisaari", "indirect", id="title-former-president"),
    pytest.param("Russian Permanent Representative to NATO Dmitry Rogozin said the alliance ignored Moscow's "
                 "concerns.", "Dmitry Rogozin", "Russian Permanent Representative to NATO Dmitry Rogozin", "indirect",
                 id="title-permanent-representative"),
    pytest.param("French Foreign Minister Bernard Kouchner said Paris was ready to discuss the proposal.",
                 "Bernard Kouchner", "French Foreign Minister Bernard Kouchner", "indirect", id="title-french-fm"),
    pytest.param("Georgian President Mikheil Saakashvili accused Moscow of using the talks as a screen.",
                 "Mikheil Saakashvili", "Georgian President Mikheil Saakashvili", "indirect", id="title-georgian-president"),
    # --- names in several parts, with particles, hyphens, patronymics
    pytest.param("Dmitry Anatolyevich Medvedev said the draft was open to every state from Vancouver to "
                 "Vladivostok.", "Dmitry Anatolyevich Medvedev", "Dmitry Anatolyevich Medvedev", "indirect",
                 id="patronymic"),
    pytest.param("Marc Perrin de Brichambaut said the secretariat would need more staff in Astana.",
                 "Marc Perrin de Brichambaut", "Marc Perrin de Brichambaut", "indirect", id="particle-de"),
    pytest.param("Dutch diplomat Max van der Stoel once argued that minority rights were a matter of security.",
                 "Max van der Stoel", "Dutch diplomat Max van der Stoel", "indirect", id="particle-van-der"),
    pytest.param("German analyst Karl von Lindenau said Berlin would wait for the Corfu process.",
                 "Karl von Lindenau", "German analyst Karl von Lindenau", "indirect", id="particle-von"),
    pytest.param("Saudi commentator Khalid al-Rashed said the Gulf states followed the debate closely.",
                 "Khalid al-Rashed", "Saudi commentator Khalid al-Rashed", "indirect", id="particle-al"),
    pytest.param("Kassym-Jomart Tokayev said the senate would ratify the protocol in spring.",
                 "Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev", "indirect", id="hyphen-given-name"),
    pytest.param("Elena Petrova-Ward, a lecturer in Almaty, said the chair would test Astana's patience.",
                 "Elena Petrova-Ward", "Elena Petrova-Ward, a lecturer in Almaty", "indirect", id="hyphen-surname"),
    pytest.param("Sergei Viktorovich Lavrov told the forum that blocs were a relic of the past.",
                 "Sergei Viktorovich Lavrov", "Sergei Viktorovich Lavrov", "indirect", id="patronymic-lavrov"),
    pytest.param("Jaap de Hoop Scheffer said the alliance remained the cornerstone of European security.",
                 "Jaap de Hoop Scheffer", "Jaap de Hoop Scheffer", "indirect", id="particle-de-hoop"),
    pytest.param("Analyst Ilkhom al-Mansur said the Uzbek side would stay away from the summit.",
                 "Ilkhom al-Mansur", "Analyst Ilkhom al-Mansur", "indirect", id="particle-al-after-title"),
    # --- diacritics
    pytest.param("Janez Lenarčič said the mission would send observers to the vote.", "Janez Lenarčič",
                 "Janez Lenarčič", "indirect", id="diacritic-lenarcic"),
    pytest.param("Slovenian Foreign Minister Samuel Žbogar said Ljubljana backed the Kazakh agenda.",
                 "Samuel Žbogar", "Slovenian Foreign Minister Samuel Žbogar", "indirect", id="diacritic-zbogar"),
    pytest.param("Ahtisaari said the region could not wait for a new treaty.", "Ahtisaari", "Ahtisaari", "indirect",
                 id="surname-alone-aa"),
    pytest.param("Bernard Kouchner described the proposal as a basis for talks.", "Bernard Kouchner",
                 "Bernard Kouchner", "indirect", id="kouchner-described"),
    pytest.param("Ambassador Gérard Stoudmann said the office had been short of money for years.",
                 "Gérard Stoudmann", "Ambassador Gérard Stoudmann", "indirect", id="diacritic-acute"),
    pytest.param("Czech envoy Tomáš Dvořák said Prague had no objection to the Astana summit.",
                 "Tomáš Dvořák", "Czech envoy Tomáš Dvořák", "indirect", id="diacritic-caron"),
    pytest.param("Turkish minister Ahmet Davutoğlu said Ankara saw merit in the Russian text.",
                 "Ahmet Davutoğlu", "Turkish minister Ahmet Davutoğlu", "indirect", id="diacritic-breve"),
    # --- later short references
    pytest.param("Foreign Minister Kanat Saudabayev arrived in Vienna on Monday. Mr. Saudabayev said the chair "
                 "would listen to every delegation.", "Kanat Saudabayev", "Mr. Saudabayev", "indirect",
                 id="later-mr"),
    pytest.param("Sergei Lavrov met his Finnish counterpart in Helsinki. Lavrov said the draft would be sent to "
                 "all capitals.", "Sergei Lavrov", "Lavrov", "indirect", id="later-surname"),
    pytest.param("Foreign Minister Kanat Saudabayev opened the meeting in Vienna. The minister said Kazakhstan "
                 "would not shy away from difficult issues.", "Kanat Saudabayev", "The minister", "indirect",
                 id="later-the-minister"),
    pytest.param("Dmitry Medvedev flew to Berlin in June 2008. The Russian president said Europe needed a binding "
                 "security pact.", "Dmitry Medvedev", "The Russian president", "indirect", id="later-russian-president"),
    pytest.param("Hillary Clinton arrived in Almaty on Tuesday. She said Washington would support the chair's "
                 "work on Afghanistan.", "Hillary Clinton", "She", "indirect", id="later-she-clinton"),
    pytest.param("Catherine Ashton met the Kazakh delegation in Brussels. She said the union had questions about "
                 "the media law.", "Catherine Ashton", "She", "indirect", id="later-she-ashton"),
    pytest.param("Roza Otunbayeva returned to Bishkek on Thursday. She told reporters that order had been "
                 "restored in the south.", "Roza Otunbayeva", "She", "indirect", id="later-she-otunbayeva"),
    pytest.param("Secretary of State Hillary Clinton met Mr. Saudabayev in Washington. Mrs. Clinton said the "
                 "summit must produce results.", "Hillary Clinton", "Mrs. Clinton", "indirect", id="later-mrs"),
    pytest.param("Kazakh President Nursultan Nazarbayev opened the forum. Nazarbayev said the year would show "
                 "what Central Asia could offer.", "Nursultan Nazarbayev", "Nazarbayev", "indirect",
                 id="later-surname-nazarbayev"),
    pytest.param("Marc Perrin de Brichambaut arrived in Astana. Mr. Perrin de Brichambaut said the secretariat "
                 "was ready.", "Marc Perrin de Brichambaut", "Mr. Perrin de Brichambaut", "indirect",
                 id="later-mr-particle"),
    pytest.param("Dmitry Medvedev visited Astana in May. The Kremlin leader said the treaty would not weaken "
                 "NATO.", "Dmitry Medvedev", "The Kremlin leader", "indirect", id="later-kremlin-leader"),
    pytest.param("Kazakh Foreign Minister Kanat Saudabayev met the Russian envoy. The Kazakh foreign minister "
                 "said the chair would give the draft a fair hearing.", "Kanat Saudabayev",
                 "The Kazakh foreign minister", "indirect", id="later-kazakh-fm"),
    # --- spokesmen
    pytest.param("Foreign Ministry spokesman Andrei Nesterenko said Moscow expected a reply by the summer.",
                 "Andrei Nesterenko", "Foreign Ministry spokesman Andrei Nesterenko", "indirect",
                 id="spokesman-title"),
    pytest.param("Russian Foreign Ministry spokesman Andrei Nesterenko told a briefing that the draft was not "
                 "aimed at anyone.", "Andrei Nesterenko", "Russian Foreign Ministry spokesman Andrei Nesterenko",
                 "indirect", id="spokesman-long-title"),
    pytest.param("Kremlin spokeswoman Natalya Timakova said the president would attend the summit.",
                 "Natalya Timakova", "Kremlin spokeswoman Natalya Timakova", "indirect", id="spokeswoman"),
    pytest.param(Q + "We see no reason to hurry," + E + " said State Department spokesman Philip Crowley.",
                 "Philip Crowley", "State Department spokesman Philip Crowley", "direct", id="spokesman-inverted"),
    pytest.param("A spokesman for the Kazakh Foreign Ministry, Yerzhan Ashikbayev, said the chair had received "
                 "the draft.", "Yerzhan Ashikbayev", "A spokesman for the Kazakh Foreign Ministry, Yerzhan Ashikbayev",
                 "indirect", id="spokesman-for-comma-name", marks=_MENTION_BEFORE),
    # --- offices and missions, seats of power
    pytest.param("The US mission to the OSCE said it would study the text carefully.", "US mission to the OSCE",
                 "The US mission to the OSCE", "indirect", id="mission-to-osce"),
    pytest.param("The Kazakh chairmanship said the informal meeting in Almaty would go ahead.",
                 "Kazakh chairmanship", "The Kazakh chairmanship", "indirect", id="chairmanship"),
    pytest.param("The Kremlin said the proposal remained on the table.", "Russia", "The Kremlin", "indirect",
                 id="kremlin"),
    pytest.param("Moscow insists that the treaty would complement, not replace, existing bodies.", "Russia",
                 "Moscow", "indirect", id="moscow"),
    pytest.param("Astana hopes the summit will adopt a declaration on Afghanistan.", "Kazakhstan", "Astana",
                 "indirect", id="astana"),
    pytest.param("Washington says it sees no need for a new legally binding treaty.", "United States", "Washington",
                 "indirect", id="washington"),
    pytest.param("The Russian Foreign Ministry said the draft had been sent to the heads of NATO and the EU.",
                 "Russian Foreign Ministry", "The Russian Foreign Ministry", "indirect", id="foreign-ministry"),
    pytest.param("The OSCE's Office for Democratic Institutions and Human Rights said the vote fell short of "
                 "commitments.", "OSCE's Office for Democratic Institutions and Human Rights",
                 "The OSCE's Office for Democratic Institutions and Human Rights", "indirect", id="odihr-long"),
    pytest.param("Tbilisi rejected the idea, saying it would freeze the occupation.", "Georgia", "Tbilisi",
                 "indirect", id="tbilisi"),
    pytest.param("The Kazakh parliament said the new law on the leader of the nation was a matter of gratitude.",
                 "Kazakh parliament", "The Kazakh parliament", "indirect", id="parliament"),
    pytest.param("Western diplomats said the chair had handled the Kyrgyz crisis with care.", "Western diplomats",
                 "Western diplomats", "indirect", id="western-diplomats"),
    pytest.param("Human Rights Watch said the chairmanship had not kept its Madrid promises.", "Human Rights Watch",
                 "Human Rights Watch", "indirect", id="hrw"),
    # --- sources in parentheses and relative clauses
    # (session 22: the mention runs over a parenthesis of up to 100 characters after the name, as it
    # runs over a relative clause between commas; it stopped at the name while the limit was 30)
    pytest.param("Kanat Saudabayev (who also serves as state secretary) said the chair would visit Bishkek.",
                 "Kanat Saudabayev", "Kanat Saudabayev (who also serves as state secretary)", "indirect",
                 id="paren-after-name"),
    pytest.param("The treaty, which Medvedev first floated in Berlin, was dismissed by NATO (the alliance said it "
                 "saw no need for it).", "NATO", "the alliance", "indirect", id="paren-alliance"),
    pytest.param("Lenarcic, whose office monitored the vote, said the count had been opaque.", "Lenarcic",
                 "Lenarcic, whose office monitored the vote", "indirect", id="relative-after-name"),
    pytest.param("Catherine Ashton, who visited Astana in April, said the union backed the chair's plans.",
                 "Catherine Ashton", "Catherine Ashton, who visited Astana in April", "indirect",
                 id="relative-who-visited"),
    pytest.param("Roza Otunbayeva, who heads the interim government, said the referendum would go ahead.",
                 "Roza Otunbayeva", "Roza Otunbayeva, who heads the interim government", "indirect",
                 id="relative-who-heads"),
    # --- titles in apposition after the name
    pytest.param("Nazarbayev, the Kazakh president, said the summit would be the first in eleven years.",
                 "Nazarbayev", "Nazarbayev, the Kazakh president", "indirect", id="apposition-president"),
    pytest.param("Sergei Lavrov, Russia's foreign minister, said the draft was open for amendment.",
                 "Sergei Lavrov", "Sergei Lavrov, Russia's foreign minister", "indirect", id="apposition-possessive"),
    pytest.param("Janez Lenarcic, the director of the OSCE's election office, said the observers had been "
                 "refused access.", "Janez Lenarcic", "Janez Lenarcic, the director of the OSCE's election office",
                 "indirect", id="apposition-director-of"),
    pytest.param("Kanat Saudabayev, Kazakhstan's foreign minister and the OSCE's chairman-in-office, said the "
                 "summit date would be set soon.", "Kanat Saudabayev",
                 "Kanat Saudabayev, Kazakhstan's foreign minister and the OSCE's chairman-in-office", "indirect",
                 id="apposition-two-offices"),
    pytest.param("Mikheil Saakashvili, the Georgian leader, warned that the treaty would reward aggression.",
                 "Mikheil Saakashvili", "Mikheil Saakashvili, the Georgian leader", "indirect",
                 id="apposition-leader-warned"),
    # --- quotes closed by "said X, the ..."
    pytest.param(Q + "The chair is a test of our maturity," + E + " said Kanat Saudabayev, the Kazakh foreign "
                 "minister.", "Kanat Saudabayev", "Kanat Saudabayev, the Kazakh foreign minister", "direct",
                 id="quote-said-name-the-fm"),
    pytest.param(Q + "We will not accept new dividing lines," + E + " said Dmitry Rogozin, Russia's envoy to NATO.",
                 "Dmitry Rogozin", "Dmitry Rogozin, Russia's envoy to NATO", "direct", id="quote-said-name-possessive"),
    pytest.param(Q + "The vote did not meet our commitments," + E + " said Janez Lenarcic, the head of the "
                 "OSCE's election office.", "Janez Lenarcic",
                 "Janez Lenarcic, the head of the OSCE's election office", "direct", id="quote-said-name-head-of"),
    pytest.param(Q + "Astana has earned its place," + E + " said Marc Perrin de Brichambaut, the OSCE secretary "
                 "general.", "Marc Perrin de Brichambaut",
                 "Marc Perrin de Brichambaut, the OSCE secretary general", "direct", id="quote-said-particle-the-sg"),
    pytest.param(Q + "There is nothing in the draft for us," + E + " said Aidar Bekov, a political scientist in "
                 "Bishkek.", "Aidar Bekov", "Aidar Bekov, a political scientist in Bishkek", "direct",
                 id="quote-said-name-a-scientist"),
    pytest.param(Q + "The summit must not be a photo opportunity," + E + " said Yevgeny Zhovtis, a Kazakh "
                 "human rights activist.", "Yevgeny Zhovtis", "Yevgeny Zhovtis, a Kazakh human rights activist",
                 "direct", id="quote-said-name-activist"),
    pytest.param(Q + "Europe does not need another treaty," + E + " said the Polish foreign minister, Radoslaw "
                 "Sikorski.", "Radoslaw Sikorski", "the Polish foreign minister, Radoslaw Sikorski", "direct",
                 id="quote-said-the-title-name"),
    pytest.param(Q + "We want a result in Astana," + E + " Mr. Saudabayev said.", "Saudabayev", "Mr. Saudabayev",
                 "direct", id="quote-mr-said"),
    pytest.param(Q + "This is a serious proposal," + E + " said Sergei Lavrov, adding that Moscow would wait for "
                 "answers.", "Sergei Lavrov", "Sergei Lavrov", "direct", id="quote-said-name-adding"),
    pytest.param(Q + "The OSCE has lost its way," + E + " said Vladimir Voronkov, Russia's deputy permanent "
                 "representative.", "Vladimir Voronkov", "Vladimir Voronkov, Russia's deputy permanent representative",
                 "direct", id="quote-said-name-deputy-rep"),
    # --- more of the period's shapes
    pytest.param("Deputy Prime Minister and Finance Minister Alexei Kudrin said the budget would hold.",
                 "Alexei Kudrin", "Deputy Prime Minister and Finance Minister Alexei Kudrin", "indirect",
                 id="two-titles-joined"),
    pytest.param("Azerbaijani President Ilham Aliyev, speaking in Baku, said the treaty deserved attention.",
                 "Ilham Aliyev", "Azerbaijani President Ilham Aliyev", "indirect", id="title-participle-aside"),
    pytest.param("Armenian President Serzh Sargsyan told the forum that Karabakh was not a subject for the treaty.",
                 "Serzh Sargsyan", "Armenian President Serzh Sargsyan", "indirect", id="title-told-that"),
    pytest.param("\u00abThe chair has done well,\u00bb said Ambassador Kairat Abdrakhmanov.", "Kairat Abdrakhmanov",
                 "Ambassador Kairat Abdrakhmanov", "direct", id="guillemets-ambassador"),
    pytest.param("Russian President Dmitry Medvedev flew to Berlin. The Russian president said Europe needed a "
                 "binding pact.", "Dmitry Medvedev", "The Russian president", "indirect", id="later-titled-president"),
    pytest.param("Kazakh Foreign Minister Kanat Saudabayev took the chair in January. The Chairman-in-Office said the "
                 "summit would focus on Afghanistan.", "Kanat Saudabayev", "The Chairman-in-Office", "indirect",
                 id="later-chairman-in-office"),
    pytest.param("The Kazakh chairmanship said it would hold an informal meeting. The chair said it would visit every "
                 "region.", "Kazakh chairmanship", "The chair", "indirect", id="later-the-chair"),
    pytest.param("The Kazakh chairmanship has published its programme. The chair said it would visit every region.",
                 "Kazakh chairmanship", "The chair", "indirect", id="later-the-chair-after-narration"),
    pytest.param("Sergei Lavrov was due in Vienna. Lavrov's spokesman said the minister would not attend.",
                 "Lavrov's spokesman", "Lavrov's spokesman", "indirect", id="possessor-spokesman"),
    pytest.param("Evgeny Zhovtis's lawyer said the trial had been unfair.", "Evgeny Zhovtis's lawyer",
                 "Evgeny Zhovtis's lawyer", "indirect", id="possessor-two-word-name"),
    pytest.param(Q + "It is a fair draft," + E + " said Sergei Lavrov's deputy, Alexander Grushko.", "Alexander Grushko",
                 "Sergei Lavrov's deputy, Alexander Grushko", "direct", id="quote-possessor-then-name"),
    pytest.param("The Foreign Ministry's spokesman said the minister would not attend.", "Foreign Ministry's spokesman",
                 "The Foreign Ministry's spokesman", "indirect", id="body-possessor-spokesman"),
    pytest.param("Special Representative of the Chairman-in-Office for Central Asia Zhanibek Karibzhanov said the "
                 "office in Bishkek would reopen.", "Zhanibek Karibzhanov",
                 "Special Representative of the Chairman-in-Office for Central Asia Zhanibek Karibzhanov", "indirect",
                 id="title-ending-in-a-region"),
    pytest.param("Ambassador-at-large Sergei Ordzhonikidze said the United Nations backed the talks.",
                 "Sergei Ordzhonikidze", "Ambassador-at-large Sergei Ordzhonikidze", "indirect", id="hyphenated-title"),
    pytest.param("The OSCE Minsk Group co-chairs said the sides were closer than a year ago.",
                 "OSCE Minsk Group co-chairs", "The OSCE Minsk Group co-chairs", "indirect", id="co-chairs"),
    pytest.param("Thomas Hammarberg said the media law was flawed. The commissioner added that it should be "
                 "amended.", "Thomas Hammarberg", "The commissioner", "indirect", id="later-the-commissioner"),
    pytest.param("Sergei Lavrov and Hillary Clinton met in Geneva. The Russian minister said the talks were useful.",
                 "Sergei Lavrov", "The Russian minister", "indirect", id="later-untitled-minister"),
    # --- according to, in X's view
    pytest.param("According to Kazakh Foreign Minister Kanat Saudabayev, the summit would meet in December.",
                 "Kanat Saudabayev", "Kazakh Foreign Minister Kanat Saudabayev", "indirect", id="according-title"),
    pytest.param("In the view of Marc Perrin de Brichambaut, the organisation is underfunded.",
                 "Marc Perrin de Brichambaut", "Marc Perrin de Brichambaut", "indirect", id="in-the-view-of-particle"),
    pytest.param("According to Nursultan Nazarbayev's press secretary, Dauren Abayev, the president would attend.",
                 "Dauren Abayev", "Nursultan Nazarbayev's press secretary, Dauren Abayev", "indirect",
                 id="according-role-then-name"),
    pytest.param("According to the US mission to the OSCE, Washington is ready to discuss the text.",
                 "US mission to the OSCE", "the US mission to the OSCE", "indirect", id="according-mission"),
]


@pytest.mark.parametrize("text, actor, mention, kind", ROWS)
def test_region_names(text, actor, mention, kind):
    last = checked_segment(text)[-1]
    assert (last.actor, last.actor_mention, last.kind) == (actor, mention, kind)


# (not in the table's count) the particle rows through "according to", "by" and an inverted tag
@pytest.mark.parametrize("text, actor", [
    ("According to Max van der Stoel, minority rights are a matter of security.", "Max van der Stoel"),
    ("The idea was criticised by Khalid al-Rashed, a Saudi commentator.", "Khalid al-Rashed"),
    (Q + "It is a start," + E + " said Max van der Stoel.", "Max van der Stoel"),
    ("In the view of Khalid al-Rashed, the Gulf is watching.", "Khalid al-Rashed"),
    (Q + "It is a start," + E + " said Lee de Vries.", "Lee de Vries"),
    ("Tom Berg said the pier was de facto closed.", "Tom Berg"),
    (Q + "It is closed," + E + " said Tom Berg de facto.", "Tom Berg"),
])
def test_particles_elsewhere(text, actor):
    assert checked_segment(text)[-1].actor == actor


# (not in the table's count) a description closed by a comma and a name after an inverted verb or
# "according to": the name is the speaker when a full stop or a comma follows it
@pytest.mark.parametrize("text, actor", [
    ("According to the minister, Tom Berg failed to pay the toll.", "minister"),
    ("According to the Velden foreign minister, Tom Berg, the toll is fair.", "Tom Berg"),
    ("Tom Asia said the toll was fair.", "Tom Asia"),
    (Q + "It is late," + E + " said the Velden foreign minister, Tom Berg.", "Tom Berg"),
    (Q + "It is late," + E + " said the Velden foreign minister, Mr. Berg.", "Berg"),
    (Q + "It is late," + E + " said the Velden foreign minister, Tom Berg, on Monday.", "Tom Berg"),
    (Q + "It is late," + E + " said Lund's senior press adviser, Tom Berg, who ran the port.", "Tom Berg"),
    (Q + "It is late," + E + " said the Velden foreign minister, Lima.", "Velden foreign minister"),
    (Q + "It is late," + E + " said the Velden foreign minister, Lima and Oslo.", "Velden foreign minister"),
    (Q + "It is late," + E + " said Tom Berg, the Velden foreign minister.", "Tom Berg"),
])
def test_description_then_name_after_inverted_verb(text, actor):
    assert checked_segment(text)[-1].actor == actor


@pytest.mark.parametrize("text", [
    "Max" + " van der" * 400 + " Stoel said it.",
    Q + "It is late," + E + " said Max" + " de" * 800 + ".",
    Q + "It is late," + E + " said the Velden minister," + " Tom" * 800 + ".",
    "State Secretary and" * 400 + " Minister Tom Berg said it.",
    "In the view of " + "al-Rashed " * 600 + "it is late.",
])
def test_name_rules_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# (not in the table's count; session 20, hN2) a body's name of words no list knows ("board" is no
# body word), its possessive then a title, with "the": the described spokesman in every position
@pytest.mark.parametrize("text, actor", [
    (Q + "The pier will close," + E + " said the Harbour Board's spokesman.", "Harbour Board's spokesman"),
    ("According to the Harbour Board's spokesman, the pier will close.", "Harbour Board's spokesman"),
    ("The Harbour Board's spokesman said the pier will close.", "Harbour Board's spokesman"),
    (Q + "The pier will close," + E + " the Velden Pilots Board’s secretary said.", "Velden Pilots Board’s secretary"),
    (Q + "The pier will close," + E + " said the Harbour Board's spokesman, Tom Berg.", "Tom Berg"),
    ("According to the Harbour Board's spokesman, Tom Berg, the pier will close.", "Tom Berg"),
    ("The Harbour Board's report said the pier will close.", None),  # a document, no person
    ("Tom Berg said the Harbour Board's spokesman would resign.", "Tom Berg"),
    pytest.param(Q + "The pier will close," + E + " said the Harbour Board's new spokesman.",
                 "Harbour Board's new spokesman", marks=pytest.mark.xfail(
                     strict=True, reason="a modifier between the possessive and the title is not read")),
])
def test_unlisted_body_possessive_before_a_title(text, actor):
    assert checked_segment(text)[-1].actor == actor


# (not in the table's count; session 20, hN2) "the chair" after a chairmanship only narrated: the
# capitalised words before a lowercase "chairmanship" (guide case 25)
@pytest.mark.parametrize("text, actor", [
    ("The Velden chairmanship has set out its plans. The chair said it would visit every port.",
     "Velden chairmanship"),
    ("Under the new Velden chairmanship, the ports were surveyed. The chair said it was pleased.",
     "Velden chairmanship"),
    ("Velden's chairmanship has set out its plans. The chair said it would visit every port.", "chair"),
    ("The chairmanship has set out its plans. The chair said it would visit every port.", "chair"),
    ("The Velden chairmanship has set out its plans. Tom Berg said the chair would visit every port.", "Tom Berg"),
])
def test_the_chair_after_a_narrated_chairmanship(text, actor):
    assert checked_segment(text)[-1].actor == actor


@pytest.mark.parametrize("token", ["A-" * 20_000, "A" * 40_000, "Ab " * 20_000, "A." * 20_000])
def test_the_chair_after_pathological_capitals(token):
    text = (token + " chairmanship. The chair said it was late. ") * 3
    got = checked_segment(text)
    assert got[-1].actor_mention == "The chair"
