"""The web chat in Spanish, in Chromium: a page with data-lang="es" (the demo page's /?lang=es)
from the greeting to a booked consultation, the widget's own words in Spanish, and the
visible Español / English switch changing both the widget and the assistant's language."""
from __future__ import annotations

import pytest

from bot import store
from tests.web.test_webchat import (  # noqa: F401 - fixtures, registered by import
    DESKTOP,
    EMERGENCY,
    TURN,
    bot_says,
    browser,
    new_page,
    session_id,
    settle,
    web_server,
)

pytestmark = pytest.mark.slow


def escribir(page, text):
    box = page.get_by_label("Su mensaje")
    box.fill(text)
    box.press("Enter")


def test_a_whole_conversation_in_spanish_on_the_demo_page(browser, web_server):  # noqa: F811
    from playwright.sync_api import expect

    context, page, outside, errors = new_page(browser, DESKTOP)
    page.goto(web_server + "/?lang=es")
    expect(page.locator(".stc-disclaimer")).to_contain_text("no un diagnóstico")
    expect(page.locator(f".stc-disclaimer a[href='tel:{EMERGENCY}']")).to_be_visible()
    expect(page.get_by_role("button", name="Switch to English")).to_have_text("English")
    expect(page.get_by_label("Su mensaje")).to_have_attribute("placeholder", "Escriba su mensaje…")

    bot_says(page, "¿Dónde le duele?")  # the greeting, in the page's language
    settle(page)
    page.get_by_role("button", name="Parte baja de la espalda").click()
    bot_says(page, "¿Desde hace cuánto")
    escribir(page, "desde hace un año más o menos")
    bot_says(page, "¿Qué ha probado")
    escribir(page, "fisioterapia y paracetamol")
    bot_says(page, "vejiga")  # the warning-sign screen first, then where the pain goes
    settle(page)
    page.get_by_role("button", name="Ninguno de estos").click()
    bot_says(page, "¿El dolor se extiende")
    settle(page)
    page.get_by_role("button", name="Se queda en la espalda").click()
    bot_says(page, "no un diagnóstico")
    settle(page)
    page.get_by_role("button", name="Saltar").click()
    bot_says(page, "consulta")
    settle(page)
    page.get_by_role("button", name="Sí").click()
    bot_says(page, "nombre")
    escribir(page, "José Pérez")
    bot_says(page, "teléfono")
    escribir(page, "555 010 2030")
    bot_says(page, "¿Cuándo")
    settle(page)
    page.get_by_role("button", name="Mañanas").click()
    bot_says(page, "referencia")
    [booking] = store.list_bookings(f"web:{session_id(page)}")
    assert booking["name"] == "José Pérez"
    assert not outside and not errors
    context.close()


def test_the_switch_changes_the_widget_and_the_assistant_to_spanish_and_back(browser, web_server):  # noqa: F811
    from playwright.sync_api import expect

    context, page, outside, errors = new_page(browser, DESKTOP)
    page.goto(web_server)
    bot_says(page, "Where does it hurt")
    settle(page)
    page.get_by_role("button", name="Cambiar a español").click()
    expect(page.locator(".stc-disclaimer")).to_contain_text("no un diagnóstico")
    expect(page.locator(".stc-user", has_text="Español, por favor")).to_be_visible()
    bot_says(page, "¿Dónde le duele?", timeout=TURN)
    settle(page)
    page.get_by_role("button", name="Switch to English").click()
    expect(page.locator(".stc-disclaimer")).to_contain_text("not a diagnosis")
    bot_says(page, "Where does it hurt")
    assert not outside and not errors
    context.close()
