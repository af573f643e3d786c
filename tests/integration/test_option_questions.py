"""Every option the clinic offers can be asked about at any time, answered from the file."""
import pytest

from bot.content import load_content

CONTENT = load_content()
QUESTIONS = {
    "what": "what is {name}?",
    "how": "how is {name} done, does it hurt?",
    "relief": "how long does {name} last?",
    "risks": "what are the risks of {name}?",
}


@pytest.mark.parametrize("option", CONTENT.options, ids=[o.id for o in CONTENT.options])
@pytest.mark.parametrize("aspect", sorted(QUESTIONS))
def test_each_question_about_each_option_is_answered_from_the_content_file(chat, option, aspect):
    c = chat("ask")
    reply = c.say(QUESTIONS[aspect].format(name=option.names[0]))
    expected = getattr(option, aspect).strip()
    assert " ".join(expected.split())[:60] in " ".join(reply.split())
    assert "not a diagnosis" in reply


def test_a_follow_up_question_is_about_the_option_just_discussed(chat):
    option = CONTENT.option("radiofrequency_rhizotomy")
    c = chat("follow-up")
    c.say("what is radiofrequency ablation?")
    reply = c.say("and how long does the relief last?")
    assert " ".join(option.relief.split())[:60] in " ".join(reply.split())


def test_a_treatment_that_is_not_one_option_is_never_answered_with_the_previous_one(chat):
    c = chat("ambiguous")
    c.say("what is spinal cord stimulation?")
    reply = c.say("what is a nerve block?")  # a nerve root block or a diagnostic block?
    scs = CONTENT.option("spinal_cord_stimulation")
    assert " ".join(scs.what.split())[:60] not in " ".join(reply.split())
    assert CONTENT.option("nerve_root_block").title in reply
    assert CONTENT.option("diagnostic_block").title in reply


def test_driving_home_after_the_option_just_discussed_is_its_how_not_the_clinic_s_companion(chat):
    option = CONTENT.option("facet_joint_injection")
    c = chat("drive-home")
    c.say("what is a facet joint injection?")
    reply = c.say("after that, could I drive myself home or should I bring someone with me?")
    assert " ".join(option.how.split())[:60] in " ".join(reply.split())


def test_a_spanish_question_about_driving_back_after_the_option_is_its_how(chat):
    spanish = load_content(lang="es")
    option = spanish.option("epidural_steroid_injection")
    c = chat("drive-home-es")
    c.say("hola, ¿qué es una inyección epidural de esteroides?")
    reply = c.say("¿y después puedo regresar manejando o mejor voy acompañado?")
    assert " ".join(option.how.split())[:60] in " ".join(reply.split())
