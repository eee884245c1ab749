"""The page skeleton's helpers: ``{% title_text %}`` says again what the page's ``title`` block says.

Most pages head their content with the words of their ``<title>``; with ``{% title_text %}`` the
skeleton of ``document.html``/``base.html`` writes that heading, so a page names itself once."""
from __future__ import annotations

from django import template
from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag(takes_context=True)
def title_text(context: template.Context) -> SafeString:
    """The page's ``title`` block (its most derived version), rendered here again."""
    blocks = context.render_context.get(BLOCK_CONTEXT_KEY)
    block = blocks.get_block("title") if blocks is not None else None
    return SafeString(block.nodelist.render(context)) if block is not None else SafeString("")
