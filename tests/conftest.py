"""Test-wide settings."""

import os

from hypothesis import settings

# Property tests run the same examples on every machine (CI never fails on a new random
# draw it cannot reproduce), and a slow first spaCy load is not a deadline failure.
# HYPOTHESIS_PROFILE=explore draws fresh examples when hunting for bugs by hand.
settings.register_profile("ci", derandomize=True, deadline=None, max_examples=200)
settings.register_profile("explore", deadline=None, max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
