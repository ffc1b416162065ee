"""Libraries of the build: no Pelican signal of their own. The build's
context (build, sources, warm), problems as data, the field schemas and
the readers of editors' files, the checks' parsers and measures, and the
wording plugins write. Imports nothing from the other packages.
"""
