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

from ..lib import datafile, fields
from ..lib.problems import Problem, display_path, not_utf8, record, settings_of

DEFAULTS = {"path": "redirects.txt"}
# The nginx map our configuration generates (tools/nginx_conf.py) sets its
# map_hash_bucket_size so that every address up to this length fits
# (fields.parse_address refuses longer ones: "shorten it").
MAX_ADDRESS = fields.ADDRESS_MAX


# Files every build writes besides pages: no old address may take their
# place (a redirect from /sitemap.xml would hide the sitemap from search
# engines). Folders: the theme's files and the content's static folders.
GENERATED = ("sitemap.xml", "robots.txt", "_headers", "_redirects", "redirects.map")


def reserved_addresses(settings):
    """(addresses, folders) the build itself writes, as /addresses."""
    addresses = {f"/{name}" for name in GENERATED}
    for save_as_path in settings.get("TEMPLATE_PAGES", {}).values():
        addresses.add("/" + save_as_path.removesuffix("index.html"))
    # The preview's own lists: never published, but never a page's address.
    addresses |= {"/drafts/", "/confirm/"}
    folders = {f"/{folder}/" for folder in settings.get("STATIC_PATHS", [])}
    folders.add("/" + settings.get("FINGERPRINT", {}).get("url", "theme").strip("/") + "/")
    return addresses, folders


def collides(old, outputs):
    """Whether the redirect page for `old` would take the place of a file the
    build writes, or need a folder where it writes a file (/_headers/)."""
    target = save_as(old)
    parts = target.split("/")
    folders = {"/".join(parts[:end]) for end in range(1, len(parts))}
    return target in outputs or bool(folders & outputs)


def source_problem(old, known, reserved, seen, outputs=frozenset()):
    """Why an old address cannot be redirected, as (what, fix), or None."""
    addresses, folders = reserved
    last = old.rsplit("/", 1)[-1]
    if last == "index.html" or last.endswith((".gz", ".br")):
        return (
            f"'{old}' names a file of the site's own pages",
            "redirect the page's address instead, ending with /",
        )
    if last and "." not in last:
        return (
            f"'{old}' does not end with /",
            f"write '{old}/': a visitor's '{old}' reaches it too",
        )
    if old in known:
        return f"'{old}' is a page of the site", "redirect only addresses that no page uses"
    if (
        old in addresses
        or any(old.startswith(folder) for folder in folders)
        or collides(old, outputs)
    ):
        return (
            f"'{old}' is a file the site itself writes",
            "redirect only addresses of retired pages",
        )
    if old in seen:
        return (
            f"'{old}' is redirected twice (first on line {seen[old]})",
            "keep one of the two lines",
        )
    return None


def parse_line(text, number, where, known, reserved, seen, problems, outputs=frozenset()):
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
    problems += found
    if found:
        return None
    old, new = values["old"], values["new"]
    refused = source_problem(old, known, reserved, seen, outputs)
    if refused is None and new not in known:
        refused = (
            f"'{new}' is not a page of the site",
            "redirect to the address of an existing page",
        )
    if refused:
        problems.append(Problem(where, number, *refused))
        return None
    seen[old] = number
    return old, new


def read_redirects(path, known, reserved=(set(), set()), outputs=frozenset()):
    """([(old, new)], problems) from the redirects file, if there is one."""
    where, redirects, problems, seen = display_path(path), [], [], {}
    if not os.path.exists(path):
        return redirects, problems
    try:
        text = datafile.read_text(path)
    except datafile.NotUtf8 as error:
        return redirects, [not_utf8(where, error)]
    except datafile.NotReadable as error:
        return redirects, [Problem(where, 1, error.what, error.fix)]
    for number, char in [(line, char) for line, _, char in datafile.invisible_characters(text)]:
        problems.append(
            Problem(
                where,
                number,
                f"an invisible character ({datafile.character_name(char)})",
                "delete it: retype the line",
            )
        )
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.split("#", 1)[0].strip()
        if line:
            found = parse_line(line, number, where, known, reserved, seen, problems, outputs)
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
        # An old address may not be a draft's or hidden page's either: the
        # preview writes those where the redirect would go.
        others = self.context.get("hidden_pages", []) + self.context.get("draft_pages", [])
        addresses, folders = reserved_addresses(self.settings)
        reserved = (addresses | {"/" + page.url for page in others}, folders)
        path = os.path.join(self.settings["PATH"], options["path"])
        self.redirects, problems = read_redirects(path, known, reserved, self.outputs())
        # Links to an old address are links to its page (content_checks).
        self.context["redirects"] = self.redirects
        record(self.context, unknown + problems)

    def outputs(self):
        """Every file the build writes besides the redirects, as relative paths."""
        pages = [
            *self.context.get("pages", []),
            *self.context.get("hidden_pages", []),
            *self.context.get("draft_pages", []),
        ]
        found = {page.save_as for page in pages if page.save_as}
        found |= {static.save_as for static in self.context.get("staticfiles", [])}
        found |= set(self.settings.get("TEMPLATE_PAGES", {}).values())
        found |= set(GENERATED)
        return frozenset(found)

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
