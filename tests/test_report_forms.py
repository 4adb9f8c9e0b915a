"""Reporting forms of wires, state agencies and transcripts, on short invented texts
(each found failing on articles written blind to the code; see the README's figures)."""

from __future__ import annotations

import pytest

from summitlib.extract.quotes import find_quotes


def said(text: str) -> list[tuple[str, str, str]]:
    """(speaker, kind, quoted text) of every quote."""
    return [(q.speaker, q.kind, text[q.start : q.end]) for q in find_quotes(text)]


def speakers(text: str) -> list[str]:
    """The speaker of every quote, in order."""
    return [q.speaker for q in find_quotes(text)]


def test_the_byline_of_an_interview_names_the_interviewer_not_the_interviewee():
    text = (
        "Artyom Shraibman: “The programmes change less than they promise”\n\n"
        "12 March 2022 · Interview · by Olga Kovaleva\n\n"
        "The union programmes were signed last week. We asked Artyom Shraibman, a political "
        "analyst, what they actually change.\n\n"
        "— Is this a historic step?\n\n"
        "— Historic is a big word. The governments argued over every comma for years.\n\n"
        "— And what about gas?\n\n"
        "— Gas is the core of the deal, and the price stays where it was.\n"
    )
    answers = [q for q in find_quotes(text) if q.kind == "interview"]
    assert answers and {q.speaker for q in answers} == {"Artyom Shraibman"}


@pytest.mark.parametrize(
    "text",
    [
        "Lukashenko himself said in May that nobody would discuss a common currency.",
        "Lukashenko met the press in Minsk. In 2019 he was still saying that Belarus would "
        "never become part of another state.",
    ],
)
def test_a_reflexive_or_a_progressive_between_speaker_and_verb(text):
    assert speakers(text) == ["Alexander Lukashenko"]


@pytest.mark.parametrize(
    "text",
    ["Lukashenko was told that the talks had failed.", "Putin is said to have agreed to it."],
)
def test_a_passive_subject_is_no_speaker(text):
    assert said(text) == []


def test_an_omission_mark_in_a_transcript_is_no_turn():
    text = (
        "Vladimir Putin: Mr President, dear friend, I am glad to welcome you again.\n\n"
        "<…>\n\n"
        "Trade grew by a tenth last year, and the programmes are being carried out.\n\n"
        "Alexander Lukashenko: Thank you. We will prepare everything properly.\n\n"
        "[...]\n"
    )
    found = said(text)
    assert [s for s, _, _ in found] == ["Vladimir Putin", "Vladimir Putin", "Alexander Lukashenko"]
    assert not any(t.strip() in {"<…>", "[...]"} for _, _, t in found)


@pytest.mark.parametrize(
    "text",
    [
        # the subject of the previous sentence is the speaker of its reporting verb
        "MINSK, 5 May (BelTA) – The talks will go on, Belarusian President Aleksandr "
        "Lukashenko told reporters after he met Russian President Vladimir Putin in Sochi.\n\n"
        "According to the head of state, the two presidents spoke mostly about gas prices.",
        "In this context the Belarusian leader recalled that he and the Russian President had "
        "instructed the prime ministers to finish the documents. According to him, the expert "
        "groups will resume work in January.",
    ],
)
def test_according_to_a_reference_prefers_the_subject_of_the_sentence_before(text):
    assert speakers(text)[-1] == "Alexander Lukashenko"


def test_a_statement_commented_on_is_not_the_commenters():
    text = (
        "Lukashenko met reporters on Friday. He also commented on statements by some Russian "
        "officials who had suggested that Belarus should pay world prices for gas."
    )
    assert said(text) == []


@pytest.mark.parametrize(
    ("text", "speaker", "clause"),
    [
        (
            "SOCHI, Russia (Reuters) - Russian President Vladimir Putin on Monday promised "
            "Belarus a $1.5 billion loan and said Moscow would stand by its ally.",
            "Vladimir Putin",
            "Moscow would stand by its ally",
        ),
        (
            "Lukashenko, who has ruled since 1994, thanked Putin for his support and said the "
            "protests had been a lesson for him.",
            "Alexander Lukashenko",
            "the protests had been a lesson for him",
        ),
    ],
)
def test_the_subject_of_coordinated_verbs_reports_the_last_ones_clause(text, speaker, clause):
    assert said(text) == [(speaker, "indirect", clause)]


@pytest.mark.parametrize(
    "text",
    [
        "Lukashenko’s opponents say he rigged the election to win a sixth term, a charge he "
        "denies.",
        "Critics say that Lukashenko rigged the vote, an allegation which he denies.",
    ],
)
def test_a_charge_someone_denies_is_not_his_words(text):
    assert "Alexander Lukashenko" not in speakers(text)


def test_a_long_role_may_stand_between_by_the_words_of_and_the_name():
    text = (
        "By the words of the expert of the Centre of post-Soviet studies Gennady Lobov, the "
        "meeting showed that integration moves on the military track."
    )
    assert speakers(text) == ["Gennady Lobov"]


def test_a_source_released_by_a_person_is_not_his_words():
    text = "According to figures released on Monday by the office of Vladimir Putin, trade grew."
    assert said(text) == []


def test_the_leader_of_the_democratic_forces_is_tikhanovskaya():
    text = (
        "Sviatlana Tsikhanouskaya condemned the deal. “Belarusians did not give him a mandate "
        "for this,” the leader of the democratic forces wrote on Twitter."
    )
    assert speakers(text) == ["Svetlana Tikhanovskaya"]


@pytest.mark.parametrize(
    "text",
    [
        "Lukashenko complained about the so-called “tax manoeuvre” in the Russian oil industry.",
        "Lukashenko raised the so called 'tax manoeuvre' again.",
    ],
)
def test_a_so_called_term_is_never_speech(text):
    assert said(text) == []


def test_a_pronoun_after_a_quote_prefers_the_subject_of_the_sentence_before():
    text = (
        "Lukashenko thanked Putin for his support. “A friend in need is a friend indeed. We "
        "must stick closer to our elder brother,” he told the Russian leader."
    )
    assert speakers(text) == ["Alexander Lukashenko"]


def test_a_name_inside_the_clause_of_a_subject_is_no_inverted_speaker():
    text = (
        "Sviatlana Tsikhanouskaya, who left for Vilnius after the vote, said any agreement "
        "Lukashenko signed with Moscow would be revisited."
    )
    assert speakers(text) == ["Svetlana Tikhanovskaya"]


@pytest.mark.parametrize(
    "text",
    [
        # the sentence before names nobody: the one before it gives the subject
        "The president of Belarus, Alexander Lukashenko, said he had asked Vladimir Putin for "
        "the missiles. Kyiv reports this with reference to BelTA.\n\n"
        "“We will have ten of them,” the dictator said at a ceremony in Minsk.",
        "Alexander Lukashenko met Vladimir Putin. “We have agreed on gas,” the veteran autocrat "
        "told reporters.",
    ],
)
def test_what_critics_call_a_head_of_state_refers_to_him(text):
    assert speakers(text)[-1] == "Alexander Lukashenko"


def test_a_possessor_is_not_the_subject_of_the_sentence_before():
    text = (
        "Zelensky's adviser Mykhailo Podolyak wrote on X that the Kremlin was turning Belarus "
        "into a launchpad. “Lukashenko is no longer a president but a warehouse keeper,” he wrote."
    )
    assert speakers(text) == ["Mykhailo Podolyak", "Mykhailo Podolyak"]


def test_a_reported_clause_ends_where_a_colon_hands_over_to_a_quote():
    text = (
        "Lukashenko admitted that the missiles would remain under Russian control: “The "
        "launchers will be ours, but the warheads are theirs.”"
    )
    assert said(text) == [
        ("Alexander Lukashenko", "indirect", "the missiles would remain under Russian control"),
        (
            "Alexander Lukashenko",
            "direct",
            "The launchers will be ours, but the warheads are theirs.",
        ),
    ]


@pytest.mark.parametrize("cue", ["In his opinion,", "According to Lebedev,"])
def test_an_opinion_ends_where_a_colon_hands_over_to_a_quote(cue):
    text = (
        "Georgy Lebedev, a political scientist at the Higher School of Economics, was calm. "
        f"{cue} time is on Russia's side: “Every month without a deal costs Minsk money.”"
    )
    assert ("Georgy Lebedev", "indirect", "time is on Russia's side") in said(text)


def test_the_outlet_an_interviewee_talks_to_is_not_the_interviewee():
    text = (
        "Dmitry Mezentsev: “We are closer to a common market than ever”\n"
        "25.01.2024 | Soyuznoe Veche | Interview by Olga Rudenko\n\n"
        "State Secretary Dmitry Mezentsev told Soyuznoe Veche how the programmes are going.\n\n"
        "Dmitry Fyodorovich, was last year a breakthrough for integration?\n\n"
        "— No, it was not. Most of the measures have been carried out, but not all of them.\n\n"
        "What remains unfinished?\n\n"
        "— Above all, energy. The gas market treaty should have been signed by now.\n"
    )
    title = text.splitlines()[0]
    answers = [q for q in find_quotes(text, title=title) if q.kind == "interview"]
    assert len(answers) >= 2 and {q.speaker for q in answers} == {"Dmitry Mezentsev"}


def test_a_registry_description_goes_to_whom_the_text_gave_that_title():
    text = (
        "Belarusian Foreign Minister Maxim Ryzhenkov said that Minsk sought no confrontation. "
        "The build-up had left Belarus no other choice, the Belarusian foreign minister told "
        "reporters."
    )
    assert speakers(text) == ["Maxim Ryzhenkov", "Maxim Ryzhenkov"]


def test_a_clause_before_a_cue_with_a_participle_after_it():
    text = (
        "Maria Zakharova spoke on Monday. Moscow had repeatedly warned NATO about its policy, "
        "she said, adding that Russia's doctrine was unchanged."
    )
    assert said(text) == [
        ("Maria Zakharova", "indirect", "Moscow had repeatedly warned NATO about its policy"),
        ("Maria Zakharova", "indirect", "Russia's doctrine was unchanged"),
    ]


def test_a_quote_with_its_own_unnamed_speaker_is_not_the_last_persons():
    text = (
        "Maria Zakharova said the West should think again. “We have not seen any changes in "
        "Russia's nuclear posture,” a NATO official said, speaking on condition of anonymity."
    )
    assert [s for s, kind, _ in said(text) if kind == "direct"] == []


def test_a_quote_after_its_speakers_long_aside_carries_on():
    text = (
        "“What was signed is a list of intentions, not a merger,” said Kirill Sarkisov, a senior "
        "fellow at the Carnegie Endowment for International Peace. “The hard questions were "
        "quietly taken off the table.”"
    )
    assert speakers(text) == ["Kirill Sarkisov", "Kirill Sarkisov"]


def test_a_title_told_to_a_conference_is_no_quote():
    text = (
        "Sergei Rachkov, a senator, told the conference “Security of the Union State: Common "
        "Priorities”, held in Moscow on 15 February, that the exercise was linked to NATO's "
        "activity."
    )
    assert said(text) == [
        ("Sergei Rachkov", "indirect", "the exercise was linked to NATO's activity")
    ]


def test_a_headline_ending_in_a_question_mark_asks_nothing_in_a_transcript():
    text = (
        "The Eastern Flank, Episode 12: A border crisis made in Minsk?\n\n"
        "Transcript · November 19, 2021 · The Eastern Flank podcast\n\n"
        "In this episode, host Kate Harlow talks to the analyst Artyom Shraibman.\n\n"
        "HOST: Artyom, who is running this crisis?\n\n"
        "ARTYOM SHRAIBMAN: Lukashenko is. I don’t think there is much doubt about that.\n"
    )
    answers = [q for q in find_quotes(text) if q.kind == "interview"]
    assert [text[q.start : q.end][:13] for q in answers] == ["Lukashenko is"]


def test_a_relative_aside_naming_someone_else_stands_between_speaker_and_verb():
    text = (
        "Sviatlana Tsikhanouskaya, who left the country after challenging Lukashenko in the "
        "August 2020 election, said the deployment turned Belarus into a hostage."
    )
    assert speakers(text) == ["Svetlana Tikhanovskaya"]


def test_what_a_relative_clause_says_someone_announced_is_not_his_words():
    text = (
        "The treaty says nothing about the command of the joint group of forces that "
        "Lukashenko announced in October 2022."
    )
    assert said(text) == []


def test_people_joined_by_and_are_the_subject_of_coordinated_verbs():
    text = (
        "On Thursday, Vladimir Putin and Alexander Lukashenko met in the Kremlin and announced "
        "that the two countries had agreed on all 28 programmes."
    )
    assert speakers(text) == ["Vladimir Putin|Alexander Lukashenko"]


def test_a_clause_before_a_cue_told_to_a_named_outlet():
    text = (
        "The gas price for Belarus will remain unchanged next year, Deputy Prime Minister "
        "Viktor Karankevich told the state news agency BelTA."
    )
    assert said(text) == [
        (
            "Viktor Karankevich",
            "indirect",
            "The gas price for Belarus will remain unchanged next year",
        )
    ]


def test_a_reporting_verb_inside_the_reported_clause_cues_nothing():
    text = (
        "The state secretary of the Union State, Dmitry Mezentsev, told ONT that the "
        "harmonization of tax and customs legislation would continue in 2023 as planned."
    )
    assert said(text) == [
        (
            "Dmitry Mezentsev",
            "indirect",
            "the harmonization of tax and customs legislation would continue in 2023 as planned",
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "as X told …," set off inside the sentence: the clause after it is X's
            "At the same time, as First Deputy Prime Minister Vladimir Semashko told "
            "journalists last week, Belarus managed to keep 1.5 billion dollars of duties.",
            ("Vladimir Semashko", "Belarus managed to keep 1.5 billion dollars of duties"),
        ),
        (  # a time and an occasion after the verb, and a wire's "(Xinhua) --" dateline
            "MOSCOW, Dec. 25 (Xinhua) -- Russia and Belarus have agreed to set up a working "
            "group, Russian President Vladimir Putin said Tuesday after talks in the Kremlin.",
            ("Vladimir Putin", "Russia and Belarus have agreed to set up a working group"),
        ),
        (
            "Russian Prime Minister Dmitry Medvedev made it plain that further support would "
            "hinge on Minsk's readiness.",
            ("Dmitry Medvedev", "further support would hinge on Minsk's readiness"),
        ),
        (  # "as X put it" between subject and predicate: the that-clause is X's
            "And the result, as Biden put it, was that the NATOization of Europe took place.",
            ("Joe Biden", "the NATOization of Europe took place"),
        ),
    ],
)
def test_reported_clauses_of_wires_and_translations(text, expected):
    assert [(s, t) for s, k, t in said(text)] == [expected]


def test_a_translated_judges_after_a_quote_cues_it():
    text = (
        "«Lukashenko has sold what he had left: his capacity to say no», judges Andrei "
        "Lazoutka, political scientist in Vilnius. The judges said nothing."
    )
    assert said(text) == [
        (
            "Andrei Lazoutka",
            "direct",
            "Lukashenko has sold what he had left: his capacity to say no",
        )
    ]


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "About a third have already been implemented, according to Dmitry Mezentsev, the "
            "Union State's state secretary.",
            "About a third have already been implemented",
        ),
        (
            "Belarus needs to repay $3.6 billion this year, according to Finance Minister Yury "
            "Seliverstov, who said in July that the reserves were enough.",
            "Belarus needs to repay $3.6 billion this year",
        ),
        (  # a clause after the appositive's comma is still the one reported
            "In 2019, according to Dmitry Mezentsev, trade between the two grew by a tenth.",
            "trade between the two grew by a tenth",
        ),
    ],
)
def test_according_to_x_at_the_end_reports_the_clause_before(text, clause):
    assert [t for _, k, t in said(text) if k == "indirect"][0] == clause


def test_his_words_were_cues_the_quote_after_it():
    text = (
        "Lukashenko threatened the EU in July. His words were, “we will not restrain anyone, "
        "they are going to the warm, cosy Europe.”"
    )
    assert speakers(text) == ["Alexander Lukashenko"]


def test_what_one_spoke_about_is_no_addressee():
    text = (
        "In an exclusive interview, opposition politician Pavel Latushko spoke about the "
        "Union State."
    )
    assert said(text) == []


def test_the_possessor_of_a_verdict_speaks_the_quote_after_the_colon():
    text = (
        "Michael Roth chairs the committee. Roth's verdict was blunt: “Belarus has become a "
        "forward base of the Kremlin, and Lukashenko is merely its caretaker.”"
    )
    assert speakers(text) == ["Michael Roth"]


def test_by_saying_after_a_live_blogs_timestamp():
    text = "14:05 — Putin opened the meeting by saying that Russia regards Belarus as its ally."
    assert said(text) == [("Vladimir Putin", "indirect", "Russia regards Belarus as its ally")]


def test_a_pronoun_in_an_answer_is_not_the_one_answering():
    text = (
        'Al Jazeera: Lukashenko insists that Belarus will "never be part of Russia". Do you '
        "believe him?\n\n"
        "Latushka: I believe he does not want to lose his own power. He has said "
        '"we will not give up a single centimetre" many times.'
    )
    quotes = {text[q.start : q.end]: q.speaker for q in find_quotes(text)}
    assert quotes["we will not give up a single centimetre"] == "Alexander Lukashenko"


def test_a_role_set_off_by_commas_before_an_unknown_name():
    text = (
        '"It is one army with two flags," Lithuania\'s defence minister, Arvydas Anušauskas, '
        "told EUobserver by phone from Vilnius."
    )
    assert speakers(text) == ["Arvydas Anušauskas"]


def test_a_name_followed_by_who_is_a_person():
    text = (
        "Kaja Kallas, who moved from Tallinn to the EU's top diplomatic job, declared that "
        'Belarus had become "a Russian military district with a flag".'
    )
    assert set(speakers(text)) == {"Kaja Kallas"}


def test_the_employer_after_a_role_is_no_person():
    text = (
        '"The money buys Lukashenko time," said Yekaterina Volodko, a senior analyst at Ural '
        'Bridge Advisory in Moscow. "Every dollar from Moscow makes the road map harder to '
        'turn down."'
    )
    assert speakers(text) == ["Yekaterina Volodko", "Yekaterina Volodko"]


def test_a_month_abbreviation_does_not_end_the_sentence_of_the_subject():
    text = (
        "Lukashenko, who has faced protests since the disputed Aug. 9 election, thanked Putin "
        'for his support. "A friend in need is a friend indeed," he said.'
    )
    assert speakers(text) == ["Alexander Lukashenko"]


def test_a_cue_between_subject_and_predicate_and_before_a_new_clause():
    text = (
        "Lukashenko also drew attention to the sanctions. The West, he said, wanted to "
        "strangle both economies. The listings were coordinated with the US, he said, and "
        "more could follow."
    )
    assert said(text) == [
        (
            "Alexander Lukashenko",
            "indirect",
            "The West, he said, wanted to strangle both economies",
        ),
        ("Alexander Lukashenko", "indirect", "The listings were coordinated with the US"),
    ]


def test_a_sound_bite_under_a_line_naming_the_speaker():
    text = (
        "The ministers approved the plan.\n\n"
        "Sergei Aleinik, Minister of Foreign Affairs of Belarus:\n"
        "«For the first time we have a clear plan until 2026 with concrete deadlines.»"
    )
    assert speakers(text) == ["Sergei Aleinik"]


# --- set F and G (1999–2023 styles: Interfax, the Guardian, SB, a government transcript, RIA,
# the FT, Euroradio, Valdai, Pravda.ru, the BBC, Izvestia, the Washington Post, a press release)


def test_dash_led_questions_without_a_question_mark_and_credits_after_the_interview():
    text = (
        "Sergei Rumas: “The common market must work for every enterprise”\n\n"
        "Deputy Prime Minister Sergei Rumas answered the questions of SB.\n\n"
        "— Has the common market met the expectations of business?\n\n"
        "— The main thing has been done: all the basic agreements are in force.\n\n"
        "— Some experts say that the Union State has lost its meaning.\n\n"
        "— I cannot agree. The Union State goes further than the common market.\n\n"
        "Interviewed by Yelena KRAVETS\n\n"
        "Read also:\n"
        "Single Economic Space: the first results\n\n"
        "Reference\n\n"
        "The Union State treaty was signed on 8 December 1999. Its budget is 5 billion roubles.\n"
    )
    quotes = [q for q in find_quotes(text) if q.kind == "interview"]
    answers = [text[q.start : q.end][:20] for q in quotes if q.speaker == "Sergei Rumas"]
    assert answers[-2:] == ["The main thing has b", "I cannot agree. The "]
    assert not any(
        "treaty" in text[q.start : q.end] or "KRAVETS" in text[q.start : q.end] for q in quotes
    )


def test_a_transcript_moderator_speaks_for_themself_and_page_furniture_is_no_turn():
    text = (
        "Press conference of Sergei Rumas and Dmitry Medvedev following the talks\n\n"
        "13 December 2018, Brest\n\n"
        "MODERATOR: Good afternoon, colleagues! The floor goes to Prime Minister Sergei Rumas.\n\n"
        "S. RUMAS: We held a difficult discussion on the tax manoeuvre.\n\n"
        "D. MEDVEDEV: We discussed everything openly, as allies should.\n\n"
        "MODERATOR: Questions, please. RIA Novosti.\n\n"
        "QUESTION (RIA Novosti): What will the gas price for Belarus be next year?\n\n"
        "D. MEDVEDEV: The price will remain at this year's level.\n\n"
        "MODERATOR: Thank you. The press conference is over.\n\n"
        "Printable version\n"
        "© Government of the Republic of Belarus, 2018\n"
    )
    turns = [(q.speaker, text[q.start : q.end]) for q in find_quotes(text)]
    assert ("Moderator", "Thank you. The press conference is over.") in turns
    assert not any("Brest" in speaker for speaker, _ in turns)
    assert not any("Printable" in words or "©" in words for _, words in turns)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Political analyst Gennady Tarasov of the Moscow Centre for Eurasian Studies "
            "believes that the offer was a carefully prepared move.",
            "Gennady Tarasov",
        ),
        (
            "Alexei Kudrin, Russia’s finance minister, who chairs the fund’s council, said "
            "the money came with conditions on privatisation.",
            "Alexei Kudrin",
        ),
        (
            "Russian Air Force commander Viktor Bondarev later named Babruisk as the location "
            "and said the base would be operational in 2016.",
            "Viktor Bondarev",
        ),
        (
            "On Thursday, Russian President Vladimir Putin made that harder to believe, "
            "announcing that he had formed a reserve of security officers.",
            "Vladimir Putin",
        ),
    ],
)
def test_speakers_behind_affiliations_asides_roles_and_openers(text, speaker):
    assert [(s, k) for s, k, _ in said(text)] == [(speaker, "indirect")]


def test_a_second_verb_after_a_closing_mark_and_but():
    text = (
        'Putin said the episode had been "regrettable," but stressed that the move to market '
        "prices was not directed against the Belarusian people."
    )
    assert (
        "Vladimir Putin",
        "indirect",
        "the move to market prices was not directed against the Belarusian people",
    ) in said(text)


def test_quoted_words_inside_reported_speech_are_the_speakers_not_inside_a_belief():
    reported = "Putin said the money came with “strict conditions” on privatisation and policy."
    assert ("Vladimir Putin", "direct", "strict conditions") in said(reported)
    believed = "Evseev expects a «union parliament» to be back on the agenda within five years."
    assert all(kind != "direct" for _, kind, _ in said(believed))


def test_a_short_quote_nested_in_a_quote_with_the_same_marks_is_part_of_it():
    text = (
        '"Minsk promised to sell "Belshina" and never did. Moscow has lost patience," - the '
        "opposition politician Pavel Severinets said."
    )
    assert said(text) == [
        (
            "Pavel Severinets",
            "direct",
            'Minsk promised to sell "Belshina" and never did. Moscow has lost patience,',
        )
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "clause"),
    [
        (
            'The leader of the movement "Tell the Truth" Andrei Dmitriev is convinced that the '
            "treaty will never be applied.",
            "Andrei Dmitriev",
            "the treaty will never be applied",
        ),
        (
            'The head of the civil campaign "Our House" Olga Karach said that the union budget '
            "had been cut again.",
            "Olga Karach",
            "the union budget had been cut again",
        ),
    ],
)
def test_a_movement_named_in_quotes_before_a_person_is_not_his_words(text, speaker, clause):
    assert said(text) == [(speaker, "indirect", clause)]


@pytest.mark.parametrize(
    ("text", "speaker", "clause"),
    [
        (
            "Deputy Prime Minister Alexei Overchuk in conversation with RIA Novosti "
            "explained, that the tax codes will be unified by 2024.",
            "Alexei Overchuk",
            "the tax codes will be unified by 2024",
        ),
        (
            "Kremlin spokesman Dmitry Peskov replied within hours that the exercises threaten "
            "no one.",
            "Dmitry Peskov",
            "the exercises threaten no one",
        ),
        (
            "When Lukashenko says, as he did on Monday, that the army is ready, few believe him.",
            "Alexander Lukashenko",
            "the army is ready",
        ),
        (
            "Student Maria Kolesnikova told that the rally was peaceful. By her words, the police "
            "detained nobody on the square.",
            "Maria Kolesnikova",
            "the police detained nobody on the square",
        ),
    ],
)
def test_machine_translated_and_parenthetical_report_forms(text, speaker, clause):
    assert (speaker, "indirect", clause) in said(text)


def test_a_long_occasion_after_the_cue_leaves_the_clause_before_it():
    text = (
        "Relations between Minsk and Moscow are going through a difficult period, Russian "
        "Ambassador Evgeny Lukyanov said in an interview with BelTA on the eve of the Day of "
        "Unity of the Peoples of Belarus and Russia."
    )
    assert said(text) == [
        (
            "Evgeny Lukyanov",
            "indirect",
            "Relations between Minsk and Moscow are going through a difficult period",
        )
    ]


def test_a_person_of_a_centre_named_for_two_capitalised_words_is_the_speaker():
    text = (
        "Irina Petrova of the Minsk-based Centre for Strategic Analysis said the summit had "
        "changed nothing."
    )
    assert said(text) == [("Irina Petrova", "indirect", "the summit had changed nothing")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Deputy Prime Minister Alexei Overchuk in an interview with Izvestia warned that the "
            "deal has limits: «Nobody talks about a merger. We talk about common rules».",
            "Alexei Overchuk",
        ),
        (
            "A compromise will be found, believes the economist of Alfa Bank Natalia Orlova: "
            "«Moscow can afford the subsidy. The question is only its form».",
            "Natalia Orlova",
        ),
        (
            "Alexander Lukashenko met Vladimir Putin in the Kremlin.\n\n«We have removed every "
            "obstacle,» the Head of State began. «Now the governments must work.»",
            "Alexander Lukashenko",
        ),
    ],
)
def test_a_full_quote_after_a_reported_clause_an_inverted_cue_or_began(text, speaker):
    assert [s for s, kind, _ in said(text) if kind == "direct"][:1] == [speaker]


def test_a_cue_only_after_a_quote_cuts_no_reported_clause():
    text = "Missiles could be deployed next year, once the plant began production, Putin said."
    assert said(text) == [
        (
            "Vladimir Putin",
            "indirect",
            "Missiles could be deployed next year, once the plant began production",
        )
    ]


def test_a_list_of_labelled_quotes_gives_each_its_speaker():
    text = (
        "What the leaders said\n\n"
        "• Putin: ‘We have discussed only the economy today. Politics was not on the table.’\n"
        "• Lukashenko: ‘Nobody has given up anything. Sovereignty was never discussed.’\n"
    )
    assert [(s, k) for s, k, _ in said(text)] == [
        ("Vladimir Putin", "direct"),
        ("Alexander Lukashenko", "direct"),
    ]


def test_a_copyright_line_ends_an_interview_answer():
    text = (
        "MINSK, 3 April (BelTA) - Ambassador Evgeny Lukyanov answered questions from BelTA.\n\n"
        "- How do you assess the union programmes?\n\n"
        "- They are moving, slowly but surely. The most difficult issues are gas and oil.\n\n"
        "© BelTA. When using materials, a hyperlink to BelTA is obligatory.\n"
    )
    answers = [(s, t) for s, k, t in said(text) if k == "interview"]
    assert answers and not any("©" in t or "hyperlink" in t for _, t in answers)


def test_an_explainers_question_headings_answered_by_the_editors_give_no_interview():
    text = (
        "“Not in our interests” Putin came to Minsk. What does the Kremlin want from "
        "Lukashenko?\n\n"
        "On Monday, Vladimir Putin flew to Minsk for talks with Alexander Lukashenko, his first "
        "visit in three years.\n\n"
        "What is the Union State?\n\n"
        "On paper, Russia and Belarus have been building a confederation since 1999. Cut off "
        "from the West, Lukashenko agreed to it in 2021.\n\n"
        "Why now?\n\n"
        "Officially, the visit was about the economy. “We are not going to absorb anyone,” "
        "Putin told reporters.\n"
    )
    assert [(s, k) for s, k, _ in said(text)] == [("Vladimir Putin", "direct")]


def test_a_head_of_state_stays_the_one_the_article_calls_so_after_another_president():
    text = (
        "Lukashenko: Russia must compensate Belarus for its losses\n\n"
        "MINSK, 24 July (BelTA) - Belarus expects compensation, the head of state said.\n\n"
        "The President noted that the issue had been raised before. According to the Belarusian "
        "leader, Russian President Vladimir Putin assured him in May that Belarus would not be "
        "left alone.\n\n"
        "“I take him at his word,” the President said.\n\n"
        "The head of state emphasized that Belarus was not asking for subsidies.\n"
    )
    later = [s for s, _, t in said(text) if t.startswith(("I take", "Belarus was not"))]
    assert later == ["Alexander Lukashenko", "Alexander Lukashenko"]


def test_a_transcript_with_each_label_alone_on_its_line():
    text = (
        "Press statements following Russian-Belarusian talks\n\n"
        "V.Putin:\nMr President, colleagues,\n\n"
        "Our talks went on for three days. We reviewed the whole agenda.\n\n"
        "A.Lukashenko:\nThank you very much.\n\n"
        "I will not repeat everything that has been said.\n\n"
        "Statements by President of Belarus Alexander Lukashenko are given in translation.\n\n"
        "Publication status\n"
    )
    turns = [(s, t) for s, k, t in said(text) if k == "interview"]
    assert (
        "Vladimir Putin",
        "Our talks went on for three days. We reviewed the whole agenda.",
    ) in turns
    assert ("Alexander Lukashenko", "I will not repeat everything that has been said.") in turns
    assert not any("translation" in t or "status" in t for _, t in turns)


def test_a_possessive_is_no_part_of_a_name():
    text = (
        "Secretary of State Mike Pompeo’s stop in Minsk came a month into the standoff.\n\n"
        "At a joint press appearance, Pompeo said Washington was ready to help."
    )
    assert said(text) == [("Mike Pompeo", "indirect", "Washington was ready to help")]


def test_a_long_role_keeps_its_speaker_and_the_next_paragraph():
    text = (
        "Andrei Zhuk, a senior economist with the Belarusian Economic Research and Outreach "
        "Center (BEROC) who advised the government on energy subsidies in the late 2000s, "
        "noted that non-Russian oil would cost Belarus more.\n\n"
        "“This is not a commercial dispute,” said Viktoria Kalesnik, a political scientist who "
        "heads the Minsk-based Center for Regional Policy Analysis and who worked in the "
        "analytical department of the Belarusian Foreign Ministry. “The visit raises the price. "
        "No tanker can replace a pipeline.\n"
    )
    assert [s for s, _, _ in said(text)] == [
        "Andrei Zhuk",
        "Viktoria Kalesnik",
        "Viktoria Kalesnik",
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Gazprom's deputy chairman Alexander Medvedev has confirmed yesterday, that the offer "
            "is on the table.",
            "Alexander Medvedev",
        ),
        (
            "Gazprom chief executive Alexei Miller spoke on Monday.\n\nMiller said Gazprom had "
            'kept gas flowing only to avoid "humanitarian problems".',
            "Alexei Miller",
        ),
    ],
)
def test_a_namesake_of_a_known_person_and_a_known_person_by_surname(text, speaker):
    assert [s for s, k, _ in said(text) if k == "indirect"] == [speaker]


def test_a_threads_tweet_counter_does_not_hide_the_subject():
    text = (
        'On the protests, Putin repeated the line: "Belarusians must sort this out."\n\n'
        '4/14 Lukashenko, visibly tense, thanked Putin and went full "brotherly nation" mode. '
        '"A friend is known in trouble," he said.'
    )
    assert speakers(text) == ["Vladimir Putin", "Alexander Lukashenko"]


def test_a_sound_bite_belongs_to_the_caption_above_it():
    text = (
        "ANCHOR: In Minsk the results were followed closely.\n\n"
        "Oleg Lobanovich, political scientist\n"
        "SYNC: The West wanted to isolate Belarus. What we saw today is the opposite.\n\n"
        "ANCHOR: Tomorrow the exercise begins.\n\n"
        "Viktor Khrenin, Minister of Defence of the Republic of Belarus\n"
        "SYNC: We are not threatening anybody. But we have to be ready."
    )
    quotes = [(q.speaker, q.kind) for q in find_quotes(text)]
    assert quotes == [("Oleg Lobanovich", "interview"), ("Viktor Khrenin", "interview")]


def test_a_quoted_phrase_ending_its_sentence_is_not_the_next_sentences_speakers():
    text = (
        "Lukashenko's line has been consistent, and it amounts to “integration without "
        "annexation.” At home he insists that sovereignty is sacred and untouchable."
    )
    assert said(text) == [
        ("Alexander Lukashenko", "indirect", "sovereignty is sacred and untouchable")
    ]


def test_a_quote_that_ends_its_sentence_keeps_a_cue_right_after_it():
    text = "“We will never give in.” Lukashenko said on Friday."
    assert said(text) == [("Alexander Lukashenko", "direct", "We will never give in.")]


@pytest.mark.parametrize(
    "text",
    [
        'In 2019 Lukashenko said exactly the same about the previous "road maps". It ended.',
        "Putin said nothing in public until yesterday about the loan to Minsk.",
        "Lukashenko said as much in July when he met the governors in Minsk.",
        "Lukashenko said it plainly in Sochi on Friday, to nobody's surprise.",
        "Lukashenko said so again on Friday in front of the governors.",
    ],
)
def test_what_a_verb_names_as_said_is_no_reported_clause(text):
    assert said(text) == []


def test_an_honorific_before_a_surname_hides_no_speaker():
    text = (
        "Every Sunday Tatsiana Kavalchuk has marched through the center of the capital.\n\n"
        "“For 26 years he told us that he alone guaranteed our independence,” said Ms. "
        "Kavalchuk, 58, a retired schoolteacher.\n\n"
        "In Moscow, Dmitri S. Peskov, Mr. Putin’s spokesman, told reporters on Friday that "
        "nobody in the Kremlin was discussing any merger.\n\n"
        "Dmitri Peskov, a spokesman for Mr. Putin, said that the talks had gone well."
    )
    assert [(s, k) for s, k, _ in said(text)] == [
        ("Tatsiana Kavalchuk", "direct"),
        ("Dmitry Peskov", "indirect"),
        ("Dmitry Peskov", "indirect"),
    ]


def test_quote_labels_of_a_news_site_name_or_point_back_to_the_speaker():
    text = (
        "Source: Oleh Nikolenko, spokesperson for the Ministry of Foreign Affairs of Ukraine\n\n"
        'Quote from Nikolenko: "We see how, step by step, the Kremlin is tying Belarus to '
        'itself. Ukraine cannot ignore this."\n\n'
        "Military expert Ihor Levchenko told Ukrainska Pravda that the 28 programmes should "
        "not be underestimated.\n\n"
        'Quote: "In 2019 Lukashenko refused to sign even the road maps. Two years later he '
        'signs everything he is given."'
    )
    assert [(s, k) for s, k, _ in said(text)] == [
        ("Oleh Nikolenko", "direct"),
        ("Ihor Levchenko", "indirect"),
        ("Ihor Levchenko", "direct"),
    ]


def test_she_can_be_a_woman_whose_first_name_does_not_end_in_a():
    text = (
        "Katrin Oberholz of the Eastern Europe Policy Forum told Euronews that the loan would "
        'cover barely a few months.\n\n"Putin is buying leverage, not loyalty," she said.'
    )
    assert [(s, k) for s, k, _ in said(text)] == [
        ("Katrin Oberholz", "indirect"),
        ("Katrin Oberholz", "direct"),
    ]


def test_a_telegram_posts_label_after_an_emoji_and_a_blank_line_names_the_speaker():
    text = (
        "⚡️ Putin met Lukashenko at the entrance to the residence.\n\n"
        "❗️ Lukashenko — at the start of the talks:\n\n"
        "«Vladimir Vladimirovich, we have done a great deal since our last meeting.»\n\n"
        "🔥 Lukashenko on sanctions: «They thought they would strangle us. Let them keep "
        "their sanctions.»"
    )
    assert [(s, k) for s, k, _ in said(text)] == [("Alexander Lukashenko", "direct")] * 2


def test_a_posts_label_with_an_addressee_or_an_occasion_names_the_speaker():
    text = (
        "NEXTA Live\n"
        '❗️Putin at the start of the meeting: "We are glad to see you. Russia will fulfil all '
        'its obligations."\n\n'
        "NEXTA Live\n"
        'Lukashenko to Putin: "These events showed that we must hold on to our elder brother."'
    )
    assert [(s, k) for s, k, _ in said(text)] == [
        ("Vladimir Putin", "direct"),
        ("Alexander Lukashenko", "direct"),
    ]


def test_a_quote_on_the_next_line_of_a_post_is_the_reported_speakers():
    text = (
        "NEXTA Live\n"
        "Political scientist Yauhen Kruk believes Lukashenko has sold the Kremlin something.\n"
        '"He promises loyalty, integration, a new constitution. But he cannot guarantee it."'
    )
    assert [(s, k) for s, k, _ in said(text)] == [
        ("Yauhen Kruk", "indirect"),
        ("Yauhen Kruk", "direct"),
    ]


@pytest.mark.parametrize(
    "gap",
    [
        "\n\n",  # a new paragraph may be somebody else's
        "\nRelated materials:\nLukashenko said that Belarus will survive without Russian oil\n",
    ],
)
def test_a_quote_over_a_blank_line_or_under_a_link_is_not_the_reported_speakers(gap):
    text = (
        "Political scientist Yauhen Kruk believes Lukashenko has sold the Kremlin something."
        f"{gap}«The Union State is not a suitcase without a handle, and never will be one.»"
    )
    assert [s for s, k, _ in said(text) if k == "direct"] == []


def test_a_quote_before_an_honorific_and_a_surname_is_direct_and_so_is_the_next():
    text = (
        "Belarusian President Alexander Lukashenko spoke on Sunday.\n\n"
        "“Whether we like it or not, Crimea today is part of Russia,” Mr. Lukashenko said. "
        "“But tomorrow somebody may decide that part of Belarus is also a Russian land.”"
    )
    assert [(s, k) for s, k, _ in said(text)] == [("Alexander Lukashenko", "direct")] * 2


def test_a_speaker_with_a_time_phrase_before_told_reports_what_follows_that():
    text = (
        "The spokesman of the Ministry of Foreign Affairs of Ukraine Yevhen Perebyinis on "
        "Friday told at the briefing in Kyiv that Ukraine respects the choice of its neighbours."
    )
    assert said(text) == [
        ("Yevhen Perebyinis", "indirect", "Ukraine respects the choice of its neighbours")
    ]


def test_a_wire_lead_with_a_long_occasion_after_the_cue_reports_the_clause_before_it():
    text = (
        "GRODNO, 27 June (BelTA) – Ensuring equal rights for the citizens of Belarus and Russia "
        "remains the main task of the union parliamentarians, Chairman of the House of "
        "Representatives Vladimir Andreichenko said at the 56th session of the Parliamentary "
        "Assembly of the Union of Belarus and Russia in Grodno on 27 June."
    )
    [(speaker, kind, clause)] = said(text)
    assert (speaker, kind) == ("Vladimir Andreichenko", "indirect")
    assert clause.startswith("Ensuring equal rights") and clause.endswith("parliamentarians")


def test_a_name_that_opens_the_clause_after_say_is_not_who_says_it():
    text = (
        "Opposition activists, who marched through the capital in October, say Lukashenko is "
        "trading independence for cheap gas."
    )
    assert said(text) == []


def test_a_quoted_name_with_of_for_and_inside_a_report_is_no_quote():
    text = (
        "Finance Minister Anton Siluanov said that the next tranche of the credit of the "
        '"Eurasian Fund for Stabilization and Development" would be paid in June.'
    )
    assert [k for _, k, _ in said(text)] == ["indirect"]


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "The money will be paid out in six installments, Russian Finance Minister Alexei "
            "Kudrin said after the fund's council met in Moscow.",
            "The money will be paid out in six installments",
        ),
        (
            "Prime Minister Mikhail Myasnikovich welcomed the decision, saying it would help calm "
            "the currency market.",
            "it would help calm the currency market",
        ),
    ],
)
def test_wire_forms_after_the_cue_a_subordinate_clause_or_saying_without_that(text, clause):
    assert [(k, c) for _, k, c in said(text)] == [("indirect", clause)]


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "The head of the Center of post-Soviet research Vadim Lyubarsky in conversation with "
            "«Lenta.ru» supposed that Minsk is bargaining till the last.",
            "Minsk is bargaining till the last",
        ),
        (
            "The expert Vadim Lyubarsky spoke to us. By his opinion, a breakthrough should not be "
            "expected before the spring.",
            "a breakthrough should not be expected before the spring",
        ),
    ],
)
def test_machine_translations_occasion_with_an_outlet_and_by_his_opinion(text, clause):
    assert said(text) == [("Vadim Lyubarsky", "indirect", clause)]


def test_the_view_of_a_described_speaker_is_theirs():
    text = (
        "Ihar Lasitski, an analyst at the Belarus Strategy Lab, is more cautious. In the "
        "analyst's view, the meeting showed integration by inertia rather than a new push."
    )
    assert said(text) == [
        (
            "Ihar Lasitski",
            "indirect",
            "the meeting showed integration by inertia rather than a new push",
        )
    ]
