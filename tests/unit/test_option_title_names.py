"""An option is named by its title as the patient read it in the list, in either language."""
from __future__ import annotations

from bot.content import load_content
from bot.option_select import find_option


def test_every_title_names_its_option_with_or_without_its_bracketed_part():
    for lang in ("en", "es"):
        content = load_content(lang=lang)
        for option in content.options:
            assert find_option(content, f"tell me about {option.title}") == option
    spanish = load_content(lang="es")
    assert find_option(spanish, "¿la inyección en las articulaciones facetarias duele?").id == \
        "facet_joint_injection"
    assert find_option(load_content(), "is a diagnostic injection safe?").id == "diagnostic_block"
