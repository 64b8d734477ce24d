// The phone page, one raw string: French, no external font, script or image; a WebSocket to /ws.
//
// State for browser tests: document.body.dataset.state is one of connecting, waiting, question-open,
// question-closed, voted, revealed, over, disconnected; elements #title, #prompt, #options (buttons with
// data-index), #submit, #status, #explanation.
#include "room/phone_page.hpp"

namespace passerelles::room {

namespace {

const char* const kPage = R"PAGE(<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Passerelles — salle</title>
<style>
:root { color-scheme: light; --accent: #1d4e89; --ok: #1b7f3b; --muted: #555; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 18px;
       line-height: 1.4; background: #f4f6f9; color: #111; }
header { background: var(--accent); color: #fff; padding: 12px 16px; font-weight: 600; font-size: 18px; }
main { padding: 16px; max-width: 640px; margin: 0 auto; }
#title { color: var(--muted); font-size: 16px; margin: 0 0 6px; }
#prompt { font-size: 21px; font-weight: 600; margin: 0 0 16px; white-space: pre-wrap; }
#options { display: flex; flex-direction: column; gap: 10px; }
#options button { min-height: 56px; width: 100%; text-align: left; padding: 12px 14px; font-size: 18px;
                  border: 2px solid #b8c2d0; border-radius: 10px; background: #fff; color: #111;
                  position: relative; overflow: hidden; }
#options button[aria-pressed="true"] { border-color: var(--accent); background: #e3ecf8; font-weight: 600; }
#options button.correct { border-color: var(--ok); background: #e4f4e8; }
#options button:disabled { color: #111; opacity: 1; }
.bar { position: absolute; left: 0; bottom: 0; height: 6px; background: var(--accent); }
.count { float: right; font-weight: 600; margin-left: 8px; }
.mark { color: var(--ok); font-weight: 700; }
#submit { margin-top: 16px; min-height: 56px; width: 100%; font-size: 19px; font-weight: 600; border: 0;
          border-radius: 10px; background: var(--accent); color: #fff; }
#submit:disabled { background: #9aa7b8; }
#status { margin-top: 14px; min-height: 28px; font-size: 17px; color: var(--muted); }
#explanation { margin-top: 14px; padding: 12px; background: #fff; border-left: 4px solid var(--ok);
               white-space: pre-wrap; }
.hidden { display: none !important; }
</style>
</head>
<body data-state="connecting">
<header>Passerelles</header>
<main>
<p id="title"></p>
<p id="prompt">Connexion à la salle…</p>
<div id="options" role="group"></div>
<p id="status" role="status" aria-live="polite"></p>
<button id="submit" type="button" class="hidden">Valider</button>
<div id="explanation" class="hidden"></div>
</main>
<script>
(function () {
  "use strict";
  var parts = location.pathname.split("/");
  var session = (parts[2] || "").toUpperCase();
  var token = null;
  try { token = localStorage.getItem("passerelles-token"); } catch (e) {}
  if (!token || !/^[0-9a-zA-Z-]{16,64}$/.test(token)) {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    token = Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
    try { localStorage.setItem("passerelles-token", token); } catch (e) {}
  }
  var el = function (id) { return document.getElementById(id); };
  var socket = null, delay = 500, timer = null, over = false, step = null, myVote = null, selected = [];

  function setState(state) { document.body.dataset.state = state; }
  function status(text) { el("status").textContent = text; }

  var hints = { card: "Votre position :", scenario: "Que faites-vous ?", profile: "Choisissez un profil :" };

  function render() {
    var options = el("options"), submit = el("submit"), explanation = el("explanation");
    options.textContent = "";
    explanation.classList.add("hidden");
    submit.classList.add("hidden");
    if (over) {
      el("title").textContent = "";
      el("prompt").textContent = "Cette session est terminée";
      status("Merci d’avoir participé. Pour une nouvelle session, scannez le nouveau QR code.");
      setState("over");
      return;
    }
    if (!step || step.kind === "waiting") {
      el("title").textContent = step ? step.title : "";
      el("prompt").textContent = "En attente de la prochaine étape…";
      status("");
      setState("waiting");
      return;
    }
    if (step.kind === "ended") {
      over = true;
      render();
      return;
    }
    el("title").textContent = step.title || hints[step.kind] || "";
    el("prompt").textContent = step.prompt;
    var total = 0;
    if (step.revealed && step.counts) step.counts.forEach(function (c) { total += c; });
    step.options.forEach(function (text, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.dataset.index = String(index);
      var on = selected.indexOf(index) >= 0;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      var label = document.createElement("span");
      label.textContent = text;
      if (step.revealed) {
        var isCorrect = step.correct && step.correct.indexOf(index) >= 0;
        if (isCorrect) {
          button.classList.add("correct");
          var mark = document.createElement("span");
          mark.className = "mark";
          mark.textContent = "✓ ";
          button.appendChild(mark);
        }
        var count = (step.counts && step.counts[index]) || 0;
        var number = document.createElement("span");
        number.className = "count";
        number.textContent = String(count);
        button.appendChild(number);
        var bar = document.createElement("span");
        bar.className = "bar";
        bar.style.width = (total > 0 ? Math.round(100 * count / total) : 0) + "%";
        button.appendChild(bar);
      }
      button.appendChild(label);
      button.disabled = !step.open || step.revealed;
      button.addEventListener("click", function () { toggle(index); });
      options.appendChild(button);
    });
    if (step.revealed) {
      if (step.explanation) {
        explanation.textContent = step.explanation;
        explanation.classList.remove("hidden");
      }
      status(myVote && myVote.length ? "Votre réponse est entourée." : "");
      setState("revealed");
      return;
    }
    if (!step.open) {
      status("Le vote est fermé");
      setState("question-closed");
      return;
    }
    submit.classList.remove("hidden");
    var same = myVote !== null && myVote.length === selected.length &&
               myVote.every(function (v) { return selected.indexOf(v) >= 0; });
    submit.disabled = selected.length === 0 || same;
    submit.textContent = myVote && myVote.length ? "Changer ma réponse" : "Valider";
    if (myVote && myVote.length && same) {
      status("Merci, réponse enregistrée. Vous pouvez la changer tant que le vote est ouvert.");
      setState("voted");
    } else {
      status(step.multiple ? "Cochez une ou plusieurs réponses, puis validez." : "Choisissez une réponse, puis validez.");
      setState("question-open");
    }
  }

  function toggle(index) {
    if (!step || !step.open) return;
    var at = selected.indexOf(index);
    if (step.multiple) {
      if (at >= 0) selected.splice(at, 1); else selected.push(index);
    } else {
      selected = at >= 0 ? [] : [index];
    }
    render();
  }

  el("submit").addEventListener("click", function () {
    if (!step || !socket || socket.readyState !== 1) {
      status("Pas de connexion : nouvel essai en cours…");
      return;
    }
    socket.send(JSON.stringify({ type: "vote", key: step.key, options: selected.slice().sort(function (a, b) { return a - b; }) }));
    el("submit").disabled = true;
    status("Envoi…");
  });

  function onMessage(event) {
    var message;
    try { message = JSON.parse(event.data); } catch (e) { return; }
    if (message.type === "snapshot") {
      var changed = !step || step.key !== message.step.key;
      step = message.step;
      myVote = message.myVote;
      if (changed || !step.open) selected = myVote ? myVote.slice() : [];
      render();
    } else if (message.type === "ack") {
      if (step && message.key === step.key) {
        myVote = message.options;
        selected = myVote.slice();
        render();
      }
    } else if (message.type === "over") {
      over = true;
      render();
    } else if (message.type === "error") {
      status(message.message);
      if (step && step.open && !step.revealed) el("submit").disabled = selected.length === 0;
    }
  }

  function connect() {
    if (over) return;
    clearTimeout(timer);
    timer = null;
    if (socket && (socket.readyState === 0 || socket.readyState === 1)) return;
    var ws = new WebSocket("ws://" + location.host + "/ws");
    socket = ws;
    ws.onopen = function () {
      delay = 500;
      ws.send(JSON.stringify({ type: "hello", session: session, token: token }));
    };
    ws.onmessage = onMessage;
    ws.onclose = function () {
      if (socket !== ws) return;
      socket = null;
      if (over) return;
      setState("disconnected");
      status("Connexion perdue, nouvel essai…");
      var wait = delay + Math.random() * delay * 0.3;
      delay = Math.min(delay * 2, 10000);
      timer = setTimeout(connect, wait);
    };
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { delay = 500; connect(); }
  });
  window.addEventListener("online", function () { delay = 500; connect(); });
  connect();
})();
</script>
</body>
</html>
)PAGE";

}  // namespace

std::string_view phonePage() {
    return kPage;
}

}  // namespace passerelles::room
