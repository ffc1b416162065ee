"""Photos made for the web: responsive, light, and without metadata.

An editor puts a photo in content/images/ and writes, in a page,
`![What the photo shows]({static}/images/photo.jpg)` (or
`![decorative](...)` for a picture that carries no information). The site
publishes no original: each photo becomes a <picture> with AVIF and WebP
sources and a JPEG (or PNG) fallback in several widths, with `srcset`,
`sizes`, `width` and `height` (no layout shift) and `loading="lazy"` below
the top of the page. Every file written is re-encoded by Pillow, which
copies no EXIF, GPS, XMP or ICC data: a phone photo's location never ships.

Why our own and not a Pelican image plugin: pelican-image-process (the
maintained one) needs a class on every image an editor writes, is
AGPL-licensed, caches by file times, and reports problems as log lines, not
as `file:line` problems the build gathers; Pillow does the real work here.

Variants are cached by the source's content hash (CACHE_PATH/images), so a
rebuild after one edit re-encodes nothing (tools/bench_images.py measures it).

Settings, one dict: IMAGES = {
    "path": "images",                 # folder inside the content folder
    "widths": [400, 800, 1200],       # widths made, capped at the photo's own
    "formats": ["avif", "webp"],      # modern sources, before the fallback
    "quality": 70,
    "sizes": "(min-width: 44rem) 42rem, 100vw",  # the text column
    "min_width": 400,                 # a narrower source is refused
}
"""

import functools
import hashlib
import html
import os
import shutil
import warnings
from html.parser import HTMLParser

from pelican import signals

from ..checks import content_checks
from ..lib import markup
from ..lib.problems import SINK_KEY, ContentError, Problem, display_path, record, settings_of

DEFAULTS = {
    "path": "images",
    "widths": [400, 800, 1200],
    "formats": ["avif", "webp"],
    "quality": 70,
    "sizes": "(min-width: 44rem) 42rem, 100vw",
    "min_width": 400,
}
DECORATIVE = "decorative"
ORIENTATION = 0x0112  # the EXIF tag
MIME = {"avif": "image/avif", "webp": "image/webp", "jpg": "image/jpeg", "png": "image/png"}


class Attributes(HTMLParser):
    """The attributes of one tag."""

    def __init__(self, tag):
        super().__init__(convert_charrefs=True)
        self.attrs = {}
        self.feed(tag)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.attrs = dict(attrs)

    handle_startendtag = handle_starttag


def image_name(src, folder):
    """The file name inside the images folder an <img src> names, or None."""
    path = src.split("}", 1)[-1] if src.startswith("{") else src
    path = path.split("?", 1)[0].lstrip("/")
    return path[len(folder) + 1 :] if path.startswith(folder + "/") else None


def page_images(page, folder):
    """[(img tag, attributes, file name)] of the photos a page places."""
    found = []
    content = page._content or ""
    for start, end in markup.tags(content, "img"):
        tag = content[start:end]
        attrs = Attributes(tag).attrs
        name = image_name(attrs.get("src", ""), folder)
        if name:
            found.append((tag, attrs, name))
    return found


# --- Checks: before anything is made ---------------------------------------------


def line_in(source_path, needle):
    try:
        with open(source_path, encoding="utf-8", errors="replace") as source:
            for number, line in enumerate(source, start=1):
                if needle in line:
                    return number
    except OSError:
        pass
    return 1


# A phone's photo has 12 to 48 million pixels; more is a picture that would
# take the build's memory (a "decompression bomb": a small file of huge size).
MAX_PIXELS = 60_000_000
SAVE_AGAIN = "open it in a photo editor and export it again as JPEG or PNG, then put it back"


def unreadable(error):
    """(what, fix) for a photo the build cannot read: the editor's file, never
    a bug in the site."""
    from PIL import Image

    if isinstance(error, PermissionError):
        return "the photo cannot be opened (no permission to read it)", "copy the photo in again"
    if isinstance(error, Image.DecompressionBombError):
        return (
            "the photo has far too many pixels to open",
            f"save a smaller copy: at most {MAX_PIXELS // 1_000_000} million pixels",
        )
    if "truncated" in str(error):
        return "the photo is cut short (the file is incomplete)", SAVE_AGAIN
    return "the file is not a picture the site can read", SAVE_AGAIN


def source_problem(path, options):
    """What is wrong with a photo's source file, as (what, fix), or None."""
    from PIL import Image

    if not os.path.isfile(path):
        return None  # content_checks reports a missing file
    # A file over 20 MB never gets here: plugins/reading/content_files.py refuses it
    # before Pelican reads anything. Opening reads the header only.
    try:
        with warnings.catch_warnings():
            # Pillow warns of a big picture; its size is checked just below.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        return unreadable(error)
    if width * height > MAX_PIXELS:
        return (
            f"the photo has {width * height // 1_000_000} million pixels",
            f"save a smaller copy: at most {MAX_PIXELS // 1_000_000} million (e.g. 6000 x 4000)",
        )
    if width < options["min_width"]:
        return (
            f"the photo is {width} px wide",
            f"use one at least {options['min_width']} px wide: it would look blurred",
        )
    return None


def check_images(generator):
    """Record a problem for each placed photo that cannot be published."""
    options, problems = settings_of(generator.settings, "images", DEFAULTS)
    folder = os.path.join(generator.settings["PATH"], options["path"])
    for page in generator.pages + generator.hidden_pages + generator.draft_pages:
        for _, _, name in page_images(page, options["path"]):
            found = source_problem(os.path.join(folder, name), options)
            if found:
                where = display_path(page.source_path)
                problems.append(Problem(where, line_in(page.source_path, name), *found))
    record(generator.context, problems)


# --- Variants: made once per source, cached by its content --------------------------


def fallback_format(image):
    return "png" if image.mode in ("RGBA", "LA", "P") else "jpg"


def encode(image, fmt, quality, target):
    """Write one variant; Pillow copies no metadata unless asked to."""
    image = image if fmt == "png" or image.mode == "RGB" else image.convert("RGB")
    if fmt == "jpg":
        image.save(target, "JPEG", quality=quality + 8, optimize=True, progressive=True)
    elif fmt == "png":
        image.save(target, "PNG", optimize=True)
    else:
        image.save(target, fmt.upper(), quality=quality)


def widths_for(width, wanted):
    """The widths to make: those below the photo's own, and the largest it allows."""
    top = min(width, max(wanted))
    return sorted({w for w in wanted if w < top} | {top})


def oriented_size(image):
    """(width, height) as shown, read from the header: EXIF orientations 5 to
    8 turn the photo a quarter."""
    turned = image.getexif().get(ORIENTATION, 1) in (5, 6, 7, 8)
    return (image.height, image.width) if turned else image.size


def variants(path, options, cache, before_making=lambda: None):
    """(digest, {format: [(width, cached file)]}, (width, height) of the
    largest). Pixels are decoded only when a variant is not cached yet,
    and `before_making()` is called first (the checks must have passed)."""
    from PIL import Image, ImageOps

    with open(path, "rb") as source:
        digest = hashlib.sha256(source.read()).hexdigest()[:16]
    with Image.open(path) as opened:
        width, height = oriented_size(opened)
        formats = [*options["formats"], fallback_format(opened)]
        plan = [(w, round(height * w / width)) for w in widths_for(width, options["widths"])]
        made = {fmt: [] for fmt in formats}
        photo = None
        for size in plan:
            resized = None
            for fmt in formats:
                target = os.path.join(cache, f"{digest}-{size[0]}-q{options['quality']}.{fmt}")
                if not os.path.exists(target):
                    before_making()
                    photo = photo or ImageOps.exif_transpose(opened)
                    resized = resized or photo.resize(size, Image.Resampling.LANCZOS)
                    # A part file of our own, renamed when whole: builds
                    # running at once (tests in parallel) share the cache.
                    part = f"{target}.{os.getpid()}.part"
                    encode(resized, fmt, options["quality"], part)
                    os.replace(part, target)
                made[fmt].append((size[0], target))
    return digest, made, plan[-1]


# --- The page: <img> becomes <picture> ----------------------------------------------


def published_name(name, digest, width, fmt):
    stem = os.path.splitext(name)[0]
    return f"{stem}-{digest[:8]}-{width}.{fmt}"


def picture(attrs, name, made, size, options, urlbase, eager, digest):
    def srcset(fmt):
        return ", ".join(
            f"{urlbase}/{published_name(name, digest, w, fmt)} {w}w" for w, _ in made[fmt]
        )

    sizes = html.escape(options["sizes"])
    fallback = list(made)[-1]
    alt = attrs.get("alt", "")
    alt = "" if alt.strip().lower() == DECORATIVE else alt
    sources = "".join(
        f'<source type="{MIME[fmt]}" srcset="{srcset(fmt)}" sizes="{sizes}">'
        for fmt in list(made)[:-1]
    )
    middle = made[fallback][len(made[fallback]) // 2][0]
    loading = 'fetchpriority="high"' if eager else 'loading="lazy"'
    return (
        f'<picture class="app-picture">{sources}<img src="{urlbase}/'
        f'{published_name(name, digest, middle, fallback)}" srcset="{srcset(fallback)}" '
        f'sizes="{sizes}" width="{size[0]}" height="{size[1]}" alt="{html.escape(alt)}" '
        f'{loading} decoding="async"></picture>'
    )


def first_image_is_near_the_top(content, tag):
    """Above the first subheading: likely on the first screen, so not lazy."""
    headings = markup.tags(content, "h2")
    return not headings or content.find(tag) < headings[0][0]


def make_pictures(generators):
    """After the content checks (once they have passed, for a photo file not
    made yet): make the variants, rewrite the pages, and keep the originals
    (with their metadata) out of the output."""
    pages_generator = next(g for g in generators if hasattr(g, "hidden_pages"))
    settings = pages_generator.settings
    options, _ = settings_of(settings, "images", DEFAULTS)
    folder = os.path.join(settings["PATH"], options["path"])
    cache = os.path.join(settings.get("CACHE_PATH", "cache"), "images")
    os.makedirs(cache, exist_ok=True)
    urlbase = f"{settings.get('SITEURL', '')}/{options['path']}"
    to_write = {}
    problems = []
    # The checks may still run beside the build (content_checks.check_content):
    # no photo file is made before they have passed.
    checked = functools.partial(content_checks.settle, settings)
    for page in pages_generator.pages + pages_generator.hidden_pages + pages_generator.draft_pages:
        for index, (tag, attrs, name) in enumerate(page_images(page, options["path"])):
            try:
                digest, made, size = variants(os.path.join(folder, name), options, cache, checked)
            except (OSError, ValueError, SyntaxError) as error:
                # Only decoding finds some damage (a truncated JPEG): the
                # editor's file, named with its fix, never "a bug".
                where = display_path(page.source_path)
                problems.append(Problem(where, line_in(page.source_path, name), *unreadable(error)))
                continue
            eager = index == 0 and first_image_is_near_the_top(page._content, tag)
            markup = picture(attrs, name, made, size, options, urlbase, eager, digest)
            page._content = page._content.replace(tag, markup, 1)
            forget_rendered(page)
            for fmt, files in made.items():
                for width, cached in files:
                    to_write[published_name(name, digest, width, fmt)] = cached
    if problems:
        settings.get(SINK_KEY, []).extend(problems)
        raise ContentError(f"{len(problems)} photo(s) cannot be read")
    drop_originals(generators, options["path"])
    write_variants(to_write, os.path.join(settings["OUTPUT_PATH"], options["path"]))


def forget_rendered(page):
    """Pelican memoizes a page's rendered content, and the checks have read
    it already: drop this page's entries so the pictures are written."""
    cache = page.get_content.cache
    for key in [key for key in cache if key and key[0] is page]:
        del cache[key]


def drop_originals(generators, folder):
    for generator in generators:
        if hasattr(generator, "staticfiles"):
            generator.staticfiles[:] = [
                static
                for static in generator.staticfiles
                if not static.relative_source_path.startswith(folder + os.sep)
            ]


def write_variants(files, target):
    """Copy the variants into the output (a fresh folder: tools/sitebuild.py)."""
    if files:
        os.makedirs(target, exist_ok=True)
    for name, cached in sorted(files.items()):
        shutil.copyfile(cached, os.path.join(target, name))


def register():
    # Pages read, checks not yet run: record what cannot be published.
    signals.page_generator_finalized.connect(check_images)
    # After content_checks (listed before us): only a clean build makes files.
    signals.all_generators_finalized.connect(make_pictures)
