"""The researcher's added report PDFs, kept in a store the project manages.

`ofsted-graph reports FOLDER` copies each PDF into `<neo4j home>/added-reports/`, named by its sha256
and its original file name ("<sha256>__children's services inspection - 20 january 2032.pdf", so the
date in the name still serves as the publication date). Every load reads the store, never the
folder, so moving or deleting the folder later changes nothing. `reports-list` and `reports-remove`
show and forget added reports.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from graph.errors import LoadError, Problem

SEPARATOR = "__"


@dataclass(frozen=True)
class AddedReport:
    sha256: str
    name: str  # the file name it had when added
    path: Path  # its copy in the store


def store_dir(neo4j_home: Path) -> Path:
    return neo4j_home / "added-reports"


def listed(store: Path) -> list[AddedReport]:
    """Every added report, by original name."""
    if not store.is_dir():
        return []
    found = []
    for path in store.glob(f"*{SEPARATOR}*"):
        sha, _, name = path.name.partition(SEPARATOR)
        if path.is_file() and len(sha) == 64:
            found.append(AddedReport(sha, name, path))
    return sorted(found, key=lambda a: (a.name, a.sha256))


def add(store: Path, folder: Path) -> list[AddedReport]:
    """Copy every PDF under `folder` into the store; returns the ones not already there.

    Raises:
        LoadError: the folder is not a folder, or holds no PDF.
    """
    if not folder.is_dir():
        raise LoadError([Problem(str(folder), None, None, "not a folder")])
    pdfs = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf")
    if not pdfs:
        raise LoadError([Problem(str(folder), None, None, "no .pdf files in this folder")])
    store.mkdir(parents=True, exist_ok=True)
    known = {a.sha256 for a in listed(store)}
    added = []
    for pdf in pdfs:
        data = pdf.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        if sha in known:
            continue
        known.add(sha)
        target = store / f"{sha}{SEPARATOR}{pdf.name}"
        # Written aside and renamed, so a load never sees half a file.
        partial = store / f".{sha}.{os.getpid()}.part"
        partial.write_bytes(data)
        partial.replace(target)
        added.append(AddedReport(sha, pdf.name, target))
    return added


def remove(store: Path, key: str) -> list[AddedReport]:
    """Forget the added reports whose sha256 starts with `key` (8 characters at least) or whose
    original name is `key`.

    Raises:
        LoadError: nothing matches, or a sha256 prefix matches more than one report.
    """
    everything = listed(store)
    matches = [a for a in everything if a.name == key]
    if not matches and len(key) >= 8:
        matches = [a for a in everything if a.sha256.startswith(key.lower())]
    if not matches:
        raise LoadError([Problem(str(store), None, None, f"no added report has the name or sha256 {key!r}")])
    if len({a.sha256 for a in matches}) > 1 and matches[0].name != key:
        raise LoadError(
            [
                Problem(
                    str(store), None, None, f"{key!r} matches several added reports; give more of the sha256"
                )
            ]
        )
    for added in matches:
        added.path.unlink()
    return matches


def forget(added: list[AddedReport]) -> None:
    """Take back what `add` copied (a load that refused them must leave the store as it was)."""
    for report in added:
        report.path.unlink(missing_ok=True)


def import_folder(store: Path, folder: Path) -> list[AddedReport]:
    """Copy a folder the graph remembered (before the store existed) into the store, if it is still there."""
    if not folder.is_dir() or folder.resolve() == store.resolve():
        return []
    try:
        return add(store, folder)
    except LoadError:
        return []
