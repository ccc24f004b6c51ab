"""Read: boilerplate removal, language identification, sentence splitting.

OWNER: ingest/read helper. Contract:

    read_document(doc: Document) -> Article   # story_id, text, title, language, published, sentences
"""
