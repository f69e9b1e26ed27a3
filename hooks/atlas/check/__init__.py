"""Checking what was read: the JSON Schemas, the content rules, the narratives' Markdown."""
