"""The site's own Pelican plugins, one module per job, in the build's order:

lib/ (no signal: context, files, schemas, checks' parsers, wording) ->
reading/ -> checks/ -> rendering/ -> site_files/. A package imports only
from itself and those before it; docs/architecture.md, "The plugins".
"""
