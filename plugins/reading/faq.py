"""Question-and-answer pages: their questions and answers, for FAQPage JSON-LD.

On each page listed in the settings, every `##` heading that ends with "?"
is a question, and the text up to the next `##` heading is its answer (as
plain text: schema.org's `Answer.text`). The page gets `faq`, a list of
{question, answer}; theme/templates/structured_data/faq_page.html writes it.
A listed page with no question is a problem: its JSON-LD would be empty.

Settings, one dict (defaults below): FAQ = {
    "pages": ["families/questions.md"],  # paths under the pages folder
}
"""

import os

from pelican import signals

from ..lib import marks
from ..lib.markup import plain_text, spans
from ..lib.problems import Problem, display_path, record, settings_of

DEFAULTS = {"pages": ["families/questions.md"]}


def plain(markup):
    # An open question of the center's facts is for reviewers, not an answer.
    return plain_text(marks.strip_markers(markup))


def questions(markup):
    """[{question, answer}] of a page's HTML, in page order."""
    markup = markup or ""
    headings = spans(markup, "<h2", "</h2>")
    found = []
    for number, (start, end) in enumerate(headings):
        following = headings[number + 1][0] if number + 1 < len(headings) else len(markup)
        question = plain(markup[start:end])
        if question.endswith("?"):
            found.append({"question": question, "answer": plain(markup[end:following])})
    return found


def relative_path(page):
    for folder in page.settings.get("PAGE_PATHS", ["pages"]):
        base = os.path.join(page.settings["PATH"], folder)
        relative = os.path.relpath(page.source_path, base)
        if not relative.startswith(".."):
            return relative.replace(os.sep, "/")
    return None


def add_faq(generator):
    options, problems = settings_of(generator.settings, "faq", DEFAULTS)
    for page in generator.pages + generator.hidden_pages:
        page.faq = []
        if relative_path(page) not in options["pages"]:
            continue
        page.faq = questions(page.content)
        if not page.faq:
            where = display_path(page.source_path)
            fix = "write each question as a '## ...?' heading with its answer below"
            problems.append(Problem(where, 1, "a question page without questions", fix))
    record(generator.context, problems)


def register():
    # Before content_checks (all_generators_finalized) gathers every problem.
    signals.page_generator_finalized.connect(add_faq)
