"""People's names and identity: the one rule that turns a printed name into a Person id.

Person identity: one Person per identical cleaned name (honorifics, post-nominals, case and punctuation
aside), across councils. A DCS is one of about 150 people in a small national profession who move
between councils, and the sources name them in the same role, so an identical full name is taken as the
same person; the letters, the reports and the news fact files all make ids this way ("chris-spencer"),
so they meet on one Person. Spelling variants ("Mil"/"Milorad Vasic", "Jayne Ludlam"/"Ludlum") are not
joined: that would be a guess.
"""

# ruff: noqa: RUF001, RUF002

from __future__ import annotations

import re
import unicodedata

HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "cllr", "professor", "prof"}
POST_NOMINALS = {"obe", "cbe", "mbe", "dbe"}


def clean_name(printed: str) -> str:
    """A name without honorifics (Mr, Dr, Professor ...) or post-nominals (OBE ...), as printed otherwise."""
    words = printed.replace(",", " ").split()
    while words and words[0].rstrip(".").lower() in HONORIFICS:
        words = words[1:]
    while words and words[-1].rstrip(".").lower() in POST_NOMINALS:
        words = words[:-1]
    return " ".join(words)


def looks_like_a_name(name: str) -> bool:
    """Two or more words of letters, apostrophes, hyphens and full stops."""
    words = name.split()
    allowed = set("’'-.")
    return len(words) >= 2 and all(ch.isalpha() or ch in allowed for word in words for ch in word)


def person_slug(name: str) -> str:
    """A Person id from a name: 'Tim O’Neill' -> 'tim-oneill' (the fact files use the same form)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"['’]", "", ascii_name.lower())
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")
