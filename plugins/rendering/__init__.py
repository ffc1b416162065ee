"""Plugins that shape what is written: the theme's words and filters, the
inlined stylesheet, icons, photos, tables, the warm worker's writer.
Import from lib, reading and checks.
"""
