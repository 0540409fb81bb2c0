/* closeread: three writes of Material's bundle as it starts each restyle every element of the page:
 * <html>'s classes (its CSS has [class] selectors), <body>'s data-md-color-switching (`[...] *`) and
 * a new <meta name="color-scheme"> (Chromium restyles all for any). Run before the bundle, this sets
 * the first two while there is nothing to restyle, so the bundle's writes change nothing, and inserts
 * Material's meta when Material clears the attribute again: one pass, not 4-5. Same page, same end
 * state; Material 9 only (Zensical's bundle differs). Before that, on any page: the first frame waits
 * for the page's content (below). devdocs/performance.md, 8 December 2026. */
(function () {
  "use strict";
  const head = document.head;
  if (!head) return;
  // Chromium renders a long page chunk by chunk as the parser streams it in, a style, layout and paint
  // for each (about 70 ms of a lesson page's load with the CPU slowed 4x): one frame once the content
  // is parsed instead. Material's #__config follows the content on every page (without it the block
  // ends when parsing does); a rel=expect link blocks only while <body> does not exist, so from here
  const expect = document.createElement("link");
  expect.rel = "expect";
  expect.href = "#__config";
  expect.setAttribute("blocking", "render");
  head.appendChild(expect);
  const generator = document.querySelector('meta[name="generator"]');
  if (!generator || !/\bmkdocs-material-9\./.test(generator.content)) return;
  const root = document.documentElement;
  // the classes in the order the bundle leaves them (its focus-visible polyfill, then no-js for js)
  root.classList.remove("no-js");
  root.classList.add("js-focus-visible", "js");
  root.setAttribute("data-js-focus-visible", "");
  // the parser runs pending microtasks before each script: this is on <body> before its first one
  new MutationObserver((records, observer) => {
    if (!document.body) return;
    observer.disconnect();
    if (!document.body.hasAttribute("data-md-color-switching")) document.body.setAttribute("data-md-color-switching", "");
  }).observe(root, { childList: true });
  // the meta joins <head> when Material takes the attribute off (next frame); both are done at the
  // load event at the latest (a site with one palette has no palette to take it off)
  let held = null;
  const append = head.appendChild;
  const release = () => { if (held && !held.isConnected) append.call(head, held); };
  addEventListener("load", () => {
    release();
    document.body.removeAttribute("data-md-color-switching");
  }, { once: true });
  head.appendChild = function (node) {
    if (!held && node && node.tagName === "META" && node.name === "color-scheme" && document.body) {
      held = node;
      new MutationObserver((records, observer) => {
        if (document.body.hasAttribute("data-md-color-switching")) return;
        observer.disconnect();
        release();
      }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-switching"] });
      return node;
    }
    return append.apply(this, arguments);
  };
})();
