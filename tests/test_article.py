"""Articles: the four seed stories, then each convention on hand-written text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cableparse
from cableparse import Article, Credit, Dateline, DefectCode
from cableparse.article import parse_dateline, read_credit_line, split_names

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def article(text: str) -> Article:
    document = cableparse.parse(text)
    assert isinstance(document, Article)
    return document


def seed(name: str) -> Article:
    return article((EXAMPLES / name).read_text(encoding="utf-8"))


# --- the seeds ------------------------------------------------------------------------


def test_seed_reuters() -> None:
    story = seed("seed-article-reuters.txt")
    assert story.title == "U.S. appeals for China understanding on Kosovo"
    assert story.date is None
    assert story.dateline == Dateline("BEIJING", "Reuters")
    assert story.credits == (
        Credit("reporting", ("Lindsay Beck", "Ben Blanchard", "Chris Buckley")),
        Credit("editing", ("Alex Richardson",)),
    )
    assert len(story.paragraphs) == 16
    assert story.paragraphs[0].startswith("Kosovo’s situation is “unique”")
    assert story.paragraphs[-1].startswith("The majority ethnic Albanian territory")
    assert not any("Reporting by" in p for p in story.paragraphs)
    assert story.defects == ()


def test_seed_reuters_json() -> None:
    data = cableparse.to_dict(seed("seed-article-reuters.txt"))
    assert data["kind"] == "article"
    assert data["dateline"] == {"place": "BEIJING", "agency": "Reuters"}
    assert data["credits"][1] == {"role": "editing", "names": ["Alex Richardson"]}
    assert cableparse.from_dict(data) == seed("seed-article-reuters.txt")


def test_seed_date_stamp() -> None:
    story = seed("seed-article-date-stamp.txt")
    assert story.title == "China calls for dialogue on Kosovo issue"
    assert story.date == dt.date(2017, 8, 17)
    assert len(story.paragraphs) == 7
    assert story.paragraphs[0].startswith("China on Wednesday called on Belgrade")
    assert story.dateline is None


def test_seed_one_paragraph_per_line() -> None:
    story = seed("seed-article-one-per-line.txt")
    assert story.title is None
    assert len(story.paragraphs) == 7
    assert story.paragraphs[0].startswith("Amid escalating violence")
    assert story.paragraphs[-1].startswith("The situation in Kosovo remains delicate")


def test_seed_promo_and_author_trailer() -> None:
    story = seed("seed-article-pravda.txt")
    assert story.title == "Russia and U.S.: conflict over Kosovo"
    assert story.authors == ("Angela Antonova",)
    assert "Subscribe to Pravda.Ru Telegram channel, Facebook, RSS!" in story.boilerplate
    assert len(story.paragraphs) == 15
    assert not any("Subscribe" in p or "Angela Antonova" in p for p in story.paragraphs)
    assert story.paragraphs[-1].startswith('"You know what that would trigger?"')


# --- headline -------------------------------------------------------------------------


def test_headline_is_short_first_line_without_final_period() -> None:
    story = article("Markets rally as rates hold\n\nStocks rose on Monday.\n\nBonds fell.\n")
    assert story.title == "Markets rally as rates hold"
    assert story.paragraphs == ("Stocks rose on Monday.", "Bonds fell.")


def test_first_sentence_is_not_a_headline() -> None:
    story = article("Stocks rose on Monday.\n\nBonds fell.\n")
    assert story.title is None
    assert story.paragraphs == ("Stocks rose on Monday.", "Bonds fell.")


def test_single_line_is_body_not_headline() -> None:
    assert article("Nothing but one short line").title is None


# --- date stamp -----------------------------------------------------------------------


def test_date_stamp_alone_then_headline() -> None:
    story = article("date 2019-03-04\nTalks resume in Vienna\n\nDiplomats met again.\n")
    assert story.date == dt.date(2019, 3, 4)
    assert story.title == "Talks resume in Vienna"
    assert story.paragraphs == ("Diplomats met again.",)


@pytest.mark.parametrize(
    "line", ["Published: August 17, 2017", "Posted on 17 August 2017", "Updated 2017-08-17"]
)
def test_labelled_date_line(line: str) -> None:
    story = article(f"{line}\n\nKosovo talks resume\n\nDiplomats met again.\n")
    assert story.date == dt.date(2017, 8, 17)
    assert story.title == "Kosovo talks resume"
    assert story.paragraphs == ("Diplomats met again.",)


def test_date_line_in_words() -> None:
    story = article("March 3, 2008\n\nTalks resume\n\nDiplomats met again.\n")
    assert story.date == dt.date(2008, 3, 3)
    assert story.title == "Talks resume"


def test_impossible_date_stamp_is_a_defect_not_an_error() -> None:
    story = article("date 2017-02-30 Headline here\n\nBody text.\n")
    assert (story.date, story.title) == (None, "Headline here")
    assert [(d.code, d.line) for d in story.defects] == [(DefectCode.ARTICLE_DATE_INVALID, 1)]
    with pytest.raises(cableparse.ParseError):
        cableparse.parse("date 2017-02-30 Headline here\n\nBody text.\n", strict=True)


# --- datelines ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("BEIJING (Reuters) - ", Dateline("BEIJING", "Reuters")),
        ("WASHINGTON, March 3 (Xinhua) -- ", Dateline("WASHINGTON", "Xinhua")),
        ("BEIRUT (AP) — ", Dateline("BEIRUT", "AP")),
        ("SANAA, Yemen, Oct 5 (UPI) — ", Dateline("SANAA, Yemen", "UPI")),
        (" ANCHORAGE, Alaska  (Reuters) - ", Dateline("ANCHORAGE, Alaska", "Reuters")),
        ("NEW YORK/LONDON (Reuters) - ", Dateline("NEW YORK/LONDON", "Reuters")),
        ("ST. LOUIS (Reuters) - ", Dateline("ST. LOUIS", "Reuters")),
        ("PRISTINA – ", Dateline("PRISTINA", None)),
        ("BEIJING, Aug. 17 (Xinhua) -- ", Dateline("BEIJING", "Xinhua")),
        ("WASHINGTON, D.C. (Reuters) - ", Dateline("WASHINGTON, D.C.", "Reuters")),
        ("GAZA CITY, Gaza Strip (AP) — ", Dateline("GAZA CITY, Gaza Strip", "AP")),
    ],
)
def test_dateline_is_stripped_from_first_paragraph(opening: str, dateline: Dateline) -> None:
    story = article(f"Some headline\n\n{opening}The talks ended.\n\nMore text.\n")
    assert story.dateline == dateline
    assert story.paragraphs[0] == "The talks ended."


def test_dateline_with_a_year_dates_the_story() -> None:
    story = article("Headline\n\nNEW YORK, March 3, 2019 (Reuters) - Stocks rose.\n")
    assert story.dateline == Dateline("NEW YORK", "Reuters")
    assert story.date == dt.date(2019, 3, 3)
    assert story.paragraphs == ("Stocks rose.",)


def test_dateline_without_a_year_leaves_the_date_alone() -> None:
    story = article("date 2019-03-04 Headline\n\nWASHINGTON, March 3 (Xinhua) -- Talks.\n")
    assert story.date == dt.date(2019, 3, 4)


def test_byline_glued_before_dateline() -> None:
    reading = parse_dateline("By Laurence Fletcher MONACO (Reuters) - The outlook dimmed.")
    assert reading is not None
    assert reading.dateline == Dateline("MONACO", "Reuters")
    assert reading.byline == ("Laurence Fletcher",)
    assert reading.rest == "The outlook dimmed."


@pytest.mark.parametrize(
    "paragraph",
    [
        "U.S. - China talks resumed on Monday.",
        "The talks ended - again.",
        "Washington (Reuters) - lower-case places are not datelines.",
    ],
)
def test_not_a_dateline(paragraph: str) -> None:
    assert parse_dateline(paragraph) is None


def test_dateline_only_in_the_lead() -> None:
    text = "Headline\n\nFirst paragraph.\n\nSecond.\n\nThird.\n\nLONDON (Reuters) - Late.\n"
    story = article(text)
    assert story.dateline is None
    assert story.paragraphs[-1] == "LONDON (Reuters) - Late."


# --- credit lines ---------------------------------------------------------------------


def test_credit_line_roles_and_names() -> None:
    reading = read_credit_line(
        "Reporting by Jennifer Saba and Liana B. Baker in New York and Bill Rigby in "
        "Seattle; Additional reporting by Tim Hepher; Writing by Paul Thomasch; "
        "Editing by Derek Caney/Tim Dobbyn"
    )
    assert reading is not None
    assert reading.credits == (
        Credit("reporting", ("Jennifer Saba", "Liana B. Baker", "Bill Rigby")),
        Credit("additional reporting", ("Tim Hepher",)),
        Credit("writing", ("Paul Thomasch",)),
        Credit("editing", ("Derek Caney", "Tim Dobbyn")),
    )
    assert reading.rejected == ()


def test_credit_roles_separated_by_comma_and_normalised() -> None:
    reading = read_credit_line("(Reported by Sarah N. Lynch, compiled by Theodore d'Afflisio)")
    assert reading is not None
    assert reading.credits == (
        Credit("reporting", ("Sarah N. Lynch",)),
        Credit("compiling", ("Theodore d'Afflisio",)),
    )


def test_credit_group_at_end_of_paragraph() -> None:
    text = (
        "Oil falls\n\nLONDON (Reuters) - Oil fell.\n\nTraders were cautious. "
        "(Reporting by  Alan Baldwin ; Editing by  James Regan ) (Corrects spelling)\n"
    )
    story = article(text)
    assert story.credits == (
        Credit("reporting", ("Alan Baldwin",)),
        Credit("editing", ("James Regan",)),
    )
    assert story.paragraphs == ("Oil fell.", "Traders were cautious. (Corrects spelling)")


def test_credit_group_broken_across_lines() -> None:
    text = (
        "Oil falls\n\nOil fell on Monday, traders said.\n"
        "Prices held. (Reporting by John Crawley and Kyle Peterson; Editing by\n"
        " Tim Dobbyn )\n"
    )
    story = article(text)
    assert story.credits[-1] == Credit("editing", ("Tim Dobbyn",))
    assert story.paragraphs[-1] == "Prices held."


def test_credit_cut_off_at_the_end_of_the_story() -> None:
    story = article("Stocks fall\n\nStocks fell. (Additional reporting by Chris Sanders\n")
    assert story.credits == (Credit("additional reporting", ("Chris Sanders",)),)
    assert story.paragraphs == ("Stocks fell.",)


def test_nameless_credit_in_parentheses_is_still_a_credit() -> None:
    story = article("Cars\n\nSales rose. (Reporting by Reuters bureau)\n\nEnd of story.\n")
    assert story.credits == (Credit("reporting", ("Reuters bureau",)),)
    assert [d.code for d in story.defects] == [DefectCode.CREDIT_LINE_INVALID]
    assert story.paragraphs == ("Sales rose.", "End of story.")


def test_credit_line_that_cannot_be_split_is_a_defect() -> None:
    text = "Headline\n\nBody text.\n\nReporting by the Athens newsroom; Editing by Jan Paschal\n"
    story = article(text)
    assert story.credits == (
        Credit("reporting", ("the Athens newsroom",)),
        Credit("editing", ("Jan Paschal",)),
    )
    assert [(d.code, d.line) for d in story.defects] == [(DefectCode.CREDIT_LINE_INVALID, 5)]
    assert story.paragraphs == ("Body text.",)


def test_prose_opening_with_a_role_word_is_not_a_credit() -> None:
    reading = read_credit_line("Editing by committee rarely works, he said.")
    assert reading is not None and not reading.is_credit
    story = article("Headline\n\nWriting by hand is slow, the teacher said, and hard.\n")
    assert story.credits == ()
    assert story.paragraphs == ("Writing by hand is slow, the teacher said, and hard.",)
    assert story.defects == ()


# --- bylines and trailers -------------------------------------------------------------


def test_byline_after_headline() -> None:
    story = article("Headline\n\nBy Jane Doe and John Roe, Reuters\n\nBody.\n\nMore body.\n")
    assert story.authors == ("Jane Doe", "John Roe")
    assert story.paragraphs == ("Body.", "More body.")


@pytest.mark.parametrize(
    ("byline", "authors", "outlet"),
    [
        ("By Jane Smith and Tom Lee, CNN", ("Jane Smith", "Tom Lee"), "CNN"),
        ("By Tom Lee, Associated Press", ("Tom Lee",), "Associated Press"),
        ("By Tom Lee, The Associated Press", ("Tom Lee",), "The Associated Press"),
        ("By Jane Smith, Xinhua", ("Jane Smith",), "Xinhua"),
    ],
)
def test_byline_with_the_outlet_after_a_comma(
    byline: str, authors: tuple[str, ...], outlet: str
) -> None:
    # The outlet after the names was read as a one-word name, and one-word names make a
    # sentence (``By Tuesday, ...``): the byline stayed the first paragraph.
    story = article(
        f"North Korea fires missile over Japan\n\n{byline}\n\n"
        "SEOUL, South Korea (CNN) — North Korea fired a missile on Tuesday.\n\nMore.\n"
    )
    assert story.authors == authors
    assert story.boilerplate == (outlet,)
    assert story.dateline == Dateline("SEOUL, South Korea", "CNN")
    assert story.paragraphs == ("North Korea fired a missile on Tuesday.", "More.")


@pytest.mark.parametrize(
    "navigation", ["Latest News", "Home > World > Asia", "Home\n\nWorld", "Skip to main content"]
)
def test_site_navigation_above_the_headline_is_boilerplate(navigation: str) -> None:
    story = article(
        f"{navigation}\n\nNorth Korea fires missile over Japan\n\n"
        "SEOUL (Reuters) - North Korea fired a missile.\n\nMore.\n"
    )
    assert story.title == "North Korea fires missile over Japan"
    assert story.boilerplate == tuple(navigation.split("\n\n"))
    assert story.paragraphs == ("North Korea fired a missile.", "More.")
    # A story whose headline is such a word keeps it.
    assert article("World\n\nThe world moved on.\n").title == "World"


def test_byline_of_several_names_glued_before_the_dateline_with_a_comma() -> None:
    reading = parse_dateline(
        "By Jane Smith and Tom Lee, SEOUL, South Korea (CNN) — North Korea fired a missile."
    )
    assert reading is not None
    assert reading.dateline == Dateline("SEOUL, South Korea", "CNN")
    assert reading.byline == ("Jane Smith", "Tom Lee")
    assert reading.rest == "North Korea fired a missile."


def test_byline_and_affiliation_under_a_headline_without_blank_lines() -> None:
    # A wire story as a web page prints it: the byline, the agency under it, then the
    # dateline; no blank line between the byline and the agency.
    story = article(
        "Senate passes budget bill after all-night session\n\n"
        "By LISA MASCARO and ALAN FRAM\nAssociated Press\n\n"
        "WASHINGTON (AP) — The Senate passed a sweeping budget bill early Saturday.\n\n"
        "The vote was 51-49.\n"
    )
    assert story.title == "Senate passes budget bill after all-night session"
    assert story.authors == ("LISA MASCARO", "ALAN FRAM")
    assert story.boilerplate == ("Associated Press",)
    assert story.dateline == Dateline("WASHINGTON", "AP")
    assert story.paragraphs == (
        "The Senate passed a sweeping budget bill early Saturday.",
        "The vote was 51-49.",
    )


def test_byline_right_under_the_headline_with_its_date() -> None:
    story = article(
        "How the Fed Thinks About Inflation\nBy Jane Doe | March 3, 2017\n\n"
        "The Federal Reserve has a dual mandate.\n\nIt aims for 2 percent inflation.\n"
    )
    assert story.title == "How the Fed Thinks About Inflation"
    assert story.authors == ("Jane Doe",)
    assert story.date == dt.date(2017, 3, 3)
    assert story.paragraphs == (
        "The Federal Reserve has a dual mandate.",
        "It aims for 2 percent inflation.",
    )
    # Without the date, and with a first line of text right under the byline.
    story = article(
        "How the Fed Thinks About Inflation\nBy Jane Doe\nThe Federal Reserve has a dual "
        "mandate.\n\nIt aims for 2 percent inflation.\n"
    )
    assert (story.title, story.authors, story.date) == (
        "How the Fed Thinks About Inflation",
        ("Jane Doe",),
        None,
    )
    assert story.paragraphs[0] == "The Federal Reserve has a dual mandate."


def test_desk_initials_closing_a_wire_story_are_boilerplate() -> None:
    story = article(
        "Macron urges EU unity\n\nPARIS, March 3, 2018 (AFP) - Macron urged unity.\n\n"
        "He spoke in Paris.\n\nbur-jh/ach\n"
    )
    assert story.paragraphs == ("Macron urged unity.", "He spoke in Paris.")
    assert story.boilerplate == ("bur-jh/ach",)
    # A closing line of prose with a slash stays text.
    story = article("Headline\n\nStocks rose.\n\nand/or fell\n")
    assert story.paragraphs == ("Stocks rose.", "and/or fell")


def test_byline_with_job_title_and_story_type() -> None:
    names, rejected = split_names("Paul Taylor, European Affairs Editor")
    assert (names, rejected) == (("Paul Taylor",), ())
    story = article("-- Headline\n-- By Ros Krasny -Analysis\n\nBody.\n")
    assert story.authors == ("Ros Krasny",)


def test_byline_naming_nobody_goes_to_boilerplate() -> None:
    story = article("By Reuters Staff\n\nStocks rose on Monday.\n\nBonds fell.\n")
    assert (story.title, story.authors) == (None, ())
    assert story.boilerplate == ("By Reuters Staff",)
    assert story.paragraphs == ("Stocks rose on Monday.", "Bonds fell.")


@pytest.mark.parametrize(
    "sentence", ["By one measure, at least, the index fell.", "By Tuesday, the market rose."]
)
def test_by_sentence_is_not_a_byline(sentence: str) -> None:
    story = article(f"Headline\n\n{sentence}\n\nMore.\n")
    assert story.authors == ()
    assert story.paragraphs[0] == sentence


@pytest.mark.parametrize(
    ("trailer", "authors"),
    [
        ("Author`s name Angela Antonova", ("Angela Antonova",)),
        ("Author: Angela Antonova", ("Angela Antonova",)),
        ("By Angela Antonova", ("Angela Antonova",)),
        ("By Reuters Staff", ()),
    ],
)
def test_author_trailer_goes_to_authors_and_boilerplate(
    trailer: str, authors: tuple[str, ...]
) -> None:
    story = article(f"Headline\n\nFirst paragraph.\n\nSecond paragraph.\n\n{trailer}\n")
    assert story.authors == authors
    assert story.boilerplate == (trailer,)
    assert story.paragraphs == ("First paragraph.", "Second paragraph.")


# --- promotions -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "promo",
    [
        "Subscribe to our YouTube channel!",
        "Follow us on Twitter and Facebook",
        "Read more: Kosovo talks stall again",
        "Click here to sign up for our newsletter",
        "© 2017 Example News. All rights reserved.",
    ],
)
def test_promo_lines_go_to_boilerplate(promo: str) -> None:
    story = article(f"Headline\n\nFirst paragraph.\n\n{promo}\n\nSecond paragraph.\n")
    assert story.boilerplate == (promo,)
    assert story.paragraphs == ("First paragraph.", "Second paragraph.")


def test_long_paragraph_opening_like_a_promo_stays() -> None:
    long = "Read more: " + " ".join(["word"] * 40) + "."
    story = article(f"Headline\n\n{long}\n\nEnd.\n")
    assert story.paragraphs[0] == long


# --- paragraphs -----------------------------------------------------------------------


def test_hard_wrapped_paragraphs_are_unwrapped() -> None:
    text = (
        "Headline\n\nThe quick brown fox jumps over\nthe lazy dog and keeps on\nrunning.\n\n"
        "A second paragraph that is\nwrapped as well.\n"
    )
    assert article(text).paragraphs == (
        "The quick brown fox jumps over the lazy dog and keeps on running.",
        "A second paragraph that is wrapped as well.",
    )


def test_paragraphs_told_by_indentation_alone() -> None:
    # The Reuters-21578 layout (NLTK's copy): a headline at the margin, then the story
    # hard-wrapped with no blank line, each paragraph's first line indented deeper.
    text = (
        "CANADA TO MONITOR STEEL IMPORTS, EXPORTS\n"
        "  Canada plans to monitor steel shipments\n"
        "  flowing in and out of the country, Trade Minister Pat\n"
        "  Carney said.\n"
        '      "To help maintain our open access to the U.S. steel market,\n'
        '  the government is taking further action," Carney said.\n'
        "      Carney also said Canadian companies were being asked to\n"
        "  exercise prudence in the U.S. market.\n"
    )
    story = article(text)
    assert story.title == "CANADA TO MONITOR STEEL IMPORTS, EXPORTS"
    assert story.paragraphs == (
        "Canada plans to monitor steel shipments flowing in and out of the country, "
        "Trade Minister Pat Carney said.",
        '"To help maintain our open access to the U.S. steel market, the government is '
        'taking further action," Carney said.',
        "Carney also said Canadian companies were being asked to exercise prudence in "
        "the U.S. market.",
    )
    # A deeper line inside a sentence is no paragraph start.
    ragged = (
        "Headline\n\n  The quick brown fox jumps over\n    the lazy dog and keeps\n  on running.\n"
    )
    assert article(ragged).paragraphs == (
        "The quick brown fox jumps over the lazy dog and keeps on running.",
    )


def test_bullets_short_lines_widgets_and_a_date_under_the_standfirst() -> None:
    story = article(
        "WikiLeaks: U.S. warns of diplomatic shame\n\n"
        "Leaders brace for embarrassment as cables are released\n\n"
        "Published November 26, 2010 5:27PM (EST)\n\n"
        "U.S. allies have been briefed about the release.\n\n"
        "\u2022 Julian Assange's account frozen by Swiss bankers\n"
        "\u2022 Burmese general considered buying a football club\n\n"
        "Field declined to say what Britain had been warned to expect.\n\n"
        "View Comments\n"
    )
    assert story.title == "WikiLeaks: U.S. warns of diplomatic shame"
    assert story.date == dt.date(2010, 11, 26)
    assert story.paragraphs == (
        "Leaders brace for embarrassment as cables are released",
        "U.S. allies have been briefed about the release.",
        "\u2022 Julian Assange's account frozen by Swiss bankers",
        "\u2022 Burmese general considered buying a football club",
        "Field declined to say what Britain had been warned to expect.",
    )
    assert story.boilerplate == ("View Comments",)
    # A headline over its date and time, no blank line between: no wrapped paragraph.
    blog = article(
        "Latest updates: WikiLeaks' diplomatic cables release\nNovember 29th, 2010\n"
        "06:42 PM ET\n\nWikiLeaks released on Sunday its latest batch of documents.\n"
    )
    assert blog.title == "Latest updates: WikiLeaks' diplomatic cables release"
    assert blog.date == dt.date(2010, 11, 29)


def test_no_blank_lines_means_one_paragraph_per_line() -> None:
    text = "First sentence here.\nSecond sentence here.\nThird sentence here.\n"
    assert article(text).paragraphs == (
        "First sentence here.",
        "Second sentence here.",
        "Third sentence here.",
    )


def test_headline_over_lines_without_blank_lines() -> None:
    story = article("Markets rally as rates hold\nStocks rose on Monday.\nBonds fell.\n")
    assert story.title == "Markets rally as rates hold"
    assert story.paragraphs == ("Stocks rose on Monday.", "Bonds fell.")


def test_line_broken_inside_a_sentence_runs_on() -> None:
    text = (
        "Shares rose sharply on Monday after the company said its\n"
        "profit had doubled.\nAnalysts were surprised.\n"
    )
    assert article(text).paragraphs == (
        "Shares rose sharply on Monday after the company said its profit had doubled.",
        "Analysts were surprised.",
    )


def test_byline_first_is_not_a_headline() -> None:
    story = article("By Jane Doe\n\nStocks rose on Monday.\n\nBonds fell.\n")
    assert (story.title, story.authors) == (None, ("Jane Doe",))
    assert story.paragraphs == ("Stocks rose on Monday.", "Bonds fell.")


def test_reuters_archive_prelude() -> None:
    text = (
        "-- Exxon Mobil offers plan to end Alaska dispute\n"
        "-- By  Yereth Rosen\n"
        "-- Fri Oct 20, 2006 6:15pm EDT\n"
        "-- http://www.reuters.com/article/2006/10/20/x-idUSN20\n"
        "\n \n\n"
        " ANCHORAGE, Alaska  (Reuters) - Exxon Mobil ( XOM.N ) offered \n"
        "to pay a $20 million fine.\n"
    )
    story = article(text)
    assert story.title == "Exxon Mobil offers plan to end Alaska dispute"
    assert story.authors == ("Yereth Rosen",)
    assert story.date == dt.date(2006, 10, 20)
    assert story.dateline == Dateline("ANCHORAGE, Alaska", "Reuters")
    assert story.paragraphs == ("Exxon Mobil ( XOM.N ) offered to pay a $20 million fine.",)
    assert story.boilerplate == ("http://www.reuters.com/article/2006/10/20/x-idUSN20",)


def test_empty_input_is_a_defect() -> None:
    story = cableparse.parse_article("  \n\n")
    assert [d.code for d in story.defects] == [DefectCode.EMPTY_INPUT]


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_parses_without_raising(text: str) -> None:
    story = cableparse.parse_article(text)
    assert all(p == p.strip() and p for p in story.paragraphs)


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8)
_SENTENCE = st.lists(_WORD, min_size=4, max_size=10).map(
    lambda words: " ".join(words).capitalize() + "."
)


@given(st.lists(_SENTENCE, min_size=1, max_size=8))
def test_generated_paragraphs_survive(paragraphs: list[str]) -> None:
    story = article("A generated headline\n\n" + "\n\n".join(paragraphs) + "\n")
    assert story.title == "A generated headline"
    assert story.paragraphs == tuple(paragraphs)


def test_agency_without_a_place_is_a_dateline() -> None:
    article = cableparse.parse_article(
        "Markets rally\n\n(Reuters) - Stocks rose on Monday as investors cheered.\n\nMore.\n"
    )
    assert article.dateline == cableparse.Dateline(None, "Reuters")
    assert article.paragraphs[0] == "Stocks rose on Monday as investors cheered."
    assert cableparse.to_dict(article)["dateline"] == {"place": None, "agency": "Reuters"}
