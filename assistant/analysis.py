"""Question analysis: what kind of answer a question expects, its parts, and whether it is a concern.

Everything here is rules over the question text (no model), so it is fast and explainable:

* **Expected answer type** from the Danish question words ("hvor mange" -> amount, "hvornår" -> time,
  "hvilke kommuner" -> place, "hvem" -> person, "hvordan" -> procedure, "hvorfor" -> reason,
  "virker det?"/"hvad viste evalueringen?" -> effect, "hvad er/betyder" -> definition, "hvilke ..." -> list,
  a municipality doing something -> case).
* **Parts**: a question with several questions in it ("Hvad siger KL, og hvad gør Hedensted?",
  "Findes der gruppeforløb? Hvordan er det gået?") is split so each part can be answered or named as
  not covered.
* **Concern**: a practitioner's worry about one child ("Jeg er bekymret for en dreng på stuen"), in
  any wording: a particular child, plus a worry or a sign of distress, plus an ask for what to do.
* **Asked specifics**: years, figures and names, and the kind of figure asked for (:class:`AskedDetail`: a
  sum of money for "hvad koster", a count of the counted thing for "hvor mange timer", a share, a period
  or deadline), which the answerability decision looks for in one evidence unit together with the topic.

Example::

    analysis = analyse_question("Hvad siger KL om sparring, og hvad gør Hedensted?")
    analysis.answer_type, [p.text for p in analysis.parts]
    # ("procedure", ["Hvad siger KL om sparring", "hvad gør Hedensted?"])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from assistant.wording import documents_words, in_documents_words, with_documents_words
from tidlig.text import (
    COUNT_WORD,
    DOCUMENT_WORDS,
    MUNICIPALITY,
    NAME_WORD,
    OVERVIEW_WORDS,
    STOP,
    YEAR,
    content_terms,
    is_table_row,
    linked_names,
    proper_nouns,
    split_sentences,
    stem,
    table_cells,
    words,
    written_shares,
)

AnswerType = Literal[
    "amount", "time", "place", "target", "person", "list", "procedure", "reason", "effect", "definition", "case", "other"
]
DetailKind = Literal["money", "count", "share", "period", "contact"]

# The sum itself asked for ("Hvad er udgifterne til ...?", "Hvad er Hedensted Kommunes samlede budget for
# dagtilbud?"), not a sum the question is about: "Hvilke modeller for styring af udgifterne til
# specialundervisning findes der?" got "de nævner ikke beløbet". Asked by name and owner, a budget had been a
# definition question, answered by a slide on budgets in general.
_SUM_ASKED = (
    r"\bhvad (?:er|var|bliver|blev) (?:\w+ ){0,3}(?:pris(?:en)?|udgift(?:en|erne)?|budget(?:tet)?|beløb(?:et)?|besparelsen?)"
    r" (?:på|for|til|ved)\b"
)

# A count of things, as a list question asks for them: "syv hovedpunkter" in "Hvad er Vidensrådets syv hovedpunkter ...?".
_COUNTED_THINGS = rf"{COUNT_WORD} [a-zæøå]"
# Adverbs a cleft may hold before its relative clause: "Hvad er det helt konkret, vi skal måle på ...?". Not any
# word: "Hvad er det nye forløb, der tilbydes?" asks what the new course is.
_CLEFT_ADVERB = r"(?:helt|egentlig|konkret|præcis|nu|så|egentligt|mere|især|typisk|først|vigtigst)"
# Which things, asked idiomatically: "Hvad er det (typisk) for nogle problemer ...?" asks as "hvilke" does.
_WHICH_THINGS = r"det (?:\w+ )?for nogle\b"

# Whether something works or what came of it: "Virker det?", "Har det hjulpet?", "Hvad viste evalueringen?".
_EFFECT_ASKED = re.compile(
    r"^(?:og )?(?:virker|virkede|hjælper|hjalp|nytter|nyttede)\b|\b(?:virker|virkede|hjælper|hjalp) (?:det|den|de)\b"
    r"|\bhar (?:det|den|de) (?:virket|hjulpet|nyttet|haft (?:en )?effekt)\b|\beffekt\w*|\bvirkning\w*"
    r"|\bhvad (?:viste|viser|siger) (?:\w+ ){0,2}(?:evaluering\w*|effektmåling\w*|måling\w*|undersøgelse\w*)"
    r"|\bhvordan er det gået\b|\bhvordan (?:gik|går) det\b(?! til\b)|\bgør (?:det|den|de) en forskel\b"
    r"|\bhvad (?:kom|fik \w+) (?:der )?ud af\b"
)
# A source's recommendations asked for, all of them; a municipality named with it asks for its recommendations, not
# its case. Not those on a topic or a thing: "Hvad anbefaler KL om samarbejdet mellem jordemoder og sundhedsplejerske?"
# is answered by the one recommendation on it, where a list question would show the list of five whole, and "Hvad
# anbefaler de, at man gør med hjemmebesøgene og bogposerne?" by the two items on them. Nor advice asked without a
# source ("Hvad anbefales helt konkret?"), which asks what to do.
_RECOMMENDED = r"\bhvad anbefaler\b(?![^?]*\b(?:om|med|for)\b)"
# Checked in order: the first matching rule decides ("hvor mange" before "hvor", "hvilke kommuner" before
# "hvilke"). Patterns match the lowercased question.
_TYPE_RULES: tuple[tuple[AnswerType, re.Pattern[str]], ...] = (
    (
        "amount",
        re.compile(
            r"\bhvor (?:mange|meget|stor|store|stort|høj|høje|lav|lave|dyr|dyrt|ofte|udbredt|udbredte)\b"
            r"|\bhvilken andel\b|\bhvor stor en andel\b"
            r"|\bhvad kost\w*|\bhvad (?:spare\w*|har (?:de|man|kommunen) sparet)\b"
            r"|\bhvad (?:er|var) (?:udgifte\w*|prise\w*|beløbe\w*|antallet|andelen|budgettet)\b"
            rf"|{_SUM_ASKED}"
            r"|\bhvor mange procent\b|\bhow (?:many|much)\b"
            # "Hvad betaler skolen ...?", "hvad foreslås taksten sat til?": a sum named by what is paid.
            r"|\bhvad (?:betal\w*|(?:(?!betyder|menes|forstås|dækker)\w+ ){0,2}"
            r"(?:taksten|taksterne|satsen|prisen|beløbet|udgiften|tilskuddet|betalingen|lønnen))\b"
        ),
    ),
    (
        "time",
        re.compile(
            r"\bhvornår\b|\bhvilket år\b|\bi hvilke år\b|\bhvor (?:lang \w*tid|længe|tidligt|hurtigt|gammel|gamle)\b"
            r"|\bhvilken (?:alder|frist|dato|periode)\b|\bwhen\b"
        ),
    ),
    # Whether a municipality does something asks which one: "Er der en kommune, hvor tandplejen er blevet bedre til
    # at opdage omsorgssvigt?" had got KL's general text on dental care, not Aarhus' case.
    (
        "place",
        re.compile(
            r"\bhvilke(?:n)? (?:kommuner?|byer?|steder?|regioner?|institutioner?)\b|\bhvor i\b|\bwhere\b"
            r"|\b(?:er|findes) der (?:(?:en|nogen|nogle|andre) )?kommuner?\b"
        ),
    ),
    # Whom something is for, its target group: "hvilke børn er de til?", "Hvem er pluspladserne til?", "Hvilken
    # aldersgruppe er modellen for?". Before person: the documents answer with "Målgruppen er børn der ...", "Pladserne
    # er til børn, som ...", not with a role.
    (
        "target",
        re.compile(
            r"\bhvilke (?:børn|unge|familier|elever|forældre)\b[^?]*\b(?:til|for)\s*\?"
            r"|\bhvem er (?:de|det|den|[\w-]+(?:ne|erne|en|et)) (?:til|for)\b|\b(?:mål|alders)gruppe\w*"
        ),
    ),
    (
        "person",
        re.compile(
            r"\bhvem\b|\bwho\b|\bhvilke(?:n)? (?:faggrupper?|fagpersoner?|medarbejdere?|personer?|aktører?|fagfolk"
            r"|roller?(?! (?:spiller|har|får)\b)"  # not the part something plays: "Hvilken rolle spiller sundhedsplejen?"
            r"|organisation(?:er)?|parter|samarbejdspartnere?|myndighed(?:er)?|instans(?:er)?)\b"
            # whom to turn to: "Hvor kan vi henvende os?", "Kan vi få vejledning fra nogen?"
            r"|\bhvor kan (?:jeg|vi|man) (?:henvende|søge hjælp|få hjælp|få råd|sende|henvise)\b"
            # somewhere to send a family: "Er der et sted i Sorø, jeg kan sende dem hen?"
            r"|\b(?:er|findes) der (?:et|noget|nogen) (?:andet )?sted\b[^?]*\b(?:sende|henvise|henvende|hen)\b"
            r"|\b(?:hjælp|råd|vejledning|sparring) (?:fra|af|hos) nogen\b"
            # someone to talk it over with: "er der nogen jeg kan vende det med først?", "nogen at sparre med"
            r"|\b(?:er|findes) der nogen,? (?:som |der )?(?:jeg|vi|man) kan (?:vende|tale|drøfte|sparre|snakke|rådføre)\b"
            r"|\bnogen at (?:sparre|tale|snakke|vende \w+|drøfte \w+) med\b"
        ),
    ),
    # A reason asked without "hvorfor": "Hvad er forklaringen på, at ventetiden faldt?" (not a definition), "Er det et
    # tegn på ..., eller hænger det sammen med måden, man arbejder på?".
    (
        "reason",
        re.compile(
            r"\bhvorfor\b|\bhvad (?:er|var) (?:grunden|grundene|årsagen|årsagerne|begrundelsen|forklaringen|baggrunden)\b"
            r"|\bhvad skyldes\b|\bskyldes det\b|\bhænger (?:det|den|de) (?:\w+ )?sammen med\b|\ber det fordi\b|\bwhy\b"
        ),
    ),
    # Effect before definition and list: "Hvad er effekten af PALS?", "Hvilke effekter har VIDA?". Not "resultater":
    # "Hvilke indsatser har ..., og med hvilke resultater?" asks for the efforts first.
    ("effect", _EFFECT_ASKED),
    (
        "definition",
        re.compile(
            # "Hvad er det, der beskytter ...?" and "Hvad er det, vi skal nå ...?" are clefts asking for the thing that
            # protects or is to be reached, not definitions, also with an adverb or two between ("Hvad er det helt
            # konkret, vi skal måle på ...?"); "Hvad er Vidensrådets syv hovedpunkter ...?" asks for a list of seven,
            # and "Hvad er det for nogle tegn ...?" for which signs (a list).
            rf"^(?:hvad (?:er(?! det(?: {_CLEFT_ADVERB}){{0,2}},? (?:der|som|vi|jeg|man|de|I|du)\b)(?! (?:de |[\w-]+s )?{_COUNTED_THINGS})"
            rf"(?! {_WHICH_THINGS})"
            r"|betyder|menes med|forstås ved|dækker)|define|what is)\b"
            r"|\bhvad (?:betyder|menes med|forstås ved|dækker) |\bdefinition\b"
            r"|^hvad (?:forstår|mener) (?:\w+ ){1,3}(?:ved|med) "  # "Hvad forstår Hedensted ved en incitamentsmodel?"
        ),
    ),
    (
        "list",
        re.compile(
            # "Giv mig målene." asks for things in the plural, as "Hvilke mål ...?" does.
            r"\bhvilke\b|\bnævn\b|\bopremse\b|\bliste\b|\beksempler på\b|\bhvad (?:er|var) (?:de|der)\b|\bwhich\b"
            # What a source recommends is its recommendations: "Hvad anbefaler evalueringen, at kommunen gør fremover?"
            rf"|{_RECOMMENDED}"
            rf"|\bhvad (?:er|var) {_WHICH_THINGS}"
            r"|\bgiv mig (?:alle |de )?[\w-]+(?:erne|ene|rne)\b"
            rf"|\bhvad (?:er|var) [\w-]+s {_COUNTED_THINGS}"
        ),
    ),
    (
        "procedure",
        re.compile(
            r"\bhvordan\b|\bhvad (?:gør|skal|kan|bør) (?:jeg|vi|man|en pædagog|personalet)\b|\bhvad gør\b"
            r"|\bfremgangsmåde\b|\btrin\b|\bhow\b"
        ),
    ),
)
_CASE_VERBS = re.compile(
    r"\b(?:gør|gjorde|gjort|har|arbejder|bruger|brugte|indførte|får|fik|fået|opnået|opnåede|tilbyder|laver|lavede|lavet|set|gik)\b"
)
_CASE_WORDS = re.compile(r"\bcase\b|\bkommunalt? eksempel\b|\berfaringer?\b|\bresultat\w*\b|\bvirkede\b|\bhvordan er det gået\b")

# Where a question holds a second question: after a "?" (a new sentence), or at "og"/"samt"/"men" (after a
# comma or not) directly followed by a question word.
_QUESTION_WORD = r"(?:hvad|hvordan|hvorfor|hvornår|hvem|hvilke|hvilken|hvilket|hvor)"
# A yes/no question joined on after a comma opens with its verb and then its subject: "..., og har det
# krævet flere penge?", "..., og kører den stadig?". "har det svært" is a state, not a question.
_POLAR_START = (
    r"(?:har|havde|er|var|kan|kunne|skal|bør|virker|virkede|koster|kostede|giver|gav|findes|får|fik|bliver|blev|kører|hjælper|hjalp)"
    r"\s+(?:det|den|de|der|man|vi|jeg)\b(?!\s+(?:svært|godt|dårligt|skidt)\b)"
)
# The speaker asking on, after "og" without a comma: "Hvad er familiestuen og kan vi henvise et barn dertil?";
# and whether what was asked about works or what it costs: "hvad går det ud på og hjælper det børnene?".
_OWN_POLAR_START = r"(?:kan|kunne|skal|må|bør|har|får)\s+(?:vi|jeg)\b|(?:virker|virkede|hjælper|hjalp|koster|kostede)\s+(?:det|den|de)\b"
_PART_BOUNDARY = re.compile(
    rf"(?<=\?)\s+(?=\S)|,?\s+(?:og|samt|men)\s+(?={_QUESTION_WORD}\b)|,\s+(?:og|men)\s+(?={_POLAR_START})"
    rf"|\s+og\s+(?={_OWN_POLAR_START})",
    re.IGNORECASE,
)
MIN_PART_TERMS = 1

# Concern: a particular child (or the family a child lives in: "en familie har det svært") ...
_CHILD = re.compile(
    r"\b(?:hos\s+)?(?:en|et|én|den|det|min|mit|vores|deres|hendes|hans|sin|sit|en af (?:vores|mine|de))\s+(?:\w+\s+){0,2}?"
    r"(?:dreng|pige|barn|elev|baby|pode|søskende|søn|datter|familie|\d+-årig|(?:to|tre|fire|fem|seks)årig|\w*barn)(?:s|e|er|r)?\b"
    r"|\bet af (?:mine|vores) børn\b|\b(?:et|en) af (?:børnene|eleverne|drengene|pigerne)\b"
    r"|\b(?:drengen|pigen|barnet|eleven|babyen|\d+-årige)\b"
    r"|\bpå (?:stuen|min stue|vores stue)\b|\bi (?:min|vores) (?:gruppe|klasse|stue)\b|\ben af (?:mine|vores) (?:børn|elever)\b"
    r"|\b(?:han|hun) (?:er|har|virker|kommer|bliver|siger|græder|slår|vil|spiser|sover|lugter)\b"
    r"|^\W*(?:barn|dreng|pige|baby)\b",  # a worry put in a few words: "barn med blå mærker hvad nu"
    re.IGNORECASE,
)
# A parent who hits or threatens, or a weapon in the child's home: a danger to the child, whoever tells it.
_DANGER = r"\b(?:mor|far|\w+far|\w+mor|forældre\w*) (?:slår|slog|sparker|truer|har slået)\b|\bvåben\b|\bpistol\w*"
# A parent who seems drunk or high when bringing or fetching the child ("påvirket af" alone also means
# "affected by"): the child is in danger on the way home. Not "fuld tid", not "fuld af energi".
_INTOXICATED = r"\b(?:virker|er|var|kommer|kom|møder|mødte) (?:\w+ )?(?:påvirket|fuld)\b(?! af| tid)"
# Harms that only a child suffers: each voices a worry, and a suspected one names the child (below).
_HARMS = r"\bomsorgssvigt\w*|\bforsømt\w*|\bvanrøgt\w*|\bmisrøgt\w*|\bovergreb\w*|\bmishandl\w*"
# A child who harms themself, as a child or a colleague tells it ("hun skærer i sig selv"): a worry. The documents'
# words for it name a harm, not a worry: "Hvor mange elever har tanker om selvskade?" asks for a figure.
_SELF_HARM_TOLD = r"\b(?:skærer|skar|cutter|skader|skadede|brænder) (?:\w+ )?(?:i |på )?sig selv\b"
_SELF_HARM = rf"\bselvskad\w*|\bselvmord\w*|{_SELF_HARM_TOLD}"
# ... and a worry, a hunch or a sign of distress ...
_WORRY = re.compile(
    r"\bbekymr\w*|\burolig\w*|\bnervøs\w*|\bmistank\w*|\bmistænk\w*|\bi tvivl\b|\b\w*fornemmelse\w*|\bnoget (?:er )?galt\b"
    r"|\bikke har det godt\b|\bhar det (?:svært|skidt|dårligt)\b|\bmistriv\w*|\bbange for\b"
    r"|\bikke (?:\w+ ){0,2}(?:trives|i trivsel)\b|\btrives (?:\w+ )?ikke\b"
    r"|\bsulten\b|\bsultne\b|\btrist\w*|\bked af det\b|\bblå mærker\b|\bmærker på\b|\bbeskidt\w*|\bsnavset\w*|\blugter\b"
    r"|\btræt\w*|\btilbagetrukken\b|\bindelukket\b|\bisoleret\b|\baggressiv\w*|\budadreagerende\b|\bslår\b"
    r"|\bgræder\b|\bfravær\w*|\bvold\w*|\bmisbrug\w*|\bhentes? ikke\b|\bikke (?:bliver )?hentet\b|\bspiser ikke\b"
    r"|\bændret adfærd\b|\bforandret\b|\bstille\b|\bangst\w*|\busikker\b|\bunderret\w*|\bholde øje\b"
    rf"|{_DANGER}|\btrus(?:el|ler)\b|\btruende\b|\bseksualiser\w*"
    r"|\bdrikker\b|\bberuse\w*|\bpåvirket af (?:alkohol|hash|stoffer)\b|\balkohol\w*"
    # a loss or a break-up at home: "Et barn i min gruppe har lige mistet sin far. Hvad kan vi gøre for ham?"
    r"|\bmistet (?:sin|sit|sine|en|et|hans|hendes)\b|\bsorg\w*|\bdødsfald\w*|\bskilsmisse\w*|\bgået fra hinanden\b"
    rf"|{_INTOXICATED}"
    r"|\buro\b|\butryg\w*|\btrækker sig\b|\bbagud\b|\bslået\b|\bindadvendt\b|\bsidste,? der (?:bliver )?hentet\b"
    # a child left out by the others
    r"|\bensom\w*|\b(?:ingen|ikke (?:har )?nogen) (?:venner|legekammerater)\b|\bmobbe\w*|\bdrillet\b|\b(?:holdes?|holdt) udenfor\b"
    r"|\blukkes? ude\b|\bleger (?:altid )?alene\b"
    rf"|{_HARMS}|{_SELF_HARM_TOLD}",
    re.IGNORECASE,
)
# ... (a suspected harm that only a child suffers names the child: "hvis jeg mistænker omsorgssvigt?";
# "tandplejen kan være med til at opdage omsorgssvigt" suspects nothing) ...
_CHILD_HARM = re.compile(_HARMS, re.IGNORECASE)
# A harm done to the child, told or suspected: what a report to the municipality is for. Not a child who is
# "voldelig" or "voldsom": "Gælder det også, hvis jeg vil sige, at han er voldelig?" asks how to word a talk.
_HARM_DONE = re.compile(
    rf"{_HARMS}|\bvold(?!elig|som)\w*|\bslået\b|\bblå mærker\b|\bmærker på\b|\bbrandmærke\w*|\bseksuel\w*|\bseksualiser\w*|{_DANGER}"
    rf"|{_INTOXICATED}|{_SELF_HARM}",
    re.IGNORECASE,
)
# What to look for or how to tell, asked in the words of what to do: "Hvad skal jeg være opmærksom på?".
_NOTICING = re.compile(
    r"\bopmærksom\w*|\b(?:kigge|se|lede) efter\b|\bholde øje\b|\b(?:ved|vide) (?:jeg|vi|man),? (?:om|hvornår|hvordan)\b"
    r"|\bopdage\w*|\bspotte\w*|\bgenkende\w*|\btegn\w*|\bsignal\w*|\bnormalt?\b",
    re.IGNORECASE,
)
_SUSPICION = re.compile(r"\bmistænk\w*|\bmistank\w*|\bbekymr\w*|\bfornemmelse\w*|\bi tvivl\b|\btror\b|\bfrygter\b", re.IGNORECASE)
# ... and an ask for what to do (or the speaker's own part in it), also in a practitioner's generic "man"
# ("Hvilke ting ved forældrene skal man være opmærksom på, hvis barnet har det svært derhjemme?").
_ASK = re.compile(
    r"\b(?:jeg|vi|mig|os)\b|\b(?:skal|kan|bør) man\b|\bhvad (?:gør|skal|kan|bør|nu)\b"
    r"|\bhvordan (?:skal|kan|bør|griber|får)\b|\bhvem (?:skal|kan)\b",
    re.IGNORECASE,
)
# A worry told without a worry word: the speaker asks what to do or whom to turn to ...
_ACTION_ASK = re.compile(
    r"\bhvad (?:gør|skal|kan|bør) (?:jeg|vi|man|en pædagog|pædagogen|pædagogerne|personalet)\b|\bhvad nu\b"
    r"|\bhvad er (?:min|vores) (?:pligt|opgave|rolle)\b"
    r"|\bhvem (?:\w+ ){0,3}?(?:kan|skal|bør) (?:jeg|vi)\b|\bhvem kan hjælpe\b"
    r"|\bhvordan (?:handler|griber|reagerer|skal|kan|bør) (?:jeg|vi)\b"
    r"|\bskal (?:jeg|vi) (?:gøre|reagere|handle|sige|kontakte)\b|\bkan (?:jeg|vi) få (?:\w+ )?(?:hjælp|råd|sparring|støtte|vejledning)\b"
    r"|\bhvor kan (?:jeg|vi) (?:få|søge|henvende)\b|\bhvilken (?:hjælp|støtte|rådgivning) kan (?:jeg|vi)\b",
    re.IGNORECASE,
)
# ... about a particular child described as departing from the ordinary: something a child does not or no
# longer do, does again and again, or has begun ("En pige i vuggestuen har tabt sig meget den sidste måned.
# Hvad gør vi?"). A plan for a child ("Et barn skal starte i skole efter sommerferien. Hvad skal vi gøre ...?")
# describes no departure and gets the documents' answer, not the guidance for a worry.
_DEPARTURE = re.compile(
    r"\b(?:ikke|aldrig|ingen|ingenting|intet|uden|nægter|næsten)\b"
    r"|\b(?:ofte|tit|igen|altid|hele tiden|flere gange|hver dag|dag efter dag)(?: (?:om|i|hver) (?:ugen|dagen|måneden|uge|dag|måned))?\b"
    r"|\b(?:i|på) (?:flere|mange|et par|to|tre|fire|fem|\d+) (?:dage|uger|måneder)\b|\bden sidste (?:tid|uge|måned)\b"
    r"|\ber (?:begyndt|holdt op)\b|\bhar tabt sig\b",
    re.IGNORECASE,
)
_CONDITION = re.compile(r"\b(?:hvis|når)\b[^.?!]*", re.IGNORECASE)
# The speaker's own voice: a worry is told by the one who has it.
_OWN_VOICE = re.compile(r"\b(?:jeg|vi|mig|os|min|mit|mine|vores)\b", re.IGNORECASE)
# Where a pedagogue works, as a worry names it ("i vuggestuen", "på stuen", "hos os i dagplejen").
_WORKPLACES = (
    r"(?:vuggestue|børnehave|dagpleje|daginstitution|institution|dagtilbud|skole|klasse|sfo|fritidshjem|fritidsordning"
    r"|indskoling|stue|gruppe)"
)
# What another service does, asked in no one's own voice: "Hvad kan sundhedsplejen gøre, når et lille barn ikke trives
# derhjemme?" asks for the health visitors' part (their extra visits, a municipality's screening), which the
# guidance for a pedagogue's worry does not answer. The pedagogue, the leader and the place they work, named as such,
# are the speaker ("Hvad kan dagplejen gøre for et barn, der er sprogligt bagud?").
_OTHERS_PART = re.compile(
    rf"\bhvad (?:gør|skal|kan|bør) (?!(?:pædagog|personale|medarbejder|leder|{_WORKPLACES})\w*\b)[a-zæøå]+(?:en|et|erne|ne)\b",
    re.IGNORECASE,
)
# Children and their siblings, as a worry names them, in their indefinite and definite forms.
_CHILD_NOUNS = (
    "dreng", "drengen", "pige", "pigen", "barn", "barnet", "baby", "babyen", "søn", "sønnen", "datter", "datteren",
    "elev", "eleven", "søster", "søsteren", "storesøster", "storesøsteren", "lillesøster", "lillesøsteren",
    "bror", "broren", "storebror", "storebroren", "lillebror", "lillebroren",
)  # fmt: skip
# The units an age is told in: years, months.
_AGE_UNITS = r"år|mdr\.?|måneder"
# A child's age, also told without "år" right after the child ("en dreng på 4 der næsten ikke siger noget"
# had read "de nævner ikke tallet 4", "Kan storesøsteren på 11 ikke bare oversætte?" "... nævner ikke 11") and
# in months ("en baby på 9 mdr.").
_AGE = re.compile(
    rf"\bpå \d+(?:½)? (?:{_AGE_UNITS})(?!\w)|\b\d+(?:½)? (?:år|måneder) (?:gammel|gamle)\b"
    rf"|(?:{'|'.join(f'(?<={child} )' for child in _CHILD_NOUNS)})på \d+(?:½)?\b(?!\s*(?:%|pct|procent|timer|dage|uger))",
    re.IGNORECASE,
)
_AGE_PARTS = re.compile(rf"(\d+)(½)?(?:\s*({_AGE_UNITS}))?", re.IGNORECASE)
# A table row keyed by an age span: "18-24 måneder", "2-3 år", "0-12 mdr.".
_AGE_SPAN = re.compile(rf"\s*(\d+)\s*(?:-|–|til)\s*(\d+)\s*({_AGE_UNITS})\s*", re.IGNORECASE)


def child_age_months(text: str) -> float | None:
    """The age of the child a worry tells, in months: "en dreng på 2½" -> 30, "en baby på 9 mdr." -> 9, "en pige på 4
    år" -> 48; None when it tells none (see _AGE). A number without a unit is years."""
    told = _AGE.search(text)
    parts = _AGE_PARTS.search(told.group(0)) if told else None
    if parts is None:
        return None
    number, half, unit = parts.groups()
    value = int(number) + (0.5 if half else 0.0)
    return value if unit and unit.lower().startswith("m") else value * 12


# A school grade ("i 1. klasse", "0. kl."), or a span of them ("0.-3. klasse", "(0.-3. kl.: kl. 8.30)"); not the
# compounds a grade begins ("0. klasselederne").
_GRADE = re.compile(r"\b(\d{1,2})\.(?:\s*[-–]\s*(\d{1,2})\.)?\s*(?:klasse(?:n|r|rne)?\b|kl\.)", re.IGNORECASE)


def child_grade(text: str) -> int | None:
    """The school grade of the child a question tells of: "Jeg er pædagog i en 1. klasse." -> 1; None when it tells
    none, or a span ("i 0.-3. klasse" tells no one child)."""
    told = next((match for match in _GRADE.finditer(text) if match.group(2) is None), None)
    return int(told.group(1)) if told else None


def grades_told(text: str) -> tuple[tuple[int, int], ...]:
    """The school grades ``text`` speaks of, each as a span: "For elever i 0.-3. klasse ..." -> ((0, 3),)."""
    return tuple((int(m.group(1)), int(m.group(2) or m.group(1))) for m in _GRADE.finditer(text))


def age_span_months(label: str) -> tuple[float, float] | None:
    """The ages in months a label of an age-keyed table's row spans: "2-3 år" -> (24, 47), "18-24 måneder" -> (18,
    24); None for any other label. A span of years runs to the end of its last year."""
    span = _AGE_SPAN.fullmatch(label)
    if span is None:
        return None
    low, high, unit = int(span.group(1)), int(span.group(2)), span.group(3).lower()
    return (float(low), float(high)) if unit.startswith("m") else (low * 12.0, high * 12.0 + 11)


_ORDINALS = {
    "første": 1, "andet": 2, "anden": 2, "tredje": 3, "fjerde": 4, "femte": 5, "sjette": 6, "syvende": 7, "ottende": 8, "niende": 9,
    "tiende": 10,
}  # fmt: skip
# A point of a numbered list asked by its number ("punkt 3", "trin nr. 2", "anbefaling 4") or, before a word
# for a point, by its ordinal ("det tredje punkt"). Not "det første skridt": a pedagogue asking what to do
# first asks for a procedure's beginning, whichever list holds it.
_POINT = re.compile(
    r"\b(?:(?:punkt|trin|nr\.|nummer|anbefaling|pejlemærke)\s+(?:nr\.\s*)?(?P<number>\d{1,2})(?![\d,.–-]\d)"
    rf"|(?P<ordinal>{'|'.join(_ORDINALS)})\s+(?:hoved)?(?:punkt|anbefaling|pejlemærke)\w*)\b",
    re.IGNORECASE,
)
_FIGURE = re.compile(r"(?<![\w.,-])\d+(?:,\d+)?(?![\w.-]|\.\w)")
# A time of day: "klokken er 16", "kl. 15.30", "klokken 8".
_CLOCK = re.compile(r"\b(?:kl\.|klokken)\s*(?:er\s+)?\d{1,2}(?:[.:]\d{2})?(?!\d)", re.IGNORECASE)
_ENGLISH_WORDS = {
    "the",
    "what",
    "how",
    "does",
    "do",
    "are",
    "which",
    "about",
    "and",
    "of",
    "with",
    "should",
    "can",
    "why",
    "when",
    "who",
}


@dataclass(frozen=True)
class QuestionPart:
    """One sub-question, answered (or named as not covered) on its own. A part with a ``label`` (a
    concern answer's guidance topic) is shown under that label."""

    text: str
    answer_type: AnswerType
    terms: tuple[str, ...]
    label: str = ""
    sources: tuple[str, ...] = ()  # the publishers it names ("hvad gør Hedensted ...?"): only they answer it


@dataclass(frozen=True)
class QuestionAnalysis:
    """What a question asks for. ``parts`` holds at least one part (the whole question)."""

    text: str
    answer_type: AnswerType
    parts: tuple[QuestionPart, ...]
    is_concern: bool
    terms: tuple[str, ...]
    years: tuple[str, ...]
    figures: tuple[str, ...]
    names: tuple[str, ...]
    is_english: bool
    detail: AskedDetail | None = None
    # A one-part follow-up's own question in its context: the follow-up with the earlier question's topic
    # words, and the terms of both. Units are scored against it, not against the joined query, whose
    # embedding is mostly the earlier question ("Hvad går Sverigesprojektet ud på? Hvornår kommer der
    # en evaluering af det?" would be answered with what the project is).
    focus: QuestionPart | None = None
    # The shares the question tells in its own words ("en elev på 22 % fravær", see written_shares): what is written
    # for them answers it. A follow-up's are its own: "Og hvis det så ikke hjælper?" after "... over 10 % fravær?"
    # asks past the level of the share before. A question for an amount tells none: "Hvor mange elever har over 10 %
    # fravær?" asks a count, not what is done at a level.
    shares: frozenset[str] = frozenset()
    # The terms of the subject a follow-up asks the earlier question again of (see substituted_subject): what is
    # written about it answers, not what answered the earlier question.
    subject: tuple[str, ...] = ()

    @property
    def own_words(self) -> str:
        """The question in its own words: a one-part follow-up's focus, not the query joined to the earlier question."""
        return self.focus.text if self.focus is not None else self.text

    @property
    def is_multi_part(self) -> bool:
        return len(self.parts) > 1

    @property
    def asks_for_questions(self) -> bool:
        """Whether the documents' own questions are what is asked for ("Hvilke spørgsmål rejser oplægget?")."""
        return any(word.startswith("spørgsmål") for word in words(self.text.lower()))

    @property
    def asks_for_cases(self) -> bool:
        """Whether several case examples are asked for (see :func:`asks_for_cases`), or named places are
        compared ("Sammenlign Holstebros og Frederikshavns indsatser for forældre"): each has its case. Not
        sources compared ("Sammenlign Hedensted og København om inklusion"): each part is asked of its source."""
        return asks_for_cases(self.text) or bool(self.compared_names)

    @property
    def compared_names(self) -> tuple[str, ...]:
        """The names a question compares ("Sammenlign Viborgs og Holstebros indsatser for små børn"), as
        written; empty when it compares none, or compares sources (each part is asked of its source)."""
        compared = _COMPARED.search(self.text) is not None and len(set(self.names)) >= 2
        return self.names if compared and not any(part.sources for part in self.parts) else ()

    @property
    def asks_overview(self) -> bool:
        """Whether the documents' view as a whole is asked for ("Hvad siger dokumenterne samlet om
        forældreinddragelse?", "... på tværs af kilderne"): what each source says, not one case example."""
        return _OVERVIEW.search(self.text) is not None and not any(part.sources for part in self.parts)

    @property
    def whole(self) -> QuestionPart:
        """The whole question as one part (asking the sources its one part asks)."""
        return QuestionPart(self.text, self.answer_type, self.terms, sources=() if self.is_multi_part else self.parts[0].sources)


_DOCUMENTS = "|".join(sorted(DOCUMENT_WORDS))
# ... and "begge steder", "hvad begge dokumenter siger": a trainer who wants to show what each source says.
_OVERVIEW = re.compile(
    rf"\b(?:{_DOCUMENTS})\s+(?:{'|'.join(sorted(OVERVIEW_WORDS))})\b|\bpå tværs af (?:{_DOCUMENTS})\b|\bsamlet set\b"
    r"|\bbegge (?:dokumenter|kilder|materialer|tekster|steder)\b",
    re.IGNORECASE,
)


def analyse_question(text: str) -> QuestionAnalysis:
    """The analysis of one (standalone) question. A worry's setting ("et barn i Solsikken", see
    :func:`situation_terms`) is no term of it: the pedagogue's own institution, named in no passage of her
    own guide, had kept every one of its steps from answering "Hvad gør jeg, når jeg bliver bekymret for et
    barn i Solsikken?"."""
    years = asked_years(text)
    figures = asked_figures(text)
    concern = is_concern(text)
    parts = split_parts(text)
    kind = answer_type(text)
    if concern:
        parts = tuple(replace(part, terms=_worry_terms(part.text)) for part in parts)
    return QuestionAnalysis(
        text=text,
        answer_type=kind,
        parts=parts,
        is_concern=concern,
        terms=_worry_terms(text) if concern else question_terms(text),
        years=years,
        figures=figures,
        names=tuple(dict.fromkeys(proper_nouns(text))),
        is_english=is_english(text),
        detail=asked_detail(text),
        shares=_told_shares(text, kind),
    )


def _told_shares(text: str, kind: AnswerType) -> frozenset[str]:
    """The shares ``text`` tells (see QuestionAnalysis.shares): none when it asks for an amount."""
    return frozenset() if kind == "amount" else written_shares(text)


def _worry_terms(text: str) -> tuple[str, ...]:
    """A worry's terms without its setting (see :func:`situation_terms`), or all of them when only its setting has any."""
    return question_terms(_SETTING.sub(" ", text)) or question_terms(text)


def analyse_followup(query: str, followup: str) -> QuestionAnalysis:
    """The analysis of a follow-up, ``query`` being it joined to the question before it: only the follow-up's
    own parts are asked now, and the kind of answer they ask for is theirs when they say it ("Hvad er
    årsagerne?" after "Hvor mange børn ...?" asks for reasons, not a count); "Og i 2017?" keeps the earlier
    question's."""
    analysis = analyse_question(query)
    parts = split_parts(followup)
    # A follow-up's first part can be without a word of its own ("hvor mange er der, og hvad er afsat til
    # kompetenceudvikling?"): it asks about the earlier question's topic, the terms no other part holds.
    topic = tuple(term for term in analysis.terms if not any(term in part.terms for part in parts))
    analysis = replace(analysis, parts=tuple(_on_topic(part, topic) for part in parts))
    if (own := answer_type(followup)) != "other":
        analysis = replace(analysis, answer_type=own, detail=asked_detail(followup))
    elif question_word(re.sub(r"^\s*(?:og|men|så)\s+", "", followup, flags=re.IGNORECASE)):
        # A question of its own asks its own detail, if any: "Og hvad var det så typisk, børnene blev henvist for?"
        # after "Hvor mange henvisninger fik teamet i 2024?" asks for reasons, and had read "nævner ikke antallet af
        # henvisninger i 2024" above "I 2024 modtog teamet 248 henvisninger".
        analysis = replace(analysis, detail=asked_detail(followup))
    return replace(analysis, shares=_told_shares(followup, analysis.answer_type), subject=substituted_subject(followup))


# A follow-up asking the earlier question again of another subject: "Og hvad med de gule?", "Gælder det også ved
# 2-års samtalen – bliver der delt noget ...?", "Gælder det samme for Virring Skole?". Its subject runs to a dash or
# the end of the sentence.
_SUBSTITUTION = re.compile(
    r"^\s*(?:og\s+|men\s+)?(?:hvad|hvordan)\s+(?:så\s+)?med\s+(?P<named>[^?.!,–—]+)"
    r"|\bgælder\s+(?:det|den|de|dette)(?:\s+samme)?(?:\s+så)?(?:\s+også)?\s*,?\s+"
    r"(?:ved|for|i|med|til|på|hvis|når|om)\s+(?P<told>[^?.!–—]+)",
    re.IGNORECASE,
)


def substituted_subject(followup: str) -> tuple[str, ...]:
    """The content terms of the subject a follow-up asks the earlier question again of (see _SUBSTITUTION);
    empty for any other follow-up, and for one asked of the speaker ("Gælder det også for mig?")."""
    found = _SUBSTITUTION.search(followup)
    if found is None or not re.search(r"\b(?:også|samme|med)\b", found.group(0), re.IGNORECASE):
        return ()
    return tuple(dict.fromkeys(content_terms(found.group("named") or found.group("told"))))


# A count that leaves out what it counts, a verb right after "hvor mange": "Hvor mange bliver færdige inden for to
# måneder?" after "Hvad gør Varde med de børnefaglige undersøgelser?" counts Varde's examinations.
_UNNAMED_COUNT = re.compile(
    r"^hvor mange (?:er|var|bliver|blev|har|havde|får|fik|kan|kunne|skal|går|gik|kommer|kom|siger|sagde)\b", re.IGNORECASE
)


def counts_unnamed(text: str) -> bool:
    """Whether ``text`` asks a count without saying what it counts ("Hvor mange er der i København?")."""
    return _UNNAMED_COUNT.search(text.strip()) is not None


# A follow-up's part that speaks of the earlier question's topic by a pronoun: "hvornår startede det, og virker det?".
_TOPIC_PRONOUN = re.compile(r"\b(?:det|den|dem|de|dens|dets|deres|dette|denne|disse)\b", re.IGNORECASE)


# An earlier question's topic of at most this many terms names a subject ("Hvad er pluspladser i København?"), which
# every part of the follow-up asks about: "hvordan kommer et barn i betragtning?" had been answered from another
# scheme's "ud fra den betragtning". A longer one tells a situation ("Findes der et tilbud, hvor forældre er med i
# børnehaven sammen med deres urolige barn?", seven terms), whose words outweighed "hvor mange familier er med?".
# Train answers are the same for 3 to 6 and with every topic added; 4 to 6 changed the same fresh answers, and with
# every topic added a validation follow-up lost "Der er plads til fire til otte familier".
MAX_NAMED_TOPIC_TERMS = 5


def _on_topic(part: QuestionPart, topic: tuple[str, ...]) -> QuestionPart:
    """A follow-up's ``part`` with the earlier question's ``topic`` terms when it has no word of its own, or points
    back to the topic, or the topic is a named subject (see MAX_NAMED_TOPIC_TERMS): "hvornår startede det" after
    "Hvad er socialrådgivere i dagtilbud?" had been scored by "startede" alone, and opened with a budget table's
    years. So does a count of nothing named: "Hvor mange er der i København, og hvor ligger de?" after "Hvad er
    familiepladser?" had counted Copenhagen's schools with social workers ("på i alt 29 skoler")."""
    if not part.terms:
        return replace(part, terms=topic)
    if len(topic) <= MAX_NAMED_TOPIC_TERMS or _TOPIC_PRONOUN.search(part.text) or counts_unnamed(part.text):
        return replace(part, terms=tuple(dict.fromkeys((*part.terms, *topic))))
    return part


def followup_focus(followup: str, topic: Sequence[str], context_terms: Sequence[str]) -> QuestionPart:
    """What a follow-up asks, in its context: ``followup_focus("Virker det?", ["PALS"], terms)``."""
    text = " ".join([followup, *topic])
    own = content_terms(text)
    return QuestionPart(text, answer_type(followup), tuple(dict.fromkeys([*own, *context_terms])))


# A document named by its kind, as practitioners write it, and the catalog's kind it is ("udspil" is KL's report).
_DOCUMENT_KINDS = {
    "rapport": "rapport", "udspil": "rapport", "notat": "notat", "oplæg": "oplæg", "præsentation": "oplæg",
    "slides": "oplæg", "pjece": "pjece",
}
_KIND_TERMS = {term: kind for word, kind in _DOCUMENT_KINDS.items() for term in content_terms(word)}
# The words naming a document: its kinds and words for any document or a part of one.
_DOCUMENT_NOUNS = (*_DOCUMENT_KINDS, "oversigt", "dokument", "materiale", "dias")
# A sentence saying what its own document describes ("Denne guide beskriver, hvad du som medarbejder gør, når du
# bliver bekymret for et barn", "I denne pjece kan du læse hovedresultaterne"): it restates a practitioner's
# question in the document's words and answers nothing. Findings are no description ("Denne undersøgelse viser").
# The kind may be a compound's head: "Denne kvalitetsrapport giver et samlet billede af, hvordan det går i Horsens
# Kommunes dagtilbud" had opened the answer to what Horsens will do about its weak results.
_SELF_DESCRIPTION = re.compile(
    r"^(?:i )?(?:denne|dette|nærværende) "
    r"\w*(?:guide|vejledning|pjece|notat|rapport|udspil|oplæg|strategi|dokument|materiale|publikation)\w*"
    r"\b[^.:]{0,40}?\b(?:beskriver|indeholder|handler om|giver et (?:samlet )?(?:overblik|billede)|kan du læse|gennemgår"
    r"|præsenterer|samler)\b",
    re.IGNORECASE,
)
# The words by which a question speaks of a document, whose own description then answers it (see names_a_document).
_DOCUMENT_NAMES = (*_DOCUMENT_NOUNS, "handleguide", "guide", "vejledning", "strategi", "publikation")
# A document named by its publisher and its kind ("Holbæks folder", "Københavns notat", "Ringkøbing-Skjerns
# årsrapport"): the kind points at the document, whose own passages seldom say what they are.
_PUBLISHED_DOCUMENT = rf"s?'?s?\s+(\w*(?:{'|'.join((*_DOCUMENT_NAMES, 'folder'))}))\b"


def published_document_terms(text: str, names: Sequence[str]) -> frozenset[str]:
    """The content terms of the document kind right after one of the publishers ``names`` in ``text``: "folder"
    of "Hvilke rettigheder har forældrene ifølge Holbæks folder?" with Holbæk named. As a term, the Holbæk folder's
    own closing line "Om folderen: Folderen er udarbejdet af Holbæk Kommune ..." had answered that question above
    the parents' rights."""
    return frozenset(term for name in names for kind in _published_kinds(text, name) for term in content_terms(kind))


def _published_kinds(text: str, name: str) -> list[str]:
    """The kinds of document ``text`` names right after the publisher ``name``: ["folder"] for "Holbæks folder"."""
    return [m.group(1) for m in re.finditer(rf"\b{re.escape(name)}{_PUBLISHED_DOCUMENT}", text, re.IGNORECASE)]


# A year that dates a document the question names ("oversigten fra 2024", "KL's udspil fra 2015") says which
# document, like a title; its text need not repeat it.
_DATED_DOCUMENT = re.compile(rf"\b(?:{'|'.join(_DOCUMENT_NOUNS)})\w*\s+(?:fra|af)\s+(?=\d{{4}}\b)", re.IGNORECASE)
# What asks for a document's content as a whole: "Hvad handler KL's udspil om?", "Hvad står der i notatet?".
_ABOUT_DOCUMENT = re.compile(
    r"^\s*(?:hvad\s+(?:handler|omhandler|indeholder|står\s+der\s+i|går)|(?:fortæl|forklar)(?:\s+kort)?\s+om)\b", re.IGNORECASE
)
_ABOUT_TERMS = frozenset(content_terms("handler omhandler indeholder står går fortæl forklar kort"))


def asked_document_kind(text: str, terms: Sequence[str]) -> str | None:
    """The kind of document (a catalog kind) a question asks the content of as a whole, naming it by nothing but
    its kind, its publisher and its year: "Hvad handler KL's udspil om?" -> "rapport"; else None. ``terms`` are
    the question's terms without the publishers it names."""
    if not _ABOUT_DOCUMENT.search(text):
        return None
    rest = [t for t in terms if t not in _ABOUT_TERMS and not YEAR.fullmatch(t)]
    kinds = {_KIND_TERMS.get(t) for t in rest}
    return kinds.pop() if len(kinds) == 1 and None not in kinds else None


def asked_years(text: str) -> tuple[str, ...]:
    """Years in the question: "i 2019" -> ("2019",). A year the speaker tells of before asking is the situation, not
    what is asked, unless the question asks for a figure or a time, which the year then dates: "Vi har haft røde
    resultater ... i 2023 og igen i 2024. Hvad kan jeg forvente fra forvaltningens side?" had read "ingen oplysninger
    om 2023" above the administration's follow-up on weak results."""
    asking = its_questions(text)
    own = text if not asking or answer_type(text) in ("amount", "time") else asking
    return tuple(dict.fromkeys(m.group(0) for m in YEAR.finditer(own)))


def document_years(text: str) -> tuple[str, ...]:
    """The years in the question that date a document it names: "Hvilke udfordringer beskriver oversigten fra
    2024?" -> ("2024",)."""
    dating = {m.end() for m in _DATED_DOCUMENT.finditer(text)}
    return tuple(dict.fromkeys(m.group(0) for m in YEAR.finditer(text) if m.start() in dating))


# What a source is asked to say about: "Hvad anbefaler KL om skærmtid for små børn?" -> "skærmtid".
# The "om" is in the verb's own clause or in a question that is its object ("beskriver, hvad man gør ved mistanke om
# vold"), not in a clause of its own: in "Min leder mener ikke, vi skal underrette om en pige, der ..." the pedagogue's
# leader is no source asked about "pige", and the answer had opened "Dokumenterne ... nævner ikke pige".
_ASKED_ABOUT = re.compile(
    r"\b(?:anbefaler|siger|mener|skriver|står der|fortæller|beskriver|ved vi|ved man|viser)\b"
    r"[^?.!,]*?(?:,\s*(?:hvad|hvordan|hvornår|hvilke|hvem)\b[^?.!,]*?)?\bom\s+((?:\w+\s+){0,3}\w+)"
    r"|\b(?:arbejder|arbejdet|gør|gjort|griber)\b[^?.!]*?\bmed\s+((?:\w+\s+){0,3}\w+)",  # "Hvordan arbejder X med ...?"
    re.IGNORECASE,
)


# A name the question places something in: "Familiestuen i Aarhus", "Aarhus Kommune", "hos Viborg".
_PLACED = re.compile(rf"\b(?:i|på|fra|hos) ({NAME_WORD})|\b({NAME_WORD}) Kommunes?\b")


def asked_places(text: str) -> tuple[str, ...]:
    """The names ``text`` places what it asks about in: "Hvor mange familier går i Familiestuen i Aarhus?"
    -> ("Familiestuen", "Aarhus"); "Hvilke temaer skal Trivselskommissionen arbejde med?" -> ()."""
    return tuple(dict.fromkeys(m.group(1) or m.group(2) for m in _PLACED.finditer(text)))


def asked_topic(text: str) -> str:
    """The first content word of what a question asks a source to say something about ("om ..."), or "":
    "Hvad anbefaler KL om skærmtid for små børn?" -> "skærmtid"; "Hvad siger KL om at bringe
    specialviden ud?" -> "bringe"."""
    return next(iter(asked_topic_words(text)), "")


def asked_topic_words(text: str) -> tuple[str, ...]:
    """The words that name what a question asks a source about: its first content word (see :func:`asked_topic`),
    and after an infinitive ("om at flytte eksperter ud") also the verb's object, which names it as much."""
    match = _ASKED_ABOUT.search(text)
    if not match:
        return ()
    asked = words(match.group(1) or match.group(2))
    content = [w for w in asked if content_terms(w)]
    return tuple(content[:2] if asked[:1] == ["at"] else content[:1])


# "Hvilke indsatser ...?": the word after "hvilke" names what is listed, unless it only says of what kind or
# how many ("Hvilke slags støtte", "Hvilke tre ting", "Hvilke konkrete eksempler på ...").
_LISTED = re.compile(r"\bhvilke\s+((?:\w+\s+){0,2}\w+)", re.IGNORECASE)
_KIND_WORDS = frozenset(
    {"slags", "typer", "former", "eksempler", "forskellige", "andre", "konkrete", "gode", "nye", "vigtigste", "centrale", "ting"}
    | {"to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti"}
)


def listed_noun(text: str) -> str:
    """The stem of what a list question asks for, or "": "Hvilke indsatser retter sig mod unge med misbrug?"
    -> "indsat"; "Hvilke slags støtte skelner EVA mellem?" -> "støt"."""
    match = _LISTED.search(text)
    if match is None:
        return ""
    return next((stem(w) for w in words(match.group(1)) if w.lower() not in _KIND_WORDS and content_terms(w)), "")


# Whose view a question asks for: "Hvad siger Socialstyrelsen om tidlig indsats?" -> "Socialstyrelsen".
_SPEAKER = re.compile(
    r"\b(?:siger|mener|skriver|anbefaler|vurderer)\s+(?P<speaker>[A-ZÆØÅ][\w-]*(?:\s+[A-ZÆØÅ][\w-]*)*)\s+om\b"
)


def attributed_speaker(text: str) -> str:
    """The name whose view a question asks for ("Hvad siger Heckman om ...?" -> "Heckman"), or ""."""
    match = _SPEAKER.search(text)
    return match.group("speaker") if match else ""


def asked_point(text: str) -> int | None:
    """The number of the list point a question asks for ("Hvad står der i punkt 3?", "Hvad er det tredje
    pejlemærke?" -> 3), or None."""
    match = _POINT.search(text)
    if match is None:
        return None
    return int(match.group("number")) if match.group("number") else _ORDINALS[match.group("ordinal").lower()]


# The words a question names a point of a list by: no topic of their own.
_POINT_WORDS = frozenset(content_terms("punkt punktet trin trinnet nummer anbefaling pejlemærke hovedpunkt"))


def point_topic(text: str) -> frozenset[str]:
    """What a question for a numbered point says the list is about: its terms besides the names and the words
    for a point ("Hvad er punkt 2 i Hedensteds program for dagen?" -> program, dag), so the list asked about can
    be told from another numbered list among the passages."""
    named = {term for name in proper_nouns(text) for term in content_terms(name)}
    return frozenset(term for term in question_terms(text) if term not in named and term not in _POINT_WORDS)


def question_terms(text: str) -> tuple[str, ...]:
    """The content terms of a question, without a list point's number ("trin 4 i handleguiden" -> "trin",
    "handleguid"): the number is the item's marker, which no unit's text holds, and asked as a term it made
    the answer partial. Nor a child's age (see :func:`without_child_age`). With the documents' words for its
    everyday phrases (see :mod:`assistant.wording`): "anonymt" for "uden at sige, hvem det er"."""
    asked = _POINT.sub(lambda match: re.sub(r"\d", " ", match.group(0)), without_child_age(text))
    return tuple(dict.fromkeys(content_terms(with_documents_words(asked))))


def without_child_age(text: str) -> str:
    """``text`` without a child's age ("en pige på 4 år" -> "en pige"): it says who the child is, not what
    is asked, and searched for it found "fire overordnede temaer" of a commission for "Vi har en pige på 4
    år der næsten ikke siger noget på dansk"."""
    return " ".join(_AGE.sub(" ", text).split())


# Small ages as written in words ("et barn på fire år", "treårige").
_AGE_WORDS = {"et": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7}
_AGE_NUMBER = rf"(\d+|{'|'.join(_AGE_WORDS)})"
# The age a question asks about children of: "et barn på 5 år", "de 3-5-årige", "treårige", "børn på 4 år gamle".
_ASKED_AGE = re.compile(
    rf"\bpå {_AGE_NUMBER}(?:½)?(?:\s*[-–]\s*{_AGE_NUMBER}(?:½)?)? år(?P<up> og (?:derover|opefter|ældre))?\b"
    rf"|\b(\d+)-(\d+)-årige\b|\b(\d+)-årige\b|\b({'|'.join(_AGE_WORDS)})årige\b",
    re.IGNORECASE,
)
# ... and as what the children are: "når børnene er 4 og 5 år", "når barnet er tre år".
_ASKED_AGE_IS = re.compile(rf"\b(?:barnet|børnene|de) er {_AGE_NUMBER}(?:½)?(?: (?:og|eller|til) {_AGE_NUMBER})? år\b", re.IGNORECASE)
# An age a text speaks of: a span ("3-4 år", "12-18 måneder", "4-5-årsalderen") or one age after a word that
# makes it one ("ved 2 år", "omkring 3-årsalderen"); a bare "i 3 år" is a duration, no age.
_AGE_UNIT = r"(år|årige|årsalder\w*|måneder)"
_TOLD_AGE = re.compile(
    rf"\b(\d+)\s*(?:-|–|til)\s*(\d+)\s*-?{_AGE_UNIT}\b|\b(?:på|ved|omkring|fra|under|over|alderen|før|efter)\s+(\d+)(?:½)?\s*-?{_AGE_UNIT}\b"
    r"|\b(\d+)-(årige|årsalder\w*)\b",
    re.IGNORECASE,
)


def _age(number: str) -> int:
    return int(number) if number.isdigit() else _AGE_WORDS[number.lower()]


# The age an open span of ages ends at: "unge på 17 år og derover".
OLDEST = 25


def asked_ages(text: str) -> tuple[tuple[int, int], ...]:
    """The ages (as spans of years) a question asks about children of: "Hvor mange ord skal et barn på 5 år kunne?"
    -> ((5, 5),); "de 3-5-årige" and "børn på 3-5 år" -> ((3, 5),); "når børnene er 4 og 5 år" -> ((4, 5),); "unge på
    17 år og derover" -> ((17, OLDEST),)."""
    spans = []
    for match in _ASKED_AGE.finditer(text):
        one, to, up, low, high, single, word = match.groups()
        if low or to:
            spans.append((int(low), int(high)) if low else (_age(one), _age(to)))
        else:
            age = _age(one or single or word)
            spans.append((age, OLDEST if up else age))
    for match in _ASKED_AGE_IS.finditer(text):
        first = _age(match.group(1))
        spans.append((first, _age(match.group(2)) if match.group(2) else first))
    return tuple(dict.fromkeys(spans))


def told_ages(text: str) -> tuple[tuple[int, int], ...]:
    """The ages (spans of years; months count as the years they fall in) ``text`` speaks of (see _TOLD_AGE), also
    as the rows of a Markdown table keyed by age (see :func:`_table_ages`)."""
    spans = []
    for match in _TOLD_AGE.finditer(text):
        low, high, unit, one, one_unit, bare, _ = match.groups()
        first, last, unit = (low, high, unit) if low else (one, one, one_unit) if one else (bare, bare, "år")
        months = unit.lower().startswith("måned")
        spans.append((int(first) // 12, int(last) // 12) if months else (int(first), int(last)))
    return tuple(dict.fromkeys([*spans, *_table_ages(text)]))


# An age-keyed table's column, its unit in its header: "Alder (mdr.)", "Alder (år)"; and a row's bare age in it.
_AGE_COLUMN = re.compile(r"^alder\b.*?\b(mdr|måneder|år)\b", re.IGNORECASE)
_BARE_AGE_SPAN = re.compile(r"^(\d+)(?:\s*[-–]\s*(\d+))?$")


def _table_ages(text: str) -> list[tuple[int, int]]:
    """The ages (spans of years) the rows of a Markdown table in ``text`` are keyed by, when a header cell names the
    age and its unit: a table under "| Alder (mdr.) | Tjekpunkt |" with the rows "4" and "30-34" speaks of children
    aged 0 and 2, and had read "Kort svar" for "Hvilke tjek er der aftalt, når børnene er 4 og 5 år?"."""
    spans: list[tuple[int, int]] = []
    column, months = None, False
    for line in text.splitlines():
        if not line.startswith("|"):
            column = None
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if column is None:  # a table's first row: its header
            found = next(((n, m) for n, cell in enumerate(cells) if (m := _AGE_COLUMN.match(cell))), None)
            column, months = (found[0], found[1].group(1).lower() != "år") if found else (-1, False)
        elif column >= 0 and column < len(cells) and (age := _BARE_AGE_SPAN.match(cells[column])):
            first, last = int(age.group(1)), int(age.group(2) or age.group(1))
            spans.append((first // 12, last // 12) if months else (first, last))
    return spans


def asked_figures(text: str) -> tuple[str, ...]:
    """Numbers in the question other than years, ordinals ("9. klasse"), a child's age ("en pige på 5 år"
    says who the child is, not what is asked), a list point's number ("punkt 3") and a time of day ("Klokken er
    16, og lederen er gået" tells when it happens; "efter kl. 16" asks no document for the figure 16): "25
    pluspladser" -> ("25",)."""
    years = set(asked_years(text))
    figures = (m.group(0) for m in _FIGURE.finditer(_AGE.sub(" ", _POINT.sub(" ", _CLOCK.sub(" ", text)))))
    return tuple(dict.fromkeys(f for f in figures if f not in years))


def describes_its_document(sentence: str) -> bool:
    """Whether a sentence says what its own document describes (see _SELF_DESCRIPTION)."""
    return bool(_SELF_DESCRIPTION.search(sentence.strip()))


# A question about who made a document, or when: "Hvem har udarbejdet evalueringen?", "Hvornår er guiden godkendt?".
_MAKING = re.compile(
    r"\b(?:udgiv\w*|udgav|udarbejd\w*|redige\w*|skrevet|skrev|forfatter\w*|står bag|godkend\w*|version\w*|afsender\w*)\b",
    re.IGNORECASE,
)


def asks_about_making(question: str) -> bool:
    """Whether a question asks who made a document, or when (see _MAKING): then its title page answers."""
    return bool(_MAKING.search(question))


# A question about who took part in a meeting: "Hvem holdt oplæg på temamødet?", "Hvem deltog i konferencen?".
_TOOK_PART = re.compile(
    r"\b(?:hvem\b[^?]{0,30}\b(?:deltog|deltager|var med|talte|holdt oplæg|sad i panelet)|oplægsholder\w*|deltagere|ordstyrer\w*)\b",
    re.IGNORECASE,
)


def asks_who_took_part(question: str) -> bool:
    """Whether a question asks who took part in a meeting (see _TOOK_PART): then its list of participants answers."""
    return bool(_TOOK_PART.search(question))


def coordinated_terms(text: str) -> frozenset[str]:
    """The terms of the words ``text`` joins by "og" or "eller" ("med hjemmebesøgene og bogposerne" ->
    {"hjemmebesøg", "bogpo"}): each names a part of what is asked."""
    found = words(text)
    return frozenset(
        term
        for at, word in enumerate(found[1:-1], 1)
        if word.lower() in ("og", "eller") and content_terms(found[at - 1]) and content_terms(found[at + 1])
        for term in (*content_terms(found[at - 1]), *content_terms(found[at + 1]))
    )


def names_a_document(question: str) -> bool:
    """Whether a question speaks of a document ("Hvad beskriver guiden?", "pjecen", "notatet"): then what a
    document says of itself is what it asks."""
    return any(word.startswith(_DOCUMENT_NAMES) for word in words(question.lower()))


def compared_terms(question: str) -> tuple[tuple[str, ...], ...]:
    """The content terms of each of the two things a question asks the difference between (see
    _COMPARED_PAIR); empty when it asks for none, or one side has no term of its own."""
    found = _COMPARED_PAIR.search(question)
    if found is None:
        return ()
    sides = tuple(tuple(content_terms(side)) for side in found.groups())
    return sides if all(sides) and sides[0] != sides[1] else ()


def effect_words(text: str) -> frozenset[str]:
    """The terms with which a question asks whether something works ("Virkede det?", "Hvad viser evalueringerne
    af ..."): the rest of its terms name what it asks about, as does a name inside them ("Hvad fik Ishøj ud af ...?")."""
    lowered = " ".join(text.lower().split())
    asking = {term for found in _EFFECT_ASKED.finditer(lowered) for term in content_terms(found.group())}
    return frozenset(asking - set(content_terms(" ".join(proper_nouns(text)))))


@lru_cache(maxsize=1024)  # asked several times per question: by analyse_question, asked_years and the parts
def answer_type(text: str) -> AnswerType:
    """The kind of answer the question expects."""
    lowered = " ".join(text.lower().split())
    # A publisher named with its document asks what the document says, no municipality's example: "Hvilke rettigheder
    # har forældrene ifølge Holbæks folder, ...?" asks for the folder's list.
    names = [name for name in proper_nouns(text) if not _published_kinds(text, name)]
    for kind, pattern in _TYPE_RULES:
        if pattern.search(lowered):
            # The speaker asking what they are to do names where they work, not a municipality whose example is
            # asked for: "Hvad gør vi i Solsikken, når vi er bekymrede for et barn?" (see asks_what_to_do).
            if kind in ("procedure", "list") and names and not asks_what_to_do(text) and not re.search(_RECOMMENDED, lowered) and (
                _CASE_VERBS.search(lowered) or _CASE_WORDS.search(lowered)
            ):
                return "case"  # "Hvad gør Holstebro for nye forældre?" asks for a municipality's example
            if kind == "list" and re.search(_MUNICIPALITIES_ASKED, lowered):
                return "case"  # "Findes der eksempler på kommuner, der ...?" asks for cases, not a list
            if kind == "definition" and asked_point(text) is not None:
                return "other"  # "Hvad er trin 4 i handleguiden?" asks for what a point says, not what a step is
            return kind
    if _CASE_WORDS.search(lowered):
        return "case"
    return "other"


# Words naming case examples ("Hvilke cases ...?", "kommunale eksempler"), and a request for municipalities.
_CASES_NAMED = re.compile(r"\bcases\b|\bkommunale eksempler\b|\beksempler på kommuner\b")
_MUNICIPALITIES_REQUESTED = r"\b(?:er|findes) der (?:nogen |nogle |flere |andre )?kommuner\b"
# The requests for case examples that name municipalities or cases, and so ask for cases even when worded
# as a list ("Findes der eksempler på kommuner, der ...?"), unlike "Nævn eksempler på tidlig indsats i skolen".
_MUNICIPALITIES_ASKED = rf"{_CASES_NAMED.pattern}|{_MUNICIPALITIES_REQUESTED}"
# A request for several case examples: "Hvilke cases handler om ...?", "Hvilke kommuner har erfaringer med
# ...?", "Er der kommuner, der ...?", "Giv mig eksempler på kommuner, der ...", "Er der eksempler på, at unge
# med misbrug er kommet i uddannelse?" (it opened with hash figures above Holbæk's case). Not a request for who
# took part in one initiative ("Hvilke kommuner var med i forsøget?", "står bag samarbejdsmodellen"), nor for
# one example ("Er der en kommune, der ...?", "Er der eksempler på, at en kommune har ...?").
_CASES_ASKED = re.compile(
    _MUNICIPALITIES_REQUESTED
    + r"|\bhvilke kommuner\b(?! (?:var|er|har været) med\b| (?:står|stod) bag\b| (?:deltog|deltager|indgik|indgår)\b)"
    r"|\b(?:hvordan|hvad) (?:har|gør|gjorde) (?:andre |nogle |flere )?kommuner\b"
    r"|\b(?:giv|nævn|vis)(?: mig| os)? (?:nogle |et par |flere )?eksempler\b"
    r"|\b(?:er|findes) der (?:nogen |nogle |flere )?eksempler\b(?![^?]*\ben kommune\b)"
)


# A comparison the question asks for by name: "Sammenlign Holstebros og Frederikshavns ...", "Hvad er
# forskellen på Viborgs og Aarhus' arbejde ...?", "Hvordan adskiller Varde og Odense sig ...?", "Hvad har
# Aalborg og Herning til fælles?".
# The two things a question asks the difference between ("Hvad er forskellen på en plusplads og en
# familieplads?"): each up to a few words, the second ending the question or a clause.
_COMPARED_PAIR = re.compile(
    r"\bforskel(?:len|le|lene)? (?:på|mellem) ((?:\w+[ -]){0,3}?\w+) og ((?:\w+[ -]){0,3}?\w+?)(?=\s*(?:[?.,;]|$| i | for | hos | når ))",
    re.IGNORECASE,
)
_COMPARED = re.compile(
    r"^sammenlign\b|\bsammenlignet med\b|\bforskel(?:len|le|lene)? (?:på|mellem)\b|\badskiller\b|\btil fælles\b"
    r"|\bligner (?:hinanden|\w+ og \w+)\b|\bligheder\b",
    re.IGNORECASE,
)


def asks_for_cases(text: str) -> bool:
    """Whether a question asks for several municipalities' case examples, as a leader comparing them would. A word
    naming case examples counts where it is asked for, not where the speakers tell of themselves: "Jeg vil bruge det
    i nogle cases i undervisningen." says what a trainer will make of the answer, and had put three KL case examples
    above the list of the problems parents bring to a family counsellor."""
    if _CASES_ASKED.search(" ".join(text.lower().split())):
        return True
    asked = (s.lower() for s in split_sentences(text) if not _TELLS_OWN.match(s) or s.rstrip().endswith("?"))
    return any(_CASES_NAMED.search(sentence) for sentence in asked)


# A sentence in which the speakers tell of themselves ("Jeg vil bruge det i nogle cases.", "Vi har mange cases.").
_TELLS_OWN = re.compile(r"\s*(?:jeg|vi)\b", re.IGNORECASE)


# A later part with fewer content terms than this points back to the one before ("..., og hvor mange
# drejer det sig om?"): it is scored and judged together with it.
LEANING_PART_TERMS = 3
# A later part that names its topic by a pronoun ("Og tager forældrene imod det?") points back too, also a pronoun
# before a preposition: "Hvad er Heckman-kurven, og hvad betyder den for tidlig indsats?" (not an article: "den nye").
_POINTS_BACK = re.compile(
    r"\b(?:det|dette|den|denne|disse|dem)\s*(?:\?|\s(?:for|til|i|på|med|om|af|hos|ved|mod|fra)\b)", re.IGNORECASE
)


def self_contained(parts: Sequence[QuestionPart], number: int) -> QuestionPart:
    """Part ``number`` as it can be scored and judged on its own: a short later part joined to the part
    before it, with that part's terms."""
    part = parts[number]
    if number == 0 or (len(part.terms) >= LEANING_PART_TERMS and not _POINTS_BACK.search(part.text)):
        return part
    text = f"{parts[number - 1].text} {part.text}"
    return QuestionPart(text, part.answer_type, question_terms(text))


def split_parts(text: str) -> tuple[QuestionPart, ...]:
    """The sub-questions; a piece without any topic word of its own stays with the previous part, and so does
    a statement after a question: in "hvad gør jeg når jeg er bekymret for et barn? hun er blevet meget stille"
    the second sentence tells about the child, and as a part of its own the answer said the documents do not
    answer "Hun er blevet meget stille og trækker sig?"."""
    pieces = [p.strip(" ,") for p in _PART_BOUNDARY.split(text) if p and p.strip(" ,?")]
    parts: list[str] = []
    for piece in pieces:
        if parts and (len(content_terms(piece)) < MIN_PART_TERMS or tells(piece) or _HANDING_OVER.match(piece)):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    if len(parts) <= 1:
        return (QuestionPart(text, answer_type(text), question_terms(text)),)
    return tuple(QuestionPart(p, answer_type(p), question_terms(p)) for p in parts)


# A request for the answer to the question before it, in a form: "Hvad har Kolding lært ...? Giv mig hovedpointerne." asks
# one thing, as a list; as a part of its own "Giv mig målene." was answered by whatever resembled "mål".
_HANDING_OVER = re.compile(r"\s*giv mig\b", re.IGNORECASE)
# What opens a piece that asks, also without a question mark: a question word, a polar verb or a request ("Giv
# eksempler", "Nævn tre", "Fortæl om ...").
_ASKING = re.compile(
    rf"\s*(?:{_QUESTION_WORD}|{_POLAR_START}|giv|nævn|fortæl|beskriv|forklar|list|sammenlign|opsummer|vis|find)\b", re.IGNORECASE
)


def tells(piece: str) -> bool:
    """Whether a piece of a question (or a message) tells rather than asks: no question mark, and no question
    word, polar verb or request opening it."""
    return not piece.rstrip().endswith("?") and not _ASKING.match(piece)


# A child's parent as a worry names one ("en mor", "faren", "forældrene", see names_parent). With _NOT_COPING, a parent
# who tells the speaker they cannot cope ("En forælder har fortalt mig, at hun ikke kan klare det mere derhjemme"),
# or who drinks or takes drugs ("Forældrene drikker, tror jeg."): a worry about the child at home, told without
# naming the child or a worry word.
_PARENT = re.compile(r"\b(?:mor|far|moren|faren|mors|fars|mødre\w*|fædre\w*|forælder\w*|forældre\w*)\b", re.IGNORECASE)
_NOT_COPING = re.compile(
    r"\bikke (?:\w+ ){0,2}(?:klare[rs]?|magte[rs]?|overskue[rs]?|orke[rs]?)\b|\bikke kan mere\b|\bbryde sammen\b|\bbrudt sammen\b"
    r"|\b(?:intet|ikke (?:noget )?|uden) overskud\b|\bgået (?:helt )?ned\b"
    r"|\bdrikker\b|\b(?:er|var|virker) (?:\w+ )?(?:fulde?|berusede?|påvirkede?)\b|\btager stoffer\b|\bryger hash\b",
    re.IGNORECASE,
)


# The speaker asking when or whether to report a child ("Hvornår skal jeg lave en underretning?"): the worry is
# there without the child, and the guidance (sparring, then the report) with the notice on underretningspligt is
# what the documents offer. Not what one may do after a report ("Må jeg fortælle forældrene, at ...?").
# So is the speaker's own report, made or weighed, in the same sentence ("Kan jeg tale med forældrene, før jeg
# underretter?", "Vi er uenige om, hvorvidt vi skal underrette. Hvem afgør det?", "Hvem følger op, når vi har
# sendt en underretning?"); not a count of them ("Hvor mange underretninger laver vi om året?"), nor what a course,
# a talk or the speaker's teaching is about ("Skal vi betale for det der kursus om underretninger?" is a leader's
# question on a course, "Jeg skal lære nyuddannede lærere at skrive en ordentlig underretning" a trainer's).
_REPORT_ASK = re.compile(
    r"^(?!.*\bhvor (?:mange|ofte)\b|.*\bmå (?:jeg|vi)\b|.*\b(?:kurs|oplæg|temadag)\w* (?:\w+ ){0,2}?(?:om|i) underret"
    r"|.*\b(?:lære (?!at\b)\w+ (?:\w+ ){0,2}?at\b|undervis\w* (?:\w+ ){0,3}?(?:i|om)\b)[^?.]*\bunderret)"
    r".*(?:\b(?:jeg|vi)\b[^?.]*\bunderret\w*|\bunderret\w*[^?.]*\b(?:jeg|vi)\b)",
    re.IGNORECASE | re.DOTALL,
)


# The speaker's own worry, told without the child ("Hvem har ansvaret for at tage kontakt til forældrene, når vi
# er bekymrede?", "... en kollega, som ikke tager min bekymring alvorligt?"): in a practitioner's question the worry
# is about a child in their care. Only as the condition of the ask, or as theirs: "Jeg er bekymret for, om kommunen
# sparer på PPR" is no worry about a child. Not what one may do ("Må vi dele vores bekymring ...?"). A practitioner's
# generic "man" is their own voice too: "hvordan får man forældrene med, når man er bekymret?". So is a worry they
# raise ("Hvad gør jeg, hvis forældrene bliver vrede, når jeg tager en bekymring op med dem?" was declined).
_OWN_WORRY = re.compile(
    r"\b(?:hvis|når) (?:jeg|vi|man) (?:er|bliver|blev) (?:\w+ )?(?:bekymre\w*|urolig\w*|i tvivl)\b"
    r"|\b(?:(?:jeg|vi|man) (?:tager|tog)|(?:tager|tog) (?:jeg|vi|man)|(?:at|skal|kan|vil)(?: jeg| vi| man)? tage)"
    r" (?:\w+ )?bekymring\w* op\b"
    r"|^(?!.*\bmå (?:jeg|vi)\b).*\b(?:min|vores) bekymring\w*",
    re.IGNORECASE | re.DOTALL,
)


def question_word(text: str) -> str | None:
    """The question word a question opens with ("hvorfor"), lower-cased; None when it opens otherwise."""
    match = re.match(rf"\s*({_QUESTION_WORD})\b", text, re.IGNORECASE)
    return match.group(1).lower() if match else None


def is_concern(text: str) -> bool:
    """A practitioner's worry about one child: a particular child, a worry or sign, and an ask. A question
    that names a source or a municipality, in no one's own voice, asks what they do or recommend ("Hvad
    anbefaler KL om tidlig opsporing, og hvad gør Hedensted, når et barn i dagtilbud mistrives?"): a
    leader's or a trainer's question, which the guidance for a worry does not answer."""
    if (proper_nouns(text) or _OTHERS_PART.search(text)) and not _OWN_VOICE.search(text):
        return False
    struggling = bool(names_parent(text) and _NOT_COPING.search(text) and _OWN_VOICE.search(text))
    child = (
        _CHILD.search(text) or (_CHILD_HARM.search(text) and _SUSPICION.search(text)) or struggling or _REPORT_ASK.search(text)
        or _OWN_WORRY.search(text)
    )
    return bool(child and (_WORRY.search(text) or struggling) and _ASK.search(text)) or _told_departure(text)


def asks_what_to_do(text: str) -> bool:
    """Whether the speaker asks what they are to do ("Hvad gør vi, når ...?", "Hvordan griber jeg det an?")."""
    return bool(_ACTION_ASK.search(text))


def names_parent(text: str) -> bool:
    """Whether ``text`` names a child's parent ("en mor", "faren", "forældrene")."""
    return bool(_PARENT.search(text))


def its_questions(text: str) -> str:
    """The sentences of ``text`` that ask (end with "?"): what a worry asks, without the situation it tells before."""
    return " ".join(s for s in split_sentences(text) if s.rstrip().endswith("?"))


def asks_what_to_notice(text: str) -> bool:
    """Whether the speaker asks what to look for or how to tell ("Hvad skal jeg være opmærksom på?", "Hvordan
    ved jeg, om et barn mistrives?"), which asks what to do in words but is answered by signs."""
    return bool(_NOTICING.search(text))


def _told_departure(text: str) -> bool:
    """A worry told as what a particular child does or lacks, then an ask for what to do: the child and the
    departure from the ordinary are in the situation, a sentence other than the ask or a hvis/når clause
    ("Hvad gør jeg, hvis et barn kommer i for tyndt tøj om vinteren dag efter dag?")."""
    if not _ACTION_ASK.search(text):
        return False
    sentences = split_sentences(text)
    told = [s for s in sentences if not _ACTION_ASK.search(s)]
    # A worry typed as one run without stops tells its situation before the ask: "en pige på 3 siger næsten
    # ingenting og forstår ikke altid hvad vi siger hvad gør vi" was declined. Not what follows the ask: "Hvordan
    # kan jeg hjælpe forældre, der ikke selv taler så meget med deres barn, …?" asks for a method.
    before = [s[: asked.start()] for s in sentences if (asked := _ACTION_ASK.search(s)) is not None and s[: asked.start()].strip()]
    situations = [*told, *before, *(m.group(0) for m in _CONDITION.finditer(text))]
    return any(_CHILD.search(s) and _DEPARTURE.search(s) for s in situations)


def topic_terms(text: str) -> list[str]:
    """The content terms of a question about a municipality that name what it asks about: not the verbs
    and words that ask what was done or achieved ("Hvordan gik det i Aalborg?" names no topic; "Hvordan
    arbejder Varde med sprogscreening?" names "sprogscreening")."""
    asking = {t for w in words(text) if _CASE_VERBS.fullmatch(w.lower()) or _CASE_WORDS.fullmatch(w.lower()) for t in content_terms(w)}
    return [t for t in content_terms(text) if t not in asking]


# Where the speaker is, named after a preposition ("et barn i Solsikken", "vi arbejder i Hedensted"): the setting of
# the worry, not what it is about. Counted as the situation, an institution's name the documents hold only in a
# file name had turned "Hvad gør jeg, når jeg bliver bekymret for et barn i Solsikken?" partial.
_SETTING = re.compile(r"\b(?:i|på|fra|hos)\s+[A-ZÆØÅ][\wæøå-]*(?:\s+[A-ZÆØÅ][\wæøå-]*)*")
# Where any pedagogue works, after a preposition ("en pige i vuggestuen", "en dreng i 0. klasse"): every
# worry the documents' guidance is for happens there, so alone it tells no situation of the worry's own (see
# tells_no_situation). It stays among the situation's terms: Familiestuen's "to halve børnehavedage" describes
# "Findes der et forløb, hvor hans forældre er med i børnehaven?".
_WORKPLACE = re.compile(
    r"\b(?:i|på|fra|hos)\s+(?:(?:min|mit|vores|den|det)\s+)?(?:\d+\.\s+)?"
    rf"{_WORKPLACES}\w*"
    r"(?:\s+(?:her|hos os))?",
    re.IGNORECASE,
)
# When the asked step comes ("hvad skal jeg gøre først") and "tidligt" ("Hvordan kan jeg opdage et barn i
# mistrivsel tidligt?"): part of the ask, and early is what all the documents' guidance is for.
# What a worry asks the documents for, not what it is about: "Findes der et program ...?", "... finde ud af, om han
# har brug for sprogstøtte?" ("find" and "brug" had counted as the worry's situation).
_LOOKUP_ASK = re.compile(r"\bfindes der\b|\bfinde ud af\b|\b(?:har|have|får|få) brug for\b", re.IGNORECASE)
_FIRST = r"først|(?:som )?det første"
_STEP_ORDER = re.compile(
    rf"\b(?:gøre\s+)?(?:{_FIRST}|bagefter|derefter|nu|(?:så\s+)?tidligt(?:\s+som\s+muligt)?)\b", re.IGNORECASE
)
# A worry's ask for where to begin ("Hvad skal jeg gøre først?", "Hvordan skal jeg starte?").
_WHERE_TO_BEGIN = re.compile(rf"\b(?:{_FIRST}|begynde|starte)\b", re.IGNORECASE)


def asks_where_to_begin(text: str) -> bool:
    """Whether what a worry asks (its questions, see :func:`its_questions`) is where to begin: "Hvad skal jeg gøre
    først?" is answered by a procedure's first steps, whatever the situation it tells."""
    return bool(_WHERE_TO_BEGIN.search(its_questions(text)))


@lru_cache(maxsize=256)  # asked several times per concern answer, by the outcome checks and the composer's caller
def situation_terms(text: str, signs: bool = True) -> frozenset[str]:
    """What the pedagogue's own situation is about: the content terms of a worry outside the words that
    voice it, name the child, ask what to do, and tell how often or how long ("flere gange om ugen"; a
    survey's "en eller flere gange om ugen" is not about the same). "Hvor hurtigt skal vi handle, når vi ser
    et barn i børnehaven, der ikke trives?" -> hurtig, ser, børnehav; a sentence on infants' trivsel shares
    only the worry, "Jo tidligere vi griber ind ..." only the ask of "Hvordan griber vi det an?".

    The child's signs (see _CHILDS_SIGN) are terms of it, so that a passage on them speaks to it; without
    ``signs``, only what the worry tells beyond them: a worry told by its signs alone ("han er ofte sulten og
    trist") is what the documents' guidance is for, whether or not a passage names the signs. The documents' words
    for its everyday phrases are terms of it too (see :mod:`assistant.wording`): "uden at sige, hvem det er" tells
    of anonymous sparring, which "Her kan I drøfte en bekymring anonymt ..." speaks to."""
    unvoiced = _unvoiced if signs else (lambda told: _WORRY.sub(" ", told))
    # "ikke trives" voices the worry whole; an everyday phrase tells its documents' words, not its own ("se tiden an")
    told = _DEPARTURE.sub(" ", unvoiced(_ACTION_ASK.sub(" ", in_documents_words(text))))
    return frozenset(content_terms(f"{_without_ask_and_child(told)} {documents_words(text)}"))


# A view the pedagogue weighs and who holds it: "min kollega siger vi bare skal vente og se ... er det en god
# ide?" tells the view ("vente og se"), not an idea or a colleague, which no passage on it speaks of.
_WEIGHED_VIEW = re.compile(
    r"\b(?:er|var) (?:det|dét|den) (?:en |et )?(?:god|godt|dårlig|dårligt|rigtig|rigtigt|klog|klogt|forkert|okay|ok)\b"
    r"(?: (?:idé|ide|måde|tilgang|holdning)\b)?"
    r"|\b(?:min|mine|vores|en|et par) (?:kollega|kollegaer|kolleger|leder|chef)\w* (?:siger|sagde|mener|synes|vil|foreslår)\b",
    re.IGNORECASE,
)


def _without_ask_and_child(text: str) -> str:
    """``text`` without the ask (what to do, what to look for, when, whether a view is right), the child and its
    age, children at all and the setting the child is named in."""
    asked = _STEP_ORDER.sub(" ", _NOTICING.sub(" ", _WEIGHED_VIEW.sub(" ", _LOOKUP_ASK.sub(" ", _ACTION_ASK.sub(" ", text)))))
    return _CHILDREN.sub(" ", _SETTING.sub(" ", _CHILD.sub(" ", without_child_age(asked))))


# Children in general ("forstyrrer de andre børn"): every passage of documents on children is about them, so as a
# term of the worry's situation they tell nothing of it; KL's "hvornår man bør være bekymret for et barn" had held
# "børn" of the situation's terms as much as Familiestuen's "forstyrre de andre børn".
_CHILDREN = re.compile(r"\b(?:børn|børnene|børnenes|barn|barnet|barnets)\b", re.IGNORECASE)


# A worry voiced without a sign of what worries: the words any worry about a child may be told in.
_BARE_WORRY = re.compile(
    r"\bbekymr\w*|\burolig\w*|\bnervøs\w*|\bi tvivl\b|\b\w*fornemmelse\w*|\bnoget (?:er )?galt\b|\bmistriv\w*"
    r"|\bikke (?:\w+ ){0,2}(?:trives|i trivsel)\b|\btrives (?:\w+ )?ikke\b|\bikke har det godt\b",
    re.IGNORECASE,
)


# How the child is, as the pedagogue sees it: the signs among the words that voice a worry (see _WORRY) that tell the
# worry's situation ("stille og indadvendt" is what Familiestuen's "de stille og indadvendte børn" speaks to). Not
# the family's risks or a harm ("mor har et misbrug" matched Lolland's residential home for children whose
# parents are in treatment for misbrug), nor "urolig", which mostly voices the worry itself ("urolig for").
_CHILDS_SIGN = re.compile(
    r"stille|indadvendt\w*|tilbagetrukken|indelukket|trist\w*|ked af det|sulten|sultne|aggressiv\w*|udadreagerende|ensom\w*"
    r"|utryg\w*|angst\w*|græder|træt\w*|trækker sig|bagud",
    re.IGNORECASE,
)


def _unvoiced(text: str) -> str:
    """``text`` without the words that voice its worry, but with the child's signs (see _CHILDS_SIGN)."""
    return _WORRY.sub(lambda match: match[0] if _CHILDS_SIGN.fullmatch(match[0]) else " ", text)


def workplace_terms(text: str) -> frozenset[str]:
    """The terms of where a worry happens ("en pige i vuggestuen" -> vuggestu; see _WORKPLACE)."""
    return frozenset(term for match in _WORKPLACE.finditer(text) for term in content_terms(match.group(0)))


def tells_no_situation(text: str) -> bool:
    """Whether a worry tells nothing of its own beyond the worry, the child and where it is, and the ask: "Hvad
    gør jeg, hvis jeg er bekymret for et barn?", "hvad skal jeg gøre først når jeg bliver bekymret for et barn i
    vuggestuen". Not "Hvad nu, hvis barnet er stille og indadvendt?": its signs are its own, though each also
    voices a worry (see :func:`situation_terms`)."""
    return not content_terms(_WORKPLACE.sub(" ", _without_ask_and_child(_BARE_WORRY.sub(" ", text))))


def voices_harm(text: str) -> bool:
    """Whether a worry tells or suspects a harm done to the child (violence, abuse, neglect, marks on the
    body): "Jeg tror, at en af vores drenge bliver slået derhjemme." does; "En pige trækker sig" does not."""
    return bool(_HARM_DONE.search(text))


def is_worry_word(word: str) -> bool:
    """A word that voices a worry ("bekymringen", "urolig"), as :func:`is_concern` reads it."""
    return bool(_WORRY.fullmatch(word))


def is_english(text: str) -> bool:
    found = words(text)
    return len(found) >= 3 and sum(word in _ENGLISH_WORDS for word in found) / len(found) >= 0.2


# What a text holding each kind of answer looks like (the evidence scorer and the answerability decision
# both ask "does this unit hold the expected answer?").
# A share or a count in words: "halvdelen", "knap en femtedel", "hver sjette", "det dobbelte".
_NUMBER_WORDS = (
    r"halvdel\w*|tredjedel\w*|fjerdedel\w*|femtedel\w*|tiendedel\w*|flertal\w*|dobbelt\w*|tusind\w*"
    r"|hvert? (?:anden|andet|tredje|fjerde|femte|sjette|syvende|ottende|niende|tiende)"  # "hvert andet frafald"
)
# A count written as a word, as Danish writes small counts ("fire til otte familier", "to halve dage").
_NUMBER_WORD = r"\b(?:to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv|tyve|tredive|fyrre|halvtreds|hundrede)\b"  # not "en": an article
# A counted noun after a count in words: "fire til otte familier", "tre forbundne initiativer".
_COUNTED = rf"{_NUMBER_WORD}(?:\s+til\s+{_NUMBER_WORD})?\s+[a-zæøå]{{3,}}"
# The units of a period, in the genitive too: "et 22 ugers forløb", "min. 18 måneders varighed".
# "på højst to mdr."; days counted as working days ("inden for 2 hverdage", "ti arbejdsdage", "100 skoledage").
_TIME_UNITS = r"(?:timer?s?|(?:hver|arbejds|skole|kalender)?dage?s?|døgns?|uger?s?|måneder?s?|mdr|mnd|års?)"

# A question for how soon or how long: "Hvor hurtigt skal ...?", "Hvor lang tid har vi ...?", "hvor tidligt skal vi
# melde det ind?". Its answer is a period or a deadline, not a year or a date.
_DURATION_ASK = re.compile(r"\bhvor (?:hurtigt|lang tid|længe|tidligt|sent)\b|\binden for hvor\b|\bhvornår senest\b", re.IGNORECASE)
# A period or a deadline, in figures or words: "inden for 24 timer", "ti arbejdsdage", "en uge", "straks", "samme dag".
_DURATION = re.compile(
    rf"(?:\b\d+(?:[.,]\d+)?|{_NUMBER_WORD}|\b(?:en|et|ét|én)\b)\s*(?:halve\s+|hele\s+)?{_TIME_UNITS}\b"
    r"|\bstraks\b|\bmed det samme\b|\bsamme (?:dag|uge)\b",
    re.IGNORECASE,
)


# A question for when a recurring thing happens: "Hvornår mødes det team, hvor ...?", "Hvornår kan man ringe?",
# "Hvornår er det, det der møde er?". Its answer is a weekday, a clock time or a frequency, not a deadline: "Drøft
# bekymringen med klasseteamet senest 5 skoledage efter første notat" had answered when a school's team meets.
_SCHEDULE_ASK = re.compile(
    r"\bhvornår (?:\w+ ){0,4}?(?:mødes|holdes|afholdes|ringe|træffes|åbent|åben)\b"
    r"|\bhvornår (?:er|ligger) (?:det|de|den)\b[^?]{0,40}\bmøde",
    re.IGNORECASE,
)
_WEEKDAYS = r"mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag"
# A weekday ("hver anden torsdag", "mandag til fredag"), a clock time ("kl. 9-11", "8.30-10.30") or a frequency
# ("hver 4. uge", "ugentligt", "to gange om året").
_SCHEDULE = re.compile(
    rf"\b(?:{_WEEKDAYS})(?:e|en|ene)?\b|\bkl\.?\s*\d|\b\d{{1,2}}[.:]\d\d\s*[-–]\s*\d{{1,2}}[.:]\d\d\b"
    r"|\bhver(?:t|e)? (?:\w+ )?(?:dag|uge|måned|år)\b|\b(?:ugentlig|månedlig|dagligt?|årlig)\w*|\bgange? om (?:ugen|måneden|året)\b",
    re.IGNORECASE,
)


def asks_schedule(text: str) -> bool:
    """Whether a question asks when a recurring thing happens (see _SCHEDULE_ASK)."""
    return bool(_SCHEDULE_ASK.search(text))


def holds_schedule(text: str) -> bool:
    """Whether ``text`` tells when something recurs: a weekday, a clock time or a frequency (see _SCHEDULE)."""
    return bool(_SCHEDULE.search(text))


def asks_duration(text: str) -> bool:
    """Whether a question asks how soon or how long (see _DURATION_ASK)."""
    return bool(_DURATION_ASK.search(text))


def holds_duration(text: str) -> bool:
    """Whether ``text`` holds a period or a deadline (see _DURATION): "Der må højst gå ti arbejdsdage fra henvendelse
    til første samtale." answers "Hvor hurtigt ...?", a budget row's years do not."""
    return bool(_DURATION.search(text))


# What a sentence reporting a result says: a figure, a change, an effect, an evaluation's verdict. On train
# adding "resulterede i en stigning", "et markant fald", "evalueringen dokumenterer", "positiv" and "ét
# sammenbrud ud af 38" raised key facts 0.817 -> 0.821 (Aalborg's case now shows its one breakdown).
RESULT_CUES = re.compile(
    r"\b(?:pct|procent|effekt\w*|resultat\w*|viser|faldet|færre|flere|reduc\w*|stige\w*|steget|besparelse\w*"
    r"|kr\.|mio|halveret|fordoblet|bedre|forbedr\w*|lykke\w*|succes\w*"
    r"|resulter\w*|stigning\w*|fald\b|evaluering\w*|dokumenter\w*|positiv\w*|mindske\w*|ud af \d)",
    re.IGNORECASE,
)
# What says that something was found to work or not, by name: an effect, a result, an evaluation or a
# measurement ("Effektmålinger af VIDA-programmet viser ...", "Der ses ikke effekter af VIDA ..."). Narrower than
# RESULT_CUES, whose figures and changes ("flere", "kr.") fill any report; "viser" alone is any finding ("En nylig
# analyse fra Rockwool-fonden viser, at den gennemsnitlige erhvervsskole har et 30 pct. højere frafald").
EFFECT_CUES = re.compile(
    r"\b(?:effekt\w*|resultat\w*|evaluering\w*|virke[rt]?\b|virkede|virkning\w*|målt|måling\w*)",
    re.IGNORECASE,
)
# An effect hoped for, expected or possible is none found: "... kan have en indirekte effekt på børnenes sundhed,
# trivsel og læring", "Gladsaxe Kommune forventer at kunne fremvise resultaterne ultimo 2015".
EFFECT_HEDGE = re.compile(
    r"\b(?:kan|kunne|vil|ville|skal|forventes|forventer|håber|formodes)\b(?:\s+\S+){0,4}?\s+(?:effekt|resultat|virk)\w*", re.IGNORECASE
)
# A profession ("tale-hørekonsulenter", "psykologer") ...
_PROFESSIONS = (
    r"pædagog|leder|sundhedsplejerske|socialrådgiver|rådgiver|psykolog|lærer|tandlæge|sagsbehandler|konsulent|terapeut"
    r"|koordinator|familiebehandler"
)
_PROFESSION = re.compile(rf"\b\w*(?:{_PROFESSIONS})\w*\b", re.I)
# ... or any person, role or organisation, as a question for "hvem" is answered.
_ROLE = re.compile(
    rf"\b\w*(?:{_PROFESSIONS}|forældre|medarbejder|team|PPR|fond|styrelse|ministeri|forening|organisation)\w*\b", re.I
)
_ANSWER_SHAPES: dict[AnswerType, re.Pattern[str]] = {
    "effect": RESULT_CUES,
    "amount": re.compile(
        rf"(?<![\w.])(?!(?:19|20)\d\d\b)\d+(?:[.,]\d+)*\s*(?:%|pct|procent|kr|mio|mia|mil\b|million\w*|milliard\w*|\w+)|{_NUMBER_WORDS}|{_COUNTED}",
        re.I,
    ),
    "time": re.compile(
        rf"(?<![\w.,])(?:19[5-9]\d|20\d\d)\b|(?:\b\d+|{_NUMBER_WORD})\s*(?:halve\s+|hele\s+)?(?:{_TIME_UNITS}|minutter)\b"
        r"|\b(?:januar|februar|marts|april"
        r"|maj|juni|juli|august|september|oktober|november|december|alderen|årig\w*|skolestart|fødsel\w*|graviditet\w*)\b"
        r"|\b(?:et|ét) år\b|\bstarte[rt]? i skolen?\b",  # "når barnet er et år", "når de starter i skolen"
        re.I,
    ),
    "place": re.compile(rf"\b{MUNICIPALITY}|\b(?:i|fra) [A-ZÆØÅ][a-zæøå]{{2,}}"),
    "target": re.compile(
        r"\bmålgruppe\w*|\bretter sig (?:mod|til)\b|\b(?:er|tilbydes|gives) (?:til|for) (?:alle )?(?:børn|unge|familier|elever|forældre)\b"
        r"|\bi alderen\b|\b(?:mellem )?\d+\s*(?:-|–|og|til)\s*\d+\s*år\b|\b\d+-\d+-årige\b",
        re.I,
    ),
    "person": _ROLE,
    "list": re.compile(r"(?:^|\n)\s*(?:[-+*•]|\d{1,2}[.)])\s|,.+,|\bog\b", re.M),
    "procedure": re.compile(r"\b(?:skal|bør|kan|ved at|gennem|først|derefter|inddrag\w*|tal\w* med|kontakt\w*)\b", re.I),
    "reason": re.compile(r"\b(?:fordi|derfor|skyldes|\w*årsag\w*|grund\w*|for at|betyder|medfører|så(?:ledes)? at)\b", re.I),
    # "Incitamentsmodel = Et regnskab for ...": a slide defines with an equals sign.
    "definition": re.compile(r"\b(?:er en|er et|er de|betyder|defineres|forstås|handler om|dækker over|består af)\b|\w = \w", re.I),
    "case": re.compile(rf"\b{MUNICIPALITY}|\bCASE\b|\b(?:har|havde) (?:indført|etableret|oprettet|gennemført)\b"),
}


# A question for what one term means: "Hvad er ICS-metoden?", "Hvad betyder inklusion?", "Hvad er De Utrolige
# År for et program?". The term is at most MAX_DEFINED_WORDS words, none a stopword or preposition, so "Hvad er
# normeringen i Hedensteds vuggestuer?" asks a fact, not a meaning.
_DEFINITION_ASKED = re.compile(
    r"^hvad (?:er|betyder|menes med|forstås ved|dækker|(?P<view>forstår|mener) (?:\w+ ){1,2}?(?:ved|med)) "
    r"(?P<article>(?:en|et) )?(?:den |det |de )?(?P<term>[^?,]+?)"
    r"(?: for (?:en|et|noget) \w+)?\s*\?*$",
    re.IGNORECASE,
)
# A source's view of a term, asked with the field it is a term of ("Hvad forstår Hedensted ved en
# incitamentsmodel for specialundervisning?"): the term is the words before the preposition.
_TERM_FIELD = re.compile(r"^(?P<term>[^?,]+?) (?:for|i|inden for|på) [^?,]+$", re.IGNORECASE)
_PREPOSITIONS = frozenset({"i", "på", "for", "med", "af", "til", "om", "ved", "fra", "hos", "mellem", "under", "over", "efter"})
MAX_DEFINED_WORDS = 3
# What follows a term its sentence explains: a verb of being or meaning ("Familiestuen er et tilbud",
# "DUBU (Digitalisering – udsatte børn og unge) er et IT-system", "De Utrolige År = DUÅ består af"), a
# relative clause ("den såkaldte PRIK-model, der sigter på"), a purpose ("Pluspladserne skal styrke", "en ungeenhed
# for at samle og styrke indsatsen"), or a colon.
_EXPLAINED_AFTER = re.compile(
    "[’'\"”»]?" + r"(?:\s*(?:\([^)]*\)|=\s*\S+))?"
    r"(?:,? (?:som|der) \w+| (?:er|var|betyder|dækker|består|handler om|kaldes|(?:kan )?forstås|skal|anvendes|bruges|for at)\b"
    r"|:| [–-] |\s*=)"
)
# What says what a term is, right after it at the start of a sentence: a verb of being or meaning, "=" or a
# colon; not "skal" or "anvendes", which tell what it does ("Indsatstrappen anvendes i bl.a. Borås Kommune").
_DEFINING = re.compile(
    r"[’'\"”»]?(?:\s*\([^)]*\))?(?: (?:er|var|betyder|dækker over|består af|handler om|kaldes|(?:kan )?(?:forstås|defineres))\b|\s*[:=])"
)
_QUOTES = "’'‘\"“«»” "
# ... or what stands right before it: "den såkaldte".
_EXPLAINED_BEFORE = re.compile(r"\b(?:såkaldte?|kaldet|hedder|kaldes)\s+[’'‘\"“«]?$", re.IGNORECASE)
# A name's appositive noun ("Dialogredskabet FIT"); before a common noun the same ending is an adjective's
# ("en formaliseret handleplan").
_APPOSITIVE = re.compile(r"\b[^\W\d_]{4,}(?:et|en)\s+[’'‘\"“«]?$", re.IGNORECASE)
# ... or, quoted, an indefinite noun's: "et fireårigt projekt ’Sverigesprojektet’".
_QUOTED_APPOSITIVE = re.compile(r"\b(?:en|et)\s+(?:[^\W\d_]+\s+)?[^\W\d_]{4,}\s+[’'‘\"“«]$", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:en|et) ")
_COUNTED_TERM = re.compile(r"(?:\d+|to|tre|fire|fem|seks|syv|otte|ni|ti) ", re.IGNORECASE)
_ANNOUNCES_LIST = re.compile(r"[^.!?:\n]*:")
# An article or demonstrative a term may come with in a sentence ("en mellemform", "den svenske model").
_AN_ARTICLE = r"(?:(?:en|et|den|det|de) )?"


def defined_term(question: str) -> str | None:
    """The term a question asks the meaning of, with the article it gives it, or None: "Hvad er ICS-metoden?"
    -> "ICS-metoden", "Hvad er en mellemform?" -> "en mellemform"; a common noun set before a name is left out
    ("Hvad er redskabet Systematisk Risikovurdering?"). A name may hold a short lowercase word ("Hvad er
    Familie med Hjerte?")."""
    asked = _DEFINITION_ASKED.match(" ".join(question.split()))
    if asked is None:
        return None
    term = asked.group("term").split()
    if asked.group("view") and (field := _TERM_FIELD.match(" ".join(term))):
        term = field.group("term").split()
    if len(term) > 1 and term[0].islower() and all(w[0].isupper() for w in term[1:]):
        term = term[1:]
    named = " ".join(term) in linked_names(question)
    if len(term) > MAX_DEFINED_WORDS or (not named and any(w.lower() in STOP or w.lower() in _PREPOSITIONS for w in term)):
        return None
    return (asked.group("article") or "").lower() + " ".join(term)


def explains(text: str, term: str) -> bool | None:
    """Whether ``text`` (plain text without citation markers) says what ``term`` is, in any inflection, rather
    than only naming it: "er stærkt systematiseret efter ICS-metoden." names ICS-metoden; "Familiestuen er et
    tilbud til børn i alderen 2-6 år" explains Familiestuen. None when it never names it."""
    term = _ARTICLE.sub("", term)
    named = list(re.finditer(_term_pattern(term), text, re.IGNORECASE))
    if not named:
        return None
    before = (_EXPLAINED_BEFORE, _APPOSITIVE, _QUOTED_APPOSITIVE) if term[0].isupper() else (_EXPLAINED_BEFORE,)
    # Counted things are what the list a sentence naming them announces: "KL har tre pejlemærker for indsatsen
    # for udsatte børn og unge:" above the three says what "de tre pejlemærker" are.
    after = (_EXPLAINED_AFTER, _ANNOUNCES_LIST) if _COUNTED_TERM.match(term) else (_EXPLAINED_AFTER,)
    return any(any(a.match(text, m.end()) for a in after) or any(b.search(text[: m.start()]) for b in before) for m in named)


def defines(text: str, term: str) -> bool:
    """Whether a sentence opens with ``term`` and says what it is or means, as a definition does: "Tidligere
    indsats kan forstås både som tidlig i alder og/eller rettidig ...", "Familiestuen er et tilbud til ...".
    Stricter than :func:`explains`, which lets a sentence that names the term in passing count ("... om
    handleplanen er udarbejdet"): this one puts a unit first in a definition answer."""
    pattern = _term_pattern(_ARTICLE.sub("", term))
    # Each line of a slide's lines read as one unit opens one: "Skolerne fører dobbelt regnskab / ... /
    # Incitamentsmodel = Et regnskab for almen skole/SFO ..." defines the incitamentsmodel.
    return any(_opens_definition(line.lstrip(_QUOTES), pattern) for line in text.splitlines() or [text])


def _opens_definition(plain: str, pattern: str) -> bool:
    if re.match(_DEFINING_FRAME.format(term=pattern), plain, re.IGNORECASE):
        return True
    opening = re.match(rf"{_AN_ARTICLE}{pattern}", plain, re.IGNORECASE)
    return opening is not None and bool(_DEFINING.match(plain, opening.end()))


def spells_out(text: str, term: str) -> bool:
    """Whether ``text`` writes out ``term``, an acronym of 2 to 6 letters in any case ("PPR", "ppr"), as capitalised
    words whose initials spell it, small words between them aside: "Pres på Pædagogisk Psykologisk Rådgivning" spells
    out PPR, "Positiv Adfærd i Læring og Samspil" PALS."""
    acronym = term.upper()
    if not re.fullmatch(r"[A-ZÆØÅ]{2,6}", acronym):
        return False
    written = re.findall(r"[^\W\d_]+", text)
    return any(_spelled_from(written[at:], acronym) for at, word in enumerate(written) if word[0] == acronym[0])


def _spelled_from(written: Sequence[str], acronym: str) -> bool:
    """Whether ``written`` opens with words whose initials spell ``acronym``, lowercase small words between them aside."""
    letters = iter(acronym)
    wanted = next(letters)
    for word in written:
        if word[0].isupper() and not word.isupper():
            if word[0] != wanted:
                return False
            wanted = next(letters, "")
            if not wanted:
                return True
        elif word.lower() not in STOP:
            return False
    return False


# A sentence that says what a term is in a frame around it: "Det der kendetegner en netværksanbringelse er, at
# ...", "Ved en mellemform forstås ...".
_DEFINING_FRAME = (
    rf"(?:det,? (?:der|som) (?:kendetegner|karakteriserer) {_AN_ARTICLE}{{term}},? er\b"
    rf"|ved {_AN_ARTICLE}{{term}} (?:forstås|menes)\b)"
)


def _term_pattern(term: str) -> str:
    """A term's words in any inflection: a word's last letters are its inflection ("PRIK-modellen" /
    "PRIK-model", "plusplads" / "Pluspladserne"), and no more than an inflection may follow them, so a
    compound the term only begins ("inklusionspædagog" for "inklusion") is another word."""
    return r"\s+".join(re.escape(w[: max(3, len(w) - (3 if len(w) >= 7 else 2))]) + r"[\w-]{0,7}\b" for w in term.split())


def named_professions(text: str) -> frozenset[str]:
    """The professions ``text`` names, as written (lower case): "3,5 tale-hørekonsulenter, 2 psykologer, 1,5
    fysioterapeuter" names three; "løn til teamets medarbejdere, forældregrupper" none."""
    return frozenset(found.group(0).lower() for found in _PROFESSION.finditer(text))


def holds_answer_type(text: str, kind: AnswerType) -> bool:
    """Whether ``text`` has the shape of the expected answer (a figure for "hvor mange", a time for
    "hvornår", ...); always True for ``other``."""
    pattern = _ANSWER_SHAPES.get(kind)
    return True if pattern is None else bool(pattern.search(text))


# ---- the kind of figure asked for --------------------------------------------------------------------


@dataclass(frozen=True)
class AskedDetail:
    """The specific figure a question asks for; ``counted`` is the counted thing as the question writes it
    ("hvor mange timer" -> "timer"), empty when it does not say ("hvor mange var der")."""

    kind: DetailKind
    counted: str = ""
    wording: str = ""  # the noun the question uses for it ("frist", "pris"), when it names one
    per: str = ""  # the noun of a rate ("pr. barn" -> "barn"): the figure must be one per that
    limit: bool = False  # a limit is asked ("højst", "max"): the figure must be one
    # A period asked before or after an event ("Hvor længe før han starter ...?" -> "før"): the period must be one
    # counted from it ("senest 4 uger før barnets første dag"), not any period ("Starter barnet senere end 14 måneder").
    relative: str = ""
    # How long something holds ("Hvor længe kan vi bruge den underskrift?", "Hvor længe gælder et samtykke?"): the period
    # must be said to be how long it holds ("Et samtykke gælder højst 12 måneder"), not any deadline of the topic.
    validity: bool = False
    # The time a period question names ("Hvor lang ventetid er der ...?" -> "vente"): the period must be said of it. A
    # course's length ("10 aftener á 2½ time") had answered how long the wait for it is.
    measured: str = ""

    @property
    def of_rare_shape(self) -> bool:
        """A period of a shape few sentences have: counted from an event ("senest 4 uger før ...") or how long a thing
        holds ("gælder højst 1 år"). A sentence holding one answers in words of its own, whatever else it shares."""
        return self.kind == "period" and (bool(self.relative) or self.validity)

    @property
    def phrase(self) -> str:
        """What the documents lack, as a Danish noun phrase after "nævner ikke": "antallet af timer", "en grænse
        for antallet af børn pr. voksen"."""
        phrase = f"{self._base_phrase} pr. {self.per}" if self.per else self._base_phrase
        return f"en grænse for {phrase}" if self.limit else phrase

    @property
    def _base_phrase(self) -> str:
        if self.wording:
            return _WORDING_PHRASES.get(self.wording, self.wording)
        match self.kind:
            case "money":
                return "beløbet"
            case "share":
                return "andelen"
            case "period":
                return f"antallet af {self.counted}" if self.counted else f"{self.measured}tiden" if self.measured else "varigheden"
        return f"antallet af {self.counted}" if self.counted else "antallet"


# Checked in order, on the lowercased question. Money before counts ("hvor mange penge", also "hvor mange ekstra
# penge", which had counted "ekstra"); a count of time units is a period ("hvor mange timer om ugen").
_MONEY_ASK = re.compile(
    r"\bhvad (?:kost\w*|er prisen|spare\w*|har (?:de|man|kommunen) sparet)\b"
    r"|\bhvor (?:mange|meget) (?:\w+ )?(?:penge|kroner|kr|millioner|mio)\b"
    r"|\bhvor meget (?:kost\w*|spare\w*|sparede)\b"
    # The price in a clause: "En mor spørger, hvad det koster at være med på forældrekurset."
    r"|\bhvad (?:\w+ ){1,3}?(?:koster|kostede|vil koste|skal koste)\b"
    # "Hvad kommer Svendborgs nye ... model til at koste om året?"
    r"|\btil at koste\b"
    # "Hvor meget har Sorø budgetteret med til ...?", "Hvor meget er der afsat til ...?": the verbs of a budget; not
    # time set aside ("hvor meget tid er der sat af til ...?", answered in minutes or as a share of the time).
    r"|\bhvor meget\b(?!\s+tid\b)[^?]{0,40}?\b(?:budgetter(?:et|er|es|ede)|afsat|afsætte[rs]?|afsatte|sat af"
    r"|bevilge[rst]?|bevilgede|investere[rst]?|investerede)\b"
    r"|\bhvor (?:stort?|høj) (?:er |var )?(?:et |en )?(?:budget\w*|beløb\w*|pris\w*|udgift\w*|tilskud\w*|besparelse\w*)"
    # "Hvor meget af Næstveds budget går til ergoterapeuten?": a sum out of a budget.
    r"|\bhvor meget af\b[^?]{0,40}?\b(?:budget\w*|penge\w*|midle\w*|bevilling\w*|ramme\w*)"
    rf"|{_SUM_ASKED}"
)
_PERIOD_ASK = re.compile(
    rf"\bhvor (?:lang \w*tid|længe)\b|\bhvor lang (?:er|var)\b|\bhvilken frist\b|\bfrist\w*\b|\bhvor mange {_TIME_UNITS}\b"
)
_TIME_COUNT = re.compile(rf"\bhvor mange ({_TIME_UNITS})\b")
# "Hvor stor en del af familierne ...?" asks a share as surely as "hvor stor en andel".
_SHARE_ASK = re.compile(
    r"\bhvor stor (?:en )?(?:andel|procentdel)\b|\bhvor stor (?:en )?del af\b|\bhvilken andel\b|\bhvor mange procent\b|\bandelen af\b"
)
# A way to reach someone: a telephone number or a mail address ("Hvad er telefonnummeret til PPR?").
_CONTACT_ASK = re.compile(r"\b(?:telefonnummer\w*|telefonnr\w*|tlf\w*|mailadresse\w*|e-?mail\w*|hvilket nummer|hvad er nummeret)\b")
# "Hvad var normeringen ...?" asks for a figure as surely as "hvor mange": a measure named as the subject, also
# as its limit ("Hvad er den maksimale ventetid på PPR ifølge loven?" had got the slide saying "Der er lang
# ventetid på PPR" as its short answer).
_MEASURE_ASK = re.compile(
    r"\bhvad (?:er|var|bliver|blev) ((?:den |det )?(?:(?:gennemsnitlige|maksimale|højeste|laveste|mindste|minimale) \w+"
    r"|normeringen|antallet|\w*gennemsnittet|procentdelen|\w*andelen))\b"
)
_COUNT_ASK = re.compile(r"\bhvor (?:mange)\b(?:\s+af)?(?:\s+(?:de|dem|disse))?((?:\s+[a-zæøå][\wæøå-]*){0,3})")
_ADJECTIVE_ENDINGS = ("e", "t", "små")  # "sårbare", "tidligt", "små": a noun follows
_DETAIL_WORDING = (
    "koster kostede koste pris prisen priser penge pengene kroner beløb beløbet budget budgettet udgift udgifter"
    " spare sparer sparede sparet"
    " timer timers time dage dag døgn uger uge ugen måneder måned måneden året dagen frist fristen frister andel"
    " andelen procent lang længe tid antal antallet"
    " telefonnummer telefonnummeret telefonnumre tlf nummer nummeret mailadresse mailadressen e-mail mail"
)
_WORDING_PHRASES = {"kost": "prisen", "pris": "prisen", "spar": "besparelsen", "frist": "nogen frist"}
# The words a sum is written beside, by what the question asks of it: a price, or a saving.
_SUM_WORDS = {"kost": r"kost|pris|takst|udgift", "pris": r"kost|pris|takst|udgift", "spar": r"spar|besparelse"}


def asked_detail(text: str) -> AskedDetail | None:
    """The kind of figure the question asks for, or None when it asks for none in particular; with the rate and
    the limit it asks it as (see :func:`_as_asked`)."""
    lowered = " ".join(text.lower().split())
    detail = _asked_kind(text, lowered)
    return None if detail is None else _as_asked(detail, lowered)


# A figure asked per something ("Hvad koster en familieplads pr. barn om året?") or as a limit ("Hvor mange børn må
# der max være pr. voksen?"). A budget line ("Familiepladser | 400.000 | 400.000") is no price per child, and the
# actual number of children per adult ("var der således 6,8 børn pr. voksen") no maximum: both had been quoted as
# the answer to these unanswerable questions. So is a figure asked for a span of the calendar ("Hvor mange timer om ugen
# ...?"): a meeting's "Hver 2. uge, 90 minutter" or a goal's "Mindst 90 %" gives no hours a week or talks a year.
_RATE_ASKED = re.compile(r"\b(?:pr\.?|per)\s+([a-zæøå]{3,})|\bom (året|ugen|måneden|dagen)\b")
_CALENDAR_RATES = {"året": "år", "ugen": "uge", "måneden": "måned", "dagen": "dag"}
# Not "mindst": "Hvor mange kommuner har mindst én inklusionspædagog?" asks for a count.
_LIMIT_ASKED = re.compile(r"\b(?:max|maks|maksimalt|højst|minimum|maksimum|loft)\b")
_LIMIT_HELD = re.compile(r"\b(?:max|maks\w*|højst|mindst|minimum\w*|op til|loft\w*|grænse\w*|ikke (?:over|under|mere end))\b", re.I)


def _as_asked(detail: AskedDetail, lowered: str) -> AskedDetail:
    rate = _RATE_ASKED.search(lowered)
    relative = _RELATIVE_ASKED.search(lowered) if detail.kind == "period" else None
    return replace(
        detail,
        per=(rate.group(1) or _CALENDAR_RATES[rate.group(2)]) if rate else "",
        limit=bool(_LIMIT_ASKED.search(lowered)),
        relative="efter" if relative and relative.group(1) == "efter" else "før" if relative else "",
        validity=detail.kind == "period" and bool(_VALIDITY_ASKED.search(lowered)),
        measured=measured.group(1) if detail.kind == "period" and (measured := _MEASURED_ASKED.search(lowered)) else "",
    )


# A time named as what is asked: "hvor lang ventetid", "hvor lang er sagsbehandlingstiden"; not plain "hvor lang tid".
_MEASURED_ASKED = re.compile(r"\bhvor lang (?:er |var |bliver |blev )?(?:den |der )?(\w+?)tid(?:en)?\b")


def _asked_kind(text: str, lowered: str) -> AskedDetail | None:
    if match := _MONEY_ASK.search(lowered):
        wording = next((w for w in ("kost", "pris", "spar") if w in match.group(0)), "")
        # A saving asked after its sum: "Hvor mange millioner regner de med at spare ...?" is no sum received.
        saving = not wording and re.search(r"\bspar(?:e|er|es|ede|et)\b|\bbesparelse", lowered) is not None
        return AskedDetail("money", wording="spar" if saving else wording)
    if match := _PERIOD_ASK.search(lowered):
        counted = _TIME_COUNT.search(lowered)  # "hvor mange timer om ugen": the number of hours
        return AskedDetail("period", counted.group(1).removesuffix("s") if counted else "", "frist" if "frist" in match.group(0) else "")
    if _SHARE_ASK.search(lowered):
        return AskedDetail("share")
    if match := _CONTACT_ASK.search(lowered):
        return AskedDetail("contact", wording="mailadressen" if "mail" in match.group(0) else "telefonnummeret")
    if match := _MEASURE_ASK.search(lowered):
        return AskedDetail("count", wording=match.group(1))  # "nævner ikke normeringen"
    if match := _COUNT_ASK.search(lowered):
        # The original casing ("Københavns"); lower() keeps the length of Danish text.
        return AskedDetail("count", _counted(" ".join(text.split())[match.start(1) : match.end(1)]))
    return None


_COMPARATIVES = frozenset({"flere", "færre"})
_ARTICLES = frozenset({"en", "et"})


def _counted(following: str) -> str:
    """The counted thing among the words after "hvor mange": a noun, or an adjective and its noun
    ("sårbare gravide", "tidligt anbragte"); a verb or a small word ends it ("børn fik" -> "børn"). A verb with
    its object right after "hvor mange" counts people it leaves unnamed: "Hvor mange gennemfører en
    uddannelse?" -> "" (not "antallet af gennemfører")."""
    counted: list[str] = []
    words_after = following.split()
    first = words_after[:2]
    if len(first) == 2 and first[0].lower().endswith("er") and first[1].lower() in _ARTICLES:
        return ""
    for at, word in enumerate(words_after):
        if not counted and word.lower() in _COMPARATIVES:
            continue  # "hvor mange flere besøg" asks the number of visits: not "antallet af flere besøg"
        if word.lower() in STOP or len(word) <= 2 or (counted and _is_verb_with_object(word, words_after[at + 1 : at + 2])):
            break
        counted.append(word)
        genitive = word[0].isupper() and word.endswith("s")  # "Københavns pluspladser"
        if not (genitive or word.lower().endswith(_ADJECTIVE_ENDINGS)):
            break
    return " ".join(counted)


def _is_verb_with_object(word: str, after: Sequence[str]) -> bool:
    """Whether ``word`` after a counted noun ending like an adjective is a verb in the present tense with its
    object after it: "Hvor mange mødre bruger tilbuddet?" counts "mødre" (it read "antallet af mødre bruger"),
    while "sårbare familier deltager" counts "sårbare familier"."""
    following = after[0].lower().strip("?.,!") if after else ""
    return word.lower().endswith("er") and (following in _ARTICLES or following.endswith(("et", "en", "ne")))


# What a unit holding each kind of figure looks like. A count may be any figure but a year ("31 pct. af
# medarbejderne", "1 ud af 10"); money needs a currency or a thousands figure as budget tables write them.
_FIGURE_WORDS = rf"{_NUMBER_WORDS}|én|to|tre|fire|fem|seks|syv|otte|ni|ti|tolv"
# Not a year, and not an age range ("0-2 år", "3-5-årige"), which says who, not how many; another range counts
# ("omkring 7-8 pct. af en årgang", "2-3 uger").
_NUMBER = r"(?<![\w.,-])(?!(?:19|20)\d\d\b)(?!\d+\s*[-–]\s*\d+\s*-?\s*år)\d+(?:[.,]\d+)*"
_TIME_AMOUNT = (
    # An age is no period: "børn i 8–10 måneders alderen" had answered "Hvor hurtigt skal vi handle?".
    rf"(?:{_NUMBER}|\b(?:{_FIGURE_WORDS}|et|en|halvt?))\s*(?:-\s*\d+\s*)?{_TIME_UNITS}\b(?!\s*alder)"
    r"|\bugentlig\w*|\bdaglig\w*|\bmånedlig\w*"
)
# "hvor længe før han starter", "hvor lang tid efter", "hvor mange dage inden mødet" (not "inden for", a deadline).
_RELATIVE_ASKED = re.compile(rf"\bhvor (?:længe|lang tid|mange {_TIME_UNITS}) (?:\w+ )?(før|inden(?! for)|efter)\b")
# The period counted from an event: "4 uger før barnets første dag", "to uger efter mødet", "14 dage inden".
_RELATIVE_HELD = {
    "før": re.compile(rf"(?:{_TIME_AMOUNT})\s+(?:\w+\s+)?(?:før|inden(?! for))\b", re.I),
    "efter": re.compile(rf"(?:{_TIME_AMOUNT})\s+(?:\w+\s+)?efter\b", re.I),
}
_VALIDITY_ASKED = re.compile(r"\bhvor længe (?:\w+ ){0,4}?(?:gælder|holder|kan (?:vi|man|jeg) bruge|er (?:\w+ ){0,3}?gyldig\w*)\b")
# What says how long a thing holds: "gælder højst 12 måneder", "er gyldigt i et år", "skal fornyes efter et år".
_VALIDITY_HELD = re.compile(r"\b(?:gælder|gyldig\w*|holder|fornyes|udløber)\b", re.IGNORECASE)
_DETAIL_SHAPES: dict[DetailKind, re.Pattern[str]] = {  # a count: holds_count
    "money": re.compile(
        rf"{_NUMBER}\s*(?:kr\b|kroner|mio|mia|mil\b|million\w*|milliard\w*)|(?<![\w.,])\d{{1,3}}(?:\.\d{{3}})+(?![\d,])|\bkr\.", re.I
    ),
    # A share in words is a fraction ("halvdelen", "hver sjette") or one count of another ("to af tre", "4 ud af
    # 10"); a bare count is none: "Ca. 62.000 kr. samt fire personalemøder" had answered "Hvor stor en andel af
    # forældrene var tilfredse?" under "Kort svar".
    "share": re.compile(
        rf"{_NUMBER}\s*(?:%|pct|procent)|\b(?:{_NUMBER_WORDS})\b|\bud af\b"
        rf"|(?:{_NUMBER}|\b(?:{_FIGURE_WORDS}))\s+af\s+(?:{_NUMBER}|(?:{_FIGURE_WORDS})\b)",
        re.I,
    ),
    "period": re.compile(rf"{_TIME_AMOUNT}|\bsiden (?:19|20)\d\d\b", re.I),  # "hvor længe": also "siden 2010"
    # Eight digits as Danish numbers are written ("72 36 40 00", "+45 72364000"), a three-digit service number
    # after what calls it ("ring 112", "Døgnvagten via politiet på 114"), or a mail address. "Spørgsmål kan rettes
    # til Sprog- og Høreteamet via den fælles PPR-postkasse" tells how, not the number asked for.
    "contact": re.compile(
        r"(?<![\d.,])(?:\+45\s?)?\d{2}(?:\s?\d{2}){3}(?![\d.,]\d)|\b(?:ring\w*|på|tlf\.?|telefon\w*|nummer\w*)\s+1\d\d\b"
        r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
        re.I,
    ),
}
# What a table's or a text's amounts are written in, "Beløbene er i 1.000 kr. i 2025-priser", "(i mio. kr.)": no sum.
_DENOMINATION = re.compile(r"\bi (?:hele )?(?:1\.000|1000|mio\.?|mia\.?|millioner|milliarder) (?:kr\b\.?|kroner)", re.I)
# "Hvor mange timer om ugen?" wants an amount of time, not a starting year.
_COUNTED_PERIOD = re.compile(_TIME_AMOUNT, re.I)
# A count is a figure that counts something: one followed by what it counts or a share ("40 pct.", "750
# børn", "fire til otte familier", "8 ud af 10", "32 pr. 1.000"), a large number ("11.000"), or a count
# in words ("hver sjette", "tre ud af fire"). A bare small number is a score or a point on a scale ("en skala fra 1 til 10, hvor 10
# er optimal", "på 6 og derunder"), which counts nothing. On train (36 unanswerable questions, 177
# answerable) it moved unanswerable declined-or-partial 0.778 -> 0.806 and changed no answerable outcome;
# requiring the counted noun within 3 words of the figure instead gave 5 of 18 answerable count questions a
# detail gap (answers count by paraphrase: "43 pct. af 30-årige, som har været anbragt").
_COUNT_FIGURE = re.compile(
    # "fire til otte familier", "7-8 pct."; not the age of "3-årige"
    rf"({_NUMBER}|{_NUMBER_WORD})(?!\w|-[^\W\d_])(?:\s*(?:-|–|til|eller)\s*(?:\d+(?:[.,]\d+)*|{_NUMBER_WORD}))?"
    r"\s*(%|pct\b|procent|ud af|pr\.|[a-zæøå][a-zæøå-]+)?",
    re.I,
)
_COUNT_WORDS = re.compile(rf"\b(?:{_NUMBER_WORDS}|(?:én|en|et|to|tre|fire|fem|seks|syv|otte|ni|ti) ud af)\b", re.I)
# The whole a share is of, with the word after it in case the first is an adjective: "5 pct. af børnene",
# "98 pct. af de nye familier", "halvdelen af de anbragte børn".
_SHARE_OF = re.compile(
    r"(?:%|\bpct\.?|\bprocent|\bhalvdel\w*|\bandel\w*)\s+af\s+(?:de\s+|alle\s+)?([a-zæøå][a-zæøå-]+)(?:\s+([a-zæøå][a-zæøå-]+))?", re.I
)
LARGE_COUNT = 100  # "11.000 i 2010": large numbers count; scales and scores run to 10 or 100 at most
MIN_COUNTED_STEM = 4  # a counted word's stem that an asked word may begin with ("børn" of "børnene")


# A chart or table that counts: a title or header line saying "Antal ..." above rows that end in a figure
# ("Antal elever tilbageført fra special- til almenklasse" / "År Antal udsluset" / "2022 7").
_COUNTED_HEADER = re.compile(r"\bantal(?:let)?(?:\s+(?:af\s+)?([a-zæøå][a-zæøå-]+))?", re.IGNORECASE)
_ROW_FIGURE = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)?\s*$")


def _table_counts(text: str) -> list[str]:
    """The things a counting table's title and header lines count ("elever" for "Antal elever tilbageført ...",
    "" for "Antal udsluset"); empty when ``text`` is no such table."""
    lines = text.splitlines()
    headers = [m for line in lines[:2] for m in _COUNTED_HEADER.finditer(line)]
    if not headers or not any(_ROW_FIGURE.search(line) for line in lines[1:]):
        return []
    return [m.group(1) or "" for m in headers]


def holds_count(text: str) -> bool:
    """Whether ``text`` holds a figure that counts something (see ``_COUNT_FIGURE``), or is a table that counts."""
    if _COUNT_WORDS.search(text) or _table_counts(text):
        return True
    for match in _COUNT_FIGURE.finditer(text):
        number, counted = match.group(1), (match.group(2) or "").lower()
        if number[0].isdigit() and float(number.replace(".", "").replace(",", ".")) > LARGE_COUNT:
            return True
        if counted in ("%", "pct", "procent", "ud af", "pr.") or (len(counted) > 2 and counted not in STOP):
            return True
    return False


def counts_asked(text: str, detail: AskedDetail) -> bool:
    """Whether ``text`` counts the very thing a count question names: "fire til otte familier" for "hvor mange
    familier", not "ca. 12 uger" (which :func:`holds_count` accepts, since answers may count by paraphrase).
    The counted word may be inflected or end a compound ("plejefamilier" for "familier")."""
    if detail.kind != "count" or not detail.counted:
        return False
    asked = stem(detail.counted.split()[-1].lower())
    nouns = [match.group(2) or "" for match in _COUNT_FIGURE.finditer(text)]
    nouns += [noun for pair in _SHARE_OF.findall(text) for noun in pair]
    nouns += _table_counts(text)
    stems = [stem(noun.lower()) for noun in nouns if noun]
    return any(counted.endswith(asked) or (len(counted) >= MIN_COUNTED_STEM and asked.startswith(counted)) for counted in stems)


# A Markdown table row with a figure in a cell of its own ("| 2022 | 7 |").
_FIGURE_CELL = re.compile(r"\|\s*\d[\d.,]*\s*(?:\||$)", re.MULTILINE)


# A figure right before what it counts, or a share of it: "500 pluspladser", "42 procent af kommunerne"; not
# "CASE #16 Familiestuen".
_FIGURE_BEFORE = r"(?<![#\w.,])\d[\d.,]*(?:\s*(?:%|pct\.?|procent)\s+af)?\s+(?:de\s+|alle\s+)?"


def counts_right_there(sentence: str, detail: AskedDetail) -> bool:
    """Whether ``sentence`` counts the asked thing with the figure right before its words ("Der er 500
    pluspladser", "i alt 40 familier", "42 procent af kommunerne"): a figure elsewhere in the sentence may count
    something else ("… på i alt 29 skoler" for "Hvor mange socialrådgivere …?"), and "57.100 børn og unge" with
    a psychiatric diagnosis are no count of "udsatte børn"."""
    counted = _counted_phrase(detail)
    return counted is not None and re.search(rf"{_FIGURE_BEFORE}{counted}", sentence.lower()) is not None


def table_counts_asked(text: str, detail: AskedDetail) -> bool:
    """Whether ``text`` is a Markdown table (or a title and the table under it) whose title or header counts the
    very thing a count question names, all its words ("Antal elever tilbageført …" for "hvor mange elever"),
    with a figure in a cell of a row."""
    counted = _counted_phrase(detail)
    if counted is None:
        return False
    head = "\n".join(text.splitlines()[:2]).lower()
    return re.search(rf"\bantal(?:let)?\s+(?:af\s+)?{counted}", head) is not None and _FIGURE_CELL.search(text) is not None


def _counted_phrase(detail: AskedDetail) -> str | None:
    """A pattern for every word of what a count question counts, each inflected as it may be ("udsatte børn" ->
    "udsat\\w*\\s+børn\\w*"); None when no count of a named thing is asked."""
    if detail.kind != "count" or not detail.counted:
        return None
    return r"\s+".join(rf"{re.escape(stem(word))}\w*" for word in detail.counted.lower().split())


@lru_cache(maxsize=1)
def detail_terms() -> frozenset[str]:
    """The terms of the words that ask for a detail rather than name the topic ("koster", "timer", "året")."""
    return frozenset(content_terms(_DETAIL_WORDING))


# Months as reports abbreviate them ("højst to mdr.", "de lovpligtige fire mdr."). Only for what a lead-in
# says the documents lack: as evidence of an answer, Varde's "to mdr." answered a question about case work
# times nationally, which the documents do not give.
_MONTHS_ABBREVIATED = re.compile(rf"(?:{_NUMBER}|\b(?:{_FIGURE_WORDS}))\s*mdr\b", re.IGNORECASE)


# A sum in kroner, written out: "2,5 mio. kr.", "100.000 kr.", "348,5 millioner kroner".
_KRONER = re.compile(r"\d[\d.,]*\s*(?:(?:mio|mia)\.?|millioner|milliarder)?\s*(?:kr\b|kroner\b)", re.IGNORECASE)


def quotes_detail(text: str, detail: AskedDetail) -> bool:
    """Whether ``text`` states the period ``detail`` asks for, abbreviated months too (see
    :func:`holds_detail`), the sum in kroner beside the word for what is asked of it (a price, a saving), or a
    share in per cent ("Segregering 16%": "nævner ikke andelen" had stood above it); False for a count, or a share
    in words, whose figure may count something else ("2-6 år og deres familier", "to ud af tre år")."""
    if detail.kind == "share":
        return bool(written_shares(text))
    if detail.kind == "money":
        named = _SUM_WORDS.get(detail.wording)  # "spares 500.000 kr. pr. forløb" is no price of a place
        return _KRONER.search(text) is not None and (named is None or re.search(named, text, re.IGNORECASE) is not None)
    if detail.kind != "period":
        return False
    months = not detail.counted or detail.counted.startswith("måned")
    return holds_detail(text, detail) or (months and _MONTHS_ABBREVIATED.search(text) is not None)


def _per_held(text: str, per: str) -> bool:
    """Whether ``text`` gives a figure per ``per``: "pr. barn", "om året", "hver uge", or the adjective of a span of the
    calendar ("ugentligt", "årlig")."""
    rate = rf"\b(?:pr\.?|per|om|hver)\s+(?:\w+\s+){{0,2}}{re.escape(stem(per))}"
    calendar = rf"\b{re.escape(per)}\w*lig" if per in _CALENDAR_RATES.values() else None
    return re.search(rate, text, re.I) is not None or (calendar is not None and re.search(calendar, text, re.I) is not None)


def _measured_held(text: str, measured: str) -> bool:
    """Whether ``text`` speaks of the time a question names (``measured``, "vente"): a word that begins with its stem
    ("venter", "ventelisten") or a compound of its time ("gennemsnitsventetiden"); not a word that only holds the letters
    ("forventet", "eventuelt")."""
    root = re.escape(stem(measured))
    return re.search(rf"\b{root}|\b\w*{root}\w*tid", text, re.IGNORECASE) is not None


def holds_detail(text: str, detail: AskedDetail | None) -> bool:
    """Whether ``text`` holds a figure of the kind asked for (always True when none is asked).

    A count is a figure that counts something (:func:`holds_count`), not a year or a point on a scale;
    it need not name the counted thing, since answers count by paraphrase ("43 pct. af 30-årige, som har
    været anbragt" for "hvor mange tidligere anbragte")."""
    if detail is None:
        return True
    if detail.per and not _per_held(text, detail.per):
        return False
    if detail.limit and not _LIMIT_HELD.search(text):
        return False
    if detail.relative:
        return bool(_RELATIVE_HELD[detail.relative].search(text))
    if detail.validity and not _VALIDITY_HELD.search(text):
        return False
    if detail.measured and not _measured_held(text, detail.measured):
        return False
    if detail.kind == "count":
        return holds_count(text)
    if detail.kind == "period" and _table_period(text):
        return True
    shape = _COUNTED_PERIOD if detail.kind == "period" and detail.counted else _DETAIL_SHAPES[detail.kind]
    return bool(shape.search(_DENOMINATION.sub(" ", text) if detail.kind == "money" else text))


# A table column of a period's units: "Timer 2024", "Antal uger", "Måneder".
_PERIOD_HEADER = re.compile(rf"\b{_TIME_UNITS}\b", re.IGNORECASE)


def _table_period(text: str) -> bool:
    """Whether ``text`` is a table (its header row first) with a figure under a column of a period's units: the
    row "Syd | 280 | 300" under "Område | Timer 2023 | Timer 2024 | Ansvarlig" gives hours, though no cell
    says "timer" beside its figure."""
    lines = [line for line in text.splitlines() if is_table_row(line)]  # its title (a passage's headings) aside
    if not lines:
        return False
    columns = [n for n, cell in enumerate(table_cells(lines[0])) if _PERIOD_HEADER.search(cell)]
    cells = [table_cells(row) for row in lines[1:]]
    return any(n < len(row) and _ROW_FIGURE.fullmatch(row[n]) for row in cells for n in columns)
