"""The guidance topics of a concern answer: which a worry asks for, and in what order they are shown."""

import pytest

from assistant.analysis import situation_terms
from assistant.relevance import RelevanceScorer
from index import Passage, ScoredPassage
from assistant.guidance import (
    asked_guidance,
    guidance_order,
    guidance_parts,
    harm_topics,
    parent_topics,
    prefer_staff_guide,
    sign_topics,
    within_topics,
)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Kan vi sparre med nogen, når vi er urolige for en pige?", True),
        ("Hvornår skal vi inddrage forældrene, når vi er bekymrede for en dreng?", True),
        ("Jeg er bekymret for en dreng på stuen, han er ofte sulten. Hvad gør jeg?", False),
    ],
)
def test_a_worry_asks_for_a_guidance_topic_when_it_names_it(question, asks):
    assert bool(asked_guidance(question)) is asks


@pytest.mark.parametrize(
    ("question", "labels"),
    [
        ("Forældrene til en pige, vi er bekymrede for, holder os på afstand. Hvordan kan vi nå dem?", ["Inddrag forældrene tidligt"]),
        ("Kan jeg få nogen at sparre med, hvis jeg er urolig for et barn?", ["Sparring om bekymringen"]),
        ("Er der redskaber til dagplejere, der er urolige for et barn?", ["Fælles opsporingsmodel og redskaber"]),
        ("Hvilke tegn skal vi se efter, når vi er urolige for en dreng?", ["Tegn, signaler og risikofaktorer"]),
        (
            "Skal vi inddrage forældrene eller søge sparring først, når vi er bekymrede?",
            ["Sparring om bekymringen", "Inddrag forældrene tidligt"],
        ),
        ("Jeg er bekymret for en dreng på stuen, han er ofte sulten. Hvad gør jeg?", []),  # "bekymret" voices the worry
        # Whom to turn to: the topic marked "| person" in prompts/concern_topics.txt answers it.
        ("En dreng i 2. klasse tisser i bukserne flere gange om ugen. Hvem skal vi snakke med?", ["Sparring om bekymringen"]),
        ("Vores yngste elev har ikke haft madpakke med i to uger. Hvor kan vi henvende os?", ["Sparring om bekymringen"]),
        # A parent named in what it asks asks for the parents' topic; a parent it only tells of, or who harms, does not.
        ("Hvordan tager jeg en svær snak med en mor om, at hendes søn har det svært i gruppen?", ["Inddrag forældrene tidligt"]),
        ("En dreng har lige mistet sin far. Hvad kan vi gøre for ham?", []),
        ("En dreng fortæller, at far slår ham. Må jeg tale med mor om det?", []),  # the harm topic comes by guidance_order
        # ... nor does a harm's worry naming the parents by the topic's own word.
        ("En dreng kom med blå mærker og sagde, at far havde slået ham. Skal jeg ringe til forældrene?", []),
    ],
)
def test_a_worry_asks_for_the_guidance_topics_it_names(question, labels):
    assert [guidance_parts()[n].label for n in asked_guidance(question)] == labels


def test_a_guidance_topic_marked_with_an_unknown_answer_type_is_refused(monkeypatch):
    monkeypatch.setattr("assistant.guidance.load", lambda name: "Sparring om bekymringen: sparring med kolleger | persn")
    guidance_parts.cache_clear()
    try:
        with pytest.raises(ValueError, match="persn"):
            guidance_parts()
    finally:
        monkeypatch.undo()
        guidance_parts.cache_clear()
    assert guidance_parts()[1].answer_type == "person"  # the shipped file's sparring topic


def test_guidance_topics_follow_the_asked_ones_by_resemblance_then_as_listed():
    worry = "Kan vi sparre med nogen, når vi er urolige for en pige?"  # asks for "Sparring om bekymringen"
    sparring = next(n for n, part in enumerate(guidance_parts()) if part.label == "Sparring om bekymringen")
    resemblance = [0.80] * len(guidance_parts())
    resemblance[0] = 0.90
    order = guidance_order(worry, resemblance, asked_guidance(worry))
    rest = [n for n in range(1, len(resemblance)) if n != sparring and n not in harm_topics()]  # no harm is told
    assert order == (sparring, 0, *rest)


def test_the_report_to_the_municipality_comes_last_unless_asked_or_a_harm_is_told():
    report = len(guidance_parts()) - 1
    assert guidance_parts()[report].label == "Underretning"
    resemblance = [0.80] * len(guidance_parts())
    resemblance[report] = 0.90  # its query resembles most worries

    def order(worry: str) -> tuple[int, ...]:
        return guidance_order(worry, resemblance, asked_guidance(worry))

    assert order("En 3-årig har næsten ikke sagt noget i et halvt år. Hvem kan vi kontakte?")[-1] == report
    harm = next(iter(harm_topics()))  # what to do on a suspicion of violence comes first, then the report
    assert order("Jeg tror, at en af vores drenge bliver slået derhjemme. Hvad gør jeg?")[:2] == (harm, report)
    assert order("Et barn fortæller, at mor slår. Hvad skal vi gøre nu?")[:2] == (harm, report)
    assert order("En af vores drenge slår de andre. Hvad gør vi?")[-1] == report  # he hits, no one hits him
    assert order("Skal jeg lave en underretning, når jeg er urolig for en pige?")[0] == report
    assert order("Far kom fuld for at hente sin søn i går. Hvad skal vi gøre?")[:2] == (harm, report)  # a danger on the way home
    assert harm not in order("En af vores drenge slår de andre. Hvad gør vi?")


def test_the_signs_follow_what_to_do_when_the_worry_asks_what_to_do():
    # The family's risk factors ("forældrenes misbrug ... vold") had opened "Hvad kan vi tilbyde hende?".
    signs = next(iter(sign_topics()))
    report = len(guidance_parts()) - 1
    assert guidance_parts()[signs].label == "Tegn, signaler og risikofaktorer"
    resemblance = [0.80] * len(guidance_parts())
    resemblance[signs] = 0.90

    def order(worry: str) -> tuple[int, ...]:
        return guidance_order(worry, resemblance, asked_guidance(worry))

    acting = order("En mor har fortalt mig, at hun ikke kan overskue sine børn. Hvad kan vi tilbyde hende?")
    assert acting[-2:] == (signs, report)
    assert order("En pige på 4 år er blevet meget stille. Hvad gør jeg?")[-2:] == (signs, report)
    assert order("Et barn kommer tit i beskidt tøj. Hvad skal jeg være opmærksom på?")[0] == signs  # asks what to look for
    assert order("Jeg er ny pædagog og urolig for en dreng. Hvordan ved jeg, om han mistrives?")[0] == signs
    assert order("Jeg tror, en dreng bliver slået derhjemme. Hvad gør jeg?")[-1] == signs  # the report opens it


def test_the_signs_open_the_answer_when_the_worry_asks_what_to_look_for_however_little_it_resembles_them():
    # "Hvordan kan jeg opdage et barn i mistrivsel tidligt?" had the opsporing model and sparring before the signs.
    signs = next(iter(sign_topics()))
    resemblance = [0.90] * len(guidance_parts())
    resemblance[signs] = 0.70

    def order(worry: str) -> tuple[int, ...]:
        return guidance_order(worry, resemblance, asked_guidance(worry))

    assert order("Hvordan kan jeg opdage et barn i mistrivsel tidligt?")[0] == signs
    assert order("Et barn kommer tit i beskidt tøj. Hvad skal jeg være opmærksom på?")[0] == signs
    # The parents are part of what the worry tells, not what it asks: the signs still come before "Inddrag forældrene".
    parents = next(iter(parent_topics()))
    told = "En pige har forældre, der lige er gået fra hinanden. Hvad skal jeg holde øje med?"
    assert parents in asked_guidance(told) and order(told)[:2] == (signs, parents)
    # A follow-up asking for the parents, after a question on signs: its own question names them.
    followup = "Hvilke tegn skal vi se efter? Hvordan inddrager vi forældrene?"
    assert guidance_order(followup, resemblance, asked_guidance("Hvordan inddrager vi forældrene?"))[:2] == (parents, signs)
    harmed = order("Jeg tror, en dreng bliver slået derhjemme. Hvad skal jeg holde øje med?")
    assert harmed[:3] == (next(iter(harm_topics())), len(resemblance) - 1, signs)
    assert order("En pige på 4 år er blevet meget stille. Hvad gør jeg?")[0] != signs


def test_a_harm_told_puts_the_report_first_however_little_the_worry_resembles_it():
    # "En dreng fortæller, at far slår ham." had sparring, signals and the parents before the report.
    report = len(guidance_parts()) - 1
    resemblance = [0.90] * len(guidance_parts())
    resemblance[report] = 0.70
    harm = next(iter(harm_topics()))
    worry = "En dreng fortæller, at far slår ham. Hvad skal jeg gøre nu?"
    assert guidance_order(worry, resemblance, asked_guidance(worry))[:2] == (harm, report)
    asking = "En dreng fortæller, at far slår ham. Hvem kan jeg tale med om det?"  # asks for sparring: that first
    assert guidance_order(asking, resemblance, asked_guidance(asking))[:3] == (1, harm, report)


def test_a_report_topic_that_finds_only_a_case_example_is_left_out_unless_the_worry_needs_it():
    # Varde's intake of reports had closed every worry's answer; an organisation's guide to reporting stays.
    report = len(guidance_parts()) - 1
    resemblance = [0.80] * len(guidance_parts())

    def order(worry: str, case_only: tuple[int, ...]) -> tuple[int, ...]:
        return guidance_order(worry, resemblance, asked_guidance(worry), case_only)

    language = "En treårig på stuen siger næsten ingenting. Hvem kan hjælpe os?"
    assert report not in order(language, (report,))
    assert order(language, ())[-1] == report  # the topic finds guidance: it comes last
    harm = "Jeg tror, at en af vores drenge bliver slået derhjemme. Hvad gør jeg?"
    assert order(harm, ())[:2] == (next(iter(harm_topics())), report)
    # Only a municipality's intake of reports: whom to involve comes next, the notice names the duty to report.
    assert report not in order(harm, (report,))
    assert guidance_parts()[order(harm, (report,))[1]].answer_type == "person"
    assert report in order("Jeg har skrevet en underretning om et barn. Hvad sker der så?", (report,))


@pytest.mark.parametrize(
    ("worry", "within"),
    [
        # It asks for the parents topic and tells nothing else: "samarbejde" heads the topic's "forældresamarbejde".
        ("Hvordan kan vi samarbejde med forældrene, når vi er bekymrede for deres barn?", True),
        # It tells a situation of its own besides the topic: the parents keep their distance.
        ("Forældrene holder os på afstand, og vi er bekymrede for deres søn. Hvordan kan vi nå dem?", False),
    ],
)
def test_a_worry_whose_situation_is_only_the_topic_it_asks_for_is_within_that_topic(worry, within):
    asked = asked_guidance(worry)
    assert [guidance_parts()[n].label for n in asked] == ["Inddrag forældrene tidligt"]
    assert within_topics(situation_terms(worry), asked) is within


def test_no_terms_are_within_no_topic():
    assert not within_topics(frozenset(), (0,))
    assert not within_topics(frozenset({"forældr"}), ())


def test_a_harm_done_to_the_child_involves_the_parents_after_the_other_topics():
    # Marte Meo and "Kvindeaftener" had followed sparring for a child with bruises and a pressed mother.
    parents = next(iter(parent_topics()))
    resemblance = [0.80] * len(guidance_parts())
    resemblance[parents] = 0.95  # the worry resembles the parents' topic most
    harm = "En pige på 3 år har tit blå mærker på armene og mor virker meget presset. Hvad gør jeg?"
    order = guidance_order(harm, resemblance, asked_guidance(harm))
    assert order.index(parents) > max(order.index(n) for n in order if n not in parent_topics() | sign_topics())
    worry = "En pige på 3 år er tit ked af det. Hvad gør jeg?"  # no harm: the parents' topic by resemblance
    assert guidance_order(worry, resemblance, asked_guidance(worry))[0] == parents


def test_a_worry_asking_whom_to_talk_to_gets_no_risk_factors():
    resemblance = [0.80] * len(guidance_parts())
    signs = sign_topics()
    assert signs and not signs & set(guidance_order("En pige i min gruppe trækker sig, hvem skal jeg tale med?", resemblance, ()))
    assert signs <= set(guidance_order("En pige i min gruppe trækker sig. Hvad gør jeg?", resemblance, ()))


def _hit(chunk_id: str, text: str) -> ScoredPassage:
    return ScoredPassage(Passage(chunk_id, text, {"doc_id": chunk_id}), 1.0)


def test_a_topic_keeps_only_an_organisations_guide_to_its_staff_on_it_when_one_is_found():
    parents = next(n for n, part in enumerate(guidance_parts()) if part.label == "Inddrag forældrene tidligt")
    report = _hit("kl", "KL anbefaler, at kommunerne inddrager forældrene tidligt.")
    guide = _hit("guide", "Forældrene skal inddrages, når du er bekymret for deres barn.")
    aside = _hit("other", "Du finder skemaet på intranettet.")  # speaks to the reader, but not of the parents

    passing = _hit("brief", "Du kan også læse om forældre i bilaget.")  # names the parents in passing only
    relevance = RelevanceScorer([hit.passage.text for hit in (report, guide, aside, passing)])

    assert prefer_staff_guide([report, aside, guide, passing], parents, relevance) == [guide]
    assert prefer_staff_guide([report, aside, passing], parents, relevance) == [report, aside, passing]
