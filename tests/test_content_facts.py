"""Every fact of the center's current page survives, and its defects do not."""

import re

import pytest

from support import main_of, words

# page: phrases that carry the seed's facts, in the words families read.
FACTS = {
    "/": [
        "Drug and alcohol use disorders take a toll on a person's mental health",
        "Do you have a busy life?",
        "close care and supervision while you recover",
    ],
    "/intensive-outpatient/": [
        "keep your freedom",
        "move from inpatient care to outpatient care",
        "24 hours a day",
        "set blocks of time during the week",
        "American Society of Addiction Medicine (ASAM)",
        "level 2.1",
        "Adults get 9 or more hours of care a week",
        "Teens get 6 or more hours of care a week",
        "20 or more hours a week",
        "partial hospitalization (level 2.5)",
        "go to work or school, or care for your family",
        "in the evenings or on weekends",
        "sober living home linked with your treatment center",
        "with friends or family who support you",
        "on your own, if you have enough emotional support",
    ],
    "/intensive-outpatient/who-should-attend/": [
        "people come to it from many kinds of care",
        "Some people come after acute care",
        "an IOP is where their recovery starts",
        "has finished a residential or partial hospitalization program",
        "has learned good ways to cope",
        "able and willing to follow their treatment plan",
        "long-term support at home or in the community",
        "the first time they get active treatment as an outpatient",
        "learned key skills",
        "see their care team often",
        "your substance use disorder is less severe",
        "keep going with your recovery",
        "emotional support and help to return to your community",
        "you cannot commit to inpatient treatment",
    ],
    "/intensive-outpatient/what-to-expect/": [
        "Each program is different",
        "nearly every intensive outpatient program in San Diego",
        "Individual therapy",
        "Group therapy, at least three days a week",
        "Family therapy",
        "Encouragement to go to 12-step meetings",
        "Access to crisis services",
        "Urine drug testing",
    ],
    "/intensive-outpatient/benefits/": [
        "Decades of research and experience",
        "Many studies have found that IOP treatment works",
        "advantages over acute care and over regular outpatient care",
        "freedom of outpatient care",
        "structure of residential or inpatient care",
        "costs less than acute care",
        "more kinds of programs than regular outpatient care",
        "see mental health providers often, on a set schedule",
        "learn for the first time that they have a mental health condition",
        "doctors, nurses and other skilled health workers check your health needs",
        "advanced practice allied health professionals",
        "medication management",
        "big changes that last, in a fairly short time",
        "fewer hours in treatment than in a residential or partial hospitalization program",
    ],
}
# Words NIDA's "Words Matter" asks us not to use of people.
STIGMA = re.compile(r"\b(abuse|abuser|addict|addicts|clean|dirty)\b", re.I)


@pytest.mark.parametrize("url", sorted(FACTS))
def test_page_keeps_every_fact_of_the_seed(pages, url):
    text = words(main_of(pages[url]))
    missing = [fact for fact in FACTS[url] if fact.lower() not in text.lower()]
    assert not missing, f"{url} lost: {missing}"


def test_the_six_program_elements_are_one_list(pages):
    items = main_of(pages["/intensive-outpatient/what-to-expect/"]).find("ul").find_all("li")
    assert len(items) == 6


def test_no_paragraph_is_repeated_on_a_page(pages):
    for url, soup in pages.items():
        paragraphs = [words(p) for p in main_of(soup).find_all("p")]
        assert len(paragraphs) == len(set(paragraphs)), url


def test_reasons_to_attend_are_not_called_benefits(pages):
    """The seed listed who IOP suits under 'benefits'; they are indications."""
    main = main_of(pages["/intensive-outpatient/who-should-attend/"])
    item = main.find(string=re.compile("less severe"))
    heading = item.find_previous(re.compile("^h[2-6]$"))
    assert "benefit" not in heading.get_text().lower()
    assert "benefit" not in item.find_previous("p").get_text().lower()


def test_the_asam_claim_is_stated_precisely(pages):
    text = words(main_of(pages["/intensive-outpatient/"]))
    assert "between nine and twenty" not in text
    assert "9 or more hours" in text and "6 or more hours" in text


def test_pages_use_person_first_words(all_documents):
    for url, soup in all_documents.items():
        found = STIGMA.findall(words(soup.body))
        assert not found, f"{url}: {found}"
