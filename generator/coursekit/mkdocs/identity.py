"""MkDocs adapter for the course's identity (course.yml `course`): the repository link and the logo.

course.yml is the one place an author sets them; this hands them to MkDocs and the theme, unless mkdocs.yml sets
the same setting itself (repo_url, extra.social, theme.logo or theme.icon.logo), which then wins. A course without a
repository gets no repository link in the footer and no report link under its lessons.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from coursekit.build import CourseBuild
from coursekit.course.identity import Identity

# Material icons for the footer's repository link, by host; any other host gets a generic one.
_HOST_ICONS = {"github.com": "fontawesome/brands/github", "gitlab.com": "fontawesome/brands/gitlab",
               "bitbucket.org": "fontawesome/brands/bitbucket"}


def _host_icon(identity: Identity) -> str:
    host = identity.repository.split("/")[2].lower()
    return _HOST_ICONS.get(host, "fontawesome/brands/git-alt")


def on_config(config: MkDocsConfig, *, build: CourseBuild) -> None:
    identity = build.course.identity
    if identity.repository and not config.repo_url:
        config.repo_url = identity.repository
        config.repo_name = config.repo_name or identity.repository_name
        if "social" not in config.extra:
            # In the footer: in the header the link arrives after the first paint and shifts the search box.
            config.extra["social"] = [{"icon": _host_icon(identity), "link": identity.repository,
                                       "name": build.strings["site"]["source_link"]}]
    theme = config.theme
    if identity.logo and not theme.get("logo") and not (theme.get("icon") or {}).get("logo"):
        if identity.logo_is_icon:  # inline SVG: no image request, no layout shift while it loads
            theme["icon"] = {**(theme.get("icon") or {}), "logo": identity.logo}
        else:
            theme["logo"] = identity.logo
