"""``python -m marsad`` runs the command line."""

from marsad.shells.cli.main import main

main()
