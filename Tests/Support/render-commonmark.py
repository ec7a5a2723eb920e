"""Renders a Markdown page (standard input) with a real CommonMark renderer and prints what it became, as JSON.

Used by the Swift tests of the staff summary (MarkdownSummaryRenderingTests). The renderer is markdown-it-py's
CommonMark preset with the GFM table and strikethrough extensions, raw HTML allowed, and every link target accepted
(`javascript:` too), so it is at least as permissive as any viewer staff might open the page in.

Output: {"html": the HTML, "shape": the page's structure, "rows": the text of each table row's cells}.
"shape" lists every block token (`heading_open h2`) and every inline token other than plain text (`strong_open`,
`code_inline`, `link_open`, `html_inline`, `image`, …), so two pages whose texts differ only in wording have
the same shape. Exit 0, or 3 when markdown-it-py is missing.
"""
import json
import sys

try:
    from markdown_it import MarkdownIt
except ImportError:
    print("python3 cannot import markdown_it: run `python3 -m pip install markdown-it-py` to render summaries")
    sys.exit(3)

renderer = MarkdownIt("commonmark").enable(["table", "strikethrough"])
renderer.validateLink = lambda url: True  # a permissive viewer: a link is a link, whatever its target

page = sys.stdin.read()
tokens = renderer.parse(page)
shape = []
rows = []
row = None  # the cells of the table row being read
for token in tokens:
    if token.type == "inline":
        shape += [child.type for child in token.children or [] if child.type != "text"]
        if row is not None:
            row.append("".join(child.content for child in token.children or []))
        continue
    shape.append(f"{token.type} {token.tag}")
    if token.type == "tr_open":
        row = []
    elif token.type == "tr_close":
        rows.append(row)
        row = None
json.dump({"html": renderer.render(page), "shape": shape, "rows": rows}, sys.stdout)
