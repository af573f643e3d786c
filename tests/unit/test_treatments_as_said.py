"""Treatments tried, as patients name them: brands, slang, therapies in plain words.

Medicines by brand, class, regional brand or slang (vocabulary and drug dictionary), a
combination with one ingredient for pain, a relative's medicine the patient took, rest, heat,
cupping and other therapies as typed, short, dictated and plural names. English; Spanish in
test_treatments_spanish.py. Sentences written for these tests, none from a blind set."""
from __future__ import annotations

import pytest

from bot.nlu.drugs import drug_category, for_pain
from tests.unit.reading import slots, slots_and_asked, tried
from tests.vocabulary_reading import vocab_tried


@pytest.mark.parametrize("text,expected", [
    ("a hot shower every morning helps a bit", {"heat_ice"}),
    ("just laying on the floor with my knees up", {"rest"}),
    ("I go to water aerobics on Tuesdays", {"exercise"}),
    ("my sister's tramadol, a chiropractor and a heat pack", {"prescription_medication", "chiropractic",
                                                             "heat_ice"}),
    ("some co-codamol I bought over the counter", {"otc_medication"}),
    ("a TENS machine from the chemist", set()),
    ("the exercises my physio gave me", {"physical_therapy"}),
    ("my shoulder got a steroid injection in the spring", set()),
    ("I take a statin but that's for my cholesterol", set()),
    ("I saw an osteopath but that was for my neck, ages ago", set()),
    ("bowel cancer 2018, surgery and chemo, all clear", set()),
    ("the epidural during labour made my legs numb", set()),
    ("turmeric paste as per my mum, Tiger Balm and rest", {"otc_medication", "rest"}),
    ("spent three days on the couch", {"rest"}),
    ("I got my back cracked at a place in town", {"chiropractic"}),
    ("my partner rubs my neck when it's bad", {"massage"}),
    ("a masage once", {"massage"}),
    ("borrowed my brother's heat pack", {"heat_ice"}),
    ("my husband's cyclobenzaprine", {"prescription_medication"}),
    ("some cbd oil from the health shop", {"otc_medication"}),
    ("the doctor put me on etoricoxib", {"prescription_medication"}),
    ("the gel from the chemist", {"otc_medication"}),
    ("had an injecshun in march", {"injection"}),
    ("they did the burn thing on the nerves in my neck", {"radiofrequency_ablation"}),
    ("still bad, not even after the epidural", {"injection"}),
    ("he's had a nerve block and been on pregabalin", {"injection", "prescription_medication"}),
    ("had a spine op in 2018 and the low back still aches", {"surgery"}),
    ("a steroid jab in my lower back last spring, no help", {"injection"}),
    ("physio for a month and my doctor's now saying try duloxetine", {"physical_therapy"}),
    ("the doctor has given me naproxen for my back", {"prescription_medication"}),
    ("I rub Vicks on my back at night", {"otc_medication"}),
    ("me tomé unas pastillas de mi esposo para la espalda", {"otc_medication"}),
    ("me puse la pomada de mi mamá en la espalda", {"otc_medication"}),
    ("Tylenol y un massage therapist cada semana", {"otc_medication", "massage"}),
    ("me hicieron acupuntura con ventosas", {"acupuncture"}),
    ("ibu, ice and rest", {"otc_medication", "heat_ice", "rest"}),
    ("my doctor put me on tylenol 3s", {"prescription_medication"}),
    ("I've had a few eye be profen and a heating pad", {"otc_medication", "heat_ice"}),
    ("she gave me flexor all for the spasms", {"prescription_medication"}),
    ("the GP said Panadeine Forte, it barely helps", {"prescription_medication"}),
    # a rub made at home is no medicine; one bought is
    ("mi tía me soba con alcohol de romero cada noche", {"massage"}),
    ("una sobada con Bengué y trapos calientes", {"massage", "otc_medication", "heat_ice"}),
    ("masaje con aceite y luego me tomo un naproxeno", {"massage", "otc_medication"}),
    # heat patches are heat, whatever the word for patch
    ("unos parches de los calientitos", {"heat_ice"}),
    # a plural or one-letter slip of a long name
    ("unas fisioterapias y unos Sedalmercks", {"physical_therapy", "otc_medication"}),
    # as typed, and a non-native writer's words for a hot water bottle
    ("saw a kyropracter a few times and used a heeting pad", {"chiropractic", "heat_ice"}),
    ("I take the paracetamol and use the hot bag on it", {"otc_medication", "heat_ice"}),
    # suggested or asked about, not had
    ("ibuprofen so far. my GP said to look into physio", {"otc_medication"}),
    ("only ice. I'd like to know about the nerve burning thing", {"heat_ice"}),
])
def test_treatments_as_read(text, expected):
    assert tried(text) == expected


def test_an_injection_for_the_back_beside_another_joint_still_counts():
    assert "injection" in tried("my knee is fine, the epidural in my lower back helped")


def test_a_treatment_never_gone_back_to_was_tried():
    assert slots_and_asked("went to a chiropractor once but never went back")[0]["treatments_tried"] == ["chiropractic"]


def test_a_relatives_medicine_the_patient_took_counts():
    assert slots("I had a couple of my husband's old Norco")["treatments_tried"] == [
        "prescription_medication"]


@pytest.mark.parametrize("text,treatment", [
    ("mostly vitamin I and a hot water bottle", "otc_medication"),
    ("Anadin Extra when it's bad", "otc_medication"),
    ("a tube of Bengay", "otc_medication"),
    ("the doctor has me on Zapain", "prescription_medication"),
    ("nothing works, not even the morphine", "prescription_medication"),
    ("solpadeine bought from the pharmacy", "otc_medication"),
])
def test_brands_and_slang_are_read(text, treatment):
    assert treatment in slots(text)["treatments_tried"]


@pytest.mark.parametrize("text,expected", [
    ("Norco and Percocet", {"prescription_medication"}),
    ("Vicodin, then Ultracet", {"prescription_medication"}),
    ("a steroid dose pack", {"prescription_medication"}),
    ("muscle relaxers", {"prescription_medication"}),
    ("an anti-inflammatory cream", {"otc_medication"}),
    ("Butrans patch, changed weekly", {"prescription_medication"}),  # the dictionary only
    ("I take cymbalta and advil", {"prescription_medication", "otc_medication"}),
    ("Tylenol 3s from my doctor", {"prescription_medication"}),
    ("advil, aleve and tylenol", {"otc_medication"}),
    ("a Kenalog shot in my back", {"injection"}),  # a drug given as a shot is the injection
    ("went to P.T. a couple of times", {"physical_therapy"}),
    ("they burned the nerves", {"radiofrequency_ablation"}),
    ("I've been walking more", {"exercise"}),
    ("the facet injections helped", {"injection"}),  # had, not asked about
])
def test_treatments_as_spoken(text, expected):
    assert set(slots(text)["treatments_tried"]) == expected


def test_over_the_counter_list_decides_the_category():
    assert drug_category("Ibuprofen") == "otc_medication"
    assert drug_category("Buprenorphine Patch") == "prescription_medication"


@pytest.mark.parametrize("text,expected", [
    ("took two Biogesic last night, still sore po", {"otc_medication"}),
    ("my lower back hurts, Alaxan helps a little", {"otc_medication"}),
    ("went for hilot twice this week for my lower back", {"massage"}),
    ("Medicol and a hot compress", {"otc_medication", "heat_ice"}),
    ("my nanay has neck pain for a month, she takes Biogesic", {"otc_medication"}),
    ("naproxen from the doctor and my physio's exercises every morning",
     {"prescription_medication", "physical_therapy"}),
    ("doing the exercises my physio gave me", {"physical_therapy"}),
    # Spanish and Spanglish
    ("me tomo un Atamel cuando me duele mucho la espalda", {"otc_medication"}),
    ("me unto ungüento de marihuana en la cintura", {"otc_medication"}),
    ("en urgencias me dieron muscle relaxers y ya", {"prescription_medication"}),
    ("en la farmacia me pusieron una inyección de antiinflamatorio", {"injection"}),
    ("me inyectaron un antiinflamatorio en la farmacia", {"prescription_medication"}),
    ("En la farmacia me pusieron una inyección de ketorolaco", {"injection"}),
    ("my GP prescribed Vimovo for the low back", {"prescription_medication"}),
    ("cod liver oil and omega 3 capsules every morning", {"otc_medication"}),
    ("the chiropractor adjusted me twice, got adjusted again friday", {"chiropractic"}),
    ("my husband gives me a back rub at night", {"massage"}),
    ("the dentist gave me some pain pills and I've used them for my back", {"prescription_medication"}),
    ("took paracetamol and layed down all afternoon", {"otc_medication", "rest"}),
    ("been laying flat on my bed for two days", {"rest"}),
    ("mostly lying on the couch with a hot pad", {"rest", "heat_ice"}),
    ("a lady near me does cupping, tried that twice", set()),  # suction cups: no acupuncture, no listed treatment
    ("had a test block at the pain clinic", {"injection"}),
    ("the doctor give me naproxen", {"prescription_medication"}),
])
def test_treatments_the_vocabulary_reads(text, expected):
    assert vocab_tried(text) == expected


def test_a_combination_treats_pain_when_one_ingredient_may():
    assert drug_category("Ibuprofen/paracetamol") == "otc_medication"
    assert for_pain("Naproxen/esomeprazole")
    assert not for_pain("Omeprazole")


@pytest.mark.parametrize("text,expected", [
    # a brand no dictionary knows, told as a medicine by its dose or form
    ("Dorsalex 100 twice a day for the low back", {"otc_medication"}),
    ("two Flexon tablets at night", {"otc_medication"}),
    ("I rub Lumbacalm gel on my lower back", {"otc_medication"}),
    # ... or capitalised right after a taking verb
    ("been taking Zipsor for my back", {"otc_medication"}),
    ("the doctor put me on Zipsor and it helps", {"prescription_medication"}),
])
def test_a_brand_no_dictionary_knows(text, expected):
    assert expected <= vocab_tried(text)


def test_a_medicine_bought_after_a_prescribed_one_stays_over_the_counter():
    assert tried("tramadol prescribed by my doctor and bought some ibuprofen gel") == {
        "prescription_medication", "otc_medication"}
