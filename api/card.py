"""The compact card's facts (issue 15): latest grade, the last director of children's services the
evidence shows, and a strip of past grades. static/ofsted.js builds the same from the same answer."""

from __future__ import annotations

from typing import Any

from api.wording import GRADES, day_text, partial_date, unnamed_director

SHORT = {"OUTSTANDING": "O", "GOOD": "G", "REQUIRES_IMPROVEMENT": "RI", "ADEQUATE": "A", "INADEQUATE": "I"}
STRIP = 6


def card_facts(council: dict[str, Any]) -> dict[str, Any]:
    """{latest, director, rated, strip}: the latest graded inspection, the director sentence, the
    director when it was rated where no named one covers it, past grades."""
    graded = [
        i
        for i in council["inspections"]
        if i.get("overall") and (i.get("startDate") or i.get("publishedDate"))
    ]
    latest = graded[-1] if graded else None
    return {
        "latest": None if latest is None else {"grade": latest["overall"], "when": _when(latest)},
        "director": director_line(council["tenures"]),
        "rated": unnamed_director(latest) if latest else None,
        "strip": [
            {
                "grade": i["overall"],
                "word": GRADES[i["overall"]],
                "short": SHORT[i["overall"]],
                "year": _day(i)[:4],
            }
            for i in graded[-STRIP:]
        ],
    }


def _day(i: dict[str, Any]) -> str:
    return str(i.get("startDate") or i.get("publishedDate"))


def _when(i: dict[str, Any]) -> str:
    return day_text(i["startDate"]) if i.get("startDate") else f"published {day_text(_day(i))}"


def _latest_key(t: dict[str, Any]) -> str:
    dates = [
        (t.get("end") or {}).get("date"),
        t.get("evidenceTo"),
        (t.get("start") or {}).get("date"),
        t.get("evidenceFrom"),
    ]
    return next((d for d in dates if d), "")


def director_line(tenures: list[dict[str, Any]]) -> str:
    """The last director the evidence shows, or since when it shows none."""
    held = [t for t in tenures if t["role"] == "DIRECTOR_OF_CHILDRENS_SERVICES"]
    if not held:
        return "not known"
    last = max(held, key=_latest_key)
    if last.get("end"):
        return f"not known since {partial_date(last['end'])['text']}"
    name = (last["person"] or {}).get("name") or "name not stated"
    interim = " (interim)" if last.get("interim") else ""
    if last.get("evidenceTo"):
        return f"{name}{interim} (last shown in post {day_text(last['evidenceTo'])})"
    return (
        f"{name}{interim} (in post from {partial_date(last['start'])['text']})"
        if last.get("start")
        else name + interim
    )
