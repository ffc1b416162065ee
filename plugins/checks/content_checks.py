"""Check every page an editor writes, in every build, before anything is published.

Runs after all content is read (`all_generators_finalized`), gathers every
problem (its own and those `center` and `notices` recorded), logs them one
line each, sorted, and raises `ContentError` when any must be fixed, so the
build stops and the site stays as it was. In a build alone in its process
the checks run beside the pages being written into the build's temporary
folder, and are heard before anything outlives the build (check_content). Each page's fields are checked
against the page schema (plugins/lib/fields.py), its HTML and summary against
the page allowlist (plugins/lib/sanitize.py), then its links, images and
reading grade. Which files may exist at all is plugins/reading/content_files.py's
question, asked before Pelican reads anything.

Settings, one dict: CONTENT_CHECKS = {
    "max_grade": 8.0,  # Flesch-Kincaid grade; above it is a warning
}
The build's mode (plugins/lib/build.py) decides the rest: in production
warnings are errors too (notes never) and placeholder details are refused;
in staging they are warnings; the preview allows them.
The theme's ids (#fragments every page has) are the site's THEME_IDS.
"""

import functools
import logging
import math
import os
import posixpath
import time
import urllib.parse

from pelican import signals

from ..lib import (
    beside,
    build,
    datafile,
    fields,
    meaning,
    person_first,
    readability,
    sanitize,
    sources,
    warm,
)
from ..lib.problems import (
    ADVICE,
    CONTEXT_KEY,
    ERROR,
    SINK_KEY,
    WARNING,
    ContentError,
    Problem,
    Refused,
    display_path,
    not_utf8,
    settings_of,
    strict,
)
from ..reading import redirects, translations

logger = logging.getLogger("content_checks")
# The settings keys of the checks running beside the build (check_content):
# the copy, when they began, and when the checks that refused it began.
BESIDE_KEY = "_CHECKS_BESIDE"
STARTED_KEY = "_CHECKS_STARTED"
REFUSED_KEY = "_CHECKS_REFUSED"
# Pelican's logger class drops a message it has logged before, for the life
# of the process: the live preview and the tests build many times, and the
# same problem must be reported on every build.
if hasattr(logger, "disable_filter"):
    logger.disable_filter()

DEFAULTS = {"max_grade": 8.0}
# What a placeholder detail of the center is, in each mode.
PLACEHOLDERS = {build.PREVIEW: None, build.STAGING: WARNING, build.PRODUCTION: ERROR}
# Pages checked in this process, by everything their checks read, and the
# elements of each page's HTML (every page's are link targets).
CHECKED = warm.Memo()
ELEMENTS = warm.Memo()
LINK_ATTRIBUTES = {"a": "href", "img": "src", "link": "href", "source": "src"}


def elements(markup):
    """(tag, {attribute: value}) of each element of a page's HTML, as a
    browser parses it (plugins/lib/sanitize.py); read, never changed, by callers."""
    found = ELEMENTS.get(markup)
    if found is None:
        parsed = sanitize.parse(markup, sanitize.PAGE).found
        found = ELEMENTS.put(markup, [(tag, dict(attrs)) for tag, attrs in parsed])
    return found


def line_of(text, needle, default):
    """The first line of the source that mentions `needle` (1-based)."""
    index = text.find(needle) if needle else -1
    return text.count("\n", 0, index) + 1 if index >= 0 else default


def line_of_address(text, address, default):
    """The line of a link: Pelican rewrote {filename} links, so look for the
    parts an editor typed (the fragment, the file name) as well."""
    parts = urllib.parse.urlsplit(address.split("}")[-1])
    needles = [
        address,
        address.split("}")[-1],
        f"#{parts.fragment}" if parts.fragment else "",
        posixpath.basename(parts.path.rstrip("/")),
    ]
    for needle in filter(None, needles):
        line = line_of(text, needle, 0)
        if line:
            return line
    return default


# --- The source file: metadata an editor writes -------------------------------


def check_source(path, today=None, schema=fields.PAGE, index=None):
    """Problems of one page's file, and its text (None if unreadable), from
    the build's one reading of it (`index`, plugins/lib/sources.py)."""
    where = display_path(path)
    index = index or sources.Sources()
    try:
        text = index.text(path)
    except datafile.NotUtf8 as error:
        return [not_utf8(where, error)], None
    except datafile.NotReadable as error:
        return [Problem(where, 1, error.what, error.fix)], None
    data = index.data(path)
    _, problems = fields.check(schema, data, where, today)
    if not data.body.strip():
        problems.append(
            Problem(
                where,
                data.body_line,
                "the page has no text",
                "write the page below the Key: value lines and a blank line",
            )
        )
    return problems, text


# --- The page as rendered: links, images and raw HTML ------------------------


def held_back_problem(href, held, where, line):
    """A link to a page production leaves out (plugins/reading/translations.py)."""
    source, state = held
    why = "its English page is gone" if state == "orphan" else "it is not ready"
    return Problem(
        where,
        line,
        f"link to {source} '{href}', which is not published: {why}",
        "remove the link, or redirect that address in content/redirects.txt",
    )


def link_problem(href, page_url, targets, where, line, siteurl="", kind="a", held=None):
    """A problem with one link or image address, or None."""
    if siteurl and href.startswith(siteurl + "/"):
        href = href[len(siteurl) :]
    if "{filename}" in href or "{static}" in href:
        return Problem(
            where,
            line,
            f"link to a missing file '{href}'",
            "check the file name under content/ (it is case-sensitive)",
        )
    parts = urllib.parse.urlsplit(href)
    if parts.scheme or parts.netloc or not (parts.path or parts.fragment):
        return None  # external links are checked on demand: invoke linkcheck
    path = page_url
    if parts.path:
        joined = posixpath.normpath(urllib.parse.urljoin("/" + page_url, parts.path))
        slash = "/" if parts.path.endswith("/") and joined != "/" else ""
        path = joined.lstrip("/") + slash
    if path not in targets and kind == "img":
        return Problem(
            where,
            line,
            f"image file not found '{href}'",
            "put the file in content/images/ or fix its name",
        )
    if path not in targets and path in (held or {}):
        return held_back_problem(href, held[path], where, line)
    if path not in targets:
        return Problem(
            where,
            line,
            f"link to a page that does not exist '{href}'",
            "link with {filename}path/to/page.md, or fix the address",
        )
    if parts.fragment and parts.fragment not in targets[path]:
        return Problem(
            where,
            line,
            f"link to a missing heading '#{parts.fragment}'",
            "use the id of a heading on that page (see EDITING.md)",
        )
    return None


def check_tag(tag, attrs, page, targets, where, source, siteurl, held=None):
    """Alt text and link targets of one element (what it may contain at all
    is the sanitizer's question: plugins/lib/sanitize.py)."""
    problems = []
    if tag == "img" and not (attrs.get("alt") or "").strip():
        problems.append(
            Problem(
                where,
                line_of(source, attrs.get("src", "!["), 1),
                "image without alt text",
                "describe the image: ![what it shows](file.jpg)",
            )
        )
    address = attrs.get(LINK_ATTRIBUTES.get(tag, ""))
    if address is not None and not sanitize_refuses(address, tag, siteurl):
        line = line_of_address(source, address, 1)
        problem = link_problem(address, page.url, targets, where, line, siteurl, tag, held)
        if problem:
            problems.append(problem)
    return problems


def sanitize_refuses(address, tag, siteurl):
    """True when the sanitizer already reports this address."""
    try:
        sanitize.check_url(address, tag, siteurl)
    except Refused:
        return True
    return False


def body_line(source):
    return datafile.parse("", source).body_line if source else 1


def html_problems(page, source, where, siteurl, page_files=None, parsed=None):
    """Everything in the page's HTML (body and summary) the allowlist refuses."""
    first = body_line(source)
    # The page as Markdown made it: the site's highlight of an open question
    # is added only as the page is written (page.html), never before the
    # checks (a highlight typed by an editor once hid markup from them).
    markup = page.content
    problems = sanitize.check(
        markup, sanitize.PAGE, where, source, first, siteurl, page_files=page_files, parsed=parsed
    )
    summary = page.metadata.get("summary")
    if isinstance(summary, str):
        line = line_of(source, "summary:", 1)
        problems += sanitize.check(
            summary, sanitize.SUMMARY, where, source, line, siteurl, "a summary"
        )
    return problems


def link_targets(pages, generator_context, theme_ids):
    """Every address inside the site, with the ids a #fragment can reach."""
    targets = {}
    for page in pages:
        ids = {attrs["id"] for _, attrs in elements(page.content) if attrs.get("id")}
        targets[page.url] = ids | set(theme_ids)
    for static in generator_context.get("staticfiles", []):
        # Pelican lists a {static} link to a missing file as static too.
        if os.path.exists(static.source_path):
            targets[static.url] = set()
    for save_as in generator_context.get("TEMPLATE_PAGES", {}).values():
        targets[save_as] = set(theme_ids)
    # An old address in content/redirects.txt leads on to its page.
    for old, new in generator_context.get("redirects", []):
        targets.setdefault(old.lstrip("/"), targets.get(new.lstrip("/"), set()))
    return targets


# --- The whole site ----------------------------------------------------------


def check_duplicates(pages, settings):
    problems, urls, titles = [], {}, {}
    addresses, folders = redirects.reserved_addresses(settings)
    for page in pages:
        where = display_path(page.source_path)
        title = str(page.title)
        address = "/" + page.url
        if address in addresses or any(address.startswith(folder) for folder in folders):
            problems.append(
                Problem(
                    where,
                    1,
                    f"the address {address} is one the site itself uses",
                    "rename the file (its name is the page's address)",
                )
            )
        if page.url in urls:
            problems.append(
                Problem(
                    where,
                    1,
                    f"same address as {urls[page.url]}",
                    "rename or move one of the two files",
                )
            )
        # Per language: a translation may keep a title that is a name.
        key = (page.lang, title)
        if key in titles:
            problems.append(
                Problem(where, 1, f"same title as {titles[key]}", "give each page its own title")
            )
        urls.setdefault(page.url, where)
        titles.setdefault(key, where)
    return problems


def check_page(page, source, targets, max_grade, held=None, page_files=None):
    where = display_path(page.source_path)
    siteurl = page.settings.get("SITEURL", "")
    # The page's HTML parsed once, as a browser parses it, for every check.
    parsed = sanitize.parse(page.content, sanitize.PAGE)
    problems = html_problems(page, source, where, siteurl, page_files, parsed)
    for tag, attrs in elements(page.content):
        problems += check_tag(tag, attrs, page, targets, where, source, siteurl, held)
    problems += reading_problems(page, where, source, max_grade)
    problems += text_problems(parsed, where, source)
    problems += meaning_problems(parsed, page, where, source)
    return problems


def meaning_problems(parsed, page, where, source):
    """Crisis help never hijacked; no link leads nowhere (plugins/lib/meaning.py)."""
    found = meaning.reserved_id_problems(parsed.found, page.settings.get("THEME_IDS", []))
    found += meaning.link_problems(parsed.links)
    first = body_line(source)
    labels = person_first.problems(parsed.prose, getattr(page, "lang", "en"))
    return [
        Problem(where, sanitize.line_of(source, needles, first), refused.what, refused.fix)
        for refused, needles in found
    ] + [
        Problem(where, sanitize.line_of(source, needles, first), refused.what, refused.fix, WARNING)
        for refused, needles in labels
    ]


def text_problems(parsed, where, source):
    """A page of headings only ("## Coming soon") is empty for a family: a
    warning in the preview, refused in production. A paragraph said twice
    (the center's old page did) is a warning at its second line."""
    paragraphs = [" ".join(text.split()) for text in parsed.paragraphs]
    if not any(paragraphs):
        return [
            Problem(
                where,
                body_line(source),
                "the page has no paragraph of text",
                "write at least one paragraph below the headings, or keep it as a draft "
                "(Status: draft) until it has one",
                WARNING,
            )
        ]
    seen, found = set(), []
    for text in paragraphs:
        if text and text in seen:
            # The second copy's line when the words are written plainly.
            start = source.find(text[:60])
            again = source.find(text[:60], start + 1) if start >= 0 else -1
            line = source.count("\n", 0, again) + 1 if again >= 0 else body_line(source)
            found.append(
                Problem(
                    where,
                    line,
                    f"the paragraph '{text[:50]}...' is on the page twice",
                    "delete one of them",
                    WARNING,
                )
            )
        seen.add(text)
    return found


def reading_problems(page, where, source, max_grade):
    """A warning when the page reads harder than a family reads easily."""
    if page.lang == "es":
        score = readability.inflesz(page.content)
        if score >= readability.MIN_INFLESZ:
            return []
        # Rounded toward the limit's side: 64.6 is "64", never "65 is below 65".
        what = f"INFLESZ score {math.floor(score)} is below {readability.MIN_INFLESZ:g}"
        fix = "use shorter sentences and everyday words (frases cortas, palabras comunes)"
    else:
        grade = readability.grade(page.content)
        if grade <= max_grade:
            return []
        what = f"reading grade {math.ceil(grade * 10) / 10:.1f} is above {max_grade:g}"
        fix = "use shorter sentences and everyday words"
    return [Problem(where, body_line(source), what, fix, WARNING)]


def placeholder_problems(center, mode):
    """One problem per center field that is still a placeholder: refused in
    production, a warning in staging, silent in the preview."""
    level = PLACEHOLDERS[mode]
    if level is None:
        return []
    source = center.get("source", {"path": "content/center.txt", "lines": {}})
    return [
        Problem(
            source["path"],
            source["lines"].get(key, 1),
            what,
            "enter the center's real details, write who confirmed them and when "
            "('Confirmed-by: Name, role' and 'Confirmed: YYYY-MM-DD'), and delete 'Status: placeholder'",
            level,
        )
        for key, what in center.get("placeholders", [])
    ]


def source_files(settings):
    """The page files Pelican reads: .md, no dotfiles, no dot folders."""
    for folder in settings["PAGE_PATHS"]:
        base = os.path.join(settings["PATH"], folder)
        for directory, folders, names in os.walk(base):
            folders[:] = sorted(name for name in folders if not name.startswith("."))
            for name in sorted(names):
                if name.endswith(".md") and not name.startswith("."):
                    yield os.path.join(directory, name)


def kept_checks(check, site_inputs, settings):
    """`check`, its problems kept by everything the checks of one page read
    (plugins/lib/warm.py): the page's HTML and source, its address and language,
    the site's link targets, and the settings."""
    site = warm.signature(site_inputs) + warm.settings_signature(settings)

    def kept(page, source):
        key = (os.path.abspath(page.source_path), page.content, source, page.url, page.lang, site)
        found = CHECKED.get(key)
        return found if found is not None else CHECKED.put(key, check(page, source))

    return kept


def check_site(context, settings, pages, drafts=()):
    """Every problem of the content, each one a `Problem`. Drafts are checked
    like pages (the preview shows them) but are no link target: they are
    never published, so a link to one would break on the live site."""
    options, problems = settings_of(settings, "content_checks", DEFAULTS)
    # A page reviewed after the build's day is reviewed in the future.
    today = build.today(settings)
    texts = {}
    for path in source_files(settings):
        found, text = check_source(
            path, today, translations.schema_for(path, settings), sources.of(settings)
        )
        problems += found
        texts[os.path.abspath(path)] = text or ""
    targets = link_targets(pages, context, settings.get("THEME_IDS", []))
    base = os.path.join(settings["PATH"], settings["PAGE_PATHS"][0])
    page_files = {
        page.url: os.path.relpath(page.source_path, base).replace(os.sep, "/")
        for page in [*pages, *drafts]
    }
    held = context.get("held_back_pages")
    check = functools.partial(
        check_page,
        targets=targets,
        max_grade=options["max_grade"],
        held=held,
        page_files=page_files,
    )
    if warm.enabled(settings):
        check = kept_checks(check, [targets, held, page_files, options["max_grade"]], settings)
    for page in [*pages, *drafts]:
        problems += check(page, texts.get(os.path.abspath(page.source_path), ""))
    problems += check_duplicates([*pages, *drafts], settings)
    problems += placeholder_problems(context.get("center", {}), build.mode(settings))
    problems += context.get(CONTEXT_KEY, [])
    if build.mode(settings) == build.PRODUCTION:
        problems = strict(problems)
    return sorted(set(problems))


def report(problems):
    for problem in problems:
        levels = {ERROR: logging.ERROR, WARNING: logging.WARNING, ADVICE: logging.WARNING}
        level = levels.get(problem.level, logging.INFO)
        logger.log(level, "%s", problem, extra={"problem": problem})


def check_content(generators):
    """Stop the build, before anything is published, when content must be
    fixed. In a fresh process the checks run beside the build (a forked
    copy, plugins/lib/beside.py) while the pages render into the build's
    own folder, which only a build that passed them replaces the site
    with; `settle` hears them once everything is written, or before a photo
    file is made. Elsewhere (a process that builds again, a thread, --debug)
    they run here, in line."""
    pages_generator = next(g for g in generators if hasattr(g, "hidden_pages"))
    settings = pages_generator.settings
    pages = pages_generator.pages + pages_generator.hidden_pages
    work = functools.partial(
        check_site, pages_generator.context, settings, pages, pages_generator.draft_pages
    )
    if beside.possible() and not warm.enabled(settings):
        # Links resolved here first, as the checks in line resolve them
        # (Pelican keeps the result): what Pelican says of a link it cannot
        # resolve is this process's, drafts' included (never rendered in
        # production).
        for page in [*pages, *pages_generator.draft_pages]:
            page.get_content(page.get_siteurl())
        settings[STARTED_KEY] = time.time()
        settings[BESIDE_KEY] = beside.Beside(
            functools.partial(check_site_in_a_copy, work), os.path.abspath(settings["PATH"])
        )
        return
    conclude(settings, work())


def check_site_in_a_copy(work):
    """In the copy: the problems, and whatever the checks logged."""
    heard = beside.Heard()
    logging.getLogger().addHandler(heard)
    return work(), heard.lines


def conclude(settings, problems):
    # Handed over as data to whoever runs the build (tools/sitebuild.py);
    # logged too, for the plain `pelican` command.
    settings.get(SINK_KEY, []).extend(problems)
    report(problems)
    errors = [problem for problem in problems if problem.level == ERROR]
    if errors:
        # A build in line stops here; one whose checks ran beside it went on
        # meanwhile, and what it logged since they began is not reported.
        settings[REFUSED_KEY] = settings.get(STARTED_KEY)
        raise ContentError(f"{len(errors)} content problem(s) must be fixed")


def settle(settings):
    """Wait for the checks running beside the build, if any: ContentError
    when the content must be fixed, beside.Crashed when they failed."""
    running = settings.pop(BESIDE_KEY, None)
    if running is not None:
        problems, lines = running.result()
        beside.log_again(lines)
        conclude(settings, problems)


def refused_since(settings):
    """When the checks that refused this build began, if they ran beside it:
    what its process logged since then a build in line never got to log."""
    return settings.get(REFUSED_KEY)


def settle_at_the_end(pelican):
    settle(pelican.settings)


def register():
    # All content is read but nothing written yet: the pages as Markdown made
    # them, before images and tables (later in PLUGINS) rewrite their HTML.
    signals.all_generators_finalized.connect(check_content)
    # Everything is written (into the build's own folder), before the pages
    # are minified and compressed (later in PLUGINS): a build that refused
    # nothing goes on.
    signals.finalized.connect(settle_at_the_end)
