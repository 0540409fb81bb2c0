/* closeread: as Material's bundle starts, three of its writes restyle every element the page renders
 * (a lesson page paid 5-6 whole-page style passes before its load event): it swaps <html>'s classes
 * (no-js for js and js-focus-visible; Material's CSS has [class] selectors, so any change to <html>'s
 * class restyles everything below it), sets data-md-color-switching on <body> (its CSS has
 * `[data-md-color-switching] *`), and adds a <meta name="color-scheme"> to <head> (Chromium restyles
 * the whole page when such a meta is inserted or changed, whatever its value), forcing a style pass
 * after each by reading the page's geometry. Run before the bundle (extra.polyfills), this gives
 * <html> and <body> those values while there is nothing below them to restyle, so that the bundle's
 * writes change nothing, and it inserts Material's meta when Material takes data-md-color-switching
 * away again (the next animation frame), so that the two cost one pass. What a reader
 * sees is the same: the classes and attribute are the ones the bundle sets a moment later (the search
 * button, hidden by `.no-js`, shows from the first paint instead of appearing just after it), and the
 * meta is Material's own, with its content. Only for Material 9 (the generator meta): Zensical's
 * bundle is left alone. See devdocs/performance.md. */
(function () {
  "use strict";
  const generator = document.querySelector('meta[name="generator"]');
  const head = document.head;
  if (!head || !generator || !/\bmkdocs-material-9\./.test(generator.content)) return;
  const root = document.documentElement;
  // the order the bundle leaves them in: its focus-visible polyfill adds js-focus-visible, then the
  // bundle removes no-js and adds js; the same token list serialises to the same value, which
  // Chromium does not restyle for
  root.classList.remove("no-js");
  root.classList.add("js-focus-visible", "js");
  root.setAttribute("data-js-focus-visible", "");

  // <body> does not exist yet; the parser runs pending microtasks before each script it meets, so the
  // attribute is on <body> before its first script (Material's palette restore) and before the bundle
  new MutationObserver((records, observer) => {
    if (!document.body) return;
    observer.disconnect();
    if (!document.body.hasAttribute("data-md-color-switching")) document.body.setAttribute("data-md-color-switching", "");
  }).observe(root, { childList: true });

  // Material's meta joins <head> when Material takes data-md-color-switching off <body> again (one
  // style pass for both), or at the load event if that comes first
  let held = null;
  const append = head.appendChild;
  const release = () => {
    if (held && !held.isConnected) append.call(head, held);
  };
  head.appendChild = function (node) {
    if (!held && node && node.tagName === "META" && node.name === "color-scheme" && document.body) {
      held = node;
      new MutationObserver((records, observer) => {
        if (document.body.hasAttribute("data-md-color-switching")) return;
        observer.disconnect();
        release();
      }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-switching"] });
      addEventListener("load", release, { once: true });
      return node;
    }
    return append.apply(this, arguments);
  };
})();
