"""Commands for authors: start a lesson or a series without copying front matter by hand (`python -m
coursekit.authoring --help`, or `make lesson` / `make series`)."""
