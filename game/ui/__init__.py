"""The terminal interface (Textual). The only layer, with the CLI, that imports textual."""
