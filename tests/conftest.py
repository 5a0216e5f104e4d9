"""Settings for the whole suite."""

from hypothesis import settings

# Property tests explore the same examples on every run and every machine: CI must never turn
# red (or green) by luck. Widen the search locally with --hypothesis-seed or a new profile.
settings.register_profile("peacetalks", derandomize=True, deadline=None, database=None)
settings.load_profile("peacetalks")
