"""Patient data is health data: nothing a patient wrote, and no contact detail, in any log."""
from tests.harness import free_port, running_action_server, say, start_rasa

SECRETS = ["Zebedee Quinlan-Okafor", "zebedee.q@example.com", "5550199876",
           "numb between my legs", "physio and ibuprofen, it doesn't spread", "marmalade"]


def test_a_whole_conversation_leaves_no_patient_text_in_any_log(tmp_path, db_url):
    port = free_port()
    with running_action_server(tmp_path, DB_URL=db_url) as action_url:
        rasa = start_rasa(tmp_path, port, action_url)
        try:
            for text in ["hello", "my lower back has hurt for 6 months, it stays in my back", "physio and ibuprofen, it doesn't spread",
                         "none of those", "skip", "yes please", "Zebedee Quinlan-Okafor",
                         "zebedee.q@example.com 555 019 9876", "weekday mornings",
                         "I like marmalade", "and now I'm numb between my legs"]:
                say(port, "log-check", text)
        finally:
            rasa.terminate()
            rasa.wait(timeout=30)
    logs = {p.name: p.read_text(errors="replace") for p in tmp_path.glob("*.log")}
    assert len(logs) >= 2, "both servers' logs are scanned"
    for name, text in logs.items():
        for secret in SECRETS:
            assert secret.lower() not in text.lower(), f"{secret!r} found in {name}"
