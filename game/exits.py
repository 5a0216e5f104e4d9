"""The command's exit statuses, in one place.

Bad input of every kind, a file the user handed us or an argument, is one line and status 1 (the
project's standard: the user learns what to fix from the line, not from the number). The name
EXIT_USAGE stays for the call sites that refuse arguments, so that the two kinds of refusal read
differently in the code even though they end the same way.
"""

EXIT_OK = 0
EXIT_INVALID = 1  # a file the user handed us is invalid, or a command found a problem
EXIT_USAGE = 1  # the arguments are wrong: argparse's convention is 2, ours is the standard's 1
EXIT_INTERRUPTED = 130  # Ctrl+C: 128 + SIGINT, what a shell reports for a command the signal ended


def exit_for_signal(signum: int) -> int:
    """The status a shell reports for a command a signal ended (143 for SIGTERM, 129 for SIGHUP)."""
    return 128 + signum
