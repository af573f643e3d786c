"""The Rasa server killed mid-booking and restarted: the conversation resumes where it was."""
import signal

from tests.harness import free_port, say, start_rasa


def test_a_killed_server_resumes_the_booking_form_where_it_was(tmp_path, action_server):
    port = free_port()
    rasa = start_rasa(tmp_path, port, action_server)
    try:
        say(port, "restart-1", "my lower back has hurt for 6 months, it stays in my back, physio didn't help")
        say(port, "restart-1", "none of those")
        say(port, "restart-1", "skip")
        say(port, "restart-1", "yes please")
        assert "phone" in say(port, "restart-1", "Jane Smith")
    finally:
        rasa.send_signal(signal.SIGKILL)  # no clean shutdown
        rasa.wait(timeout=30)

    rasa = start_rasa(tmp_path, port, action_server)
    try:
        # Still in the booking form, with the name already given: next it asks when.
        assert "When" in say(port, "restart-1", "jane@example.com")
        confirmation = say(port, "restart-1", "weekday mornings")
        assert "Jane Smith" in confirmation and "reference" in confirmation
    finally:
        rasa.terminate()
        rasa.wait(timeout=30)
