"""What each article line role draws, and how to tell a line whose role draws the wrong thing.

The importer marks lines with these roles and the lesson file may change them (``article.parts``); the
validator warns when a line's role does not fit its words (a ``credit`` that is a contributor line draws
"Photo not captured" above it). The same patterns tell the importer what a credit or a contributor
line is, so that the two never disagree.
"""

from __future__ import annotations

import re

from closeread.model import ArticleLine

# What a line of each role draws on the student page, the worksheet and the key (templates/_macros and
# templates/print), and what the kit does with it. docs/authoring/lesson-format.md says the same.
ROLE_DRAWS = {
    "headline": "the line in large bold type with a 'Headline' label",
    "standfirst": "the line apart from the body, labelled as the summary under the headline",
    "subheading": "the line as a labelled subheading inside the body",
    "body": "the line as the article's own text (no label; counted in the reading level; suggestions are made on it)",
    "caption": "a 'Photo not captured' box above the first caption or credit of a run, then the line in small italics as the photo's caption",
    "credit": "a 'Photo not captured' box above the first caption or credit of a run, then the line in small italics as the photo's credit (no suggestion is made on it)",
    "furniture": "the line in small italics labelled as the page around the article (no suggestion is made on it)",
}

# A photo credit names who made or owns a picture: "(AP Photo/Evan Vucci)", "Photo: Sam Lens",
# "© Photo Agency 2024", "Getty Images", "Reuters/Jane Doe".
CREDIT = re.compile(
    r"(?i)\b(?:photo|photos|photograph|foto|image|images|picture|pic|credit|illustration|video|"
    r"getty|reuters|afp|epa|shutterstock|alamy|pool)\b|©|\(c\)|\bAP\b|\w/\s?[A-Z]"
)
# A photo credit standing alone: "(AP Photo/Evan Vucci)", "Photo: Sam Lens"; at most a few words
CREDIT_ALONE = re.compile(
    r"^\(?\s*(?:[A-Z][\w.&' -]{0,40}\s)?(?:Photo|Photograph|Foto|Image|Picture|Pic|Credit|Video)s?\s*(?:[:/]|by\b)\s*[^()]{1,80}\)?$"
    r"|^\(?\s*(?:©|\(c\)|Copyright)\s*[^()]{1,80}\)?$"
)
# A contributor line at the end of a wire story: "Associated Press writer Jane Doe contributed to this
# report.", "Reporting by X; editing by Y", "Additional reporting by X".
CONTRIBUTOR = re.compile(
    r"(?i)\bcontributed\b(?:\s+\w+){0,3}\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article|reporting)\b"
    r"|\bcontributed\s+(?:reporting|to\s+this)\b"
    r"|^(?:additional\s+)?reporting\s+by\b|\bediting\s+by\b|\bwriting\s+by\b"
)
BYLINE = re.compile(r"^(?:By|BY|Par|Von|Por)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\w.' -]+)*$")


def is_contributor_line(text: str) -> bool:
    return bool(CONTRIBUTOR.search(text)) and len(text.split()) <= 40


def is_credit(text: str) -> bool:
    """A line that a photo credit could be: short, and naming a picture, an agency or a copyright."""
    return len(text.split()) <= 25 and bool(CREDIT.search(text)) and not is_contributor_line(text)


def line_role_mismatch(line: ArticleLine) -> str:
    """How the line reads when its role draws the wrong thing ("like a contributor line; expected ..."),
    else ''."""
    text = line.text.strip()
    if not text or line.role not in ("credit", "caption"):
        return ""
    if is_contributor_line(text):
        return "like a contributor line; expected role 'furniture' with label 'Contributor line'"
    if BYLINE.match(text):
        return "like a byline; expected role 'furniture' with label 'Byline'"
    if line.role == "credit" and not is_credit(text):
        if len(text.split()) > 12:
            return "like a sentence of the article, not a photo credit; expected role 'body' (or 'caption' if it describes the photo)"
        return "not like a photo credit (no photo, picture, agency or ©); expected role 'furniture' for page furniture, or 'body'"
    if line.role == "caption" and CREDIT_ALONE.match(text):
        return "like a photo credit alone; expected role 'credit' (both draw the photo box; no suggestion is made on a credit)"
    return ""
