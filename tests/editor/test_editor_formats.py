"""The web editor reads and writes our files as the build does: one reader
(editor/iop-formats.js agrees with plugins/lib/datafile.py on every file of
content/ and on the awkward ones), and a save changes only what the form
changed (an untouched file is written back byte for byte)."""

import json
import subprocess
from pathlib import Path

import pytest

from plugins.lib import datafile
from support import CONTENT, ROOT, require_tool
from tools import editor_config

CLI = ROOT / "tests" / "editor" / "formats_cli.js"
PAGE_KEYS = [f["name"] for f in editor_config.page_collections(str(CONTENT))[0]["fields"]]
FACT_KEYS = [f["name"] for f in editor_config.facts_collection()["fields"]]


def run(jobs):
    require_tool("node")
    done = subprocess.run(
        ["node", str(CLI)], input=json.dumps(jobs), capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def format_of(path):
    name = Path(path).name
    if name == "redirects.txt":
        return "iop-redirects"
    return "iop-data" if name.endswith(".txt") else "iop-page"


def content_files():
    return sorted(
        p
        for p in CONTENT.rglob("*")
        if p.is_file() and p.suffix in (".md", ".txt") and not p.name.startswith(".")
    )


def test_every_file_of_content_is_written_back_byte_for_byte():
    files = content_files()
    assert len(files) > 60
    jobs = [
        {"format": format_of(p), "text": p.read_text(encoding="utf-8"), "keys": PAGE_KEYS}
        for p in files
    ]
    for path, answer in zip(files, run(jobs), strict=True):
        assert answer["written"] == path.read_text(encoding="utf-8"), path


def test_the_editor_reads_every_file_as_the_build_does():
    files = [p for p in content_files() if p.name != "redirects.txt"]
    jobs = [{"format": format_of(p), "text": p.read_text(encoding="utf-8")} for p in files]
    for path, answer in zip(files, run(jobs), strict=True):
        data = datafile.read(path)
        read = dict(answer["data"])
        body = read.pop("body", None)
        assert read == data.fields, path
        if body is not None:
            assert body == data.body, path


AWKWARD = [
    "Title: A\nSummary: one\n    two\n\tthree\n\nBody\n",  # continuations
    "title: lower\nNAV-ORDER: 3\n\nBody\n",  # any case, - or _
    "Title: First\nTitle: Again\n    more\n\nBody\n",  # a repeated key
    "Title: A\nnot a field\n\nBody\n",  # a stray line
    "No header here\n\nTitle: not a field\n",  # no header at all
    "Title: A\r\nSummary: b\r\n\r\nBody\r\n",  # Windows line ends
    "Title: Colon: in: value\nSummary:\n\nBody",  # colons, empty value, no final newline
    "Title: A\n  \nBody\n",  # a blank line of spaces ends the header
    "\ufeffTitle: BOM\n\nBody\n",
]


@pytest.mark.parametrize("text", AWKWARD)
def test_awkward_files_are_read_alike_and_written_back_alike(text):
    (answer,) = run([{"format": "iop-page", "text": text, "keys": PAGE_KEYS}])
    data = datafile.parse("x.md", text.lstrip("\ufeff").replace("\r\n", "\n"))
    read = dict(answer["data"])
    assert read.pop("body") == data.body
    assert read == data.fields
    assert answer["written"] == text


def edit(text, keys=PAGE_KEYS, format="iop-page", **data):
    (answer,) = run([{"format": format, "text": text, "keys": keys, "data": data}])
    return answer["written"]


PAGE = (
    "Title: Privacy\nNav-title: Privacy\nSection: footer\n"
    "Summary: A long summary that goes\n    on a second line.\nReviewed: 2026-11-26\n\n"
    "Your privacy matters.\n\n## This website\n\n- It sets no cookies.\n"
)


def test_a_changed_field_is_one_changed_line_under_its_own_label():
    written = edit(PAGE.replace("Title:", "title:"), title="Privacy and this website")
    assert written == PAGE.replace("Title: Privacy", "title: Privacy and this website")


def test_a_field_left_alone_keeps_its_lines_and_an_emptied_one_loses_them():
    assert edit(PAGE, nav_title="") == PAGE.replace("Nav-title: Privacy\n", "")
    summary = "A long summary that goes on a second line."
    assert edit(PAGE, summary=summary) == PAGE  # the same words: the same two lines


def test_a_new_field_goes_after_the_one_the_form_shows_before_it():
    written = edit(PAGE, nav_order=40, reviewed_by="Dr. Ana Ruiz, MD")
    assert written.startswith(
        "Title: Privacy\nNav-title: Privacy\nNav-order: 40\nSection: footer\n"
    )
    assert "Reviewed: 2026-11-26\nReviewed-by: Dr. Ana Ruiz, MD\n\nYour privacy" in written


def test_a_changed_text_keeps_the_header_and_ends_with_a_newline():
    written = edit(PAGE, body="Your privacy matters a lot.")
    header = PAGE.split("\n\n", 1)[0]
    assert written == header + "\n\nYour privacy matters a lot.\n"


def test_a_value_typed_over_two_lines_is_written_on_one():
    written = edit(PAGE, title="Privacy\nand this website")
    assert written.startswith("Title: Privacy and this website\n")


def test_a_new_file_writes_the_forms_fields_in_its_order():
    (answer,) = run(
        [
            {
                "format": "iop-page",
                "text": "",
                "keys": PAGE_KEYS,
                "data": {
                    "__source": None,
                    "summary": "What we do.",
                    "title": "Family support",
                    "reviewed": "2026-11-27",
                    "body": "We help families.",
                },
            }
        ]
    )
    assert answer["written"] == (
        "Title: Family support\nSummary: What we do.\nReviewed: 2026-11-27\n\nWe help families.\n"
    )


def test_a_fact_is_answered_in_place():
    fact = "Question: The days groups meet\nOwner: admissions\n"
    written = edit(
        fact,
        keys=FACT_KEYS,
        format="iop-data",
        answer="Monday and Thursday",
        answer_es="lunes y jueves",
        confirmed_by="Maria Lopez, Admissions Director",
        confirmed="2026-11-27",
    )
    assert written == fact + (
        "Answer: Monday and Thursday\nAnswer-es: lunes y jueves\n"
        "Confirmed-by: Maria Lopez, Admissions Director\nConfirmed: 2026-11-27\n"
    )


REDIRECTS = "# Old addresses\n# one per line\n/iop/ /intensive-outpatient/\n/a/ /b/  # why\n"


def test_old_addresses_keep_their_comments_and_take_a_new_line():
    (same,) = run([{"format": "iop-redirects", "text": REDIRECTS}])
    assert same["written"] == REDIRECTS
    assert same["data"]["redirects"] == [
        {"old": "/iop/", "new": "/intensive-outpatient/"},
        {"old": "/a/", "new": "/b/"},
    ]
    added = edit(
        REDIRECTS,
        format="iop-redirects",
        redirects=[*same["data"]["redirects"], {"old": "/family/", "new": "/families/"}],
    )
    assert added == REDIRECTS + "/family/ /families/\n"
    removed = edit(REDIRECTS, format="iop-redirects", redirects=same["data"]["redirects"][1:])
    assert removed == "# Old addresses\n# one per line\n/a/ /b/  # why\n"
