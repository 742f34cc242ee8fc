"""Numbered labels on hand-written chunks: what opens a line or a heading segment, and what a question names."""

from __future__ import annotations

import pytest

from index.labels import LabelIndex, asked_labels, example_of, label_line, labels_of, names_section, tells_results

CHUNKS = [
    ("a1", "Anbefaling 3: Differentierede læringsmiljøer\nDet vi bl.a. er i gang med:", "Balance – Anbefaling 3: Differentierede"),
    ("a2", "At skolerne formaliserer samarbejdet.", "Balance – Anbefaling 3: Differentierede"),
    ("c5", "CASE #5 Opsporingsmodel giver fælles sprog\n\nEn række kommuner ...", "KL – 02 Styrk samarbejdet – CASE #5: Opsporingsmodel"),
    ("f3", "FIgur 3. Tilknytning til arbejdsmarkedet", "KL – 02 Styrk samarbejdet › FIgur 3. Tilknytning"),
    ("m2", "METODE 2: FORDELINGSNØGLE PÅ BAGGRUND AF STATISTISK MODEL", "Pjece – Hvordan fordeler kommunerne? › METODE 2: FORDELINGSNØGLE"),
    ("x", "Kun 3 pct. mener, der er færre børn.\nI 2019 var 12 pct. i kontakt med psykiatrien.", "Oplæg – Udfordringsbilledet"),
]


def test_a_label_opens_a_line_or_a_heading_segment():
    assert labels_of(*CHUNKS[0][1:]) == {("anbefaling", "3")}
    assert labels_of(*CHUNKS[1][1:]) == {("anbefaling", "3")}  # only its heading path says so
    assert labels_of(*CHUNKS[2][1:]) == {("case", "5")}
    assert labels_of(*CHUNKS[2][1:], sections=True) == {("case", "5"), ("afsnit", "2")}  # in chapter "02 Styrk samarbejdet"
    assert labels_of(*CHUNKS[3][1:]) == {("figur", "3")}
    assert labels_of(*CHUNKS[4][1:]) == {("metode", "2")}


def test_a_heading_numbered_without_a_word_is_a_section_a_question_names_by_number():
    # "Hvad står der i afsnit 3.2 i handleguiden?" had got the sentence referring to it, not the section.
    guide = LabelIndex.build([
        ("g1", "Når du er bekymret, taler du først med din leder.", "Handleguide › 3. Når du er bekymret"),
        ("g2", "Underretningen sendes via kommunens hjemmeside.", "Handleguide › 3. Når du er bekymret › 3.2 Sådan underretter du"),
        ("g3", "Den supplerer kommunens retningslinjer, som du finder i afsnit 3.2.", "Handleguide › 1. Formål"),
    ])
    assert guide.chunks("Hvad står der i afsnit 3.2 i handleguiden?") == ("g2",)
    assert guide.chunks("Hvad handler kapitel 3 om?") == ("g1", "g2")
    assert guide.chunks("Hvad står der i punkt 4?") == ()
    assert label_line(("afsnit", "3.2"), "…", "Handleguide › 3.2 Sådan underretter du") == "3.2 Sådan underretter du"
    assert labels_of("I 2024 fik 14 procent en indsats.", "Rapport › 2024 i tal", sections=True) == set()  # a year opens none


def test_a_number_inside_a_sentence_is_no_label():
    assert labels_of(*CHUNKS[5][1:]) == set()


@pytest.mark.parametrize(
    ("question", "chunks"),
    [
        ("Hvad indeholder anbefaling 3?", ("a1", "a2")),
        ("Hvad handler case 5 om?", ("c5",)),
        ("Hvad handler CASE #5 om?", ("c5",)),
        ("Hvad viser figur 3?", ("f3",)),
        ("Hvad er forskellen på metode 2 og figur 3?", ("m2", "f3")),
        ("Hvad går metode 7 ud på?", ()),  # a label the documents do not use
        ("Mener kun 3 pct., at der er færre børn?", ()),
    ],
)
def test_the_chunks_of_the_labels_a_question_names(question, chunks):
    assert LabelIndex.build(CHUNKS).chunks(question) == chunks


def test_asked_labels_and_names_section():
    assert asked_labels("Hvad viser figur 3 og Figur 03?") == (("figur", "3"),)
    assert names_section("Hvad handler case 5 om?", *CHUNKS[2][1:])
    assert not names_section("Hvad handler case 6 om?", *CHUNKS[2][1:])
    assert not names_section("Hvad gør kommunerne?", *CHUNKS[2][1:])


def test_label_line_is_the_line_or_heading_segment_the_label_opens():
    assert label_line(("metode", "2"), *CHUNKS[4][1:]) == "METODE 2: FORDELINGSNØGLE PÅ BAGGRUND AF STATISTISK MODEL"
    assert label_line(("anbefaling", "3"), *CHUNKS[1][1:]) == "Anbefaling 3: Differentierede"  # from the heading path
    assert label_line(("case", "5"), *CHUNKS[1][1:]) is None


@pytest.mark.parametrize(
    ("section", "example"),
    [
        ("Eksempel 4: Trivselssamtaler › Det gjorde de", ("Eksempel 4: Trivselssamtaler",)),
        ("Eksempel 4: Trivselssamtaler › Resultatet", ("Eksempel 4: Trivselssamtaler",)),
        ("Særlige indsatser › Pluspladser", None),  # a scheme's own name
        ("Udfordringen", None),  # a part of nothing
    ],
)
def test_a_section_titled_only_with_a_reports_part_is_a_part_of_the_example_above_it(section, example):
    assert example_of("rebild.docx", section) == (None if example is None else ("rebild.docx", example))


def test_the_results_part_of_an_example_tells_its_results():
    assert tells_results("Eksempel 4 › Resultatet") and tells_results("Evaluering › Resultater")
    assert not tells_results("Eksempel 4 › Det gjorde de")
