"""``python -m pipeline`` is the same command as ``actionplan``."""

from pipeline.cli import main

raise SystemExit(main())
