/// The pages' one script and one style sheet, served from the binary (no build step, no network).
enum StaticAssets {
    static let css = """
        body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1d232a; background: #f5f6f8; }
        header { background: #23395d; color: #fff; padding: 8px 16px; }
        nav { display: flex; gap: 14px; align-items: center; padding: 8px 16px; background: #dfe5ee; }
        nav a { color: #23395d; text-decoration: none; font-weight: 600; }
        nav .who { margin-left: auto; color: #444; }
        main { max-width: 960px; margin: 16px auto; padding: 0 16px; }
        .card { background: #fff; border: 1px solid #ccd; border-radius: 6px; padding: 16px 20px; }
        .card h2 { margin-top: 0; font-size: 20px; }
        .meta { color: #555; }
        .abstract { white-space: pre-wrap; }
        mark.include { background: #c8f0c8; }
        mark.exclude { background: #f7c6c6; }
        .progress { height: 12px; background: #dde; border-radius: 6px; overflow: hidden; }
        .progress .bar { height: 100%; background: #3a7d44; }
        .actions { margin: 12px 0; display: flex; gap: 8px; flex-wrap: wrap; }
        button { font: inherit; padding: 6px 12px; border-radius: 4px; border: 1px solid #889; background: #fff; }
        button.include { border-color: #3a7d44; } button.exclude { border-color: #a33; }
        kbd { border: 1px solid #aab; border-radius: 3px; padding: 0 4px; background: #f0f0f4; font-size: 13px; }
        .hidden { display: none; }
        #status { color: #a33; min-height: 1.4em; }
        table { border-collapse: collapse; background: #fff; }
        td, th { border: 1px solid #ccd; padding: 4px 10px; text-align: left; }
        .panel { background: #fff; border: 1px solid #ccd; padding: 10px 14px; margin: 10px 0; border-radius: 6px; }
        form.signin { display: grid; gap: 8px; max-width: 320px; }
        .prisma svg { max-width: 100%; height: auto; background: #fff; }
        """

    static let javascript = """
        "use strict";
        (function () {
          const csrf = (document.querySelector('meta[name="csrf"]') || {}).content || "";
          const say = (text) => { const s = document.getElementById("status"); if (s) s.textContent = text; };
          async function api(path, body) {
            const response = await fetch(path, {
              method: "POST", credentials: "same-origin",
              headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
              body: JSON.stringify(body || {}),
            });
            let answer = {};
            try { answer = await response.json(); } catch (e) { answer = {}; }
            if (!response.ok) throw new Error(answer.error || ("HTTP " + response.status));
            return answer;
          }
          const signout = document.getElementById("signout");
          if (signout) signout.addEventListener("click", async () => {
            try { await api("/api/logout"); } catch (e) { /* signed out already */ }
            location.href = "/login";
          });
          const login = document.getElementById("login");
          if (login) login.addEventListener("submit", async (event) => {
            event.preventDefault();
            const response = await fetch("/api/login", {
              method: "POST", headers: { "Content-Type": "application/json" },
              body: JSON.stringify({ name: login.elements.user.value, password: login.elements.password.value }),
            });
            const answer = await response.json();
            if (response.ok) location.href = "/screen?stage=title-abstract"; else say(answer.error);
          });

          const queue = document.getElementById("queue");
          if (queue) {
            const stage = queue.dataset.stage;
            const card = document.getElementById("card");
            const record = card ? Number(card.dataset.record) : null;
            const picker = document.getElementById("reasons");
            const help = document.getElementById("help");
            const notePanel = document.getElementById("note");
            const noteText = document.getElementById("note-text");
            const decide = async (decision, reason) => {
              if (record === null) return;
              try { await api("/api/screen/decide", { record, stage, decision, reason }); location.reload(); }
              catch (e) { say(e.message); }
            };
            const undo = async () => {
              try { const r = await api("/api/screen/undo", { stage }); say("Withdrew your vote on record " + r.record); location.reload(); }
              catch (e) { say(e.message); }
            };
            const saveNote = async () => {
              try { await api("/api/notes", { record, text: noteText.value }); notePanel.classList.add("hidden"); say("Note saved"); }
              catch (e) { say(e.message); }
            };
            const exclude = () => {
              if (stage === "full-text" && picker) { picker.classList.remove("hidden"); say("Pick a reason: 1-9"); }
              else decide("exclude");
            };
            document.querySelectorAll("[data-decision]").forEach((button) => button.addEventListener("click", () => {
              const decision = button.dataset.decision;
              if (decision === "exclude") exclude(); else decide(decision);
            }));
            document.querySelectorAll("[data-reason]").forEach((button) => button.addEventListener("click", () =>
              decide("exclude", button.dataset.reason)));
            const undoButton = document.getElementById("undo");
            if (undoButton) undoButton.addEventListener("click", undo);
            document.addEventListener("keydown", (event) => {
              if (event.ctrlKey || event.metaKey || event.altKey) return;
              if (event.target === noteText) {
                if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); saveNote(); }
                if (event.key === "Escape") notePanel.classList.add("hidden");
                return;
              }
              if (picker && !picker.classList.contains("hidden")) {
                const index = Number(event.key);
                const reasons = picker.querySelectorAll("[data-reason]");
                if (index >= 1 && index <= reasons.length) decide("exclude", reasons[index - 1].dataset.reason);
                if (event.key === "Escape") picker.classList.add("hidden");
                return;
              }
              switch (event.key) {
                case "i": decide("include"); break;
                case "e": exclude(); break;
                case "m": if (stage === "title-abstract") decide("maybe"); break;
                case "u": undo(); break;
                case "n": if (record !== null) { event.preventDefault(); notePanel.classList.remove("hidden"); noteText.focus(); } break;
                case "?": help.classList.toggle("hidden"); break;
                default: return;
              }
            });
          }

          document.querySelectorAll("[data-resolve]").forEach((button) => button.addEventListener("click", async () => {
            const row = button.closest("[data-record]");
            const reasonField = row.querySelector("select");
            const reason = button.dataset.resolve === "exclude" && reasonField ? reasonField.value : undefined;
            try {
              await api("/api/resolve", { record: Number(row.dataset.record), stage: row.dataset.stage,
                decision: button.dataset.resolve, reason });
              location.reload();
            } catch (e) { say(e.message); }
          }));
        })();
        """
}
