"""The news corpus (``../shared/corpus/news-*``): every story is an article with its metadata.

The Reuters archive opens each story with ``-- title``, ``-- By author``, ``-- date`` and
``-- URL`` lines; the expected values below are read from those lines independently of
the parser (a plain split), then compared with what the parser made of the whole text.
"""

from __future__ import annotations

import datetime as dt
import tarfile
from pathlib import Path

import pytest

import cableparse
from cableparse import Article, Dateline, DocumentKind, detect
from conftest import CORPUS, corpus_file

_NEWS_ARCHIVE = "news-reuters-financial-ding2014.tar.xz"


def _read_archives() -> list[tuple[str, str]]:
    corpus_file(_NEWS_ARCHIVE)  # skips when ../shared is absent
    stories: list[tuple[str, str]] = []
    for archive in sorted(CORPUS.glob("news-*.tar.xz")):
        with tarfile.open(archive) as tar:
            for member in tar:
                if not member.isfile() or Path(member.name).name.startswith("README"):
                    continue
                handle = tar.extractfile(member)
                assert handle is not None
                stories.append((member.name, handle.read().decode("utf-8", "replace")))
    return stories


@pytest.fixture(scope="module")
def stories() -> list[tuple[str, str]]:
    return _read_archives()


@pytest.fixture(scope="module")
def parsed(stories: list[tuple[str, str]]) -> dict[str, tuple[str, cableparse.Document]]:
    return {name: (text, cableparse.parse(text)) for name, text in stories}


def _prelude(text: str) -> list[str]:
    lines = text.split("\n")[:4]
    return [line[3:].strip() if line.startswith("-- ") else "" for line in lines]


def test_corpus_size(stories: list[tuple[str, str]]) -> None:
    assert len(stories) >= 1000


def test_news_is_detected_as_article(stories: list[tuple[str, str]]) -> None:
    articles = sum(1 for _, text in stories if detect(text).kind is DocumentKind.ARTICLE)
    assert articles >= 0.99 * len(stories)
    assert articles == len(stories)  # currently every one; the 99 % is the contract


def test_title_for_every_story_with_one(
    parsed: dict[str, tuple[str, cableparse.Document]],
) -> None:
    missing = []
    for name, (text, document) in parsed.items():
        title = _prelude(text)[0]
        if title and (not isinstance(document, Article) or document.title != title):
            missing.append(name)
    assert missing == []


def test_dates_and_authors_from_the_prelude(
    parsed: dict[str, tuple[str, cableparse.Document]],
) -> None:
    with_byline = dated = 0
    for _, (text, document) in parsed.items():
        assert isinstance(document, Article)
        _, byline, date_text, _ = _prelude(text)
        # ``Fri Oct 20, 2006 6:15pm EDT``: the calendar day the story was filed.
        stamp = dt.datetime.strptime(" ".join(date_text.split()[1:4]), "%b %d, %Y").date()
        assert document.date == stamp
        dated += 1
        if byline.startswith("By "):
            with_byline += 1
            first_name = byline[3:].split(" and ")[0].split(",")[0].split(" -")[0].strip()
            assert document.authors[0] == " ".join(first_name.split())
    assert dated == len(parsed)
    assert with_byline > 500


def test_datelines_and_credits(parsed: dict[str, tuple[str, cableparse.Document]]) -> None:
    articles = [doc for _, doc in parsed.values() if isinstance(doc, Article)]
    datelines = [a.dateline for a in articles if a.dateline is not None]
    assert len(datelines) > 850
    assert sum(1 for d in datelines if d.agency == "Reuters") > 850
    places = [d.place for d in datelines if d.place is not None]
    assert all(p == p.strip() and "  " not in p for p in places)
    # Stories that open with the agency alone have a dateline without a place.
    assert 50 < len(datelines) - len(places) < 150
    # The dateline is stripped: no body keeps a leading ``PLACE (Reuters) -``.
    openings = [a.paragraphs[0] for a in articles if a.paragraphs]
    assert not any(p.startswith(("NEW YORK (Reuters)", "LONDON (Reuters)")) for p in openings)
    assert not any(p.startswith("(Reuters) -") for p in openings)
    with_credits = [a for a in articles if a.credits]
    assert len(with_credits) > 800
    assert not any("Editing by" in p for a in with_credits for p in a.paragraphs)
    # A defect marks a credit that is not a list of names; few lines are like that.
    assert sum(1 for a in articles if a.defects) < 30


def test_one_known_story(parsed: dict[str, tuple[str, cableparse.Document]]) -> None:
    name = next(
        n
        for n in parsed
        if n.endswith("businesspro-energy-exxonmobil-alaska-dc-idUSN2021166720061020")
    )
    _, story = parsed[name]
    assert isinstance(story, Article)
    assert story.title == "Exxon Mobil offers plan to end Alaska dispute"
    assert story.authors == ("Yereth Rosen",)
    assert story.date == dt.date(2006, 10, 20)
    assert story.dateline == Dateline("ANCHORAGE, Alaska", "Reuters")
    assert story.paragraphs[0].startswith("Exxon Mobil ( XOM.N ) offered to pay a $20 million")
