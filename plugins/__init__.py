"""The site's own Pelican plugins, one module per job (see README.md)."""
