"""Labels for the lines the body extraction left out: captions, credits, bylines, dates, buttons, teasers.
"""

from __future__ import annotations

import re

from closeread.validate.roles import is_credit

from .dom import Leaf, _attrs, _inside
from .page import EMBEDDED_POST as EMBED_LABEL, clean


_CAPTION_ATTR = re.compile(r"caption|figcaption|image-?desc|img-?desc|photo-?desc|wp-caption-text", re.I)


_CREDIT_ATTR = re.compile(r"credit|copyright|attribution|photographer|image-?source|photo-?source|"
                          r"(^|[\s_-])source($|[\s_-])", re.I)


_CREDIT_TEXT = re.compile(
    r"^(\(?\s*(photo(graph)?s?|image|picture|pictures|illustration|video|credit|source|foto|bild)"
    r"( credit)?\s*(:|by\b)|©|\(c\)|copyright\b)", re.I)


_CREDIT_TAIL = re.compile(
    r"\s*(\(\s*(?:photo(?:graph)?s?|image|picture|illustration|credit|source)\s*(?::|by\b)[^()]{1,120}\)"
    # a wire credit: "(AP Photo/Evan Vucci)", "(Reuters Photo/Jane Doe)"
    r"|\((?:[A-Z][\w.&'-]*\s){1,3}(?:Photo|Photograph|Image|Picture|Video)s?\s*/\s*[^()]{1,80}\)"
    r"|(?:photo(?:graph)?s?|image|picture|illustration|credit)\s*(?::|by\b)\s*[^.:]{1,100}"
    r"|©\s*[^.]{1,100})\s*$", re.I)


_AGENCY = re.compile(r"(getty images|reuters|associated press|\bap photo|afp|epa|shutterstock|"
                     r"alamy|bloomberg|xinhua|tass|ria novosti|sputnik|anadolu|istock)", re.I)


_BYLINE_ATTR = re.compile(r"byline|author|contributor|writer|(^|[\s_-])by($|[\s_-])|reporter", re.I)


_BYLINE_TEXT = re.compile(r"^(by|written by|words by|reporting by|von|par|por|di)\s+\S", re.I)


_DATE_ATTR = re.compile(r"date|time|published|updated|timestamp|posted|dateline|pubdate", re.I)


_MONTHS = (r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|"
           r"oct(ober)?|nov(ember)?|dec(ember)?)")


_DATE_TEXT = re.compile(
    rf"(\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b|\b{_MONTHS}\.?\s+\d{{1,2}}\b|"
    rf"\b\d{{1,2}}\s+{_MONTHS}\b|\b(updated|published|posted|last modified)\b|\b\d+\s+(min|minutes?|hours?|"
    rf"hrs?|days?)\s+ago\b)", re.I)


_SECTION_ATTR = re.compile(r"kicker|eyebrow|section|category|breadcrumb|rubric|overline|topic|label|"
                           r"flag|tag", re.I)


_RELATED_ATTR = re.compile(r"related|recommend|more-?(stories|news|from|on)|read-?(more|next|also)|"
                           r"also-?read|see-?also|teaser|promo|outbrain|taboola|trending|popular|"
                           r"most-?read|up-?next|next-?up|recirc|further-?reading", re.I)


_RELATED_TEXT = re.compile(r"^(related|read more|you (may|might) (also )?like|more from|more stories|read also|also read|see also|more:|more on|recommended|"
                           r"read next|up next|watch:|listen:|related stories|related articles|"
                           r"trending|most read|most popular|further reading)\b", re.I)


# not "paywall": some pages keep the whole body inside a paywall container, behind an overlay
_SHARE_ATTR = re.compile(r"share|social|sharing|subscribe|newsletter|signup|sign-up|follow|paywall-?(overlay|prompt|"
                         r"message|banner|offer)|"
                         r"comments?-?(count|link)|print|email-?(this|link)", re.I)


_SHARE_TEXT = re.compile(r"^(share( this| on| via| article| story)?|tweet|email|print|copy link|"
                         r"subscribe|sign up|follow us|follow|join|comments?|newsletter|download|save|"
                         r"listen|advertisement|advertising|ad|sponsored|story continues( below)?|"
                         r"continue reading|read (the )?full (story|article)|click here)\b", re.I)


_AD_TEXT = re.compile(r"^(advertisement|advertising|ad|anzeige|sponsored( content)?|story continues "
                      r"below( advertisement)?|article continues below)$", re.I)


# a fact-check's verdict box is the article's conclusion, not page furniture
_VERDICT_ATTR = re.compile(r"rating|verdict|claim-?review|ruling|truth-?o-?meter|fact-?check-?(result|label|rating)", re.I)
_VERDICT_TEXT = re.compile(r"^(our |the )?(rating|verdict|ruling|we rate|claim|conclusion)\b", re.I)
# a request for money or sign-ups in the middle of the body: "Do you rely on ...? Click here to support it."
_SUPPORT_TEXT = re.compile(r"\b(click here to (support|donate|subscribe|help)|support (our|us|independent|"
                           r"this) (journalism|reporting|work)?|become a (member|supporter|patron|subscriber)|"
                           r"donate (now|today)|make a (donation|contribution)|do you (rely on|value|enjoy|"
                           r"appreciate) [^?]{2,60}\?)", re.I)
_PROMPT_TEXT = re.compile(r"^(subscribe|sign up|follow (us|him|her|them|\w+['’]s)|click here|download (our|the)|"
                          r"get (our|the latest)|join (us|our)|support (us|our)|like us on)\b", re.I)


_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,40}(\([^)]{1,30}\))?\s*[—–-]\s*$")


_NAV_ATTR = re.compile(r"(^|[\s_-])(nav|navbar|navigation|menu|masthead|site-?header|site-?footer|"
                       r"footer|cookie|consent|skip|breadcrumbs?)($|[\s_-])", re.I)


_NAV_TAGS = re.compile(r"^(nav|footer)$")


_WIDGET_ATTR = re.compile(r"carousel|playlist|video-?(player|list|carousel|playlist|module)|media-?player|"
                          r"slideshow|(^|[\s_-])(zn|cn)-|jw-?player|vjs-", re.I)


_COMMENTS_ATTR = re.compile(r"(^|[\s_-])(comments?|disqus|respond|replies)($|[\s_-])", re.I)


# a post embedded from a social network (its words are the poster's, not the outlet's): the classes the
# networks' embed codes give their containers, and the names sites give the wrappers around them
_EMBED_ATTR = re.compile(r"twitter-tweet|twitter-timeline|instagram-media|tiktok-embed|fb-post|fb-video|"
                         r"reddit-(?:card|embed)|bluesky-embed|threads-embed|mastodon-embed|text-post-media|"
                         r"(?:^|[\s_-])(?:embed|embedded)-?(?:twitter|tweet|x-post|instagram|facebook|tiktok|"
                         r"social|post|bluesky|threads|mastodon)|(?:twitter|tweet|social|instagram)-?embed", re.I)


_SUBHEAD_ATTR = re.compile(r"sub-?head|cross-?head|inter-?title|zwischen|section-?title|h[2-4]", re.I)


def _all_bold(el) -> bool:
    """All of the element's text is inside <strong>/<b> (a paragraph used as a subheading)."""
    if clean(el.text):
        return False
    kids = [c for c in el if isinstance(c.tag, str)]
    if len(kids) != 1 or kids[0].tag not in ("strong", "b") or clean(kids[0].tail):
        return False
    return True


def _classify(leaf: Leaf, *, in_body_range: bool, author: str | None) -> tuple[str, str] | None:
    """Role and label of a line the body extraction left out, or None to leave it out too."""
    el, text = leaf.el, leaf.text
    tag = el.tag
    words = len(text.split())
    if _inside(el, _EMBED_ATTR, 8):
        return "furniture", EMBED_LABEL  # the poster's words and the post's date, not the outlet's
    if tag == "figcaption" or tag == "caption" or _inside(el, _CAPTION_ATTR, 4):
        if _CREDIT_ATTR.search(_attrs(el)) or _CREDIT_TEXT.search(text):
            return "credit", "Photo credit"
        return "caption", "Photo caption"
    if _DATELINE.match(text):
        # before the credit classes: CNN's "CNN —" sits in a 'source'-classed element, and a line that is
        # only a dateline is never a photo credit
        return "furniture", "Dateline"
    # a credit-classed element that holds a date or a button ("21:17 18.11.2019 Get short URL") is not a credit
    if _inside(el, _CREDIT_ATTR, 3) and words <= 25 and (is_credit(text) or not _DATE_TEXT.search(text)):
        return "credit", "Photo credit"
    if _CREDIT_TEXT.search(text) and words <= 15 and leaf.link_ratio < 0.5:
        return "credit", "Photo credit"
    if _AD_TEXT.match(text):
        return "furniture", "Advertisement label"
    if tag == "h1":
        return "furniture", "Heading"
    if words <= 40 and (_inside(el, _VERDICT_ATTR, 4) and (_VERDICT_TEXT.match(text) or words <= 12)):
        return "body", "Verdict"
    if words <= 8 and _inside(el, _SHARE_ATTR, 4):
        return "furniture", "Button"  # a share widget, whatever its links' classes say ("author-share")
    if words <= 30 and (_BYLINE_TEXT.match(text) or _inside(el, _BYLINE_ATTR, 4)
                        or (author and words <= 12 and author.lower() in text.lower())):
        if _DATE_TEXT.search(text) and not _BYLINE_TEXT.match(text):
            return "furniture", "Date line"
        return "furniture", "Byline"
    if words <= 14 and (tag == "time" or el.find(".//time") is not None or _inside(el, _DATE_ATTR, 3)) \
            and _DATE_TEXT.search(text):
        return "furniture", "Date line"
    if words <= 10 and _DATE_TEXT.search(text) and re.search(r"\d", text):
        return "furniture", "Date line"
    if _inside(el, _RELATED_ATTR, 6) or (_RELATED_TEXT.match(text) and words <= 40):
        return "furniture", "Related-story teaser"
    if words <= 8 and (_SHARE_TEXT.match(text) or _inside(el, _SHARE_ATTR, 4) or tag in ("button",)):
        return "furniture", "Button"
    if words <= 40 and _inside(el, _SHARE_ATTR, 4):
        return "furniture", "Prompt"
    if words <= 5 and _inside(el, _SECTION_ATTR, 3):
        return "furniture", "Section label"
    if in_body_range and words <= 20 and leaf.link_ratio < 0.5 and not re.search(r"[.,;]$", text) and (
            _SUBHEAD_ATTR.search(_attrs(el)) or _all_bold(el)):
        return "subheading", "Subheading"
    if tag in ("h2", "h3", "h4", "h5", "h6"):
        if in_body_range and words <= 25 and leaf.link_ratio < 0.5:
            return "subheading", "Subheading"
        return "furniture", "Heading"
    if in_body_range and leaf.link_ratio > 0.6 and words <= 30:
        return "furniture", "Related-story teaser"
    if _inside(el, re.compile(r"pull-?quote|blockquote-?embed|quote-?embed", re.I), 4):
        return "furniture", "Pull quote"
    return None


def _split_credit(text: str) -> tuple[str, str | None]:
    m = _CREDIT_TAIL.search(text)
    if m and m.start() > 0:
        return clean(text[: m.start()]), clean(m.group(0))
    return text, None
