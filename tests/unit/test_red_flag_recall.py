"""A fresh challenge set for red-flag recall: patients' own words, not the vocabulary's.

The phrases in bot/nlu/vocab/ are tuned on the examples in test_clinical.py; these sentences
were written separately, in the registers patients really use (British and American, slang,
euphemisms, turns of speech), to check that the vocabulary generalises:

* every red flag: at least 25 phrasings that must raise it (a missed cauda equina sign is
  the worst error the assistant can make);
* near misses that must NOT raise the named flag: denied, someone else's, feared or asked
  about, old and resolved, on purpose, or a look-alike word ("slipped disc", "hay fever");
* places: regional words that must fill pain_location with the right value.

Only the named flag is checked: "I fell and now I can't pee" must raise bladder_bowel
whatever else it raises.
"""
from __future__ import annotations

import pytest

from bot.contract import RED_FLAGS
from bot.nlu.build_spacy import build_pipeline
from bot.nlu.clinical import ClinicalMatcher

NLP = build_pipeline()
MATCHER = ClinicalMatcher(NLP)


def mentions(text):
    return MATCHER(NLP(text))


def flags(text):
    """The red flags that count for the patient (what fills the `red_flags` slot)."""
    return {m.value for m in mentions(text)
            if m.label == "red_flag" and not m.negated and m.experiencer == "patient"}


def location(text):
    """What fills pain_location: the first place the patient names."""
    places = [m for m in mentions(text) if m.label == "pain_location" and not m.negated]
    return places[0].value if places else None


# ------------------------------------------------------------------ must raise the flag
BLADDER_BOWEL = [
    "Since the fall on Tuesday I've been struggling to pee",
    "I can hardly hold my wee anymore",
    "I've started wearing pads because I keep leaking",
    "I'm back in nappies at 45, I just can't hold it",
    "pooed myself yesterday and didn't even feel it coming",
    "I couldn't make it to the toilet in time, twice this week",
    "haven't had a wee since last night even though I've been drinking loads",
    "my waterworks have stopped working properly since my back went",
    "I have to strain really hard to get any urine out",
    "I keep dribbling urine",
    "I leaked in my trousers on the bus this morning",
    "my bowels just let go without any warning",
    "my bladder feels full but nothing comes out",
    "they had to put a catheter in at A&E because I couldn't go",
    "wee just comes out without me knowing",
    "I keep having accidents, I don't make it to the loo",
    "I can't tell when I need the loo any more",
    "I don't get the feeling that I need to wee any more",
    "it takes ages to start peeing and the stream is weak",
    "I've had no control down below, wee or poo",
    "urine leaking when I stand up",
    "I need to pee but nothing happens",
    "had to buy incontinence pads yesterday",
    "I've had a couple of accidents in bed",
    "I can't stop peeing myself",
    "I didn't realise I'd wet myself until I saw my jeans",
    "I had an accident on the way to the bathroom, number two",
    "I've lost control of my bowels twice since Sunday",
    "my bladder isn't emptying properly",
    "having trouble going for a wee",
    "I'm not able to empty my bowels and I can't feel when I need to go",
    "couldn't pass water all day",
    "pee dribbles out all the time now",
    "I've started leaking when I cough and it's new",
    "I keep soiling my underwear",
]

SADDLE_NUMBNESS = [
    "Pins and needles in my bum and inner thighs since this morning",
    "my backside feels numb when I sit on the loo",
    "my undercarriage has gone numb",
    "numbness in my privates",
    "tingling between my legs",
    "my inner thighs and bottom feel dead",
    "there's a numb patch around my back passage",
    "the seat area feels numb",
    "numbness around my vagina",
    "I can't feel my penis properly",
    "my bits are numb",
    "reduced sensation in my perineum",
    "I can't feel anything when I wipe",
    "it feels like my bum cheeks have gone to sleep",
    "altered sensation in my saddle region",
    "numbness spreading into my buttocks and groin",
    "my crotch is numb",
    "my genitals feel numb",
    "a numb feeling in my nether regions",
    "tingly bum since yesterday",
    "both buttocks are numb",
    "I can't feel myself when I sit on the toilet",
    "pins and needles around my private parts",
    "my testicles feel numb",
    "numbness on the inside of my thighs",
    "my bottom has gone numb",
    "it's like sitting on a numb saddle, can't feel my bum",
    "no feeling in my butt",
    "lost feeling around my anus",
    "my inner thighs are tingling",
    "numb in the saddle area since this morning",
]

LEG_WEAKNESS = [
    "my right foot has started slapping the ground when I walk",
    "I keep tripping over my toes",
    "I keep catching my toes on the stairs",
    "my legs buckled under me this morning",
    "I can't climb stairs any more",
    "heavy legs getting worse every day",
    "my left knee keeps giving way",
    "my foot flops when I walk",
    "I can't get up on my tiptoes on the right",
    "my leg just went from under me",
    "I can barely lift my leg to get in the car",
    "my left leg won't do what I tell it",
    "I've started dragging my right leg behind me",
    "my legs feel like they're going to collapse",
    "my legs have gone weak and wobbly",
    "I've lost the power in my legs",
    "the strength has gone out of my legs",
    "I fell because my leg gave way",
    "I can't push off with my foot",
    "my foot won't lift properly and I keep stumbling",
    "my legs turned to jelly",
    "my legs are getting weaker and weaker",
    "weakness in my thigh when I try to stand",
    "my ankle is weak and floppy",
    "I can barely walk, my legs won't hold me up",
    "my leg keeps collapsing",
    "my legs are getting heavier every day",
    "I can't get up the stairs anymore",
    "my foot keeps dropping when I walk",
    "I can't stand on tiptoe on my left foot",
    "my right leg is much weaker than my left",
    "I keep losing my footing because my leg won't take my weight",
]

FEVER = [
    "I've been feeling hot and cold all night",
    "got the shivers and my back is killing me",
    "rigors last night",
    "I've been waking up drenched in sweat",
    "sweating buckets at night",
    "I feel feverish and achy",
    "temp was 38.5 this morning",
    "I've got a high temperature",
    "I'm boiling hot then freezing cold",
    "I'm running a bit of a temperature",
    "uncontrollable shaking and feeling really hot",
    "I keep getting hot sweats and shivering",
    "my thermometer said 39.2",
    "I've been spiking temperatures",
    "my temperature's up",
    "I've had cold sweats all night",
    "soaked through with sweat at night",
    "38.9 temp",
    "I think I've got a fever",
    "I'm burning up",
    "teeth chattering and I can't get warm",
    "hot flushes and shivers",
    "waking up soaking wet with sweat",
    "my temperature has been 101 all day",
    "I had a temperature of 102F yesterday",
    "I feel like I'm coming down with a fever",
    "temp of 39.4 last night",
    "I keep getting the chills",
    "I have a slight fever",
]

TRAUMA = [
    "Since the fall on Tuesday I've been struggling to pee",
    "I slipped on the stairs last week",
    "took a tumble down the stairs yesterday",
    "I came off my bike on Sunday",
    "I was knocked off my bike by a van",
    "I was in an RTC on Friday",
    "got hit hard in a rugby tackle at the weekend",
    "I landed on my coccyx when I slipped",
    "I went over on the ice and landed on my back",
    "I was rear-ended at the lights",
    "missed the bottom step and came down hard on my back",
    "I came off a horse on Saturday",
    "fell out of bed last night",
    "a car went into the back of me on the motorway",
    "I got thrown off my horse",
    "went flying over the handlebars",
    "I've had a fall at home",
    "I slipped getting out of the bath",
    "I tripped on the kerb and went down hard",
    "crashed my motorbike last month",
    "someone collided with me during football",
    "I had a car accident on Monday",
    "a heavy box fell on my back at work",
    "I was in a collision on the motorway",
    "came off the trampoline and landed awkwardly",
    "I've had two falls this month",
    "I was knocked over by a car",
    "I was involved in a road traffic collision",
    "I was assaulted outside a pub",
    "my back hit the edge of the step when I slipped",
    "I had a skiing accident",
    "I got tackled playing rugby",
    "I was punched and kicked on Saturday",
    "I got injured at work",
]

CANCER_HISTORY = [
    "had a mastectomy 5 yrs ago, now mid-back pain at night",
    "I had a lumpectomy in 2019",
    "I'm in remission from lymphoma",
    "I finished radiotherapy last spring",
    "I was treated for bowel cancer",
    "had a melanoma removed from my arm",
    "my oncologist discharged me last year",
    "I have secondaries in my liver",
    "I had a tumour removed from my kidney",
    "I'm on tamoxifen",
    "I had the big C a few years back",
    "I have myeloma",
    "I had Hodgkin's as a teenager",
    "I had a prostatectomy",
    "they found mets in my spine",
    "I'm under the oncology team",
    "I had leukaemia as a child",
    "I'm a breast cancer survivor",
    "I had a hysterectomy for cervical cancer",
    "I had chemo for testicular cancer",
    "I had radiation for throat cancer",
    "I'm having immunotherapy",
    "the cancer has spread to my bones",
    "my breast cancer came back last year",
    "I had an orchidectomy",
    "I had a malignant mole removed",
    "I've got a brain tumor",
    "I had a double mastectomy",
    "I finished my chemo in March",
    "stage 3 breast ca, now on letrozole",
    "my PSA was high and they found prostate cancer",
]

WEIGHT_LOSS = [
    "dropped nearly a stone without trying, back is sore",
    "lost half a stone in a month",
    "I've dropped 5 kilos and I'm not dieting",
    "my clothes are hanging off me",
    "my trousers are falling down, I've got so thin",
    "I've been losing weight and don't know why",
    "I'm not trying to lose weight but the scales keep going down",
    "I've gone down two dress sizes without trying",
    "I've lost my appetite and lost weight",
    "the weight's just falling off me",
    "I've lost 8lbs in two weeks",
    "I've lost loads of weight recently",
    "I've been shedding weight without trying",
    "I weigh 10kg less than I did at Christmas",
    "people keep saying I've got really thin",
    "lost 2 st since summer",
    "I've dropped a lot of weight",
    "my weight has dropped off",
    "I'm wasting away",
    "lost about 10 pounds without meaning to",
    "I keep losing weight",
    "my jeans are falling off me",
    "I've lost quite a bit of weight",
    "I've lost over a stone",
    "I've lost some weight without trying",
    "my weight keeps going down",
    "I've become really skinny",
    "I've lost weight and I'm not sure why",
    "I've lost around 6 kg",
    "my belt needs new holes, I'm losing weight",
]

POSITIVES = [(t, "bladder_bowel") for t in BLADDER_BOWEL] + \
    [(t, "saddle_numbness") for t in SADDLE_NUMBNESS] + \
    [(t, "leg_weakness") for t in LEG_WEAKNESS] + \
    [(t, "fever") for t in FEVER] + \
    [(t, "trauma") for t in TRAUMA] + \
    [(t, "cancer_history") for t in CANCER_HISTORY] + \
    [(t, "weight_loss") for t in WEIGHT_LOSS]


def test_the_challenge_set_is_big_enough():
    counts = {flag: sum(1 for _, f in POSITIVES if f == flag) for flag in RED_FLAGS}
    assert all(n >= 25 for n in counts.values()), counts
    assert len(NEAR_MISSES) >= 60
    assert len(LOCATIONS) >= 15


@pytest.mark.parametrize("text,flag", POSITIVES)
def test_red_flag_is_caught(text, flag):
    assert flag in flags(text), text


# ------------------------------------------------------------------ must NOT raise it
NEAR_MISSES = [
    # denied
    ("I can pee fine", "bladder_bowel"),
    ("no problems peeing", "bladder_bowel"),
    ("no trouble holding my wee", "bladder_bowel"),
    ("bladder and bowels are normal", "bladder_bowel"),
    ("my waterworks are fine", "bladder_bowel"),
    ("I haven't had any accidents", "bladder_bowel"),
    ("I haven't wet myself or anything", "bladder_bowel"),
    ("no leaking", "bladder_bowel"),
    ("no numbness", "saddle_numbness"),
    ("no numbness down below", "saddle_numbness"),
    ("I can feel my bum fine", "saddle_numbness"),
    ("no tingling in my groin or bottom", "saddle_numbness"),
    ("my legs are fine, it's just my back", "leg_weakness"),
    ("no weakness in my legs", "leg_weakness"),
    ("I can walk fine and climb stairs", "leg_weakness"),
    ("my legs haven't given way", "leg_weakness"),
    ("no fever", "fever"),
    ("I don't have a temperature", "fever"),
    ("my temperature is normal", "fever"),
    ("no sweats or chills", "fever"),
    ("I didn't fall", "trauma"),
    ("I didn't fall or injure it", "trauma"),
    ("no injury, it just started", "trauma"),
    ("there was no accident or fall", "trauma"),
    ("I've never had cancer", "cancer_history"),
    ("no history of cancer", "cancer_history"),
    ("I haven't lost any weight", "weight_loss"),
    ("my weight is stable", "weight_loss"),
    ("no weight loss", "weight_loss"),
    # other people
    ("my dad had cancer", "cancer_history"),
    ("my aunt had chemo last year", "cancer_history"),
    ("my wife is having radiotherapy", "cancer_history"),
    ("my mum fell last week", "trauma"),
    ("my son came off his bike", "trauma"),
    ("my daughter has a temperature", "fever"),
    ("my husband has lost a lot of weight", "weight_loss"),
    ("my son wet the bed", "bladder_bowel"),
    ("my grandad's legs keep giving way", "leg_weakness"),
    # feared, asked about
    ("worried it might be cancer", "cancer_history"),
    ("I'm terrified it's a tumour", "cancer_history"),
    ("could this be cancer?", "cancer_history"),
    ("my GP wants to rule out a tumour", "cancer_history"),
    ("I'm scared it's something like cancer", "cancer_history"),
    ("I had a cancer scare but it was benign", "cancer_history"),
    ("I had a benign tumour removed", "cancer_history"),
    ("I'm scared of falling", "trauma"),
    # on purpose
    ("I lost weight on purpose", "weight_loss"),
    ("I've lost weight dieting", "weight_loss"),
    ("I've lost 2 stone on slimming world", "weight_loss"),
    ("I've been dieting and lost 10 pounds", "weight_loss"),
    ("I'm trying to lose weight", "weight_loss"),
    ("I need to lose a few pounds", "weight_loss"),
    ("I've lost weight intentionally", "weight_loss"),
    ("I've put on weight", "weight_loss"),
    # old and resolved
    ("I fell years ago, fine since", "trauma"),
    ("I had a car accident 20 years ago", "trauma"),
    ("I fell off a horse as a teenager", "trauma"),
    ("I broke my arm falling off a wall when I was a kid", "trauma"),
    ("I lost a lot of weight years ago and kept it off", "weight_loss"),
    # look-alikes
    ("I have a slipped disc", "trauma"),
    ("my disc slipped", "trauma"),
    ("it slipped my mind", "trauma"),
    ("I fell asleep on the sofa and woke up stiff", "trauma"),
    ("the pain is worse in the fall and winter", "trauma"),
    ("I got hit by a wave of pain", "trauma"),
    ("I'm scared I'll fall", "trauma"),
    ("I have hay fever", "fever"),
    ("I sweat a lot when I exercise", "fever"),
    ("I use a hot water bottle", "fever"),
    ("I have a water infection", "bladder_bowel"),
    ("I need to pee a lot at night", "bladder_bowel"),
    ("I've been constipated from the codeine", "bladder_bowel"),
    ("I lost my job", "weight_loss"),
    ("I've lost a lot of sleep", "weight_loss"),
    ("my bum hurts from sitting", "saddle_numbness"),
    ("pins and needles in my fingers", "saddle_numbness"),
    ("my feet go numb when I cross my legs", "saddle_numbness"),
    ("my legs ache after walking", "leg_weakness"),
    ("my leg hurts when I walk up stairs", "leg_weakness"),
    ("the weight of my bag hurts my back", "weight_loss"),
    ("I work as an oncology nurse", "cancer_history"),
    ("I lifted a heavy box", "trauma"),
]


@pytest.mark.parametrize("text,flag", NEAR_MISSES)
def test_near_miss_is_not_flagged(text, flag):
    assert flag not in flags(text), text


# A second batch, written after the vocabulary had been extended and run once as a hold-out
# (the old vocabulary missed 34 of its 58 signs, the extended one 12, all fixed since), plus
# guards for decisions taken on the way ("I've lost 2 stone weight" is weight loss, not a
# purpose; a long-past injury hides no cancer named in the same sentence).
SECOND_POSITIVES = [
    ("I've been peeing myself a bit since the weekend", "bladder_bowel"),
    ("my bladder doesn't feel like it's emptying", "bladder_bowel"),
    ("I've had a few leaks in my underwear", "bladder_bowel"),
    ("I went to the loo and couldn't go at all", "bladder_bowel"),
    ("I'm having to strain to have a wee", "bladder_bowel"),
    ("I haven't been able to do a number two for days and I can't feel it", "bladder_bowel"),
    ("had an accident in my pants at the shops", "bladder_bowel"),
    ("I don't know when I need the toilet anymore", "bladder_bowel"),
    ("my pee won't come out", "bladder_bowel"),
    ("my bowels have stopped working and I've soiled the bed", "bladder_bowel"),
    ("my groin feels kind of dead", "saddle_numbness"),
    ("there's no sensation around my back passage", "saddle_numbness"),
    ("numb arse since Monday", "saddle_numbness"),
    ("the area between my legs is tingling", "saddle_numbness"),
    ("I can hardly feel anything down below", "saddle_numbness"),
    ("my buttocks and groin have gone numb", "saddle_numbness"),
    ("sitting on the toilet my bum feels numb", "saddle_numbness"),
    ("I have numbness in my perineal area", "saddle_numbness"),
    ("my leg gave out going down the stairs", "leg_weakness"),
    ("my knees keep buckling", "leg_weakness"),
    ("my right foot drags when I walk", "leg_weakness"),
    ("I can't lift my toes up on the left", "leg_weakness"),
    ("my legs feel really weak and wobbly", "leg_weakness"),
    ("I can't get up out of a chair, my legs won't push me up", "leg_weakness"),
    ("my left foot is flapping when I walk", "leg_weakness"),
    ("my thigh muscles have gone weak", "leg_weakness"),
    ("I've been shivering all night", "fever"),
    ("I've had a fever on and off", "fever"),
    ("my temp is 38.2", "fever"),
    ("I've been having sweats at night", "fever"),
    ("I feel hot and shivery", "fever"),
    ("I've got the chills and a headache", "fever"),
    ("I feel like I've got flu, hot and cold", "fever"),
    ("thermometer says 101.3", "fever"),
    ("I fell backwards onto the kerb", "trauma"),
    ("I got knocked down by a bike", "trauma"),
    ("I slipped off a step", "trauma"),
    ("I had a crash on my motorbike", "trauma"),
    ("I hurt my back falling down the stairs", "trauma"),
    ("a horse kicked me in the back", "trauma"),
    ("I was in a car accident last week", "trauma"),
    ("fell off a chair on Sunday", "trauma"),
    ("I had bowel cancer 3 years ago", "cancer_history"),
    ("I've had radiotherapy for prostate cancer", "cancer_history"),
    ("I had a tumour removed from my breast", "cancer_history"),
    ("I'm on chemo at the moment", "cancer_history"),
    ("I had a melanoma cut out", "cancer_history"),
    ("I'm under oncology for lymphoma", "cancer_history"),
    ("I had a mastectomy last year", "cancer_history"),
    ("I was diagnosed with myeloma", "cancer_history"),
    ("I've lost about a stone and a half", "weight_loss"),
    ("I've lost weight even though I'm eating normally", "weight_loss"),
    ("my weight's dropped from 80 kg to 72 kg", "weight_loss"),
    ("I've shed loads of weight", "weight_loss"),
    ("my clothes are all too big now", "weight_loss"),
    ("lost 3 kilos without trying", "weight_loss"),
    ("I've got really thin lately", "weight_loss"),
    ("I keep losing weight and I don't know why", "weight_loss"),
    ("I've lost 2 stone weight", "weight_loss"),
    ("I came off tamoxifen 3 years ago", "cancer_history"),
    ("years ago I had breast cancer after a fall", "cancer_history"),
    ("I lost control of my bladder years ago and it's happening again", "bladder_bowel"),
    ("I fell last week and also fell years ago", "trauma"),
    ("my wife noticed my leg dragging", "leg_weakness"),
    ("my husband says my bum has gone numb", "saddle_numbness"),
    ("I slipped on the ice and now have a slipped disc", "trauma"),
    ("I've not been able to wee since yesterday", "bladder_bowel"),
    ("I've had a fall, no fever", "trauma"),
    ("no fever but I have lost a stone", "weight_loss"),
    ("my legs have gone heavy and weak", "leg_weakness"),
    ("I'm 2 stone down since Christmas", "weight_loss"),
    ("I can no longer feel my bum", "saddle_numbness"),
    ("my temperature was 38", "fever"),
    ("39.5 degrees last night", "fever"),
    ("I was rear ended on the motorway", "trauma"),
]

SECOND_NEAR_MISSES = [
    ("my bladder's fine", "bladder_bowel"),
    ("I have no problem peeing", "bladder_bowel"),
    ("I'm not incontinent", "bladder_bowel"),
    ("no issues with my bowels", "bladder_bowel"),
    ("my husband wets the bed", "bladder_bowel"),
    ("I need the toilet a lot because of my water tablets", "bladder_bowel"),
    ("no numbness in my groin", "saddle_numbness"),
    ("my toes are numb", "saddle_numbness"),
    ("my bum is sore from sitting", "saddle_numbness"),
    ("numbness in my hand", "saddle_numbness"),
    ("numbness down my leg", "saddle_numbness"),
    ("my legs aren't weak", "leg_weakness"),
    ("I can walk fine", "leg_weakness"),
    ("my leg hurts", "leg_weakness"),
    ("my legs feel tired at the end of the day", "leg_weakness"),
    ("no temperature", "fever"),
    ("I haven't had a fever", "fever"),
    ("it's hot weather and my back hurts", "fever"),
    ("I didn't have an accident, it just started", "trauma"),
    ("my friend fell off her bike", "trauma"),
    ("I had a slipped disc years ago", "trauma"),
    ("I fell over as a child", "trauma"),
    ("no falls", "trauma"),
    ("my sister has breast cancer", "cancer_history"),
    ("I'm worried about cancer", "cancer_history"),
    ("is it a tumour?", "cancer_history"),
    ("I've never had chemo", "cancer_history"),
    ("I lost weight on a diet", "weight_loss"),
    ("I'm trying to lose weight for my back", "weight_loss"),
    ("I haven't lost weight", "weight_loss"),
    ("my weight hasn't changed", "weight_loss"),
    ("my mum's lost a lot of weight", "weight_loss"),
    ("numbness down my leg", "saddle_numbness"),
    ("my lower back area is numb", "saddle_numbness"),
    ("I've tried hot and cold packs", "fever"),
    ("I tried hot and cold", "fever"),
    ("I had the flu jab", "fever"),
    ("my bum is feeling better", "saddle_numbness"),
    ("I went to weight watchers", "weight_loss"),
    ("the bottom of my foot is numb", "saddle_numbness"),
    ("numbness in the balls of my feet", "saddle_numbness"),
    ("I can't get out of bed because of the pain", "leg_weakness"),
    ("I went to accident and emergency", "trauma"),
    ("my hair is getting thinner", "weight_loss"),
    ("my discs are getting thinner", "weight_loss"),
    ("I had a wee bit of pain", "bladder_bowel"),
    ("I try to keep my weight down", "weight_loss"),
    ("I'm 39", "fever"),
    ("I'm 39 years old", "fever"),
    ("I was born in 1985", "fever"),
    ("my foot fell asleep", "trauma"),
    ("I've been feeling a bit down", "fever"),
    ("the pain comes and goes", "trauma"),
    ("I'm not feeling great down there", "saddle_numbness"),
    ("I dropped my phone", "weight_loss"),
    ("a weight dropped on my foot at the gym", "weight_loss"),
    ("I can't walk far because of the pain", "leg_weakness"),
    ("my back gave way", "leg_weakness"),
    ("I have pins in my hip", "saddle_numbness"),
    ("my back has gone numb", "saddle_numbness"),
    ("my mum's legs keep giving way", "leg_weakness"),
    ("my dad crashed his car", "trauma"),
    ("I had a tumble dryer accident", "trauma"),
    ("I had a UTI", "bladder_bowel"),
    ("I haven't been able to go out", "bladder_bowel"),
    ("I can't go to work", "bladder_bowel"),
    ("I struggle to get to the gym", "bladder_bowel"),
    ("I had a bath but nothing helps", "bladder_bowel"),
    ("I had a cancer scare but it was benign", "cancer_history"),
    ("I'm a cancer research volunteer", "cancer_history"),
]


@pytest.mark.parametrize("text,flag", SECOND_POSITIVES)
def test_red_flag_is_caught_second_batch(text, flag):
    assert flag in flags(text), text


@pytest.mark.parametrize("text,flag", SECOND_NEAR_MISSES)
def test_near_miss_is_not_flagged_second_batch(text, flag):
    assert flag not in flags(text), text


# ------------------------------------------------------------------ places
LOCATIONS = [
    ("the pain between my shoulders is 3 months old", "upper_back"),
    ("it's between my shoulders", "upper_back"),
    ("pain in my lower spine", "lower_back"),
    ("the small of my back aches", "lower_back"),
    ("my coccyx is killing me", "lower_back"),
    ("pain at the base of my skull", "neck"),
    ("the top of my neck is stiff", "neck"),
    ("an ache right at the bottom of my spine", "lower_back"),
    ("pain in my lumbar region", "lower_back"),
    ("sharp pain in the middle of my spine", "upper_back"),
    ("pain in my backside and down my leg", "lower_back"),
    ("pain at the nape of my neck", "neck"),
    ("it hurts just below my shoulder blades", "upper_back"),
    ("pain across my shoulders and neck", "neck"),
    ("stabbing pain in my lower vertebrae", "lower_back"),
    ("it hurts between my shoulders and down my spine", "upper_back"),
    ("my left buttock and hip", "lower_back"),
    ("pain at the base of my skull going into my shoulders", "neck"),
    ("my upper spine between the shoulders", "upper_back"),
    ("my lower lumbar area", "lower_back"),
]


@pytest.mark.parametrize("text,expected", LOCATIONS)
def test_location_is_placed(text, expected):
    assert location(text) == expected, text


# ------------------------------------------------------------------ speed
