"""Each page's address is worked out once (plugins/reading/addresses.py) and
is the address Pelican's own settings give it."""

from pelican import signals

from support import build_site


def test_every_kept_address_is_pelicans_own(tmp_path, build_day):
    seen = []

    def keep_pages(generators):
        pages = next(g for g in generators if hasattr(g, "hidden_pages"))
        seen.extend(pages.pages + pages.hidden_pages + pages.draft_pages)

    signals.all_generators_finalized.connect(keep_pages)
    try:
        result = build_site(tmp_path / "output", today=build_day)
    finally:
        signals.all_generators_finalized.disconnect(keep_pages)
    assert result.ok, result.lines
    assert len(seen) > 30
    for page in seen:
        # What Pelican gives without a kept address: the page's own "url"
        # (EXTRA_PATH_METADATA's, the home pages'), else its URL setting.
        key = "url" if page.in_default_lang else "lang_url"
        own = page.metadata.get("url", page._expand_settings(key))
        assert page.override_url == own, page.source_path
        assert (tmp_path / "output" / page.save_as).is_file()
