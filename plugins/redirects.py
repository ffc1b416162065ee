"""Redirects from retired or alternative addresses, for every kind of host.

The list is one file editors own, `content/redirects.txt`: one redirect per
line, `old-address new-address`, `#` starts a comment. The build writes it
out three ways, so whichever host serves the site honours it:

- `_redirects`: Netlify and Cloudflare Pages (301s);
- `redirects.map`: an nginx `map` include (our nginx configuration uses it);
- a small page at each old address (GitHub Pages and any plain host): it
  points to the new page at once and is never indexed.

Settings, one dict: REDIRECTS = {"path": "redirects.txt"} inside the content
folder.
"""

import os

from pelican import signals
from pelican.generators import Generator

from . import datafile, fields
from .problems import Problem, display_path, record, settings_of

DEFAULTS = {"path": "redirects.txt"}
# The nginx map our configuration generates (tools/nginx_conf.py) sets its
# map_hash_bucket_size so that every address up to this length fits
# (fields.parse_address refuses longer ones: "shorten it").
MAX_ADDRESS = fields.ADDRESS_MAX


def parse_line(text, number, where, known, problems):
    """(old, new) of one line, or None after recording what is wrong."""
    parts = text.split()
    if len(parts) != 2:
        problems.append(
            Problem(
                where,
                number,
                "a redirect needs two addresses",
                "write: /old-address/ /new-address/",
            )
        )
        return None
    # The two addresses are this line's fields: the one field checker reads
    # them (site address, at most MAX_ADDRESS characters: "shorten it").
    line = datafile.DataFile(
        where, {"old": parts[0], "new": parts[1]}, {"old": number, "new": number}
    )
    values, found = fields.check(fields.REDIRECT, line, where)
    problems += found[:1]
    if found:
        return None
    old, new = values["old"], values["new"]
    if old in known:
        problems.append(
            Problem(
                where,
                number,
                f"'{old}' is a page of the site",
                "redirect only addresses that no page uses",
            )
        )
        return None
    if new not in known:
        problems.append(
            Problem(
                where,
                number,
                f"'{new}' is not a page of the site",
                "redirect to the address of an existing page",
            )
        )
        return None
    return old, new


def read_redirects(path, known):
    """([(old, new)], problems) from the redirects file, if there is one."""
    where, redirects, problems = display_path(path), [], []
    if not os.path.exists(path):
        return redirects, problems
    with open(path, encoding="utf-8", errors="replace") as lines:
        for number, line in enumerate(lines, start=1):
            text = line.split("#", 1)[0].strip()
            if text:
                found = parse_line(text, number, where, known, problems)
                if found:
                    redirects.append(found)
    return redirects, problems


def save_as(address):
    return address.lstrip("/") + ("index.html" if address.endswith("/") else "")


class RedirectsGenerator(Generator):
    """Reads the redirects after the pages (it needs their addresses)."""

    def generate_context(self):
        options, unknown = settings_of(self.settings, "redirects", DEFAULTS)
        known = {"/" + page.url for page in self.context.get("pages", [])}
        path = os.path.join(self.settings["PATH"], options["path"])
        self.redirects, problems = read_redirects(path, known)
        # Links to an old address are links to its page (content_checks).
        self.context["redirects"] = self.redirects
        record(self.context, unknown + problems)

    def generate_output(self, writer):
        siteurl = self.settings.get("SITEURL", "")
        template = self.get_template("redirect")
        # One rendering per page redirected to, written at each old address:
        # ten thousand redirects to a few pages are a few renderings.
        rendered = {}
        for old, new in self.redirects:
            if new not in rendered:
                context = dict(self.context, target=siteurl + new)
                rendered[new] = template.render(context)
            path = os.path.join(self.output_path, save_as(old))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as out:
                out.write(rendered[new])
            signals.content_written.send(path, context=self.context)
        self.write_text("_redirects", "".join(f"{old} {new} 301\n" for old, new in self.redirects))
        self.write_text("redirects.map", "".join(f"{old} {new};\n" for old, new in self.redirects))

    def write_text(self, name, text):
        with open(os.path.join(self.output_path, name), "w", encoding="utf-8") as out:
            out.write(text)


def get_generators(pelican):
    return RedirectsGenerator


def register():
    signals.get_generators.connect(get_generators)
