"""Leader evidence from Ofsted focused-visit letters: who each letter was addressed to, and the visit.

Reads `focused_visit_letters/ofsted_focused_visit_letter_addressees.csv` (SOURCES.md section 5), a
DERIVED table of the addressee block and first sentence of all 371 ILACS focused-visit letters. Ofsted
addresses these letters to the serving director of children's services (DCS) by name and title, so
each letter is evidence that its addressee was in post on the letter date, and nothing more: the
letters never say when a post began or ended, so tenures built from them have no start or end.

Letter citations carry the CSV row and column their text was read from, because the letters are read
only through this table; the quote is the letter's own text (`addressee_block`, lines joined by " | ").

Person identity: one Person per identical cleaned name (honorifics, post-nominals, case and punctuation
aside), across councils. A DCS is one of about 150 people in a small national profession who move
between councils, and the letters come from one regulator naming them in the same role, so an
identical full name is taken as the same person; this is also how the news fact files name people
("chris-spencer"), so letters and news meet on one Person. Spelling variants ("Mil"/"Milorad Vasic",
"Jayne Ludlam"/"Ludlum") are not joined: that would be a guess.
"""

from __future__ import annotations

from pathlib import Path

from graph.errors import LoadError, Problem
from loaders.letters.build import bundle_of
from loaders.letters.rows import COLUMNS, LETTERS_CSV, LetterCorrections, parse_rows
from loaders.model import Bundle, CouncilResolver

__all__ = ["COLUMNS", "LETTERS_CSV", "read_letters"]


def read_letters(data_dir: Path, councils: CouncilResolver) -> Bundle:
    """Read the focused-visit letters table into letter sources, visits, people and tenures.

    Args:
        data_dir: the shared data folder (Settings.data_dir).
        councils: resolves each letter's Ofsted URN to the council's DfE code.

    Raises:
        LoadError: listing every bad row (unknown council, bad date, undecided `check` row, ...).
    """
    path = data_dir / LETTERS_CSV
    problems: list[Problem] = []
    letters = parse_rows(path, councils, LetterCorrections.read(problems), problems)
    if problems:
        raise LoadError(problems)
    return bundle_of(path, letters)
