"""Every sentence of a report that says who led the council, or since when: text in, facts out.

A fact is read only from a sentence whose subject is a post this module knows and whose verb is one
of a few printed forms; the sentence itself is kept as the quote, with its page. Nothing is inferred
from a sentence that does not say it.

Posts (the subject of the sentence):
- director of children's services: "The director of children's services (DCS)", "The DCS", "The
  Interim Director for Children's Services (IDCS)", "The Director of Children and Young People's
  Services", "The Executive Director of Children's services", and other titles naming a director post
  and children's services ("Corporate Director, Children's Services", "Strategic Director, Children
  and Families", "Director of Schools and Children's Services", "Corporate Director of Children and
  Adults Services": a combined post is still the DCS), unless the sentence names the DCS as another
  post. An assistant, deputy, divisional, operational or service director is not.
- a local title the report itself says is the DCS (`local_dcs_titles`): "The Strategic Director of
  Care, Wellbeing and Learning (DCS)", "The Director of People provides the statutory function of
  Director of Children's Services", "The post includes the roles and responsibilities of the Director
  of Children's Services" after a sentence about the post, or a director who "took responsibility
  for children's services" or "is responsible for both adult and children's social care" in the
  sentence itself. Such a fact keeps the page and sentence that make the title the DCS (`basis`)
  when it is not the quoted sentence. A title the report never links to the DCS ("The Director of
  People's Services took up post on 1 October 2013") is not read as one.
- chief executive (of the council) and trust chief executive ("The chief executive of the trust",
  "The current Chief Executive of TfC").
- LSCB chair or safeguarding partnership lead: "The chair of the LSCB", "The Independent Chair of
  BSCB", "the independent chair of the safeguarding partnership".
- lead member: "The lead member (for children)", "cabinet member for children's services".

Forms (what the sentence says of the post):
- in_post_since: "has been in post since October 2016" (day, month or year); "since October 2011 in
  an interim capacity and April 2012 as substantive" gives two facts, the second with interim False.
- appointed: "was appointed in June 2018", ", appointed in February 2016,", "was confirmed in post in
  September 2016", "In August 2023, a new DCS ... was appointed", "appointments of an Interim DCS in
  July 2013". An appointment is a start date.
- takes_up_post: "took up post in April 2016", "came into post in February 2014", "started in post".
- left: "left the authority in May 2013", "served from January 2014 to October 2017" (and the start).
- changed: "has changed in recent weeks", "has also changed this year": a change of holder, dated
  only as the sentence dates it.
- combined_role: "The DCS is also responsible for adult services": the post combines others.
Relative dates ("took up post two years ago", "has been in post for 18 months", "appointed 17
months ago", "in recent weeks") are counted back from the reference date the caller gives (the
inspection's last day) and marked `approximate`; with no reference date they give no date.

A sentence whose subject is "He", "She" or "The (current) post holder" continues the sentence before
it on the same page, when that one opens with a post and names no post of another role: "The Director
of Children's Services also has responsibility for adult services. She has been in post since March
2013." Its quote is both sentences.

Names: a name printed in the sentence beside the post ("The director of children's services (DCS),
Jane Smith, has been in post since ...") is the holder. A sentence without a name has no holder
(`name` None); `join_names` then applies the one stated rule for joining it to a named holder.
"""

# Reports print curly apostrophes; the patterns must match them and read best unbroken.
# ruff: noqa: RUF001, E501

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

LeaderRole = Literal[
    "director_of_childrens_services",
    "chief_executive",
    "trust_chief_executive",
    "safeguarding_board_chair",
    "lead_member",
]
FactKind = Literal["in_post_since", "appointed", "takes_up_post", "left", "changed", "combined_role"]
Precision = Literal["day", "month", "year"]
Certainty = Literal["stated", "approximate"]


@dataclass(frozen=True)
class LeaderFact:
    """One thing a report sentence says about a post's holder, with the page and the sentence."""

    role: LeaderRole
    title: str  # the post as the sentence names it, e.g. "interim director of children's services (DCS)"
    kind: FactKind
    date: str | None  # "2016-10", "2016-10-03" or "2016"; None when the sentence dates nothing
    precision: Precision | None
    certainty: Certainty  # "approximate": counted back from the reference date ("two years ago")
    interim: bool | None  # True: interim or acting; False: substantive or permanent; None: not said
    previous: bool  # the sentence is about a former holder ("The previous chair served from ...")
    name: str | None  # the holder, only when printed in the sentence (or joined by `join_names`)
    also: str | None  # combined_role: what else the post covers, as printed ("adult services")
    page: int
    quote: str
    # Where the report says a local title is the DCS when the quote does not ("The Strategic Director
    # of Care, Wellbeing and Learning (DCS) ..." on page 29 for a sentence on page 5).
    basis_page: int | None = None
    basis: str | None = None


A = "['’]"
MONTHS = {
    m: n
    for n, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for m in names
}
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
# "October 2016", "3 October 2016", "2016" (a bare year only where a month would stand: "since 2012").
DATE = rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)? )?{MONTH},? (?:19|20)\d\d|(?:19|20)\d\d\b)"
NUMBER = r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty-\w+|several|a few)"
AGO = rf"(?:(?:about|around|almost|nearly|over|just over|just under|some) )?(?P<n>{NUMBER}) (?P<unit>years?|months?|weeks?) ago"
FOR = rf"for (?:(?:about|around|almost|nearly|over|just over|just under|less than|more than|some) )?(?P<n>{NUMBER}) (?P<unit>years?|months?|weeks?)"
WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip

QUALIFIERS = r"(?:(?:new|current|previous|former|interim|acting|permanent|substantive|temporary|experienced|long-standing|newly appointed|recently appointed|independent|statutory|corporate|executive|strategic|joint|then) )*"
DCS = (
    rf"(?:(?:director|director-general) (?:of|for) children{A}?s?(?: and young people{A}s)? services"
    # A director whose title leads with children and lists other services is the statutory DCS
    # ("Executive Director of Children, Families and Adult Services").
    rf"|director (?:of|for) children{A}?s?,? (?:(?:young people|families|schools|education|adults?|health|learning|wellbeing|communities),? )+and [a-z]+(?: [a-z]+)? services"
    rf"|director of children{A}s and adult(?:s{A}?)? services|director of children, adults? and [a-z]+"
    rf"|director of children{A}s services? and (?:education|learning|skills|families)|DCS|IDCS)"
)
# Titles naming a director post and children's services in other words: "Corporate Director,
# Children's Services", "Strategic Director Children and Families", "Director of Children and Young
# People", "Corporate Director of Children and Adults Services", "Executive Director for Children,
# Families and Education", "Director of Schools and Children's Services". Such a post is the DCS
# unless its sentence names the DCS as another post ("The strategic director of children's and adult
# services, the statutory DCS, was appointed in October 2014, and a director of children and
# families' services was appointed in June 2016").
DCS_VARIANT = (
    rf"(?:director,? children{A}s services"
    rf"|director(?:,? (?:of|for)|,)? children{A}?s?,? (?:and|&) (?:young people|families|family|education|culture|adults?)(?:{A}?s?{A}?)?(?: services?)?"
    rf"|director (?:of|for) children,? (?:(?:young people|families|schools|education|adults?|learning),? )+and (?:education|learning|skills|culture|families|young people|adults?)"
    rf"|director (?:of|for) (?:schools|education|learning) and children{A}s services)"
)
# Deputies and assistants of the director are other posts, whatever their titles name.
NOT_THE_DIRECTOR = r"(?<!assistant )(?<!deputy )(?<!divisional )(?<!operational )(?<!service )(?<!associate )"
TRUST_CEO = rf"(?:chief executive(?: officer)?(?: \([A-Z]+\))? of (?:the (?:children{A}s )?trust|[A-Z][\w’'&]*(?: [A-Z][\w’'&]*){{0,5}} Trust|[A-Z]{{2,5}}\b(?<!LSCB)))"
CEO = r"(?:chief executive(?: officer)?|managing director \(chief executive\))"
CHAIR = (
    rf"(?:(?:chair|chairperson) of (?:the )?(?:local safeguarding children{A}?s? board|LSCB|[A-Z]{{1,3}}SCB|[A-Z]{{1,4}}LSCB"
    rf"|(?:[A-Z][\w-]+ )*safeguarding (?:children )?(?:board|partnership))|LSCB chair)"
)
LEAD_MEMBER = r"(?:lead (?:council )?member(?: for children(?:{A}s services| and young people)?)?|cabinet member for children{A}?s?(?: services)?|portfolio holder for children{A}?s?(?: services)?)".replace(
    "{A}", A
)
ROLE_RE = re.compile(
    rf"\b(?P<det>the |a |an |their |its )?(?P<qual>{QUALIFIERS}){NOT_THE_DIRECTOR}(?:(?P<trust>{TRUST_CEO})|(?P<dcs>{DCS})|(?P<variant>{DCS_VARIANT})|(?P<ceo>{CEO})"
    rf"|(?P<chair>{CHAIR})|(?P<lead>{LEAD_MEMBER}))(?P<abbr>(?: \((?:[A-Z]{{2,6}}|[A-Z][a-z]+(?: [A-Za-z]+){{1,5}})\))*)",
    re.IGNORECASE,
)
ANCHOR = re.compile(r"director|DCS|chief executive|chair|member|portfolio holder", re.IGNORECASE)
ROLE_OF_GROUP: dict[str, LeaderRole] = {
    "trust": "trust_chief_executive",
    "dcs": "director_of_childrens_services",
    "variant": "director_of_childrens_services",
    "ceo": "chief_executive",
    "chair": "safeguarding_board_chair",
    "lead": "lead_member",
}

# ", Jane Smith," or ", Mr John Smith," right after the post.
NAME = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Professor|Sir|Dame) )?[A-Z][a-z’'-]+(?: [A-Z]\.?)?(?: (?:[A-Z][a-z’'-]+|Mc[A-Z][a-z]+|O’[A-Z][a-z]+)){1,2}"
NOT_NAME = re.compile(
    r"\b(?:Council|Services?|Board|Trust|Partnership|Children|Director|Executive|Officer|Chief|Safeguarding|"
    r"Local|Authority|Inspector|Department|Education|Care|Social|Health|Adult|People)\b"
)
# What may stand between the post and its verb: a name, a "who ..." or other parenthesis, an
# appointment date in passing (", appointed in February 2016,").
APPOSITIVE = re.compile(
    rf"(?:,? (?P<name>{NAME}),(?= )|, (?:who|which) (?P<who>[^,.]{{0,100}}),(?= )|, [^,.]{{0,80}},(?= )"
    rf"| is (?P<interim>interim|acting) and(?= )| for (?:[A-Z][\w’'-]* ?){{1,5}} and(?= )"
    # "The Director of People ... is responsible for both adult and children's social care and has been
    # in post since November 2010": the responsibility is a combined role where it names adults.
    rf"| (?:is|was) (?:also )?responsible for (?P<responsible>[^,.]{{0,60}}?children{A}s (?:services|social care)) and(?= )"
    rf"| in [A-Z][a-z]+(?: [A-Z][a-z]+)?(?= (?:took|has|had|was|is) ))?"
)
# ", who is also the Director of Adults Social Services,": the post combines another.
ALSO_WHO = re.compile(
    r"^is also (?:the )?(?:statutory )?(?P<also>director of adult[^,]*|responsible for [^,]*adult[^,]*)",
    re.IGNORECASE,
)
COORDINATED = re.compile(
    r"(?: and (?:the |a |an |their )?(?:[a-z-]+ ){0,3}?(?:director|member|leader|chief executive|team|managers?|leaders)(?: of [a-z ]+?)?)?(?=,? )"
)

_PREDICATE_TEXT: tuple[tuple[FactKind, str], ...] = (
    (
        "in_post_since",
        rf",? (?:has|have|had) (?:only )?been (?:in post|in (?:the|this|their|his|her) (?:post|role)|in place)(?P<interim_before> in an? (?:interim|acting) capacity)?"
        rf" since (?P<date>{DATE})(?P<interim_after>,? (?:initially )?in an? (?:interim|acting) capacity)?"
        rf"(?:,? and,? (?:since |from )?(?P<date2>{DATE}),? as (?:the )?(?P<second>substantive|permanent|[^.,]{{3,60}}))?",
    ),
    (
        "in_post_since",
        rf",? (?:has|have|had) (?:only )?been in (?:post|place|(?:the|this|their|his|her) role) {FOR}",
    ),
    (
        "in_post_since",
        rf",? (?P<interim_after>was acting) in (?:the )?post (?:from|since) (?P<date>{DATE})"
        rf"(?: and was (?P<second>permanently|substantively) (?:recruited|appointed) in (?P<date2>{DATE}))?",
    ),
    ("in_post_since", rf", in post (?:since (?P<date>{DATE})|{FOR}),"),
    (
        "appointed",
        rf",? (?:was|were|has been|have been|being) (?:(?:permanently|formally|initially|substantively|recently|newly) )?(?:appointed|confirmed in (?:post|(?:the|their|his|her) (?:post|role)))"
        rf"(?: (?:in an? (?:interim|acting|permanent|substantive) capacity|on a permanent basis|permanently))?(?: (?:in|on|from) (?P<date>{DATE})| {AGO})?",
    ),
    ("appointed", rf",? (?:appointed|who was appointed) (?:in|on) (?P<date>{DATE})"),
    ("appointed", rf",? (?:was|were) brought in(?: )?to post(?: (?:in|on) (?P<date>{DATE})| {AGO})?"),
    ("appointed", rf" (?:in|on) (?P<date>{DATE})(?=,? (?:and|who))"),
    (
        "takes_up_post",
        rf",? (?:who )?(?:took up|has taken up|had taken up|came into|came in ?to|started in|commenced in|took over|took up (?:his|her|their) role|joined|took (?:over )?responsibility for children{A}s services)(?: (?:the |his |her |their |an? )?(?P<interim_before>interim |acting )?(?:post|role|position|the council|the authority|the local authority))?"
        rf"(?: (?:in|on) (?P<date>{DATE})| {AGO})?",
    ),
    (
        "left",
        rf",? (?:who had been in post since (?P<since>{DATE}), )?(?:left|retired|stepped down|served from (?P<from>{DATE}) to)(?: (?:the|his|her|their) (?:authority|council|post|role|service))?(?: (?:in|on) (?P<date>{DATE})| {AGO}| (?P<date_bare>{DATE}))?",
    ),
    (
        "changed",
        r",? (?:has|have) (?:also )?changed (?P<when>in recent weeks|recently|this year|twice|since the last inspection)",
    ),
    (
        "combined_role",
        r",? (?:is|was) also (?:responsible for|the (?:statutory )?director of|the director for) (?P<also>[^.;]{3,120})",
    ),
    (
        "combined_role",
        r" also (?:holds|has) (?:the )?(?:statutory )?(?P<also>director of adult[^.;]{3,80}|responsibility for [^.;]{3,100})",
    ),
)
PREDICATES: tuple[tuple[FactKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _PREDICATE_TEXT
)
# "since the appointment of the current DCS 12 months ago", "appointments of an Interim DCS in July 2013".
APPOINTMENT_OF = re.compile(r"\bappointments? of (?:an? |the )?$", re.IGNORECASE)
APPOINTMENTS = re.compile(r"\bappointments? of\b", re.IGNORECASE)
AFTER_APPOINTMENT_OF = re.compile(rf"^(?: (?:in|on) (?P<date>{DATE})| {AGO})", re.IGNORECASE)
# "In August 2023, a new director of children's services ... was appointed"
LEADING_DATE = re.compile(rf"^(?:In|From|Since) (?P<date>{DATE}),? ", re.IGNORECASE)
# "the appointment in April 2013 of a new Director of People"
APPOINTMENT_DATED_OF = re.compile(
    rf"\bappointments? (?:in|on) (?P<date>{DATE}) of (?:an? |the )?(?:new )?$", re.IGNORECASE
)
# A director's title as a report prints it, up to the words that follow it: "Strategic Director of
# Care, Wellbeing and Learning", "Director of People and Deputy Chief Executive".
DIRECTOR_TITLE = r"director\b(?:,? (?!(?:has|have|had|is|was|were|who|which|took|came|provides|carries|and the|in post)\b)[\w’'&-]+){0,7}?"
_LOCAL = rf"(?P<qual>{QUALIFIERS}){NOT_THE_DIRECTOR}(?P<local>{DIRECTOR_TITLE})"
DCS_NAMED = rf"(?:the )?(?:director of children{A}s services|DCS)"
# The ways a report says a local title is the DCS, in the sentence that names the title.
TITLE_LINKS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # Strategic Director of Care, Wellbeing and Learning (DCS) has approached ...
        rf"\b(?:the|a|an) {_LOCAL} \((?:the )?I?DCS\)",
        # "The Director of People provides the statutory function of Director of Children's Services",
        # "a new Director of People who carries out the statutory functions of the DCS"
        rf"\b(?:the|a|an) {_LOCAL},? (?:who )?(?:provides|carries out|fulfils|performs|holds|undertakes|discharges|has)"
        rf" (?:also )?the statutory (?:functions?|roles?|duties|responsibilities|post) (?:of|as) {DCS_NAMED}",
        rf"\b(?:the|a|an) {_LOCAL},? (?:who )?(?:is|was) (?:also )?the statutory {DCS_NAMED}",
        # "The Executive Director of People Services in Sunderland took responsibility for children's
        # services in September 2013": the whole of children's services, or it combined with adults'.
        rf"^(?:the|a|an) {_LOCAL}(?: in [A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*)? (?:(?:took|has taken|had taken|assumed|took over|has|had|holds) (?:overall )?responsibility"
        rf"|(?:is|was) (?:also )?responsible) for (?:children{A}s services|(?:both )?adults?{A}?s?{A}? (?:services |social care )?and children{A}s (?:services|social care))",
    )
)
# "The post includes the roles and responsibilities of the Director of Children's Services." after
# a sentence that opens with the title (OPENING_TITLE).
POST_INCLUDES = re.compile(
    rf"^(?:The|This) (?:post|role) (?:also )?(?:includes|combines|incorporates|carries|covers|holds|has) (?:the )?(?:statutory )?"
    rf"(?:roles?|duties|responsibilities|functions?)(?: and (?:roles?|duties|responsibilities|functions?))? of {DCS_NAMED}",
    re.IGNORECASE,
)
OPENING_TITLE = re.compile(
    rf"^(?:the|a|an) {_LOCAL}(?: \([A-Z]+\))? (?:has|have|had|was|took|came|is)\b", re.IGNORECASE
)
LINK_HINT = re.compile(r"\bDCS\b|statutory|responsib|director of children", re.IGNORECASE)
# "She has been in post since March 2013.": the post is the one the sentence before opens with.
CONTINUES = re.compile(r"^(?:He|She|The (?:current )?post ?holder)(?= )", re.IGNORECASE)
HEADINGS = re.compile(
    r"^(?:\d{1,3}\.? ?)?(?:Local leadership|Other information about (?:this|the) (?:area|local authority(?: area)?)|"
    r"Information about this local authority area|Details of leadership posts:?|Summary|Findings|-)\s*",
    re.IGNORECASE,
)
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9‘“(])|\s*[\ue000-\uf8ff•▪●]\s*|\s+-\s+(?=The )")


def sentences(page: str) -> list[str]:
    """A page's sentences, line breaks and bullets undone, headings and paragraph numbers dropped."""
    flat = " ".join(page.split())
    found = []
    for piece in SENTENCE_BREAK.split(flat):
        text = piece.strip()
        while (heading := HEADINGS.match(text)) and heading.end() > 0:
            text = text[heading.end() :]
        text = re.sub(r"^\d{1,3}\.(?=[A-Z])", "", text).strip()
        if text:
            found.append(text)
    return found


def leader_facts(pages: list[str], reference: date | None = None) -> list[LeaderFact]:
    """Every leadership fact in the report's pages (page 1 first), in the order printed.

    Args:
        pages: each page's text (any whitespace; it is collapsed).
        reference: the day relative phrases count back from (the inspection's last day); without it
            "two years ago" gives a fact with no date.
    """
    # ROLE_RE tried at every position of every sentence is most of the reading time; a plain
    # alternation of the posts' head words first skips the pages and sentences without one.
    paged = [sentences(page) if ANCHOR.search(page) else [] for page in pages]
    titles = local_dcs_titles(paged)
    found: list[LeaderFact] = []
    for number, page_sentences in enumerate(paged, 1):
        before: list[Subject] = []
        for index, sentence in enumerate(page_sentences):
            if ANCHOR.search(sentence):
                subjects = _subjects(sentence, titles)
                found += sentence_facts(sentence, number, reference, subjects)
            else:
                subjects = []
                if before:
                    previous = page_sentences[index - 1]
                    found += _continued(previous, sentence, number, reference, before)
            before = subjects
    return found


def sentence_facts(
    sentence: str, page: int, reference: date | None = None, subjects: list[Subject] | None = None
) -> list[LeaderFact]:
    """The facts one sentence states about the posts it names (`subjects`: read from it by default)."""
    found: list[LeaderFact] = []
    leading = LEADING_DATE.match(sentence)
    for subject in _subjects(sentence, NO_TITLES) if subjects is None else subjects:
        base = _base(subject, page, sentence)
        before = sentence[: subject.start]
        after = sentence[subject.end :]
        if APPOINTMENT_OF.search(before):
            when = AFTER_APPOINTMENT_OF.match(after)
            if when:
                found.append(_dated(base, "appointed", when, reference))
                continue
        dated_before = APPOINTMENT_DATED_OF.search(before)
        if dated_before:
            found.append(_dated(base, "appointed", dated_before, reference))
            continue
        appositive = APPOSITIVE.match(after)
        name = None
        if appositive and appositive.group("name") and not NOT_NAME.search(appositive.group("name")):
            name = appositive.group("name")
        if appositive and appositive.group("interim"):
            base = replace(base, interim=True)
        who = ALSO_WHO.match(appositive.group("who") or "") if appositive else None
        if who:
            found.append(replace(base, name=name, kind="combined_role", also=who.group("also").strip()))
        responsible = appositive.group("responsible") if appositive else None
        if responsible and re.search(r"\badult", responsible, re.IGNORECASE):
            found.append(replace(base, name=name, kind="combined_role", also=responsible))
        base = replace(base, name=name)
        rest = after[appositive.end() if appositive else 0 :]
        rest = rest[COORDINATED.match(rest).end() :] if COORDINATED.match(rest) else rest  # type: ignore[union-attr]
        # The verb follows the post, or the words set off after it (", appointed in February 2016,"
        # is itself the verb, so it is tried before being skipped as an aside).
        found += _predicate(base, [after, rest], before, reference, leading)
    return _unique(found)


@dataclass(frozen=True)
class Subject:
    """A post a sentence names: where it is printed, its role, and the words that name it."""

    start: int
    end: int
    role: LeaderRole
    title: str  # as printed, qualifiers and abbreviation included
    qualifiers: str  # lower case: "interim ", "new permanent "
    interim_title: bool  # the title itself says interim ("IDCS")
    variant: bool = False  # a DCS title in other words (DCS_VARIANT)
    basis: tuple[int, str] | None = None  # where the report says a local title is the DCS, if not here


@dataclass(frozen=True)
class LocalTitles:
    """Local titles a report itself says are the DCS's, each with the page and sentence saying so."""

    basis: dict[str, list[tuple[int, str]]]
    pattern: re.Pattern[str] | None


NO_TITLES = LocalTitles({}, None)


def _subjects(sentence: str, titles: LocalTitles) -> list[Subject]:
    """The posts a sentence names, in the order printed; a local DCS title wins over the posts in it."""
    local = (
        [_local_subject(m, sentence, titles) for m in titles.pattern.finditer(sentence)]
        if titles.pattern
        else []
    )
    found = list(local)
    for match in ROLE_RE.finditer(sentence):
        if any(s.start < match.end() and match.start() < s.end for s in local):
            continue
        group = next(g for g in ROLE_OF_GROUP if match.group(g))
        role = ROLE_OF_GROUP[group]
        if role == "chief_executive" and _trust_chief(sentence, match):
            role = "trust_chief_executive"
        title = " ".join((match.group("qual") + match.group(group) + match.group("abbr")).split())
        idcs = bool(match.group("dcs")) and match.group("dcs").upper() == "IDCS"
        found.append(
            Subject(
                match.start(), match.end(), role, title, match.group("qual").lower(), idcs, group == "variant"
            )
        )
    if any(s.variant for s in found) and any(
        s.role == "director_of_childrens_services" and not s.variant for s in found
    ):
        found = [s for s in found if not s.variant]
    return sorted(found, key=lambda s: s.start)


def _local_subject(match: re.Match[str], sentence: str, titles: LocalTitles) -> Subject:
    printed = match.group("qual") + match.group("local") + match.group("abbr")
    links = titles.basis[_title_key(match.group("local"))]
    return Subject(
        match.start(),
        match.end(),
        "director_of_childrens_services",
        " ".join(printed.split()),
        match.group("qual").lower(),
        interim_title=False,
        basis=None if any(link in sentence for _, link in links) else links[0],
    )


def _base(subject: Subject, page: int, quote: str) -> LeaderFact:
    """A fact about the subject with nothing yet said of it: kind, date and name come from the verb."""
    previous = bool(re.search(r"\b(?:previous|former|then)\b", subject.qualifiers))
    interim: bool | None = (
        True
        if subject.interim_title or re.search(r"\b(?:interim|acting|temporary)\b", subject.qualifiers)
        else None
    )
    if interim is None and re.search(r"\b(?:permanent|substantive)\b", subject.qualifiers):
        interim = False
    basis_page, basis = subject.basis if subject.basis and subject.basis[1] not in quote else (None, None)
    return LeaderFact(
        subject.role,
        subject.title,
        "in_post_since",
        None,
        None,
        "stated",
        interim,
        previous,
        None,
        None,
        page,
        quote,
        basis_page,
        basis,
    )


def _continued(
    previous: str, sentence: str, page: int, reference: date | None, subjects: list[Subject]
) -> list[LeaderFact]:
    """ "She has been in post since March 2013." after a sentence that opens with one post."""
    pronoun = CONTINUES.match(sentence)
    if pronoun is None or subjects[0].start != 0 or len({s.role for s in subjects}) != 1:
        return []
    base = _base(subjects[0], page, f"{previous} {sentence}")
    return _predicate(base, [sentence[pronoun.end() :]], "", reference, None)


def local_dcs_titles(paged: list[list[str]]) -> LocalTitles:
    """The local titles a report says are the DCS's ("The Strategic Director of Care, Wellbeing and
    Learning (DCS)"), from every page's sentences, each with the first page and sentence saying so."""
    basis: dict[str, list[tuple[int, str]]] = {}
    for number, page_sentences in enumerate(paged, 1):
        for index, sentence in enumerate(page_sentences):
            if not LINK_HINT.search(sentence):
                continue
            found = [m.group("local") for link in TITLE_LINKS for m in link.finditer(sentence)]
            earlier = page_sentences[index - 1] if index else ""
            opening = OPENING_TITLE.match(earlier)
            if opening and POST_INCLUDES.match(sentence):
                found.append(opening.group("local"))
            for title in found:
                if not _names_the_dcs(title):
                    basis.setdefault(_title_key(title), []).append((number, sentence))
    if not basis:
        return NO_TITLES
    alternatives = "|".join(
        A.join(re.escape(part) for part in re.split(A, title))
        for title in sorted(basis, key=len, reverse=True)
    )
    pattern = re.compile(
        rf"\b(?P<det>the |a |an |their |its )?(?P<qual>{QUALIFIERS}){NOT_THE_DIRECTOR}(?P<local>{alternatives})\b"
        rf"(?P<abbr>(?: \((?:[A-Z]{{2,6}})\))*)",
        re.IGNORECASE,
    )
    return LocalTitles(basis, pattern)


def _title_key(title: str) -> str:
    return re.sub(A, "'", " ".join(title.lower().split()))


def _names_the_dcs(title: str) -> bool:
    match = ROLE_RE.fullmatch(title)
    return match is not None and bool(match.group("dcs") or match.group("variant"))


def _predicate(
    base: LeaderFact,
    candidates: list[str],
    before: str,
    reference: date | None,
    leading: re.Match[str] | None,
) -> list[LeaderFact]:
    for text in candidates:
        for kind, pattern in PREDICATES:
            match = pattern.match(text)
            if match is None:
                continue
            if (
                kind == "appointed"
                and pattern.pattern.startswith(" (?:in|on)")
                and not APPOINTMENTS.search(before)
            ):
                continue
            return _facts_of(base, kind, match, reference, leading)
    return []


def _trust_chief(sentence: str, subject: re.Match[str]) -> bool:
    """ "The chief executive of the trust": the TRUST_CEO pattern missed only a lower-case trust name."""
    return bool(re.match(r" of (?:the )?trust\b", sentence[subject.end() :], re.IGNORECASE))


def _facts_of(
    base: LeaderFact,
    kind: FactKind,
    match: re.Match[str],
    reference: date | None,
    leading: re.Match[str] | None,
) -> list[LeaderFact]:
    groups = match.groupdict()
    if kind == "combined_role":
        return [replace(base, kind=kind, also=groups["also"].strip(" ,"))]
    if kind == "changed":
        when = groups["when"].lower()
        if when == "in recent weeks" and reference is not None:
            return [
                replace(
                    base, kind=kind, date=f"{reference:%Y-%m}", precision="month", certainty="approximate"
                )
            ]
        if when == "this year" and reference is not None:
            return [replace(base, kind=kind, date=f"{reference:%Y}", precision="year")]
        return [replace(base, kind=kind)]
    if kind == "left" and groups.get("from"):
        start = _dated(base, "takes_up_post", match, reference, group="from")
        return [replace(start, previous=True), replace(_dated(base, "left", match, reference), previous=True)]
    if kind == "left" and groups.get("since"):
        start = _dated(base, "in_post_since", match, reference, group="since")
        return [replace(start, previous=True), replace(_dated(base, "left", match, reference), previous=True)]
    interim = base.interim
    if groups.get("interim_before") or groups.get("interim_after"):
        interim = True
    first = replace(_dated(base, kind, match, reference), interim=interim)
    if kind == "appointed" and first.date is None and leading is not None:
        first = _dated(replace(base, interim=interim), kind, leading, reference)
    facts = [first]
    if groups.get("date2"):
        second = groups.get("second") or ""
        substantive = (
            re.fullmatch(r"substantive(?:ly)?|permanent(?:ly)?", second.strip(), re.IGNORECASE) is not None
        )
        facts.append(
            replace(
                _dated(base, "in_post_since", match, reference, group="date2"),
                interim=False if substantive or interim else None,
                title=base.title if substantive else f"{base.title}; {second.strip()}",
            )
        )
    return facts


def _dated(
    base: LeaderFact, kind: FactKind, match: re.Match[str], reference: date | None, group: str = "date"
) -> LeaderFact:
    groups = match.groupdict()
    # "served from January 2014 to October 2017": the end date follows "to" bare.
    printed = groups.get(group) or (groups.get("date_bare") if group == "date" else None)
    if printed:
        when, precision = month_year(printed)
        return replace(base, kind=kind, date=when, precision=precision)
    if groups.get("n") and groups.get("unit") and reference is not None:
        counted = _count_back(reference, groups["n"].lower(), groups["unit"].lower())
        if counted is not None:
            return replace(base, kind=kind, date=counted[0], precision=counted[1], certainty="approximate")
    return replace(base, kind=kind)


def _count_back(reference: date, n: str, unit: str) -> tuple[str, Precision] | None:
    count = int(n) if n.isdigit() else WORD_NUMBERS.get(n)
    if count is None:
        return None  # "several years ago" counts nothing
    if unit.startswith("year"):
        return f"{reference.year - count}", "year"
    months = count if unit.startswith("month") else 0
    total = reference.year * 12 + reference.month - 1 - months
    return f"{total // 12}-{total % 12 + 1:02d}", "month"


def month_year(text: str) -> tuple[str, Precision]:
    """ "3 October 2016" -> ("2016-10-03", "day"); "October 2016" -> ("2016-10", "month"); "2016" -> year."""
    parts = text.replace(",", "").split()
    if len(parts) == 1:
        return parts[0], "year"
    if len(parts) == 2:
        return f"{parts[1]}-{MONTHS[parts[0].lower()]:02d}", "month"
    day = int(re.sub(r"\D", "", parts[0]))
    return f"{parts[2]}-{MONTHS[parts[1].lower()]:02d}-{day:02d}", "day"


def _unique(facts: list[LeaderFact]) -> list[LeaderFact]:
    return list(dict.fromkeys(facts))


def join_names(facts: list[LeaderFact]) -> list[LeaderFact]:
    """Give unnamed facts of one report the holder its own sentences name, by one stated rule.

    Rule: a report speaks of one point in time, so "the DCS" in it is the same person throughout;
    when the report names exactly one holder of a post, its unnamed facts about the current holder of
    that post (not a previous one) are that holder's. With no name, or two different names for one
    post, the facts stay without a holder.
    """
    names: dict[LeaderRole, set[str]] = {}
    for fact in facts:
        if fact.name and not fact.previous:
            names.setdefault(fact.role, set()).add(fact.name)
    joined = []
    for fact in facts:
        holders = names.get(fact.role, set())
        if fact.name is None and not fact.previous and len(holders) == 1:
            fact = replace(fact, name=next(iter(holders)))
        joined.append(fact)
    return joined
