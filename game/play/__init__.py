"""Headless logic a player's screen shows: what a delegation may choose, what the debrief says.

No Textual here (a test proves it): the UI only lays these out, and other front ends or tests
can use them without a screen.
"""
