"""Council resolution: a council's DfE code from its URN, GSS code or name, as of a date."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from loaders.model import CouncilRecord


def name_key(name: str) -> str:
    """A council name reduced to what tells councils apart.

    Ignores case, punctuation ("St." = "St", "Stockton-on-Tees" = "Stockton on Tees"), "&" vs "and", and
    a leading "City of" / "County of" or trailing ", City of" / ", County of" (ONS's "Bristol, City of").
    """
    text = name.casefold().replace("&", " and ")
    text = " ".join(re.sub(r"[\W_]+", " ", text).split())
    text = re.sub(r"^(?:city|county) of ", "", text)
    return re.sub(r" (?:city|county) of$", "", text)


class CouncilIndex:
    """Resolves a source's reference to a council (name, Ofsted URN, GSS code) to its DfE LA code.

    Example:
        >>> index.by_name("Kingston Upon Hull")
        '810'
        >>> index.by_name("Dorset", on_date="2018-06-01"), index.by_name("Dorset")
        ('835', '838')
    """

    def __init__(self, councils: Sequence[CouncilRecord], gss_codes: dict[str, str]) -> None:
        self._councils = {c.code: c for c in councils}
        self._by_urn = {c.ofsted_urn: c.code for c in councils if c.ofsted_urn}
        self._by_gss = {**gss_codes, **{c.gss_code: c.code for c in councils if c.gss_code}}
        by_key: dict[str, set[str]] = defaultdict(set)
        for council in councils:
            for alias in (council.name, *council.aliases):
                by_key[name_key(alias)].add(council.code)
        self._by_key = {key: sorted(codes) for key, codes in by_key.items()}

    def by_name(self, name: str, on_date: str | None = None) -> str | None:
        """The DfE code of the council with this name; None if unknown or still ambiguous.

        Where councils share a name over time (Dorset: 835 until 2019-03-31, 838 from 2019-04-01) the
        one that existed on `on_date` (ISO date) wins; with no date, the current one.
        """
        codes = self._by_key.get(name_key(name), [])
        if len(codes) > 1:
            codes = [code for code in codes if self._existed(self._councils[code], on_date)]
        return codes[0] if len(codes) == 1 else None

    def by_urn(self, urn: str) -> str | None:
        """The DfE code of the council with this Ofsted URN."""
        return self._by_urn.get(urn.strip())

    def by_gss(self, gss: str) -> str | None:
        """The DfE code of the council with this ONS GSS code, current or former."""
        return self._by_gss.get(gss.strip().upper())

    def by_code(self, code: str) -> CouncilRecord | None:
        """The council with this DfE LA code."""
        return self._councils.get(code.strip())

    def councils(self) -> list[CouncilRecord]:
        """Every council, current and former, by DfE code."""
        return [self._councils[code] for code in sorted(self._councils)]

    @staticmethod
    def _existed(council: CouncilRecord, on_date: str | None) -> bool:
        if on_date is None:
            return council.end_date is None
        started = council.start_date is None or council.start_date <= on_date
        return started and (council.end_date is None or on_date <= council.end_date)
