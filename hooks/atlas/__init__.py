"""The atlas core: load and check practices/, and describe the pages to generate.

Plain Python with no MkDocs import, so it outlives the site generator; hooks/atlas_hooks.py
adapts it to MkDocs and mkdocs-static-i18n.
"""
