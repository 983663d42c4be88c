"""Writing a load: one transaction that replaces every node kind the load owns."""

from loaders.write.transaction import (
    WriteResult,
    citation_rows,
    content_hash,
    count_records,
    remembered_report_folders,
    write_graph,
    write_nodes,
)

__all__ = [
    "WriteResult",
    "citation_rows",
    "content_hash",
    "count_records",
    "remembered_report_folders",
    "write_graph",
    "write_nodes",
]
