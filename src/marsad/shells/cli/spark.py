"""``marsad spark INPUT --out DIR``: a thin shell over :func:`marsad.scale.spark.run`."""

from __future__ import annotations

from pathlib import Path

import click

from marsad.shells.cli.common import command_settings, one_line_errors


def add_commands(cli: click.Group) -> None:
    """Add the ``spark`` command to ``cli``."""

    @cli.command("spark")
    @click.argument("source")
    @click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
                  help="folder for the Parquet datasets (articles, mentions, entities, quotes, events, errors)")
    @click.option("--master", default="local[*]", show_default=True,
                  help="Spark master URL (local[N], spark://HOST:7077, yarn, k8s://…)")
    @click.option("--text-column", default="text", show_default=True, help="the text column of Parquet input")
    @click.option("--partitions", type=int, help="repartition the input into N partitions first")
    @click.option("--published", help="publication date (YYYY-MM-DD) for records that carry none")
    @click.option("--stages", help="comma-separated stage names (default: all built-in stages)")
    @one_line_errors
    def spark(source: str, out_dir: Path, master: str, text_column: str, partitions: int | None,
              published: str | None, stages: str | None) -> None:
        """Analyse JSONL, a folder of articles, or Parquet on Apache Spark; write Parquet datasets."""
        from marsad.scale.spark import run

        settings = command_settings(published, 1, stages)
        report = run(source, out_dir, settings, master, text_column, partitions)
        counts = ", ".join(f"{table} {count}" for table, count in report.rows.items())
        click.echo(f"{report.out}: {counts}; {report.errors} records failed (see errors/)", err=True)
