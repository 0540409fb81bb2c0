/* closeread: Material's search loads the whole search index (search/search_index.json over http,
 * search/search_index.js from file://) as soon as any page opens, so what a page costs grew with the
 * kit: 23 MB at 1,000 lessons, 98 % of opening one lesson page. This script runs before Material's
 * bundle (it is listed under extra.polyfills) and holds that one request back until the reader opens
 * search (clicks or taps the search field, focuses it, or presses one of Material's search keys).
 * Material's own search then runs unchanged. Nothing else is delayed; without the bundle this does
 * nothing. Vanilla ES2017. */
(function () {
  "use strict";
  // Material's search/search_index.json (or .js from file://); Zensical's search.json (search.js)
  const INDEX = /\/search(\/search_index)?\.js(on)?(\?|#|$)/;
  let isOpen = false;
  let release;
  const opened = new Promise((resolve) => { release = resolve; });
  function open() {
    if (isOpen) return;
    isOpen = true;
    release();
  }

  // Over http(s) Material asks for the JSON index with XMLHttpRequest: its send() waits for open()
  const xhrOpen = XMLHttpRequest.prototype.open;
  const xhrSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.closereadIndex = INDEX.test(String(url));
    return xhrOpen.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!this.closereadIndex || isOpen) return xhrSend.apply(this, arguments);
    const args = arguments;
    opened.then(() => xhrSend.apply(this, args));
  };

  // From file:// Material adds a script element for search_index.js to <head>: it is added on open()
  const head = document.head;
  if (head) {
    const append = head.appendChild;
    head.appendChild = function (node) {
      if (!isOpen && node && node.tagName === "SCRIPT" && INDEX.test(node.src || "")) {
        opened.then(() => append.call(head, node));
        return node;
      }
      return append.call(head, node);
    };
  }

  // What opens Material's search: its field (by pointer or focus), its toggle, and its keys / s f
  const FIELD = '[data-md-component="search-query"], label[for="__search"], .md-search';
  document.addEventListener("pointerdown", (e) => { if (e.target.closest && e.target.closest(FIELD)) open(); }, true);
  document.addEventListener("focusin", (e) => { if (e.target.closest && e.target.closest(FIELD)) open(); }, true);
  document.addEventListener("change", (e) => { if (e.target.id === "__search" && e.target.checked) open(); }, true);
  document.addEventListener("keydown", (e) => {
    const t = e.target;
    if (e.ctrlKey || e.altKey || e.metaKey || (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))) return;
    if (e.key === "/" || e.key === "s" || e.key === "S" || e.key === "f" || e.key === "F") open();
  }, true);
})();
