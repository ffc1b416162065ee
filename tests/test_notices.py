"""The COVID-19 banner: on every page while active, gone after its end date."""

import datetime

from support import build_site, html_files, notice_dates, soup_of

DAY = datetime.timedelta(days=1)
MESSAGE = "We are open and taking admissions at the residential level of care."


def banners(output):
    return {
        path.relative_to(output).as_posix(): soup_of(path).select(".app-notice")
        for path in html_files(output)
    }


def test_banner_is_on_every_page_while_active(all_documents):
    for url, soup in all_documents.items():
        banner = soup.select_one("section.app-notice")
        assert banner, url
        label = soup.find(id=banner["aria-labelledby"])
        assert label and "COVID-19" in label.get_text(), url
        assert MESSAGE in banner.get_text(), url


def test_banner_comes_before_the_header_and_main(all_documents):
    for url, soup in all_documents.items():
        order = [
            node.name for node in soup.body.find_all(["section", "header", "main"], recursive=False)
        ]
        assert order[:3] == ["section", "header", "main"], url


def test_raw_html_in_a_notice_is_shown_as_text_not_run(content_copy, tmp_path, build_day):
    notice = content_copy / "notices" / "covid-19.md"
    notice.write_text(
        notice.read_text().replace("We are open", "<script>x()</script> We are **open**")
    )
    result = build_site(tmp_path / "output", today=build_day, PATH=content_copy)
    assert result.ok, result.lines
    banner = soup_of(tmp_path / "output" / "index.html").select_one(".app-notice")
    assert banner.find("script") is None and "<script>x()</script>" in banner.get_text()
    assert banner.find("strong").get_text() == "open"


def test_banner_sentence_is_complete():
    """The seed's banner stopped mid-sentence ('taking residential level.')."""
    assert MESSAGE.endswith("level of care.")


def test_banner_is_gone_from_a_build_dated_after_its_end(tmp_path):
    _, end = notice_dates()
    result = build_site(tmp_path / "output", today=end + DAY)
    assert result.ok, result.lines
    assert not any(banners(tmp_path / "output").values())
    assert any("ended on" in line and "covid-19.md" in line for line in result.warnings)


def test_banner_shows_on_its_last_day_and_warns_it_ends_soon(tmp_path):
    _, end = notice_dates()
    result = build_site(tmp_path / "output", today=end)
    assert result.ok, result.lines
    assert all(banners(tmp_path / "output").values())
    warning = next(line for line in result.warnings if "ends soon" in line)
    assert warning.startswith("content/notices/covid-19.md:4: ")


def test_no_warning_while_the_end_is_more_than_14_days_away(tmp_path):
    _, end = notice_dates()
    result = build_site(tmp_path / "output", today=end - 14 * DAY)
    assert result.ok and not result.warnings, result.lines


def test_banner_is_not_shown_before_its_start(tmp_path):
    start, _ = notice_dates()
    result = build_site(tmp_path / "output", today=start - DAY)
    assert result.ok, result.lines
    assert not any(banners(tmp_path / "output").values())
