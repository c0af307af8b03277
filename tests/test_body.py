"""Body rules: paragraphs, portion marks, headings, page breaks, summary, comment, signer."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cableparse
from cableparse import DefectCode

PREAMBLE = "C O N F I D E N T I A L PARIS 001007\n\nSUBJECT: TEST\n\n"


def body(text: str) -> cableparse.Cable:
    return cableparse.parse_cable(PREAMBLE + text)


def test_portion_marks_of_every_shape() -> None:
    cable = body(
        "1. (S//NF) One.\n\n2. (C/REL NATO) Two.\n\n3.(SBU) Three.\n\n¶4. (U//FOUO) Four.\n\n"
        "5. (S/REL UK) Five.\n\n6. (c) Six.\n\n7. No mark.\n"
    )
    assert [(p.number, p.marking) for p in cable.paragraphs] == [
        (1, "S//NF"),
        (2, "C/REL NATO"),
        (3, "SBU"),
        (4, "U//FOUO"),
        (5, "S/REL UK"),
        (6, "C"),
        (7, None),
    ]
    assert cable.paragraphs[2].text == "Three."


def test_portion_marks_spelled_out_or_written_twice() -> None:
    # 09STATE96222: "4. (SECRET/REL FRANCE) BEGIN TALKING POINTS" kept its mark as text.
    cable = body(
        "1. (SBU) (SBU) The talks go on.\n\n2. (SECRET/REL FRANCE) BEGIN TALKING POINTS\n\n"
        "3. (Confidential) Text.\n\n4. (U) (C) Two marks that differ.\n"
    )
    assert [(p.number, p.marking, p.text) for p in cable.paragraphs] == [
        (1, "SBU", "The talks go on."),
        (2, "S/REL FRANCE", "BEGIN TALKING POINTS"),
        (3, "C", "Text."),
        (4, "U", "(C) Two marks that differ."),
    ]


@pytest.mark.parametrize(
    "opening",
    [
        "CONFIDENTIAL-ENTIRE TEXT.",
        "CONFIDENTIAL - ENTIRE TEXT.",
        "C - ENTIRE TEXT",
        "c entire text.",
    ],
)
def test_the_classification_of_the_entire_text_is_paragraph_ones_mark(opening: str) -> None:
    # 88GUANGZHOU8077, 88LONDON16998, 94PHNOMPENH4053 (alx copies): older cables mark the
    # whole text once, in paragraph 1.
    cable = body(f"\u00b61. {opening}\n\n2. DURING A RECENT CALL.\n")
    assert [(p.number, p.marking, p.text) for p in cable.paragraphs] == [
        (1, "C", ""),
        (2, None, "DURING A RECENT CALL."),
    ]
    run_on = body(f"1. {opening} THE MINISTER SAID.\n").paragraphs[0]
    assert (run_on.marking, run_on.text) == ("C", "THE MINISTER SAID.")
    # A sentence about the entire text is no mark.
    assert body("1. Copies of the entire text follow.\n").paragraphs[0].marking is None


def test_a_pilcrow_before_a_line_that_opens_no_paragraph_is_dropped() -> None:
    # 94JAKARTA10927, 89STATE403378, 97TUNIS5237 (alx copies): the release put a pilcrow
    # before every line that opened like a numbered paragraph, lettered items and years
    # too; the digit after a line that stops mid-sentence lost it already.
    cable = body(
        "1. THE RESPONSES ARE KEYED TO PARAGRAPH THREE:\n\u00b6A.  NONE.\n\u00b6B.  NO.\n"
        "\u00b6I. TO PROTECT AMERICAN LIVES;\nHE SERVED THERE UNTIL\n\u00b61967.  IN\n"
        "\u00b61983 HE RETURNED.\n"
    )
    assert [p.text for p in cable.paragraphs] == [
        "THE RESPONSES ARE KEYED TO PARAGRAPH THREE: A. NONE. B. NO. I. TO PROTECT AMERICAN "
        "LIVES; HE SERVED THERE UNTIL 1967. IN 1983 HE RETURNED."
    ]


def test_a_title_alone_between_blank_lines_heads_the_next_paragraph() -> None:
    # 04MADRID1187, 04ANKARA348: titles without rules, a blank line above and below;
    # they went on with the paragraph above as its last words.
    cable = body(
        "Summary\n\n1. (C) Talks went on.  End Summary.\n\nCaving in to Terrorists?\n\n"
        "2. (C) The opposition said no.\n\n\u201cWe Have a Problem\u201d\n\n3. (C) Yes.\n\n"
        "Comment\n\n4. (C) We think so.\n"
    )
    assert [(p.number, p.heading) for p in cable.paragraphs] == [
        (1, "Summary"),
        (2, "Caving in to Terrorists?"),
        (3, "\u201cWe Have a Problem\u201d"),
        (4, "Comment"),
    ]
    assert [p.text for p in cable.paragraphs] == [
        "Talks went on. End Summary.",
        "The opposition said no.",
        "Yes.",
        "We think so.",
    ]
    assert cable.text_blocks == () and cable.summary == "Talks went on."
    first = PREAMBLE.count("\n") + 1
    headings = [f.span.first_line for f in cable.spans if f.name == "heading"]
    assert headings == [first, first + 4, first + 8, first + 12]
    assert [p.span.last_line for p in cable.paragraphs if p.span] == [
        first + 2,
        first + 6,
        first + 10,
        first + 14,
    ]
    # What stays text: the end of the sentence above, a framing phrase, a redacted
    # name, a sentence.  (A running head in mixed case is layout: see below.)
    for line, above in (
        ("President would agree", "1. (C) The minister said that the"),
        ("END TEXT", "1. (C) BEGIN TEXT: we agree."),
        ("XXXXXXXXXXXX", "1. (C) Text."),
        ("The talks ended.", "1. (C) Text."),
        ("WWW.FBI.GOV/MAJCASES/EASTAFRICA.SUMMARY.HTM", "1. (U) FOUND AT THE WEB SITE:"),
    ):
        cable = body(f"{above}\n\n{line}\n\n2. (C) Next.\n")
        assert [p.heading for p in cable.paragraphs] == [None, None], line
        assert cable.paragraphs[0].text.endswith(line), line


def test_the_classified_web_site_plug_is_layout() -> None:
    # 183 corpus pages close with the post's plug for its classified web site, above the
    # signer or under it; it went on as the last paragraph's words.
    cable = body(
        "1. (C) Text.\n\n2. (U) CPA Baghdad minimize considered.\n"
        "Visit Embassy Amman\u2019s classified website at\n"
        "http://www.state.sgov.gov/p/nea/amman/ or access the site through the State "
        "Department\u2019s SIPRNET home page/\nGNEHM\n"
    )
    assert [p.text for p in cable.paragraphs] == ["Text.", "CPA Baghdad minimize considered."]
    assert cable.signature == "GNEHM"
    first = PREAMBLE.count("\n") + 4
    assert [m.line for m in cable.markers] == [first, first + 1]
    under = body(
        "1. (C) The relationship has begun to sour.\n\nJEFFREY\n\n"
        "           \"Visit Ankara's Classified Web Site at http://www.intelink.s\n"
        'gov.gov/wiki/Portal:Turkey"\n'
    )
    assert [p.text for p in under.paragraphs] == ["The relationship has begun to sour."]
    assert under.signature == "JEFFREY"
    assert len(under.markers) == 2
    # A paragraph that mentions the site keeps its words.
    mention = body(
        "1. (C) Staff were given a briefing\n(available on Embassy Rome's Classified web "
        "site).\n\nSPOGLI\n"
    )
    assert mention.paragraphs[0].text.endswith("Classified web site).")
    assert mention.markers == () and mention.signature == "SPOGLI"


def test_a_later_sections_archival_header_and_repeated_preamble_are_layout() -> None:
    # 01VATICAN4425, 02HANOI2709, 01HARARE3365: the archive's copy of a cable of 2000-2002
    # prints each section with its control number, office block, format lines,
    # classification line and the whole preamble again; the paragraph cut by them goes
    # on after them.
    section = (
        "                           UNCLASSIFIED     PTQ0106\n\n"
        "PAGE 01        VATICA  04425  02 OF 02  240614Z\nACTION DRL-02\n\n"
        "INFO  LOG-00   CIAE-00  DODE-00  SRPP-00  EB-00    EUR-00   UTED-00\n"
        "      PMB-00   G-00     SAS-00     /005W\n"
        "                  ------------------15E3C4  240614Z /40\n"
        "R 231340Z AUG 01\nFM AMEMBASSY VATICAN\nTO SECSTATE WASHDC 0000\n"
        "INFO EUROPEAN POLITICAL COLLECTIVE\nAMEMBASSY BEIRUT\n\n"
        "UNCLAS SECTION 02 OF 02 VATICAN 004425\n\nSIPDIS\n\n"
        "DEPT. FOR EUR/WE (MENNUTI), EUR/PD/PA\n\nE.O. 12958: N/A\n\n"
        "TAGS: PREL PHUM VT\nSUBJECT: VATICAN VERBATIM\n\n"
    )
    cable = body(
        "1. THE BISHOP'S UNION WITH THE\n\n                       UNCLASSIFIED\n\n"
        + section
        + "CHURCH IS FITTINGLY DESCRIBED AS A MARRIAGE.\n\n2. NEXT.\n"
    )
    assert [p.text for p in cable.paragraphs] == [
        "THE BISHOP'S UNION WITH THE CHURCH IS FITTINGLY DESCRIBED AS A MARRIAGE.",
        "NEXT.",
    ]
    assert cable.text_blocks == ()
    marked = {m.text.strip() for m in cable.markers}
    assert {
        "UNCLASSIFIED     PTQ0106",
        "FM AMEMBASSY VATICAN",
        "SUBJECT: VATICAN VERBATIM",
    } <= marked
    assert cable.subject == "TEST" and cable.tags == ()


def test_paragraphs_run_on_inside_a_line_open_there() -> None:
    # 07SANTIAGO983, 02BRASILIA4227 (corpus) and the alx files' copies that lost their line
    # ends (07MOSCOW5585: the whole body on one line): an opening with its portion mark
    # after the end of a sentence or a rule, its number next in line, opens a paragraph
    # on that input line.
    cable = body(
        "1. (C) Summary: talks went on. Septel provides detailed suggestions. 2. (C) We "
        "should neither underestimate Chavez nor lose sight of him. End Summary.\n\n"
        "------- COMMENT -------  3.  (S/NF)  Hurdles remain. 5. (C) Not next in line.\n"
        "The text goes on, U.S. (C) marks inside a sentence stay text.\n"
    )
    assert [(p.number, p.marking, p.heading) for p in cable.paragraphs] == [
        (1, "C", None),
        (2, "C", None),
        (3, "S/NF", "COMMENT"),
    ]
    assert [p.text for p in cable.paragraphs] == [
        "Summary: talks went on. Septel provides detailed suggestions.",
        "We should neither underestimate Chavez nor lose sight of him. End Summary.",
        "Hurdles remain. 5. (C) Not next in line. The text goes on, U.S. (C) marks inside "
        "a sentence stay text.",
    ]
    first = PREAMBLE.count("\n") + 1
    assert [p.span.first_line for p in cable.paragraphs if p.span] == [first, first, first + 2]
    assert cable.summary == (
        "talks went on. Septel provides detailed suggestions. We should neither "
        "underestimate Chavez nor lose sight of him."
    )
    assert "paragraph-number-out-of-sequence" not in [d.code.value for d in cable.defects]
    assert cable.text_blocks == ()
    assert [f.span.first_line for f in cable.spans if f.name == "heading"] == [first + 2]


def test_a_flattened_body_opens_paragraphs_without_marks() -> None:
    # Copies that lost the body's line ends (the alx files' compressed copies): an
    # unclassified cable's paragraphs carry no portion mark, so the number after a
    # sentence's end, next in line, opens the paragraph; also with the release's pilcrow
    # after a word, a mark glued to the period or to the text, and a mark with a list.
    sentence = "The minister said the matter will be discussed at length with the delegation. "
    flat = (
        f"1. {sentence * 3}2. {sentence * 2}Next year, 2008. 3. \u201cWe agree,\u201d he said. "
        f"{sentence}END SUMMARY \u00b64. The talks go on. 5.(C) {sentence}6. (S)XXXXXXXXXXXX "
        f"spoke. 7. (SBU/REL NATO) {sentence}9. Not next in line. 8) Nor this."
    )
    cable = body(flat + "\n")
    assert [(p.number, p.marking) for p in cable.paragraphs] == [
        (1, None),
        (2, None),
        (3, None),
        (4, None),
        (5, "C"),
        (6, "S"),
        (7, "SBU/REL NATO"),
    ]
    assert cable.paragraphs[1].text.endswith("Next year, 2008.")
    assert cable.paragraphs[2].text.startswith("\u201cWe agree,\u201d he said.")
    assert cable.paragraphs[5].text == "XXXXXXXXXXXX spoke."
    assert cable.paragraphs[6].text.endswith("9. Not next in line. 8) Nor this.")
    # Lines of a wrapped cable are no flattened body: a number after a sentence stays text.
    wrapped = body(f"1. {sentence}\nIn 2008. 2. The talks\nwent on.\n")
    assert [p.number for p in wrapped.paragraphs] == [1]


def test_the_pilcrow_opens_a_marked_paragraph_after_any_word() -> None:
    # 01PRETORIA1173 flattened: ``... THAT DIALOGUE. END SUMMARY ¶2. (C) THE ...``; the
    # word before the pilcrow ends no sentence, the pilcrow still opens paragraph 2.
    cable = body("1. (C) SUMMARY: THE TALKS WENT ON. END SUMMARY \u00b62. (C) THE VOTE.\n")
    assert [(p.number, p.text) for p in cable.paragraphs] == [
        (1, "SUMMARY: THE TALKS WENT ON. END SUMMARY"),
        (2, "THE VOTE."),
    ]
    # Without the pilcrow, an opening after a word that ends no sentence stays text.
    cable = body("1. (C) SUMMARY: THE TALKS WENT ON. END SUMMARY 2. (C) THE VOTE.\n")
    assert [p.number for p in cable.paragraphs] == [1]


def test_a_number_out_of_sequence_without_a_mark_is_text() -> None:
    cable = body("1. (C) The vote was on\n2007. It failed.\n\n2. (C) Next.\n")
    assert [p.number for p in cable.paragraphs] == [1, 2]
    assert cable.paragraphs[0].text == "The vote was on 2007. It failed."


def test_page_break_inside_a_paragraph_is_joined() -> None:
    cable = body(
        "1. (C) The minister said that the\n"
        "MADRID 00000869  002 OF 004\n"
        "talks would resume.\n\n"
        " CONFIDENTIAL\n"
        "PAGE 03 HARARE 06677 01 OF 03 291400Z GOVERNMENT WOULD\n"
        "agree.\n"
    )
    (paragraph,) = cable.paragraphs
    assert (
        paragraph.text == "The minister said that the talks would resume. GOVERNMENT WOULD agree."
    )
    assert {m.line for m in cable.markers} == {6, 9, 10}


def test_headings_boxed_flattened_and_underlined() -> None:
    cable = body(
        "-----------\nBACKGROUND\n-----------\n\n1. (C) One.\n\n"
        "Next Steps -----\n\n2. (C) Two.\n\nCOMMENT\n-------\n\n3. (C) Three.\n"
    )
    assert [p.heading for p in cable.paragraphs] == ["BACKGROUND", "Next Steps", "COMMENT"]


def test_a_title_of_two_or_three_lines_over_a_rule_is_one_heading() -> None:
    # 97TUNIS5237 (alx copy), 09KABUL1892, 10RIYADH123 (corpus): only the last line of
    # the title was read as the heading, the lines above went on with the paragraph.
    cable = body(
        "1. HE HAS TWO CHILDREN.\n\n\nSLAHEDDINE BELAID, PUBLIC WORKS AND HOUSING\n"
        "MINISTER\n--------------------\n\n2. BELAID WAS BORN IN 1940.\n\n\n"
        "AMEUR HORCHANI, SECRETARY OF STATE FOR\nAGRICULTURE CHARGED WITH HYDRAULIC\n"
        "FISHERIES\n----------\n\n3. HORCHANI IS AN ENGINEER.\n\n\n"
        "SAID BEN MUSTAPHA, FOREIGN MINISTER           .\n-----------\n\n4. BORN IN TUNIS.\n\n"
        "The talks will go on\nNEXT STEPS\n----------\n\n5. (C) None.\n"
    )
    assert [(p.heading, p.text) for p in cable.paragraphs] == [
        (None, "HE HAS TWO CHILDREN."),
        ("SLAHEDDINE BELAID, PUBLIC WORKS AND HOUSING MINISTER", "BELAID WAS BORN IN 1940."),
        (
            "AMEUR HORCHANI, SECRETARY OF STATE FOR AGRICULTURE CHARGED WITH HYDRAULIC FISHERIES",
            "HORCHANI IS AN ENGINEER.",
        ),
        # A line in lower case above is text, not a title's first line.
        ("SAID BEN MUSTAPHA, FOREIGN MINISTER", "BORN IN TUNIS. The talks will go on"),
        ("NEXT STEPS", "None."),
    ]
    first = PREAMBLE.count("\n") + 1
    headings = [f.span for f in cable.spans if f.name == "heading"]
    assert [(s.first_line - first, s.last_line - first) for s in headings][:2] == [(3, 5), (10, 13)]


def test_a_sentence_above_a_rule_is_no_title() -> None:
    # Wrapped text runs straight into a boxed heading: the last line of the paragraph
    # stands over the upper rule, but it ends a sentence begun on the line above.
    cable = body(
        "1. (C) Summary: The minister said the talks went well and that\n"
        "both sides would meet again next month. End Summary.\n"
        "-------\nCOMMENT\n-------\n"
        "2. (C) We doubt it. The talks ended.\n"
        "BACKGROUND\n----------\n3. (C) A title over a rule after a whole sentence.\n"
    )
    first, second, third = cable.paragraphs
    assert first.text.endswith(
        "went well and that both sides would meet again next month. End Summary."
    )
    assert cable.summary == (
        "The minister said the talks went well and that both sides would meet again next month."
    )
    assert (second.heading, second.text) == ("COMMENT", "We doubt it. The talks ended.")
    assert third.heading == "BACKGROUND"


def test_a_title_of_several_lines_between_rules_is_one_heading() -> None:
    cable = body(
        "1. (C) One.\n"
        "---------------------------------------------\n"
        "(U) Russian presentation of a framework for evaluating\n"
        "BEIJING 00001960  002 OF 004\n"
        "missile risks, dangers and threats; and discussion\n"
        "---------------------------------------------\n\n"
        "2. (S) Two.\n"
    )
    assert [p.text for p in cable.paragraphs] == ["One.", "Two."]
    assert cable.paragraphs[1].heading == (
        "(U) Russian presentation of a framework for evaluating missile risks, dangers and "
        "threats; and discussion"
    )
    assert [m.line for m in cable.markers][-3:] == [
        line + PREAMBLE.count("\n") for line in (2, 4, 6)
    ]


def test_consecutive_headings_are_one_heading() -> None:
    cable = body(
        "PART ONE -----\nTHE TALKS -----\n\n1. (C) One.\n\nAFTERWORD\n---------\n"
        "Closing words here.\n\nFINAL -----\nNOTE -----\n"
    )
    assert [p.heading for p in cable.paragraphs] == ["PART ONE THE TALKS"]
    # An unnumbered block opens with its heading; one with nothing after it is kept.
    assert [t.text for t in cable.text_blocks] == ["AFTERWORD Closing words here.", "FINAL NOTE"]
    headings = [(s.span.first_line, s.span.last_line) for s in cable.spans if s.name == "heading"]
    assert len(headings) == 5


def test_a_number_wrapped_onto_a_line_is_no_paragraph() -> None:
    # The release put a pilcrow before every number that opens a line, a date cut off
    # from its month too (06MADRID2335, 09SANAA1669 have this shape).
    cable = body(
        "\u00b61. (C) The Ambassador met the minister on September\n"
        "\u00b615. The minister said the talks went well, and on\n"
        "3. March they will meet again.\n\n"
        "\u00b62. (C) We doubt it.\n"
    )
    assert [p.number for p in cable.paragraphs] == [1, 2]
    assert cable.paragraphs[0].text == (
        "The Ambassador met the minister on September 15. The minister said the talks "
        "went well, and on 3. March they will meet again."
    )
    assert not [d for d in cable.defects if "paragraph" in d.code.value]


def test_a_number_out_of_sequence_still_opens_a_paragraph_where_one_can_start() -> None:
    cable = body(
        "\u00b61. (C) One ends on a number, see Harare 885\n"
        "\u00b63. Three follows it.\n\n"
        "\u00b68. (C) Eight has a portion mark, after\n"
        "\u00b611. (C) eleven.\n\n"
        "\u00b620. After a blank line.\n"
    )
    assert [p.number for p in cable.paragraphs] == [1, 3, 8, 11, 20]
    assert cable.paragraphs[2].text == "Eight has a portion mark, after"
    out_of_sequence = DefectCode.PARAGRAPH_NUMBER_OUT_OF_SEQUENCE
    assert [d.line for d in cable.defects if d.code is out_of_sequence] == [
        p.span.first_line for p in cable.paragraphs[1:] if p.span
    ]


def test_mangled_pilcrow_numbers_are_repaired_with_a_defect() -> None:
    cable = body("1. (C) One.\n\n2. (C) Two.\n\n13. (C) Three.\n\n14. (C) Four.\n")
    assert [p.number for p in cable.paragraphs] == [1, 2, 3, 4]
    codes = [d.code for d in cable.defects if d.code is DefectCode.MANGLED_PARAGRAPH_NUMBER]
    assert len(codes) == 2


def test_summary_forms() -> None:
    assert body("1. (C) Summary: It rained. End Summary.\n\n2. (C) More.\n").summary == (
        "It rained."
    )
    assert body("1. (C) BEGIN SUMMARY. A.\n\n2. (C) B. END SUMMARY.\n").summary == "A. B."
    assert body("1. (C) Summary and Comment: X happened. End Summary and Comment.\n").summary
    assert body("1. (C) Nothing to sum up.\n").summary is None


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # 08ISLAMABAD3712: the closing in square brackets left "[" in the summary.
        ("Summary: Post believes the time has come.", "Post asks more. [End summary]"),
        ("Summary: Post believes the time has come.", "Post asks more. [End Summary.]"),
        ("Summary: Post believes the time has come.", "Post asks more. (End summary)"),
        ("[Summary: Post believes the time has come.", "Post asks more. End summary]"),
    ],
)
def test_a_summary_in_brackets(first: str, second: str) -> None:
    cable = body(f"1. {first}\n\n2. {second}\n\n3. Comment: We think so. [End comment]\n")
    assert cable.summary == "Post believes the time has come. Post asks more."
    assert cable.comments == ("We think so",)
    assert body("1. Text. [Comment: We think so. End comment.] More.\n").comments == (
        "We think so",
    )


def test_a_summary_label_without_punctuation() -> None:
    # 09TELAVIV457: ``SUMMARY During their trip ...``: the label kept in the summary.
    cable = body(
        "1.  (C)  SUMMARY  During their trip to Israel, CODEL Cardin\n"
        "discussed Iran.  END SUMMARY.\n\n2. (C) More.\n"
    )
    assert cable.summary == "During their trip to Israel, CODEL Cardin discussed Iran."
    # In capitals the word may open a sentence or a heading: no summary without END SUMMARY.
    assert body("1. (C) SUMMARY OF THE TALKS WAS SENT.\n\n2. (C) More.\n").summary is None


@pytest.mark.parametrize(
    "opening",
    [
        "Summary and Recommendation.",
        "SUMMARY & COMMENT:",
        "Summary/Introduction.",
        "Summary and Key Points.",
        "SUMMARY AND BACKGROUND:",
        "Summary & Action Request:",
    ],
)
def test_a_summary_that_shares_its_opening(opening: str) -> None:
    # 08LONDON1350, 09RIYADH181, 09BUENOSAIRES827, 10KUWAIT45, 09PARIS1461: the label was
    # the summary's first words; 08RPODUBAI49's summary in paragraph 2 was not found.
    cable = body(
        "1. (U) This is an action request; see paragraph 4.\n\n"
        f"2. (C) {opening} The talks went well. End Summary.\n\n3. (C) More.\n"
    )
    assert cable.summary == "The talks went well."
    # Other words after "summary and" open no summary.
    assert body("1. (C) He gave a summary and left. Later he came back.\n").summary is None


@pytest.mark.parametrize(
    "stamp",
    [
        "Declassified/Released US Department of State EO\nSystematic Review 05 JUL 2006",
        "Declassified/Released US Department of\nState EO Systematic Review 05 JUL 2006",
        "Declassified/Released US Department of State EO Systematic Review 05 JUL 2006",
    ],
)
def test_a_release_stamp_broken_anywhere_under_the_signer(stamp: str) -> None:
    # 75TEHRAN2069: the stamp broke before "Systematic Review": the signer and the stamp
    # went on with the last paragraph.
    cable = body(f"1. (C) Text.\n\nHELMS\n\n{stamp}\n")
    assert cable.signature == "HELMS"
    assert cable.paragraphs[-1].text == "Text."


@pytest.mark.parametrize("title", ["ECONOMIC AND AGRICULTURAL DEVELOPMENTS", "Understanding Swat"])
def test_a_title_right_on_top_of_its_paragraph_under_blank_lines(title: str) -> None:
    # 03ADANA153 (alx copy), 09ISLAMABAD385 and 4 more corpus pages: the title went on
    # with the paragraph above it.
    cable = body(f"1.  First paragraph text.\n\n\n{title}\n2.  Milliyet: Welding works.\n")
    assert [(p.number, p.heading, p.text) for p in cable.paragraphs] == [
        (1, None, "First paragraph text."),
        (2, title, "Milliyet: Welding works."),
    ]
    # A line that ends a sentence of the paragraph above is no title.
    running = body("1. (C) The minister said that the\n\nPrime Minister\n2. (C) More.\n")
    assert running.paragraphs[1].heading is None


def test_a_comment_the_last_paragraph_leaves_open() -> None:
    # 269 corpus pages (04BRASILIA2263: ``Comment: President Lula was friendly ...``) end
    # with a comment that no END COMMENT closes.
    cable = body("1. (C) Text.\n\n2. (C) Comment: Lula was friendly.  He will call.\n\nSOBEL\n")
    assert cable.comments == ("Lula was friendly. He will call",)
    assert cable.signature == "SOBEL"
    headed = body("1. (C) Text.\n\nComment\n-------\n\n2. (C) Lula was friendly.\n")
    assert headed.comments == ("Lula was friendly",)
    # Closed, it is read once; opened earlier than the last paragraph, not at all.
    closed = body("1. (C) Text.\n\n2. (C) Comment: Friendly. End comment.\n")
    assert closed.comments == ("Friendly",)
    assert body("1. (C) Comment: Friendly.\n\n2. (C) More.\n").comments == ()
    assert body("1. (C) Text.\n\n2. (C) The comment: none.\n").comments == ()


def test_the_plug_boxed_in_stars_with_a_second_invitation_is_layout() -> None:
    # 07KUWAIT808 and 34 more corpus pages: the rule of stars and the lines above the one
    # that names the site went on with the last paragraph.
    cable = body(
        "1. (C) Text.\n\n2. (SBU) A/S O'Brien cleared this cable.\n\n"
        "********************************************* *\n"
        "For more reporting from Embassy Kuwait, visit:\n"
        "http://www.state.sgov.gov/p/nea/kuwait/?cable s\n\n"
        "Visit Kuwait's Classified Website:\nhttp://www.state.sgov.gov/p/nea/kuwait/\n"
        "********************************************* *\n\nLeBaron\n"
    )
    assert cable.paragraphs[-1].text == "A/S O'Brien cleared this cable."
    assert cable.signature == "LeBaron"
    assert [m.line for m in cable.markers] == [9, 10, 11, 13, 14, 15]
    # Text right above the plug stays the paragraph's.
    kept = body(
        "1. (C) We will visit the ministry:\n\nVisit Kuwait's Classified Website:\n"
        "http://www.state.sgov.gov/p/nea/kuwait/\n\nLeBaron\n"
    )
    assert kept.paragraphs[-1].text == "We will visit the ministry:"


def test_comments_in_parentheses_and_alone() -> None:
    cable = body(
        "1. (C) Text. (Comment: They may be bluffing. End Comment.) More.\n\n"
        "2. (C) Comment: Watch this space. End Comment.\n"
    )
    assert cable.comments == ("They may be bluffing", "Watch this space")


def test_a_body_without_paragraph_numbers_is_read_as_its_blocks_of_text() -> None:
    # 09USEUBRUSSELS1177 (paul-mathieu copy), 09ANKARA1594, 89STATE404914: a cable written
    # without paragraph numbers was one text block; a blank line ends each block.  A page
    # break inside a block does not, and the text blocks keep their lines.
    cable = body(
        "First paragraph of the text, which goes on\nover two lines.\n\n"
        "PARIS 00000457  002 OF 002\n\nstill the first paragraph.\n\n"
        "Second paragraph.\n\n\nThird.\n\nSTAPLETON\n"
    )
    texts = [block.text for block in cable.text_blocks]
    assert texts == [
        "First paragraph of the text, which goes on over two lines. still the first paragraph.",
        "Second paragraph.",
        "Third.",
    ]
    first = PREAMBLE.count("\n") + 1
    spans = [
        (b.span.first_line - first, b.span.last_line - first) for b in cable.text_blocks if b.span
    ]
    assert spans == [(0, 5), (7, 7), (10, 10)]
    assert cable.signature == "STAPLETON"
    # Inside a numbered paragraph a blank line ends nothing.
    numbered = body("1. (C) Text:\n\n-- one;\n\n-- two.\n")
    assert [p.text for p in numbered.paragraphs] == ["Text: -- one; -- two."]
    assert numbered.text_blocks == ()
    # Two title lines over a rule, a block of their own, are the next paragraph's heading.
    titled = body(
        "CONTENTS\n\n-- ONE\n\nIMF PROPOSES INCLUDING\nREMITTANCES IN GDP\n------------------\n\n"
        "1. (U) Text.\n"
    )
    assert titled.paragraphs[0].heading == "IMF PROPOSES INCLUDING REMITTANCES IN GDP"
    assert [b.text for b in titled.text_blocks] == ["CONTENTS", "-- ONE"]


def test_a_signer_glued_after_a_short_closing_formula() -> None:
    # 08STATE50524: ``END TALKING POINTS. RICE``, a block of its own.
    cable = body("THE POINTS -- One.\n\nEND TALKING POINTS. RICE\nNNNN\n")
    assert cable.signature == "RICE"
    assert [b.text for b in cable.text_blocks] == ["THE POINTS -- One.", "END TALKING POINTS."]
    assert body("THE POINTS -- One.\n\nWE AGREE. RICE\n").signature is None


def test_a_comment_over_several_paragraphs() -> None:
    # 62 corpus pages (06LAPAZ2657, 08MADRID1359, 09BAGHDAD11 ...) open a comment in one
    # paragraph and close it, or write ``Comment continued:``, in a later one; the comment
    # was lost.
    closed = body(
        "1. (C) Intro.\n\n2. (C) Comment: First part.\n\n3. (C) Middle part.\n\n"
        "4. (C) Last part. End Comment.\n\n5. (C) After.\n"
    )
    assert closed.comments == ("First part. Middle part. Last part",)
    assert [p.text for p in closed.paragraphs][1] == "Comment: First part."
    continued = body(
        "1. (C) Intro.\n\n2. (C) Comment: Regardless, it loses.\n\n"
        "3. (C) Comment continued: Our role is to help.\n\nGOLDBERG\n"
    )
    assert continued.comments == ("Regardless, it loses. Our role is to help",)
    assert continued.signature == "GOLDBERG"
    # A heading opens it too; ``Comment (cont'd):`` before the closing is dropped.
    headed = body(
        "1. (C) Intro.\n\nComment\n-------\n\n2. (C) One.\n\n"
        "3. (C) COMMENT (CONT'D): Two. END COMMENT.\n"
    )
    assert headed.comments == ("One. Two",)


@pytest.mark.parametrize(
    "text",
    [
        # The word at the end of a sentence opens nothing.
        "1. (C) He declined to comment.\n\n2. (C) Second part. End Comment.\n",
        # A closing above (END SUMMARY AND COMMENT too) ends the comment opened there.
        "1. (C) Summary: A. COMMENT: B. END SUMMARY AND COMMENT.\n\n2. (C) C. END COMMENT.\n",
        # Too far above.
        "1. (C) Comment: A.\n\n"
        + "".join(f"{n}. (C) Text.\n\n" for n in range(2, 9))
        + "9. (C) B. End comment.\n",
        # A paragraph that goes on with no comment above.
        "1. (C) Text.\n\n2. (C) Comment continued: more.\n",
    ],
)
def test_a_closing_with_no_opening_above_makes_no_comment(text: str) -> None:
    assert body(text).comments == ()


def test_signature_alone_glued_and_not_a_closing_phrase() -> None:
    assert body("1. (C) Text.\n\nTIMKEN JR\n").signature == "TIMKEN JR"
    assert body("1. (C) Text.\n\nEikenberry\n").signature == "Eikenberry"
    glued = body("1. (C) We will follow up with the ministry next week. Beyrle\n")
    assert glued.signature == "Beyrle"
    assert glued.paragraphs[0].text == "We will follow up with the ministry next week."
    assert body("1. (C) Text.\n\nEND COMMENT.\n").signature is None
    # 06MANAGUA1002: the release cut the text off at ``DANIEL ORTEGA AN...``, the preview
    # of the subject, printed under the signer (05PARIS1699, 08BEIJING4687 too).
    assert body("1. (C) Text.\n\nDANIEL ORTEGA AN...\n").signature is None
    for end in ("TRIVELLI\n\nDANIEL ORTEGA AN...\n", "TRIVELLI\nT ONE ORDERED RELEASED ON...\n"):
        cut = body("1. (C) The footage was filmed June 24, 1984.\n" + end)
        assert cut.signature == "TRIVELLI"
        assert cut.paragraphs[0].text == "The footage was filmed June 24, 1984."
        assert [m.text for m in cut.markers] == [end.split("\n")[-2]]
    # A paragraph cut off is no preview under a signer: its text stays.
    cut_text = body("1. (C) The museum will open in the world's\nl...\n")
    assert cut_text.signature is None
    assert cut_text.paragraphs[0].text == "The museum will open in the world's l..."
    # Previews one under another: the signer is looked for above the last one only.
    assert body("1. (C) Text.\n\nPEKALA\n\nAB...\nCD...\n").signature is None
    assert body("1. (C) Text.\n\nPEKALA\n\n...\n").signature == "PEKALA"
    assert body("1. (C) Text.\n\nCFM\n").signature is None


def test_redactions_counted_per_paragraph_and_cable() -> None:
    cable = body(
        "1. (S) XXXXXXXXXXXX told poloff that xxxxxxxxxxxx and XXXXXXXXXX agreed.\n\n"
        "2. (S) No names. TAXXXXXXXXXXXES is a word.\n"
    )
    assert [p.redactions for p in cable.paragraphs] == [3, 0]
    assert cable.redactions == 3


def test_unnumbered_body_text_is_kept() -> None:
    cable = body("The embassy has no comment on this request.\n")
    assert cable.paragraphs == ()
    assert [b.text for b in cable.text_blocks] == ["The embassy has no comment on this request."]


def test_signer_above_transmission_trailer() -> None:
    cable = body(
        "1. (C) The talks will go on.\n\nLAINGEN\n\nCONFIDENTIAL\n\n"
        "Declassified/Released US Department of State EO Systematic\nReview 30 JUN 2006\n"
    )
    assert cable.signature == "LAINGEN"
    assert cable.paragraphs[0].text == "The talks will go on."
    assert {m.text.strip() for m in cable.markers} >= {"CONFIDENTIAL", "Review 30 JUN 2006"}


def test_a_newspaper_print_stamp_under_the_signer_is_trailer() -> None:
    # 09SAOPAULO487: the copies El Pais published end on its print stamp and document
    # number, which were a text block of their own and hid the signer.
    stamp = (
        "Track impresión: asegovia @ Sat Dec 4 19:20:36 2010. Este documento es propiedad "
        "de EL PAÍS\nID:\t187536"
    )
    for text in ("1. (U) The consulate will report.\n", "The consulate will report.\n"):
        cable = body(text + "WHITE\n\n" + stamp + "\n")
        assert cable.signature == "WHITE"
        assert [m.text for m in cable.markers] == stamp.split("\n")
        assert "WHITE" not in str(cable.paragraphs) + str(cable.text_blocks)


def test_a_level_word_broken_under_the_signer_is_trailer() -> None:
    # 05GUAYAQUIL412 (alx copy): the last classification line came out in pieces under
    # the signer, and the last piece was read as the signer.
    for trailer in ("UNCLASSIFIED4\nFIED", "UNCLASSI\nFIED", "CONFIDEN\n\nTIAL"):
        cable = body("1. (U) The consulate will report.\n\nJONES\n" + trailer + "\n")
        assert cable.signature == "JONES", trailer
        assert cable.paragraphs[0].text == "The consulate will report."
        assert [m.text for m in cable.markers] == [t for t in trailer.split("\n") if t]
    # A name that is no piece of a level word still signs.
    assert body("1. (U) Text.\n\nSECOR\n").signature == "SECOR"


def test_the_downgrading_group_of_older_cables_is_layout() -> None:
    # 66BUENOSAIRES2481: "GP-3" between the last paragraph and the signer went on as
    # the paragraph's last word.
    cable = body("8.  IF AUTHORIZED, ENVISAGE TWO-STEP APPROACH TO FONOFF.\n\nGP-3 \nSACCIO\n")
    assert cable.paragraphs[-1].text == "IF AUTHORIZED, ENVISAGE TWO-STEP APPROACH TO FONOFF."
    assert cable.signature == "SACCIO"
    assert [m.text for m in cable.markers] == ["GP-3 "]
    # Text that merely ends in such a group is no marker.
    assert body("1. (U) It is on GP-3\n").paragraphs[0].text == "It is on GP-3"


def test_a_dash_alone_above_a_blank_line_or_a_number_is_a_spacer() -> None:
    # 90MANAMA4053, 90CAPETOWN97: archive copies leave "- " between paragraphs.
    cable = body(
        "1. FIRST HAND ACCOUNTS WILL FOLLOW SEPTEL:\n- \n\n2. THE DAILY REPORTED.\n- \n"
        "\u00b63.  THE SAG IS CONCERNED.\n\n4. The plan weakens all Allies.\n\n--\n"
        "Public discussion would make it harder.\n"
    )
    assert [p.text for p in cable.paragraphs] == [
        "FIRST HAND ACCOUNTS WILL FOLLOW SEPTEL:",
        "THE DAILY REPORTED.",
        "THE SAG IS CONCERNED.",
        # Above text, the dash is a bullet (09STATE127892).
        "The plan weakens all Allies. -- Public discussion would make it harder.",
    ]
    assert [m.text for m in cable.markers] == ["- ", "- "]


def test_a_quote_left_under_the_release_trailer_is_trailer() -> None:
    # 02VATICAN298 (alx copy): the page ends with a lone quotation mark.
    cable = body(
        "3. (C) COMMENT: THE TALKS GO ON.\nNICHOLSON\n\n   CONFIDENTIAL\n\n>\n\n"
        ' 2002VATICA00298 - Classification: CONFIDENTIAL\n\n"\n'
    )
    assert cable.signature == "NICHOLSON"
    assert cable.paragraphs[0].text == "COMMENT: THE TALKS GO ON."


_LATER_SECTION = """NNNN \n\n                       UNCLASSIFIED \n\n\
PAGE 01        BERLIN  03009  02 OF 06  151400Z \nACTION EUR-01 \n\n\
INFO  LOG-00   ADS-00   AMAD-01  CIAE-00  DODE-00  ANHR-01  EB-01 \n\
      FRB-01   HA-09    H-01     INRE-00  INR-01   LAB-04   L-03 \n\
        /053W \n                  ------------------897809  151441Z /48 \n\
R 151341Z AUG 91 \nFM USOFFICE BERLIN \nTO SECSTATE WASHDC 4244 \n\
INFO AMEMBASSY BONN \nUSIA WASHDC 1882 \n \nUNCLAS SECTION 02 OF 06 BERLIN 03009 \n \n\
SIPDIS \n \n \nDEPT PASS FEDERAL RESERVE FOR LEWIS ALEXANDER \n\
                       UNCLASSIFIED \n \n                       UNCLASSIFIED \n \n\
PAGE 02        BERLIN  03009  02 OF 06  151400Z \n \nE.O. 12356: N/A \n\
TAGS: ELAB PGOV GM EIND \nSUBJECT: UNEMPLOYMENT UP SHARPLY IN JULY \n \n"""


def test_a_later_section_of_an_archival_copy_is_layout() -> None:
    # 91BERLIN3009 (alx copy): each section repeats NNNN, its first page line, the office
    # list, the format lines and the preamble; all of it went into the paragraphs.
    cable = body(
        "5. (U) SHORT-TIME WORK FELL IN ALL\nSECTORS.\n" + _LATER_SECTION + "IN JULY.\n\n"
        "6. (U) THE TABLES FOLLOW.\n"
    )
    assert [(p.number, p.text) for p in cable.paragraphs] == [
        (5, "SHORT-TIME WORK FELL IN ALL SECTORS. IN JULY."),
        (6, "THE TABLES FOLLOW."),
    ]
    texts = [m.text.strip() for m in cable.markers]
    assert texts[0] == "NNNN" and "ACTION EUR-01" in texts and "SIPDIS" in texts
    assert texts[-1].startswith("SUBJECT:")
    # The copy's own fields raise nothing (the test's preamble names no year).
    assert [d.code for d in cable.defects] == [DefectCode.REFERENCE_ID_MISSING]


def test_signer_shapes() -> None:
    def signer(tail: str) -> str | None:
        return body("1. (C) THE TALKS WILL GO ON NEXT WEEK IN THE CAPITAL.\n" + tail).signature

    assert signer("\nGILLESPIE##\n") == "GILLESPIE"
    assert signer("\nMCNAMARA.\n") == "MCNAMARA"
    assert signer("\n\nDE PREE\n") == "DE PREE"
    assert signer("\nO'DONOHUE\n") == "O'DONOHUE"
    assert signer("\nSTRAUSZ-HUPE\n\nNNNN\n\n 2004CARACA01540 - UNCLASSIFIED\n") == "STRAUSZ-HUPE"
    assert signer("\nSEMBLER\n\n   SECRET\n\n>\n") == "SEMBLER"
    assert signer("\nREGARDS\n\nCARSON\n") == "CARSON"
    assert signer("2.  BEIRUT MINIMIZE CONSIDERED.  EAGLETON\n") == "EAGLETON"
    assert signer("END OF TEXT. BAKER\n\nUNCLASSIFIED\n") == "BAKER"
    # An all-caps last sentence is text, not a signer.
    assert signer("2. (C) THE MINISTER DID NOT COMMENT ON THE PLAN.\n") is None
    assert signer("2. (C) THE MINISTER LEFT. HE DID NOT COMMENT.\n") is None
    assert signer("2. (C) THE MINISTER LEFT. NO COMMENT\n") is None
    # One word glued after the last sentence of an all-caps cable, without a period, is
    # the signer (09STATE132349's compressed alx copy, 91BERLIN3009).
    cable = body("2. (U) PLEASE CITE C-AL9-02612 IN REPORTING ON THE ABOVE QUESTIONS. CLINTON\n")
    assert cable.signature == "CLINTON"
    assert cable.paragraphs[0].text.endswith("ABOVE QUESTIONS.")
    assert signer("2. (U) PLEASE CITE IT IN REPORTING. CLINTON.\n") is None


def test_a_signer_after_the_last_word_of_a_wrapped_sentence() -> None:
    # The sentence's last word wrapped onto the signer's line: it stays in the text.
    cable = body("1. (C) The Ambassador will raise this with\nErdogan. MOORE\n")
    assert (cable.signature, cable.paragraphs[0].text) == (
        "MOORE",
        "The Ambassador will raise this with Erdogan.",
    )
    assert body("1. (C) Text ends.\n\nCLARK T. RANDT\n").signature == "CLARK T. RANDT"


def test_no_signer_when_the_body_stops_mid_sentence() -> None:
    cable = body("56. (U) The auction is set.\n\n57. (U) The monthly inflation rate was 5.6. The\n")
    assert cable.signature is None
    assert cable.paragraphs[-1].text.endswith("was 5.6. The")


def test_repeated_signer_names_one_person() -> None:
    assert body("1. (C) Text follows here.\n\nPARDEW PARDEW\n").signature == "PARDEW"
    assert body("1. (C) Text follows here.\n\nCLINTON UNQUOTE CLINTON\n").signature == "CLINTON"
    glued = body("1. (C) Talks went on with the leaders of the opposition. Daniel Ortega an\n")
    assert glued.signature is None


def test_summary_shapes_around_paragraph_one() -> None:
    def summary(text: str) -> str | None:
        return body(text).summary

    # Unnumbered, before paragraph 1.
    assert summary("SUMMARY: THE CABINET FELL.\nEND SUMMARY\n\n1. IN THE WAKE\n") == (
        "THE CABINET FELL."
    )
    # Flattened box heading, and the opening repeated in the paragraph.
    assert summary("------- SUMMARY -------\n\n1. Summary: Talks ended. End Summary.\n") == (
        "Talks ended."
    )
    # Portion mark after the opening.
    assert summary("1.  Summary: (SBU) Prices rose. End Summary\n\n2. More.\n") == "Prices rose."
    # Only the closing formula.
    assert summary("1. (C) The minister resigned. END SUMMARY.\n\n2. (C) Details.\n") == (
        "The minister resigned."
    )
    # Spread over paragraphs, closed with a longer formula.
    assert summary(
        "1. (S) SUMMARY AND COMMENT: During a visit to\n\n2. (C) members praised the\n\n"
        "3. (C) plan. END SUMMARY AND COMMENT.\n"
    ) == ("During a visit to members praised the plan.")
    # A heading flattened into the text ends it.
    assert summary("1.(C) Summary: The talks went well. -------- Training --------\n") == (
        "The talks went well."
    )
    # Underlined with Unicode hyphens.
    assert summary(
        "1. (SBU) Part one of three.\n\nSUMMARY AND INTRODUCTION\n‐‐‐‐‐‐‐‐‐‐‐‐\n\n"
        "2. (C) Expectations were dashed. END SUMMARY AND INTRODUCTION.\n"
    ) == ("Expectations were dashed.")


def test_running_text_lines_are_only_those_no_line_check_takes() -> None:
    # parse_body reads one by one only the lines _special_lines picks; every line a layout,
    # paragraph or heading check takes must be among them, whatever those patterns become.
    import sys

    from cableparse import body as module
    from cableparse.layout import DASH_LINE, PAGE_LINE, is_repeated_classification, page_line_rest
    from cableparse.policy import DEFAULT, DefectSink
    from cableparse.vocab import ONE_WORD_CAPTIONS

    lines = [
        "PAGE 02 HARARE 06677 01 OF 03 291400Z GOVERNMENT WOULD",
        "MADRID 00000869  002 OF 004",
        "2004CARACA02200 - CONFIDENTIAL",
        "NNNN",
        "BT",
        "C O N F I D E N T I A L",
        "-- secret --",
        "SIPDIS",
        "--------- ----",
        "Title \u2010\u2010\u2010",
        "Next Steps -----",
        "\u00b6 4. (U//FOUO) Four.",
        "\u0663. (C) A number in Arabic-Indic digits.",
        "The minister said that the talks would resume next week in Geneva, anti-",
        "A line of running text that ends with a quote \u201cas said\u201d",
    ]
    sink = DefectSink(DEFAULT, lines)
    reader = module._Reader(lines, 0, len(lines), module._Probe(lines, False), sink)
    special = set(reader._special_lines(None))
    for index, line in enumerate(lines):
        text = line.strip()
        taken = (
            page_line_rest(line) is not None
            or PAGE_LINE.match(line) is not None
            or is_repeated_classification(text)
            or DASH_LINE.match(text) is not None
            or text in ONE_WORD_CAPTIONS
            or module._PARAGRAPH.match(line) is not None
            or module._heading_at(lines, index, len(lines)) is not None
        )
        assert index in special or not taken, line
    # Folding by squeezing spaces needs every other white space character listed (but the
    # line ends and the control characters, which normalize() replaces).
    from cableparse import text as text_module

    white = {chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()}
    blanked = {char for char in white if text_module._CONTROL.match(char)}
    latin_1 = {char.decode("latin-1") for char in text_module._LATIN_1_WHITE}
    assert latin_1 | text_module._WIDE_WHITE == white - {" ", "\n", "\r"} - blanked


_MARK_PIECES = st.sampled_from(
    [" ", "  ", "\t", "(", ")", ".", "/", "//", "C", "S", "U", "SBU", "TS", "NF", "c", "-N", "x"]
)


@given(
    pilcrow=st.sampled_from(["", "\u00b6", "\u00b6 ", "\u00b6  "]),
    number=st.sampled_from(["1", "12", "123", "1234", "\u0663"]),
    rest=st.lists(_MARK_PIECES, max_size=8).map("".join),
    lead=st.sampled_from(["", " ", "\t"]),
)
def test_plain_paragraph_reads_as_the_full_pattern(
    pilcrow: str, number: str, rest: str, lead: str
) -> None:
    from cableparse import body as module

    raw = lead + pilcrow + number + rest
    text = raw.strip()
    plain = module._PLAIN_PARAGRAPH.match(text)
    if plain is None:
        return
    full = module._PARAGRAPH.match(raw)
    assert full is not None
    assert full.group(1, 2) == plain.group(1, 2)
    assert raw[full.end() :].strip() == text[plain.end() :].strip()
    assert ("\u00b6" in full.group(0)) == ("\u00b6" in plain.group(0))


@given(st.text(alphabet="xXxXxX aZ.\u00e9\u0130\u212a1-\u2019\x00", max_size=60))
def test_redaction_count_from_the_lower_case_bytes(text: str) -> None:
    from cableparse import body as module

    lowered = text.encode("utf-8", "surrogatepass").lower()
    assert module._count_redactions(lowered) == len(module._REDACTION.findall(text))
    texts = text.split("\x00")
    expected = [len(module._REDACTION.findall(piece)) for piece in texts]
    assert module._redactions(texts, "\x00".join(texts).encode().lower()) == expected


def test_sections_pasted_one_after_another(seed_cable_text: str) -> None:
    # The seed cut into two sections, each with its own routing header and classification
    # line, pasted together: the second header is layout inside the body, and the text
    # reads as the seed's.
    head, body = seed_cable_text.split("C O N F I D E N T I A L BEIJING 001960")
    first, second = body.split("¶3.")
    section = "C O N F I D E N T I A L SECTION {} OF 02 BEIJING 001960"
    text = (
        head.replace("#1960 ", "#1960/01 ")
        + section.format("01")
        + first
        + "\n"
        + head.replace("#1960 ", "#1960/02 ")
        + section.format("02")
        + "\n\nSIPDIS\n\n¶3."
        + second
    )
    seed = cableparse.parse(seed_cable_text)
    pasted = cableparse.parse(text)
    assert isinstance(seed, cableparse.Cable) and isinstance(pasted, cableparse.Cable)
    assert pasted.section == cableparse.Section(1, 2)
    assert [(p.number, p.heading, p.text) for p in pasted.paragraphs] == [
        (p.number, p.heading, p.text) for p in seed.paragraphs
    ]
    assert pasted.text_blocks == () and pasted.signature == "RANDT"
    markers = [m.text for m in pasted.markers]
    assert markers[0] == "VZCZCXRO2111" and section.format("02") in markers
    assert len(markers) == head.strip().count("\n") + 1 + 2  # the header, the line, SIPDIS
    assert pasted.unparsed == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Items of a list inside a marked paragraph, numbered with a parenthesis.
        (
            "¶1. (SBU) Four channels:\n2) Talks\n3) Visits\n\n¶2. (SBU) More.\n",
            [(1, "SBU", "Four channels: 2) Talks 3) Visits"), (2, "SBU", "More.")],
        ),
        ("1. (C) One:\n\n2) item\n\n2. (C) Two.\n", [(1, "C", "One: 2) item"), (2, "C", "Two.")]),
        # Questions of a tasking cable, each with its own mark, inside paragraph 1.
        (
            "¶1. (C/NF) Questions:\n1) (C/NF) WHO?\n2) (C/NF) WHEN?\n\n¶2. (U) Cite it.\n",
            [(1, "C/NF", "Questions: 1) (C/NF) WHO? 2) (C/NF) WHEN?"), (2, "U", "Cite it.")],
        ),
        # Paragraphs numbered with a parenthesis throughout stay paragraphs.
        ("1) (C) One.\n\n2) (C) Two.\n", [(1, "C", "One."), (2, "C", "Two.")]),
        ("1) One.\n\n2) Two.\n", [(1, None, "One."), (2, None, "Two.")]),
    ],
)
def test_list_items_with_a_parenthesis_inside_marked_paragraphs(
    text: str, expected: list[tuple[int, str | None, str]]
) -> None:
    cable = cableparse.parse_cable(text)
    assert [(p.number, p.marking, p.text) for p in cable.paragraphs] == expected


def test_collection_directive_items_are_no_paragraphs(
    cablegate_pages: list[tuple[str, str, int]],
) -> None:
    # 09MOSCOW2754 lists four channels as 1) ... 4) inside paragraph 1, the 2009
    # collection directives list their topics as 1) ... under each heading, and
    # 09STATE74787 asks its questions as 1) (C/NF) ...: WikiLeaks anchored the paragraphs
    # only.
    texts = {name: text for name, text, _ in cablegate_pages}
    numbers = {
        name: [p.number for p in cableparse.parse_cable(texts[name]).paragraphs]
        for name in ("09MOSCOW2754", "09STATE80163", "09STATE62393", "09STATE74787")
    }
    assert numbers == {
        "09MOSCOW2754": [1, 2, 3, 4, 5, 6, 7],
        "09STATE80163": [1, 2, 3, 15],
        "09STATE62393": [1, 2, 3, 4],
        "09STATE74787": [1, 2],
    }


def test_wrapped_and_spaced_rules_underline_headings() -> None:
    # 97ROME9630, 09CHENGDU229: the wrap left a dash of the rule alone; 99STATE236463:
    # a title boxed by spaced dashes.  Both titles went on as the paragraph's last words.
    cable = body(
        "1. (C) Text.\n\nXXXXXXXXXXXX Says Requests Are Legitimate\n"
        "--------------------------------------------- -\n\n2. (C) More.\n\n"
        "- - - - - - - - - - - -\nMAY 1998 FATWA\n- - - - - - - - - - - -\n\n3. (C) End.\n"
    )
    assert [(p.heading, p.text) for p in cable.paragraphs] == [
        (None, "Text."),
        ("XXXXXXXXXXXX Says Requests Are Legitimate", "More."),
        ("MAY 1998 FATWA", "End."),
    ]
    # The redacted name in the heading is a redaction of the body.
    assert cable.redactions == 1


def test_a_pilcrow_alone_on_its_line_is_layout() -> None:
    cable = body("1. (C) Text.\n\u00b6\nMore text.\n\n2. (C) Next.\n")
    assert [p.text for p in cable.paragraphs] == ["Text. More text.", "Next."]
    assert [(m.line, m.text) for m in cable.markers] == [(PREAMBLE.count("\n") + 2, "\u00b6")]


def test_a_title_right_under_the_paragraph_above_heads_the_next_one() -> None:
    # 10ABUDHABI9, 09RIYADH447: re-keyed copies set titles under the last line of the
    # paragraph above, a blank line only below them.
    cable = body(
        "1. (S) Officials pledged to share results.\nTaliban/Haqqani Network\n\n"
        "2. (S) Mendelsohn acknowledged the steps.\nIRAN\n\n3. (S) Text.\n"
    )
    assert [(p.heading, p.text) for p in cable.paragraphs] == [
        (None, "Officials pledged to share results."),
        ("Taliban/Haqqani Network", "Mendelsohn acknowledged the steps."),
        ("IRAN", "Text."),
    ]
    # A sentence, a question or a quotation under a sentence stays text.
    for line in (
        'Larijani was in Egypt on a week-long "private visit."',
        "What would you have me say?",
        "The minister said he would not stay in Cairo for the talks",
    ):
        cable = body(f"1. (C) He left.\n{line}\n\n2. (C) Next.\n")
        assert [p.heading for p in cable.paragraphs] == [None, None], line


def test_a_title_boxed_by_rules_between_blank_lines_heads_the_next_paragraph() -> None:
    # 10CAIRO150, 10BOGOTA13: blank lines inside the box; the title went on as the last
    # words of the paragraph above.
    cable = body(
        "1. (U) Stories in the press:\n\n--------------------------------------------- -\n\n"
        "Egypt's Ranking Improves\n\n--------------------------------------------- -\n\n"
        "2. (U) Egypt moved up.\n\nFloods Cause Damage\n\n--------\n\n3. (U) Rain fell.\n"
    )
    assert [(p.heading, p.text) for p in cable.paragraphs] == [
        (None, "Stories in the press:"),
        ("Egypt's Ranking Improves", "Egypt moved up."),
        ("Floods Cause Damage", "Rain fell."),
    ]
    assert len(cable.markers) == 3


def test_a_title_boxed_at_the_end_of_the_line_above_heads_the_next_paragraph() -> None:
    # 09CAIRO2249 (alx copy, one line a paragraph), 08BRASILIA43: the boxed title stood at
    # the end of the paragraph above, after its last sentence; a wrap may break the rules.
    cable = body(
        "3.(C) Goods were checked by security officials. ------------------------------ "
        "Security Implementation Uneven ------------------------------\n\n"
        "4.(S/NF) He said it. --------------------------------------------- ----------- Goods "
        "Moving Through Tunnels --------------------------------------------- -----------\n\n"
        "5.(S/NF) Smuggling goes on. ----------- Comment: -----------\n\n"
        "6.(C) Things will change. End Comment.\n\n"
        "7.(C) Dashes close this one ----- so do words -----\n\n8.(C) The end.\n"
    )
    assert [(p.heading, p.text) for p in cable.paragraphs] == [
        (None, "Goods were checked by security officials."),
        ("Security Implementation Uneven", "He said it."),
        ("Goods Moving Through Tunnels", "Smuggling goes on."),
        ("Comment:", "Things will change. End Comment."),
        # No sentence ends before the rule: the words are the paragraph's.
        (None, "Dashes close this one ----- so do words -----"),
        (None, "The end."),
    ]
    assert cable.comments == ("Things will change",)


def test_a_title_on_the_number_line_over_the_marked_text() -> None:
    # 10HAMILTON11: the title was written on the number's line and the portion mark
    # opened the text below it; both went into the text, and the paragraph had no mark.
    cable = body(
        "3. (U) DeSilva disclosed things.\n\n¶4.      Police Plans Moving Forward \n \n"
        "(U) Commissioner DeSilva outlined plans.\n\n"
        "¶5.   Comment:  The GOB Determined to End the Violence\n\n"
        "(SBU)  The Bermuda Police Service now has support.\nIt will last.\n\nSHELTON\n"
    )
    assert [(p.number, p.marking, p.heading, p.text) for p in cable.paragraphs] == [
        (3, "U", None, "DeSilva disclosed things."),
        (4, "U", "Police Plans Moving Forward", "Commissioner DeSilva outlined plans."),
        (
            5,
            "SBU",
            "Comment: The GOB Determined to End the Violence",
            "The Bermuda Police Service now has support. It will last.",
        ),
    ]
    assert cable.signature == "SHELTON"
    # A paragraph that goes on right under its first line, or a sentence on the number
    # line, keeps its text; so does a line under a blank line that opens with no mark.
    for text in (
        "4. Police Plans Moving Forward\n(U) Commissioner DeSilva outlined plans.\n",
        "4. Police plans moved forward.\n\n(U) Commissioner DeSilva outlined plans.\n",
        "4. Police Plans Moving Forward\n\n(A) Commissioner DeSilva outlined plans.\n",
    ):
        paragraph = body(text).paragraphs[0]
        assert (paragraph.marking, paragraph.heading) == (None, None), text
        assert paragraph.text.startswith("Police"), text


def test_an_inline_list_item_that_a_wrap_set_at_a_line_start_is_no_paragraph() -> None:
    # 85BEIRUT1351: a cable without numbered paragraphs quotes a list run inline, and the
    # wrap set item 3 at the start of a line (with the release's pilcrow, or without):
    # it read as paragraph 3 and took the rest of the body.
    for mark in ("¶", ""):
        cable = body(
            "DEMANDS:  THE DECLARATION DEMANDED: 1. COMPLETE EVACUATION\n"
            'OF THE ARMY.  2. "ALLIES MUST LEAVE LEBANON ONCE AND FOR ALL, AND\n'
            'IMPERIAL INFLUENCE MUST BE TERMINATED."\n'
            f'{mark}3. "THE PHALANGISTS MUST BE SUBJECTED TO JUSTICE." 4. "ALL OUR PEOPLE\n'
            'MUST BE GIVEN THE CHANCE."\n\nUNIFIL:  THE FORCE IS ACCUSED.\n\nLYNE\n'
        )
        assert cable.paragraphs == ()
        assert [b.text[-30:] for b in cable.text_blocks] == [
            '"ALL OUR PEOPLE MUST BE GIVEN THE CHANCE."'[-30:],
            "UNIFIL: THE FORCE IS ACCUSED.",
        ]
        assert " 2. " in cable.text_blocks[0].text and ' 3. "THE' in cable.text_blocks[0].text
        assert cable.signature == "LYNE"
    # The item last on its own line: the blank line under it ends the block of text.
    cable = body(
        "DEMANDS: 1. ONE THING\nAND MORE. 2. TWO THINGS.\n3. THREE THINGS.\n\n"
        "UNIFIL IS ACCUSED.\n\nLYNE\n"
    )
    assert [b.text for b in cable.text_blocks] == [
        "DEMANDS: 1. ONE THING AND MORE. 2. TWO THINGS. 3. THREE THINGS.",
        "UNIFIL IS ACCUSED.",
    ]
    # Without the item before it above, a number at a line start opens a paragraph.
    assert [p.number for p in body("Text of the lead-in.\n3. Paragraph three.\n").paragraphs] == [3]


def test_a_running_head_in_mixed_case_is_layout() -> None:
    # 54 corpus pages (06KIEV1261, 09MOSCOW2366, ...): re-keyed copies wrote the running
    # head as ``Kiev 00001261 002 of 004``, which went into the paragraph's text.
    cable = body(
        "1. (C) The talks will go on\n\nKiev 00001261 002 of 004\n\nnext week.\n\n"
        "Moscow 00002366 001.2 of 004\n\n2. (C) More.\n"
    )
    assert [p.text for p in cable.paragraphs] == ["The talks will go on next week.", "More."]
    assert [m.text for m in cable.markers] == [
        "Kiev 00001261 002 of 004",
        "Moscow 00002366 001.2 of 004",
    ]


def test_titles_that_go_on_from_a_line_above_or_end_on_initials() -> None:
    # 10CHENGDU5, 06MANAGUA1003, 07KUWAIT808: the first line of a title over its rule
    # in mixed case, or ending on a comma or colon, stayed with the paragraph above;
    # 10DUSHANBE37, 09BRASILIA1447: a title that opens with an ellipsis or ends on
    # initials (U.S.) was the last words of the paragraph above.
    cable = body(
        "2. (SBU) Summary: Text here.  End summary.\n\n"
        'Asset Bubbles: "Signs Are There",\nBut Government Intervention Will Address\n'
        "----------------------------------------\n\n3. (SBU) The head spoke.\n\n"
        "Ministry of Foreign Affairs:\nWe Need Evidence\n-----------------\n\n"
        "4. (U) Rahmon spoke.\n\n"
        '...While Ahmadinejad Lashes Out at "Bullying Powers," U.S.\n\n'
        "5. (U) Ahmadinejad used the occasion.\n\n...And Globally\n\n6. (U) More.\n\n"
        "He then met with the head of the U.S.\n\n7. (U) Last.\n"
    )
    assert [(p.number, p.heading) for p in cable.paragraphs] == [
        (2, None),
        (3, 'Asset Bubbles: "Signs Are There", But Government Intervention Will Address'),
        (4, "Ministry of Foreign Affairs: We Need Evidence"),
        (5, '...While Ahmadinejad Lashes Out at "Bullying Powers," U.S.'),
        (6, "...And Globally"),
        # A sentence that ends on initials is no title.
        (7, None),
    ]
    assert cable.paragraphs[0].text == "Summary: Text here. End summary."
    assert cable.paragraphs[4].text == "More. He then met with the head of the U.S."


def test_titles_in_copies_without_blank_lines() -> None:
    # 09USUNNEWYORK1141 (a copy that lost its blank lines), 09ASTANA982, 09ZAGREB694:
    # titles in capitals over paragraphs of mixed-case text, and a bare END SUMMARY
    # above a title, which ends a sentence as a period does.
    cable = cableparse.parse_cable(
        "C O N F I D E N T I A L USUN NEW YORK 001141\n\nSUBJECT: TEST\n"
        "Classified By: Ambassador Alejandro Wolff for reasons 1.4(b) and (d)\n"
        "SUMMARY AND INTRODUCTION\n1. (C) The first point is made. A second sentence.\n"
        "END SUMMARY\nBASHIR ARREST WARRANT IN JANUARY OR FEBRUARY\n"
        "2. (C) Ocampo expects the warrant in January.\n"
        "ARABS FRUSTRATED WITH BASHIR; FRANCE NEEDS CLEAR MESSAGE\n"
        "3. (C) Ocampo reported that Arabs were frustrated.\n\n"
        "End Summary\n\nPART ONE: FIVE MONTHS IN\n\n4. (C) More.\nWolff\n"
    )
    assert [(p.number, p.heading) for p in cable.paragraphs] == [
        (1, "SUMMARY AND INTRODUCTION"),
        (2, "BASHIR ARREST WARRANT IN JANUARY OR FEBRUARY"),
        (3, "ARABS FRUSTRATED WITH BASHIR; FRANCE NEEDS CLEAR MESSAGE"),
        (4, "PART ONE: FIVE MONTHS IN"),
    ]
    assert cable.paragraphs[1].text == "Ocampo expects the warrant in January."
    assert cable.paragraphs[2].text == "Ocampo reported that Arabs were frustrated. End Summary"
    assert cable.summary == "The first point is made. A second sentence."
    assert cable.unparsed == () and cable.text_blocks == ()
    # In an all-caps text, a line in capitals right above a paragraph is text.
    caps = body("1. (C) THE TALKS WENT ON.\nTHE MINISTER AGREED\n2. (C) MORE.\n")
    assert [(p.heading, p.text) for p in caps.paragraphs] == [
        (None, "THE TALKS WENT ON. THE MINISTER AGREED"),
        (None, "MORE."),
    ]


def test_a_marked_title_run_on_after_the_last_sentence_heads_the_next_paragraph() -> None:
    # 09USUNNEWYORK497 (nine such titles), 10RIYADH61, 07PARIS186: a title with its own
    # portion mark, run on after the last sentence of the paragraph above.
    cable = body(
        "1. (SBU) Summary: She held meetings with Brazil and Canada. (SBU) Meeting with "
        "Brazil's Ambassador Luiz Filipe de Macedo Soares (7 May)\n\n"
        "2. (C) Soares said there was reason for optimism. (C/NOFORN) GOF GAVE GREEN LIGHT TO "
        "BRUGUIERE, ACCORDING TO MFA DAS\n\n"
        "3. (C) Grinius noted his disapproval. (U) Post will follow up on it\n\n4. (U) End.\n"
    )
    assert [(p.heading, p.text) for p in cable.paragraphs] == [
        (None, "Summary: She held meetings with Brazil and Canada."),
        (
            "Meeting with Brazil's Ambassador Luiz Filipe de Macedo Soares (7 May)",
            "Soares said there was reason for optimism.",
        ),
        (
            "GOF GAVE GREEN LIGHT TO BRUGUIERE, ACCORDING TO MFA DAS",
            "Grinius noted his disapproval. (U) Post will follow up on it",
        ),
        # A sentence after a mark (its words in lower case) stays text.
        (None, "End."),
    ]
    assert cable.summary == "She held meetings with Brazil and Canada."


def test_a_number_written_twice_before_its_mark() -> None:
    # 09STATE69224: ``¶1. 1. (SBU) Summary ...``: no mark was read, and the text kept the
    # second number and the mark.
    cable = body("¶1. 1. (SBU) Summary and action request.\n\n¶2. (SBU) Please approach.\n")
    assert [(p.number, p.marking, p.text) for p in cable.paragraphs] == [
        (1, "SBU", "Summary and action request."),
        (2, "SBU", "Please approach."),
    ]
    # Another number after the first is text (a list, a date) and stays.
    other = body("1. 2. (SBU) Two items.\n\n2. (SBU) More.\n")
    first = other.paragraphs[0]
    assert (first.number, first.marking, first.text) == (1, None, "2. (SBU) Two items.")


def test_the_subject_repeated_under_a_page_line_is_layout() -> None:
    # 09STATE129362, 09BAKU478: some copies repeat the subject under each page line, cut
    # at the page's width; it went into the paragraph the page break cut.
    cable = cableparse.parse_cable(
        "C O N F I D E N T I A L STATE 129362\n\nSUBJECT: (U) SECRETARY CLINTON'S DECEMBER"
        " 14, 2009\nCONVERSATION WITH SPANISH FOREIGN MINISTER MIGUEL ANGEL\nMORATINOS\n\n"
        "13. (C) The Secretary and Moratinos agreed that we are moving towards increased\n\n"
        "STATE 00129362 002 OF 002\n\nSUBJECT: (U) SECRETARY CLINTON'S DECEMBER 14, 2009\n"
        "CONVERSATION WITH SPANISH FOREIGN MINISTER MIGUEL ANG\nsanctions and pressure.\n"
        "CLINTON\n"
    )
    assert [p.text for p in cable.paragraphs] == [
        "The Secretary and Moratinos agreed that we are moving towards increased sanctions "
        "and pressure."
    ]
    assert [m.line for m in cable.markers] == [9, 11, 12]
    assert cable.signature == "CLINTON"
    # Another subject under a page line is text.
    other = cableparse.parse_cable(
        "C O N F I D E N T I A L STATE 129362\n\nSUBJECT: TALKS\n\n1. (C) He wrote:\n\n"
        "STATE 00129362 002 OF 002\n\nSUBJECT: ANOTHER MATTER\nends here.\n"
    )
    assert other.paragraphs[0].text == "He wrote: SUBJECT: ANOTHER MATTER ends here."


def test_a_box_that_a_page_break_closed_heads_the_next_paragraph() -> None:
    # 09STATE129362, 06CARACAS958, 10MAPUTO80: the page line stood where the lower rule
    # would: the title went on with the paragraph above.
    cable = body(
        "7. (C) The Secretary stressed her gratitude.\n\n"
        "--------------------------------------------- ---------\n"
        "BALKANS - KOSOVO, PROPOSED MADRID CONFERENCE ON BOSNIA\n\n"
        "STATE 00129362 002 OF 002\n\n\n8. (C) The Secretary stressed the process.\n"
    )
    assert [(p.number, p.heading, p.text) for p in cable.paragraphs] == [
        (7, None, "The Secretary stressed her gratitude."),
        (
            8,
            "BALKANS - KOSOVO, PROPOSED MADRID CONFERENCE ON BOSNIA",
            "The Secretary stressed the process.",
        ),
    ]
    assert len(cable.markers) == 2


def test_a_title_that_ends_on_a_year_and_a_period_after_the_mark() -> None:
    # 10ASTANA267, 10CAIRO150, 09BUENOSAIRES1235: a title that ends on a year was no
    # title; 10MONTERREY66, 09LONDON2222: ``(SBU).`` left the period before the text.
    cable = body(
        "1. (C) Holbrooke said he was hopeful.\n\nOSCE SUMMIT IN 2010\n\n"
        "2. (SBU).   On the subject of an OSCE Summit.\n\n"
        "He then left Astana in 2010\n\n3. (C): More.\n"
    )
    assert [(p.heading, p.text) for p in cable.paragraphs] == [
        (None, "Holbrooke said he was hopeful."),
        # (A sentence that ends on a year is no title; a colon after the mark goes too.)
        ("OSCE SUMMIT IN 2010", "On the subject of an OSCE Summit. He then left Astana in 2010"),
        (None, "More."),
    ]


def test_a_paragraph_under_a_comment_heading_opens_the_comment() -> None:
    # 08BEIRUT770: ``COMMENT`` / ``-------`` / blank / ``10. (U) By calling ...`` /
    # ``End comment.``: the comment had no opening of its own.
    cable = body(
        "1. (U) Text.\n\nCOMMENT\n-------\n\n2. (U) By calling for a strategy, it seeks\n"
        "a reason.  End comment.  More text.\n\nComment\n\n3. (C) PRT COMMENT: Inline. "
        "End comment.\n"
    )
    assert [p.heading for p in cable.paragraphs] == [None, "COMMENT", "Comment"]
    assert cable.comments == ("By calling for a strategy, it seeks a reason", "Inline")
