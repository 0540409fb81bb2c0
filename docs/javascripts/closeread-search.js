/* closeread: the search worker. It answers Material's search box with Material's own messages
 * (SETUP -> READY, QUERY -> RESULT), from the index closeread/write/search.py split at build time:
 * a query loads only the shards its words start with, so the first result comes as quickly at 1,000
 * lessons as at 10. search-on-demand.js starts it in place of Material's worker. Given an index that
 * was not split (mkdocs serve, a preview), it indexes the documents in memory instead.
 * Runs as a Web Worker over http and in iframe-worker.js's frame from file://, where importScripts
 * returns a promise: every call is awaited. Results are built from escaped text: nothing from an
 * article or a lesson reaches the page as markup. */
"use strict";
var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var TITLE = 1, TEXT = 2, TAGS = 4;
var docs = [];
var separator = /[\s\-]+/;
var stop = new Set();
var shardNames = null;     // the split index's shard names; null: the documents are indexed in memory
var shards = Object.create(null);  // name -> {word: [doc * 8 + bits, ...]}
var memory = null;         // word -> [doc * 8 + bits, ...] when not split
var TRIM = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

var texts = Object.create(null);   // a page's first document -> {doc: [sentence, ...]}
var SENTENCES = 10;        // results that show the sentence they matched in; Material draws about ten at first

self.closereadShard = function (name, terms) { shards[name] = terms; };
self.closereadText = function (page, found) { texts[page] = found; };

function words(text) {
  var out = [];
  String(text).split(separator).forEach(function (piece) {
    var word = piece.toLowerCase().replace(TRIM, "");
    if (word && !stop.has(word)) out.push(word);
  });
  return out;
}

/* a document's words, cut once and kept: its title's, and those a result shows (title and text) */
function wordsOf(doc, which) {
  var key = which === "title" ? "_titleWords" : "_shownWords";
  return doc[key] || (doc[key] = new Set(words(which === "title" ? doc.title : doc.title + " " + doc.text)));
}

function shardName(word) {
  var first = Array.from(word).slice(0, 2).join("");
  return Array.from(new TextEncoder().encode(first), function (b) { return b.toString(16).padStart(2, "0"); }).join("");
}

function plain(markup) {
  return String(markup || "").replace(/<[^>]*>/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"').replace(/&#0?39;/g, "'").replace(/&amp;/g, "&").replace(/\s+/g, " ").trim();
}

function indexInMemory() {
  memory = Object.create(null);
  docs.forEach(function (doc, n) {
    [[doc.title, TITLE], [doc.text, TEXT], [(doc.tags || []).join(" "), TAGS]].forEach(function (pair) {
      words(pair[0]).forEach(function (word) {
        var list = memory[word] || (memory[word] = []);
        var last = list.length ? list[list.length - 1] : -1;
        if (last >> 3 === n) list[list.length - 1] = last | pair[1];
        else list.push(n * 8 + pair[1]);
      });
    });
  });
}

async function load(name) {
  if (name in shards || !shardNames.has(name)) return;
  try {
    await importScripts("../search/shards/" + name + ".js");
  } catch (err) {
    shards[name] = {};  // a shard that will not load finds nothing, and search goes on
  }
  if (!(name in shards)) shards[name] = {};
}

/* every document a word of the query starts a word of, with where it was found ({doc: bits}) and
 * the whole words it matched there ({doc: [word, ...]}), which a result shows when its text does not */
async function matches(term) {
  var found = Object.create(null), whole = Object.create(null);
  var add = function (list, word) {
    for (var i = 0; i < list.length; i++) {
      var n = list[i] >> 3;
      found[n] = (found[n] || 0) | (list[i] & 7);
      (whole[n] || (whole[n] = [])).push(word);
    }
  };
  var result = { docs: found, whole: whole };
  if (memory) {
    for (var word in memory) if (word.startsWith(term)) add(memory[word], word);
    return result;
  }
  if (Array.from(term).length < 2) {  // one letter: the titles only, rather than every shard
    docs.forEach(function (doc, n) {
      if (Array.from(wordsOf(doc, "title")).some(function (w) { return w.startsWith(term); })) { found[n] = TITLE; whole[n] = []; }
    });
    return result;
  }
  var name = shardName(term);
  await load(name);
  var terms = shards[name];
  for (var key in terms) if (key.startsWith(term)) add(terms[key], key);
  return result;
}

/* a long section's sentences (search/text/<page>.js), loaded once; a short one's, cut from its text */
async function sentencesOf(n) {
  var doc = docs[n];
  if (doc.s == null) return String(doc.text || "").split(/(?<=[.!?])\s+(?=["'(\[\u201c\u2018]?[A-Z0-9])/);
  if (!(doc.s in texts)) {
    try { await importScripts("../search/text/" + doc.s + ".js"); } catch (err) { /* the first lines then */ }
    if (!(doc.s in texts)) texts[doc.s] = {};
  }
  return texts[doc.s][n] || [];
}

/* the sentence of document n that the most of the terms start a word of (the first of equals), or "" */
async function sentenceFor(n, terms) {
  if (!terms.length) return "";
  var list = await sentencesOf(n), best = "", most = 0;
  for (var i = 0; i < list.length; i++) {
    var ws = words(list[i]);
    var hit = terms.filter(function (t) { return ws.some(function (w) { return w.startsWith(t); }); }).length;
    if (hit > most) { best = list[i]; most = hit; }
    if (most === terms.length) break;
  }
  return best;
}

/* the query as Material's lunr reads it: "quoted words" and +word are required, -word is excluded */
function parse(query) {
  var clauses = [];
  var push = function (text, presence) {
    words(text).forEach(function (term) { clauses.push({ term: term, presence: presence }); });
  };
  String(query).replace(/"([^"]*)"/g, function (all, inner) { push(inner, "+"); return " "; })
    .split(/\s+/).forEach(function (part) {
      if (part[0] === "+" || part[0] === "-") push(part.slice(1), part[0]);
      else push(part, "");
    });
  return clauses;
}

// Material draws a result's tags as markup too: escaped like the rest (skills are slugs, but a tag is text)
function tagsOf(doc) {
  return doc.tags ? doc.tags.map(function (t) { return escape(String(t)); }) : undefined;
}

function escape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function mark(text, terms) {
  if (!terms.length) return escape(text);
  var pattern = terms.map(function (t) { return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|");
  var re = new RegExp("(^|[^\\p{L}\\p{N}])((?:" + pattern + ")[\\p{L}\\p{N}]*)", "giu");
  var out = "", last = 0, m;
  while ((m = re.exec(text))) {
    var start = m.index + m[1].length;
    out += escape(text.slice(last, start)) + "<mark>" + escape(m[2]) + "</mark>";
    last = start + m[2].length;
  }
  return out + escape(text.slice(last));
}

async function search(query) {
  var clauses = parse(query);
  var wanted = clauses.filter(function (c) { return c.presence !== "-"; });
  if (!wanted.length) return { items: [] };
  var found = [];
  for (var i = 0; i < clauses.length; i++) found.push(await matches(clauses[i].term));
  var total = docs.length || 1;
  var scores = Object.create(null), hits = Object.create(null), seen = Object.create(null);
  clauses.forEach(function (clause, i) {
    if (clause.presence === "-") return;
    var where = found[i].docs;
    var weight = Math.log(1 + total / (Object.keys(where).length || 1));
    for (var n in where) {
      var bits = where[n];
      scores[n] = (scores[n] || 0) + weight * ((bits & TAGS ? 100 : 0) + (bits & TITLE ? 10 : 0) + (bits & TEXT ? 1 : 0));
      (hits[n] || (hits[n] = new Set())).add(clause.term);
      (seen[n] || (seen[n] = [])).push.apply(seen[n], found[i].whole[n]);
    }
  });
  var items = [];
  for (var n in scores) {
    var ok = clauses.every(function (c, i) {
      return c.presence === "+" ? n in found[i].docs : c.presence === "-" ? !(n in found[i].docs) : true;
    });
    if (!ok) continue;
    var doc = docs[n], matched = hits[n];
    var terms = {};
    wanted.forEach(function (c) { terms[c.term] = matched.has(c.term); });
    var boost = +!doc.parent + matched.size / wanted.length;  // as Material weighs a page above its sections
    var marks = Array.from(matched);
    // the words matched further on than the text a result keeps: shown after it, so a reader sees why
    var shown = wordsOf(doc, "shown");
    var further = Array.from(new Set(seen[n])).filter(function (w) { return !shown.has(w); }).sort().slice(0, 5);
    var text = doc.text ? mark(doc.text, marks) : "";
    if (further.length) text += (!text ? "" : /…$/.test(text) ? " " : " … ") + further.map(function (w) { return "<mark>" + escape(w) + "</mark>"; }).join(" … ");
    items.push({
      n: +n,
      marks: marks,
      location: doc.location,
      title: mark(doc.title, marks),
      text: text ? "<p>" + text + "</p>" : "",
      tags: tagsOf(doc),
      score: scores[n] * (1 + boost * boost),
      terms: terms
    });
  }
  items.sort(function (a, b) { return b.score - a.score || (a.location < b.location ? -1 : 1); });
  // the first results show the sentence their words were found in, not the first lines of their section
  for (var k = 0; k < items.length; k++) {
    var item = items[k];
    if (k < SENTENCES) {
      var sentence = await sentenceFor(item.n, item.marks);
      if (sentence) item.text = "<p>" + (docs[item.n].text.indexOf(sentence) === 0 ? "" : "\u2026 ") + mark(sentence, item.marks) + "</p>";
    }
    delete item.n;
    delete item.marks;
  }
  var groups = new Map();
  items.forEach(function (item) {
    var page = item.location.split("#")[0];
    var group = groups.get(page) || [];
    group.push(item);
    groups.set(page, group);
  });
  groups.forEach(function (group, page) {
    if (!group.some(function (item) { return item.location === page; }) && byLocation.has(page)) {
      var doc = docs[byLocation.get(page)];
      group.push({ location: doc.location, title: escape(doc.title), text: doc.text ? "<p>" + escape(doc.text) + "</p>" : "", tags: tagsOf(doc), score: 0, terms: {} });
    }
  });
  return { items: Array.from(groups.values()) };
}

var byLocation = new Map();

function setup(data) {
  var config = data.config || {};
  separator = new RegExp(config.separator || "[\\s\\-]+");
  var split = config.closeread;
  stop = new Set(split ? split.stop : []);
  docs = (data.docs || []).map(function (doc) {
    return split ? doc : { location: doc.location, title: plain(doc.title), text: plain(doc.text), tags: doc.tags };
  });
  byLocation = new Map();
  docs.forEach(function (doc, n) {
    var page = doc.location.split("#")[0];
    if (page !== doc.location && byLocation.has(page)) doc.parent = page;
    if (!byLocation.has(doc.location)) byLocation.set(doc.location, n);
  });
  shards = Object.create(null);
  if (split) { shardNames = new Set(split.shards); memory = null; }
  else { shardNames = null; indexInMemory(); }
}

async function handle(message) {
  if (message.type === SETUP) { setup(message.data); return { type: READY }; }
  if (message.type === QUERY) {
    try { return { type: RESULT, data: await search(message.data) }; }
    catch (err) { return { type: RESULT, data: { items: [] } }; }
  }
  throw new TypeError("Invalid message type");
}

var queue = Promise.resolve();
addEventListener("message", function (ev) {
  // one message at a time, in order, as Material's worker answers them
  queue = queue.then(function () { return handle(ev.data); }).then(function (reply) { postMessage(reply); }, function () {});
});
