/* closeread: the teacher site's class results page (teacher/results.md). It reads students' hand-in
 * codes (pasted, or in the files students downloaded) with closeread-handin.js, checks each against
 * the chosen lesson's questions, keys and rubrics (teacher/<slug>/results.js, loaded with a script
 * element so that it works from file://), and shows a table of students by questions, each question's
 * share right and most chosen wrong answer, and the written answers beside the rubric. Codes and the
 * levels the teacher gives stay in this browser's localStorage until "Clear". Every text from a code
 * is inserted with textContent, never as HTML; the CSV makes formula-like cells inert. Vanilla ES2017. */
(function () {
  "use strict";
  const $ = (sel, root) => (root || document).querySelector(sel);
  const h = (...args) => window.closereadHandin.h(...args); // closeread-handin.js, loaded before this file
  const store = {
    get(k) { try { return JSON.parse(localStorage.getItem(k)); } catch (e) { return null; } },
    set(k, v) { try { localStorage.setItem(k, JSON.stringify(v)); return true; } catch (e) { return false; } },
    del(k) { try { localStorage.removeItem(k); } catch (e) { /* nothing kept */ } },
  };
  const KEY = (slug) => "closeread:results:" + slug;
  const LAST = "closeread:results:lesson";
  const LEVELS = ["beginning", "developing", "strong"]; // a code's self level 1-3, in this order
  const STANCE = ["", "reported", "asserted"];
  const MAX_FILE = 1024 * 1024;
  const letter = (i) => String.fromCharCode(65 + i);
  const pct = (k, n) => (n ? Math.round((100 * k) / n) + " %" : "");
  const when = (ms) => new Date(ms).toISOString().slice(0, 16).replace("T", " ") + " UTC";
  const short = (s) => (s.length > 16 ? s.slice(0, 16) + "\u2026" : s);
  const clip = (s) => { s = s.replace(/\s+/g, " ").trim(); return s.length > 60 ? s.slice(0, 60) + "\u2026" : s; }; // a name in a one-line message
  const plural = (n, one, many) => n + " " + (n === 1 ? one : many);

  /* what a student's answer says, in words, for the table, the written answers and the CSV */
  function answerText(q, it) {
    if (!it) return "";
    if (q.type === "single") return it.a >= 0 && q.options[it.a] ? q.options[it.a].text : "";
    if (q.type === "multiple") return (it.a || []).filter((i) => q.options[i]).map((i) => q.options[i].text).join("; ");
    if (q.type === "sort") return (it.a || []).map((s, i) => (q.claims[i] && s ? q.claims[i].text + ": " + STANCE[s] : "")).filter(Boolean).join("; ");
    return it.text || "";
  }
  /* answered as the student page counts it (closeread.js's answered): right, or its answer shown; a wrong
   * try the student could still try again is tried, not answered */
  const answered = (it) => !!(it && (it.ok || it.shown));
  const tried = (it) => !!(it && it.done);
  function resultText(q, it) {
    if (q.type === "discussion") return "discussion";
    if (!tried(it)) return "not answered";
    const chosen = q.type === "single" ? (it.a >= 0 ? letter(it.a) : "") : q.type === "multiple" ? (it.a || []).map(letter).join(", ") : "";
    if (!answered(it)) return "not answered (tried" + (chosen ? " " + chosen : "") + ", wrong)";
    if (q.type === "short") return "self: " + (LEVELS[it.self - 1] || "not marked");
    if (it.first) return "right";
    if (it.ok) return "right (2nd try)";
    return "wrong" + (chosen ? ": " + chosen : "") + " (answer shown)";
  }

  function init() {
    const root = $(".cr-results[data-cr-lessons]");
    const H = window.closereadHandin;
    if (!root || !H) return;
    let index;
    try { index = JSON.parse(root.getAttribute("data-cr-lessons")); } catch (e) { return; }
    const app = $(".cr-rs-app", root);
    $(".cr-results-nojs", root).hidden = true;
    app.hidden = false;
    const sel = $("#cr-rs-lesson");
    const paste = $("#cr-rs-paste");
    const files = $("#cr-rs-files");
    const msgs = $(".cr-rs-msgs", root);
    const out = $(".cr-rs-out", root);
    index.forEach((l) => sel.append(new Option(l.title, l.slug)));
    const last = store.get(LAST);
    if (index.some((l) => l.slug === last)) sel.value = last;

    let lesson = null; // the chosen lesson's results.js data
    let kept = null; // {v, codes, set, levels}: what localStorage holds for it
    let rows = []; // decoded records, in the order added
    const loaded = (window.closereadResults = window.closereadResults || {});
    function lessonData(slug) {
      if (loaded[slug]) return Promise.resolve(loaded[slug]);
      return new Promise((resolve, reject) => {
        const s = document.createElement("script");
        s.src = new URL(encodeURIComponent(slug) + "/results.js", location.href).href;
        s.onload = () => (loaded[slug] ? resolve(loaded[slug]) : reject(new Error("no data")));
        s.onerror = () => reject(new Error("not found"));
        document.head.appendChild(s);
      });
    }
    const save = () => { if (!store.set(KEY(lesson.slug), kept)) say(["This browser did not keep the codes (its storage is full or switched off): they are shown until you leave the page."]); };
    function say(lines) { msgs.replaceChildren(...lines.map((l) => h("li", null, l))); }

    /* one line for a code that cannot be added; null when it can */
    function problem(rec) {
      if (rec.lessonId !== lesson.id) {
        const other = index.find((l) => l.id === rec.lessonId);
        return other ? "is for the lesson \u201c" + other.title + "\u201d, not this one: choose that lesson above to read it." : "is for a lesson this teacher site does not have.";
      }
      if (rec.version !== lesson.version) return "was made from an older (or newer) build of this lesson, whose questions differ from these: ask the student to hand in again from the current page.";
      for (const it of rec.items) {
        const q = lesson.questions[it.i];
        if (!q || q.type !== it.type) return "does not match this lesson's questions (is it from another build of the kit?).";
        const n = (q.options || q.claims || []).length;
        const bad = (x) => x != null && x >= n;
        if ((q.type === "single" && (bad(it.a) || bad(it.f))) || ((q.type === "multiple" || q.type === "sort") && (it.a || []).concat(it.f || []).some(q.type === "sort" ? (s) => s > 2 : bad))) return "does not match this lesson's questions (is it from another build of the kit?).";
        if (q.type === "sort" && (it.a || []).length > n) return "does not match this lesson's questions (is it from another build of the kit?).";
      }
      const set = rec.items.map((it) => it.i).join(",");
      if (kept.set != null && kept.set !== set) return "is for another set of questions of this lesson (" + plural(rec.items.length, "question", "questions") + ", not the " + kept.set.split(",").length + " here): press \u201cClear\u201d to start a list for that assignment.";
      return null;
    }
    /* a line about markup or a formula in a code that is added all the same: shown as text, made inert */
    function caution(rec) {
      const texts = [rec.name].concat(rec.items.map((it) => it.text || ""));
      if (texts.some((t) => /<\s*[a-z!\/?]/i.test(t))) return "holds markup (such as <script> or <b>): it is shown as plain text and never run.";
      if (texts.some((t) => /^\s*[=+\-@\t\r]/.test(t))) return "has a name or answer that starts like a spreadsheet formula: it is shown as text, and the CSV writes it as text.";
      return null;
    }
    const REASON = {
      prefix: "is not a closeread code (a code starts with CR1.): is it cut at the start?",
      newer: "was made by a newer version of closeread than this teacher site: update the teacher site to read it.",
      cut: "is cut short: ask for the whole code (or the file).",
      mistyped: "is cut or mistyped (its checksum does not match): ask for it again, or for the file.",
      damaged: "is damaged: ask for it again, or for the file.",
      "cannot-inflate": "cannot be read by this browser: open this page in a recent Chrome, Edge, Firefox or Safari.",
    };

    /* sources: [{label, text}]: add every code found in them, one line per problem */
    async function add(sources) {
      if (!lesson) return;
      const lines = [];
      let added = 0;
      // every code is decoded at once (each may wait on a DecompressionStream), then checked in order
      const found = sources.map((src) => (src.big ? [] : H.scan(src.text)));
      const decoded = await Promise.all(found.map((codes) => Promise.all(codes.map((c) => H.decode(c).then((rec) => ({ rec }), (e) => ({ e }))))));
      const known = new Set(kept.codes);
      for (let k = 0; k < sources.length; k++) {
        const src = sources[k];
        const codes = found[k];
        if (src.big) { lines.push(src.label + " is too large to be a hand-in file (more than 1 MB): left out."); continue; }
        if (!codes.length) { lines.push(src.label + ": no hand-in code found in it (a code starts with CR1.)."); continue; }
        for (let n = 0; n < codes.length; n++) {
          const code = codes[n];
          const name = src.label + (codes.length > 1 ? ", code " + (n + 1) : "") + " (\u201c" + short(code) + "\u201d)";
          const { rec, e } = decoded[k][n];
          if (e) { lines.push(name + " " + (REASON[e.reason] || REASON.damaged)); continue; }
          const who = src.label + (codes.length > 1 ? ", code " + (n + 1) : "") + " (" + (clip(rec.name) || "no name") + ")";
          const p = problem(rec);
          if (p) { lines.push(who + " " + p); continue; }
          if (known.has(code)) { lines.push(who + " is already in the list: not added twice."); continue; }
          const c = caution(rec);
          if (c) lines.push(who + " " + c);
          if (kept.set == null) kept.set = rec.items.map((it) => it.i).join(",");
          kept.codes.push(code);
          known.add(code);
          rows.push(rec);
          added++;
        }
      }
      if (added) save();
      lines.unshift(plural(added, "code", "codes") + " added; " + plural(rows.length, "student", "students") + " in the list.");
      say(lines);
      draw();
    }

    async function choose() {
      const slug = sel.value;
      store.set(LAST, slug);
      out.replaceChildren();
      say([]);
      try { lesson = await lessonData(slug); } catch (e) { lesson = null; say(["This lesson's questions could not be loaded: is the teacher site complete?"]); return; }
      if (sel.value !== slug) return;
      kept = store.get(KEY(slug));
      if (!kept || kept.v !== 1 || !Array.isArray(kept.codes)) kept = { v: 1, codes: [], set: null, levels: {} };
      rows = [];
      const dropped = [];
      const recs = await Promise.all(kept.codes.map((c) => H.decode(c).catch(() => null)));
      recs.forEach((rec, n) => { if (rec && !problem(rec)) rows.push(rec); else dropped.push(kept.codes[n]); });
      // kept, not deleted: the teacher decides (Clear), and a site put back as it was reads them again
      if (dropped.length) say([plural(dropped.length, "code kept in this browser no longer matches", "codes kept in this browser no longer match") + " this lesson's questions (the site was rebuilt since): not shown; \u201cClear\u201d removes them."]);
      draw();
    }

    /* ---------- what the page shows ---------- */
    const shown = () => (kept.set == null ? [] : kept.set.split(",").map((i) => lesson.questions[+i]));
    const itemOf = (rec, q) => rec.items.find((it) => it.i === q.i);
    const norm = (s) => s.toLowerCase().replace(/\s+/g, " ").trim();
    function duplicates() {
      const by = new Map();
      rows.forEach((r, n) => { const k = norm(r.name); if (k) by.set(k, (by.get(k) || []).concat(n + 1)); });
      return Array.from(by.values()).filter((v) => v.length > 1);
    }
    function score(rec) {
      const auto = shown().filter((q) => ["single", "multiple", "sort", "find"].includes(q.type));
      return { right: auto.filter((q) => (itemOf(rec, q) || {}).first).length, of: auto.length };
    }
    const levelKey = (rec, q) => rec.crc.toString(16) + ":" + q.i;
    let cells = {}; // the table's cell of each student and question, by levelKey
    const cellText = (q, r) => resultText(q, itemOf(r, q)) + (q.type === "short" && kept.levels[levelKey(r, q)] ? "; yours: " + kept.levels[levelKey(r, q)] : "");

    function draw() {
      out.replaceChildren();
      cells = {};
      if (!lesson || !rows.length) {
        if (lesson) out.append(h("p", null, "No codes yet for \u201c" + lesson.title + "\u201d."));
        return;
      }
      const qs = shown();
      const dups = duplicates();
      const dupRows = new Set(dups.flat());
      const core = qs.length === lesson.questions.filter((q) => q.core).length && qs.every((q) => q.core);
      out.append(h("h2", { id: "cr-rs-class" }, lesson.title + ": " + plural(rows.length, "student", "students")),
        h("p", null, core ? "The lesson's core set: " + plural(qs.length, "question", "questions") + "." : "An assignment of " + plural(qs.length, "question", "questions") + " (the lesson's questions " + qs.map((q) => q.i + 1).join(", ") + ")."));
      if (dups.length) out.append(h("ul", { class: "cr-rs-dups" }, dups.map((d) => h("li", { class: "cr-rs-dup" }, "\u201c" + clip(rows[d[0] - 1].name) + "\u201d handed in " + d.length + " times (rows " + d.join(" and ") + "): every one is kept; remove the one you do not want."))));

      /* students by questions */
      const table = h("table", { class: "cr-rs-table cr-rs-students" },
        h("caption", null, "Students by questions (right: at the first try; the letter is the option chosen)"),
        h("thead", null, h("tr", null, h("th", { scope: "col" }, "#"), h("th", { scope: "col" }, "Student"), h("th", { scope: "col" }, "Handed in"), h("th", { scope: "col" }, "Minutes"), h("th", { scope: "col" }, "Right at first try"),
          qs.map((q, n) => h("th", { scope: "col" }, "Q" + (n + 1))), h("th", { scope: "col" }, h("span", { class: "cr-sr" }, "Remove")))),
        h("tbody", null, rows.map((r, n) => {
          const s = score(r);
          return h("tr", { class: dupRows.has(n + 1) ? "cr-rs-dup" : null },
            h("td", null, String(n + 1)),
            h("th", { scope: "row" }, (r.name || "(no name)") + (dupRows.has(n + 1) ? " (twice)" : "")),
            h("td", null, when(r.handedIn)), h("td", null, String(r.minutes)),
            h("td", null, s.right + " of " + s.of),
            qs.map((q) => (cells[levelKey(r, q)] = h("td", null, cellText(q, r)))),
            h("td", null, h("button", { type: "button", class: "cr-btn cr-rs-remove", "aria-label": "Remove row " + (n + 1) + " (" + (r.name || "no name") + ")", onclick: () => remove(n) }, "Remove")));
        })));
      out.append(h("div", { class: "md-typeset__scrollwrap" }, h("div", { class: "md-typeset__table" }, table)));

      /* per question */
      out.append(h("h2", { id: "cr-rs-questions" }, "Question by question"));
      const perQ = h("table", { class: "cr-rs-table cr-rs-perq" },
        h("caption", null, "Each question: how many answered (right, or the answer shown), how many were right, and the wrong answer chosen most at the first try with its note"),
        h("thead", null, h("tr", null, ["Question", "Answered", "Right at first try", "Right in the end", "Wrong answer chosen most", "Its note (the misconception)"].map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", null, qs.map((q, n) => {
          // the shares right are of those who tried; answered is as the student page counts it
          const its = rows.map((r) => itemOf(r, q)).filter(tried);
          const done = its.filter(answered).length;
          const open = its.length - done;
          const first = its.filter((it) => it.first).length;
          const end = its.filter((it) => it.ok).length;
          const wrong = mostWrong(q, its);
          const auto = q.type !== "short" && q.type !== "discussion";
          return h("tr", null,
            h("th", { scope: "row" }, "Q" + (n + 1) + ". " + q.prompt),
            h("td", null, q.type === "discussion" ? "for discussion" : done + " of " + rows.length + (open ? " (" + open + " left at a wrong try)" : "")),
            h("td", null, auto && its.length ? first + " (" + pct(first, its.length) + ")" : q.type === "short" ? levelsLine(its) : ""),
            h("td", null, auto && its.length ? end + " (" + pct(end, its.length) + ")" : ""),
            h("td", null, wrong ? wrong.label + " (" + plural(wrong.count, "student", "students") + ")" : ""),
            h("td", null, wrong ? wrong.note : ""));
        })));
      out.append(h("div", { class: "md-typeset__scrollwrap" }, h("div", { class: "md-typeset__table" }, perQ)));

      /* written answers beside the rubric */
      const written = qs.filter((q) => q.type === "short");
      if (written.length) out.append(h("h2", { id: "cr-rs-written" }, "Written answers"));
      if (written.length) out.append(h("p", null, "Open a question to read its answers beside the rubric and give each a level (printing opens them all)."));
      written.forEach((q) => {
        const n = qs.indexOf(q) + 1;
        // folded, and made when first opened: a class's written answers are most of the page's work
        const sec = h("details", { class: "cr-rs-written" }, h("summary", null, "Q" + n + ". " + q.prompt + " (" + plural(rows.filter((r) => (itemOf(r, q) || {}).text).length, "answer", "answers") + ")"));
        sec.addEventListener("toggle", () => { if (sec.open && sec.children.length === 1) sec.append(...writtenAnswers(q, n)); });
        out.append(sec);
      });
    }
    function writtenAnswers(q, n) {
      return [
          q.rubric ? h("table", { class: "cr-rs-table" }, h("caption", null, "Rubric"),
            h("thead", null, h("tr", null, ["Level", "An answer at this level", "For example"].map((t) => h("th", { scope: "col" }, t)))),
            h("tbody", null, q.rubric.map((l) => h("tr", null, h("th", { scope: "row" }, l.level), h("td", null, l.does), h("td", null, l.sample))))) : null,
          q.model ? h("p", null, h("strong", null, "Model answer: "), q.model) : null,
          h("table", { class: "cr-rs-table" }, h("caption", null, "The students' answers"),
            h("thead", null, h("tr", null, ["Student", "Answer", "Their level", "Your level"].map((t) => h("th", { scope: "col" }, t)))),
            h("tbody", null, rows.map((r, k) => {
              const it = itemOf(r, q) || {};
              const key = levelKey(r, q);
              const id = "cr-rs-lvl-" + n + "-" + k;
              const pick = h("select", { id, class: "cr-rs-level" }, [["", "\u2014"]].concat(LEVELS.map((l) => [l, l])).map(([v, t]) => new Option(t, v)));
              pick.value = kept.levels[key] || "";
              pick.addEventListener("change", () => { if (pick.value) kept.levels[key] = pick.value; else delete kept.levels[key]; save(); printed.textContent = pick.value; if (cells[key]) cells[key].textContent = cellText(q, r); });
              const printed = h("span", { class: "cr-rs-print-level" }, kept.levels[key] || "");
              return h("tr", null, h("th", { scope: "row" }, r.name || "(no name)"), h("td", null, it.text || "(no answer)"),
                h("td", null, answered(it) ? LEVELS[it.self - 1] || "not marked" : "not answered"),
                h("td", null, h("label", { for: id, class: "cr-sr" }, "Your level for " + (r.name || "row " + (k + 1))), pick, printed));
            })))].filter(Boolean);
    }
    function levelsLine(its) {
      return LEVELS.slice().reverse().map((l, k) => l + " " + its.filter((it) => it.self === 3 - k).length).join(" \u00b7 ");
    }
    /* the wrong answer chosen most at the first try (the last one when the first is not known) */
    function mostWrong(q, its) {
      const counts = new Map();
      const bump = (k, label, note) => { const c = counts.get(k) || { label, note, count: 0 }; c.count++; counts.set(k, c); };
      for (const it of its) {
        if (it.first) continue;
        const ans = (q.type === "single" ? it.f >= 0 : (it.f || []).length) ? it.f : it.a;
        if (q.type === "single" && ans >= 0 && q.options[ans] && !q.options[ans].ok) bump(ans, letter(ans) + ". " + q.options[ans].text, q.options[ans].note);
        if (q.type === "multiple") (ans || []).forEach((i) => { if (q.options[i] && !q.options[i].ok) bump(i, letter(i) + ". " + q.options[i].text, q.options[i].note); });
        if (q.type === "sort") (ans || []).forEach((s, i) => { if (s && q.claims[i] && STANCE[s] !== q.claims[i].stance) bump(i + ":" + s, "\u201c" + q.claims[i].text + "\u201d as " + STANCE[s], "It is " + q.claims[i].stance + "."); });
      }
      let best = null;
      counts.forEach((c) => { if (!best || c.count > best.count) best = c; });
      return best;
    }
    function remove(n) {
      kept.codes.splice(kept.codes.indexOf(rows[n].code), 1);
      rows.splice(n, 1);
      if (!rows.length) kept.set = null;
      save();
      say(["Row " + (n + 1) + " removed; " + plural(rows.length, "student", "students") + " in the list."]);
      draw();
    }

    /* ---------- CSV: UTF-8 with a byte-order mark, every cell quoted, formula-like cells made inert ---------- */
    function cell(v) {
      let s = String(v == null ? "" : v);
      if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
      return '"' + s.replace(/"/g, '""') + '"';
    }
    function csv() {
      const qs = shown();
      const head = ["Name", "Handed in", "Minutes", "Right at first try"];
      qs.forEach((q, n) => {
        const Q = "Q" + (n + 1);
        if (q.type === "short") head.push(Q + " answer", Q + " student's level", Q + " teacher's level");
        else if (q.type !== "discussion") head.push(Q + " answer", Q + " result");
      });
      const lines = [head];
      rows.forEach((r) => {
        const s = score(r);
        const line = [r.name, when(r.handedIn), r.minutes, s.right + " of " + s.of];
        qs.forEach((q) => {
          const it = itemOf(r, q);
          if (q.type === "short") line.push(answerText(q, it), answered(it) ? LEVELS[it.self - 1] || "" : "", kept.levels[levelKey(r, q)] || "");
          else if (q.type !== "discussion") line.push(answerText(q, it), resultText(q, it));
        });
        lines.push(line);
      });
      return "\ufeff" + lines.map((l) => l.map(cell).join(",")).join("\r\n") + "\r\n";
    }
    function download() {
      if (!lesson || !rows.length) { say(["Nothing to download yet: add the students' codes first."]); return; }
      const url = URL.createObjectURL(new Blob([csv()], { type: "text/csv;charset=utf-8" }));
      const a = h("a", { href: url, download: "closeread-results-" + lesson.slug + ".csv", hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    }

    /* ---------- wiring ---------- */
    sel.addEventListener("change", choose);
    $(".cr-rs-add", root).addEventListener("click", () => {
      const t = paste.value;
      if (!t.trim()) { say(["Paste the codes first."]); paste.focus(); return; }
      add([{ label: "Pasted text", text: t }]).then(() => { paste.value = ""; });
    });
    async function fromFiles(list) {
      const sources = [];
      for (const f of Array.from(list)) {
        if (f.size > MAX_FILE) { sources.push({ label: "File " + f.name, text: "", big: true }); continue; }
        let t = "";
        try { t = await f.text(); } catch (e) { t = ""; }
        sources.push({ label: "File " + f.name, text: t });
      }
      await add(sources);
    }
    files.addEventListener("change", () => { fromFiles(files.files).then(() => { files.value = ""; }); });
    const drop = document.body;
    drop.addEventListener("dragover", (e) => { e.preventDefault(); app.classList.add("cr-rs-over"); });
    drop.addEventListener("dragleave", () => app.classList.remove("cr-rs-over"));
    drop.addEventListener("drop", (e) => { e.preventDefault(); app.classList.remove("cr-rs-over"); if (e.dataTransfer && e.dataTransfer.files.length) fromFiles(e.dataTransfer.files); });
    $(".cr-rs-csv", root).addEventListener("click", download);
    $(".cr-rs-print", root).addEventListener("click", () => window.print());
    window.addEventListener("beforeprint", () => out.querySelectorAll("details.cr-rs-written").forEach((d) => { d.open = true; d.dispatchEvent(new Event("toggle")); }));
    $(".cr-rs-clear", root).addEventListener("click", () => {
      if (!lesson) return;
      store.del(KEY(lesson.slug));
      kept = { v: 1, codes: [], set: null, levels: {} };
      rows = [];
      say(["Cleared: this browser keeps no codes for \u201c" + lesson.title + "\u201d now."]);
      draw();
    });
    window.closereadResultsPage = { add, csv, ready: choose() };
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
