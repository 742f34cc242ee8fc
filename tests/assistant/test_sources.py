"""The sources a question asks by their publisher's name (assistant.sources)."""

import doctest

import pytest

import assistant.sources
from assistant.sources import (
    home_documents,
    adjective_places,
    SourceNames,
    is_authority,
    one_per_source,
    publisher_names,
    publishing_municipality,
    speaks_for,
    without_source_names,
)
from index import Passage

SOURCES = SourceNames.of(
    [
        ("kl.txt", "KL (Kommunernes Landsforening)"),
        ("kl.txt", "KL (Kommunernes Landsforening)"),  # every passage of a document repeats its pair
        ("hed.txt", "Hedensted Kommune"),
        ("kbh.txt", "Københavns Kommune, Børne- og Ungdomsforvaltningen (notat til Børne- og Ungdomsudvalget)"),
        ("pjece.txt", "BUPL og KORA"),
        ("deck.txt", "Oplæg (afsender ikke angivet; kilder bl.a. EVA, FOA, KL og VIVE)"),
    ]
)


def test_the_module_examples_hold():
    assert doctest.testmod(assistant.sources).failed == 0


@pytest.mark.parametrize(
    ("publisher", "expected"),
    [
        ("KL (Kommunernes Landsforening)", ("KL",)),
        ("Københavns Kommune, Børne- og Ungdomsforvaltningen", ("København",)),
        ("Hedensted Kommune", ("Hedensted",)),
        ("BUPL og KORA", ("BUPL", "KORA")),
        # The sources a deck cites are not its publisher.
        ("Oplæg (afsender ikke angivet; kilder bl.a. EVA, FOA, KL og VIVE)", ()),
        ("", ()),
    ],
)
def test_a_publisher_is_named_by_its_acronym_or_its_municipality(publisher, expected):
    assert publisher_names(publisher) == expected


def test_each_name_maps_to_the_documents_it_published_once():
    assert SOURCES.documents["KL"] == ("kl.txt",)
    assert SOURCES.documents["BUPL"] == SOURCES.documents["KORA"] == ("pjece.txt",)
    assert "EVA" not in SOURCES.documents


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hvad gør Hedensted, når et barn mistrives?", ("Hedensted",)),
        ("Hvor mange af Københavns pluspladser er i vuggestuer?", ("København",)),
        ("Hvad siger KL og Hedensted om overgange?", ("KL", "Hedensted")),
        # Asked beyond its one source: national figures as well as Copenhagen's, or another municipality too.
        ("hvordan bliver de finansieret, både i København og nationalt?", ()),
        ("Hvad gør Aarhus og København for nye forældre?", ()),
        ("Hvad gør København og i Aarhus?", ()),
        # "og" goes on with a clause, not with another place.
        ("Jeg arbejder i Hedensted og kan se, at et barn mistrives.", ("Hedensted",)),
        ("Hvad siger kommunerne om tidlig opsporing?", ()),
    ],
)
def test_the_sources_a_text_asks_alone(text, expected):
    assert SOURCES.asked_alone(text) == expected


def test_sources_named_side_by_side_are_asked_one_at_a_time():
    text = "Hvad siger KL, Hedensted og Københavns notat om overgange?"
    assert one_per_source(text, SOURCES.names_in(text)) == [
        ("Hvad siger KL notat om overgange?", "KL"),
        ("Hvad siger Hedensted notat om overgange?", "Hedensted"),
        ("Hvad siger Københavns notat om overgange?", "København"),
    ]


def test_two_names_of_one_source_joined_by_a_slash_are_asked_as_one():
    text = "Hvad siger KL og BUPL/KORA om forældresamarbejde?"
    assert one_per_source(text, SOURCES.names_in(text)) == [
        ("Hvad siger KL om forældresamarbejde?", "KL"),
        ("Hvad siger BUPL/KORA om forældresamarbejde?", "BUPL"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Hvad siger BUPL/KORA om forældresamarbejde?",  # one source, two names
        "Hvad anbefaler KL om sprog, og hvad gør Hedensted?",  # named apart: the parts split the question already
        "Hvad gør Hedensted for nye forældre?",  # one source
    ],
)
def test_sources_named_apart_or_alone_are_not_asked_one_at_a_time(text):
    assert one_per_source(text, SOURCES.names_in(text)) == []


def test_a_source_speaks_through_its_own_documents_and_passages_naming_it():
    own = Passage("h-1", "Vi sætter hurtigt ind.", {"publisher": "Hedensted Kommune"})
    case = Passage("kl-1", "Kommunen har etableret et mødeforum.", {"publisher": "KL", "context": "CASE #18 (Hedensted Kommune)"})
    other = Passage("deck-1", "14 pct. af medarbejderne er bekymrede.", {"publisher": "Oplæg"})
    assert speaks_for("Hedensted", own) and speaks_for("Hedensted", case)
    assert not speaks_for("Hedensted", other)


def test_a_source_s_name_is_left_out_of_what_is_searched_among_its_own_documents():
    assert without_source_names("Hvad siger Københavns notat og København om sprog?", ["København"]) == "Hvad siger notat og om sprog?"
    assert without_source_names("København", ["København"]) == "København"  # nothing else to search for


def test_the_kind_of_authority_is_no_place_of_its_own():
    assert is_authority("Kommune") and is_authority("Kommuner") and is_authority("Region")
    assert not is_authority("Odense") and not is_authority("Kommunalbestyrelsen")


def test_the_municipality_that_published_a_document_opens_its_publisher():
    assert publishing_municipality("Københavns Kommune, Børne- og Ungdomsforvaltningen") == "Københavns Kommune"
    assert publishing_municipality("KL (Kommunernes Landsforening)") == ""
    assert publishing_municipality("BUPL og KORA") == ""


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Jeg er pædagog i en københavnsk daginstitution", ("København",)),
        ("de københavnske institutioner og de aarhusianske skoler", ("København", "Aarhus")),
        ("en pædagogisk og dansk tilgang i Hedensted", ()),  # adjectives of no place; a name is no adjective
    ],
)
def test_a_place_named_by_its_adjective(text, places):
    assert adjective_places(text, ["KL", "København", "Aarhus", "Hedensted"]) == places


def test_a_source_named_by_its_places_adjective_is_asked_alone():
    # "Bruger de københavnske institutioner ...?" had got the national pool's slide beside Copenhagen's memo.
    assert SOURCES.asked_alone("Bruger de københavnske institutioner pengene på efteruddannelse?") == ("København",)


def test_a_place_is_the_home_of_the_documents_whose_title_publisher_or_first_passage_names_it():
    def passage(doc: str, ordinal: int, text: str, title: str = "Retningslinje", publisher: str = "") -> Passage:
        return Passage(f"{doc}-{ordinal}", text, {"doc_id": doc, "ordinal": ordinal, "title": title, "publisher": publisher})

    homes = home_documents(
        [
            passage("guide", 0, "NÆSTVED KOMMUNE · Center for Skole og Uddannelse\nFormål"),
            passage("guide", 1, "Skolen kontakter Familiehuset."),
            passage("report", 0, "Indledning", title="Tidlig indsats i Faxe"),
            passage("report", 1, "I Næstved Kommune har man også prøvet modellen."),  # named further in: no home
            passage("memo", 0, "Notat", publisher="Tønder Kommune"),
        ]
    )
    assert homes["næstved"] == ("guide",) and homes["faxe"] == ("report",) and homes["tønder"] == ("memo",)
    assert "familiehuset" not in homes
