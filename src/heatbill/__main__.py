"""`python -m heatbill`: the same command as the `heatbill` script."""

from heatbill.entrypoints.cli.main import main

main()
