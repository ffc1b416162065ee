"""Which files may be in the content folder: an allowlist, checked first.

Runs on `initialized`, before Pelican reads a single file, because Pelican
walks the content folder following symbolic links: a link to / would make
it walk the whole disk, and a link to /etc/passwd would publish that file.
The walk here never follows a link; every link is an error naming it.

- pages and notices are Markdown files ending in `.md`; facts are
  `Key: value` files ending in `.txt` (plugins/reading/facts.py);
- images are jpg, jpeg, png, webp, avif or gif (not svg: it can carry
  scripts), at most 20 MB; downloads are pdf, at most 10 MB;
- names are lower-case letters, digits and hyphens (the error suggests one);
- dotfiles (.DS_Store, ._x, .env) are never published: Pelican skips them
  (IGNORE_FILES in pelicanconf.py), so they are no error here;
- the required pages (the home page) exist.

Problems go to the build's sink as data (tools/sitebuild.py prints them)
and are logged for the plain `pelican` command; any error stops the build.

Settings, one dict: CONTENT_FILES = {
    "folders": {folder: [extensions, max bytes or 0], ...},  # see DEFAULTS
    "top_files": ["center.txt", "redirects.txt", "README.md"],
    "required": ["pages/index.md"],
}
"""

import logging
import os
import re
import stat
import unicodedata

from pelican import signals

from ..lib.problems import ERROR, SINK_KEY, ContentError, Problem, display_path, settings_of

logger = logging.getLogger("content_checks")

IMAGES = [".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif"]
DEFAULTS = {
    "folders": {
        # 200 KB of text: a page ten times the size that fits its budget;
        # every check reads it in seconds (tools/bench_content.py).
        "pages": [[".md"], 200_000],
        "notices": [[".md"], 200_000],
        "facts": [[".txt"], 20_000],
        "images": [IMAGES, 20_000_000],
        "files": [[".pdf"], 10_000_000],
    },
    "top_files": ["center.txt", "redirects.txt", "README.md"],
    "required": ["pages/index.md"],
}
NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# folder: (what its files are, the fix for a file of another kind)
KINDS = {
    "pages": ("a page", "rename it to '{md}' (pages are Markdown files)"),
    "notices": ("a notice", "rename it to '{md}' (notices are Markdown files)"),
    "facts": ("a fact", "rename it to '{txt}' (facts are Key: value files)"),
    "images": ("an image", "save it as .jpg or .png (an .svg can carry scripts)"),
    "files": ("a download", "save it as a PDF, or remove it"),
}


def printable(path):
    """A path an editor's terminal can show, whatever bytes the name has; a
    name that starts or ends with a space (or is only spaces) is quoted, so
    the message shows it."""
    text = os.fsencode(path).decode("utf-8", "replace")
    folder, name = os.path.split(text)
    if name != name.strip():
        return os.path.join(folder, repr(name))
    return text


def suggested(name):
    """A name made of lower-case letters, digits and hyphens."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "page"


def problem(path, what, fix):
    return Problem(printable(display_path(path)), 1, what, fix)


def name_problem(path, is_folder):
    """A problem when a file or folder name is not lower-case-and-hyphens."""
    name = os.path.basename(path)
    stem, extension = (name, "") if is_folder else os.path.splitext(name)
    if NAME.fullmatch(stem) and extension == extension.lower():
        return None
    better = suggested(stem) + extension.lower()
    return problem(
        path,
        f"the name '{printable(name)}' has capitals, spaces or signs",
        f"rename it to '{better}' (lower-case letters, digits and hyphens)",
    )


def kind_problem(path, folder, rule):
    """A problem when a file is not of a kind its folder holds, or too big."""
    extensions, max_bytes = rule
    if not stat.S_ISREG(os.lstat(path).st_mode):
        return special_file_problem(path)
    name = os.path.basename(path)
    stem, extension = os.path.splitext(name)
    if extension.lower() not in extensions:
        kind, fix = KINDS.get(folder, (folder, "remove it"))
        return problem(
            path,
            f"'{printable(name)}' is not {kind} file ({', '.join(extensions)})",
            fix.format(md=suggested(stem) + ".md", txt=suggested(stem) + ".txt"),
        )
    size = os.lstat(path).st_size
    if max_bytes and size > max_bytes:
        # The same words as plugins/rendering/images.py, which checks photos it makes.
        noun = "photo" if folder == "images" else "file"
        if max_bytes < 5_000_000:  # text: kilobytes say more
            return problem(
                path,
                f"the {noun} is {size // 1000} KB",
                f"split it: at most {max_bytes // 1000} KB",
            )
        return problem(
            path,
            f"the {noun} is {round(size / 1_000_000)} MB",
            f"use one of at most {max_bytes // 1_000_000} MB",
        )
    return None


def special_file_problem(path):
    """A pipe, a socket or a device: reading one could wait forever (the
    nightly publish would hang), so it is named before anything reads it."""
    return problem(
        path,
        "this is not a file of text (a pipe, a socket or a device)",
        "delete it: content/ holds pages, pictures and downloads only",
    )


def entry_problems(path, is_folder, folder, options):
    """Problems of one file or folder under the content folder."""
    if os.path.islink(path):
        return [
            problem(
                path,
                "this is a link to another file or folder",
                "put the real file here instead (a link could publish files from outside content/)",
            )
        ]
    top = folder is None
    if not is_folder and not stat.S_ISREG(os.lstat(path).st_mode):
        return [special_file_problem(path)]
    if top and not is_folder and os.path.basename(path) in options["top_files"]:
        return []
    if top and (is_folder and os.path.basename(path) in options["folders"]):
        return []
    if top:
        known = ", ".join([*options["folders"], *options["top_files"]])
        return [
            problem(
                path,
                "the content folder does not use this",
                f"move it or delete it; content/ holds: {known}",
            )
        ]
    found = [name_problem(path, is_folder)]
    if not is_folder:
        found.append(kind_problem(path, folder, options["folders"][folder]))
    return [p for p in found if p]


def walk(base, options):
    """Every problem of the tree, never following a link, skipping dotfiles."""
    problems = []
    for directory, folders, files in os.walk(base, followlinks=False):
        relative = os.path.relpath(directory, base)
        folder = None if relative == "." else relative.split(os.sep)[0]
        for name in sorted(folders) + sorted(files):
            path = os.path.join(directory, name)
            if name.startswith(".") and not os.path.islink(path):
                continue  # never published (IGNORE_FILES), so no error
            problems += entry_problems(path, name in folders, folder, options)
        if folder is None:  # unknown top folders are reported, not entered
            folders[:] = [name for name in folders if name in options["folders"]]
        # Not into links (os.walk lists them as folders) nor dot folders.
        folders[:] = [
            name
            for name in folders
            if not name.startswith(".") and not os.path.islink(os.path.join(directory, name))
        ]
    return problems


def missing_required(base, options):
    return [
        problem(
            os.path.join(base, required),
            "this required page is missing",
            f"restore it (git checkout -- content/{required}) or write it again",
        )
        for required in options["required"]
        if not os.path.isfile(os.path.join(base, required))
    ]


def check_files(settings):
    """Every problem with the files of the content folder."""
    options, problems = settings_of(settings, "content_files", DEFAULTS)
    base = settings["PATH"]
    if not os.path.isdir(base):
        return problems + [
            Problem(
                printable(display_path(base)),
                0,
                "the content folder is missing",
                "run the build from the project folder, or restore content/ from git",
            )
        ]
    return problems + walk(base, options) + missing_required(base, options)


def refuse_unsafe_files(pelican):
    """Stop the build before Pelican reads anything when a file is refused."""
    problems = sorted(set(check_files(pelican.settings)))
    pelican.settings.get(SINK_KEY, []).extend(problems)
    for found in problems:
        logger.error("%s", found, extra={"problem": found})
    if any(found.level == ERROR for found in problems):
        raise ContentError(f"{len(problems)} content file problem(s) must be fixed")


def register():
    # initialized: after settings, before any generator walks the folder
    # (Pelican's walk follows links; ours must come first).
    signals.initialized.connect(refuse_unsafe_files)
