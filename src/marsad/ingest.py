"""Ingest: files, folders and JSONL into `Document` records (the original kept verbatim).

OWNER: ingest/read helper. Contract:

    iter_documents(paths, manifest=None) -> Iterator[Document | Failure]
    load_manifest(path) -> Manifest

Bad inputs become `Failure(origin, reason)`; the run goes on.
"""
