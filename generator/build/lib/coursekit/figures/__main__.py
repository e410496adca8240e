"""`python -m coursekit.figures spec.yml -o out.webp --lang en` (see cli.py)."""

import sys

from .cli import main

sys.exit(main())
