#!/usr/bin/env python3
"""closeread: build the teaching kit. See README.md, or run ``python build.py --help``."""

import sys

from closeread.cli import main

if __name__ == "__main__":
    sys.exit(main())
