"""The PLOVER ontology (manual draft 2.0, 2024): the 16 event types, their modes, the general contexts and the
trigger lexicons claimtrace uses to find and code event predicates.

The lexicons are written from the manual's category definitions and the CAMEO→PLOVER crosswalk; the trained
classifier (analyze/events.py) reads them as features and decides the type in context.
"""

from __future__ import annotations

EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

# Older roots found in PLOVER-coded corpora, mapped to today's types. YIELD was split into CONCEDE (verbal)
# and RETREAT (material); scoring against YIELD-labelled data maps both back.
LEGACY_ROOTS: dict[str, tuple[str, ...]] = {
    "YIELD": ("CONCEDE", "RETREAT"),
    "DEMAND": ("REQUEST",),
    "DISAPPROVE": ("ACCUSE",),
    "INVESTIGATE": ("ACCUSE",),
    "FIGHT": ("ASSAULT",),
}


def legacy_root(event_type: str) -> str:
    """The 15-root label (YIELD for CONCEDE and RETREAT) used by PLV-style gold data."""
    return "YIELD" if event_type in ("CONCEDE", "RETREAT") else event_type


def current_type(label: str) -> tuple[str, ...]:
    """Today's type(s) for a gold label that may use a legacy root."""
    return LEGACY_ROOTS.get(label, (label,))


# Modes per type (manual chapter 3 tables). Types without a table have none.
MODES: dict[str, tuple[str, ...]] = {
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": ("seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"),
    "ASSAULT": ("abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional"),
}  # fmt: skip

# General contexts (manual table 2.1), spelled as in the manual's machine-readable names.
CONTEXTS: tuple[str, ...] = (
    "military", "intelligence", "executive", "legislative", "election", "political_institutions",
    "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights", "rights_freedoms",
    "repression", "human_security", "gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic",
    "territory", "peacekeeping", "health", "asylum", "migration", "disasters", "natural_resource",
    "environment", "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime", "corruption",
    "illegal_drugs", "trafficking",
)  # fmt: skip

# Types whose future or intended occurrence PLOVER codes as AGREE (manual 3.1); RETREAT announced for the
# future is coded CONCEDE (manual 3.4, 3.7).
COOPERATIVE_ACTIONS = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})


def _entries(table: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Invert {label: "word word_pair …"} into {word: labels}; "_" joins the words of a multiword entry
    (a verb and its particle or preposition: "call_for" → "call for"). A word may carry several labels."""
    out: dict[str, tuple[str, ...]] = {}
    for label, words in table.items():
        for word in words.split():
            key = word.replace("_", " ")
            out[key] = (*out.get(key, ()), label)
    return out


# Verb lemmas (and multiword verbs, underscore-joined here) that typically express each type.
VERB_LEXICON: dict[str, tuple[str, ...]] = _entries({
    "AGREE": "agree promise pledge vow swear offer commit propose undertake volunteer",
    "CONSULT": "call_on attend join host meet visit host consult discuss negotiate confer telephone phone "
               "talk travel "
               "receive tour mediate",
    "SUPPORT": "establish reach reiterate condole support praise endorse commend applaud hail welcome back "
               "defend recognize recognise "
               "sign ratify thank congratulate apologize apologise forgive approve reaffirm laud "
               "salute appreciate normalize normalise",
    "CONCEDE": "quash repeal rescind overturn reinstate back_down revoke reverse drop lift "
               "concede pardon acquit amnesty ease relax lift regret yield accede "
               "compromise grant allow permit exonerate",
    "COOPERATE": "cooperate collaborate extradite share exchange trade partner coordinate",
    "AID": "award loan contribute train airlift aid donate provide supply give fund finance lend deliver "
           "rescue shelter assist send "
           "contribute evacuate feed",
    "RETREAT": "release free withdraw retreat resign surrender disarm demobilize demobilise return "
               "repatriate evacuate pull_out step_down hand_over cede quit abandon",
    "REQUEST": "order request demand urge call_for call_on ask appeal seek order press plead petition push "
               "insist implore summon require invite pressure pressurize",
    "ACCUSE": "summon challenge dispute spy accuse condemn criticize criticise denounce blame allege "
              "charge sue indict investigate "
              "probe decry slam deplore censure complain disapprove question "
              "prosecute convict rebuke lambaste fault castigate",
    "REJECT": "refute fail reject refuse deny decline dismiss veto oppose rebuff spurn defy "
              "snub turn_down disregard resist ignore block",
    "THREATEN": "threaten warn menace ultimatum",
    "PROTEST": "protest demonstrate rally march strike riot picket boycott obstruct blockade "
               "vandalize vandalise gather",
    "SANCTION": "sanction suspend cut reduce expel recall sever break_off halt terminate cancel "
                "freeze downgrade discontinue",
    "MOBILIZE": "exercise drill mobilize mobilise deploy mass station patrol alert reinforce muster",
    "COERCE": "outlaw apprehend demolish order prohibit shut close expel arrest detain seize confiscate "
              "raid impose ban censor deport jail imprison "
              "restrict curb crack_down restrain besiege occupy intimidate "
              "force evict expropriate nationalize nationalise blockade hack",
    "ASSAULT": "hit violate capture overrun displace retaliate storm attack kill bomb shell strike shoot "
               "assassinate murder kidnap abduct hijack torture "
               "beat rape massacre fight clash invade bombard ambush execute wound injure "
               "destroy burn storm fire stab behead slaughter",
})  # fmt: skip

# Eventive nouns: a noun trigger ("the talks", "a ceasefire", "air strikes").
NOUN_LEXICON: dict[str, tuple[str, ...]] = _entries({
    "AGREE": "agreement accord pledge promise offer commitment deal",
    "CONSULT": "talk talks meeting summit visit negotiation negotiations consultation discussion "
               "conference dialogue call mediation",
    "SUPPORT": "deal agreement accord treaty solidarity condolence congratulations support praise "
               "endorsement recognition apology ratification",
    "CONCEDE": "concession pardon amnesty acquittal",
    "COOPERATE": "war_game cooperation collaboration extradition exercise partnership",
    "AID": "refuge aid assistance donation relief loan grant asylum",
    "RETREAT": "ceasefire cease-fire withdrawal release retreat resignation surrender disarmament "
               "pullout repatriation",
    "REQUEST": "demand request appeal call plea",
    "ACCUSE": "concern verdict conviction accusation allegation charge criticism condemnation lawsuit suit "
              "investigation probe "
              "complaint indictment inquiry",
    "REJECT": "rejection refusal veto denial",
    "THREATEN": "threat warning ultimatum",
    "PROTEST": "protest demonstration rally march strike riot boycott blockade sit-in",
    "SANCTION": "sanction sanctions embargo expulsion suspension",
    "MOBILIZE": "alert exercise drill maneuver manoeuvre mobilization mobilisation deployment buildup "
                "build-up",
    "COERCE": "warrant siege martial_law emergency lockdown arrest detention raid crackdown curfew ban "
              "seizure deportation censorship restriction restrictions",
    "ASSAULT": "attack airstrike air_strike strike bombing shelling assault offensive killing massacre "
               "invasion clash clashes fighting ambush assassination kidnapping abduction shooting "
               "war battle hostilities explosion execution",
})  # fmt: skip

# Verbs that end a measure: applied to a coercive measure or a sanction they make a CONCEDE ("lifted the
# curfew", "cancelled the restrictions", "eased sanctions").
REMOVAL_VERBS = frozenset({
    "lift", "ease", "cancel", "end", "remove", "scrap", "revoke", "rescind", "relax", "repeal", "suspend",
    "loosen", "waive", "drop", "shorten",
})  # fmt: skip

# Verbs that stop a protest: applied to one ("police prevented the demonstration", "broke up the rally",
# "banned the march") they make the state's COERCE (manual 3.15, mode restrict), not the protest itself.
SUPPRESSION_VERBS = frozenset({
    "prevent", "stop", "ban", "prohibit", "outlaw", "forbid", "break_up", "crush", "suppress", "quell",
    "halt", "thwart", "foil", "bar", "disrupt",
})  # fmt: skip

# Verbs that deliver a formal complaint: with a protest or complaint for object ("lodged an official protest
# with Albania", "filed a complaint against the referee") they make an ACCUSE (manual 3.9, mode disapprove),
# the diplomatic protest, not a demonstration.
COMPLAINT_VERBS = frozenset(
    {"lodge", "file", "register", "deliver", "submit", "issue", "send", "hand", "voice"}
)
COMPLAINT_NOUNS = frozenset({"protest", "complaint", "grievance", "objection", "remonstrance"})

# Verbs that put a measure in force: applied to a coercive measure ("reimposed blockades", "imposed a
# curfew", "declared a state of emergency") the act is a COERCE (manual 3.15), whatever the sentence's
# violence suggests.
IMPOSITION_VERBS = frozenset({
    "impose", "reimpose", "re-impose", "enforce", "declare", "introduce", "extend", "tighten", "reinstate",
    "order",
})  # fmt: skip
# Measures the noun lexicon does not mark COERCE (a blockade by demonstrators is a PROTEST) that are the
# state's restriction once imposed.
IMPOSED_MEASURES = frozenset({"blockade", "cordon", "closure", "quarantine", "siege"})

# Verbs that add to armed forces: with troops, forces or weapons for object ("strengthened its forces in
# Lebanon", "boosted its troops on the border", "beefed up security forces") the act is a MOBILIZE (manual
# 3.14); the objects are MODE_CUES["MOBILIZE"]'s troop, weapon, police and militia words.
BUILDUP_VERBS = frozenset({
    "strengthen", "reinforce", "bolster", "boost", "beef", "increase", "double", "triple", "build", "mass",
    "amass", "expand", "augment", "swell",
})  # fmt: skip

# What aid is made of: handing over, giving or delivering these ("handed over 700 kg of medicine") is AID
# (manual 3.6), not RETREAT's handing over of territory or prisoners; evacuating the hurt and the helpless
# ("evacuated the wounded") is AID's rescue, evacuating troops or diplomats a RETREAT.
AID_GOODS = frozenset({
    "aid", "medicine", "medicines", "medication", "drug", "vaccine", "food", "grain", "flour", "rice",
    "wheat", "water", "supply", "supplies", "tent", "blanket", "fuel", "relief", "assistance", "equipment",
    "clothing", "shelter", "money", "fund", "funds", "donation", "ton", "tonne", "kg", "kilogram",
})  # fmt: skip
HANDOVER_VERBS = frozenset({"hand", "turn", "transfer", "deliver", "give", "send", "ship", "return"})
# Granting what the noun lexicon calls aid ("granted diplomatic asylum to five officers", "gave a loan") is
# AID, not the CONCEDE of "grant" alone.
GRANTING_VERBS = frozenset({"grant", "give", "extend", "award", "accord"})
# Raising diplomatic relations ("upgraded their diplomatic ties to ambassadorial level", "restored relations")
# is SUPPORT's diplomatic cooperation (CAMEO 05), whatever the sentence's other words suggest; cutting
# them is SANCTION's (the verb lexicon's "sever", "downgrade").
RELATIONS_UP_VERBS = frozenset(
    {"upgrade", "restore", "normalize", "normalise", "establish", "resume", "renew"}
)
RELATIONS_NOUNS = frozenset({"tie", "ties", "relation", "relations", "relationship"})
# Sharing what intelligence work is made of ("shared evidence with the U.S.", "has been sharing expertise with
# the Tigers") is COOPERATE's intelligence and know-how exchange (the verb lexicon's "share", "exchange").
SHARING_VERBS = frozenset({"share", "exchange", "pool", "swap"})
INFORMATION_NOUNS = frozenset({
    "intelligence", "information", "evidence", "data", "expertise", "technology", "know-how", "knowledge",
    "experience", "file", "document", "finding", "secret", "detail", "record",
})  # fmt: skip
# Mediating is CONSULT's third-party mode (manual 3.2): "undertook a mediation mission between Syria and
# Arafat", "mediated between the parties" (an offer to mediate is still an AGREE, a demand a REQUEST).
MEDIATION_WORDS = frozenset({"mediate", "mediation", "mediator"})
# Verbs that carry an act out, as "undertook a mediation mission" carries out the mediation; other verbs with
# a mediation for object are acts of their own ("opposed French mediation" is a REJECT).
CONDUCTING_VERBS = frozenset({
    "undertake", "conduct", "launch", "lead", "begin", "start", "continue", "carry", "pursue", "head",
    "resume", "step",
})  # fmt: skip
EVACUATED_PEOPLE = frozenset({
    "wounded", "injured", "sick", "civilian", "refugee", "child", "woman", "resident", "survivor", "victim",
    "patient", "elderly", "villager", "family", "people", "casualty",
})  # fmt: skip

# Verbs that call an act off: promising one of a protest or an attack ("agreed to postpone the
# demonstration", "agreed to call off the strike") is an AGREE, not the THREATEN of a promised protest.
CALLING_OFF_VERBS = frozenset({
    "postpone", "delay", "defer", "call_off", "halt", "stop", "abandon", "cease", "end", "suspend", "cancel",
    "scrap", "drop", "lift", "reschedule",
})  # fmt: skip

# Blocking a way ("blocked roads", "barricaded the bridge") is PROTEST's obstruction (manual 3.12) when the
# people do it, and COERCE's restriction of movement when the state does (`STATE_SECTORS`); "blocked the
# resolution" stays a REJECT.
OBSTRUCTION_VERBS = frozenset({"block", "barricade", "obstruct", "blockade"})
WAY_NOUNS = frozenset({
    "road", "street", "highway", "motorway", "bridge", "traffic", "transport", "railway", "rail", "track",
    "route", "junction", "intersection", "crossing", "entrance", "avenue", "port", "runway", "access",
})  # fmt: skip
STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})

# Sending people to investigate ("sent a team of experts to investigate the crash", "dispatched inspectors to
# monitor the plant") is the investigation, ACCUSE's mode investigate (CAMEO's INVESTIGATE), not aid.
SENDING_VERBS = frozenset({"send", "dispatch"})
INVESTIGATION_VERBS = frozenset({"investigate", "probe", "examine", "inspect", "monitor", "verify"})

# Predicates that govern another predicate and mark it as intended or planned rather than done
# ("plans to attack", "is willing to talk"). "agree/promise/offer" are AGREE events themselves.
INTENT_GOVERNORS = frozenset({
    "plan", "intend", "want", "seek", "aim", "hope", "wish", "prepare", "expect", "mean",
    "look", "consider", "mull", "weigh", "willing", "ready", "eager", "keen", "prepared",
    "determined", "set", "poised", "desire", "contemplate",
})  # fmt: skip

# Governors that pass their complement through unchanged in factuality (aspectual verbs): the complement
# stays the event ("began shelling", "continued to fight"); an attempt is coded as the act ("attempted to
# assassinate" is an ASSAULT).
ASPECTUAL_GOVERNORS = frozenset(
    {"begin", "start", "continue", "resume", "keep", "go", "stop", "cease", "finish", "try", "attempt"}
)

# Verbs that never code a PLOVER event on their own: copulas and plain statement verbs (PLOVER dropped CAMEO's
# "make public statement"). Other verbs are candidates and the classifier decides.
NON_EVENT_VERBS = frozenset({
    "be", "have", "do", "say", "tell", "add", "note", "write", "quote", "cite", "explain", "think",
    "believe", "know", "seem", "appear", "become", "mention", "describe", "tweet", "post",
})  # fmt: skip

# THREATEN's mode from the type of the act threatened, where no cue word names it.
THREAT_MODES: dict[str, str] = {"ASSAULT": "violence", "SANCTION": "relations", "PROTEST": "restrict",
                                "COERCE": "restrict"}  # fmt: skip

# Mode cues per type: a lemma in the trigger or its arguments that selects the mode.
MODE_CUES: dict[str, dict[str, tuple[str, ...]]] = {
    "CONSULT": _entries({"visit": "visit tour travel arrive trip", "phone": "phone telephone call video "
                         "videoconference", "multilateral": "summit conference nato un g7 g20 asean "
                         "forum assembly council", "third-party": "host mediate mediation"}),
    "RETREAT": _entries({"withdraw": "withdraw withdrawal retreat pull pullout leave",
                         "release": "release free hostage prisoner captive detainee",
                         "disarm": "disarm disarmament weapon demobilize surrender",
                         "ceasefire": "ceasefire cease-fire truce",
                         "access": "access allow inspector observer peacekeeper",
                         "resign": "resign resignation step quit"}),
    "REQUEST": _entries({"assist": "aid help assistance support cooperation", "change": "resign reform "
                         "change dismissal step", "yield": "release ceasefire withdraw lift end halt free",
                         "meet": "talk talks meeting negotiation negotiate meet dialogue"}),
    "REJECT": _entries({"assist": "aid help assistance support cooperation", "change": "resign reform "
                        "change step", "yield": "release ceasefire withdraw lift disarm free",
                        "meet": "talk talks meeting negotiation negotiate meet dialogue proposal plan"}),
    "ACCUSE": _entries({"disapprove": "condemn criticize criticise denounce decry deplore slam complain "
                        "disapprove rebuke censure complaint protest objection", "investigate":
                        "investigate probe investigation inquiry examine inspect inspector monitor verify",
                        "allege": "accuse allege charge "
                        "sue indict lawsuit prosecute accusation allegation"}),
    "THREATEN": _entries({"restrict": "blockade boycott curfew embargo ban restrict sanction",
                          "arrest": "arrest detain jail imprison", "relations": "relations talks "
                          "negotiation suspend cut sever", "expel": "expel expulsion", "territory":
                          "occupy seize annex invade territory", "violence": "attack strike kill force war "
                          "retaliate retaliation bomb destroy military"}),
    "PROTEST": _entries({"demo": "demonstrate demonstration rally march protest gather", "riot": "riot "
                         "clash violent loot", "strike": "strike walkout", "hunger": "hunger",
                         "boycott": "boycott", "obstruct": "block blockade obstruct barricade sit-in",
                         "vandalize": "vandalize vandalise deface"}),
    "SANCTION": _entries({"convict": "convict sentence guilty fine", "expel": "expel expulsion oust",
                          "withdraw": "withdraw recall pull", "discontinue": "suspend cut halt freeze "
                          "sanction sanctions embargo terminate sever reduce"}),
    "MOBILIZE": _entries({"troops": "troop troops soldier army force forces battalion brigade",
                          "weapons": "missile warship ship tank jet aircraft weapon carrier artillery",
                          "police": "police riot-police gendarmerie", "militia": "militia fighter "
                          "rebel insurgent"}),
    "COERCE": _entries({"seize": "seize confiscate raid search expropriate nationalize", "restrict":
                        "restrict blockade cordon close ban restriction prevent suppress quell thwart",
                        "censor": "censor censorship",
                        "curfew": "curfew", "martial-law": "emergency martial", "arrest": "arrest detain "
                        "jail imprison custody detention", "deport": "deport expel deportation",
                        "withhold": "withhold shut cut", "cyber": "hack cyberattack hacker"}),
    "ASSAULT": _entries({"abduct": "kidnap abduct hijack abduction kidnapping hostage", "beat": "beat "
                         "punch kick", "torture": "torture", "sexual": "rape sexual", "targeted":
                         "assassinate assassination execute execution", "destroy": "destroy demolish "
                         "raze", "primitive": "knife machete stab burn arson", "firearms": "shoot gun "
                         "gunfire rifle gunman gunmen shooting", "explosives": "bomb bombing explosive "
                         "ied mine blast explosion", "suicide-attack": "suicide", "aerial": "airstrike "
                         "air raid jet helicopter aerial", "drone": "drone", "heavy-weapons":
                         "shell shelling artillery rocket tank mortar missile", "crowd-control": "tear "
                         "teargas cannon baton", "unconventional": "chemical nuclear biological"}),
}  # fmt: skip

# Context keywords (lemmas, lower-cased) for the general contexts, read from the event's sentence.
CONTEXT_CUES: dict[str, tuple[str, ...]] = _entries({
    "military": "military army navy troop troops soldier air_force marine defense defence armed_forces",
    "intelligence": "intelligence spy espionage cia mi6 fsb mossad",
    "executive": "president prime_minister cabinet minister administration premier king",
    "legislative": "parliament congress senate legislature lawmaker mp bill legislation",
    "election": "election vote ballot campaign poll candidate electoral",
    "economic": "economy economic trade tariff finance financial investment gdp inflation bank export "
                "import market",
    "legal": "court judge law legal lawsuit trial tribunal prosecutor",
    "human_rights": "human_rights",
    "rights_freedoms": "freedom liberty rights press_freedom",
    "repression": "crackdown repression",
    "health": "health disease virus pandemic epidemic covid vaccine hospital",
    "migration": "refugee migrant migration displaced asylum-seeker immigration",
    "asylum": "asylum",
    "disasters": "earthquake flood hurricane cyclone drought disaster tsunami",
    "environment": "climate pollution environment environmental emission",
    "natural_resource": "oil gas coal mining mineral",
    "terrorism": "terrorist terrorism terror militant jihadist",
    "cbrn": "nuclear chemical_weapon chemical biological radiological uranium",
    "cyber": "cyber cyberattack hacker hack",
    "misinformation": "disinformation misinformation propaganda fake_news",
    "crime": "crime criminal theft murder gang",
    "corruption": "corruption bribery bribe embezzlement graft",
    "illegal_drugs": "drug narcotic cocaine heroin cartel",
    "trafficking": "trafficking smuggling smuggler trafficker",
    "diplomatic": "diplomat diplomatic embassy ambassador envoy foreign_minister",
    "peacekeeping": "peacekeeper peacekeeping",
    "territory": "territory border annex annexation sovereignty",
    "gender": "women woman gender abortion",
    "religion_ethnicity": "muslim christian jewish ethnic religious church mosque",
})  # fmt: skip
