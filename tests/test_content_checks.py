"""Every mistake an editor can make stops the build with one clear line,
and the last good site stays byte for byte as it was.

Each scenario folder in tests/content/ holds the files that, laid over a
copy of the real content, make one mistake.
"""

import re
import shutil
import subprocess
import sys

import pytest

from support import FIXTURE_SITE, ROOT, build_site, tree_digest
from tools import sitebuild

CORPUS = ROOT / "tests" / "content"
# scenario: (file inside content/, line, words the message must contain)
MISTAKES = {
    "missing_title": ("pages/missing-title.md", 1, "missing title"),
    "empty_summary": ("pages/empty-summary.md", 2, "missing summary"),
    "long_summary": ("pages/long-summary.md", 2, "the summary is 202 characters"),
    "missing_reviewed": ("pages/missing-reviewed.md", 1, "missing reviewed"),
    "bad_date": ("pages/bad-date.md", 3, "'26/11/2026' is not a date"),
    "unknown_key": ("pages/unknown-key.md", 4, "did you mean 'Next-review'?"),
    "broken_page_link": ("pages/broken-page-link.md", 7, "link to a missing file"),
    "broken_fragment": ("pages/broken-fragment.md", 7, "missing heading '#no-such-heading'"),
    "broken_address": ("pages/broken-address.md", 7, "page that does not exist '/old-iop-page/'"),
    "broken_image": ("pages/broken-image.md", 7, "image file not found"),
    "image_without_alt": ("pages/image-without-alt.md", 7, "image without alt text"),
    "script_tag": ("pages/script-tag.md", 7, "<script> in a page"),
    "iframe_tag": ("pages/iframe-tag.md", 7, "<iframe> in a page"),
    "object_tag": ("pages/object-tag.md", 7, "<object> in a page"),
    "embed_tag": ("pages/embed-tag.md", 7, "<embed> in a page"),
    "event_handler": ("pages/event-handler.md", 7, "inline event handler 'onclick'"),
    "javascript_url": ("pages/javascript-url.md", 7, "unsafe link 'javascript:"),
    "data_url": ("pages/data-url.md", 7, "unsafe link 'data:"),
    "form_tag": ("pages/form-tag.md", 7, "<form> in a page"),
    "duplicate_title": (
        "pages/(duplicate-title|about).md",
        1,
        "same title",
    ),
    "duplicate_url": ("pages/(es|es/index).md", 1, "same address"),
    "empty_page": ("pages/empty-page.md", 5, "the page has no text"),
    "not_utf8": ("pages/not-utf8.md", 5, "not UTF-8"),
    "notice_missing_dates": ("notices/en/covid-19.md", 1, "missing start"),
    "notice_unknown_level": ("notices/en/covid-19.md", 2, "level: 'red-alert' is not allowed"),
    "notice_unsafe_link": ("notices/en/covid-19.md", 6, "unsafe link 'javascript:alert"),
    "center_bad_phone": ("center.txt", 2, "'call us anytime' is not a phone number"),
    "center_missing_field": ("center.txt", 1, "missing city"),
    "redirect_to_missing_page": ("redirects.txt", 2, "is not a page of the site"),
    # HTML by allowlist (plugins/lib/sanitize.py): what is not allowed is refused.
    "tab_in_scheme": ("pages/tab-in-scheme.md", 7, "unsafe link 'javascript:alert(1)'"),
    "notice_reference_link": ("notices/en/covid-19.md", 8, "unsafe link 'javascript:alert(1)'"),
    "meta_refresh": ("pages/meta-refresh.md", 7, "<meta> in a page - remove it; pages may use:"),
    "referrer_policy": ("pages/referrer-policy.md", 7, "'referrerpolicy' attribute on <a>"),
    "insecure_link": (
        "pages/insecure-link.md",
        7,
        "insecure link 'http://partner-clinic.org/' - use https://",
    ),
    "protocol_relative_link": ("pages/protocol-relative-link.md", 7, "- use https://"),
    # A link copied from the preview (and made https:// as an older message
    # advised) would lead families to the editor's own computer.
    "preview_link": (
        "pages/preview-link.md",
        7,
        "link to '127.0.0.1', which is no public website (a preview, this computer or a "
        "private network) - to link to that page of this site, write ({filename}/pages/about.md)",
    ),
    "private_network_link": (
        "pages/private-network-link.md",
        7,
        "'files.office.lan', which is no public",
    ),
    "style_attribute": ("pages/style-attribute.md", 7, "'style' attribute on <p>"),
    "svg_inline": ("pages/svg-inline.md", 7, "<svg> in a page"),
    "image_from_elsewhere": ("pages/image-from-elsewhere.md", 7, "image from another website"),
    "summary_html": ("pages/summary-html.md", 2, "unsafe link 'javascript:alert(1)'"),
    "table_alignment": (
        "pages/table-alignment.md",
        8,
        "remove the colons from the table's divider",
    ),
    # Fields by schema (plugins/lib/fields.py): editors' fields only, typed, in range.
    "template_field": ("pages/template-field.md", 4, "'Template' is not an editor's field"),
    "url_field": ("pages/url-field.md", 4, "'Url' is not an editor's field"),
    "save_as_field": ("pages/save-as-field.md", 4, "'Save-as' is not an editor's field"),
    "reviewed_in_future": ("pages/reviewed-in-future.md", 3, "2030-01-01 is in the future"),
    "reviewed_year_9999": ("pages/reviewed-year-9999.md", 3, "'9999-12-31' is not a likely date"),
    "date_with_dashes": ("pages/date-with-dashes.md", 3, "'26 - 11 - 2026' is not a date"),
    "next_review_before_reviewed": (
        "pages/next-review-before-reviewed.md",
        4,
        "2026-01-01 is before Reviewed",
    ),
    "nav_order_out_of_range": ("pages/nav-order-out-of-range.md", 4, "1000 is out of range"),
    "unknown_section": ("pages/unknown-section.md", 4, "section: 'blog' is not allowed"),
    "center_bad_hours": ("center.txt", 8, "'25:00' in 'Su 25:00-29:30' is not a time of day"),
    # Files by allowlist (plugins/reading/content_files.py), before Pelican reads any.
    "markdown_extension": ("pages/old-page.markdown", 1, "rename it to 'old-page.md'"),
    "raw_html_page": ("pages/raw.html", 1, "'raw.html' is not a page file"),
    "name_with_space": ("pages/new page.md", 1, "rename it to 'new-page.md'"),
    "svg_image": ("images/logo.svg", 1, "'logo.svg' is not an image file"),
    "download_not_pdf": ("files/setup.exe", 1, "'setup.exe' is not a download file"),
    "unknown_top_file": ("notes.txt", 1, "the content folder does not use this"),
    # Round 2: the checks read what Pelican and browsers read.
    "form_feed_template": ("pages/form-feed-template.md", 3, "an invisible character (U+000C"),
    "comment_meta_refresh": ("pages/comment-meta-refresh.md", 7, "<meta> in a page"),
    "stray_main_close": ("pages/stray-main-close.md", 9, "a closing </main> with no opening tag"),
    "bidi_override_title": ("pages/bidi-override-title.md", 1, "U+202E RIGHT-TO-LEFT OVERRIDE"),
    "nul_in_text": ("pages/nul-in-text.md", 7, "an invisible character (U+0000"),
    # Crisis help cannot be hijacked, and no link leads nowhere.
    "crisis_id": ("pages/crisis-id.md", 8, "the id 'crisis-help' on <p> is the site's own"),
    "wrong_crisis_number": (
        "pages/wrong-crisis-number.md",
        7,
        "the link says 988 but dials +16195550000 - make it tel:988",
    ),
    "wrong_phone_number": ("pages/wrong-phone-number.md", 7, "shows 619-555-0142 but dials"),
    "crisis_number_to_website": ("pages/crisis-number-to-website.md", 7, "the link names 911"),
    "empty_link": ("pages/empty-link.md", 7, "a link with no words"),
}


# Scenarios that fail for a reason outside these checks, until it is fixed.
def content_with(tmp_path, scenario):
    """The fixture site with one scenario's files laid over it (fixed words:
    an edit to the real content never changes what a scenario tests)."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    shutil.copytree(CORPUS / scenario, content, dirs_exist_ok=True)
    return content


@pytest.fixture(scope="module")
def good_output(tmp_path_factory, build_day):
    """A good site already built: every bad build must leave it untouched."""
    output = tmp_path_factory.mktemp("good") / "output"
    assert build_site(output, today=build_day).ok
    return output, tree_digest(output)


def test_every_scenario_folder_is_in_the_table():
    folders = {path.name for path in CORPUS.iterdir() if path.is_dir()}
    assert folders == set(MISTAKES) | {"several_mistakes"}


@pytest.mark.parametrize("scenario", sorted(MISTAKES))
def test_mistake_stops_the_build_with_one_line_and_keeps_the_site(
    scenario, tmp_path, good_output, build_day, capsys
):
    output, before = good_output
    path, line, words = MISTAKES[scenario]
    content = content_with(tmp_path, scenario)
    code = sitebuild.main(
        ["--content", str(content), "--output", str(output), "--as-of", build_day.isoformat()]
    )
    printed = capsys.readouterr().err.splitlines()
    assert code == 1
    pattern = re.compile(rf"content/{path}:{line}: \S.* - \S")
    assert any(pattern.search(text) and words in text for text in printed), printed
    assert not any("Traceback" in text or "build failed" in text for text in printed), printed
    assert tree_digest(output) == before


def test_the_same_problem_is_reported_on_every_build(tmp_path, build_day):
    """The live preview builds again and again in one process."""
    content = content_with(tmp_path, "script_tag")
    for attempt in range(2):
        result = build_site(tmp_path / f"output{attempt}", today=build_day, PATH=content)
        assert any("script-tag.md:7: <script> in a page" in line for line in result.errors)
        assert not any(line.startswith("build failed") for line in result.errors)


def test_every_problem_is_reported_not_just_the_first(tmp_path, build_day):
    content = content_with(tmp_path, "several_mistakes")
    result = build_site(tmp_path / "output", today=build_day, PATH=content)
    assert not result.ok
    mine = [line for line in result.errors if "several.md" in line]
    assert len(mine) >= 3, result.errors
    assert any("did you mean 'Title'?" in line for line in mine)
    assert any(":3: reviewed: 'tomorrow' is not a date" in line for line in mine)


def test_command_line_build_exits_non_zero_without_a_traceback(tmp_path, good_output, build_day):
    output, before = good_output
    content = content_with(tmp_path, "script_tag")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "tools.sitebuild",
            "--content",
            str(content),
            "--output",
            str(output),
            "--as-of",
            build_day.isoformat(),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "script-tag.md:7: <script> in a page" in run.stderr
    assert tree_digest(output) == before


def test_hard_reading_is_a_warning_in_development(tmp_path, build_day):
    content = content_with(tmp_path, "missing_title")
    (content / "pages" / "missing-title.md").write_text(
        "Title: Dense\nSummary: A dense page.\nReviewed: 2026-11-26\n\n"
        "Multidisciplinary biopsychosocial interventions necessitate comprehensive "
        "organizational coordination notwithstanding considerable heterogeneity.\n"
    )
    result = build_site(tmp_path / "output", today=build_day, PATH=content)
    assert result.ok
    assert any("missing-title.md:5: reading grade" in line for line in result.warnings)


def placeholder_content(tmp_path):
    """The fixture site with the fictional phone number and Status line."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    center = content / "center.txt"
    center.write_text(
        center.read_text()
        .replace("858-555-0234", "619-555-0142")
        .replace("Country: US", "Country: US\nStatus: placeholder")
    )
    return content


def test_warnings_and_placeholders_are_errors_in_production(tmp_path, build_day, monkeypatch):
    """Production refuses every placeholder field, each on its own line."""
    monkeypatch.delenv("STAGING", raising=False)
    content = placeholder_content(tmp_path)
    result = build_site(tmp_path / "output", "publishconf.py", today=build_day, PATH=content)
    assert not result.ok
    assert any(
        "center.txt:2: the phone number 619-555-0142 is fictional" in line for line in result.errors
    ), result.errors
    assert not (tmp_path / "output").exists()


def test_staging_production_build_only_warns_about_placeholders(tmp_path, build_day, monkeypatch):
    """STAGING=1: a review build shows placeholders as warnings."""
    monkeypatch.setenv("STAGING", "1")
    content = placeholder_content(tmp_path)
    result = build_site(tmp_path / "output", "publishconf.py", today=build_day, PATH=content)
    assert result.ok, result.lines
    assert any("619-555-0142 is fictional" in line for line in result.warnings)


def test_an_unknown_plugin_setting_is_named(tmp_path, build_day):
    """A typo in a plugin's settings dict would otherwise do nothing, silently."""
    result = build_site(
        tmp_path / "output", today=build_day, NOTICES={"path": "notices", "warn_dayz": 3}
    )
    assert not result.ok
    assert (
        "pelicanconf.py: notices: unknown key 'warn_dayz' - use only: path, warn_days"
        in result.errors
    )


def test_a_bug_in_the_site_is_one_line_not_a_traceback(good_output, build_day):
    """A crash in our code (here: a setting of the wrong type) names the step
    and says the editor's text is not to blame; the site stays as it was."""
    output, before = good_output
    result = build_site(output, today=build_day, CENTER={"path": 5})
    assert not result.ok
    (line,) = [line for line in result.errors if "build failed" in line]
    assert line.startswith("while running ")
    assert line.endswith(
        "this is a bug in the site, not your text — please report it (`python -m tools.sitebuild --debug` shows the details)"
    )
    assert tree_digest(output) == before


@pytest.mark.parametrize(
    "body",
    [
        "## Coming soon\n",
        "# Family nights\n\n## Coming soon\n\n### Details\n",
        "## Soon\n\n- a list\n",
    ],
)
def test_a_page_without_a_paragraph_is_a_warning_that_production_refuses(
    tmp_path, build_day, monkeypatch, body
):
    """Headings alone are an empty page for a family: the preview builds it
    and says so; production refuses it, naming the file and line."""
    monkeypatch.delenv("STAGING", raising=False)
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content)
    (content / "pages" / "soon.md").write_text(
        f"Title: Family nights\nSummary: Soon.\nReviewed: 2026-11-26\n\n{body}"
    )
    preview = build_site(tmp_path / "preview", today=build_day, PATH=content)
    assert preview.ok
    expected = "soon.md:5: the page has no paragraph of text - write at least one paragraph"
    assert any(expected in line for line in preview.warnings), preview.warnings
    production = build_site(tmp_path / "live", "publishconf.py", today=build_day, PATH=content)
    assert not production.ok
    assert any(expected in line for line in production.errors), production.errors
