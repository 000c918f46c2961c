"""Review pages: each plan drawn over its document, so a person checks values by looking.

``pages`` renders PDF pages (pypdfium2), ``html`` writes the page, ``timeline`` its SVG
chart of target periods, ``run`` drives it over a batch and ``cli`` is the command line.
"""
