"""The real course, built both languages into a temporary folder: what a reader's browser gets."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from coursekit.i18n import load_strings
from coursekit.page.summary import summary_html, summary_plain
from coursekit.testing.html_refs import collect, css_urls
from course_site import LANGUAGE_ROOTS, REPO
from html_tools import html_pages

LANGS = LANGUAGE_ROOTS

pytestmark = pytest.mark.both_engines


SERIES = yaml.safe_load((REPO / "course.yml").read_text(encoding="utf-8"))["series"]


def lessons(lang: str) -> list[dict]:
    """Every published lesson of every series, in the site's order, with its page path ('lessons/02-x')."""
    found = []
    for series in SERIES:
        for path in sorted((REPO / "docs" / lang / series["folder"]).glob("*.md")):
            meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])
            if meta["status"] == "published":
                found.append({**meta, "slug": path.stem, "series": series["id"], "page": f"{series['folder']}/{path.stem}"})
    return found


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_each_lesson_has_the_localized_header(built_site: Path, lang: str) -> None:
    published = lessons(lang)
    assert len(published) >= 2
    strings = load_strings(lang)["site"]
    assert len({meta["series"] for meta in published}) == len(SERIES)  # every series has published lessons
    for meta in published:
        html = read(built_site, f"{LANGS[lang]}{meta['page']}/index.html")
        in_series = [other for other in published if other["series"] == meta["series"]]
        position = strings["lesson_of"].format(number=meta["number"], total=len(in_series))
        assert f"{position} · {strings['published']}" in html
        header = html[html.index('class="lesson-header"'):html.index("lesson-summary")]
        assert re.search(re.escape(strings["minutes"]).replace(r"\{minutes\}", r"\d+"), header), header
        assert f"<h1>{meta['title']}</h1>" in header.replace("&#39;", "'").replace("&amp;", "&")
        # The summary's $…$ is MathML in the box and plain text in the meta description.
        assert summary_html(meta["summary"]) in html[html.index("lesson-summary"):]
        description = re.search(r'<meta name="description" content="([^"]*)"', html)
        assert description and unescape(description.group(1)) == summary_plain(meta["summary"])
        assert f'<html lang="{lang}"' in html


@pytest.mark.parametrize("lang", LANGS)
def test_nav_and_home_list_every_published_lesson_in_order(built_site: Path, lang: str) -> None:
    home = read(built_site, f"{LANGS[lang]}index.html")
    listed = re.findall(r'class="course-home__title" href="([^"]+)/"', home)
    assert listed == [meta["page"] for meta in lessons(lang)]
    nav_links = re.findall(r'<a href="([^"]+)/" class="md-nav__link', home)
    assert [page for page in dict.fromkeys(nav_links) if page in listed] == listed


@pytest.mark.parametrize("lang", LANGS)
def test_hreflang_and_language_menu_point_at_the_same_lesson(built_site: Path, site_server: str, lang: str) -> None:
    for meta in lessons(lang):
        path = f"{LANGS[lang]}{meta['page']}/"
        html = read(built_site, path + "index.html")
        refs, _ = collect(html)
        hreflang = {m.group(1): m.group(2) for m in re.finditer(r'<link rel=" alternate" hreflang="([\w-]+)" href="([^"]+)"', html)}
        assert hreflang == {**{code: f"{site_server}{root}{meta['page']}/" for code, root in LANGS.items()},
                            "x-default": f"{site_server}{meta['page']}/"}
        menu = {ref.url for ref in refs if "course-language-link" in html and ref.tag == "a"
                and re.search(rf'href="{re.escape(ref.url)}" hreflang="\w+" lang', html)}
        resolved = {urljoin(site_server + path, url) for url in menu}
        assert resolved == {hreflang[code] for code in LANGS}


def test_no_page_links_with_an_absolute_path_except_404_pages(built_site: Path) -> None:
    for page in html_pages(built_site):
        if page.name == "404.html":
            continue
        refs, _ = collect(page.read_text(encoding="utf-8"))
        absolute = [ref.url for ref in refs if ref.url.startswith("/") and not ref.url.startswith("//")]
        assert not absolute, f"{page.relative_to(built_site)}: {absolute[:5]}"


def test_every_internal_reference_resolves_to_a_file(built_site: Path, site_server: str) -> None:
    base = urlsplit(site_server).path
    missing = []
    for page in html_pages(built_site):
        rel = page.relative_to(built_site).as_posix()
        page_url = base + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        refs, _ = collect(page.read_text(encoding="utf-8"))
        for ref in refs:
            parts = urlsplit(urljoin(page_url, ref.url))
            if parts.scheme in ("http", "https", "mailto", "data") or parts.netloc:
                continue
            assert parts.path.startswith(base), (rel, ref.url)
            target = built_site / parts.path[len(base):]
            if not (target.is_file() or (target / "index.html").is_file()):
                missing.append((rel, ref.url))
    assert not missing, missing[:10]


def test_no_resource_is_loaded_from_another_host(built_site: Path) -> None:
    offenders = []
    for page in html_pages(built_site):
        refs, _ = collect(page.read_text(encoding="utf-8"))
        offenders += [(page.name, ref.url) for ref in refs if ref.fetched and re.match(r"(https?:)?//", ref.url)]
    for sheet in built_site.rglob("*.css"):
        offenders += [(sheet.name, url) for url in css_urls(sheet.read_text(encoding="utf-8")) if re.match(r"(https?:)?//", url)]
    assert not offenders, offenders[:10]
    assert "fonts.googleapis.com" not in read(built_site, "index.html")


def test_comments_are_absent_until_a_maintainer_configures_them(built_site: Path) -> None:
    for page in html_pages(built_site):
        assert "giscus" not in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_report_link_opens_a_prefilled_issue(built_site: Path, site_server: str, lang: str) -> None:
    meta = lessons(lang)[0]
    html = read(built_site, f"{LANGS[lang]}{meta['page']}/index.html")
    link = re.search(r'class="lesson-report">[^<]*<a href="([^"]+)"', html).group(1).replace("&amp;", "&")
    from urllib.parse import parse_qs
    query = parse_qs(urlsplit(link).query)
    assert link.startswith("https://github.com/") and "/issues/new?" in link
    assert meta["id"] in query["title"][0]
    body = query["body"][0]
    assert meta["id"] in body and f": {lang}" in body
    assert f"{site_server}{LANGS[lang]}{meta['page']}/" in body


@pytest.mark.only_engine("material", reason="lunr's search_index.json is Material's; MaterialX's Pagefind index per "
                        "language is checked in test_korean_search.py, its 404 pages in test_browser_site.py")
@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_its_own_search_index_and_404(built_site: Path, lang: str) -> None:
    import json
    index = json.loads(read(built_site, f"{LANGS[lang]}search/search_index.json"))
    assert index["config"]["lang"] == [lang]
    pages = {doc["location"] for doc in index["docs"] if "#" not in doc["location"]}
    assert {f"{meta['page']}/" for meta in lessons(lang)} <= pages
    not_found = read(built_site, f"{LANGS[lang]}404.html")
    assert load_strings(lang)["site"]["not_found_title"] in not_found
    assert f'<html lang="{lang}"' in not_found


@pytest.mark.only_engine("material", reason="reads lunr's index, Material's; on both engines test_browser_site.py "
                        "searches a question in Chromium and finds its lesson, not the review page")
@pytest.mark.parametrize("lang", LANGS)
def test_search_finds_a_question_on_its_lesson_and_the_review_page_still_asks_it(built_site: Path, lang: str) -> None:
    """The review page carries every question hidden, for review; search leads to the lesson that asks it."""
    import json
    from coursekit.questions.parse import parse_questions
    meta = lessons(lang)[0]
    source = (REPO / "docs" / lang / f"{meta['page']}.md").read_text(encoding="utf-8")
    question = parse_questions(source, meta["page"])[0][0]
    words = re.search(r"(?:[^\s$`*_\\]+ ){3}[^\s$`*_\\]+", question.prompt)
    assert words, question.prompt
    index = json.loads(read(built_site, f"{LANGS[lang]}search/search_index.json"))
    found = {doc["location"].split("#")[0] for doc in index["docs"] if words.group(0) in doc["text"]}
    assert found == {f"{meta['page']}/"}, (words.group(0), found)
    review = read(built_site, f"{LANGS[lang]}review/index.html")
    assert f'data-course-lesson="{meta["id"]}" data-course-version=' in review and words.group(0) in review


@pytest.mark.only_engine("material", reason="reads lunr's index, Material's")
@pytest.mark.parametrize("lang", LANGS)
def test_search_does_not_show_a_questions_answer(built_site: Path, lang: str) -> None:
    """An explanation is hidden until the reader answers; a search result quoting it would give the answer away.
    (MaterialX's Pagefind reads the built page: there every explanation carries data-pagefind-ignore.)"""
    import json
    from coursekit.fences import find_blocks
    from coursekit.questions.parse import parse_questions
    index = json.loads(read(built_site, f"{LANGS[lang]}search/search_index.json"))
    checked = 0
    for meta in lessons(lang):
        source = (REPO / "docs" / lang / f"{meta['page']}.md").read_text(encoding="utf-8")
        outside = source
        for block in find_blocks(source, info="question"):
            outside = outside.replace(block.source, "")
        texts = [doc["text"] for doc in index["docs"] if doc["location"].split("#")[0] == f"{meta['page']}/"]
        page = read(built_site, f"{LANGS[lang]}{meta['page']}/index.html")
        explanations = re.findall(r"<div class=\"course-explain\"[^>]*>", page)
        assert explanations and all('data-pagefind-ignore="all"' in tag for tag in explanations), meta["page"]
        questions = parse_questions(source, meta["page"])[0]
        outside += " ".join(text for q in questions for text in [q.prompt, *(c.text for c in q.choices)])
        outside = " ".join(outside.split())  # lines wrap anywhere in the source
        for question in questions:
            for explain in [question.explain, *(choice.explain for choice in question.choices)]:
                # Five words in a row with no formula, code or emphasis among them (those render differently).
                runs = (" ".join(run.split()) for run in re.split(r"\$[^$]*\$|`[^`]*`|[*_\[\]()]", explain))
                words = next((m for run in runs if (m := re.search(r"(?:\w+ ){4}\w+", run))), None)
                if not words or words.group(0) in outside:
                    continue
                assert words.group(0) in page, words.group(0)  # the reader still gets it, after answering
                assert not any(words.group(0) in text for text in texts), words.group(0)
                checked += 1
    assert checked >= 10, checked


def test_math_is_mathml_without_scripts(built_site: Path) -> None:
    pages = [p for p in html_pages(built_site) if "<math" in p.read_text(encoding="utf-8")]
    assert pages, "no page rendered any math"
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "arithmatex" not in html and "\\(" not in html and "$$" not in html, page


def test_no_page_keeps_a_build_placeholder_or_a_figure_inside_a_paragraph(built_site: Path) -> None:
    """The build holds figures and questions out of the Markdown converter and formulas out of the search plugin's
    way (placeholders put back later): none may be left, and held HTML must not land inside a <p>."""
    for page in html_pages(built_site):
        html = page.read_text(encoding="utf-8")
        assert "data-course-held" not in html and "course-formula" not in html, page
        assert not re.search(r"<p>\s*(?:<link|<script|<figure|<section)", html), page


@pytest.mark.parametrize("lang", LANGS)
def test_every_computed_figure_has_size_and_alt_text(built_site: Path, lang: str) -> None:
    """That every lesson shows one is this course's rule (course.yml rules.computed_figure), which the build checks."""
    for meta in lessons(lang):
        html = read(built_site, f"{LANGS[lang]}{meta['page']}/index.html")
        for figure in re.findall(r"<figure\b.*?</figure>", html, re.S):
            assert (re.search(r'<img [^>]*width="\d+" height="\d+" [^>]*alt="[^"]{40,}"', figure)
                    or re.search(r'<svg [^>]*role="img"[^>]*viewBox="[^"]+"[^>]*aria-labelledby="[^"]+"', figure)
                    or re.search(r'<svg [^>]*viewBox="[^"]+"[^>]*role="img"[^>]*aria-labelledby="[^"]+"', figure)), \
                f"{meta['page']} ({lang}): a figure without size and alt text: {figure[:300]}"
