/* closeread: a student's hand-in as a short code, written by the student page (closeread.js's Summary
 * loads this file when the summary shows, and student() adds the "Hand in" button to it) and read by
 * the teacher site's class results page (closeread-results.js). Nothing is sent anywhere:
 * the student copies the code or downloads it in a small text file, the teacher pastes or drops them.
 *
 * A code is "CR1." and base64url of:
 *   byte 0      flags: bit 0 set when the body is deflated (CompressionStream "deflate-raw")
 *   bytes 1-4   the lesson: FNV-1a 32 of its slug (UTF-8)
 *   bytes 5-8   the lesson's version: a hash of its questions, options and claims, from the build
 *               (closeread/render/handin.py), so that a code from an older page is recognised
 *   body        varints (LEB128) and strings (varint byte length + UTF-8):
 *               handed in (minutes since 2020-01-01 UTC), minutes spent, name, question count, then per
 *               question: index * 8 + type, a status byte, and the answer by type (below)
 *   last 4      CRC-32 of everything before it, so that a cut or mistyped code is caught.
 * The checksum catches accidents; it does not stop a student who forges a code (docs/guide/teaching.md).
 * Status byte: 1 answered, 2 right at the first try, 4 right in the end, 8 looked at the answer,
 * 16-48 the rubric level the student gave themself (0 none, 1 beginning, 2 developing, 3 strong),
 * 64-192 hints used (at most 3).
 * Answers: single, the option (index + 1, 0 none), then the first one checked; multiple, a count and
 * the options, twice (final, first); sort, a count and per claim 0 none, 1 reported, 2 asserted, twice;
 * find, the words as text; short, the written answer; discussion, nothing.
 * Vanilla ES2017; no network. */
(function () {
  "use strict";
  const PREFIX = "CR1.";
  const TYPES = ["single", "multiple", "sort", "find", "short", "discussion"];
  const EPOCH = Date.UTC(2020, 0, 1);
  const MAX_TEXT = 60000; // bytes of one string: far beyond a written answer, short of a runaway code
  const MAX_QUESTIONS = 400;

  const CRC_TABLE = (() => {
    const t = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      t[n] = c >>> 0;
    }
    return t;
  })();
  function crc32(bytes) {
    let c = 0xffffffff;
    for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }
  // the same hash as closeread.js's fnv and closeread/render/handin.py's lesson_id
  function fnv(s) {
    let x = 0x811c9dc5;
    for (const b of new TextEncoder().encode(s)) x = Math.imul(x ^ b, 0x01000193) >>> 0;
    return x || 1;
  }

  function b64url(bytes) {
    let s = "";
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function unb64url(s) {
    const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  function Writer() {
    const parts = [];
    const w = {
      byte(n) { parts.push(n & 0xff); return w; },
      u32(n) { parts.push((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff); return w; },
      uint(n) {
        n = Math.max(0, Math.floor(+n || 0));
        while (n >= 0x80) { parts.push((n % 0x80) | 0x80); n = Math.floor(n / 0x80); }
        parts.push(n);
        return w;
      },
      str(s) { const b = new TextEncoder().encode(String(s || "")); w.uint(b.length); b.forEach((x) => parts.push(x)); return w; },
      list(a) { w.uint(a.length); a.forEach((x) => w.uint(x)); return w; },
      bytes: () => Uint8Array.from(parts),
    };
    return w;
  }
  class Bad extends Error {
    constructor(reason, detail) { super(reason); this.reason = reason; this.detail = detail || {}; }
  }
  function Reader(bytes) {
    let at = 0;
    const need = (n) => { if (at + n > bytes.length) throw new Bad("damaged"); };
    const r = {
      byte() { need(1); return bytes[at++]; },
      uint() {
        let n = 0, mul = 1;
        for (let i = 0; i < 8; i++) {
          const b = r.byte();
          n += (b & 0x7f) * mul;
          if (!(b & 0x80)) return n;
          mul *= 0x80;
        }
        throw new Bad("damaged");
      },
      str() {
        const n = r.uint();
        if (n > MAX_TEXT) throw new Bad("damaged");
        need(n);
        const s = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(at, at + n));
        at += n;
        return s;
      },
      list(max) { const n = r.uint(); if (n > max) throw new Bad("damaged"); return Array.from({ length: n }, () => r.uint()); },
      end: () => at === bytes.length,
    };
    return r;
  }

  async function through(bytes, Stream, mode) {
    const s = new Blob([bytes]).stream().pipeThrough(new Stream(mode));
    return new Uint8Array(await new Response(s).arrayBuffer());
  }
  const canDeflate = () => typeof CompressionStream === "function";

  /* record: {lesson: slug, version: "8 hex digits", handedIn: ms, minutes, name, items: [{i, type,
   * done, first, ok, shown, self: 0-3, hints, a, f, text}]}; a and f: an option index (-1 none) for
   * single, a list of option indexes for multiple, a list of 0/1/2 per claim for sort. */
  function body(rec) {
    const w = Writer()
      .uint(Math.round((rec.handedIn - EPOCH) / 60000))
      .uint(rec.minutes)
      .str(rec.name)
      .uint(rec.items.length);
    for (const it of rec.items) {
      const t = TYPES.indexOf(it.type);
      w.uint(it.i * 8 + t);
      w.byte((it.done ? 1 : 0) | (it.first ? 2 : 0) | (it.ok ? 4 : 0) | (it.shown ? 8 : 0) | ((it.self & 3) << 4) | (Math.min(3, it.hints || 0) << 6));
      if (it.type === "single") w.uint((it.a == null ? -1 : it.a) + 1).uint((it.f == null ? -1 : it.f) + 1);
      else if (it.type === "multiple" || it.type === "sort") w.list(it.a || []).list(it.f || []);
      else if (it.type === "find" || it.type === "short") w.str(it.text);
    }
    return w.bytes();
  }
  async function encode(rec) {
    let b = body(rec);
    let flags = 0;
    if (canDeflate()) {
      try {
        const z = await through(b, CompressionStream, "deflate-raw");
        if (z.length < b.length) { b = z; flags = 1; }
      } catch (e) { /* the plain body serves */ }
    }
    const head = Writer().byte(flags).u32(fnv(rec.lesson)).u32(parseInt(rec.version, 16) >>> 0).bytes();
    const all = new Uint8Array(head.length + b.length + 4);
    all.set(head, 0);
    all.set(b, head.length);
    const c = crc32(all.subarray(0, all.length - 4));
    all.set([(c >>> 24) & 0xff, (c >>> 16) & 0xff, (c >>> 8) & 0xff, c & 0xff], all.length - 4);
    return PREFIX + b64url(all);
  }

  /* decode(code) -> record with lessonId and version as numbers; throws a Bad whose reason is one of
   * prefix, newer, cut, mistyped, damaged, cannot-inflate */
  async function decode(code) {
    const m = /^CR(\d+)\.(.*)$/s.exec(String(code));
    if (!m) throw new Bad("prefix");
    if (m[1] !== "1") throw new Bad(+m[1] > 1 ? "newer" : "prefix", { format: m[1] });
    if (!/^[A-Za-z0-9_-]*$/.test(m[2])) throw new Bad("mistyped");
    if (m[2].length % 4 === 1 || m[2].length < 18) throw new Bad("cut");
    const all = unb64url(m[2]);
    const n = all.length;
    const want = ((all[n - 4] << 24) | (all[n - 3] << 16) | (all[n - 2] << 8) | all[n - 1]) >>> 0;
    if (crc32(all.subarray(0, n - 4)) !== want) throw new Bad("mistyped");
    const flags = all[0];
    if (flags & ~1) throw new Bad("newer", { format: "1+" });
    const u32 = (i) => ((all[i] << 24) | (all[i + 1] << 16) | (all[i + 2] << 8) | all[i + 3]) >>> 0;
    let b = all.subarray(9, n - 4);
    if (flags & 1) {
      if (typeof DecompressionStream !== "function") throw new Bad("cannot-inflate");
      try { b = await through(b, DecompressionStream, "deflate-raw"); } catch (e) { throw new Bad("damaged"); }
    }
    const r = Reader(b);
    const rec = { lessonId: u32(1), version: u32(5).toString(16).padStart(8, "0"), code: String(code), crc: want };
    try {
      const at = r.uint();
      rec.minutes = r.uint();
      if (at > 200 * 527040 || rec.minutes > 527040) throw new Bad("damaged"); // past 2220, or a year spent
      rec.handedIn = EPOCH + at * 60000;
      rec.name = r.str();
      const count = r.uint();
      if (count > MAX_QUESTIONS) throw new Bad("damaged");
      rec.items = [];
      for (let k = 0; k < count; k++) {
        const x = r.uint();
        const type = TYPES[x % 8];
        if (!type) throw new Bad("damaged");
        const s = r.byte();
        const it = { i: Math.floor(x / 8), type, done: !!(s & 1), first: !!(s & 2), ok: !!(s & 4), shown: !!(s & 8), self: (s >> 4) & 3, hints: s >> 6 };
        if (type === "single") { it.a = r.uint() - 1; it.f = r.uint() - 1; }
        else if (type === "multiple" || type === "sort") { it.a = r.list(64); it.f = r.list(64); }
        else if (type === "find" || type === "short") it.text = r.str();
        rec.items.push(it);
      }
      if (!r.end()) throw new Bad("damaged");
    } catch (e) {
      throw e instanceof Bad ? e : new Bad("damaged");
    }
    return rec;
  }

  /* The codes in a pasted text or a file: every run of CR<digits>. and code characters, whatever is
   * around it (a name, a comment, quotes); words that look like a code cut at its start are returned
   * too, so that they are reported rather than ignored. */
  function scan(textIn) {
    const found = [];
    const re = /CR\d+\.[A-Za-z0-9_-]*|[A-Za-z0-9_-]{40,}/g;
    let m;
    while ((m = re.exec(String(textIn)))) found.push(m[0]);
    return found;
  }

  /* ---------- the student page's side: closeread.js calls student() when "Hand in" is pressed ---------- */
  const $$ = (sel, root) => Array.from(root.querySelectorAll(sel));
  // an element with attributes (on... ones as listeners) and children, text always as text nodes; the
  // results page uses it too
  function h(tag, attrs, ...kids) {
    const el = document.createElement(tag);
    for (const k in attrs || {}) {
      const v = attrs[k];
      if (v == null || v === false) continue;
      if (k.slice(0, 2) === "on") el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? "" : v);
    }
    for (const kid of kids.flat(3)) if (kid != null && kid !== false) el.append(kid.nodeType ? kid : document.createTextNode(String(kid)));
    return el;
  }
  const button = (label, cls, onclick) => h("button", { type: "button", class: "cr-btn " + cls, onclick }, label);
  const SELF = { no: 1, partly: 2, yes: 3 };

  /* the record of a page's answers (closeread.js keeps them per question: v the answer, v1 the first
   * one checked, first/ok/shown/done, self, h the hints, text) */
  function record(root, questions, d, now) {
    const items = questions.map((q) => {
      const s = d.answers[q.id] || {};
      const it = { i: q.index, type: q.type, done: !!s.done, first: s.first === true, ok: !!s.ok, shown: !!s.shown, self: SELF[s.self] || 0, hints: s.h || 0 };
      if (q.type === "single" || q.type === "multiple") {
        const values = $$(".cr-options input", q.el).map((i) => i.value);
        const at = (v) => (v || []).map((x) => values.indexOf(x)).filter((n) => n >= 0);
        it.a = q.type === "single" ? at(s.v)[0] : at(s.v);
        it.f = q.type === "single" ? at(s.v1)[0] : at(s.v1);
      } else if (q.type === "sort") {
        const rows = $$("tr[data-item]", q.el).map((tr) => tr.dataset.item);
        const stances = (v) => (v ? rows.map((r) => ({ reported: 1, asserted: 2 })[v[r]] || 0) : []);
        it.a = stances(s.v);
        it.f = stances(s.v1);
      } else if (q.type === "find") it.text = s.v && s.v.length ? q.answerText() : "";
      else if (q.type === "short") it.text = s.text || "";
      return it;
    });
    const minutes = d.started ? Math.max(1, Math.round(((d.completed || now) - d.started) / 60000)) : 0;
    return { lesson: root.dataset.crLesson, version: root.dataset.crVersion || "0", handedIn: now, minutes, name: (d.name || "").trim(), items };
  }

  /* the hand-in part of the summary (ctx.el), made once: a button, a status line, then the code and its
   * copy and download buttons */
  function student(ctx) {
    const status = h("p", { class: "cr-handin-status", "aria-live": "polite" });
    const out = h("textarea", { id: "cr-handin-code", class: "cr-summary-text cr-handin-code", readonly: true, rows: "3", spellcheck: "false" });
    const box = h("div", { class: "cr-handin-box", hidden: true }, h("p", null, h("label", { for: "cr-handin-code" }, "Your hand-in code:")), out,
      h("p", { class: "cr-summary-actions" }, button("Copy the code", "cr-handin-copy", () => copy(status, out, "Code copied. Paste it where your teacher asked.")), " ", button("Download as a file", "cr-handin-file", () => download(ctx, status, out.value))));
    async function go() {
      if (!ctx.nameIn.value.trim()) { status.textContent = "Type your name first, so that your teacher knows whose work this is."; ctx.nameIn.focus(); return; }
      status.textContent = "Making your code\u2026";
      try {
        out.value = await encode(record(ctx.root, ctx.visible(), ctx.getData(), Date.now()));
      } catch (e) {
        status.textContent = "This page could not make a code: print your summary or copy it as text instead.";
        return;
      }
      box.hidden = false;
      status.textContent = "Your code is ready (" + out.value.length + " characters). Copy it, or download the file, and hand it in.";
      out.focus();
      out.select();
    }
    ctx.el.append(h("p", null, "To hand in, press the button: your work becomes a code to paste where your teacher asks (a private comment, a form, an email) and a small file to download. Nothing is sent anywhere."),
      h("p", { class: "cr-summary-actions" }, button("Hand in", "cr-primary cr-handin-btn", go)), status, box);
  }
  /* the summary (closeread.js's Summary calls it with its ctx): the facts, then each question with the answer
   * and how it went, into ctx.body, and the same as text into ctx.out, which it returns */
  const when = (ts) => new Date(ts).toLocaleString([], { dateStyle: "long", timeStyle: "short" });
  function result(q, s) {
    if (!s.done) return q.countable ? "not answered" : "";
    const levels = q.el.querySelector(".cr-rubric-box") ? { yes: "strong", partly: "developing", no: "beginning" } : { yes: "got it", partly: "partly", no: "not yet" };
    if (q.type === "short") return (s.early ? "looked at the model answer before writing a full answer" : "wrote an answer, then read the model answer") + "; marked themself: " + (levels[s.self] || "not marked");
    if (s.first === true) return "right at the first try";
    if (s.ok) return "right after another try";
    return s.shown ? "not right; looked at the answer" : "not right";
  }
  function summary(ctx) {
    const d = ctx.getData();
    const qs = ctx.visible();
    const a = ctx.a;
    const auto = qs.filter((q) => q.auto);
    const first = auto.filter((q) => (d.answers[q.id] || {}).first === true).length;
    const now = auto.filter((q) => (d.answers[q.id] || {}).ok === true).length;
    const rows = ["Lesson: " + ctx.title, "Name: " + (d.name || "")];
    if (a && a.due) rows.push("Due: " + ctx.longDate(a.due));
    rows.push("Finished: " + (d.completed ? when(d.completed) : "not yet (" + qs.filter((q) => q.countable && ctx.answered(d.answers[q.id])).length + " of " + qs.filter((q) => q.countable).length + " answered)"));
    if (d.started) rows.push("Time on the lesson: " + Math.max(1, Math.round(((d.completed || Date.now()) - d.started) / 60000)) + " min");
    if (auto.length) rows.push("Score on the auto-checked questions: " + first + " of " + auto.length + " right at the first try" + (now > first ? ", " + now + " of " + auto.length + " in the end" : ""));
    ctx.body.replaceChildren(
      h("ul", { class: "cr-summary-facts" }, rows.slice(2).map((r) => h("li", null, r))),
      h("ol", { class: "cr-summary-list" }, qs.map((q) => {
        const s = d.answers[q.id] || {};
        const ans = q.answerText();
        return h("li", null, h("p", null, h("strong", null, q.prompt)),
          q.type === "discussion" ? h("p", null, "(for discussion in class)") : h("p", null, "Answer: ", ans ? (q.type === "short" ? h("span", { class: "cr-pre" }, ans) : ans) : "(none)"),
          q.countable ? h("p", { class: "cr-summary-result" }, result(q, s)) : null);
      })));
    const txt = rows.concat([""], qs.map((q, i) => {
      const s = d.answers[q.id] || {};
      const lines = [(i + 1) + ". " + q.prompt];
      if (q.type === "discussion") lines.push("   (for discussion in class)");
      else { lines.push("   Answer: " + (q.answerText() || "(none)").replace(/\n/g, "\n   ")); lines.push("   Result: " + result(q, s)); }
      return lines.join("\n");
    })).join("\n");
    ctx.out.value = txt;
    return txt;
  }
  // the text of a textarea to the clipboard, saying so in status (the summary's "Copy as text" uses it too)
  function copy(status, out, said) {
    const fallback = () => {
      out.focus(); out.select();
      let ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      status.textContent = ok ? said : "Your browser did not allow copying: the text is selected, copy it with Ctrl+C (or \u2318+C).";
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(out.value).then(() => { status.textContent = said; }, fallback);
    else fallback();
  }
  function download(ctx, status, code) {
    // the code first, then the summary as text: the teacher's page finds the code in the file
    const txt = ["closeread hand-in", "Code: " + code, "", ctx.build()].join("\n") + "\n";
    const name = ("closeread-" + ctx.root.dataset.crLesson + "-" + (ctx.getData().name || "")).replace(/[^A-Za-z0-9-]+/g, "-").replace(/-{2,}/g, "-").replace(/-+$/, "").slice(0, 80) + ".txt";
    const url = URL.createObjectURL(new Blob([txt], { type: "text/plain;charset=utf-8" }));
    const link = h("a", { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    status.textContent = "The file " + name + " is in your downloads: hand it in where your teacher asked.";
  }

  window.closereadHandin = { encode, decode, scan, record, student, summary, copy, h, crc32, fnv, TYPES, PREFIX, Bad };
})();
