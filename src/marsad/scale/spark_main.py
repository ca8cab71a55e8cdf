"""The file ``spark-submit`` runs on a cluster: ``SOURCE --out DIR [--partitions N] …``, as
``marsad spark`` but with the master, executors and resources that spark-submit configured."""

from __future__ import annotations

import argparse
import sys

from marsad.core.errors import MarsadError
from marsad.core.settings import Settings, parse_published
from marsad.scale.spark import run


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="marsad-spark", description=__doc__)
    ap.add_argument("source")
    ap.add_argument("--out", required=True)
    ap.add_argument("--text-column", default="text")
    ap.add_argument("--partitions", type=int)
    ap.add_argument("--published")
    args = ap.parse_args(argv)
    try:
        settings = Settings(published=parse_published(args.published)) if args.published else Settings()
        report = run(args.source, args.out, settings, None, args.text_column, args.partitions)
    except MarsadError as exc:
        print(f"marsad: {exc}", file=sys.stderr)
        return 1
    print(f"{report.out}: {report.rows}; {report.errors} records failed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
