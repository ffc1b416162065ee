"""What a page means, where the allowlist cannot see it: crisis help is never
hijacked, and no link leads nowhere.

- The theme's ids (THEME_IDS: #crisis-help, #main-content ...) are its
  own: a page may not give one to an element (`{: #crisis-help }`), or the
  "More help" link at the top of every page would jump to the editor's
  text instead of the crisis lines. (A heading's own id never takes one:
  plugins/reading/source_reader.py.)
- A link that says it calls a number calls that number: its words name
  the same digits its tel: or sms: address dials ("call 988" dialing a
  local number, or an old number left in the address, would send a person
  in crisis somewhere else).
- A link whose words name 988 or 911 dials it (tel: or sms:), or for 988
  leads to the Lifeline's own site.
- A link has words (or a picture with words): an empty link is announced
  as "link" by a screen reader, and leads who knows where.
Each answers `Refused(what, fix)` with the text to find its line by.
"""

import re
import unicodedata

from . import sanitize
from .problems import Refused

# The Lifeline's own websites, English and Spanish.
LIFELINE_HOSTS = {
    "988lifeline.org",
    "www.988lifeline.org",
    "988lineadevida.org",
    "www.988lineadevida.org",
}
NUMBER = re.compile(r"\+?[0-9][0-9().\- ]{1,20}[0-9]")
CRISIS = re.compile(r"(?<![0-9])(988|911)(?![0-9])")


def digits(text):
    """A number's digits, the US country code aside."""
    found = re.sub(r"[^0-9]", "", text)
    return found[1:] if len(found) == 11 and found.startswith("1") else found


def reserved_id_problems(found, theme_ids):
    """[(Refused, needles)] for each element that takes one of the theme's ids."""
    reserved = set(theme_ids)
    problems = []
    for tag, attrs in found:
        value = dict(attrs).get("id", "")
        if value in reserved or (value.startswith("notice-") and value.endswith("-title")):
            what = f"the id '{value}' on <{tag}> is the site's own (every page has it)"
            problems.append((Refused(what, "choose another id, or leave it out"), [f"#{value}"]))
    return problems


def visible(text):
    """The words as a reader sees them: full-width digits as digits
    (NFKC), and nothing that shows nothing (format and filler characters)."""
    normal = unicodedata.normalize("NFKC", text)
    return "".join(char for char in normal if unicodedata.category(char)[0] in "LNPSZ").strip()


def dial_problem(href, words):
    """Why a link's words and the number it dials disagree, or None."""
    href = sanitize.normal_url(href)  # as a browser reads it: "\\" is "/"
    words = visible(words)
    scheme, _, rest = href.partition(":")
    scheme = scheme.lower()
    crisis = CRISIS.search(words)
    if scheme in ("tel", "sms"):
        dialed = digits(rest.split("?")[0])
        shown = [digits(number) for number in NUMBER.findall(words)]
        if crisis and dialed != crisis[1]:
            return f"the link says {crisis[1]} but dials {rest}", f"make it {scheme}:{crisis[1]}"
        if shown and dialed not in shown:
            return (
                f"the link shows {NUMBER.findall(words)[0]} but dials {rest}",
                "make the number in the words and in the address the same",
            )
        return None
    if crisis:
        host = (sanitize.host_of(href) or "").lower()
        if crisis[1] == "988" and host in LIFELINE_HOSTS:
            return None
        return (
            f"the link names {crisis[1]} but leads to '{href[:60]}'",
            f"link it to tel:{crisis[1]}, so a tap calls {crisis[1]}",
        )
    numbers = [number for number in NUMBER.findall(words) if len(digits(number)) >= 10]
    if numbers:
        return (
            f"the link shows {numbers[0]} but leads to '{href[:60]}'",
            f"link a phone number to tel:{digits(numbers[0])}, so a tap calls it",
        )
    return None


def link_problems(links):
    """[(Refused, needles)] for each link whose meaning is wrong."""
    problems = []
    for href, text, alt in links:
        words = " ".join(visible(text).split())
        if not words and not visible(alt):
            problems.append(
                (
                    Refused(
                        f"a link with no words ('{href[:60]}')",
                        "write the words a visitor reads in the brackets: [these words](address)",
                    ),
                    [f"]({href}", "[]("],
                )
            )
            continue
        found = dial_problem(href, words)
        if found:
            problems.append((Refused(*found), [href, words[:40]]))
    return problems
