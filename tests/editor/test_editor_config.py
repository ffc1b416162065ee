"""The editor's forms are the field schema (plugins/lib/fields.py), not a copy:
every field, whether it is required, its choices and range, and its hint
come from the schema; every kind of content has its collection."""

import json

import pytest

from plugins.lib import fields
from support import CONTENT, content_pages
from tools import editor_config

CONFIG = editor_config.config(str(CONTENT))
BY_NAME = {c["name"]: c for c in CONFIG["collections"]}


def forms():
    """(schema fields, form fields) of each kind of file the editor writes."""
    for collection in CONFIG["collections"]:
        if collection["name"].startswith("pages"):
            spanish = collection["folder"].startswith("content/pages/es")
            schema = fields.TRANSLATION_FIELDS if spanish else fields.PAGE_FIELDS
            yield (
                collection["name"],
                schema,
                [f for f in collection["fields"] if f["name"] != "body"],
            )
    yield (
        "notices",
        fields.NOTICE_FIELDS,
        [f for f in BY_NAME["notices"]["fields"] if f["name"] != "body"],
    )
    yield "facts", fields.FACT_FIELDS, BY_NAME["facts"]["fields"]
    yield "center", fields.CENTER_FIELDS, BY_NAME["center"]["files"][0]["fields"]
    yield (
        "redirects",
        fields.REDIRECT_FIELDS,
        BY_NAME["redirects"]["files"][0]["fields"][0]["fields"],
    )


@pytest.mark.parametrize(
    "name, schema, form", list(forms()), ids=lambda x: x if isinstance(x, str) else ""
)
def test_each_form_is_its_schema(name, schema, form):
    names = [f["name"] for f in form]
    assert len(names) == len(set(names)) and set(names) == set(schema), name
    for spec in form:
        field = schema[spec["name"]]
        assert spec["required"] == field.required, spec["name"]
        assert spec["hint"] == field.why, spec["name"]
        if field.kind == "choice":
            assert [o["value"] for o in spec["options"]] == list(field.choices)
        if field.kind == "integer":
            assert (spec["min"], spec["max"]) == (field.low, field.high)
        if field.kind in ("date", "past-date"):
            assert spec["widget"] == "datetime" and spec["format"] == "YYYY-MM-DD"
        if field.kind == "photo":
            assert spec["widget"] == "image"


def test_every_folder_of_pages_has_its_collection_and_every_page_is_listed():
    folders = {c["folder"] for c in CONFIG["collections"] if c["name"].startswith("pages")}
    for url, data in content_pages().items():
        folder = str(data.path.parent.relative_to(CONTENT.parent))
        assert folder in folders, url


def test_a_spanish_page_picks_its_english_page_from_a_list():
    spanish = [
        c for c in CONFIG["collections"] if c.get("folder", "").startswith("content/pages/es")
    ]
    english = {
        str(d.path.relative_to(CONTENT / "pages"))
        for d in content_pages().values()
        if not str(d.path.relative_to(CONTENT / "pages")).startswith("es/")
    }
    assert spanish
    for collection in spanish:
        (picker,) = [f for f in collection["fields"] if f["name"] == "translation_of"]
        assert picker["widget"] == "select"
        assert english <= {o["value"] for o in picker["options"]}


def test_the_text_is_a_plain_text_box_never_rewritten():
    """Decap's Markdown widget rewrites pages (rich text) or loses typing
    (raw mode in Chrome): the text is a plain text box everywhere."""
    for collection in CONFIG["collections"]:
        for spec in collection.get("fields", []):
            assert spec["widget"] != "markdown", collection["name"]
            if spec["name"] == "body":
                assert spec["widget"] == "text", collection["name"]


def test_notices_open_english_and_spanish_side_by_side():
    notices = BY_NAME["notices"]
    assert notices["i18n"] is True and CONFIG["i18n"]["structure"] == "multiple_folders"
    translated = {f["name"] for f in notices["fields"] if f.get("i18n")}
    assert translated == {"title", "body"} == set(fields.NOTICE_TRANSLATION.fields) | {"body"}


def test_the_local_editor_saves_here_and_the_real_site_by_pull_request():
    assert CONFIG["backend"] == {"name": "proxy", "proxy_url": "/admin/api/v1", "branch": "main"}
    assert "publish_mode" not in CONFIG
    real = editor_config.config(
        str(CONTENT), "github", repo="center/iop-site", base_url="https://iop.example"
    )
    assert real["publish_mode"] == "editorial_workflow"
    assert real["backend"]["name"] == "github" and real["backend"]["repo"] == "center/iop-site"
    assert real["backend"]["auth_endpoint"] == "admin/oauth/auth"


def test_config_yml_is_json_and_so_yaml_without_its_traps():
    text = editor_config.as_yaml(CONFIG)
    assert json.loads(text) == CONFIG
