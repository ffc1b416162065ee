"""Plugins that write the files for hosts and browsers after the pages:
the sitemap, security headers, minified pages. Import from any package.

(Not named `output`: Pelican finds a plugin's package through PLUGIN_PATHS
first, and the build's output/ folder beside pelicanconf.py would be found
instead.)
"""
