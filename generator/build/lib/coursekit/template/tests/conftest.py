"""The generator's checks of this course's built site run on fixtures it provides (coursekit.testing.fixtures):
the site built once per run (every language, strict), served under /<course name>/ as GitHub Pages serves it,
crawled once, and Debian's Chromium."""

pytest_plugins = ["coursekit.testing.fixtures"]
