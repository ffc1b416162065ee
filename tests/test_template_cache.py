"""Compiled templates are kept between builds (pelicanconf.TemplateCache):
an edited template still reaches the next build, and copies of the theme
leave no files behind."""

import hashlib
import shutil
import time
from pathlib import Path

import pelican

from support import FIXTURE_SITE, ROOT, build_site

CACHE = ROOT / "cache" / "templates"
# Template names Pelican can load: our theme's, and its `simple` theme's for
# the outputs ours switches off (it still loads those templates).
TEMPLATES = [
    ROOT / "theme" / "templates",
    Path(pelican.__file__).parent / "themes/simple/templates",
]


def test_an_edited_template_reaches_the_next_build_and_copies_add_no_cache_files(tmp_path):
    """The cache never serves an old template, and it holds one file per
    template name, however many folders the theme is built from."""
    started = time.time() - 1
    themes = [tmp_path / "theme-a", tmp_path / "theme-b"]
    for theme in themes:
        shutil.copytree(ROOT / "theme", theme)
    base = themes[1] / "templates" / "base.html"
    base.write_text(
        base.read_text().replace('id="main-content"', 'id="main-content" data-edit="1"')
    )
    for name, theme in (("a", themes[0]), ("b", themes[1]), ("c", themes[0])):
        assert build_site(tmp_path / name, PATH=FIXTURE_SITE, THEME=str(theme)).ok
    assert 'data-edit="1"' in (tmp_path / "b" / "index.html").read_text()
    assert "data-edit" not in (tmp_path / "c" / "index.html").read_text()
    names = [path.relative_to(top).as_posix() for top in TEMPLATES for path in top.rglob("*.*")]
    keys = {f"__jinja2_{hashlib.sha1(name.encode()).hexdigest()}.cache" for name in names}
    written = {path.name for path in CACHE.iterdir() if path.stat().st_mtime >= started}
    assert written and written <= keys
