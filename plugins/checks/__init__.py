"""Plugins that refuse: the plugins' order, every page's checks before
anything is written, leftover guidance. Import from lib and reading.
"""
