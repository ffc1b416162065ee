"""Libraries' data files parsed once per version (plugins/lib/parsed_cache.py):
the kept parse answers as a fresh one does, and anything wrong with a kept
file means a fresh parse, never a failed build."""

import pyphen
from publicsuffixlist import PublicSuffixList

from plugins.lib import parsed_cache, readability, sanitize


def test_a_parse_is_kept_by_its_key(tmp_path, monkeypatch):
    monkeypatch.setattr(parsed_cache, "FOLDER", tmp_path / "parsed")
    parses = []

    def parse(value):
        parses.append(value)
        return {"parsed": value}

    assert parsed_cache.load("thing", ("1.0",), lambda: parse("a")) == {"parsed": "a"}
    assert parsed_cache.load("thing", ("1.0",), lambda: parse("b")) == {"parsed": "a"}
    assert parsed_cache.load("thing", ("2.0",), lambda: parse("c")) == {"parsed": "c"}
    assert parses == ["a", "c"]
    for kept in (tmp_path / "parsed").iterdir():
        kept.write_bytes(b"not a pickle")
    assert parsed_cache.load("thing", ("1.0",), lambda: parse("d")) == {"parsed": "d"}
    assert not list((tmp_path / "parsed").glob("*.part"))


def test_a_folder_that_cannot_be_written_parses_every_time(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file, not a folder")
    monkeypatch.setattr(parsed_cache, "FOLDER", blocked / "parsed")
    assert parsed_cache.load("thing", (), lambda: 42) == 42


def test_the_kept_public_suffix_list_answers_as_a_fresh_one():
    kept, fresh = (
        sanitize.public_suffixes(),
        PublicSuffixList(accept_unknown=False, only_icann=True),
    )
    hosts = [
        "www.nami.org",
        "a.b.example.co.uk",
        "988lifeline.org",
        "x.sandiegocounty.gov",
        "localhost",
    ]
    assert [kept.privatesuffix(h) for h in hosts] == [fresh.privatesuffix(h) for h in hosts]


def test_the_kept_dictionaries_hyphenate_as_fresh_ones():
    readability.textstat()  # puts the kept dictionaries in Pyphen's cache
    words = ["hospitalization", "medication", "psicoterapéuticas", "ambulatorio", "family"]
    for lang in readability.HYPHENATION:
        path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
        kept, fresh = pyphen.hdcache[path], pyphen.HyphDict(path)
        assert kept is not fresh
        assert [kept.positions(w) for w in words] == [fresh.positions(w) for w in words]
