"""Clinician content: which options a patient hears about, answers to their questions,
self-care texts, and clear errors when a content file is malformed.

The option texts and the selection conditions live in content/*.yml; these tests check
what a patient would notice, and that editing the files (not the code) changes it.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import bot.content as content_module
import bot.option_select as option_select_module
import bot.wording as wording_module
from bot.clinic import load_clinic
from bot.content import (
    ASPECTS,
    CLINIC_PLACEHOLDERS,
    DEFAULT_CONTENT_DIR,
    RED_FLAGS,
    Content,
    ContentError,
    load_content,
)
from bot.contract import LOCATIONS, TREATMENTS
from bot.option_fit import PATTERNS, PatientStory
from bot.option_select import answer_question, find_option, question_aspect, select_options
from bot.wording import describe_duration, describe_story, fill, red_flag_phrase, self_care_message

CONSERVATIVE = ["physical_therapy", "otc_medication"]


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(DEFAULT_CONTENT_DIR)


def ids(fits) -> list[str]:
    return [f.option.id for f in fits]


def story(location, weeks, treatments_tried=(), pattern=None, injections=(), severity=None) -> PatientStory:
    return PatientStory(location=location, weeks=weeks, tried=tuple(treatments_tried), pattern=pattern,
                        injections=tuple(injections), severity=severity)


def pick(content, **kwargs) -> list[str]:
    return ids(select_options(content, story(**kwargs)).fits)


def injection(kind, relief, weeks=None):
    return {"kind": kind, "relief": relief, "relief_weeks": weeks}


# ----------------------------------------------------------------- the file has what the clinic named


def test_every_option_the_clinic_names_is_in_the_file(content):
    assert {o.id for o in content.options} >= {
        "diagnostic_block",
        "epidural_steroid_injection",
        "nerve_root_block",
        "facet_joint_injection",
        "radiofrequency_rhizotomy",
        "spinal_cord_stimulation",
        "intrathecal_pump",
    }


def test_default_dir_is_repo_content_and_env_var_overrides(tmp_path, monkeypatch, content):
    monkeypatch.delenv("CLINIC_CONTENT_DIR", raising=False)
    assert load_content() is content  # cached: same files, same object
    copy = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, copy)
    monkeypatch.setenv("CLINIC_CONTENT_DIR", str(copy))
    assert load_content().source_dir == copy


# ----------------------------------------------------------------- selection
# The whole story table (tests/data/option_stories.yml) is checked in test_option_stories.py;
# these check each kind of condition and the trail.


def test_pain_that_stays_in_the_back_never_gets_epidural_or_nerve_root_block(content):
    chosen = pick(content, location="lower_back", weeks=26, treatments_tried=["physical_therapy"], pattern="axial")
    assert {"facet_joint_injection", "diagnostic_block"} <= set(chosen)
    assert not {"epidural_steroid_injection", "nerve_root_block", "radiofrequency_rhizotomy",
                "spinal_cord_stimulation", "intrathecal_pump"} & set(chosen)


def test_pain_into_an_arm_gets_epidural_and_nerve_root_block_from_4_weeks_not_facet(content):
    chosen = pick(content, location="neck", weeks=6, treatments_tried=["otc_medication"], pattern="radiating_arm")
    assert chosen == ["epidural_steroid_injection", "nerve_root_block"]


def test_nothing_tried_means_no_interventional_option_whatever_the_story(content):
    for pattern in (*PATTERNS, None):
        assert pick(content, location="lower_back", weeks=26, treatments_tried=[], pattern=pattern) == []
        assert pick(content, location="lower_back", weeks=26, treatments_tried=["massage", "rest"], pattern=pattern) == []


def test_radiofrequency_only_after_a_facet_or_diagnostic_block_clearly_helped(content):
    base = dict(location="lower_back", weeks=40, treatments_tried=CONSERVATIVE, pattern="axial")
    assert "radiofrequency_rhizotomy" not in pick(content, **base)
    assert "radiofrequency_rhizotomy" not in pick(content, **base, injections=[injection("facet", "none")])
    assert "radiofrequency_rhizotomy" not in pick(content, **base, injections=[injection("epidural", "good")])
    assert pick(content, **base, injections=[injection("facet", "good", 13)])[0] == "radiofrequency_rhizotomy"
    assert "radiofrequency_rhizotomy" in pick(content, **base, injections=[injection("medial_branch", "good")])
    # NICE NG59: moderate or severe pain; a mild PEG score rules it out
    assert "radiofrequency_rhizotomy" not in pick(content, **base, injections=[injection("facet", "good")], severity=2)


@pytest.mark.parametrize(
    "weeks, tried, injections, expected",
    [
        (10, ["surgery", "physical_therapy"], [], False),  # after surgery, but not 6 months
        (30, ["physical_therapy", "prescription_medication"], [injection("epidural", "good")], False),  # it helped
        (30, ["surgery"], [], True),  # persisting after surgery
        (30, ["physical_therapy"], [injection("epidural", "none"), injection("nerve_root", "partial")], True),
    ],
)
def test_spinal_cord_stimulation_for_limb_pain_after_surgery_or_despite_injections(content, weeks, tried, injections, expected):
    chosen = pick(content, location="lower_back", weeks=weeks, treatments_tried=tried, pattern="radiating_leg",
                  injections=injections)
    assert ("spinal_cord_stimulation" in chosen) is expected
    axial = pick(content, location="lower_back", weeks=weeks, treatments_tried=tried, pattern="axial", injections=injections)
    assert "spinal_cord_stimulation" not in axial


def test_an_injection_that_did_not_help_is_not_offered_again(content):
    chosen = pick(content, location="lower_back", weeks=13, treatments_tried=CONSERVATIVE, pattern="radiating_leg",
                  injections=[injection("epidural", "none")])
    assert chosen == ["nerve_root_block"]


def test_intrathecal_pump_is_a_last_step(content):
    tried = ["surgery", "prescription_medication", "physical_therapy"]
    failed = [injection("epidural", "none")]
    assert "intrathecal_pump" in pick(content, location="lower_back", weeks=300, treatments_tried=tried, injections=failed)
    assert "intrathecal_pump" not in pick(content, location="lower_back", weeks=60, treatments_tried=tried, injections=failed)
    assert "intrathecal_pump" not in pick(content, location="lower_back", weeks=300, treatments_tried=tried)
    assert "intrathecal_pump" not in pick(content, location="lower_back", weeks=300, treatments_tried=tried,
                                          injections=failed, severity=4)


@settings(max_examples=200, deadline=None)
@given(
    location=st.sampled_from(LOCATIONS),
    weeks=st.floats(min_value=0, max_value=3.99),
    tried=st.lists(st.sampled_from(TREATMENTS), unique=True),
    pattern=st.sampled_from((*PATTERNS, None)),
)
def test_acute_pain_gets_no_options(location, weeks, tried, pattern):
    assert pick(load_content(DEFAULT_CONTENT_DIR), location=location, weeks=weeks, treatments_tried=tried,
                pattern=pattern, injections=[injection("facet", "good")]) == []


def test_unknown_location_or_duration_gets_no_options(content):
    assert pick(content, location=None, weeks=30, treatments_tried=CONSERVATIVE, pattern="axial") == []
    assert pick(content, location="lower_back", weeks=None, treatments_tried=CONSERVATIVE, pattern="axial") == []
    assert pick(content, location="knee", weeks=30, treatments_tried=CONSERVATIVE, pattern="axial") == []


def test_unknown_treatment_values_are_ignored_not_fatal(content):
    assert pick(content, location="lower_back", weeks=30, treatments_tried=["homeopathy", "physical_therapy"]) == pick(
        content, location="lower_back", weeks=30, treatments_tried=["physical_therapy"]
    )


@settings(max_examples=200, deadline=None)
@given(
    location=st.sampled_from(LOCATIONS),
    weeks=st.floats(min_value=0, max_value=600),
    tried=st.lists(st.sampled_from(TREATMENTS), unique=True),
    pattern=st.sampled_from((*PATTERNS, None)),
    kinds=st.lists(st.tuples(st.sampled_from(("epidural", "nerve_root", "facet", "medial_branch", "other")),
                             st.sampled_from(("good", "partial", "none", "unknown"))), max_size=3),
)
def test_selection_follows_the_file_and_the_trail_names_why(location, weeks, tried, pattern, kinds):
    content = load_content(DEFAULT_CONTENT_DIR)
    selection = select_options(content, story(location, weeks, tried, pattern, [injection(k, r) for k, r in kinds]))
    priorities = [f.option.fits.priority for f in selection.fits]
    assert priorities == sorted(priorities)
    assert [t["option"] for t in selection.trail] == [o.id for o in content.options]
    chosen = set(ids(selection.fits))
    for entry in selection.trail:
        assert entry["selected"] == (entry["option"] in chosen)
        assert entry["selected"] == (not entry["excluded_by"])  # excluded: always says why
        assert entry["because"] or entry["excluded_by"]
    for fit in selection.fits:
        f = fit.option.fits
        assert location in f.locations and weeks >= f.min_weeks
        assert f.patterns is None or (pattern or "unknown") in f.patterns
        assert not f.requires_tried_any or (set(tried) | ({"injection"} if kinds else set())) & set(f.requires_tried_any)


def test_the_trail_names_the_facts_that_selected_and_excluded(content):
    selection = select_options(content, story("neck", 35, ["physical_therapy"], "axial", [injection("epidural", "none")]))
    trail = {t["option"]: t for t in selection.trail}
    assert "pattern axial" in trail["facet_joint_injection"]["because"]
    assert any("pattern axial" in e for e in trail["epidural_steroid_injection"]["excluded_by"])
    assert any("epidural injection, none relief" in e for e in trail["epidural_steroid_injection"]["excluded_by"])
    assert any("no facet or medial_branch injection with good relief" in e
               for e in trail["radiofrequency_rhizotomy"]["excluded_by"])


def test_the_story_is_told_back_once_in_plain_words(content):
    told = describe_story(content, story("neck", 35, ["physical_therapy", "injection"], "axial",
                                         [injection("epidural", "none")]))
    assert told == ("Thank you. From what you've told me: pain in your neck for about 8 months, staying in your neck; "
                    "you have tried physical therapy and an epidural that did not help.")
    helped = describe_story(content, story("lower_back", 100, [], "radiating_leg", [injection("facet", "good", 13)]))
    assert "spreading into your leg" in helped and "facet joint injections that helped for about 3 months" in helped


# ----------------------------------------------------------------- questions about an option


def test_every_name_in_the_file_finds_its_option(content):
    for option in content.options:
        for name in option.names:
            for question in (f"what is {name}?", f"Tell me about {name.upper()}", f"{name}s?"):
                found = find_option(content, question)
                assert found is not None and found.id == option.id, (question, found and found.id)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("What's a facet block?", "facet_joint_injection"),
        ("could RF ablation help me", "radiofrequency_rhizotomy"),
        ("is nerve-burning dangerous", "radiofrequency_rhizotomy"),
        ("my doctor mentioned a spinal cord stimulator", "spinal_cord_stimulation"),
        ("what about a pain pump", "intrathecal_pump"),
        ("I had a cortisone shot in the spine last year", "epidural_steroid_injection"),
        ("what is a selective nerve root block", "nerve_root_block"),  # longest name wins
        ("do I need a medial branch block first", "diagnostic_block"),
        ("my knee hurts", None),
        ("I desire relief", None),  # "ESI" only as a whole word
        ("my SCSI disk", None),
        ("", None),
    ],
)
def test_find_option_from_patient_wording(content, text, expected):
    found = find_option(content, text)
    assert (found.id if found else None) == expected


@pytest.mark.parametrize(
    "text, aspect",
    [
        ("What is an epidural?", "what"),
        ("explain rhizotomy", "what"),
        ("epidural?", "what"),
        ("How is it done?", "how"),
        ("does a nerve root block hurt", "how"),
        ("is the procedure painful", "how"),
        ("how does an SCS work", "how"),
        ("How long does RF ablation last?", "relief"),
        ("is it effective", "relief"),
        ("does it work", "relief"),
        ("what are the risks", "risks"),
        ("any side effects?", "risks"),
        ("is it safe", "risks"),
        ("is a pain pump dangerous", "risks"),
    ],
)
def test_question_aspect(content, text, aspect):
    assert question_aspect(content, text) == aspect


def test_every_question_about_every_option_is_answered_from_the_file(content):
    for option in content.options:
        for aspect in ASPECTS:
            answer = answer_question(content, option, aspect)
            assert getattr(option, aspect) in answer
            assert content.disclaimer in answer
            assert option.title in answer


def test_answer_question_end_to_end(content):
    question = "How long does a radiofrequency rhizotomy usually last?"
    option = find_option(content, question)
    answer = answer_question(content, option, question_aspect(content, question))
    assert "9 to 14 months" in answer
    assert "not a diagnosis" in answer


def test_unknown_aspect_is_rejected(content):
    with pytest.raises(ValueError, match="aspect"):
        answer_question(content, content.options[0], "price")


# ----------------------------------------------------------------- careful wording


_PROMISES = [
    r"\bguarantee",
    r"\bwill (cure|fix|stop)\b",
    r"\bcures\b",
    r"\bpermanent(ly)? (relief|cure|fix)\b",
    r"\b100 ?%",
    r"\balways works\b",
    r"\b\d+(\.\d+)? ?(mg|mcg|µg|ml|milligrams?)\b",
    r"\byou have\b.*\b(disc|stenosis|arthritis|sciatica)\b",  # no diagnosis
]


def _all_texts(content: Content) -> list[str]:
    sc = content.self_care
    texts = [content.disclaimer, content.plan_note, sc.screening_question, sc.emergency_advice, sc.urgent_advice]
    texts += [sc.intro, sc.come_back_intro, sc.disclaimer, *sc.advice, *sc.come_back]
    for o in content.options:
        texts += [o.title, o.what, o.how, o.relief, o.risks, o.reason]
    return texts


def test_no_promises_doses_or_diagnoses_in_patient_texts(content):
    for text in _all_texts(content):
        for pattern in _PROMISES:
            assert not re.search(pattern, text, re.IGNORECASE), (pattern, text)


def test_disclaimer_and_plan_note_say_what_they_must(content):
    assert "not a diagnosis" in content.disclaimer
    assert "specialist" in content.disclaimer
    assert "physical therapy" in content.plan_note and "medication" in content.plan_note


def test_contract_facts_from_the_clinic_material_are_kept(content):
    assert "three a year" in content.option("nerve_root_block").relief
    assert "9 to 14 months" in content.option("radiofrequency_rhizotomy").relief
    assert "last step" in content.option("intrathecal_pump").reason
    assert "three a year" in content.option("nerve_root_block").reason
    assert "9 to 14 months" in content.option("radiofrequency_rhizotomy").reason


def test_no_option_text_or_rule_lives_in_the_code(content):
    files = [*Path(content_module.__file__).parent.glob("*.py"),  # the bot.content package
             *(Path(m.__file__) for m in (option_select_module, wording_module))]
    source = "".join(path.read_text(encoding="utf-8") for path in files)
    for option in content.options:
        assert option.id not in source
        assert option.title not in source
        assert option.reason[:40] not in source
        for name in option.names:
            assert f'"{name}"' not in source and f"'{name}'" not in source


# ----------------------------------------------------------------- editing the files changes behaviour


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, target)
    return target


def _edit_options(content_dir: Path, change) -> None:
    path = content_dir / "options.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _edit_self_care(content_dir: Path, change) -> None:
    path = content_dir / "self_care.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _edit_labels(content_dir: Path, change) -> None:
    path = content_dir / "labels.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _option(data, option_id):
    return next(o for o in data["options"] if o["id"] == option_id)


NEW_OPTION = {
    "id": "basivertebral_nerve_ablation",
    "title": "Basivertebral nerve ablation",
    "names": ["basivertebral nerve ablation", "BVN ablation", "Intracept"],
    "what": "Heat is used to switch off a nerve inside the bone of the spine.",
    "how": "It is done through a small opening using X-ray guidance.",
    "relief": "Some people have less pain for a long time; it varies.",
    "risks": "Soreness; uncommon: infection or bleeding.",
    "reason": "Basivertebral nerve ablation may help some long-lasting lower back pain.",
    "fits": {
        "locations": ["lower_back"],
        "min_weeks": 26,
        "requires_tried_any": ["physical_therapy"],
        "priority": 5,
    },
}


def test_adding_an_option_to_the_file_adds_it_to_selection_and_questions(tmp_path):
    content_dir = _copy(tmp_path)
    _edit_options(content_dir, lambda d: d["options"].append(NEW_OPTION))
    content = load_content(content_dir)
    chosen = pick(content, location="lower_back", weeks=30, treatments_tried=["physical_therapy"], pattern="axial")
    assert chosen[0] == "basivertebral_nerve_ablation"  # priority 5 comes first
    assert "basivertebral_nerve_ablation" not in pick(content, location="neck", weeks=30, treatments_tried=["physical_therapy"])
    question = "are there risks with intracept?"
    option = find_option(content, question)
    assert option.id == "basivertebral_nerve_ablation"
    assert "infection or bleeding" in answer_question(content, option, question_aspect(content, question))


def test_changing_a_condition_changes_the_selection(tmp_path):
    content_dir = _copy(tmp_path)
    before = load_content(content_dir)
    leg = dict(pattern="radiating_leg", treatments_tried=CONSERVATIVE)
    assert "epidural_steroid_injection" in pick(before, location="lower_back", weeks=6, **leg)

    _edit_options(content_dir, lambda d: _option(d, "epidural_steroid_injection")["fits"].update(min_weeks=8))
    after = load_content(content_dir)  # same directory, edited file: reloaded
    assert "epidural_steroid_injection" not in pick(after, location="lower_back", weeks=6, **leg)
    assert "epidural_steroid_injection" in pick(after, location="lower_back", weeks=9, **leg)


def test_excludes_and_priority_come_from_the_file(tmp_path):
    content_dir = _copy(tmp_path)

    def change(d):
        _option(d, "facet_joint_injection")["fits"]["excludes_tried"] = ["radiofrequency_ablation"]
        _option(d, "facet_joint_injection")["fits"]["priority"] = 1

    _edit_options(content_dir, change)
    content = load_content(content_dir)
    axial = dict(location="lower_back", weeks=30, pattern="axial")
    assert pick(content, **axial, treatments_tried=CONSERVATIVE)[0] == "facet_joint_injection"
    assert "facet_joint_injection" not in pick(content, **axial, treatments_tried=CONSERVATIVE + ["radiofrequency_ablation"])


def test_max_weeks_and_new_names_and_reason_wording_come_from_the_file(tmp_path):
    content_dir = _copy(tmp_path)

    def change(d):
        _option(d, "epidural_steroid_injection")["fits"]["max_weeks"] = 52
        _option(d, "epidural_steroid_injection")["names"].append("back shot")
        d["story"]["where"] = "{location} pain you've had for {duration}"

    _edit_options(content_dir, change)
    _edit_labels(content_dir, lambda d: d["patterns"]["radiating_leg"].update(
        patient="running down into your leg"))
    content = load_content(content_dir)
    leg = dict(location="lower_back", treatments_tried=CONSERVATIVE, pattern="radiating_leg")
    assert "epidural_steroid_injection" not in pick(content, weeks=60, **leg)
    assert "epidural_steroid_injection" in pick(content, weeks=26, **leg)
    assert find_option(content, "what's a back shot").id == "epidural_steroid_injection"
    told = describe_story(content, story(weeks=26, **leg))
    assert "lower back pain you've had for about 6 months, running down into your leg" in told


def test_question_keywords_come_from_the_file(tmp_path):
    content_dir = _copy(tmp_path)
    _edit_options(content_dir, lambda d: d["question_aspects"]["risks"].append("downside"))
    assert question_aspect(load_content(DEFAULT_CONTENT_DIR), "any downside?") == "what"
    assert question_aspect(load_content(content_dir), "any downside?") == "risks"


# ----------------------------------------------------------------- malformed content


def _drop(option_id, fld):
    def change(d):
        del _option(d, option_id)[fld]

    return change


def _fits(option_id, **values):
    def change(d):
        _option(d, option_id)["fits"].update(values)

    return change


def _top(key, value):
    def change(d):
        if value is None:
            del d[key]
        else:
            d[key] = value

    return change


@pytest.mark.parametrize(
    "change, option, field, words",
    [
        (_drop("facet_joint_injection", "risks"), "facet_joint_injection", "risks", "missing"),
        (_drop("spinal_cord_stimulation", "fits"), "spinal_cord_stimulation", "fits", "missing"),
        (_fits("facet_joint_injection", locations=["lumbar"]), "facet_joint_injection", "fits.locations", "'lumbar'"),
        (_fits("facet_joint_injection", locations=[]), "facet_joint_injection", "fits.locations", "at least one"),
        (_fits("epidural_steroid_injection", requires_tried_any=["physio"]), "epidural_steroid_injection", "fits.requires_tried_any", "'physio'"),
        (_fits("radiofrequency_rhizotomy", requires_tried_all=["injections"]), "radiofrequency_rhizotomy", "fits.requires_tried_all", "'injections'"),
        (_fits("intrathecal_pump", excludes_tried=["surgery"]), "intrathecal_pump", "fits.excludes_tried", "never be suggested"),
        (_fits("diagnostic_block", min_weeks="twelve"), "diagnostic_block", "fits.min_weeks", "number of weeks"),
        (_fits("diagnostic_block", min_weeks=-1), "diagnostic_block", "fits.min_weeks", "number of weeks"),
        (_fits("diagnostic_block", max_weeks=2), "diagnostic_block", "fits.max_weeks", "never be suggested"),
        (_fits("diagnostic_block", priority="high"), "diagnostic_block", "fits.priority", "whole number"),
        (_fits("diagnostic_block", min_week=12), "diagnostic_block", "fits.min_week", "unknown field"),
        (lambda d: _option(d, "intrathecal_pump").update(reason=""), "intrathecal_pump", "reason", "non-empty text"),
        (_fits("epidural_steroid_injection", patterns=["sciatic"]), "epidural_steroid_injection", "fits.patterns", "'sciatic'"),
        (_fits("radiofrequency_rhizotomy", had_injection={"kinds": ["facet"], "relief": ["great"]}), "radiofrequency_rhizotomy", "fits.had_injection.relief", "'great'"),
        (_fits("radiofrequency_rhizotomy", had_injection={"kinds": ["botox"]}), "radiofrequency_rhizotomy", "fits.had_injection.kinds", "'botox'"),
        (_fits("radiofrequency_rhizotomy", had_injection={"relief": ["good"]}), "radiofrequency_rhizotomy", "fits.had_injection.kinds", "missing"),
        (_fits("intrathecal_pump", min_severity=12), "intrathecal_pump", "fits.min_severity", "0-10"),
        (_fits("spinal_cord_stimulation", any_of=[]), "spinal_cord_stimulation", "fits.any_of", "non-empty list"),
        (_fits("spinal_cord_stimulation", any_of=[{"requires_tried_any": ["surgery"]}, {"after_surgery": True}]), "spinal_cord_stimulation", "fits.any_of[2].after_surgery", "unknown field"),
        (lambda d: _option(d, "intrathecal_pump").update(risk="x"), "intrathecal_pump", "risk", "unknown field"),
        (lambda d: _option(d, "intrathecal_pump").update(names=[]), "intrathecal_pump", "names", "non-empty list"),
        (lambda d: _option(d, "intrathecal_pump").update(id="Pain Pump"), "Pain Pump", "id", "snake_case"),
        (lambda d: _option(d, "intrathecal_pump").update(id="facet_joint_injection"), "facet_joint_injection", "id", "already uses"),
        (lambda d: _option(d, "intrathecal_pump")["names"].append("epidural"), "intrathecal_pump", "names", "also a name of option 'epidural_steroid_injection'"),
        (lambda d: _option(d, "intrathecal_pump").update(how="Call {clinic_phone} to ask"), "intrathecal_pump", "how", "remove the braces"),
    ],
)
def test_malformed_option_names_file_option_and_field(tmp_path, change, option, field, words):
    content_dir = _copy(tmp_path)
    _edit_options(content_dir, change)
    with pytest.raises(ContentError) as err:
        load_content(content_dir)
    message = str(err.value)
    assert str(content_dir / "options.yml") in message
    assert f"option '{option}'" in message
    assert f"field '{field}'" in message
    assert words in message
    assert err.value.option == option and err.value.field == field


@pytest.mark.parametrize(
    "change, field, words",
    [
        (_top("disclaimer", None), "disclaimer", "missing"),
        (_top("options", []), "options", "non-empty list"),
        (lambda d: d["story"].update(where="in your {place}"), "story.where", "{place}"),
        (lambda d: d["story"].update(tried="tried {tried"), "story.tried", "unbalanced"),
        (lambda d: d["when_none_fit"].pop("nothing_tried"), "when_none_fit.nothing_tried", "missing"),
        (_top("answer_template", "{title}: {disclaimer}"), "answer_template", "{answer}"),
        (lambda d: d["question_aspects"].update(cost=["price"]), "question_aspects.cost", "unknown field"),
        (lambda d: d["question_aspects"].pop("risks"), "question_aspects.risks", "missing"),
        (_top("extra", "x"), "extra", "unknown field"),
    ],
)
def test_malformed_top_level_options_fields(tmp_path, change, field, words):
    content_dir = _copy(tmp_path)
    _edit_options(content_dir, change)
    with pytest.raises(ContentError) as err:
        load_content(content_dir)
    message = str(err.value)
    assert "options.yml" in message and f"field '{field}'" in message and words in message


@pytest.mark.parametrize(
    "change, field, words",
    [
        (lambda d: d["red_flags"].pop("saddle_numbness"), "red_flags.saddle_numbness", "missing"),
        (lambda d: d["red_flags"].update(headache={"confirm": "a headache?"}), "red_flags.headache", "unknown field"),
        (lambda d: d["red_flags"]["fever"].pop("confirm"), "red_flags.fever.confirm", "missing"),
        (lambda d: d.update(emergency_advice="Call {emergency}"), "emergency_advice", "unknown placeholder {emergency}"),
        (lambda d: d["self_care"].update(advice=[]), "self_care.advice", "non-empty list"),
        (lambda d: d["self_care"]["come_back"].append("call {clinic_phone!r}"), "self_care.come_back[4]", "malformed placeholder"),
        (lambda d: d.pop("urgent_advice"), "urgent_advice", "missing"),
    ],
)
def test_malformed_self_care_names_the_field(tmp_path, change, field, words):
    content_dir = _copy(tmp_path)
    _edit_self_care(content_dir, change)
    with pytest.raises(ContentError) as err:
        load_content(content_dir)
    message = str(err.value)
    assert str(content_dir / "self_care.yml") in message
    assert f"field '{field}'" in message and words in message


@pytest.mark.parametrize(
    "change, field, words",
    [
        (lambda d: d["patterns"].update(sideways={"patient": "x", "staff": "X"}), "patterns.sideways", "unknown field"),
        (lambda d: d["treatments"].pop("surgery"), "treatments.surgery", "missing"),
        (lambda d: d["locations"].update(hip={"patient": "hip", "staff": "Hip"}), "locations.hip", "unknown field"),
        (lambda d: d["red_flags"]["fever"].pop("patient"), "red_flags.fever.patient", "missing"),
        (lambda d: d["red_flags"]["fever"].pop("staff"), "red_flags.fever.staff", "missing"),
        (lambda d: d["patterns"]["axial"].update(patient="in your {place}"), "patterns.axial.patient", "{place}"),
        (lambda d: d["levels"]["urgent"].pop("told"), "levels.urgent.told", "missing"),
        (lambda d: d["slots"].pop("booking_name"), "slots.booking_name", "missing"),
        (lambda d: d["request_statuses"]["new"].update(patient="new"), "request_statuses.new.patient", "unknown field"),
    ],
)
def test_malformed_labels_name_the_field(tmp_path, change, field, words):
    content_dir = _copy(tmp_path)
    _edit_labels(content_dir, change)
    with pytest.raises(ContentError) as err:
        load_content(content_dir)
    message = str(err.value)
    assert str(content_dir / "labels.yml") in message
    assert f"field '{field}'" in message and words in message


def test_labels_are_the_words_the_patient_and_staff_read(tmp_path):
    """One home: a word edited in labels.yml changes what the patient is told and what the staff
    page shows for the same value."""
    content_dir = _copy(tmp_path)
    _edit_labels(content_dir, lambda d: d["red_flags"]["fever"].update(
        patient="a high temperature", staff="Temperature"))
    content = load_content(content_dir)
    assert content.self_care.red_flag_labels["fever"] == "a high temperature"
    assert content.labels.staff["red_flags"]["fever"] == "Temperature"
    assert "a high temperature" in red_flag_phrase(content, ["fever"])


def _edit_conversation(content_dir: Path, change) -> None:
    path = content_dir / "conversation.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize(
    "change, field, words",
    [
        (lambda d: d.pop("booking_sent_callback"), "booking_sent_callback", "missing"),
        (lambda d: d.pop("button_yes"), "button_yes", "missing"),
        (lambda d: d.update(offer_callback=""), "offer_callback", "non-empty text"),
        (lambda d: d.update(already_booked="Your request ({ref})"), "already_booked", "unknown placeholder {ref}"),
        (lambda d: d["durations"].pop("months"), "durations.months", "missing"),
        (lambda d: d["durations"].update(weeks="about {count} weeks"), "durations.weeks", "unknown placeholder {count}"),
        (lambda d: d.pop("durations"), "durations", "missing"),
    ],
)
def test_malformed_conversation_texts_stop_the_start_naming_the_key(tmp_path, change, field, words):
    """A missing text stops the action server at start-up, not a patient mid-conversation."""
    content_dir = _copy(tmp_path)
    _edit_conversation(content_dir, change)
    with pytest.raises(ContentError) as err:
        load_content(content_dir)
    message = str(err.value)
    assert str(content_dir / "conversation.yml") in message
    assert f"field '{field}'" in message and words in message


def test_every_conversation_key_the_code_says_is_checked_at_start_up():
    """Each key the code looks up in conversation.yml is one the loader requires."""
    from bot.content import CONVERSATION_TEXTS
    used = set()
    root = Path(content_module.__file__).resolve().parents[2]
    for path in [*(root / "bot").rglob("*.py"), *(root / "actions").rglob("*.py")]:
        source = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'clinic_sentence\(content, clinic, "([a-z_0-9]+)"', source))
        used |= set(re.findall(r'(?<![a-z_])(?:texts|conversation)\["([a-z_0-9]+)"\]', source))
        used |= set(re.findall(r'say\(content, "([a-z_0-9]+)"', source))
        used |= set(re.findall(r'say\(content\(\), clinic\(\), "([a-z_0-9]+)"', source))
        used |= set(re.findall(r'yes_no_buttons\(content, "([a-z_0-9]+)"\)', source))
        for pair in re.findall(r'key = "([a-z_0-9]+)" if .* else "([a-z_0-9]+)"', source):
            used |= set(pair)
    assert used and used <= set(CONVERSATION_TEXTS), used - set(CONVERSATION_TEXTS)
    assert {"booking_sent_consultation", "other_body_part", "button_skip"} <= used


def test_missing_file_and_invalid_yaml_are_clear(tmp_path):
    content_dir = _copy(tmp_path)
    (content_dir / "self_care.yml").unlink()
    with pytest.raises(ContentError, match="self_care.yml.*file not found"):
        load_content(content_dir)
    content_dir = _copy(tmp_path / "second")
    (content_dir / "options.yml").write_text("options: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContentError, match="options.yml.*not valid YAML"):
        load_content(content_dir)


# ----------------------------------------------------------------- self-care and red-flag texts


def test_placeholders_match_the_clinic_settings():
    assert CLINIC_PLACEHOLDERS == set(load_clinic().template_values())


def test_every_self_care_text_fills_from_clinic_settings(content):
    values = {**load_clinic().template_values(), "flags": red_flag_phrase(content, ["fever"])}
    sc = content.self_care
    for template in [sc.screening_question, sc.emergency_advice, sc.urgent_advice, sc.intro, sc.come_back_intro,
                     sc.disclaimer, *sc.advice, *sc.come_back]:
        filled = fill(template, values)
        assert "{" not in filled and "}" not in filled


def test_emergency_and_urgent_advice_use_the_clinics_numbers(content):
    values = {**load_clinic().template_values(), "emergency_number": "112", "clinic_phone": "+49 30 1234"}
    emergency = fill(content.self_care.emergency_advice, {**values, "flags": red_flag_phrase(content, ["bladder_bowel"])})
    assert "112" in emergency and "emergency department" in emergency
    assert "loss of bladder or bowel control" in emergency
    urgent = fill(content.self_care.urgent_advice, {**values, "flags": red_flag_phrase(content, ["fever", "trauma"])})
    assert "+49 30 1234" in urgent and "24 hours" in urgent
    with pytest.raises(ValueError, match="flags"):
        fill(content.self_care.urgent_advice, load_clinic().template_values())


def test_red_flags_are_echoed_in_plain_words(content):
    assert set(content.self_care.red_flag_labels) == set(RED_FLAGS)
    assert red_flag_phrase(content, ["saddle_numbness"]) == "numbness in the groin or saddle area"
    assert red_flag_phrase(content, ["fever", "cancer_history", "fever", "unknown"]) == "a fever and a history of cancer"
    for flag in RED_FLAGS:
        assert "_" not in content.self_care.red_flag_labels[flag]


def test_screening_question_mentions_every_sign(content):
    q = content.self_care.screening_question.lower()
    for words in ["bladder", "bowel", "groin", "weakness", "fever", "fall", "cancer", "weight"]:
        assert words in q


def test_self_care_message_covers_the_advice_and_when_to_come_back(content):
    message = self_care_message(content, load_clinic().template_values())
    for words in ["active", "bed rest", "Heat", "pharmacist", "4 to 6 weeks",
                  load_clinic().emergency_number, "not a diagnosis"]:
        assert words in message
    assert "{" not in message


# ----------------------------------------------------------------- durations


@pytest.mark.parametrize(
    "weeks, text",
    [
        (0.05, "less than a day"),
        (0.14, "about a day"),
        (0.3, "a few days"),
        (1, "about a week"),
        (3, "about 3 weeks"),
        (6, "about 6 weeks"),
        (21.7, "about 5 months"),
        (26, "about 6 months"),
        (52, "about a year"),
        (78, "about a year and a half"),
        (104, "about 2 years"),
        (130, "over 2 years"),
        (520, "about 10 years"),
    ],
)
def test_describe_duration(weeks, text, content):
    assert describe_duration(weeks, content.duration_words) == text


@given(weeks=st.floats(min_value=0, max_value=5000))
def test_describe_duration_always_gives_words(content, weeks):
    text = describe_duration(weeks, content.duration_words)
    assert text and "{" not in text and not re.search(r"\b0 ", text) and not re.search(r"\b1 (weeks|months|years)", text)


@pytest.mark.parametrize("bad", [-1, float("nan"), float("inf"), "6 months", None])
def test_describe_duration_rejects_nonsense(bad, content):
    with pytest.raises(ValueError):
        describe_duration(bad, content.duration_words)
