"""Tables from content sit in a named, focusable box that scrolls sideways."""

import datetime
import shutil

from support import FIXTURE_SITE, build_site, soup_of

TABLE = "| Day | Times |\n| --- | --- |\n| Monday | 9 am to 12 pm |\n"


def test_a_table_is_boxed_in_a_named_focusable_region(tmp_path):
    """role=region, named after its first heading, reachable with Tab."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    page = content / "pages" / "about.md"
    page.write_text(page.read_text() + "\n" + TABLE)
    result = build_site(tmp_path / "out", today=datetime.date(2026, 12, 21), PATH=content)
    assert result.ok, result.lines
    box = soup_of(tmp_path / "out" / "about" / "index.html").select_one("main .app-table")
    assert box["role"] == "region" and box["tabindex"] == "0"
    assert box["aria-label"] == "Table: Day"
    assert box.find("table").find("td").get_text() == "Monday"
