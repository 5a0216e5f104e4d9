"""Widgets of the table screen: they get data as attributes and hold no game state."""
