extension PhonePage {
  /// Joins with the code from the link's fragment (never sent to the room in a request line) or
  /// typed into the form, keeps the code and device token in `sessionStorage` (this tab only,
  /// gone when it closes), asks for the current round every two seconds while the page is
  /// visible, and sends one rating per round. Every text is set with `textContent`.
  static let script = #"""
    "use strict";
    (() => {
      const $ = (id) => document.getElementById(id);
      const status = $("status"), joinForm = $("join"), codeInput = $("code"), rateForm = $("rate");
      const scale = $("scale"), park = $("park"), parkForm = $("park-form"), parkText = $("park-text");
      const parkStatus = $("park-status"), KEY = "coach-room";
      let saved = load(), round = null, sent = null, timer = 0, busy = false, failures = 0, over = false;

      function load() { try { return JSON.parse(sessionStorage.getItem(KEY)) || {}; } catch (e) { return {}; } }
      function keep() { try { sessionStorage.setItem(KEY, JSON.stringify(saved)); } catch (e) { /* private mode */ } }
      function tidy(code) { return code.toUpperCase().replace(/[\s-]/g, ""); }
      function say(text) { if (status.textContent !== text) status.textContent = text; }

      async function call(method, path, body) {
        const headers = { "X-Room-Code": saved.code || "" };
        if (saved.token) headers["X-Device-Token"] = saved.token;
        if (body) headers["Content-Type"] = "application/json";
        const response = await fetch(path, {
          method, headers, body: body ? JSON.stringify(body) : undefined,
          cache: "no-store", credentials: "omit", referrerPolicy: "no-referrer" });
        let data = {};
        try { data = await response.json(); } catch (e) { /* not JSON */ }
        return { status: response.status, data, retry: Number(response.headers.get("Retry-After")) || 0 };
      }

      // A refusal: says what it means, and returns how long to wait before asking again (-1: stop).
      function refused(answer) {
        const error = answer.data.error;
        if (answer.status === 410) { end(); return -1; }
        if (error === "wrong-code" || error === "unknown-device") {
          saved = {}; keep(); ask("That code did not work. Check it on the shared screen and try again."); return -1;
        }
        if (error === "room-full") { saved = {}; keep(); ask("The room is full. Please ask the facilitator."); return -1; }
        if (error === "slow-down") {
          const seconds = Math.max(2, answer.retry);
          if (!saved.token) { ask("Too many tries. Please wait " + seconds + " seconds and try again."); return -1; }
          say("Busy just now. Trying again in a moment…");
          return seconds * 1000;
        }
        say("Something went wrong. Trying again…");
        return 4000;
      }

      function ask(message) {
        round = null; clearTimeout(timer);
        rateForm.hidden = true; park.hidden = true; joinForm.hidden = false;
        say(message);
      }

      function end() {
        over = true; clearTimeout(timer); saved = {}; keep();
        joinForm.hidden = true; rateForm.hidden = true; park.hidden = true;
        say("The session has ended. Thank you for taking part.");
      }

      async function join(code) {
        saved = { code: tidy(code) };
        say("Joining…");
        try {
          const answer = await call("POST", "/api/join");
          if (answer.status !== 200 || !answer.data.token) { refused(answer); return; }
          saved.token = answer.data.token; keep();
          joinForm.hidden = true; park.hidden = false;
          poll();
        } catch (e) {
          ask("Cannot reach the room. Is this phone on the same Wi-Fi as the shared screen?");
        }
      }

      async function poll() {
        clearTimeout(timer);
        if (busy || over || !saved.token) return;
        busy = true;
        let wait = 2000;
        try {
          const answer = await call("GET", "/api/round");
          failures = 0;
          if (answer.status === 200) show(answer.data); else wait = refused(answer);
        } catch (e) {
          failures += 1;
          wait = Math.min(10000, 2000 * failures);
          say("Cannot reach the room just now. Trying again…");
        }
        busy = false;
        if (wait >= 0 && !document.hidden) timer = setTimeout(poll, wait);
      }

      function show(data) {
        if (data.state !== "open") {
          round = null; rateForm.hidden = true;
          say("Waiting for the next team question. Keep this page open.");
          return;
        }
        if (data.round === round) return;
        round = data.round;
        sent = data.yours == null ? null : data.yours;
        build(data);
        rateForm.hidden = false;
        say(data.yours == null ? "A new question. Choose your rating, then send it."
          : "Your rating is in. You can change it until the round closes.");
      }

      function build(data) {
        $("question").textContent = data.text;
        $("low").textContent = data.lowestLabel ? data.lowest + " = " + data.lowestLabel : "";
        $("high").textContent = data.highestLabel ? data.highest + " = " + data.highestLabel : "";
        scale.replaceChildren();
        if (data.highest - data.lowest > 10) {
          const label = document.createElement("label"), input = document.createElement("input");
          label.htmlFor = input.id = "rating";
          label.textContent = "Your rating, " + data.lowest + " to " + data.highest;
          input.type = "number"; input.inputMode = "numeric";
          input.min = data.lowest; input.max = data.highest; input.required = true;
          if (data.yours != null) input.value = data.yours;
          scale.append(label, input);
          return;
        }
        // Up to six points in one row; seven to eleven in two rows as even as can be (0–5, 6–10).
        const points = data.highest - data.lowest + 1;
        scale.className = points > 6 ? "scale rows" + Math.ceil(points / 2) : "scale";
        for (let value = data.lowest; value <= data.highest; value++) {
          const input = document.createElement("input"), label = document.createElement("label");
          input.type = "radio"; input.name = "rating"; input.value = value; input.id = "r" + value;
          input.checked = data.yours === value;
          label.htmlFor = input.id;
          label.textContent = value;
          const end = value === data.lowest ? data.lowestLabel : value === data.highest ? data.highestLabel : "";
          if (end) {
            const words = document.createElement("span");
            words.className = "sr"; words.textContent = ", " + end;
            label.append(words);
          }
          scale.append(input, label);
        }
      }

      function chosen() {
        const picked = rateForm.querySelector("input[name=rating]:checked") || $("rating");
        const value = picked ? parseInt(picked.value, 10) : NaN;
        return Number.isInteger(value) ? value : null;
      }

      rateForm.addEventListener("submit", async (event) => {
        event.preventDefault();
        const value = chosen();
        if (value === null) { say("Choose a rating first."); return; }
        try {
          const answer = await call("PUT", "/api/rating", { round, value });
          if (answer.status === 200) {
            sent = value;
            say("Your rating is in. You can change it until the round closes.");
          }
          else if (answer.data.error === "round-closed") { say("That round has just closed."); poll(); }
          else if (answer.data.error === "not-on-scale") say("Choose a rating on the scale.");
          else refused(answer);
        } catch (e) {
          say("Cannot reach the room: your rating was not sent. Please try again.");
        }
      });

      // A different choice after sending is not sent until Send is pressed again: say so.
      scale.addEventListener("change", () => {
        const value = chosen();
        if (sent !== null && value !== null && value !== sent) say("Not sent yet: press Send to change your rating from " + sent + " to " + value + ".");
        else if (sent !== null && value === sent) say("Your rating is in. You can change it until the round closes.");
      });

      parkForm.addEventListener("submit", async (event) => {
        event.preventDefault();
        const text = parkText.value.trim();
        if (!text) return;
        const words = {
          "too-long": "That is longer than 280 characters.",
          "parking-full": "The parking lot is full.",
          "empty-text": "Type a question or topic first." };
        try {
          const answer = await call("POST", "/api/park", { text });
          if (answer.status === 200) {
            parkText.value = "";
            parkStatus.textContent = "Parked, without your name. Thank you.";
          } else if (words[answer.data.error]) parkStatus.textContent = words[answer.data.error];
          else refused(answer);
        } catch (e) {
          parkStatus.textContent = "Cannot reach the room: not parked. Please try again.";
        }
      });

      joinForm.addEventListener("submit", (event) => { event.preventDefault(); join(codeInput.value); });
      document.addEventListener("visibilitychange", () => { if (!document.hidden) poll(); });

      let linked = "";
      try { linked = tidy(decodeURIComponent(location.hash.slice(1))); } catch (e) { /* not a code */ }
      if (location.hash) history.replaceState(null, "", location.pathname);
      if (linked && (linked !== saved.code || !saved.token)) join(linked);
      else if (saved.token) { park.hidden = false; poll(); }
      else ask("Type the join code from the shared screen.");
    })();

    """#
}
