/* closeread studio: the page over one lesson. Plain JavaScript, no library, nothing from another host.
   Every text from the lesson or the article is put into the page as text (textContent), never as HTML.
   Every change is one POST to /api/action, saved at once; the answer is the new state, drawn again. */
(function () {
  "use strict";

  var token = document.querySelector('meta[name="studio-token"]').content;
  if (location.search.indexOf("token=") !== -1) {
    history.replaceState(null, "", location.pathname); // keep the token out of the address bar and history
  }
  var state = null;
  var busy = false;
  var current = null; // the selected mark's id
  var selection = null; // {start, end, text} of words selected in the article
  var editing = null; // the annotation being edited (a mark), or null for a new one
  var draft = null; // the question in the builder
  var editingQuestion = null; // id of the question being edited in the builder

  function $(id) { return document.getElementById(id); }

  // the sticky bar's height, for scroll-padding and scroll-margin in the CSS: a line scrolled into view
  // must not end under the bar (its height changes with the window and the message)
  var bar = document.querySelector(".bar");
  function barHeight() { document.documentElement.style.setProperty("--bar", bar.offsetHeight + "px"); }
  if (window.ResizeObserver) new ResizeObserver(barHeight).observe(bar);
  barHeight();

  function h(tag, attrs) {
    var el = document.createElement(tag);
    var k;
    for (k in attrs || {}) {
      if (!Object.prototype.hasOwnProperty.call(attrs, k)) continue;
      var v = attrs[k];
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") el.textContent = v;
      else if (k === "class") el.className = v;
      else if (k.slice(0, 2) === "on") el.addEventListener(k.slice(2), v);
      else if (k === "checked" || k === "value" || k === "selected") el[k] = v;
      else el.setAttribute(k, v === true ? "" : v);
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      if (Array.isArray(c)) c.forEach(function (x) { if (x) el.appendChild(typeof x === "string" ? document.createTextNode(x) : x); });
      else el.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return el;
  }

  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }

  function say(text) { $("message").textContent = text || ""; }

  // -- the server --------------------------------------------------------------------------------

  function api(path, body) {
    var options = { credentials: "same-origin", headers: { "X-Studio-Token": token } };
    if (body !== undefined) {
      options.method = "POST";
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    return fetch(path, options).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) throw new Error(data.error || ("HTTP " + r.status));
        return data;
      });
    });
  }

  /* words from the article or the lesson inside a label, isolated (FSI ... PDI): a right-to-left
   * override they leave open ends with them instead of reversing the rest of the label */
  function iso(words) { return "\u2068" + String(words) + "\u2069"; }

  function act(action, params) {
    if (busy) return Promise.resolve();
    busy = true;
    say("Saving…");
    return api("/api/action", { action: action, params: params || {}, version: state ? state.version : "" })
      .then(function (s) { draw(s); say((s.notice ? s.notice + " " : "") + "Saved: " + s.message + "."); return s; })
      .catch(function (e) { say("Not saved: " + e.message); })
      .finally(function () { busy = false; });
  }

  function undo() {
    if (busy || !state || !state.undo.length) return;
    busy = true;
    api("/api/undo", { version: state.version })
      .then(function (s) { draw(s); say(s.message + "."); })
      .catch(function (e) { say("Not undone: " + e.message); load(); })
      .finally(function () { busy = false; });
  }

  function load(notice) {
    return api("/api/state").then(function (s) { draw(s); if (notice) say(notice); });
  }

  // an edit made in an editor shows within two seconds
  setInterval(function () {
    if (busy || !state || document.hidden) return;
    api("/api/version").then(function (v) {
      if (!busy && state && v.version !== state.version) load("lesson.yaml changed on disk (an editor?): the studio shows it as it is now.");
    }).catch(function () {});
  }, 2000);

  // -- drawing -------------------------------------------------------------------------------------

  function kind(name) {
    for (var i = 0; i < state.kinds.length; i++) if (state.kinds[i].name === name) return state.kinds[i];
    return null;
  }

  function mark(id) {
    for (var i = 0; i < state.marks.length; i++) if (state.marks[i].id === id) return state.marks[i];
    return null;
  }

  function pending() { return state.marks.filter(function (m) { return m.pending; }); }

  function draw(s) {
    // the page is drawn again after every save: keep the keyboard's place (a field saved on leaving it
    // must not take the focus away from the next one)
    var active = document.activeElement && document.activeElement.id;
    state = s;
    if (current && !mark(current)) current = null;
    drawStatus();
    drawArticle();
    drawReview();
    drawKinds();
    drawSources();
    drawBuilderChoices();
    drawQuestions();
    drawLesson();
    drawProblems();
    if (active && $(active) && document.activeElement !== $(active)) $(active).focus();
  }

  function drawStatus() {
    var n = state.problems.length;
    var todo = state.warnings.length;
    $("check-status").textContent = state.passes
      ? "Passes check" + (state.draft ? " (a draft: teachers only until 'draft' is unticked)" : "") +
        (todo ? "; " + todo + " thing" + (todo === 1 ? "" : "s") + " to do or look at before publishing" : "") + "."
      : n + " problem" + (n === 1 ? "" : "s") + " for check (listed beside their lines and under Check).";
    $("check-status").className = "check-status " + (state.passes ? "ok" : "bad");
    $("undo").disabled = !state.undo.length;
    $("undo").title = state.undo.length ? "Undo: " + state.undo[0] : "Nothing to undo";
  }

  function problemsAt(line) {
    return state.problems.concat(state.warnings).filter(function (p) {
      if (p.article_line === line) return true;
      if (p.annotation) { var m = mark(p.annotation); return m && m.line === line; }
      return false;
    });
  }

  function drawArticle() {
    var box = clear($("article"));
    var marks = state.marks.filter(function (m) { return m.start !== null; });
    state.article.lines.forEach(function (line) {
      if (!line.text.trim()) return;
      var end = line.start + line.text.length;
      var cuts = [line.start, end];
      var inLine = marks.filter(function (m) { return m.start < end && m.end > line.start; });
      inLine.forEach(function (m) { cuts.push(Math.max(m.start, line.start), Math.min(m.end, end)); });
      cuts = cuts.filter(function (v, i, a) { return a.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
      var text = h("span", { class: "text", "data-start": String(line.start) });
      for (var i = 0; i + 1 < cuts.length; i++) {
        var a = cuts[i], b = cuts[i + 1];
        var piece = line.text.slice(a - line.start, b - line.start);
        var over = inLine.filter(function (m) { return m.start <= a && m.end >= b; });
        if (!over.length) { text.appendChild(h("span", { "data-start": String(a) }, piece)); continue; }
        var top = over[over.length - 1];
        var cls = "mark k-" + top.kind + (over.some(function (m) { return m.pending; }) ? " pending" : "") +
          (over.some(function (m) { return m.id === current; }) ? " current" : "");
        text.appendChild(h("mark", {
          class: cls, "data-start": String(a), "data-ids": over.map(function (m) { return m.id; }).join(" "),
          title: over.map(function (m) { return m.label + (m.pending ? " (suggested)" : "") + ": " + m.note; }).join("\n")
        }, piece));
      }
      var row = h("div", { class: "line role-" + line.role, "data-n": String(line.n) },
        h("span", { class: "ln", "aria-hidden": "true" }, String(line.n)),
        h("span", { class: "visually-hidden" }, "Line " + line.n + (line.label ? " (" + line.label + ")" : "") + ": "),
        text);
      if (line.role !== "body") row.appendChild(h("span", { class: "role" }, line.label || line.role));
      problemsAt(line.n).forEach(function (p) {
        var warning = state.warnings.indexOf(p) !== -1;
        row.appendChild(h("p", { class: warning ? "todo-note" : "problem" }, p.message));
      });
      box.appendChild(row);
    });
  }

  function card(m) {
    var ident = "card-" + m.id;
    return h("li", { class: "card" + (m.id === current ? " current" : ""), id: ident, "data-id": m.id },
      h("p", { class: "card-head" }, h("span", { class: "badge k-" + m.kind }, m.label), " ",
        m.line ? "line " + m.line + ": " : "", h("q", {}, m.quote || "(the whole article)")),
      h("p", { class: "note" }, m.note),
      m.anchor_error ? h("p", { class: "problem" }, m.anchor_error) : null,
      h("div", { class: "buttons" },
        h("button", { type: "button", "aria-describedby": ident, onclick: function () { act("keep", { ids: [m.id] }); } }, "Keep"),
        m.kind === "source" && !m.fields.source && m.quote ? h("button", { type: "button", class: "as-source",
          onclick: function () { act("keep-as-source", { id: m.id }); } }, "Keep, with “" + iso(m.quote) + "” as a source") : null,
        h("button", { type: "button", onclick: function () { select(m.id); editMark(m); } }, "Edit"),
        h("button", { type: "button", onclick: function () { act("reject", { ids: [m.id] }); } }, "Reject")));
  }

  function drawReview() {
    var list = clear($("pending"));
    var groups = clear($("groups"));
    var p = pending();
    if (!p.length) list.appendChild(h("li", { class: "empty" }, "No suggestions left to review."));
    state.groups.forEach(function (g, i) {
      var what = g.text ? g.ids.length + " × " + g.label.toLowerCase() + " “" + g.text + "”" : "every suggested " + g.label.toLowerCase() + " (" + g.ids.length + ")";
      groups.appendChild(h("p", { class: "group", id: "group-" + i }, what, " ",
        h("button", { type: "button", id: "group-keep-" + i, "aria-label": "Keep " + what, onclick: function () { act("keep", { ids: g.ids }); } }, "Keep all " + g.ids.length),
        " ",
        h("button", { type: "button", id: "group-reject-" + i, "aria-label": "Reject " + what, onclick: function () { act("reject", { ids: g.ids }); } }, "Reject all " + g.ids.length)));
    });
    p.forEach(function (m) { list.appendChild(card(m)); });
    var all = clear($("annotations"));
    var kept = state.marks.filter(function (m) { return !m.pending; });
    $("annotations-count").textContent = String(kept.length);
    kept.forEach(function (m) {
      all.appendChild(h("li", {}, h("span", { class: "badge k-" + m.kind }, m.label), " ", m.line ? "line " + m.line + ": " : "",
        h("q", {}, m.quote || "(the whole article)"), " ",
        h("button", { type: "button", "aria-label": "Edit annotation " + m.id, onclick: function () { select(m.id); editMark(m); } }, "Edit")));
    });
  }

  function select(id) {
    current = id;
    var m = mark(id);
    drawArticle();
    Array.prototype.forEach.call(document.querySelectorAll(".card"), function (c) {
      c.classList.toggle("current", c.getAttribute("data-id") === id);
    });
    if (m) {
      $("qb-annotation").value = id;
      var c = $("card-" + id);
      if (c) c.scrollIntoView({ block: "nearest" });
      var line = document.querySelector('.line[data-n="' + m.line + '"]');
      if (line) line.scrollIntoView({ block: "nearest" });
    }
  }

  // -- the annotation form ---------------------------------------------------------------------------

  function drawKinds() {
    var sel = $("ann-kind");
    var was = sel.value;
    clear(sel);
    state.kinds.forEach(function (k) { sel.appendChild(h("option", { value: k.name }, k.label)); });
    sel.value = was || "claim";
    if (editing) {
      var m = mark(editing.id);
      if (m) editing = m;
    }
    drawFields(true);
  }

  function fieldInput(f, value) {
    var id = "ann-f-" + f.name;
    var label = h("label", { for: id }, f.name.replace(/_/g, " ") + (f.required ? " (required)" : ""));
    var input;
    if (f.type === "ref") {
      input = h("select", { id: id, "data-field": f.name, "data-type": f.type },
        h("option", { value: "" }, "(choose a source)"),
        state.sources.map(function (s) { return h("option", { value: s.id }, s.name + " (" + s.id + ")"); }),
        h("option", { value: "__new__" }, "New source…"));
      input.value = value || "";
      input.addEventListener("change", function () {
        if (input.value === "__new__") { input.value = ""; newSourceFor(input); }
      });
    } else if (f.type === "enum") {
      input = h("select", { id: id, "data-field": f.name, "data-type": f.type },
        h("option", { value: "" }, "(choose)"),
        f.values.map(function (v) { return h("option", { value: v }, v); }));
      input.value = value || "";
    } else if (f.type === "bool") {
      input = h("select", { id: id, "data-field": f.name, "data-type": f.type },
        h("option", { value: "" }, "(choose)"), h("option", { value: "true" }, "yes"), h("option", { value: "false" }, "no"));
      input.value = value === true ? "true" : value === false ? "false" : "";
    } else {
      input = h("input", { id: id, type: "text", "data-field": f.name, "data-type": f.type, autocomplete: "off" });
      input.value = value === undefined || value === null ? "" : String(value);
    }
    return h("div", { class: "field" }, label, input);
  }

  function newSourceFor(select) {
    var words = selection ? selection.text : (editing ? editing.quote : "");
    $("src-id").value = "";
    $("src-name").value = words || "";
    $("src-save").textContent = "Add source";
    $("src-name").focus();
    $("src-name").setAttribute("data-for", select.id);
    say("Name the new source below and press Add source; it is chosen here once added.");
  }

  function drawFields(keepTyped) {
    var k = kind($("ann-kind").value);
    // a redraw after another save (a source added in place) keeps what the author typed in the form
    var typed = keepTyped === true && $("ann-fields").getAttribute("data-kind") === (k && k.name) ? formFields() : null;
    var box = clear($("ann-fields"));
    $("ann-kind-help").textContent = k ? k.definition : "";
    if (!k) return;
    box.setAttribute("data-kind", k.name);
    var values = typed || (editing && editing.kind === k.name ? editing.fields : {});
    k.fields.forEach(function (f) { box.appendChild(fieldInput(f, values[f.name])); });
  }

  function formFields() {
    var out = {};
    Array.prototype.forEach.call($("ann-fields").querySelectorAll("[data-field]"), function (el) {
      var v = el.value;
      if (el.getAttribute("data-type") === "bool") v = v === "" ? "" : v === "true";
      out[el.getAttribute("data-field")] = v;
    });
    return out;
  }

  function editMark(m) {
    editing = m;
    selection = null;
    $("annotation-target").textContent = (m.pending ? "Suggested " : "") + m.label + (m.line ? ", line " + m.line : "") + ": “" + iso(m.quote || "whole article") + "”";
    $("ann-kind").value = m.kind;
    $("ann-quote").value = m.quote || "";
    $("ann-rewords").hidden = true; // new words: select them in the article, then "Use these words"
    drawFields();
    $("ann-note").value = m.note;
    $("ann-teacher-note").value = m.teacher_note || "";
    $("ann-save").textContent = m.pending ? "Save and keep" : "Save annotation";
    $("ann-delete").hidden = false;
    $("ann-new").hidden = false;
    $("ann-kind").focus();
  }

  function startNew() {
    var sel = window.getSelection();
    var found = selectionInArticle(sel);
    if (!found) { say("Select words in the article first."); return; }
    var was = editing;
    blankForm();
    selection = found;
    $("annotation-target").textContent = "New annotation on: “" + found.text + "”";
    $("ann-quote").value = found.text;
    $("ann-kind").focus();
    if (was && mark(was.id)) offerWords(was.id, found); // or the annotation edited just before moves onto them
  }

  function offsetOf(node, offset) {
    // the article offset of a point in the article: each text piece sits in an element with data-start
    var el = node.nodeType === 3 ? node.parentNode : node;
    if (node.nodeType !== 3) {
      var child = node.childNodes[offset];
      if (child && child.getAttribute && child.getAttribute("data-start") !== null) return Number(child.getAttribute("data-start"));
      if (!child && node.getAttribute && node.getAttribute("data-start") !== null) return Number(node.getAttribute("data-start")) + node.textContent.length;
    }
    while (el && el.getAttribute && el.getAttribute("data-start") === null) el = el.parentNode;
    if (!el || !el.getAttribute) return null;
    return Number(el.getAttribute("data-start")) + (node.nodeType === 3 ? offset : 0);
  }

  function selectionInArticle(sel) {
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    var range = sel.getRangeAt(0);
    var article = $("article");
    if (!article.contains(range.startContainer) || !article.contains(range.endContainer)) return null;
    var a = offsetOf(range.startContainer, range.startOffset);
    var b = offsetOf(range.endContainer, range.endOffset);
    if (a === null || b === null || b <= a) return null;
    return { start: a, end: b, text: sel.toString().trim() };
  }

  $("annotation-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var params = { kind: $("ann-kind").value, fields: formFields(), note: $("ann-note").value, teacher_note: $("ann-teacher-note").value };
    if (editing) {
      params.id = editing.id;
      params.keep = editing.pending;
      var words = $("ann-quote").value.trim();
      if (words && words !== editing.quote) {
        if (selection && selection.text === words) { params.start = selection.start; params.end = selection.end; }
        else params.quote = words; // typed or pasted: the studio finds them in the article
      }
      var cleaned = {};
      Object.keys(params.fields).forEach(function (k) { if (params.fields[k] !== "" || editing.fields[k] !== undefined) cleaned[k] = params.fields[k]; });
      params.fields = cleaned;
      act("edit-annotation", params);
    } else if (selection || $("ann-quote").value.trim()) {
      if (selection && selection.text === $("ann-quote").value.trim()) {
        params.start = selection.start;
        params.end = selection.end;
      } else {
        params.quote = $("ann-quote").value; // typed or pasted: the studio finds it in the article
      }
      Object.keys(params.fields).forEach(function (k) { if (params.fields[k] === "") delete params.fields[k]; });
      act("add-annotation", params).then(function (s) { if (s) { selection = null; $("ann-quote").value = ""; $("annotation-target").textContent = "Saved. Select more words, or choose a mark."; } });
    } else {
      say("Select words in the article, or choose a mark to edit, first.");
    }
  });
  $("ann-kind").addEventListener("change", function () { drawFields(); });
  function blankForm() {
    editing = null;
    selection = null;
    $("annotation-target").textContent = "New annotation: select words in the article, or type them below.";
    $("ann-quote").value = "";
    $("ann-rewords").hidden = true;
    $("ann-note").value = "";
    $("ann-teacher-note").value = "";
    $("ann-save").textContent = "Save annotation";
    $("ann-delete").hidden = true;
    $("ann-new").hidden = true;
    drawFields();
  }
  $("ann-new").addEventListener("click", function () { blankForm(); $("ann-quote").focus(); });
  $("ann-delete").addEventListener("click", function () {
    if (editing) act("delete-annotation", { id: editing.id }).then(function (s) { if (s) blankForm(); });
  });

  // -- sources ----------------------------------------------------------------------------------------

  function drawSources() {
    var list = clear($("sources"));
    if (!state.sources.length) list.appendChild(h("li", { class: "empty" }, "No sources yet: add the people and bodies the article cites."));
    state.sources.forEach(function (s) {
      list.appendChild(h("li", {}, h("strong", {}, s.name), " (" + s.id + ")", s.described_as ? ": " + s.described_as : "", " ",
        h("button", { type: "button", "aria-label": "Edit source " + s.name, onclick: function () {
          $("src-id").value = s.id; $("src-name").value = s.name; $("src-described").value = s.described_as || "";
          $("src-save").textContent = "Save source"; $("src-clear").hidden = false; $("src-name").focus();
        } }, "Edit")));
    });
  }

  $("source-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var forField = $("src-name").getAttribute("data-for");
    var before = state.sources.map(function (s) { return s.id; });
    act("save-source", { id: $("src-id").value, name: $("src-name").value, described_as: $("src-described").value }).then(function (s) {
      if (!s) return;
      var named = $("src-name").value.trim().toLowerCase();
      var added = s.sources.filter(function (x) { return before.indexOf(x.id) === -1; })[0] ||
        s.sources.filter(function (x) { return String(x.name).toLowerCase() === named; })[0]; // there already
      if (forField && added && $(forField)) { $(forField).value = added.id; $(forField).focus(); }
      $("src-name").removeAttribute("data-for");
      $("src-id").value = ""; $("src-name").value = ""; $("src-described").value = "";
      $("src-save").textContent = "Add source"; $("src-clear").hidden = true;
    });
  });
  $("src-clear").addEventListener("click", function () {
    $("src-id").value = ""; $("src-name").value = ""; $("src-described").value = "";
    $("src-save").textContent = "Add source"; $("src-clear").hidden = true;
  });

  // -- the question builder ------------------------------------------------------------------------------

  var TYPES = [["single", "Single choice"], ["multiple", "Multiple choice"], ["sort", "Sort claims"], ["find", "Find the words"], ["short", "Short answer"], ["discussion", "Discussion"]];

  function drawBuilderChoices() {
    var t = $("qb-type");
    if (!t.options.length) TYPES.forEach(function (x) { t.appendChild(h("option", { value: x[0] }, x[1])); });
    var a = $("qb-annotation");
    var was = a.value || current || "";
    clear(a);
    state.marks.filter(function (m) { return !m.pending; }).forEach(function (m) {
      a.appendChild(h("option", { value: m.id }, m.label + ": " + iso((m.quote || "(whole article)").slice(0, 60)) + " [" + m.id + "]"));
    });
    a.value = was;
  }

  $("qb-draft").addEventListener("click", function () {
    var type = $("qb-type").value, ann = $("qb-annotation").value;
    if (!ann) { say("Choose an annotation to start the question from (keep some suggestions or add annotations first)."); return; }
    api("/api/draft?type=" + encodeURIComponent(type) + "&annotation=" + encodeURIComponent(ann))
      .then(function (d) { editingQuestion = null; draft = d.question; drawDraft(); say("Drafted a " + type + " question: edit it, then save."); })
      .catch(function (e) { say("No draft: " + e.message); });
  });

  function textField(id, label, value, rows, onInput) {
    var input = rows ? h("textarea", { id: id, rows: String(rows) }) : h("input", { id: id, type: "text", autocomplete: "off" });
    input.value = value || "";
    input.addEventListener("input", function () { onInput(input.value); });
    return h("div", { class: "field" }, h("label", { for: id }, label), input);
  }

  function drawDraft(keepFocus) {
    var box = clear($("qb-body"));
    if (!draft) return;
    var q = draft;
    box.appendChild(h("h3", {}, editingQuestion ? "Question " + editingQuestion : "New " + q.type + " question"));
    if (!q.generated) box.appendChild(textField("qb-prompt", "Question (stem)", q.prompt, 2, function (v) { q.prompt = v; }));
    var replaces = q.generated ? [] : replacedBy(q).filter(function (g) { return g !== editingQuestion; });
    if (replaces.length) {
      box.appendChild(h("p", { class: "hint replaces", id: "qb-replaces" }, "This written question replaces the generated question" +
        (replaces.length === 1 ? " " : "s ") + replaces.map(function (g) { return g.id + " (“" + g.prompt + "”)"; }).join(", ") +
        ": the build makes no generated question about an annotation a written question is about." +
        (replaces.some(function (g) { return state.core.indexOf(g.id) !== -1; }) ? " In the core set it takes its place." : "")));
    }
    if (q.type === "single" || q.type === "multiple") {
      var fs = h("fieldset", {}, h("legend", {}, "Options (" + (q.type === "single" ? "one right" : "one or more right") + ")"));
      var keep = h("input", { type: "checkbox", id: "qb-keep-order", checked: !!q.keep_order });
      keep.addEventListener("change", function () { q.keep_order = keep.checked; });
      fs.appendChild(h("p", { class: "hint" }, "Students see the options shuffled (the same way at every build) unless you keep this order; " +
        "moving options matters for a question that keeps its order (“None of the above” last, say)."));
      fs.appendChild(h("div", { class: "field inline" }, keep, h("label", { for: "qb-keep-order" }, "Keep this order (keep_order: true)")));
      q.options.forEach(function (o, i) {
        var n = i + 1;
        var right = h("input", { type: q.type === "single" ? "radio" : "checkbox", name: "qb-right", id: "qb-right-" + n, checked: !!o.correct });
        right.addEventListener("change", function () {
          if (q.type === "single") q.options.forEach(function (x) { x.correct = false; });
          o.correct = right.checked;
        });
        fs.appendChild(h("div", { class: "option" },
          textField("qb-opt-" + n, "Option " + n, o.text, 0, function (v) { o.text = v; }),
          h("div", { class: "field inline" }, right, h("label", { for: "qb-right-" + n }, "Right answer")),
          textField("qb-fb-" + n, "Feedback for option " + n, o.feedback, 0, function (v) { o.feedback = v; }),
          h("div", { class: "buttons" },
            h("button", { type: "button", id: "qb-up-" + n, disabled: i === 0, onclick: function () { moveOption(i, -1); } }, "Move option " + n + " up"),
            h("button", { type: "button", id: "qb-down-" + n, disabled: i === q.options.length - 1, onclick: function () { moveOption(i, 1); } }, "Move option " + n + " down"))));
      });
      box.appendChild(fs);
    }
    if (q.type === "sort") {
      var claims = h("fieldset", {}, h("legend", {}, "Claims to sort"));
      state.marks.filter(function (m) { return m.kind === "claim" && !m.pending && (m.fields.stance === "reported" || m.fields.stance === "asserted"); }).forEach(function (m) {
        var cb = h("input", { type: "checkbox", id: "qb-claim-" + m.id, checked: q.claims.indexOf(m.id) !== -1 });
        cb.addEventListener("change", function () {
          q.claims = q.claims.filter(function (x) { return x !== m.id; });
          if (cb.checked) q.claims.push(m.id);
          drawDraft(true); // what the question replaces follows the claims ticked
          $(cb.id).focus();
        });
        claims.appendChild(h("div", { class: "field inline" }, cb, h("label", { for: "qb-claim-" + m.id }, iso(m.quote) + " (" + m.fields.stance + ")")));
      });
      box.appendChild(claims);
    }
    if (q.type === "find") box.appendChild(h("p", { class: "hint" }, "The student finds the words of annotation " + q.answer + "."));
    if (q.type === "short") box.appendChild(textField("qb-model", "Model answer", q.model_answer, 2, function (v) { q.model_answer = v; }));
    if (q.type === "discussion") box.appendChild(textField("qb-guidance", "Guidance for the teacher", q.guidance, 3, function (v) { q.guidance = v; }));
    if (q.type !== "discussion" && !q.generated) box.appendChild(textField("qb-explanation", "Explanation (why the answer is right)", q.explanation, 2, function (v) { q.explanation = v; }));
    if (q.type === "short" || q.type === "discussion") {
      q.rubric = q.rubric || {};
      var rub = h("fieldset", {}, h("legend", {}, "Rubric"));
      state.rubric_levels.forEach(function (level) {
        var r = q.rubric[level] = q.rubric[level] || { does: "", sample: "" };
        rub.appendChild(textField("qb-rub-" + level + "-does", level + ": what the answer does", r.does, 0, function (v) { r.does = v; }));
        rub.appendChild(textField("qb-rub-" + level + "-sample", level + ": a sample answer", r.sample, 0, function (v) { r.sample = v; }));
      });
      box.appendChild(rub);
      box.appendChild(textField("qb-starters", "Sentence starters (one a line)", (q.starters || []).join("\n"), 2, function (v) {
        q.starters = v.split("\n").filter(function (x) { return x.trim(); });
      }));
    }
    box.appendChild(h("div", { class: "buttons" },
      h("button", { type: "button", id: "qb-save", onclick: saveQuestion }, editingQuestion ? "Save question" : "Add question"),
      h("button", { type: "button", onclick: function () { draft = null; editingQuestion = null; drawDraft(); } }, "Cancel")));
    var first = box.querySelector("input, textarea");
    if (first && keepFocus !== true) first.focus();
  }

  function moveOption(i, step) {
    // text, right answer and feedback move together; the focus stays on the moved option's button
    var o = draft.options.splice(i, 1)[0];
    draft.options.splice(i + step, 0, o);
    drawDraft(true);
    var n = i + step + 1;
    var b = $((step < 0 ? "qb-up-" : "qb-down-") + n);
    if (b && b.disabled) b = $((step < 0 ? "qb-down-" : "qb-up-") + n);
    if (b) b.focus();
    say("Option moved to place " + n + " of " + draft.options.length + (draft.keep_order ? "." : " (shuffled for students unless “Keep this order” is ticked)."));
  }

  function replacedIds(q) {
    // the generated questions a written one stands in for (as actions.replaced_ids tells the server)
    var ids = [q.annotation, q.answer].filter(Boolean).concat(q.claims || []).map(function (a) { return "g-" + a; });
    if (q.type === "sort") ids.push("g-sort-claims");
    return ids;
  }

  function replacedBy(q) {
    var ids = replacedIds(q);
    return state.questions.filter(function (x) { return x.generated && ids.indexOf(x.id) !== -1; });
  }

  function saveQuestion() {
    var q = draft;
    var body = { type: q.type, prompt: q.prompt, explanation: q.explanation, annotation: q.annotation, options: q.options, keep_order: !!q.keep_order,
      claims: q.claims, answer: q.answer, model_answer: q.model_answer, guidance: q.guidance, rubric: q.rubric, starters: q.starters };
    var p = editingQuestion ? act("edit-question", { id: editingQuestion, question: body }) : act("add-question", { question: body });
    p.then(function (s) { if (s && s.message && /question|rubric/.test(s.message)) { draft = null; editingQuestion = null; drawDraft(); } });
  }

  // -- questions and the core set ------------------------------------------------------------------------

  function drawQuestions() {
    var list = clear($("questions"));
    var core = state.core.slice();
    var byId = {};
    state.questions.forEach(function (q) { byId[q.id] = q; });
    var total = core.reduce(function (sum, id) { return sum + (byId[id] ? byId[id].minutes : 0); }, 0);
    var phase = state.phase;
    $("core-total").textContent = "Core set: " + core.length + " question" + (core.length === 1 ? "" : "s") +
      " (" + state.core_min + " to " + state.core_max + "), " + total + " of " + phase + " minutes for questions" +
      (total > phase ? ": too long" : "") + ".";
    $("core-total").className = "total " + (total > phase || core.length < state.core_min || core.length > state.core_max ? "bad" : "ok");
    if (!state.questions.length) list.appendChild(h("li", { class: "empty" }, "No questions yet (they appear once the lesson's annotations check)."));
    state.questions.forEach(function (q) {
      var id = "core-" + q.id;
      var cb = h("input", { type: "checkbox", id: id, checked: core.indexOf(q.id) !== -1 });
      cb.addEventListener("change", function () {
        var next = state.core.filter(function (x) { return x !== q.id; });
        if (cb.checked) next.push(q.id);
        act("set-core", { ids: next });
      });
      var tools = [];
      if (q.written) tools.push(h("button", { type: "button", "aria-label": "Edit question " + q.id, onclick: function () { editQuestion(q); } }, "Edit"));
      else if (q.open) tools.push(h("button", { type: "button", "aria-label": "Rubric and starters of " + q.id, onclick: function () { editQuestion(q); } }, "Rubric"));
      if (q.written) tools.push(h("button", { type: "button", "aria-label": "Delete question " + q.id, onclick: function () { act("delete-question", { id: q.id }); } }, "Delete"));
      var needs = q.open && core.indexOf(q.id) !== -1 && Object.keys(q.rubric || {}).length < state.rubric_levels.length;
      list.appendChild(h("li", { class: "question" },
        h("div", { class: "field inline" }, cb, h("label", { for: id }, h("span", { class: "qid" }, q.id), " " + q.type + ", " + q.minutes + " min: " + q.prompt)),
        needs ? h("p", { class: "problem" }, "A core open question needs a rubric.") : null,
        q.written && replacedIds(q.written).length ? h("p", { class: "hint" }, "Written in place of the generated " +
          replacedIds(q.written).join(", ") + " (none is generated about what a written question covers).") : null,
        tools.length ? h("div", { class: "buttons" }, tools) : null));
    });
  }

  function editQuestion(q) {
    editingQuestion = q.id;
    if (q.written) {
      draft = JSON.parse(JSON.stringify(q.written));
      draft.rubric = draft.rubric || {};
    } else {
      draft = { type: q.type, generated: true, prompt: q.prompt, rubric: JSON.parse(JSON.stringify(q.rubric || {})), starters: (q.starters || []).slice() };
      var noRubric = !Object.keys(draft.rubric).length, noStarters = !draft.starters.length;
      if ((noRubric || noStarters) && q.annotation) {
        // none written yet: pre-filled as the builder drafts them, for the author to edit and save
        var mine = draft;
        api("/api/draft?type=" + encodeURIComponent(q.type) + "&annotation=" + encodeURIComponent(q.annotation)).then(function (d) {
          if (draft !== mine) return;
          if (noRubric) mine.rubric = d.question.rubric || {};
          if (noStarters) mine.starters = d.question.starters || [];
          drawDraft();
          say("The rubric and starters are drafted from annotation " + q.annotation + ": edit them, then save.");
        }).catch(function () {});
      }
    }
    drawDraft();
    $("builder").scrollIntoView({ block: "start" });
  }

  // -- lesson fields and lists -----------------------------------------------------------------------------

  var FIELDS = [["title", "Title"], ["summary", "Summary"], ["minutes", "Class minutes"], ["grade_band", "Grade band"],
    ["source.outlet", "Outlet"], ["source.outlet_type", "Outlet type"], ["source.url", "Article address"], ["source.published", "Published (YYYY-MM-DD)"],
    ["source.author", "Author"], ["source.use_note", "Use note"], ["background.outlet", "Background: the outlet"], ["discussion", "Discussion guidance"]];

  function drawLesson() {
    var box = clear($("lesson-fields"));
    FIELDS.forEach(function (f) {
      var id = "lf-" + f[0].replace(".", "-");
      var value = state.fields[f[0]];
      var long = f[0] === "summary" || f[0] === "discussion" || f[0] === "source.use_note" || f[0] === "background.outlet";
      var input = long ? h("textarea", { id: id, rows: "2" }) : h("input", { id: id, type: f[0] === "minutes" ? "number" : "text", autocomplete: "off" });
      input.value = value === undefined || value === null ? "" : String(value);
      var todo = typeof value === "string" && value.indexOf("TODO") === 0;
      input.addEventListener("change", function () {
        var v = f[0] === "minutes" ? parseInt(input.value, 10) : input.value;
        act("set-field", { key: f[0], value: v });
      });
      box.appendChild(h("div", { class: "field" + (todo ? " todo" : "") }, h("label", { for: id }, f[1] + (todo ? " (to do)" : "")), input));
    });
    var draftBox = h("input", { type: "checkbox", id: "lf-draft", checked: !!state.fields.draft });
    draftBox.addEventListener("change", function () { act("set-field", { key: "draft", value: draftBox.checked }); });
    box.appendChild(h("div", { class: "field inline" }, draftBox, h("label", { for: "lf-draft" }, "Draft (teacher site only)")));

    var lists = clear($("lists"));
    lists.appendChild(listEditor("objectives", "Objectives (“I can …”)", "Objective", state.objectives));
    lists.appendChild(listEditor("key_points", "Key points", "Key point", state.key_points));
    lists.appendChild(vocabularyEditor());
    lists.appendChild(sequenceEditor());
  }

  function listEditor(key, title, one, items) {
    var rows = items.slice();
    var fs = h("fieldset", { id: "list-" + key }, h("legend", {}, title));
    function redraw() {
      Array.prototype.slice.call(fs.querySelectorAll(".row, .buttons")).forEach(function (r) { fs.removeChild(r); });
      rows.forEach(function (item, i) {
        var id = key + "-" + (i + 1);
        var input = h("input", { id: id, type: "text", autocomplete: "off" });
        input.value = item;
        input.addEventListener("input", function () { rows[i] = input.value; });
        fs.appendChild(h("div", { class: "row field" + (String(item).indexOf("TODO") === 0 ? " todo" : "") }, h("label", { for: id }, one + " " + (i + 1)), input,
          h("button", { type: "button", "aria-label": "Remove " + key + " " + (i + 1), onclick: function () { rows.splice(i, 1); redraw(); } }, "Remove")));
      });
      fs.appendChild(h("div", { class: "buttons" },
        h("button", { type: "button", id: "add-" + key, onclick: function () { rows.push(""); redraw(); var f = fs.querySelectorAll("input"); f[f.length - 1].focus(); } }, "Add"),
        h("button", { type: "button", id: "save-" + key, onclick: function () { act("set-list", { key: key, items: rows }); } }, "Save " + key.replace("_", " "))));
    }
    redraw();
    return fs;
  }

  function vocabularyEditor() {
    var rows = state.vocabulary.map(function (v) { return { term: v.term, definition: v.definition }; });
    var fs = h("fieldset", { id: "list-vocabulary" }, h("legend", {}, "Vocabulary"));
    function redraw() {
      Array.prototype.slice.call(fs.querySelectorAll(".row, .buttons")).forEach(function (r) { fs.removeChild(r); });
      rows.forEach(function (item, i) {
        var n = i + 1;
        var t = h("input", { id: "voc-term-" + n, type: "text", autocomplete: "off" });
        var d = h("input", { id: "voc-def-" + n, type: "text", autocomplete: "off" });
        t.value = item.term; d.value = item.definition;
        t.addEventListener("input", function () { item.term = t.value; });
        d.addEventListener("input", function () { item.definition = d.value; });
        fs.appendChild(h("div", { class: "row pair" }, h("label", { for: t.id }, "Term " + n), t, h("label", { for: d.id }, "Definition " + n), d,
          h("button", { type: "button", "aria-label": "Remove term " + n, onclick: function () { rows.splice(i, 1); redraw(); } }, "Remove")));
      });
      fs.appendChild(h("div", { class: "buttons" },
        h("button", { type: "button", id: "add-vocabulary", onclick: function () {
          var sel = selectionInArticle(window.getSelection());
          rows.push({ term: sel ? sel.text : "", definition: "" }); redraw();
        } }, "Add term (the selected word)"),
        h("button", { type: "button", id: "save-vocabulary", onclick: function () { act("set-vocabulary", { items: rows }); } }, "Save vocabulary")));
    }
    redraw();
    return fs;
  }

  var STEPS = ["warm-up", "reading", "questions", "discussion", "exit-ticket", "extension"];

  function sequenceEditor() {
    var rows = state.sequence.map(function (s) { return { step: s.step, minutes: s.minutes, text: s.text }; });
    var fs = h("fieldset", { id: "list-sequence" }, h("legend", {}, "Sequence"));
    function redraw() {
      Array.prototype.slice.call(fs.querySelectorAll(".row, .buttons, .total")).forEach(function (r) { fs.removeChild(r); });
      var sum = rows.reduce(function (a, r) { return a + (Number(r.minutes) || 0); }, 0);
      fs.appendChild(h("p", { class: "total" }, sum + " of " + state.fields.minutes + " class minutes"));
      rows.forEach(function (r, i) {
        var n = i + 1;
        var s = h("select", { id: "seq-step-" + n }, STEPS.map(function (x) { return h("option", { value: x }, x); }));
        s.value = r.step;
        var m = h("input", { id: "seq-min-" + n, type: "number", min: "1" }); m.value = r.minutes;
        var t = h("input", { id: "seq-text-" + n, type: "text", autocomplete: "off" }); t.value = r.text;
        s.addEventListener("change", function () { r.step = s.value; });
        m.addEventListener("input", function () { r.minutes = Number(m.value); });
        t.addEventListener("input", function () { r.text = t.value; });
        fs.appendChild(h("div", { class: "row pair" }, h("label", { for: s.id }, "Step " + n), s, h("label", { for: m.id }, "Minutes"), m,
          h("label", { for: t.id }, "What happens"), t,
          h("button", { type: "button", "aria-label": "Remove step " + n, onclick: function () { rows.splice(i, 1); redraw(); } }, "Remove")));
      });
      fs.appendChild(h("div", { class: "buttons" },
        h("button", { type: "button", id: "add-step", onclick: function () { rows.push({ step: "questions", minutes: 10, text: "" }); redraw(); } }, "Add step"),
        h("button", { type: "button", id: "save-sequence", onclick: function () { act("set-sequence", { steps: rows }); } }, "Save sequence")));
    }
    redraw();
    return fs;
  }

  // -- check ------------------------------------------------------------------------------------------------

  function drawProblems() {
    var list = clear($("problems"));
    if (!state.problems.length) list.appendChild(h("li", { class: "ok" }, "No problems: the lesson passes check." +
      (state.warnings.length ? " Still to do or to look at before publishing:" : "")));
    state.problems.concat(state.warnings).forEach(function (p) {
      var warning = state.warnings.indexOf(p) !== -1;
      var where = p.annotation ? "annotation " + p.annotation : p.question ? "question " + p.question : p.key ? p.key : p.file;
      var item = h("li", { class: warning ? "todo-note" : "problem" }, p.file + ":" + p.line + " (" + where + "): " + p.message);
      if (p.annotation && mark(p.annotation)) {
        item.appendChild(document.createTextNode(" "));
        item.appendChild(h("button", { type: "button", onclick: function () { select(p.annotation); editMark(mark(p.annotation)); } }, "Show"));
      }
      list.appendChild(item);
    });
  }

  // -- input -----------------------------------------------------------------------------------------------

  $("article").addEventListener("click", function (ev) {
    var t = ev.target.closest ? ev.target.closest("mark") : null;
    if (!t || !window.getSelection().isCollapsed) return;
    var ids = t.getAttribute("data-ids").split(" ");
    var pick = ids[ids.length - 1];
    if (ids.indexOf(current) !== -1) pick = ids[(ids.indexOf(current) + ids.length - 1) % ids.length]; // a second click picks the one under it
    select(pick);
    editMark(mark(pick));
  });
  $("article").addEventListener("mouseup", function () {
    var found = selectionInArticle(window.getSelection());
    if (!found) return;
    say("Selected “" + found.text + "”: press a, or choose a kind in the Annotation form and save.");
    startNew();
  });

  var rewordTarget = null; // the annotation "Use these words" moves, and the words

  function offerWords(id, found) {
    rewordTarget = { id: id, words: found };
    var b = $("ann-rewords");
    b.hidden = false;
    b.textContent = "Use these words for annotation " + id + " instead";
    say("Selected “" + found.text + "”: a new annotation on them below, or “Use these words for annotation " + id +
      " instead” to move that one onto them (its id, kind, fields and notes stay).");
  }

  $("ann-rewords").addEventListener("click", function () {
    var m = rewordTarget && mark(rewordTarget.id);
    if (!m) return;
    var words = rewordTarget.words;
    editMark(m);
    selection = words;
    $("ann-quote").value = words.text;
    $("annotation-target").textContent = m.label + " " + m.id + ", moving from “" + iso(m.quote || "whole article") + "” to “" + iso(words.text) + "” when saved";
    $("ann-save").focus();
    say("Annotation " + m.id + " moves onto “" + words.text + "” when you save it.");
  });
  $("undo").addEventListener("click", undo);
  $("core-clear").addEventListener("click", function () {
    if (!state.core.length) { say("The core set is empty already."); return; }
    act("set-core", { ids: [] }); // the status line says Undo restores it
  });
  $("help-button").addEventListener("click", function () {
    var open = $("help").hidden;
    $("help").hidden = !open;
    $("help-button").setAttribute("aria-expanded", String(open));
  });

  function move(step) {
    var p = pending();
    if (!p.length) { say("No suggestions left to review."); return; }
    var i = p.map(function (m) { return m.id; }).indexOf(current);
    i = i === -1 ? (step > 0 ? 0 : p.length - 1) : (i + step + p.length) % p.length;
    select(p[i].id);
    say("Suggestion " + (i + 1) + " of " + p.length + ": " + p[i].label + ", “" + iso(p[i].quote) + "”. y keeps, n rejects, e edits.");
  }

  function review(action, ids) {
    // the suggestion after the ones acted on (or before, at the end) is selected next, so that a
    // second y or n acts on it
    var p = pending().map(function (x) { return x.id; });
    var at = p.indexOf(ids[0]);
    var rest = p.slice(at + 1).concat(p.slice(0, at)).filter(function (id) { return ids.indexOf(id) === -1; });
    act(action, { ids: ids }).then(function (s) {
      if (!s) return;
      var next = rest.filter(function (id) { var x = mark(id); return x && x.pending; })[0];
      if (next) {
        select(next);
        var n = mark(next);
        say($("message").textContent + " Next: " + n.label + ", “" + iso(n.quote) + "” (y keeps, n rejects).");
      }
    });
  }

  function groupOf(id) {
    // the group of the same words first (groups of a whole kind come after them in the list)
    for (var i = 0; i < state.groups.length; i++) if (state.groups[i].ids.indexOf(id) !== -1) return state.groups[i].ids;
    return [id];
  }

  document.addEventListener("keydown", function (ev) {
    if ((ev.ctrlKey || ev.metaKey) && ev.key === "z" && !/INPUT|TEXTAREA|SELECT/.test(ev.target.tagName)) { ev.preventDefault(); undo(); return; }
    if (ev.ctrlKey || ev.metaKey || ev.altKey || /INPUT|TEXTAREA|SELECT/.test(ev.target.tagName) || !state) return;
    var m = current ? mark(current) : null;
    var handled = true;
    switch (ev.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "y": if (m && m.pending) review("keep", [m.id]); break;
      case "n": if (m && m.pending) review("reject", [m.id]); break;
      case "Y": if (m && m.pending) review("keep", groupOf(m.id)); break;
      case "N": if (m && m.pending) review("reject", groupOf(m.id)); break;
      case "e": if (m) editMark(m); break;
      case "a": startNew(); break;
      case "q": if (m && !m.pending) { $("qb-annotation").value = m.id; $("qb-type").focus(); } break;
      case "u": undo(); break;
      default: handled = false;
    }
    if (handled) ev.preventDefault();
  });

  load().catch(function (e) { say("The studio could not load the lesson: " + e.message); });
})();
