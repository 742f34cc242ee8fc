"""The documents' words for what a practitioner asks in everyday words.

A pedagogue asks to talk a worry over "uden at sige, hvem det er"; the documents call it "anonym sparring". A
mother asks how long "hendes underskrift" lasts; they speak of "samtykke". Neither search nor term coverage can see
that the two say the same, so the question is searched, and its terms counted, with the documents' word beside its
own (:func:`documents_words`). Each entry is a way of saying a thing of this field that recurs in practitioners'
questions, not one question's wording. A phrase whose documents' word stands in most passages on the topic is left
out: "sige til kommunen" for "underretning" only diluted what a question about the duty to report already said.

Example::

    documents_words("Kan jeg vende en bekymring uden at sige, hvem barnet er?")  # "anonym anonymt"
    with_documents_words("Hvor længe gælder hendes underskrift?")  # "Hvor længe gælder hendes underskrift? samtykke"
"""

from __future__ import annotations

import re

__all__ = ["documents_names", "documents_words", "in_documents_words", "with_documents_words"]

# A report weighed against or without the one in charge, or made by oneself: the question speaks of reporting
# (or of telling the municipality) and of a leader who disagrees, waits or is away, or of doing it oneself.
_PERSONAL_DUTY = re.compile(
    r"^(?=.*\b(?:underret\w*|sige (?:det )?til kommunen)\b)"
    r"(?=.*\b(?:min|vores|hvis|når) (?:\w+ )?(?:leder|lederen|chef|chefen|ledelsen|dagplejepædagog\w*|områdeleder\w*)\b"
    r"[^?]{0,50}?\b(?:ikke|uenig\w*|enig|ferie|syg\w*|vente)\b"
    r"|.*\b(?:jeg|vi|du) selv (?:sende|lave|skrive|underrette|gøre)\b)"
)
# (everyday phrase, the documents' word for it). Matched on the lowercased question.
_EVERYDAY: tuple[tuple[re.Pattern[str], str], ...] = (
    # "uden at sige, hvem det er", "uden at sige navnet", "uden at nævne barnets navn"
    (re.compile(r"\buden at (?:sige|nævne|oplyse|skrive|fortælle),? (?:\w+ ){0,2}?(?:navn\w*|hvem)\b"), "anonym anonymt"),
    # "se tiden an", "vente og se"
    (re.compile(r"\bse tiden an\b|\bvente og se\b|\bvente lidt og se\b"), "vent og se"),
    # "Kan storebror ikke bare oversætte?": an interpreter
    (re.compile(r"\boversæt\w*"), "tolk"),
    # "få at vide, at de har fået den", "melde tilbage, at de har fået den": a receipt for a report
    (re.compile(r"\bat (?:de|kommunen|den|man) har (?:fået|modtaget) (?:den|det|underretningen|henvisningen)\b"), "kvittering modtagelse"),
    # "skrevet under på, at vi må ...", "hendes underskrift", "har givet lov", "sagt ja til, at ...", and a parent's no
    # ("men far siger nej", "far vil ikke have andre ind over"): consent
    (
        re.compile(
            r"\bskrev(?:et)? under\b|\bskrive under\b|\bunderskrift\w*|\bgive[tr]? (?:os )?lov\b|\bsagt ja til,? at\b"
            r"|\b(?:mor|far|moren|faren|forældrene|den anden forælder)(?: \w+)? (?:siger|sagde|har sagt) nej\b|\b(?:mor|far) vil ikke\b"
        ),
        "samtykke",
    ),
    # "være væk fra skolen", "børn, der ikke kommer i skole", "ikke er dukket op": absence
    (re.compile(r"\bvæk fra skolen\b|\bikke kommer i skole\b|\bikke (?:er )?dukket op\b|\bhjemme fra skole\w*"), "fravær skolefravær"),
    # "Min leder synes ikke, vi skal underrette", "skal min dagplejepædagog være enig, før jeg må?", "Vores leder er på
    # ferie ... Kan jeg selv sende underretningen?": whether the duty to report is one's own, which the documents
    # answer with "Underretningspligten er personlig"
    (_PERSONAL_DUTY, "underretningspligten personlig"),
    # "vende en bekymring", "vende det med nogen", "vende en dreng fra min gruppe med teamet": sparring
    (
        re.compile(
            r"\bvende (?:en |min |vores )?bekymring\w*|\bvende (?:\w+ ){1,5}?med (?:nogen|en |et |skolens|teamet|kolleg|min |vores )"
        ),
        "sparring",
    ),
    # "Hvordan sørger vi for, at skolen får besked?", "når et barn skifter fra dagtilbud til skole": the move to school and
    # what is handed over
    (
        re.compile(
            r"\bskolen (?:får|skal have) (?:besked|at vide)\b"
            r"|\bskifter fra (?:dagtilbud\w*|børnehave\w*|dagpleje\w*) til (?:skole\w*|\d\. klasse)"
        ),
        "overgang overlevering",
    ),
    # "Da jeg tog det op med mor, blev hun sur", "En mor er sur, fordi ...": anger, which the documents call "vrede"
    (re.compile(r"\b(?:blev|bliver|er|var) (?:\w+ )?(?:sur|sure|gal|gale|tosset|tossede)\b"), "vred vrede"),
    # "Hvordan griber jeg det an, skridt for skridt?", "Gerne skridt for skridt.": the documents' "trin for trin"
    (re.compile(r"\bskridt for skridt\b|\bet skridt ad gangen\b"), "trin for trin"),
    # "Og hvis min medarbejder bliver nødt til at melde fra en uge før, hvad skal vi så betale?": the documents'
    # "afmelding" or "afbud"
    (re.compile(r"\bmeld(?:e|er|es|t) fra\b"), "afmelding afbud"),
    # "..., og hvad syntes de om dem?", "Hvad synes forældrene om det?": what people thought of a thing, which the
    # documents measure as "tilfredshed"
    (re.compile(r"\bhvad (?:syntes|synes) (?:de|\w+ne) om\b"), "tilfredshed tilfredse"),  # "\w+ne": "forældrene", "deltagerne"
    # "Hvad vil kommunen sætte i gang?", "Hvilke initiativer har regeringen sat i gang?": what the documents say is
    # "igangsat" or "iværksat" ("Derudover igangsættes følgende indsatser:")
    (re.compile(r"\b(?:sætte|sætter|sættes|satte|sat)\b(?: \w+){0,4}? i gang\b"), "igangsætte igangsat iværksætte iværksat"),
    # "Hvem sidder i teamet?", "Hvilke faggrupper sidder der i ...?": who a team or forum is made of
    (re.compile(r"\b(?:hvem|hvilke \w+)\b[^?]{0,30}?\bsidder (?:\w+ ){0,2}?i\b"), "består deltagere"),
    # "have det liggende på stuen", "mine noter liggende på min mobil": how papers and notes on a child are kept,
    # which the documents' rules on data call "opbevares" or "gemmes"
    (re.compile(r"\bliggende\b"), "opbevares gemmes"),
    # "Må jeg printe skemaet?", "en udprint": a paper copy
    (re.compile(r"\b(?:ud)?print(?:e|er|et|ede|s)?\b"), "papirkopi"),
    # "Hvornår skal det smides ud?", "smide noterne ud": when papers and notes are deleted
    (re.compile(r"\bsmid(?:e|er|es)? (?:\w+ ){0,3}?ud\b"), "slettes sletning"),
)


def documents_words(text: str) -> str:
    """The documents' words for the everyday phrases of ``text`` (see _EVERYDAY), "" when it uses none."""
    return " ".join(documents_names(text))


def documents_names(text: str) -> tuple[str, ...]:
    """The documents' words for each everyday phrase ``text`` uses, one name per thing it names: "Min leder siger,
    vi skal vente og se, men jeg vil sige til kommunen ..." -> ("vent og se", "underretningspligten personlig")."""
    lowered = " ".join(text.lower().split())
    return tuple(dict.fromkeys(word for phrase, word in _EVERYDAY if phrase.search(lowered)))


def with_documents_words(text: str) -> str:
    """``text`` with the documents' words for its everyday phrases after it, to be searched or counted by."""
    added = documents_words(text)
    return f"{text} {added}" if added else text


def in_documents_words(text: str) -> str:
    """``text`` with each everyday phrase in it replaced by the documents' words for it: what a worry tells is "vent og
    se", not the "tid" of "se tiden an", which any sentence on time shares. The rest keeps its case (a place's name)."""
    spaced = " ".join(text.split())
    for phrase, word in _EVERYDAY:
        # lower() keeps the length of Danish text, so the lowercased match's span is the phrase's in ``spaced``
        spans = [match.span() for match in phrase.finditer(spaced.lower()) if match.group(0)]
        for start, end in reversed(spans):
            spaced = f"{spaced[:start]} {word} {spaced[end:]}"
    return " ".join(spaced.split())
