"""Interview formats and the reporting-verb lexicon, on short invented texts."""

from __future__ import annotations

import re

import pytest

from summitlib.extract.actors import find_actors
from summitlib.extract.quotes import (
    PARTICIPLES,
    VERBS,
    find_quotes,
    interview_turns,
    load_reporting_verbs,
)


def turns(text: str, title: str = "") -> list[tuple[str, str, str]]:
    """(kind, speaker, first words) of every interview turn."""
    return [
        (t.kind, t.speaker, " ".join(text[t.start : t.end].split()[:2]))
        for t in interview_turns(text, title=title)
    ]


def quotes(text: str, title: str = "") -> list[tuple[str, str, str]]:
    """(quoted text, speaker, kind) of every quote."""
    return [(text[q.start : q.end], q.speaker, q.kind) for q in find_quotes(text, title=title)]


# --- interview formats -------------------------------------------------------------------


def test_unlabelled_answers_after_questions_belong_to_the_person_in_the_title():
    text = (
        "How do you read the summit?\n\n"
        "The two leaders mostly repeated old promises. Nothing new was signed.\n\n"
        "Will the armies be merged?\n\n"
        "Not in the coming years. The generals on both sides resist it.\n"
    )
    title = "Marek Zielonka: Minsk will not give up its army"
    assert turns(text, title) == [
        ("question", "interviewer", "How do"),
        ("answer", "Marek Zielonka", "The two"),
        ("question", "interviewer", "Will the"),
        ("answer", "Marek Zielonka", "Not in"),
    ]
    assert {(q[1], q[2]) for q in quotes(text, title)} == {("Marek Zielonka", "interview")}


@pytest.mark.parametrize(
    ("title", "lead"),
    [
        ("‘Minsk has no choice’: Marek Zielonka on the summit", "The analyst"),
        ("Interview with Marek Zielonka", "Political analyst Marek Zielonka"),
    ],
)
def test_the_headline_forms_that_name_the_interviewee(title, lead):
    text = (
        f"{title}\n"
        f"{lead} spoke to our correspondent.\n\n"
        "How do you read the summit?\n\n"
        "The two leaders mostly repeated old promises.\n\n"
        "Will the armies be merged?\n\n"
        "Not in the coming years.\n"
    )
    assert [(q[1], q[2]) for q in quotes(text, title)] == [("Marek Zielonka", "interview")] * 2


def test_labels_with_an_initial_glued_to_the_surname():
    text = (
        "Meeting with President of Belarus Alexander Lukashenko\n\n"
        "V.Putin: Mr President, dear friend, I am glad to see you.\n\n"
        "A.Lukashenko: Thank you. We have a lot to discuss.\n"
    )
    assert [q[1] for q in quotes(text)] == ["Vladimir Putin", "Alexander Lukashenko"]


def test_questions_without_an_interviewee_are_not_an_interview():
    text = (
        "What did the summit change?\n\n"
        "Very little, judging by the communique.\n\n"
        "Will the loan arrive?\n\n"
        "Nobody in Minsk knows yet.\n"
    )
    assert turns(text) == []


def test_dash_led_questions_and_answers():
    text = (
        "Political analyst Jonas Petrauskas commented on the talks in an interview "
        "to our radio service.\n\n"
        "- Was anything agreed on gas?\n\n"
        "- Very little. Prices stay where they were last year.\n\n"
        "- And the loan?\n\n"
        "- It will come, but later and smaller than Minsk hoped.\n"
    )
    assert turns(text) == [
        ("question", "interviewer", "Was anything"),
        ("answer", "Jonas Petrauskas", "Very little."),
        ("question", "interviewer", "And the"),
        ("answer", "Jonas Petrauskas", "It will"),
    ]


def test_q_and_a_labels_and_capitalised_name_labels():
    text = (
        "Our correspondent spoke with economist Tomas Varga about the loan.\n\n"
        "Q: Is the loan big?\n\n"
        "A: Not really. It covers two months of imports.\n\n"
        "Q: Who gains more?\n\n"
        "TOMAS VARGA: Moscow, clearly.\n\n"
        "The conditions are political.\n"
    )
    assert turns(text) == [
        ("question", "Q", "Is the"),
        ("answer", "Tomas Varga", "Not really."),
        ("question", "Q", "Who gains"),
        ("answer", "Tomas Varga", "Moscow, clearly."),
        ("answer", "Tomas Varga", "The conditions"),
    ]


def test_transcript_with_role_labels():
    text = (
        "The President met the head of the Belarusian government.\n\n"
        "President of Russia Vladimir Putin: Good afternoon. How are the programmes going?\n\n"
        "I know you have had a difficult year.\n\n"
        "Prime Minister of Belarus Roman Golovchenko: Thank you. Most of them are ready.\n\n"
        "We expect the parliament to approve the rest in spring.\n"
    )
    assert turns(text) == [
        ("answer", "Vladimir Putin", "Good afternoon."),
        ("answer", "Vladimir Putin", "I know"),
        ("answer", "Roman Golovchenko", "Thank you."),
        ("answer", "Roman Golovchenko", "We expect"),
    ]


def test_press_statements_before_the_questions_and_initialled_capital_labels():
    text = (
        "Press statements after the talks\n\n"
        "V. PUTIN: Good afternoon. We agreed on the union programmes.\n\n"
        "A. LUKASHENKO: I agree. Nobody will take away our sovereignty.\n\n"
        "QUESTION: Will there be a single currency?\n\n"
        "V. PUTIN: Not now.\n"
    )
    assert turns(text) == [
        ("answer", "Vladimir Putin", "Good afternoon."),
        ("answer", "Alexander Lukashenko", "I agree."),
        ("question", "QUESTION", "Will there"),
        ("answer", "Vladimir Putin", "Not now."),
    ]


def test_a_press_statement_runs_on_over_unlabelled_paragraphs_in_the_first_person():
    text = (
        "Press statements after the talks\n\n"
        "V. PUTIN: Good afternoon. We agreed on the union programmes.\n\n"
        "I would like to stress that nobody loses sovereignty.\n\n"
        "A. LUKASHENKO: Thank you. The work took three years.\n\n"
        "The programmes now go to the governments.\n\n"
        "QUESTION: Will there be a single currency?\n\n"
        "V. PUTIN: Not now.\n"
    )
    assert turns(text) == [
        ("answer", "Vladimir Putin", "Good afternoon."),
        ("answer", "Vladimir Putin", "I would"),
        ("answer", "Alexander Lukashenko", "Thank you."),
        ("question", "QUESTION", "Will there"),
        ("answer", "Vladimir Putin", "Not now."),
    ]


def test_speech_after_a_single_label_runs_while_it_speaks_in_the_first_person():
    text = (
        "The speeches at the council\n\n"
        "Vladimir Putin: Dear colleagues, friends,\n\n"
        "I am glad to welcome you in Moscow.\n\n"
        "Our countries have done a great deal together.\n\n"
        "The leaders then moved to the closed session.\n"
    )
    assert turns(text) == [
        ("answer", "Vladimir Putin", "Dear colleagues,"),
        ("answer", "Vladimir Putin", "I am"),
        ("answer", "Vladimir Putin", "Our countries"),
    ]


def test_name_lines_head_bullet_point_answers():
    text = (
        "Two commentators discussed the summit: Ilona Kask and Petras Vilkas.\n\n"
        "Kask\n\n"
        "  • The summit changed little.\n\n"
        "    Moscow wants more control.\n\n"
        "Petras Vilkas\n\n"
        "  • I read it differently.\n"
    )
    assert turns(text) == [
        ("answer", "Ilona Kask", "The summit"),
        ("answer", "Ilona Kask", "Moscow wants"),
        ("answer", "Petras Vilkas", "I read"),
    ]


PANEL = (
    "Experts react: what the loan means\n\n"
    "Putin promised Minsk a loan on Monday. Our experts react:\n\n"
    "Ilona Kask, senior fellow at the Baltic Policy Centre\n\n"
    "The loan buys time. It is not a gift.\n\n"
    "Peskov said the loan had nothing to do with integration. I do not believe it.\n\n"
    "Petras Vilkas, former diplomat who served in Minsk\n\n"
    "I see a creeping merger, step by step.\n\n"
    "Further reading\n\n"
    "Related experts: Ilona Kask and Petras Vilkas\n"
)


def test_an_expert_panel_gives_each_caption_its_paragraphs():
    assert turns(PANEL) == [
        ("answer", "Ilona Kask", "The loan"),
        ("answer", "Ilona Kask", "Peskov said"),
        ("answer", "Petras Vilkas", "I see"),
    ]
    found = quotes(PANEL)
    assert ("the loan had nothing to do with integration", "Dmitry Peskov", "indirect") in found


@pytest.mark.parametrize(
    "text",
    [
        PANEL.replace("I do not believe it.", "Minsk agreed.").replace("I see", "Some see"),
        "Alexander Lukashenko, President of Belarus\n\nI will not give up sovereignty.\n\n"
        "The talks went on for five hours.\n",
    ],
)
def test_captions_without_two_experts_writing_in_the_first_person_make_no_panel(text):
    assert turns(text) == []


def test_a_lone_heading_question_after_when_asked_makes_no_interview():
    text = (
        "I watched the summit all day.\n\n"
        "“It is a question for the military,” Peskov told reporters when asked about it.\n\n"
        "What about the economy?\n\n"
        "Here the picture is more familiar. I think the deadline will slip again.\n"
    )
    assert turns(text) == []


def test_dash_led_answer_of_the_person_in_the_title():
    text = (
        "Hanna Lisowska: The Summit Was Theatre\n\n"
        "The editor spoke to a podcast about the summit. She thinks it was staged:\n\n"
        "— The date had been fixed long before. Nobody expected a breakthrough.\n\n"
        "What both leaders said made it clear that the war goes on.\n\n"
        "In my view, the press conference was meant for the domestic audience.\n\n"
        "The podcast is published every Friday.\n"
    )
    found = turns(text, "Hanna Lisowska: The summit was theatre")
    assert [t[1] for t in found] == ["Hanna Lisowska"] * 3


@pytest.mark.parametrize(
    "text",
    [
        "Lukashenko: Russia is no threat to us\n\n"
        "MINSK, 3 May – Russia does not threaten Belarus, Alexander Lukashenko said.\n\n"
        "The two countries are allies, he added.\n",
        "Talks in Sochi\n\n  • Putin and Lukashenko met.\n\n  • No deal was signed.\n",
        "Highlights\n\n  • Putin and Lukashenko met.\n\n  • No deal was signed.\n",
    ],
)
def test_headlines_and_bullet_summaries_are_not_interviews(text):
    assert turns(text) == []


# --- the reporting-verb lexicon ----------------------------------------------------------


def test_lexicon_inflects_and_tags():
    lexicon = load_reporting_verbs()
    for form in ["emphasised", "points out", "concedes", "tweeted", "admitted", "vowed", "says"]:
        assert form in lexicon.finite
    for form in ["vowing", "pointing out", "conceding", "admitting"]:
        assert form in lexicon.participles
    assert "claim" not in lexicon.finite and "claims" in lexicon.finite  # base is a noun
    assert "believes" in lexicon.forms("cognition") and "asked" in lexicon.forms("noquote")
    assert "said" in lexicon.forms("clause") and "announced" not in lexicon.forms("clause")
    assert re.fullmatch(VERBS, "pointed \n out") and re.fullmatch(PARTICIPLES, "stressing")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will not yield,” Lukashenko vowed.", ("We will not yield,", "direct")),
        ("“The price is fair,” Putin conceded on Friday.", ("The price is fair,", "direct")),
        (
            "Lavrov acknowledged that the talks had been hard.",
            ("the talks had been hard", "indirect"),
        ),
        (
            "Peskov tweeted that the leaders would meet again soon.",
            ("the leaders would meet again soon", "indirect"),
        ),
        (
            "Peskov signalled that the leaders would meet again soon.",
            ("the leaders would meet again soon", "indirect"),
        ),
        (
            "Peskov indicated that the leaders would meet again soon.",
            ("the leaders would meet again soon", "indirect"),
        ),
        ("“We signed it all,” Lukashenko bragged.", ("We signed it all,", "direct")),
    ],
)
def test_reporting_verbs_beyond_the_old_lists(text, expected):
    assert [(q[0], q[2]) for q in quotes(text)] == [expected]


def test_nouns_that_look_like_verbs_are_not_cues():
    text = "Lukashenko, weakened by the protests that followed the election, needs Moscow more."
    assert quotes(text) == []


# --- direct and indirect quotes ----------------------------------------------------------


def test_a_quote_after_its_speakers_cue_sentence_carries_on():
    text = (
        "“We have agreed on gas,” Golovchenko said. "
        "“The oil question will take a few more months to settle.”"
    )
    assert [q[1] for q in quotes(text)] == ["Roman Golovchenko"] * 2


def test_a_quote_after_a_reported_sentence_belongs_to_its_speaker():
    text = (
        "Belarus will not block the treaty, Lavrov stressed. "
        "“We have no intention of obstructing the signing at all.”"
    )
    assert [(q[1], q[2]) for q in quotes(text)] == [
        ("Sergei Lavrov", "indirect"),
        ("Sergei Lavrov", "direct"),
    ]


def test_listed_fragments_share_their_cue():
    text = "Lukashenko has been berating his critics (“traitors”, “puppets”, “lice”)."
    assert quotes(text) == [
        ("traitors", "Alexander Lukashenko", "direct"),
        ("puppets", "Alexander Lukashenko", "direct"),
        ("lice", "Alexander Lukashenko", "direct"),
    ]


def test_a_cited_speaker_and_a_progressive_cue():
    text = "“We will keep building the union,” state media cite Putin. "
    text += "Putin then started speaking about “a brotherly union”."
    assert [(q[0], q[1]) for q in quotes(text)] == [
        ("We will keep building the union,", "Vladimir Putin"),
        ("a brotherly union", "Vladimir Putin"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lavrov referred to the summit as a success and said the road maps were ready.",
            ("the road maps were ready", "Sergei Lavrov"),
        ),
        (  # the comma machine translation leaves before "that"
            "Sergei Lavrov underlined, that the road maps were ready.",
            ("the road maps were ready", "Sergei Lavrov"),
        ),
        (  # the same after an addressee
            "Sergei Lavrov declared to journalists, that the road maps were ready.",
            ("the road maps were ready", "Sergei Lavrov"),
        ),
        (
            "By the words of Sergei Lavrov, the road maps are ready.",
            ("the road maps are ready", "Sergei Lavrov"),
        ),
        (  # a reference in brackets after the name
            "According to Sergei Lavrov (TASS, 2021), the road maps are ready.",
            ("the road maps are ready", "Sergei Lavrov"),
        ),
        (
            "Sergei Lavrov considers that the road maps are ready.",
            ("the road maps are ready", "Sergei Lavrov"),
        ),
        (
            "In Marta Kowalewska's opinion, the summit changed nothing at all.",
            ("the summit changed nothing at all", "Marta Kowalewska"),
        ),
        (
            "Russia is no threat to Belarus, Lukashenko said while speaking to journalists.",
            ("Russia is no threat to Belarus", "Alexander Lukashenko"),
        ),
        (
            "Minister Andrei Zhuravsky upon the talks announced that the base was not discussed.",
            ("the base was not discussed", "Andrei Zhuravsky"),
        ),
        (
            "Economist Dzmitry Kruk of BEROC noted that the tax manoeuvre costs Minsk dearly.",
            ("the tax manoeuvre costs Minsk dearly", "Dzmitry Kruk"),
        ),
        (
            "Pavel Slunkin believes Minsk will give in.",
            ("Minsk will give in", "Pavel Slunkin"),
        ),
    ],
)
def test_indirect_speech_forms_beyond_the_verb(text, expected):
    assert [(q[0], q[1]) for q in quotes(text)] == [expected]


def test_considers_and_that_is_report_no_clause_without_that():
    assert quotes("Sergei Lavrov considers the summit a success.") == []
    assert quotes("Sergei Lavrov said, that is, hinted at a delay.") == []


def test_an_addressee_and_a_time_after_the_verb_are_no_clause():
    assert quotes("Putin told TASS on Wednesday. Lukashenko told Putin in May.") == []


def test_a_person_after_a_preposition_is_not_the_speaker():
    assert (
        quotes("Critics of Lukashenko have described Belarus as ‘Europe’s last dictatorship’.")
        == []
    )


def test_an_explainer_with_question_subheadings_is_not_an_interview():
    text = (
        "The two presidents signed a security treaty on Friday.\n\n"
        "Political analyst Tomas Berzins said the pact was expected.\n\n"
        "What does the treaty say?\n\n"
        "It obliges both states to defend each other with all means.\n\n"
        "Why does it matter?\n\n"
        "It formalises the presence of Russian troops in Belarus.\n"
    )
    assert turns(text) == []


def test_one_rhetorical_question_under_a_quote_headline_is_not_an_interview():
    text = (
        "Putin met Lukashenko in Sochi on Monday. The leaders talked for five hours.\n\n"
        "So what did they agree?\n\n"
        "Very little, it seems. The communique was short.\n"
    )
    assert turns(text, "Lukashenko: No merger") == []


def test_a_lead_paragraph_introducing_the_interviewee():
    text = (
        "Moscow and Minsk keep moving closer. Economist Paulina Zeman, who advises "
        "several banks in Vilnius, offers her reading of the relationship.\n\n"
        "How did the relationship change in recent years, and who gains from it?\n\n"
        "The treaty was signed long ago but never carried out. Moscow now links "
        "cheap energy to deeper integration.\n"
    )
    assert [(t[0], t[1]) for t in turns(text)] == [
        ("question", "interviewer"),
        ("answer", "Paulina Zeman"),
    ]


def test_dash_quotes_in_news_stop_at_the_reporters_text():
    text = (
        "MINSK, 3 May. Alexander Lukashenko spoke at a rally on Monday.\n\n"
        "— We will never be part of any other state, — the president said.\n\n"
        "— Our sovereignty is not for sale, — he added.\n\n"
        "The rally was attended by thousands of people.\n\n"
        "Lukashenko later met the governor of the region.\n"
    )
    found = turns(text, "Lukashenko: We will never be part of Russia")
    assert [t[2] for t in found] == ["We will", "Our sovereignty"]


def test_dash_dialogue_split_by_its_attribution():
    text = (
        "Alexander Lukashenko met Vladimir Putin in Sochi.\n\n"
        "— We will not give up our sovereignty, — the Belarusian leader noted. — But we are "
        "ready to deepen cooperation in the economy.\n\n"
        "- The talks, - the Russian president added, - were useful for both sides.\n"
    )
    assert [(q[0], q[1]) for q in quotes(text)] == [
        ("We will not give up our sovereignty,", "Alexander Lukashenko"),
        ("But we are ready to deepen cooperation in the economy.", "Alexander Lukashenko"),
        ("The talks,", "Vladimir Putin"),
        ("were useful for both sides.", "Vladimir Putin"),
    ]


def test_dash_lines_without_a_reporting_cue_are_not_speech():
    text = (
        "Alexander Lukashenko listed the agenda:\n\n"
        "- energy prices, - customs rules and\n"
        "- the union budget.\n\n"
        "— Good question, — laughed someone in the hall.\n"
    )
    assert quotes(text) == []


def test_labels_in_markdown_bold_and_a_verb_that_is_no_label():
    text = (
        "Maria Kolesnikova spoke to us from prison.\n\n"
        "**Q:** Is Belarus still sovereign?\n\n"
        "**Kolesnikova:** Only formally. Every key decision is now taken in Moscow.\n\n"
        "**Q:** What should the EU do?\n\n"
        "**Kolesnikova:** Keep the door open for Belarusians.\n"
    )
    assert quotes(text) == [
        (
            "Only formally. Every key decision is now taken in Moscow.",
            "Maria Kolesnikova",
            "interview",
        ),
        ("Keep the door open for Belarusians.", "Maria Kolesnikova", "interview"),
    ]
    assert interview_turns("Putin met Lukashenko.\n\nSaid Lukashenko: “We agree.”\n") == []


def test_questions_in_markdown_italics():
    text = (
        "Analyst Andrei Yeliseyeu spoke to our correspondent about the summit.\n\n"
        "*Did the summit change anything?*\n\n"
        "Very little. The programmes were agreed long ago.\n\n"
        "_Will Minsk give up its currency?_\n\n"
        "Not while Lukashenko rules.\n"
    )
    assert [(t[0], t[1]) for t in turns(text)] == [
        ("question", "interviewer"),
        ("answer", "Andrei Yeliseyeu"),
        ("question", "interviewer"),
        ("answer", "Andrei Yeliseyeu"),
    ]


def test_an_outlet_headline_over_its_own_question_labels_asks_nothing():
    text = (
        "Svaboda: Andrei Yeliseyeu on the roadmaps\n\n"
        "In a conversation with Svaboda, analyst Andrei Yeliseyeu looks at the roadmaps.\n\n"
        "Svaboda: Why now?\n\n"
        "Yeliseyeu: Because Minsk has nobody else to turn to.\n\n"
        "Svaboda: And a common currency?\n\n"
        "Yeliseyeu: Not in the coming years.\n"
    )
    assert [(t[0], t[1], t[2]) for t in turns(text)] == [
        ("question", "Svaboda", "Why now?"),
        ("answer", "Andrei Yeliseyeu", "Because Minsk"),
        ("question", "Svaboda", "And a"),
        ("answer", "Andrei Yeliseyeu", "Not in"),
    ]


def test_numbered_labels_and_an_interviewee_named_only_in_a_closing_note():
    text = (
        "Q1: Is the Union State more than a shell?\n\n"
        "A1: Barely. It has a budget and a flag.\n\n"
        "Q2: Will it outlive the presidents?\n\n"
        "A2: Only if both successors need it.\n\n"
        "The interview was conducted by email with economist Lev Lvovskiy.\n"
    )
    assert quotes(text) == [
        ("Barely. It has a budget and a flag.", "Lev Lvovskiy", "interview"),
        ("Only if both successors need it.", "Lev Lvovskiy", "interview"),
    ]


def test_an_intro_saying_who_answered_the_questions():
    text = (
        "Alexander Lukashenko answered questions from journalists.\n\n"
        "— Alexander Grigoryevich, will Belarus join Russia?\n\n"
        "— No. Belarus will never be part of Russia.\n"
    )
    assert [(t[0], t[1]) for t in turns(text)] == [
        ("question", "interviewer"),
        ("answer", "Alexander Lukashenko"),
    ]


@pytest.mark.parametrize(
    "intro",
    [
        "Belsat sat down with economist Dzmitry Kruk to discuss the roadmaps.",
        "In conversation with Anais Marin, the UN special rapporteur, we looked back.",
        "We asked Katia Glod, an analyst at the European Leadership Network, two questions.",
        "We put three short questions to Pavel Usov, head of a think tank.",
        "Our correspondent caught up with Artyom Shraibman in Vilnius.",
    ],
)
def test_intros_that_name_whom_short_questions_were_put_to(intro):
    text = (
        f"{intro}\n\nIs the union real?\nOnly on paper. The hard issues were left out.\n\n"
        "What changes?\nVery little. Gas prices stay where they were.\n"
    )
    person = re.search(r"(?:with|asked|to) (?:economist )?([A-Z]\w+ [A-Z]\w+)", intro).group(1)
    assert [(q[1], q[2]) for q in quotes(text)] == [(person, "interview")] * 2


def test_an_emphasised_prompt_asks_like_a_question():
    text = (
        "**Tell us about the roadmaps.**\n\n"
        "They are mostly about taxes, oil and gas.\n\n"
        "**And the army?**\n\n"
        "There is no plan to merge the armies.\n\n"
        "*Interview with economist Dzmitry Kruk, conducted by Belsat.*\n"
    )
    assert [(t[0], t[1]) for t in turns(text)] == [
        ("question", "interviewer"),
        ("answer", "Dzmitry Kruk"),
        ("question", "interviewer"),
        ("answer", "Dzmitry Kruk"),
    ]


@pytest.mark.parametrize(
    "paragraph",
    ["**Give and take**", "Tell us about the roadmaps, the minister said.", "*Tell-tale signs.*"],
)
def test_a_subheading_or_a_plain_sentence_is_no_prompt(paragraph):
    from summitlib.extract.quotes import _asks

    assert not _asks(paragraph, 0, len(paragraph))


def test_asking_an_institution_for_comment_makes_no_interview():
    text = (
        "Putin and Lukashenko met in Sochi. We asked the Kremlin for comment but got no reply.\n\n"
        "What was agreed?\nThe leaders agreed on a loan of 500 million dollars.\n\n"
        "What comes next?\nA meeting of the Supreme State Council is planned.\n"
    )
    assert turns(text) == []


def test_the_former_and_the_latter_name_their_speakers():
    text = (
        "Lukashenko sharply criticised Russian President Vladimir Putin. "
        "The former insisted that gas was too expensive. The latter replied that prices were fair."
    )
    assert [q[1] for q in quotes(text)] == ["Alexander Lukashenko", "Vladimir Putin"]


def test_an_agency_citing_the_countrys_leader():
    text = (
        "Lukashenko met the governors on Monday. “We will keep the factories running "
        "whatever it costs,” the agency cites the country’s leader as saying."
    )
    assert [(q[1], q[2]) for q in quotes(text)] == [("Alexander Lukashenko", "direct")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sergei Lavrov, for his part, said that Moscow would keep its promises.",
            [("Moscow would keep its promises", "Sergei Lavrov", "indirect")],
        ),
        (
            "Lavrov said the road maps were ready, but stressed that no currency was planned.",
            [
                ("the road maps were ready", "Sergei Lavrov", "indirect"),
                ("no currency was planned", "Sergei Lavrov", "indirect"),
            ],
        ),
        (
            "Golovchenko has described the programmes as a “technical” agenda.",
            [("technical", "Roman Golovchenko", "direct")],
        ),
        (
            "Later, the activist claimed that any deal signed by Lukashenko would be void.",
            [],
        ),
        (
            "Putin and Lukashenko, it has been said for years, dislike each other and say little.",
            [],
        ),
    ],
)
def test_subjects_across_asides_and_coordination(text, expected):
    assert quotes(text) == expected


def test_an_agency_interview_with_dash_led_turns_and_an_outlet_label():
    text = (
        "In an interview with TASS ahead of his talks with Putin, Foreign Minister "
        "Pavel Drozdovich said the union would deepen.\n\n"
        "— Minister, what do you expect from the talks?\n\n"
        "— We expect to sign the remaining programmes.\n\n"
        "RFE/RL: And the airbase?\n\n"
        "— It is not on the agenda.\n"
    )
    assert [(t[0], t[1]) for t in turns(text)] == [
        ("question", "interviewer"),
        ("answer", "Pavel Drozdovich"),
        ("question", "RFE/RL"),
        ("answer", "Pavel Drozdovich"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lukashenko spoke in Minsk. In his words, “we will not give up our sovereignty.”",
            ("we will not give up our sovereignty.", "Alexander Lukashenko", "direct"),
        ),
        (
            "Putin was quoted by a news agency as saying that the talks were constructive.",
            ("the talks were constructive", "Vladimir Putin", "indirect"),
        ),
        (
            "“Nobody will dictate to us,” Lukashenko was cited as saying by the agency.",
            ("Nobody will dictate to us,", "Alexander Lukashenko", "direct"),
        ),
        (
            "“We will not give up our sovereignty,” Peskov said, according to the agency.",
            ("We will not give up our sovereignty,", "Dmitry Peskov", "direct"),
        ),
    ],
)
def test_quoted_as_saying_and_in_his_words(text, expected):
    assert quotes(text) == [expected]


@pytest.mark.parametrize(
    "cue",
    [
        "made it clear",
        "expressed confidence",
        "voiced concern",
        "expressed the view",
        "took the view",
        "gave assurances",
        "let it be known",
        "said earlier on Friday",
        "voiced worry earlier on Friday",
        "said last week",
        "said this month in Minsk",
        "told reporters after the talks",
        "assured us (as he always does)",
        "warned the Russian leader",
        "told his ministers",
        "told the Council of Ministers of the Union State",
        "told RFE/RL's Belarus Service on September 10",
    ],
)
def test_views_voiced_and_time_adverbials_before_that(cue):
    """(An addressee, a time or an aside in brackets between the cue and "that" is not part of
    the reported clause.)"""
    text = f"Alexander Lukashenko {cue} that Russia had no plans to absorb Belarus."
    assert quotes(text) == [
        ("Russia had no plans to absorb Belarus", "Alexander Lukashenko", "indirect")
    ]


def test_a_noun_phrase_after_a_verb_that_addresses_nobody_stays_in_the_clause():
    text = "Alexander Lukashenko said the plans that were agreed would fail."
    assert quotes(text) == [
        ("the plans that were agreed would fail", "Alexander Lukashenko", "indirect")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Alexander Lukashenko expressed concern over the price of gas.",
        "Alexander Lukashenko made clear his opposition to a single currency.",
    ],
)
def test_a_view_voiced_without_a_clause_reports_nothing(text):
    assert quotes(text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("As noted by the head of state Alexander Lukashenko, the union is built on equal terms.",
         "Alexander Lukashenko"),
        ("From the point of view of Alexander Lukashenko, a common currency is premature.",
         "Alexander Lukashenko"),
        ("As noted by Putin's spokesman Dmitry Peskov, the summit will take place in Sochi.",
         "Dmitry Peskov"),
        ("In the opinion of Putin's spokesman Dmitry Peskov, the summit will take place in Sochi.",
         "Dmitry Peskov"),
        # "Lukashenko's" is one mention holding its own "'s": still the possessor
        ("As noted by Lukashenko's spokeswoman Natalya Eismont, the talks will go on in Minsk.",
         "Natalya Eismont"),
        ("In the opinion of Lukashenko’s spokeswoman Natalya Eismont, the talks will go on.",
         "Natalya Eismont"),
        ("In Lukashenko's words, the summit will take place in Sochi.", "Alexander Lukashenko"),
        # machine translation keeps the Russian word order
        ("As stated Vladimir Putin, the programmes will be carried out by the end of the year.",
         "Vladimir Putin"),
        ("As was noted by Vladimir Putin, the programmes will be carried out by December.",
         "Vladimir Putin"),
        ("As emphasized Alexander Lukashenko, the sovereignty of Belarus is not for bargaining.",
         "Alexander Lukashenko"),
    ],
)  # fmt: skip
def test_opinions_held_and_points_noted_by_a_person(text, speaker):
    clause = text.split(", ", 1)[1].rstrip(".")
    assert quotes(text) == [(clause, speaker, "indirect")]


@pytest.mark.parametrize(
    "text",
    [
        "As reported by TASS, the summit will take place in Sochi.",
        "From the point of view of economics, the deal makes little sense.",
        "As expected by analysts, the talks ended without a breakthrough.",
        # a person after the cue is not its source
        "As reported by Interfax, Lukashenko arrived in Sochi on Friday for the talks with Putin.",
        "In the opinion of many, Lukashenko arrived in Sochi on Friday for the talks with Putin.",
        "As reported the Interfax agency, Lukashenko arrived in Sochi for the talks with Putin.",
    ],
)
def test_points_noted_by_no_person_report_nothing(text):
    assert quotes(text) == []


def test_transcript_labels_with_a_role_after_a_comma():
    text = (
        "PRESENTER: The presidents met in Minsk today.\n\n"
        "VLADIMIR PUTIN, PRESIDENT OF RUSSIA: We are building a common market with the same "
        "rules for everyone.\n\n"
        "CORRESPONDENT: The gas question was hardly touched upon.\n"
    )
    assert turns(text) == [("answer", "Vladimir Putin", "We are")]


def test_factbox_headings_over_bullets_are_no_speakers():
    text = (
        "Here are the main points of the plan.\n\n"
        "OIL AND GAS\n\n"
        "* Belarus wants to pay what Russian regions pay for gas.\n\n"
        "* The oil contract expires on Dec. 31.\n\n"
        "WHAT NEXT\n\n"
        "* The presidents meet again on Friday.\n"
    )
    assert turns(text) == []


def test_a_live_blogs_exchange_belongs_to_the_person_asked_just_before_it():
    text = (
        "Putin in Minsk: talks with Lukashenko and a common defence space\n\n"
        "10:58\nPutin's plane has landed in Minsk.\n\n"
        "15:10\nWhat does a common defence space mean? We asked Pavel Danilevich, a military "
        "analyst who left Belarus in 2021.\n\n"
        "— Is this a step towards Belarusian troops going to Ukraine?\n\n"
        "— Not directly. Belarus has given Russia its territory and its airfields.\n\n"
        "— Then what is really being integrated?\n\n"
        "— The army is the only part of the Union State that actually moves."
    )
    answers = [(t.speaker, t.kind) for t in interview_turns(text) if t.kind == "answer"]
    assert answers == [("Pavel Danilevich", "answer")] * 2


def test_a_possessive_in_an_opening_phrase_is_not_the_sentence_subject():
    text = (
        "On 10 October Lukashenko announced that a regional grouping of troops was deployed.\n\n"
        "In his opening remarks at the talks Putin said that the two countries were building "
        "«a common defence space». He promised to go on training Belarusian servicemen «on the "
        "basis of the decisions we made last week»."
    )
    assert quotes(text)[-1] == (
        "on the basis of the decisions we made last week",
        "Vladimir Putin",
        "direct",
    )


def test_a_talk_shows_host_asks_and_guests_with_captions_answer_even_when_cut_off():
    text = (
        "Oil, gas and the road maps: what did Putin and Lukashenko agree?\n\n"
        "Translated from Russian. Speakers as captioned on screen.\n\n"
        "HOST (Yekaterina Grinyova): Good evening. In the studio are economist Sergei Fedotkin "
        "and deputy Viktor Ryabtsev, and by video link political scientist Pavel Ustinovich.\n\n"
        "USTINOVICH (Minsk, video link): There is no deal. Minsk wants a lower gas price, and "
        "Moscow says —\n\n"
        "RYABTSEV: Because Smolensk is a Russian region! That is the whole point —\n\n"
        "HOST: Sergei, you are an economist. What does it mean?\n\n"
        "FEDOTKIN: It means the refineries risk standing idle."
    )
    assert [(k, s) for k, s, _ in turns(text)] == [
        ("question", "HOST"),
        ("answer", "Pavel Ustinovich"),
        ("answer", "Viktor Ryabtsev"),
        ("question", "HOST"),
        ("answer", "Sergei Fedotkin"),
    ]


@pytest.mark.parametrize(
    ("text", "interviewee"),
    [
        (  # labelled by the initials of names set in capitals
            "Belarusian Ambassador to Russia VLADIMIR GRIGORYEV told Kommersant's YELENA "
            "KARPOVICH what Minsk expects from Moscow now.\n\n"
            "Y.K.: Mr. Ambassador, do you agree with such an assessment?\n\n"
            "V.G.: I am a diplomat, so I will choose softer words.\n\n"
            "Y.K.: Will the conflict affect the plans for the ruble?\n\n"
            "V.G.: It already has.",
            "Vladimir Grigoryev",
        ),
        (  # the correspondent the interviewee "spoke to" asks the questions
            "Ambassador Pavel Ivanchenko, whose remarks have often annoyed Minsk, spoke to "
            "Vedomosti correspondent Irina Sokolova about the gas talks.\n\n"
            "Vedomosti: Was anything agreed in Sochi?\n\n"
            "Long talks are a sign of a serious conversation, not of a crisis.\n\n"
            "Vedomosti: And the oil compensation?\n\n"
            "That is an internal Russian reform and it was not aimed at anyone.\n",
            "Pavel Ivanchenko",
        ),
    ],
)
def test_the_interviewee_the_intro_names_gives_the_answers(text, interviewee):
    answers = [s for k, s, _ in turns(text) if k == "answer"]
    assert answers == [interviewee, interviewee]


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        (
            "Analyst Viktor Lazovsky answered our questions.\n\n"
            "Q: Is the integration dead?\n\nV.L.: I think, yes. It is dead.\n\n"
            "Related materials:\nGas conflict: Belarus paid off the debt\n\n"
            "© 2010 Voice of America. All rights reserved.\n",
            "I think,",
        ),
        (
            "Deputy Foreign Minister Grigory Karasin answered our questions.\n\n"
            "— WILL THE PRESIDENTS MEET BEFORE THE NEW YEAR?\n\n"
            "— A session of the Supreme State Council is being prepared.\n\n"
            "READ ALSO\nMinsk: «We do not need a foreign base»\n\nIzvestia  |  Subscribe\n",
            "A session",
        ),
    ],
)
def test_links_under_a_related_or_read_also_heading_are_no_answers(text, answer):
    assert [w for k, _, w in turns(text) if k == "answer"] == [answer]


def test_a_sound_bite_under_a_clip_label_with_a_dash_and_caption_is_the_captioned_persons():
    text = (
        "PRESENTER: Good evening! What did Minsk and Moscow agree?\n\n"
        "CORRESPONDENT: The talks in the Kremlin lasted almost six hours.\n\n"
        "SYNC – Alexander Lukashenko, President of the Republic of Belarus:\n"
        "We have not given away a single gram of our sovereignty.\n\n"
        "CORRESPONDENT: The Russian leader, too, was clear.\n\n"
        "SYNC – Vladimir Putin, President of the Russian Federation:\n"
        "First we need to lay the economic foundation."
    )
    speakers = {s for _, s, w in turns(text) if w in ("We have", "First we")}
    assert speakers == {"Alexander Lukashenko", "Vladimir Putin"}


def test_a_caption_line_over_dash_led_lines_makes_them_one_bite_of_the_captioned_person():
    text = (
        "ANCHOR: Good evening. We begin in Sochi.\n\n"
        "CORRESPONDENT: The talks began at around 2 p.m.\n\n"
        "SYNC\nAlexander Lukashenko, President of the Republic of Belarus:\n"
        "– A friend in need is a friend indeed. These events have shown it.\n"
        "– But nobody should get the wrong idea about our sovereignty.\n\n"
        "CORRESPONDENT: Vladimir Putin confirmed a state loan.\n\n"
        "Pavel Latushka, a member of the Coordination Council, commented to us:\n\n"
        "— Lukashenka went to Sochi as a beggar.\n\n"
        "— The Kremlin must understand that it is betting on a lame horse.\n\n"
        "ANCHOR: The President returns to Minsk tonight."
    )
    speakers = {w: s for _, s, w in turns(text)}
    assert speakers == {
        "A friend": "Alexander Lukashenko",
        "But nobody": "Alexander Lukashenko",
        "Lukashenka went": "Pavel Latushka",
        "The Kremlin": "Pavel Latushka",
    }


@pytest.mark.parametrize(
    "line",
    [  # a line of narration, not a caption: its colon introduces quoted or plain paragraphs
        'Sviatlana Tsikhanouskaya, the opposition leader, said:\n\n"We never gave him this."',
        "I asked Katarzyna Wolny, who follows Belarus, whether it differs. Her answer:\n\n"
        "I don't think Lukashenko will sign anything.",
    ],
)
def test_a_captions_colon_over_undashed_paragraphs_starts_no_bite(line):
    assert turns("Putin met Lukashenko in Sochi.\n\n" + line + "\n\nThe talks ended.") == []


def test_a_subhead_and_the_report_after_dash_led_answers_are_no_answers():
    text = (
        "Euroradio spoke to Dzianis Kruhlik, an independent military analyst.\n\n"
        "What does the deployment change in practice?\n\n"
        "– In military terms, very little. Nobody will ask Minsk.\n\n"
        "Does it bring Belarus closer to Russia politically?\n\n"
        "– Much closer than any treaty.\n\n"
        "– Look at the exercises, too.\n\n"
        'Opposition: "a hostage of the Kremlin"\n\n'
        'Sviatlana Tsikhanouskaya condemned the deployment. "The regime is turning our '
        'country into a hostage," she wrote on Telegram.\n\n'
        "The US State Department said it saw no reason to change its posture.\n"
    )
    answers = [(s, w) for k, s, w in turns(text) if k == "answer"]
    assert answers == [("Dzianis Kruhlik", w) for w in ("In military", "Much closer", "Look at")]


def test_a_heading_that_ends_with_a_quoted_term_is_no_statement_of_the_spokeswoman():
    text = (
        "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, March 16, 2022\n\n"
        'Table of contents\nThe Western "information blockade"\nAnswers to media questions:\n\n'
        'The Western "information blockade"\n\n'
        "Since 24 February, Russian media have been switched off across the EU.\n\n"
        "Answers to media questions:\n\n"
        "Question (RIA Novosti): Does this change anything?\n\n"
        "No. We left of our own accord yesterday.\n\n"
        "Question: How will Moscow respond to Tokyo?\n\n"
        "Japan's line is regrettable but not surprising.\n"
    )
    answers = [w for k, s, w in turns(text) if k == "answer" and s == "Maria Zakharova"]
    assert answers == ["Since 24", "No. We", "Japan's line"]


def test_a_vox_pops_first_name_and_age_caption_heads_that_passer_bys_dash_led_lines():
    text = (
        "We went to the square and asked passers-by what they think about integration.\n\n"
        "Alena, 34, teacher:\n\n"
        "– I am against. We have our own country.\n\n"
        "Ihar, 63, pensioner:\n\n"
        "– I am for it, what is there to think about? We lived together.\n\n"
        "– And sovereignty?\n\n"
        "– Sovereignty is for those who have money.\n\n"
        "Opposition politician Mikola Varabei told Belsat that the rally would go ahead.\n\n"
        "According to him, a thousand people had signed up.\n"
    )
    assert turns(text) == [
        ("answer", "Alena", "I am"),
        ("answer", "Ihar", "I am"),
        ("answer", "Ihar", "Sovereignty is"),
    ]
    reported = [(q.speaker, q.kind) for q in find_quotes(text) if q.kind == "indirect"]
    assert reported == [("Mikola Varabei", "indirect")] * 2


def test_a_bracketed_caption_line_heads_the_bite_below_it_and_a_sign_off_is_nobodys():
    text = (
        "PRESENTER: Good evening. Minsk has replied to Moscow.\n\n"
        "CORRESPONDENT: The hall on Karl Marx Street was full.\n\n"
        "[Caption: Alexander Lukashenko, President of Belarus]\n"
        "Belarus will never become the 90th subject of the Russian Federation.\n\n"
        "CORRESPONDENT: The opposition, for once, is on the president's side.\n\n"
        "[Caption: Anatoly Lebedko, chairman, United Civic Party]\n"
        "The question of independence cannot be settled in one night.\n\n"
        "Pavel Selin, Yuri Korolyov, Channel One, Minsk.\n\n"
        "PRESENTER: Let us recall what was proposed in Moscow.\n"
    )
    assert turns(text) == [
        ("answer", "Alexander Lukashenko", "Belarus will"),
        ("answer", "Anatoly Lebedko", "The question"),
    ]


def test_a_monitoring_transcripts_bracketed_labels_name_the_speakers():
    text = (
        "Text of report by Belarusian TV on 30 June\n\n"
        "[Presenter Anastasiya Barysevich] Good evening. The forum opened in Grodno today.\n\n"
        "[Correspondent] The hall looks like a factory floor.\n\n"
        "[Alexander Lukashenko, President of Belarus] They wanted to bring us to our knees.\n\n"
        "Today we have the 28 union programmes.\n\n"
        "[Correspondent] Vladimir Putin, for his part, spoke about trade.\n\n"
        "[Vladimir Putin, President of Russia] Attempts to isolate us have failed.\n\n"
        "[Video shows exhibition stands]"
    )
    speakers = {w: s for _, s, w in turns(text)}
    assert speakers["They wanted"] == speakers["Today we"] == "Alexander Lukashenko"
    assert speakers["Attempts to"] == "Vladimir Putin"
    assert "The hall" not in speakers and "Video shows" not in speakers


def test_an_interview_labelled_by_initials_asks_with_the_shorter_turns():
    text = (
        "Ambassador of Belarus Andrei Kobyakov: «We have lived in the Union State for years»\n\n"
        "Natalya GREBNEVA\n\n"
        "N.G.: What has the Single Economic Space given to ordinary Belarusians?\n\n"
        "A.K.: First of all, the borders have become transparent for goods and for people. "
        "Our enterprises work in a common market of 165 million people, and this is not a "
        "slogan but the daily work of thousands of firms.\n\n"
        "N.G.: In Minsk many said that the family silver had been sold...\n\n"
        "A.K.: I would not dramatize. The deal was concluded in November, and already from "
        "January Belarus pays for gas half of what it paid before. Judge for yourselves.\n\n"
        "N.G.: Some say the Kremlin keeps Minsk on a short leash.\n\n"
        "A.K.: Let them say. Who in Europe gave us money when we had a currency crisis? "
        "Nobody. The anti-crisis fund gave three billion dollars, Russia helped.\n\n"
        "N.G.: And what would you wish our readers?\n\n"
        "A.K.: Come to visit us! Minsk, Brest, Belovezhskaya Pushcha. For twenty years we have "
        "kept the roads clean and the prices honest, and we are waiting for you."
    )
    found = turns(text)
    assert [(k, s) for k, s, _ in found if s != "Andrei Kobyakov" or k != "answer"] == [
        ("question", "N.G.")
    ] * 4
    assert sum(1 for k, s, _ in found if (k, s) == ("answer", "Andrei Kobyakov")) == 5


def test_a_briefings_opening_statement_belongs_to_the_speaker_its_heading_announces():
    text = (
        "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, July 6, 2022\n\n"
        "Table of contents\nUpdate on Ukraine\nAnswers to media questions:\n\n"
        "Update on Ukraine\n\n"
        "On July 7-8, Foreign Minister Sergey Lavrov will take part in the G20 meeting.\n\n"
        "We expect the discussion to focus on food and energy security.\n\n"
        "Answers to media questions:\n\n"
        "Question: How would you assess the state of integration within the Union State?\n\n"
        "Maria Zakharova: The Union State is not an abstraction but a living organism."
    )
    assert turns(text) == [
        ("answer", "Maria Zakharova", "On July"),
        ("answer", "Maria Zakharova", "We expect"),
        ("question", "Question", "How would"),
        ("answer", "Maria Zakharova", "The Union"),
    ]


def test_numbered_questions_with_dash_answers_belong_to_whom_the_outlet_asked():
    text = (
        "Sociologist on how Belarusians see the union with Russia\n\n"
        "Belsat asked sociologist Iryna Shumskaya, who heads the group Kompas, what people "
        "really think about it.\n\n"
        "1. How many Belarusians support integration with Russia today?\n\n"
        "– It depends very much on how you ask the question.\n\n"
        "2. Is it even possible to do honest polls?\n\n"
        "– With limitations. People are afraid.\n\n"
        "Interview by Alena Yakzhyk\n\n"
        "Read also:\n"
        "Lukashenka: “We will never be part of Russia, but we will always be together with it”\n"
        "Union programmes: what has been done in three years"
    )
    assert [(k, s) for k, s, _ in turns(text) if k == "answer"] == [
        ("answer", "Iryna Shumskaya")
    ] * 2


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_linked_headline_under_read_also_names_no_interviewee(gap):
    text = (
        "What is in the road maps, we asked the state secretary Grigory Rapota.\n\n"
        "– Where is the truth?\n\n"
        "– Nobody read the documents. None of them concerns the army.\n\n"
        "– And when will people feel the result?\n\n"
        "– Not at once. I think by the end of 2021.\n\n"
        f"READ ALSO{gap}Lukashenko: «We will not build the union at any price»\n"
        "Oil of discord: how much Belarus lost\n"
    )
    assert [s for k, s, _ in turns(text) if k == "answer"] == ["Grigory Rapota"] * 2


def test_labels_of_a_glued_initial_and_a_surname_in_capitals_name_the_speakers():
    text = (
        "MOSCOW, November 27 (Itar-Tass) -- Russian President Vladimir Putin and Belarusian "
        "President Alexander Lukashenko spoke to journalists in the Kremlin on Tuesday\n\n"
        "V.PUTIN: Good evening, colleagues.\n\n"
        "A.LUKASHENKO: Thank you, Vladimir Vladimirovich. I fully agree.\n\n"
        "QUESTION (Channel One): Is the question of the solvents closed?\n\n"
        "A.LUKASHENKO: Closed. Closed back in the summer."
    )
    assert [s for k, s, _ in turns(text) if k == "answer"] == [
        "Vladimir Putin",
        "Alexander Lukashenko",
        "Alexander Lukashenko",
    ]


def test_a_posts_one_rhetorical_heading_and_its_bullets_make_no_interview():
    text = (
        "Pavel Hrybouski, economist\n\n"
        "One year of the union programmes\n\n"
        "Speaking in Grodno, State Secretary Dmitry Mezentsev said the programmes were fine.\n\n"
        "📌 So is this integration or absorption?\n\n"
        "My numbers, for those who like them:\n"
        "• GDP: −4.7% y/y in January–September.\n"
        "• Inflation: 18% y/y in September, falling slowly.\n\n"
        "Bottom line: the integration we have in 2022 is integration by necessity."
    )
    assert turns(text) == []


# --- forms of blind set AA: outlets' labels, transcripts with timestamps, vox pops -----------


def test_a_timestamp_may_open_a_transcripts_speaker_label():
    text = (
        "[00:00:05] Olga Petrova: Welcome back. With me is Andrei Berg. Is this a big deal?\n\n"
        "[00:00:40] Andrei Berg: Partly. The money matters more than the papers.\n\n"
        "[00:01:02] Petrova: And the troops?\n\n"
        "[00:01:05] Berg: They stay until the exercise ends.\n"
    )
    said = {(text[q.start : q.end].split()[0], q.speaker) for q in find_quotes(text)}
    assert ("Partly.", "Andrei Berg") in said
    assert ("They", "Andrei Berg") in said
    assert ("And", "Olga Petrova") in said


def test_first_names_alone_in_a_vox_pop():
    text = (
        "Marina, 52, sells vegetables at the market in Hrodna. “Nobody asked us about the "
        "union,” she says.\n\n"
        "Kirill drives a bus between Pinsk and Bryansk. “On paper we are one country,” he says.\n"
    )
    assert [(q.speaker, text[q.start : q.end]) for q in find_quotes(text)] == [
        ("Marina", "Nobody asked us about the union,"),
        ("Kirill", "On paper we are one country,"),
    ]


# --- forms of blind set AB: possessors, dash asides, signed lines, pull quotes, sections ----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the appositive after a possessor's role names the one who speaks
            "According to Lukashenko’s press secretary, Natalya Eismont, the presidents had not "
            "agreed on oil and gas supplies.",
            ("the presidents had not agreed on oil and gas supplies", "Natalya Eismont"),
        ),
        (
            "According to Putin’s spokesman Dmitry Peskov, the talks will go on in Moscow.",
            ("the talks will go on in Moscow", "Dmitry Peskov"),
        ),
        (  # no name after the role: the possessor, not the subject of the clause
            "According to Putin’s spokesman, Lukashenko will arrive on Friday for the talks.",
            ("Lukashenko will arrive on Friday for the talks", "Vladimir Putin"),
        ),
        (  # an aside between dashes separates the subject from its verb
            "Vladimir Makei — the same Makei who courted Brussels in 2015 — told a conference in "
            "Minsk this month that the union leaves Belarus sovereign.",
            ("the union leaves Belarus sovereign", "Vladimir Makei"),
        ),
        (
            "Putin told a news conference that the loan would be paid in two tranches.",
            ("the loan would be paid in two tranches", "Vladimir Putin"),
        ),
        (  # "so far" is an aside after "that", not a clause of its own
            "Putin stressed that, so far, not much is known about the road maps.",
            ("so far, not much is known about the road maps", "Vladimir Putin"),
        ),
    ],
)
def test_reported_speech_after_possessors_and_asides(text, expected):
    assert [(q[0], q[1]) for q in quotes(text)] == [expected]


def test_that_followed_by_and_is_the_thing_said_not_a_clause():
    assert quotes("Peskov has said that, and I understand why. Moscow does not care.") == []


def test_unmarked_lines_signed_by_their_speaker_on_the_next_line():
    text = (
        "Here is how he put it:\n\n"
        "In the coming months we will transfer the Iskander-M systems to Belarus.\n"
        "— Vladimir Putin, 25 June 2022\n\n"
        "— Who decides this in the end, then?\n"
        "— Putin, of course.\n"
    )
    assert quotes(text) == [
        (
            "In the coming months we will transfer the Iskander-M systems to Belarus.",
            "Vladimir Putin",
            "direct",
        )
    ]


def test_a_pull_quote_goes_to_the_speaker_of_the_words_it_repeats():
    text = (
        "“We have done a great deal of work,” Lukashenko added.\n\n"
        "«Not a merger, but common rules»\n\n"
        "In the words of Prime Minister Roman Golovchenko, the programmes are “not a merger, "
        "but common rules of the game”.\n"
    )
    said = {text[q.start : q.end]: q.speaker for q in find_quotes(text)}
    assert said["Not a merger, but common rules"] == "Roman Golovchenko"
    assert said["We have done a great deal of work,"] == "Alexander Lukashenko"


def test_an_interview_inside_a_report_answers_for_the_person_introduced_before_it():
    text = (
        "Analyst Ales Kravets does not see a step towards unification, "
        "Kravets said in an interview with DW.\n\n"
        "Stefanie Brandt, who deals with Belarus in Berlin, believes the EU missed the moment. "
        "In an interview with DW she explained what the meeting means for Europe.\n\n"
        "— Did Lukashenko sell sovereignty for the loan?\n\n"
        "— Not yet. But each such loan makes him more dependent.\n\n"
        "— And the sanctions?\n\n"
        "— They are symbolic. They change nothing.\n\n"
        "The opposition leader Svetlana Tikhanovskaya wrote on Telegram on Monday that any "
        "agreement signed in Sochi will be revised.\n"
    )
    assert turns(text) == [
        ("question", "interviewer", "Did Lukashenko"),
        ("answer", "Stefanie Brandt", "Not yet."),
        ("question", "interviewer", "And the"),
        ("answer", "Stefanie Brandt", "They are"),
    ]


def test_a_question_in_capitals_and_an_editors_note_in_brackets():
    text = (
        "We asked Hanna Kavaliova, an economist, about the visit.\n\n"
        "— Is the plan almost done?\n\n"
        "— On paper, yes. The rest is slower.\n\n"
        "WHY DID HE NEED THIS TRIP AT ALL? THE PROGRAMMES WERE SIGNED IN 2021.\n\n"
        "He needed money and a picture.\n\n"
        "[The remainder of the interview is not reported.]\n"
    )
    assert [t[:2] for t in turns(text)] == [
        ("question", "interviewer"),
        ("answer", "Hanna Kavaliova"),
        ("question", "interviewer"),
        ("answer", "Hanna Kavaliova"),
    ]


def test_a_stage_direction_ends_no_transcript_turn_and_a_credited_interviewer_asks():
    transcript = (
        "[00:00:04] Nadia Ferris: Welcome. Julian, do you agree?\n\n"
        "[00:00:21] Julian Marsh: Partly. It is almost Marxist, actually. [laughs]\n\n"
        "[00:00:44] Ales Karpovich: It's very Soviet, yes.\n"
    )
    assert ("answer", "Julian Marsh", "Partly. It") in turns(transcript)
    interview = (
        "Oksana Belyaeva\n05.10.2010\n\n"
        "The correspondent has talked with the analyst Viktor Lazovsky.\n\n"
        "O.B.: Why now, before the elections?\n\n"
        "V.L.: I think the decision was ripening for a long time.\n\n"
        "O.B.: How did Minsk react?\n\n"
        "V.L.: Very emotionally, as always.\n"
    )
    assert [t[:2] for t in turns(interview)] == [
        ("question", "O.B."),
        ("answer", "Viktor Lazovsky"),
        ("question", "O.B."),
        ("answer", "Viktor Lazovsky"),
    ]


def test_a_full_quote_after_an_opinion_cue_and_a_colon_is_the_holders():
    text = (
        "Analyst Ales Kravets sees no step towards unification. In the opinion of the analyst, "
        "the Kremlin is buying time: «The Kremlin buys loyalty, not territory.»"
    )
    assert [(q[1], q[2]) for q in quotes(text)] == [
        ("Ales Kravets", "indirect"),
        ("Ales Kravets", "direct"),
    ]


# --- forms of blind set AC: introductions, plain block quotes, relatives, counted terms -------


def test_an_introduction_naming_the_interviews_topic_makes_short_questions_an_interview():
    text = (
        "Economist Aleh Mazurkevich, which earlier worked at BEROC, explained for Svaboda what "
        "means the credit which Vladimir Putin promised to Alexander Lukashenka on Monday.\n\n"
        "What did Lukashenka receive in Sochi?\n\n"
        "On the face, he received what he came for, as far as I understand.\n\n"
        "Is it sovereignty for money?\n\n"
        "Directly, no. But I think the credit is always an instrument.\n"
    )
    assert [t[:2] for t in turns(text)] == [
        ("question", "interviewer"),
        ("answer", "Aleh Mazurkevich"),
        ("question", "interviewer"),
        ("answer", "Aleh Mazurkevich"),
    ]
    assert [q for q in quotes(text) if q[2] == "indirect"] == []  # the topic and a relative


def test_a_block_quote_that_lost_its_indent_under_a_speakers_colon():
    text = (
        "Russia's economy minister, Maxim Oreshkin, told reporters in Sochi late on Saturday:\n\n"
        "We have made significant progress. Some questions remain open, primarily on energy.\n\n"
        "That is diplomatic Russian for not yet. Here is the timeline:\n\n"
        "The talks began in 2018 and will go on into the new year.\n"
    )
    said = [(q[0][:20], q[1], q[2]) for q in quotes(text)]
    assert ("We have made signifi", "Maxim Oreshkin", "direct") in said
    assert not any(q[0].startswith("The talks began") for q in said)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a description followed by someone else's name after a comma is that person
            "Putin met Lukashenko. His Belarusian counterpart, prime minister Roman Golovchenko, "
            "was blunter. “There will be no common currency,” he told state television.",
            [("There will be no common currency,", "Roman Golovchenko")],
        ),
        (  # a quoted term after a count is no speech: "28 sectoral “union programs”"
            'Putin and Lukashenko said they had agreed on 28 sectoral "union programs," along '
            "with a gas market.",
            [
                (
                    'they had agreed on 28 sectoral "union programs," along with a gas market',
                    "Vladimir Putin|Alexander Lukashenko",
                )
            ],
        ),
        (  # a relative clause reports what its subject said the noun would do
            "Minsk signed the programmes, which Putin said would be approved in December.",
            [("would be approved in December", "Vladimir Putin")],
        ),
    ],
)
def test_descriptions_before_names_and_relative_clauses(text, expected):
    assert [(q[0], q[1]) for q in quotes(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "I asked Katarzyna Wolny, who works at a Warsaw think tank and has been optimistic, why.",
        "The referendum on the constitution which Lukashenko has promised for February matters.",
    ],
)
def test_a_think_tank_and_an_objects_relative_report_nothing(text):
    assert quotes(text) == []


def test_an_expert_noun_never_refers_back_to_a_president_or_to_a_name_after_it():
    text = "Vladimir Putin spoke first. The president called the talks useful. The political "
    text += "scientist disagreed. «It is irreversible», - considers the political scientist, "
    text += "the director of the Centre of Eurasian Studies Sergey Voronin."
    people = {(m.text, m.actor) for m in find_actors(text)}
    assert ("The political scientist", "Vladimir Putin") not in people
    assert not any(m == "the political scientist" for m, _ in people)
    assert [(q[0], q[1]) for q in quotes(text)] == [("It is irreversible", "Sergey Voronin")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a verb that hands over to the reporting one
            "Svetlana Tikhanovskaya, who left the country, hurried to declare on Telegram that "
            "any agreements signed in Sochi would be reviewed.",
            [("any agreements signed in Sochi would be reviewed", "Svetlana Tikhanovskaya")],
        ),
        (
            "💬 Political analyst Arseni Malinouski in a comment for NEXTA: «Moscow decides and "
            "Minsk implements the programmes.»",
            [("Moscow decides and Minsk implements the programmes.", "Arseni Malinouski")],
        ),
        (  # an addressee without a determiner, and a time, before "that"
            "Dmitry Mezentsev was direct, telling Rossiyskaya Gazeta in July that a common "
            "parliament remained a goal.",
            [("a common parliament remained a goal", "Dmitry Mezentsev")],
        ),
        (
            "Lukashenko told state television on Tuesday that his country had begun receiving "
            "the weapons.",
            [("his country had begun receiving the weapons", "Alexander Lukashenko")],
        ),
        (  # machine translation's "told to the journalists"
            "Peskov told to the journalists that the conversation lasted five hours.",
            [("the conversation lasted five hours", "Dmitry Peskov")],
        ),
        ('Grigory Rapota told in interview to "KP" what is written in the road maps.', []),
        ('Samoilenko spoke, Viktor Samoilenko told to the correspondent of "Kommersant" X.', []),
    ],
)
def test_cues_addressees_and_topics_of_wires_and_translations(text, expected):
    assert [(q[0], q[1]) for q in quotes(text)] == expected
