"""Every internal link, #fragment and asset of the built site resolves, and
every page can be reached from the home page (the release check's rules)."""

import urllib.parse

from tools import release_checks


def test_every_internal_link_asset_and_fragment_resolves(site):
    """Each href and src inside the site names a built file; each #part an id."""
    assert release_checks.broken_links(site) == []


def test_the_link_check_finds_a_broken_link_and_a_broken_fragment(tmp_path):
    """The check itself tells a dead link and a missing #id from good ones."""
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="/a/">ok</a> <a href="/a/#here">ok</a> <a href="/gone/">dead</a> '
        '<a href="#nowhere">dead</a> <a href="https://example.org/">other site</a>'
    )
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">Here</h2>')
    assert release_checks.broken_links(tmp_path) == [
        "/: link to a missing file /gone/",
        "/: link to a missing #nowhere (#nowhere)",
    ]


def test_every_page_can_be_reached_from_the_home_page(site, pages):
    """No page is an orphan: menus, footers or text lead to each one."""
    documents = release_checks.documents(site)
    seen, queue = {"/"}, ["/"]
    while queue:
        url = queue.pop()
        for address in release_checks.internal_links(documents[url]):
            target = release_checks.target_path(url, urllib.parse.urlsplit(address).path)
            if target in documents and target not in seen:
                seen.add(target)
                queue.append(target)
    assert set(pages) <= seen, set(pages) - seen
