"""The C loop of the PDF page source (extractors/pdfium_loops.c), built with the package.

Everything else about the package is in pyproject.toml. The library is optional: where no C
compiler is found the install goes on, and extractors/pdfium_chars.py makes the same calls
through ctypes (the same results, slower).
"""

from setuptools import Extension, setup

setup(ext_modules=[Extension("extractors._pdfium_loops", ["extractors/pdfium_loops.c"],
                             optional=True)])
