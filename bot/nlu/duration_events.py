"""Durations that time something other than the pain.

Another event (an operation, a cancer, a birth, a treatment's relief: "had surgery 2 years ago")
or the patient's own symptom or treatment ("wet myself since Tuesday", "physio for a month");
the words are in vocab/duration_events.yml.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Collection, Sequence

import yaml

EVENTS_VOCAB = Path(__file__).parent / "vocab" / "duration_events.yml"
_CLAUSE_SPLIT = re.compile(  # "and" only before a new subject: "... ago and my back ..."
    r"[,;.!?()\n\U0001F300-\U0001FAFF\u2600-\u27BF]|\s[-–]\s|\b(?:but|now|however|although|though)\b"
    r"|\b(?:and|so)\b(?=\s+(?:my|i|i'm|i've|it|it's|its|the|this|now|since|ever)\b)", re.I)
# ("so" too: "it came back 8 months after the surgery so it has been over 3 years now")


_BARE_DURATION = re.compile(r"\b(?:so|that\s+was|it\s+was|this\s+was|which\s+was|about|around|roughly|nearly|almost|just|over|now|already|maybe|probably"
                            r"|perhaps|like|approx|approximately|for|or\s+so|only|i\s+think"
                            # Spanish ("..., me ayudaron un poco, como dos semanas")
                            r"|como|unos|unas|creo\s+que|m[aá]s\s+o\s+menos|casi|s[oó]lo|nada\s+m[aá]s|na'?\s+m[aá]s)\b", re.I)


# a clause whose subject is someone else: "my husband has ...", "she's had ...", "his ..."
_OTHER_SUBJECT = re.compile(
    r"\s*(?:and\s+|but\s+|so\s+|also\s+)?(?:(?:my|our)\s+(?:[\w'’]+\s+){0,2}?(?:mum|mom|mother|dad|father"
    r"|husband|wife|partner|son|daughter|brother|sister|boyfriend|girlfriend|grandson|granddaughter"
    r"|grandma|grandmother|grandpa|grandfather|nan|aunt|uncle|friend|neighbou?r|colleague|boss"
    r"|kids?|children|child|baby)(?:'s|’s)?|(?:he|she|they)(?:'s|’s|\s+has|\s+have|\s+is|\s+was)?|his|her)\b",
    re.I)
# ... in Spanish, only beside the writer's own pain told apart ("mi esposo tiene dolor de espalda
# hace 10 años, el mío empezó hace 2 semanas"): a relative named first is often the patient
# someone types for ("mi abuelo tiene ese dolor desde hace 20 años")
_RELATIVE_ES = re.compile(
    r"\s*(?:y\s+|pero\s+|a\s+)?(?:mi|nuestr[oa])\s+(?:esposo|esposa|marido|mujer|hij[oa]|madre|mam[aá]|padre|pap[aá]"
    r"|herman[oa]|abuel(?:it)?[oa]|novi[oa]|amig[oa]|vecin[oa]|suegr[oa]|t[ií][oa]|niet[oa]|cuñad[oa]|compañer[oa])\b", re.I)


# the patient's own pain told by a pronoun: "my husband has had it for years, mine started last week"
_OWN_PAIN = re.compile(r"\b(?:mine|my\s+own|(?:la|el|lo)\s+m[ií][ao])\b", re.I)


_SINCE_A_POINT = re.compile(r"since\s+(?!then\b|that\b|it\b|this\b|the\b|my\b|i\b|i'|its?\b)\w", re.I)


class OtherEvents:
    """Tells whether a duration dates another event (an operation, a cancer, a birth)
    rather than the pain, from the clause it stands in and the clause after it."""

    def __init__(self, path: Path = EVENTS_VOCAB):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        unknown = set(data) - {"other_events", "pain_onset", "linked_after", "relief", "treatments",
                               "clause_split", "past_episode", "change", "resolved", "recurrence",
                               "current_episode", "spreads_to", "before_the_pain"}
        if unknown:
            raise ValueError(f"{path.name}: unknown keys {sorted(unknown)}")
        # where a clause ends, for another language than English's "but", "now", "and my"
        self._clause_split = (re.compile(data["clause_split"], re.I) if data.get("clause_split")
                              else _CLAUSE_SPLIT)
        # body parts the spine's own pain spreads into: their time is the pain's ("arm pain x 6 weeks")
        self.spreads_to = frozenset(data.get("spreads_to") or ())

        def words(key: str) -> re.Pattern:
            phrases = data.get(key) or []
            if not phrases or not all(isinstance(p, str) for p in phrases):
                raise ValueError(f"{path.name}: {key} must be a list of quoted patterns")
            return re.compile(r"\b(?:%s)\b" % "|".join(f"(?:{p})" for p in phrases), re.I)

        self._event, self._pain, self._linked = (
            words("other_events"), words("pain_onset"), words("linked_after"))
        self._relief, self._treatment = words("relief"), words("treatments")
        self._past = words("past_episode") if data.get("past_episode") else None
        self._change = words("change") if data.get("change") else None
        self._resolved = words("resolved") if data.get("resolved") else None
        self._recurrence = words("recurrence") if data.get("recurrence") else None
        self._current = words("current_episode") if data.get("current_episode") else None
        self._before_pain = words("before_the_pain") if data.get("before_the_pain") else None

    def before_a_new_episode(self, text: str, mention, later: Sequence) -> bool:
        """Whether `mention` times an episode that ended or came before the one a `later`
        mention times: between them the patient says it came back or is new, or that the first
        was over ("hurt my neck 20 years ago, ... aching again this last fortnight", "did my
        back in 15 years ago and that cleared up fine. this started in September"); not when
        the later one tells a change ("for years, worse again these 2 weeks"). A later time
        said of the episode now, named as one ("on and off for years, this flare 10 days"), is
        the pain's whatever came before: the triage asks how long this episode has lasted."""
        if self._current and any(other.start >= mention.end and self._current.search(
                text, max(mention.end, other.start - 80), other.end) for other in later):
            return True
        if _ON_AND_OFF.search(text[max(0, mention.start - 40):mention.end + 40]):
            return False  # "off and on for decades, bad again for the last month": one long course
        for other in later:
            if other.start < mention.end:
                continue
            gap = text[mention.end:other.start]
            told = ((self._recurrence and self._recurrence.search(gap))
                    or (self._resolved and self._resolved.search(gap)))
            if told and not self.tells_a_change(text, other.start):
                return True
        return False

    def tells_a_change(self, text: str, start: int) -> bool:
        """Whether the duration at `start` stands in a clause that tells how the pain changed
        ("worse this past month", "in the last few weeks it's started going down my leg")."""
        clause = next(((a, b) for a, b in self.clauses(text) if a <= start < b), None)
        return bool(self._change and clause and self._change.search(text[clause[0]:clause[1]]))

    def past_episode(self, text: str, start: int) -> bool:
        """Whether the duration at `start` stands in a clause that tells of an earlier episode
        ("ya había tenido el mismo dolor hace años", "I'd had the same pain years ago")."""
        clause = next(((a, b) for a, b in self.clauses(text) if a <= start < b), None)
        return bool(self._past and clause and self._past.search(text[clause[0]:clause[1]]))

    def someone_elses(self, text: str, start: int, mentions: Sequence) -> bool:
        """Whether the duration at `start` stands in a clause about another person only: a
        mention there is someone else's ("my mother has had her hip pain since Easter") or
        the clause opens on a relative or "he"/"she", and none there is the patient's."""
        clause = next(((a, b) for a, b in self.clauses(text) if a <= start < b), None)
        if clause is None:
            return False
        a, b = clause
        # where the writer then tells their own pain apart ("my husband has had back pain for
        # 10 years, mine started 2 weeks ago"), a place of pain before is the other person's
        own = bool(_OWN_PAIN.search(text, b))
        inside = [m for m in mentions if m.start < b and m.end > a and not (own and m.label == "pain_location")]
        if any(m.experiencer == "patient" for m in inside):
            return False
        return (any(m.experiencer == "other" for m in inside) or bool(_OTHER_SUBJECT.match(text, a))
                or (own and bool(_RELATIVE_ES.match(text, a))))

    def clauses(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each clause of `text`, without its separators."""
        cuts = [0, *(p for m in self._clause_split.finditer(text) for p in (m.start(), m.end())),
                len(text)]
        return list(zip(cuts[::2], cuts[1::2]))

    def dates_other_event(self, text: str, start: int, end: int) -> bool:
        if after_a_turning_point(text, start):
            return False  # "a discectomy in 2018 and good as gold till six weeks ago": the pain's start
        if self._before_pain and self._before_pain.match(re.sub(r"^[\s,;:-]+", "", text[end:end + 80])):
            return True  # "that's been going on for years, since before the back pain"
        bounds = self.clauses(text)
        index = next((i for i, (a, b) in enumerate(bounds) if a <= start < b), None)
        if index is None:
            return False
        a, b = bounds[index]
        if index and not _BARE_DURATION.sub("", text[a:b].replace(text[start:end], "")).strip():
            # "I'm pregnant, 20 weeks": a bare time tells the clause before (across the empty
            # one between a comma and "but": "..., but that was 6 years ago")
            j = index - 1
            while j and not text[bounds[j][0]:bounds[j][1]].strip(" ,"):
                j -= 1
            a = bounds[j][0]
        clause = text[a:max(b, end)]
        # "the injections helped for 3 months", "an ESI, relief for 10 days": the relief's
        # length (the treatment before the duration, in its clause or the one before)
        # ("cortisone injections into the facet joints, helped maybe half, for a month or so":
        # the treatment anywhere before it in its sentence,
        # or in the sentence before: "epidural, 2 times. First time help very good, one year")
        sentence = ([0] + [m.end() for m in re.finditer(r"[.!?\n]", text[:a]) if m.end() < a - 2])[-2:][0]
        lead = text[min(sentence, bounds[index - 1][0] if index else a):start]
        if self._relief.search(text[a:start]) and (self._event.search(lead)
                                                   or self._treatment.search(lead)):
            return True
        if not self._event.search(clause) and not self._resolved:
            return False
        if self._event.search(clause) and self._pain.search(clause):
            # "on Ozempic since March": a "since" that follows the event dates the event, and
            # is no onset of pain ("pain since my op" still is one)
            own = text[start:end]
            if not (re.match(r"(?:ever\s+)?since\b", own, re.I) and self._event.search(text[a:start])
                    and not self._pain.search(text[a:start] + " " + text[end:max(b, end)])):
                return False
        following = text[bounds[index + 1][0]:bounds[index + 1][1]] if index + 1 < len(bounds) else ""
        if (self._resolved and not self._pain.search(clause)
                and self._resolved.search(clause + " " + following)):
            return True  # "a UTI a month ago, the antibiotics cleared it up"
        if not self._event.search(clause):
            return False
        # "framer 20 yrs. back been killin me since spring": a "since" with its own point
        # starts the pain anew, and ties it to nothing before
        return not any(not _SINCE_A_POINT.match(following, m.start()) for m in self._linked.finditer(following))


def _only_a_sign(text: str, start: int, mentions: Sequence, timeless_flags: Collection[str],
                 pain_words: Collection[str]) -> bool:
    """A message that tells a present sign (not an injury that may start the pain), then
    its one time, and names no place of pain and no pain word: the time is the sign's
    ("three weeks. and night sweats" answers how long the pain has lasted)."""
    if any(m.label == "pain_location" and not m.negated for m in mentions):
        return False
    if set(_words(text.lower())) & set(pain_words):
        return False
    # a sign feared or asked about is none ("what if I can't control my bladder? it's been 3 weeks")
    return any(m.label.startswith("red_flag") and not m.negated and m.experiencer == "patient"
               and getattr(m, "reason", "") not in ("hypothetical", "question")
               and m.value not in timeless_flags and m.start < start for m in mentions)


def _words(text: str) -> list[str]:
    """The words of `text`, a possessive's "'s" dropped ("pain's been 3 weeks")."""
    return [re.sub(r"'s$", "", w) for w in re.findall(r"[\w']+", text.replace("’", "'"))]


@lru_cache(maxsize=1)
def other_events() -> OtherEvents:
    return OtherEvents()


# a clause that only says when, its subject in the clause before: ", started Monday"
_ONSET_ONLY = re.compile(r"\s*(?:and\s+)?(?:it\s+|that\s+|which\s+)?(?:started|starting|began|begun"
                         r"|came\s+on|since|happened"
                         # "..., it's been like that since last night": the clause before's time
                         r"|(?:it'?s\s+|it\s+has\s+|has\s+)?been\s+(?:like\s+(?:that|this)|that\s+way|this\s+way))\b",
                         re.I)


_ON_AND_OFF = re.compile(r"\b(?:on\s+and\s+off|off\s+and\s+on|comes\s+and\s+goes|on\s+&\s+off|flares?\s+up"
                         r"|de\s+vez\s+en\s+cuando|a\s+ratos|va\s+y\s+viene|por\s+temporadas)\b", re.I)
SINCE_THEN = re.compile(r"\W*(?:and\s+|y\s+)?(?:ever\s+since|since\s+then|from\s+then\s+on|desde\s+(?:entonces|ah[ií]))\b",
                        re.I)
# the pain said to have lasted from the time just told: "had a fusion 6 years ago and the pain is
# still there", "a discectomy 2 years ago, still in pain", "hace 2 meses, todavía me duele"
PERSISTS = re.compile(
    r"\W*(?:and\s+|but\s+|y\s+|pero\s+)?(?:(?:the|my|el|mi)\s+(?:\w+\s+)?(?:pain|dolor)\s+)?(?:is\s+|it'?s\s+|i'?m\s+|i\s+am\s+)?"
    r"(?:still|never\s+(?:really\s+|fully\s+)?(?:went|gone)\s+away|todav[ií]a|a[uú]n|sigo\s+con|sigue"
    r"|nunca\s+se\s+(?:me\s+)?(?:quit[oó]|fue))\b", re.I)
# the pain said to start with the time told before: "the back pain started around then",
# "came on about the same time", "el dolor empezó por las mismas fechas"
_STARTED_THEN = re.compile(
    r"\b(?:pain|ache|back|neck|it|dolor|espalda)\b[^.?!]{0,25}?\b(?:started|began|begun|came\s+on|kicked\s+in"
    r"|empez[oó]|comenz[oó])\s+(?:(?:right\s+)?(?:around|about|at|from|after)\s+(?:then|that\s+time|the\s+same\s+time)"
    r"|(?:por\s+)?(?:esas|las\s+mismas)\s+fechas|al\s+mismo\s+tiempo|(?:por\s+)?ese\s+entonces)\b", re.I)


def times_something_else(text: str, start: int, end: int, mentions: Sequence,
                         timeless_flags: Collection[str], pain_words: Collection[str],
                         events: OtherEvents | None = None,
                         onset_only: re.Pattern = _ONSET_ONLY, alone: bool = True,
                         anchored: bool | None = None) -> bool:
    """Whether the duration text[start:end] says how long something other than the pain
    lasted: it stands in the clause of one of the patient's own symptoms ("wet myself twice
    since yesterday", "a temperature of 38.6 since last night") or of a treatment had
    ("physio twice a week for a month"), with no pain place and no pain word there. A clause
    that only says when ("..., started Monday") belongs to the one before it. A cancer
    history or an injury (`timeless_flags`) may well date the pain's start: it stays.
    `mentions` are bot.nlu.clinical's Mentions of the same text; `events` and `onset_only`
    split and join clauses in another language (bot/nlu/duration_es.py's); `alone`: the
    message's only duration. With `anchored` (True), whether instead the duration's clause
    names the pain (a place of pain or a pain word)."""
    events = events or other_events()
    clauses = events.clauses(text)
    index = next((i for i, (a, b) in enumerate(clauses) if a <= start < b), None)
    if index is None:
        return False
    if anchored is None and after_a_turning_point(text, start):
        return False  # "a discectomy, and fine till six weeks ago": when the pain began
    a, b = clauses[index]
    if anchored is None and _pain_starts_with_it(text, b, end, mentions, pain_words):
        return False
    bare = anchored and not _BARE_DURATION.sub("", text[a:b].replace(text[start:end], "")).strip()
    # "..., y desde ayer no puedo orinar": a clause that tells its own sign after the time is no
    # bare "since ..." of the clause before
    own_sign = any(m.label.startswith("red_flag") and not m.negated and m.experiencer == "patient"
                   and end <= m.start < b for m in mentions)
    if index and ((onset_only.match(text, a) and not own_sign) or bare):  # "the low back pain, about five weeks"
        a = clauses[index - 1][0]
    b = max(b, end)
    # a sign's words may begin before the clause ("need to pee but nothing comes out, since")
    inside = [m for m in mentions if m.start < b and m.end > a and m.experiencer == "patient"]
    if anchored is not None:
        return _names_the_pain(text[a:b], inside, pain_words)
    if alone and _only_a_sign(text, start, mentions, timeless_flags, pain_words):
        return True  # "foot drop. right. started tues.": no pain told, the sign's time
    # another body part times itself beside another duration (not `alone`), or where the
    # pain's own place is told in another clause
    others = (("treatment",) if alone and not _placed_elsewhere(mentions, inside, events.spreads_to)
              else ("treatment", "body_part_other"))
    told = any(m.label == "pain_location" and not m.negated for m in mentions) or bool(
        set(_words(text.lower())) & set(pain_words))
    if not any(_a_sign_timed(m, start, told, timeless_flags) or _another_thing_timed(m, text, start, end, others)
               for m in inside):
        return False
    return not _the_pain_of_this_clause(text[a:b], inside, pain_words)


def _pain_starts_with_it(text: str, clause_end: int, end: int, mentions: Sequence,
                         pain_words: Collection[str]) -> bool:
    """Whether the patient ties the pain's start to the time just told, whatever it times:
    the pain said to start "around then" later on ("a fever 3 weeks ago after covid. The back
    pain started around then"), or a "since then" right after the time that leads to a pain
    place or word ("mum fell in the bathroom on tuesday and since then ... pain in her lower
    back"). Then the time is the pain's, whichever sign or event stands beside it."""
    if _STARTED_THEN.search(text, clause_end):
        return True
    lasted = PERSISTS.match(text, end)  # ... and the pain itself is named in those words
    if lasted and set(_words(text[end:lasted.end() + 12].lower())) & set(pain_words):
        return True  # (not "a fever last week and it's still there")
    return bool(SINCE_THEN.match(text, end)) and (
        any(m.label == "pain_location" and not m.negated for m in mentions if m.start >= end)
        or bool(set(_words(text[end:].lower())) & set(pain_words)))


def _names_the_pain(clause: str, inside: Sequence, pain_words: Collection[str]) -> bool:
    """Whether a clause names the pain, by a place of pain or a pain word: where one time is
    said of the pain, the times said of nothing named yield to it."""
    return (any(m.label == "pain_location" and not m.negated for m in inside)
            or bool(set(_words(clause.lower())) & set(pain_words)) or bool(_OWN_PAIN.search(clause)))


def _placed_elsewhere(mentions: Sequence, inside: Sequence, spreads_to: Collection[str]) -> bool:
    """Whether the pain's own place is told outside the duration's clause, which names no limb
    the spine's pain spreads into. Then another body part in the clause times itself even as
    the message's only duration ("my knee has been bugging me for months but the thing that's
    really bad right now is my lower back"), while "right arm pain x 6 weeks" beside a
    cervical radiculopathy is the pain's own time (vocab spreads_to: leg, arm, foot, hand)."""
    return (any(m.label == "pain_location" and not m.negated and m not in inside for m in mentions)
            and not any(m.label == "body_part_other" and m.value in spreads_to for m in inside))


def _a_sign_timed(mention, start: int, told: bool, timeless_flags: Collection[str]) -> bool:
    """Whether a red-flag mention in the duration's clause is what the duration times: a
    sign the patient has ("wet myself since Tuesday"), or one denied after it was told before
    the time in a message that tells no pain ("a temperature a fortnight ago with a cold, but
    that's cleared up"). A cancer history or an injury (`timeless_flags`) may date the pain's
    start, so never takes its time."""
    return (mention.label.startswith("red_flag") and mention.value not in timeless_flags
            and (not mention.negated or (mention.start < start and not told)))


def _another_thing_timed(mention, text: str, start: int, end: int, others: Collection[str]) -> bool:
    """Whether a treatment had ("physio twice a week for a month") or, of `others`, another
    body part ("a dodgy knee for twenty years") in the duration's clause is what it times:
    not one inside the duration's own words, nor a part or treatment naming the event the time
    runs from ("had it since her hip replacement": that may well date the pain)."""
    return (mention.label in others and not mention.negated
            and not (start <= mention.start and mention.end <= end)
            and not _starts_the_time(mention, text))


def _the_pain_of_this_clause(clause: str, inside: Sequence, pain_words: Collection[str]) -> bool:
    """Whether the clause the sign or treatment stands in is still about the pain: it names a
    place of pain, or a pain word with no other body part it could be said of ("my shoulder
    has hurt for 2 years": the hurt is the shoulder's)."""
    return (any(m.label == "pain_location" for m in inside)
            or (bool(set(_words(clause.lower())) & set(pain_words))
                and not any(m.label == "body_part_other" and not m.negated for m in inside)))


_EVENT_OF_PART = re.compile(r"\b(?:since|after|from|desde|tras|despu[eé]s\s+de)\s+(?:(?:my|her|his|their|the|a|an|"
                            r"mi|su|sus|la|el|una?)\s+)?$", re.I)


def _starts_the_time(mention, text: str) -> bool:
    """A body part naming the event the time runs from ("since her hip replacement 2 years
    ago"), which may well date the pain: not another part's pain."""
    return mention.label == "body_part_other" and bool(_EVENT_OF_PART.search(text[:mention.start]))


# "never had a problem til about 3 wks ago", "was fine until last month": the pain's start
_TURNING_POINT = re.compile(
    r"\b(?:never|no|fine|ok|okay|nothing|good|great|perfect|right|alright|better|pain[\s-]?free)\b[^.!?]{0,40}?\b(?:until|till|til|'til|up\s+to)"
    r"\s+(?:about\s+|around\s+|roughly\s+|like\s+|maybe\s+|just\s+|only\s+)?$", re.I)


def after_a_turning_point(text: str, start: int) -> bool:
    """Whether the duration at `start` is when a patient who was well until then says the
    pain began ("been at the warehouse 12 yrs and never had a problem til about 3 wks ago"):
    that time is the pain's, whatever other times the message tells."""
    return bool(_TURNING_POINT.search(text[max(0, start - 80):start]))
