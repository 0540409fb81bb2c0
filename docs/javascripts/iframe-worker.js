/* closeread: a small stand-in for Web Workers on file:// pages, where Chromium refuses to start them,
 * so that Material's search works from a folder or USB stick. Material's offline plugin would load a
 * shim for this from unpkg.com; listing this file under extra.polyfills (its name contains
 * "iframe-worker") stops that, so the site makes no request to any other host. */
(function () {
  "use strict";
  if (location.protocol !== "file:" || typeof EventTarget !== "function") return;
  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = null;
      this.onerror = null;
      const frame = (this.frame = document.createElement("iframe"));
      frame.hidden = true;
      frame.tabIndex = -1;
      frame.title = "Search helper";
      frame.setAttribute("aria-hidden", "true");
      document.body.appendChild(frame);
      const win = frame.contentWindow;
      const doc = win.document;
      doc.open();
      doc.write("<!DOCTYPE html><title>worker</title><body></body>");
      doc.close();
      const emit = (type, data) => {
        const ev = type === "message" ? new MessageEvent("message", { data }) : new Event(type);
        this.dispatchEvent(ev);
        if (typeof this["on" + type] === "function") this["on" + type](ev);
      };
      const base = new URL(url, location.href);
      win.postMessage = (data) => setTimeout(() => emit("message", data), 0);
      win.importScripts = (...urls) => urls.reduce((p, u) => p.then(() => new Promise((resolve, reject) => {
        const s = doc.createElement("script");
        s.src = new URL(u, base).href;
        s.onload = resolve;
        s.onerror = reject;
        doc.body.appendChild(s);
      })), Promise.resolve());
      this.ready = new Promise((resolve) => {
        const s = doc.createElement("script");
        s.src = base.href;
        s.onload = resolve;
        s.onerror = () => { emit("error"); resolve(); };
        doc.body.appendChild(s);
      });
    }
    postMessage(data) {
      this.ready.then(() => {
        const win = this.frame.contentWindow;
        if (win) win.dispatchEvent(new win.MessageEvent("message", { data }));
      });
    }
    terminate() { this.frame.remove(); }
  }
  window.Worker = FrameWorker;
})();
