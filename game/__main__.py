"""`python -m game` runs the same command as `peacetalks`."""

import sys

from game.cli import main

sys.exit(main())
