"""The generator's checks of a built course site, for any course's tests (this repository's and a new course's).

- build: build the site as `make build` does; server: serve it under a sub-path as GitHub Pages does;
- crawl (with html_refs): every link, #anchor and asset over real HTTP; site_checks: pages, links and languages;
- axe: axe-core in Chromium on every page, light and dark, phone and desktop, and with controls open;
- progress_check: completing a lesson shows it done, in every language;
- chromium: Debian's Chromium through Playwright; fixtures: the pytest fixtures a course's conftest.py loads.

Playwright and pytest come with the `testing` extra: `pip install 'mkdocs-coursekit[testing]'`.
"""
