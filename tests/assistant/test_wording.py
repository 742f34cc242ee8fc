import pytest

from assistant.wording import documents_names, documents_words, in_documents_words, with_documents_words


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("Hvem kan jeg ringe til, hvis jeg vil vende en bekymring uden at sige, hvem det er?", "anonym anonymt sparring"),
        ("Hvem sidder i det forum, hvor man kan tage et barn op uden at sige navnet?", "anonym anonymt består deltagere"),
        ("Kan jeg drøfte ham uden at nævne barnets navn?", "anonym anonymt"),
        ("Min kollega siger, at vi bare skal se tiden an. Er det en god idé?", "vent og se"),
        ("Kan hendes storebror ikke bare oversætte til mødet?", "tolk"),
        ("Hvad vil kommunen sætte i gang for at rette op på resultaterne?", "igangsætte igangsat iværksætte iværksat"),
        ("Hvilke initiativer har regeringen sat i gang?", "igangsætte igangsat iværksætte iværksat"),
        ("Hvor hurtigt skal kommunen så melde tilbage, at de har fået den?", "kvittering modtagelse"),
        ("Hvornår kan jeg regne med at få at vide, at kommunen har modtaget underretningen?", "kvittering modtagelse"),
        ("Mor og far har skrevet under på, at vi må tale med sundhedsplejen. Hvor længe gælder det?", "samtykke"),
        ("Hvor længe gælder hendes underskrift?", "samtykke"),
        ("Må jeg tale med PPR, hvis forældrene ikke har givet lov?", "samtykke"),
        ("Mor vil gerne have, at vi taler med PPR om deres søn, men far siger nej. Må vi så godt?", "samtykke"),
        ("Mor vil gerne have hjælp fra teamet, men far vil ikke have andre ind over.", "samtykke"),
        ("Jeg siger nej til mor, når hun spørger.", ""),  # the speaker's no, not a parent's
        ("Hvor meget skal en elev være væk fra skolen, før det er et rødt tegn?", "fravær skolefravær"),
        ("Hvornår ringer vi hjem, hvis et barn ikke er dukket op?", "fravær skolefravær"),
        ("Hvilke faggrupper sidder der i Næstveds tidlige team?", "består deltagere"),
        ("Hvem er det egentlig, der sidder i det forum?", "består deltagere"),
        ("Min leder synes ikke, vi skal underrette, men jeg er stadig urolig. Hvad kan jeg gøre?", "underretningspligten personlig"),
        ("Hvordan sender jeg en underretning, og skal min dagplejepædagog være enig, før jeg må?", "underretningspligten personlig"),
        ("Vores leder er på ferie. Kan jeg selv sende underretningen?", "underretningspligten personlig"),
        ("Min leder siger, vi skal vente, men jeg vil sige til kommunen, at vi er bekymrede.", "underretningspligten personlig"),
        ("Hvornår skal jeg lave en underretning?", ""),  # no leader, nothing done alone
        ("Min leder er ikke glad for sprogvurderingen.", ""),  # no report
        ("Hvor hurtigt skal jeg vende det med nogen?", "sparring"),
        ("Er der et sted, jeg kan ringe og vende en bekymring for et barn?", "sparring"),
        ("Jeg vil gerne vende en dreng fra min gruppe med nogen fra teamet.", "sparring"),
        ("Vi skal vende tilbage til det med forældrene.", ""),  # no one to talk it over with
        ("Hvordan sørger vi for, at skolen får besked? Vi ligger i Padborg.", "overgang overlevering"),
        ("Findes der et redskab til at give viden videre, når et barn skifter fra dagtilbud til skole?", "overgang overlevering"),
        ("Hvornår får forældrene besked fra skolen?", ""),  # the school tells, it is not told
        ("Da jeg tog det op med mor, blev hun sur og sagde, at det er os.", "vred vrede"),
        ("Det gik helt galt på turen.", ""),  # no one angry
        ("Hvordan griber jeg det an, skridt for skridt?", "trin for trin"),
        ("Hvad er det første skridt?", ""),  # one step asked, not the steps in turn
        ("Hvor mange var afsted på kurserne, og hvad syntes de om dem?", "tilfredshed tilfredse"),
        ("Hvad synes forældrene om den nye model?", "tilfredshed tilfredse"),
        ("Hvis min medarbejder må melde fra en uge før, hvad skal vi så betale?", "afmelding afbud"),
        ("Hvem skal vi melde det til?", ""),  # told to someone, not cancelled
        ("Må jeg have mine noter om et barn liggende på min egen mobil?", "opbevares gemmes"),
        ("Må jeg printe skemaet og have det liggende på stuen?", "opbevares gemmes papirkopi"),
        ("Hvornår skal overgangsskemaet smides ud?", "slettes sletning"),
        ("Skal vi smide de gamle noter ud?", "slettes sletning"),
        ("Kan printeren på kontoret bruges?", ""),  # a printer, not a paper copy
        ("Smid ikke alt, hvad du har i hænderne, og tag ud til familien.", ""),  # "ud" too far from "smid"
        ("Jeg synes, vi skal sige det til kommunen. Hvad gør jeg?", ""),  # the speaker's own view, not asked of others
        ("Jeg har en dreng, der mest sidder for sig selv i legestuen.", ""),  # no one asked about
        ("Hvem har pligt til at underrette?", ""),  # the documents' own word: nothing to add
        ("Uden at vide hvorfor er han blevet stille.", ""),  # not a name left out
        ("Vi har ikke gjort noget endnu. Hvad skal vi i gang med?", ""),  # starting oneself, nothing set going
    ],
)
def test_documents_words(question: str, words: str) -> None:
    assert documents_words(question) == words


def test_with_documents_words_adds_them_after_the_question() -> None:
    question = "Kan jeg vende det uden at sige, hvem han er?"
    assert with_documents_words(question) == f"{question} anonym anonymt"
    assert with_documents_words("Hvad er PPR?") == "Hvad er PPR?"


def test_documents_names_one_name_per_everyday_phrase() -> None:
    worry = "Min leder siger, at vi skal vente og se, men jeg vil sige til kommunen, at vi er bekymrede."
    assert documents_names(worry) == ("vent og se", "underretningspligten personlig")
    assert documents_names("Hvad er PPR?") == ()


def test_in_documents_words_replaces_the_phrase_and_keeps_the_rest() -> None:
    told = in_documents_words("Min kollega i Tønder siger, at vi bare skal se tiden an med ham.")
    assert told == "Min kollega i Tønder siger, at vi bare skal vent og se med ham."
    # a phrase told by the whole question (a report weighed against the leader) has nothing to replace
    assert in_documents_words("Min leder synes ikke, vi skal underrette.") == "Min leder synes ikke, vi skal underrette."
