"""Danish lexical analysis for BM25: compounds learnt from a vocabulary, numbers, stopwords."""

from __future__ import annotations

from index.bm25 import LexicalIndex
from index.lexical import Analyzer, CompoundSplitter, LexicalOptions, normalise_number

# A small vocabulary in which "sprog", "indsats", "netværk", "anbringelse", "dagtilbud" and "model" are
# common words of their own, and "vurdering" a common word that only looks like a compound.
VOCABULARY = [
    "sprog", "sproget", "sprog", "indsats", "indsatsen", "indsatsen", "indsatsen", "netværk", "netværket", "netværk", "anbringelse",
    "anbringelser", "anbringelsen", "dagtilbud", "dagtilbuddet", "dagtilbud", "model", "modeller", "modellen", "vurdering",
    "vurderingen", "vurdering", "vurderinger", "ring", "ringe", "ringen", "vurd", "vurd", "vurd", "lige", "lige", "lige", "vanske",
    "vanske", "vanske",
]


def splitter() -> CompoundSplitter:
    return CompoundSplitter.learn(VOCABULARY)


def test_a_compound_of_two_known_words_is_split_into_their_stems():
    assert splitter().parts("sprogindsatsen") == ("sprog", "indsat")
    assert splitter().parts("dagtilbudsmodellen") == ("dagtilbud", "model")


def test_a_linking_s_belongs_to_neither_part():
    assert splitter().parts("netværksanbringelser") == ("netværk", "anbring")


def test_a_common_word_is_not_split_even_when_its_pieces_are_known():
    # "vurd" and "ring" are known here, but "vurdering" is more common than its pieces
    assert splitter().parts("vurdering") == ()


def test_derivational_endings_are_not_compound_tails():
    assert splitter().parts("vanskelige") == ()


def test_short_and_unknown_words_are_not_split():
    assert splitter().parts("sproget") == ()
    assert splitter().parts("zebrafinkeflugten") == ()


def test_numbers_are_written_one_way():
    analyzer = Analyzer(LexicalOptions(numbers=True, compounds=False))
    assert normalise_number("527.000") == "527000"
    assert normalise_number("2,5") == "2,5"
    assert analyzer.tokens("527.000 kr.") == analyzer.tokens("527000 kroner") == ["527000", "kroner"]
    assert analyzer.tokens("12 pct.") == analyzer.tokens("12 %") == analyzer.tokens("12 procent") == ["12", "procent"]
    assert analyzer.tokens("2,5 mio.") == analyzer.tokens("2,5 millioner") == ["2,5", "million"]
    assert analyzer.tokens("i 2016.") == ["2016"]


def test_without_number_normalisation_thousands_separators_stay():
    analyzer = Analyzer(LexicalOptions(numbers=False, compounds=False))
    assert analyzer.tokens("527.000 pct.") == ["527.000", "pct"]


def test_stopwords_are_dropped_only_when_asked():
    assert Analyzer(LexicalOptions(compounds=False)).tokens("hvad gør de for børnene") == ["gør", "børn"]
    assert "hvad" in Analyzer(LexicalOptions(stopwords=False, compounds=False)).tokens("hvad gør de for børnene")


def test_bm25_finds_a_compound_by_its_part_and_survives_a_save(tmp_path):
    texts = [
        "Sprogindsatsen i dagtilbuddene blev styrket.",
        "Sproget udvikles gennem leg. Sprog er vigtigt. Godt sprog.",
        "En tidlig indsats for familien. Indsatsen virker. Indsatsen koster. Indsatsen hjælper.",
        "Netværksanbringelser hos familiens netværk.",
    ]
    index = LexicalIndex.build(["a", "b", "c", "d"], texts, LexicalOptions())
    without = LexicalIndex.build(["a", "b", "c", "d"], texts, LexicalOptions(compounds=False))

    assert "a" in [cid for cid, _ in index.search("indsatsen for sproget")]
    assert "a" not in [cid for cid, _ in without.search("indsatsen for sproget")]
    assert [cid for cid, _ in index.search("zebra")] == []

    index.save(tmp_path)
    restored = LexicalIndex.load(tmp_path)
    assert restored.search("indsatsen for sproget") == index.search("indsatsen for sproget")
    assert restored.analyzer.options == index.analyzer.options
