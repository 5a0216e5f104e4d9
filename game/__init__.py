"""Peace Talks: a turn-based negotiation game for the terminal."""

__version__ = "0.1.0"
