"""Red flags a patient would see raised, asked or left alone, by kind (sentences written for this
test, none from a blind set): a relative's blanket "no" followed by an exception; the writer's
own sign while typing for someone else, and a consultation the writer says is their own; a leak
denied beside a numb saddle; a relative's cancer under a Caribbean "mai"; an injury long over; a
trip that a weak foot causes (the weakness, not an injury) beside a real fall (still trauma);
workplaces and other people's falls; weight lost and regained; a sign someone told the writer
to mention; a name typed at the name question ("Walter" is no misspelt "water")."""
import pytest

from tests.unit.reading import read


@pytest.mark.parametrize("text,flag", [
    # a blanket "no" relayed, then the exception: asked at least, never lost
    ("my mum says no to everything except she's been feverish since Sunday, we've not taken her temperature",
     "fever"),
    ("I asked grandad and he says no to all of it, except he's felt hot and shivery, nobody checked his temperature",
     "fever"),
    ("Mi papá dice que no a todo, pero yo lo he visto más flaco estas semanas", "weight_loss"),
    ("mi abuela dice que no a todo, pero la veo más delgada y no hace dieta", "weight_loss"),
])
def test_an_exception_after_a_blanket_no_is_asked_at_least(text, flag):
    reading = read(text)
    assert flag in reading.raised | reading.asked


@pytest.mark.parametrize("text,flag", [
    # the same words, kept where they tell the patient's own sign
    ("I'm the one with the fever, and my lower back is killing me", "fever"),
    ("typing for my mum, she has had a fever since yesterday and her back hurts", "fever"),
    ("escribo por mi papá, él tiene fiebre desde ayer y le duele la espalda", "fever"),
    ("la que tiene fiebre soy yo y me duele la espalda", "fever"),
    ("I tripped over the dog and landed hard on my back on Sunday", "trauma"),
    ("I almost tripped on the stairs, then I did fall down the last three steps yesterday", "trauma"),
    ("I lost 12 pounds in two months without trying", "weight_loss"),
    ("I work at a cancer centre and I had breast cancer myself two years ago", "cancer_history"),
    ("low back pain since Monday, can't feel my bottom or between my legs", "saddle_numbness"),
    ("me caí del caballo el sábado y me duele la espalda", "trauma"),
])
def test_a_sign_of_the_patient_is_still_raised(text, flag):
    assert flag in read(text).raised


@pytest.mark.parametrize("text,flag", [
    # the writer's own sign while typing for someone else
    ("writing for my husband, his neck is the problem. I'm the one with the temperature, not him", "fever"),
    ("I'm typing for my mother, her low back hurts; I am the one who has a fever, not her", "fever"),
    ("escribo por mi mamá, la que tiene fiebre soy yo, a ella le duele la cintura", "fever"),
    # a relative's sign beside a consultation the writer says is their own
    ("mi papá está bajando de peso, pero la consulta es para mí: me duele el cuello hace 2 meses",
     "weight_loss"),
    # a leak denied beside a numb saddle: the saddle sign, not the bladder
    ("not peeing myself or anything, but my bum has gone numb since yesterday", "bladder_bowel"),
    ("I'm not wetting myself, it's only my inner thighs that feel numb", "bladder_bowel"),
    # a relative's cancer, not the writer's
    ("Mi mai tuvo cáncer de colon, yo no. Me duele la espalda baja hace un mes", "cancer_history"),
    # an injury long over
    ("Me duele la cintura desde hace un mes. Hace muchísimos años me caí de una moto pero eso ya quedó atrás.",
     "trauma"),
    # a trip caused by a weak foot is the weakness, never an injury
    ("my left foot keeps flopping and I've almost tripped twice today, low back pain 6 weeks", "trauma"),
    ("pain down my right leg and that foot is weaker, I trip over it on the stairs", "trauma"),
    # workplaces and other people's falls
    ("I'm a porter, I help patients who have fallen all day, my back is just sore from lifting", "trauma"),
    ("my son works in a cancer hospital and said I should mention weight loss. I haven't lost any.",
     "weight_loss"),
    ("I volunteer at a hospice, nothing wrong with me apart from this low back", "cancer_history"),
    ("mi hija trabaja en un hospital oncológico y me dijo que lo mencionara. Me duele el cuello", "cancer_history"),
    ("soy enfermera en la planta de oncología, yo sana, solo la espalda baja", "cancer_history"),
    ("manejo una ambulancia y levanto pacientes que se caen, pero yo no me he caído", "trauma"),
    # weight lost and regained
    ("I lost some weight with flu in the spring but I've put it back on. Low back pain 3 months.",
     "weight_loss"),
    ("bajé de peso cuando estuve enferma el año pasado pero ya lo recuperé. Me duele el cuello", "weight_loss"),
    # a fever long gone
    ("tuve fiebre en Navidad pero se me fue hace rato, ahora es la espalda hace un mes", "fever"),
])
def test_a_decoy_raises_nothing(text, flag):
    assert flag not in read(text).raised


@pytest.mark.parametrize("text,flag", [
    ("tuve fiebre el lunes pasado con la gripe pero ya se me fue", "fever"),  # last week is never long ago
    ("had a temperature last week with a cold but it's gone", "fever"),
    ("my husband told me to mention I have lost a stone without trying", "weight_loss"),
])
def test_a_recent_or_relayed_sign_is_asked_at_least(text, flag):
    reading = read(text)
    assert flag in reading.raised | reading.asked


def test_a_leak_denied_beside_a_numb_saddle_raises_the_saddle_sign():
    reading = read("not peeing myself or anything, but my bum has gone numb since yesterday")
    assert "saddle_numbness" in reading.raised
    assert "bladder_bowel" not in reading.raised | reading.asked


@pytest.mark.parametrize("text", ["Walter", "Walter Brown", "Walter Smith-Jones", "Molly Walter"])
def test_a_name_at_the_name_question_asks_about_no_sign(text):
    reading = read(text)
    assert reading.raised == set() and reading.asked == set()


def test_a_misspelt_sign_in_a_sentence_is_still_asked_or_raised():
    reading = read("my watr keeps leaking out since yesterday")
    assert "bladder_bowel" in reading.raised | reading.asked
