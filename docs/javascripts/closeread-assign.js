/* closeread: the teacher site's assignment builder. It reads the lessons' titles from the page's
 * data-cr-lessons attribute and a lesson's questions and article from its assign.js (a script element
 * works from file://) when chosen, through lessonData, and makes a link to the student site with the
 * assignment in the #fragment, a printed page of the selection (print stylesheet in the page) and its
 * GIFT and Moodle XML files and its Common Cartridge (.imscc), joined from fragments the build made
 * (the cartridge by closeread-cartridge.js, loaded on the first download), and a Google Classroom
 * share link (a plain link: no script from Google): no accounts, no server, works offline.
 * Vanilla ES2017. */
(function () {
  "use strict";
  const HERE = (document.currentScript && document.currentScript.src) || location.href;
  const $ = (sel, root) => (root || document).querySelector(sel);
  function h(tag, attrs, ...kids) {
    const el = document.createElement(tag);
    for (const k in attrs || {}) if (attrs[k] != null && attrs[k] !== false) el.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
    for (const kid of kids.flat()) if (kid != null) el.append(kid.nodeType ? kid : document.createTextNode(String(kid)));
    return el;
  }
  const HOW = {
    single: "choose one: tick one box", multiple: "tick every box that applies",
    sort: "reported or asserted: tick one box for each claim", find: "write the line number and copy the words",
    short: "short answer", discussion: "for the class discussion",
  };
  const RULES = { find: 2, short: 4, discussion: 3 };
  const minutes = (m) => (Math.round(m * 10) / 10).toString();
  // a lesson's slug and a question's id are keys of plain objects: "constructor" is a valid one of each,
  // and a plain lookup would find Object's own
  const own = (obj, key) => (Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined);


  function init() {
    const root = $(".cr-assign[data-cr-lessons]");
    if (!root) return;
    let lessons, lms;
    try { lessons = JSON.parse(root.getAttribute("data-cr-lessons")); lms = JSON.parse(root.getAttribute("data-cr-lms")); } catch (e) { return; }
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
    const printed = $(".cr-as-print", root);
    const lmsStatus = $(".cr-as-lms-status", root);
    const classroom = $(".cr-as-classroom", root);
    const classroomNote = $(".cr-as-classroom-note", root);
    lessons.forEach((l, i) => sel.append(new Option(l.title, String(i))));
    let items = [];
    let lesson = null;

    // The one way the builder reaches a lesson's questions and article, loaded once, when first chosen
    // A script file (a script element works from file://, where fetching a file does not) that puts its
    // data where got() finds it; loaded once
    function loadScript(src, got) {
      if (got()) return Promise.resolve(got());
      return new Promise((resolve, reject) => {
        const s = document.createElement("script");
        s.src = src;
        s.onload = () => (got() ? resolve(got()) : reject(new Error("no data")));
        s.onerror = () => reject(new Error("not found"));
        document.head.appendChild(s);
      });
    }
    // each lesson's files beside its teacher edition, next to this page
    const besides = (slug, file) => new URL(encodeURIComponent(slug) + "/" + file, location.href).href;
    const loaded = (window.closereadLessons = window.closereadLessons || {});
    const lessonData = (i) => { const slug = lessons[i].slug; return loadScript(besides(slug, "assign.js"), () => own(loaded, slug)); };

    function load() {
      const i = +sel.value;
      list.setAttribute("aria-busy", "true");
      lessonData(i).then((l) => {
        if (+sel.value !== i) return; // another lesson was chosen meanwhile
        list.removeAttribute("aria-busy");
        lesson = l;
        items = l.questions.map((q, n) => ({ q, n: n + 1, on: q.core }));
        draw();
      }, () => {
        if (+sel.value !== i) return;
        list.removeAttribute("aria-busy");
        lesson = null;
        items = [];
        list.replaceChildren();
        status.textContent = "The questions of this lesson could not be loaded: is the teacher site complete?";
      });
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
        const q = it.q;
        const meta = [q.label, minutes(q.minutes) + " min", q.skill, q.written ? "hand-written" : "generated"].filter(Boolean).join(" \u00b7 ");
        return h("li", { "data-q": q.id, class: q.core ? "cr-as-core-q" : null }, cb,
          h("label", { for: id }, h("strong", null, "Question " + it.n), " (", h("span", { class: "cr-as-meta" }, meta), q.core ? ", core" : "", "): ", q.prompt),
          move(-1, "up"), move(1, "down"));
      }));
      if (focus) { const b = list.querySelector('[data-move="' + focus.replace(/"/g, "") + '"]'); if (b) b.focus(); }
      update();
    }
    function link(tryHere) {
      const chosen = items.filter((it) => it.on);
      if (!chosen.length) return { error: "Tick at least one question." };
      const p = new URLSearchParams();
      p.set("q", chosen.map((it) => it.q.id).join(","));
      p.set("m", (form.querySelector("input[name=cr-as-mode]:checked") || {}).value === "explore" ? "explore" : "practice");
      if (due.value) p.set("d", due.value);
      if (note.value.trim()) p.set("i", note.value.trim());
      let b = base.value.trim() || "./";
      // the prefilled address finds the student site beside this one in a copy of the kit (file://); a web
      // server may not serve that folder, so the teacher's own try opens the copy of the student pages in
      // this site (its lessons/), which is always there
      if (tryHere && b === base.defaultValue && location.protocol !== "file:") b = "../";
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
      const here = link(true);
      if (here.url) { open.href = here.url; open.hidden = false; } else { open.removeAttribute("href"); open.hidden = true; }
      // Google Classroom fetches the page it shares: only a link on the web can be shared
      const web = !!r.url && /^https?:/.test(r.url);
      if (web) classroom.href = "https://classroom.google.com/share?url=" + encodeURIComponent(r.url);
      else classroom.removeAttribute("href");
      classroom.hidden = !web;
      classroomNote.hidden = web || !r.url;
      const chosen = items.filter((it) => it.on);
      const total = chosen.reduce((sum, it) => sum + it.q.minutes, 0);
      const phase = lesson && lesson.phase ? " (the lesson gives " + lesson.phase + " minutes to questions)" : "";
      status.textContent = r.error || r.count + (r.count === 1 ? " question" : " questions") + " in the assignment, about " + minutes(total) + " minutes" + phase + ".";
      drawPrint(chosen);
    }

    // The printed page: the article with its numbered lines, then the ticked questions in order.
    function drawPrint(chosen) {
      if (!lesson) return;
      const body = [h("h2", null, lesson.title), h("p", { class: "cr-as-src" }, lesson.source)];
      if (note.value.trim()) body.push(h("p", null, note.value.trim()));
      body.push(h("h3", null, "The article"), h("ol", { class: "cr-as-lines" },
        lesson.lines.map(([n, label, text]) => h("li", null, h("strong", null, String(n)), " ", label ? label + ": " : "", text))));
      body.push(h("h3", null, "Questions"));
      chosen.forEach((it, i) => {
        const q = it.q;
        const part = h("div", { class: "cr-as-pq" }, h("p", null, h("strong", null, "Question " + (i + 1) + ". "), q.prompt, " (" + HOW[q.type] + ")"));
        if (q.options.length) part.append(h("ul", null, q.options.map((o) => h("li", null, "\u2610 " + o))));
        if (q.claims.length) part.append(h("ul", null, q.claims.map((c) => h("li", null, "\u2610 reported \u2610 asserted: \u201c" + c + "\u201d"))));
        for (let k = 0; k < (RULES[q.type] || 0); k++) part.append(h("div", { class: "cr-as-rule" }));
        body.push(part);
      });
      printed.replaceChildren(...body);
    }

    // The selection's question files, joined from the fragments the build made with its serializers.
    function files() {
      const chosen = items.filter((it) => it.on && it.q.lms);
      const skipped = items.filter((it) => it.on && !it.q.lms).length;
      const gift = [lms.gift, lesson.lms.gift].concat(chosen.map((it) => it.q.lms.gift)).join("\n\n") + "\n";
      const xml = lms.open + lesson.lms.moodle + chosen.map((it) => it.q.lms.moodle).join("") + lms.close;
      return { gift, xml, count: chosen.length, skipped };
    }
    function download(name, type, content) {
      const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
      const a = h("a", { href: url, download: name, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    }
    function exported(kind) {
      if (!lesson) return;
      const f = files();
      if (!f.count) { lmsStatus.textContent = "Tick at least one question that a quiz can hold (discussion questions are for the class)."; return; }
      if (kind === "gift") download(lesson.slug + "-selection.gift.txt", "text/plain;charset=utf-8", f.gift);
      else download(lesson.slug + "-selection-moodle.xml", "application/xml;charset=utf-8", f.xml);
      lmsStatus.textContent = f.count + (f.count === 1 ? " question" : " questions") + " in the file" + (f.skipped ? "; " + f.skipped + " discussion question" + (f.skipped === 1 ? " is" : "s are") + " for the class and left out." : ".");
    }
    // The selection's Common Cartridge: the lesson's module as the build made it (cartridge.js: page,
    // worksheets, article link), the selection's quiz from the build's QTI items, and the assignment's
    // own link when it is on the web.
    // the zip writer and manifest are in closeread-cartridge.js, beside this script, loaded on the
    // first download so that the builder's page stays light
    const carts = (window.closereadCartridges = window.closereadCartridges || {});
    const cartridgeData = (slug) => loadScript(besides(slug, "cartridge.js"), () => own(carts, slug));
    const maker = () => loadScript(new URL("closeread-cartridge.js", HERE).href, () => window.closereadCartridge);
    const assets = () => loadScript(new URL("cartridge-assets.js", location.href).href, () => window.closereadCartridgeAssets);
    $(".cr-as-cc", root).addEventListener("click", () => {
      if (!lesson) return;
      const r = link();
      const f = files();
      if (!f.count) { lmsStatus.textContent = "Tick at least one question that a quiz can hold (discussion questions are for the class)."; return; }
      const slug = lesson.slug;
      lmsStatus.textContent = "Making the cartridge\u2026";
      Promise.all([cartridgeData(slug), maker(), assets()]).then(([c, make, kit]) => {
        if (!lesson || lesson.slug !== slug) return;
        const made = make.selection(c, kit, items.filter((it) => it.on && own(c.qti.items, it.q.id)).map((it) => it.q.id), r.url);
        download(slug + "-selection.imscc", "application/zip", made.bytes);
        const web = r.url && /^https?:/.test(r.url);
        lmsStatus.textContent = made.count + (made.count === 1 ? " question" : " questions") + " in the cartridge's quiz, with the lesson page, the worksheets and the article's address" +
          (web ? " and the assignment's link." : ". The assignment's link is left out: it is not a web address (http:// or https://).");
      }, () => { lmsStatus.textContent = "The cartridge's files of this lesson could not be loaded: is the teacher site complete?"; });
    });
    $(".cr-as-print-btn", root).addEventListener("click", () => { update(); window.print(); });
    $(".cr-as-gift", root).addEventListener("click", () => exported("gift"));
    $(".cr-as-moodle", root).addEventListener("click", () => exported("moodle"));

    function setAll(pred) { items.forEach((it) => { it.on = pred(it.q); }); draw(); }
    $(".cr-as-all", root).addEventListener("click", () => setAll(() => true));
    $(".cr-as-none", root).addEventListener("click", () => setAll(() => false));
    $(".cr-as-core", root).addEventListener("click", () => setAll((q) => q.core));
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
