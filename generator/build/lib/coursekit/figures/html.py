"""The <figure> HTML around a computed figure (escaped, one line: safe inside Markdown)."""

from __future__ import annotations

from html import escape

from .caption import to_html as caption_html


def image_figure(
    *,
    src: str,
    width: int,
    height: int,
    alt: str,
    caption: str,
    css_class: str = "",
    figure_attrs: str = "",
    img_class: str = "",
    after_img: str = "",
) -> str:
    """<figure> with a lazily decoded <img> of known size (no layout shift) and a caption.

    `figure_attrs` (pre-escaped attributes) and `after_img` (trusted HTML) let a kind add behaviour, as the
    scrubber does with its data attributes and slider.
    """
    cls = f"course-figure {css_class}".strip()
    extra = f" {figure_attrs}" if figure_attrs else ""
    img_cls = f' class="{escape(img_class)}"' if img_class else ""
    return (
        f'<figure class="{cls}"{extra}>'
        f'<img{img_cls} src="{escape(src)}" width="{width}" height="{height}" alt="{escape(alt)}" loading="lazy" decoding="async">'
        f"{after_img}<figcaption>{caption_html(caption)}</figcaption></figure>"
    )


def svg_figure(*, svg: str, caption: str, fig_id: str, css_class: str = "") -> str:
    cls = f"course-figure course-figure--plot {css_class}".strip()
    return f'<figure class="{cls}" id="{escape(fig_id)}">{svg}<figcaption>{caption_html(caption)}</figcaption></figure>'
