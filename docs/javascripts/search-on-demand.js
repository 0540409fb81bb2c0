/* closeread: Material's search fetches its whole index (23 MB at 1,000 lessons) as soon as a page
 * opens. Run before the bundle (extra.polyfills), this holds that one request back until the reader
 * opens search, and starts closeread's search worker (closeread-search.js, answering from the index
 * the build split into shards) in place of Material's. See devdocs/performance.md. */
(function () {
  "use strict";
  // Material: search/search_index.json (.js from file://); Zensical: search.json (.js)
  const INDEX = /\/search(\/search_index)?\.js(on)?(\?|#|$)/;
  let isOpen = false;
  let release;
  const opened = new Promise((resolve) => { release = resolve; });
  function open() {
    if (isOpen) return;
    isOpen = true;
    release();
  }

  // over http: the XMLHttpRequest's send() waits for open()
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

  // from file://: the index's script element joins <head> on open()
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

  // Material's search worker is swapped for closeread's (javascripts/closeread-search.js), which answers
  // from the index the build split into small shards: Material's builds a lunr index of every page in
  // the browser, seconds at 1,000 lessons. Which one starts is decided by the first message, which
  // carries the index: Material's format ("docs") goes to closeread's worker, anything else (Zensical's
  // worker has the same file name, and its index has "items") to the worker the page asked for.
  const MATERIAL_WORKER = /assets\/javascripts\/workers\/search\.[0-9a-f]+\.min\.js(\?.*)?$/;
  const Native = window.Worker;
  if (typeof Native === "function" && typeof EventTarget === "function") {
    class ChosenWorker extends EventTarget {
      constructor(url, options) {
        super();
        this.url = url;
        this.options = options;
        this.worker = null;
        this.onmessage = null;
        this.onerror = null;
      }
      postMessage(message) {
        if (!this.worker) {
          const data = message && message.type === 0 && message.data;
          const ours = data && Array.isArray(data.docs);
          const worker = (this.worker = new Native(ours ? this.url.replace(MATERIAL_WORKER, "javascripts/closeread-search.js") : this.url, this.options));
          worker.addEventListener("message", (e) => this.pass(new MessageEvent("message", { data: e.data })));
          worker.addEventListener("error", () => this.pass(new Event("error")));
        }
        this.worker.postMessage.apply(this.worker, arguments);
      }
      pass(ev) {
        this.dispatchEvent(ev);
        const handler = this["on" + ev.type];
        if (typeof handler === "function") handler.call(this, ev);
      }
      terminate() { if (this.worker) this.worker.terminate(); }
    }
    window.Worker = function (url, options) {
      return MATERIAL_WORKER.test(String(url)) ? new ChosenWorker(String(url), options) : new Native(url, options);
    };
    window.Worker.prototype = Native.prototype;
  }

  // what opens search: its field or button (pointer, focus), its toggle, its keys / s f
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
