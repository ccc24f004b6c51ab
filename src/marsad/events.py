"""Events: PLOVER type, mode, context, direction and modality per sentence.

OWNER: events helper. Contract:

    load_event_coder() -> EventCoder
    EventCoder.__call__(article: Article) -> Article   # fills article.events (date left None)
"""
