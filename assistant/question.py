"""Understand the question: clean it up, and turn a follow-up into a question that stands on its own.

Example::

    standalone_query("Virkede det?", [Turn("user", "Hvad gør Holstebro for nye forældre?"), Turn("assistant", "...")])
    # "Hvad gør Holstebro for nye forældre? Virkede det?"
    standalone_query("Og hvad med Hedensted?", [Turn("user", "Hvordan arbejder Viborg med tidlig opsporing?")])
    # "Hvordan arbejder Hedensted med tidlig opsporing?"
    bounded_history(turns)   # the last turns only, each cut: before anything is redacted, condensed or embedded
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from tidlig.text import DOCUMENT_WORDS, OVERVIEW_WORDS, content_terms, proper_nouns, split_sentences, words
from assistant.analysis import asked_detail, counts_unnamed, detail_terms, tells
from assistant.types import Turn
from assistant.wording import with_documents_words

MAX_QUESTION_CHARS = 1000
# An earlier turn is context, not the question: the last few turns, each cut, are all a follow-up needs.
# Without these bounds one 100 KB earlier message made the follow-up query 100 KB long (97 s to embed).
MAX_HISTORY_TURNS = 6
MAX_ANSWER_TURN_CHARS = 2000
# Only this much of a turn is looked at before cleaning: cleaning a 1.4 MB turn is itself slow.
_RAW_TURN_CHARS = 4 * MAX_ANSWER_TURN_CHARS
# Words that make a question lean on what was said before.
# A follow-up opens with a connective ("Og hvad med …") or points back ("det", "dem", "modellen"): a
# pronoun, or the definite form of a word for what a case example or a report describes, which names no
# topic of its own ("Hvad koster programmet pr. barn?" asks about the programme talked about).
FOLLOWUP_OPENING = re.compile(r"^(og|men|så|hvad med|hvad så|hvordan med|også)\b", re.IGNORECASE)
# "Så" after a question's opening words, as "then" ("Hvad er så næste skridt?", "Hvor hurtigt skal en familie så
# kunne komme til ...?"), asks on from what was said; not "så" of degree ("så længe", "så mange") or of purpose.
_THEN = re.compile(
    r"^hv\w+\b[^,;:]*?\bså\b(?!\s+(?:at|længe|lang|mange|meget|godt|stor|store|tidligt|hurtigt|lidt|få|vidt)\b)", re.IGNORECASE
)
BACK_REFERENCE = re.compile(
    r"\b(det|dem|deres|dette|denne|disse|sådan|sådant|sådanne|samme|her|kommunen|pengene|mødet"
    r"|projektet|indsatsen|indsatserne|modellen|programmet|tilbuddet|forløbet|initiativet|ordningen|puljen|metoden"
    r"|redskabet|værktøjet|evalueringen|undersøgelsen|kurset|forsøget|satsningen|strategien|planen)\b",
    re.IGNORECASE,
)
# "de" (they) as the subject after its verb, which in a question with nothing named before it points back: "Hvilken
# efteruddannelse fik de, og ...?" after "Hvad var sprogtrænerne i Sprogbroen?" had been asked alone and declined.
# Not the article before an adjective or a count ("Hvad er de vigtigste ...?", "Hvem er de tre ...?").
_THEY = re.compile(
    r"^(?:og |men |så )?hv\w+\b[^,;:]*?\s\w+\s+de(?=\s*[?,]|\s+(?:også|så|egentlig|ikke|nu|selv|stadig|typisk|altid|først"
    r"|i|på|med|til|for|af|ud|ind|op|det|den|dem)\b)",
    re.IGNORECASE,
)
# A question asking whether what was said holds of something else ("Gælder det samme for Virring Skole?", "Gælder
# det også for mig? Jeg arbejder i en privat børnehave i Svendborg.") leans on the question before it, whatever it
# names. "dér" (there) points back to a place named before ("Er forældrene også mindre tilfredse dér end i resten af
# kommunen?"). A yes-no question going on by "så" after its subject was tried too ("Hører vi så noget bagefter?"): on
# the added sets it turned one answer right and one wrong ("Kan han så også få nogle samtaler med en psykolog gennem
# teamet?" asks enough of its own, and the earlier question's words drew other passages), so it stands on its own.
_APPLIES_TOO = re.compile(r"^(?:og |men )?(?:gælder|galt|er|var|sker) (?:det|den|dette|de|disse) (?:samme|også|ligeså)\b", re.IGNORECASE)
_THERE = re.compile(r"\bdér\b", re.IGNORECASE)
MAX_FOLLOWUP_TERMS = 5  # a question with more topic words than this stands on its own
# A follow-up naming a new subject with more words of its own than this asks its own question (see _elliptic).
MAX_ELLIPTIC_TERMS = 2
MAX_SCENE_WORDS = 15  # an earlier message telling the setting of the next question (see _sets_the_scene)
_COURTESY = re.compile(r"(?:tak|mange tak|ok|okay|super|fint|godt|perfekt|fedt|ja|nej|hej)\b", re.IGNORECASE)
# A courtesy set apart before the question itself ("Okay. Og hvis ...", "Tak, men hvad ...").
_COURTESY_FIRST = re.compile(rf"{_COURTESY.pattern}\s*[,.!:;–-]+\s*", re.IGNORECASE)
# An earlier message longer than this gives a follow-up only its questions as context (the dev set's
# earlier questions are at most 94 characters, so they are used whole).
MAX_EARLIER_QUESTION_CHARS = 300


@dataclass(frozen=True)
class CleanQuestion:
    text: str
    was_cut: bool = False

    @property
    def is_empty(self) -> bool:
        """Nothing to search for: empty, whitespace or only punctuation."""
        return not re.search(r"\w", self.text)


def clean_question(raw: str) -> CleanQuestion:
    """Collapse whitespace, strip control characters and markup, cut very long questions."""
    cut_raw = len(raw or "") > _RAW_TURN_CHARS
    text = html.unescape((raw or "")[:_RAW_TURN_CHARS])
    text = re.sub(r"<[^>]{0,200}>", " ", text)  # markup is not part of a question
    text = "".join(ch for ch in text if ch.isprintable() or ch.isspace())
    text = " ".join(text.split())
    if len(text) > MAX_QUESTION_CHARS or cut_raw:
        return CleanQuestion(_cut(text, MAX_QUESTION_CHARS), was_cut=True)
    return CleanQuestion(text)


# "ae", "oe" and "aa" for the Danish letters, as typed on a keyboard without them ("foraeldrene", "boern").
_DIGRAPHS = {"ae": "æ", "oe": "ø", "aa": "å"}
_WITH_DIGRAPH = re.compile(r"\w*(?:ae|oe|aa)\w*", re.IGNORECASE)


def with_danish_letters(text: str, knows: Callable[[str], bool]) -> str:
    """``text`` with æ, ø and å where a word written with "ae", "oe" or "aa" is unknown to the documents
    and known with the letters (``knows``: the corpus uses the word). "hvordan får man foraeldrene med"
    found Børnelinealen: neither search knew the word. A word the documents use as written stays ("Aarhus").

    Example::

        with_danish_letters("hvordan faar man foraeldrene med", {"får", "forældrene"}.__contains__)
        # "hvordan får man forældrene med"
    """

    def restored(match: re.Match[str]) -> str:
        word = match.group(0)
        if knows(word):
            return word
        return next((candidate for candidate in _respellings(word) if knows(candidate)), word)

    return _WITH_DIGRAPH.sub(restored, text)


def _respellings(word: str) -> list[str]:
    """``word`` with every digraph replaced, then with one kind at a time, each keeping its capital."""
    def letter(match: re.Match[str]) -> str:
        found = _DIGRAPHS[match.group(0).lower()]
        return found.upper() if match.group(0)[0].isupper() else found

    def spelled(kinds: Collection[str]) -> str:
        return re.compile("|".join(kinds), re.IGNORECASE).sub(letter, word)

    return [spelled(_DIGRAPHS), *(spelled([kind]) for kind in _DIGRAPHS)]


# A trainer's request for material rather than a question: "Lav en kort oversigt over KL's anbefalinger om tidlig
# indsats til et undervisningsoplæg." Its frame (the request, the kind of text, what it is for) names no topic:
# as terms "lav", "kort", "oversigt" and "undervisningsoplæg" outweighed "anbefalinger", and the answer held one
# recommendation.
_LISTING = r"oversigt|overblik|liste|punktliste"
_REQUEST = re.compile(
    r"^(?:kan du |vil du )?(?:lav|lave|skriv|skrive|udarbejd|udarbejde|giv|give)(?: mig| os)?(?: en| et)?"
    r"(?: (?:kort|kortfattet|hurtig|samlet|enkel|overskuelig))?"
    rf" (?P<kind>{_LISTING}|opsummering|sammenfatning|resumé|gennemgang) (?:over|af|med|om|på) ",
    re.IGNORECASE,
)
# What the material is for: a talk, a course, teaching.
_TEACHING = r"oplægget|oplæg|kurset|kursus|undervisningen|undervisning|præsentationen|præsentation|temadagen|temadag|slides"
_FOR_WHOM = r"(?:brug (?:i|på|til) )?(?:et |en |mit |min |vores |næste |det næste |et kommende )?"
_PURPOSE = re.compile(rf",? (?:til|for|på) {_FOR_WHOM}\w*(?:{_TEACHING}|workshoppen|workshop|mødet|møde)\b[^?.!]*", re.IGNORECASE)


# What the answer is for, put before the question: "Til mit oplæg: Hvor mange underretninger fik Tønder i 2024?".
# As a term, "oplæg" had opened the answer with the list of a meeting's "Oplægsholdere".
# Only the teaching material's own word before the colon: "Til mødet med forældrene: ..." names the topic.
_PURPOSE_FIRST = re.compile(rf"^(?:til|for) {_FOR_WHOM}\w*(?:{_TEACHING})\s*[:–-]\s*(?=\w)", re.IGNORECASE)


# What the answer is for, told in a sentence of its own: "Jeg skal bruge eksempler til et kursus.", "Jeg vil bruge
# tallet i et oplæg.", "Jeg vil gerne have det rigtige tal med i mine slides.". It names no topic, yet its words
# were searched and scored: "Hvilke slags situationer skal få en lærer eller pædagog til at underrette? Jeg skal
# bruge eksempler til et kursus." found lists headed "EKSEMPLER PÅ ..." and not the document's list of situations.
# A sentence that names what the material is about stays ("Jeg underviser i samtykke.").
_USE_TOLD = re.compile(
    rf"^(?:jeg|vi) (?:skal|vil)(?: gerne)? (?:bruge|have)(?: [\w-]+){{0,3}}? (?:med )?(?:til|i|på) {_FOR_WHOM}"
    rf"(?:nogle |mine )?\w*(?:{_TEACHING}|slide|kursister|cases)(?: (?:til|i|på) {_FOR_WHOM}\w*(?:{_TEACHING}))?\s*[.!]?$",
    re.IGNORECASE,
)


def requested_topic(question: str) -> str:
    """A request for material asked as the question it is: an overview or a list asks which things ("Lav en
    oversigt over KL's anbefalinger til et oplæg." -> "Hvilke er KL's anbefalinger?"), a summary asks for its
    topic ("Giv mig en opsummering af Familiestuen." -> "Familiestuen."), and what it is for is left out, put
    first ("Til mit oplæg: Hvad koster kurset?" -> "Hvad koster kurset?") or told in a sentence of its own ("Hvad
    koster kurset? Jeg skal bruge det i et oplæg." -> "Hvad koster kurset?"). Any other question is returned as it is.
    """
    question = _without_use_told(question)
    if purpose := _PURPOSE_FIRST.match(question):
        question = question[purpose.end() :]
        question = question[0].upper() + question[1:]
    request = _REQUEST.match(question)
    if request is None:
        return question
    topic = _PURPOSE.sub("", question[request.end() :]).strip()
    if not re.search(r"\w", topic):
        return question
    topic = topic.rstrip("?.! ")
    if request.group("kind").lower() in _LISTING.split("|"):
        return f"Hvilke er {topic}?"
    return f"{topic[0].upper()}{topic[1:]}."


def _without_use_told(question: str) -> str:
    """``question`` without the sentences that tell only what the answer is for (see :data:`_USE_TOLD`), if
    a sentence of it remains."""
    sentences = split_sentences(question)
    kept = [sentence for sentence in sentences if not _USE_TOLD.match(sentence.strip())]
    return " ".join(kept) if kept and len(kept) < len(sentences) else question


# The words pointing at the documents themselves, with a preposition before them ("i materialet") and a word
# asking for their view as a whole after them ("kilderne samlet"): as a search word "samlet" found Hedensted's
# slides on "samlet budget" for a question about the transition from daycare to school.
_DOCUMENTS_NAMED = re.compile(
    rf"\s*\b(?:(?:i|af|fra|ifølge)\s+)?(?:{'|'.join(sorted(DOCUMENT_WORDS))})(?:\s+(?:{'|'.join(sorted(OVERVIEW_WORDS))}))?\b",
    re.IGNORECASE,
)


def search_query(query: str) -> str:
    """The query as it is searched: without the words that point at the documents themselves. "Hvad siger
    dokumenterne om forældreinddragelse?" found passages that agreed less (dense and keyword search shared 2 of
    the best 5, against 5 of 5 for "Hvad siger materialet om ...") and got a partial answer.

    search_query("Hvad fremgår af kilderne om pluspladser?")  # "Hvad fremgår om pluspladser?"
    search_query("Hvad siger kilderne samlet om overgange?")  # "Hvad siger om overgange?"

    The documents' words for its everyday phrases come after it (see :mod:`assistant.wording`).
    """
    searched = " ".join(_DOCUMENTS_NAMED.sub("", query).split())
    return with_documents_words(searched if re.search(r"\w", searched) else query)


def bounded_history(history: Sequence[Turn] | None) -> tuple[Turn, ...]:
    """The last :data:`MAX_HISTORY_TURNS` non-empty turns, user turns cut like a question and the
    assistant's turns to :data:`MAX_ANSWER_TURN_CHARS`, each at a word."""
    recent: list[Turn] = []
    for turn in reversed(history or ()):
        if len(recent) == MAX_HISTORY_TURNS:
            break
        limit = MAX_QUESTION_CHARS if turn.role == "user" else MAX_ANSWER_TURN_CHARS
        text = _cut(" ".join(turn.content[:_RAW_TURN_CHARS].split()), limit)
        if text:
            recent.append(Turn(turn.role, text))
    return tuple(reversed(recent))


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0]


def standalone_query(question: str, history: Sequence[Turn] = (), sources: Collection[str] = ()) -> str:
    """The retrieval query: the question itself, or for a follow-up the question in its context. A source
    named by an acronym (``sources``: the publishers' names, "KL") is a name the follow-up can swap too:
    "Og i Holstebro?" after "Hvad anbefaler KL om forældrekurser?" asks Holstebro, not KL."""
    previous = [turn.content for turn in history if turn.role == "user" and turn.content.strip()]
    if not previous or not (_is_followup(question) or _sets_the_scene(previous[-1])):
        return question
    earlier = earlier_question(previous[-1])
    new_names = proper_nouns(question)
    named = [*proper_nouns(earlier), *(s for s in sources if s.isupper() and re.search(rf"\b{re.escape(s)}\b(?!-)", earlier))]
    old_names = sorted((name for name in named if name not in new_names), key=earlier.find)
    if new_names and old_names and _elliptic(question, new_names):
        # "Og hvad med Hedensted?" asks the earlier question about another subject, in place of all the
        # earlier names: "Hvad siger BUPL og KORA om X?" -> "Hvad siger København om X?".
        # A name word both questions use stays where it stands: "Gælder det samme for Virring Skole?" after "... på
        # Hørning Skole?" swaps "Hørning" alone (it had read "på Virring Skole Skole").
        first, *others = old_names
        fresh = [name for name in new_names if name not in named] or new_names
        swapped = re.sub(rf"\b{re.escape(first)}\b", " ".join(fresh), earlier, count=1)
        for old in others:
            swapped = re.sub(rf"(?:\s*,|\s+og|\s+eller)?\s+{re.escape(old)}\b", "", swapped, count=1)
        return swapped
    # The earlier question ends as a sentence: "Fortæl om socialrådgivere på skolerne Hvor mange ...?" read
    # "Hvor" as a name that no unit holding the count of schools used.
    ended = earlier if earlier.rstrip().endswith((".", "?", "!")) else f"{earlier.rstrip()}."
    return f"{ended} {question}"


def _elliptic(question: str, names: Sequence[str]) -> bool:
    """Whether a follow-up names little but its subject ("Og hvad med Hedensted?", "Hvad gør Holstebro?"): it asks
    the earlier question of that subject. One that asks a question of its own ("Og hvad gør Hedensted for at få
    specialviden tættere på dagtilbuddene?") is asked in the earlier question's context, not in its words: swapped
    in, "Hvad anbefaler Hedensted om at flytte eksperter ud ...?" was declined for "flytte"."""
    named = {term for name in names for term in content_terms(name)}
    return len([term for term in content_terms(question) if term not in named]) <= MAX_ELLIPTIC_TERMS


def earlier_question(turn: str) -> str:
    """What an earlier message asked, as context for a follow-up: the message itself when short, else its
    questions (or its first sentence). A long message's other sentences would outweigh the topic in the
    retrieval query ("Virkede det?" after a question followed by pages of notes)."""
    if len(turn) <= MAX_EARLIER_QUESTION_CHARS:
        return turn
    sentences = split_sentences(turn)
    asked = list(dict.fromkeys(sentence for sentence in sentences if sentence.endswith("?"))) or sentences[:1]
    kept = asked[:1]  # whole sentences only: a cut one would run into the follow-up ("… for Virkede det?")
    for sentence in asked[1:]:
        if len(" ".join([*kept, sentence])) > MAX_EARLIER_QUESTION_CHARS:
            break
        kept.append(sentence)
    return " ".join(kept)


def _sets_the_scene(turn: str) -> bool:
    """Whether an earlier message told the setting the next question is asked in, rather than asking
    anything: "Vi bruger Børnelinealen" before "Hvad gør vi, hvis et barn ligger på 4?", which alone was
    answered with KL's support for new parents. A short statement with a word of its own only: a long
    message is no setting, and "Tak for svaret" none."""
    return tells(turn) and len(words(turn)) <= MAX_SCENE_WORDS and bool(content_terms(turn)) and not _COURTESY.match(turn.strip())


def _is_followup(question: str) -> bool:
    """Whether ``question`` leans on the question before it. A courtesy before it is no part of it: "Okay. Og hvis vi så
    har kørt ekstra sprogaktiviteter med ham i et par måneder ..., hvad er så næste skridt?" opens with "Og"."""
    question = question[match.end() :] if (match := _COURTESY_FIRST.match(question.strip())) else question.strip()
    terms = len([term for term in content_terms(question) if not _THERE.fullmatch(term)])
    if terms <= 2 or FOLLOWUP_OPENING.search(question) or _THEN.search(question) or counts_unnamed(question) and not proper_nouns(question):
        return True
    if _APPLIES_TOO.search(question):
        return True
    if _asks_a_detail_of_little(question):
        return True
    if terms <= MAX_FOLLOWUP_TERMS and _ASKS_ABOUT_IT.search(question):
        return True  # a place it names is where the earlier topic is asked about
    pointing = BACK_REFERENCE.search(question) or _THEY.search(question) or _THERE.search(question)
    return terms <= MAX_FOLLOWUP_TERMS and bool(pointing) and not proper_nouns(question)


# A question about "den", "det" or "dem" as the thing asked about, right after its question word and verb: "hvordan
# ser den ud i dagtilbud i Hedensted?" after "Hvad er en indsatstrappe?" asks about the indsatstrappe in Hedensted,
# though it names a place. Not a formal "det" ("Hvad koster det at ...", "Hvad er det, der ...").
_ASKS_ABOUT_IT = re.compile(
    r"^(?:og |men |så )?(?:hvad|hvordan|hvor|hvem|hvornår|hvorfor|hvilke|hvilken)\s+\w+\s+(?:man |vi |de |I )?(?:den|det|dem)\b"
    r"(?!\s*(?:,|at\b|der\b|som\b|når\b|hvis\b|om\b))",
    re.IGNORECASE,
)


def _asks_a_detail_of_little(question: str) -> bool:
    """Whether a question asks for a figure or a time of a topic of at most two words and no name: "Hvor længe
    varer et forløb?" after "Hvad er Familiestuen?" asks how long Familiestuen's forløb lasts, and was answered
    from Vordingborg's courses for young mothers."""
    if proper_nouns(question) or asked_detail(question) is None:
        return False
    return len([t for t in content_terms(question) if t not in detail_terms()]) <= 2
