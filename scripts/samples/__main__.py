"""``python -m scripts.samples``: the sample builder (scripts/samples/build.py)."""

import sys

from scripts.samples.build import main

sys.exit(main())
