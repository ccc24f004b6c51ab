"""Actors: countries, governments, officials by role, armed groups, IGOs.

OWNER: actors helper. Contract:

    load_actor_recognizer() -> ActorRecognizer    # loads gazetteers once
    ActorRecognizer.__call__(article: Article) -> Article   # fills article.mentions
"""
