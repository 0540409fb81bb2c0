/* closeread: the teacher site's assignment builder. It reads the lessons' question ids, types and
 * prompts from the page's data-cr-lessons attribute and makes a link to the student site with the
 * assignment in the #fragment: no accounts, no server, works offline. Vanilla ES2017. */
(function () {
  "use strict";
  const $ = (sel, root) => (root || document).querySelector(sel);
  function h(tag, attrs, ...kids) {
    const el = document.createElement(tag);
    for (const k in attrs || {}) if (attrs[k] != null && attrs[k] !== false) el.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
    for (const kid of kids.flat()) if (kid != null) el.append(kid.nodeType ? kid : document.createTextNode(String(kid)));
    return el;
  }
  const AUTO = ["single", "multiple", "sort", "find"];

  function init() {
    const root = $(".cr-assign[data-cr-lessons]");
    if (!root) return;
    let lessons;
    try { lessons = JSON.parse(root.getAttribute("data-cr-lessons")); } catch (e) { return; }
    const form = $(".cr-assign-form", root);
    if (!form || !lessons.length) return;
    $(".cr-assign-nojs", root).hidden = true;
    form.hidden = false;
    form.addEventListener("submit", (e) => e.preventDefault());
    const sel = $("#cr-as-lesson");
    const list = $("#cr-as-list");
    const note = $("#cr-as-note");
    const due = $("#cr-as-due");
    const base = $("#cr-as-base");
    const out = $("#cr-as-out");
    const open = $(".cr-as-open", root);
    const status = $(".cr-as-status", root);
    lessons.forEach((l, i) => sel.append(new Option(l.title, String(i))));
    let items = [];

    function load() {
      const l = lessons[+sel.value];
      items = l.questions.map((q, i) => ({ q, n: i + 1, on: true }));
      draw();
    }
    function draw(focus) {
      list.replaceChildren(...items.map((it, i) => {
        const id = "cr-as-q-" + it.q.id;
        const cb = h("input", { type: "checkbox", id, "data-i": i });
        cb.checked = it.on;
        cb.addEventListener("change", () => { it.on = cb.checked; update(); });
        const move = (d, label) => {
          const b = h("button", { type: "button", class: "cr-btn", "aria-label": "Move question " + it.n + " " + label, "data-move": d + ":" + it.q.id }, d < 0 ? "\u2191" : "\u2193");
          b.disabled = d < 0 ? i === 0 : i === items.length - 1;
          b.addEventListener("click", () => {
            const j = i + d;
            [items[i], items[j]] = [items[j], items[i]];
            const again = (j === 0 || j === items.length - 1) ? -d : d; // keep focus on a button that still works
            draw(again + ":" + it.q.id);
          });
          return b;
        };
        return h("li", null, cb,
          h("label", { for: id }, h("strong", null, "Question " + it.n), " (" + it.q.label + "): ", it.q.prompt),
          move(-1, "up"), move(1, "down"));
      }));
      if (focus) { const b = list.querySelector('[data-move="' + focus.replace(/"/g, "") + '"]'); if (b) b.focus(); }
      update();
    }
    function link() {
      const chosen = items.filter((it) => it.on);
      if (!chosen.length) return { error: "Tick at least one question." };
      const p = new URLSearchParams();
      p.set("q", chosen.map((it) => it.q.id).join(","));
      p.set("m", (form.querySelector("input[name=cr-as-mode]:checked") || {}).value === "explore" ? "explore" : "practice");
      if (due.value) p.set("d", due.value);
      if (note.value.trim()) p.set("i", note.value.trim());
      let b = base.value.trim() || "./";
      if (!/\/$/.test(b)) b += "/";
      let url;
      try { url = new URL(b + "lessons/" + encodeURIComponent(lessons[+sel.value].slug) + "/index.html", location.href); }
      catch (e) { return { error: "The address of the student site is not a valid address." }; }
      if (!/^(https?|file):$/.test(url.protocol)) return { error: "The address of the student site must start with http://, https:// or file://." };
      url.hash = "assign?" + p.toString();
      return { url: url.href, count: chosen.length };
    }
    function update() {
      const r = link();
      out.value = r.url || "";
      if (r.url) { open.href = r.url; open.hidden = false; } else { open.removeAttribute("href"); open.hidden = true; }
      status.textContent = r.error || r.count + (r.count === 1 ? " question" : " questions") + " in the assignment.";
    }
    function setAll(pred) { items.forEach((it) => { it.on = pred(it.q); }); draw(); }
    $(".cr-as-all", root).addEventListener("click", () => setAll(() => true));
    $(".cr-as-none", root).addEventListener("click", () => setAll(() => false));
    $(".cr-as-auto", root).addEventListener("click", () => setAll((q) => AUTO.includes(q.type)));
    $(".cr-as-copy", root).addEventListener("click", () => {
      const r = link();
      if (!r.url) { status.textContent = r.error; return; }
      const done = () => { status.textContent = "Link copied. Paste it where your students will find it."; };
      const fallback = () => {
        out.focus(); out.select();
        let ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        status.textContent = ok ? "Link copied. Paste it where your students will find it." : "Your browser did not allow copying: the link is selected, copy it with Ctrl+C (or \u2318+C).";
      };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(r.url).then(done, fallback);
      else fallback();
    });
    sel.addEventListener("change", load);
    [note, due, base].forEach((el) => el.addEventListener("input", update));
    form.querySelectorAll("input[name=cr-as-mode]").forEach((el) => el.addEventListener("change", update));
    load();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
