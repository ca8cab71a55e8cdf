"""``python -m marsad`` runs the command line."""

from .cli import main

main()
