"""Which printed layout a PDF is, and the council it names on its first page."""

# Reports print curly apostrophes and en dashes; the patterns must match them, and read best unbroken.
# ruff: noqa: E501

from __future__ import annotations

import re

from loaders.report_pdf.model import APOSTROPHE, DocType, Quoted, sentence_at


def classify(first_page: str) -> DocType | None:
    """The kind of document from its first page."""
    head = first_page[:700]
    if re.search(r"Focused visit to ", head) and re.search(r"\bDear ", head):
        return "ilacs_focused_visit_letter"
    if "Inspection of looked after children services" in head:
        return "looked_after_children_inspection_report_2013"
    if re.search(r"Re-inspection of services for children in need of help", head):
        return "sif_reinspection_report"
    if re.search(r"Inspection of services for children in need of help", head):
        return "sif_inspection_report"
    if re.search(r"Inspection of .{3,80}? (?:children" + APOSTROPHE + r"s services|Trust\b)", head) or (
        re.search(r"Inspection of children" + APOSTROPHE + r"s social care services", head)
    ):
        return "ilacs_inspection_report" if "Lead inspector" in head or "Judgement" in head else None
    return None


def council_name(first_page: str, doc_type: DocType) -> Quoted | None:
    """The council (or children's trust) the document is about, as printed on page 1."""
    patterns = {
        "ilacs_focused_visit_letter": r"Focused visit to (?:the )?(?P<name>.+?)(?: local authority)? [Cc]hildren"
        + APOSTROPHE
        + r"s [Ss]ervices",
        "looked_after_children_inspection_report_2013": r"services (?P<name>.+?) Inspection dates?",
        "sif_reinspection_report": r"^(?:\d+ )?(?P<name>.+?) Re-inspection of services",
        "sif_inspection_report": r"^(?:\d+ )?(?P<name>.+?) Inspection of services",
        "ilacs_inspection_report": r"Inspection of (?P<name>.+?)(?: local authority)? (?:children"
        + APOSTROPHE
        + r"s services|children"
        + APOSTROPHE
        + r"s social care services|(?=Inspection dates))",
    }
    match = None
    if doc_type == "ilacs_inspection_report":
        # 2018-2020 reports print the council on its own line above "Inspection of children's social care".
        match = re.search(
            r"^(?:\d+ )?(?P<name>.+?) Inspection of children" + APOSTROPHE + "s social care", first_page
        )
    match = match or re.search(patterns[doc_type], first_page)
    if match is None and doc_type == "ilacs_focused_visit_letter":
        match = re.search(
            r"Focused visit to (?:the )?(?P<name>[A-Z][\w ,&]+?) (?:council|Council)\b", first_page
        )
    if match is None and doc_type == "ilacs_inspection_report":
        # Trusts and older ILACS reports print the council on its own line before the title.
        match = re.search(r"^(?:\d+ )?(?P<name>.+?) Inspection of children" + APOSTROPHE, first_page)
    if match is None:
        return None
    name = match.group("name").strip(" ,")
    return Quoted(name, 1, sentence_at(first_page, match.start(), match.end()))
