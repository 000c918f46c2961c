"""The C loops of the PDF page source (extractors/pdfium_loops.c), built with the package.

Everything else about the package is in pyproject.toml. The library is optional for an
install: where no C compiler is found the install goes on, and extractors/pdfium_chars.py
and pdfium_paths.py make the same calls through ctypes (the same results, slower). The tests
require it built (they compare the two paths), so `make test` needs a C compiler.
"""

from setuptools import Extension, setup

setup(ext_modules=[Extension("extractors._pdfium_loops", ["extractors/pdfium_loops.c"],
                             optional=True)])
