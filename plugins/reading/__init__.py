"""Plugins that read the content and decide what it is: which files may
exist, our Markdown reader, the center, facts, notices, translations,
menus, the checklist, FAQs, redirects. Import from lib only.
"""
