"""Template tags that leak into scraped text: mustache/handlebars, Jinja/Liquid/Django, ERB/EJS.

Only the tags go; text between an opening and a closing tag stays, since it may be article text.
"""

from __future__ import annotations

import re

# Bounded lengths keep matching linear on hostile input; a real tag is short.
TEMPLATE_TAG = re.compile(
    r"\{\{\{[^{}\n]{0,200}\}\}\}"  # {{{raw}}}
    r"|\{\{[#/^>!&]?\s*[^{}\n]{0,200}?\}\}"  # {{#section}} {{/section}} {{^inverted}} {{> partial}} {{ x }}
    r"|\{%-?[^%\n]{0,300}?-?%\}"  # {% if ad %} {%- endif -%}
    r"|\{#[^#\n]{0,300}?#\}"  # {# comment #}
    r"|<%[=#-]?[^%\n]{0,300}?-?%>"  # <% code %> <%= value %> <%# comment %>
)
