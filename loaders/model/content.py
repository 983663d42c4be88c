"""What one load writes: every source's records plus the reconciled inspections."""

from __future__ import annotations

from dataclasses import dataclass

from loaders.model.records import Bundle, Inspection


@dataclass(frozen=True)
class Content:
    """What a load writes: every record except inspection statements, plus the merged inspections."""

    bundle: Bundle
    inspections: list[Inspection]
    # Researchers' folders of report PDFs read with the bundled data (`ofsted-graph reports FOLDER`);
    # the graph remembers them so that the next full load keeps their reports.
    report_folders: tuple[str, ...] = ()
