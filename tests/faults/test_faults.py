"""Faults with real processes: the action server going away and coming back."""
from bot.clinic import load_clinic
from tests.harness import Conversation, free_port, load_agent, running_action_server
from tests.words import NOT_UNDERSTOOD, TROUBLE


def test_the_action_server_down_gets_an_honest_answer_and_the_chat_resumes(tmp_path, loop, db_url):
    port = free_port()  # nothing listens here yet
    agent = load_agent(f"http://127.0.0.1:{port}/webhook", db_url)
    c = Conversation(agent, loop, "outage")
    reply = c.say("my lower back has hurt for 6 months, it stays in my back")
    assert TROUBLE in reply
    clinic = load_clinic()
    assert clinic.phone in reply and clinic.emergency_number in reply
    assert NOT_UNDERSTOOD not in reply

    # The server comes back (on the same address): the conversation carries on.
    with running_action_server(tmp_path, port, DB_URL=db_url) as url:
        assert url.endswith(f":{port}/webhook")
        reply = c.say("my lower back has hurt for 6 months, it stays in my back, physio didn't help")
        assert "bladder" in reply  # the red-flag screen: the questions resumed
        assert c.slots["duration_category"] == "chronic"


def test_a_restarted_action_server_costs_the_patient_nothing_and_a_stopped_one_is_told(
        tmp_path, loop, db_url):
    """Rasa keeps its connections to the action server open between calls
    (bot/action_connections.py): one the restarted server closed is not the patient's problem;
    a server that stays down still gets the honest answer."""
    port = free_port()
    agent = load_agent(f"http://127.0.0.1:{port}/webhook", db_url)
    c = Conversation(agent, loop, "restarted")
    with running_action_server(tmp_path, port, DB_URL=db_url):
        reply = c.say("my lower back has hurt for 6 months")
        assert TROUBLE not in reply and c.slots["pain_location"] == "lower_back"
    with running_action_server(tmp_path, port, DB_URL=db_url):  # restarted on the same address
        reply = c.say("it stays in my back, physio didn't help")
        assert TROUBLE not in reply
        assert "bladder" in reply  # the red-flag screen: the questions went on
    reply = c.say("no, none of those")  # stopped, and not started again
    assert TROUBLE in reply
    assert load_clinic().phone in reply
