"""A clinician's edit to the content files changes the conversation, with no code change."""
import shutil
import uuid

import yaml

from bot.content import default_content_dir
from tests.harness import Conversation, load_agent, running_action_server

PATIENT = ["my lower back has hurt for 6 months and it shoots down my leg, physio didn't help", "none of those"]


def edited_content(tmp_path, edit, edit_spanish=None):
    """A copy of the content with options.yml edited (and its Spanish translation, which
    must follow: an option the Spanish file lacks stops the start-up)."""
    target = tmp_path / "content"
    shutil.copytree(default_content_dir(), target)
    for path, change in ((target / "options.yml", edit), (target / "es" / "options.yml", edit_spanish)):
        if change is None:
            continue
        data = yaml.safe_load(path.read_text())
        change(data)
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    return target


def converse(tmp_path, loop, content_dir, db_url):
    with running_action_server(tmp_path, CLINIC_CONTENT_DIR=str(content_dir), DB_URL=db_url) as url:
        c = Conversation(load_agent(url, db_url), loop, f"content-edit-{uuid.uuid4().hex}")
        for text in PATIENT:
            reply = c.say(text)
        return reply, c.slots


def test_a_new_option_and_a_changed_condition_change_what_patients_hear(tmp_path, loop, db_url):
    def edit(data):
        new = dict(data["options"][0])
        new.update(id="pilot_programme", title="Pilot back programme",
                   names=["pilot back programme"], reason="A pilot programme for testing.",
                   fits={"locations": ["lower_back"], "min_weeks": 4, "priority": 0})
        data["options"].insert(0, new)
        for option in data["options"]:  # and epidurals now need 52 weeks, not 4
            if option["id"] == "epidural_steroid_injection":
                option["fits"]["min_weeks"] = 52

    def translate(data):
        new = dict(data["options"][0])
        new.update(id="pilot_programme", title="Programa piloto para la espalda",
                   names=["programa piloto"], reason="Un programa piloto de prueba.")
        data["options"].insert(0, new)

    reply, slots = converse(tmp_path, loop, edited_content(tmp_path, edit, translate), db_url)
    assert "Pilot back programme" in reply
    assert slots["options_explained"][0] == "pilot_programme"
    assert "epidural_steroid_injection" not in slots["options_explained"]
    assert "Epidural" not in reply
