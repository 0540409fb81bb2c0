"""What a reader's browser feels, measured in Debian's Chromium (Playwright, never `playwright install`):

- ``transfer``: the bytes opening one page transfers (the sum of every response body, raw and each
  gzipped at level 6 as a web server would send it), with the largest responses;
- ``search_latency``: seconds from typing a word into Material's search to its first result, with the
  CPU optionally slowed (Chromium's CPU throttling, as DevTools' "4x slowdown");
- ``load_time``: seconds to the page's load event, CPU slowed likewise, in a fresh context (no cache);
  ``load_times`` repeats it and gives the median and every run (the machine's other work moves a
  single run by half a second or more);
- ``side_by_side``: two pages' load times in one run, interleaved (A, B, A, B, ...) so that the
  machine's other work falls on both alike, with each median and the ratio of B's to A's;
- ``phases``: where a page's main thread spends the time up to its load event (a Chromium trace, CPU
  slowed likewise): milliseconds of parsing the HTML, style, layout, paint, script and the rest, each
  event's own time (not its children's), by the wall clock (``ms``) and by the thread's CPU clock
  (``cpu_ms``, which the machine's other work inflates much less), with how many elements each style
  pass restyled.

    python bench/browser.py URL [--query WORD] [--slow 4] [--runs 5] [--against HOME_URL] [--phases]
        [--before OLD_URL OLD_HOME_URL]

With ``--against``, URL is timed side by side with HOME_URL (``--runs`` pairs, 7 at least) and the ratio
of URL's median load to HOME_URL's is printed: the issue's budget for the seed lesson's page against the
student home page is 1.25 at 360 px with the CPU slowed 4x. ``--before OLD_URL OLD_HOME_URL`` loads
another build's two pages in the same turns and prints their ratio too (a change against main).

Used by bench/run.py; the site must be served over http (or given as a file:// URL).
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from contextlib import contextmanager

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"width": 360, "height": 780}


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _page(browser, slow: float = 1.0):
    ctx = browser.new_context(viewport=PHONE)
    page = ctx.new_page()
    page.set_default_timeout(120_000)
    if slow > 1:
        cdp = ctx.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": slow})
    return ctx, page


def transfer(browser, url: str, *, settle_ms: int = 1500) -> dict:
    """Every response body the page's opening brought, summed raw and gzipped (a fresh context: no cache)."""
    ctx, page = _page(browser)
    bodies: list[tuple[str, bytes]] = []

    def keep(response):
        try:
            bodies.append((response.url, response.body()))
        except Exception:  # a redirect or an aborted request has no body
            pass

    page.on("response", keep)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(settle_ms)  # what scripts ask for after the load event counts too
    ctx.close()
    sizes = sorted(((len(b), len(gzip.compress(b, 6)), u) for u, b in bodies), reverse=True)
    return {
        "requests": len(sizes),
        "raw_bytes": sum(s[0] for s in sizes),
        "gzip_bytes": sum(s[1] for s in sizes),
        "largest": [{"url": u.rsplit("/", 2)[-2:][-1], "raw": r, "gzip": g} for r, g, u in sizes[:3]],
    }


def load_time(browser, url: str, *, slow: float = 4.0) -> float:
    ctx, page = _page(browser, slow)
    start = time.perf_counter()
    page.goto(url, wait_until="load")
    took = time.perf_counter() - start
    ctx.close()
    return took


def load_times(browser, url: str, *, runs: int = 5, slow: float = 4.0) -> dict:
    times = [load_time(browser, url, slow=slow) for _ in range(runs)]
    return {"median_s": round(statistics.median(times), 3), "runs_s": [round(t, 3) for t in times], "slow": slow}


def _in_turn(browser, urls: list[str], *, runs: int, slow: float) -> list[list[float]]:
    """Each URL's load ``runs`` times, the URLs in turn (A, B, C, A, B, C, ...; each load in a fresh
    context, CPU slowed) so that the machine's other work falls on all alike; one warm-up load of each
    first, uncounted, so that none pays for the browser's first start."""
    for u in urls:
        load_time(browser, u, slow=slow)
    got: list[list[float]] = [[] for _ in urls]
    for _ in range(runs):
        for i, u in enumerate(urls):
            got[i].append(load_time(browser, u, slow=slow))
    return got


def side_by_side(browser, base: str, page: str, *, runs: int = 9, slow: float = 4.0,
                 before: tuple[str, str] | None = None) -> dict:
    """``page``'s load against ``base``'s, interleaved run by run. ``before``: another build's
    (page, base), loaded in the same turns, so that a change's ratio and the one it replaces are
    measured in the same minutes (the machine's speed moves by 20 % and more from one to the next)."""
    urls = [base, page, *((before[1], before[0]) if before else ())]
    got = _in_turn(browser, urls, runs=runs, slow=slow)
    med = [statistics.median(g) for g in got]

    def one(i: int) -> dict:
        return {"url": urls[i], "median_s": round(med[i], 3), "runs_s": [round(x, 3) for x in got[i]]}

    out = {"slow": slow, "viewport": PHONE, "base": one(0), "page": one(1), "ratio": round(med[1] / med[0], 3)}
    if before:
        out["before"] = {"base": one(2), "page": one(3), "ratio": round(med[3] / med[2], 3)}
    return out


PHASES = {"ParseHTML": "parse", "ParseAuthorStyleSheet": "parse", "UpdateLayoutTree": "style", "Layout": "layout",
          "PrePaint": "paint", "Paint": "paint", "Layerize": "paint", "Commit": "paint", "UpdateLayer": "paint",
          "EvaluateScript": "script", "FunctionCall": "script", "EventDispatch": "script", "TimerFire": "script",
          "RunMicrotasks": "script", "v8.compile": "script", "FireAnimationFrame": "script"}


def phases(browser, url: str, *, slow: float = 4.0) -> dict:
    """One load traced: each main-thread event's own time (wall, CPU slowed) up to the end of the load event,
    summed by phase; ``restyled`` is the elements every style pass restyled, summed (a deterministic count)."""
    ctx, page = _page(browser, slow)
    cdp = ctx.new_cdp_session(page)
    events: list[dict] = []
    done: list[bool] = []
    cdp.on("Tracing.dataCollected", lambda p: events.extend(p["value"]))
    cdp.on("Tracing.tracingComplete", lambda p: done.append(True))
    cdp.send("Tracing.start", {"traceConfig": {"includedCategories": ["devtools.timeline"]}, "transferMode": "ReportEvents"})
    start = time.perf_counter()
    page.goto(url, wait_until="load")
    took = time.perf_counter() - start
    cdp.send("Tracing.end")
    while not done:
        page.wait_for_timeout(20)
    ctx.close()
    # the page's own renderer thread: the one that parsed its HTML (the browser runs other pages of its own)
    main = next((e["pid"], e["tid"]) for e in events if e.get("name") == "ParseHTML" and url in json.dumps(e.get("args", {})))
    mine = [e for e in events if (e["pid"], e["tid"]) == main and e.get("ph") == "X" and "dur" in e]
    end = max(e["ts"] + e["dur"] for e in mine if e["name"] == "EventDispatch" and e.get("args", {}).get("data", {}).get("type") == "load")
    out = dict.fromkeys(["parse", "style", "layout", "paint", "script", "other"], 0.0)
    cpu = dict.fromkeys(out, 0.0)  # the same by the thread's CPU clock, which other processes do not inflate
    restyled = 0
    stack: list[dict] = []
    for e in sorted((e for e in mine if e["ts"] < end), key=lambda e: (e["ts"], -e["dur"])):
        while stack and stack[-1]["ts"] + stack[-1]["dur"] <= e["ts"]:
            stack.pop()
        phase = PHASES.get(e["name"], stack[-1]["_phase"] if stack else "other")
        e["_phase"] = phase
        out[phase] += e["dur"] / 1000
        cpu[phase] += e.get("tdur", e["dur"]) / 1000
        if stack:  # an event's own time: what it spends outside the events inside it
            out[stack[-1]["_phase"]] -= e["dur"] / 1000
            cpu[stack[-1]["_phase"]] -= e.get("tdur", e["dur"]) / 1000
        if e["name"] == "UpdateLayoutTree":
            restyled += e.get("args", {}).get("elementCount", 0)
        stack.append(e)
    return {"load_s": round(took, 3), "ms": {k: round(v) for k, v in out.items()},
            "cpu_ms": {k: round(v) for k, v in cpu.items()}, "restyled": restyled}


def phases_side_by_side(browser, base: str, page: str, *, runs: int = 5, slow: float = 4.0,
                        before: tuple[str, str] | None = None) -> dict:
    """``phases`` of both pages, interleaved, medians of each figure; ``before`` as in ``side_by_side``."""
    urls = [base, page, *((before[1], before[0]) if before else ())]
    got: dict[str, list[dict]] = {u: [] for u in urls}
    for _ in range(runs):
        for u in urls:
            got[u].append(phases(browser, u, slow=slow))

    def med(rows: list[dict]) -> dict:
        return {"load_s": round(statistics.median(r["load_s"] for r in rows), 3),
                "ms": {k: round(statistics.median(r["ms"][k] for r in rows)) for k in rows[0]["ms"]},
                "cpu_ms": {k: round(statistics.median(r["cpu_ms"][k] for r in rows)) for k in rows[0]["cpu_ms"]},
                "cpu_total_ms": round(statistics.median(sum(r["cpu_ms"].values()) for r in rows)),
                "restyled": round(statistics.median(r["restyled"] for r in rows))}

    out = {"slow": slow, "runs": runs, "base": {"url": base, **med(got[base])}, "page": {"url": page, **med(got[page])}}
    if before:
        out["before"] = {"base": {"url": urls[2], **med(got[urls[2]])}, "page": {"url": urls[3], **med(got[urls[3]])}}
    return out


def search_latency(browser, url: str, query: str, *, slow: float = 4.0) -> dict:
    """Open the page, open search (which starts loading the index), type ``query`` and time the first
    result. ``from_open`` counts from the click on the search field, ``from_typing`` from the last key."""
    ctx, page = _page(browser, slow)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(500)
    start = time.perf_counter()
    button = page.locator('label.md-header__button[for="__search"]')
    if button.is_visible():  # a phone shows a search button in the header; a wide screen, the field itself
        button.click()
    else:
        page.locator(".md-search__input").click()
    field = page.locator(".md-search__input")
    field.focus()
    field.press_sequentially(query, delay=60)
    typed = time.perf_counter()
    page.locator(".md-search-result__item").first.wait_for(timeout=180_000)
    done = time.perf_counter()
    ctx.close()
    return {"from_open_s": done - start, "from_typing_s": done - typed}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("url")
    ap.add_argument("--query", default=None)
    ap.add_argument("--slow", type=float, default=4.0)
    ap.add_argument("--runs", type=int, default=1, help="load the page this many times; the median and every run are printed")
    ap.add_argument("--against", default=None, help="time URL side by side with this page (the student home page)")
    ap.add_argument("--phases", action="store_true", help="with --against: where each page's main thread spends its load (traced)")
    ap.add_argument("--before", nargs=2, metavar=("OLD_URL", "OLD_HOME_URL"), default=None,
                    help="with --against: another build's two pages, loaded in the same turns, for its ratio")
    args = ap.parse_args()
    with chromium() as browser:
        if args.against and args.phases:
            print(json.dumps(phases_side_by_side(browser, args.against, args.url, runs=args.runs, slow=args.slow,
                                                 before=tuple(args.before) if args.before else None), indent=2))
            return
        if args.against:
            print(json.dumps(side_by_side(browser, args.against, args.url, runs=max(7, args.runs), slow=args.slow,
                                          before=tuple(args.before) if args.before else None), indent=2))
            return
        out = {"transfer": transfer(browser, args.url), "load_s_slowed": load_time(browser, args.url, slow=args.slow)}
        if args.runs > 1:
            out["load_slowed"] = load_times(browser, args.url, runs=args.runs, slow=args.slow)
            out["load_s_slowed"] = out["load_slowed"]["median_s"]
        if args.query:
            out["search"] = search_latency(browser, args.url, args.query, slow=args.slow)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
