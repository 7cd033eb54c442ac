#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks a `vssmeta report` page in a real browser: Debian's chromium,
headless, driven through the DevTools protocol over a pipe
(--remote-debugging-pipe: NUL-separated JSON on file descriptors 3 and 4),
so nothing but the Python standard library is needed.

  check_report.py --chromium PATH --vssmeta PATH [checks] -- report ARGS...
  check_report.py --chromium PATH --page FILE [checks]

runs `vssmeta ARGS... -o TMP/report.html` (the arguments after --), opens
the page and checks:
  * no console message, no exception, no browser log entry of level
    warning or error (a Content-Security-Policy violation is one);
  * no network request but the page itself;
  * the <main> sections' ids, in order (--sections);
  * the writers table's rows (--writer-rows) and names (--writer);
  * text present in the rendered page (--text);
  * --hostile: no script of the documents ran (window.__pwned unset), the
    page has its one script element, no element has an on* attribute and
    there is no <img>, <iframe>, <object> or <embed>;
  * a 1280x800 screenshot that is not blank (--screenshot keeps it);
  * the script sorts the writers table (by components, descending);
  * printing to PDF gives a PDF;
  * with scripts disabled, the same sections and rows.
Exit status: 0 pass, 1 fail, 77 skip (no browser, or --needs a path that is
absent). No check depends on timing; every wait has a generous limit.
"""

import argparse
import base64
import fcntl
import json
import os
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib

SKIP = 77
TIMEOUT = float(os.environ.get("VSSMETA_BROWSER_TIMEOUT", "120"))  # seconds for any one answer; only a hung browser hits it


class Failure(Exception):
    pass


class Browser:
    """A headless chromium and its DevTools pipe."""

    def __init__(self, chromium, profile):
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def child_fds():
            # Out of the way first: either end may already be 3 or 4.
            high_r = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
            high_w = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)

        args = [
            chromium, "--headless", "--disable-gpu", "--no-sandbox",
            "--remote-debugging-pipe", "--user-data-dir=" + profile,
            "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking",
            "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
            "--window-size=1280,800", "about:blank",
        ]
        # Python's descriptors are close-on-exec; only 3 and 4 are made
        # inheritable, so only those reach the browser.
        # The browser's own log goes to a file: a pipe nobody reads while
        # waiting for an answer could fill up and stall the browser.
        self._log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            args, stdin=subprocess.DEVNULL, stdout=self._log,
            stderr=self._log, preexec_fn=child_fds, close_fds=False)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self.events = []

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:  # the browser may already be gone
            pass
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)
        self._log.close()

    def _read_message(self, deadline, waiting_for):
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Failure("the browser did not answer %s within %ds"
                              % (waiting_for, TIMEOUT))
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if not ready:
                continue
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                self._log.seek(0)
                err = self._log.read().decode("utf-8", "replace")
                raise Failure("the browser closed its pipe:\n" + err[-2000:])
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None):
        self._next_id += 1
        message = {"id": self._next_id, "method": method,
                   "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        while data:
            data = data[os.write(self._to_browser, data):]
        return self._next_id

    def call(self, method, params=None, session=None):
        wanted = self.send(method, params, session)
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self._read_message(deadline, method)
            if message.get("id") == wanted:
                if "error" in message:
                    raise Failure("%s: %s" % (method, message["error"]))
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_event(self, method, session):
        for event in self.events:
            if event["method"] == method and event.get("sessionId") == session:
                return event
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self._read_message(deadline, "with " + method)
            if "method" in message:
                self.events.append(message)
                if (message["method"] == method
                        and message.get("sessionId") == session):
                    return message


def png_pixels(png):
    """(width, height, rows of RGB(A) bytes) of an 8-bit RGB or RGBA PNG."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise Failure("the screenshot is not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour = header[0], header[1], header[2], header[3]
    if depth != 8 or colour not in (2, 6):
        raise Failure("unexpected PNG format (depth %d, colour %d)"
                      % (depth, colour))
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        kind = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def check_screenshot(png):
    width, height, bpp, rows = png_pixels(png)
    if (width, height) != (1280, 800):
        raise Failure("the screenshot is %dx%d, not 1280x800"
                      % (width, height))
    colours, inked, total = set(), 0, 0
    for y in range(0, height, 4):
        row = rows[y]
        for x in range(0, width, 4):
            px = row[x * bpp:x * bpp + 3]
            colours.add(px)
            total += 1
            if px != b"\xff\xff\xff":
                inked += 1
    if len(colours) < 8 or inked * 50 < total:
        raise Failure("the screenshot looks blank (%d colours, %d of %d "
                      "sampled pixels not white)" % (len(colours), inked,
                                                     total))
    return len(colours), inked * 100.0 / total


PAGE_FACTS = r"""(() => {
  const rows = Array.from(document.querySelectorAll('#writers-table tbody tr'));
  const handlers = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.toLowerCase().startsWith('on')) handlers.push(el.tagName + '@' + a.name);
    }
  }
  return JSON.stringify({
    sections: Array.from(document.querySelectorAll('main > section')).map(s => s.id),
    rows: rows.map(r => r.cells[0].textContent),
    text: document.body.innerText,
    scripts: document.scripts.length,
    handlers: handlers,
    embedded: document.querySelectorAll('img, iframe, object, embed, frame').length,
    pwned: typeof window.__pwned === 'undefined' ? null : String(window.__pwned),
    js: document.documentElement.classList.contains('js'),
    svgs: document.querySelectorAll('#hierarchy svg').length,
    csp: (document.querySelector('meta[http-equiv="Content-Security-Policy"]') || {}).content || ''
  });
})()"""


SORT_CHECK = r"""(() => {
  const table = document.getElementById('writers-table');
  if (!table) return 'no table';
  const heads = table.tHead.rows[0].cells;
  let column = -1;
  for (let i = 0; i < heads.length; ++i) {
    if (heads[i].textContent.trim().startsWith('Components')) column = i;
  }
  const button = column >= 0 ? heads[column].querySelector('button') : null;
  if (!button) return 'no sort button';
  button.click();
  button.click();
  if (heads[column].getAttribute('aria-sort') !== 'descending') {
    return 'aria-sort is ' + heads[column].getAttribute('aria-sort');
  }
  const values = Array.from(table.tBodies[0].rows,
                            r => parseFloat(r.cells[column].textContent) || 0);
  for (let i = 1; i < values.length; ++i) {
    if (values[i] > values[i - 1]) return 'not sorted: ' + values.join(' ');
  }
  return 'ok';
})()"""


def open_page(browser, url, scripts):
    target = browser.call("Target.createTarget", {"url": "about:blank"})
    session = browser.call("Target.attachToTarget",
                           {"targetId": target["targetId"],
                            "flatten": True})["sessionId"]
    for domain in ("Runtime", "Log", "Network", "Page"):
        browser.call(domain + ".enable", session=session)
    browser.call("Emulation.setDeviceMetricsOverride",
                 {"width": 1280, "height": 800, "deviceScaleFactor": 1,
                  "mobile": False}, session)
    if not scripts:
        browser.call("Emulation.setScriptExecutionDisabled",
                     {"value": True}, session)
    start = time.monotonic()
    navigated = browser.call("Page.navigate", {"url": url}, session)
    if navigated.get("errorText"):
        raise Failure("navigation failed: " + navigated["errorText"])
    browser.wait_event("Page.loadEventFired", session)
    load_seconds = time.monotonic() - start
    return target["targetId"], session, load_seconds


def page_facts(browser, session, scripts):
    # Evaluation works with scripts disabled (it is the debugger's own).
    # With scripts, a frame and a task are awaited first, so that anything
    # the page's script would print is in (timers do not run without).
    if scripts:
        browser.call("Runtime.evaluate",
                     {"expression": "new Promise(r => requestAnimationFrame("
                                    "() => setTimeout(r, 0)))",
                      "awaitPromise": True}, session)
    result = browser.call("Runtime.evaluate",
                          {"expression": PAGE_FACTS, "returnByValue": True},
                          session)
    if "exceptionDetails" in result:
        raise Failure("evaluating the page: %s" % result["exceptionDetails"])
    return json.loads(result["result"]["value"])


def problems(browser, session, page_url):
    found = []
    for event in browser.events:
        if event.get("sessionId") != session:
            continue
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.consoleAPICalled":
            args = " ".join(str(a.get("value", a.get("description", "")))
                            for a in params.get("args", []))
            found.append("console.%s: %s" % (params.get("type"), args))
        elif method == "Runtime.exceptionThrown":
            found.append("exception: %s" % params.get("exceptionDetails"))
        elif method == "Log.entryAdded":
            entry = params.get("entry", {})
            if entry.get("level") in ("warning", "error"):
                found.append("log %s (%s): %s" % (entry.get("level"),
                                                  entry.get("source"),
                                                  entry.get("text")))
        elif method == "Network.requestWillBeSent":
            url = params.get("request", {}).get("url", "")
            if url != page_url:
                found.append("network request: " + url)
    return found


def check(args, html):
    url = "file://" + os.path.abspath(html)
    profile = tempfile.mkdtemp(prefix="vssmeta-chromium-")
    browser = Browser(args.chromium, profile)
    failures = []
    try:
        for scripts in (True, False):
            label = "scripts on" if scripts else "scripts off"
            browser.events = []
            _, session, seconds = open_page(browser, url, scripts)
            facts = page_facts(browser, session, scripts)
            if scripts:
                print("render: %.3f s from navigation to the load event"
                      % seconds)
                shot = browser.call("Page.captureScreenshot",
                                    {"format": "png"}, session)
                png = base64.b64decode(shot["data"])
                try:
                    colours, percent = check_screenshot(png)
                    print("screenshot: 1280x800, %d colours sampled, %.1f%% "
                          "not white" % (colours, percent))
                except Failure as e:
                    failures.append(str(e))
                if args.screenshot:
                    with open(args.screenshot, "wb") as f:
                        f.write(png)
                pdf = browser.call("Page.printToPDF", {}, session)
                if not base64.b64decode(pdf["data"]).startswith(b"%PDF-"):
                    failures.append("printing did not give a PDF")
                if not facts["js"]:
                    failures.append("the page script did not run")
                if facts["rows"]:
                    sort = browser.call("Runtime.evaluate",
                                        {"expression": SORT_CHECK,
                                         "returnByValue": True}, session)
                    verdict = sort.get("result", {}).get("value")
                    if verdict != "ok":
                        failures.append("sorting the writers by components: "
                                        "%s" % verdict)
            elif facts["js"]:
                failures.append("the page script ran with scripts disabled")
            for p in problems(browser, session, url):
                failures.append("%s: %s" % (label, p))
            if args.sections and facts["sections"] != args.sections:
                failures.append("%s: sections %s, expected %s"
                                % (label, facts["sections"], args.sections))
            if (args.writer_rows is not None
                    and len(facts["rows"]) != args.writer_rows):
                failures.append("%s: %d writer rows, expected %d"
                                % (label, len(facts["rows"]),
                                   args.writer_rows))
            for name in args.writer:
                if not any(name in row for row in facts["rows"]):
                    failures.append("%s: no writer row names %r"
                                    % (label, name))
            for text in args.text:
                if text not in facts["text"]:
                    failures.append("%s: the page does not show %r"
                                    % (label, text))
            if args.svgs is not None and facts["svgs"] < args.svgs:
                failures.append("%s: %d hierarchy pictures, expected at "
                                "least %d" % (label, facts["svgs"],
                                              args.svgs))
            if "default-src 'none'" not in facts["csp"]:
                failures.append("no restrictive Content-Security-Policy")
            if args.hostile:
                if facts["pwned"] is not None:
                    failures.append("%s: a script of the documents ran "
                                    "(window.__pwned=%s)"
                                    % (label, facts["pwned"]))
                if facts["scripts"] != 1:
                    failures.append("%s: %d script elements, expected the "
                                    "page's one" % (label, facts["scripts"]))
                if facts["handlers"]:
                    failures.append("%s: event handler attributes %s"
                                    % (label, facts["handlers"][:5]))
                if facts["embedded"]:
                    failures.append("%s: %d embedded elements"
                                    % (label, facts["embedded"]))
    finally:
        browser.close()
        shutil.rmtree(profile, ignore_errors=True)
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chromium", default="")
    parser.add_argument("--vssmeta", default="")
    parser.add_argument("--page", default="",
                        help="check this HTML file instead of running "
                             "vssmeta (the checker's own tests)")
    parser.add_argument("--needs", action="append", default=[],
                        help="skip (77) when this path is absent")
    parser.add_argument("--sections", default="",
                        help="comma-separated section ids, in order")
    parser.add_argument("--writer-rows", type=int)
    parser.add_argument("--writer", action="append", default=[])
    parser.add_argument("--text", action="append", default=[])
    parser.add_argument("--svgs", type=int)
    parser.add_argument("--hostile", action="store_true")
    parser.add_argument("--screenshot", default="")
    parser.add_argument("--keep", default="", help="also copy the page here")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    args.sections = [s for s in args.sections.split(",") if s]
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    for path in args.needs:
        if not os.path.exists(path):
            print("SKIP: %s is absent" % path)
            return SKIP
    chromium = (args.chromium or shutil.which("chromium")
                or shutil.which("chromium-headless-shell"))
    if not chromium or not os.path.exists(chromium):
        print("SKIP: no chromium (apt-get install chromium; .ci/setup "
              "installs it)")
        return SKIP
    args.chromium = chromium
    if not args.page and not args.vssmeta:
        parser.error("give --vssmeta and the command, or --page")
    work = tempfile.mkdtemp(prefix="vssmeta-report-")
    try:
        html = os.path.join(work, "report.html")
        if args.page:
            shutil.copyfile(args.page, html)
        else:
            run = subprocess.run([args.vssmeta] + command + ["-o", html],
                                 stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE)
            sys.stdout.write(run.stderr.decode("utf-8", "replace"))
            if run.returncode & 3 or not os.path.exists(html):
                print("FAIL: vssmeta %s exited %d" % (" ".join(command),
                                                     run.returncode))
                return 1
        print("page: %d bytes" % os.path.getsize(html))
        if args.keep:
            shutil.copyfile(html, args.keep)
        failures = check(args, html)
    except Failure as e:
        failures = [str(e)]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for f in failures:
        print("FAIL: " + f)
    if not failures:
        print("PASS")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
