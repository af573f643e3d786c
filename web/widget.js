/*
 * Spine & pain clinic triage assistant: the web chat widget.
 *
 * Embed with one tag (see the README):
 *   <script src="https://chat.example-clinic.org/widget.js"
 *           data-server="https://assistant.example-clinic.org"
 *           data-clinic="Example Spine & Pain Clinic" data-emergency="911"
 *           data-phone="+1 (555) 555-0100" defer></script>
 *
 * It loads widget.css and the socket.io client (vendor/socket.io.min.js) from the folder it
 * was itself loaded from: no third-party host at run time. It talks to Rasa's socket.io
 * channel (credentials: session_persistence: true). The server issues the session: its id and
 * a signed, expiring token come in session_confirm; only the token, presented again in
 * session_request, carries the conversation on after a reload or a reconnect (a bare id does
 * not). Token and transcript are kept in localStorage for as long as Rasa keeps the session
 * (data-session-minutes, default 60).
 * Patient and bot text is only ever inserted as text (textContent), never as HTML.
 *
 * Language: data-lang="es" opens the chat in Spanish (default "en"); a visible Español /
 * English switch in the header changes it at any time. The widget's own words follow it
 * (WORDS below), every message carries {"language": ...} as metadata (the session starts in
 * it), and a switch also sends the patient's request ("Español, por favor" / "English
 * please"), which the assistant answers in the new language.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || window.SpineTriageChat) {
    return;
  }
  var data = script.dataset;
  var base = script.src.replace(/[^/]*(\?.*)?$/, "");
  var scriptOrigin = new URL(script.src, document.baseURI).origin;
  var server = (data.server || scriptOrigin).replace(/\/+$/, "");
  // The widget's own words in each language the assistant speaks. data-title and
  // data-launcher (and data-title-es, data-launcher-es) replace the defaults.
  var WORDS = {
    en: {
      title: "Back & neck pain assistant", launcher: "Questions about back or neck pain?",
      close: "Close chat", closeTitle: "Close", restart: "New chat",
      restartTitle: "Start a new conversation", notDiagnosis: "General information, not a diagnosis. ",
      emergencyCall: "In an emergency call ", emergencyLocal: "In an emergency call your local emergency number.",
      conversation: "Conversation", typing: "The assistant is typing",
      placeholder: "Type your message\u2026", send: "Send", yourMessage: "Your message",
      automated: "Automated assistant", youSaid: "You said: ", assistant: "Assistant: ",
      suggested: "Suggested answers", slow: "The assistant is taking longer than usual. You can keep typing, or call ",
      theClinic: "the clinic", lost: "Connection lost. Reconnecting\u2026",
      unsent: "The connection dropped before your last message reached the assistant. It is back in the message box: send it again when you are ready.",
      unreachable: "Can't reach the assistant right now. Retrying\u2026", alsoCall: " You can also call ",
      noLoad: "The chat could not load. Please call ", switchTo: "Español", switchLabel: "Cambiar a español",
      request: "English please"
    },
    es: {
      title: "Asistente para dolor de espalda y cuello", launcher: "¿Preguntas sobre dolor de espalda o cuello?",
      close: "Cerrar el chat", closeTitle: "Cerrar", restart: "Nueva conversación",
      restartTitle: "Empezar una conversación nueva", notDiagnosis: "Información general, no un diagnóstico. ",
      emergencyCall: "En una emergencia llame al ", emergencyLocal: "En una emergencia llame a su número local de emergencias.",
      conversation: "Conversación", typing: "El asistente está escribiendo",
      placeholder: "Escriba su mensaje\u2026", send: "Enviar", yourMessage: "Su mensaje",
      automated: "Asistente automático", youSaid: "Usted dijo: ", assistant: "Asistente: ",
      suggested: "Respuestas sugeridas", slow: "El asistente está tardando más de lo normal. Puede seguir escribiendo, o llamar al ",
      theClinic: "la clínica", lost: "Se perdió la conexión. Reconectando\u2026",
      unsent: "La conexión se cortó antes de que su último mensaje llegara al asistente. Está de nuevo en el cuadro de mensaje: envíelo otra vez cuando quiera.",
      unreachable: "No se puede conectar con el asistente ahora. Reintentando\u2026", alsoCall: " También puede llamar al ",
      noLoad: "El chat no se pudo cargar. Por favor, llame al ", switchTo: "English", switchLabel: "Switch to English",
      request: "Español, por favor"
    }
  };
  var cfg = {
    server: server,
    path: data.socketPath || "/socket.io",
    lang: WORDS[data.lang] ? data.lang : "en",
    titles: { en: data.title || WORDS.en.title, es: data.titleEs || WORDS.es.title },
    launchers: { en: data.launcher || WORDS.en.launcher, es: data.launcherEs || WORDS.es.launcher },
    clinic: data.clinic || "",
    phone: data.phone || "",
    emergency: data.emergency || "",
    crisis: data.crisis || "",
    greet: data.greet === undefined ? "/greet" : data.greet,
    open: data.open === "true",
    accent: data.accent || "",
    sessionMinutes: parseFloat(data.sessionMinutes || "60") || 60,
    storageKey: "spine-triage-chat:" + server
  };

  // ---------------------------------------------------------------------------------------
  // Small DOM helpers: every piece of text goes in through createTextNode / textContent.
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (key === "text") {
        node.textContent = value;
      } else if (key === "className") {
        node.className = value;
      } else {
        node.setAttribute(key, value === true ? "" : String(value));
      }
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function telHref(number) {
    return "tel:" + number.replace(/[^\d+]/g, "");
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  // Links: web addresses, email addresses, the clinic's configured numbers (emergency, crisis,
  // phone) and anything else that looks like a full phone number (10+ digits).
  var known = [cfg.phone, cfg.emergency, cfg.crisis].filter(Boolean).sort(function (a, b) {
    return b.length - a.length;
  });
  var linkPattern = new RegExp(
    "(https?:\\/\\/[^\\s<>\"]+)" +                               // 1: web address
    "|([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})" +           // 2: email address
    (known.length
      ? "|(^|[^\\d+])(" + known.map(escapeRegExp).join("|") + ")(?!\\d)"  // 3, 4: a clinic number
      : "|()(\\b\\B)") +
    "|(\\+?\\d[\\d ().-]{8,}\\d)",                                   // 5: a phone number
    "g"
  );

  function appendLinked(parent, text) {
    var last = 0;
    var match;
    linkPattern.lastIndex = 0;
    while ((match = linkPattern.exec(text)) !== null) {
      var start = match.index;
      var shown = match[0];
      var href = null;
      if (match[1]) {
        shown = match[1].replace(/[.,;:!?)\]]+$/, "");
        href = shown;
      } else if (match[2]) {
        href = "mailto:" + match[2];
      } else if (match[4]) {
        start += match[3].length;
        shown = match[4];
        href = telHref(shown);
      } else if (match[5] && match[5].replace(/\D/g, "").length >= 10) {
        href = telHref(shown);
      }
      if (!href) {
        continue;
      }
      if (start > last) {
        parent.appendChild(document.createTextNode(text.slice(last, start)));
      }
      var link = el("a", { href: href, text: shown });
      if (/^https?:/.test(href)) {
        link.target = "_blank";
        link.rel = "noopener noreferrer";
      }
      parent.appendChild(link);
      last = start + shown.length;
      linkPattern.lastIndex = last;
    }
    if (last < text.length) {
      parent.appendChild(document.createTextNode(text.slice(last)));
    }
  }

  // A bot message: paragraphs, line breaks, and "• " lines as a list.
  function renderBotText(container, text) {
    var list = null;
    String(text || "").split(/\n{2,}/).forEach(function (paragraph) {
      var para = null;
      paragraph.split("\n").forEach(function (line) {
        var bullet = /^\s*[•\u2022*-]\s+/.exec(line);
        if (bullet) {
          if (!list) {
            list = el("ul");
            container.appendChild(list);
          }
          var item = el("li");
          appendLinked(item, line.slice(bullet[0].length));
          list.appendChild(item);
          para = null;
          return;
        }
        list = null;
        if (!line.trim()) {
          return;
        }
        if (para) {
          para.appendChild(el("br"));
        } else {
          para = el("p");
          container.appendChild(para);
        }
        appendLinked(para, line);
      });
    });
  }

  // ---------------------------------------------------------------------------------------
  // Stored state: { id, token, log: [{ from: "bot" | "user", text, buttons }], open, updated }
  function loadState() {
    try {
      var state = JSON.parse(window.localStorage.getItem(cfg.storageKey) || "null");
      if (state && state.id && state.token && Date.now() - state.updated < cfg.sessionMinutes * 60000) {
        state.log = Array.isArray(state.log) ? state.log.slice(-200) : [];
        return state;
      }
    } catch (e) { /* storage unavailable or corrupt: start afresh */ }
    return { id: null, token: null, log: [], open: false, updated: Date.now() };
  }

  function saveState() {
    state.updated = Date.now();
    try {
      window.localStorage.setItem(cfg.storageKey, JSON.stringify(state));
    } catch (e) { /* private mode: the conversation still works, it just won't survive a reload */ }
  }

  var state = loadState();
  // The patient's language: what they last chose in this session, else the page's data-lang.
  var lang = WORDS[state.lang] ? state.lang : cfg.lang;
  function t(key) {
    return WORDS[lang][key];
  }

  // ---------------------------------------------------------------------------------------
  // The widget's DOM
  var stylesheet = el("link", { rel: "stylesheet", href: base + "widget.css" });
  document.head.appendChild(stylesheet);

  var uid = "stc-" + Math.random().toString(36).slice(2, 8);
  var launcher = el("button", {
    type: "button", className: "stc-launcher", "aria-controls": uid + "-panel", "aria-expanded": "false"
  }, [el("span", { className: "stc-launcher-icon", "aria-hidden": "true" }),
      el("span", { className: "stc-launcher-text" })]);

  var closeButton = el("button", { type: "button", className: "stc-icon-button stc-close" },
    [el("span", { "aria-hidden": "true", text: "\u00d7" })]);
  var restartButton = el("button", { type: "button", className: "stc-icon-button stc-restart" },
    [el("span", { className: "stc-restart-icon", "aria-hidden": "true" })]);
  // The visible language switch: names the other language, in that language.
  var languageButton = el("button", { type: "button", className: "stc-text-button stc-language" });

  var disclaimer = el("p", { className: "stc-disclaimer", id: uid + "-disclaimer" });

  var log = el("div", {
    className: "stc-log", role: "log", "aria-live": "polite", "aria-relevant": "additions",
    tabindex: "0"
  });
  var typingLabel = el("span", { className: "stc-sr" });
  var typing = el("div", { className: "stc-typing", hidden: true }, [
    el("span", { className: "stc-dots", "aria-hidden": "true" }, [el("span"), el("span"), el("span")]),
    typingLabel
  ]);
  var status = el("p", { className: "stc-status", role: "status", hidden: true });
  var input = el("textarea", {
    id: uid + "-input", className: "stc-input", rows: "1", maxlength: "1000",
    autocomplete: "off", "aria-describedby": uid + "-disclaimer"
  });
  var sendButton = el("button", { type: "submit", className: "stc-send" },
    [el("span", { "aria-hidden": "true", className: "stc-send-icon" })]);
  var inputLabel = el("label", { className: "stc-sr", "for": uid + "-input" });
  var form = el("form", { className: "stc-form" }, [inputLabel, input, sendButton]);

  var titleId = uid + "-title";
  var title = el("h2", { id: titleId, className: "stc-title" });
  var subtitle = el("p", { className: "stc-subtitle" });
  var header = el("header", { className: "stc-header" }, [
    el("span", { className: "stc-avatar", "aria-hidden": "true" }),
    el("div", { className: "stc-heading" }, [title, subtitle]),
    languageButton, restartButton, closeButton
  ]);

  // Every word of the widget's own, in the current language.
  function applyLanguage() {
    root.setAttribute("lang", lang);
    launcher.querySelector(".stc-launcher-text").textContent = cfg.launchers[lang];
    title.textContent = cfg.titles[lang];
    subtitle.textContent = cfg.clinic || t("automated");
    closeButton.setAttribute("aria-label", t("close"));
    closeButton.title = t("closeTitle");
    restartButton.setAttribute("aria-label", t("restart"));
    restartButton.title = t("restartTitle");
    languageButton.textContent = t("switchTo");
    languageButton.setAttribute("aria-label", t("switchLabel"));
    languageButton.setAttribute("lang", lang === "es" ? "en" : "es");
    disclaimer.textContent = "";
    disclaimer.appendChild(document.createTextNode(t("notDiagnosis")));
    if (cfg.emergency) {
      disclaimer.appendChild(el("strong", {}, [t("emergencyCall"), el("a", { href: telHref(cfg.emergency), text: cfg.emergency }), "."]));
    } else {
      disclaimer.appendChild(el("strong", { text: t("emergencyLocal") }));
    }
    log.setAttribute("aria-label", t("conversation"));
    typingLabel.textContent = t("typing");
    input.placeholder = t("placeholder");
    sendButton.setAttribute("aria-label", t("send"));
    inputLabel.textContent = t("yourMessage");
  }
  var panel = el("section", {
    id: uid + "-panel", className: "stc-panel", role: "dialog", "aria-labelledby": titleId, hidden: true
  }, [header, disclaimer, log, typing, status, form]);
  var root = el("div", { className: "stc-root" }, [panel, launcher]);
  if (cfg.accent) {
    root.style.setProperty("--stc-accent", cfg.accent);
  }

  // ---------------------------------------------------------------------------------------
  // Messages
  var choices = null;

  function scrollDown() {
    log.scrollTop = log.scrollHeight;
  }

  function addMessage(entry, store) {
    var bubble = el("div", { className: "stc-bubble" });
    if (entry.from === "user") {
      bubble.textContent = entry.text;
    } else {
      renderBotText(bubble, entry.text);
    }
    var row = el("div", { className: "stc-msg stc-" + entry.from }, [
      el("span", { className: "stc-sr", text: entry.from === "user" ? t("youSaid") : t("assistant") }),
      bubble
    ]);
    log.appendChild(row);
    if (store) {
      state.log.push(entry);
      saveState();
    }
    if (entry.from === "bot" && entry.buttons && entry.buttons.length) {
      showChoices(entry.buttons);
    }
    scrollDown();
  }

  function clearChoices() {
    if (choices && choices.parentNode) {
      choices.parentNode.removeChild(choices);
    }
    choices = null;
  }

  function showChoices(buttons) {
    clearChoices();
    choices = el("div", { className: "stc-choices", role: "group", "aria-label": t("suggested") });
    buttons.forEach(function (b) {
      var button = el("button", { type: "button", className: "stc-choice", text: b.title });
      button.addEventListener("click", function () {
        send(b.payload || b.title, b.title);
        // The chosen button is removed with the others: the focus goes back to the message
        // box, not to the page's start (a keyboard user would otherwise lose their place).
        input.focus();
      });
      choices.appendChild(button);
    });
    log.appendChild(choices);
  }

  function setStatus(text) {
    status.textContent = text || "";
    status.hidden = !text;
  }

  // Typing indicator: from the patient's message until the assistant's turn is done
  // ("bot_turn_done" from bot.channels.SocketIOInput; a quiet spell, with Rasa's own channel).
  var typingTimer = null;
  var slowTimer = null;

  function showTyping() {
    typing.hidden = false;
    scrollDown();
    clearTimeout(slowTimer);
    slowTimer = setTimeout(function () {
      hideTyping();
      setStatus(t("slow") + (cfg.phone || t("theClinic")) + ".");
    }, 30000);
  }

  function hideTyping() {
    typing.hidden = true;
    clearTimeout(typingTimer);
    clearTimeout(slowTimer);
  }

  // ---------------------------------------------------------------------------------------
  // The connection
  var socket = null;
  var confirmed = false;
  var queue = [];
  // Messages sent on the socket that the assistant has not answered yet. The server
  // acknowledges each message when its turn is done (right after "bot_turn_done", on the same
  // connection). If the connection drops first, the message may never have reached the assistant (a
  // long-polling request refused by another server worker, a network change): it goes back
  // into the message box for the patient to send again. Not re-sent by itself: had it arrived
  // after all, a second "no" would answer the next question.
  var unanswered = [];
  var keptForPatient = false;  // the notice stays up after the reconnect until the next send

  function emitMessage(payload, shown) {
    // The server knows this socket's session: no id travels with the message.
    // The patient's language travels with every message: the session starts in it.
    var sent = { shown: shown || payload };
    unanswered.push(sent);
    socket.emit("user_uttered", { message: payload, metadata: { language: lang } }, function () {
      unanswered = unanswered.filter(function (other) { return other !== sent; });
    });
  }

  function keepUnanswered() {
    if (!unanswered.length) {
      return false;
    }
    var texts = unanswered.map(function (sent) { return sent.shown; });
    unanswered = [];
    hideTyping();
    if (!input.value.trim()) {
      input.value = texts.join(" ");  // (two quick messages cut off: both, in order)
    }
    keptForPatient = true;
    setStatus(t("unsent"));
    return true;
  }

  function send(payload, shown) {
    payload = String(payload || "").trim();
    if (!payload) {
      return;
    }
    clearChoices();
    keptForPatient = false;
    setStatus("");
    addMessage({ from: "user", text: shown || payload }, true);
    showTyping();
    if (confirmed && socket && socket.connected) {
      emitMessage(payload, shown);
    } else {
      queue.push({ payload: payload, shown: shown });
      connect();
    }
  }

  function connect() {
    if (socket) {
      return;
    }
    if (typeof window.io !== "function") {
      loadClient(connect);
      return;
    }
    socket = window.io(cfg.server, {
      path: cfg.path,
      transports: ["websocket", "polling"],
      tryAllTransports: true,
      reconnectionDelayMax: 10000
    });
    socket.on("connect", function () {
      if (!keptForPatient) {
        setStatus("");
      }
      socket.emit("session_request", { session_token: state.token });
    });
    socket.on("session_confirm", function (session) {
      if (!session || typeof session.session_id !== "string") {
        return;
      }
      var fresh = session.session_id !== state.id;
      state.id = session.session_id;
      state.token = session.session_token;  // renewed on every confirm
      if (fresh) {
        state.log = [];
        log.textContent = "";
      }
      saveState();
      confirmed = true;
      var pending = queue;
      queue = [];
      if (fresh && !pending.length && cfg.greet) {
        showTyping();
        socket.emit("user_uttered", { message: cfg.greet, metadata: { language: lang } });
      }  // (the assistant's greeting, without a patient bubble)
      pending.forEach(function (message) { emitMessage(message.payload, message.shown); });
    });
    socket.on("bot_uttered", function (message) {
      if (!message || (!message.text && !message.quick_replies)) {
        return;
      }
      var buttons = (message.quick_replies || message.buttons || []).map(function (b) {
        return { title: String(b.title || b.payload || ""), payload: String(b.payload || b.title || "") };
      });
      addMessage({ from: "bot", text: String(message.text || ""), buttons: buttons }, true);
      clearTimeout(typingTimer);
      typingTimer = setTimeout(hideTyping, 1500);
    });
    socket.on("bot_turn_done", hideTyping);
    socket.on("disconnect", function () {
      confirmed = false;
      if (!keepUnanswered()) {
        setStatus(t("lost"));
      }
    });
    socket.on("connect_error", function () {
      hideTyping();
      setStatus(t("unreachable") + (cfg.phone ? t("alsoCall") + cfg.phone + "." : ""));
    });
  }

  var clientLoading = false;
  function loadClient(then) {
    if (clientLoading) {
      return;
    }
    clientLoading = true;
    var tag = el("script", { src: base + "vendor/socket.io.min.js", async: true });
    tag.addEventListener("load", then);
    tag.addEventListener("error", function () {
      setStatus(t("noLoad") + (cfg.phone || t("theClinic")) + ".");
    });
    document.head.appendChild(tag);
  }

  // ---------------------------------------------------------------------------------------
  // Opening, closing, starting over
  function open() {
    panel.hidden = false;
    root.classList.add("stc-open");
    launcher.setAttribute("aria-expanded", "true");
    state.open = true;
    saveState();
    connect();
    scrollDown();
    input.focus();
  }

  function close() {
    panel.hidden = true;
    root.classList.remove("stc-open");
    launcher.setAttribute("aria-expanded", "false");
    state.open = false;
    saveState();
    launcher.focus();
  }

  function restart() {
    hideTyping();
    clearChoices();
    state = { id: null, token: null, log: [], open: true, updated: Date.now(), lang: lang };
    saveState();
    log.textContent = "";
    unanswered = [];
    confirmed = false;
    if (socket && socket.connected) {
      socket.emit("session_request", { session_token: null });
    }
    input.focus();
  }

  // Español / English: the widget's words change at once; the request goes to the assistant
  // as the patient's own message, so its answers change too.
  function switchLanguage() {
    var request = WORDS[lang === "es" ? "en" : "es"].request;
    lang = lang === "es" ? "en" : "es";
    state.lang = lang;
    saveState();
    applyLanguage();
    send(request);
  }

  launcher.addEventListener("click", open);
  languageButton.addEventListener("click", switchLanguage);
  closeButton.addEventListener("click", close);
  restartButton.addEventListener("click", restart);
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      close();
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    input.value = "";
    autosize();
    send(text);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit", { cancelable: true }));
    }
  });
  function autosize() {
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight, 120) + "px";
  }
  input.addEventListener("input", autosize);

  function mount() {
    applyLanguage();
    document.body.appendChild(root);
    state.log.forEach(function (entry, i) {
      addMessage({ from: entry.from, text: entry.text,
        buttons: i === state.log.length - 1 ? entry.buttons : null }, false);
    });
    if (cfg.open || state.open) {
      open();
    }
  }

  window.SpineTriageChat = { open: open, close: close, restart: restart };
  if (document.body) {
    mount();
  } else {
    document.addEventListener("DOMContentLoaded", mount);
  }
})();
