"""The web editor's configuration (Decap CMS), generated from the one field
schema (plugins/lib/fields.py) and the content folder's own layout.

Nothing here is written by hand twice: each form field is a schema field
(its name, whether it is required, its choices and range, and its "why" as
the hint under it), so the editor and the build cannot drift
(tests/editor/test_editor_config.py fails if they do). What the editor does
not know, the build checks at every save (tools/editor_backend.py): no
pattern is copied into the browser.

Collections, one per kind of file:
- pages, one collection per folder of content/pages/ (a folder collection
  lists only its own files; Decap's "nested" collections assume
  folder/index.md pages, which this site does not use);
- the Spanish pages likewise, each with a picker of the English page it
  translates;
- notices, English and Spanish side by side (i18n, a folder per language);
- the facts the center answers; the center's details; the old addresses.

Two backends: "local" (the preview's own server on this machine, a save
goes straight into content/ once the checks pass) and "github" (the real
site: each save a branch and a pull request, merged by a reviewer).
"""

import json
import os

from plugins.lib import fields

# The order the form shows a page's fields in, and the order a new file
# writes them (tools/editor/iop-editor.js keeps an existing file's order).
PAGE_ORDER = (
    "title",
    "nav_title",
    "nav_order",
    "section",
    "summary",
    "reviewed",
    "reviewed_by",
    "next_review",
    "status",
    "to_confirm",
    "photo",
    "photo_alt",
)
TRANSLATION_ORDER = (
    "title",
    "nav_title",
    "summary",
    "translation_of",
    "translation_checked",
    "status",
    "to_confirm",
    "photo",
    "photo_alt",
)
# Words a person reads in the form; a field not listed shows fields.label().
LABELS = {
    "nav_title": "Menu title",
    "nav_order": "Menu position",
    "reviewed": "Reviewed on",
    "reviewed_by": "Reviewed by",
    "next_review": "Next review due",
    "status": "Status",
    "to_confirm": "To confirm (for the center)",
    "translation_of": "Translation of (the English page)",
    "translation_checked": "Translator's check",
    "answer_es": "Answer in Spanish",
    "confirmed_by": "Confirmed by",
    "confirmed": "Confirmed on",
    "postal_code": "ZIP code",
    "photo_alt": "What the photo shows",
}
CHOICE_LABELS = {"draft": "Draft: not on the site", "placeholder": "Placeholder: not real yet"}
BODY = {
    "name": "body",
    "label": "Text",
    # A plain text box: the Markdown is kept exactly as typed. Decap's
    # Markdown widget rewrites a page in its rich-text mode (escapes "[[",
    # changes list markers), and in its raw mode (Slate) Chrome drops what
    # is typed after a space at a line's end and inserts U+FEFF (Decap
    # issues #5092, #6556).
    "widget": "text",
    "hint": "Markdown, as EDITING.md shows: ## for a heading, - for a list, "
    "[words](address) for a link.",
}
DATE = {
    "widget": "datetime",
    "format": "YYYY-MM-DD",
    "date_format": "YYYY-MM-DD",
    "time_format": False,
    "picker_utc": True,
}
FORMATS = {"page": "iop-page", "data": "iop-data", "redirects": "iop-redirects"}
# A folder of Markdown files with a Title, each a new entry by its slug
# (the pages' folders and the notices).
MARKDOWN_FOLDER = {
    "extension": "md",
    "format": FORMATS["page"],
    "create": True,
    "slug": "{{slug}}",
    "identifier_field": "title",
    "summary": "{{title}}",
}


def widget(name, field):
    """The form field for one schema field."""
    spec = {
        "name": name,
        "label": LABELS.get(name, fields.label(name).replace("-", " ")),
        "required": field.required,
        "hint": field.why,
    }
    if field.kind in ("date", "past-date"):
        spec.update(DATE)
    elif field.kind == "photo":
        # Uploaded into content/images/ under a name the folder allows
        # (tools/editor_backend.py names it); written {static}/images/x.jpg.
        spec.update(widget="image", choose_url=False, allow_multiple=False)
    elif field.kind == "integer":
        spec.update(widget="number", value_type="int", min=field.low, max=field.high)
    elif field.kind == "choice":
        options = [{"label": CHOICE_LABELS.get(c, c), "value": c} for c in field.choices]
        spec.update(widget="select", options=options)
    elif field.kind == "description" or name.startswith("answer"):
        spec.update(widget="text")
    else:
        spec.update(widget="string")
    return spec


def form(schema_fields, order):
    """The form of one kind of file, in `order`, then any other field."""
    names = [n for n in order if n in schema_fields]
    names += [n for n in schema_fields if n not in names]
    return [widget(name, schema_fields[name]) for name in names]


def page_folders(content):
    """Folders of content/pages/ holding pages, English first, as paths
    relative to pages/ ("" is pages/ itself); hidden folders never."""
    pages = os.path.join(content, "pages")
    found = []
    for here, folders, files in os.walk(pages):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        if any(f.endswith(".md") for f in files) or here == pages:
            found.append(os.path.relpath(here, pages).replace(os.sep, "/").removeprefix("."))
    # English pages first, then the Spanish edition's folders.
    return sorted(found, key=lambda folder: (folder == "es" or folder.startswith("es/"), folder))


def english_pages(content):
    """[(path under pages/, title)] of every English page: the picker of a
    Spanish page's Translation-of."""
    from plugins.lib import datafile

    pages = os.path.join(content, "pages")
    found = []
    for here, folders, files in os.walk(pages):
        folders[:] = sorted(f for f in folders if not f.startswith(".") and f != "es")
        if os.path.relpath(here, pages).split(os.sep)[0] == "es":
            continue
        for name in sorted(files):
            if name.endswith(".md") and not name.startswith("."):
                path = os.path.join(here, name)
                relative = os.path.relpath(path, pages).replace(os.sep, "/")
                try:
                    title = datafile.read(path).fields.get("title", "")
                except (OSError, ValueError):
                    title = ""
                found.append((relative, title))
    return found


def folder_label(content, folder, spanish):
    """ "Pages: Intensive outpatient" from the folder's own page title."""
    from plugins.lib import datafile

    if not folder or folder == "es":
        return "Páginas (español)" if spanish else "Pages"
    page = os.path.join(content, "pages", folder + ".md")
    title = ""
    if os.path.isfile(page):
        try:
            title = datafile.read(page).fields.get("nav_title") or ""
        except (OSError, ValueError):
            title = ""
    title = title or folder.rsplit("/", 1)[-1].replace("-", " ").capitalize()
    return f"Páginas: {title}" if spanish else f"Pages: {title}"


def page_collections(content):
    english = english_pages(content)
    choices = [{"label": f"{title} ({path})", "value": path} for path, title in english]
    collections = []
    for folder in page_folders(content):
        spanish = folder == "es" or folder.startswith("es/")
        if spanish:
            schema_form = form(fields.TRANSLATION_FIELDS, TRANSLATION_ORDER)
            for spec in schema_form:
                if spec["name"] == "translation_of":
                    spec.update(widget="select", options=choices)
        else:
            schema_form = form(fields.PAGE_FIELDS, PAGE_ORDER)
        name = "pages" + ("-" + folder.replace("/", "-") if folder else "")
        collections.append(
            {
                "name": name,
                "label": folder_label(content, folder, spanish),
                "label_singular": "página" if spanish else "page",
                "folder": "content/pages" + ("/" + folder if folder else ""),
                **MARKDOWN_FOLDER,
                "sortable_fields": ["title"],
                "fields": [*schema_form, BODY],
            }
        )
    return collections


def notices_collection():
    notice = form(fields.NOTICE_FIELDS, ("title", "level", "start", "end"))
    for spec in notice:
        if spec["name"] == "title":
            spec["i18n"] = True
    return {
        "name": "notices",
        "label": "Notices (site banner)",
        "label_singular": "notice",
        "folder": "content/notices",
        **MARKDOWN_FOLDER,
        # English and Spanish side by side: notices/en/x.md and notices/es/x.md.
        "i18n": True,
        "fields": [
            *notice,
            dict(
                BODY, label="Message", hint="One or two short sentences; a link is fine.", i18n=True
            ),
        ],
    }


def facts_collection():
    return {
        "name": "facts",
        "label": "Facts the center confirms",
        "label_singular": "fact",
        "folder": "content/facts",
        "extension": "txt",
        "format": FORMATS["data"],
        # New facts come with the pages that ask them (a developer's change).
        "create": False,
        "delete": False,
        "identifier_field": "question",
        "summary": "{{question}} ({{owner}})",
        "fields": form(fields.FACT_FIELDS, tuple(fields.FACT_FIELDS)),
    }


def one_file(name, label, kind, file_label, fields_of_file):
    """A collection of one file of content/ (Decap reads a format per
    collection, not per file, so each such file has its own)."""
    return {
        "name": name,
        "label": label,
        "format": FORMATS[kind],
        "extension": "txt",
        "files": [
            {
                "name": name,
                "label": file_label,
                "file": f"content/{name}.txt",
                "fields": fields_of_file,
            }
        ],
    }


def center_collection():
    center = form(fields.CENTER_FIELDS, tuple(fields.CENTER_FIELDS))
    return one_file(
        "center", "The center's details", "data", "Name, phone, address and hours", center
    )


def redirects_collection():
    old_addresses = {
        "name": "redirects",
        "label": "Old addresses",
        "label_singular": "old address",
        "widget": "list",
        "summary": "{{fields.old}} → {{fields.new}}",
        "fields": form(fields.REDIRECT_FIELDS, ("old", "new")),
    }
    return one_file(
        "redirects",
        "Old addresses",
        "redirects",
        "Old addresses and where they lead",
        [old_addresses],
    )


def backend(kind, repo="", branch="main", base_url=""):
    if kind == "local":
        return {"name": "proxy", "proxy_url": "/admin/api/v1", "branch": branch}
    return {
        "name": "github",
        "repo": repo,
        "branch": branch,
        "base_url": base_url,
        "auth_endpoint": "admin/oauth/auth",
        "commit_messages": {
            "create": "Create {{collection}} “{{slug}}” (web editor)",
            "update": "Update {{collection}} “{{slug}}” (web editor)",
            "delete": "Delete {{collection}} “{{slug}}” (web editor)",
            "uploadMedia": "Upload “{{path}}” (web editor)",
            "deleteMedia": "Delete “{{path}}” (web editor)",
        },
    }


def config(content, kind="local", repo="", branch="main", base_url="", site_url=""):
    """The whole configuration, as Decap reads config.yml."""
    settings = {
        "backend": backend(kind, repo, branch, base_url),
        "media_folder": "content/images",
        "public_folder": "{static}/images",
        "locale": "en",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "i18n": {"structure": "multiple_folders", "locales": ["en", "es"], "default_locale": "en"},
        "collections": [
            *page_collections(content),
            notices_collection(),
            facts_collection(),
            center_collection(),
            redirects_collection(),
        ],
    }
    if kind != "local":
        # Every save a branch and a pull request; the tests run on it, and
        # merging it into main publishes.
        settings["publish_mode"] = "editorial_workflow"
    if site_url:
        settings["site_url"] = settings["display_url"] = site_url
    return settings


def as_yaml(settings):
    """config.yml: JSON is YAML, and needs no YAML writer (nor its quoting
    traps: 'no' read as false, '0123' as a number)."""
    return json.dumps(settings, indent=2, ensure_ascii=False) + "\n"
