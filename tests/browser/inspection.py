"""What a page must not contain after hostile text went through it, as Chromium sees it.

`Watch` records every dialog (dismissing it) and every request to another origin made
by a browser context; `injected(page)` lists the elements and attributes on the page
that no template writes and a payload would: script-bearing or fetching elements,
event handlers, script and data URLs, styles, autofocus, and ids or names planted by
a payload (they start with `xss`). The one SVG a template writes, a chart of the statistics
page, and the one script, the time-zone cookie's in the head, are told apart by where they
stand.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError

INJECTED = """() => {
  const forbidden = new Set(["script", "iframe", "frame", "frameset", "object", "embed",
    "applet", "base", "svg", "math", "marquee", "video", "audio", "source", "track",
    "portal", "keygen", "isindex", "xmp", "plaintext", "template", "noscript", "param",
    "x", "xss"]);
  const headOnly = new Set(["meta", "link", "style", "title"]);
  const urls = new Set(["href", "src", "action", "formaction", "data", "poster", "background",
    "codebase", "cite", "longdesc", "ping", "xlink:href"]);
  const never = new Set(["srcdoc", "xlink:href", "contenteditable", "autofocus"]);
  const alignment = /^text-align: *(left|right|center);?$/;
  const found = [];
  for (const element of document.querySelectorAll("*")) {
    const tag = element.localName;
    const where = tag + (element.id ? "#" + element.id : "");
    // The statistics page's charts are SVG images its template draws, each a figure's
    // only image, named by its own <title> (comments/_chart.html).
    const chart = tag === "svg" ? element : element.parentElement;
    const drawn = chart?.matches("figure.chart > svg[role=img]") && (tag === "svg" || tag === "title");
    // The one script a template writes: the time-zone cookie's, in the head (templates/base.html).
    const zoneScript = tag === "script" && element.closest("head") &&
      element.getAttribute("src") === "/static/timezone.js" && !element.textContent;
    if (forbidden.has(tag) && !drawn && !zoneScript) found.push(`<${where}>`);
    if (headOnly.has(tag) && !element.closest("head") && !drawn) found.push(`<${where}> outside head`);
    for (const { name, value } of element.attributes) {
      const bare = value.replace(/[\\u0000-\\u0020\\u007f-\\u009f]/g, "").toLowerCase();
      // A form sent back with errors focuses its summary (templates/_form.html error_summary).
      const summaryFocus = name === "autofocus" && element.matches("div.error-summary[role=alert]");
      if (name.startsWith("on") || (never.has(name) && !summaryFocus)) found.push(`${where}[${name}]`);
      else if (urls.has(name) && /^(javascript|vbscript|livescript|data):/.test(bare))
        found.push(`${where}[${name}=${value}]`);
      else if (name === "style" && !alignment.test(value.trim()))
        found.push(`${where}[style=${value}]`);
      else if ((name === "id" || name === "name") && bare.startsWith("xss"))
        found.push(`${where}[${name}=${value}]`);
    }
  }
  return found;
}"""


@dataclass
class Watch:
    """Dialogs and requests to other origins, across every page of one browser context."""

    origin: str
    dialogs: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    current: str = ""

    def attach(self, context, *pages) -> "Watch":
        """Watch `context`: the pages it opens from now on, and `pages` already open."""
        for page in pages:
            page.on("dialog", self.on_dialog)
        context.on("request", self.on_request)
        open_attachments_inline(context)
        context.on("page", lambda page: page.on("dialog", self.on_dialog))
        return self

    def on_request(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in {"http", "https", "ws", "wss", "ftp"}:
            if f"{parts.scheme}://{parts.netloc}" != self.origin:
                self.foreign_requests.append(f"{self.current}: {request.url}")

    def on_dialog(self, dialog) -> None:
        self.dialogs.append(f"{self.current}: {dialog.type} {dialog.message!r}")
        dialog.dismiss()


def open_attachments_inline(context) -> None:
    """Show a download (the redline's self-contained HTML) as a page instead of saving it."""

    def inline(route) -> None:
        response = route.fetch()
        headers = {k: v for k, v in response.headers.items() if k != "content-disposition"}
        route.fulfill(response=response, headers=headers)

    context.route("**/download", inline)


def injected(page) -> list[str]:
    return page.evaluate(INJECTED)


PAYLOAD_NUMBER = re.compile(r"\b1[0-9]{3}\b")  # tests/browser/payloads.py numbers its payloads


def visit(page, watch: Watch, path: str) -> list[str]:
    """Open `path` (it must answer 200 and show some payload's number) and list what was
    injected into it.

    The parsed document is enough: whatever a payload could run later (a handler, a
    frame, a refresh) is an element or attribute in it, and its requests start with it.
    """
    watch.current = path
    response = page.goto(path, wait_until="domcontentloaded")
    assert response is not None and response.status == 200, (
        f"{path}: {response and response.status}"
    )
    problems = injected(page)
    if not PAYLOAD_NUMBER.search(page.evaluate("document.documentElement.textContent")):
        problems.append("no payload is shown")
    return [f"{path}: {problem}" for problem in problems]


class Visitor:
    """One signed-in browser context walking through pages; a page that never finishes
    loading (a payload that keeps a dialog coming back) is a problem, and the walk
    goes on in a fresh tab."""

    def __init__(self, context, origin: str) -> None:
        self.context, self.watch = context, Watch(origin).attach(context)
        self.page = self.new_page()

    def new_page(self):
        page = self.context.new_page()
        page.set_default_timeout(10_000)
        return page

    def visit(self, path: str) -> list[str]:
        try:
            return visit(self.page, self.watch, path)
        except PlaywrightError as error:
            self.page.close(run_before_unload=False)
            self.page = self.new_page()
            return [f"{path}: did not load ({error.message.splitlines()[0]})"]
