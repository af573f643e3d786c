"""Off-script turns over the REST channel (`rasa run`, as `make run` serves the webhook)."""
from bot.clinic import load_clinic
from tests.harness import free_port, say, start_rasa

CLINIC = load_clinic()


def test_over_rest_a_clinic_question_a_correction_and_leaving(tmp_path, action_server):
    port = free_port()
    rasa = start_rasa(tmp_path, port, action_server)
    try:
        say(port, "rest-offscript", "hello")
        assert "How long" in say(port, "rest-offscript", "my neck")
        reply = say(port, "rest-offscript", "where is the clinic?")
        assert CLINIC.address in reply and reply.rstrip().endswith("How long have you had this pain?")
        assert "tried" in say(port, "rest-offscript", "5 weeks")
        assert "Got it: about 5 months." in say(port, "rest-offscript", "sorry, 5 months not weeks")
        goodbye = say(port, "rest-offscript", "got to run, sorry")
        assert CLINIC.phone in goodbye and CLINIC.emergency_number in goodbye
        assert "?" not in goodbye
    finally:
        rasa.terminate()
        rasa.wait(timeout=30)
