/* closeread: interactive lesson pages.
 * Vanilla ES2017, no dependencies, no network: works from a web server and from file://.
 * The page without this script is complete; the script enhances it. Lesson text is only ever
 * inserted with textContent or by cloning nodes of the page, never as HTML.
 * Progress is kept in localStorage, per lesson; nothing leaves the device.
 */
(function () {
  "use strict";

  /* ---------- small helpers ---------- */
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  function h(tag, attrs, ...kids) {
    const el = document.createElement(tag);
    for (const k in attrs || {}) {
      const v = attrs[k];
      if (v == null || v === false) continue;
      if (k === "class") el.className = v;
      else if (k.slice(0, 2) === "on") el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? "" : v);
    }
    for (const kid of kids.flat(3)) {
      if (kid == null || kid === false) continue;
      el.append(kid.nodeType ? kid : document.createTextNode(String(kid)));
    }
    return el;
  }
  const btn = (text, cls, onclick, attrs) => h("button", Object.assign({ type: "button", class: "cr-btn " + (cls || ""), onclick }, attrs || {}), text);
  const reduced = () => window.matchMedia && matchMedia("(prefers-reduced-motion: reduce)").matches;
  const reveal = (el) => el && el.scrollIntoView({ behavior: reduced() ? "auto" : "smooth", block: "center" });
  const focusOn = (el) => {
    if (!el) return;
    if (!el.hasAttribute("tabindex") && !/^(A|BUTTON|INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) el.setAttribute("tabindex", "-1");
    el.focus({ preventScroll: true });
    reveal(el);
  };
  const text = (el) => {
    if (!el) return "";
    const c = el.cloneNode(true);
    $$(".cr-ref, .cr-sr, .cr-opt-mark, .cr-gloss", c).forEach((x) => x.remove());
    return c.textContent.replace(/\s+/g, " ").trim();
  };
  const store = {
    get(k) { try { return JSON.parse(localStorage.getItem(k)); } catch (e) { return null; } },
    set(k, v) { try { localStorage.setItem(k, JSON.stringify(v)); } catch (e) { /* private mode: progress is not kept */ } },
    del(k) { try { localStorage.removeItem(k); } catch (e) { /* nothing to do */ } },
  };
  const LESSON = (slug) => "closeread:lesson:" + slug;
  const MODE = "closeread:mode";
  function hash(s) { // FNV-1a, for naming an assignment's storage
    let x = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) { x ^= s.charCodeAt(i); x = Math.imul(x, 0x01000193) >>> 0; }
    return x.toString(36);
  }
  const longDate = (iso) => {
    const d = new Date(iso + "T12:00:00");
    return isNaN(d) ? iso : d.toLocaleDateString([], { day: "numeric", month: "long", year: "numeric" });
  };

  /* The answer key: base64 of UTF-8 JSON XOR a 64-byte key, the first 64 bytes of a xorshift32
   * stream seeded by the salt, repeated (closeread/render/keys.py). Not secrecy: it keeps the key
   * from being read at a glance. */
  function decodeKey(b64, seed) {
    const bin = atob(b64);
    const ks = new Uint8Array(64);
    let x = seed >>> 0;
    for (let i = 0; i < 64; i++) {
      x ^= x << 13; x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5; x >>>= 0;
      ks[i] = x & 0xff;
    }
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i) ^ ks[i & 63];
    return JSON.parse(new TextDecoder("utf-8").decode(out));
  }

  /* Unsealing, one choice at a time (closeread/render/keys.py): the key holds, per question, sealed
   * entries found by a tag and opened by a seed, both hashed from the salt, the question and the
   * choice, so that nothing in it says which option is right until that option is opened.
   *   closeread.open(qid, choice) -> {correct, feedback, explanation, model, answer, rubric} or null
   * choice: an option's value ("o2"), "claim=stance" for a sorting row, "" for find and short.
   * Not secrecy: every choice is on the page (docs/guide/teaching.md, "What the student page reveals"). */
  const sealed = { key: {}, salt: 0 };
  const fnv = (s) => {
    let x = 0x811c9dc5;
    for (const b of new TextEncoder().encode(s)) x = Math.imul(x ^ b, 0x01000193) >>> 0;
    return x || 1;
  };
  function open(qid, choice) {
    const q = sealed.key[qid];
    const parts = [sealed.salt, qid, choice == null ? "" : String(choice)].join("\x1f");
    const blob = q && q.s && q.s[fnv("tag\x1f" + parts).toString(16).padStart(8, "0")];
    if (!blob) return null;
    const p = decodeKey(blob, fnv("seal\x1f" + parts));
    return { correct: !!p.ok, feedback: p.f || "", explanation: p.x || "", model: p.m || "", answer: p.a || "", rubric: p.r || [] };
  }
  function unseal(b64, salt) { sealed.key = decodeKey(b64, salt); sealed.salt = salt; return sealed.key; }
  window.closeread = { decodeKey, open };

  /* An assignment link: lessons/<slug>/index.html#assign?q=a,b&m=practice&d=2025-03-01&i=... */
  function parseAssignment(fragment) {
    if (!/^#assign\?/.test(fragment)) return null;
    const p = new URLSearchParams(fragment.slice(8));
    const ids = (p.get("q") || "").split(",").map((s) => s.trim()).filter(Boolean);
    if (!ids.length) return null;
    const mode = p.get("m") === "explore" ? "explore" : "practice";
    const due = /^\d{4}-\d{2}-\d{2}$/.test(p.get("d") || "") ? p.get("d") : "";
    return { ids, mode, due, note: (p.get("i") || "").slice(0, 4000), id: hash(fragment) };
  }

  /* ---------- the article: marks, popovers, legend, find-in-text ---------- */
  function Article(wrap, opts) {
    const art = $(".cr-article", wrap);
    const kindsLabel = {};
    $$(".cr-legend li[data-kind]", wrap).forEach((li) => { kindsLabel[li.dataset.kind] = text(li); });
    const marks = $$("mark.cr-ann", art);
    const refs = $$("a.cr-ref", art);
    const off = new Set(); // kinds switched off in the legend
    let shown = () => true; // is an annotation id revealed (practice mode)
    let finding = null; // the find-in-text session, when one is open
    let pop = null;
    let popOpener = null;

    const annsOf = (el) => (el.dataset.ann || "").split(/\s+/).filter(Boolean);
    const kindOf = (id) => { const n = document.getElementById("note-" + id); return n ? n.dataset.kind : ""; };
    // what a note calls itself: its kind's label, or its own (a spelling is no loaded language)
    const labelOf = (id) => { const n = document.getElementById("note-" + id); return (n && n.dataset.label) || kindsLabel[kindOf(id)] || kindOf(id); };
    const visibleAnns = (el) => annsOf(el).filter((id) => shown(id) && !off.has(kindOf(id)));

    function refresh() {
      wrap.classList.toggle("cr-finding", !!finding);
      for (const m of marks) {
        const vis = finding ? [] : visibleAnns(m);
        m.classList.toggle("cr-hide", !vis.length);
        if (vis.length) {
          const kinds = Array.from(new Set(vis.map(kindOf)));
          m.dataset.show = kinds[0];
          m.setAttribute("tabindex", "0");
          m.setAttribute("role", "button");
          m.setAttribute("aria-label", text(m) + " (" + Array.from(new Set(vis.map(labelOf))).map((k) => k.toLowerCase()).join(", ") + ": open the note)");
          m.setAttribute("aria-haspopup", "dialog");
        } else {
          ["tabindex", "role", "aria-label", "aria-haspopup", "aria-expanded", "data-show"].forEach((a) => m.removeAttribute(a));
        }
      }
      for (const r of refs) {
        const vis = !finding && shown(r.dataset.ann) && !off.has(r.dataset.kind);
        r.classList.toggle("cr-hide", !vis);
        r.setAttribute("tabindex", "-1"); // the mark before it is the keyboard stop
      }
    }

    /* popover */
    function closePop(returnFocus) {
      if (!pop) return;
      pop.remove();
      pop = null;
      if (popOpener) popOpener.setAttribute("aria-expanded", "false");
      if (returnFocus && popOpener) popOpener.focus({ preventScroll: true });
      popOpener = null;
    }
    function openPop(anchor, ids) {
      closePop(false);
      if (!ids.length) return;
      popOpener = anchor.tagName === "A" ? (marks.filter((m) => annsOf(m).includes(ids[0])).pop() || anchor) : anchor;
      const body = h("div", { class: "cr-pop-body" });
      for (const id of ids) {
        const note = document.getElementById("note-" + id);
        if (!note) continue;
        const item = h("div", { class: "cr-pop-item" });
        for (const child of Array.from(note.childNodes)) {
          if (child.nodeType === 1 && child.matches(".cr-note-quote, .cr-note-where, .cr-back")) continue;
          const c = child.cloneNode(true);
          if (c.nodeType === 1) { c.removeAttribute("id"); $$("[id]", c).forEach((x) => x.removeAttribute("id")); }
          item.append(c);
        }
        item.append(h("a", { class: "cr-pop-more", href: "#note-" + id }, "Go to this note in the list"));
        body.append(item);
      }
      const quote = text(anchor.tagName === "A" ? marks.filter((m) => annsOf(m).includes(ids[0])).pop() || anchor : anchor);
      pop = h("div", { class: "cr-pop", role: "dialog", "aria-labelledby": "cr-pop-title", tabindex: "-1" },
        h("p", { class: "cr-pop-title", id: "cr-pop-title" }, (ids.length > 1 ? ids.length + " notes on " : "Note on ") + "\u201c" + quote + "\u201d"),
        body,
        btn("Close", "cr-pop-close", () => closePop(true)));
      pop.addEventListener("keydown", (e) => { if (e.key === "Escape") { e.preventDefault(); closePop(true); } });
      pop.addEventListener("focusout", (e) => { if (pop && e.relatedTarget && !pop.contains(e.relatedTarget) && e.relatedTarget !== popOpener) closePop(false); });
      wrap.append(pop);
      const wr = wrap.getBoundingClientRect();
      const ar = anchor.getBoundingClientRect();
      const width = Math.min(pop.offsetWidth, wr.width);
      pop.style.top = Math.round(ar.bottom - wr.top + 6) + "px";
      pop.style.left = Math.round(Math.max(0, Math.min(ar.left - wr.left, wr.width - width))) + "px";
      popOpener.setAttribute("aria-expanded", "true");
      pop.focus({ preventScroll: true });
      const pr = pop.getBoundingClientRect();
      if (pr.bottom > innerHeight || pr.top < 0) pop.scrollIntoView({ behavior: reduced() ? "auto" : "smooth", block: "nearest" });
    }
    document.addEventListener("pointerdown", (e) => {
      if (pop && !pop.contains(e.target) && !(popOpener && popOpener.contains(e.target))) closePop(false);
    });

    art.addEventListener("click", (e) => {
      if (finding) return; // handled by the find session
      const ref = e.target.closest("a.cr-ref");
      if (ref && !ref.classList.contains("cr-hide")) {
        e.preventDefault();
        openPop(ref, [ref.dataset.ann]);
        return;
      }
      const m = e.target.closest("mark.cr-ann");
      if (m && !m.classList.contains("cr-hide")) {
        if (pop && popOpener === m) { closePop(true); return; }
        openPop(m, visibleAnns(m));
      }
    });
    art.addEventListener("keydown", (e) => {
      if (finding) { finding.key(e); return; }
      const m = e.target.closest && e.target.closest("mark.cr-ann[role=button]");
      if (m && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); openPop(m, visibleAnns(m)); }
    });

    /* legend: a toggle button per kind */
    const legendBtns = {};
    $$(".cr-legend li[data-kind]", wrap).forEach((li) => {
      const kind = li.dataset.kind;
      const b = legendBtns[kind] = h("button", { type: "button", class: "cr-legend-btn", "aria-pressed": "true" }, Array.from(li.childNodes));
      b.addEventListener("click", () => {
        const on = b.getAttribute("aria-pressed") !== "true";
        b.setAttribute("aria-pressed", String(on));
        on ? off.delete(kind) : off.add(kind);
        closePop(false);
        refresh();
      });
      li.append(b);
    });
    const lt = $(".cr-legend-title", wrap);
    if (lt) lt.append(h("span", { class: "cr-legend-help" }, " (press a kind to add or hide a layer of marks)"));
    /* show only these kinds' marks (a layer); the legend's buttons add the others one by one */
    function layers(kinds) {
      off.clear();
      for (const k in legendBtns) {
        const on = kinds.includes(k);
        if (!on) off.add(k);
        legendBtns[k].setAttribute("aria-pressed", String(on));
      }
      closePop(false);
      refresh();
    }
    /* the legend lists only kinds with a mark the reader can see now */
    function legendFor(isShown) {
      let any = false;
      $$(".cr-legend li[data-kind]", wrap).forEach((li) => {
        const has = marks.some((m) => annsOf(m).some((id) => kindOf(id) === li.dataset.kind && isShown(id)));
        li.hidden = !has;
        any = any || has;
      });
      const lg = $(".cr-legend", wrap);
      if (lg) lg.hidden = !any;
    }

    /* words, for find-in-text: each word of the article text becomes a span */
    let words = null;
    function tokenize() {
      if (words) return words;
      words = [];
      for (const t of $$(".cr-text", art)) {
        const walker = document.createTreeWalker(t, NodeFilter.SHOW_TEXT, null);
        const nodes = [];
        while (walker.nextNode()) if (!walker.currentNode.parentElement.closest(".cr-ref, .cr-sr, .cr-gloss")) nodes.push(walker.currentNode);
        for (const node of nodes) {
          const frag = document.createDocumentFragment();
          for (const part of node.data.split(/(\s+)/)) {
            if (!part) continue;
            if (!part.trim()) { frag.append(part); continue; }
            const w = h("span", { class: "cr-w", "data-w": words.length }, part);
            words.push(w);
            frag.append(w);
          }
          node.replaceWith(frag);
        }
      }
      return words;
    }
    const lineOf = (el) => { const p = el.closest(".cr-line"); return p ? +p.dataset.line : 0; };
    const targetWords = (id) => tokenize().filter((w) => { const m = w.closest("mark.cr-ann"); return m && annsOf(m).includes(id); });

    function find(label, chosen, done) {
      // opens a session in which the student picks words; done(indices) when they check, done(null) on cancel
      closePop(false);
      const ws = tokenize();
      const set = new Set(chosen || []);
      let cur = set.size ? Math.min(...set) : 0;
      let anchor = null;
      const count = h("span", { class: "cr-find-count" });
      const bar = h("div", { class: "cr-findbar", role: "region", "aria-label": "Choosing words for " + label },
        h("p", { class: "cr-findbar-help" }, h("strong", null, label + ": "),
          "click or tap words to choose them (drag to choose several). With the keyboard: arrow keys move, Space chooses, Tab goes to the buttons. "),
        h("p", { class: "cr-findbar-status", "aria-live": "polite" }, count),
        h("p", { class: "cr-findbar-actions" },
          btn("Check these words", "cr-primary", () => end(true)),
          btn("Clear", "", () => { set.clear(); paint(); }),
          btn("Cancel", "", () => end(false))));
      function paint() {
        for (const w of ws) {
          const on = set.has(+w.dataset.w);
          w.classList.toggle("cr-w-on", on);
          w.setAttribute("aria-checked", String(on));
        }
        const picked = ws.filter((w) => set.has(+w.dataset.w)).map((w) => w.textContent);
        count.textContent = picked.length ? picked.length + (picked.length > 1 ? " words" : " word") + " chosen: \u201c" + picked.join(" ") + "\u201d" : "No words chosen yet.";
      }
      function move(i) {
        i = Math.max(0, Math.min(ws.length - 1, i));
        ws[cur].setAttribute("tabindex", "-1");
        cur = i;
        ws[cur].setAttribute("tabindex", "0");
        ws[cur].focus();
      }
      function toggle(i, range) {
        if (range && anchor != null) {
          for (let j = Math.min(anchor, i); j <= Math.max(anchor, i); j++) set.add(j);
        } else {
          set.has(i) ? set.delete(i) : set.add(i);
          anchor = i;
        }
        paint();
      }
      function fromSelection() {
        const sel = getSelection();
        if (!sel || sel.isCollapsed || !sel.rangeCount) return false;
        const r = sel.getRangeAt(0);
        const hit = ws.filter((w) => r.intersectsNode(w.firstChild || w));
        if (!hit.length) return false;
        hit.forEach((w) => set.add(+w.dataset.w));
        sel.removeAllRanges();
        paint();
        return true;
      }
      function onUp(e) {
        if (fromSelection()) return;
        const w = e.target.closest && e.target.closest(".cr-w");
        if (!w) return;
        e.preventDefault();
        ws[cur].setAttribute("tabindex", "-1");
        cur = +w.dataset.w;
        ws[cur].setAttribute("tabindex", "0");
        toggle(cur, e.shiftKey);
      }
      function onClick(e) { if (e.target.closest(".cr-ref, .cr-w")) e.preventDefault(); }
      function lineStep(dir) {
        const line = lineOf(ws[cur]);
        let i = cur;
        while (i >= 0 && i < ws.length && lineOf(ws[i]) === line) i += dir;
        if (i < 0 || i >= ws.length) return cur;
        if (dir < 0) { const l2 = lineOf(ws[i]); while (i > 0 && lineOf(ws[i - 1]) === l2) i--; }
        return i;
      }
      function end(check) {
        const picked = (check && (fromSelection(), true)) ? Array.from(set).sort((a, b) => a - b) : null;
        art.removeEventListener("pointerup", onUp);
        art.removeEventListener("click", onClick, true);
        for (const w of ws) { w.removeAttribute("role"); w.removeAttribute("tabindex"); w.removeAttribute("aria-checked"); w.classList.remove("cr-w-on"); }
        art.removeAttribute("aria-multiselectable");
        art.removeAttribute("role");
        bar.remove();
        finding = null;
        refresh();
        done(picked);
      }
      finding = {
        key(e) {
          const i = e.target.classList && e.target.classList.contains("cr-w") ? +e.target.dataset.w : cur;
          cur = i;
          const k = e.key;
          if (k === "ArrowRight" || k === "ArrowLeft") {
            e.preventDefault();
            const j = cur + (k === "ArrowRight" ? 1 : -1);
            if (e.shiftKey) { if (anchor == null) anchor = cur; set.add(cur); set.add(Math.max(0, Math.min(ws.length - 1, j))); paint(); }
            move(j);
          } else if (k === "ArrowDown" || k === "ArrowUp") { e.preventDefault(); move(lineStep(k === "ArrowDown" ? 1 : -1)); }
          else if (k === "Home") { e.preventDefault(); let j = cur; while (j > 0 && lineOf(ws[j - 1]) === lineOf(ws[cur])) j--; move(j); }
          else if (k === "End") { e.preventDefault(); let j = cur; while (j < ws.length - 1 && lineOf(ws[j + 1]) === lineOf(ws[cur])) j++; move(j); }
          else if (k === " " || k === "Enter") { e.preventDefault(); toggle(cur, e.shiftKey); }
          else if (k === "Escape") { e.preventDefault(); end(false); }
        },
        cancel() { end(false); },
      };
      art.setAttribute("role", "group");
      art.setAttribute("aria-label", "The article: choose words");
      for (const w of ws) { w.setAttribute("role", "checkbox"); w.setAttribute("tabindex", "-1"); }
      ws[cur].setAttribute("tabindex", "0");
      art.addEventListener("pointerup", onUp);
      art.addEventListener("click", onClick, true);
      bar.addEventListener("keydown", (e) => { if (e.key === "Escape") { e.preventDefault(); end(false); } });
      art.after(bar);
      refresh();
      paint();
      ws[cur].focus({ preventScroll: true });
      reveal(ws[cur]);
    }

    refresh();
    return {
      setShown(fn) { shown = fn; closePop(false); refresh(); legendFor(fn); },
      layers,
      refresh,
      find,
      finding: () => !!finding,
      cancelFind() { if (finding) finding.cancel(); },
      tokenize,
      targetWords,
      lineOf,
      markFound(id, on) { marks.forEach((m) => { if (annsOf(m).includes(id)) m.classList.toggle("cr-found", on); }); },
      markChosen(indices) {
        const s = new Set(indices || []);
        if (!s.size && !words) return; // nothing chosen, and the words not split yet: leave the article's text as it is
        for (const w of tokenize()) if (w.classList.contains("cr-w-chosen") !== s.has(+w.dataset.w)) w.classList.toggle("cr-w-chosen");
      },
      wordsText: (indices) => indices.map((i) => (tokenize()[i] || {}).textContent || "").join(" "),
      anyMarkFor: (id) => marks.find((m) => annsOf(m).includes(id)),
    };
  }

  /* ---------- questions ---------- */
  const TYPES_AUTO = ["single", "multiple", "sort", "find"];
  /* answered: right or its answer shown, never a wrong try still open (what is shown then would answer it);
   * `done` (tried) is what the hand-in carries */
  const answered = (s) => !!(s && (s.ok || s.shown));

  function verdict(kind, msg) {
    const sym = { ok: "\u2713", part: "\u2248", no: "\u2717", info: "i" }[kind];
    return h("p", { class: "cr-verdict cr-verdict-" + kind }, h("span", { class: "cr-verdict-icon", "aria-hidden": "true" }, sym + " "), h("strong", null, msg));
  }
  const wordCount = (s) => (String(s).match(/[\p{L}\p{N}]+/gu) || []).length;
  function paras(s) {
    return String(s || "").split(/\n\s*\n/).map((p) => p.replace(/\s+/g, " ").trim()).filter(Boolean).map((p) => h("p", null, p));
  }

  function Question(el, n, key, page) {
    const id = el.dataset.q;
    const type = el.dataset.type;
    const k = key[id] || { t: type };
    const o = (choice) => open(id, choice) || {};
    let shownX = ""; /* the explanation, known once something has been opened */
    const seen = (r) => { if (r.explanation) shownX = r.explanation; return r; };
    const found = type === "find" || type === "short" ? seen(o("")) : {};
    const q = { id, type, el, key: k, countable: type !== "discussion", auto: TYPES_AUTO.includes(type) };
    const st = () => page.answers[id] || (page.answers[id] = {});
    const locked = $(".cr-answer-locked", el);
    if (locked) locked.hidden = true;
    const feedback = h("div", { class: "cr-feedback", "aria-live": "polite" });
    const actions = h("p", { class: "cr-actions" });
    const title = $(".cr-q-title", el);
    q.prompt = text($(".cr-prompt", el));
    q.setNumber = (i) => { if (title && title.firstChild && title.firstChild.nodeType === 3) title.firstChild.data = "Question " + i + " "; };

    /* which annotations answering this question reveals in practice mode */
    q.anns = [el.dataset.ann, found.answer].filter(Boolean);
    $$("tr[data-item]", el).forEach((tr) => q.anns.push(tr.dataset.item));

    /* hints, one at a time */
    const hints = $$(".cr-hint", el);
    let hintBtn = null;
    if (hints.length) {
      hintBtn = btn("", "cr-hint-btn", () => {
        const s = st();
        s.h = Math.min(hints.length, (s.h || 0) + 1);
        page.save();
        renderHints();
        const d = hints[s.h - 1];
        focusOn($("summary", d));
      });
      $(".cr-hints", el).before(h("p", { class: "cr-hint-row" }, hintBtn));
    }
    function renderHints() {
      const used = st().h || 0;
      hints.forEach((d, i) => { d.hidden = i >= used; if (i < used) d.open = true; });
      hintBtn.hidden = used >= hints.length;
      hintBtn.textContent = used ? "Show another hint (" + (used + 1) + " of " + hints.length + ")" : hints.length > 1 ? "Show a hint (1 of " + hints.length + ")" : "Show a hint";
    }

    const inputs = $$("input", el);
    const optionText = (key2) => { const i = inputs.find((x) => x.value === key2); return i ? text(i.closest("label")) : key2; };
    const explanation = () => shownX ? h("div", { class: "cr-explain" }, paras(shownX)) : null;
    const notInside = (fb) => shownX && fb && fb.indexOf(shownX.trim()) >= 0 ? null : explanation();
    function record(ok) {
      const s = st();
      if (s.first == null) { s.first = ok; if (s.v != null) s.v1 = JSON.parse(JSON.stringify(s.v)); }
      s.ok = ok;
      s.done = true;
      page.save();
      page.update();
    }
    const clearMarks = () => $$(".cr-opt-mark", el).forEach((x) => x.remove());

    if (type === "single" || type === "multiple") {
      const check = btn("Check my answer", "cr-primary", () => {
        const v = inputs.filter((i) => i.checked).map((i) => i.value);
        if (!v.length) { feedback.replaceChildren(verdict("info", type === "single" ? "Choose an answer first." : "Choose at least one answer first.")); return; }
        const s = st();
        s.v = v;
        const ok = v.length === (type === "single" ? 1 : k.n) && v.every((x) => seen(o(x)).correct);
        record(ok);
        render();
        focusOn(feedback);
      });
      const show = btn("Show the answer", "cr-show", () => { st().shown = true; st().done = true; if (st().first == null) st().first = false; page.save(); page.update(); render(); focusOn(feedback); });
      actions.append(check, " ", show);
      inputs.forEach((i) => i.addEventListener("change", () => { st().v = inputs.filter((x) => x.checked).map((x) => x.value); page.save(); }));
      q.answerText = () => (st().v || []).map(optionText).join("; ");
      q.render = render;
      function render() {
        const s = st();
        const v = s.v || [];
        inputs.forEach((i) => { i.checked = v.includes(i.value); });
        clearMarks();
        show.hidden = !(s.done && !s.ok) || s.shown;
        if (!s.done) { feedback.replaceChildren(); return; }
        /* the right options: those chosen, and every option once the answer is shown */
        const correct = (s.shown ? inputs.map((i) => i.value) : v).filter((x) => seen(o(x)).correct);
        const fb = (x) => o(x).feedback;
        const out = [];
        if (s.ok) out.push(verdict("ok", type === "single" ? "Right." : "Right: you chose all the right answers and no others."));
        else if (type === "multiple" && v.some((x) => correct.includes(x))) out.push(verdict("part", "Partly right."));
        else out.push(verdict("no", "Not quite. Try again" + (s.shown ? "." : ", or show the answer.")));
        const list = h("ul", { class: "cr-fb-list" });
        for (const x of v) {
          const good = correct.includes(x);
          // feedback that already says so ("Yes. ...", "Right. ...") is not prefixed twice
          const says = /^(right|yes|correct)\b/i.test(fb(x) || "");
          list.append(h("li", null, h("strong", null, optionText(x)), ": ", good ? (says ? "" : "right. ") : "not right. ", fb(x) || ""));
          const lab = inputs.find((i) => i.value === x).closest("label");
          lab.append(h("span", { class: "cr-opt-mark " + (good ? "cr-opt-yes" : "cr-opt-no") }, good ? " \u2713 right" : " \u2717 not right"));
        }
        out.push(list);
        if (type === "multiple" && !s.ok) {
          const missed = (k.n || 0) - v.filter((x) => correct.includes(x)).length;
          if (missed && !s.shown) out.push(h("p", null, "There " + (missed > 1 ? "are " + missed + " right answers" : "is a right answer") + " you have not chosen."));
        }
        if (s.shown && !s.ok) {
          out.push(h("p", { class: "cr-answer-shown" }, h("strong", null, "The answer: "), correct.map(optionText).join("; ")));
          out.push(h("ul", { class: "cr-fb-list" }, correct.filter((x) => !v.includes(x) && fb(x)).map((x) => h("li", null, h("strong", null, optionText(x)), ": ", fb(x)))));
        }
        if (s.ok || s.shown) out.push(notInside(v.map((x) => fb(x) || "").join(" ")));
        feedback.replaceChildren(...out.filter(Boolean));
      }
    } else if (type === "sort") {
      const rows = $$("tr[data-item]", el);
      const check = btn("Check my answer", "cr-primary", () => {
        const v = {};
        rows.forEach((tr) => { const i = $("input:checked", tr); if (i) v[tr.dataset.item] = i.value; });
        const left = rows.length - Object.keys(v).length;
        if (left) { feedback.replaceChildren(verdict("info", "Sort every claim first (" + left + " left).")); return; }
        st().v = v;
        st().tries = (st().tries || 0) + 1;
        record(rows.map((tr) => seen(o(tr.dataset.item + "=" + v[tr.dataset.item])).correct).every(Boolean));
        render();
        focusOn(feedback);
      });
      const show = btn("Show the answer", "cr-show", () => { st().shown = true; st().done = true; if (st().first == null) st().first = false; page.save(); page.update(); render(); focusOn(feedback); });
      actions.append(check, " ", show);
      inputs.forEach((i) => i.addEventListener("change", () => {
        const v = st().v || {};
        v[i.closest("tr").dataset.item] = i.value;
        st().v = v;
        page.save();
      }));
      q.answerText = () => rows.map((tr) => "\u201c" + text($("th", tr)) + "\u201d: " + ((st().v || {})[tr.dataset.item] || "not sorted")).join("; ");
      q.render = render;
      function render() {
        const s = st();
        const v = s.v || {};
        rows.forEach((tr) => $$("input", tr).forEach((i) => { i.checked = v[tr.dataset.item] === i.value; }));
        clearMarks();
        show.hidden = !(s.done && !s.ok) || s.shown;
        if (!s.done) { feedback.replaceChildren(); return; }
        let right = 0;
        // at the first wrong try only how many rows are right: marking each row would let a student flip
        // the wrong ones without thinking; row by row from the second try, or once right or shown
        const rowByRow = s.ok || s.shown || (s.tries || 1) >= 2;
        const list = h("ul", { class: "cr-fb-list" });
        rows.forEach((tr) => {
          const good = !!v[tr.dataset.item] && seen(o(tr.dataset.item + "=" + v[tr.dataset.item])).correct;
          const want = s.shown ? ($$("input", tr).map((i) => i.value).find((x) => o(tr.dataset.item + "=" + x).correct) || "") : "";
          if (good) right++;
          if (!rowByRow) return;
          $("th", tr).append(h("span", { class: "cr-opt-mark " + (good ? "cr-opt-yes" : "cr-opt-no") }, good ? " \u2713 right" : " \u2717 not right"));
          list.append(h("li", null, "\u201c" + text($("th", tr)) + "\u201d: you chose ", h("strong", null, v[tr.dataset.item] || "nothing"), good ? " (right)." : s.shown ? " (not right: it is " + want + ")." : " (not right)."));
        });
        const again = rowByRow ? "" : " Look again at who says each claim; after your next try each row is marked.";
        const out = [s.ok ? verdict("ok", "Right: every claim is sorted correctly.") : verdict(right ? "part" : "no", right + " of " + rows.length + " sorted right." + again + " Try again" + (s.shown ? "." : ", or show the answer.")), rowByRow ? list : null];
        if (s.ok || s.shown) out.push(explanation());
        feedback.replaceChildren(...out.filter(Boolean));
      }
    } else if (type === "find") {
      const help = $(".cr-find-help", el);
      if (help) help.textContent = "Choose the words in the article: press the button, then click or tap the words (or use the arrow keys and Space), then check.";
      const start = btn("Choose words in the article", "cr-primary", () => {
        page.article.find("Question " + (q.number || ""), st().v || [], (picked) => {
          if (picked === null) { focusOn(start); return; }
          if (!picked.length) { feedback.replaceChildren(verdict("info", "Choose at least one word first.")); focusOn(start); return; }
          st().v = picked;
          const target = page.article.targetWords(found.answer).map((w) => +w.dataset.w);
          const inter = picked.filter((i) => target.includes(i)).length;
          const extra = picked.length - inter;
          // right: half the answer's words or more, or only words of the answer (two at least, such as a name)
          const ok = (inter >= Math.max(1, Math.ceil(target.length / 2)) || (!extra && inter >= Math.min(2, target.length))) && extra <= Math.max(2, target.length);
          st().near = !ok && inter > 0;
          // "close" for two reasons, told apart: the answer's words are there among too many others, or too few of them are
          st().many = st().near && inter >= Math.max(1, Math.ceil(target.length / 2));
          record(ok);
          render();
          focusOn(feedback);
        });
      });
      const show = btn("Show the answer", "cr-show", () => { st().shown = true; st().done = true; if (st().first == null) st().first = false; page.save(); page.update(); render(); focusOn(feedback); });
      actions.append(start, " ", show);
      q.answerText = () => page.article.wordsText(st().v || []);
      q.render = render;
      function render() {
        const s = st();
        page.article.markChosen(Object.values(page.qs).filter((x) => x.type === "find" && x.visible).flatMap((x) => (page.answers[x.id] || {}).v || []));
        show.hidden = !(s.done && !s.ok) || s.shown;
        start.textContent = s.v && s.v.length ? "Choose the words again" : "Choose words in the article";
        const isFound = s.ok || s.shown;
        page.article.markFound(found.answer, !!isFound);
        if (!s.done) { feedback.replaceChildren(); return; }
        const tw = page.article.targetWords(found.answer);
        const out = [
          s.ok ? verdict("ok", "Right: you found the words.") : s.near ? verdict("part", (s.many ? "Close: your words include the answer, but many other words too. Choose fewer words" : "Close: your words overlap the answer, but not enough. Try again") + (s.shown ? "." : ", or show the answer.")) : verdict("no", "Not these words. Try again" + (s.shown ? "." : ", or show the answer.")),
          h("p", null, "You chose: \u201c" + page.article.wordsText(s.v || []) + "\u201d."),
        ];
        if (isFound && tw.length) {
          const m = page.article.anyMarkFor(found.answer);
          out.push(h("p", { class: "cr-answer-shown" }, h("strong", null, "The words: "), "\u201c" + tw.map((w) => w.textContent).join(" ") + "\u201d (line " + page.article.lineOf(tw[0]) + "). ",
            btn("Show them in the article", "cr-link-btn", () => { if (m) { page.article.refresh(); focusOn(m.hasAttribute("tabindex") ? m : m.closest(".cr-line")); } })));
          out.push(explanation());
        }
        feedback.replaceChildren(...out.filter(Boolean));
      }
    } else if (type === "short") {
      const ta = $("textarea", el);
      /* the model answer waits for a real try (design.yaml's short_answer.min_words) or "I am stuck" */
      const need = +ta.dataset.minWords || 0;
      const left = () => Math.max(0, need - wordCount(ta.value));
      const more = (n) => "Write " + (n < need ? n + " more" : "at least " + n) + " word" + (n > 1 ? "s" : "");
      const wordsLeft = h("p", { class: "cr-words-left", id: ta.id + "-words" });
      ta.after(wordsLeft);
      ta.setAttribute("aria-describedby", ((ta.getAttribute("aria-describedby") || "") + " " + wordsLeft.id).trim());
      const paintLeft = () => { const n = left(); wordsLeft.hidden = !n || !!st().shown; wordsLeft.textContent = n ? more(n) + ", then you can see the model answer." : ""; };
      function showModel(early) {
        const s = st();
        s.text = ta.value;
        s.shown = s.done = true;
        if (early) s.early = true;
        page.save();
        page.update();
        render();
        focusOn(feedback);
      }
      const show = btn("Show the model answer", "cr-primary", () => {
        if (!left() && ta.value.trim()) return showModel(false);
        stuck.hidden = false;
        feedback.replaceChildren(verdict("info", (ta.value.trim() ? more(left()) : "Write your answer") + " first, then compare it with the model answer. Stuck? You may see it now."));
        ta.focus();
      });
      const stuck = btn("I am stuck: see the model answer", "", () => showModel(true), { hidden: true });
      actions.append(show, " ", stuck);
      let t = null;
      ta.addEventListener("input", () => { paintLeft(); clearTimeout(t); t = setTimeout(() => { st().text = ta.value; page.save(); }, 300); });
      ta.addEventListener("blur", () => { st().text = ta.value; page.save(); });
      q.answerText = () => st().text || "";
      q.render = render;
      const rubric = $(".cr-rubric-box", el);
      // with a rubric the student marks themself against its levels, strongest first
      const SELF = rubric ? [["yes", "Strong"], ["partly", "Developing"], ["no", "Beginning"]] : [["yes", "I got it"], ["partly", "Partly"], ["no", "Not yet"]];
      function render() {
        const s = st();
        if (document.activeElement !== ta) ta.value = s.text || "";
        show.hidden = !!s.shown;
        if (s.shown) stuck.hidden = true;
        paintLeft();
        if (rubric) {
          rubric.hidden = !s.shown;
          if (s.shown) {
            rubric.open = true;
            // each level's sample, from the key, beside what the level does
            (found.rubric || []).forEach(([lvl, , sample]) => {
              const li = $('li[data-level="' + lvl + '"]', rubric);
              if (li && !$(".cr-sample", li)) li.append(h("span", { class: "cr-sample" }, " For example: \u201c" + sample + "\u201d"));
            });
          }
        }
        if (!s.shown) { feedback.replaceChildren(); return; }
        const group = h("div", { class: "cr-self", role: "group", "aria-label": "How did you do? Mark yourself" },
          h("span", { class: "cr-self-label", "aria-hidden": "true" }, rubric ? "Which level is your answer? " : "How did you do? "),
          SELF.map(([v, label]) => btn(label, "cr-self-btn", () => {
            st().self = v;
            if (st().first == null) st().first = v === "yes";
            page.save(); page.update(); render();
            const again = $('[data-self="' + v + '"]', feedback);
            if (again) again.focus();
          }, { "aria-pressed": String(s.self === v), "data-self": v })));
        feedback.replaceChildren(...[
          // a region that scrolls on a phone (closeread.css): focusable, so the keyboard can scroll it too
          h("div", { class: "cr-model", tabindex: "0", role: "region", "aria-label": "Model answer" }, h("p", null, h("strong", null, "Model answer:")), paras(found.model)),
          group,  // right under the model answer, which is what the student marks themself against
          explanation(),
        ].filter(Boolean));
      }
    } else {
      q.render = () => {};
      q.answerText = () => "";
      el.append(h("p", { class: "cr-discuss-note" }, "A question to talk about with your class or a partner: there is no single right answer."));
    }

    if (type !== "discussion") {
      const anchor = $(".cr-hint-row", el) || $(".cr-hints", el) || locked;
      if (anchor) anchor.before(actions); else el.append(actions);
      el.append(feedback);
    }
    q.reset = () => { if (type === "find") page.article.markFound(found.answer, false); };
    const base = q.render;
    q.render = () => { base(); if (hintBtn) renderHints(); };
    return q;
  }

  /* ---------- the student lesson page ---------- */
  function lessonPage(root) {
    const slug = root.dataset.crLesson;
    const keyEl = $(".cr-key-data");
    let key;
    try { key = unseal(keyEl.dataset.crKey, parseInt(root.dataset.crSalt, 10)); } catch (e) { return; }
    const assignment = parseAssignment(location.hash);
    const storeKey = assignment ? "closeread:assign:" + slug + ":" + assignment.id : LESSON(slug);
    const blank = () => ({ v: 1, answers: {}, started: Date.now() });
    let data = store.get(storeKey);
    if (!data || data.v !== 1 || typeof data.answers !== "object") data = blank();

    const wrap = $(".cr-article-wrap");
    const page = {
      get answers() { return data.answers; },
      qs: Object.create(null), // ids come from a share link: "constructor" must not find Object's
      article: wrap ? Article(wrap) : null,
      save() {
        data.updated = Date.now();
        const list = visible();
        data.total = list.filter((q) => q.countable).length;
        data.answered = list.filter((q) => q.countable && answered(data.answers[q.id])).length;
        data.title = text($(".cr-title"));
        store.set(storeKey, data);
      },
      answersComplete: () => visible().every((q) => !q.countable || answered(data.answers[q.id])),
      update,
    };
    const qEls = $$(".cr-questions .cr-q");
    const all = qEls.map((el, i) => (page.qs[el.dataset.q] = Question(el, i + 1, key, page)));
    all.forEach((q, i) => { q.index = i; });
    // the core set is what the class works and what the progress counts; "more practice" still checks answers
    const core = all.filter((q) => q.el.hasAttribute("data-core"));
    let order = core.length ? core : all;
    if (assignment) order = assignment.ids.map((id) => page.qs[id]).filter(Boolean);
    if (!order.length) order = all;
    if (assignment) assignment.ids = order.map((q) => q.id); // a link naming questions this page lacks counts those it shows
    const visible = () => order;
    order.forEach((q) => { q.visible = true; });
    if (assignment) {
      const more = $(".cr-more");
      if (more) more.hidden = true;
      const box = $(".cr-questions");
      all.forEach((q) => { q.el.hidden = !q.visible; });
      order.forEach((q) => box.append(q.el));
      $$(".cr-answer-locked").forEach((d) => { d.hidden = true; });
    }
    order.forEach((q, i) => { q.number = i + 1; q.setNumber(i + 1); });
    // the opening line counts the questions this page asks: an assignment's, not the core set's
    const count = $(".cr-start-count", root);
    if (count) count.textContent = String(order.length);
    if (count && order.length === 1) count.nextSibling.data = count.nextSibling.data.replace("questions", "question");

    /* toolbar: mode, progress, reset */
    const bar = $(".cr-toolbar");
    const progress = $(".cr-progress-line");
    let mode = assignment ? assignment.mode : (store.get(MODE) === "explore" ? "explore" : "practice");
    const ask = $(".cr-explore-ask");
    function setMode(m) {
      mode = m;
      if (!assignment) store.set(MODE, mode);
      $$("input[name=cr-mode]").forEach((x) => { x.checked = x.value === mode; });
      if (ask) ask.hidden = true;
      applyMode();
    }
    if (ask) {
      $(".cr-explore-yes", ask).addEventListener("click", () => { setMode("explore"); const r = $("input[name=cr-mode][value=explore]"); if (r) r.focus(); });
      $(".cr-explore-no", ask).addEventListener("click", () => { setMode("practice"); const r = $("input[name=cr-mode][value=practice]"); if (r) r.focus(); });
    }
    if (bar) {
      bar.hidden = false;
      $$("input[name=cr-mode]", bar).forEach((i) => {
        i.checked = i.value === mode;
        i.addEventListener("change", () => {
          if (!i.checked) return;
          // Explore shows every note, and the notes answer the questions: asked first while some are unanswered
          if (i.value === "explore" && !page.answersComplete() && ask) {
            $$("input[name=cr-mode]").forEach((x) => { x.checked = x.value === mode; });
            ask.hidden = false;
            $(".cr-explore-no", ask).focus();
            return;
          }
          setMode(i.value);
        });
      });
      if (assignment) {
        const fs = $(".cr-mode", bar);
        if (fs) fs.hidden = true;
      }
      const confirmBox = $(".cr-reset-confirm");
      const reset = $(".cr-reset");
      reset.addEventListener("click", () => { confirmBox.hidden = false; reset.setAttribute("aria-expanded", "true"); $(".cr-reset-no").focus(); });
      $(".cr-reset-no").addEventListener("click", () => { confirmBox.hidden = true; reset.setAttribute("aria-expanded", "false"); reset.focus(); });
      $(".cr-reset-yes").addEventListener("click", () => {
        if (page.article) page.article.cancelFind();
        all.forEach((q) => q.reset());
        $$(".cr-questions input").forEach((i) => { i.checked = false; });
        $$(".cr-questions textarea").forEach((t) => { t.value = ""; });
        store.del(storeKey);
        data = blank();
        page.save();
        confirmBox.hidden = true;
        reset.setAttribute("aria-expanded", "false");
        renderAll();
        progress.textContent = "Your answers are cleared. " + progress.textContent;
        reset.focus();
      });
    }

    /* the annotations whose notes may show: those every question about them is answered for (right, or
     * with the answer shown), since one note can answer two questions that share its annotation */
    function revealedSet() {
      const s = new Set(), held = new Set();
      for (const q of assignment ? visible() : all) {
        const a = data.answers[q.id] || {};
        q.anns.forEach((x) => (answered(a) ? s : held).add(x));
      }
      held.forEach((x) => s.delete(x));
      return s;
    }
    let layered = false;
    function applyMode() {
      document.body.dataset.crMode = mode;
      const done = page.answersComplete();
      const open = mode === "explore" || done;
      document.body.dataset.crOpen = String(open);
      // Explore opens on one layer, who says what; the student adds the others from the legend
      if (mode === "explore" && !layered && page.article) { layered = true; page.article.layers(["source", "figure", "quote"]); }
      const rs = revealedSet();
      if (page.article) page.article.setShown((id) => open || rs.has(id));
      $$(".cr-notes > .cr-note").forEach((li) => { li.hidden = !(open || rs.has(li.dataset.ann)); });
      const msg = $(".cr-practice-msg");
      if (msg) msg.hidden = open;
      // the folds after the questions (more practice, key points) open once the core set is answered
      $$(".cr-after").forEach((d) => d.classList.toggle("cr-locked", !open));
    }
    function update() {
      const list = visible().filter((q) => q.countable);
      const n = list.filter((q) => answered(data.answers[q.id])).length;
      const retry = list.filter((q) => (data.answers[q.id] || {}).done && !answered(data.answers[q.id])).length;
      const done = n === list.length;
      const disc = visible().length - list.length;
      if (progress) {
        progress.textContent = done
          ? "All " + list.length + " questions answered." + (mode === "practice" ? " Every note in the article is now shown." : "")
          : n + " of " + list.length + " questions answered." + (retry ? " Try " + retry + " again, or show the answer." : "") + (disc ? " (" + (disc > 1 ? disc + " more are" : "1 more is") + " for discussion.)" : "");
      }
      applyMode();
      pill();
      if (summary) summary.update(done);
    }
    function renderAll() { all.forEach((q) => q.render()); update(); }

    const summary = Summary(root, assignment, page, visible, () => data);
    const resetBox = $(".cr-reset-box");
    if (resetBox) resetBox.hidden = false;
    /* "question 5 of 10": the question being answered (its focused control on screen), else the one at a
     * reading line a third down the screen; none in the article */
    const sticky = $(".cr-sticky");
    const header = $(".md-header");
    let answering = null;
    const onScreen = (r, top) => r.bottom > top && r.top < innerHeight && (r.width || r.height);
    function current() {
      const top = header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
      const f = document.activeElement;
      if (answering && answering.el.contains(f) && /^(INP|TEX|BUT|SEL)/.test(f.tagName) && onScreen(f.getBoundingClientRect(), top)) return answering;
      const line = top + (innerHeight - top) / 3;
      let best = null, dist = (innerHeight - top) / 3;
      for (const q of visible()) {
        const r = q.el.getBoundingClientRect();
        const d = Math.max(r.top - line, line - r.bottom, 0);
        if (onScreen(r, top) && d <= dist) { best = q; dist = d; if (!d) break; }
      }
      return best;
    }
    function pill() {
      if (!sticky) return;
      const cur = current();
      if (sticky.hidden !== !cur) sticky.hidden = !cur;
      if (cur) {
        const n = visible().filter((q) => q.countable && answered(data.answers[q.id])).length;
        const said = "Question " + cur.number + " of " + visible().length + " \u00b7 " + n + " answered";
        if (sticky.textContent !== said) sticky.textContent = said;
      }
    }
    if (sticky) {
      let queued = false;
      const later = () => { if (!queued) { queued = true; requestAnimationFrame(() => { queued = false; pill(); }); } };
      addEventListener("scroll", later, { passive: true });
      addEventListener("resize", later, { passive: true });
      $(".cr-questions").addEventListener("focusin", (e) => { const x = e.target.closest("section.cr-q"); answering = x && page.qs[x.dataset.q]; later(); });
    }
    if (data.answered == null) page.save();
    renderAll();
    window.addEventListener("hashchange", () => {
      const a = parseAssignment(location.hash);
      if ((a && a.id) !== (assignment && assignment.id)) location.reload();
    });
    window.addEventListener("storage", (e) => { if (e.key === storeKey) { data = store.get(storeKey) || blank(); renderAll(); } });
  }

  /* ---------- an assignment's banner; the summary to hand in ---------- */
  function Summary(root, a, page, visible, getData) {
    const title = $(".cr-title", root);
    if (a) title.after(h("div", { class: "cr-assignment", role: "note" },
      h("p", { class: "cr-assignment-title" }, h("strong", null, "Assignment from your teacher"), " \u00b7 " + a.ids.length + (a.ids.length === 1 ? " question" : " questions") + " \u00b7 " + (a.mode === "practice" ? "practice mode: answer first, then see the notes" : "explore mode")),
      a.due ? h("p", null, h("strong", null, "Due: "), longDate(a.due)) : null,
      a.note ? h("div", { class: "cr-assignment-note" }, h("p", null, h("strong", null, "Instructions:")), h("p", { class: "cr-pre" }, a.note)) : null,
      h("p", null, "When you have answered every question, your summary appears ", h("a", { href: "#cr-summary" }, "at the end of the questions"), ". Hand it in, print it or copy it for your teacher: nothing is sent anywhere.")));

    const nameIn = h("input", { type: "text", id: "cr-summary-name", autocomplete: "name", class: "cr-input" });
    const status = h("p", { class: "cr-copy-status", "aria-live": "polite" });
    const out = h("textarea", { id: "cr-summary-text", class: "cr-summary-text", readonly: true, rows: "8" });
    const body = h("div", { class: "cr-summary-body" });
    const handin = h("div", { class: "cr-handin" });
    const panel = h("section", { class: "cr-summary-panel", id: "cr-summary", "aria-labelledby": "cr-summary-h", tabindex: "-1" },
      h("h2", { id: "cr-summary-h" }, "Your summary"),
      h("p", { class: "cr-summary-pending" }),
      h("p", { class: "cr-summary-actions" },
        btn("See my summary now", "cr-summary-open", () => { show(true); focusOn(panel); })),
      h("div", { class: "cr-summary-main", hidden: true },
        h("p", null, h("label", { for: "cr-summary-name" }, "Your name "), nameIn),
        handin,
        body,
        h("p", { class: "cr-summary-actions" },
          btn("Print or save as PDF", "cr-primary", () => {
            document.body.classList.add("cr-print-summary");
            const off = () => { document.body.classList.remove("cr-print-summary"); removeEventListener("afterprint", off); };
            addEventListener("afterprint", off);
            window.print();
            setTimeout(off, 1000);
          }), " ",
          btn("Copy as text", "", copy)),
        status,
        h("p", null, h("label", { for: "cr-summary-text" }, "The summary as text, to paste into an email or your class's learning platform:")),
        out));
    $(".cr-questions").after(panel);
    let forced = false;
    const ho = $(".cr-handin-open");
    if (ho) ho.addEventListener("click", () => { show(true); focusOn(panel); });
    nameIn.addEventListener("input", () => { getData().name = nameIn.value; page.save(); build(); });

    /* the summary itself is written by closeread-handin.js (summary()), loaded when it first shows */
    const ctx = { root, el: handin, nameIn, visible, getData, build, body, out, a, answered, longDate, title: text(title) };
    function build() { return window.closereadHandin ? window.closereadHandin.summary(ctx) : ""; }
    function copy() {
      build();
      out.focus(); out.select();
      if (window.closereadHandin) window.closereadHandin.copy(status, out, "Copied. Paste it into an email or your learning platform.");
    }
    let loading = false;
    function show(on) {
      forced = forced || on;
      panel.hidden = !forced && !a;
      $(".cr-summary-main", panel).hidden = !forced;
      $(".cr-summary-open", panel).closest("p").hidden = forced;
      if (forced) { build(); if (!loading) { loading = true; handIn(ctx); } }
    }
    nameIn.value = getData().name || "";
    return {
      update(done) {
        const d = getData();
        if (done && !d.completed) { d.completed = Date.now(); page.save(); }
        $(".cr-summary-pending", panel).textContent = done ? "You have answered every question. Here is your summary." : "Answer every question above, then your summary appears here.";
        if (done) forced = true;
        show(forced);
      },
    };
  }

  /* closeread-handin.js (the summary's text, hand-in, copy) is loaded once a summary shows; a cartridge page inlines it */
  const SCRIPT_SRC = document.currentScript && document.currentScript.src;
  function handIn(ctx) {
    (window.closereadHandin || !SCRIPT_SRC ? Promise.resolve() : new Promise((ok, no) => document.head.append(h("script", { src: new URL("closeread-handin.js", SCRIPT_SRC).href, onload: ok, onerror: no }))))
      .then(() => { if (window.closereadHandin) { window.closereadHandin.student(ctx); ctx.build(); } }, () => {});
  }

  /* ---------- catalogue: progress per lesson ---------- */
  function catalogue() {
    $$("[data-cr-progress]").forEach((td) => {
      const d = store.get(LESSON(td.dataset.crProgress));
      if (!d || !d.total) return;
      const n = d.answered || 0;
      td.textContent = "";
      if (n >= d.total) td.append(h("span", { class: "cr-done-tag" }, h("span", { "aria-hidden": "true" }, "\u2713 "), "done"));
      else td.append(n ? n + " of " + d.total + " answered" : "not started");
    });
  }

  /* ---------- teacher edition: popovers and legend only ---------- */
  /* a gloss's meaning opens under its line, which makes room for it: it hides no word, and the next gloss
   * is one tap away. It toggles on a press (some browsers do not focus a tapped button). A press elsewhere
   * closes it at the click, not at pointerdown or focusout: lines moving under the finger would take the click */
  function glosses() {
    const all = $$(".cr-gloss");
    if (!all.length) return;
    let opened = null, pressing = false;
    const set = (g, on) => {
      if (!g || (opened === g) === on) return;
      if (on) set(opened, false);
      g.classList.toggle("cr-open", on);
      $(".cr-gloss-btn", g).setAttribute("aria-expanded", on);
      opened = on ? g : null;
      room(on);
    };
    const room = (scroll) => {
      const line = opened && opened.closest(".cr-line");
      $$(".cr-article .cr-line[style]").forEach((l) => l.removeAttribute("style"));
      if (!line) return;
      const pop = $(".cr-gloss-pop", opened);
      line.style.marginBottom = Math.ceil(pop.offsetHeight + pop.offsetTop - line.clientHeight + parseFloat(getComputedStyle(line).marginBottom)) + "px";
      const r = pop.getBoundingClientRect();
      if (scroll === true && r.bottom > innerHeight) scrollBy({ top: Math.min(r.bottom - innerHeight + 8, r.top - 80), behavior: reduced() ? "auto" : "smooth" });
    };
    all.forEach((g) => {
      const b = $(".cr-gloss-btn", g);
      b.addEventListener("click", (e) => { e.preventDefault(); e.stopPropagation(); set(g, opened !== g); });
      g.addEventListener("keydown", (e) => { if (e.key === "Escape" && opened === g) { e.preventDefault(); set(g, false); b.focus(); } });
      g.addEventListener("focusout", (e) => { if (!pressing && !g.contains(e.relatedTarget)) set(g, false); });
    });
    const on = (type, fn) => document.addEventListener(type, fn, true);
    on("pointerdown", () => { pressing = true; });
    on("pointercancel", () => { pressing = false; }); // a scroll
    on("pointerup", () => setTimeout(() => { pressing = false; }, 600)); // a press without a click
    on("click", (e) => { pressing = false; if (opened && !e.target.closest(".cr-gloss")) set(opened, false); });
    addEventListener("resize", room, { passive: true });
  }

  function init() {
    document.documentElement.classList.add("cr-js");
    // what the student page keeps in <template>s (the notes, the folds after the questions) never shows
    // without this script; with it, it goes into the page, where Practice mode decides what shows
    $$("template.cr-notes-body, template.cr-after-body").forEach((tpl) => tpl.replaceWith(tpl.content));
    // a question's text field waits in a <noscript> (inert while scripts run) so that the page's load does
    // not lay out its skipped section: the build's own markup, as a browser without scripts reads it
    $$("noscript.cr-later").forEach((ns) => { const t = document.createElement("template"); t.innerHTML = ns.textContent; ns.replaceWith(t.content); });
    glosses();
    const root = $(".cr-lesson");
    if (root && root.classList.contains("cr-student")) lessonPage(root);
    else if (root) $$(".cr-article-wrap").forEach((w) => Article(w));
    catalogue();
  }
  // after the load: the page is whole without this script, in Practice (devdocs/performance.md)
  if (document.readyState === "complete") init();
  else addEventListener("load", () => setTimeout(init), { once: true });
})();
