"""Commands for authors: start a lesson or a series without copying front matter by hand (`python -m
build_hooks.authoring --help`, or `make lesson` / `make series`)."""
