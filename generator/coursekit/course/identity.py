"""Where a course lives and what it looks like: course.yml's `course.repository` and `course.logo`.

With the course's name and title these are the course's identity, set in course.yml only; the plugin hands them to
the theme (coursekit.mkdocs.identity). Both are optional: without a repository a page has no report link and no
repository link, and without a logo the theme shows its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

_ICON = re.compile(r"^[a-z0-9-]+/[a-z0-9-]+$")  # an icon shipped with the theme, e.g. material/blur
_IMAGE = re.compile(r"^[\w./-]+\.(?:svg|png|webp|jpe?g|gif)$", re.IGNORECASE)  # a file under docs/<lang>/


@dataclass(frozen=True)
class Identity:
    repository: str = ""  # https URL of the course's repository; "" for none
    logo: str = ""  # a theme icon (material/blur) or an image path under docs/<lang>/; "" for the theme's own

    @property
    def logo_is_icon(self) -> bool:
        return bool(_ICON.match(self.logo))

    @property
    def repository_name(self) -> str:
        """The host's name as MkDocs derives it from repo_url (GitHub, GitLab, Bitbucket, or the host)."""
        host = urlsplit(self.repository).netloc.lower()
        known = {"github.com": "GitHub", "gitlab.com": "GitLab", "bitbucket.org": "Bitbucket"}
        return known.get(host, host.split(".")[0].title())


def parse_identity(course: Mapping, problems: list[str], *, source: str = "course.yml") -> Identity:
    repository, logo = course.get("repository", ""), course.get("logo", "")
    if repository is None:
        repository = ""
    if not isinstance(repository, str) or (repository and (urlsplit(repository).scheme not in ("http", "https")
                                                           or not urlsplit(repository).netloc)):
        problems.append(f"{source}: course.repository: expected the repository's web address, such as "
                        "https://github.com/<user>/<repo> (or leave it out: no report or repository link)")
        repository = ""
    if logo is None:
        logo = ""
    if not isinstance(logo, str) or (logo and not (_ICON.match(logo) or _IMAGE.match(logo))):
        problems.append(f"{source}: course.logo: expected an icon shipped with the theme, such as material/school, "
                        "or an image under docs/<language>/, such as assets/logo.svg")
        logo = ""
    return Identity(repository.rstrip("/"), logo)
