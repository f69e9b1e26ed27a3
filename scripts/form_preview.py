#!/usr/bin/env python3
"""Draw a preview of the "Propose a practice" issue form for the contributor guide
(docs/assets/proposal-form.png): the generated form's first questions, drawn locally from its
YAML and photographed with Chromium, since GitHub itself cannot be reached from here. The image
is labelled as a preview in the guide.

  python scripts/form_preview.py        (needs Debian's chromium, or ATLAS_CHROMIUM)
"""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

from atlas.tools.cli import tool_parser
from atlas.tools.forms import FORMS_DIR, PROPOSE

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from support.browser import CHROMIUM_ARGS, find_chromium  # noqa: E402

SHOWN = ("language", "title_fr", "cities", "themes")  # enough to show what the form asks, small enough to stay light
OPTIONS_SHOWN = 4
TARGET = "docs/assets/proposal-form.png"
STYLE = """body{font:14px/1.5 system-ui,sans-serif;margin:0;padding:16px 20px;width:640px;color:#1f2328;background:#fff}
h1{font-size:18px;margin:0 0 12px}label{font-weight:600;display:block;margin-top:14px}
.d{color:#59636e;font-size:12px;margin:2px 0 6px}.box{border:1px solid #d1d9e0;border-radius:6px;padding:5px 8px;min-height:18px;background:#f6f8fa}
.c{margin:2px 0}.tag{font-size:11px;color:#59636e;border:1px dashed #d1d9e0;border-radius:4px;padding:1px 6px;float:right}"""


def preview_html(form: dict) -> str:
    parts = [f"<span class='tag'>aperçu · preview · vista previa</span><h1>{escape(form['name'])}</h1>"]
    for item in (entry for entry in form["body"] if entry.get("id") in SHOWN):
        attributes = item["attributes"]
        parts.append(f"<label>{escape(attributes['label'])}</label>")
        parts.append(f"<div class='d'>{escape(attributes.get('description', '').split(chr(10))[0])}</div>")
        if item["type"] == "checkboxes":
            parts += [f"<div class='c'>☐ {escape(option['label'])}</div>" for option in attributes["options"][:OPTIONS_SHOWN]]
            parts.append("<div class='c'>…</div>")
        else:
            shown = attributes["options"][attributes["default"]] if "default" in attributes else ""
            parts.append(f"<div class='box'>{escape(shown)}</div>")
    return f"<!doctype html><meta charset=utf-8><style>{STYLE}</style>{''.join(parts)}"


def main(argv=None) -> int:
    args = tool_parser(__doc__).parse_args(argv)
    form = yaml.safe_load((args.root / FORMS_DIR / PROPOSE).read_text(encoding="utf-8"))
    chromium = find_chromium()
    if chromium is None:
        print("form_preview: no Chromium found; install Debian's chromium or set ATLAS_CHROMIUM", file=sys.stderr)
        return 2
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 680, "height": 400}, device_scale_factor=1)
        page.set_content(preview_html(form))
        page.screenshot(path=str(args.root / TARGET), full_page=True)
        browser.close()
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
